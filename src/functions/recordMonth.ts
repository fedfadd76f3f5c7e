/** =PROD.RECORD_MONTH(dates, values, [period], [scope], [output]): was a month a record as it stood then? */
import { CalcError, calcErrorOf } from "../calc/errors";
import { growth } from "../calc/growth";
import { formatMonth, monthToSerial, type MonthIndex } from "../calc/months";
import { toMonth } from "../calc/periods";
import { recordColumns, SCOPES, type RecordColumns } from "../calc/records";
import type { MonthlySeries } from "../calc/series";
import { cellLabel, filledExtent, type Grid } from "./args";
import { dateForWorkbook, dateIn1900 } from "./dateSystem";
import { ExcelRows, toExcelCell, type ExcelCell, type OutCell } from "./excel";
import { attempt, choice, defineFunction, located, optionalRange, range } from "./run";
import { readSeriesInput, type SeriesInput } from "./series";

const OUTPUTS = ["flag", "previous", "previous_period", "margin"] as const;
type RecordOutput = (typeof OUTPUTS)[number];

export const recordMonthSpec = defineFunction(
  [range("dates"), range("values"), optionalRange("period"), choice("scope", SCOPES), choice("output", OUTPUTS)],
  (dates, values, period, scope, output) => {
    const input = readSeriesInput(dates, values);
    // Typed columns, not an object per month: a spill aligned with a long dates column reads them row by row.
    const records = recordColumns(input.series, scope ?? "month");
    const chosen = output ?? "flag";
    const show = (m: MonthIndex, k: number, where?: string): OutCell => {
      try {
        return outputOf(m, records, k, input.series.values[k], chosen);
      } catch (e) {
        const err = calcErrorOf(e);
        return where === undefined ? err : located(where, err);
      }
    };
    return period === undefined
      ? alignedWithDates(input, chosen === "flag" ? records : null, show)
      : atPeriods(input.series, period, show);
  },
);

/** The answer for month m (slot k of the series); `where` names the period cell in messages. */
type Show = (m: MonthIndex, k: number, where?: string) => OutCell;

/**
 * One answer per row of dates, "" where the row has no date (or is the header), built in Excel's
 * form directly: the spill is as long as the dates column. Flags (the default output, never an
 * error) are read straight from the record column, and a column of them is made of three arrays
 * shared by every row ([TRUE], [FALSE], [""]): Excel only reads a result, and a fresh one-cell
 * array per row costs more than the whole calculation.
 */
function alignedWithDates(input: SeriesInput, flags: RecordColumns | null, show: Show): ExcelRows {
  const { series } = input;
  const values = series.values;
  const asRow = !(input.dates.grid.cols === 1 || input.dates.grid.rows > 1);
  if (flags !== null && !asRow) {
    // Not frozen: were a runtime to rewrite results in place, a frozen row would throw, while
    // rewriting TRUE, FALSE or "" leaves them as they are.
    const yes: ExcelCell[] = [true];
    const no: ExcelCell[] = [false];
    const blank: ExcelCell[] = [""];
    const out = new Array<ExcelCell[]>(input.length).fill(blank);
    for (let k = 0; k < series.rows.length; k++) {
      const row = series.rows[k];
      // A dated row without a value (a month not reported yet) stays blank.
      if (row >= 0 && values[k] === values[k]) out[row] = flags.isRecord[k] === 1 ? yes : no;
    }
    return new ExcelRows(out);
  }
  const flat: ExcelCell[] = new Array<ExcelCell>(input.length).fill("");
  for (let k = 0; k < series.rows.length; k++) {
    const row = series.rows[k];
    if (row < 0 || values[k] !== values[k]) continue;
    flat[row] = flags !== null ? flags.isRecord[k] === 1 : toExcelCell(show(series.first + k, k));
  }
  if (asRow) return new ExcelRows([flat]);
  const out: ExcelCell[][] = new Array(flat.length);
  for (let i = 0; i < flat.length; i++) out[i] = [flat[i]];
  return new ExcelRows(out);
}

/** The answer for each period cell, in the period range's shape. */
function atPeriods(series: MonthlySeries, period: Grid, show: Show): OutCell[][] {
  const { rows, cols } = filledExtent([period], period.rows, period.cols);
  const out: OutCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: OutCell[] = [];
    for (let c = 0; c < cols; c++) {
      const label = cellLabel(period, r, c);
      const m = attempt(undefined, () => toMonth(dateIn1900(period.at(r, c), "dates"), label));
      if (m instanceof CalcError) {
        row.push(m);
        continue;
      }
      const k = m - series.first;
      if (!(k >= 0 && k < series.rows.length && series.rows[k] >= 0)) {
        row.push(new CalcError("na", `${label}: ${formatMonth(m)} is not in dates`));
      } else if (Number.isNaN(series.values[k])) {
        row.push(new CalcError("na", `${label}: ${formatMonth(m)} has no value`));
      } else {
        row.push(show(m, k, period.rows * period.cols > 1 ? label : undefined));
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
