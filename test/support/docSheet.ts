/**
 * The documentation's examples, read as a user reads them: the sample sheet (docs/sample-sheet.md) as cells, each
 * `=PROD.…` formula of a "Formula | Result" table as Excel would call the function, and each result as the cell
 * shows it. The docs test and the picture of the functions both use it, so a page cannot promise what the
 * functions do not give.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const ROOT = join(__dirname, "..", "..");

/** Every Markdown file a user reads: README.md, CONTRIBUTING.md, BENCHMARKS.md and docs/ (subfolders included). */
export function docFiles(): string[] {
  const out = ["README.md", "CONTRIBUTING.md", "BENCHMARKS.md"].filter((f) => exists(join(ROOT, f)));
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const path = join(dir, name);
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith(".md")) out.push(path);
    }
  };
  walk("docs");
  return out;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

export const readDoc = (path: string): string => readFileSync(join(ROOT, path), "utf8");

// ---------------------------------------------------------------------------------------------------------------
// Markdown tables

/** The cells of a Markdown table row; `\|` is a pipe inside a cell. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  const body = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\" && body[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (body[i] === "|") {
      cells.push(cur.trim());
      cur = "";
    } else cur += body[i];
  }
  cells.push(cur.trim());
  return cells;
}

export interface Table {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

/** Every table of a Markdown text (outside code blocks), with the line number of each row. */
export function tables(md: string): Table[] {
  const lines = md.split("\n");
  const out: Table[] = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*```/.test(lines[i])) fence = !fence;
    if (fence) continue;
    if (!lines[i].trim().startsWith("|") || !/^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? "")) continue;
    const t: Table = { header: splitRow(lines[i]), rows: [] };
    let j = i + 2;
    for (; j < lines.length && lines[j].trim().startsWith("|"); j++)
      t.rows.push({ cells: splitRow(lines[j]), line: j + 1 });
    out.push(t);
    i = j - 1;
  }
  return out;
}

const unquote = (s: string) => s.replace(/^`(.*)`$/s, "$1");

// ---------------------------------------------------------------------------------------------------------------
// The sample sheet

export type Cell = string | number | boolean | null;

export interface Sheet {
  /** Each cell as written on the page ("Jan 2016", "4,512"), keyed "A1". */
  written: Map<string, string>;
  /** Tables of the sheet (Insert > Table): name → range, e.g. ProductionData → A1:B5. */
  tables: Map<string, string>;
}

/** The grid tables of docs/sample-sheet.md (a header of column letters, a first column of row numbers). */
export function readSheet(md: string): Sheet {
  const written = new Map<string, string>();
  for (const t of tables(md)) {
    const letters = t.header.slice(1);
    if (t.header[0] !== "" || letters.length === 0 || !letters.every((l) => /^[A-Z]$/.test(l))) continue;
    for (const r of t.rows) {
      const row = r.cells[0];
      if (!/^\d+$/.test(row)) throw new Error(`sample sheet line ${r.line}: the first cell must be a row number`);
      letters.forEach((l, k) => {
        const v = unquote(r.cells[k + 1] ?? "");
        if (v === "") return;
        const key = `${l}${row}`;
        if (written.has(key) && written.get(key) !== v) throw new Error(`sample sheet: ${key} is defined twice`);
        written.set(key, v);
      });
    }
  }
  const named = new Map<string, string>();
  for (const m of md.matchAll(/table named `(\w+)`[^.\n]*?\b([A-Z]+\d+:[A-Z]+\d+)/g)) named.set(m[1], m[2]);
  return { written, tables: named };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel's serial number of a date (1900 system). */
export function serial(year: number, month: number, day = 1): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * How a cell reaches a function. "typed": what Excel (English, United States) makes of the text when it is typed
 * or pasted — "4,512" a number, "Jan 2016" a date — with empty cells as Excel desktop passes them (0) or the web
 * (null). "text": every cell kept as the text written, as from a sheet formatted as Text.
 */
export type Entry = "desktop" | "web" | "text";

export function cellValue(written: string | undefined, entry: Entry): Cell {
  if (written === undefined) return entry === "desktop" ? 0 : entry === "web" ? null : "";
  if (entry === "text") return written;
  if (/^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/.test(written)) return Number(written.replace(/,/g, ""));
  const m = /^([A-Za-z]{3}) (\d{4})$/.exec(written);
  if (m && MONTHS.includes(m[1].toLowerCase())) return serial(Number(m[2]), MONTHS.indexOf(m[1].toLowerCase()) + 1);
  if (/^(TRUE|FALSE)$/.test(written)) return written === "TRUE";
  return written;
}

const colNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string =>
  n <= 0 ? "" : colLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/** A range "A2:B5" (or one cell "E3") of the sheet as rows of cells. */
export function rangeValues(sheet: Sheet, ref: string, entry: Entry): Cell[][] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const [c1, r1] = [colNumber(m[1]), Number(m[2])];
  const [c2, r2] = m[3] ? [colNumber(m[3]), Number(m[4])] : [c1, r1];
  const out: Cell[][] = [];
  for (let r = r1; r <= r2; r++) {
    const row: Cell[] = [];
    for (let c = c1; c <= c2; c++) row.push(cellValue(sheet.written.get(`${colLetters(c)}${r}`), entry));
    out.push(row);
  }
  return out;
}

/** A table column `ProductionData[Month]`: its data rows, header left out, as Excel passes it. */
function structuredRef(sheet: Sheet, table: string, column: string): string {
  const range = sheet.tables.get(table);
  if (!range) throw new Error(`the sample sheet defines no table ${table}`);
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)!;
  for (let c = colNumber(m[1]); c <= colNumber(m[3]); c++) {
    if (sheet.written.get(`${colLetters(c)}${m[2]}`) === column)
      return `${colLetters(c)}${Number(m[2]) + 1}:${colLetters(c)}${m[4]}`;
  }
  throw new Error(`table ${table} has no column ${column}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Formulas

export type Arg =
  | { kind: "omitted" }
  | { kind: "value"; value: Cell }
  | { kind: "array"; rows: Cell[][] }
  | { kind: "range"; ref: string }
  | { kind: "table"; table: string; column: string }
  | { kind: "max"; of: Arg } // MAX(range): the latest date of a column
  | { kind: "name"; name: string }; // a placeholder such as `current`, only in prose

export interface Formula {
  name: string; // YOY_GROWTH
  args: Arg[];
}

/** `=PROD.NAME(arg, , "text", {1, 2; 3, 4}, A2:A5, Table[Column])`. Throws on anything else. */
export function parseFormula(text: string): Formula {
  const m = /^=PROD\.([A-Z_]+)\((.*)\)$/s.exec(text.trim());
  if (!m) throw new Error(`not a PROD formula: ${text}`);
  const src = m[2];
  let i = 0;
  const ws = () => {
    while (src[i] === " ") i++;
  };
  const scalar = (): Cell => {
    ws();
    if (src[i] === '"') {
      let s = "";
      for (i++; i < src.length; i++) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i++;
        } else if (src[i] === '"') break;
        else s += src[i];
      }
      if (src[i] !== '"') throw new Error(`unclosed text in ${text}`);
      i++;
      return s;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    const bool = /^(TRUE|FALSE)\b/.exec(src.slice(i));
    if (bool) {
      i += bool[0].length;
      return bool[0] === "TRUE";
    }
    throw new Error(`cannot read "${src.slice(i)}" in ${text}`);
  };
  const arg = (): Arg => {
    ws();
    if (src[i] === "," || src[i] === undefined) return { kind: "omitted" };
    if (src[i] === "{") {
      i++;
      const rows: Cell[][] = [[]];
      for (;;) {
        rows[rows.length - 1].push(scalar());
        ws();
        const sep = src[i++];
        if (sep === "}") break;
        if (sep === ";") rows.push([]);
        else if (sep !== ",") throw new Error(`bad array constant in ${text}`);
      }
      return { kind: "array", rows };
    }
    if (src.startsWith("MAX(", i)) {
      i += 4;
      const of = arg();
      ws();
      if (src[i++] !== ")") throw new Error(`MAX takes one range in ${text}`);
      return { kind: "max", of };
    }
    const ref = /^[A-Z]+\d+(:[A-Z]+\d+)?(?![\w[])/.exec(src.slice(i));
    if (ref) {
      i += ref[0].length;
      return { kind: "range", ref: ref[0] };
    }
    const table = /^([A-Za-z_]\w*)\[([^\]]+)\]/.exec(src.slice(i));
    if (table) {
      i += table[0].length;
      return { kind: "table", table: table[1], column: table[2] };
    }
    const name = /^[a-z_][a-z_0-9]*/.exec(src.slice(i));
    if (name) {
      i += name[0].length;
      return { kind: "name", name: name[0] };
    }
    return { kind: "value", value: scalar() };
  };
  const args: Arg[] = [];
  if (src.trim() !== "") {
    for (;;) {
      args.push(arg());
      ws();
      if (i >= src.length) break;
      if (src[i] !== ",") throw new Error(`expected a comma at "${src.slice(i)}" in ${text}`);
      i++;
    }
  }
  return { name: m[1], args };
}

/** What Excel hands the function for one argument: a range parameter gets rows of cells, a scalar one a value. */
export function argValue(sheet: Sheet, a: Arg, matrix: boolean, entry: Entry): unknown {
  let rows: Cell[][];
  switch (a.kind) {
    case "omitted":
      return null;
    case "name":
      throw new Error(`${a.name} is a placeholder, not a value`);
    case "value":
      rows = [[a.value]];
      break;
    case "array":
      rows = a.rows;
      break;
    case "range":
      rows = rangeValues(sheet, a.ref, entry);
      break;
    case "table":
      rows = rangeValues(sheet, structuredRef(sheet, a.table, a.column), entry);
      break;
    case "max": {
      // Excel's MAX skips texts and empty cells; with nothing left it gives 0.
      const nums = (argValue(sheet, a.of, true, entry) as Cell[][]).flat().filter((v) => typeof v === "number");
      rows = [[nums.length ? Math.max(...(nums as number[])) : 0]];
      break;
    }
  }
  if (matrix) return rows;
  if (rows.length !== 1 || rows[0].length !== 1) throw new Error("a range given to a single-value argument");
  return rows[0][0];
}

// ---------------------------------------------------------------------------------------------------------------
// Results as the page writes them

export type Shown =
  | { kind: "number"; value: number; decimals: number }
  | { kind: "text"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "error"; code: string; message?: string };

/** `0.1977 | 0.2521`, rows split by `<br>`; `(blank)` an empty text; `#N/A "no value for Mar 2016"`. */
export function parseResult(text: string): Shown[][] {
  return unquote(text)
    .split(/<br\s*\/?>/)
    .map((row) =>
      row.split("|").map((c): Shown => {
        const s = unquote(c.trim());
        const err = /^(#[A-Z0-9/]+[!?]?)(?:\s+"(.*)")?$/.exec(s);
        if (err && /^#(VALUE!|N\/A|DIV\/0!|NUM!|REF!|NAME\?|NULL!|CALC!|SPILL!|BUSY!)$/.test(err[1]))
          return { kind: "error", code: err[1], message: err[2] };
        if (/^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/.test(s)) {
          return { kind: "number", value: Number(s.replace(/,/g, "")), decimals: (s.split(".")[1] ?? "").length };
        }
        if (s === "TRUE" || s === "FALSE") return { kind: "bool", value: s === "TRUE" };
        if (s === "(blank)") return { kind: "text", value: "" };
        return { kind: "text", value: s };
      }),
    );
}

/** The cell as the page would write it, for messages: what the function gave. */
export function showCell(v: unknown, decimals?: number): string {
  if (v !== null && typeof v === "object" && "code" in v) {
    const e = v as { code: string; message?: string };
    return e.message ? `${e.code} "${e.message}"` : e.code;
  }
  if (typeof v === "number") return decimals === undefined ? String(v) : v.toFixed(decimals);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v === "") return "(blank)";
  return String(v);
}

/** Whether a result cell is what the page shows: numbers rounded to the decimals shown, texts and errors exactly. */
export function matches(shown: Shown, v: unknown): boolean {
  switch (shown.kind) {
    case "number":
      return typeof v === "number" && Number(v.toFixed(shown.decimals)) === shown.value;
    case "bool":
      return v === shown.value;
    case "text":
      return v === shown.value;
    case "error": {
      if (v === null || typeof v !== "object" || !("code" in v)) return false;
      const e = v as { code: string; message?: string };
      return e.code === shown.code && (shown.message === undefined || e.message === shown.message);
    }
  }
}

export interface Example {
  file: string;
  line: number;
  formula: string;
  result: string;
}

/** Every row of every "Formula | Result" table in the given files. */
export function examples(files: readonly string[]): Example[] {
  const out: Example[] = [];
  for (const file of files) {
    for (const t of tables(readDoc(file))) {
      if (t.header[0] !== "Formula" || t.header[1] !== "Result") continue;
      for (const r of t.rows) out.push({ file, line: r.line, formula: unquote(r.cells[0]), result: r.cells[1] });
    }
  }
  return out;
}

export const rel = (path: string): string => relative(ROOT, path);
