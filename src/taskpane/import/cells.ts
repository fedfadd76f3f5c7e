/**
 * Data cells to values, with calc's parsers as the one definition of a number and a month.
 * Plain numbers ("6736", "6,736", "92.5") take a fast path that gives the same result as
 * calc's parseNumber: an import reads hundreds of thousands of cells.
 */
import { attempt, calcErrorOf } from "../../calc/errors";
import {
  CalcError,
  decimalToNumber,
  isBlankText,
  parseDecimal,
  parsePeriod,
  toMonth,
  type MonthIndex,
} from "../../calc";
import { TOTAL_LABEL } from "./header";

export type Mark = "." | ",";

/** "(est)", "(est.)", "(estimate)", "(e)", "est." before or after the number. */
const ESTIMATE = /^\s*\((?:est\.?|estimated?|e)\)\s*|\s*\((?:est\.?|estimated?|e)\)\s*$|\s+est\.?$/i;

const POW10 = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
  1e22,
];

/**
 * Plain numbers ("-6736", "6,736", "92.5"; groups of three only) read without calc; undefined
 * when the text needs calc's full reader (units, spaces, parentheses, placeholders, bad groups).
 * Up to 15 digits the digits are an exact integer and one division by an exact power of ten is
 * correctly rounded, so the result is the same double calc's exact decimal gives.
 */
function plainNumber(t: string, mark: Mark, percent: boolean): number | undefined {
  const n = t.length;
  const negative = n > 0 && t.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  const dec = mark === "." ? 46 : 44;
  const grp = mark === "." ? 44 : 46;
  let digits = 0;
  let run = 0;
  let grouped = false;
  let acc = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      run++;
      acc = acc * 10 + (c - 48);
    } else if (c === grp) {
      if (run === 0 || (grouped ? run !== 3 : run > 3)) return undefined;
      grouped = true;
      run = 0;
    } else break;
  }
  if (digits === 0 || (grouped && run !== 3)) return undefined;
  let scale = percent ? 2 : 0;
  if (i < n) {
    if (t.charCodeAt(i) !== dec || i === n - 1) return undefined;
    for (i++; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      digits++;
      scale++;
      acc = acc * 10 + (c - 48);
    }
  }
  if (digits > 15) return undefined; // not exact as a double: calc's exact reader decides (and refuses overflow)
  const v = scale === 0 ? acc : acc / POW10[scale];
  return negative && v !== 0 ? -v : v;
}

/**
 * Reads value cells without allocating per cell: the result is returned, and whether the cell was
 * an estimate or not a number is left in `estimate` / `error` until the next read. Never throws.
 */
export class ValueReader {
  estimate = false;
  error: string | undefined = undefined;

  constructor(readonly mark: Mark) {}

  /** Under a "%" header "92.5" is 0.925; "92.5%" already is. */
  read(raw: string, percent: boolean): number | null {
    this.estimate = false;
    this.error = undefined;
    const t = raw.trim();
    if (t === "") return null;
    const fast = plainNumber(t, this.mark, percent);
    if (fast !== undefined) return fast;
    let text = t;
    if (ESTIMATE.test(text)) {
      this.estimate = true;
      text = text.replace(ESTIMATE, "").trim();
      const again = plainNumber(text, this.mark, percent);
      if (again !== undefined) return again;
    }
    try {
      const d = parseDecimal(text, { decimal: this.mark });
      if (d === null) return null;
      // Exact: the decimal is divided by 100 before it is rounded to a double.
      const v = decimalToNumber(
        percent && !text.includes("%") ? { coefficient: d.coefficient, exponent: d.exponent - 2 } : d,
      );
      return v === 0 ? 0 : v;
    } catch (e) {
      this.error = calcErrorOf(e).message;
      return null;
    }
  }
}

export interface ValueCell {
  value: number | null;
  estimate: boolean;
  /** Set when the text is not a number: calc's reason. */
  error?: string;
}

/** One cell as an object (tests, detection); the import loop uses ValueReader directly. */
export function readValue(raw: string, mark: Mark, percent: boolean): ValueCell {
  const r = new ValueReader(mark);
  const value = r.read(raw, percent);
  return r.error !== undefined ? { value, estimate: r.estimate, error: r.error } : { value, estimate: r.estimate };
}

/** True when a cell could be a number under either decimal mark (for telling number columns from text). */
export function looksNumeric(raw: string): boolean {
  const t = raw.trim();
  if (t === "" || isBlankText(t)) return false;
  // A leading letter is text ("Jan 2017", "Mine 1") unless it is a currency ("US$5"): no need to ask calc.
  if (/^[a-z]/i.test(t) && !/^(?:us|c|a|au|ca|nz)?\$/i.test(t)) return false;
  if (plainNumber(t, ".", false) !== undefined || plainNumber(t, ",", false) !== undefined) return true;
  return !readValue(t, ".", false).error || !readValue(t, ",", false).error;
}

export const isBlankCell = (raw: string | undefined): boolean =>
  raw === undefined || raw.trim() === "" || isBlankText(raw);

/**
 * What a cell says about the decimal mark: "." or "," when only one reading makes sense
 * ("2,6", "1.234,5", "0.925", "1234.5"), null when it is ambiguous ("6,736", "19.982") or has no mark.
 */
export function decimalEvidence(raw: string): Mark | null {
  const t = raw;
  const c = t.lastIndexOf(",");
  const d = t.lastIndexOf(".");
  if (c < 0 && d < 0) return null;
  if (c >= 0 && d >= 0) return c > d ? "," : ".";
  const mark: Mark = c >= 0 ? "," : ".";
  const i = c >= 0 ? c : d;
  if (t.indexOf(mark) !== i) return mark === "," ? "." : ","; // repeated: it groups thousands
  let before = 0;
  for (let k = i - 1; k >= 0 && isDigit(t.charCodeAt(k)); k--) before++;
  let after = 0;
  for (let k = i + 1; k < t.length && isDigit(t.charCodeAt(k)); k++) after++;
  if (before === 0 || after === 0) return null;
  const intPart = t.slice(i - before, i);
  if (after !== 3 || before > 3 || /^0+$/.test(intPart)) return mark;
  return null;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

export type MonthCell =
  | { kind: "month"; month: MonthIndex }
  | { kind: "subtotal" } // "Q1", "Total", "Q1 2017", "2017": a total row, left out and reported
  | { kind: "blank" }
  | { kind: "error"; message: string };

/** Month cells repeat (one per mine, per metric in tidy files): parse each distinct text once. */
export class MonthReader {
  private readonly cache = new Map<string, MonthCell>();

  read(raw: string): MonthCell {
    let hit = this.cache.get(raw);
    if (hit === undefined) {
      hit = readMonthCell(raw);
      if (this.cache.size < 100_000) this.cache.set(raw, hit);
    }
    return hit;
  }
}

/** A time of day after a date ("2017-01-31T00:00:00Z", "2017-01-31 00:00"), as exports write dates; the month ignores it. */
const TIME_OF_DAY = /^(.*\d)(?:T| +)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}|am|pm))?$/i;

export function readMonthCell(raw: string): MonthCell {
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
