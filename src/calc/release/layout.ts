/**
 * The layout of a release: lines, prose blocks (title, paragraphs, bullets) cut into sentences, and
 * tables (lines of cells separated by tabs, "|" or runs of two or more spaces). Offsets are those of
 * the text the reader was given.
 */
import { monthOfWord } from "../vocabulary";
import { periodsOf } from "./periods";
import { tokenize, type Token } from "./tokens";

export interface Span {
  start: number;
  end: number;
}

export interface Line extends Span {
  text: string;
}

export interface Cell extends Span {
  text: string;
}

export interface Sentence extends Span {
  tokens: Token[];
  block: ProseBlock;
}

export interface ProseBlock extends Span {
  kind: "title" | "paragraph" | "bullet";
  sentences: Sentence[];
  /** The short line (a heading such as "2019 outlook") above the block, if any. */
  heading: Line | null;
}

export interface TableBlock extends Span {
  kind: "table";
  /** Every line of the table, with its cells. */
  rows: { line: Line; cells: Cell[]; separated: Separated }[];
  /** Lines just above the table that name it ("Table 1. Monthly gold production…"). */
  title: Line[];
}

export type Block = ProseBlock | TableBlock;

/**
 * How a table's cells are told apart: tabs, "|", runs of two or more spaces, or single spaces between a
 * label and its figures ("Gold recovered Ounces 260,045 191,246 112,786"), the cells then counted, not placed.
 */
type Separated = "tab" | "pipe" | "spaces" | "words";

/** Longest line a heading may have; longer ones are prose. */
const HEADING_MAX = 90;
/** Most tokens read as one sentence: longer runs are cut, so the work per sentence stays bounded. */
const SENTENCE_TOKENS = 400;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      lines.push({ start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

const isBlank = (l: Line): boolean => l.text.trim() === "";

/** The cells of a line, split by tabs, by "|", or by runs of two or more spaces. */
function cellsOf(line: Line): { cells: Cell[]; separated: "tab" | "pipe" | "spaces" } {
  const t = line.text;
  const separated = t.includes("\t") ? "tab" : t.includes("|") ? "pipe" : "spaces";
  const cells: Cell[] = [];
  let cellStart = 0;
  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && isSpaceCode(t.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(t.charCodeAt(b - 1))) b--;
    cells.push({ start: line.start + a, end: line.start + b, text: t.slice(a, b) });
  };
  if (separated !== "spaces") {
    const sep = separated === "tab" ? 9 : 124;
    for (let i = 0; i <= t.length; i++) {
      if (i === t.length || t.charCodeAt(i) === sep) {
        push(cellStart, i);
        cellStart = i + 1;
      }
    }
    // "| 2019 | 2018": a leading separator leaves an empty first cell, kept as the label column
    if (cells.length > 1 && cells[cells.length - 1].text === "" && separated === "pipe") cells.pop();
    return { cells, separated };
  }
  let i = 0;
  while (i < t.length && isSpaceCode(t.charCodeAt(i))) i++;
  cellStart = i;
  while (i < t.length) {
    if (isSpaceCode(t.charCodeAt(i)) && isSpaceCode(t.charCodeAt(i + 1))) {
      push(cellStart, i);
      while (i < t.length && isSpaceCode(t.charCodeAt(i))) i++;
      cellStart = i;
    } else i++;
  }
  if (cellStart < t.length) push(cellStart, t.length);
  return { cells: cells.filter((c) => c.text !== ""), separated };
}

const isSpaceCode = (c: number): boolean => c === 32 || c === 0xa0 || c === 9;

/** A cell that reads as a figure or a period label ("5,208", "(34", "3 %", "2016", "Q1-2012"). */
function looksTabular(cell: Cell): boolean {
  const s = cell.text;
  if (s.length === 0 || s.length > 40) return false;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits > 0 && digits * 3 >= s.replace(/\s/g, "").length;
}

function isTableRow(line: Line): { cells: Cell[]; separated: "tab" | "pipe" | "spaces" } | null {
  const c = cellsOf(line);
  if (c.cells.length < 2) return null;
  if (c.separated === "spaces" && c.cells.some((x) => x.text.length > 120)) return null;
  return c.cells.some((x, i) => i > 0 && looksTabular(x)) || c.separated !== "spaces" || c.cells.length >= 3 ? c : null;
}

const isSeparatorLine = (l: Line): boolean => /^[\s\-=_*]+$/.test(l.text) && l.text.trim().length >= 3;

const BULLET = /^\s*(?:[-\u2022\u25aa*\u2013]|\(?[a-z0-9]\))\s+/i;

/** A short line with no sentence end: a heading above bullets or a table ("2019 outlook"). */
function isHeading(l: Line): boolean {
  const t = l.text.trim();
  return t.length > 0 && t.length <= HEADING_MAX && !/[.;,]$/.test(t) && !BULLET.test(l.text);
}

/** The blocks of a text, in order. */
export function layout(text: string): Block[] {
  const lines = linesOf(text);
  const rows = lines.map((l) => (isBlank(l) || isSeparatorLine(l) ? null : isTableRow(l)));
  const blocks: Block[] = [];
  let heading: Line | null = null;
  let first = true;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    // A table written with single spaces: a header of short lines, then rows of a label and as many figures.
    const words = wordTable(text, lines, i);
    if (words) {
      if (i > 0) trimBlockAbove(blocks, lines[i].start, true);
      blocks.push(words.block);
      i = words.next;
      heading = null;
      first = false;
      continue;
    }
    // A table: two or more rows of cells, with the one-cell lines (sections) and rules between them.
    if (rows[i] && tableAhead(lines, rows, i)) {
      let j = i;
      let last = i;
      let count = 0;
      const kind = rows[i]?.separated;
      while (j < lines.length && !isBlank(lines[j])) {
        // one table, one way of separating cells: a pasted table of another kind starts a new table
        if (rows[j] && rows[j]!.separated !== kind) break;
        if (rows[j]) {
          last = j;
          count++;
        } else if (!isSeparatorLine(lines[j]) && !isHeading(lines[j])) break;
        j++;
      }
      if (count >= 2) {
        // header lines of two or more cells right above ("Third Quarter      First Nine Months") belong to the table
        let top = i;
        while (top > 0 && !isBlank(lines[top - 1]) && cellsOf(lines[top - 1]).cells.length >= 2 && blocks.length > 0) {
          const prev = blocks[blocks.length - 1];
          if (prev.kind === "table" || prev.end < lines[top - 1].start) break;
          top--;
        }
        if (top < i) trimBlockAbove(blocks, lines[top].start);
        blocks.push(tableBlock(lines, rows, top, last, titleAbove(lines, top)));
        i = last + 1;
        heading = null;
        first = false;
        continue;
      }
    }
    if (isSeparatorLine(line)) {
      i++;
      continue;
    }
    // Prose: a paragraph runs to the next blank line, table or bullet; a bullet is a block of its own.
    const bullet = BULLET.test(line.text);
    let j = i + 1;
    while (
      j < lines.length &&
      !isBlank(lines[j]) &&
      !BULLET.test(lines[j].text) &&
      !(rows[j] && tableAhead(lines, rows, j)) &&
      !(isHeading(lines[j - 1]) && !bullet && j - 1 === i)
    )
      j++;
    const kind = first && j === i + 1 ? "title" : bullet ? "bullet" : "paragraph";
    const block: ProseBlock = {
      kind,
      start: line.start,
      end: lines[j - 1].end,
      sentences: [],
      heading: kind === "title" ? null : heading,
    };
    block.sentences = sentencesOf(text, block);
    blocks.push(block);
    if (j === i + 1 && isHeading(line) && !bullet) heading = line;
    else if (!bullet) heading = null;
    first = false;
    i = j;
  }
  return blocks;
}

/** Takes back the lines a table claims from the prose block above it. */
function trimBlockAbove(blocks: Block[], from: number, onlyIfOverlapping = false): void {
  const last = blocks[blocks.length - 1];
  if (!last || last.kind === "table" || (onlyIfOverlapping && last.end <= from)) return;
  const prev: ProseBlock = last;
  prev.sentences = prev.sentences.filter((s) => s.end <= from);
  if (prev.sentences.length === 0) blocks.pop();
  else prev.end = prev.sentences[prev.sentences.length - 1].end;
}

/** Most header lines a single-spaced table may have above its rows ("SEPTEMBER" / "2021 QUARTER" / …). */
const WORD_HEADER_LINES = 14;
/** Longest header line of such a table. */
const WORD_HEADER_WIDTH = 60;

/**
 * A row of a single-spaced table: a label (with its unit) and three or more figures ("(12)", "5%", "1,6421"),
 * split into cells; null for any other line.
 */
function wordRow(text: string, line: Line): Cell[] | null {
  // tabs, "|" and runs of spaces separate cells already: such a line is read as a table of those
  if (/\t|\||\S {2,}\S/.test(line.text.trim())) return null;
  const tokens = tokenize(text, line.start, line.end);
  const figures: Cell[] = [];
  let k = tokens.length - 1;
  while (k >= 0) {
    const end = k;
    if (isPunctText(tokens[k], "%")) k--;
    if (isPunctText(tokens[k], ")")) k--;
    const num = tokens[k];
    if (!num || num.kind !== "num") break;
    k--;
    if (isPunctText(tokens[k], "(") || isPunctText(tokens[k], "-")) k--;
    const start = tokens[k + 1].start;
    // cells are apart: a space before each
    if (!tokens[k + 1].space) return null;
    const cellEnd = tokens[end].end;
    if (num.text.includes(" ") && tokens[k + 1] === num && end === k + 1) {
      // "871 894 857": figures a space apart read as one grouped number; in a row of figures they are cells
      let at = num.start;
      const parts = num.text.split(" ").map((part) => {
        const c = { start: at, end: at + part.length, text: part };
        at += part.length + 1;
        return c;
      });
      figures.unshift(...parts);
    } else figures.unshift({ start, end: cellEnd, text: text.slice(start, cellEnd) });
  }
  if (figures.length < 3 || k < 0 || !tokens.slice(0, k + 1).some((t) => t.kind === "word")) return null;
  // the unit at the end of the label: unit words, scales, currencies and "/" ("Ounces", "US$/ounce", "US$ million")
  let u = k;
  while (u >= 0 && (UNIT_TOKEN.test(tokens[u].text) || tokens[u].text === "/" || tokens[u].text === "$")) u--;
  const labelEnd = u >= 0 ? tokens[u].end : tokens[0].start;
  const unitStart = u + 1 <= k ? tokens[u + 1].start : tokens[k].end;
  const label: Cell = { start: tokens[0].start, end: labelEnd, text: text.slice(tokens[0].start, labelEnd) };
  const unit: Cell = {
    start: unitStart,
    end: tokens[k].end,
    text: u + 1 <= k ? text.slice(unitStart, tokens[k].end) : "",
  };
  return [label, unit, ...figures];
}

/** The periods a header names, in order, each as a cell ("SEPTEMBER\n2021 QUARTER"). */
function periodCells(text: string, header: Line): Cell[] {
  return periodsOf(tokenize(text, header.start, header.end))
    .filter((m) => !m.value.date)
    .map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) }));
}

/** Words that can be (part of) a unit after a row's label. */
const UNIT_TOKEN =
  /^(ounces?|oz|koz|moz|tonnes?|t|kt|mt|lbs?|mlbs?|g\/t|grams|us|a|c|au|million|thousand|000|%|per|ounce)$/i;

const isPunctText = (t: Token | undefined, mark: string): boolean =>
  t !== undefined && t.kind === "punct" && t.text === mark;

/**
 * A single-spaced table at line i: up to WORD_HEADER_LINES short lines, then two or more rows with the same
 * number of figures. The header's periods, in order, name the columns when there are as many as figures.
 */
function wordTable(text: string, lines: Line[], i: number): { block: TableBlock; next: number } | null {
  let h = i;
  while (
    h < lines.length &&
    h - i < WORD_HEADER_LINES &&
    !isBlank(lines[h]) &&
    lines[h].text.trim().length <= WORD_HEADER_WIDTH &&
    !wordRow(text, lines[h])
  )
    h++;
  const firstRow = h < lines.length ? wordRow(text, lines[h]) : null;
  if (!firstRow) return null;
  const rows: TableBlock["rows"] = [{ line: lines[h], cells: firstRow, separated: "words" }];
  let e = h;
  while (e + 1 < lines.length) {
    const next = wordRow(text, lines[e + 1]);
    if (!next || next.length !== firstRow.length) break;
    rows.push({ line: lines[e + 1], cells: next, separated: "words" });
    e++;
  }
  if (rows.length < 2) return null;
  if (h > i) {
    const header: Line = {
      start: lines[i].start,
      end: lines[h - 1].end,
      text: text.slice(lines[i].start, lines[h - 1].end),
    };
    const periods = periodCells(text, header);
    const blank = (at: number): Cell => ({ start: at, end: at, text: "" });
    const cells =
      periods.length === firstRow.length - 2
        ? [blank(header.start), blank(header.start), ...periods]
        : [blank(header.start)];
    rows.unshift({ line: header, cells, separated: "words" });
  }
  return {
    block: { kind: "table", start: lines[i].start, end: lines[e].end, rows, title: titleAbove(lines, i) },
    next: e + 1,
  };
}

function tableAhead(lines: Line[], rows: ReturnType<typeof isTableRow>[], i: number): boolean {
  let count = 0;
  for (let j = i; j < lines.length && j < i + 6 && !isBlank(lines[j]); j++) if (rows[j]) count++;
  return count >= 2;
}

function tableBlock(
  lines: Line[],
  rows: ReturnType<typeof isTableRow>[],
  from: number,
  to: number,
  title: Line[],
): TableBlock {
  const out: TableBlock["rows"] = [];
  for (let k = from; k <= to; k++) {
    if (isSeparatorLine(lines[k])) continue;
    const r = rows[k] ?? cellsOf(lines[k]);
    out.push({ line: lines[k], cells: r.cells, separated: r.separated });
  }
  return { kind: "table", start: lines[from].start, end: lines[to].end, rows: out, title };
}

/** Up to three short lines right above a table (a blank line between is allowed once). */
function titleAbove(lines: Line[], i: number): Line[] {
  const out: Line[] = [];
  let blanks = 0;
  for (let j = i - 1; j >= 0 && out.length < 3; j--) {
    if (isBlank(lines[j])) {
      if (++blanks > 1 || out.length > 0) break;
      continue;
    }
    if (isSeparatorLine(lines[j])) continue;
    if (lines[j].text.trim().length > 150) break;
    out.unshift(lines[j]);
  }
  return out;
}

const ABBREVIATIONS = new Set([
  "inc",
  "corp",
  "ltd",
  "co",
  "no",
  "nos",
  "st",
  "mr",
  "ms",
  "dr",
  "vs",
  "approx",
  "e",
  "i",
  "u",
  "s",
  "no",
  "fig",
  "est",
]);

/** Sentences end at ". ", "! ", "? " or "; " before a capital, a digit or a bracket, not after an abbreviation. */
function sentencesOf(text: string, block: ProseBlock): Sentence[] {
  const tokens = tokenize(text, block.start, block.end);
  const out: Sentence[] = [];
  let from = 0;
  const close = (to: number): void => {
    if (to > from) {
      const ts = tokens.slice(from, to);
      out.push({ start: ts[0].start, end: ts[ts.length - 1].end, tokens: ts, block });
    }
    from = to;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (k - from >= SENTENCE_TOKENS) {
      close(k + 1);
      continue;
    }
    if (t.kind !== "punct" || !".!?;".includes(t.text)) continue;
    const next = tokens[k + 1];
    if (!next) continue;
    if (t.text === ";") {
      close(k + 1);
      continue;
    }
    // closing brackets and quotes after the stop belong to this sentence
    let m = k + 1;
    while (
      m < tokens.length &&
      tokens[m].kind === "punct" &&
      !tokens[m].space &&
      /^[)"'\u201d\u2019]$/.test(tokens[m].text)
    )
      m++;
    const after = tokens[m];
    if (!after || !after.space) continue;
    const starts =
      after.kind === "num" || (after.kind === "word" && /^\p{Lu}/u.test(after.text)) || /^[("\u201c]$/.test(after.text);
    if (!starts) continue;
    const prev = tokens[k - 1];
    const abbreviated = prev && prev.kind === "word" && (ABBREVIATIONS.has(prev.lower) || monthOfWord(prev.lower));
    if (t.text === "." && abbreviated && m === k + 1) continue;
    close(m);
    k = m - 1;
  }
  close(tokens.length);
  return out;
}
