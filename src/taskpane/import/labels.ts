/**
 * Labels — header cells and the first cells of rows — read for what they name: a month, a month
 * without its year, a year or a fiscal year, an aggregate of periods (a quarter, a half, a range of
 * months, a year to date, "Total"), a derived figure (growth, change) or guidance. The marks a label
 * carries are set aside first: footnote marks ("Jul-23*"), estimate marks ("Apr-24 (P)",
 * "Aug. (est)") and a unit in brackets ("January (Au oz.)"). Words come from calc's vocabulary.
 */
import { makeMonth, type MonthIndex } from "../../calc/months";
import { parsePeriod, toMonth, type ColumnDates } from "../../calc/periods";
import { attempt, CalcError } from "../../calc/errors";
import {
  alternatives,
  ALL_SITES_WORDS,
  collapseSpaces,
  ESTIMATE_WORDS,
  FOOTNOTE_MARKS,
  FOOTNOTE_NUMBER,
  monthOfWord,
  parseMonthName,
  plainDashes,
  TO_DATE_WORDS,
  TOTAL_WORDS,
} from "../../calc/vocabulary";

/** A label with its marks set aside. */
export interface Marked {
  /** The label without footnote marks, estimate marks and a trailing unit in brackets. */
  core: string;
  estimate: boolean;
  /** The footnote mark set aside ("*", "(1)"), or "". */
  note: string;
  /** A unit in brackets at the end ("Au oz."), when one was printed. */
  unit?: string;
}

const ESTIMATE = alternatives(ESTIMATE_WORDS);
const BRACKETED_ESTIMATE = new RegExp(`\\s*[([](?:${ESTIMATE})[)\\]]\\s*`, "gi");
const TRAILING_ESTIMATE = new RegExp(`\\s+(?:${alternatives(ESTIMATE_WORDS.filter((w) => w.length > 2))})$`, "i");
const TRAILING_MARK = new RegExp(`\\s*(?:${FOOTNOTE_MARKS}+|${FOOTNOTE_NUMBER})$`, "u");
/** "(Au oz.)" or "(Au oz)." at the end: a unit; "(1)" is a footnote and "(P)" an estimate, taken first. */
const TRAILING_UNIT = /\s*\(([^()]*[A-Za-z%$][^()]*)\)\.?$/;

/** Sets aside footnote marks, estimate marks and a trailing unit, in whatever order they were printed. */
export function marks(text: string): Marked {
  let t = collapseSpaces(String(text ?? ""));
  let estimate = false;
  let note = "";
  let unit: string | undefined;
  for (let changed = true; changed && t !== "";) {
    changed = false;
    const e = t.replace(BRACKETED_ESTIMATE, " ").trim();
    if (e !== t) [t, estimate, changed] = [e, true, true];
    const w = TRAILING_ESTIMATE.exec(t);
    if (w && w.index > 0) [t, estimate, changed] = [t.slice(0, w.index).trim(), true, true];
    const n = TRAILING_MARK.exec(t);
    if (n && n.index > 0) [t, note, changed] = [t.slice(0, n.index).trim(), note || n[0].trim(), true];
    const u = unit === undefined ? TRAILING_UNIT.exec(t) : null;
    if (u && u.index > 0) [t, unit, changed] = [t.slice(0, u.index).trim(), u[1].trim(), true];
  }
  return unit === undefined ? { core: t, estimate, note } : { core: t, estimate, note, unit };
}

// ---- periods -----------------------------------------------------------------------------------

/** What a label names as a period. Aggregates say which months they cover, where the label says so. */
export type PeriodLabel =
  | { kind: "month"; month: MonthIndex }
  /** A month without its year ("August", "Aug."): the year comes from a column, a section or a quarter above. */
  | { kind: "month-name"; month: number }
  /** A year or quarter and a month in one cell ("Q3 2011 July"): the month, which also sets the year. */
  | { kind: "dated-name"; month: MonthIndex; year: number }
  | { kind: "year"; year: number; fiscal: boolean }
  /** An April–March or July–June year printed as its two years ("2023-24"). */
  | { kind: "fiscal-span"; first: number }
  | { kind: "quarter"; quarter: number; year?: number }
  | { kind: "half"; half: number; year?: number }
  /** "Jan-Feb total", "April-May 2026": the months from one to another. */
  | { kind: "range"; from: number; to: number; year?: number }
  /** "YTD", "FY to date", "Cumulative": a running figure from the start of a (fiscal) year. */
  | { kind: "to-date"; fiscal: boolean }
  /** "Total", "Sum", "Full year", "9 mnth 2014": an aggregate whose months are those listed beside it. */
  | { kind: "total" };

const MONTH_WORD = "([a-z]+)\\.?";
const YEAR_DIGITS = "(\\d{4}|\\d{2})";
const TOTAL_WORD = "(?:total|qtd|quarter|ytd)";
const QUARTER = new RegExp(`^(?:q([1-4])|([1-4])q)(?:[ \\-/]*${YEAR_DIGITS})?(?: ${TOTAL_WORD})?$`);
const YEAR_QUARTER = new RegExp(`^(\\d{4})[ -]?q([1-4])(?: ${TOTAL_WORD})?$`);
const HALF = new RegExp(`^(?:h([12])|([12])h)(?:[ \\-/]*${YEAR_DIGITS})?(?: total)?$`);
const RANGE = new RegExp(`^${MONTH_WORD} ?(?:-|to|/) ?${MONTH_WORD}(?: ${YEAR_DIGITS})?(?: total)?$`);
const YEAR = /^(fy|cy|fiscal|year)? ?(\d{4})(?: total)?$/;
const FY_SHORT = /^fy ?(\d{2})$/;
const FISCAL_SPAN = /^(?:fy ?)?(\d{4}) ?[-/] ?(\d{2}|\d{4})$/;
const CONTEXT_MONTH = new RegExp(`^(?:q[1-4] ?)?(\\d{4}) ${MONTH_WORD}$`);
const TOTAL_ONLY = new RegExp(`^(?:${alternatives(TOTAL_WORDS)})$`);
const MONTH_COUNT = /^\d{1,2} ?(?:m|mnth|mth|mths|month|months)\b/;
const TO_DATE = new RegExp(`(?:^|[^a-z])(?:${alternatives(TO_DATE_WORDS)})(?:$|[^a-z])`);
const FISCAL = /\b(?:fy|fiscal|financial)\b|^fytd$/;

const fullYear = (t: string): number =>
  t.length === 4 ? Number(t) : Number(t) < 30 ? 2000 + Number(t) : 1900 + Number(t);
const plausibleYear = (y: number): boolean => y >= 1900 && y <= 2200;

/** The label's period, or null when it names none. `dates` is the column's setting for dates. */
export function periodOf(text: string, dates?: ColumnDates): PeriodLabel | null {
  const core = marks(text).core;
  if (core === "") return null;
  const month = attempt(undefined, () => toMonth(core, undefined, dates));
  if (!(month instanceof CalcError)) return { kind: "month", month };
  const other = attempt(undefined, () => parsePeriod(core, undefined, dates));
  if (!(other instanceof CalcError) && other.kind === "year" && dates?.codes)
    return { kind: "year", year: other.year, fiscal: false };
  const t = collapseSpaces(plainDashes(core)).toLowerCase();
  const name = parseMonthName(t);
  if (name !== null) return { kind: "month-name", month: name };
  let r: RegExpExecArray | null;
  if ((r = CONTEXT_MONTH.exec(t))) {
    const m = monthOfWord(r[2]);
    const y = Number(r[1]);
    if (m !== undefined && plausibleYear(y)) return { kind: "dated-name", month: makeMonth(y, m), year: y };
  }
  if ((r = YEAR.exec(t)) && plausibleYear(Number(r[2])))
    return { kind: "year", year: Number(r[2]), fiscal: r[1] === "fy" || r[1] === "fiscal" };
  if ((r = FY_SHORT.exec(t))) return { kind: "year", year: fullYear(r[1]), fiscal: true };
  if ((r = FISCAL_SPAN.exec(t))) {
    const first = Number(r[1]);
    const second = r[2].length === 4 ? Number(r[2]) : Math.floor(first / 100) * 100 + Number(r[2]);
    if (plausibleYear(first) && (second === first + 1 || (r[2].length === 2 && second + 100 === first + 1)))
      return { kind: "fiscal-span", first };
  }
  if ((r = QUARTER.exec(t))) return { kind: "quarter", quarter: Number(r[1] ?? r[2]), ...yearIn(r[3]) };
  if ((r = YEAR_QUARTER.exec(t))) return { kind: "quarter", quarter: Number(r[2]), year: Number(r[1]) };
  if ((r = HALF.exec(t))) return { kind: "half", half: Number(r[1] ?? r[2]), ...yearIn(r[3]) };
  if ((r = RANGE.exec(t))) {
    const from = monthOfWord(r[1]);
    const to = monthOfWord(r[2]);
    if (from !== undefined && to !== undefined && from !== to) return { kind: "range", from, to, ...yearIn(r[3]) };
  }
  if (TO_DATE.test(t)) return { kind: "to-date", fiscal: FISCAL.test(t) };
  if (TOTAL_ONLY.test(t) || MONTH_COUNT.test(t) || /\btotal$/.test(t)) return { kind: "total" };
  return null;
}

const yearIn = (digits: string | undefined): { year?: number } =>
  digits === undefined ? {} : { year: fullYear(digits) };

/** An aggregate of periods (not one month): a quarter, half, year, range, year to date or total. */
export const isAggregate = (p: PeriodLabel | null): boolean =>
  p !== null && p.kind !== "month" && p.kind !== "month-name" && p.kind !== "dated-name";

/**
 * The months an aggregate covers, given the year its context gives (a column's year, a section's),
 * or null when the label leaves them open (a year to date, a "Total" of whatever is listed, a fiscal
 * year whose start is not known).
 */
export function monthsCovered(p: PeriodLabel, contextYear?: number): MonthIndex[] | null {
  const span = (year: number | undefined, from: number, count: number): MonthIndex[] | null =>
    year === undefined ? null : Array.from({ length: count }, (_, i) => makeMonth(year, from) + i);
  switch (p.kind) {
    case "quarter":
      return span(p.year ?? contextYear, (p.quarter - 1) * 3 + 1, 3);
    case "half":
      return span(p.year ?? contextYear, (p.half - 1) * 6 + 1, 6);
    case "year":
      return p.fiscal ? null : span(p.year, 1, 12);
    case "range": {
      const count = p.to > p.from ? p.to - p.from + 1 : p.to + 12 - p.from + 1;
      // "April-May 2026": the year is the year of the months; a range over a year end takes the last.
      const year = p.year ?? contextYear;
      if (year === undefined) return null;
      return span(p.to > p.from ? year : year - 1, p.from, count);
    }
    default:
      return null;
  }
}

// ---- what else a label says ----------------------------------------------------------------------

/** Growth, change and variance: figures computed from others. A unit such as "(%)" alone is not one. */
const DERIVED = new RegExp(
  [
    "%\\s*(?:change|chg|var)",
    "\\b(?:change|chg|growth|var|variation|variance|difference|diff|increase|decrease)\\b",
    "\\by\\s*/\\s*y\\b|\\byoy\\b|\\by-o-y\\b|\\bq\\s*/\\s*q\\b|\\bm\\s*/\\s*m\\b",
    "\\b(?:year|month|quarter)[- ](?:over|on)[- ](?:year|month|quarter)\\b",
    "\\bvs\\.?\\b|\\bversus\\b",
  ].join("|"),
  "i",
);
export const isDerivedLabel = (text: string): boolean => DERIVED.test(marks(text).core);

/** Guidance, targets and plans: figures that are not production. */
const GUIDANCE = /\b(?:target|targets|guidance|budget|forecast|outlook|plan|planned)\b/i;
export const isGuidanceLabel = (text: string): boolean => GUIDANCE.test(marks(text).core);

/** A row of sites that totals the rest: "Total", "TOTAL*", "Overall CIL", "All producers", "Consolidated". */
const ALL_SITES = new RegExp(
  `^(?:${alternatives(ALL_SITES_WORDS)})\\b|^(?:grand |sub-?|group |company )?totals?\\b|\\btotal$`,
  "i",
);
export const isAllSitesLabel = (text: string): boolean => ALL_SITES.test(marks(text).core);

/**
 * A metric's row label that is only an aggregate ("Total", "Q1", "YTD"): a total row. A metric whose
 * name begins with such a word ("Total ore processed", "Average daily throughput (tpd)") is a metric.
 */
export function metricRowAggregate(text: string): PeriodLabel | null {
  const p = periodOf(text);
  return isAggregate(p) ? p : null;
}
