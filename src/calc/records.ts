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

/** Index k of the series is calendar month (first + k) mod 12; a year starts where that is 0. */
const calendarMonth = (m: MonthIndex): number => ((m % 12) + 12) % 12;

/** Whether `month` beat every earlier value in scope. A month not in the data is #N/A. */
export function recordAt(series: MonthlySeries, month: MonthIndex, scope?: RecordScope | null): RecordResult {
  const s = checkScope(scope);
  const k = month - series.first;
  if (!(k >= 0 && k < series.values.length) || !(series.values[k] === series.values[k])) {
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
    if (v >= best || best !== best) {
      if (v === v) {
        best = v;
        bestAt = j;
      }
    }
  }
  return result(value, best, bestAt, series.first);
}

/** recordAt for every month of the series in one pass, keeping running maxima per scope. */
export function recordAll(series: MonthlySeries, scope?: RecordScope | null): RecordResult[] {
  const s = checkScope(scope);
  const n = series.values.length;
  const out: RecordResult[] = new Array(n);
  // One running best per calendar month ("month"), or a single one ("all", "ytd").
  const best = new Float64Array(s === "month" ? 12 : 1).fill(Number.NaN);
  const bestAt = new Int32Array(best.length).fill(-1);
  for (let k = 0; k < n; k++) {
    const cm = calendarMonth(series.first + k);
    if (s === "ytd" && cm === 0) {
      best[0] = Number.NaN;
      bestAt[0] = -1;
    }
    const slot = s === "month" ? cm : 0;
    const value = series.values[k];
    out[k] = result(value, best[slot], bestAt[slot], series.first);
    if (value === value && !(value <= best[slot])) {
      best[slot] = value;
      bestAt[slot] = k;
    }
  }
  return out;
}

function result(value: number, best: number, bestAt: number, first: MonthIndex): RecordResult {
  if (bestAt < 0) return { isRecord: false, previous: null, previousMonth: null, value };
  return { isRecord: value > best, previous: best, previousMonth: first + bestAt, value };
}
