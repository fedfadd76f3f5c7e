/**
 * Verdicts with calc's exact arithmetic: percentages through CLAIM_CHECK, amounts of change and
 * totals as exact decimals (a figure is its printed digits × a power of ten, never a double).
 */
import { claimCheck } from "../claims";
import { CalcError } from "../errors";
import { fromDecimal, roundedDigits, type Rational } from "../rational";
import type { Decimal } from "../number";
import { baseValue, type Quantity } from "./quantities";

/** Why a verdict could not be given, or the verdict. */
export type Verdict = { verdict: string; missing?: string };

const notCheckable = (missing: string): Verdict => ({ verdict: "not checkable", missing });

/** The two figures as numbers in one scale (the smaller of the two printed scales), for CLAIM_CHECK. */
function inOneScale(a: Quantity, b: Quantity): [number, number] {
  const da = baseValue(a);
  const db = baseValue(b);
  const scale = Math.min(a.unit.scale, b.unit.scale);
  const n = (d: Decimal): number => Number(`${d.coefficient}e${d.exponent - scale}`);
  return [n(da), n(db)];
}

/** A percentage change through CLAIM_CHECK ("consistent", "truncated: …", "wrong direction: …"). */
export function percentVerdict(stated: string, current: Quantity, prior: Quantity): Verdict {
  const [c, p] = inOneScale(current, prior);
  try {
    const v = claimCheck(stated, c, p)[0];
    return v instanceof CalcError ? notCheckable(v.message) : { verdict: v };
  } catch (e) {
    if (e instanceof CalcError) return notCheckable(e.message);
    throw e;
  }
}

/** A range of growth ("20-26%") or one figure for a range ("a 20% increase"), over a base, through CLAIM_CHECK. */
export function rangeGrowthVerdict(
  stated: string,
  low: Quantity,
  high: Quantity,
  base: Quantity,
  single: boolean,
): Verdict {
  const [l, b] = inOneScale(low, base);
  const [h] = inOneScale(high, base);
  try {
    if (single) {
      const v = claimCheck(stated, l, b)[0];
      return v instanceof CalcError ? notCheckable(v.message) : { verdict: `low end: ${v}` };
    }
    const vs = claimCheck(stated, [l, h], b);
    const bad = vs.find((v) => v instanceof CalcError);
    if (bad) return notCheckable((bad as CalcError).message);
    return { verdict: vs.join(" | ") };
  } catch (e) {
    if (e instanceof CalcError) return notCheckable(e.message);
    throw e;
  }
}

/** Exact decimals on one exponent. */
function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const e = Math.min(a.exponent, b.exponent);
  return [a.coefficient * 10n ** BigInt(a.exponent - e), b.coefficient * 10n ** BigInt(b.exponent - e), e];
}

function addDecimals(xs: Decimal[]): Decimal {
  let acc: Decimal = { coefficient: 0n, exponent: 0 };
  for (const x of xs) {
    const [a, b, e] = align(acc, x);
    acc = { coefficient: a + b, exponent: e };
  }
  return acc;
}

/** "68,611", "3.88", "-986": an exact decimal with thousands separators and at least `decimals` places. */
export function formatDecimal(d: Decimal, decimals = 0): string {
  let { coefficient: c, exponent: e } = d;
  // at least `decimals` places, no more than the value needs
  while (e < -decimals && c % 10n === 0n) {
    c /= 10n;
    e++;
  }
  const negative = c < 0n;
  let digits = (negative ? -c : c).toString();
  if (e > 0) digits += "0".repeat(e);
  const places = Math.max(0, -e);
  digits = digits.padStart(places + 1, "0");
  const int = digits.slice(0, digits.length - places).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = digits.slice(digits.length - places);
  let out = places > 0 ? `${int}.${frac}` : int;
  if (places < decimals) out += (places === 0 ? "." : "") + "0".repeat(decimals - places);
  return (negative ? "-" : "") + out;
}

/**
 * An amount of change ("drops by 989 oz", "3.89 million tonnes", "(14,624)"): current − prior, rounded half-up
 * to the printed precision (a whole number ending in zeros is read at its last non-zero digit), against
 * the amount in the stated direction (0: no direction, compared as a size).
 */
export function amountVerdict(
  stated: Quantity,
  direction: -1 | 0 | 1,
  current: Quantity,
  prior: Quantity,
  bound = "",
): Verdict {
  const [c, p, e] = align(baseValue(current), baseValue(prior));
  const diff: Decimal = { coefficient: c - p, exponent: e };
  // the difference in the stated amount's own scale
  const inScale: Decimal = { coefficient: diff.coefficient, exponent: diff.exponent - stated.unit.scale };
  const printedDigits = stated.number.coefficient < 0n ? -stated.number.coefficient : stated.number.coefficient;
  let places = -stated.number.exponent;
  let want = printedDigits;
  if (places === 0) {
    // "1,700" is stated to the hundred
    while (want !== 0n && want % 10n === 0n) {
      want /= 10n;
      places--;
    }
  }
  const size = fromDecimal(inScale.coefficient < 0n ? -inScale.coefficient : inScale.coefficient, inScale.exponent);
  if (bound) {
    // "by more than $36 million": exact, no rounding, as CLAIM_CHECK reads bounds
    const [x, y] = align(
      {
        coefficient: inScale.coefficient < 0n ? -inScale.coefficient : inScale.coefficient,
        exponent: inScale.exponent,
      },
      stated.number,
    );
    const holds = bound === "more than" ? x > y : x < y;
    const dirOk = direction === 0 || inScale.coefficient === 0n || (inScale.coefficient > 0n ? 1 : -1) === direction;
    const shownBound = `the numbers give ${formatDecimal({ coefficient: inScale.coefficient < 0n ? -inScale.coefficient : inScale.coefficient, exponent: inScale.exponent }, Math.max(0, -stated.number.exponent))}${stated.unit.text ? ` ${stated.unit.text}` : ""}`;
    if (!dirOk) return { verdict: `wrong direction: ${shownBound}` };
    return holds ? { verdict: "consistent" } : { verdict: `inconsistent: ${shownBound}` };
  }
  const got = places >= 0 ? roundedDigits(size, places, "half-up") : roundTo(size, -places);
  const goes = inScale.coefficient > 0n ? 1 : inScale.coefficient < 0n ? -1 : 0;
  const unit = stated.unit.text ? ` ${stated.unit.text}` : "";
  const shownSize: Decimal = {
    coefficient: inScale.coefficient < 0n ? -inScale.coefficient : inScale.coefficient,
    exponent: inScale.exponent,
  };
  const shown = `the numbers give ${formatDecimal(shownSize, Math.max(0, -stated.number.exponent))}${unit}`;
  if (got !== want) return { verdict: `inconsistent: ${shown}` };
  if (direction !== 0 && goes !== 0 && goes !== direction) {
    return {
      verdict: `wrong direction: the numbers give ${formatDecimal(inScale, Math.max(0, -stated.number.exponent))}${unit}`,
    };
  }
  return { verdict: "consistent" };
}

/** |x| rounded half-up to a multiple of 10^k, in units of 10^k. */
function roundTo(x: Rational, k: number): bigint {
  const unit = 10n ** BigInt(k);
  const n = x.num;
  const d = x.den * unit;
  return (2n * n + d) / (2n * d);
}

/** A total against its printed parts, exactly. */
export function totalVerdict(total: Quantity, parts: Quantity[]): Verdict {
  const sum = addDecimals(parts.map(baseValue));
  const [t, s, e] = align(baseValue(total), sum);
  if (t === s) return { verdict: "consistent" };
  const shown: Decimal = { coefficient: s, exponent: e - total.unit.scale };
  return { verdict: `inconsistent: the parts sum to ${formatDecimal(shown, Math.max(0, -total.number.exponent))}` };
}

/** Where an actual stands against a range's midpoint, exactly (twice the actual against the sum of the ends). */
export function againstMidpoint(actual: Quantity, low: Quantity, high: Quantity): -1 | 0 | 1 {
  const a = baseValue(actual);
  const [x, y] = align(
    { coefficient: a.coefficient * 2n, exponent: a.exponent },
    addDecimals([baseValue(low), baseValue(high)]),
  );
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Exact comparison of two quantities in base units: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const [x, y] = align(baseValue(a), baseValue(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a − b exactly, in base units. */
export function difference(a: Quantity, b: Quantity): Decimal {
  const [x, y, e] = align(baseValue(a), baseValue(b));
  return { coefficient: x - y, exponent: e };
}

/** Whether `rough` is `fine` rounded half-up to rough's printed precision (3.2 million and 3,217 thousand). */
export function roundsTo(fine: Quantity, rough: Quantity): boolean {
  const f = baseValue(fine);
  const r = baseValue(rough);
  if (f.exponent >= r.exponent) return false; // not more precise
  const k = r.exponent - f.exponent;
  const unit = 10n ** BigInt(k);
  const c = f.coefficient < 0n ? -f.coefficient : f.coefficient;
  const rounded = (2n * c + unit) / (2n * unit);
  const rc = r.coefficient < 0n ? -r.coefficient : r.coefficient;
  return rounded === rc;
}
