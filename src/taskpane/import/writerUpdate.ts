/**
 * Writes an update (update.ts's difference) into an existing table: the changed cells, then the new
 * rows below it. All or nothing: before the first write, the changed cells and the cells the new rows
 * will cover are captured (writerJournal.ts); Cancel, an Excel error or a bug puts them back and
 * shrinks the table to its rows before. A finished update is kept for Undo and logged.
 */
import type { Chunk } from "./chunks";
import { count, counted, describeSpans, writtenSpans } from "./format";
import { describeFailure, thrownMessage } from "./internalError";
import type { Added, CellArea } from "./journal";
import type { ImportPlan } from "./types";
import type { UpdateDiff } from "./update";
import type { Sent, WriteOptions, WriteOutcome } from "./writer";
import type { TableArea } from "./writerCopy";
import { captureBefore, isAsCaptured, putBackCells, type Captured } from "./writerJournal";
import { recordAndLog } from "./writerRecord";
import type { ExcelSession } from "./writerSession";

/** Changed cells written per request (each its own small range). */
const CELLS_PER_REQUEST = 5_000;

/** The parts of writer.ts an update shares with an append. */
export interface UpdateSteps {
  send(plan: ImportPlan, chunks: Chunk[]): Promise<Sent>;
  chunksFor(plan: ImportPlan): Chunk[] | WriteOutcome;
  finish(plan: ImportPlan): Promise<void>;
  stoppedBeforeWriting(e: unknown): WriteOutcome;
}

export async function writeUpdate(
  excel: ExcelSession,
  diff: UpdateDiff,
  place: TableArea,
  opts: WriteOptions,
  steps: UpdateSteps,
): Promise<WriteOutcome> {
  const rows = diff.append.rows.length;
  const chunks = rows > 0 ? steps.chunksFor(diff.append) : [];
  if (!Array.isArray(chunks)) return { ...chunks, diff };
  const cellAreas: CellArea[] = diff.changes.map((c) => ({
    sheet: place.sheet,
    row: place.top + 1 + c.row,
    col: place.left + c.col,
    rows: 1,
    cols: 1,
  }));
  const below: CellArea[] =
    rows > 0
      ? [{ sheet: place.sheet, row: place.top + 1 + place.existingRows, col: place.left, rows, cols: place.columns }]
      : [];
  const grown: Added[] =
    rows > 0
      ? [
          {
            kind: "table-rows",
            sheet: place.sheet,
            table: place.table,
            top: place.top,
            left: place.left,
            columns: place.columns,
            rowsBefore: place.existingRows,
          },
        ]
      : [];
  let captured: Captured[];
  try {
    captured = await captureBefore(excel, [...cellAreas, ...below]);
  } catch (e) {
    return { ...steps.stoppedBeforeWriting(e), diff };
  }

  const base = { sheet: place.sheet, table: place.table, totalRows: rows, plan: diff.append, diff };
  let stopped: Sent["stopped"];
  try {
    stopped = await writeChanges(excel, diff, cellAreas, opts);
  } catch (e) {
    stopped = { error: e };
  }
  if (stopped === null && rows > 0) stopped = (await steps.send(diff.append, chunks)).stopped;

  if (stopped !== null) {
    const why = stopped === "cancelled" ? { sentence: "Update cancelled." } : describeFailure(stopped.error);
    let undone = `Nothing was changed: table ${place.table} is as it was.`;
    try {
      await excel.run((context, sync) => putBackCells(context, sync, captured, grown));
    } catch (e) {
      if (!(await isAsCaptured(excel, captured).catch(() => false))) {
        const f = describeFailure(e);
        undone =
          `Table ${place.table} could not be put back as it was (${f.code ? `Excel's code: ${f.code}` : thrownMessage(e)}): ` +
          `check its cells before you go on.`;
      }
    }
    const outcome: WriteOutcome = {
      ...base,
      status: stopped === "cancelled" ? "cancelled" : "failed",
      message: `${why.sentence} ${undone}`,
      rowsWritten: 0,
      spans: [],
    };
    if ("internal" in why) {
      outcome.failure = why;
      if (!why.internal) outcome.retry = { kind: "update", table: place.table };
    }
    return outcome;
  }

  await steps.finish(diff.append);
  const restated = diff.changes.filter((c) => c.restated).length;
  const spans = writtenSpans(diff.append, rows);
  const what = `update of table ${place.table} from ${opts.source ?? "the file"}`;
  const message =
    `Updated table ${place.table}: ${counted(diff.changes.length, "cell")} changed` +
    `${restated > 0 ? ` (${count(restated)} restated)` : ""}, ${counted(rows, "row")} added` +
    `${rows > 0 ? ` (${describeSpans(spans)})` : ""}.`;
  const note = !opts.record
    ? ""
    : await recordAndLog(
        excel,
        { what, captured, added: grown },
        {
          when: new Date(),
          action: "Update",
          table: place.table,
          source: opts.source ?? "",
          layout: diff.append.layout,
          rowsAdded: rows,
          cellsUpdated: diff.changes.length,
          detail: rows > 0 ? `Added ${describeSpans(spans)}` : "No rows added",
          changes: diff.changes,
        },
      );
  return { ...base, status: "done", message: message + note, rowsWritten: rows, spans };
}

/** Writes the changed cells, a request at a time, stopping at Cancel. */
async function writeChanges(
  excel: ExcelSession,
  diff: UpdateDiff,
  areas: CellArea[],
  opts: WriteOptions,
): Promise<Sent["stopped"]> {
  const total = diff.changes.length;
  if (total === 0) return null;
  return excel.run(async (context, sync) => {
    const ws = context.workbook.worksheets.getItem(areas[0].sheet);
    for (let start = 0; start < total; start += CELLS_PER_REQUEST) {
      if (opts.signal?.aborted) return "cancelled";
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (let i = start; i < Math.min(total, start + CELLS_PER_REQUEST); i++) {
        const a = areas[i];
        const v = diff.changes[i].new;
        const cell = ws.getRangeByIndexes(a.row, a.col, 1, 1);
        // A text that Excel would take for a formula stays text.
        if (typeof v === "string" && /^[=+\-@]/.test(v)) cell.numberFormat = [["@"]];
        cell.values = [[v as string | number | boolean]];
      }
      await sync();
      opts.onProgress?.(Math.min(total, start + CELLS_PER_REQUEST), total);
    }
    return opts.signal?.aborted ? "cancelled" : null;
  });
}
