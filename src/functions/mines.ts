/**
 * The two trailing arguments every calendar function shares: `mines`, a range beside dates naming
 * each row's mine, and `mine`, the mine an answer is for (one cell, or a range beside period).
 *   - mines and mine given: each answer is for the mine named beside its period (one mine for all when
 *     mine is one cell; one period for every mine when period is one cell);
 *   - mines alone: period must lie beside mines, the same size (the dates column itself, or a per-row
 *     formula's table), and each answer is for its own row's mine;
 *   - neither: the table is one series, as before.
 */
import { CalcError } from "../calc/errors";
import { mineKey, mineName, type MineSeries } from "../calc/mines";
import { cellLabel, filledExtent, isOmitted, toGrid, type Grid } from "./args";
import type { Param } from "./run";
import type { Table } from "./series";
import { isEmptyOrZero } from "../calc/reported";

/** A range that may be left out: omitted, or one cell that is empty or 0 (how an empty cell arrives). */
export const optionalCells = (name: string): Param<Grid | undefined> => ({
  name,
  coerce: (raw) => {
    if (isOmitted(raw)) return undefined;
    const g = toGrid(raw, name);
    return g.rows === 1 && g.cols === 1 && isEmptyOrZero(g.at(0, 0)) ? undefined : g;
  },
});

export const mineNeedsMines = (): CalcError =>
  new CalcError("value", "mine needs mines, the range beside dates naming each row's mine");

/** The mine a call names when it names one in a single cell (a per-row formula's [@Mine]); else undefined. */
export const oneMine = (mine: Grid | undefined): unknown =>
  mine !== undefined && mine.rows === 1 && mine.cols === 1 ? mine.at(0, 0) : undefined;

/** "2 mines: "Fazenda", "Santa Luz"" — for messages asking which mine. */
export function mineList(table: Table): string {
  const names = [...table.mines.values()].map((m) => `"${m.name}"`);
  const shown = names.length > 4 ? [...names.slice(0, 4), "…"] : names;
  return `${names.length} mine${names.length === 1 ? "" : "s"}: ${shown.join(", ")}`;
}

/** The table's entry for the mine a cell names, or why there is none (naming the cell). */
export function mineAt(table: Table, cell: unknown, label: string): MineSeries | CalcError {
  const known = table.byCell.get(cell);
  if (known !== undefined) return known;
  const key = mineKey(cell);
  if (key === null) return new CalcError("value", `${label}: no mine named`);
  return (
    table.mines.get(key) ??
    new CalcError("na", `${label}: "${mineName(cell)}" is not in mines (no row with a date names it)`)
  );
}

/** The answers a call gives: their shape, the period and the mine of each (row by row). */
export interface Answers {
  rows: number;
  cols: number;
  /** The period cell of answer i and its label in messages ("period", "row 3 of period"). */
  periodCell(i: number): unknown;
  periodLabel(i: number): string;
  /** Where answer i is, for its messages: the cell of the ranged argument; undefined for a single answer. */
  where(i: number): string | undefined;
  /** The mine shared by every answer; null when they differ, and mineOf says each. */
  one: MineSeries | CalcError | null;
  mineOf(i: number): MineSeries | CalcError;
}

/**
 * The answers for period (and the mine arguments), in period's shape — or mine's, when period is one
 * cell and mine a range. Every range is trimmed after its last filled row or column.
 */
export function answersFor(table: Table, period: Grid, mines: Grid | undefined, mine: Grid | undefined): Answers {
  const periodSingle = period.rows === 1 && period.cols === 1;
  if (mines === undefined) {
    if (mine !== undefined) throw mineNeedsMines();
    const { rows, cols } = filledExtent([period], period.rows, period.cols);
    return answers(period, rows, cols, periodSingle ? null : period, table.mines.get("") as MineSeries, null);
  }
  if (mine === undefined) {
    // Each answer for its own row's mine: period must lie beside mines.
    if (period.rows !== mines.rows || period.cols !== mines.cols) {
      throw new CalcError(
        "value",
        `mine: none given; name the mine (mines holds ${mineList(table)}), or give period as a range beside ` +
          `mines, one period per row (${mines.rows}×${mines.cols}, not ${period.rows}×${period.cols})`,
      );
    }
    const { rows, cols } = filledExtent([period], period.rows, period.cols);
    if (periodSingle) return answers(period, rows, cols, null, mineAt(table, mines.at(0, 0), mines.name), null);
    return answers(period, rows, cols, period, null, lookUp(table, mines));
  }
  if (mine.rows === 1 && mine.cols === 1) {
    const { rows, cols } = filledExtent([period], period.rows, period.cols);
    return answers(period, rows, cols, periodSingle ? null : period, mineAt(table, mine.at(0, 0), mine.name), null);
  }
  if (!periodSingle && (period.rows !== mine.rows || period.cols !== mine.cols)) {
    throw new CalcError(
      "value",
      `period (${period.rows}×${period.cols}) and mine (${mine.rows}×${mine.cols}) differ in shape; ` +
        "give one mine per period, or one of them as a single cell",
    );
  }
  const { rows, cols } = filledExtent(periodSingle ? [mine] : [period, mine], mine.rows, mine.cols);
  return answers(period, rows, cols, periodSingle ? mine : period, null, lookUp(table, mine));
}

/** The mine named at (r, c) of a range; each distinct cell is looked up once (errors name their cell, so are not shared). */
function lookUp(table: Table, g: Grid): (r: number, c: number) => MineSeries | CalcError {
  const seen = new Map<unknown, MineSeries>();
  return (r, c) => {
    const cell = g.at(r, c);
    const known = seen.get(cell);
    if (known !== undefined) return known;
    const found = mineAt(table, cell, cellLabel(g, r, c));
    if (!(found instanceof CalcError)) seen.set(cell, found);
    return found;
  };
}

function answers(
  period: Grid,
  rows: number,
  cols: number,
  ranged: Grid | null,
  one: MineSeries | CalcError | null,
  each: ((r: number, c: number) => MineSeries | CalcError) | null,
): Answers {
  const single = period.rows === 1 && period.cols === 1;
  return {
    rows,
    cols,
    periodCell: (i) => (single ? period.at(0, 0) : period.at(Math.floor(i / cols), i % cols)),
    periodLabel: (i) => (single ? period.name : cellLabel(period, Math.floor(i / cols), i % cols)),
    where: (i) => (ranged === null ? undefined : cellLabel(ranged, Math.floor(i / cols), i % cols)),
    one,
    mineOf: (i) => (one !== null ? one : (each as NonNullable<typeof each>)(Math.floor(i / cols), i % cols)),
  };
}
