/**
 * =PROD.YOY_GROWTH: two forms on one name.
 *   (current, prior)                                   current/prior - 1, element by element
 *   (dates, values, period, [basis], [fiscal_year_start], [mines], [mine])
 *                                                      calendar windows from a monthly series (per mine)
 * The calendar form is used whenever period is given.
 */
import { CalcError, calcErrorOf } from "../calc/errors";
import { BASES, calendarGrowthColumns, growth, type Basis, type GrowthColumns } from "../calc/growth";
import type { MineSeries } from "../calc/mines";
import { parseNumber } from "../calc/numbers";
import { parsePeriod, type Period } from "../calc/periods";
import { readPeriods, type PeriodList } from "../calc/periodList";
import { isEmptyOrZero, readFigure, reportsFigure } from "../calc/reported";
import { cellLabel, filledExtent, flatCells, type Grid } from "./args";
import { dateIn1900, datesIn1900 } from "./dateSystem";
import { ExcelRows, numberRow, toExcelCell, toExcelError, type ExcelCell } from "./excel";
import { attempt, choice, defineFunction, integer, located, optionalRange, range } from "./run";
import { answersFor, oneMine, mineNeedsMines, optionalCells, type Answers } from "./mines";
import { readTable, renamed } from "./series";
import type { MonthlySeries } from "../calc/series";

export const yoyGrowthSpec = defineFunction(
  [
    range("current_or_dates"),
    range("prior_or_values"),
    optionalRange("period"),
    choice("basis", BASES),
    integer("fiscal_year_start", 1, 12),
    optionalCells("mines"),
    optionalCells("mine"),
  ],
  (first, second, period, basis, fiscalYearStart, mines, mine) => {
    if (period !== undefined) {
      const dates = renamed(first, "dates");
      return calendar(dates, renamed(second, "values"), period, basis, fiscalYearStart, mines, mine);
    }
    if (basis !== undefined || fiscalYearStart !== undefined) {
      throw new CalcError(
        "value",
        "basis and fiscal_year_start need a period (the calendar form: dates, values, period)",
      );
    }
    if (mines !== undefined || mine !== undefined) {
      throw new CalcError("value", "mines and mine need a period (the calendar form: dates, values, period)");
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

/** Growth over calendar windows for each period of a cell or range (each for its mine), in one pass per mine. */
function calendar(
  dates: Grid,
  values: Grid,
  period: Grid,
  basis: Basis | undefined,
  fiscalYearStart: number | undefined,
  mines: Grid | undefined,
  mine: Grid | undefined,
): ExcelRows {
  if (mine !== undefined && mines === undefined) throw mineNeedsMines();
  const { table } = readTable(dates, values, mines, oneMine(mine));
  const answers = answersFor(table, period, mines, mine);
  const { rows, cols } = answers;
  const periods = readPeriods(datesIn1900(periodCells(period, answers), "periods"));
  const results = growthByMine(answers, periods, basis, fiscalYearStart);
  const out: ExcelCell[][] = new Array(rows);
  const v = results.growth.values;
  if (cols === 1) {
    // A column of periods, the usual spill: one row array per result, as Excel wants. Numbers and
    // errors get their rows from different places, so V8 keeps the number rows as unboxed doubles
    // (one shared allocation site would switch every row to boxed elements after the first error).
    for (let r = 0; r < rows; r++) {
      const x = v[r];
      out[r] = x === x ? numberRow(x) : [toExcelError(errorAt(answers, periods, results, r))];
    }
    return new ExcelRows(out);
  }
  for (let r = 0; r < rows; r++) {
    const row: ExcelCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      row[c] = v[i] === v[i] ? v[i] : toExcelError(errorAt(answers, periods, results, i));
    }
    out[r] = row;
  }
  return new ExcelRows(out);
}

/** The period cells of the answers, row by row (one period repeated when it is a single cell beside a range of mines). */
function periodCells(period: Grid, answers: Answers): unknown[] {
  const { rows, cols } = answers;
  if (period.rows !== 1 || period.cols !== 1 || rows * cols === 1) return flatCells(period, rows, cols);
  return new Array<unknown>(rows * cols).fill(period.at(0, 0));
}

/** Growth per answer, and the errors: those of a mine (shown as they are) kept apart from the others. */
interface ByMine {
  growth: GrowthColumns;
  mineErrors: Set<CalcError> | null;
}

function growthByMine(
  answers: Answers,
  periods: PeriodList,
  basis: Basis | undefined,
  fiscalYearStart: number | undefined,
): ByMine {
  const one = answers.one;
  if (one !== null && !(one instanceof CalcError) && !(one.series instanceof CalcError)) {
    return { growth: calendarGrowthColumns(one.series, periods, basis, fiscalYearStart), mineErrors: null };
  }
  const mineErrors = new Set<CalcError>();
  const n = periods.length;
  const values = new Float64Array(n).fill(Number.NaN);
  const errors = new Map<number, CalcError>();
  const fail = (i: number, e: CalcError) => {
    const own = periods.others.get(i);
    if (own instanceof CalcError) {
      errors.set(i, own); // an unreadable period says so first, as without mines
      return;
    }
    errors.set(i, e);
    mineErrors.add(e);
  };
  // The answers of each mine together, so a spill over the table is one pass per mine.
  const groups = new Map<MineSeries, number[]>();
  for (let i = 0; i < n; i++) {
    const m = one ?? answers.mineOf(i);
    if (m instanceof CalcError) fail(i, m);
    else if (m.series instanceof CalcError) fail(i, m.series);
    else {
      const list = groups.get(m);
      if (list === undefined) groups.set(m, [i]);
      else list.push(i);
    }
  }
  for (const [m, at] of groups) {
    const part = calendarGrowthColumns(m.series as MonthlySeries, subList(periods, at), basis, fiscalYearStart);
    for (let j = 0; j < at.length; j++) {
      values[at[j]] = part.values[j];
      const e = part.errors.get(j);
      if (e !== undefined) errors.set(at[j], e);
    }
  }
  return { growth: { values, errors }, mineErrors };
}

/** The periods at the given positions, as a list of their own. */
function subList(periods: PeriodList, at: readonly number[]): PeriodList {
  const months = new Float64Array(at.length);
  const others = new Map<number, Period | CalcError>();
  for (let j = 0; j < at.length; j++) {
    months[j] = periods.months[at[j]];
    const o = periods.others.get(at[j]);
    if (o !== undefined) others.set(j, o);
  }
  return { length: at.length, months, others };
}

/**
 * The error of answer i, naming its cell. A cell that is not a period is read again with its label
 * only now (labels cost a string each); a window error gets the location added; a mine's error already
 * says which mine and where.
 */
function errorAt(answers: Answers, periods: PeriodList, results: ByMine, i: number): CalcError {
  const e = results.growth.errors.get(i) as CalcError;
  if (periods.others.get(i) === e) {
    return attempt(undefined, () =>
      parsePeriod(dateIn1900(answers.periodCell(i), "periods"), answers.periodLabel(i)),
    ) as CalcError;
  }
  if (results.mineErrors?.has(e)) return e;
  const where = answers.where(i);
  return where === undefined ? e : located(where, e);
}
