import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CELL, readDecimal } from "../../../src/calc/number";
import { decimalToNumber } from "../../support/oracles";
import { parseNumber } from "../../../src/calc/numbers";
import { decimalEvidence } from "../../../src/calc/number";
import { readMonthCell, readValue } from "../../support/cells";

describe("readValue", () => {
  it("reads numbers as releases print them", () => {
    expect(readValue("6,736", ".", false).value).toBe(6736);
    expect(readValue("7 352", ".", false).value).toBe(7352);
    expect(readValue("6,733oz", ".", false).value).toBe(6733);
    expect(readValue("(123)", ".", false).value).toBe(-123);
    expect(readValue("73,476.5", ".", false).value).toBe(73476.5);
  });
  it("reads European numbers under the decimal comma", () => {
    expect(readValue("19.982", ",", false).value).toBe(19982);
    expect(readValue("2,6", ",", false).value).toBe(2.6);
    expect(readValue("1.234,5", ",", false).value).toBe(1234.5);
  });
  it("treats placeholders as no data", () => {
    for (const t of ["", "  ", "-", "\u2014", "n/a", "N/A"])
      expect(readValue(t, ".", false)).toEqual({ value: null, estimate: false });
  });
  it("stores a value under a % header as a fraction, once", () => {
    expect(readValue("92.5", ".", true).value).toBe(0.925);
    expect(readValue("92.5%", ".", true).value).toBe(0.925);
    expect(readValue("92,3", ",", true).value).toBe(0.923);
  });
  it("keeps (est)-marked values and flags them", () => {
    expect(readValue("6,900 (est)", ".", false)).toEqual({ value: 6900, estimate: true });
    expect(readValue("(est) 6,900", ".", false)).toEqual({ value: 6900, estimate: true });
    expect(readValue("6,900 (e)", ".", false)).toEqual({ value: 6900, estimate: true });
  });
  it("rejects corrupted copies with calc's reason", () => {
    const r = readValue("214, 194", ".", false);
    expect(r.value).toBeNull();
    expect(r.error).toMatch(/214, 194/);
    expect(readValue(".8 M", ".", false).error).toMatch(/no digit before the decimal mark/);
    expect(readValue("abc", ".", false).error).toMatch(/"abc" is not a number/);
    expect(readValue("2,6", ".", false).error).toBeDefined();
  });
  it("agrees with calc's parseNumber on every plain number (the fast path is only a shortcut)", () => {
    const plain = fc.tuple(
      fc.integer({ min: -9_999_999, max: 9_999_999 }),
      fc.nat(999),
      fc.boolean(),
      fc.constantFrom<"." | ",">(".", ","),
    );
    fc.assert(
      fc.property(plain, ([int, frac, grouped, mark]) => {
        const intText = grouped
          ? Math.abs(int)
              .toLocaleString("en-US")
              .replace(/,/g, mark === "." ? "," : ".")
          : String(Math.abs(int));
        const text = `${int < 0 ? "-" : ""}${intText}${frac ? `${mark}${frac}` : ""}`;
        expect(readValue(text, mark, false).value).toBe(parseNumber(text, { ...CELL, decimal: mark }));
      }),
    );
  });
});

describe("readValue against calc on digit strings", () => {
  /** calc's exact decimal, scaled by 1/100 under a % header before rounding. */
  const calcOrError = (t: string, mark: "." | ",", pct: boolean) => {
    try {
      const d = readDecimal(t, { ...CELL, decimal: mark });
      return d === null ? null : decimalToNumber(pct ? { ...d, exponent: d.exponent - 2 } : d);
    } catch {
      return "error";
    }
  };
  it("gives calc's number, or an error where calc refuses, for any digits and separators", () => {
    const text = fc.stringMatching(/^-?[0-9]{1,24}([.,][0-9]{1,4}){0,3}$/);
    fc.assert(
      fc.property(text, fc.constantFrom<"." | ",">(".", ","), fc.boolean(), (t, mark, pct) => {
        const r = readValue(t, mark, pct);
        const c = calcOrError(t, mark, pct);
        if (c === "error") expect(r.error).toBeDefined();
        else expect(r.value).toBe(c === 0 ? 0 : c);
      }),
      { numRuns: 500 },
    );
  });
  it("reports a number too large for a double instead of Infinity", () => {
    const r = readValue("9".repeat(320), ".", false);
    expect(r.value).toBeNull();
    expect(r.error).toMatch(/too large/);
  });
});

describe("decimalEvidence", () => {
  it("says which mark a value can only be read with", () => {
    expect(decimalEvidence("2,6")).toBe(",");
    expect(decimalEvidence("1.234,5")).toBe(",");
    expect(decimalEvidence("1.234.567")).toBe(",");
    expect(decimalEvidence("0,925")).toBe(",");
    expect(decimalEvidence("2.6")).toBe(".");
    expect(decimalEvidence("73,476.5")).toBe(".");
    expect(decimalEvidence("1234.567")).toBe(".");
  });
  it("says nothing for ambiguous or mark-free values", () => {
    expect(decimalEvidence("6,736")).toBeNull();
    expect(decimalEvidence("19.982")).toBeNull();
    expect(decimalEvidence("5208")).toBeNull();
  });
});

describe("readMonthCell", () => {
  it("reads every month form through calc", () => {
    const feb2017 = 2017 * 12 + 1;
    for (const t of ["February 2017", "Feb-17", "2017-02", "02/2017", "Feb 2017", "2017-02-28", "28 Feb 2017"]) {
      expect(readMonthCell(t)).toEqual({ kind: "month", month: feb2017 });
    }
  });
  it("ignores a time of day after the date, as exports write it", () => {
    for (const t of ["2017-02-28T00:00:00", "2017-02-01T00:00:00.000Z", "2017-02-28 00:00", "2/28/2017 12:00 AM"]) {
      expect(readMonthCell(t)).toEqual({ kind: "month", month: 2017 * 12 + 1 });
    }
  });
  it("recognises totals and quarters as subtotal rows", () => {
    for (const t of ["Q1 2017", "Q1", "Total", "YTD", "2017", "H1 total"])
      expect(readMonthCell(t).kind).toBe("subtotal");
  });
  it("reports a date that is not a month", () => {
    const r = readMonthCell("Febtober 2017");
    expect(r.kind).toBe("error");
    expect(r.kind === "error" && r.message).toMatch(/Febtober 2017/);
    expect(readMonthCell("01/02/2017").kind).toBe("error"); // ambiguous order
  });
});
