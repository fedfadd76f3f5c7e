import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CalcError } from "../../src/calc/errors";
import { formatMonth, makeMonth } from "../../src/calc/months";
import { formatPeriod, parsePeriod, toMonth } from "../../src/calc/periods";
import { quickMonth } from "../../src/calc/periods";

const feb2017 = { kind: "month", year: 2017, month: 2 };
const q1of2017 = { kind: "quarter", year: 2017, quarter: 1 };

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CalcError);
    expect((e as CalcError).kind).toBe("value");
    return (e as CalcError).message;
  }
  throw new Error("expected a CalcError");
}

describe("parsePeriod: months", () => {
  it.each([
    "2017-02",
    "2017/02",
    "02/2017",
    "2/2017",
    "Feb 2017",
    "Feb-17",
    "February 2017",
    "FEBRUARY 2017",
    "  feb 2017  ",
    "Feb. 2017",
    "Feb '17",
    "2017-02-28",
    "2017-02-01",
    "28-Feb-2017",
    "28 Feb 2017",
    "Feb 28, 2017",
    "2017 Feb",
    "13/02/2017",
    "02/13/2017",
    "02/02/2017",
    "Feb\u00a02017",
    "2017-02-28 00:00:00",
    "2017-02-28T00:00:00Z",
    "2017-02-15T12:30:00.000+01:00",
  ])("%s is February 2017", (text) => {
    expect(parsePeriod(text)).toEqual(feb2017);
  });

  it("reads Sept, Jan-17 and two-digit years the way Excel does", () => {
    expect(parsePeriod("Sept 2015")).toEqual({ kind: "month", year: 2015, month: 9 });
    expect(parsePeriod("Jan-17")).toEqual({ kind: "month", year: 2017, month: 1 });
    expect(parsePeriod("Dec-99")).toEqual({ kind: "month", year: 1999, month: 12 });
    expect(parsePeriod("Dec-29")).toEqual({ kind: "month", year: 2029, month: 12 });
    expect(parsePeriod("Jan-30")).toEqual({ kind: "month", year: 1930, month: 1 });
  });

  it("reads a date serial as the month it falls in", () => {
    expect(parsePeriod(42795)).toEqual({ kind: "month", year: 2017, month: 3 });
    expect(parsePeriod(42794.5)).toEqual(feb2017);
  });
});

describe("parsePeriod: years and quarters", () => {
  it("takes a whole number 1900-2200 given as a period as a year, not a serial", () => {
    expect(parsePeriod(2016)).toEqual({ kind: "year", year: 2016 });
    expect(parsePeriod(1900)).toEqual({ kind: "year", year: 1900 });
    expect(parsePeriod(2200)).toEqual({ kind: "year", year: 2200 });
    expect(parsePeriod(2201)).toEqual({ kind: "month", year: 1906, month: 1 }); // serial 2201 = 9 Jan 1906
  });

  it.each(["2016", "FY2016", "FY 2016", "fy16", "FY 2015-16", "FY2015/2016"])("%s is the year 2016", (text) => {
    expect(parsePeriod(text)).toEqual({ kind: "year", year: 2016 });
  });

  it.each(["Q1 2017", "Q1-2017", "Q1/2017", "2017-Q1", "2017 Q1", "1Q17", "1Q 2017", "Q1 17", "q1 2017"])(
    "%s is Q1 2017",
    (text) => {
      expect(parsePeriod(text)).toEqual(q1of2017);
    },
  );

  it("reads every quarter number", () => {
    expect(parsePeriod("3Q17")).toEqual({ kind: "quarter", year: 2017, quarter: 3 });
    expect(parsePeriod("Q4 2016")).toEqual({ kind: "quarter", year: 2016, quarter: 4 });
  });
});

describe("parsePeriod: errors name the argument, the text and why", () => {
  it("refuses to guess an ambiguous day/month order", () => {
    const msg = messageOf(() => parsePeriod("01/02/2017", "period"));
    expect(msg).toContain('period: "01/02/2017"');
    expect(msg).toContain("ambiguous");
    expect(msg).toContain("European");
  });

  it("rejects impossible dates and months", () => {
    expect(messageOf(() => parsePeriod("2017-02-30"))).toContain("Feb 2017 has no day 30");
    expect(messageOf(() => parsePeriod("2017-13"))).toContain("month 13 does not exist");
    expect(messageOf(() => parsePeriod("13/13/2017"))).toContain("neither number can be a month");
    expect(messageOf(() => parsePeriod("Q5 2017"))).toContain('"Q5 2017"');
    expect(messageOf(() => parsePeriod("Fib 2017"))).toContain('"fib" is not a month name');
    expect(messageOf(() => parsePeriod("FY 2015-17"))).toContain("consecutive");
  });

  it("rejects blanks, zero, booleans and words", () => {
    // An empty cell, however Excel passes it (0, null, ""), gets one message.
    for (const empty of ["", null, 0, undefined, "  "]) {
      expect(messageOf(() => parsePeriod(empty, "period"))).toBe("period: an empty cell is not a period");
    }
    expect(messageOf(() => parsePeriod(-5))).toContain("before 1 Jan 1900");
    expect(messageOf(() => parsePeriod(true))).toContain("TRUE");
    expect(messageOf(() => parsePeriod("Feb"))).toContain("without a year");
    expect(messageOf(() => parsePeriod("next month"))).toContain('"next month" is not a period');
    expect(messageOf(() => parsePeriod("201702"))).toContain("number stored as text");
    expect(messageOf(() => parsePeriod(Number.NaN))).toContain("not a finite number");
  });

  it("throws only CalcError, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        try {
          parsePeriod(x, "p");
          toMonth(x, "d");
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
    );
  });

  it("throws only CalcError on period-like strings", () => {
    const piece = fc.constantFrom("Q", "q", "1", "2", "17", "2017", "Feb", "-", "/", " ", "FY", ".", "31", "0", "13");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        try {
          parsePeriod(pieces.join(""));
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
    );
  });
});

describe("toMonth (a date cell)", () => {
  it("reads serials and month texts", () => {
    expect(toMonth(42795)).toBe(makeMonth(2017, 3));
    expect(toMonth(2016)).toBe(makeMonth(1905, 7)); // serial 2016 = 8 Jul 1905: a date cell is a serial
    expect(toMonth("Feb 2017")).toBe(makeMonth(2017, 2));
    expect(toMonth(new Date(2017, 1, 15))).toBe(makeMonth(2017, 2));
  });

  it("refuses quarters, years and zero", () => {
    expect(messageOf(() => toMonth("Q1 2017", "dates"))).toContain("a quarter, not a month");
    expect(messageOf(() => toMonth("2016", "dates"))).toContain("a year, not a month");
    expect(messageOf(() => toMonth(0, "dates"))).toBe("dates: an empty cell is not a period");
    expect(messageOf(() => toMonth(null, "dates"))).toBe("dates: an empty cell is not a period");
  });
});

describe("round trips", () => {
  it("parsePeriod(formatMonth(m)) gives back m", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900 * 12, max: 9999 * 12 + 11 }), (m) => {
        expect(toMonth(formatMonth(m))).toBe(m);
      }),
    );
  });

  it("formatPeriod reads back as the same period", () => {
    const period = fc.oneof(
      fc.record({ kind: fc.constant("year" as const), year: fc.integer({ min: 1900, max: 9999 }) }),
      fc.record({
        kind: fc.constant("quarter" as const),
        year: fc.integer({ min: 1900, max: 9999 }),
        quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
      }),
      fc.record({
        kind: fc.constant("month" as const),
        year: fc.integer({ min: 1900, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
      }),
    );
    fc.assert(
      fc.property(period, (p) => {
        expect(parsePeriod(formatPeriod(p))).toEqual(p);
      }),
    );
  });
});

describe("quickMonth: the fast reader of common date texts", () => {
  // The full reader trims, so a leading space sends a text down the regular-expression path.
  const full = (s: string): number | string => {
    try {
      return toMonth(` ${s}`);
    } catch (e) {
      return (e as CalcError).message;
    }
  };
  const names = [
    "jan",
    "January",
    "FEB",
    "Feb.",
    "sept",
    "Sep",
    "may",
    "MAY.",
    "Mar",
    "fy",
    "year",
    "cy",
    "q",
    "constructor",
    "xx",
    "Febr",
  ];
  const two = (n: number) => String(n).padStart(2, "0");
  const texts = fc.oneof(
    fc.tuple(fc.constantFrom(...names), fc.integer({ min: 1000, max: 9999 })).map(([w, y]) => `${w} ${y}`),
    fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 19 })).map(([y, m]) => `${y}-${two(m)}`),
    fc
      .tuple(fc.integer({ min: 1890, max: 2300 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${two(m)}-${two(d)}`),
    fc.string({ minLength: 7, maxLength: 15 }),
  );

  it("reads a text exactly as the full reader does, or leaves it to it", () => {
    fc.assert(
      fc.property(texts, (s) => {
        const m = quickMonth(s);
        if (m < 0) return;
        expect(full(s)).toBe(m);
        expect(toMonth(s)).toBe(m);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads the common forms and leaves the rest", () => {
    expect(quickMonth("Feb 2017")).toBe(makeMonth(2017, 2));
    expect(quickMonth("february 2017")).toBe(makeMonth(2017, 2));
    expect(quickMonth("Sept. 2015")).toBe(makeMonth(2015, 9));
    expect(quickMonth("2017-02")).toBe(makeMonth(2017, 2));
    expect(quickMonth("2016-02-29")).toBe(makeMonth(2016, 2));
    for (const s of [
      "2017-02-29",
      "2017-13",
      "Feb 1899",
      "FY 2016",
      "year 2016",
      "Feb  2017",
      " Feb 2017",
      "Feb-2017",
      "2017/02",
      "constructor 2017",
    ]) {
      expect(quickMonth(s)).toBe(-1);
    }
  });
});
