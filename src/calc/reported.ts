/**
 * The empty-cell rule: one reading of a cell that gives the same answer whether Excel passes an
 * empty cell as 0 (desktop), null (the web) or "" (a formula that returns nothing).
 *
 * - Months after the latest month with a non-zero figure are not reported: they have no figure.
 * - An empty cell for an earlier month is 0.
 * - "n/a", "-" and the other placeholders mean no figure, never 0.
 *
 * A series is read in two steps so the rule can be applied to any run of months (one mine's
 * months, when the data holds several): readFigure per cell, then dropUnreported over the run.
 */
import { calcErrorOf } from "./errors";
import { parseNumber } from "./numbers";

/** An empty cell as Excel passes it: null/undefined (the web), "" or blank text. 0 is decided by position. */
export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Empty as Excel desktop may send it too: an empty cell, or 0. */
export const isEmptyOrZero = (cell: unknown): boolean => cell === 0 || isEmptyCell(cell);

/**
 * A value cell of a series: a number; 0 for an empty cell; NaN for a placeholder ("n/a", "-").
 * Throws CalcError for text that is not a number.
 */
export function readFigure(cell: unknown): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (isEmptyCell(cell)) return 0;
  const n = parseNumber(cell);
  return n === null ? Number.NaN : n;
}

/**
 * Whether a cell reports a figure: anything but an empty cell, a zero or a placeholder. Text that
 * is not a number counts as reported, so that its error is shown rather than hidden.
 */
export function reportsFigure(cell: unknown): boolean {
  if (typeof cell === "number") return cell !== 0;
  if (isEmptyCell(cell)) return false;
  try {
    const n = parseNumber(cell);
    return n !== null && n !== 0;
  } catch (e) {
    calcErrorOf(e); // a bug is thrown on; text that is not a number reports a figure (its error)
    return true;
  }
}

/**
 * Marks as not reported (NaN) the months of values[start..end) after the last one with a non-zero
 * figure, and returns the index after that month (start when there is none).
 */
export function dropUnreported(values: Float64Array, start = 0, end = values.length): number {
  let k = end - 1;
  // NaN (no figure) and 0 alike are passed over: neither is a reported figure.
  while (k >= start && !(values[k] !== 0 && values[k] === values[k])) k--;
  values.fill(Number.NaN, k + 1, end);
  return k + 1;
}
