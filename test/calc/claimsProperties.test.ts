import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimCheck } from "../../src/calc/claims";
import { parseStated } from "../../src/calc/claimsStated";
import { CalcError } from "../../src/calc/errors";

// Production figures as analysts have them: whole ounces, prior > 0.
const ounces = fc.integer({ min: 1, max: 5_000_000 });
const decimals = fc.integer({ min: 0, max: 2 });

/** The printed digits of |actual/prior − 1| in percent at `d` decimals, by plain BigInt floor/ceil. */
function printed(actual: number, prior: number, d: number, mode: "half-up" | "truncate" | "up"): bigint {
  const n = (BigInt(actual) - BigInt(prior)) * 100n * 10n ** BigInt(d);
  const mag = n < 0n ? -n : n;
  const p = BigInt(prior);
  if (mode === "truncate") return mag / p;
  if (mode === "up") return mag / p + (mag % p === 0n ? 0n : 1n);
  return mag / p + (2n * (mag % p) >= p ? 1n : 0n);
}

/** Writes digits as a release would, with the direction in one of the printed forms. */
function write(digits: bigint, d: number, direction: 1 | -1 | 0, form: number, comma: boolean): string {
  const s = digits.toString().padStart(d + 1, "0");
  const num = d > 0 ? `${s.slice(0, s.length - d)}${comma ? "," : "."}${s.slice(s.length - d)}` : s;
  if (direction === 0) return [`${num}%`, `${num} percent`, `${num} per cent`][form % 3];
  if (direction === 1) return [`+${num}%`, `a ${num}% increase`, `up ${num} percent`][form % 3];
  return [`-${num}%`, `a decrease of ${num}%`, `(-${num}%)`][form % 3];
}

const directionOf = (a: number, p: number): 1 | -1 | 0 => (a > p ? 1 : a < p ? -1 : 0);
const only = (r: (string | CalcError)[]): string => {
  expect(r).toHaveLength(1);
  expect(typeof r[0]).toBe("string");
  return r[0] as string;
};

describe("CLAIM_CHECK properties", () => {
  it("a change printed half-up at 0–2 decimals, in any form, is always consistent", () => {
    fc.assert(
      fc.property(ounces, ounces, decimals, fc.boolean(), fc.nat(), fc.boolean(), (a, p, d, signed, form, comma) => {
        const text = write(printed(a, p, d, "half-up"), d, signed ? directionOf(a, p) : 0, form, comma);
        expect(only(claimCheck(text, [a], p))).toBe("consistent");
      }),
    );
  });

  it("a change given directly as a typed decimal, printed half-up, is consistent", () => {
    // change = k / 10^places exactly as typed (e.g. 0.0125); binary noise must not matter.
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999, max: 99_999 }),
        fc.integer({ min: 1, max: 5 }),
        decimals,
        (k, places, d) => {
          const m = Math.abs(k);
          const text = `${k < 0 ? "-" : ""}${Math.floor(m / 10 ** places)}.${String(m % 10 ** places).padStart(places, "0")}`;
          const change = Number(text);
          // |k|/10^places in percent at d decimals, half-up: |k|·100·10^d / 10^places
          const scaled = BigInt(Math.abs(k)) * 100n * 10n ** BigInt(d);
          const den = 10n ** BigInt(places);
          const digits = scaled / den + (2n * (scaled % den) >= den ? 1n : 0n);
          expect(only(claimCheck(write(digits, d, Math.sign(k) as 1 | -1 | 0, 0, false), [change]))).toBe("consistent");
        },
      ),
    );
  });

  it("printed truncated or rounded up is never inconsistent", () => {
    fc.assert(
      fc.property(
        ounces,
        ounces,
        decimals,
        fc.constantFrom("truncate", "up") as fc.Arbitrary<"truncate" | "up">,
        fc.nat(),
        (a, p, d, mode, form) => {
          const v = only(claimCheck(write(printed(a, p, d, mode), d, directionOf(a, p), form, false), [a], p));
          expect(v).toMatch(/^(consistent|truncated: |rounded up: )/);
          if (v !== "consistent") expect(v.startsWith(mode === "truncate" ? "truncated" : "rounded up")).toBe(true);
        },
      ),
    );
  });

  it("a wrong last digit (off by 2 or more) is inconsistent", () => {
    fc.assert(
      fc.property(
        ounces,
        ounces,
        decimals,
        fc.integer({ min: 2, max: 50 }),
        fc.boolean(),
        fc.nat(),
        (a, p, d, off, above, form) => {
          const right = printed(a, p, d, "half-up");
          const wrong = above ? right + BigInt(off) : right - BigInt(off);
          fc.pre(wrong >= 0n);
          const v = only(claimCheck(write(wrong, d, 0, form, false), [a], p));
          expect(v).toMatch(/^inconsistent: the numbers give -?\d+(\.\d+)?%$/);
          // shown with one more decimal than printed
          expect(v.split(".")[1]?.length ?? 0).toBe(d + 1 + 1);
        },
      ),
    );
  });

  it("a flipped sign is a wrong direction", () => {
    fc.assert(
      fc.property(ounces, ounces, decimals, fc.nat(), (a, p, d, form) => {
        const digits = printed(a, p, d, "half-up");
        fc.pre(a !== p && digits > 0n); // "+0%" for a flat change has no direction to get wrong
        const v = only(claimCheck(write(digits, d, -directionOf(a, p) as 1 | -1, form, false), [a], p));
        expect(v).toMatch(/^wrong direction: the numbers give /);
        expect(v.includes("give -")).toBe(a < p);
      }),
    );
  });

  it("no input makes CLAIM_CHECK throw anything but CalcError", () => {
    const noise = fc.oneof(
      fc.anything(),
      fc.string({ unit: fc.constantFrom(..."0123456789.,%-+–() upownpercentincreasedby".split("")), maxLength: 30 }),
      fc.double(),
    );
    fc.assert(
      fc.property(
        noise,
        fc.oneof(fc.anything(), fc.array(fc.oneof(fc.double(), fc.anything()), { maxLength: 3 })),
        fc.oneof(fc.anything(), fc.double()),
        (s, a, p) => {
          try {
            const r = claimCheck(s, a, p);
            for (const v of r) expect(typeof v === "string" || v instanceof CalcError).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(CalcError);
          }
          try {
            parseStated(s);
          } catch (e) {
            expect(e).toBeInstanceOf(CalcError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
