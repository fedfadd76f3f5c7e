/**
 * Periods of a range held compactly: a month as its month index in a typed array, anything else
 * (a quarter, a year, or the error from reading the cell) kept aside by position. A spill over a
 * whole dates column is then one Float64Array rather than a hundred thousand objects, and the
 * growth kernel reads it as fast as it reads the series.
 */
import { attempt, CalcError } from "./errors";
import { makeMonth, MAX_SERIAL, serialToMonth } from "./months";
import { isPeriod, parsePeriod, quickMonth, type Period } from "./periods";

export interface PeriodList {
  readonly length: number;
  /** Month index (year * 12 + month - 1) of a month period; NaN where `others` holds the entry. */
  readonly months: Float64Array;
  /** Quarters, years, malformed periods and the errors of unreadable cells, by position. */
  readonly others: Map<number, Period | CalcError>;
}

/** Whole numbers up to here are years when typed as a period (see parsePeriod). */
const LAST_YEAR_NUMBER = 2200;

/**
 * Reads every cell as parsePeriod does, without throwing: a cell that is not a period keeps its
 * CalcError in `others` (its message does not name the cell; the caller knows where it is).
 */
export function readPeriods(cells: ArrayLike<unknown>): PeriodList {
  const n = cells.length;
  const months = new Float64Array(n);
  const others = new Map<number, Period | CalcError>();
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    // The common case, a date serial: no object, no string.
    if (typeof cell === "number" && cell > LAST_YEAR_NUMBER && cell < MAX_SERIAL + 1) {
      months[i] = serialToMonth(cell);
      continue;
    }
    // Next commonest, a month as text ("Feb 2017", "2017-02"): no Period object either.
    const quick = typeof cell === "string" ? quickMonth(cell) : -1;
    if (quick >= 0) {
      months[i] = quick;
      continue;
    }
    const p = readOne(cell);
    if (p instanceof CalcError || p.kind !== "month") {
      months[i] = Number.NaN;
      others.set(i, p);
    } else {
      months[i] = makeMonth(p.year, p.month as number);
    }
  }
  return { length: n, months, others };
}

/** The slow path of readPeriods, apart so its try/catch stays out of the loop. */
function readOne(cell: unknown): Period | CalcError {
  return attempt(undefined, () => parsePeriod(cell));
}

/** Periods already read (or their errors) as a PeriodList; anything that is not a well-formed month stays as given. */
export function periodList(periods: ArrayLike<Period | CalcError>): PeriodList {
  const n = periods.length;
  const months = new Float64Array(n);
  const others = new Map<number, Period | CalcError>();
  for (let i = 0; i < n; i++) {
    const p = periods[i];
    if (isPeriod(p) && p.kind === "month") {
      months[i] = makeMonth(p.year, p.month as number);
    } else {
      months[i] = Number.NaN;
      others.set(i, p);
    }
  }
  return { length: n, months, others };
}

/** True for a PeriodList, false for an array of periods. */
export function isPeriodList(x: unknown): x is PeriodList {
  return typeof x === "object" && x !== null && (x as PeriodList).months instanceof Float64Array;
}
