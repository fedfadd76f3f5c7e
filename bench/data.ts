/**
 * Deterministic bench inputs. Months are absolute indexes (year * 12 + month0);
 * dates are given to calc as Excel serials (1900 system) or as text ("Feb 2017").
 */
import { makeRng, type Rng } from "./prng";

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // serial 0 for dates from March 1900 on

export const monthIndex = (year: number, month1: number): number => year * 12 + (month1 - 1);

/** Excel serial of a day within month index m (valid from March 1900). */
export function serialOf(m: number, day: number): number {
  const year = Math.floor(m / 12);
  const month0 = m - year * 12;
  return Math.round((Date.UTC(year, month0, day) - EXCEL_EPOCH_MS) / DAY_MS);
}

export const textOf = (m: number): string => `${MONTH_NAMES[m % 12]} ${Math.floor(m / 12)}`;

/** Seasonal, noisy monthly output in whole ounces (never zero or negative: growth stays defined). */
export function productionValues(rng: Rng, n: number): Float64Array {
  const out = new Float64Array(n);
  let level = 5000;
  for (let i = 0; i < n; i++) {
    level = Math.min(20_000, Math.max(1_000, level * (0.98 + rng.next() * 0.045)));
    const season = 1 + 0.15 * Math.sin((i % 12) * (Math.PI / 6));
    out[i] = Math.round(level * season);
  }
  return out;
}

export type DateForm = "serial" | "text";

export interface MonthlyInput {
  n: number;
  /** Month index of the first row; rows are consecutive months, oldest first. */
  firstMonth: number;
  values: Float64Array;
  /** One entry per row: an Excel serial (a day within the month) or text. */
  dates: number[] | string[];
  /** The same dates as a Float64Array of serials (for the baselines; serial form only). */
  serials: Float64Array;
}

/**
 * n consecutive months starting in January 1907: serials 1900–2200 (days of 1905–1906) read as years,
 * not dates. Excel's calendar ends in December 9999, so at most 97,116 months fit: series with real
 * dates stop at 96,000 rows.
 */
export function monthlyInput(n: number, form: DateForm, seed = 20170329): MonthlyInput {
  if (n > 97_116) throw new RangeError(`${n} months do not fit in Excel's calendar (Jan 1907 to Dec 9999)`);
  const rng = makeRng(seed + n);
  const firstMonth = monthIndex(1907, 1);
  const values = productionValues(rng, n);
  const serials = new Float64Array(n);
  for (let i = 0; i < n; i++) serials[i] = serialOf(firstMonth + i, rng.int(1, 28));
  const dates = form === "serial" ? Array.from(serials) : Array.from({ length: n }, (_, i) => textOf(firstMonth + i));
  return { n, firstMonth, values, dates, serials };
}

/** Excel hands a range to a custom function as rows of cells: a column is n×1, a row is 1×n. */
export type Cells = (number | string | boolean | null)[][];
export const asColumn = (xs: ArrayLike<number | string | null>): Cells => Array.from(xs, (x) => [x]);
export const asRow = (xs: ArrayLike<number | string | null>): Cells => [Array.from(xs)];

/** A whole-column range (A:A): header, `filled` data rows, then blanks (null) to row 1,048,576. */
export function wholeColumn(header: string, xs: ArrayLike<number | string>, rows = 1_048_576): Cells {
  const out: Cells = new Array(rows);
  out[0] = [header];
  for (let i = 1; i < rows; i++) out[i] = [i - 1 < xs.length ? xs[i - 1] : null];
  return out;
}

export const IMPORT_HEADER = [
  "Mine",
  "Month",
  "Gold (oz)",
  "Silver (oz)",
  "Ore processed (t)",
  "Grade (g/t)",
  "Recovery (%)",
];

/**
 * A long-layout CSV export: `mines` mines × `months` months (oldest first, ending December 2023),
 * five metrics. Ounces are printed with thousands separators (quoted), as releases print them.
 */
export function importCsv(mines = 100, months = 1000, seed = 7352): string {
  const rng = makeRng(seed);
  const last = monthIndex(2023, 12);
  const lines: string[] = [IMPORT_HEADER.join(",")];
  for (let k = 0; k < mines; k++) {
    const mine = `Mine ${String(k + 1).padStart(3, "0")}`;
    const gold = productionValues(rng, months);
    for (let i = 0; i < months; i++) {
      const m = last - months + 1 + i;
      const oz = gold[i];
      const silver = Math.round(oz * (2 + rng.next()));
      const ore = Math.round(oz * (40 + 20 * rng.next()));
      const grade = (1 + 3 * rng.next()).toFixed(2);
      const recovery = (85 + 10 * rng.next()).toFixed(1);
      lines.push(`${mine},${textOf(m)},"${oz.toLocaleString("en-US")}",${silver},${ore},${grade},${recovery}`);
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/**
 * A prepared monthly series of n months (what buildSeries returns), for timing the one-pass kernels
 * at sizes no real dates column can reach: the kernels index months and never convert them to dates.
 */
export function preparedSeries(n: number, seed = 20170329): { first: number; values: Float64Array; rows: Int32Array } {
  const rng = makeRng(seed + n);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return { first: monthIndex(1907, 1), values: productionValues(rng, n), rows };
}
