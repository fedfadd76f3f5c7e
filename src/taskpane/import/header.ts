/**
 * Header cells: footnote markers stripped, units kept, roles recognised by name.
 * Releases glue footnotes to labels ("Silver equivalent1", "Gold production (1) (oz)");
 * those digits are never a number or part of the written column name.
 */
import {
  alternatives,
  collapseSpaces,
  FISCAL_YEAR_WORD,
  FOOTNOTE_NUMBER,
  HALF_LETTER,
  MONTH_COUNT_WORDS,
  QUARTER_LETTER,
  TOTAL_WORDS,
  withoutFootnoteMarks,
} from "../../calc/vocabulary";

export interface HeaderName {
  /** Name written to the table, unit kept: "Gold production (oz)". */
  name: string;
  /** "oz", "koz", "t", "g/t", "%"… when the header states one. */
  unit?: string;
}

const BRACKET_NOTE = new RegExp(`\\s*${FOOTNOTE_NUMBER}`, "g");
/** Digits glued to a word of 3+ letters ("equivalent1"); "Q1", "H2", "Au2" are left alone. */
const GLUED_NOTE = /([A-Za-z]{3,})\d{1,2}(?=$|[\s(),])/g;
/** A trailing "(unit)": short, not a footnote number. */
const PAREN_UNIT = /\(([^()]{1,16})\)\s*$/;
/** Units printed without parentheses at the end of a header ("Recovery %", "Grade g/t"). */
const BARE_UNIT = /(?:^|\s)(%|g\/t|oz\/t|oz|koz|moz|t|kt|mt|tonnes|dmt|wmt|lbs?|mlbs?|tpd)$/i;

export function cleanHeader(raw: string): HeaderName {
  const name = collapseSpaces(
    withoutFootnoteMarks(String(raw ?? ""))
      .replace(BRACKET_NOTE, "")
      .replace(GLUED_NOTE, "$1"),
  );
  const paren = PAREN_UNIT.exec(name);
  if (paren && /[a-z%$]/i.test(paren[1])) return { name, unit: paren[1].trim() };
  const bare = BARE_UNIT.exec(name);
  if (bare) return { name, unit: bare[1] };
  return { name };
}

/** Excel number format for a metric, from its unit (and "grade" in its name when no unit is given). */
export function numberFormatFor(unit: string | undefined, name: string): string {
  const u = (unit ?? "").toLowerCase();
  if (u.includes("%")) return "0.0%";
  if (u.includes("/t") || u === "gpt" || (u === "" && /\bgrade\b/i.test(name))) return "0.00";
  // Thousands/millions of ounces or tonnes are printed with a decimal ("42.0 koz").
  if (/^(koz|moz|kt|mt|mlbs?|mlb)$/.test(u) || /^(million|thousand)/.test(u)) return "#,##0.0";
  return "#,##0";
}

export const isPercentUnit = (unit: string | undefined): boolean => unit !== undefined && unit.includes("%");

/** A year standing alone in a header or cell: "2016", "2016 Gold Production (oz)" → 2016 and the rest. */
const YEAR_IN_HEADER = /(?:^|[\s(])((?:19|20)\d{2})(?=$|[\s),:-])/;

export function splitHeaderYear(name: string): { year: number; rest: string } | null {
  const m = YEAR_IN_HEADER.exec(name);
  if (!m) return null;
  const start = m.index + m[0].length - m[1].length;
  const rest = collapseSpaces((name.slice(0, start) + name.slice(start + 4)).replace(/\(\s*\)/g, "")).replace(
    /^[\s:-]+|[\s:-]+$/g,
    "",
  );
  return { year: Number(m[1]), rest };
}

export const YEAR_CELL = /^(?:19|20)\d{2}$/;

// Roles recognised by header name (after cleanHeader, case-insensitive).
export const MONTH_HEADER = /^(month|date|period|month ended|month ending|mes|monat|mois)\b/i;
export const YEAR_HEADER = /^(year|yr|calendar year|fiscal year|fy)$/i;
export const MINE_HEADER =
  /^(mine|site|company|companies|operation|asset|property|properties|plant|project|producer|subsidiary|subsidiaries|mine site|mine name|company name|mina|faena|empresa)s?$/i;
export const METRIC_HEADER =
  /^(metric|measure|item|variable|series|indicator|description|kpi|parameter|product|commodity|commodities|metal|mineral|minerals)$/i;
/** Columns that identify a row rather than measure it: a sort order, a series code. */
export const IDENTIFIER_HEADER = /^(?:[a-z]+[ _])?(?:order|sort|code|id|key|rank|seq|sequence|msn|no\.?|#)$/i;
/** Words a table's caption adds to the metric it names: "Production Performance" is production. */
export const CAPTION_NOUNS =
  /\s+(?:performance|results|data|statistics|stats|summary|figures|table|highlights|overview|details)$/i;
export const VALUE_HEADER = /^(value|amount|quantity|qty|figure|result|actual)$/i;
/** A column giving each metric's unit, in tables with metrics as rows ("Gold | oz | 6,736"). */
export const UNIT_HEADER = /^(units?|uom|unit of measure|measure unit)$/i;
export const COMMENT_HEADER =
  /\b(comments?|notes?|remarks?|source|explanation|commentary|nota|notas|comentarios?|observaciones|remarques?)\b/i;
/** Subtotal and total columns or row labels: "Total", "Q1", "Q1 total", "YTD", "H1", "Full year". */
export const TOTAL_LABEL = new RegExp(
  `^(${alternatives([...TOTAL_WORDS, FISCAL_YEAR_WORD])}` +
    `|${QUARTER_LETTER}[1-4]|[1-4]${QUARTER_LETTER}|${HALF_LETTER}[12]|[12]${HALF_LETTER}` +
    `|\\d{1,2} ?(?:${alternatives(MONTH_COUNT_WORDS)}))\\b|\\btotal$|\\bsub-?total\\b`,
  "i",
);
