/**
 * Was a month a record as it stood then? Strictly above every earlier value in scope; a tie is
 * not a record; with nothing earlier in scope it is not a record either (and previous is null).
 * Months without a value are never compared.
 */
import { CalcError } from "./errors";
import { formatMonth, type MonthIndex } from "./months";
import { describeValue } from "./numbers";
import type { MonthlySeries } from "./series";

/** "month": same calendar month of earlier years; "all": every earlier month; "ytd": earlier months of the same calendar year. */
export type RecordScope = "month" | "all" | "ytd";

export interface RecordResult {
  isRecord: boolean;
  /** The best earlier value in scope (the record to beat), null when there is none. */
  previous: number | null;
  /** The month that first set `previous`. */
  previousMonth: MonthIndex | null;
  /** The month's own value (NaN when the month has no value). */
  value: number;
}

const SCOPES: readonly RecordScope[] = ["month", "all", "ytd"];

/** A scope argument: null for omitted/blank, CalcError for anything else unknown. */
export function parseScope(input: unknown, label = "scope"): RecordScope | null {
  if (input === null || input === undefined || input === "") return null;
  const text = typeof input === "string" ? input.trim().toLowerCase() : "";
  if ((SCOPES as readonly string[]).includes(text)) return text as RecordScope;
  throw new CalcError("value", `${label}: "${describeValue(input)}" is not a scope; use one of ${SCOPES.join(", ")}`);
}

function checkScope(scope: RecordScope | null | undefined): RecordScope {
  if (scope === null || scope === undefined) return "month";
  if ((SCOPES as readonly string[]).includes(scope)) return scope;
  throw new CalcError("value", `"${describeValue(scope)}" is not a scope; use one of ${SCOPES.join(", ")}`);
}

/** 0 = January .. 11 = December, for any month index. */
const calendarMonth = (m: MonthIndex): number => ((m % 12) + 12) % 12;

/** Whether `month` beat every earlier value in scope. A month not in the data is #N/A. */
export function recordAt(series: MonthlySeries, month: MonthIndex, scope?: RecordScope | null): RecordResult {
  const s = checkScope(scope);
  const k = month - series.first;
  if (!Number.isInteger(k) || !(k >= 0 && k < series.values.length) || !(series.values[k] === series.values[k])) {
    throw new CalcError("na", `no value for ${Number.isInteger(month) ? formatMonth(month) : describeValue(month)}`);
  }
  const value = series.values[k];
  const step = s === "month" ? 12 : 1;
  const stop = s === "ytd" ? k - calendarMonth(month) : 0; // first index of the calendar year
  let best = Number.NaN;
  let bestAt = -1;
  // Walk back so that, among equal bests, the earliest month (the one that set the record) wins.
  for (let j = k - step; j >= Math.max(stop, 0); j -= step) {
    const v = series.values[j];
    if (v === v && (v >= best || best !== best)) {
      best = v;
      bestAt = j;
    }
  }
  return result(value, best, bestAt, series.first);
}

/** Record results for every month as typed columns: what a spill of a million flags needs. */
export interface RecordColumns {
  first: MonthIndex;
  /** 1 where the month is a record. */
  isRecord: Uint8Array;
  /** Best earlier value in scope; NaN when there is none. */
  previous: Float64Array;
  /** The month that first set `previous`; -1 when there is none. */
  previousMonth: Int32Array;
}

/** recordAt for every month of the series in one pass, keeping running maxima per scope. */
export function recordColumns(series: MonthlySeries, scope?: RecordScope | null): RecordColumns {
  const s = checkScope(scope);
  const n = series.values.length;
  const c: RecordColumns = {
    first: series.first,
    isRecord: new Uint8Array(n),
    previous: new Float64Array(n),
    previousMonth: new Int32Array(n),
  };
  if (s === "month") perCalendarMonth(series, c);
  else runningBest(series, c, s === "ytd");
  return c;
}

/** Scope "all" (one running best) or "ytd" (reset each January). */
function runningBest(series: MonthlySeries, c: RecordColumns, resetEachYear: boolean): void {
  const { values, first } = series;
  const { isRecord, previous, previousMonth } = c;
  let best = Number.NaN; // NaN while nothing earlier is in scope
  let bestAt = -1;
  let cm = calendarMonth(first);
  for (let k = 0; k < values.length; k++) {
    if (cm === 0 && resetEachYear) {
      best = Number.NaN;
      bestAt = -1;
    }
    const v = values[k];
    previous[k] = best;
    previousMonth[k] = bestAt;
    if (v > best) {
      isRecord[k] = 1;
      best = v;
      bestAt = first + k;
    } else if (best !== best && v === v) {
      best = v; // the first value in scope: not a record, but the one to beat
      bestAt = first + k;
    }
    if (++cm === 12) cm = 0;
  }
}

/** Scope "month": one running best per calendar month. */
function perCalendarMonth(series: MonthlySeries, c: RecordColumns): void {
  const { values, first } = series;
  const { isRecord, previous, previousMonth } = c;
  const best = new Float64Array(12).fill(Number.NaN);
  const bestAt = new Int32Array(12).fill(-1);
  let cm = calendarMonth(first);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const b = best[cm];
    previous[k] = b;
    previousMonth[k] = bestAt[cm];
    if (v > b) {
      isRecord[k] = 1;
      best[cm] = v;
      bestAt[cm] = first + k;
    } else if (b !== b && v === v) {
      best[cm] = v;
      bestAt[cm] = first + k;
    }
    if (++cm === 12) cm = 0;
  }
}

/** recordColumns as one RecordResult per month of the series. */
export function recordAll(series: MonthlySeries, scope?: RecordScope | null): RecordResult[] {
  const c = recordColumns(series, scope);
  const n = c.isRecord.length;
  const out: RecordResult[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const at = c.previousMonth[k];
    out[k] = {
      isRecord: c.isRecord[k] === 1,
      previous: at < 0 ? null : c.previous[k],
      previousMonth: at < 0 ? null : at,
      value: series.values[k],
    };
  }
  return out;
}

function result(value: number, best: number, bestAt: number, first: MonthIndex): RecordResult {
  if (bestAt < 0) return { isRecord: false, previous: null, previousMonth: null, value };
  return { isRecord: value > best, previous: best, previousMonth: first + bestAt, value };
}
