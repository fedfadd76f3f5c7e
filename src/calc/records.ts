/**
 * Was a month a record as it stood then? Strictly above every earlier value in scope; a tie is
 * not a record; with nothing earlier in scope it is not a record either (and previous is null).
 * Months without a value are never compared.
 */
import { CalcError } from "./errors";
import type { MonthIndex } from "./months";
import { describeValue } from "./numbers";
import type { MonthlySeries } from "./series";

/** "month": same calendar month of earlier years; "all": every earlier month; "ytd": earlier months of the same calendar year. */
export type RecordScope = "month" | "all" | "ytd";

/** Every scope, in the order messages list them. */
export const SCOPES: readonly RecordScope[] = ["month", "all", "ytd"];

function checkScope(scope: RecordScope | null | undefined): RecordScope {
  if (scope === null || scope === undefined) return "month";
  if ((SCOPES as readonly string[]).includes(scope)) return scope;
  throw new CalcError("value", `"${describeValue(scope)}" is not a scope; use one of ${SCOPES.join(", ")}`);
}

/** 0 = January .. 11 = December, for any month index. */
const calendarMonth = (m: MonthIndex): number => ((m % 12) + 12) % 12;

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
