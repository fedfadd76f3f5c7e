/**
 * Writes a checked ImportPlan into the workbook through the Excel JavaScript API. With
 * writerSession.ts (every Excel.run, waiting while a cell is edited) and writerCopy.ts (what an
 * append replaces, and putting it back), the only files of the import that talk to Excel.
 * Rows go in whole-row chunks (see chunks.ts); each chunk writes formats, then values, then grows the
 * table over them, so the table only ever covers rows whose values are all in place.
 *
 * One policy when a write stops part-way — Cancel, an Excel error or a bug alike: a new table keeps
 * the whole rows written, and the outcome says how many and which months; a change to an existing
 * table is all or nothing, put back from the copy kept of what it replaced. The outcome says exactly
 * what the workbook holds, as read back from it.
 */
import type { DateSystem } from "../../calc/dateSystem";
import { cellsToSend, formatRow, planChunks, type Chunk } from "./chunks";
import { count, counted, describeSpans, writtenSpans, type MonthSpan } from "./format";
import { describeFailure, thrownMessage, type Failure } from "./internalError";
import { kindsKey, kindsToStore, storedKinds } from "./tableKinds";
import type { ExistingTable, ImportPlan, PlannedCell } from "./types";
import { rowForWorkbook, rowsFromWorkbook } from "./workbookDates";
import { belowTable, isAsKept, keepCopy, putBack, type KeptCopy, type TableArea } from "./writerCopy";
import { ExcelSession, type OnCellEdit } from "./writerSession";

export type WriteTarget = { kind: "new" } | { kind: "append"; table: string };

/** How the writer talks to the workbook: its date system, and who hears when Excel waits for a cell edit. */
interface WorkbookOptions {
  /** The workbook's date system (default 1900): month serials are shifted for a 1904 workbook, both ways. */
  dateSystem?: DateSystem;
  onCellEdit?: OnCellEdit;
}

export interface WriteOptions extends WorkbookOptions {
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
  /** A sentence for the pane: what happened, what the workbook now holds, what to do. */
  message: string;
  sheet?: string;
  table?: string;
  /** Rows of this import the workbook holds now (0 after an append was put back). */
  rowsWritten: number;
  totalRows: number;
  /** First–last month written, per mine. */
  spans: MonthSpan[];
  /** The plan actually written (after planAppend): its problems name the months already present. */
  plan?: ImportPlan;
  /** For "occupied": the cells that hold other data. */
  address?: string;
  /** For "failed": why — Excel's code, or a bug in PROD. */
  failure?: Failure;
  /**
   * For a failure Excel may not repeat: where a Retry writes. The same target again, or, when a new
   * table kept some rows, that table (Retry adds the months it still lacks).
   */
  retry?: WriteTarget;
}

/** Excel's last row (1,048,576 rows, 0-based index of the one after). */
const SHEET_ROWS = 1_048_576;
/** Rows of an existing table read per request: keeps each response far below 5 MB. */
const READ_ROWS = 5_000;

/** "Production", "Production 2", … — the first name not taken (Excel compares names case-insensitively). */
export function uniqueName(base: string, taken: string[], separator: string): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base}${separator}${i}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Where the rows go: the table's first data row on its sheet and its width. */
interface Place extends TableArea {
  created: boolean; // the sheet and table are made by this write
  /** The new sheet was made by this write (not one that took its name meanwhile): a failure may remove it. */
  sheetMade?: boolean;
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
  if (target.kind === "new" && plan.rows.length === 0)
    return refuse("Nothing was written: the file holds no rows to import.");

  const excel = new ExcelSession(opts.onCellEdit);
  let place: Place;
  let toWrite = plan;
  try {
    await excel.askAboutCellEdit();
    if (target.kind === "new") {
      place = await placeNewTable(excel, plan);
    } else {
      if (!opts.planAppend) throw new Error("writePlan: appending needs the planAppend function");
      const found = await readExisting(excel, target.table, opts.dateSystem ?? "1900");
      if (typeof found === "string") return refuse(`Nothing was written: ${found}`);
      toWrite = opts.planAppend(plan, found.existing);
      place = found.place;
      const early = appendRefusal(toWrite, place, target.table);
      if (early) return early.status === "refused" ? refuse(early.message, toWrite) : early;
      if (!opts.overwrite) {
        const used = await usedBelow(excel, place, toWrite.rows.length);
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
  } catch (e) {
    return stoppedBeforeWriting(toWrite, e, target);
  }
  return place.created ? writeNewTable(excel, toWrite, place, opts) : writeToTable(excel, toWrite, place, opts);
}

/** Why an append cannot go ahead (or needs nothing), decided before anything is written. */
function appendRefusal(toWrite: ImportPlan, place: Place, name: string): WriteOutcome | null {
  const outcome = (status: WriteStatus, message: string): WriteOutcome => ({
    status,
    message,
    sheet: place.sheet,
    table: place.table,
    rowsWritten: 0,
    totalRows: toWrite.rows.length,
    spans: [],
    plan: toWrite,
  });
  if (toWrite.blocked)
    return outcome("refused", `Nothing was written to ${name}: the new rows have errors (listed above).`);
  if (toWrite.columns.length !== place.columns) {
    return outcome(
      "refused",
      `Nothing was written: table ${name} has ${place.columns} columns but the import has ${toWrite.columns.length}.`,
    );
  }
  if (toWrite.rows.length === 0) {
    return outcome("done", `${name} already holds every month of the file; nothing was added.`);
  }
  if (place.top + 1 + place.existingRows + toWrite.rows.length > SHEET_ROWS) {
    return outcome(
      "refused",
      `Nothing was written: ${count(toWrite.rows.length)} more rows would go past the last row of sheet ${place.sheet}.`,
    );
  }
  return null;
}

/** Excel (or a bug) stopped the write while the workbook was being read: nothing was written. */
function stoppedBeforeWriting(plan: ImportPlan, e: unknown, target: WriteTarget): WriteOutcome {
  const failure = describeFailure(e);
  return {
    status: "failed",
    message: `${failure.sentence} Nothing was written.`,
    rowsWritten: 0,
    totalRows: plan.rows.length,
    spans: [],
    plan,
    failure,
    ...(failure.internal ? {} : { retry: target }),
  };
}

/** Picks free sheet and table names; nothing is created until the first chunk. */
async function placeNewTable(excel: ExcelSession, plan: ImportPlan): Promise<Place> {
  return excel.run(async (context, sync) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await sync();
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
 * written; or why the table cannot be appended to. Dates come back as calc counts them.
 */
export async function readTableForAppend(name: string, opts: WorkbookOptions = {}): Promise<ExistingTable | string> {
  const excel = new ExcelSession(opts.onCellEdit);
  await excel.askAboutCellEdit();
  const found = await readExisting(excel, name, opts.dateSystem ?? "1900");
  return typeof found === "string" ? found : found.existing;
}

/**
 * Reads an existing table's place, header and rows (in slices), or says why it cannot be appended to.
 * In a 1904 workbook the rows' number formats are read too: a number under a date format is a date.
 */
async function readExisting(
  excel: ExcelSession,
  name: string,
  dateSystem: DateSystem,
): Promise<{ place: Place; existing: ExistingTable } | string> {
  return excel.run(async (context, sync) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    table.load("isNullObject");
    await sync();
    if (table.isNullObject) return `the workbook has no table named "${name}".`;
    table.load("name,showTotals,id");
    const sheet = table.worksheet.load("name");
    const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
    const header = table.getHeaderRowRange().load("values");
    await sync();
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
    await sync();
    const kinds = stored.isNullObject ? undefined : storedKinds(stored.value, place.columns);
    const rows: unknown[][] = [];
    const ws = context.workbook.worksheets.getItem(place.sheet);
    const properties = dateSystem === "1900" ? "values" : "values,numberFormat";
    for (let start = 0; start < place.existingRows; start += READ_ROWS) {
      const n = Math.min(READ_ROWS, place.existingRows - start);
      const slice = ws.getRangeByIndexes(place.top + 1 + start, place.left, n, place.columns).load(properties);
      await sync();
      rows.push(
        ...(dateSystem === "1900" ? slice.values : rowsFromWorkbook(slice.values, slice.numberFormat, dateSystem)),
      );
    }
    const existing: ExistingTable = { header: header.values[0].map((h) => String(h)), rows };
    if (kinds !== undefined) existing.kinds = kinds;
    return { place, existing };
  });
}

/** Address of data under the table where new rows would go, or null when those cells are empty. */
async function usedBelow(excel: ExcelSession, place: Place, rowCount: number): Promise<string | null> {
  return excel.run(async (context, sync) => {
    const ws = context.workbook.worksheets.getItem(place.sheet);
    const dest = ws.getRangeByIndexes(place.top + 1 + place.existingRows, place.left, rowCount, place.columns);
    const used = dest.getUsedRangeOrNullObject(true).load("address");
    await sync();
    return used.isNullObject ? null : used.address;
  });
}

/** Table.resize needs ExcelApi 1.13; when office.js cannot tell (no Office object), try. */
function canResizeTables(): boolean {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return !req || req.isSetSupported("ExcelApi", "1.13");
}

/** How the chunks went: rows confirmed written, and what stopped them (a thrown value, or Cancel). */
interface Sent {
  written: number;
  stopped: { error: unknown } | "cancelled" | null;
}

/** Writes the chunks in one Excel.run, each in its own sync; stops at Cancel, an error or a bug. */
async function sendChunks(
  excel: ExcelSession,
  plan: ImportPlan,
  place: Place,
  chunks: Chunk[],
  opts: WriteOptions,
): Promise<Sent> {
  const total = plan.rows.length;
  const formats = formatRow(plan);
  const system = opts.dateSystem ?? "1900";
  const firstRow = place.top + 1 + place.existingRows;
  const sent: Sent = { written: 0, stopped: null };
  opts.onProgress?.(0, total);
  try {
    await excel.run(async (context, sync) => {
      let table = place.created ? null : context.workbook.tables.getItem(place.table);
      let ws: Excel.Worksheet | null = null;
      for (const c of chunks) {
        if (opts.signal?.aborted) {
          sent.stopped = "cancelled";
          return;
        }
        // The new sheet is made just before the first chunk, so a Cancel before it leaves no empty sheet;
        // in a sync of its own, so that a sheet someone else made with that name meanwhile is never ours to remove.
        if (!ws && place.created) {
          ws = context.workbook.worksheets.add(place.sheet);
          await sync();
          place.sheetMade = true;
        }
        ws ??= context.workbook.worksheets.getItem(place.sheet);
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
        body.values = plan.rows
          .slice(c.start, c.end)
          .map((r: PlannedCell[]) => rowForWorkbook(cellsToSend(r, plan.columns), plan.columns, system));
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
        await sync();
        if (place.created) place.tableId ??= table.id;
        sent.written = c.end;
        opts.onProgress?.(sent.written, total);
      }
    });
  } catch (e) {
    sent.stopped = { error: e };
  }
  return sent;
}

/** The chunks of a plan, or the refusal of an Excel too old to grow a table over more than one. */
function chunksFor(plan: ImportPlan, place: Place, opts: WriteOptions): Chunk[] | WriteOutcome {
  const chunks = planChunks(plan, { maxBytes: opts.maxBytes, maxRows: opts.maxRows });
  // Growing a table chunk by chunk needs Table.resize; a new table written in one request does not.
  if ((chunks.length > 1 || !place.created) && !canResizeTables()) {
    return {
      status: "refused",
      message: `Nothing was written: this version of Excel cannot grow a table (ExcelApi 1.13 is needed, as in Excel on the web and Microsoft 365)${place.created ? `; import at most ${chunks[0].end - chunks[0].start} rows at a time` : ""}.`,
      rowsWritten: 0,
      totalRows: plan.rows.length,
      spans: [],
      plan,
    };
  }
  return chunks;
}

/** A new table keeps the whole rows written before a stop; the outcome says how many, where, and which months. */
async function writeNewTable(excel: ExcelSession, plan: ImportPlan, place: Place, opts: WriteOptions) {
  const chunks = chunksFor(plan, place, opts);
  if (!Array.isArray(chunks)) return chunks;
  const total = plan.rows.length;
  const sent = await sendChunks(excel, plan, place, chunks, opts);
  let written = sent.written;
  if (sent.stopped !== null && sent.stopped !== "cancelled") {
    written = await reconcile(excel, plan, place, written, chunks, !!opts.overwrite);
  }
  await finish(excel, place, written > 0, plan);

  const spans = writtenSpans(plan, written);
  const base = { sheet: place.sheet, table: place.table, rowsWritten: written, totalRows: total, spans, plan };
  const where = `table ${place.table} on sheet ${place.sheet}`;
  const kept = (then: string) =>
    written === 0
      ? "Nothing was written."
      : `${count(written)} of ${count(total)} rows were written to ${where}: ${describeSpans(spans)}. ` +
        `The table holds whole rows only${then}.`;
  if (sent.stopped === "cancelled") {
    return { ...base, status: "cancelled", message: `Import cancelled. ${kept("")}` } satisfies WriteOutcome;
  }
  if (sent.stopped !== null) {
    const failure = describeFailure(sent.stopped.error);
    const rest = failure.internal || written === 0 ? "" : `; Retry adds the other ${count(total - written)} to it`;
    const outcome: WriteOutcome = { ...base, status: "failed", message: `${failure.sentence} ${kept(rest)}`, failure };
    if (!failure.internal) outcome.retry = written === 0 ? { kind: "new" } : { kind: "append", table: place.table };
    return outcome;
  }
  return {
    ...base,
    status: "done",
    message: `Wrote ${counted(total, "row")} to ${where}: ${describeSpans(spans)}.`,
  } satisfies WriteOutcome;
}

/** A change to an existing table is all or nothing: a stop puts the table back from the copy kept. */
async function writeToTable(excel: ExcelSession, plan: ImportPlan, place: Place, opts: WriteOptions) {
  const chunks = chunksFor(plan, place, opts);
  if (!Array.isArray(chunks)) return chunks;
  const total = plan.rows.length;
  const base = { sheet: place.sheet, table: place.table, totalRows: total, plan };
  let copy: KeptCopy;
  try {
    copy = await keepCopy(excel, place, total);
  } catch (e) {
    return stoppedBeforeWriting(plan, e, { kind: "append", table: place.table });
  }
  const sent = await sendChunks(excel, plan, place, chunks, opts);
  if (sent.stopped === null) {
    await finish(excel, place, true, plan);
    const spans = writtenSpans(plan, total);
    const message = `Wrote ${counted(total, "row")} to table ${place.table} on sheet ${place.sheet}: ${describeSpans(spans)}.`;
    return { ...base, status: "done", message, rowsWritten: total, spans } satisfies WriteOutcome;
  }
  const why = sent.stopped === "cancelled" ? { sentence: "Import cancelled." } : describeFailure(sent.stopped.error);
  let undone = `Nothing was added: table ${place.table} is as it was.`;
  let rowsWritten = 0;
  // A Cancel before the first chunk sent nothing; anything else may have reached the workbook.
  if (sent.stopped !== "cancelled" || sent.written > 0) {
    try {
      await putBack(excel, copy);
    } catch (e) {
      // The copy could not go back. Unless the workbook is as it was anyway, say which cells may hold part of this import.
      const f = describeFailure(e);
      if (!(await isAsKept(excel, copy).catch(() => false))) {
        rowsWritten = sent.written;
        undone =
          `Table ${place.table} could not be put back as it was (${f.code ? `Excel's code: ${f.code}` : thrownMessage(e)}): ` +
          `${belowTable(place, total)} may hold part of this import; check those cells before you go on.`;
      }
    }
  }
  await finish(excel, place, false, plan);
  const outcome: WriteOutcome = {
    ...base,
    status: sent.stopped === "cancelled" ? "cancelled" : "failed",
    message: `${why.sentence} ${undone}`,
    rowsWritten,
    spans: writtenSpans(plan, rowsWritten),
  };
  if ("internal" in why) {
    outcome.failure = why;
    if (!why.internal) outcome.retry = { kind: "append", table: place.table };
  }
  return outcome;
}

/**
 * After a failed sync, part of its batch may have reached the workbook. Count the rows the table
 * really holds, clear cells written below it, and drop a new sheet that never got its table.
 * Returns the rows written; falls back to what the last good sync confirmed.
 */
async function reconcile(
  excel: ExcelSession,
  plan: ImportPlan,
  place: Place,
  confirmed: number,
  chunks: Chunk[],
  overwrite: boolean,
): Promise<number> {
  const failedEnd = chunks.find((c) => c.start === confirmed)?.end ?? confirmed;
  try {
    return await excel.run(async (context, sync) => {
      const table = context.workbook.tables.getItemOrNullObject(place.table);
      table.load("isNullObject");
      await sync();
      if (table.isNullObject) {
        if (place.sheetMade) {
          const sheet = context.workbook.worksheets.getItemOrNullObject(place.sheet);
          sheet.load("isNullObject");
          await sync();
          if (!sheet.isNullObject) sheet.delete();
          await sync();
        }
        return 0;
      }
      const range = table.getRange().load("rowCount");
      await sync();
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
        await sync();
      }
      return held;
    });
  } catch {
    return confirmed;
  }
}

/**
 * Recalculate (calculation was suspended per chunk), show a new sheet that holds rows, and keep a new
 * table's column kinds with the workbook for later appends (tableKinds.ts).
 */
async function finish(excel: ExcelSession, place: Place, show: boolean, plan: ImportPlan): Promise<void> {
  try {
    await excel.run(async (context, sync) => {
      context.workbook.application.calculate(Excel.CalculationType.recalculate);
      if (show && place.created) context.workbook.worksheets.getItem(place.sheet).activate();
      if (show && place.created && place.tableId !== undefined) {
        context.workbook.settings.add(kindsKey(place.tableId), kindsToStore(plan));
      }
      await sync();
    });
  } catch {
    // The rows are in; a failed recalculation is Excel's to retry, not a failed import.
  }
}

/** The workbook's tables, for the "append to" list: name and sheet. */
export async function listTables(opts: WorkbookOptions = {}): Promise<{ name: string; sheet: string }[]> {
  const excel = new ExcelSession(opts.onCellEdit);
  await excel.askAboutCellEdit();
  return excel.run(async (context, sync) => {
    const tables = context.workbook.tables.load("items/name");
    await sync();
    const sheets = tables.items.map((t) => t.worksheet.load("name"));
    await sync();
    return tables.items.map((t, i) => ({ name: t.name, sheet: sheets[i].name }));
  });
}

/** Recalculates every formula (the functions read the date system when they run: after it changes). */
export async function recalculateAll(opts: WorkbookOptions = {}): Promise<void> {
  await new ExcelSession(opts.onCellEdit).run(async (context, sync) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await sync();
  });
}
