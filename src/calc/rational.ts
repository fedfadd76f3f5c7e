/**
 * Exact rational arithmetic on BigInt, for CLAIM_CHECK: deciding whether 1.25% rounds to 1.3% must not
 * depend on binary floating point. Values are always normalised: den > 0, gcd(num, den) = 1.
 */
import { CalcError } from "./errors";
import { decimalOfNumber } from "./number";

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Guards the exported operations: calc throws only CalcError, whatever it is handed. */
function checked(a: Rational): Rational {
  if (typeof a !== "object" || a === null || typeof a.num !== "bigint" || typeof a.den !== "bigint" || a.den <= 0n) {
    throw new CalcError("value", "not an exact number");
  }
  return a;
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (typeof num !== "bigint" || typeof den !== "bigint") throw new CalcError("value", "not an exact number");
  if (den === 0n) throw new CalcError("div0", "division by zero");
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** coefficient × 10^exponent, exactly. */
export function fromDecimal(coefficient: bigint, exponent: number): Rational {
  if (typeof exponent !== "number" || !Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) {
    throw new CalcError("value", "decimal exponent out of range");
  }
  if (typeof coefficient !== "bigint") throw new CalcError("value", "not an exact number");
  return exponent >= 0
    ? rational(coefficient * 10n ** BigInt(exponent))
    : rational(coefficient, 10n ** BigInt(-exponent));
}

/**
 * A double as the figure the user typed: the shortest decimal that round-trips (what String(x) prints),
 * so 0.1 is exactly 1/10, not 3602879701896397/36028797018963968.
 */
export function fromNumber(x: number): Rational {
  if (typeof x !== "number") throw new CalcError("value", `${typeof x} is not a number`);
  const d = decimalOfNumber(x);
  return fromDecimal(d.coefficient, d.exponent);
}

export function sub(a: Rational, b: Rational): Rational {
  checked(a);
  checked(b);
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  checked(a);
  checked(b);
  return rational(a.num * b.den, a.den * b.num);
}

export const sign = (a: Rational): -1 | 0 | 1 => (checked(a).num < 0n ? -1 : a.num > 0n ? 1 : 0);

export type Rounding = "half-up" | "truncate" | "up";

/**
 * |a| × 10^decimals rounded to a whole number by `mode` — the digits a release would print.
 * Rounding works on the magnitude because releases print magnitudes with a direction ("down 3.1%").
 */
export function roundedDigits(a: Rational, decimals: number, mode: Rounding): bigint {
  checked(a);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 100)
    throw new CalcError("value", `cannot round to ${String(decimals)} decimals`);
  const n = abs(a.num) * 10n ** BigInt(decimals);
  const d = a.den;
  if (mode === "truncate") return n / d;
  if (mode === "up") return (n + d - 1n) / d;
  return (2n * n + d) / (2n * d);
}

/** a in percent, rounded half-up to `decimals` places, signed, e.g. "-16.06". */
export function formatPercent(a: Rational, decimals: number): string {
  const p = rational(checked(a).num * 100n, a.den);
  const digits = roundedDigits(p, decimals, "half-up")
    .toString()
    .padStart(decimals + 1, "0");
  const cut = digits.length - decimals;
  const text = decimals > 0 ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits;
  return (p.num < 0n ? "-" : "") + text;
}
