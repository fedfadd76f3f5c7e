/**
 * The values the analysis formulas give, for "values only": the same function specs the workbook's
 * =PROD. formulas run (one implementation), handed the table's columns as the formulas hand them
 * (dates, values, and the mines column, so each row is answered for its own mine). An error (no month
 * a year earlier, a month not reported yet) is written as a blank: a colleague without the add-in
 * sees an empty cell rather than a code.
 */
import { runFunction } from "../../functions/run";
import { recordMonthSpec } from "../../functions/recordMonth";
import { yoyGrowthSpec } from "../../functions/yoyGrowth";
import type { AnalysisColumns, AnalysisTable, GrowthBasis, RecordScope } from "./analysisPlan";

type Out = number | boolean | "";

const plain = (v: unknown): Out => ((typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean" ? v : "");

/** The table's month, metric and mine columns as the formulas' ranges (mines null without a mine column). */
function columns(table: AnalysisTable, cols: AnalysisColumns, metric: string) {
  const metricCol = table.headers.indexOf(metric);
  const column = (c: number) => table.body.map((row) => [row[c]]);
  return {
    dates: column(cols.month),
    values: column(metricCol),
    mines: cols.mine === undefined ? null : column(cols.mine),
  };
}

const flat = (table: AnalysisTable, result: unknown[][]): Out[] => table.body.map((_, i) => plain(result[i]?.[0]));

export function growthValues(table: AnalysisTable, cols: AnalysisColumns, metric: string, basis: GrowthBasis): Out[] {
  const { dates, values, mines } = columns(table, cols, metric);
  return flat(table, runFunction(yoyGrowthSpec, [dates, values, dates, basis, null, mines, null]));
}

export function recordValues(table: AnalysisTable, cols: AnalysisColumns, metric: string, scope: RecordScope): Out[] {
  const { dates, values, mines } = columns(table, cols, metric);
  return flat(table, runFunction(recordMonthSpec, [dates, values, null, scope, null, mines, null]));
}
