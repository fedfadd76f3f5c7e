/**
 * Writes one analysis action (growth column, record flags with their highlighting rule, chart) beside
 * a table, and removes it again. Like the import's writer it goes through ExcelSession (every
 * Excel.run waits while a cell is edited) and says Excel's errors by their code.
 *
 * Running an action again replaces what it wrote the first time in the same place: what it wrote is
 * found by the workbook name kept in the setting PROD.analysis.<table id>; its range is cleared, its
 * rule and chart deleted, then written afresh. A table or a name that is gone starts afresh.
 */
import {
  analysisColumns,
  analysisKey,
  chartHelper,
  columnLetters,
  growthFormula,
  growthHeader,
  itemKey,
  missingFor,
  nameFor,
  RECORD_FILL,
  recordFormula,
  recordHeader,
  recordRule,
  storedAnalysis,
  type AddedItem,
  type AnalysisAction,
  type AnalysisChoice,
  type AnalysisColumns,
  type AnalysisTable,
  minesOf,
  monthsOf,
} from "./analysisPlan";
import { growthValues, recordValues } from "./analysisValues";
import type { Added } from "./journal";
import { captureBefore, recordChange } from "./writerJournal";
import { describeFailure } from "./internalError";
import { storedKinds, kindsKey } from "./tableKinds";
import { ExcelSession, type OnCellEdit } from "./writerSession";

export interface AnalysisOutcome {
  status: "done" | "refused" | "failed";
  message: string;
  /** What the action wrote, for Undo. */
  added?: AddedItem;
  failure?: ReturnType<typeof describeFailure>;
}

/** Rows read per request (as the import reads a table to append to). */
const READ_ROWS = 5_000;

const ACTION_WORDS: Record<AnalysisAction, string> = {
  growth: "growth column",
  record: "record flags and their highlighting",
  chart: "chart",
};

/** Reads a table as the analysis needs it: names, kinds, body values, place. */
export async function readAnalysisTable(name: string, onCellEdit?: OnCellEdit): Promise<AnalysisTable | string> {
  const excel = new ExcelSession(onCellEdit);
  return excel.run(async (context, sync) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    table.load("isNullObject");
    await sync();
    if (table.isNullObject) return `The workbook has no table named "${name}".`;
    table.load("id,name,showTotals");
    const sheet = table.worksheet.load("name");
    const range = table.getRange().load("rowIndex,columnIndex,columnCount,rowCount");
    const header = table.getHeaderRowRange().load("values");
    await sync();
    const kindsSetting = context.workbook.settings.getItemOrNullObject(kindsKey(table.id)).load("value");
    await sync();
    // The body in slices, so that no response nears Excel on the web's 5 MB.
    const body: unknown[][] = [];
    const sheetRef = context.workbook.worksheets.getItem(sheet.name);
    const end = range.rowCount - (table.showTotals ? 1 : 0);
    for (let top = 1; top < end; top += READ_ROWS) {
      const rows = Math.min(READ_ROWS, end - top);
      const part = sheetRef.getRangeByIndexes(range.rowIndex + top, range.columnIndex, rows, range.columnCount);
      part.load("values");
      await sync();
      body.push(...part.values);
    }
    const headers = header.values[0].map((h) => String(h));
    return {
      id: table.id,
      name: table.name,
      sheet: sheet.name,
      headers,
      kinds: kindsSetting.isNullObject ? undefined : storedKinds(kindsSetting.value, range.columnCount),
      body,
      row: range.rowIndex,
      col: range.columnIndex,
    };
  });
}

/** Runs one action on a table; a second run replaces the first in place. */
export async function runAnalysis(
  tableName: string,
  action: AnalysisAction,
  choice: AnalysisChoice,
  onCellEdit?: OnCellEdit,
): Promise<AnalysisOutcome> {
  const excel = new ExcelSession(onCellEdit);
  try {
    await excel.askAboutCellEdit();
    const table = await readAnalysisTable(tableName, onCellEdit);
    if (typeof table === "string") return { status: "refused", message: table };
    const why = missingFor(table, action, choice.metric);
    if (why) return { status: "refused", message: why };
    const cols = analysisColumns(table.kinds)!;
    const key = itemKey(action, choice.metric);
    // First where it goes: where it went before, found by its name, else right of everything on the sheet.
    const place = await excel.run(async (context, sync) => {
      const setting = context.workbook.settings.getItemOrNullObject(analysisKey(table.id)).load("value");
      const used = context.workbook.worksheets
        .getItem(table.sheet)
        .getUsedRangeOrNullObject()
        .load("columnIndex,columnCount");
      await sync();
      const stored = storedAnalysis(setting.isNullObject ? null : setting.value);
      const before = stored.items[key];
      if (before) {
        const named = context.workbook.names.getItemOrNullObject(before.name);
        named.load("isNullObject");
        await sync();
        if (!named.isNullObject) {
          const old = named.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
          await sync();
          return {
            stored,
            before,
            at: { row: old.rowIndex, col: old.columnIndex },
            old: { rows: old.rowCount, cols: old.columnCount },
          };
        }
      }
      const right = used.isNullObject ? table.col : used.columnIndex + used.columnCount;
      return { stored, before, at: { row: table.row, col: right + 1 }, old: { rows: 0, cols: 0 } };
    });
    const { stored, before, at } = place;
    const size = sizeOf(table, cols, action);
    // What the cells held, for Undo (the journal): the new block and whatever the last run left there.
    const area = {
      sheet: table.sheet,
      ...at,
      rows: Math.max(size.rows, place.old.rows),
      cols: Math.max(size.cols, place.old.cols),
    };
    const captured = await captureBefore(excel, [area]);
    const outcome = await excel.run(async (context, sync): Promise<AnalysisOutcome> => {
      const sheet = context.workbook.worksheets.getItem(table.sheet);
      if (before) await removeItem(context, sync, table, before);
      const name = before?.name ?? nameFor(table.id, action, choice.metric);
      const added: AddedItem = { action, metric: choice.metric, name };
      const rows = table.body.length;
      const firstBody = table.row + 1;
      let written: { rows: number; cols: number };
      if (action === "growth" || action === "record") {
        const head = sheet.getRangeByIndexes(at.row, at.col, 1, 1);
        head.values = [
          [action === "growth" ? growthHeader(choice.metric, choice.basis) : recordHeader(choice.metric, choice.scope)],
        ];
        const column = sheet.getRangeByIndexes(firstBody, at.col, rows, 1);
        if (choice.valuesOnly) {
          const values =
            action === "growth"
              ? growthValues(table, cols, choice.metric, choice.basis)
              : recordValues(table, cols, choice.metric, choice.scope);
          column.values = values.map((v) => [v]);
        } else {
          const formula =
            action === "growth"
              ? growthFormula(table, cols, choice.metric, choice.basis)
              : recordFormula(table, cols, choice.metric, choice.scope);
          sheet.getRangeByIndexes(firstBody, at.col, 1, 1).formulas = [[formula]];
        }
        if (action === "growth") column.numberFormat = values2d(rows, 1, "0.0%");
        written = { rows: rows + 1, cols: 1 };
        if (action === "record") {
          const body = sheet.getRangeByIndexes(firstBody, table.col, rows, table.headers.length);
          const rule = body.conditionalFormats.add(Excel.ConditionalFormatType.custom);
          rule.custom.rule.formula = recordRule(firstBody, at.col);
          rule.custom.format.fill.color = RECORD_FILL;
          rule.load("id");
          await sync();
          added.rule = rule.id;
        }
      } else {
        const helper = chartHelper(table, cols, choice.metric, choice.valuesOnly, at);
        const width = helper.header.length;
        const n = helper.rows.length;
        sheet.getRangeByIndexes(at.row, at.col, 1, width).values = [helper.header];
        const monthCells = sheet.getRangeByIndexes(at.row + 1, at.col, n, 1);
        monthCells.values = helper.rows.map((r) => [r[0]]);
        monthCells.numberFormat = values2d(n, 1, "mmm yyyy");
        const figures = sheet.getRangeByIndexes(at.row + 1, at.col + 1, n, width - 1);
        if (choice.valuesOnly) figures.values = helper.rows.map((r) => r.slice(1));
        else figures.formulas = helper.rows.map((r) => r.slice(1));
        written = { rows: n + 1, cols: width };
        const chart = sheet.charts.add(
          Excel.ChartType.line,
          sheet.getRangeByIndexes(at.row + 1, at.col + 1, n, 1),
          Excel.ChartSeriesBy.columns,
        );
        const chartName = `PROD ${choice.metric} ${table.name}`.slice(0, 250);
        chart.name = chartName;
        chart.title.text = `${choice.metric} by month`;
        helper.header.slice(1).forEach((mine, j) => {
          const series = j === 0 ? chart.series.getItemAt(0) : chart.series.add(mine);
          if (j === 0) series.name = mine;
          else series.setValues(sheet.getRangeByIndexes(at.row + 1, at.col + 1 + j, n, 1));
          series.setXAxisValues(monthCells);
        });
        const left = at.col + width + 1;
        chart.setPosition(cellName(at.row, left), cellName(at.row + 15, left + 7));
        added.chart = chartName;
      }
      context.workbook.names.add(name, sheet.getRangeByIndexes(at.row, at.col, written.rows, written.cols));
      stored.items[key] = added;
      context.workbook.settings.add(analysisKey(table.id), stored);
      await sync();
      const where = `${table.sheet}!${cellName(at.row, at.col)}`;
      const how = choice.valuesOnly ? "as values" : "as formulas";
      return {
        status: "done",
        message: `${before ? "Replaced the" : "Wrote the"} ${ACTION_WORDS[action]} for ${choice.metric} of ${table.name} ${how}, at ${where}.`,
        added,
      };
    });
    const journal: Added[] = [];
    if (outcome.added?.rule)
      journal.push({ kind: "rule", sheet: table.sheet, address: bodyAddress(table), id: outcome.added.rule });
    if (outcome.added?.chart) journal.push({ kind: "chart", sheet: table.sheet, name: outcome.added.chart });
    try {
      await recordChange(excel, {
        what: `${ACTION_WORDS[action]} for ${choice.metric} of ${table.name}`,
        captured,
        added: journal,
      });
    } catch (e) {
      outcome.message += ` It could not be kept for Undo: ${stopped(e).sentence}`;
    }
    return outcome;
  } catch (e) {
    const failure = stopped(e);
    return { status: "failed", message: failure.sentence, failure };
  }
}

/** Clears an item's range and deletes its name, rule and chart (each only when still there). */
async function removeItem(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  table: AnalysisTable,
  item: AddedItem,
): Promise<void> {
  const named = context.workbook.names.getItemOrNullObject(item.name);
  named.load("isNullObject");
  const sheet = context.workbook.worksheets.getItem(table.sheet);
  const chart = item.chart ? sheet.charts.getItemOrNullObject(item.chart).load("isNullObject") : undefined;
  const rules = item.rule
    ? sheet
        .getRangeByIndexes(table.row + 1, table.col, Math.max(1, table.body.length), table.headers.length)
        .conditionalFormats.load("items/id")
    : undefined;
  await sync();
  if (!named.isNullObject) {
    named.getRange().clear(Excel.ClearApplyTo.all);
    named.delete();
  }
  if (chart && !chart.isNullObject) chart.delete();
  for (const rule of rules?.items ?? []) if (rule.id === item.rule) rule.delete();
  await sync();
}

/** Excel's refusal by its code; anything else as the analysis's internal error. */
function stopped(e: unknown): ReturnType<typeof describeFailure> {
  const failure = describeFailure(e);
  return failure.internal ? { ...failure, sentence: failure.sentence.replace(/^The import/, "The analysis") } : failure;
}

/** The block an action writes: rows and columns, header row included. */
function sizeOf(table: AnalysisTable, cols: AnalysisColumns, action: AnalysisAction): { rows: number; cols: number } {
  if (action !== "chart") return { rows: table.body.length + 1, cols: 1 };
  const series = Math.max(1, minesOf(table, cols).length);
  return { rows: monthsOf(table, cols).length + 1, cols: 1 + series };
}

/** The table's body as an address on its sheet ("A2:C13"), where the record rule applies. */
const bodyAddress = (t: AnalysisTable): string =>
  `${cellName(t.row + 1, t.col)}:${cellName(t.row + t.body.length, t.col + t.headers.length - 1)}`;

const values2d = <T>(rows: number, cols: number, v: T): T[][] =>
  Array.from({ length: rows }, () => Array<T>(cols).fill(v));

const cellName = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;
