/**
 * Several mines in one table: a mines column beside the dates names each row's mine, and each mine
 * is its own monthly series. The same month for two mines is two figures; the same month twice for
 * one mine is an error naming both rows. The empty-cell rule applies per mine: a mine's months after
 * its own latest non-zero figure are not reported, whatever the other mines report.
 */
import { CalcError, calcErrorOf } from "./errors";
import { describeValue } from "./numbers";
import { isEmptyOrZero } from "./reported";
import { assembleSeries, buildDatedSeries, checkSameSize, readDatedRows, type MonthlySeries } from "./series";
import { collapseSpaces } from "./vocabulary";

/**
 * One mine's series, under the name as the table first writes it; or why its rows make none (a value
 * that is not a number, the same month twice), which spoils that mine's answers only.
 */
export interface MineSeries {
  name: string;
  series: MonthlySeries | CalcError;
  /** The mine's rows that hold a date (0-based, in row order). */
  rows: Int32Array;
}

/**
 * The mine a cell names, as a key: spaces collapsed and case ignored ("Mine A", " mine  a" are one
 * mine, as Excel's = ignores case). Empty (0 included: Excel desktop's empty cell) names none: null.
 */
export function mineKey(cell: unknown): string | null {
  if (isEmptyOrZero(cell)) return null;
  const text = typeof cell === "string" ? collapseSpaces(cell) : describeValue(cell);
  return text === "" ? null : text.toLowerCase();
}

/** A mine's name for messages: its text with spaces collapsed. */
export const mineName = (cell: unknown): string =>
  typeof cell === "string" ? collapseSpaces(cell) : describeValue(cell);

const noMine = (i: number, label: string): CalcError =>
  new CalcError("value", `row ${i + 1} of ${label}: no mine named; every row with a date needs its mine`);

/** A table without mines as one series (named ""); what its rows make it throws. */
export function wholeSeries(dates: ArrayLike<unknown>, values: ArrayLike<unknown>, labels: MineLabels): MineSeries {
  const { series, datedRows } = buildDatedSeries(dates, values, labels);
  return { name: "", series, rows: datedRows };
}

export interface MineLabels {
  dates: string;
  values: string;
  mines: string;
}

/**
 * One series per mine, in the order the mines first appear. Only dated rows are read: the header
 * row and rows without a date need no mine. A date that cannot be read spoils its row's mine, as a
 * value that is not a number does (a mine's answers never depend on another mine's rows, as on a
 * per-mine FILTER); in a row that names no mine, or a dated row without a mine, it belongs to no
 * mine, so it is thrown and spoils the whole table.
 */
export function buildMineSeries(
  dates: ArrayLike<unknown>,
  values: ArrayLike<unknown>,
  mines: ArrayLike<unknown>,
  labels: MineLabels,
): Map<string, MineSeries> {
  checkSameSize(dates, values, labels.dates, labels.values);
  checkSameSize(dates, mines, labels.dates, labels.mines);
  const unreadable: { row: number; error: CalcError }[] = [];
  const dated = readDatedRows(dates, labels.dates, (row, error) => unreadable.push({ row, error }));
  const count = dated.count;
  // A mine per dated row, as a group number; each distinct text is keyed once.
  const groupOf = new Int32Array(count);
  const groups: { key: string; name: string; size: number; error: CalcError | null }[] = [];
  const byKey = new Map<string, number>();
  const byText = new Map<unknown, number>();
  // the row's group; a row that names no mine throws `why` (made only then)
  const groupAt = (i: number, why: () => CalcError): number => {
    const cell = mines[i];
    let g = byText.get(cell);
    if (g === undefined) {
      const key = mineKey(cell);
      if (key === null) throw why();
      g = byKey.get(key);
      if (g === undefined) {
        g = groups.length;
        groups.push({ key, name: mineName(cell), size: 0, error: null });
        byKey.set(key, g);
      }
      byText.set(cell, g);
    }
    return g;
  };
  let bad = 0;
  for (let j = 0; j < count; j++) {
    const i = dated.rows[j];
    // the unreadable dates above this row first: the first unreadable row of a mine is its error
    for (; bad < unreadable.length && unreadable[bad].row < i; bad++) {
      const u = unreadable[bad];
      const g = groupAt(u.row, () => u.error);
      groups[g].error ??= u.error;
    }
    const g = groupAt(i, () => noMine(i, labels.mines));
    groupOf[j] = g;
    groups[g].size++;
  }
  for (; bad < unreadable.length; bad++) {
    const u = unreadable[bad];
    const g = groupAt(u.row, () => u.error);
    groups[g].error ??= u.error;
  }
  // The dated rows of each mine, in row order (a counting sort by group).
  const start = new Int32Array(groups.length + 1);
  for (let g = 0; g < groups.length; g++) start[g + 1] = start[g] + groups[g].size;
  const next = start.slice(0, groups.length);
  const order = new Int32Array(count);
  for (let j = 0; j < count; j++) order[next[groupOf[j]]++] = j;
  const out = new Map<string, MineSeries>();
  for (let g = 0; g < groups.length; g++) {
    const pick = order.subarray(start[g], start[g + 1]);
    const { key, name, error } = groups[g];
    let series: MonthlySeries | CalcError;
    try {
      series = error ?? assembleSeries(dated, pick, pick.length, values, labels.dates, labels.values, name);
    } catch (e) {
      series = calcErrorOf(e);
    }
    const rows = new Int32Array(pick.length);
    for (let j = 0; j < pick.length; j++) rows[j] = dated.rows[pick[j]];
    out.set(key, { name, series, rows });
  }
  return out;
}
