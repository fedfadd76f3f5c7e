/**
 * The import log: a sheet, "PROD import log", that says where each figure came from. One row per
 * change (when, what, table, source, layout, rows added, cells updated) and one row under it per
 * restated value with both figures. Pure: the rows; writerLog.ts appends them to the sheet.
 */
import { describeChange, type CellChange } from "./update";

export const LOG_SHEET = "PROD import log";

export const LOG_HEADER = [
  "When (UTC)",
  "Action",
  "Table",
  "Source",
  "Layout",
  "Rows added",
  "Cells updated",
  "Detail",
] as const;

export interface LogEvent {
  when: Date;
  /** "New table", "Append", "Update", "Undo". */
  action: string;
  table: string;
  /** A file's name, or `pasted: "first line"`. */
  source: string;
  layout: string;
  rowsAdded: number;
  cellsUpdated: number;
  /** A sentence for the Detail column (the months written, what was undone). */
  detail: string;
  /** Each changed cell gets a row of its own. */
  changes?: readonly CellChange[];
}

/** Characters of a pasted text's first line kept in the log. */
const FIRST_LINE_CHARS = 80;

/** The log's Source for an import: the file's name, or "pasted" and the text's first line. */
export function sourceOf(name: string, text: string | null): string {
  if (name !== "" && name !== "Pasted text") return name;
  const first = (text ?? "").split(/\r\n|\r|\n/).find((l) => l.trim() !== "") ?? "";
  const line = first.trim().replace(/\s+/g, " ");
  return `pasted: "${line.length > FIRST_LINE_CHARS ? `${line.slice(0, FIRST_LINE_CHARS)}…` : line}"`;
}

/** "2026-11-29 15:04:05" in UTC. */
export function logTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

/** The rows one event adds to the log: every cell text, so nothing in them turns into a formula. */
export function logRows(e: LogEvent): string[][] {
  const when = logTime(e.when);
  const rows = [[when, e.action, e.table, e.source, e.layout, String(e.rowsAdded), String(e.cellsUpdated), e.detail]];
  for (const c of e.changes ?? []) {
    rows.push([when, c.restated ? "Restated" : "Changed", e.table, e.source, "", "", "", describeChange(c)]);
  }
  return rows;
}
