/**
 * Writes a checked ImportPlan into the workbook through the Excel JavaScript API.
 * The only file of the import that talks to Excel. Rows go in whole-row chunks (see chunks.ts);
 * each chunk writes formats, then values, then grows the table over them, so the table only ever
 * covers rows whose values are all in place.
 */
import { cellsToSend, formatRow, planChunks, type Chunk } from "./chunks";
import { count, counted, describeSpans, writtenSpans, type MonthSpan } from "./format";
import { thrownMessage } from "./internalError";
import { kindsKey, kindsToStore, storedKinds } from "./tableKinds";
import type { ExistingTable, ImportPlan, PlannedCell } from "./types";

type WriteTarget = { kind: "new" } | { kind: "append"; table: string };

export interface WriteOptions {
  target?: WriteTarget;
  /** Keeps only the rows an existing table lacks (the import engine's planAppend). Needed to append. */
  planAppend?: (plan: ImportPlan, existing: ExistingTable) => ImportPlan;
  /** The user agreed to write over cells below the table that hold other data. */
  overwrite?: boolean;
  maxBytes?: number;
  maxRows?: number;
  onProgress?: (rowsWritten: number, totalRows: number) => void;
  signal?: AbortSignal;
}

type WriteStatus = "done" | "cancelled" | "failed" | "refused" | "occupied";

export interface WriteOutcome {
  status: WriteStatus;
  /** A sentence for the pane. */
  message: string;
  sheet?: string;
  table?: string;
  rowsWritten: number;
  totalRows: number;
  /** First–last month written, per mine. */
  spans: MonthSpan[];
  /** The plan actually written (after planAppend): its problems name the months already present. */
  plan?: ImportPlan;
  /** For "occupied": the cells that hold other data. */
  address?: string;
}

/** Excel's last row (1,048,576 rows, 0-based index of the one after). */
const SHEET_ROWS = 1_048_576;
/** Rows of an existing table read per request: keeps each response far below 5 MB. */
const READ_ROWS = 5_000;

/** "Production", "Production 2", … — the first name not taken (Excel compares names case-insensitively). */
function uniqueName(base: string, taken: string[], separator: string): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base}${separator}${i}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Where the rows go: the table's first data row on its sheet and its width. */
interface Place {
  sheet: string;
  table: string;
  top: number; // header row index
  left: number;
  columns: number;
  existingRows: number; // body rows already in the table
  created: boolean; // the sheet and table are made by this write
  /** Excel's id of the table, once it exists: the key its columns' kinds are stored under. */
  tableId?: string;
}

export async function writePlan(plan: ImportPlan, opts: WriteOptions = {}): Promise<WriteOutcome> {
  const target = opts.target ?? { kind: "new" };
  const refuse = (message: string, p: ImportPlan = plan): WriteOutcome => ({
    status: "refused",
    message,
    rowsWritten: 0,
    totalRows: p.rows.length,
    spans: [],
    plan: p,
  });
  if (plan.blocked) return refuse("Nothing was written: fix the errors listed above, or choose to skip the bad rows.");

  let place: Place;
  let toWrite = plan;
  if (target.kind === "new") {
    if (plan.rows.length === 0) return refuse("Nothing was written: the file holds no rows to import.");
    place = await placeNewTable(plan);
  } else {
    if (!opts.planAppend) throw new Error("writePlan: appending needs the planAppend function");
    const found = await readExisting(target.table);
    if (typeof found === "string") return refuse(`Nothing was written: ${found}`);
    toWrite = opts.planAppend(plan, found.existing);
    if (toWrite.blocked)
      return refuse(`Nothing was written to ${target.table}: the new rows have errors (listed above).`, toWrite);
    if (toWrite.columns.length !== found.place.columns) {
      return refuse(
        `Nothing was written: table ${target.table} has ${found.place.columns} columns but the import has ${toWrite.columns.length}.`,
        toWrite,
      );
    }
    place = found.place;
    if (toWrite.rows.length === 0) {
      return {
        status: "done",
        message: `${target.table} already holds every month of the file; nothing was added.`,
        sheet: place.sheet,
        table: place.table,
        rowsWritten: 0,
        totalRows: 0,
        spans: [],
        plan: toWrite,
      };
    }
    const firstRow = place.top + 1 + place.existingRows;
    if (firstRow + toWrite.rows.length > SHEET_ROWS) {
      return refuse(
        `Nothing was written: ${count(toWrite.rows.length)} more rows would go past the last row of sheet ${place.sheet}.`,
        toWrite,
      );
    }
    if (!opts.overwrite) {
      const used = await usedBelow(place, toWrite.rows.length);
      if (used) {
        return {
          status: "occupied",
          message: `Cells ${used} below table ${place.table} already hold data that is not part of the table. Write over them?`,
          address: used,
          sheet: place.sheet,
          table: place.table,
          rowsWritten: 0,
          totalRows: toWrite.rows.length,
          spans: [],
          plan: toWrite,
        };
      }
    }
  }
  return writeChunks(toWrite, place, opts);
}

/** Picks free sheet and table names; nothing is created until the first chunk. */
async function placeNewTable(plan: ImportPlan): Promise<Place> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    return {
      sheet: uniqueName(
        "Production",
        sheets.items.map((s) => s.name),
        " ",
      ),
      table: uniqueName(
        "ProductionData",
        tables.items.map((t) => t.name),
        "",
      ),
      top: 0,
      left: 0,
      columns: plan.columns.length,
      existingRows: 0,
      created: true,
    };
  });
}

/**
 * An existing table's header and rows, for the pane to preview an append before anything is
 * written; or why the table cannot be appended to.
 */
export async function readTableForAppend(name: string): Promise<ExistingTable | string> {
  const found = await readExisting(name);
  return typeof found === "string" ? found : found.existing;
}

/** Reads an existing table's place, header and rows (in slices), or says why it cannot be appended to. */
async function readExisting(name: string): Promise<{ place: Place; existing: ExistingTable } | string> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    table.load("isNullObject");
    await context.sync();
    if (table.isNullObject) return `the workbook has no table named "${name}".`;
    table.load("name,showTotals,id");
    const sheet = table.worksheet.load("name");
    const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
    const header = table.getHeaderRowRange().load("values");
    await context.sync();
    if (table.showTotals) {
      return `table ${table.name} has a Total Row. Turn it off (Table Design > Total Row) to append below the data.`;
    }
    const place: Place = {
      sheet: sheet.name,
      table: table.name,
      top: range.rowIndex,
      left: range.columnIndex,
      columns: range.columnCount,
      existingRows: range.rowCount - 1,
      created: false,
      tableId: table.id,
    };
    const stored = context.workbook.settings.getItemOrNullObject(kindsKey(table.id)).load("value");
    await context.sync();
    const kinds = stored.isNullObject ? undefined : storedKinds(stored.value, place.columns);
    const rows: unknown[][] = [];
    const ws = context.workbook.worksheets.getItem(place.sheet);
    for (let start = 0; start < place.existingRows; start += READ_ROWS) {
      const n = Math.min(READ_ROWS, place.existingRows - start);
      const slice = ws.getRangeByIndexes(place.top + 1 + start, place.left, n, place.columns).load("values");
      await context.sync();
      rows.push(...slice.values);
    }
    const existing: ExistingTable = { header: header.values[0].map((h) => String(h)), rows };
    if (kinds !== undefined) existing.kinds = kinds;
    return { place, existing };
  });
}

/** Address of data under the table where new rows would go, or null when those cells are empty. */
async function usedBelow(place: Place, rowCount: number): Promise<string | null> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(place.sheet);
    const dest = ws.getRangeByIndexes(place.top + 1 + place.existingRows, place.left, rowCount, place.columns);
    const used = dest.getUsedRangeOrNullObject(true).load("address");
    await context.sync();
    return used.isNullObject ? null : used.address;
  });
}

function chunkValues(plan: ImportPlan, c: Chunk): (string | number | boolean | null)[][] {
  return plan.rows.slice(c.start, c.end).map((r: PlannedCell[]) => cellsToSend(r, plan.columns));
}

/** Table.resize needs ExcelApi 1.13; when office.js cannot tell (no Office object), try. */
function canResizeTables(): boolean {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return !req || req.isSetSupported("ExcelApi", "1.13");
}

async function writeChunks(plan: ImportPlan, place: Place, opts: WriteOptions): Promise<WriteOutcome> {
  const total = plan.rows.length;
  const chunks = planChunks(plan, { maxBytes: opts.maxBytes, maxRows: opts.maxRows });
  // Growing a table chunk by chunk needs Table.resize; a new table written in one request does not.
  if ((chunks.length > 1 || !place.created) && !canResizeTables()) {
    return {
      status: "refused",
      message: `Nothing was written: this version of Excel cannot grow a table (ExcelApi 1.13 is needed, as in Excel on the web and Microsoft 365)${place.created ? `; import at most ${chunks[0].end - chunks[0].start} rows at a time` : ""}.`,
      rowsWritten: 0,
      totalRows: total,
      spans: [],
      plan,
    };
  }
  const formats = formatRow(plan);
  const firstRow = place.top + 1 + place.existingRows;
  let written = 0;
  let failure: unknown = null;
  let cancelled = false;
  opts.onProgress?.(0, total);

  try {
    await Excel.run(async (context) => {
      let table = place.created ? null : context.workbook.tables.getItem(place.table);
      let ws: Excel.Worksheet | null = null;
      for (const c of chunks) {
        if (opts.signal?.aborted) {
          cancelled = true;
          return;
        }
        // The new sheet is made with the first chunk, so a Cancel before it leaves no empty sheet.
        ws ??= place.created
          ? context.workbook.worksheets.add(place.sheet)
          : context.workbook.worksheets.getItem(place.sheet);
        const n = c.end - c.start;
        context.workbook.application.suspendApiCalculationUntilNextSync();
        if (place.created && !table) {
          const header = ws.getRangeByIndexes(place.top, place.left, 1, place.columns);
          header.numberFormat = [plan.columns.map(() => "@")];
          header.values = [plan.columns.map((col) => col.name)];
        }
        const body = ws.getRangeByIndexes(firstRow + c.start, place.left, n, place.columns);
        // Formats first: a text cell must be "@" before "=cmd" lands in it.
        body.numberFormat = Array.from({ length: n }, () => formats);
        body.values = chunkValues(plan, c);
        if (!table) ws.getRangeByIndexes(place.top, place.left, 1 + n, place.columns).format.autofitColumns();
        // Then the table grows over the finished rows, as the batch's last step.
        const covered = ws.getRangeByIndexes(place.top, place.left, 1 + place.existingRows + c.end, place.columns);
        if (!table) {
          table = ws.tables.add(covered, true);
          table.name = place.table;
          table.load("id");
        } else {
          table.resize(covered);
        }
        await context.sync();
        if (place.created) place.tableId ??= table.id;
        written = c.end;
        opts.onProgress?.(written, total);
      }
    });
  } catch (e) {
    failure = e;
  }

  if (failure) written = await reconcile(plan, place, written, chunks, !!opts.overwrite);
  await finish(place, written > 0 || !place.created, plan);

  const spans = writtenSpans(plan, written);
  const months = describeSpans(spans);
  const where = `table ${place.table} on sheet ${place.sheet}`;
  const base = { sheet: place.sheet, table: place.table, rowsWritten: written, totalRows: total, spans, plan };
  if (failure) {
    const reason = thrownMessage(failure);
    return {
      ...base,
      status: "failed",
      message:
        written === 0
          ? `Excel stopped the import (${reason}). Nothing was written.`
          : `Excel stopped the import (${reason}). ${count(written)} of ${count(total)} rows were written to ${where}: ${months}. The table holds whole rows only.`,
    };
  }
  if (cancelled) {
    return {
      ...base,
      status: "cancelled",
      message:
        written === 0
          ? "Import cancelled. Nothing was written."
          : `Import cancelled. ${count(written)} of ${count(total)} rows were written to ${where}: ${months}. The table holds whole rows only.`,
    };
  }
  return {
    ...base,
    status: "done",
    message: `Wrote ${counted(total, "row")} to ${where}: ${months}.`,
  };
}

/**
 * After a failed sync, part of its batch may have reached the workbook. Count the rows the table
 * really holds, clear cells written below it, and drop a new sheet that never got its table.
 * Returns the rows written; falls back to what the last good sync confirmed.
 */
async function reconcile(
  plan: ImportPlan,
  place: Place,
  confirmed: number,
  chunks: Chunk[],
  overwrite: boolean,
): Promise<number> {
  const failedEnd = chunks.find((c) => c.start === confirmed)?.end ?? confirmed;
  try {
    return await Excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(place.table);
      table.load("isNullObject");
      await context.sync();
      if (table.isNullObject) {
        if (place.created) {
          const sheet = context.workbook.worksheets.getItemOrNullObject(place.sheet);
          sheet.load("isNullObject");
          await context.sync();
          if (!sheet.isNullObject) sheet.delete();
          await context.sync();
        }
        return 0;
      }
      const range = table.getRange().load("rowCount");
      await context.sync();
      const held = Math.max(0, Math.min(plan.rows.length, range.rowCount - 1 - place.existingRows));
      // Cells of the failed chunk left outside the table were empty before (we checked, or made the sheet);
      // if the user chose to write over data there, clearing would only destroy more of it.
      if (failedEnd > held && !overwrite) {
        const ws = context.workbook.worksheets.getItem(place.sheet);
        ws.getRangeByIndexes(
          place.top + 1 + place.existingRows + held,
          place.left,
          failedEnd - held,
          place.columns,
        ).clear(Excel.ClearApplyTo.contents);
        await context.sync();
      }
      return held;
    });
  } catch {
    return confirmed;
  }
}

/**
 * Recalculate (calculation was suspended per chunk), show the new sheet, and keep a new table's
 * column kinds with the workbook for later appends (tableKinds.ts).
 */
async function finish(place: Place, show: boolean, plan: ImportPlan): Promise<void> {
  try {
    await Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.recalculate);
      if (show && place.created) context.workbook.worksheets.getItem(place.sheet).activate();
      if (show && place.created && place.tableId !== undefined) {
        context.workbook.settings.add(kindsKey(place.tableId), kindsToStore(plan));
      }
      await context.sync();
    });
  } catch {
    // The rows are in; a failed recalculation is Excel's to retry, not a failed import.
  }
}

/** The workbook's tables, for the "append to" list: name and sheet. */
export async function listTables(): Promise<{ name: string; sheet: string }[]> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const sheets = tables.items.map((t) => t.worksheet.load("name"));
    await context.sync();
    return tables.items.map((t, i) => ({ name: t.name, sheet: sheets[i].name }));
  });
}
