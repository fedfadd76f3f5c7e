/**
 * Fuzzing calc's readers directly: every error they raise must be calc's own CalcError
 * (a TypeError or RangeError here is a bug that an adapter's catch-all would hide as #VALUE!).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CalcError } from "../../src/calc/errors";
import { parsePeriod, toMonth, formatPeriod } from "../../src/calc/periods";
import { parseNumber } from "../../src/calc/numbers";
import { readDecimal, CELL } from "../../src/calc/number";
import { formatMonth } from "../../src/calc/months";
import { parseGuidance, impliedGrowth } from "../../src/calc/guidance";
import { claimCheck } from "../../src/calc/claims";
import { parseStated } from "../../src/calc/claimsStated";
import { cell, text, number, arg } from "./arbitraries";
import { calcOnly } from "./invariants";

const RUNS = { numRuns: 3000 };

describe("calc readers never throw anything but CalcError", { timeout: 180_000 }, () => {
  it("parsePeriod gives a real month, quarter or year", () => {
    fc.assert(
      fc.property(cell, fc.option(fc.constantFrom("period", "row 3 of dates"), { nil: undefined }), (x, label) => {
        const p = calcOnly(() => parsePeriod(x, label));
        if (p === undefined) return;
        expect(Number.isInteger(p.year)).toBe(true);
        expect(p.year).toBeGreaterThanOrEqual(1900);
        expect(p.year).toBeLessThanOrEqual(9999);
        if (p.kind === "month") expect(p.month).toBeGreaterThanOrEqual(1);
        if (p.kind === "month") expect(p.month).toBeLessThanOrEqual(12);
        if (p.kind === "quarter") expect([1, 2, 3, 4]).toContain(p.quarter);
        // What formatPeriod prints, parsePeriod reads back as the same period.
        expect(parsePeriod(formatPeriod(p))).toEqual(p);
      }),
      RUNS,
    );
  });

  it("toMonth gives an integer month index inside Excel's calendar", () => {
    fc.assert(
      fc.property(cell, (x) => {
        const m = calcOnly(() => toMonth(x, "dates"));
        if (m === undefined) return;
        expect(Number.isInteger(m)).toBe(true);
        expect(m).toBeGreaterThanOrEqual(1900 * 12);
        expect(m).toBeLessThanOrEqual(9999 * 12 + 11);
        expect(toMonth(formatMonth(m))).toBe(m);
      }),
      RUNS,
    );
  });

  it("parseNumber gives a finite number or null (blank)", () => {
    fc.assert(
      fc.property(
        cell,
        fc.constantFrom(undefined, { ...CELL, decimal: "," as const }, { ...CELL, decimal: "." as const }),
        (x, opts) => {
          const v = calcOnly(() => parseNumber(x, opts as never));
          if (v === undefined || v === null) return;
          expect(Number.isFinite(v)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("parseNumber reads back any number as JavaScript prints it, and integers with thousands separators", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: -2e9, max: 2e9 }), (x, n) => {
        const printed = String(x);
        if (!printed.includes("e")) expect(parseNumber(printed)).toBe(x === 0 ? 0 : x);
        expect(parseNumber(n.toLocaleString("en-US"))).toBe(n === 0 ? 0 : n);
      }),
      RUNS,
    );
  });

  it("parseDecimal on any text returns a decimal or null", () => {
    fc.assert(
      fc.property(text, (s) => {
        calcOnly(() => readDecimal(s, CELL));
      }),
      RUNS,
    );
  });

  it("parseGuidance gives low <= high, never NaN, and so does impliedGrowth", () => {
    fc.assert(
      fc.property(text, number, (s, base) => {
        const r = calcOnly(() => parseGuidance(s));
        if (r === undefined) return;
        // A 320-digit figure reads as Infinity: the adapter shows that as #NUM! (see functions.test.ts).
        expect(Number.isNaN(r.low) || Number.isNaN(r.high)).toBe(false);
        expect(r.low).toBeLessThanOrEqual(r.high);
        const g = calcOnly(() => impliedGrowth(r, base));
        if (g === undefined) return;
        // A tiny base can overflow to Infinity; the adapter must turn that into #NUM! (fuzzed in functions.test.ts).
        expect(Number.isNaN(g.low) || Number.isNaN(g.high)).toBe(false);
      }),
      RUNS,
    );
  });

  it("parseStated and claimCheck: verdict strings or CalcErrors, one per stated figure", () => {
    fc.assert(
      fc.property(cell, arg(cell), fc.option(cell, { nil: undefined }), (stated, actual, prior) => {
        calcOnly(() => parseStated(stated));
        const flat = Array.isArray(actual) ? (actual as unknown[][]).flat() : actual;
        const out = calcOnly(() => claimCheck(stated, flat, prior));
        if (out === undefined) return;
        expect(out.length === 1 || out.length === 2).toBe(true);
        for (const v of out) {
          if (v instanceof CalcError) expect(v.message).not.toBe("");
          else expect(typeof v === "string" && v.length > 0).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
