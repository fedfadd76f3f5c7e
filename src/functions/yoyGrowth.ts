/**
 * =PROD.YOY_GROWTH: two forms on one name.
 *   (current, prior)                                   current/prior - 1, element by element
 *   (dates, values, period, [basis], [fiscal_year_start]) calendar windows from a monthly series
 * The calendar form is used whenever period is given.
 */
import { CalcError, calcErrorOf } from "../calc/errors";
import { BASES, calendarGrowthColumns, growth, type Basis } from "../calc/growth";
import { parseNumber } from "../calc/numbers";
import { parsePeriod } from "../calc/periods";
import { readPeriods, type PeriodList } from "../calc/periodList";
import { isEmptyOrZero, readFigure, reportsFigure } from "../calc/reported";
import { cellLabel, filledExtent, flatCells, type Grid } from "./args";
import { dateIn1900, datesIn1900 } from "./dateSystem";
import { ExcelRows, numberRow, toExcelCell, toExcelError, type ExcelCell } from "./excel";
import { attempt, choice, defineFunction, integer, located, optionalRange, range } from "./run";
import { readSeries, renamed } from "./series";

export const yoyGrowthSpec = defineFunction(
  [
    range("current_or_dates"),
    range("prior_or_values"),
    optionalRange("period"),
    choice("basis", BASES),
    integer("fiscal_year_start", 1, 12),
  ],
  (first, second, period, basis, fiscalYearStart) => {
    if (period !== undefined)
      return calendar(renamed(first, "dates"), renamed(second, "values"), period, basis, fiscalYearStart);
    if (basis !== undefined || fiscalYearStart !== undefined) {
      throw new CalcError(
        "value",
        "basis and fiscal_year_start need a period (the calendar form: dates, values, period)",
      );
    }
    return twoArgument(renamed(first, "current"), renamed(second, "prior"));
  },
);

const isSingle = (g: Grid): boolean => g.rows === 1 && g.cols === 1;

/**
 * current/prior - 1 over same-shape ranges; a single value broadcasts. The empty-cell rule: the
 * cells of current after its last non-zero figure are not reported (down a column, across a row,
 * across each row of a block); an earlier empty cell, of either range, is 0.
 */
function twoArgument(current: Grid, prior: Grid): ExcelRows {
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
  const reported = reportedCells(current, rows, cols, header ? 1 : 0);
  const out: ExcelCell[][] = new Array(rows);
  // Read straight from the arrays Excel sent; a single cell (1×1) broadcasts.
  const cs = current.cells;
  const ps = prior.cells;
  const cStep = current.rows === 1 ? 0 : 1;
  const pStep = prior.rows === 1 ? 0 : 1;
  for (let r = 0; r < rows; r++) {
    if (r === 0 && header) {
      out[r] = new Array<ExcelCell>(cols).fill("");
      continue;
    }
    if (cols === 1 && r < reported.column) {
      // The usual call, two columns of figures: plain numbers go straight through (same checks
      // as growth()); anything else, and every error, takes the per-cell path that names the cell.
      const a = firstCell(cs, r * cStep);
      const b = firstCell(ps, r * pStep);
      if (typeof a === "number" && typeof b === "number" && a >= 0 && b > 0 && a < Infinity && b < Infinity) {
        const g = a / b - 1;
        if (g < Infinity) {
          out[r] = numberRow(g);
          continue;
        }
      }
    }
    const row: ExcelCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      // Inline rather than attempt(() => …): a closure per cell costs more than the growth itself.
      try {
        row[c] = toExcelCell(growthOfCells(current, prior, r, c, reported));
      } catch (e) {
        row[c] = toExcelError(calcErrorOf(e));
      }
    }
    out[r] = row;
  }
  return new ExcelRows(out);
}

/**
 * Where current's reported cells end: `column` for a one-column range (rows from it on are not
 * reported), `byRow` for a row or a block (columns from byRow[r] on). A single cell is reported
 * when it holds a figure other than 0.
 */
interface Reported {
  column: number;
  byRow: Int32Array | null;
}

function reportedCells(current: Grid, rows: number, cols: number, firstRow: number): Reported {
  if (isSingle(current)) {
    const yes = reportsFigure(current.at(0, 0));
    return { column: yes ? rows : 0, byRow: yes ? null : new Int32Array(rows) };
  }
  if (current.cols === 1) {
    let r = rows - 1;
    while (r >= firstRow && !reportsFigure(current.at(r, 0))) r--;
    return { column: r + 1, byRow: null };
  }
  const byRow = new Int32Array(current.rows === 1 ? 1 : rows);
  for (let r = 0; r < byRow.length; r++) {
    let c = cols - 1;
    while (c >= 0 && !reportsFigure(current.at(r, c))) c--;
    byRow[r] = c + 1;
  }
  return { column: rows, byRow };
}

function isReported(rep: Reported, r: number, c: number): boolean {
  if (rep.byRow === null) return r < rep.column;
  return c < rep.byRow[rep.byRow.length === 1 ? 0 : r];
}

/** Column 0 of row r of the array Excel sent. */
function firstCell(cells: Grid["cells"], r: number): unknown {
  const line = cells[r];
  return Array.isArray(line) ? line[0] : null;
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

function growthOfCells(current: Grid, prior: Grid, r: number, c: number, reported: Reported): number {
  if (!isReported(reported, r, c)) {
    throw new CalcError(
      "na",
      isSingle(current)
        ? "current: no value (the cell is empty or 0)"
        : `${labelOf(current, r, c)}: not reported (an empty or 0 cell after the last figure of current)`,
    );
  }
  const cur = figure(current, r, c);
  const pri = figure(prior, r, c);
  if (pri === 0) throw new CalcError("div0", `${labelOf(prior, r, c)}: prior is 0, so growth is undefined`);
  return growth(cur, pri);
}

/** The cell's name in messages; built only when a message needs it (a string per cell is costly). */
const labelOf = (grid: Grid, r: number, c: number): string => (isSingle(grid) ? grid.name : cellLabel(grid, r, c));

/**
 * A production figure from a cell: text must read as a number, no negatives. In a range an empty
 * cell is 0; a single empty cell (0 included) is #N/A "no value", and so is a placeholder ("n/a", "-").
 */
function figure(grid: Grid, r: number, c: number): number {
  const single = isSingle(grid);
  const cell = single ? grid.at(0, 0) : grid.at(r, c);
  if (single && isEmptyOrZero(cell)) throw new CalcError("na", `${grid.name}: no value (the cell is empty or 0)`);
  let value: number;
  try {
    value = readFigure(cell);
  } catch (e) {
    throw located(labelOf(grid, r, c), calcErrorOf(e));
  }
  if (value !== value) throw new CalcError("na", `${labelOf(grid, r, c)}: no value`);
  if (value < 0)
    throw new CalcError("value", `${labelOf(grid, r, c)}: ${value} is negative; growth needs figures of 0 or more`);
  return value;
}

/** Growth over calendar windows for each period of a cell or range, in one pass over the data. */
function calendar(
  dates: Grid,
  values: Grid,
  period: Grid,
  basis: Basis | undefined,
  fiscalYearStart: number | undefined,
): ExcelRows {
  const series = readSeries(dates, values);
  const { rows, cols } = filledExtent([period], period.rows, period.cols);
  const periods = readPeriods(datesIn1900(flatCells(period, rows, cols), "periods"));
  const results = calendarGrowthColumns(series, periods, basis, fiscalYearStart);
  const out: ExcelCell[][] = new Array(rows);
  const v = results.values;
  if (cols === 1) {
    // A column of periods, the usual spill: one row array per result, as Excel wants. Numbers and
    // errors get their rows from different places, so V8 keeps the number rows as unboxed doubles
    // (one shared allocation site would switch every row to boxed elements after the first error).
    for (let r = 0; r < rows; r++) {
      const x = v[r];
      out[r] = x === x ? numberRow(x) : [toExcelError(errorAt(period, periods, results.errors, r, r, 0))];
    }
    return new ExcelRows(out);
  }
  for (let r = 0; r < rows; r++) {
    const row: ExcelCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      row[c] = v[i] === v[i] ? v[i] : toExcelError(errorAt(period, periods, results.errors, i, r, c));
    }
    out[r] = row;
  }
  return new ExcelRows(out);
}

/**
 * The error for the period cell at (r, c), naming the cell. A cell that is not a period is read
 * again with its label only now (labels cost a string each); a window error gets the location added.
 */
function errorAt(
  period: Grid,
  periods: PeriodList,
  errors: Map<number, CalcError>,
  i: number,
  r: number,
  c: number,
): CalcError {
  const e = errors.get(i) as CalcError;
  if (periods.others.get(i) === e) {
    const cell = dateIn1900(period.at(r, c), "periods");
    return attempt(undefined, () => parsePeriod(cell, cellLabel(period, r, c))) as CalcError;
  }
  return isSingle(period) ? e : located(cellLabel(period, r, c), e);
}
