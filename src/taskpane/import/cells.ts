/**
 * Data cells to values, with calc's parsers as the one definition of a number and a month.
 * Plain numbers ("6736", "6,736", "92.5") take a fast path that gives the same result as
 * calc's parseNumber: an import reads hundreds of thousands of cells.
 */
import { CalcError, isBlankText, parseNumber, parsePeriod, toMonth, type MonthIndex } from "../../calc";
import { TOTAL_LABEL } from "./header";

export type Mark = "." | ",";

/** Plain numbers only; anything else (units, spaces, parentheses, placeholders) goes to calc. */
const PLAIN: Record<Mark, RegExp> = {
  ".": /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/,
  ",": /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/,
};
const GROUP: Record<Mark, RegExp> = { ".": /,/g, ",": /\./g };
/** "(est)", "(est.)", "(estimate)", "(e)", "est." before or after the number. */
const ESTIMATE = /^\s*\((?:est\.?|estimated?|e)\)\s*|\s*\((?:est\.?|estimated?|e)\)\s*$|\s+est\.?$/i;

export interface ValueCell {
  value: number | null;
  estimate: boolean;
  /** Set when the text is not a number: calc's reason. */
  error?: string;
}

/** Plain-number fast path; undefined when the text needs calc's full reader. */
function plainNumber(t: string, mark: Mark, percent: boolean): number | undefined {
  if (!PLAIN[mark].test(t)) return undefined;
  let s = t;
  if (mark === "." ? s.includes(",") : s.includes(".")) s = s.replace(GROUP[mark], "");
  if (mark === ",") s = s.replace(",", ".");
  const v = Number(percent ? s + "e-2" : s);
  return v === 0 ? 0 : v;
}

/**
 * A value cell. Under a "%" header "92.5" is 0.925; "92.5%" already is. Never throws.
 */
export function readValue(raw: string, mark: Mark, percent: boolean): ValueCell {
  const t = raw.trim();
  if (t === "") return { value: null, estimate: false };
  const fast = plainNumber(t, mark, percent);
  if (fast !== undefined) return { value: fast, estimate: false };
  let text = t;
  let estimate = false;
  const est = ESTIMATE.exec(text);
  if (est) {
    estimate = true;
    text = text.replace(ESTIMATE, "").trim();
  }
  try {
    const fastAgain = estimate ? plainNumber(text, mark, percent) : undefined;
    if (fastAgain !== undefined) return { value: fastAgain, estimate };
    const v = parseNumber(text, { decimal: mark });
    if (v === null) return { value: null, estimate };
    return { value: percent && !text.includes("%") ? v / 100 : v, estimate };
  } catch (e) {
    const why = e instanceof CalcError ? e.message : `"${t}" is not a number`;
    return { value: null, estimate, error: why };
  }
}

/** True when a cell could be a number under either decimal mark (for telling number columns from text). */
export function looksNumeric(raw: string): boolean {
  const t = raw.trim();
  if (t === "" || isBlankText(t)) return false;
  if (PLAIN["."].test(t) || PLAIN[","].test(t)) return true;
  return !readValue(t, ".", false).error || !readValue(t, ",", false).error;
}

export const isBlankCell = (raw: string | undefined): boolean => raw === undefined || raw.trim() === "" || isBlankText(raw);

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

export function readMonthCell(raw: string): MonthCell {
  const t = raw.trim();
  if (t === "") return { kind: "blank" };
  try {
    return { kind: "month", month: toMonth(t) };
  } catch (e) {
    if (TOTAL_LABEL.test(t)) return { kind: "subtotal" };
    try {
      const p = parsePeriod(t);
      if (p.kind !== "month") return { kind: "subtotal" };
    } catch {
      // not a period at all: the month error below says why
    }
    return { kind: "error", message: e instanceof CalcError ? e.message : `"${t}" is not a month` };
  }
}
