/**
 * What a table's columns build (its series), kept between calls. Excel fills a formula down a table by
 * itself, so the form analysts write is one formula per row, each handed the whole table: n calls of
 * one recalculation receive the same columns. Each call still reads every cell it is handed — that is
 * how it knows the columns are the same — but builds nothing when they are.
 *
 * - A call reuses a build only when its cells equal, one by one, the cells the build was made from
 *   (kept as a copy: Excel hands every call fresh arrays, and a caller may change its own), with the
 *   same names and settings. Never from sizes or a sample. Equal is ===: the same type and value,
 *   where 0 and -0 are equal because every build reads them alike (a figure of -0 is 0).
 * - A call that answers for one mine compares what its answers read: every cell of mines (which rows
 *   are the mine's), and dates and values in that mine's rows and the rows naming no mine. A mine's
 *   series is built from its own rows alone (buildMineSeries), so other rows cannot change it.
 * - Only cells that are plain values (numbers, text, booleans, blanks) are kept: a cell holding an
 *   object could change inside while staying the same object, so such columns are never reused.
 * - What a build throws for the table (a CalcError) is kept like a result: it depends on those cells
 *   alone. A bug is thrown on and nothing is kept.
 * - Memory is bounded: the few tables used last (ENTRIES), and at most ROWS rows in all. A table
 *   whose cells change is a new table; its old build goes when newer ones push it out.
 */
import { CalcError, calcErrorOf } from "../calc/errors";
import type { Vector } from "./args";

/** Tables kept at once: a few sets of columns used by formulas side by side (gold and silver per row). */
const ENTRIES = 4;
/** Rows kept in all: one sheet's height, so a whole-column table is kept alone. */
const ROWS = 1_048_576;

/** The columns of one call, and what else its build reads. */
interface Columns {
  dates: Vector;
  values: Vector;
  mines: Vector | null;
  /** Rows read, from the top: up to the last filled date. */
  length: number;
  /** Argument names and settings the build uses (its messages name the arguments). */
  tag: string;
}

interface Entry<T> {
  tag: string;
  length: number;
  dates: readonly unknown[];
  values: readonly unknown[];
  mines: readonly unknown[] | null;
  /** The number cells again, side by side (NaN for any other cell): a number is compared without a pointer to follow. */
  dateNumbers: Float64Array;
  valueNumbers: Float64Array;
  outcome: T | CalcError;
}

export interface TableCache<T> {
  /**
   * The build for these columns: kept, or made from copies of their cells (and kept when it may be).
   * With `scope`, the call reads one mine's answers alone: a kept build whose mines column is the same
   * is reused when the cells its answers depend on (the rows `scope` gives for it) are the same.
   */
  get(
    cols: Columns,
    build: (dates: unknown[], values: unknown[], mines: unknown[] | null) => T,
    scope?: (kept: T) => Int32Array | null,
  ): T;
  /** Drops every kept build. */
  clear(): void;
  /** Sets how many tables are kept (0: none, every call builds); returns the previous setting. */
  keep(entries: number): number;
  /** What is kept now: tables, and rows in all. */
  size(): { tables: number; rows: number };
}

export function tableCache<T>(): TableCache<T> {
  let entries: Entry<T>[] = []; // most recently used first
  let capacity = ENTRIES;

  const get: TableCache<T>["get"] = (cols, build, scope) => {
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e.tag !== cols.tag || e.length !== cols.length || (e.mines === null) !== (cols.mines === null)) continue;
      const rows = scope && e.mines !== null && !(e.outcome instanceof CalcError) ? scope(e.outcome) : null;
      if (!(rows === null ? sameCells(e, cols) : sameInScope(e, cols, rows))) continue;
      if (i > 0) {
        entries.splice(i, 1);
        entries.unshift(e);
      }
      if (e.outcome instanceof CalcError) throw e.outcome;
      return e.outcome;
    }
    const dates = copy(cols.dates, cols.length);
    const values = copy(cols.values, cols.length);
    const mines = cols.mines === null ? null : copy(cols.mines, cols.length);
    let outcome: T | CalcError;
    try {
      outcome = build(dates, values, mines);
    } catch (e) {
      outcome = calcErrorOf(e); // a bug is thrown on from here, and nothing is kept
    }
    if (capacity > 0 && plain(dates) && plain(values) && (mines === null || plain(mines))) {
      const [dateNumbers, valueNumbers] = [numbersOf(dates), numbersOf(values)];
      entries.unshift({ tag: cols.tag, length: cols.length, dates, values, mines, dateNumbers, valueNumbers, outcome });
      let rows = 0;
      let kept = 0;
      while (kept < entries.length && kept < capacity && (kept === 0 || rows + entries[kept].length <= ROWS)) {
        rows += entries[kept].length;
        kept++;
      }
      entries.length = kept;
    }
    if (outcome instanceof CalcError) throw outcome;
    return outcome;
  };

  return {
    get,
    clear: () => {
      entries = [];
    },
    keep: (n) => {
      const before = capacity;
      capacity = Math.max(0, Math.floor(n));
      entries.length = Math.min(entries.length, capacity);
      return before;
    },
    size: () => ({ tables: entries.length, rows: entries.reduce((sum, e) => sum + e.length, 0) }),
  };
}

/**
 * The first n cells of a row or column, read as Grid.at reads them (a missing cell is null). Filled by
 * push, not made with its length: an array with holes reads slower in the comparison every later call makes.
 */
function copy(v: Vector, n: number): unknown[] {
  const out: unknown[] = [];
  if (v.grid.cols === 1) {
    const cells = v.grid.cells;
    for (let i = 0; i < n; i++) {
      const line = cells[i];
      out.push(Array.isArray(line) ? (line[0] ?? null) : null);
    }
    return out;
  }
  for (let i = 0; i < n; i++) out.push(v.at(i));
  return out;
}

function numbersOf(cells: readonly unknown[]): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    out[i] = typeof c === "number" ? c : Number.NaN;
  }
  return out;
}

/**
 * A cell against a kept one: a number against the kept numbers (NaN where the kept cell is no number,
 * and NaN never equals, as ===), anything else against the kept cell itself.
 */
const same = (x: unknown, numbers: Float64Array, kept: readonly unknown[], i: number): boolean =>
  typeof x === "number" ? x === numbers[i] : x === kept[i];

/** Whether every cell is a plain value, which cannot change without the cell changing. */
function plain(cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c !== null && (typeof c === "object" || typeof c === "function")) return false;
  }
  return true;
}

/**
 * Whether the call's cells equal the kept ones, every one of them: === on plain values (the same type
 * and value; 0 and -0 are equal, and builds read them alike; NaN never equals, so it is never reused).
 * Columns (the usual ranges) are read straight from the arrays Excel sent, the three side by side, so
 * two tables sharing their dates differ at the first row. A row that is not an array (never from
 * Excel) is never taken as equal: the call builds.
 */
function sameCells<T>(e: Entry<T>, cols: Columns): boolean {
  const n = cols.length;
  const { dates, values, mines } = cols;
  const ed = e.dates;
  const ev = e.values;
  if (dates.grid.cols === 1 && values.grid.cols === 1 && (mines === null || mines.grid.cols === 1)) {
    const dc = dates.grid.cells;
    const vc = values.grid.cells;
    const dn = e.dateNumbers;
    const vn = e.valueNumbers;
    if (mines === null) {
      for (let i = 0; i < n; i++) {
        const d = dc[i];
        const v = vc[i];
        if (!Array.isArray(d) || !Array.isArray(v) || !same(d[0], dn, ed, i) || !same(v[0], vn, ev, i)) return false;
      }
      return true;
    }
    const mc = mines.grid.cells;
    const em = e.mines as readonly unknown[];
    for (let i = 0; i < n; i++) {
      const d = dc[i];
      const v = vc[i];
      const m = mc[i];
      if (!Array.isArray(d) || !Array.isArray(v) || !Array.isArray(m)) return false;
      if (!same(d[0], dn, ed, i) || !same(v[0], vn, ev, i) || m[0] !== em[i]) return false;
    }
    return true;
  }
  for (let i = 0; i < n; i++) {
    if (dates.at(i) !== ed[i] || values.at(i) !== ev[i]) return false;
    if (mines !== null && mines.at(i) !== (e.mines as readonly unknown[])[i]) return false;
  }
  return true;
}

/**
 * Whether the call's mines column equals the kept one, every cell, and its dates and values equal the
 * kept ones in `rows`: the rows one mine's answers read (its own, and those naming no mine). Other
 * mines' figures may differ; that mine's answers are the same (buildMineSeries keeps each mine's rows
 * to itself).
 */
function sameInScope<T>(e: Entry<T>, cols: Columns, rows: Int32Array): boolean {
  const n = cols.length;
  const { dates, values } = cols;
  const mines = cols.mines as Vector;
  const em = e.mines as readonly unknown[];
  if (mines.grid.cols === 1) {
    const mc = mines.grid.cells;
    for (let i = 0; i < n; i++) {
      const m = mc[i];
      if (!Array.isArray(m) || m[0] !== em[i]) return false;
    }
  } else {
    for (let i = 0; i < n; i++) if (mines.at(i) !== em[i]) return false;
  }
  const ed = e.dates;
  const ev = e.values;
  if (dates.grid.cols === 1 && values.grid.cols === 1) {
    const dc = dates.grid.cells;
    const vc = values.grid.cells;
    const dn = e.dateNumbers;
    const vn = e.valueNumbers;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      const d = dc[i];
      const v = vc[i];
      if (!Array.isArray(d) || !Array.isArray(v) || !same(d[0], dn, ed, i) || !same(v[0], vn, ev, i)) return false;
    }
    return true;
  }
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (dates.at(i) !== ed[i] || values.at(i) !== ev[i]) return false;
  }
  return true;
}
