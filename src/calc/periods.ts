/**
 * Periods as analysts type or paste them: Excel date serials, month texts, years and quarters.
 * Decisions where the issue is silent:
 * - two-digit years follow Excel: 00-29 are 2000s, 30-99 are 1900s ("Feb-17" = Feb 2017);
 * - a d/m/y text is read when it has one meaning only: "13/02/2017" (day 13) and "02/13/2017"
 *   are Feb 2017; "01/02/2017" is an error; "02/02/2017" is Feb 2017 in either order;
 * - text made of digits only is a year when it has four digits ("2016"), otherwise an error
 *   (a serial stored as text, "201702"… are too easy to misread);
 * - "FY2024", "FY24", "FY 2023-24" are fiscal years named by the year they end in.
 * A column of dates can settle what one cell cannot (ColumnDates, decided by datesOfColumn): the
 * order of day and month when every day is the 1st or a day above 12 appears ("01/11/2019" is
 * November where the column is day-first), issuers' YYYYMM codes ("201801"; month 13 is the year,
 * "201813"), and Excel date serials saved as text ("42736").
 */
import { CalcError } from "./errors";
import {
  daysInMonth,
  formatMonth,
  makeMonth,
  monthToSerial,
  serialProblem,
  serialToMonth,
  type MonthIndex,
} from "./months";
import { describeValue, kindOf } from "./numbers";
import { isEmptyOrZero } from "./reported";
import {
  alternatives,
  collapseSpaces,
  FISCAL_YEAR_WORD,
  monthOfWord,
  parseMonthName,
  plainDashes,
  QUARTER_LETTER,
  YEAR_WORDS,
} from "./vocabulary";

export interface Period {
  kind: "month" | "quarter" | "year";
  year: number;
  month?: number;
  quarter?: 1 | 2 | 3 | 4;
}

const MONTH_WORD = "([a-z]+)\\.?";
const YEAR = "(\\d{4}|\\d{2})";
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;
/** Whole numbers typed as a period up to here are years (isYearNumber). */
const LAST_YEAR_NUMBER = 2200;

// Each pattern is tried on lower-cased text with single spaces.
const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/; // 2017-02, 2017/02
const MONTH_YEAR = /^(\d{1,2})[-/](\d{4})$/; // 02/2017
const YEAR_M_MONTH = /^(\d{4}) ?m(\d{2})$/; // 2024M04, as statistics offices write months
const YEAR_MONTH_CODE = /^(\d{4})(\d{2})$/; // 201801, 201813 (the year): only where ColumnDates.codes
const DIGITS = /^\d+$/;
// 2017-02-28, also with a time as CSV exports write it: 2017-02-28 00:00:00, 2017-02-28T00:00:00Z
const ISO_DAY = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/; // 13/02/2017, 02/13/2017
const NAME_YEAR = new RegExp(`^${MONTH_WORD}[ ,'\\-/]*${YEAR}$`); // Feb 2017, Feb-17, Feb '17
const YEAR_NAME = new RegExp(`^(\\d{4})[ \\-/]*${MONTH_WORD}$`); // 2017 Feb, 2017-Feb
const DAY_NAME_YEAR = new RegExp(`^(\\d{1,2})[ \\-]${MONTH_WORD}[ ,\\-]+${YEAR}$`); // 28-Feb-2017, 28 Feb 2017
const NAME_DAY_YEAR = new RegExp(`^${MONTH_WORD} (\\d{1,2}),? (\\d{4})$`); // Feb 28, 2017
const FY = FISCAL_YEAR_WORD;
const Q = QUARTER_LETTER;
const PLAIN_YEAR = new RegExp(`^(?:(?:${alternatives(YEAR_WORDS)}) ?)?(\\d{4})$`); // 2016, FY2016, FY 2016
const FY_SHORT = new RegExp(`^${FY} ?(\\d{2})$`); // FY16
const FY_SPAN = new RegExp(`^${FY} ?(\\d{4})[-/](\\d{2}|\\d{4})$`); // FY 2023-24
const Q_YEAR = new RegExp(`^${Q}([1-4])[ \\-/]?${YEAR}$`); // Q1 2017, Q1-2017, Q1/2017, Q1 17
const YEAR_Q = new RegExp(`^(\\d{4})[ -]?${Q}([1-4])$`); // 2017-Q1, 2017 Q1
const NQ_YEAR = new RegExp(`^([1-4])${Q}[ \\-]?${YEAR}$`); // 1Q17, 1Q 2017

const prefix = (label?: string): string => (label ? `${label}: ` : "");

function fail(input: unknown, label: string | undefined, why: string): CalcError {
  return new CalcError("value", `${prefix(label)}"${describeValue(input)}" is not a period: ${why}`);
}

const emptyPeriod = (label?: string): CalcError =>
  new CalcError("value", `${prefix(label)}an empty cell is not a period`);

/** Excel's rule for two-digit years. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/** A whole number 1900-2200 typed as a period is a year: nobody means a day in 1905 when typing 2016. */
export const isYearNumber = (n: number): boolean => Number.isInteger(n) && n >= FIRST_YEAR && n <= LAST_YEAR_NUMBER;

/**
 * A month, quarter or year. A number is a date serial, except a whole number 1900-2200
 * which is a year (nobody means a day in 1905 when typing 2016 as a period).
 */
export function parsePeriod(input: unknown, label?: string, dates?: ColumnDates): Period {
  // An empty cell arrives as 0, null or ""; all three get the same answer.
  if (isEmptyOrZero(input)) throw emptyPeriod(label);
  if (typeof input === "number") {
    if (isYearNumber(input)) return { kind: "year", year: input };
    return monthPeriod(monthFromSerial(input, label));
  }
  if (typeof input === "string") {
    const m = quickMonth(input);
    return m >= 0 ? monthPeriod(m) : parsePeriodText(input, label, dates);
  }
  if (input instanceof Date) return monthPeriod(monthFromDate(input, label));
  throw fail(input, label, typeof input === "boolean" ? "a logical value (TRUE/FALSE)" : kindOf(input));
}

/**
 * A date cell: a serial (any day of the month means that month) or month text. A quarter
 * or a year is an error here, and so is 0 (Excel desktop's empty cell).
 */
export function toMonth(input: unknown, label?: string, dates?: ColumnDates): MonthIndex {
  if (input === 0) throw emptyPeriod(label);
  if (typeof input === "number") return monthFromSerial(input, label);
  if (input instanceof Date) return monthFromDate(input, label);
  if (typeof input === "string") {
    const m = quickMonth(input);
    if (m >= 0) return m;
  }
  const p = parsePeriod(input, label, dates);
  if (p.kind !== "month") throw fail(input, label, `a ${p.kind}, not a month`);
  return makeMonth(p.year, p.month as number);
}

/** Whether a value is a well-formed Period (guards calc entry points against malformed objects). */
export function isPeriod(p: unknown): p is Period {
  if (typeof p !== "object" || p === null) return false;
  const { kind, year, month, quarter } = p as Period;
  if (!Number.isInteger(year)) return false;
  if (kind === "month") return Number.isInteger(month) && (month as number) >= 1 && (month as number) <= 12;
  if (kind === "quarter") return quarter === 1 || quarter === 2 || quarter === 3 || quarter === 4;
  return kind === "year";
}

/** "Feb 2017", "Q1 2017", "2016" — for messages. */
export function formatPeriod(p: Period): string {
  if (p.kind === "month") return formatMonth(makeMonth(p.year, p.month as number));
  if (p.kind === "quarter") return `Q${p.quarter} ${p.year}`;
  return String(p.year);
}

/**
 * The month of the commonest date texts, read without regular expressions: "Feb 2017",
 * "February 2017", "Feb. 2017", "2017-02", "2017-02-28" — exactly so, no other spaces or
 * separators. Anything else, and any of these that is not a real month, gives -1 and is left to
 * the full reader, which gives the same answer for the texts read here (a test holds them equal).
 * These forms are most of a column of text dates, and each would otherwise run a dozen regular
 * expressions (BENCHMARKS.md, series building from text dates).
 */
export function quickMonth(s: string): MonthIndex {
  const n = s.length;
  if (n < QUICK_SHORTEST || n > QUICK_LONGEST) return -1;
  if (isDigit(s.charCodeAt(0))) {
    if ((n !== 7 && n !== 10) || s.charCodeAt(4) !== DASH) return -1;
    const y = digitsAt(s, 0, 4);
    const m = digitsAt(s, 5, 7);
    if (y < FIRST_YEAR || m < 1 || m > 12) return -1;
    if (n === 10) {
      const d = digitsAt(s, 8, 10);
      if (s.charCodeAt(7) !== DASH || d < 1 || d > daysInMonth(y, m)) return -1;
    }
    return makeMonth(y, m);
  }
  const space = n - 5;
  if (s.charCodeAt(space) !== SPACE) return -1;
  const y = digitsAt(s, space + 1, n);
  if (y < FIRST_YEAR) return -1;
  const end = s.charCodeAt(space - 1) === DOT ? space - 1 : space;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i) | 0x20; // ASCII letters to lower case
    if (c < 0x61 || c > 0x7a) return -1;
  }
  const month = monthOfWord(s.slice(0, end).toLowerCase());
  return month === undefined ? -1 : makeMonth(y, month);
}

/** "2017-02" and "September. 2017": the shortest and the longest text read here. */
const QUICK_SHORTEST = 7;
const QUICK_LONGEST = 15;
const DASH = 0x2d;
const SPACE = 0x20;
const DOT = 0x2e;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The number written by the digits s[from..to), or -1 if any is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - 0x30);
  }
  return v;
}

function monthPeriod(m: MonthIndex): Period {
  return { kind: "month", year: Math.floor(m / 12), month: m - Math.floor(m / 12) * 12 + 1 };
}

function monthFromSerial(serial: number, label?: string): MonthIndex {
  const problem = serialProblem(serial);
  if (problem) throw fail(serial, label, problem);
  return serialToMonth(serial);
}

function monthFromDate(d: Date, label?: string): MonthIndex {
  const y = d.getFullYear();
  if (Number.isNaN(y)) throw fail("Invalid Date", label, "an invalid date");
  if (y < FIRST_YEAR || y > LAST_YEAR) throw fail(d.toDateString(), label, "outside Excel's years 1900-9999");
  return makeMonth(y, d.getMonth() + 1);
}

function parsePeriodText(input: string, label?: string, dates?: ColumnDates): Period {
  const t = collapseSpaces(plainDashes(input)).toLowerCase();
  const p = t === "" ? "blank" : dates !== undefined ? columnPeriod(t, dates) : readPeriodText(t);
  if (typeof p === "string") throw fail(input, label, p);
  return p;
}

// The readers below return a Period, or a string saying why the text is not one. They are plain
// functions, not closures: the text of every cell of a dates column may pass through here.
type Read = Period | string;

/** What a column of dates settles that one cell cannot. */
export interface ColumnDates {
  /** The order of "01/11/2019": day first ("dmy") or month first ("mdy"). */
  order?: "dmy" | "mdy";
  /** Six digits are an issuer's YYYYMM code; month 13 is the whole year. */
  codes?: boolean;
  /** Digits alone are an Excel date serial saved as text. */
  serials?: boolean;
}

/** The text under a column's settings: its forms first, then every form any cell may take. */
function columnPeriod(t: string, dates: ColumnDates): Read {
  let r: RegExpExecArray | null;
  if (dates.codes && (r = YEAR_MONTH_CODE.exec(t))) {
    const y = Number(r[1]);
    const m = Number(r[2]);
    return m === 13 ? yearPeriod(y) : monthOrWhy(y, m);
  }
  if (dates.serials && DIGITS.test(t)) {
    const serial = Number(t);
    const problem = serialProblem(serial);
    return problem ?? monthPeriod(serialToMonth(serial));
  }
  if (dates.order && (r = DAY_MONTH_YEAR.exec(t))) {
    const [a, b] = [Number(r[1]), Number(r[2])];
    return dates.order === "dmy" ? dayOrWhy(fullYear(r[3]), b, a) : dayOrWhy(fullYear(r[3]), a, b);
  }
  return readPeriodText(t);
}

/** Cells looked at to settle a column's dates. */
const COLUMN_SAMPLE = 500;
/** Fewest cells that settle codes or serials: one or two such numbers could be figures. */
const FEWEST_SETTLING = 3;

/**
 * What a column's cells settle between them (none when they settle nothing): the day-month order
 * when some "d/m/y" cell has a day above 12 or every day is the 1st (and the other number varies),
 * YYYYMM codes when every cell is one, serials when every cell is the serial of a month's first or last day.
 */
export function datesOfColumn(texts: readonly string[]): ColumnDates | undefined {
  let dmy = 0;
  let firstAllOne = true;
  let secondAllOne = true;
  let firstOver = false;
  let secondOver = false;
  let filled = 0;
  let codes = 0;
  let serials = 0;
  for (const raw of texts.slice(0, COLUMN_SAMPLE)) {
    const t = collapseSpaces(plainDashes(raw)).toLowerCase();
    if (t === "") continue;
    filled++;
    const d = DAY_MONTH_YEAR.exec(t);
    if (d) {
      dmy++;
      const [a, b] = [Number(d[1]), Number(d[2])];
      if (a !== 1) firstAllOne = false;
      if (b !== 1) secondAllOne = false;
      if (a > 12) firstOver = true;
      if (b > 12) secondOver = true;
    }
    const c = YEAR_MONTH_CODE.exec(t);
    if (c && Number(c[1]) >= FIRST_YEAR && Number(c[1]) <= 2200 && Number(c[2]) >= 1 && Number(c[2]) <= 13) codes++;
    if (DIGITS.test(t) && isMonthEdge(Number(t))) serials++;
  }
  if (filled === 0) return undefined;
  if (codes === filled && filled >= FEWEST_SETTLING) return { codes: true };
  if (serials === filled && filled >= FEWEST_SETTLING) return { serials: true };
  if (dmy === 0 || (firstOver && secondOver)) return undefined;
  if (firstOver || (!secondOver && firstAllOne && !secondAllOne)) return { order: "dmy" };
  if (secondOver || (secondAllOne && !firstAllOne)) return { order: "mdy" };
  return undefined;
}

/** A serial of the first or the last day of a month (how exports date a month), 1950-2200. */
function isMonthEdge(serial: number): boolean {
  if (!(serial >= FIRST_EDGE_SERIAL && serial <= LAST_EDGE_SERIAL)) return false;
  const m = serialToMonth(serial);
  return monthToSerial(m) === serial || monthToSerial(m + 1) === serial + 1;
}
/** 1 Jan 1950 to 31 Dec 2200: small numbers (a sort order of 1s) are not dates a production table holds. */
const FIRST_EDGE_SERIAL = 18_264;
const LAST_EDGE_SERIAL = 109_939;

/** Normalised (lower-case, single-spaced) text to a period. */
function readPeriodText(t: string): Read {
  let r: RegExpExecArray | null;
  if ((r = PLAIN_YEAR.exec(t))) return yearPeriod(Number(r[1]));
  if ((r = FY_SHORT.exec(t))) return yearPeriod(fullYear(r[1]));
  if ((r = FY_SPAN.exec(t))) return fiscalSpan(r[1], r[2]);
  if ((r = YEAR_MONTH.exec(t))) return monthOrWhy(Number(r[1]), Number(r[2]));
  if ((r = MONTH_YEAR.exec(t))) return monthOrWhy(Number(r[2]), Number(r[1]));
  if ((r = YEAR_M_MONTH.exec(t))) return monthOrWhy(Number(r[1]), Number(r[2]));
  if ((r = ISO_DAY.exec(t))) return dayOrWhy(Number(r[1]), Number(r[2]), Number(r[3]));
  if ((r = DAY_MONTH_YEAR.exec(t))) return dayMonthYear(Number(r[1]), Number(r[2]), fullYear(r[3]));
  if ((r = Q_YEAR.exec(t))) return quarterPeriod(fullYear(r[2]), r[1]);
  if ((r = YEAR_Q.exec(t))) return quarterPeriod(Number(r[1]), r[2]);
  if ((r = NQ_YEAR.exec(t))) return quarterPeriod(fullYear(r[2]), r[1]);
  if ((r = DAY_NAME_YEAR.exec(t))) return named(r[2], (m) => dayOrWhy(fullYear(r![3]), m, Number(r![1])));
  if ((r = NAME_DAY_YEAR.exec(t))) return named(r[1], (m) => dayOrWhy(Number(r![3]), m, Number(r![2])));
  if ((r = NAME_YEAR.exec(t))) return named(r[1], (m) => monthOrWhy(fullYear(r![2]), m));
  if ((r = YEAR_NAME.exec(t))) return named(r[2], (m) => monthOrWhy(Number(r![1]), m));
  if (/^\d+(\.\d+)?$/.test(t)) return "a number stored as text; a year has four digits, a month reads like Feb 2017";
  if (parseMonthName(t) !== null) return "a month without a year";
  return "not a month (Feb 2017, 2017-02), a quarter (Q1 2017) or a year (2016)";
}

const notAName = (word: string): string => `"${word}" is not a month name`;

/** The reading for a month word, or why the word is not a month name. */
function named(word: string, read: (month: number) => Read): Read {
  const month = monthOfWord(word);
  return month === undefined ? notAName(word) : read(month);
}
const outsideYears = (y: number): string => `year ${y} is outside Excel's years 1900-9999`;

function monthOrWhy(y: number, m: number): Read {
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  if (y < FIRST_YEAR || y > LAST_YEAR) return outsideYears(y);
  return { kind: "month", year: y, month: m };
}

function dayOrWhy(y: number, m: number, d: number): Read {
  const p = monthOrWhy(y, m);
  if (typeof p === "string") return p;
  if (d < 1 || d > daysInMonth(y, m)) return `${formatMonth(makeMonth(y, m))} has no day ${d}`;
  return p;
}

function yearPeriod(y: number): Read {
  if (y < FIRST_YEAR || y > LAST_YEAR) return outsideYears(y);
  return { kind: "year", year: y };
}

function quarterPeriod(y: number, q: string): Read {
  if (y < FIRST_YEAR || y > LAST_YEAR) return outsideYears(y);
  return { kind: "quarter", year: y, quarter: Number(q) as 1 | 2 | 3 | 4 };
}

/** "FY 2023-24": the second year must follow the first; the fiscal year is named by it. */
function fiscalSpan(first: string, second: string): Read {
  const start = Number(first);
  const end = second.length === 4 ? Number(second) : Math.floor(start / 100) * 100 + Number(second);
  const expected = start + 1;
  if (end !== expected && !(second.length === 2 && end + 100 === expected)) {
    return `a fiscal year runs over two consecutive years, ${start} is not followed by ${second}`;
  }
  return yearPeriod(expected);
}

/** d/m/y or m/d/y: only when one reading exists (or both give the same month). */
function dayMonthYear(a: number, b: number, y: number): Read {
  if (a > 12 && b > 12) return "neither number can be a month";
  if (a === b) return dayOrWhy(y, a, b);
  if (a > 12) return dayOrWhy(y, b, a);
  if (b > 12) return dayOrWhy(y, a, b);
  return (
    `ambiguous: day ${a} of month ${b} (European) or day ${b} of month ${a} (US); ` +
    "type the month as Feb 2017 or 2017-02, or give the cell as a date"
  );
}
