/**
 * What tests compare calc with: slow, obviously right answers written apart from calc (windows by
 * their definition, records by looking back month by month), and calc's typed results viewed one
 * element at a time. None of it is product code: calc keeps only what the add-in uses.
 */
import { CalcError } from "../../src/calc/errors";
import { BASES, calendarGrowthColumns, type Basis } from "../../src/calc/growth";
import { formatMonth, makeMonth, type MonthIndex } from "../../src/calc/months";
import { describeValue } from "../../src/calc/numbers";
import { formatPeriod, isPeriod, type Period } from "../../src/calc/periods";
import type { PeriodList } from "../../src/calc/periodList";
import { recordColumns, type RecordScope } from "../../src/calc/records";
import type { MonthlySeries } from "../../src/calc/series";

// ---- windows ------------------------------------------------------------------------------------

export interface MonthWindow {
  first: MonthIndex;
  last: MonthIndex;
}

/**
 * The months a period covers under a basis, from the definitions: a month is itself; "quarter" is
 * the calendar quarter to date; "ytd" runs from the start of the fiscal year, "year" is the whole
 * fiscal year (named by the calendar year it ends in); "ttm" is the twelve months ending with the
 * period. Quarters and years count from their last month. Messages as calc words them.
 */
export function windowFor(period: Period, basis?: Basis | null, fiscalYearStart = 1): MonthWindow {
  if (!Number.isInteger(fiscalYearStart) || fiscalYearStart < 1 || fiscalYearStart > 12) {
    throw new CalcError(
      "value",
      `fiscal_year_start must be a month number 1-12 (4 = April), not ${describeValue(fiscalYearStart)}`,
    );
  }
  if (!isPeriod(period)) throw new CalcError("value", `"${describeValue(period)}" is not a period`);
  if (basis !== null && basis !== undefined && !BASES.includes(basis)) {
    throw new CalcError("value", `"${describeValue(basis)}" is not a basis`);
  }
  const b: Basis = basis ?? period.kind;
  if ((b === "month" && period.kind !== "month") || (b === "quarter" && period.kind === "year")) {
    throw new CalcError("value", `basis "${b}" does not apply to ${period.kind} ${formatPeriod(period)}`);
  }
  // The period's last month.
  let end: MonthIndex;
  if (period.kind === "month") end = makeMonth(period.year, period.month as number);
  else if (period.kind === "quarter") end = makeMonth(period.year, (period.quarter as number) * 3);
  else end = makeMonth(period.year, fiscalYearStart === 1 ? 12 : fiscalYearStart - 1);
  const calendarMonth = (m: MonthIndex) => (((m % 12) + 12) % 12) + 1;
  // Step back to the first month of the fiscal year holding `end`.
  let yearStart = end;
  while (calendarMonth(yearStart) !== fiscalYearStart) yearStart--;
  switch (b) {
    case "month":
      return { first: end, last: end };
    case "quarter": {
      let first = end;
      while ((calendarMonth(first) - 1) % 3 !== 0) first--;
      return { first, last: end };
    }
    case "ttm":
      return { first: end - 11, last: end };
    case "ytd":
      return { first: yearStart, last: end };
    case "year":
      return { first: yearStart, last: yearStart + 11 };
  }
}

/** calendarGrowthColumns as one answer per period: a number or its CalcError. */
export function calendarGrowth(
  series: MonthlySeries,
  periods: ArrayLike<Period | CalcError>,
  basis?: Basis | null,
  fiscalYearStart = 1,
): (number | CalcError)[] {
  const { values, errors } = calendarGrowthColumns(series, periods, basis, fiscalYearStart);
  return Array.from(values, (v, i) => errors.get(i) ?? v);
}

// ---- records ------------------------------------------------------------------------------------

export interface RecordResult {
  isRecord: boolean;
  /** The best earlier value in scope (the record to beat), null when there is none. */
  previous: number | null;
  /** The month that first set `previous`. */
  previousMonth: MonthIndex | null;
  /** The month's own value (NaN when the month has no value). */
  value: number;
}

const SCOPES: readonly (RecordScope | null | undefined)[] = ["month", "all", "ytd", null, undefined];

/**
 * Whether `month` beat every earlier value in scope, by looking back over the earlier months one by
 * one. A month not in the data is #N/A.
 */
export function recordAt(series: MonthlySeries, month: MonthIndex, scope?: RecordScope | null): RecordResult {
  if (!SCOPES.includes(scope)) throw new CalcError("value", `"${describeValue(scope)}" is not a scope`);
  const s = scope ?? "month";
  const k = month - series.first;
  if (!Number.isInteger(k) || !(k >= 0 && k < series.values.length) || Number.isNaN(series.values[k])) {
    throw new CalcError("na", `no value for ${Number.isInteger(month) ? formatMonth(month) : describeValue(month)}`);
  }
  const value = series.values[k];
  const sameYear = (j: number) => Math.floor((series.first + j) / 12) === Math.floor(month / 12);
  let best: number | null = null;
  let bestAt: number | null = null;
  for (let j = 0; j < k; j++) {
    const inScope = s === "all" || (s === "month" && (k - j) % 12 === 0) || (s === "ytd" && sameYear(j));
    const v = series.values[j];
    if (inScope && !Number.isNaN(v) && (best === null || v > best)) {
      best = v;
      bestAt = series.first + j;
    }
  }
  return { isRecord: best !== null && value > best, previous: best, previousMonth: bestAt, value };
}

/** recordColumns as one RecordResult per month of the series. */
export function recordAll(series: MonthlySeries, scope?: RecordScope | null): RecordResult[] {
  const c = recordColumns(series, scope);
  return Array.from(c.isRecord, (flag, k) => {
    const at = c.previousMonth[k];
    return {
      isRecord: flag === 1,
      previous: at < 0 ? null : c.previous[k],
      previousMonth: at < 0 ? null : at,
      value: series.values[k],
    };
  });
}

// ---- periods and series one at a time -------------------------------------------------------------

/** The period (or error) at position i of a PeriodList. */
export function periodAt(list: PeriodList, i: number): Period | CalcError {
  const m = list.months[i];
  if (Number.isNaN(m)) return list.others.get(i) as Period | CalcError;
  const year = Math.floor(m / 12);
  return { kind: "month", year, month: m - year * 12 + 1 };
}

/** The value of a month, NaN when the month has no value or lies outside the series. */
export function valueAt(series: MonthlySeries, m: MonthIndex): number {
  const k = m - series.first;
  return k >= 0 && k < series.values.length ? series.values[k] : Number.NaN;
}

/** The last month of the series (first - 1 when empty). */
export const lastMonth = (series: MonthlySeries): MonthIndex => series.first + series.values.length - 1;

// ---- exact decimals -------------------------------------------------------------------------------

/** The nearest double to coefficient × 10^exponent (JavaScript reads "41e5" with correct rounding). */
export const decimalToNumber = (d: { coefficient: bigint; exponent: number }): number =>
  Number(`${d.coefficient}e${d.exponent}`);
