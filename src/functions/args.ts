/**
 * Argument coercion, in one place. Excel passes a range as a 2-D array (any[][]); a scalar typed
 * into a range argument arrives as [[x]]; an omitted optional argument as null or undefined; an
 * empty cell as null, "" or (Excel desktop) 0.
 */
import { CalcError } from "../calc/errors";
import { describeValue, parseNumber } from "../calc/numbers";

export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** A range argument, kept as Excel sent it (no copy: whole columns are a million rows). */
export interface Grid {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  at(r: number, c: number): unknown;
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
  else if (!raw.every(Array.isArray)) cells = [raw];
  else cells = raw as unknown[][];
  const rows = cells.length;
  const cols = Math.max(1, cells[0].length);
  return { name, rows, cols, at: (r, c) => cells[r][c] ?? null };
}

export function cellLabel(grid: Grid, r: number, c: number): string {
  if (grid.rows === 1 && grid.cols === 1) return grid.name;
  if (grid.cols === 1) return `row ${r + 1} of ${grid.name}`;
  if (grid.rows === 1) return `column ${c + 1} of ${grid.name}`;
  return `row ${r + 1}, column ${c + 1} of ${grid.name}`;
}

export function toVector(grid: Grid): Vector {
  if (grid.rows > 1 && grid.cols > 1) {
    throw new CalcError("value", `${grid.name} must be one row or one column, not ${grid.rows} rows by ${grid.cols} columns`);
  }
  if (grid.cols === 1) {
    return { grid, length: grid.rows, at: (i) => grid.at(i, 0), label: (i) => cellLabel(grid, i, 0) };
  }
  return { grid, length: grid.cols, at: (i) => grid.at(0, i), label: (i) => cellLabel(grid, 0, i) };
}

/** Trimmed and copied out of the range, for calc functions that take an array. */
export function vectorCells(v: Vector, length: number): unknown[] {
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) out[i] = v.at(i);
  return out;
}

/**
 * Empty as Excel sends it. A 0 counts as empty only in a whole column or row, where Excel desktop
 * sends a million zeros for the empty cells below the data; elsewhere 0 is a real figure.
 */
function isEmpty(value: unknown, whole: boolean): boolean {
  return value === null || value === undefined || value === "" || (whole && value === 0);
}

const isWholeColumn = (g: Grid): boolean => g.rows === EXCEL_ROWS;
const isWholeRow = (g: Grid): boolean => g.cols === EXCEL_COLUMNS;

/**
 * Rows and columns to keep so a spill aligned with whole-column inputs stops at the last filled
 * row: scans from the end, so a 1,048,576-row column with 240 filled costs a pass over the blanks only.
 * All grids must have the given shape. At least 1×1 is kept, so an all-blank input still answers.
 */
export function filledExtent(grids: readonly Grid[], rows: number, cols: number): { rows: number; cols: number } {
  const rowFilled = (r: number): boolean =>
    grids.some((g) => {
      for (let c = 0; c < cols; c++) if (!isEmpty(g.at(r, c), isWholeColumn(g))) return true;
      return false;
    });
  let keepRows = rows;
  while (keepRows > 1 && !rowFilled(keepRows - 1)) keepRows--;
  const colFilled = (c: number): boolean =>
    grids.some((g) => {
      for (let r = 0; r < keepRows; r++) if (!isEmpty(g.at(r, c), isWholeRow(g))) return true;
      return false;
    });
  let keepCols = cols;
  while (keepCols > 1 && !colFilled(keepCols - 1)) keepCols--;
  return { rows: keepRows, cols: keepCols };
}

/** The length to keep of aligned vectors (same length), trailing blanks dropped. */
export function filledLength(vectors: readonly Vector[]): number {
  const length = vectors[0].length;
  const whole = vectors.map((v) => isWholeColumn(v.grid) || isWholeRow(v.grid));
  let keep = length;
  while (keep > 1 && vectors.every((v, k) => isEmpty(v.at(keep - 1), whole[k]))) keep--;
  return keep;
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

/** An optional choice among words ("ytd", "month"…), any case; blank means the default. */
export function choiceArg<T extends string>(raw: unknown, name: string, choices: readonly T[]): T | undefined {
  const value = single(raw, name);
  if (isOmitted(value) || value === "") return undefined;
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const found = choices.find((c) => c === text);
  if (found === undefined) {
    const list = choices.map((c) => `"${c}"`).join(", ");
    throw new CalcError("value", `${name} must be one of ${list}, not "${describeValue(value)}"`);
  }
  return found;
}

/** An optional whole number within [min, max]; blank means the default. */
export function integerArg(raw: unknown, name: string, min: number, max: number): number | undefined {
  const n = numberArg(raw, name);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CalcError("value", `${name} must be a whole number from ${min} to ${max}, not ${describeValue(single(raw, name))}`);
  }
  return n;
}

/** An optional number (numbers stored as text are read); blank means omitted. */
export function numberArg(raw: unknown, name: string): number | undefined {
  const value = single(raw, name);
  if (isOmitted(value) || value === "") return undefined;
  try {
    return parseNumber(value) ?? undefined;
  } catch (e) {
    if (e instanceof CalcError) throw new CalcError(e.kind, `${name}: ${e.message}`);
    throw e;
  }
}
