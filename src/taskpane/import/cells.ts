/**
 * Data cells to values, with calc's readers as the one definition of a number and a month: values
 * go through calc's number reader with the mark settled for the file (units kept as printed,
 * footnote marks set aside), months through toMonth with what their column settles.
 */
import { attempt, calcErrorOf, CalcError } from "../../calc/errors";
import {
  IMPORT_COMMA,
  IMPORT_POINT,
  isNoFigure,
  plainNumber,
  readMeasure,
  readNumber,
  type Mark,
  type NumberSettings,
} from "../../calc/number";
import { parsePeriod, toMonth, type ColumnDates } from "../../calc/periods";
import type { MonthIndex } from "../../calc/months";
import { alternatives, ESTIMATE_WORDS } from "../../calc/vocabulary";
import { TOTAL_LABEL } from "./header";

export type { Mark } from "../../calc/number";

const ESTIMATE_WORD = alternatives(ESTIMATE_WORDS);
const LONG_ESTIMATE_WORD = alternatives(ESTIMATE_WORDS.filter((w) => w.length > 2));
/** "(est)", "(P)", "(provisional)" before or after the figure, "est." or "provisional" after it, or "6,736e". */
const ESTIMATE = new RegExp(
  `^\\s*[([](?:${ESTIMATE_WORD})[)\\]]\\s*|\\s*[([](?:${ESTIMATE_WORD})[)\\]]\\s*$|\\s+(?:${LONG_ESTIMATE_WORD})$|(?<=\\d)\\s?e$`,
  "i",
);

/**
 * Reads value cells without allocating per cell: the result is returned, and whether the cell was
 * an estimate, the unit it printed, the footnote mark it carried and why it is not a number are
 * left in `estimate` / `unit` / `note` / `error` until the next read. Never throws for bad input (a
 * bug still throws).
 */
export class ValueReader {
  estimate = false;
  error: string | undefined = undefined;
  /** The unit printed in the cell ("tonnes", "million grams"), or "". */
  unit = "";
  /** The footnote mark set aside ("*", "(1)"), or "". */
  note = "";
  private readonly settings: NumberSettings;

  constructor(readonly mark: Mark) {
    this.settings = mark === "." ? IMPORT_POINT : IMPORT_COMMA;
  }

  /** Under a "%" header "92.5" is 0.925; "92.5%" already is. */
  read(raw: string, percent: boolean): number | null {
    this.estimate = false;
    this.error = undefined;
    this.unit = "";
    this.note = "";
    const t = raw.trim();
    if (t === "") return null;
    // Most cells are plain figures: no regular expression, no exception.
    const fast = plainNumber(t, this.mark, percent ? -2 : 0);
    if (fast !== undefined) return fast;
    let text = t;
    if (ESTIMATE.test(text)) {
      this.estimate = true;
      text = text.replace(ESTIMATE, "").trim();
    }
    try {
      const m = readMeasure(text, this.settings, percent && !text.includes("%") ? -2 : 0);
      this.unit = m.unit;
      this.note = m.note;
      return m.value;
    } catch (e) {
      this.error = calcErrorOf(e).message;
      return null;
    }
  }
}

/** True when a cell could be a number under either decimal mark (for telling number columns from text). */
export function looksNumeric(raw: string): boolean {
  const t = raw.trim();
  if (t === "" || isNoFigure(t)) return false;
  if (plainNumber(t, ".", 0) !== undefined || plainNumber(t, ",", 0) !== undefined) return true;
  const text = ESTIMATE.test(t) ? t.replace(ESTIMATE, "").trim() : t;
  return readsAs(text, IMPORT_POINT) || readsAs(text, IMPORT_COMMA);
}

function readsAs(t: string, settings: NumberSettings): boolean {
  return !(attempt(undefined, () => readNumber(t, settings)) instanceof CalcError);
}

export const isBlankCell = (raw: string | undefined): boolean =>
  raw === undefined || raw.trim() === "" || isNoFigure(raw);

export type MonthCell =
  | { kind: "month"; month: MonthIndex }
  | { kind: "subtotal" } // "Q1", "Total", "Q1 2017", "2017": a total row, left out and reported
  | { kind: "blank" }
  | { kind: "error"; message: string };

/** Distinct month texts remembered: a file has a few hundred; the cap bounds memory on a file of junk. */
const MONTH_TEXTS_KEPT = 100_000;

/** Month cells repeat (one per mine, per metric in tidy files): parse each distinct text once. */
export class MonthReader {
  private readonly cache = new Map<string, MonthCell>();

  /** `dates`: what the column's cells settle between them (day-month order, codes, serials). */
  constructor(private readonly dates?: ColumnDates) {}

  read(raw: string): MonthCell {
    let hit = this.cache.get(raw);
    if (hit === undefined) {
      hit = readMonthCell(raw, this.dates);
      if (this.cache.size < MONTH_TEXTS_KEPT) this.cache.set(raw, hit);
    }
    return hit;
  }
}

/** A time of day after a date ("2017-01-31T00:00:00Z", "2017-01-31 00:00"), as exports write dates; the month ignores it. */
const TIME_OF_DAY = /^(.*\d)(?:T| +)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}|am|pm))?$/i;

function readMonthCell(raw: string, dates?: ColumnDates): MonthCell {
  const t = raw.trim().replace(TIME_OF_DAY, "$1");
  if (t === "") return { kind: "blank" };
  const month = attempt(undefined, () => toMonth(t, undefined, dates));
  if (!(month instanceof CalcError)) return { kind: "month", month };
  if (TOTAL_LABEL.test(t)) return { kind: "subtotal" };
  // A quarter or a year is a total row; anything else gets the month's error, which says why.
  const p = attempt(undefined, () => parsePeriod(t, undefined, dates));
  if (!(p instanceof CalcError) && p.kind !== "month") return { kind: "subtotal" };
  return { kind: "error", message: month.message };
}
