import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { guidanceProgressSpec } from "../../src/functions/progress";
import { runFunction } from "../../src/functions/run";
import { col, expectError, expectExcelSafe, row, serial, wholeColumn } from "./helpers";

// What Excel calls: =PROD.GUIDANCE_PROGRESS(guidance, dates, values, as_of, [output], [weights], [fiscal_year_start])
const progress = (...args: unknown[]): unknown[][] => {
  const out = runFunction(guidanceProgressSpec, args);
  expectExcelSafe(out);
  return out;
};

// The company's monthly table as the release prints it.
const dates = col(serial(2016, 1), serial(2016, 2), serial(2017, 1), serial(2017, 2));
const values = col(4512, 5125, 5208, 6736);

describe("seed: Dynacor press release 2017-03-29", () => {
  it("omitting output spills the two-column table of labels and values", () => {
    const t = progress([["88-92,000"]], dates, values, [["Feb 2017"]], null, null, null);
    expect(t.map((r) => r[0])).toEqual([
      "ytd",
      "pct_low",
      "pct_mid",
      "pct_high",
      "expected_share",
      "needed_low",
      "needed_high",
      "status",
    ]);
    const v = Object.fromEntries(t as [string, number | string][]);
    expect(v.ytd).toBe(11944);
    expect(v.pct_low).toBeCloseTo(0.1357, 4);
    expect(v.pct_high).toBeCloseTo(0.1298, 4);
    expect(v.expected_share).toBeCloseTo(2 / 12, 12);
    expect(v.needed_low).toBeCloseTo(7605.6, 9);
    expect(v.needed_high).toBeCloseTo(8005.6, 9);
    expect(v.status).toBe("out of reach");
  });

  it("output picks one figure by name, any case", () => {
    expect(progress([["88-92,000"]], dates, values, [["Feb 2017"]], "status")).toEqual([["out of reach"]]);
    expect(progress([["88-92,000"]], dates, values, [["Feb 2017"]], [["YTD"]])).toEqual([[11944]]);
    expect(progress([["88-92,000"]], dates, values, [["Feb 2017"]], " Needed_Low ")[0][0]).toBeCloseTo(7605.6, 9);
    expect(progress([["88-92,000"]], dates, values, [["Feb 2017"]], "")).toHaveLength(8); // blank: the whole table
  });

  it("12 weights putting 13.1% of the year in Jan+Feb give expected_share 0.131", () => {
    const weights = col(4512, 5125, ...Array<number>(10).fill(6383.9));
    const [[share]] = progress([["88-92,000"]], dates, values, [["Feb 2017"]], "expected_share", weights);
    expect(share).toBeCloseTo(0.131, 3);
  });
});

describe("Excel-shaped arguments", () => {
  it("guidance as two cells, one number, or numbers stored as text; as_of as a date serial of any day", () => {
    const ytdPct = (g: unknown) => progress(g, dates, values, [[serial(2017, 2, 28)]], "pct_low")[0][0];
    expect(ytdPct(row(88000, 92000))).toBeCloseTo(11944 / 88000, 12);
    expect(ytdPct(col("88,000", "92,000"))).toBeCloseTo(11944 / 88000, 12);
    expect(ytdPct([[90000]])).toBeCloseTo(11944 / 90000, 12);
  });

  it("as_of as a quarter or a year takes its last month", () => {
    const d = col(...Array.from({ length: 12 }, (_, i) => serial(2017, i + 1)));
    const v = col(...Array<number>(12).fill(1000));
    expect(progress([["11,000 to 13,000 oz"]], d, v, [["Q1 2017"]], "ytd")).toEqual([[3000]]);
    expect(progress([["11,000 to 13,000 oz"]], d, v, [[2017]], "status")).toEqual([["within"]]);
  });

  it("whole columns with a header and a million trailing blanks, values stored as text", () => {
    const d = wholeColumn(["Month", "Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017"]);
    const v = wholeColumn(["Gold (oz)", "4,512", "5,125", "5,208", "6,736 oz"]);
    expect(progress([["88-92,000 ounces"]], d, v, [["2017-02"]], "ytd")).toEqual([[11944]]);
  });

  it('weights "prior_year" in a cell, and fiscal_year_start as text', () => {
    const d = col(...Array.from({ length: 14 }, (_, i) => serial(2016, 4 + i))); // Apr 2016 .. May 2017
    const v = col(...Array.from({ length: 14 }, (_, i) => (i < 3 ? 500 : 1000)));
    // FY2018 starts Apr 2017; prior year Apr 2016–Mar 2017 = 3×500 + 9×1000 = 10,500; its Apr+May = 1,000
    const [[share]] = progress([[12000]], d, v, [["May 2017"]], "expected_share", [["prior_year"]], "4");
    expect(share).toBeCloseTo(1000 / 10500, 12);
  });

  it("weights in a whole column stop at the last filled cell", () => {
    const weights = wholeColumn([4512, 5125, ...Array<number>(10).fill(6383.9)]);
    const [[share]] = progress([["88-92,000"]], dates, values, [["Feb 2017"]], "expected_share", weights);
    expect(share).toBeCloseTo(9637 / 73476, 12);
  });

  it('an empty weights cell (null or "") means straight-line weights', () => {
    expect(progress([["88-92,000"]], dates, values, [["Feb 2017"]], "expected_share", [[""]])[0][0]).toBeCloseTo(
      2 / 12,
      12,
    );
  });
});

describe("errors name the argument and the text", () => {
  const g = [["88-92,000"]];
  it("a missing month is #N/A in the figures that need it; the others keep their values", () => {
    const t = progress(g, dates, values, [["Mar 2017"]]);
    expectError(t[0][1], "#N/A", "no value for Mar 2017");
    expect(t[4]).toEqual(["expected_share", 0.25]);
    expectError(t[7][1], "#N/A", "Mar 2017");
  });
  it("the year complete: needed is #N/A 'no months left'", () => {
    const d = col(...Array.from({ length: 12 }, (_, i) => serial(2017, i + 1)));
    const v = col(...Array<number>(12).fill(7000));
    expectError(
      progress(g, d, v, [["Dec 2017"]], "needed_low")[0][0],
      "#N/A",
      "no months left: 2017 is complete at Dec 2017",
    );
    expect(progress(g, d, v, [["Dec 2017"]], "status")).toEqual([["below"]]);
  });
  it("unreadable guidance quotes it; a column of guidances is refused", () => {
    expectError(
      progress([["lots of gold"]], dates, values, [["Feb 2017"]])[0][0],
      "#VALUE!",
      'guidance "lots of gold"',
    );
    expectError(
      progress(col("88-92,000", "90,000"), dates, values, [["Feb 2017"]])[0][0],
      "#VALUE!",
      "one guidance",
      "not 2",
    );
  });
  it("as_of blank, unreadable or a range", () => {
    for (const empty of [null, 0, ""]) {
      expectError(progress(g, dates, values, [[empty]])[0][0], "#VALUE!", "as_of: an empty cell is not a period");
    }
    expectError(progress(g, dates, values, [["01/02/2017"]])[0][0], "#VALUE!", "as_of", "01/02/2017");
    expectError(
      progress(g, dates, values, row("Jan 2017", "Feb 2017"))[0][0],
      "#VALUE!",
      "as_of must be a single cell",
    );
  });
  it("output not among the names lists them", () => {
    expectError(
      progress(g, dates, values, [["Feb 2017"]], "remaining")[0][0],
      "#VALUE!",
      "output must be one of",
      '"needed_low"',
      "remaining",
    );
  });
  it("weights: wrong count, an empty cell is 0, text in a cell, a single number", () => {
    const w11 = col(...Array<number>(11).fill(1));
    expectError(
      progress(g, dates, values, [["Feb 2017"]], "expected_share", w11)[0][0],
      "#VALUE!",
      "weights must be 12 cells",
      "not 11",
    );
    // Excel desktop passes an empty weight as 0, the web as null: both are 0.
    for (const empty of [null, "", 0]) {
      const blank = col(1, 1, empty, 1, 1, 1, 1, 1, 1, 1, 1, empty);
      expect(progress(g, dates, values, [["Feb 2017"]], "expected_share", blank)).toEqual([[2 / 10]]);
    }
    expectError(
      progress(g, dates, values, [["Feb 2017"]], "expected_share", col(1, "n/a", ...Array<number>(10).fill(1)))[0][0],
      "#VALUE!",
      'row 2 of weights is "n/a"',
    );
    const text = col(1, "heavy", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    expectError(
      progress(g, dates, values, [["Feb 2017"]], "expected_share", text)[0][0],
      "#VALUE!",
      "row 2 of weights",
      "heavy",
    );
    expectError(
      progress(g, dates, values, [["Feb 2017"]], "expected_share", [[0.5]])[0][0],
      "#VALUE!",
      '"prior_year" or 12 cells',
    );
  });
  it("fiscal_year_start out of 1-12", () => {
    expectError(progress(g, dates, values, [["Feb 2017"]], null, null, 13)[0][0], "#VALUE!", "fiscal_year_start", "13");
  });
  it("dates and values of different sizes, and a month twice", () => {
    expectError(progress(g, dates, col(1, 2, 3), [["Feb 2017"]])[0][0], "#VALUE!", "differ in size");
    const twice = col(serial(2017, 1), serial(2017, 1, 15));
    expectError(progress(g, twice, col(1, 2), [["Feb 2017"]])[0][0], "#VALUE!", "Jan 2017", "twice");
  });
});
