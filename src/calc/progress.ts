/**
 * GUIDANCE_PROGRESS: how far the (fiscal) year has come against a guidance range, what the remaining
 * months need, and whether that is on track. Each output is computed on its own so that a missing
 * prior-year month spoils only the figures that need it.
 */
import { attempt, CalcError } from "./errors";
import { checkFiscalYearStart, formatMonth, makeMonth, monthOf, type MonthIndex } from "./months";
import type { Period } from "./periods";

/** What progress needs of a monthly series (MonthlySeries fits): values dense by month from `first`, NaN = no value. */
interface ProgressSeries {
  first: MonthIndex;
  values: ArrayLike<number>;
}

export type Weights = string | readonly unknown[] | null | undefined; // "prior_year" or 12 cells

export interface ProgressInput {
  /** A null end is open: a minimum ("at least 440 Mt") has no high end, a maximum ("up to 1.4 Mt") no low end. */
  guidance: { low: number | null; high: number | null };
  series: ProgressSeries;
  asOf: Period | MonthIndex;
  weights?: Weights;
  fiscalYearStart?: number | null;
}

export const PROGRESS_OUTPUTS = [
  "ytd",
  "pct_low",
  "pct_mid",
  "pct_high",
  "expected_share",
  "needed_low",
  "needed_high",
  "status",
] as const;
export type ProgressOutput = (typeof PROGRESS_OUTPUTS)[number];
export type ProgressValue = number | string | CalcError;

/** The fiscal year around a month: its first month, how many months have elapsed and its name. */
interface YearPosition {
  start: MonthIndex;
  elapsed: number; // 1..12, the as-of month included
  name: string; // "2017" or "FY2024" (named by the calendar year it ends in)
}

/** The last month an as-of period covers: a quarter's third month, a (fiscal) year's last month. */
function asOfMonth(asOf: Period | MonthIndex, fys: number): MonthIndex {
  if (typeof asOf === "number" && Number.isInteger(asOf)) return asOf;
  if (typeof asOf !== "object" || asOf === null || !Number.isInteger(asOf.year)) {
    throw new CalcError("value", "as_of must be a month, quarter or year");
  }
  fys = checkFiscalYearStart(fys);
  if (asOf.kind === "month") return makeMonth(asOf.year, asOf.month as number);
  if (asOf.kind === "quarter") return makeMonth(asOf.year, (asOf.quarter as number) * 3);
  // Fiscal year Y ends in the month before fys of calendar year Y (fys 1: December of Y).
  return fys === 1 ? makeMonth(asOf.year, 12) : makeMonth(asOf.year, fys - 1);
}

function yearPosition(month: MonthIndex, fys: number): YearPosition {
  if (!Number.isInteger(month)) throw new CalcError("value", "as_of must be a month");
  fys = checkFiscalYearStart(fys);
  const elapsed = ((monthOf(month) - fys + 12) % 12) + 1;
  const start = month - elapsed + 1;
  const endYear = Math.floor((start + 11) / 12);
  return { start, elapsed, name: fys === 1 ? String(endYear) : `FY${endYear}` };
}

function valueAt(series: ProgressSeries, m: MonthIndex): number {
  const i = m - series.first;
  return i >= 0 && i < series.values.length ? series.values[i] : Number.NaN;
}

/** Sum of months [from, to]; the first month without a value is an #N/A naming it and what it was needed for. */
function sumMonths(series: ProgressSeries, from: MonthIndex, to: MonthIndex, purpose: string): number {
  let sum = 0;
  for (let m = from; m <= to; m++) {
    const v = valueAt(series, m);
    if (Number.isNaN(v)) throw new CalcError("na", `no value for ${formatMonth(m)} (needed for ${purpose})`);
    sum += v;
  }
  return sum;
}

function bestMonth(series: ProgressSeries): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < series.values.length; i++) if (series.values[i] > best) best = series.values[i];
  return best;
}

/** Expected share as a fraction elapsed/total, kept apart so comparisons can multiply instead of divide. */
interface Share {
  elapsed: number;
  total: number;
}

function expectedShare(input: ProgressInput, year: YearPosition, fys: number): Share {
  const w = input.weights;
  if (w === null || w === undefined || w === "") return { elapsed: year.elapsed, total: 12 };
  if (typeof w === "string") {
    if (w.trim().toLowerCase() !== "prior_year") {
      throw new CalcError("value", `weights must be "prior_year" or 12 cells, not "${w}"`);
    }
    const from = year.start - 12;
    const purpose = "prior_year weights";
    const total = sumMonths(input.series, from, from + 11, purpose);
    const elapsed = sumMonths(input.series, from, from + year.elapsed - 1, purpose);
    if (total === 0) throw new CalcError("div0", `prior_year weights: the year before ${year.name} adds up to 0`);
    return { elapsed, total };
  }
  if (!Array.isArray(w)) throw new CalcError("value", `weights must be "prior_year" or 12 cells, not ${show(w)}`);
  if (w.length !== 12) {
    throw new CalcError(
      "value",
      `weights must be 12 cells, one per month of the year from its first month, not ${w.length}`,
    );
  }
  let total = 0;
  let elapsed = 0;
  w.forEach((x, i) => {
    const month = formatMonth(makeMonth(2000, ((fys - 1 + i) % 12) + 1)).slice(0, 3);
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
      throw new CalcError("value", `weights cell ${i + 1} (${month}) must be a number ≥ 0, not ${show(x)}`);
    }
    total += x;
    if (i < year.elapsed) elapsed += x;
  });
  if (total === 0) throw new CalcError("div0", "weights add up to 0");
  return { elapsed, total };
}

function checkGuidance(g: unknown): { low: number | null; high: number | null } {
  const r = g as { low?: unknown; high?: unknown } | null;
  const end = (x: unknown): x is number | null => x === null || (typeof x === "number" && Number.isFinite(x));
  if (!r || !end(r.low) || !end(r.high) || (r.low === null && r.high === null)) {
    throw new CalcError("value", "guidance must be a range {low, high} of numbers (one end may be open)");
  }
  if (r.low !== null && r.low < 0) throw new CalcError("value", `guidance low end is negative (${r.low})`);
  if (r.low !== null && r.high !== null && r.low > r.high) {
    throw new CalcError("value", `guidance low end ${r.low} is above the high end ${r.high}`);
  }
  return { low: r.low, high: r.high };
}

/** The end an output needs, or #N/A when the guidance leaves it open. */
function stated(end: number | null, name: string): number {
  if (end === null) {
    const bound = name === "low end" ? "a maximum (up to …)" : "a minimum (at least …)";
    throw new CalcError("na", `the guidance has no ${name}: it states ${bound}`);
  }
  return end;
}

function ratio(ytd: number, end: number | null, name: string): number {
  const e = stated(end, name);
  if (e === 0) throw new CalcError("div0", `guidance ${name} is 0`);
  return ytd / e;
}

/**
 * Every output by name; an output that cannot be computed is a CalcError in its place.
 * Problems with the whole call (bad guidance, fiscal year start, series) are thrown.
 */
export function guidanceProgress(input: ProgressInput): Record<ProgressOutput, ProgressValue> {
  if (typeof input !== "object" || input === null)
    throw new CalcError("value", "GUIDANCE_PROGRESS needs guidance, dates, values and as_of");
  const { low, high } = checkGuidance(input.guidance);
  const fys = checkFiscalYearStart(input.fiscalYearStart);
  const series = input.series;
  if (!series || typeof series.first !== "number" || !series.values || typeof series.values.length !== "number") {
    throw new CalcError("value", "values must be a monthly series");
  }
  const asOf = asOfMonth(input.asOf, fys);
  const year = yearPosition(asOf, fys);
  const remaining = 12 - year.elapsed;

  const ytd = lazy(() => sumMonths(series, year.start, asOf, `the year to date of ${year.name}`));
  const share = lazy(() => expectedShare(input, year, fys));
  const needed = (end: number | null, name: string) => () => {
    const e = stated(end, name);
    if (remaining === 0) throw new CalcError("na", `no months left: ${year.name} is complete at ${formatMonth(asOf)}`);
    return (e - ytd()) / remaining;
  };
  // An open end never decides: nothing is above a minimum's missing high end or below a maximum's missing low end.
  const status = (): string => {
    const y = ytd();
    if (remaining === 0) return low !== null && y < low ? "below" : high !== null && y > high ? "above" : "within";
    if (low !== null && (low - y) / remaining > bestMonth(series)) return "out of reach";
    const s = share();
    // y ≥ share × end, as y × total ≥ elapsed × end: no division, so 2/12 × 12,000 is exactly 2,000.
    if (high !== null && y * s.total >= s.elapsed * high) return "ahead";
    if (low === null || y * s.total >= s.elapsed * low) return "on track";
    return "behind";
  };

  const compute: Record<ProgressOutput, () => number | string> = {
    ytd,
    pct_low: () => ratio(ytd(), low, "low end"),
    pct_mid: () => ratio(ytd(), (stated(low, "low end") + stated(high, "high end")) / 2, "midpoint"),
    pct_high: () => ratio(ytd(), high, "high end"),
    expected_share: () => share().elapsed / share().total,
    needed_low: needed(low, "low end"),
    needed_high: needed(high, "high end"),
    status,
  };
  const out = {} as Record<ProgressOutput, ProgressValue>;
  for (const name of PROGRESS_OUTPUTS) out[name] = attempt(undefined, compute[name]);
  return out;
}

function lazy<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  let error: unknown;
  return () => {
    if (!done) {
      try {
        value = f();
      } catch (e) {
        error = e;
      }
      done = true;
    }
    if (error !== undefined) throw error;
    return value;
  };
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "a blank";
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "number" || typeof v === "boolean") return String(v).toUpperCase();
  return Array.isArray(v) ? "a range" : typeof v;
}
