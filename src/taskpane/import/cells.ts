/**
 * Data cells to values, with calc's readers as the one definition of a number and a month: values
 * go through calc's number reader with the mark settled for the file, months through toMonth.
 */
import { attempt, calcErrorOf, CalcError } from "../../calc/errors";
import {
  IMPORT_COMMA,
  IMPORT_POINT,
  isNoFigure,
  plainNumber,
  readNumber,
  type Mark,
  type NumberSettings,
} from "../../calc/number";
import { parsePeriod, toMonth } from "../../calc/periods";
import type { MonthIndex } from "../../calc/months";
import { TOTAL_LABEL } from "./header";

export type { Mark } from "../../calc/number";

/** "(est)", "(est.)", "(estimate)", "(e)", "est." before or after the number. */
const ESTIMATE = /^\s*\((?:est\.?|estimated?|e)\)\s*|\s*\((?:est\.?|estimated?|e)\)\s*$|\s+est\.?$/i;

/**
 * Reads value cells without allocating per cell: the result is returned, and whether the cell was
 * an estimate or not a number is left in `estimate` / `error` until the next read. Never throws for
 * bad input (a bug still throws).
 */
export class ValueReader {
  estimate = false;
  error: string | undefined = undefined;
  private readonly settings: NumberSettings;

  constructor(readonly mark: Mark) {
    this.settings = mark === "." ? IMPORT_POINT : IMPORT_COMMA;
  }

  /** Under a "%" header "92.5" is 0.925; "92.5%" already is. */
  read(raw: string, percent: boolean): number | null {
    this.estimate = false;
    this.error = undefined;
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
      return readNumber(text, this.settings, percent && !text.includes("%") ? -2 : 0);
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
  return readsAs(t, IMPORT_POINT) || readsAs(t, IMPORT_COMMA);
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

  read(raw: string): MonthCell {
    let hit = this.cache.get(raw);
    if (hit === undefined) {
      hit = readMonthCell(raw);
      if (this.cache.size < MONTH_TEXTS_KEPT) this.cache.set(raw, hit);
    }
    return hit;
  }
}

/** A time of day after a date ("2017-01-31T00:00:00Z", "2017-01-31 00:00"), as exports write dates; the month ignores it. */
const TIME_OF_DAY = /^(.*\d)(?:T| +)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}|am|pm))?$/i;

function readMonthCell(raw: string): MonthCell {
  const t = raw.trim().replace(TIME_OF_DAY, "$1");
  if (t === "") return { kind: "blank" };
  const month = attempt(undefined, () => toMonth(t));
  if (!(month instanceof CalcError)) return { kind: "month", month };
  if (TOTAL_LABEL.test(t)) return { kind: "subtotal" };
  // A quarter or a year is a total row; anything else gets the month's error, which says why.
  const p = attempt(undefined, () => parsePeriod(t));
  if (!(p instanceof CalcError) && p.kind !== "month") return { kind: "subtotal" };
  return { kind: "error", message: month.message };
}
