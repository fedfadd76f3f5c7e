/**
 * =PROD.YOY_GROWTH: two forms on one name.
 *   (current, prior)                                   current/prior - 1, element by element
 *   (dates, values, period, [basis], [fiscal_year_start]) calendar windows from a monthly series
 * The calendar form is used whenever period is given.
 */
import { CalcError } from "../calc/errors";
import { calendarGrowthColumns, growth, type Basis } from "../calc/growth";
import { parseNumber } from "../calc/numbers";
import { parsePeriod, type Period } from "../calc/periods";
import { cellLabel, filledExtent, type Grid } from "./args";
import type { OutCell } from "./excel";
import { attempt, choice, defineFunction, integer, located, optionalRange, range } from "./run";
import { readSeries, renamed } from "./series";

export const BASES: readonly Basis[] = ["month", "quarter", "year", "ytd", "ttm"];

export const yoyGrowthSpec = defineFunction(
  [
    range("current_or_dates"),
    range("prior_or_values"),
    optionalRange("period"),
    choice("basis", BASES),
    integer("fiscal_year_start", 1, 12),
  ],
  (first, second, period, basis, fiscalYearStart) => {
    if (period !== undefined) return calendar(renamed(first, "dates"), renamed(second, "values"), period, basis, fiscalYearStart);
    if (basis !== undefined || fiscalYearStart !== undefined) {
      throw new CalcError("value", "basis and fiscal_year_start need a period (the calendar form: dates, values, period)");
    }
    return twoArgument(renamed(first, "current"), renamed(second, "prior"));
  },
);

const isSingle = (g: Grid): boolean => g.rows === 1 && g.cols === 1;

/** current/prior - 1 over same-shape ranges; a single value broadcasts. */
function twoArgument(current: Grid, prior: Grid): OutCell[][] {
  if (!isSingle(current) && !isSingle(prior) && (current.rows !== prior.rows || current.cols !== prior.cols)) {
    throw new CalcError(
      "value",
      `current (${current.rows}×${current.cols}) and prior (${prior.rows}×${prior.cols}) differ in shape; ` +
        "give ranges of the same shape, or one single value",
    );
  }
  const shape = isSingle(current) ? prior : current;
  const aligned = [current, prior].filter((g) => !isSingle(g));
  const { rows, cols } = filledExtent(aligned.length > 0 ? aligned : [current], shape.rows, shape.cols);
  const header = rows > 1 && aligned.length === 2 && isHeaderRow(aligned, cols);
  const out: OutCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: OutCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      if (r === 0 && header) {
        row[c] = null;
        continue;
      }
      // Inline rather than attempt(() => …): a closure per cell costs more than the growth itself.
      try {
        row[c] = growthOfCells(current, prior, r, c);
      } catch (e) {
        if (!(e instanceof CalcError)) throw e;
        row[c] = e;
      }
    }
    out.push(row);
  }
  return out;
}

/** Whole columns are passed with their titles: a first row of text only, none of it a number, is a header. */
function isHeaderRow(grids: Grid[], cols: number): boolean {
  return grids.every((g) => {
    for (let c = 0; c < cols; c++) {
      const cell = g.at(0, c);
      if (typeof cell !== "string" || !(attempt(undefined, () => parseNumber(cell)) instanceof CalcError)) return false;
    }
    return true;
  });
}

function growthOfCells(current: Grid, prior: Grid, r: number, c: number): number {
  const cur = figure(current, r, c);
  const pri = figure(prior, r, c);
  if (pri === 0) throw new CalcError("div0", `${labelOf(prior, r, c)}: prior is 0, so growth is undefined`);
  return growth(cur, pri);
}

/** The cell's name in messages; built only when a message needs it (a string per cell is costly). */
const labelOf = (grid: Grid, r: number, c: number): string => (isSingle(grid) ? grid.name : cellLabel(grid, r, c));

/** A production figure from a cell: blank is #N/A "no value", text must read as a number, no negatives. */
function figure(grid: Grid, r: number, c: number): number {
  const cell = isSingle(grid) ? grid.at(0, 0) : grid.at(r, c);
  let value: number | null;
  try {
    value = parseNumber(cell);
  } catch (e) {
    throw e instanceof CalcError ? located(labelOf(grid, r, c), e) : e;
  }
  if (value === null) throw new CalcError("na", `${labelOf(grid, r, c)}: no value`);
  if (value < 0) throw new CalcError("value", `${labelOf(grid, r, c)}: ${value} is negative; growth needs figures of 0 or more`);
  return value;
}

/** Growth over calendar windows for each period of a cell or range, in one pass over the data. */
function calendar(
  dates: Grid,
  values: Grid,
  period: Grid,
  basis: Basis | undefined,
  fiscalYearStart: number | undefined,
): OutCell[][] {
  const series = readSeries(dates, values);
  const { rows, cols } = filledExtent([period], period.rows, period.cols);
  const periods: (Period | CalcError)[] = new Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = period.at(r, c);
      let p: Period | CalcError;
      try {
        p = parsePeriod(cell);
      } catch (e) {
        if (!(e instanceof CalcError)) throw e;
        // Read again with its label only now: the message names the cell, and labels cost a string each.
        p = attempt(undefined, () => parsePeriod(cell, cellLabel(period, r, c))) as Period | CalcError;
      }
      periods[r * cols + c] = p;
    }
  }
  const results = calendarGrowthColumns(series, periods, basis, fiscalYearStart);
  const out: OutCell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: OutCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const v = results.values[i];
      if (v === v) {
        row[c] = v;
        continue;
      }
      // NaN marks an error. Errors of the period cell already name it; window errors get its location added.
      const x = results.errors.get(i) as CalcError;
      row[c] = !(periods[i] instanceof CalcError) && !isSingle(period) ? located(cellLabel(period, r, c), x) : x;
    }
    out[r] = row;
  }
  return out;
}
