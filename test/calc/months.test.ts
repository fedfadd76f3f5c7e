import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CalcError } from "../../src/calc/errors";
import { formatMonth, monthOf, monthToSerial, serialToMonth, makeMonth } from "../../src/calc/months";

describe("Excel serials (1900 system)", () => {
  it("follows Excel's 1900 leap-year quirk below serial 61", () => {
    expect(formatMonth(serialToMonth(1))).toBe("Jan 1900"); // 1 Jan 1900
    expect(formatMonth(serialToMonth(31))).toBe("Jan 1900"); // 31 Jan 1900
    expect(formatMonth(serialToMonth(32))).toBe("Feb 1900"); // 1 Feb 1900
    expect(formatMonth(serialToMonth(59))).toBe("Feb 1900"); // 28 Feb 1900
    expect(formatMonth(serialToMonth(60))).toBe("Feb 1900"); // Excel's fictitious 29 Feb 1900
    expect(formatMonth(serialToMonth(61))).toBe("Mar 1900"); // 1 Mar 1900
  });

  it("reads modern serials, any day of the month and any time of day", () => {
    expect(formatMonth(serialToMonth(42795))).toBe("Mar 2017"); // 1 Mar 2017
    expect(formatMonth(serialToMonth(42794))).toBe("Feb 2017"); // 28 Feb 2017
    expect(formatMonth(serialToMonth(42767))).toBe("Feb 2017"); // 1 Feb 2017
    expect(formatMonth(serialToMonth(42766.99))).toBe("Jan 2017"); // 31 Jan 2017, late evening
    expect(formatMonth(serialToMonth(43890))).toBe("Feb 2020"); // 29 Feb 2020
    expect(formatMonth(serialToMonth(2958465))).toBe("Dec 9999");
  });

  it("gives the first day of a month as a serial", () => {
    expect(monthToSerial(makeMonth(2017, 3))).toBe(42795);
    expect(monthToSerial(makeMonth(2017, 2))).toBe(42767);
    expect(monthToSerial(makeMonth(1900, 1))).toBe(1);
    expect(monthToSerial(makeMonth(1900, 2))).toBe(32);
    expect(monthToSerial(makeMonth(1900, 3))).toBe(61);
    expect(() => monthToSerial(makeMonth(1899, 12))).toThrow(CalcError);
  });

  it("round-trips every month from 1900 to 9999 through its first-day serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900 * 12, max: 9999 * 12 + 11 }), (m) => {
        expect(serialToMonth(monthToSerial(m))).toBe(m);
      }),
    );
  });

  it("maps the last day of a month to the same month, the next day to the next", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900 * 12 + 2, max: 9999 * 12 + 10 }), (m) => {
        const nextFirst = monthToSerial(m + 1);
        expect(serialToMonth(nextFirst - 1)).toBe(m);
        expect(serialToMonth(nextFirst)).toBe(m + 1);
      }),
    );
  });

  it("agrees with JavaScript's calendar for serials from 61 on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
        expect(serialToMonth(serial)).toBe(d.getUTCFullYear() * 12 + d.getUTCMonth());
      }),
    );
  });

  it("splits a month index into year and month", () => {
    expect(formatMonth(2017 * 12)).toBe("Jan 2017"); // the year of month index 2017 × 12 is 2017
    expect(monthOf(2017 * 12)).toBe(1);
    expect(monthOf(2017 * 12 + 11)).toBe(12);
    expect(formatMonth(makeMonth(2016, 12))).toBe("Dec 2016");
  });
});
