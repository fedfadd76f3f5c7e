/**
 * Months are the unit of time: a MonthIndex counts months from year 0 (year*12 + month-1),
 * so "same month last year" is m - 12 and windows are plain integer ranges.
 * Excel date serials are converted with integer arithmetic only (no Date objects): the
 * series builder converts hundreds of thousands of cells and is benchmarked.
 */
import { CalcError } from "./errors";

export type MonthIndex = number;

/** Excel's largest date serial: 31 Dec 9999. */
export const MAX_SERIAL = 2958465;
/** Serial 61 is 1 Mar 1900; below it Excel counts a 29 Feb 1900 that never existed. */
const FIRST_TRUE_SERIAL = 61;
/** Days from 1970-01-01 back to Excel's day zero for serials >= 61 (30 Dec 1899). */
const UNIX_EPOCH_SERIAL = 25569;
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FULL_MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

export const makeMonth = (year: number, month: number): MonthIndex => year * 12 + (month - 1);
export const yearOf = (m: MonthIndex): number => Math.floor(m / 12);
export const monthOf = (m: MonthIndex): number => m - Math.floor(m / 12) * 12 + 1;

/** "Feb 2017" — the form used in every message and that parsePeriod reads back. */
export function formatMonth(m: MonthIndex): string {
  return `${MONTH_NAMES[monthOf(m) - 1]} ${yearOf(m)}`;
}

export function monthName(month: number): string {
  return FULL_MONTH_NAMES[month - 1];
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The month an Excel serial falls in. The caller guarantees 1 <= serial <= MAX_SERIAL
 * (see checkSerial); any time-of-day fraction is ignored.
 */
export function serialToMonth(serial: number): MonthIndex {
  const day = Math.floor(serial);
  if (day < FIRST_TRUE_SERIAL) {
    // 1..31 = Jan 1900, 32..60 = Feb 1900 (60 is Excel's fictitious 29 Feb 1900).
    return day <= 31 ? 1900 * 12 : 1900 * 12 + 1;
  }
  // Civil-from-days (H. Hinnant), integer only; days >= -25508 so every quotient is non-negative.
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
    throw new CalcError("num", `month index ${m} is outside Excel's dates (Jan 1900 to Dec 9999)`);
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
