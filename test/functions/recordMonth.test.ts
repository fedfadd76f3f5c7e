import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { recordMonth } from "../../src/functions/functions";
import { OMITTED, col, expectError, expectExcelSafe, row, serial, wholeColumn } from "./helpers";

/**
 * Jan-Mar of 2015, 2016, 2017 (other months absent):
 *        Jan  Feb  Mar
 * 2015   100  120   90
 * 2016   110  120  130
 * 2017   105  150  130
 */
const MONTHS: [number, number, number][] = [
  [2015, 1, 100],
  [2015, 2, 120],
  [2015, 3, 90],
  [2016, 1, 110],
  [2016, 2, 120],
  [2016, 3, 130],
  [2017, 1, 105],
  [2017, 2, 150],
  [2017, 3, 130],
];
const dates = col(...MONTHS.map(([y, m]) => serial(y, m, 10)));
const values = col(...MONTHS.map(([, , v]) => v));
const flags = (out: unknown[][]) => out.map((r) => r[0]);

describe("RECORD_MONTH with period omitted: one flag per row of dates", () => {
  it('scope "month" (default): beats every earlier value of the same calendar month', () => {
    const out = recordMonth(dates, values);
    expect(flags(out)).toEqual([false, false, false, true, false, true, false, true, false]);
    expect(recordMonth(dates, values, OMITTED, "month")).toEqual(out);
  });

  it('scope "all": beats every earlier month', () => {
    expect(flags(recordMonth(dates, values, OMITTED, "all"))).toEqual([
      false,
      true,
      false,
      false,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it('scope "ytd": best month so far this year', () => {
    expect(flags(recordMonth(dates, values, OMITTED, "ytd"))).toEqual([
      false,
      true,
      false,
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  it("a tie is not a record (Feb 2016 = Feb 2015 = 120; Mar 2017 = Mar 2016 = 130)", () => {
    const out = flags(recordMonth(dates, values));
    expect(out[4]).toBe(false);
    expect(out[8]).toBe(false);
  });

  it("rows in any order give the same answer per row", () => {
    const order = [8, 0, 4, 2, 6, 1, 3, 7, 5];
    const shuffled = recordMonth(col(...order.map((i) => dates[i][0])), col(...order.map((i) => values[i][0])));
    const straight = flags(recordMonth(dates, values));
    expect(flags(shuffled)).toEqual(order.map((i) => straight[i]));
  });

  it('aligned with a whole column: header and rows without a date are "", the spill stops at the last date', () => {
    const d = wholeColumn(["Month", serial(2016, 2), null, serial(2017, 2), "", serial(2017, 3)]);
    const v = wholeColumn(["Gold (oz)", 5125, "note", 6736, null, 100]);
    const out = recordMonth(d, v);
    expect(out).toEqual([[""], [false], [""], [true], [""], [false]]);
    expectExcelSafe(out);
  });

  it('desktop zeros below a whole column are dropped; a dated month without a value is ""', () => {
    const d = wholeColumn([serial(2016, 2), serial(2017, 2), serial(2018, 2)], 0);
    const v = wholeColumn([5125, 6736, null], 0);
    expect(recordMonth(d, v)).toEqual([[false], [true], [""]]);
  });

  it("the spill follows dates: values below the last date (a total) are not read", () => {
    const d = wholeColumn(["Month", serial(2016, 2), serial(2017, 2)]);
    const v = wholeColumn(["Gold (oz)", 5125, 6736, "Total: 11,861"]);
    expect(recordMonth(d, v)).toEqual([[""], [false], [true]]);
  });

  it("a row of dates spills a row", () => {
    expect(recordMonth(row(serial(2016, 2), serial(2017, 2)), row(5125, 6736))).toEqual([[false, true]]);
  });

  it('output "previous" per row: #N/A "no earlier value" where nothing came before', () => {
    const out = recordMonth(dates, values, OMITTED, "month", "previous");
    expectError(out[0][0], "#N/A", "no earlier value");
    expect(out[3][0]).toBe(100); // Jan 2016 beat Jan 2015
    expect(out[6][0]).toBe(110); // Jan 2017 would have had to beat Jan 2016
    expect(out[7][0]).toBe(120); // Feb 2017 beat the Feb record of 120
  });
});

describe("RECORD_MONTH with a period", () => {
  it("one period gives one answer", () => {
    expect(recordMonth(dates, values, [["Jan 2016"]])).toEqual([[true]]);
    expect(recordMonth(dates, values, [[serial(2017, 1, 31)]])).toEqual([[false]]);
  });

  it('output "previous", "previous_period" (Excel serial of the month) and "margin"', () => {
    expect(recordMonth(dates, values, [["Jan 2017"]], null, "previous")).toEqual([[110]]);
    expect(recordMonth(dates, values, [["Jan 2017"]], null, "previous_period")).toEqual([[serial(2016, 1)]]);
    const [[margin]] = recordMonth(dates, values, [["Jan 2017"]], null, "margin");
    expect(margin).toBeCloseTo(105 / 110 - 1, 15);
    expect(recordMonth(dates, values, [["Mar 2016"]], "all", "previous_period")).toEqual([[serial(2015, 2)]]);
  });

  it('with no earlier value, previous, previous_period and margin are #N/A "no earlier value"; the flag is FALSE', () => {
    for (const output of ["previous", "previous_period", "margin"]) {
      expectError(recordMonth(dates, values, [["Jan 2015"]], "month", output)[0][0], "#N/A", "no earlier value");
    }
    expect(recordMonth(dates, values, [["Jan 2016"]], "ytd")).toEqual([[false]]);
  });

  it("in a range of periods, no earlier value names the period cell", () => {
    const out = recordMonth(dates, values, col("Jan 2015", "Jan 2016"), "month", "previous");
    expectError(out[0][0], "#N/A", "row 1 of period: Jan 2015: no earlier value");
    expect(out[1][0]).toBe(100);
  });

  it("a range of periods spills in its shape, an error only in its own cell", () => {
    const out = recordMonth(dates, values, [
      ["Jan 2016", "Feb 2016"],
      ["Apr 2017", "Q1 2017"],
    ]);
    expect(out[0]).toEqual([true, false]);
    expectError(out[1][0], "#N/A", "row 2, column 1 of period", "Apr 2017 is not in dates");
    expectError(out[1][1], "#VALUE!", "row 2, column 2 of period", "Q1 2017");
    expectExcelSafe(out);
  });

  it("a period whose month has a date but no value is #N/A", () => {
    const out = recordMonth(col(serial(2016, 2), serial(2017, 2)), col(5125, ""), [["Feb 2017"]]);
    expectError(out[0][0], "#N/A", "Feb 2017 has no value");
  });

  it("reads scope in any case and with spaces; a blank scope is month", () => {
    expect(recordMonth(dates, values, OMITTED, " All ")).toEqual(recordMonth(dates, values, OMITTED, "all"));
    expect(recordMonth(dates, values, OMITTED, null)).toEqual(recordMonth(dates, values, OMITTED, "month"));
    expectError(
      recordMonth(dates, values, OMITTED, "quarter")[0][0],
      "#VALUE!",
      'scope must be one of "month", "all", "ytd", not "quarter"',
    );
  });

  it("a bad scope or output is #VALUE! listing the choices", () => {
    expectError(recordMonth(dates, values, OMITTED, "decade")[0][0], "#VALUE!", "scope must be one of", '"decade"');
    expectError(recordMonth(dates, values, OMITTED, null, "yes")[0][0], "#VALUE!", "output must be one of", '"yes"');
  });

  it("dates and values of different sizes are #VALUE!", () => {
    expectError(recordMonth(col(1, 2), col(1, 2, 3))[0][0], "#VALUE!", "dates and values differ in size");
  });

  it("an unreadable date is #VALUE! naming its row and text", () => {
    const out = recordMonth(col("Month", serial(2016, 2), "Febtober 2017"), col("oz", 1, 2));
    expectError(out[0][0], "#VALUE!", "row 3 of dates", '"Febtober 2017"');
  });

  it("a text value that is not a number is #VALUE! naming its row of values", () => {
    const out = recordMonth(col(serial(2016, 2), serial(2017, 2)), col(5125, "lots"));
    expectError(out[0][0], "#VALUE!", "row 2 of values", '"lots"');
  });
});
