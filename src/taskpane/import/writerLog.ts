/**
 * Appends rows to the import log sheet (importLog.ts), making it with its header when absent. Every
 * cell is formatted "@" before its text lands, so a source line such as "=cmd" stays text.
 */
import { LOG_HEADER, LOG_SHEET } from "./importLog";
import type { ExcelSession } from "./writerSession";

/** Log rows written per request: eight short texts a row stay far below 5 MB. */
const LOG_ROWS = 2_000;

export async function appendLog(excel: ExcelSession, rows: readonly string[][]): Promise<void> {
  await excel.run(async (context, sync) => {
    let ws = context.workbook.worksheets.getItemOrNullObject(LOG_SHEET);
    ws.load("isNullObject");
    await sync();
    let next: number;
    if (ws.isNullObject) {
      ws = context.workbook.worksheets.add(LOG_SHEET);
      const header = ws.getRangeByIndexes(0, 0, 1, LOG_HEADER.length);
      header.numberFormat = [LOG_HEADER.map(() => "@")];
      header.values = [[...LOG_HEADER]];
      next = 1;
    } else {
      const used = ws.getRangeByIndexes(0, 0, 1_048_576, LOG_HEADER.length).getUsedRangeOrNullObject(true);
      used.load("rowIndex,rowCount");
      await sync();
      next = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    }
    for (let start = 0; start < rows.length; start += LOG_ROWS) {
      const slice = rows.slice(start, start + LOG_ROWS);
      const range = ws.getRangeByIndexes(next + start, 0, slice.length, LOG_HEADER.length);
      range.numberFormat = slice.map(() => LOG_HEADER.map(() => "@"));
      range.values = slice.map((r) => [...r]);
      await sync();
    }
  });
}
