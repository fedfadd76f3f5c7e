/**
 * The mine arguments on a real table: Cochilco's monthly copper output by mine, tonnes, as Reuters and
 * others printed it (test/fixtures/real/chile-cochilco-mines-long.csv, with its sources). January 2021,
 * as printed: Codelco 142,000 t, "+19.4%" on 118,900 t; Escondida 84,700 t, "-16.1%" on 100,900 t
 * (http://ec2-54-156-51-66.compute-1.amazonaws.com/chiles-copper-output-trends-down-in-jan/).
 * The sheet is the two-mine sample of docs/functions.md. Expected values are computed by hand from those figures.
 */
import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { guidanceProgress, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { col, expectError, OMITTED, row } from "./helpers";

const N = OMITTED;
// The analyst's sheet: header, two mines, the restated January 2020 for Codelco, February 2021 listed ahead.
const MONTH = col(
  "Month",
  "Nov 2019",
  "Nov 2019",
  "Jan 2020",
  "Jan 2020",
  "May 2020",
  "May 2020",
  "Oct 2020",
  "Oct 2020",
  "Dec 2020",
  "Dec 2020",
  "Jan 2021",
  "Jan 2021",
  "Feb 2021",
  "Feb 2021",
);
const MINE = col("Mine", ...Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? "Codelco" : "Escondida")));
const COPPER = col(
  "Copper (t)",
  155200,
  103200,
  118900,
  100900,
  144200,
  93400,
  159900,
  99900,
  157800,
  104900,
  142000,
  84700,
  null,
  null,
);
const round = (x: unknown, digits = 4) => Number((x as number).toFixed(digits));

describe("YOY_GROWTH with mines", () => {
  it("one mine named: Codelco's January 2021 against its own January 2020 (+19.4% printed)", () => {
    // 142,000 / 118,900 - 1 = 0.194281
    expect(round(yoyGrowth(MONTH, COPPER, [["Jan 2021"]], N, N, MINE, [["Codelco"]])[0][0])).toBe(0.1943);
    // 84,700 / 100,900 - 1 = -0.160555 (printed -16.1%); case and spaces of the name do not matter
    expect(round(yoyGrowth(MONTH, COPPER, [["Jan 2021"]], N, N, MINE, [["  escondida "]])[0][0])).toBe(-0.1606);
  });

  it("a spill beside the table answers each row for its own mine, in one call", () => {
    const out = yoyGrowth(MONTH, COPPER, MONTH, N, N, MINE, N);
    expect(out).toHaveLength(15);
    expectError(out[0][0], "#VALUE!", 'row 1 of period: "Month" is not a period');
    expectError(out[1][0], "#N/A", "row 2 of period: no value for Nov 2018");
    expect(round(out[11][0])).toBe(0.1943);
    expect(round(out[12][0])).toBe(-0.1606);
    // February 2021 is listed but not reported (and February 2020 is not in the table).
    expectError(out[13][0], "#N/A", "row 14 of period: no value for Feb 2020");
  });

  it("the per-row form ([@Month], [@Mine]) gives what the spill gives, row by row", () => {
    const spill = yoyGrowth(MONTH, COPPER, MONTH, N, N, MINE, N);
    for (let r = 1; r < MONTH.length; r++) {
      const one = yoyGrowth(MONTH, COPPER, [MONTH[r]], N, N, MINE, [MINE[r]])[0][0];
      if (typeof spill[r][0] === "number") expect(one).toBe(spill[r][0]);
      else expect((one as { code: string }).code).toBe((spill[r][0] as { code: string }).code);
    }
  });

  it("a range of mines beside one period, or a period per mine", () => {
    const out = yoyGrowth(MONTH, COPPER, [["Jan 2021"]], N, N, MINE, col("Codelco", "Escondida", "Collahuasi"));
    expect(round(out[0][0])).toBe(0.1943);
    expect(round(out[1][0])).toBe(-0.1606);
    expectError(out[2][0], "#N/A", 'row 3 of mine: "Collahuasi" is not in mines');
    const pairs = yoyGrowth(MONTH, COPPER, row("Jan 2021", "Jan 2021"), N, N, MINE, row("Escondida", "Codelco"));
    expect(pairs[0].map((x) => round(x))).toEqual([-0.1606, 0.1943]);
  });

  it("ytd per mine: Escondida's November 2019 to January 2021 windows stay its own", () => {
    // ytd Jan 2021 = January alone; quarter of Jan 2021 against Q1 2020 to date = January again.
    expect(round(yoyGrowth(MONTH, COPPER, [["Jan 2021"]], "ytd", N, MINE, [["Escondida"]])[0][0])).toBe(-0.1606);
    // ttm needs every month of two years: Escondida has gaps, so the first missing month is named.
    expectError(
      yoyGrowth(MONTH, COPPER, [["Jan 2021"]], "ttm", N, MINE, [["Escondida"]])[0][0],
      "#N/A",
      "no value for Feb 2019",
    );
  });

  it("says what is wrong with the mine arguments", () => {
    expectError(
      yoyGrowth(MONTH, COPPER, [["Jan 2021"]], N, N, MINE, N)[0][0],
      "#VALUE!",
      'mine: none given; name the mine (mines holds 2 mines: "Codelco", "Escondida")',
    );
    expectError(yoyGrowth(MONTH, COPPER, [["Jan 2021"]], N, N, N, [["Codelco"]])[0][0], "#VALUE!", "mine needs mines");
    expectError(
      yoyGrowth(MONTH, COPPER, [["Jan 2021"]], N, N, MINE.slice(0, 3), [["Codelco"]])[0][0],
      "#VALUE!",
      "dates and mines differ in size: 15 and 3 cells",
    );
    expectError(yoyGrowth([[142000]], [[118900]], N, N, N, MINE, N)[0][0], "#VALUE!", "mines and mine need a period");
    expectError(
      yoyGrowth(MONTH, COPPER, col("Jan 2021", "Jan 2021"), N, N, MINE, col("A", "B", "C"))[0][0],
      "#VALUE!",
      "period (2×1) and mine (3×1) differ in shape",
    );
  });

  it("a dated row without a mine is an error for the table, naming the row", () => {
    const mines = MINE.map((r, i) => (i === 4 ? [null] : r));
    expectError(
      yoyGrowth(MONTH, COPPER, [["Jan 2021"]], N, N, mines, [["Codelco"]])[0][0],
      "#VALUE!",
      "row 5 of mines: no mine named",
    );
  });

  it("Codelco's January 2020 twice (as printed, then restated) spoils Codelco's answers only", () => {
    const months = [...MONTH, ["Jan 2020"]];
    const mines = [...MINE, ["Codelco"]];
    const copper = [...COPPER, [118600]];
    expectError(
      yoyGrowth(months, copper, [["Jan 2021"]], N, N, mines, [["Codelco"]])[0][0],
      "#VALUE!",
      'Jan 2020 appears twice for mine "Codelco" in dates: row 4 and row 16',
    );
    expect(round(yoyGrowth(months, copper, [["Jan 2021"]], N, N, mines, [["Escondida"]])[0][0])).toBe(-0.1606);
  });
});

describe("RECORD_MONTH with mines", () => {
  it("one answer per row, each month against its own mine's earlier months (scope all)", () => {
    // Codelco: Oct 2020 (159,900) beats Nov 2019 (155,200). Escondida: Dec 2020 (104,900) beats Nov 2019 (103,200).
    // Were the mines one series, Escondida's figures would never be records (Codelco's are all higher).
    expect(recordMonth(MONTH, COPPER, N, "all", N, MINE, N)).toEqual([
      [""],
      [false],
      [false],
      [false],
      [false],
      [false],
      [false],
      [true],
      [false],
      [false],
      [true],
      [false],
      [false],
      [""],
      [""],
    ]);
  });

  it("with one mine named, the other mine's rows are blank", () => {
    const out = recordMonth(MONTH, COPPER, N, "all", N, MINE, [["Escondida"]]).map((r) => r[0]);
    expect(out).toEqual(["", "", false, "", false, "", false, "", false, "", true, "", false, "", ""]);
  });

  it("per row: the record to beat and its month are the mine's own", () => {
    // Escondida, Jan 2021, scope month: the record to beat is its January 2020 (100,900).
    expect(recordMonth(MONTH, COPPER, [["Jan 2021"]], "month", "previous", MINE, [["Escondida"]])).toEqual([[100900]]);
    expect(recordMonth(MONTH, COPPER, [["Jan 2021"]], "month", "flag", MINE, [["Codelco"]])).toEqual([[true]]);
    // margin: 142,000 / 118,900 - 1
    expect(round(recordMonth(MONTH, COPPER, [["Jan 2021"]], "month", "margin", MINE, [["Codelco"]])[0][0])).toBe(
      0.1943,
    );
    expectError(
      recordMonth(MONTH, COPPER, [["Feb 2021"]], "month", N, MINE, [["Codelco"]])[0][0],
      "#N/A",
      'period: Feb 2021 has no value for mine "Codelco"',
    );
    expectError(
      recordMonth(MONTH, COPPER, [["Mar 2021"]], "month", N, MINE, [["Codelco"]])[0][0],
      "#N/A",
      'period: Mar 2021 is not in dates for mine "Codelco"',
    );
  });

  it("a spill of periods beside mines (the per-row form's answers, in one call)", () => {
    const [dates, copper, mines] = [MONTH, COPPER, MINE].map((c) => c.slice(1, 13));
    const spill = recordMonth(dates, copper, dates, "all", N, mines, N);
    expect(spill.map((r) => r[0])).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it("the same month twice for one mine shows that mine's error on its rows only", () => {
    const out = recordMonth([...MONTH, ["Jan 2020"]], [...COPPER, [118600]], N, "all", N, [...MINE, ["Codelco"]], N);
    expectError(out[1][0], "#VALUE!", 'Jan 2020 appears twice for mine "Codelco" in dates: row 4 and row 16');
    expectError(out[15][0], "#VALUE!", "appears twice");
    expect(out[10][0]).toBe(true); // Escondida, Dec 2020
    expect(out[14][0]).toBe("");
  });

  it("mine must be one cell when period is omitted", () => {
    expectError(recordMonth(MONTH, COPPER, N, N, N, MINE, col("Codelco", "Escondida"))[0][0], "#VALUE!", "one cell");
    expectError(recordMonth(MONTH, COPPER, N, N, N, N, [["Codelco"]])[0][0], "#VALUE!", "mine needs mines");
    expectError(
      recordMonth(MONTH, COPPER, N, N, N, MINE, [["Collahuasi"]])[0][0],
      "#N/A",
      '"Collahuasi" is not in mines',
    );
  });
});

describe("GUIDANCE_PROGRESS with mines", () => {
  it("needs a mine, and says so, naming the mines it could be", () => {
    expectError(
      guidanceProgress([["1.6-1.7 million t"]], MONTH, COPPER, [["Jan 2021"]], "ytd", N, N, N, MINE, N)[0][0],
      "#VALUE!",
      'mine: none given; guidance is for one mine, so name it (mines holds 2 mines: "Codelco", "Escondida")',
    );
    expectError(
      guidanceProgress(
        [["1.6-1.7 million t"]],
        MONTH,
        COPPER,
        [["Jan 2021"]],
        "ytd",
        N,
        N,
        N,
        MINE,
        col("Codelco", "Escondida"),
      )[0][0],
      "#VALUE!",
      "mine must be a single cell",
    );
  });

  it("the year to date is the mine's own", () => {
    // A guidance typed for the example: the year to date and pct_low need only its low end.
    expect(
      guidanceProgress([["1.6-1.7 million t"]], MONTH, COPPER, [["Jan 2021"]], "ytd", N, N, N, MINE, [["Codelco"]]),
    ).toEqual([[142000]]);
    const pct = guidanceProgress([["1.6-1.7 million t"]], MONTH, COPPER, [["Jan 2021"]], "pct_low", N, N, N, MINE, [
      ["Escondida"],
    ]);
    expect(pct[0][0]).toBe(84700 / 1_600_000);
    // 2020 to date at December needs every month of 2020: Escondida lacks February.
    expectError(
      guidanceProgress([["1.6-1.7 million t"]], MONTH, COPPER, [["Dec 2020"]], "ytd", N, N, N, MINE, [
        ["Escondida"],
      ])[0][0],
      "#N/A",
      "no value for Feb 2020",
    );
  });
});
