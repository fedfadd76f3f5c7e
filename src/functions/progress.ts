/**
 * =PROD.GUIDANCE_PROGRESS(guidance, dates, values, as_of, [output], [weights], [fiscal_year_start], [mines], [mine]):
 * the year to date against a guidance range. Without output it spills a two-column table of labels and values.
 * Guidance is for one mine: with mines, mine names it.
 */
import { CalcError } from "../calc/errors";
import { parseNumber } from "../calc/numbers";
import { parsePeriod } from "../calc/periods";
import { isEmptyCell, isEmptyOrZero } from "../calc/reported";
import { guidanceProgress, PROGRESS_OUTPUTS, type Weights } from "../calc/progress";
import { filledLength, toVector, vectorCells, type Grid } from "./args";
import type { OutCell } from "./excel";
import { guidanceRangeSpec } from "./guidanceRange";
import { dateIn1900 } from "./dateSystem";
import { attempt, choice, defineFunction, integer, optionalRange, range } from "./run";
import { mineAt, mineList, mineNeedsMines, optionalCells } from "./mines";
import { readSeries, readTable } from "./series";
import type { MonthlySeries } from "../calc/series";

export const guidanceProgressSpec = defineFunction(
  [
    range("guidance"),
    range("dates"),
    range("values"),
    range("as_of"),
    choice("output", PROGRESS_OUTPUTS),
    optionalRange("weights"),
    integer("fiscal_year_start", 1, 12),
    optionalCells("mines"),
    optionalCells("mine"),
  ],
  (guidance, dates, values, asOf, output, weights, fiscalYearStart, mines, mine): OutCell[][] => {
    const result = guidanceProgress({
      guidance: readGuidance(guidance),
      series: seriesOf(dates, values, mines, mine),
      asOf: parsePeriod(dateIn1900(singleCell(asOf), "periods"), "as_of"),
      weights: readWeights(weights),
      fiscalYearStart,
    });
    if (output !== undefined) return [[result[output]]];
    return PROGRESS_OUTPUTS.map((name) => [name, result[name]]);
  },
);

/** The series progress is measured on: the table's, or with mines, the named mine's (guidance is per mine). */
function seriesOf(dates: Grid, values: Grid, mines: Grid | undefined, mine: Grid | undefined): MonthlySeries {
  if (mines === undefined) {
    if (mine !== undefined) throw mineNeedsMines();
    return readSeries(dates, values);
  }
  const { table } = readTable(dates, values, mines);
  if (mine === undefined) {
    throw new CalcError(
      "value",
      `mine: none given; guidance is for one mine, so name it (mines holds ${mineList(table)})`,
    );
  }
  const found = mineAt(table, singleCell(mine), mine.name);
  if (found instanceof CalcError) throw found;
  if (found.series instanceof CalcError) throw found.series;
  return found.series;
}

/** Guidance exactly as GUIDANCE_RANGE reads it (text, {low, high} cells or one number), but only one of them. */
function readGuidance(grid: Grid): { low: number; high: number } {
  const rows = guidanceRangeSpec.body(grid, undefined) as OutCell[][];
  if (rows.length !== 1) {
    throw new CalcError(
      "value",
      `guidance must be one guidance (text, one number or two cells low, high), not ${rows.length} of them`,
    );
  }
  const [low, high] = rows[0];
  if (low instanceof CalcError) throw low;
  if (high instanceof CalcError) throw high;
  return { low: low as number, high: high as number };
}

function singleCell(grid: Grid): unknown {
  if (grid.rows !== 1 || grid.cols !== 1) {
    throw new CalcError(
      "value",
      `${grid.name} must be a single cell, not a range of ${grid.rows} by ${grid.cols} cells`,
    );
  }
  return grid.at(0, 0);
}

/**
 * "prior_year" in one cell, or 12 numbers (numbers stored as text are read). An empty weight is 0,
 * as Excel desktop sends it; a single empty cell means no weights.
 */
function readWeights(grid: Grid | undefined): Weights {
  if (grid === undefined) return undefined;
  if (grid.rows === 1 && grid.cols === 1) {
    const cell = grid.at(0, 0);
    if (isEmptyOrZero(cell)) return undefined;
    if (typeof cell === "string") return cell;
    throw new CalcError("value", `weights must be "prior_year" or 12 cells, not the single value ${String(cell)}`);
  }
  const v = toVector(grid);
  // A longer range (a whole column) is trimmed; a 12-cell one is kept so that its length is checked.
  return vectorCells(v, v.length > 12 ? filledLength([v]) : v.length).map((cell, i) => {
    if (isEmptyCell(cell)) return 0;
    const n = attempt(v.label(i), () => parseNumber(cell));
    if (n instanceof CalcError) throw n;
    if (n === null)
      throw new CalcError("value", `${v.label(i)} is "${String(cell)}": give a weight for every month (0 for none)`);
    return n;
  });
}
