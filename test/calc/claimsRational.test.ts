import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as claims from "../../src/calc/claims";
import { CalcError } from "../../src/calc/errors";
import * as progress from "../../src/calc/progress";
import * as R from "../../src/calc/rational";

describe("exact rationals (CLAIM_CHECK's arithmetic)", () => {
  it("a double is read as the decimal it prints as", () => {
    expect(R.fromNumber(0.1)).toEqual({ num: 1n, den: 10n });
    expect(R.fromNumber(-1.25)).toEqual({ num: -5n, den: 4n });
    expect(R.fromNumber(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(R.fromNumber(1.5e21)).toEqual({ num: 1_500_000_000_000_000_000_000n, den: 1n });
    expect(() => R.fromNumber(Number.POSITIVE_INFINITY)).toThrowError(CalcError);
  });
  it("81/80 − 1 is exactly 1/80", () => {
    expect(R.sub(R.div(R.fromNumber(81), R.fromNumber(80)), R.rational(1n))).toEqual({ num: 1n, den: 80n });
  });
  it("rounding the magnitude at a number of decimals: half-up, truncate, up", () => {
    const p = R.rational(-125n, 100n); // −1.25
    expect(R.roundedDigits(p, 1, "half-up")).toBe(13n);
    expect(R.roundedDigits(p, 1, "truncate")).toBe(12n);
    expect(R.roundedDigits(p, 1, "up")).toBe(13n);
    expect(R.roundedDigits(R.rational(12n), 1, "up")).toBe(120n); // exact: no rounding up
  });
  it("formatPercent shows a fraction in percent, signed, zero-padded", () => {
    expect(R.formatPercent(R.rational(1n, 80n), 2)).toBe("1.25");
    expect(R.formatPercent(R.rational(-1606n, 10000n), 2)).toBe("-16.06");
    expect(R.formatPercent(R.rational(3n, 10000n), 1)).toBe("0.0");
    expect(R.formatPercent(R.rational(1n, 2n), 0)).toBe("50");
  });
  it("division by zero is a CalcError", () => {
    expect(() => R.div(R.rational(1n), R.rational(0n))).toThrowError(CalcError);
  });
});

describe("no exported calc function of CLAIM_CHECK or GUIDANCE_PROGRESS throws anything but CalcError", () => {
  const exported = { ...R, ...claims, ...progress } as Record<string, unknown>;
  const functions = Object.entries(exported).filter(([, f]) => typeof f === "function") as [
    string,
    (...a: unknown[]) => unknown,
  ][];
  const anything = fc.anything({
    withBigInt: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withTypedArray: true,
  });
  for (const [name, f] of functions) {
    it(name, () => {
      fc.assert(
        fc.property(fc.array(anything, { maxLength: 4 }), (args) => {
          try {
            f(...args);
          } catch (e) {
            expect(e, `${name}(${args.map((a) => fc.stringify(a)).join(", ")})`).toBeInstanceOf(CalcError);
          }
        }),
        { numRuns: 500 },
      );
    });
  }
});
