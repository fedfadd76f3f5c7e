/**
 * =PROD.RECORD_MONTH(dates, values, [period], [scope], [output], [mines], [mine]): was a month a record
 * as it stood then? With mines, each mine's months are compared with that mine's own earlier months.
 */
import { CalcError, calcErrorOf } from "../calc/errors";
import { growth } from "../calc/growth";
import type { MineSeries } from "../calc/mines";
import { formatMonth, monthToSerial, type MonthIndex } from "../calc/months";
import { toMonth } from "../calc/periods";
import { recordColumns, SCOPES, type RecordColumns } from "../calc/records";
import type { MonthlySeries } from "../calc/series";
import type { Grid } from "./args";
import { dateForWorkbook, dateIn1900 } from "./dateSystem";
import { ExcelRows, toExcelCell, toExcelError, type ExcelCell, type OutCell } from "./excel";
import { answersFor, mineAt, mineNeedsMines, oneMine, optionalCells } from "./mines";
import { attempt, choice, defineFunction, located, optionalRange, range } from "./run";
import { derived, readTable, type Table, type TableInput } from "./series";

const OUTPUTS = ["flag", "previous", "previous_period", "margin"] as const;
type RecordOutput = (typeof OUTPUTS)[number];

export const recordMonthSpec = defineFunction(
  [
    range("dates"),
    range("values"),
    optionalRange("period"),
    choice("scope", SCOPES),
    choice("output", OUTPUTS),
    optionalCells("mines"),
    optionalCells("mine"),
  ],
  (dates, values, period, scope, output, mines, mine) => {
    if (mine !== undefined && mines === undefined) throw mineNeedsMines();
    // a per-row formula ([@Month], [@Mine]) reads its mine's rows alone
    const input = readTable(dates, values, mines, period === undefined ? undefined : oneMine(mine));
    const chosen = output ?? "flag";
    // Typed columns, not an object per month: a spill aligned with a long dates column reads them row by row.
    const recordsOf = (m: MineSeries): RecordColumns =>
      derived(input.table, m, `records ${scope ?? "month"}`, () =>
        recordColumns(m.series as MonthlySeries, scope ?? "month"),
      );
    const show = (m: MineSeries, month: MonthIndex, k: number, where?: string): OutCell => {
      try {
        const series = m.series as MonthlySeries;
        return outputOf(month, recordsOf(m), k, series.values[k], chosen);
      } catch (e) {
        const err = calcErrorOf(e);
        return where === undefined ? err : located(where, err);
      }
    };
    return period === undefined
      ? alignedWithDates(input, chosenMines(input.table, mine), chosen === "flag" ? recordsOf : null, show)
      : atPeriods(input.table, period, mines, mine, show);
  },
);

/** The answer for month m (slot k of its mine's series); `where` names the answer's cell in messages. */
type Show = (m: MineSeries, month: MonthIndex, k: number, where?: string) => OutCell;

/** The mines a spill aligned with dates answers for: every one, or the one named. */
function chosenMines(table: Table, mine: Grid | undefined): MineSeries[] {
  if (mine === undefined) return [...table.mines.values()];
  if (mine.rows !== 1 || mine.cols !== 1) {
    throw new CalcError(
      "value",
      `mine must be one cell when period is omitted (one answer per row of dates), not ${mine.rows} by ${mine.cols} cells`,
    );
  }
  const found = mineAt(table, mine.at(0, 0), mine.name);
  if (found instanceof CalcError) throw found;
  return [found];
}

/**
 * One answer per row of dates, "" where the row has no date (or is the header, or is another mine's
 * when one mine is chosen), built in Excel's form directly: the spill is as long as the dates column.
 * Flags (the default output, never an error) are read straight from the record columns, and a column
 * of them is made of arrays shared by every row ([TRUE], [FALSE], [""]): Excel only reads a result,
 * and a fresh one-cell array per row costs more than the whole calculation. A mine whose rows make
 * no series shows its error on each of its rows.
 */
function alignedWithDates(
  input: TableInput,
  mines: readonly MineSeries[],
  flags: ((m: MineSeries) => RecordColumns) | null,
  show: Show,
): ExcelRows {
  const asRow = !(input.dates.grid.cols === 1 || input.dates.grid.rows > 1);
  if (flags !== null && !asRow) {
    // Not frozen: were a runtime to rewrite results in place, a frozen row would throw, while
    // rewriting TRUE, FALSE or "" leaves them as they are.
    const yes: ExcelCell[] = [true];
    const no: ExcelCell[] = [false];
    const blank: ExcelCell[] = [""];
    const out = new Array<ExcelCell[]>(input.length).fill(blank);
    for (const m of mines) {
      if (m.series instanceof CalcError) {
        const failed = [toExcelError(m.series)];
        for (const row of m.rows) out[row] = failed;
        continue;
      }
      const { rows, values } = m.series;
      const isRecord = flags(m).isRecord;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k];
        // A dated row without a value (a month not reported yet) stays blank.
        if (row >= 0 && values[k] === values[k]) out[row] = isRecord[k] === 1 ? yes : no;
      }
    }
    return new ExcelRows(out);
  }
  const flat: ExcelCell[] = new Array<ExcelCell>(input.length).fill("");
  for (const m of mines) {
    if (m.series instanceof CalcError) {
      const failed = toExcelError(m.series);
      for (const row of m.rows) flat[row] = failed;
      continue;
    }
    const series = m.series;
    const isRecord = flags === null ? null : flags(m).isRecord;
    for (let k = 0; k < series.rows.length; k++) {
      const row = series.rows[k];
      if (row < 0 || series.values[k] !== series.values[k]) continue;
      flat[row] = isRecord !== null ? isRecord[k] === 1 : toExcelCell(show(m, series.first + k, k));
    }
  }
  if (asRow) return new ExcelRows([flat]);
  const out: ExcelCell[][] = new Array(flat.length);
  for (let i = 0; i < flat.length; i++) out[i] = [flat[i]];
  return new ExcelRows(out);
}

/** The answer for each period cell (each for its mine), in the period range's shape. */
function atPeriods(
  table: Table,
  period: Grid,
  mines: Grid | undefined,
  mine: Grid | undefined,
  show: Show,
): OutCell[][] {
  const answers = answersFor(table, period, mines, mine);
  const { rows, cols } = answers;
  const out: OutCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: OutCell[] = [];
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const label = answers.periodLabel(i);
      const m = attempt(undefined, () => toMonth(dateIn1900(answers.periodCell(i), "dates"), label));
      if (m instanceof CalcError) {
        row.push(m);
        continue;
      }
      const where = answers.where(i) ?? label;
      const ofMine = answers.one ?? answers.mineOf(i);
      if (ofMine instanceof CalcError) {
        row.push(ofMine);
        continue;
      }
      if (ofMine.series instanceof CalcError) {
        row.push(ofMine.series);
        continue;
      }
      const series = ofMine.series;
      const forMine = table.byMine ? ` for mine "${ofMine.name}"` : "";
      const k = m - series.first;
      if (!(k >= 0 && k < series.rows.length && series.rows[k] >= 0)) {
        row.push(new CalcError("na", `${where}: ${formatMonth(m)} is not in dates${forMine}`));
      } else if (Number.isNaN(series.values[k])) {
        row.push(new CalcError("na", `${where}: ${formatMonth(m)} has no value${forMine}`));
      } else {
        row.push(show(ofMine, m, k, answers.where(i)));
      }
    }
    out.push(row);
  }
  return out;
}

function outputOf(m: MonthIndex, records: RecordColumns, k: number, value: number, output: RecordOutput): OutCell {
  if (output === "flag") return records.isRecord[k] === 1;
  const at = records.previousMonth[k];
  if (at < 0) throw new CalcError("na", `${formatMonth(m)}: no earlier value`);
  const previous = records.previous[k];
  if (output === "previous") return previous;
  if (output === "previous_period") return dateForWorkbook(monthToSerial(at));
  return growth(value, previous);
}
