/**
 * Text to a table of cells. CSV/TSV/semicolon files go through papaparse (quotes, embedded
 * separators); tables pasted from web pages or PDFs arrive with tabs or runs of spaces.
 * The separator is chosen by how consistently it splits the first lines, so "6,736" inside a
 * tab- or space-separated table does not make it a CSV.
 */
import Papa from "papaparse";
import { SPACE } from "../../calc/vocabulary";

export type Separator = "\t" | ";" | "," | "spaces";

/** Two or more spaces (also no-break/thin ones from web pages) or a tab separate pasted cells. */
const SPACE_RUN = new RegExp(`\\t|${SPACE}{2,}`, "u");
const LINE_BREAK = /\r\n|\n|\r/;
const SAMPLE_LINES = 40;

function splitSpaces(line: string): string[] {
  const t = line.trim();
  return t === "" ? [""] : t.split(SPACE_RUN);
}

/** Share of non-empty lines that have the most common field count (0 when that count is 1). */
function consistency(counts: number[]): { width: number; share: number } {
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [c, n] of tally) if (n > best || (n === best && c > width)) [width, best] = [c, n];
  return { width, share: width < 2 || counts.length === 0 ? 0 : best / counts.length };
}

/** The separator that splits the sample most consistently; ties go to tab, then ";", then ",". */
export function detectSeparator(text: string): Separator {
  const lines = text
    .split(LINE_BREAK, SAMPLE_LINES * 4)
    .filter((l) => l.trim() !== "")
    .slice(0, SAMPLE_LINES);
  if (lines.length === 0) return ",";
  const sample = lines.join("\n");
  let best: Separator = ",";
  let bestShare = 0;
  for (const sep of ["\t", ";", ","] as const) {
    const rows = Papa.parse<string[]>(sample, { delimiter: sep }).data;
    const { share } = consistency(rows.map((r) => r.length));
    if (share > bestShare) [best, bestShare] = [sep, share];
  }
  const spaced = consistency(lines.map((l) => splitSpaces(l).length));
  if (spaced.share > bestShare) best = "spaces";
  return best;
}

/** Drops empty rows at the end (a final newline), keeping inner blank rows so row numbers match the file. */
function trimTrailing(rows: string[][]): string[][] {
  let n = rows.length;
  while (n > 0 && rows[n - 1].every((c) => c.trim() === "")) n--;
  return n === rows.length ? rows : rows.slice(0, n);
}

/** Never throws: anything unreadable becomes one cell per line. */
export function readTable(text: string): string[][] {
  try {
    const clean = typeof text === "string" ? (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) : "";
    if (clean.trim() === "") return [];
    const sep = detectSeparator(clean);
    if (sep === "spaces") return trimTrailing(clean.split(LINE_BREAK).map(splitSpaces));
    const parsed = Papa.parse<string[]>(clean, { delimiter: sep, skipEmptyLines: false });
    return trimTrailing(parsed.data);
  } catch {
    return typeof text === "string" ? trimTrailing(text.split(LINE_BREAK).map((l) => [l])) : [];
  }
}
