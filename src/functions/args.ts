/**
 * Argument coercion, in one place. Excel passes a range as a 2-D array (any[][]); a scalar typed
 * into a range argument arrives as [[x]]; an omitted optional argument as null or undefined; an
 * empty cell as null, "" or (Excel desktop) 0.
 */
import { CalcError, calcErrorOf } from "../calc/errors";
import { readUnit } from "../calc/guidance";
import { describeValue, parseNumber } from "../calc/numbers";
import type { TargetUnit } from "../calc/units";
import { isEmptyOrZero } from "../calc/reported";

/** A range argument, kept as Excel sent it (no copy: whole columns are a million rows). */
export interface Grid {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  at(r: number, c: number): unknown;
  /** The array Excel sent, for the tight loops that trim whole columns. */
  readonly cells: readonly (readonly unknown[])[];
}

/** A one-row or one-column range read as a list. */
export interface Vector {
  readonly grid: Grid;
  readonly length: number;
  at(i: number): unknown;
  /** "row 14 of dates", "column 3 of dates", or just "dates" for a single cell. */
  label(i: number): string;
}

export const isOmitted = (raw: unknown): raw is null | undefined => raw === null || raw === undefined;

export function toGrid(raw: unknown, name: string): Grid {
  let cells: unknown[][];
  if (!Array.isArray(raw)) cells = [[raw]];
  else if (raw.length === 0) cells = [[null]];
  else if (!Array.isArray(raw[0]))
    cells = [raw]; // a 1-D list (callers outside Excel): one row
  else cells = raw as unknown[][];
  const rows = cells.length;
  const cols = Math.max(1, cells[0].length);
  // A row that is not an array (malformed input) reads as blanks rather than crashing.
  return { name, rows, cols, cells, at: (r, c) => (Array.isArray(cells[r]) ? (cells[r][c] ?? null) : null) };
}

export function cellLabel(grid: Grid, r: number, c: number): string {
  if (grid.rows === 1 && grid.cols === 1) return grid.name;
  if (grid.cols === 1) return `row ${r + 1} of ${grid.name}`;
  if (grid.rows === 1) return `column ${c + 1} of ${grid.name}`;
  return `row ${r + 1}, column ${c + 1} of ${grid.name}`;
}

export function toVector(grid: Grid): Vector {
  if (grid.rows > 1 && grid.cols > 1) {
    throw new CalcError(
      "value",
      `${grid.name} must be one row or one column, not ${grid.rows} rows by ${grid.cols} columns`,
    );
  }
  if (grid.cols === 1) {
    return { grid, length: grid.rows, at: (i) => grid.at(i, 0), label: (i) => cellLabel(grid, i, 0) };
  }
  return { grid, length: grid.cols, at: (i) => grid.at(0, i), label: (i) => cellLabel(grid, 0, i) };
}

/** Trimmed and copied out of the range, for calc functions that take an array. */
export function vectorCells(v: Vector, length: number): unknown[] {
  if (v.grid.cols === 1) return flatCells(v.grid, length, 1);
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) out[i] = v.at(i);
  return out;
}

/** The first rows × cols cells of a grid in one list, row by row (a period range read at once). */
export function flatCells(g: Grid, rows: number, cols: number): unknown[] {
  const out = new Array<unknown>(rows * cols);
  if (cols === 1) {
    // Straight from the array Excel sent (as Grid.at reads it), without a closure call per cell.
    const cells = g.cells;
    for (let r = 0; r < rows; r++) {
      const line = cells[r];
      out[r] = Array.isArray(line) ? (line[0] ?? null) : null;
    }
    return out;
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = g.at(r, c);
  return out;
}

/**
 * Empty as Excel sends it: null, "" or (Excel desktop) 0. A trailing 0 is trimmed like an empty cell
 * in every range, so a spill has the same size whichever way the empty cells arrived; inside the
 * range each function reads its cells by the empty-cell rule (src/calc/reported.ts).
 */
const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || value === 0 || (typeof value === "string" && value.trim() === "");

/** Index of the last row with a filled cell in columns [0, cols), or -1; scans up from the bottom. */
function lastFilledRow(g: Grid, cols: number): number {
  const cells = g.cells;
  for (let r = g.rows - 1; r >= 0; r--) {
    const line = cells[r];
    if (!Array.isArray(line)) continue;
    for (let c = 0; c < cols; c++) if (!isEmpty(line[c])) return r;
  }
  return -1;
}

/** Index of the last column with a filled cell in rows [0, rows), or -1; scans from the right. */
function lastFilledColumn(g: Grid, rows: number): number {
  for (let c = g.cols - 1; c >= 0; c--) {
    for (let r = 0; r < rows; r++) if (!isEmpty(g.at(r, c))) return c;
  }
  return -1;
}

/**
 * Rows and columns to keep so a spill aligned with whole-column inputs stops at the last filled
 * row: scans from the end, so a 1,048,576-row column with 240 filled costs one tight pass over the blanks.
 * All grids must have the given shape. At least 1×1 is kept, so an all-blank input still answers.
 */
export function filledExtent(grids: readonly Grid[], rows: number, cols: number): { rows: number; cols: number } {
  let keepRows = 1;
  for (const g of grids) keepRows = Math.max(keepRows, lastFilledRow(g, cols) + 1);
  let keepCols = 1;
  for (const g of grids) keepCols = Math.max(keepCols, lastFilledColumn(g, keepRows) + 1);
  return { rows: Math.min(keepRows, rows), cols: Math.min(keepCols, cols) };
}

/** The length to keep of aligned vectors (same length), trailing blanks dropped; at least 1. */
export function filledLength(vectors: readonly Vector[]): number {
  let keep = 1;
  for (const v of vectors) {
    const g = v.grid;
    const last = g.cols === 1 ? lastFilledRow(g, 1) : lastFilledColumn(g, 1);
    keep = Math.max(keep, last + 1);
  }
  return Math.min(keep, vectors[0].length);
}

/** A single value from an argument that may arrive as a scalar or a 1×1 range. */
function single(raw: unknown, name: string): unknown {
  if (!Array.isArray(raw)) return raw;
  const g = toGrid(raw, name);
  if (g.rows !== 1 || g.cols !== 1) {
    throw new CalcError("value", `${name} must be a single value, not a range of ${g.rows} by ${g.cols} cells`);
  }
  return g.at(0, 0);
}

/**
 * An optional choice among words ("ytd", "month"…), any case; blank means the default. A 0 does
 * too: no choice is a number, and Excel desktop passes an empty referenced cell as 0.
 */
export function choiceArg<T extends string>(raw: unknown, name: string, choices: readonly T[]): T | undefined {
  const value = single(raw, name);
  if (isEmptyOrZero(value)) return undefined;
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const found = choices.find((c) => c === text);
  if (found === undefined) {
    const list = choices.map((c) => `"${c}"`).join(", ");
    throw new CalcError("value", `${name} must be one of ${list}, not "${describeValue(value)}"`);
  }
  return found;
}

/** An optional whole number within [min, max]; blank (or 0) means the default. */
export function integerArg(raw: unknown, name: string, min: number, max: number): number | undefined {
  const n = numberArg(raw, name);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CalcError(
      "value",
      `${name} must be a whole number from ${min} to ${max}, not ${describeValue(single(raw, name))}`,
    );
  }
  return n;
}

/**
 * An optional number (numbers stored as text are read). Blank means omitted, and so does 0: Excel
 * desktop passes an empty referenced cell as 0 and the web as null, which is also how an omitted
 * argument arrives, so 0 must mean omitted too for both to give the same answer.
 */
export function numberArg(raw: unknown, name: string): number | undefined {
  const value = single(raw, name);
  if (isEmptyOrZero(value)) return undefined;
  try {
    return parseNumber(value) ?? undefined;
  } catch (e) {
    const err = calcErrorOf(e);
    throw new CalcError(err.kind, `${name}: ${err.message}`);
  }
}

/**
 * An optional unit ("koz", "Mt", "million ounces"): the unit a guidance is returned in and the base or
 * values are read in. Blank (or 0, an empty cell on Excel desktop) means omitted.
 */
export function unitArg(raw: unknown, name: string): TargetUnit | undefined {
  const value = single(raw, name);
  if (isEmptyOrZero(value)) return undefined;
  if (typeof value !== "string") {
    throw new CalcError("value", `${name} must be a unit such as "koz" or "Mt", not ${describeValue(value)}`);
  }
  try {
    return readUnit(value);
  } catch (e) {
    const err = calcErrorOf(e);
    throw new CalcError(err.kind, `${name}: ${err.message}`);
  }
}
