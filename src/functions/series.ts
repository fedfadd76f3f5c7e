/** The dates, values and mines ranges of the calendar functions, read into monthly series (kept between calls). */
import { CalcError } from "../calc/errors";
import { buildMineSeries, mineKey, wholeSeries, type MineSeries } from "../calc/mines";
import { isEmptyOrZero } from "../calc/reported";
import type { MonthlySeries } from "../calc/series";
import { datesIn1900, workbookDateSystem } from "./dateSystem";
import { filledLength, toVector, type Grid, type Vector } from "./args";
import { tableCache } from "./tableCache";

/** The same range under the name the chosen form gives it ("dates" rather than "current_or_dates"). */
export function renamed(grid: Grid, name: string): Grid {
  return { ...grid, name };
}

/** What a table's columns build, shared by every call that is handed the same cells. */
export interface Table {
  /** Each mine's series by mine key (mineKey), in the order the mines first appear; without mines, one under "". */
  readonly mines: ReadonlyMap<string, MineSeries>;
  /** The same entries by each text the mines column holds on a dated row: [@Mine] is found without reading its name. */
  readonly byCell: ReadonlyMap<unknown, MineSeries>;
  readonly byMine: boolean;
  /**
   * Figures derived from one mine's series (its record columns for a scope…), made on first use:
   * a per-row formula then finds them made. Each is a function of the series and its name alone.
   */
  readonly memo: Map<MineSeries, Map<string, unknown>>;
  /**
   * The rows one mine's answers read, for the mine a cell names: its own rows, the rows naming no mine,
   * and the rows down to the first filled date (which may be a header). Null without mines, or for a
   * cell naming no mine of the table.
   */
  scopeOf(cell: unknown): Int32Array | null;
}

/**
 * The kept tables: module state, which lives as long as the add-in's runtime. Exported for the bench
 * and tests, which clear it and set how many are kept.
 * @internal
 */
export const tables = tableCache<Table>();

export interface TableInput {
  table: Table;
  dates: Vector;
  /** Rows read: up to the last filled row of dates. */
  length: number;
}

/**
 * The table for dates, values and (optionally) mines; all must be the same size. Values below the
 * last date (a total, a note) have no month and are not read, nor are their mines.
 */
export function readTable(datesGrid: Grid, valuesGrid: Grid, minesGrid?: Grid, oneMine?: unknown): TableInput {
  const dates = toVector(datesGrid);
  const values = toVector(valuesGrid);
  sameSize(dates, values);
  const mines = minesGrid === undefined ? null : toVector(minesGrid);
  if (mines !== null) sameSize(dates, mines);
  const length = filledLength([dates]);
  const labels = { dates: datesGrid.name, values: valuesGrid.name, mines: minesGrid?.name ?? "" };
  // The date system is part of what a build reads: a table kept in one system is never reused in the other.
  const tag = `${labels.dates}\u0000${labels.values}\u0000${labels.mines}\u0000${workbookDateSystem()}`;
  const build = (kept: unknown[], v: unknown[], m: unknown[] | null): Table => {
    const d = datesIn1900(kept.slice(), "dates"); // a copy: the kept cells stay as the workbook gave them
    if (m === null) {
      const mines = new Map([["", wholeSeries(d, v, labels)]]);
      return { mines, byCell: new Map(), byMine: false, memo: new Map(), scopeOf: () => null };
    }
    const mines = buildMineSeries(d, v, m, labels);
    const byCell = new Map<unknown, MineSeries>();
    for (const entry of mines.values()) for (const row of entry.rows) byCell.set(m[row], entry);
    let scopes: Map<string, Int32Array> | null = null;
    const scopeOf = (cell: unknown): Int32Array | null => {
      const key = mineKey(cell);
      if (key === null || !mines.has(key)) return null;
      scopes ??= mineScopes(kept, m);
      return scopes.get(key) ?? null;
    };
    return { mines, byCell, byMine: true, memo: new Map(), scopeOf };
  };
  // A per-row formula names one mine: its answers are reused while that mine's rows are the same.
  const scope = mines !== null && oneMine !== undefined ? (t: Table) => t.scopeOf(oneMine) : undefined;
  const table = tables.get({ dates, values, mines, length, tag }, build, scope);
  return { table, dates, length };
}

/** Each mine's scope (see Table.scopeOf), by mine key, from the kept dates and mines. */
function mineScopes(dates: readonly unknown[], mines: readonly unknown[]): Map<string, Int32Array> {
  const own = new Map<string, number[]>();
  const shared: number[] = [];
  const keyOf = new Map<unknown, string | null>();
  let header = true; // down to the first filled date, every row is read by every mine
  for (let i = 0; i < mines.length; i++) {
    let key = keyOf.get(mines[i]);
    if (key === undefined) keyOf.set(mines[i], (key = mineKey(mines[i])));
    if (header || key === null) shared.push(i);
    else {
      let rows = own.get(key);
      if (rows === undefined) own.set(key, (rows = []));
      rows.push(i);
    }
    if (header && !isEmptyOrZero(dates[i]) && !(typeof dates[i] === "string" && (dates[i] as string).trim() === "")) {
      header = false;
    }
  }
  const out = new Map<string, Int32Array>();
  for (const [key, rows] of own) out.set(key, Int32Array.from([...shared, ...rows]));
  return out;
}

function sameSize(a: Vector, b: Vector): void {
  if (a.length !== b.length) {
    throw new CalcError(
      "value",
      `${a.grid.name} and ${b.grid.name} differ in size: ${a.length} and ${b.length} cells; ` +
        "give ranges of the same size",
    );
  }
}

/** A figure derived from one mine's series, made once per table (`what` names it and everything it depends on). */
export function derived<T>(table: Table, mine: MineSeries, what: string, make: () => T): T {
  let made = table.memo.get(mine);
  if (made === undefined) table.memo.set(mine, (made = new Map()));
  if (made.has(what)) return made.get(what) as T;
  const value = make();
  made.set(what, value);
  return value;
}

/** The one series of a table read without mines. */
function onlySeries(table: Table): MonthlySeries {
  return (table.mines.get("") as MineSeries).series as MonthlySeries;
}

export const readSeries = (dates: Grid, values: Grid): MonthlySeries => onlySeries(readTable(dates, values).table);
