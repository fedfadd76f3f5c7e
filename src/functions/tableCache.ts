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
  outcome: T | CalcError;
}

export interface TableCache<T> {
  /** The build for these columns: kept, or made from copies of their cells (and kept when it may be). */
  get(cols: Columns, build: (dates: unknown[], values: unknown[], mines: unknown[] | null) => T): T;
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

  const get: TableCache<T>["get"] = (cols, build) => {
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e.tag !== cols.tag || e.length !== cols.length || (e.mines === null) !== (cols.mines === null)) continue;
      if (!sameCells(e, cols)) continue;
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
      entries.unshift({ tag: cols.tag, length: cols.length, dates, values, mines, outcome });
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
    if (mines === null) {
      for (let i = 0; i < n; i++) {
        const d = dc[i];
        const v = vc[i];
        if (!Array.isArray(d) || !Array.isArray(v) || d[0] !== ed[i] || v[0] !== ev[i]) return false;
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
      if (d[0] !== ed[i] || v[0] !== ev[i] || m[0] !== em[i]) return false;
    }
    return true;
  }
  for (let i = 0; i < n; i++) {
    if (dates.at(i) !== ed[i] || values.at(i) !== ev[i]) return false;
    if (mines !== null && mines.at(i) !== (e.mines as readonly unknown[])[i]) return false;
  }
  return true;
}
