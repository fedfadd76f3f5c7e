/**
 * =PROD.GUIDANCE_PROGRESS(guidance, dates, values, as_of, [output], [weights], [fiscal_year_start], [unit], [mines], [mine]):
 * the year to date against a guidance range. Without output it spills a two-column table of labels and values.
 * Guidance is for one mine: with mines, mine names it.
 */
import { CalcError } from "../calc/errors";
import { parseNumber } from "../calc/numbers";
import { parsePeriod } from "../calc/periods";
import { isEmptyCell, isEmptyOrZero } from "../calc/reported";
import { guidanceProgress, PROGRESS_OUTPUTS, type Weights } from "../calc/progress";
import type { MonthlySeries } from "../calc/series";
import { formatNumber } from "../calc/units";
import { filledLength, toVector, vectorCells, type Grid } from "./args";
import type { OutCell } from "./excel";
import { atScale, baseFactor, endsIn, readOneGuidance, type Guidance } from "./guidanceRange";
import { dateIn1900 } from "./dateSystem";
import { attempt, choice, defineFunction, integer, optionalRange, range, unit } from "./run";
import { mineAt, mineList, mineNeedsMines, oneMine, optionalCells } from "./mines";
import { readSeries, readTable } from "./series";

export const guidanceProgressSpec = defineFunction(
  [
    range("guidance"),
    range("dates"),
    range("values"),
    range("as_of"),
    choice("output", PROGRESS_OUTPUTS),
    optionalRange("weights"),
    integer("fiscal_year_start", 1, 12),
    unit("unit"),
    optionalCells("mines"),
    optionalCells("mine"),
  ],
  (guidance, dates, values, asOf, output, weights, fiscalYearStart, target, mines, mine): OutCell[][] => {
    const g = readOneGuidance(guidance);
    const ends = endsIn(g, target);
    const series = seriesOf(dates, values, mines, mine);
    const [low, high] = target === undefined ? atValuesScale(g, ends, series) : ends;
    const result = guidanceProgress({
      guidance: { low, high },
      series,
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
  const { table } = readTable(dates, values, mines, oneMine(mine));
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

/** Without a unit, the guidance at the scale the values are kept at (koz against ounces), as GUIDANCE_RANGE reads a base. */
function atValuesScale(g: Guidance, ends: (number | null)[], series: MonthlySeries): (number | null)[] {
  const year = recentYear(series);
  if (year === null) return ends;
  const against = {
    name: "the values",
    value: year,
    shown: `add up to about ${formatNumber(year)} a year`,
    plural: true,
  };
  const factor = baseFactor(g, ends, against);
  return ends.map((e) => (e === null ? null : atScale(e, factor)));
}

/** The values' last 12 months with a figure, as a year (their mean × 12); null when none is above 0. */
function recentYear(series: MonthlySeries): number | null {
  let sum = 0;
  let n = 0;
  for (let i = series.values.length - 1; i >= 0 && n < 12; i--) {
    const v = series.values[i];
    if (v === v) {
      sum += v;
      n++;
    }
  }
  return n > 0 && sum > 0 ? (sum / n) * 12 : null;
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
