/** =PROD.RECORD_MONTH(dates, values, [period], [scope], [output]): was a month a record as it stood then? */
import { CalcError } from "../calc/errors";
import { growth } from "../calc/growth";
import { formatMonth, monthToSerial, type MonthIndex } from "../calc/months";
import { toMonth } from "../calc/periods";
import { recordAll, type RecordResult, type RecordScope } from "../calc/records";
import type { MonthlySeries } from "../calc/series";
import { cellLabel, filledExtent, type Grid } from "./args";
import type { OutCell } from "./excel";
import { attempt, choice, defineFunction, optionalRange, range } from "./run";
import { readSeriesInput, type SeriesInput } from "./series";

export const SCOPES: readonly RecordScope[] = ["month", "all", "ytd"];
export const OUTPUTS = ["flag", "previous", "previous_period", "margin"] as const;
export type RecordOutput = (typeof OUTPUTS)[number];

export const recordMonthSpec = defineFunction(
  [range("dates"), range("values"), optionalRange("period"), choice("scope", SCOPES), choice("output", OUTPUTS)],
  (dates, values, period, scope, output) => {
    const input = readSeriesInput(dates, values);
    const records = recordAll(input.series, scope ?? "month");
    const show = (m: MonthIndex, r: RecordResult, where?: string): OutCell =>
      attempt(where, () => outputOf(m, r, output ?? "flag"));
    return period === undefined ? alignedWithDates(input, records, show) : atPeriods(input.series, records, period, show);
  },
);

/** One answer per row of dates, "" where the row has no date (or is the header). */
type Show = (m: MonthIndex, r: RecordResult, where?: string) => OutCell;

function alignedWithDates(input: SeriesInput, records: RecordResult[], show: Show): OutCell[][] {
  const flat: OutCell[] = new Array<OutCell>(input.length).fill(null);
  const { series } = input;
  for (let k = 0; k < series.rows.length; k++) {
    const row = series.rows[k];
    // A dated row without a value (a month not reported yet) stays blank.
    if (row >= 0 && !Number.isNaN(series.values[k])) flat[row] = show(series.first + k, records[k]);
  }
  return input.dates.grid.cols === 1 || input.dates.grid.rows > 1 ? flat.map((x) => [x]) : [flat];
}

/** The answer for each period cell, in the period range's shape. */
function atPeriods(series: MonthlySeries, records: RecordResult[], period: Grid, show: Show): OutCell[][] {
  const { rows, cols } = filledExtent([period], period.rows, period.cols);
  const out: OutCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: OutCell[] = [];
    for (let c = 0; c < cols; c++) {
      const label = cellLabel(period, r, c);
      const m = attempt(undefined, () => toMonth(period.at(r, c), label));
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
        row.push(show(m, records[k], period.rows * period.cols > 1 ? label : undefined));
      }
    }
    out.push(row);
  }
  return out;
}

function outputOf(m: MonthIndex, r: RecordResult, output: RecordOutput): OutCell {
  if (output === "flag") return r.isRecord;
  if (r.previous === null || r.previousMonth === null) {
    throw new CalcError("na", `${formatMonth(m)}: no earlier value`);
  }
  if (output === "previous") return r.previous;
  if (output === "previous_period") return monthToSerial(r.previousMonth);
  return growth(r.value, r.previous);
}
