/**
 * Months are the unit of time: a MonthIndex counts months from year 0 (year*12 + month-1),
 * so "same month last year" is m - 12 and windows are plain integer ranges.
 * Excel date serials are converted with integer arithmetic only (no Date objects): the
 * series builder converts hundreds of thousands of cells and is benchmarked.
 */
import { CalcError } from "./errors";
import { describeValue } from "./numbers";
import { MONTH_ABBREVIATIONS } from "./vocabulary";

export type MonthIndex = number;

/** Excel's largest date serial: 31 Dec 9999. */
export const MAX_SERIAL = 2958465;
/** Days from 1970-01-01 back to Excel's day zero for serials >= 61 (30 Dec 1899). */
const UNIX_EPOCH_SERIAL = 25569;
export const makeMonth = (year: number, month: number): MonthIndex => year * 12 + (month - 1);
export const yearOf = (m: MonthIndex): number => Math.floor(m / 12);
export const monthOf = (m: MonthIndex): number => m - Math.floor(m / 12) * 12 + 1;

/** "Feb 2017" — the form used in every message and that parsePeriod reads back. */
export function formatMonth(m: MonthIndex): string {
  return `${MONTH_ABBREVIATIONS[monthOf(m) - 1]} ${yearOf(m)}`;
}

/** The month (1-12) a fiscal year starts in, 4 for April; blank means 1, a calendar year. */
export function checkFiscalYearStart(fys: unknown): number {
  if (fys === null || fys === undefined || fys === "") return 1;
  if (typeof fys === "number" && Number.isInteger(fys) && fys >= 1 && fys <= 12) return fys;
  const shown = typeof fys === "string" ? `"${fys}"` : describeValue(fys);
  throw new CalcError("value", `fiscal_year_start must be a month number 1-12 (4 = April), not ${shown}`);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const FIRST_MONTH = 1900 * 12;
const MONTH_COUNT = (9999 - 1900 + 1) * 12;
const AVERAGE_MONTH_DAYS = 365.2425 / 12;
/** First-day serial of every month Jan 1900..Dec 9999 plus one past the end; built on first use (390 KB). */
let monthStarts: Int32Array | null = null;

function buildMonthStarts(): Int32Array {
  const starts = new Int32Array(MONTH_COUNT + 1);
  for (let i = 0; i < MONTH_COUNT; i++) starts[i] = monthToSerial(FIRST_MONTH + i);
  starts[MONTH_COUNT] = MAX_SERIAL + 1;
  return starts;
}

/**
 * The month an Excel serial falls in (any time-of-day fraction ignored). Called once per row
 * of a dates column, so it is a table lookup: an estimate from the average month length is
 * never more than one month off, and the table corrects it.
 * Serials outside 1..MAX_SERIAL are not dates; see serialProblem.
 */
export function serialToMonth(serial: number): MonthIndex {
  if (!(serial >= 1 && serial < MAX_SERIAL + 1)) return civilMonth(Math.floor(serial));
  const starts = monthStarts ?? (monthStarts = buildMonthStarts());
  // `| 0` truncates (= floor for positives) and keeps the index an int32 for the typed-array reads.
  const day = serial | 0;
  let i = ((day - 1) / AVERAGE_MONTH_DAYS) | 0;
  if (i >= MONTH_COUNT) i = MONTH_COUNT - 1;
  while (starts[i] > day) i--;
  while (starts[i + 1] <= day) i++;
  return FIRST_MONTH + i;
}

/** Civil-from-days (H. Hinnant), for serials outside Excel's range (proleptic calendar, no quirk). */
function civilMonth(day: number): MonthIndex {
  const z = day - UNIX_EPOCH_SERIAL + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** The first day of the month as an Excel serial (Jan 1900 = 1, Mar 1900 = 61, Mar 2017 = 42795). */
export function monthToSerial(m: MonthIndex): number {
  if (!Number.isInteger(m) || m < 1900 * 12 || m > 9999 * 12 + 11) {
    const shown = typeof m === "number" ? String(m) : typeof m;
    throw new CalcError("num", `month index ${shown} is outside Excel's dates (Jan 1900 to Dec 9999)`);
  }
  const year = yearOf(m);
  const month = monthOf(m);
  if (year === 1900 && month <= 2) return month === 1 ? 1 : 32;
  // Days-from-civil (H. Hinnant).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + UNIX_EPOCH_SERIAL;
}

/** Why a number cannot be a date serial, or null when it can. */
export function serialProblem(serial: number): string | null {
  if (Number.isNaN(serial) || !Number.isFinite(serial)) return "not a finite number";
  if (serial === 0) return "0 is not a date (an empty cell arrives as 0 in Excel desktop)";
  if (serial < 1) return "dates before 1 Jan 1900 (serial 1) do not exist in Excel";
  if (serial >= MAX_SERIAL + 1) return "after 31 Dec 9999, Excel's last date";
  return null;
}
