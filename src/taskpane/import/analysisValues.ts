/**
 * The values the analysis formulas give, for "values only": the same function specs the workbook's
 * =PROD. formulas run (one implementation), called per mine on that mine's rows — which is what the
 * mines argument does — and put back in the table's row order. An error (no month a year earlier, a
 * month not reported yet) is written as a blank: a colleague without the add-in sees an empty cell
 * rather than a code.
 */
import { runFunction } from "../../functions/run";
import { recordMonthSpec } from "../../functions/recordMonth";
import { yoyGrowthSpec } from "../../functions/yoyGrowth";
import type { AnalysisColumns, AnalysisTable, GrowthBasis, RecordScope } from "./analysisPlan";

type Out = number | boolean | "";

/** Rows of the body by mine (one group for a table without a mine column), each in table order. */
function groups(table: AnalysisTable, cols: AnalysisColumns): number[][] {
  const by = new Map<string, number[]>();
  table.body.forEach((row, i) => {
    const key = cols.mine === undefined ? "" : String(row[cols.mine] ?? "").trim();
    let list = by.get(key);
    if (!list) by.set(key, (list = []));
    list.push(i);
  });
  return [...by.values()];
}

const plain = (v: unknown): Out => ((typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean" ? v : "");

function perMine(
  table: AnalysisTable,
  cols: AnalysisColumns,
  metric: string,
  run: (dates: unknown[][], values: unknown[][]) => unknown[][],
): Out[] {
  const metricCol = table.headers.indexOf(metric);
  const out: Out[] = table.body.map(() => "");
  for (const rows of groups(table, cols)) {
    const dates = rows.map((i) => [table.body[i][cols.month]]);
    const values = rows.map((i) => [table.body[i][metricCol]]);
    const result = run(dates, values);
    rows.forEach((i, k) => (out[i] = plain(result[k]?.[0])));
  }
  return out;
}

export function growthValues(table: AnalysisTable, cols: AnalysisColumns, metric: string, basis: GrowthBasis): Out[] {
  return perMine(table, cols, metric, (dates, values) =>
    runFunction(yoyGrowthSpec, [dates, values, dates, basis, null]),
  );
}

export function recordValues(table: AnalysisTable, cols: AnalysisColumns, metric: string, scope: RecordScope): Out[] {
  return perMine(table, cols, metric, (dates, values) =>
    runFunction(recordMonthSpec, [dates, values, null, scope, null]),
  );
}
