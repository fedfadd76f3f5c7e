import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildSeries, type MonthlySeries } from "../../src/calc/series";
import { CalcError } from "../../src/calc/errors";
import { makeMonth, monthToSerial } from "../../src/calc/months";
import { valueAt, lastMonth } from "../support/oracles";
import { errorOf } from "./helpers";

const serial = (y: number, m: number, day = 1) => monthToSerial(makeMonth(y, m)) + day - 1;

/** The series as {"Feb 2017": 6736, ...} for readable assertions. */
function asMap(s: MonthlySeries): Map<number, number> {
  const out = new Map<number, number>();
  s.values.forEach((v, k) => {
    if (s.rows[k] !== -1) out.set(s.first + k, v);
  });
  return out;
}

describe("buildSeries", () => {
  it("builds the seed's monthly table from serials, dense by month", () => {
    // Jan/Feb 2016 = 4,512 / 5,125; Jan/Feb 2017 = 5,208 / 6,736 (dates given as mid-month days)
    const dates = [serial(2016, 1, 15), serial(2016, 2, 29), serial(2017, 1, 31), serial(2017, 2, 28)];
    const s = buildSeries(dates, [4512, 5125, 5208, 6736]);
    expect(s.first).toBe(makeMonth(2016, 1));
    expect(s.values.length).toBe(14); // Jan 2016 .. Feb 2017
    expect(valueAt(s, makeMonth(2016, 2))).toBe(5125);
    expect(valueAt(s, makeMonth(2017, 2))).toBe(6736);
    expect(Number.isNaN(valueAt(s, makeMonth(2016, 6)))).toBe(true); // a gap
    expect(Number.isNaN(valueAt(s, makeMonth(2015, 12)))).toBe(true); // before the data
    expect(s.rows[0]).toBe(0);
    expect(s.rows[13]).toBe(3);
    expect(s.rows[5]).toBe(-1);
    expect(lastMonth(s)).toBe(makeMonth(2017, 2));
  });

  it("skips a header, blank date rows and zeros (Excel desktop's empty cells)", () => {
    const dates = ["Month", "Jan 2016", null, "", 0, "  ", "2016-02", undefined];
    const values = ["Gold (oz)", "4,512", 999, 999, 999, 999, "5 125 oz", 999];
    const s = buildSeries(dates, values);
    expect([...asMap(s)]).toEqual([
      [makeMonth(2016, 1), 4512],
      [makeMonth(2016, 2), 5125],
    ]);
    expect(s.rows[1]).toBe(6);
  });

  it("skips a header after leading blank rows", () => {
    const s = buildSeries([null, "Date", serial(2017, 2)], [null, "Value", 6736]);
    expect(valueAt(s, makeMonth(2017, 2))).toBe(6736);
  });

  it("the empty-cell rule: an empty value is 0 before the last figure; later months are not reported", () => {
    const dates = ["Jan 2017", "Feb 2017", "Mar 2017", "Apr 2017", "May 2017", "Jun 2017", "Jul 2017"];
    for (const empty of [null, "", 0, " "]) {
      const s = buildSeries(dates, [empty, "", 0, "n/a", 7, empty, 0]);
      expect(valueAt(s, makeMonth(2017, 1))).toBe(0);
      expect(valueAt(s, makeMonth(2017, 2))).toBe(0);
      expect(valueAt(s, makeMonth(2017, 3))).toBe(0);
      expect(Number.isNaN(valueAt(s, makeMonth(2017, 4)))).toBe(true); // n/a: no figure, never 0
      expect(valueAt(s, makeMonth(2017, 5))).toBe(7);
      expect(Number.isNaN(valueAt(s, makeMonth(2017, 6)))).toBe(true); // after the last figure
      expect(Number.isNaN(valueAt(s, makeMonth(2017, 7)))).toBe(true);
      expect(s.rows[6]).toBe(6); // the month is listed, with no figure
    }
  });

  it("the latest month is found by date, not by row: a figure on an earlier row still counts", () => {
    const s = buildSeries(["Mar 2017", "Jan 2017", "Feb 2017"], [5, 3, 0]);
    expect([...s.values]).toEqual([3, 0, 5]);
    const t = buildSeries(["Mar 2017", "Jan 2017", "Feb 2017"], [0, 3, null]);
    expect(valueAt(t, makeMonth(2017, 1))).toBe(3);
    expect(Number.isNaN(valueAt(t, makeMonth(2017, 2)))).toBe(true);
    expect(Number.isNaN(valueAt(t, makeMonth(2017, 3)))).toBe(true);
  });

  it("handles a whole column: a million rows with 240 filled", () => {
    const n = 1_048_576;
    const dates: unknown[] = new Array(n).fill(null);
    const values: unknown[] = new Array(n).fill(null);
    dates[0] = "Month";
    values[0] = "Gold";
    for (let i = 1; i <= 240; i++) {
      dates[i] = serial(2000 + Math.floor((i - 1) / 12), ((i - 1) % 12) + 1, 10);
      values[i] = i * 10;
    }
    const s = buildSeries(dates, values);
    expect(s.values.length).toBe(240);
    expect(s.first).toBe(makeMonth(2000, 1));
    expect(valueAt(s, makeMonth(2019, 12))).toBe(2400);
  });

  it("returns an empty series when no row has a date", () => {
    const s = buildSeries([null, "", 0], [1, 2, 3]);
    expect(s.values.length).toBe(0);
  });
});

describe("buildSeries: errors", () => {
  it("names both rows (1-based) when a month appears twice", () => {
    const dates = ["Month", "Jan 2017", "Feb 2017", "Mar 2017", serial(2017, 2, 20)];
    const e = errorOf(() => buildSeries(dates, [null, 1, 2, 3, 4]));
    expect(e.kind).toBe("value");
    expect(e.message).toBe("Feb 2017 appears twice in dates: row 3 and row 5");
  });

  it("names the row and text of a value that is not a number", () => {
    const dates = ["Jan 2017", "Feb 2017"];
    const e = errorOf(() => buildSeries(dates, ["5,208", "6,7x6"]));
    expect(e.kind).toBe("value");
    expect(e.message).toContain('row 2 of values: "6,7x6" is not a number');
  });

  it("names the row and text of a date that is not a month (after the first row)", () => {
    const e = errorOf(() => buildSeries(["Jan 2017", "Q1 2017"], [1, 2], { dates: "dates", values: "ounces" }));
    expect(e.message).toContain('row 2 of dates: "Q1 2017" is not a period: a quarter, not a month');
    const e2 = errorOf(() => buildSeries([serial(2017, 1), "01/02/2017"], [1, 2]));
    expect(e2.message).toContain("row 2 of dates");
    expect(e2.message).toContain("ambiguous");
  });

  it("rejects ranges of different sizes, naming both", () => {
    const e = errorOf(() => buildSeries([1, 2, 3], [1, 2], { dates: "dates", values: "values" }));
    expect(e.kind).toBe("value");
    expect(e.message).toContain("dates and values differ in size: 3 and 2");
  });

  it("says a whole number 1900-2200 in dates looks like a year (it would be a day in 1905)", () => {
    const e = errorOf(() => buildSeries(["Year", 2015, 2016], ["Gold", 1, 2]));
    expect(e.message).toBe(
      "row 2 of dates: 2015 looks like a year; each row needs a month (a date, or text like Feb 2015)",
    );
    // serials just below and above still read as days: 1899 = 13 Mar 1905, 2201 = 9 Jan 1906
    expect(buildSeries([1899, 2201], [1, 2]).values.length).toBe(11);
  });

  it("rejects booleans and negative serials in dates, and booleans in values", () => {
    expect(errorOf(() => buildSeries([true], [1])).message).toContain("row 1 of dates");
    expect(errorOf(() => buildSeries([serial(2017, 1), -3], [1, 2])).message).toContain("row 2 of dates");
    expect(errorOf(() => buildSeries([serial(2017, 1)], [false])).message).toContain("row 1 of values");
  });

  it("throws only CalcError, whatever the cells hold", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 8 }), fc.array(fc.anything(), { maxLength: 8 }), (d, v) => {
        try {
          buildSeries(d, v);
          buildSeries(
            d,
            d.map((_, i) => v[i]),
          );
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
    );
  });
});

describe("buildSeries: properties", () => {
  it("does not depend on row order", () => {
    const rows = fc.uniqueArray(
      fc.record({
        month: fc.integer({ min: makeMonth(1990, 1), max: makeMonth(2030, 12) }),
        day: fc.integer({ min: 1, max: 28 }),
        value: fc.oneof(fc.integer({ min: 0, max: 1e7 }), fc.constant(null)),
      }),
      { selector: (r) => r.month, maxLength: 40 },
    );
    fc.assert(
      fc.property(rows, fc.func(fc.integer()), (rs, key) => {
        const shuffled = [...rs].sort((a, b) => key(a.month) - key(b.month) || a.month - b.month);
        const a = buildSeries(
          rs.map((r) => monthToSerial(r.month) + r.day - 1),
          rs.map((r) => r.value),
        );
        const b = buildSeries(
          shuffled.map((r) => monthToSerial(r.month) + r.day - 1),
          shuffled.map((r) => r.value),
        );
        expect(b.first).toBe(a.first);
        expect([...b.values]).toEqual([...a.values]);
        // The empty-cell rule by hand: after the latest month with a non-zero figure, nothing; before, empty is 0.
        const latest = Math.max(-Infinity, ...rs.filter((r) => r.value !== null && r.value !== 0).map((r) => r.month));
        for (const r of rs) {
          expect(valueAt(a, r.month)).toBe(r.month > latest ? Number.NaN : (r.value ?? 0));
        }
      }),
    );
  });
});
