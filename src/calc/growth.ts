/**
 * Growth against the same period a year earlier. A window is a run of months; the prior window
 * is the same run shifted 12 months. Calendar growth over many periods sums each window from
 * prefix sums built once, so a spilled range of periods costs one pass over the data.
 */
import { CalcError } from "./errors";
import { formatMonth, makeMonth, monthOf, type MonthIndex } from "./months";
import { describeValue } from "./numbers";
import { formatPeriod, isPeriod, type Period } from "./periods";
import type { MonthlySeries } from "./series";

export type Basis = "month" | "quarter" | "year" | "ytd" | "ttm";

export interface MonthWindow {
  first: MonthIndex;
  last: MonthIndex;
}

const BASES: readonly Basis[] = ["month", "quarter", "year", "ytd", "ttm"];

/** current / prior - 1. A zero base is #DIV/0!; a negative figure makes a percentage meaningless. */
export function growth(current: number, prior: number): number {
  if (!Number.isFinite(current) || !Number.isFinite(prior)) {
    throw new CalcError("value", `growth needs two numbers, got ${current} and ${prior}`);
  }
  if (prior === 0) throw new CalcError("div0", "the prior value is 0: growth over a zero base is undefined");
  if (prior < 0) throw new CalcError("value", `the prior value ${prior} is negative: growth is meaningless`);
  if (current < 0) throw new CalcError("value", `the current value ${current} is negative: growth is meaningless`);
  const g = current / prior - 1;
  if (!Number.isFinite(g)) throw new CalcError("num", `growth of ${current} over ${prior} is too large to show`);
  return g;
}

/** A basis argument: null for omitted/blank, CalcError for anything not a known basis. */
export function parseBasis(input: unknown, label = "basis"): Basis | null {
  if (input === null || input === undefined || input === "") return null;
  const text = typeof input === "string" ? input.trim().toLowerCase() : "";
  if ((BASES as readonly string[]).includes(text)) return text as Basis;
  throw new CalcError("value", `${label}: "${describeValue(input)}" is not a basis; use one of ${BASES.join(", ")}`);
}

/** fiscal_year_start: 1..12, default 1 (calendar year). */
export function checkFiscalYearStart(input: unknown, label = "fiscal_year_start"): number {
  if (input === null || input === undefined || input === "") return 1;
  if (typeof input === "number" && Number.isInteger(input) && input >= 1 && input <= 12) return input;
  throw new CalcError(
    "value",
    `${label}: "${describeValue(input)}" is not a month number 1-12 (the month the fiscal year starts, e.g. 4 for April)`,
  );
}

/** The first month of the fiscal year that contains m. */
function fiscalYearStartOf(m: MonthIndex, start: number): MonthIndex {
  return m - ((monthOf(m) - start + 12) % 12);
}

/**
 * The months a period covers under a basis. A fiscal year is named by the calendar year it ends
 * in; quarters are calendar quarters. Quarter and year periods count from their last month
 * (so "ytd" of Q2 runs from the start of the year through June).
 */
export function windowFor(period: Period, basis?: Basis | null, fiscalYearStart = 1): MonthWindow {
  const start = checkFiscalYearStart(fiscalYearStart);
  if (!isPeriod(period)) throw new CalcError("value", `"${describeValue(period)}" is not a period`);
  const b: Basis = basis ?? (period.kind === "month" ? "month" : period.kind);
  const end = lastMonthOf(period, start);
  switch (b) {
    case "month":
      if (period.kind !== "month") throw basisMismatch(period, b);
      return { first: end, last: end };
    case "quarter":
      if (period.kind === "year") throw basisMismatch(period, b);
      return { first: end - ((monthOf(end) - 1) % 3), last: end };
    case "ytd":
      return { first: fiscalYearStartOf(end, start), last: end };
    case "year": {
      const first = fiscalYearStartOf(end, start);
      return { first, last: first + 11 };
    }
    case "ttm":
      return { first: end - 11, last: end };
    default:
      throw new CalcError("value", `"${describeValue(b)}" is not a basis; use one of ${BASES.join(", ")}`);
  }
}

function lastMonthOf(period: Period, fiscalYearStart: number): MonthIndex {
  if (period.kind === "month") return makeMonth(period.year, period.month as number);
  if (period.kind === "quarter") return makeMonth(period.year, (period.quarter as number) * 3);
  // Fiscal year Y ends in calendar year Y, the month before the start month (Dec for a calendar year).
  return fiscalYearStart === 1 ? makeMonth(period.year, 12) : makeMonth(period.year, fiscalYearStart - 1);
}

function basisMismatch(period: Period, basis: Basis): CalcError {
  return new CalcError("value", `basis "${basis}" does not apply to ${period.kind} ${formatPeriod(period)}`);
}

/** Prefix sums of a series, with where the next missing month is, for O(1) window sums. */
interface WindowSums {
  first: MonthIndex;
  n: number;
  sums: Float64Array; // sums[k] = total of values[0..k-1], missing months count 0
  nextMissing: Int32Array; // nextMissing[k] = smallest j >= k with no value, or n
}

function windowSums(series: MonthlySeries): WindowSums {
  const n = series.values.length;
  const sums = new Float64Array(n + 1);
  const nextMissing = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const v = series.values[k];
    sums[k + 1] = sums[k] + (v === v ? v : 0);
  }
  nextMissing[n] = n;
  for (let k = n - 1; k >= 0; k--) nextMissing[k] = series.values[k] === series.values[k] ? nextMissing[k + 1] : k;
  return { first: series.first, n, sums, nextMissing };
}

/** The total over a window, or CalcError("na") naming its first month without a value. */
function windowTotal(w: WindowSums, win: MonthWindow): number {
  const a = win.first - w.first;
  const b = win.last - w.first;
  if (a < 0 || w.n === 0) throw noValue(win.first);
  const missing = a < w.n ? w.nextMissing[a] : a;
  if (missing <= b) throw noValue(w.first + missing);
  return w.sums[b + 1] - w.sums[a];
}

const noValue = (m: MonthIndex): CalcError => new CalcError("na", `no value for ${formatMonth(m)}`);

/**
 * Growth of each period's window over the same window a year earlier. An element that is
 * already a CalcError (an unreadable period) stays in place; others get a number or their own
 * CalcError, so one bad cell in a spill does not spoil the rest.
 */
export function calendarGrowth(
  series: MonthlySeries,
  periods: ArrayLike<Period | CalcError>,
  basis?: Basis | null,
  fiscalYearStart = 1,
): (number | CalcError)[] {
  const start = checkFiscalYearStart(fiscalYearStart);
  const w = windowSums(series);
  const out: (number | CalcError)[] = new Array(periods.length);
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    if (p instanceof CalcError) {
      out[i] = p;
      continue;
    }
    try {
      const win = windowFor(p, basis, start);
      const prior = windowTotal(w, { first: win.first - 12, last: win.last - 12 });
      const current = windowTotal(w, win);
      out[i] = growth(current, prior);
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
      out[i] = e;
    }
  }
  return out;
}
