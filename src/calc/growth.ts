/**
 * Growth against the same period a year earlier. A window is a run of months; the prior window
 * is the same run shifted 12 months. A window is at most 12 months, so each is summed directly
 * (left to right, as a user's SUM would): running totals would be O(1) per window but can lose the
 * last digits of fractional figures to cancellation. Missing months are found in O(1) from one pass.
 * A spill over many months reads a table made in one pass instead (monthGrowthTable), which gives
 * the same figures to the bit.
 */
import { CalcError } from "./errors";
import { checkFiscalYearStart, formatMonth, makeMonth, monthOf, type MonthIndex } from "./months";
import { describeValue } from "./numbers";
import { formatPeriod, isPeriod, type Period } from "./periods";
import { isPeriodList, periodList, type PeriodList } from "./periodList";
import type { MonthlySeries } from "./series";

export type Basis = "month" | "quarter" | "year" | "ytd" | "ttm";

/** Every basis, in the order messages list them. */
export const BASES: readonly Basis[] = ["month", "quarter", "year", "ytd", "ttm"];

/** current / prior - 1. A zero base is #DIV/0!; a negative figure makes a percentage meaningless. */
export function growth(current: number, prior: number): number {
  if (typeof current !== "number" || typeof prior !== "number") {
    const bad = typeof current !== "number" ? current : prior;
    throw new CalcError("value", `growth needs two numbers, got "${describeValue(bad)}"`);
  }
  const g = growthOrError(current, prior);
  if (typeof g !== "number") throw g;
  return g;
}

/** growth without throwing, for loops that keep going past one bad element. */
function growthOrError(current: number, prior: number): number | CalcError {
  if (prior > 0 && current >= 0) {
    const g = current / prior - 1;
    if (g < Infinity) return g;
    return new CalcError("num", `growth of ${current} over ${prior} is too large to show`);
  }
  if (!Number.isFinite(current) || !Number.isFinite(prior)) {
    return new CalcError("value", `growth needs two numbers, got ${current} and ${prior}`);
  }
  if (prior === 0) return new CalcError("div0", "the prior value is 0: growth over a zero base is undefined");
  if (prior < 0) return new CalcError("value", `the prior value ${prior} is negative: growth is meaningless`);
  return new CalcError("value", `the current value ${current} is negative: growth is meaningless`);
}

/** The first month of the fiscal year that contains m. */
function fiscalYearStartOf(m: MonthIndex, start: number): MonthIndex {
  return m - ((monthOf(m) - start + 12) % 12);
}

/** A basis given to calc directly (the functions read the cell against BASES first). */
function checkBasis(basis: unknown): Basis | null {
  if (basis === null || basis === undefined) return null;
  if ((BASES as readonly unknown[]).includes(basis)) return basis as Basis;
  throw new CalcError("value", `"${describeValue(basis)}" is not a basis; use one of ${BASES.join(", ")}`);
}

/** The basis for one period (its default when none is given), or why it does not apply. */
function basisFor(period: Period, basis: Basis | null): Basis | CalcError {
  if (!isPeriod(period)) return new CalcError("value", `"${describeValue(period)}" is not a period`);
  const b: Basis = basis ?? period.kind;
  if ((b === "month" && period.kind !== "month") || (b === "quarter" && period.kind === "year")) {
    return new CalcError("value", `basis "${b}" does not apply to ${period.kind} ${formatPeriod(period)}`);
  }
  return b;
}

/** The first month of the window that ends at `end` ("year" runs on to the end of the fiscal year). */
function windowStart(end: MonthIndex, b: Basis, fiscalYearStart: number): MonthIndex {
  switch (b) {
    case "month":
      return end;
    case "quarter":
      return end - ((monthOf(end) - 1) % 3);
    case "ttm":
      return end - 11;
    default: // ytd, year
      return fiscalYearStartOf(end, fiscalYearStart);
  }
}

function lastMonthOf(period: Period, fiscalYearStart: number): MonthIndex {
  if (period.kind === "month") return makeMonth(period.year, period.month as number);
  if (period.kind === "quarter") return makeMonth(period.year, (period.quarter as number) * 3);
  // Fiscal year Y ends in calendar year Y, the month before the start month (Dec for a calendar year).
  return makeMonth(period.year, fiscalYearStart === 1 ? 12 : fiscalYearStart - 1);
}

/** A series with where the next missing month is, so a window's gaps are found in O(1). */
interface WindowSums {
  first: MonthIndex;
  n: number;
  values: Float64Array;
  next: Int32Array | null; // made on first use (see nextMissing): a spill's fast path never needs it
}

function windowSums(series: MonthlySeries): WindowSums {
  return { first: series.first, n: series.values.length, values: series.values, next: null };
}

/** nextMissing[k] = the smallest j >= k with no value, or n. */
function nextMissing(w: WindowSums): Int32Array {
  if (w.next !== null) return w.next;
  const { n, values } = w;
  const next = new Int32Array(n + 1);
  next[n] = n;
  for (let k = n - 1; k >= 0; k--) next[k] = values[k] === values[k] ? next[k + 1] : k;
  w.next = next;
  return next;
}

/** Sum of values[a..z), at most 12 months: summed directly so the result is exact to the last digit a SUM gives. */
function sumRange(values: Float64Array, a: number, z: number): number {
  let total = 0;
  for (let k = a; k < z; k++) total += values[k];
  return total;
}

/**
 * The first month in first..last without a value, or null when every month has one. A window is at
 * most 12 months, so without the table of next missing months (made for a spill) it is scanned: one
 * period alone, a per-row formula's, then costs nothing that grows with the series.
 */
function firstMissing(w: WindowSums, first: MonthIndex, last: MonthIndex): MonthIndex | null {
  const a = first - w.first;
  const b = last - w.first;
  if (a < 0 || a >= w.n) return first;
  if (w.next === null) {
    const end = Math.min(b, w.n - 1);
    const values = w.values;
    for (let k = a; k <= end; k++) if (values[k] !== values[k]) return w.first + k;
    return b < w.n ? null : w.first + w.n;
  }
  const k = w.next[a];
  return k <= b ? w.first + k : null;
}

const noValue = (m: MonthIndex): CalcError => new CalcError("na", `no value for ${formatMonth(m)}`);

/** Growth per period as a typed column, with the elements that failed kept apart (usually few). */
export interface GrowthColumns {
  /** Growth per period; NaN where `errors` has the element. */
  values: Float64Array;
  errors: Map<number, CalcError>;
}

/**
 * Growth of each period's window over the same window a year earlier, into a Float64Array: no
 * allocation per period except the errors it reports. An element that is already a CalcError (an
 * unreadable period) stays in place; others get a number or their own CalcError, so one bad cell in
 * a spill does not spoil the rest. Periods come as read cells or as a PeriodList (what a spill over
 * a dates column passes: months as indices, no object per period).
 */
export function calendarGrowthColumns(
  series: MonthlySeries,
  periods: ArrayLike<Period | CalcError> | PeriodList,
  basis?: Basis | null,
  fiscalYearStart = 1,
): GrowthColumns {
  const start = checkFiscalYearStart(fiscalYearStart);
  const given = checkBasis(basis);
  const list = isPeriodList(periods) ? periods : periodList(periods);
  const w = windowSums(series);
  const n = list.length;
  const months = list.months;
  const errors = new Map<number, CalcError>();
  // A spill of many month periods (a whole column of dates) reads growth from a table made in one
  // streaming pass; anything the table cannot answer takes the general path below.
  const table = n * TABLE_MONTHS_PER_PERIOD >= w.n ? monthGrowthTable(w, given ?? "month", start) : EMPTY;
  const first = w.first;
  let i = 0;
  if (table.length === n) {
    // Periods that are the series' own months in order (the dates column itself): the table is the
    // answer. What the general path decides is written into it: the same growth for the same month.
    for (; i < n && months[i] === first + i; i++) {
      if (table[i] !== table[i]) table[i] = decide(list, i, given, start, w, errors);
    }
    if (i === n) return { values: table, errors };
  }
  const values = new Float64Array(n);
  values.set(table.subarray(0, i)); // entries before the first out of order one, if any
  const size = table.length;
  for (; i < n; i++) {
    const k = months[i] - first; // NaN for a period that is not a month
    if (k >= 0 && k < size && (k | 0) === k) {
      const t = table[k];
      if (t === t) {
        values[i] = t;
        continue;
      }
    }
    values[i] = decide(list, i, given, start, w, errors);
  }
  return { values, errors };
}

/** The general path's growth for entry i, or NaN with its error recorded. */
function decide(
  list: PeriodList,
  i: number,
  given: Basis | null,
  start: number,
  w: WindowSums,
  errors: Map<number, CalcError>,
): number {
  const g = entryGrowth(list, i, given, start, w);
  if (typeof g === "number") return g;
  errors.set(i, g);
  return Number.NaN;
}

const EMPTY = new Float64Array(0);
/**
 * A table costs one pass over the series; answering each period alone costs up to a window (12
 * months) each. The table is made once the periods are at least an eighth of the months.
 */
const TABLE_MONTHS_PER_PERIOD = 8;
/** Totals of whole figures are exact below 2^53; past it running totals could lose the last digits. */
const EXACT_TOTAL = 2 ** 53;

/** The general path for one entry of a PeriodList. */
function entryGrowth(
  list: PeriodList,
  i: number,
  given: Basis | null,
  start: number,
  w: WindowSums,
): number | CalcError {
  const m = list.months[i];
  if (m === m) {
    // A month period: every basis applies. A PeriodList made by hand may hold a fraction.
    if (!Number.isInteger(m)) return new CalcError("value", `month index ${m} is not a period`);
    return windowGrowth(m, given ?? "month", start, w);
  }
  const p = list.others.get(i) as Period | CalcError;
  if (p instanceof CalcError) return p;
  return periodGrowth(p, given, start, w);
}

/** Growth of one period's window over the same window a year earlier, or why not. */
function periodGrowth(p: Period, given: Basis | null, start: number, w: WindowSums): number | CalcError {
  const b = basisFor(p, given);
  if (b instanceof CalcError) return b;
  return windowGrowth(lastMonthOf(p, start), b, start, w);
}

/** Growth of the window that ends at `end` under basis b, or why not. */
function windowGrowth(end: MonthIndex, b: Basis, start: number, w: WindowSums): number | CalcError {
  const first = windowStart(end, b, start);
  const last = b === "year" ? first + 11 : end;
  const missing = firstMissing(w, first - 12, last - 12) ?? firstMissing(w, first, last);
  if (missing !== null) return noValue(missing);
  const a = first - w.first;
  const z = last - w.first + 1;
  return growthOrError(sumRange(w.values, a, z), sumRange(w.values, a - 12, z - 12));
}

/**
 * Growth for a month period ending at every month of the series under one basis, NaN where the
 * general path must decide (a missing month, a zero base, a basis that does not apply to months).
 * Every table adds the same values in the same order as a direct sum of the window, or uses
 * running totals only while they are exact (whole figures whose total stays below 2^53), so the
 * table and the general path agree to the bit.
 */
function monthGrowthTable(w: WindowSums, b: Basis, start: number): Float64Array {
  if (b === "month") return monthTable(w.values);
  if (b === "quarter" || b === "ytd") return resettingTable(w, b, start);
  const ttm = b === "ttm" ? ttmTable(w.values) : null;
  if (ttm !== null) return ttm;
  const { n, values } = w;
  const next = nextMissing(w);
  const table = new Float64Array(n).fill(Number.NaN);
  for (let k = 12; k < n; k++) {
    const end = w.first + k;
    const first = windowStart(end, b, start);
    const last = b === "year" ? first + 11 : end;
    const a = first - w.first;
    const z = last - w.first + 1;
    if (a < 12 || z > n || next[a - 12] < z - 12 || next[a] < z) continue;
    table[k] = tableEntry(sumRange(values, a, z), sumRange(values, a - 12, z - 12));
  }
  return table;
}

/** Growth for the table: NaN whenever growthOrError would not give a plain number. */
function tableEntry(current: number, prior: number): number {
  if (prior > 0 && current >= 0) {
    const g = current / prior - 1;
    if (g < Infinity) return g;
  }
  return Number.NaN;
}

/** monthGrowthTable for single months: each against the month 12 before it. */
function monthTable(values: Float64Array): Float64Array {
  const n = values.length;
  const table = new Float64Array(n);
  for (let k = 0; k < n; k++) table[k] = k >= 12 ? tableEntry(values[k], values[k - 12]) : Number.NaN;
  return table;
}

/**
 * monthGrowthTable for windows that end at the month and restart at a fixed month of the year
 * (quarter to date, year to date). A running sum that restarts at each window's first month
 * adds the same values in the same order as a direct sum, so it is exact whatever the figures; the
 * window a year earlier is the one 12 months back, kept in a ring of 12 by calendar month. A
 * missing month makes the sum NaN until the window restarts, so gaps need no bookkeeping.
 */
function resettingTable(w: WindowSums, b: "quarter" | "ytd", start: number): Float64Array {
  const { n, values, first } = w;
  const table = new Float64Array(n);
  const ring = new Float64Array(12).fill(Number.NaN); // the window sum at each calendar month, a year ago
  const restartMonth = start - 1;
  let month0 = monthOf(first) - 1; // 0-11
  let sum = 0;
  let windowFirst = 0; // index of the current window's first month (0 when cut by the series start)
  for (let k = 0; k < n; k++) {
    if (b === "quarter" ? month0 % 3 === 0 : month0 === restartMonth) {
      sum = 0;
      windowFirst = k;
    }
    sum += values[k];
    const prior = ring[month0];
    ring[month0] = sum;
    // Both windows must lie inside the series: the one a year earlier starts at windowFirst - 12.
    table[k] = windowFirst >= 12 ? tableEntry(sum, prior) : Number.NaN;
    month0 = month0 === 11 ? 0 : month0 + 1;
  }
  return table;
}

/**
 * monthGrowthTable for ttm from running totals, or null when they might not be exact (a fraction,
 * or a total of 2^53 or more): the caller then sums each window directly. The last 24 totals are
 * kept in a ring, so the table costs one pass and no second array.
 */
function ttmTable(values: Float64Array): Float64Array | null {
  const n = values.length;
  const table = new Float64Array(n);
  const ring = new Float64Array(24); // ring[k % 24] = total through month k; 0 before the series
  let total = 0;
  let magnitude = 0;
  let lastMissing = -1;
  let slot = 0; // k % 24
  for (let k = 0; k < n; k++) {
    const v = values[k];
    if (v === v) {
      if (Math.floor(v) !== v) return null;
      total += v;
      magnitude += Math.abs(v);
      if (magnitude >= EXACT_TOTAL) return null;
    } else {
      lastMissing = k;
    }
    const before24 = ring[slot]; // total through k - 24
    const before12 = ring[slot < 12 ? slot + 12 : slot - 12]; // total through k - 12
    ring[slot] = total;
    slot = slot === 23 ? 0 : slot + 1;
    // Window k-11..k against k-23..k-12: both inside the series and without a gap.
    table[k] = k < 23 || lastMissing > k - 24 ? Number.NaN : tableEntry(total - before12, before12 - before24);
  }
  return table;
}
