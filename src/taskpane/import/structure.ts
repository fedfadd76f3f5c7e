/**
 * The lines around a table's data: the header (one line, or two or three when names run over
 * several lines), a unit line under it, the title lines above it and what they state (a unit for
 * the whole table, the month a fiscal year starts in). Pure; detect.ts builds on it.
 */
import { alternatives, collapseSpaces, monthOfWord, SCALE_WORDS, UNIT_WORDS } from "../../calc/vocabulary";
import { isBlankCell, looksNumeric, MonthReader } from "./cells";
import { YEAR_CELL } from "./header";

export interface Structure {
  /** 0-based header lines, top to bottom (empty when none was found). */
  headerLines: number[];
  /** 0-based line of units under the header ("(t)  (g/t)  (%)"), or -1. */
  unitLine: number;
  /** The first line after the header (and unit line). */
  dataStart: number;
  /** Each column's name: its header lines joined, and its unit from the unit line. */
  names: string[];
  /** 0-based lines above the header that hold text. */
  above: number[];
  /** A one-cell line straight above the header under an earlier title: the table's caption. */
  caption: number;
  /** A unit a title line gives the whole table ("…, in million tonnes"). */
  titleUnit?: string;
  /** The month a fiscal year starts in, where a title or footnote line says so ("April to March"). */
  fiscalStart?: number;
}

const HEADER_SCAN_ROWS = 50;

/** Cells of a line that hold anything. */
const filledCount = (row: string[]): number => row.reduce((n, c) => (isBlankCell(c) ? n : n + 1), 0);

/** Whether exactly one cell of a line holds anything; stops at the second (a data line's first two). */
function oneFilled(row: string[]): boolean {
  let n = 0;
  for (const c of row) if (!isBlankCell(c) && ++n > 1) return false;
  return n === 1;
}

/** A rule of dashes or underscores between parts of a pasted table: no content. */
const RULE = /^[-=_\u2013\u2014\s]{3,}$/;
export const isBlankLine = (row: string[]): boolean => row.every((c) => c.trim() === "" || RULE.test(c));

/**
 * A line holds data when a cell is a number (other than a year, which headers use) or a dated
 * month — unless it names two or more months and holds no number: that is a header of periods
 * ("", "Feb 2017", "Jan 2017", "QTD"), as tables with metrics as rows have.
 */
function isDataRow(row: string[], months: MonthReader): boolean {
  let dated = 0;
  for (const raw of row) {
    const t = raw.trim();
    if (t === "" || YEAR_CELL.test(t)) continue;
    if (looksNumeric(t)) return true;
    if (months.read(t).kind === "month") dated++;
  }
  return dated === 1;
}

/**
 * The header: of the lines of labels above the first line of data, the one naming the most
 * columns (the later one on a tie, or a later line continuing it), so a title line such as
 * "Dynacor Gold Mines, 2017" is not taken for it. -1 when the data start at the top: a data row must not silently become names.
 */
export function findHeader(table: string[][], within?: Map<number, number>): number {
  const months = new MonthReader();
  let header = -1;
  let best = 1;
  const last = Math.min(table.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    if (within?.has(r)) continue;
    const filled = filledCount(table[r]);
    if (filled === 0 || isBlankLine(table[r])) continue;
    if (isDataRow(table[r], months)) return header;
    // A line that goes on from the one above ("Gold" over "produced (oz)") is the header's lower line,
    // even naming fewer columns: the header is then read upwards from it. A line of units stays the unit line.
    const continues =
      header >= 0 && header === r - 1 && !isUnitLine(table[r]) && continuesDown(table[header], table[r], months);
    if (filled >= 2 && (filled >= best || continues)) [header, best] = [r, Math.max(filled, best)];
  }
  if (header >= 0) return header;
  for (let r = 0; r < table.length; r++) if (filledCount(table[r]) >= 2) return r;
  return -1;
}

/** A unit on its own: "(t)", "(lakh tonnes)", "g/t", "%", "'000 t". */
const UNIT_WORD = alternatives([
  ...UNIT_WORDS,
  ...SCALE_WORDS.keys(),
  "%",
  "g/t",
  "oz/t",
  "mt",
  "'000",
  "000",
  "000s",
  "000's",
]);
const UNIT_ONLY = new RegExp(`^\\(?\\s*(?:(?:${UNIT_WORD})\\s*)+\\)?$`, "i");
const BRACKETED = /^\([^()]+\)\.?$/;
const isUnitCell = (c: string): boolean => {
  const t = c.trim();
  return t !== "" && (BRACKETED.test(t) || UNIT_ONLY.test(t)) && !looksNumeric(t);
};

/** A line of units only, the first cell blank or a unit too. */
function isUnitLine(row: string[]): boolean {
  const filled = row.filter((c) => c.trim() !== "");
  return filled.length >= 1 && filled.every(isUnitCell);
}

/**
 * Whether the line above the header's top line continues it: names split over lines. Evidence:
 * months over sub-labels ("April 2013" over "Target", "Actual"), a lower cell that is only a unit
 * ("(%)") or goes on in lower case, an upper cell ending in a hyphen ("Through-" / "put").
 */
function continuesDown(upper: string[], lower: string[], months: MonthReader): boolean {
  if (filledCount(upper) < 1 || upper.some((c) => looksNumeric(c.trim()) && !YEAR_CELL.test(c.trim()))) return false;
  const dated = (row: string[]) => row.filter((c) => months.read(c.trim()).kind === "month").length;
  if (dated(upper) >= 2 && dated(lower) === 0 && filledCount(upper) >= 2) return true;
  if (filledCount(upper) < 2 && !upper.slice(1).some((c) => c.trim() !== "")) return false;
  return (
    lower.some((c, j) => j > 0 && isUnitCell(c)) ||
    lower.some((c, j) => /^[a-z]/.test(c.trim()) && (upper[j] ?? "").trim() !== "") ||
    upper.some((c) => /[A-Za-z]-$/.test(c.trim()))
  );
}

/** Two header cells of one column as one name; a word split by a hyphen is joined again. */
function joinName(upper: string, lower: string): string {
  const a = upper.trim();
  const b = lower.trim();
  if (a === "") return b;
  if (b === "") return a;
  if (/[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

/** "…, in million tonnes", "… (lakh tonnes)": a unit given for the whole table at the end of a title. */
const TITLE_UNIT = new RegExp(
  `(?:,|\\bin|\\(|:)\\s*((?:(?:${alternatives([...SCALE_WORDS.keys(), "metric", "short", "'000"])})\\s+)*(?:${alternatives([...UNIT_WORDS])}))\\s*\\)?\\.?$`,
  "i",
);

/** "April to March", "April–March", "starts in April": the month a fiscal year starts in. */
const FISCAL_SPAN_WORDS = /\b([a-z]+)\s*(?:to|-|\u2013|\u2014)\s*([a-z]+)\b/gi;
const STARTS_IN = /\byear\s+(?:starts|begins|runs from)\s+(?:in\s+)?([a-z]+)/i;

function statedFiscalStart(text: string): number | undefined {
  const s = STARTS_IN.exec(text);
  if (s) return monthOfWord(s[1].toLowerCase());
  if (!/\byears?\b/i.test(text)) return undefined;
  for (const m of text.matchAll(FISCAL_SPAN_WORDS)) {
    const a = monthOfWord(m[1].toLowerCase());
    const b = monthOfWord(m[2].toLowerCase());
    if (a !== undefined && b !== undefined && (a + 10) % 12 === b - 1) return a;
  }
  return undefined;
}

/** The header block, unit line, title lines and what the lines of text say about the table. */
export function findStructure(table: string[][], within: Map<number, number>, headerRow?: number): Structure {
  const header = headerRow ?? findHeader(table, within);
  if (header < 0 || header >= table.length)
    return { headerLines: [], unitLine: -1, dataStart: 0, names: [], above: [], caption: -1 };
  const months = new MonthReader();
  const lines = [header];
  while (lines.length < 3 && headerRow === undefined) {
    const up = lines[0] - 1;
    if (up < 0 || within.has(up) || filledCount(table[up]) === 0) break;
    if (!continuesDown(table[up], table[lines[0]], months)) break;
    lines.unshift(up);
  }
  const next = header + 1;
  const unitLine = next < table.length && !within.has(next) && isUnitLine(table[next]) ? next : -1;
  let width = 0;
  for (let r = lines[0]; r < table.length; r++) width = Math.max(width, table[r].length);
  const names = Array.from({ length: width }, (_, c) => {
    const name = lines.reduce((acc, l) => joinName(acc, table[l][c] ?? ""), "");
    const unit = unitLine >= 0 ? (table[unitLine][c] ?? "").trim() : "";
    if (unit === "") return collapseSpaces(name);
    return collapseSpaces(`${name} ${unit.startsWith("(") ? unit : `(${unit})`}`);
  });
  const above: number[] = [];
  for (let r = 0; r < lines[0]; r++)
    if (!within.has(r) && filledCount(table[r]) > 0 && !isBlankLine(table[r])) above.push(r);
  const straightAbove = above.length >= 2 && above[above.length - 1] === lines[0] - 1 ? above[above.length - 1] : -1;
  const caption = straightAbove >= 0 && filledCount(table[straightAbove]) === 1 ? straightAbove : -1;
  const titles = above.filter((r) => r !== caption).map((r) => table[r].filter((c) => c.trim() !== "").join(" "));
  const titleUnit = titles.map((t) => TITLE_UNIT.exec(t.trim())?.[1]).find((u) => u !== undefined);
  let fiscalStart: number | undefined;
  for (let r = 0; r < table.length && fiscalStart === undefined; r++) {
    if (lines.includes(r) || !oneFilled(table[r])) continue;
    fiscalStart = statedFiscalStart(table[r].filter((c) => c.trim() !== "").join(" "));
  }
  const out: Structure = {
    headerLines: lines,
    unitLine,
    dataStart: (unitLine >= 0 ? unitLine : header) + 1,
    names,
    above,
    caption,
  };
  if (titleUnit !== undefined) out.titleUnit = collapseSpaces(titleUnit);
  if (fiscalStart !== undefined) out.fiscalStart = fiscalStart;
  return out;
}
