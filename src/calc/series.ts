/**
 * A monthly series from a dates range and a values range, as users pass them: whole columns
 * (a million rows, a few hundred filled), a header in the first row, blanks in between.
 * Stored dense by month so that windows and records are index arithmetic.
 */
import { CalcError, calcErrorOf, located } from "./errors";
import { formatMonth, MAX_SERIAL, serialToMonth, type MonthIndex } from "./months";
import { quickMonth, toMonth } from "./periods";
import { dropUnreported, readFigure } from "./reported";

export interface MonthlySeries {
  /** Month of values[0]. */
  first: MonthIndex;
  /** Dense by month from `first`; NaN = no value. */
  values: Float64Array;
  /** Source row (0-based) per month, -1 if none. */
  rows: Int32Array;
}

/** Rows the dated-row buffers start with; they double as needed (a whole column holds few dates). */
const FIRST_BUFFER_ROWS = 4096;
/** Whole numbers up to here are years when typed as a period; in a dates column they are a mistake. */
const LAST_YEAR_NUMBER = 2200;

interface SeriesLabels {
  dates?: string;
  values?: string;
}

/** The rows of a dates column that hold a month: row number and month of each, in row order. */
export interface DatedRows {
  count: number;
  /** Row (0-based) of each dated row; entries from `count` on are unused. */
  rows: Int32Array;
  months: Int32Array;
  /** Earliest and latest month of them (Infinity and -Infinity when there are none). */
  lo: number;
  hi: number;
}

/**
 * Decisions: a date cell holding 0 is blank (Excel desktop sends empty cells as 0); the header
 * is the first row with a date cell, when that cell is text that is not a month. Values follow
 * the empty-cell rule (reported.ts): an empty value is 0 up to the latest month with a non-zero
 * figure, and the months after it are not reported (NaN), whatever the order of the rows.
 */
export function buildDatedSeries(
  dates: ArrayLike<unknown>,
  values: ArrayLike<unknown>,
  labels?: SeriesLabels,
): { series: MonthlySeries; datedRows: Int32Array } {
  const datesLabel = labels?.dates ?? "dates";
  const valuesLabel = labels?.values ?? "values";
  checkSameSize(dates, values, datesLabel, valuesLabel);
  const dated = readDatedRows(dates, datesLabel);
  const series = assembleSeries(dated, null, dated.count, values, datesLabel, valuesLabel, "");
  return { series, datedRows: dated.rows.subarray(0, dated.count) };
}

/**
 * The series alone, for tests (the functions keep the dated rows too: buildDatedSeries).
 * @internal
 */
export const buildSeries = (
  dates: ArrayLike<unknown>,
  values: ArrayLike<unknown>,
  labels?: SeriesLabels,
): MonthlySeries => buildDatedSeries(dates, values, labels).series;

export function checkSameSize(a: ArrayLike<unknown>, b: ArrayLike<unknown>, aLabel: string, bLabel: string): void {
  if (a.length !== b.length) {
    throw new CalcError(
      "value",
      `${aLabel} and ${bLabel} differ in size: ${a.length} and ${b.length} cells; give ranges of the same size`,
    );
  }
}

/**
 * The dated rows of a dates column (a header and blank rows skipped). An unreadable date throws, naming
 * its row; or, given `unreadable`, is handed to it and its row skipped. Only the first filled cell can
 * be a header, so whether a row is one never depends on rows below it.
 */
export function readDatedRows(
  dates: ArrayLike<unknown>,
  datesLabel: string,
  unreadable?: (row: number, error: CalcError) => void,
): DatedRows {
  const n = dates.length;
  // Row numbers and months of the dated rows only, so blank rows cost no memory.
  let datedRows: Int32Array = new Int32Array(Math.min(n, FIRST_BUFFER_ROWS));
  let datedMonths: Int32Array = new Int32Array(datedRows.length);
  let count = 0;
  let lo = Infinity;
  let hi = -Infinity;
  let seenDate = false;
  for (let i = 0; i < n; i++) {
    const d = dates[i];
    let m: number;
    if (typeof d === "number" && d > LAST_YEAR_NUMBER && d <= MAX_SERIAL) {
      m = serialToMonth(d); // the common case: no strings, no objects
    } else if (d === null || d === undefined || d === 0 || d === "") {
      continue;
    } else if (typeof d === "string" && d.trim() === "") {
      continue;
    } else if (!seenDate && typeof d === "string") {
      seenDate = true;
      const header = headerOrMonth(d, i, datesLabel);
      if (header === null) continue;
      m = header;
    } else if (typeof d === "string" && (m = quickMonth(d)) >= 0) {
      // Month text in a common form ("Feb 2017", "2017-02"): read without building the row's label.
    } else {
      seenDate = true;
      try {
        m = slowMonth(d, i, datesLabel);
      } catch (e) {
        if (unreadable === undefined) throw e;
        unreadable(i, calcErrorOf(e));
        continue;
      }
    }
    seenDate = true;
    if (count === datedRows.length) {
      datedRows = grow(datedRows);
      datedMonths = grow(datedMonths);
    }
    datedRows[count] = i;
    datedMonths[count] = m;
    count++;
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  return { count, rows: datedRows, months: datedMonths, lo, hi };
}

/**
 * The series of some dated rows: `pick[0..count)` indexes them (all of them, in order, when pick is
 * null). The same month twice is an error naming both rows (and the mine, when one is named).
 */
export function assembleSeries(
  dated: DatedRows,
  pick: Int32Array | null,
  count: number,
  values: ArrayLike<unknown>,
  datesLabel: string,
  valuesLabel: string,
  mine: string,
): MonthlySeries {
  if (count === 0) return { first: 0, values: new Float64Array(0), rows: new Int32Array(0) };
  const months = dated.months;
  let lo = dated.lo;
  let hi = dated.hi;
  if (pick !== null) {
    lo = Infinity;
    hi = -Infinity;
    for (let j = 0; j < count; j++) {
      const m = months[pick[j]];
      if (m < lo) lo = m;
      if (m > hi) hi = m;
    }
  }
  const span = hi - lo + 1;
  const dense = new Float64Array(span).fill(Number.NaN);
  const rows = new Int32Array(span).fill(-1);
  for (let j = 0; j < count; j++) {
    const d = pick === null ? j : pick[j];
    const i = dated.rows[d];
    const k = months[d] - lo;
    if (rows[k] !== -1) {
      const forMine = mine === "" ? "" : ` for mine "${mine}"`;
      throw new CalcError(
        "value",
        `${formatMonth(months[d])} appears twice${forMine} in ${datesLabel}: row ${rows[k] + 1} and row ${i + 1}`,
      );
    }
    rows[k] = i;
    const v = values[i];
    // -0 is 0 (Excel has no negative zero): a series never depends on the sign of a zero cell.
    dense[k] = typeof v === "number" && Number.isFinite(v) ? (v === 0 ? 0 : v) : cellNumber(v, i, valuesLabel);
  }
  dropUnreported(dense);
  return { first: lo, values: dense, rows };
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The first dated row: a month, or a header (text that is not a month) which is skipped. */
/** A date cell in a form the quick paths do not read: a year alone is refused, naming its row. */
function slowMonth(d: unknown, i: number, datesLabel: string): MonthIndex {
  if (typeof d === "number" && Number.isInteger(d) && d >= 1900 && d <= LAST_YEAR_NUMBER) {
    throw new CalcError(
      "value",
      `row ${i + 1} of ${datesLabel}: ${d} looks like a year; each row needs a month (a date, or text like Feb ${d})`,
    );
  }
  return toMonth(d, `row ${i + 1} of ${datesLabel}`);
}

function headerOrMonth(text: string, i: number, datesLabel: string): MonthIndex | null {
  try {
    return toMonth(text, `row ${i + 1} of ${datesLabel}`);
  } catch (e) {
    calcErrorOf(e);
    return null;
  }
}

function cellNumber(v: unknown, i: number, valuesLabel: string): number {
  try {
    return readFigure(v);
  } catch (e) {
    throw located(`row ${i + 1} of ${valuesLabel}`, calcErrorOf(e));
  }
}
