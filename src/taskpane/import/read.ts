/**
 * Text to cells, one row per line of the text, so that every problem and every line of the pane's
 * count is a line number the user can find. CSV, TSV and semicolon files follow Excel's quoting
 * (a quote opens a cell only as its first character; "" inside is a quote). Tables pasted from web
 * pages or PDFs arrive with tabs or runs of spaces; cells separated by spaces are placed in columns
 * by where they stand on the line, so a blank cell in between keeps its column.
 *
 * A quote that does not close where its cell ends is read as a plain character, never allowed to
 * swallow the lines after it: those lines are read as rows, and the quote is reported with the line
 * it opens on and the lines a reader honouring it would have taken in. A quoted cell that really
 * holds a line break (Excel writes one for Alt+Enter) stays one cell, reported with its lines.
 */
import { SPACE } from "../../calc/vocabulary";
import type { Problem } from "./types";

type Separator = "\t" | ";" | "," | "spaces";

export interface Source {
  /** rows[i] holds the cells of line i + 1; a line inside a multi-line cell is an empty row. */
  rows: string[][];
  /** For each line inside a multi-line cell, the 0-based row holding that cell. */
  within: Map<number, number>;
  separator: Separator;
  /** Quotes and line breaks met while reading, each naming its lines. */
  problems: Problem[];
}

/** Two or more spaces (also no-break/thin ones from web pages) or a tab separate pasted cells. */
const SPACE_RUN = new RegExp(`\\t|${SPACE}{2,}`, "gu");
const LINE_BREAK = /\r\n|\n|\r/;
const SAMPLE_LINES = 40;
const QUOTE = 34;

/** The lines of a text; a line break at the very end ends the last line rather than starting one. */
function splitLines(text: string): string[] {
  const lines = text.split(LINE_BREAK);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

// ---- choosing the separator -------------------------------------------------------------------

/** A comma between a digit and three digits groups thousands ("5,208"): not a cell boundary when judging. */
const THOUSANDS_COMMA = /(\d),(?=\d{3}(?!\d))/g;

/** Cells of one line under a separator, as the separator test counts them (quotes on the line respected). */
function countCells(line: string, sep: string): number {
  if (sep === "spaces") return tokens(line).length;
  const text = sep === "," ? line.replace(THOUSANDS_COMMA, "$1") : line;
  let n = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) n++;
  }
  return n;
}

/** Lines whose cell count is the commonest count of two or more cells: how well a separator splits the sample. */
function score(counts: number[]): number {
  const tally = new Map<number, number>();
  for (const c of counts) if (c >= 2) tally.set(c, (tally.get(c) ?? 0) + 1);
  let best = 0;
  for (const n of tally.values()) best = Math.max(best, n);
  return best;
}

/** The separator that splits the first lines most consistently; ties go to tab, then ";", then ",", then spaces. */
function detectSeparator(text: string): Separator {
  const lines = text
    .split(LINE_BREAK, SAMPLE_LINES * 4)
    .filter((l) => l.trim() !== "")
    .slice(0, SAMPLE_LINES);
  let best: Separator = ",";
  let bestScore = 0;
  for (const sep of ["\t", ";", ",", "spaces"] as const) {
    const s = score(lines.map((l) => countCells(l, sep)));
    if (s > bestScore) [best, bestScore] = [sep, s];
  }
  return best;
}

// ---- cells separated by a character -------------------------------------------------------------

/** A quoted cell that does not close where it should, and what a reader honouring it would do. */
interface Stray {
  line: number;
  text: string;
  /** The last line a reader honouring the quote would take in (the opening line itself when none). */
  until: number;
}

/** A figure standing alone in a cell: what makes a line taken into a quote look like a row of the table. */
const FIGURE_CELL = /^\s*[-+(]?\d[\d,.\s]*\)?%?\s*$/;

class DelimitedReader {
  readonly rows: string[][] = [];
  readonly within = new Map<number, number>();
  readonly strays: Stray[] = [];
  readonly breaks: { from: number; to: number; text: string }[] = [];

  constructor(
    private readonly lines: string[],
    private readonly sep: string,
  ) {}

  run(): void {
    const { lines, sep } = this;
    for (let i = 0; i < lines.length; i++) {
      if (this.within.has(i)) continue;
      const line = lines[i];
      this.rows[i] = line.indexOf('"') < 0 ? line.split(sep) : this.record(i);
    }
    for (let i = 0; i < lines.length; i++) if (this.rows[i] === undefined) this.rows[i] = [];
  }

  /** The cells of the record starting on line i (it may take in later lines for a multi-line cell). */
  private record(i: number): string[] {
    const sep = this.sep;
    const cells: string[] = [];
    let line = this.lines[i];
    let at = i;
    let pos = 0;
    for (;;) {
      if (pos > line.length) return cells;
      if (line.charCodeAt(pos) === QUOTE) {
        const closed = this.quoted(line, pos);
        if (closed !== null) {
          cells.push(closed.text);
          pos = closed.next;
          continue;
        }
        const multi = this.multiLine(at, pos);
        if (multi !== null) {
          cells.push(multi.text);
          for (let k = at + 1; k <= multi.line; k++) this.within.set(k, i);
          this.breaks.push({ from: at + 1, to: multi.line + 1, text: multi.text });
          at = multi.line;
          line = this.lines[at];
          pos = multi.next;
          continue;
        }
        // A stray quote: the cell is read as printed, up to the next separator on its line.
        const end = line.indexOf(sep, pos + 1);
        const text = end < 0 ? line.slice(pos) : line.slice(pos, end);
        this.strays.push({ line: at + 1, text, until: this.honoured(at, pos) + 1 });
        cells.push(text);
        pos = end < 0 ? line.length + 1 : end + 1;
        continue;
      }
      const end = line.indexOf(sep, pos);
      if (end < 0) {
        cells.push(line.slice(pos));
        return cells;
      }
      cells.push(line.slice(pos, end));
      pos = end + 1;
    }
  }

  /** A quoted cell closing on its own line: its text and where the next cell starts, or null. */
  private quoted(line: string, pos: number): { text: string; next: number } | null {
    let text = "";
    let from = pos + 1;
    for (;;) {
      const q = line.indexOf('"', from);
      if (q < 0) return null;
      const after = line[q + 1];
      if (after === '"') {
        text += line.slice(from, q + 1);
        from = q + 2;
        continue;
      }
      if (after === undefined || after === this.sep) return { text: text + line.slice(from, q), next: q + 2 };
      return null; // a quote inside the cell that is neither doubled nor at its end
    }
  }

  /**
   * A quoted cell that closes cleanly on a later line, taking in only lines that do not read as rows:
   * its text, its last line and where the next cell starts; otherwise null.
   */
  private multiLine(start: number, pos: number): { text: string; line: number; next: number } | null {
    let text = "";
    let line = this.lines[start];
    let from = pos + 1;
    for (let k = start; k < this.lines.length;) {
      const q = line.indexOf('"', from);
      if (q < 0) {
        if (k > start && looksLikeRow(line, this.sep)) return null;
        text += `${line.slice(from)}\n`;
        k++;
        if (k >= this.lines.length) return null;
        line = this.lines[k];
        from = 0;
        continue;
      }
      const after = line[q + 1];
      if (after === '"') {
        text += line.slice(from, q + 1);
        from = q + 2;
        continue;
      }
      if (after !== undefined && after !== this.sep) return null;
      if (k === start) return null; // closes on its own line: not multi-line (quoted() would have taken it)
      if (looksLikeRow(line.slice(0, q), this.sep)) return null;
      return { text: text + line.slice(from, q), line: k, next: q + 2 };
    }
    return null;
  }

  /** The 0-based line where a reader honouring the quote at (start, pos) would end its cell. */
  private honoured(start: number, pos: number): number {
    let from = pos + 1;
    for (let k = start; k < this.lines.length; k++, from = 0) {
      const line = this.lines[k];
      for (let q = line.indexOf('"', from); q >= 0; q = line.indexOf('"', q + 1)) {
        const after = line[q + 1];
        if (after === '"') {
          q++;
          continue;
        }
        if (after === undefined || after === this.sep) return k;
      }
    }
    return this.lines.length - 1;
  }
}

function looksLikeRow(line: string, sep: string): boolean {
  const cells = line.split(sep);
  return cells.length >= 2 && cells.some((c) => FIGURE_CELL.test(c));
}

// ---- cells separated by runs of spaces ----------------------------------------------------------

interface Token {
  text: string;
  start: number;
  end: number;
}

/** The cells of a line pasted with tabs or runs of spaces, with where each stands. */
function tokens(line: string): Token[] {
  const out: Token[] = [];
  let from = 0;
  SPACE_RUN.lastIndex = 0;
  const push = (a: number, b: number) => {
    const raw = line.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== "") out.push({ text, start: a + lead, end: a + lead + text.length });
  };
  for (let m = SPACE_RUN.exec(line); m !== null; m = SPACE_RUN.exec(line)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, line.length);
  return out;
}

/** Where each column stands: from the lines with the commonest number of cells, or null when they overlap. */
function columnSpans(lineTokens: Token[][]): { start: number; end: number }[] | null {
  const tally = new Map<number, number>();
  for (const t of lineTokens) if (t.length >= 2) tally.set(t.length, (tally.get(t.length) ?? 0) + 1);
  let width = 0;
  let most = 0;
  for (const [w, n] of tally) if (n > most || (n === most && w > width)) [width, most] = [w, n];
  if (width < 2) return null;
  const spans = Array.from({ length: width }, () => ({ start: Infinity, end: -Infinity }));
  for (const t of lineTokens) {
    if (t.length !== width) continue;
    t.forEach((tok, j) => {
      spans[j].start = Math.min(spans[j].start, tok.start);
      spans[j].end = Math.max(spans[j].end, tok.end);
    });
  }
  for (let j = 1; j < width; j++) if (spans[j].start < spans[j - 1].end) return null;
  return spans;
}

const overlap = (t: Token, s: { start: number; end: number }): number =>
  Math.min(t.end, s.end) - Math.max(t.start, s.start);

/**
 * A line's cells placed by where they stand. A cell over two columns (a month printed over the
 * "Target" and "Actual" below it) goes to both, unless it starts in the first column (a title, a
 * footnote). A cell between columns goes to the nearer one.
 */
function place(t: Token[], spans: { start: number; end: number }[]): string[] {
  const row = new Array<string>(spans.length).fill("");
  for (const tok of t) {
    const over = spans.map((s, j) => ({ j, o: overlap(tok, s) })).filter((x) => x.o > 0);
    if (over.length === 0) {
      const centre = (tok.start + tok.end) / 2;
      let nearest = 0;
      spans.forEach((s, j) => {
        const d = (x: { start: number; end: number }) => Math.abs((x.start + x.end) / 2 - centre);
        if (d(s) < d(spans[nearest])) nearest = j;
      });
      row[nearest] = row[nearest] === "" ? tok.text : `${row[nearest]} ${tok.text}`;
      continue;
    }
    const home = spans.findIndex((s) => tok.start >= s.start && tok.start < s.end);
    const single = home >= 0 ? home : over.reduce((a, b) => (b.o > a.o ? b : a)).j;
    const targets = over[0].j === 0 || t.length < 2 ? [single] : over.map((x) => x.j);
    for (const j of targets) row[j] = row[j] === "" ? tok.text : `${row[j]} ${tok.text}`;
  }
  return row;
}

function readSpaced(lines: string[]): string[][] {
  const lineTokens = lines.map(tokens);
  const spans = columnSpans(lineTokens);
  return lineTokens.map((t) => {
    if (t.length === 0) return [""];
    if (spans === null || t.length === spans.length) return t.map((x) => x.text);
    return place(t, spans);
  });
}

// ---- the whole text -----------------------------------------------------------------------------

const span = (from: number, to: number): string => (from === to ? `line ${from}` : `lines ${from} to ${to}`);
const quoteText = (s: string, max = 40): string => (s.length > max ? `${s.slice(0, max)}…` : s);

function quoteProblems(r: DelimitedReader): Problem[] {
  const out: Problem[] = [];
  for (const s of r.strays) {
    const swallow =
      s.until > s.line
        ? `, so ${span(s.line + 1, s.until)} are read as rows; a reader honouring the quote would have put ${s.until === s.line + 1 ? "it" : "them"} into one cell`
        : "";
    out.push({
      severity: "warning",
      code: "stray-quote",
      row: s.line,
      text: s.text,
      message: `Line ${s.line}: the quote opening "${quoteText(s.text)}" does not close where its cell ends; it is read as a plain character${swallow}`,
    });
  }
  for (const b of r.breaks) {
    out.push({
      severity: "warning",
      code: "line-break-in-cell",
      row: b.from - 1,
      text: b.text,
      message: `Lines ${b.from - 1} to ${b.to}: one quoted cell holds a line break ("${quoteText(b.text.replace(/\n/g, " / "))}"); read as one cell`,
    });
  }
  return out;
}

/** Never throws: anything unreadable becomes one cell per line. */
export function readSource(text: string): Source {
  const clean = typeof text === "string" ? (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) : "";
  const lines = clean === "" ? [] : splitLines(clean);
  if (clean.trim() === "") return { rows: lines.map(() => [""]), within: new Map(), separator: ",", problems: [] };
  const separator = detectSeparator(clean);
  if (separator === "spaces") return { rows: readSpaced(lines), within: new Map(), separator, problems: [] };
  const r = new DelimitedReader(lines, separator);
  r.run();
  return { rows: r.rows, within: r.within, separator, problems: quoteProblems(r) };
}
