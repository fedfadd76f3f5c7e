import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { recordMonth, yoyGrowth } from "../../src/functions/functions";
import { OMITTED, expectExcelSafe, serial, wholeColumn } from "./helpers";

/**
 * A:A and B:B as Excel passes them: a title row, 240 months (Jan 2000 - Dec 2019) and blanks down to
 * row 1,048,576. Month m of year y holds (y - 1999) * 100 + m, so every month beats every earlier one.
 */
function columns(blank: unknown): { dates: unknown[][]; values: unknown[][] } {
  const d: unknown[] = ["Month"];
  const v: unknown[] = ["Gold (oz)"];
  for (let y = 2000; y <= 2019; y++) {
    for (let m = 1; m <= 12; m++) {
      d.push(serial(y, m));
      v.push((y - 1999) * 100 + m);
    }
  }
  return { dates: wholeColumn(d, blank), values: wholeColumn(v, blank) };
}

describe.each([
  ["Excel on the web (empty cells are null)", null],
  ["Excel desktop (empty cells are 0)", 0],
  ['a formula returning "" (empty cells are "")', ""],
])("whole columns with 240 months, %s", (_name, blank) => {
  const { dates, values } = columns(blank);

  it("YOY_GROWTH ytd Dec 2019: 24,078 over 22,878", () => {
    expect(yoyGrowth(dates, values, [["Dec 2019"]], "ytd")[0][0]).toBeCloseTo(24078 / 22878 - 1, 14);
  });

  it("RECORD_MONTH without period spills 241 rows: the title row blank, then one flag per month", () => {
    const all = recordMonth(dates, values, OMITTED, "all");
    expect(all).toHaveLength(241);
    expect(all[0][0]).toBe("");
    expect(all[1][0]).toBe(false); // Jan 2000: nothing earlier
    expect(all.slice(2).every((r) => r[0] === true)).toBe(true);
    expectExcelSafe(all);

    const month = recordMonth(dates, values);
    expect(month.slice(1, 13).every((r) => r[0] === false)).toBe(true); // 2000: no earlier same month
    expect(month.slice(13).every((r) => r[0] === true)).toBe(true);
  });

  it("a whole column of periods beside them spills up to its last filled row", () => {
    const periods = wholeColumn(["Jan 2019", "Feb 2019", "Mar 2019"], blank);
    const out = yoyGrowth(dates, values, periods);
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBeCloseTo(2001 / 1901 - 1, 14);
    expect(out[2][0]).toBeCloseTo(2003 / 1903 - 1, 14);
  });
});
