/**
 * A change to an existing table is all or nothing. Before the first new row goes in, the writer keeps
 * a copy of what the new rows will cover — the cells below the table: their number formats and their
 * formulas (a formula comes back as a formula, a value as a value). If the write stops (Cancel, an
 * Excel error, a bug), the table is resized back and the copy written back, formats first as the
 * writer writes them, so the workbook is as it was.
 */
import type { ExcelSession } from "./writerSession";

/** Rows read or written back per request: a few columns of 5,000 rows stay far below Excel on the web's 5 MB. */
const COPY_ROWS = 5_000;

/** Where an existing table is, and how far its new rows reach below it. */
export interface TableArea {
  sheet: string;
  table: string;
  /** Header row and first column, 0-based. */
  top: number;
  left: number;
  columns: number;
  /** Body rows before the change. */
  existingRows: number;
}

export interface KeptCopy {
  area: TableArea;
  /** Rows below the table that were copied. */
  rows: number;
  slices: { formats: string[][]; formulas: unknown[][] }[];
}

/** Reads the `rows` rows under the table, in slices. */
export async function keepCopy(excel: ExcelSession, area: TableArea, rows: number): Promise<KeptCopy> {
  return excel.run(async (context, sync) => {
    const ws = context.workbook.worksheets.getItem(area.sheet);
    const slices: KeptCopy["slices"] = [];
    for (let start = 0; start < rows; start += COPY_ROWS) {
      const n = Math.min(COPY_ROWS, rows - start);
      const first = area.top + 1 + area.existingRows + start;
      const range = ws.getRangeByIndexes(first, area.left, n, area.columns).load("numberFormat,formulas");
      await sync();
      slices.push({ formats: range.numberFormat as string[][], formulas: range.formulas as unknown[][] });
    }
    return { area, rows, slices };
  });
}

/** Puts the table and the cells under it back as the copy has them; throws if Excel refuses. */
export async function putBack(excel: ExcelSession, copy: KeptCopy): Promise<void> {
  const { area } = copy;
  await excel.run(async (context, sync) => {
    const ws = context.workbook.worksheets.getItem(area.sheet);
    const table = context.workbook.tables.getItem(area.table);
    table.resize(ws.getRangeByIndexes(area.top, area.left, 1 + area.existingRows, area.columns));
    let start = 0;
    for (const slice of copy.slices) {
      const first = area.top + 1 + area.existingRows + start;
      const range = ws.getRangeByIndexes(first, area.left, slice.formats.length, area.columns);
      range.numberFormat = slice.formats;
      range.formulas = slice.formulas as Excel.Range["formulas"];
      start += slice.formats.length;
      await sync();
    }
  });
}

/**
 * Whether the table and the cells under it are as the copy has them (read back after a put-back that
 * failed: often the failed write had changed nothing, as when the sheet is protected).
 */
export async function isAsKept(excel: ExcelSession, copy: KeptCopy): Promise<boolean> {
  const { area } = copy;
  return excel.run(async (context, sync) => {
    const size = context.workbook.tables.getItem(area.table).getRange().load("rowCount");
    await sync();
    if (size.rowCount !== 1 + area.existingRows) return false;
    const ws = context.workbook.worksheets.getItem(area.sheet);
    let start = 0;
    for (const slice of copy.slices) {
      const first = area.top + 1 + area.existingRows + start;
      const range = ws.getRangeByIndexes(first, area.left, slice.formats.length, area.columns);
      range.load("numberFormat,formulas");
      await sync();
      const same =
        JSON.stringify(range.numberFormat) === JSON.stringify(slice.formats) &&
        JSON.stringify(range.formulas) === JSON.stringify(slice.formulas);
      if (!same) return false;
      start += slice.formats.length;
    }
    return true;
  });
}

/** The cells the new rows were to cover, as Excel prints them (for a message when they cannot be put back). */
export function belowTable(area: TableArea, rows: number): string {
  const col = (c: number) => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const first = area.top + 2 + area.existingRows;
  return `${area.sheet}!${col(area.left)}${first}:${col(area.left + area.columns - 1)}${first + rows - 1}`;
}
