/**
 * One-click analysis of a table the import wrote: what each action needs, and what it writes — the
 * growth column, the record flags (and the rule that reads them), the chart's helper range — as
 * formulas, or as the values those formulas give. Pure: writerAnalysis.ts alone talks to Excel.
 *
 * Everything is written beside the table, right of anything already on its sheet, with one empty
 * column between: a spill cannot live inside a table (#SPILL!), and beside it the rows line up with
 * the table's, so a rule on the table can read the flag on its own row. What an action wrote is found
 * again by a workbook name kept in a workbook setting under the table's id, never by position.
 */
import type { ColumnKind } from "./types";

export type AnalysisAction = "growth" | "record" | "chart";
export type GrowthBasis = "month" | "ytd" | "ttm";
export type RecordScope = "all" | "month";

export interface AnalysisChoice {
  /** The metric column's header. */
  metric: string;
  basis: GrowthBasis;
  scope: RecordScope;
  /** Write the results as values, for colleagues without the add-in (who would see #NAME?). */
  valuesOnly: boolean;
}

/** A table as the writer read it. */
export interface AnalysisTable {
  id: string;
  name: string;
  sheet: string;
  headers: string[];
  /** The kinds the import stored for the columns; undefined when none are known. */
  kinds: ColumnKind[] | undefined;
  /** The body's values, row by row. */
  body: unknown[][];
  /** The header row and first column, 0-based. */
  row: number;
  col: number;
}

/** What an action wrote, as kept in the workbook setting (found again by its name, not its place). */
export interface AddedItem {
  action: AnalysisAction;
  metric: string;
  /** The workbook name of the range written (header row included). */
  name: string;
  /** The conditional format's id (record). */
  rule?: string;
  /** The chart's name (chart). */
  chart?: string;
}

export interface StoredAnalysis {
  version: 1;
  items: Record<string, AddedItem>;
}

const KEY_PREFIX = "PROD.analysis.";
export const analysisKey = (tableId: string): string => `${KEY_PREFIX}${tableId}`;
export const itemKey = (action: AnalysisAction, metric: string): string => `${action}|${metric}`;

export function storedAnalysis(value: unknown): StoredAnalysis {
  const v = value as Partial<StoredAnalysis> | null | undefined;
  if (typeof v !== "object" || v === null || v.version !== 1 || typeof v.items !== "object" || v.items === null)
    return { version: 1, items: {} };
  return { version: 1, items: { ...v.items } };
}

/** The columns an analysis reads, by the kinds the import stored. */
export interface AnalysisColumns {
  month: number;
  mine: number | undefined;
  metrics: number[];
}

export function analysisColumns(kinds: ColumnKind[] | undefined): AnalysisColumns | undefined {
  if (!kinds) return undefined;
  const month = kinds.indexOf("month");
  if (month < 0) return undefined;
  const mine = kinds.indexOf("mine");
  const metrics = kinds.flatMap((k, i) => (k === "number" ? [i] : []));
  return { month, mine: mine < 0 ? undefined : mine, metrics };
}

/** The mines in the table's order of first appearance (one unnamed mine when the table has no mine column). */
export function minesOf(table: AnalysisTable, cols: AnalysisColumns): string[] {
  if (cols.mine === undefined) return [];
  const seen = new Set<string>();
  for (const row of table.body) {
    const m = String(row[cols.mine] ?? "").trim();
    if (m !== "") seen.add(m);
  }
  return [...seen];
}

/**
 * Why an action cannot run on this table, as the pane says it beside the disabled button; null when it can.
 */
export function missingFor(table: AnalysisTable | undefined, action: AnalysisAction, metric?: string): string | null {
  if (!table) return "Choose a table first.";
  const cols = analysisColumns(table.kinds);
  if (!table.kinds)
    return `PROD does not know the columns of ${table.name}: it knows them for tables its import wrote, and a column added or removed by hand makes them unknown. Import the data with PROD first.`;
  if (!cols) return `${table.name} has no month column.`;
  if (cols.metrics.length === 0) return `${table.name} has no column of figures to analyse.`;
  if (metric !== undefined && !cols.metrics.some((i) => table.headers[i] === metric))
    return `${table.name} has no column of figures named "${metric}".`;
  if (table.body.length === 0) return `${table.name} has no rows.`;
  const months = new Set(table.body.map((r) => r[cols.month]).filter((v) => typeof v === "number"));
  if (action === "growth" && months.size < 2)
    return `${table.name} has one month only: growth needs the same month a year earlier.`;
  if (action === "chart" && months.size === 0) return `${table.name} has no months to draw.`;
  return null;
}

/** A structured reference to a table's column: T[Gold] or T[[Gold (oz)]], with [ ] # ' escaped by '. */
function columnRef(table: string, header: string): string {
  const escaped = header.replace(/['#[\]]/g, "'$&");
  return /^[A-Za-z0-9_]+$/.test(header) ? `${table}[${escaped}]` : `${table}[[${escaped}]]`;
}

/** "A", "B", … "AA" for a 0-based column. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const cell = (row: number, col: number, absCol = false, absRow = false) =>
  `${absCol ? "$" : ""}${columnLetters(col)}${absRow ? "$" : ""}${row + 1}`;

const BASIS_WORDS: Record<GrowthBasis, string> = { month: "month", ytd: "year to date", ttm: "12 months" };

/** The header over the growth column: "Gold (oz) YoY (year to date)". */
export const growthHeader = (metric: string, basis: GrowthBasis): string => `${metric} YoY (${BASIS_WORDS[basis]})`;
export const recordHeader = (metric: string, scope: RecordScope): string =>
  `${metric} record${scope === "month" ? " (same month)" : ""}`;

/** The one spilled formula beside the table, one answer per row of the table, each row for its own mine. */
export function growthFormula(table: AnalysisTable, cols: AnalysisColumns, metric: string, basis: GrowthBasis): string {
  const month = columnRef(table.name, table.headers[cols.month]);
  const value = columnRef(table.name, metric);
  const mines = cols.mine === undefined ? "" : `,,${columnRef(table.name, table.headers[cols.mine])}`;
  return `=PROD.YOY_GROWTH(${month},${value},${month},"${basis}"${mines})`;
}

export function recordFormula(table: AnalysisTable, cols: AnalysisColumns, metric: string, scope: RecordScope): string {
  const month = columnRef(table.name, table.headers[cols.month]);
  const value = columnRef(table.name, metric);
  const mines = cols.mine === undefined ? "" : `,,${columnRef(table.name, table.headers[cols.mine])}`;
  return `=PROD.RECORD_MONTH(${month},${value},,"${scope}"${mines})`;
}

/**
 * The conditional-formatting rule on the table's body: a row is highlighted when the flag on its own
 * row of the helper column is TRUE. Custom functions cannot be used inside a rule on most Excel
 * builds, and a rule cannot use structured references, so it reads the helper cell by address
 * (column fixed, row relative to the body's first row).
 */
export const recordRule = (firstBodyRow: number, helperCol: number): string =>
  `=${cell(firstBodyRow, helperCol, true)}=TRUE`;

/** The fill of a record row: Fluent's light yellow (warning background). */
export const RECORD_FILL = "#FFF4CE";

/** The distinct months of the table, oldest first (serials as the workbook holds them). */
export function monthsOf(table: AnalysisTable, cols: AnalysisColumns): number[] {
  const set = new Set<number>();
  for (const row of table.body) if (typeof row[cols.month] === "number") set.add(row[cols.month] as number);
  return [...set].sort((a, b) => a - b);
}

/**
 * The chart's helper range: a Month column, then one column per mine (or one for the metric when the
 * table has no mine column); each cell the mine's figure for that month, #N/A (a gap in the line)
 * where the table has none. As formulas, plain Excel functions (SUMIFS, COUNTIFS), so the chart draws
 * without the add-in too; as values, a blank where the table has none.
 */
export function chartHelper(
  table: AnalysisTable,
  cols: AnalysisColumns,
  metric: string,
  valuesOnly: boolean,
  at: { row: number; col: number },
): { header: string[]; rows: (string | number)[][] } {
  const mines = minesOf(table, cols);
  const months = monthsOf(table, cols);
  const series = mines.length > 0 ? mines : [metric];
  const header = [table.headers[cols.month], ...series];
  const metricCol = table.headers.indexOf(metric);
  const monthRef = columnRef(table.name, table.headers[cols.month]);
  const valueRef = columnRef(table.name, metric);
  const mineRef = cols.mine === undefined ? "" : columnRef(table.name, table.headers[cols.mine]);
  const rows = months.map((m, i) => {
    const r = at.row + 1 + i;
    const monthCell = cell(r, at.col, true);
    const out: (string | number)[] = [m];
    series.forEach((name, j) => {
      if (valuesOnly) {
        let sum = 0;
        let found = false;
        for (const row of table.body) {
          if (row[cols.month] !== m || (cols.mine !== undefined && String(row[cols.mine]).trim() !== name)) continue;
          if (typeof row[metricCol] === "number") {
            sum += row[metricCol] as number;
            found = true;
          }
        }
        out.push(found ? sum : "");
      } else {
        const mineCell = cell(at.row, at.col + 1 + j, false, true);
        const crit = `${monthRef},${monthCell}${mineRef ? `,${mineRef},${mineCell}` : ""}`;
        out.push(`=IF(COUNTIFS(${crit})=0,NA(),SUMIFS(${valueRef},${crit}))`);
      }
    });
    return out;
  });
  return { header, rows };
}

/** A workbook name for what an action wrote: PROD_growth_1a2b3c4d (from the table's id and the metric). */
export function nameFor(tableId: string, action: AnalysisAction, metric: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${tableId}|${metric}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return `PROD_${action}_${h.toString(16).padStart(8, "0")}`;
}
