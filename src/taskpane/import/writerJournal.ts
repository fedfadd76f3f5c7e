/**
 * The undo journal in Excel: a veryHidden sheet, "PROD undo", that the user never sees in the sheet
 * list and that is saved with the file. Its A1 holds the index (journal.ts); each entry's JSON text
 * follows in column A, PART_CHARS characters a cell, written in requests under 5 MB. A change
 * records itself in two steps: `captureBefore` reads what the cells about to be written hold, and
 * after the write `recordChange` reads what they hold now and keeps both. `undoLastChange` puts the
 * last entry back — refused, naming the cells, when any was edited since.
 */
import {
  entryToParts,
  editedCells,
  indexWith,
  partRequests,
  partsToEntry,
  readIndex,
  refusedUndo,
  type Added,
  type CellArea,
  type CellBlock,
  type CellContent,
  type JournalEntry,
  type JournalIndex,
} from "./journal";
import { logRows, logTime } from "./importLog";
import { describeFailure } from "./internalError";
import { appendLog } from "./writerLog";
import { ExcelSession, type OnCellEdit } from "./writerSession";

/** The journal's sheet. veryHidden: only code can show it, so no one edits it by chance. */
const JOURNAL_SHEET = "PROD undo";

/** Record parts read per request: 40 cells of 30,000 characters stay under 5 MB even at 3 bytes a character. */
const PARTS_READ = 40;

/** Rows of a block read per request: a few columns of 5,000 rows stay far below 5 MB. */
const READ_ROWS = 5_000;

/** What the cells of an area held before a change. */
export type Captured = Omit<CellBlock, "after">;

/** Reads the formulas and number formats of each area (in slices of READ_ROWS rows) before a change writes them. */
export async function captureBefore(excel: ExcelSession, areas: readonly CellArea[]): Promise<Captured[]> {
  return excel.run(async (context, sync) => {
    const out: Captured[] = [];
    for (const group of requestGroups(areas.flatMap(slices))) {
      const ranges = group.map((s) =>
        context.workbook.worksheets
          .getItem(s.sheet)
          .getRangeByIndexes(s.row, s.col, s.rows, s.cols)
          .load("formulas,numberFormat"),
      );
      await sync();
      group.forEach((s, i) =>
        out.push({
          ...s,
          before: { formulas: ranges[i].formulas as CellContent[][], formats: ranges[i].numberFormat as string[][] },
        }),
      );
    }
    return out;
  });
}

/** An area cut into slices of at most READ_ROWS rows. */
function slices(a: CellArea): CellArea[] {
  const out: CellArea[] = [];
  for (let start = 0; start < a.rows; start += READ_ROWS) {
    out.push({ ...a, row: a.row + start, rows: Math.min(READ_ROWS, a.rows - start) });
  }
  return out;
}

/** Cells read or written per request: with their formats, far below 5 MB. */
const CELLS_PER_REQUEST = 25_000;

/** Areas grouped so that each request reads or writes at most CELLS_PER_REQUEST cells. */
function requestGroups<T extends CellArea>(areas: readonly T[]): T[][] {
  const groups: T[][] = [];
  let cells = Infinity;
  for (const a of areas) {
    if (cells + a.rows * a.cols > CELLS_PER_REQUEST) {
      groups.push([]);
      cells = 0;
    }
    groups[groups.length - 1].push(a);
    cells += a.rows * a.cols;
  }
  return groups;
}

/** Values and number formats of areas as they are now, in as few requests as fit. */
async function readNow(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  areas: readonly CellArea[],
): Promise<{ values: CellContent[][]; formats: string[][] }[]> {
  const out: { values: CellContent[][]; formats: string[][] }[] = [];
  for (const group of requestGroups(areas)) {
    const ranges = group.map((a) =>
      context.workbook.worksheets
        .getItem(a.sheet)
        .getRangeByIndexes(a.row, a.col, a.rows, a.cols)
        .load("values,numberFormat"),
    );
    await sync();
    for (const r of ranges) out.push({ values: r.values as CellContent[][], formats: r.numberFormat as string[][] });
  }
  return out;
}

/**
 * Shrinks each table a change grew back to its rows before, then writes every captured block back as
 * it was: formats first (a text cell must be "@" before "=…" lands in it), then formulas. Used by
 * undo and by a change that stops part-way.
 */
export async function putBackCells(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  blocks: readonly Captured[],
  added: readonly Added[],
): Promise<void> {
  for (const a of added) {
    if (a.kind !== "table-rows") continue;
    const ws = context.workbook.worksheets.getItem(a.sheet);
    context.workbook.tables.getItem(a.table).resize(ws.getRangeByIndexes(a.top, a.left, 1 + a.rowsBefore, a.columns));
  }
  await sync();
  for (const group of requestGroups(blocks)) {
    for (const block of group) {
      const r = context.workbook.worksheets
        .getItem(block.sheet)
        .getRangeByIndexes(block.row, block.col, block.rows, block.cols);
      r.numberFormat = block.before.formats;
      r.formulas = block.before.formulas as Excel.Range["formulas"];
    }
    await sync();
  }
}

/** What a change tells the journal: its name, the cells it captured before writing, and what it added. */
export interface Change {
  what: string;
  captured: readonly Captured[];
  added: readonly Added[];
}

/** Reads what the change left in its cells and keeps the entry in the journal; returns it. */
export async function recordChange(excel: ExcelSession, change: Change): Promise<JournalEntry> {
  const cells: CellBlock[] = await excel.run(async (context, sync) => {
    const now = await readNow(context, sync, change.captured);
    return change.captured.map((c, i): CellBlock => ({ ...c, after: now[i] }));
  });
  const entry: JournalEntry = {
    version: 1,
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    when: new Date().toISOString(),
    what: change.what,
    cells,
    added: [...change.added],
  };
  await store(excel, entry);
  return entry;
}

/** The journal sheet (made veryHidden when absent) and its index. */
async function openJournal(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  create: boolean,
): Promise<{ ws: Excel.Worksheet; index: JournalIndex } | null> {
  const found = context.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
  found.load("isNullObject");
  await sync();
  if (found.isNullObject) {
    if (!create) return null;
    const ws = context.workbook.worksheets.add(JOURNAL_SHEET);
    ws.visibility = Excel.SheetVisibility.veryHidden;
    await sync();
    return { ws, index: readIndex("") };
  }
  const a1 = found.getRange("A1").load("values");
  await sync();
  return { ws: found, index: readIndex(a1.values[0][0]) };
}

async function store(excel: ExcelSession, entry: JournalEntry): Promise<void> {
  const parts = entryToParts(entry);
  await excel.run(async (context, sync) => {
    const journal = (await openJournal(context, sync, true))!;
    const { index, row, dropped } = indexWith(journal.index, entry, parts.length);
    for (const [start, end] of partRequests(parts)) {
      const range = journal.ws.getRangeByIndexes(row + start, 0, end - start, 1);
      range.numberFormat = parts.slice(start, end).map(() => ["@"]);
      range.values = parts.slice(start, end).map((p) => [p]);
      await sync();
    }
    for (const d of dropped) journal.ws.getRangeByIndexes(d.row, 0, d.parts, 1).clear(Excel.ClearApplyTo.contents);
    writeIndex(journal.ws, index);
    await sync();
  });
}

function writeIndex(ws: Excel.Worksheet, index: JournalIndex): void {
  const a1 = ws.getRange("A1");
  a1.numberFormat = [["@"]];
  a1.values = [[JSON.stringify(index)]];
}

/** The last change the journal can undo (its name and time), or null when there is none. */
export async function lastChange(
  opts: { onCellEdit?: OnCellEdit } = {},
): Promise<{ what: string; when: string } | null> {
  const excel = new ExcelSession(opts.onCellEdit);
  return excel.run(async (context, sync) => {
    const journal = await openJournal(context, sync, false);
    const last = journal?.index.entries.at(-1);
    return last ? { what: last.what, when: last.when } : null;
  });
}

export interface UndoOutcome {
  status: "done" | "refused" | "none" | "failed";
  /** A sentence for the pane. */
  message: string;
  /** For "refused": the cells edited since the change. */
  edited?: string[];
  /** For "done": the change undone. */
  entry?: JournalEntry;
}

/**
 * Undoes the last change in the journal: refuses, naming the cells, when any was edited since;
 * otherwise shrinks tables back, writes back every cell (formats first, then formulas), removes what
 * the change added and drops the entry.
 */
export async function undoLastChange(opts: { onCellEdit?: OnCellEdit } = {}): Promise<UndoOutcome> {
  const excel = new ExcelSession(opts.onCellEdit);
  return excel.together(() => undoIn(excel));
}

async function undoIn(excel: ExcelSession): Promise<UndoOutcome> {
  try {
    await excel.askAboutCellEdit();
    const loaded = await excel.run(async (context, sync) => {
      const journal = await openJournal(context, sync, false);
      const last = journal?.index.entries.at(-1);
      if (!journal || !last) return null;
      const parts: unknown[] = [];
      for (let start = 0; start < last.parts; start += PARTS_READ) {
        const n = Math.min(PARTS_READ, last.parts - start);
        const r = journal.ws.getRangeByIndexes(last.row + start, 0, n, 1).load("values");
        await sync();
        parts.push(...r.values.map((v) => v[0]));
      }
      return { entry: partsToEntry(parts), index: journal.index };
    });
    if (!loaded) return { status: "none", message: "There is no change of PROD's to undo in this workbook." };
    const { entry, index } = loaded;
    if (!entry) {
      await excel.run(async (context, sync) => {
        const journal = (await openJournal(context, sync, false))!;
        writeIndex(journal.ws, { version: 1, entries: index.entries.slice(0, -1) });
        await sync();
      });
      return {
        status: "failed",
        message: "The record of the last change could not be read; it was dropped and nothing was changed.",
      };
    }
    const edited = await excel.run(async (context, sync) => {
      const now = await readNow(context, sync, entry.cells);
      return entry.cells.flatMap((block, i) => editedCells(block, now[i]));
    });
    if (edited.length > 0) return { status: "refused", message: refusedUndo(entry, edited), edited };
    await excel.run(async (context, sync) => {
      const removed = new Set(entry.added.flatMap((a) => (a.kind === "sheet" ? [a.sheet.toLowerCase()] : [])));
      const blocks = entry.cells.filter((b) => !removed.has(b.sheet.toLowerCase()));
      await putBackCells(context, sync, blocks, entry.added);
      for (const a of entry.added) {
        if (a.kind === "table") context.workbook.tables.getItem(a.table).delete();
        if (a.kind === "chart") context.workbook.worksheets.getItem(a.sheet).charts.getItem(a.name).delete();
        if (a.kind === "rule") {
          context.workbook.worksheets.getItem(a.sheet).getRange(a.address).conditionalFormats.getItem(a.id).delete();
        }
        if (a.kind === "setting") {
          const setting = context.workbook.settings.getItemOrNullObject(a.key).load("key");
          await sync();
          if (!setting.isNullObject) setting.delete();
        }
        if (a.kind === "sheet") context.workbook.worksheets.getItem(a.sheet).delete();
      }
      const journal = (await openJournal(context, sync, false))!;
      const last = index.entries[index.entries.length - 1];
      journal.ws.getRangeByIndexes(last.row, 0, last.parts, 1).clear(Excel.ClearApplyTo.contents);
      writeIndex(journal.ws, { version: 1, entries: index.entries.slice(0, -1) });
      context.workbook.application.calculate(Excel.CalculationType.recalculate);
      await sync();
    });
    let logged = "";
    try {
      const event = {
        when: new Date(),
        action: "Undo",
        table: "",
        source: "",
        layout: "",
        rowsAdded: 0,
        cellsUpdated: 0,
      };
      await appendLog(
        excel,
        logRows({ ...event, detail: `Undid the ${entry.what} of ${logTime(new Date(entry.when))} UTC` }),
      );
    } catch (e) {
      logged = ` The import log could not be written: ${describeFailure(e).sentence}`;
    }
    return { status: "done", message: `Undone: ${entry.what}.${logged}`, entry };
  } catch (e) {
    return { status: "failed", message: `${describeFailure(e).sentence} The undo did not finish; check the table.` };
  }
}

/** Whether every captured cell holds again what it held before (read back after a put-back that failed). */
export async function isAsCaptured(excel: ExcelSession, captured: readonly Captured[]): Promise<boolean> {
  return excel.run(async (context, sync) => {
    for (const group of requestGroups(captured)) {
      const ranges = group.map((a) =>
        context.workbook.worksheets
          .getItem(a.sheet)
          .getRangeByIndexes(a.row, a.col, a.rows, a.cols)
          .load("formulas,numberFormat"),
      );
      await sync();
      const same = group.every(
        (a, i) =>
          JSON.stringify(ranges[i].formulas) === JSON.stringify(a.before.formulas) &&
          JSON.stringify(ranges[i].numberFormat) === JSON.stringify(a.before.formats),
      );
      if (!same) return false;
    }
    return true;
  });
}
