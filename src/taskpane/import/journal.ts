/**
 * The undo journal: what each change PROD makes to a workbook replaced or added, kept in the workbook
 * so that "Undo last change" works after the pane was closed and the file reopened. Pure: the record's
 * shape, how it is cut into cell-sized text parts (and parts into requests under Excel on the web's
 * 5 MB), and which cells were edited since the change. writerJournal.ts reads and writes it in Excel.
 *
 * Any writer (an import, an update, an analysis action) records one JournalEntry per change:
 * - `cells`: every block of cells it wrote, with what they held before (formulas — a formula comes
 *   back as a formula, a value as a value — and number formats) and what it left there (values and
 *   number formats, read back after the write). Undo puts `before` back; it is refused, naming the
 *   cells, when any cell no longer holds `after` (the user edited it since).
 * - `added`: things that did not exist before and that undo removes: a sheet, a table, rows a table
 *   grew by, a chart, a conditional-format rule, a workbook setting.
 */
import { utf8Length } from "./chunks";

/** A rectangle of cells on a sheet, 0-based as getRangeByIndexes counts. */
export interface CellArea {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** One value or formula as Excel's `formulas` gives it: "=SUM(A1:A3)", 6736, "Feb 2017", true, "". */
export type CellContent = string | number | boolean;

/** A block of cells one change wrote. */
export interface CellBlock extends CellArea {
  /** What the cells held before: `formulas` and `numberFormat` as Excel reads them (rows × cols). */
  before: { formulas: CellContent[][]; formats: string[][] };
  /** What the change left there, read back: `values` and `numberFormat` (rows × cols). */
  after: { values: CellContent[][]; formats: string[][] };
}

/** Something a change made that undo removes (rather than writes back). */
export type Added =
  /** A sheet the change created: undo deletes it (its cells need no blocks). */
  | { kind: "sheet"; sheet: string }
  /** A table the change created on a sheet that existed: undo deletes the table (its cells are in `cells`). */
  | { kind: "table"; sheet: string; table: string }
  /** Rows a table grew by: undo resizes it back to `rowsBefore` body rows (the rows' cells are in `cells`). */
  | { kind: "table-rows"; sheet: string; table: string; top: number; left: number; columns: number; rowsBefore: number }
  /** A chart (Excel's chart name on the sheet): undo deletes it. */
  | { kind: "chart"; sheet: string; name: string }
  /** A conditional-format rule, by Excel's id (ConditionalFormat.id): undo deletes it. */
  | { kind: "rule"; sheet: string; address: string; id: string }
  /** A workbook setting the change stored (e.g. a new table's column kinds): undo deletes it. */
  | { kind: "setting"; key: string };

/** One change, as the journal keeps it. */
export interface JournalEntry {
  version: 1;
  /** Unique within the workbook's journal. */
  id: string;
  /** ISO time of the change. */
  when: string;
  /** What the pane's Undo names: "Update of table ProductionData from dynacor-2017-04.csv". */
  what: string;
  cells: CellBlock[];
  added: Added[];
}

/** The journal's index: the entries, oldest first, each with where its text parts start. */
export interface JournalIndex {
  version: 1;
  entries: { id: string; when: string; what: string; row: number; parts: number }[];
}

/** Characters per journal cell: Excel keeps at most 32,767 in a cell. */
const PART_CHARS = 30_000;
/** Bytes of journal text per request: 4 MB leaves room for the envelope under Excel on the web's 5 MB. */
const PART_BYTES_PER_REQUEST = 4_000_000;
/** Entries kept; the oldest goes when one more is recorded. */
const MAX_ENTRIES = 20;

/** An entry as text parts of at most PART_CHARS characters each (never splitting a surrogate pair). */
export function entryToParts(entry: JournalEntry, partChars = PART_CHARS): string[] {
  const text = JSON.stringify(entry);
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + partChars);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts;
}

/** The entry the parts spell, or null when they do not spell one this version wrote. */
export function partsToEntry(parts: readonly unknown[]): JournalEntry | null {
  try {
    const v = JSON.parse(parts.map((p) => String(p ?? "")).join("")) as Partial<JournalEntry>;
    if (v?.version !== 1 || typeof v.id !== "string" || !Array.isArray(v.cells) || !Array.isArray(v.added)) return null;
    return v as JournalEntry;
  } catch {
    return null;
  }
}

/** Parts grouped so that each request carries at most `maxBytes` of them: [start, end) indexes. */
export function partRequests(parts: readonly string[], maxBytes = PART_BYTES_PER_REQUEST): [number, number][] {
  const groups: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  parts.forEach((p, i) => {
    const b = utf8Length(JSON.stringify(p));
    if (i > start && bytes + b > maxBytes) {
      groups.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (start < parts.length) groups.push([start, parts.length]);
  return groups;
}

/** The index as read from the journal's first cell; an empty one when absent or unreadable. */
export function readIndex(value: unknown): JournalIndex {
  try {
    const v = JSON.parse(String(value ?? "")) as Partial<JournalIndex>;
    if (v?.version === 1 && Array.isArray(v.entries)) return { version: 1, entries: v.entries };
  } catch {
    // an empty or foreign cell: no journal yet
  }
  return { version: 1, entries: [] };
}

/**
 * The index with `entry` added after the others (its parts from the first free row), and the
 * entries dropped to keep MAX_ENTRIES (their rows are to be cleared).
 */
export function indexWith(
  index: JournalIndex,
  entry: JournalEntry,
  parts: number,
): { index: JournalIndex; row: number; dropped: JournalIndex["entries"] } {
  const row = index.entries.reduce((end, e) => Math.max(end, e.row + e.parts), 1);
  const entries = [...index.entries, { id: entry.id, when: entry.when, what: entry.what, row, parts }];
  const dropped = entries.splice(0, Math.max(0, entries.length - MAX_ENTRIES));
  return { index: { version: 1, entries }, row, dropped };
}

/** "A1"-style column letters for a 0-based column. */
function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "Production!C5" for a 0-based cell. */
function cellAddress(sheet: string, row: number, col: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnName(col)}${row + 1}`;
}

/** Same cell content as Excel reads it back: "" and an absent cell agree, numbers by value. */
function sameContent(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? "" : v);
  return norm(a) === norm(b);
}

/**
 * The cells of a block that no longer hold what the change left there: their addresses. `now` is the
 * block's cells as read before undoing (values and number formats).
 */
export function editedCells(block: CellBlock, now: { values: unknown[][]; formats: unknown[][] }): string[] {
  const edited: string[] = [];
  for (let i = 0; i < block.rows; i++) {
    for (let j = 0; j < block.cols; j++) {
      const valueSame = sameContent(block.after.values[i]?.[j], now.values[i]?.[j]);
      const formatSame = String(block.after.formats[i]?.[j] ?? "General") === String(now.formats[i]?.[j] ?? "General");
      if (!valueSame || !formatSame) edited.push(cellAddress(block.sheet, block.row + i, block.col + j));
    }
  }
  return edited;
}

/** Cells named in a refusal; more are counted. */
const CELLS_NAMED = 10;

/** The pane's sentence when undo is refused because cells were edited since. */
export function refusedUndo(entry: Pick<JournalEntry, "what">, edited: readonly string[]): string {
  const shown = edited.slice(0, CELLS_NAMED).join(", ");
  const more = edited.length > CELLS_NAMED ? ` and ${edited.length - CELLS_NAMED} more` : "";
  const cells = edited.length === 1 ? "cell" : "cells";
  return (
    `Undo refused: ${cells} ${shown}${more} changed since "${entry.what}" wrote ${edited.length === 1 ? "it" : "them"}. ` +
    `Undoing would lose those edits; nothing was changed. Put the ${cells} back as the change left ${edited.length === 1 ? "it" : "them"}, or edit the table by hand.`
  );
}
