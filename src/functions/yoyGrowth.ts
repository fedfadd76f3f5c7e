/**
 * =PROD.YOY_GROWTH: two forms on one name.
 *   (current, prior)                                   current/prior - 1, element by element
 *   (dates, values, period, [basis], [fiscal_year_start]) calendar windows from a monthly series
 * The calendar form is used whenever period is given.
 */
import { CalcError } from "../calc/errors";
import { calendarGrowth, growth, type Basis } from "../calc/growth";
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
    const row: OutCell[] = [];
    for (let c = 0; c < cols; c++) {
      row.push(r === 0 && header ? null : attempt(undefined, () => growthOfCells(current, prior, r, c)));
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
  if (pri.value === 0) throw new CalcError("div0", `${pri.label}: prior is 0, so growth is undefined`);
  return growth(cur.value, pri.value);
}

/** A production figure from a cell: blank is #N/A "no value", text must read as a number, no negatives. */
function figure(grid: Grid, r: number, c: number): { value: number; label: string } {
  const single = isSingle(grid);
  const label = single ? grid.name : cellLabel(grid, r, c);
  const cell = single ? grid.at(0, 0) : grid.at(r, c);
  const value = attempt(label, () => parseNumber(cell));
  if (value instanceof CalcError) throw value;
  if (value === null) throw new CalcError("na", `${label}: no value`);
  if (value < 0) throw new CalcError("value", `${label}: ${value} is negative; growth needs figures of 0 or more`);
  return { value, label };
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
  const periods: (Period | CalcError)[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const label = cellLabel(period, r, c);
      periods.push(attempt(undefined, () => parsePeriod(period.at(r, c), label)));
    }
  }
  const results = calendarGrowth(series, periods, basis, fiscalYearStart);
  const out: OutCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: OutCell[] = [];
    for (let c = 0; c < cols; c++) {
      const x = results[r * cols + c];
      const p = periods[r * cols + c];
      // Errors of the period cell already name it; window errors get its location added.
      row.push(x instanceof CalcError && !(p instanceof CalcError) && !isSingle(period) ? located(cellLabel(period, r, c), x) : x);
    }
    out.push(row);
  }
  return out;
}
