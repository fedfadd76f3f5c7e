import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { yoyGrowth } from "../../src/functions/functions";
import { OMITTED, col, expectError, expectExcelSafe, row, serial, wholeColumn } from "./helpers";

describe("YOY_GROWTH(current, prior)", () => {
  it("two numbers: current/prior - 1, as a 1×1 result", () => {
    const out = yoyGrowth([[110]], [[100]]);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(1);
    expect(out[0][0]).toBeCloseTo(0.1, 15);
  });

  it("numbers stored as text are read, with thousands separators and units", () => {
    expect(yoyGrowth([["7 352"]], [["6,736 oz"]])[0][0]).toBeCloseTo(7352 / 6736 - 1, 15);
  });

  it("a current of 0 before the last figure (a stopped mine) is -100%; a single 0 is no value", () => {
    expect(yoyGrowth(col(0, 120), col(500, 100))).toEqual([[-1], [0.19999999999999996]]);
    // Excel desktop passes an empty cell as 0: one cell of 0 cannot be told from an empty one.
    expectError(yoyGrowth([[0]], [[500]])[0][0], "#N/A", "current: no value (the cell is empty or 0)");
  });

  it("same-shape columns spill element by element", () => {
    const out = yoyGrowth(col(110, 90, 100), col(100, 100, 50));
    expect(out.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(out[0][0]).toBeCloseTo(0.1, 15);
    expect(out[1][0]).toBeCloseTo(-0.1, 15);
    expect(out[2][0]).toBe(1);
  });

  it("same-shape rows and 2-D ranges spill in their shape", () => {
    expect(yoyGrowth(row(2, 3), row(1, 1))).toEqual([[1, 2]]);
    expect(
      yoyGrowth(
        [
          [2, 3],
          [4, 5],
        ],
        [
          [1, 1],
          [2, 5],
        ],
      ),
    ).toEqual([
      [1, 2],
      [1, 0],
    ]);
  });

  it("a single value broadcasts against a range, on either side", () => {
    expect(yoyGrowth(col(200, 300), [[100]])).toEqual([[1], [2]]);
    expect(yoyGrowth([[300]], row(100, 150))).toEqual([[2, 1]]);
  });

  it("ranges of different shapes are #VALUE! giving both shapes", () => {
    const out = yoyGrowth(col(1, 2, 3), col(1, 2));
    expect(out).toHaveLength(1);
    expectError(out[0][0], "#VALUE!", "current (3×1) and prior (2×1) differ in shape");
  });

  it("a zero prior in a range is #DIV/0!; a single prior of 0 is no value", () => {
    expectError(yoyGrowth(col(5, 6), col(0, 3))[0][0], "#DIV/0!");
    expectError(yoyGrowth([[5]], [[0]])[0][0], "#N/A", "prior: no value (the cell is empty or 0)");
  });

  it("a negative value is #VALUE! with the reason, naming the argument", () => {
    expectError(yoyGrowth([[-5]], [[10]])[0][0], "#VALUE!", "current: -5 is negative");
    expectError(yoyGrowth([[5]], [["(1,234)"]])[0][0], "#VALUE!", "prior: -1234 is negative");
  });

  it("text that is not a number is #VALUE! quoting it", () => {
    expectError(yoyGrowth([["lots"]], [[10]])[0][0], "#VALUE!", "current: ", '"lots" is not a number');
    expectError(yoyGrowth([[true]], [[10]])[0][0], "#VALUE!", '"TRUE" is not a number');
  });

  it('a blank (null, "", or a placeholder such as n/a) is #N/A no value', () => {
    for (const blank of [null, "", 0, "n/a", "-"]) {
      expectError(yoyGrowth([[blank]], [[10]])[0][0], "#N/A", "current: no value");
      expectError(yoyGrowth([[10]], [[blank]])[0][0], "#N/A", "prior: no value");
    }
  });

  it("one bad cell in a spill is an error in that cell only, naming its row", () => {
    const out = yoyGrowth(col(110, "abc", 120, "n/a", null, 50), col(100, 100, 0, 100, 100, 100));
    expect(out).toHaveLength(6);
    expect(out[0][0]).toBeCloseTo(0.1, 15);
    expectError(out[1][0], "#VALUE!", "row 2 of current", '"abc"');
    expectError(out[2][0], "#DIV/0!");
    expectError(out[3][0], "#N/A", "row 4 of current: no value");
    expect(out[4][0]).toBe(-1); // an empty cell before the last figure is 0
    expect(out[5][0]).toBe(-0.5);
    expectExcelSafe(out);
  });

  it("a 2-D error names row and column", () => {
    const out = yoyGrowth(
      [
        [1, 2],
        [3, "x"],
      ],
      [
        [1, 1],
        [1, 1],
      ],
    );
    expectError(out[1][1], "#VALUE!", "row 2, column 2 of current");
  });

  it("a result too large to show is #NUM!", () => {
    expectError(yoyGrowth([[1e308]], [[1e-10]])[0][0], "#NUM!");
  });

  it("whole columns with a header and a million trailing blanks stop at the last filled row", () => {
    const current = wholeColumn(["This year", ...Array.from({ length: 240 }, (_, i) => 100 + i)]);
    const prior = wholeColumn(["Last year", ...Array.from({ length: 240 }, () => 100)]);
    const out = yoyGrowth(current, prior);
    expect(out).toHaveLength(241);
    expect(out[0][0]).toBe(""); // the titles
    expect(out[1][0]).toBe(0);
    expect(out[240][0]).toBeCloseTo(2.39, 12);
    expectExcelSafe(out);
  });

  it("a first row is a header only when every cell of it is text that is not a number", () => {
    expect(yoyGrowth(col("This year", 110), col("Last year", 100))[0][0]).toBe("");
    expectError(yoyGrowth(col("This year", 110), col(100, 100))[0][0], "#VALUE!", "row 1 of current", '"This year"');
    // Not a header: two empty cells before the figures, each 0.
    expectError(yoyGrowth(col("", 110), col("", 100))[0][0], "#DIV/0!");
    expectError(yoyGrowth(col(110, "x", 5), col(100, "y", 5))[1][0], "#VALUE!", "row 2 of current", '"x"');
  });

  it("months of current not reported yet (empty or 0 after its last figure) are #N/A, on desktop and on the web", () => {
    for (const empty of [0, null, ""]) {
      const out = yoyGrowth(wholeColumn([110, 0, 90, empty, empty], empty), wholeColumn([100, 100, 100, 100], empty));
      expect(out).toHaveLength(4);
      expect(out[0][0]).toBeCloseTo(0.1, 15);
      expect(out[1][0]).toBe(-1); // a 0 before the last figure is a real 0
      expect(out[2][0]).toBeCloseTo(-0.1, 15);
      expectError(out[3][0], "#N/A", "row 4 of current: not reported");
    }
  });

  it("an empty cell inside a short range is 0 whichever way it arrives", () => {
    for (const empty of [0, null, ""]) {
      expectError(yoyGrowth(col(5, 6), col(empty, 3))[0][0], "#DIV/0!");
      expect(yoyGrowth(col(empty, 6), col(5, 3))[0][0]).toBe(-1);
    }
  });

  it("in a row, and in each row of a block, the cells after the last figure are not reported", () => {
    const out = yoyGrowth(
      [
        [5, 0, 7, 0],
        [3, null, 0, ""],
      ],
      [
        [1, 1, 1, 1],
        [1, 1, 1, 1],
      ],
    );
    expect(out[0].slice(0, 3)).toEqual([4, -1, 6]);
    expectError(out[0][3], "#N/A", "row 1, column 4 of current: not reported");
    expect(out[1][0]).toBe(2);
    for (const c of [1, 2, 3]) expectError(out[1][c], "#N/A", `row 2, column ${c + 1} of current: not reported`);
  });

  it("basis without period is #VALUE! (it belongs to the calendar form)", () => {
    expectError(yoyGrowth([[110]], [[100]], OMITTED, "ytd")[0][0], "#VALUE!", "need a period");
  });
});

/** Jan 2015 – Dec 2017, dated mid-month: 2015 = m*10-5, 2016 = m*10, 2017 = m*10+10. */
function synthetic(): { dates: unknown[][]; values: unknown[][] } {
  const dates: unknown[] = [];
  const values: unknown[] = [];
  const offset: Record<number, number> = { 2015: -5, 2016: 0, 2017: 10 };
  for (const y of [2015, 2016, 2017]) {
    for (let m = 1; m <= 12; m++) {
      dates.push(serial(y, m, 15));
      values.push(m * 10 + offset[y]);
    }
  }
  return { dates: col(...dates), values: col(...values) };
}

describe("YOY_GROWTH(dates, values, period, [basis], [fiscal_year_start])", () => {
  const { dates, values } = synthetic();
  const g = (period: unknown, basis?: unknown, fys?: unknown) => yoyGrowth(dates, values, period as never, basis, fys);

  it("a month period defaults to the month basis: Feb 2017 30 over Feb 2016 20", () => {
    expect(g([["Feb 2017"]])).toEqual([[0.5]]);
    expect(g([[serial(2017, 2, 28)]])).toEqual([[0.5]]); // a date anywhere in the month
  });

  it("a quarter period defaults to its three months: Q1 2017 90 over Q1 2016 60", () => {
    expect(g([["Q1 2017"]])).toEqual([[0.5]]);
  });

  it("a year period defaults to the year: 2017 900 over 2016 780", () => {
    expect(g([[2017]])[0][0]).toBeCloseTo(900 / 780 - 1, 14);
  });

  it("quarter basis with a month: quarter to date, Jan-Feb 2017 50 over 30", () => {
    expect(g([["Feb 2017"]], "quarter")[0][0]).toBeCloseTo(50 / 30 - 1, 14);
  });

  it("ttm: Mar 2016-Feb 2017 800 over Mar 2015-Feb 2016 730", () => {
    expect(g([["Feb 2017"]], "TTM")[0][0]).toBeCloseTo(800 / 730 - 1, 14);
  });

  it("fiscal_year_start 4: ytd Feb 2017 is Apr 2016-Feb 2017, 770 over 705", () => {
    expect(g([["Feb 2017"]], "ytd", 4)[0][0]).toBeCloseTo(770 / 705 - 1, 14);
  });

  it("fiscal_year_start 4: year 2017 is fiscal 2017 (Apr 2016-Mar 2017), 810 over 735", () => {
    expect(g([[2017]], "year", 4)[0][0]).toBeCloseTo(810 / 735 - 1, 14);
  });

  it("a range of periods spills in its shape; a bad period is an error in its cell only", () => {
    const out = g([
      ["Feb 2017", "Q1 2017"],
      ["Feb 2015", "Febtober"],
    ]);
    expect(out[0]).toEqual([0.5, 0.5]);
    expectError(out[1][0], "#N/A", "row 2, column 1 of period", "Feb 2014");
    expectError(out[1][1], "#VALUE!", "row 2, column 2 of period", '"Febtober"');
    expectExcelSafe(out);
  });

  it("a column of periods aligned with a whole column stops at the last filled row", () => {
    const out = g(wholeColumn(["Jan 2017", "Feb 2017"]));
    expect(out).toHaveLength(2);
    expect(out[0][0]).toBe(1); // 20 over 10
    expect(out[1][0]).toBe(0.5);
  });

  it("a blank or 0 period is #VALUE! (an empty cell is not a period)", () => {
    for (const empty of [null, "", 0]) {
      expectError(g([[empty]])[0][0], "#VALUE!", "period: an empty cell is not a period");
    }
  });

  it("a month missing from either window is #N/A naming the first missing month", () => {
    expectError(g([["Mar 2015"]], "ytd")[0][0], "#N/A", "Jan 2014");
    expectError(g([["Mar 2018"]])[0][0], "#N/A", "Mar 2018");
  });

  it("reads basis in any case and with spaces; a blank basis is the period's own", () => {
    expect(g([["Feb 2017"]], " YTD ")).toEqual(g([["Feb 2017"]], "ytd"));
    expect(g([["Feb 2017"]], "")).toEqual(g([["Feb 2017"]], "month"));
    expect(g([["Feb 2017"]], null)).toEqual(g([["Feb 2017"]], "month"));
    expectError(
      g([["Feb 2017"]], "yearly")[0][0],
      "#VALUE!",
      'basis must be one of "month", "quarter", "year", "ytd", "ttm", not "yearly"',
    );
  });

  it("a bad basis or fiscal_year_start is #VALUE! naming it", () => {
    expectError(g([["Feb 2017"]], "weekly")[0][0], "#VALUE!", "basis must be one of", '"weekly"');
    expectError(
      g([["Feb 2017"]], "ytd", 13)[0][0],
      "#VALUE!",
      "fiscal_year_start must be a whole number from 1 to 12, not 13",
    );
  });

  it("dates and values of different sizes are #VALUE!", () => {
    const out = yoyGrowth(col(serial(2016, 1), serial(2017, 1)), col(1, 2, 3), [["Jan 2017"]]);
    expectError(out[0][0], "#VALUE!", "dates and values differ in size");
  });

  it("the same month twice is #VALUE! naming both rows", () => {
    const out = yoyGrowth(col(serial(2017, 1, 3), serial(2017, 1, 20)), col(1, 2), [["Jan 2017"]]);
    expectError(out[0][0], "#VALUE!", "Jan 2017", "row 1", "row 2");
  });

  it("a bad value is #VALUE! naming its row of values", () => {
    const out = yoyGrowth(col("Month", serial(2016, 1), serial(2017, 1)), col("Ounces", 100, "12,34"), [["Jan 2017"]]);
    expectError(out[0][0], "#VALUE!", "row 3 of values", '"12,34"');
  });

  it("month texts as dates, a header and whole columns with desktop zeros", () => {
    const dates = wholeColumn(["Month", "Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017"], 0);
    const values = wholeColumn(["Gold (oz)", "1,000", 2000, 1500, "2,500 oz"], 0);
    expect(yoyGrowth(dates, values, [["Feb 2017"]], "ytd")[0][0]).toBeCloseTo(4000 / 3000 - 1, 14);
  });
});
