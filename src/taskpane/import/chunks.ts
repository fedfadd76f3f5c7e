/**
 * Pure helpers for writing a plan in pieces: how to split the rows so each Excel request stays
 * small, and the cells and formats each request sends. No Office, no DOM.
 */
import { NO_FIGURE, type ImportPlan, type PlannedCell, type PlannedColumn } from "./types";

/** Rows [start, end) of plan.rows written by one request. */
export interface Chunk {
  start: number;
  end: number;
  /** UTF-8 size of the values + number formats this chunk sends, as JSON. */
  bytes: number;
}

export interface ChunkOptions {
  /** Budget per request. Excel on the web refuses requests over 5 MB; 4 MB leaves room for the envelope. */
  maxBytes?: number;
  /** Row cap per request, so progress moves and Cancel takes effect between short syncs. */
  maxRows?: number;
}

const DEFAULT_MAX_BYTES = 4_000_000;
const DEFAULT_MAX_ROWS = 5_000;

/** Bytes of the JSON envelope around the two arrays: {"values":[...],"numberFormat":[...]}. */
const ENVELOPE_BYTES = 64;

/** UTF-8 length without allocating (TextEncoder would copy every row). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The number format of each column as written. Text columns, and any column holding text other
 * than the no-figure text "n/a" of a metric column, get "@" so that a cell such as "=cmd" or "+1"
 * stays text in Excel (CSV injection). null (Excel: "leave as it is") for an existing table column
 * the plan does not fill.
 */
export function formatRow(plan: ImportPlan): (string | null)[] {
  return plan.columns.map((c, j) =>
    c.untouched
      ? null
      : c.kind === "text" ||
          c.kind === "mine" ||
          plan.rows.some((r) => typeof r[j] === "string" && !(c.kind === "number" && r[j] === NO_FIGURE))
        ? "@"
        : c.numberFormat,
  );
}

/**
 * Cells as sent to Excel. There null means "leave the cell as it is": right for columns the plan
 * does not fill (a table formula stays), wrong for a blank value, which is sent as "".
 */
export function cellsToSend(row: PlannedCell[], columns?: PlannedColumn[]): (string | number | boolean | null)[] {
  return row.map((v, j) => (columns?.[j]?.untouched ? null : v === null ? "" : v));
}

/** Bytes one row adds to a request: its values, its formats and the two separating commas. */
function rowBytes(row: unknown[], formatsJsonBytes: number): number {
  return utf8Length(JSON.stringify(row)) + formatsJsonBytes + 2;
}

/**
 * Splits plan.rows into consecutive whole-row chunks, each within maxBytes and maxRows.
 * A single row larger than the budget cannot be sent at all, so that is an error, not a chunk.
 */
export function planChunks(plan: ImportPlan, opts: ChunkOptions = {}): Chunk[] {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  if (!(maxRows >= 1)) throw new RangeError(`maxRows must be at least 1, got ${maxRows}`);
  const formatsBytes = utf8Length(JSON.stringify(formatRow(plan)));
  // Every chunk reserves room for the header row too (sent with the first chunk of a new table).
  const base =
    ENVELOPE_BYTES +
    rowBytes(
      plan.columns.map((c) => c.name),
      formatsBytes,
    );
  const chunks: Chunk[] = [];
  let start = 0;
  let bytes = base;
  for (let i = 0; i < plan.rows.length; i++) {
    const b = rowBytes(cellsToSend(plan.rows[i], plan.columns), formatsBytes);
    if (base + b > maxBytes) {
      throw new RangeError(
        `Row ${i + 1} of the import needs ${b} bytes, more than one request may carry (${maxBytes}).`,
      );
    }
    const full = i - start >= maxRows || bytes + b > maxBytes;
    if (full && i > start) {
      chunks.push({ start, end: i, bytes });
      start = i;
      bytes = base;
    }
    bytes += b;
  }
  if (plan.rows.length > start) chunks.push({ start, end: plan.rows.length, bytes });
  return chunks;
}
