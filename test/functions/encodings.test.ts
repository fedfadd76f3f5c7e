/**
 * Desktop and web give the same answers. Excel desktop passes an empty cell as 0, Excel on the web as
 * null, and a formula that returns nothing gives "". Every `=PROD.` example in README.md,
 * docs/functions.md and docs/claims.md is run on a sheet that holds empty cells, once with each of the
 * three, and the three results must be identical, messages included.
 */
import "./setup-custom-functions";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as functions from "../../src/functions/functions";
import { StubCustomFunctionsError } from "./setup-custom-functions";
import { EXCEL_ROWS } from "./helpers";

const ROOT = join(__dirname, "../..");
const DOCS = ["README.md", "docs/functions.md", "docs/claims.md"];

// ---- what Excel registers: each function's parameters, range (any[][]) or single value --------

interface Signature {
  fn: (...args: unknown[]) => unknown[][];
  /** Per parameter: a range (any[][]) and whether it is optional. */
  params: { range: boolean; optional: boolean }[];
}

/** From functions.ts itself, as the metadata plugin reads it, so a new function or argument is covered. */
function signatures(): Map<string, Signature> {
  const source = readFileSync(join(ROOT, "src/functions/functions.ts"), "utf8");
  const out = new Map<string, Signature>();
  const re = /@customfunction (\w+)[\s\S]*?export function (\w+)\(([\s\S]*?)\): any\[\]\[\]/g;
  for (const m of source.matchAll(re)) {
    const params = m[3]
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => ({ range: p.endsWith("any[][]"), optional: /^\w+\?:/.test(p) }));
    const fn = (functions as unknown as Record<string, Signature["fn"]>)[m[2]];
    out.set(m[1], { fn, params });
  }
  return out;
}

// ---- the sheet --------------------------------------------------------------------------------

/** The seed sheet as an analyst keeps it: Jan 2016 – Dec 2017 listed, figures up to Feb 2017 only. */
const MONTHS_2017 = ["Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map((m) => `${m} 2017`);
const COLUMNS: Record<string, unknown[]> = {
  A: ["Month", "Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017", ...MONTHS_2017],
  B: ["Gold (oz)", 4512, 5125, 5208, 6736],
  C: ["This year", 5208, 6736], // C2:C13: 2017 month by month, Jan and Feb reported
  E: ["Month", "Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017", ...MONTHS_2017],
  F: ["Gold Production (oz)", 4512, 5125, 5208, 6736],
  // The two-mine sheet of docs/functions.md (Cochilco, tonnes): February 2021 listed, not reported.
  H: [
    "Month",
    ...["Nov 2019", "Jan 2020", "May 2020", "Oct 2020", "Dec 2020", "Jan 2021", "Feb 2021"].flatMap((m) => [m, m]),
  ],
  I: ["Mine", ...Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? "Codelco" : "Escondida"))],
  J: ["Copper (t)", 155200, 103200, 118900, 100900, 144200, 93400, 159900, 99900, 157800, 104900, 142000, 84700],
};
/** Tables: name -> the sheet columns of its fields (header in row 1, body from row 2 to `last`). */
const TABLES: Record<string, { fields: Record<string, string>; last: number }> = {
  ProductionData: { fields: { Month: "E", "Gold Production (oz)": "F" }, last: 15 },
  Copper: { fields: { Month: "H", Mine: "I", "Copper (t)": "J" }, last: 15 },
};

/** Where a formula sits: the table it is filled down and the sheet row, for [Field] and [@Field]. */
interface Place {
  table: string;
  row: number;
}

type Encoding = 0 | null | "";
const ENCODINGS: [string, Encoding][] = [
  ["Excel desktop (0)", 0],
  ["Excel on the web (null)", null],
  ['a formula returning ""', ""],
];

const cellAt = (col: string, row: number, empty: Encoding): unknown => {
  const v = COLUMNS[col]?.[row - 1];
  return v === undefined ? empty : v;
};

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string =>
  (n > 26 ? colLetters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));

/**
 * A1, A2:B5, A:A, Table[Field] or [Field] as the 2-D array Excel passes; [@Field] is the field's cell
 * in the sheet row the formula is in (`row`).
 */
function rangeValues(ref: string, empty: Encoding, place?: Place): unknown[][] {
  const inTable = /^\[(@?)([^\]]+)\]$/.exec(ref);
  if (inTable) {
    if (place === undefined) throw new Error(`${ref} needs the table and row the formula is in`);
    if (inTable[1] === "") return rangeValues(`${place.table}[${inTable[2]}]`, empty);
    return rangeValues(`${TABLES[place.table].fields[inTable[2]]}${place.row}`, empty);
  }
  const table = /^(\w+)\[([^\]]+)\]$/.exec(ref);
  if (table) {
    const t = TABLES[table[1]];
    const col = t?.fields[table[2]];
    if (!col) throw new Error(`unknown structured reference ${ref}`);
    return rangeValues(`${col}2:${col}${t.last}`, empty);
  }
  const whole = /^([A-Z]+):([A-Z]+)$/.exec(ref);
  const box = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!whole && !box) throw new Error(`not a reference: ${ref}`);
  const [c1, r1, c2, r2] = whole
    ? [colNumber(whole[1]), 1, colNumber(whole[2]), EXCEL_ROWS]
    : [colNumber(box![1]), Number(box![2]), colNumber(box![3] ?? box![1]), Number(box![4] ?? box![2])];
  const out: unknown[][] = new Array(r2 - r1 + 1);
  if (c1 === c2) {
    const values = COLUMNS[colLetters(c1)] ?? [];
    for (let r = r1; r <= r2; r++) out[r - r1] = [r <= values.length ? values[r - 1] : empty];
    return out;
  }
  for (let r = r1; r <= r2; r++) {
    const line = new Array(c2 - c1 + 1);
    for (let c = c1; c <= c2; c++) line[c - c1] = cellAt(colLetters(c), r, empty);
    out[r - r1] = line;
  }
  return out;
}

// ---- the formulas in the docs -------------------------------------------------------------------

type Arg =
  | { kind: "omitted" }
  | { kind: "value"; value: unknown }
  | { kind: "array"; rows: unknown[][] }
  | { kind: "ref"; ref: string };

interface Example {
  text: string;
  name: string;
  args: Arg[];
}

/** Top-level pieces of an argument list, split at `sep` outside quotes and braces. */
function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "{" || ch === "(")) depth++;
    else if (!quoted && (ch === "}" || ch === ")")) depth--;
    else if (!quoted && depth === 0 && ch === sep) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim());
}

function literal(text: string): unknown {
  if (/^".*"$/s.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === "TRUE";
  return undefined;
}

/** An argument, or undefined when the text is a placeholder (a signature such as `dates` or `[period]`). */
function parseArg(text: string): Arg | undefined {
  if (text === "") return { kind: "omitted" };
  const value = literal(text);
  if (value !== undefined) return { kind: "value", value };
  if (text.startsWith("{")) {
    const rows = splitTop(text.slice(1, -1), ";").map((r) => splitTop(r, ",").map(literal));
    return rows.flat().some((v) => v === undefined) ? undefined : { kind: "array", rows };
  }
  if (/^(\w*\[@?[^\]]+\]|[A-Z]+\d*:[A-Z]+\d*|[A-Z]+\d+)$/.test(text) && !/^[a-z]/.test(text))
    return { kind: "ref", ref: text };
  return undefined;
}

/** Every `=PROD.NAME(...)` of a text whose arguments are all real ones (signatures are skipped). */
function examplesIn(text: string): Example[] {
  const out: Example[] = [];
  for (const m of text.matchAll(/=PROD\.([A-Z_]+)\(/g)) {
    let depth = 1;
    let quoted = false;
    let i = m.index! + m[0].length;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '"') quoted = !quoted;
      else if (!quoted && text[i] === "(") depth++;
      else if (!quoted && text[i] === ")") depth--;
    }
    const inner = text.slice(m.index! + m[0].length, i - 1);
    // A locale with a decimal comma separates arguments with ";".
    const sep = splitTop(inner, ",").length === 1 && inner.includes(";") ? ";" : ",";
    const args = splitTop(inner, sep).map(parseArg);
    if (args.some((a) => a === undefined)) continue;
    out.push({ text: `=PROD.${m[1]}(${inner})`, name: m[1], args: args as Arg[] });
  }
  return out;
}

// ---- running them -------------------------------------------------------------------------------

/** The arguments as Excel passes them: a range parameter gets a 2-D array, a single-value one a value. */
function excelArgs(sig: Signature, args: Arg[], empty: Encoding, place?: Place): unknown[] {
  return sig.params.map((p, i) => {
    const a = args[i] ?? { kind: "omitted" };
    if (a.kind === "omitted") return null;
    if (a.kind === "value") return p.range ? [[a.value]] : a.value;
    if (a.kind === "array") return a.rows;
    const cells = rangeValues(a.ref, empty, place);
    return p.range ? cells : cells[0][0];
  });
}

/**
 * Where a formula is run: once, anywhere, for most; in every body row of its table for a formula filled
 * down a table (one that refers to [@Field]) — the table that has every field it names.
 */
function placesOf(args: Arg[]): (Place | undefined)[] {
  const fields = args.flatMap((a) =>
    a.kind === "ref" && a.ref.startsWith("[") ? [a.ref.replace(/^\[@?|\]$/g, "")] : [],
  );
  if (fields.length === 0) return [undefined];
  const tables = Object.keys(TABLES).filter((t) => fields.every((f) => f in TABLES[t].fields));
  if (tables.length !== 1) throw new Error(`[${fields.join("], [")}]: ${tables.length} tables have these fields`);
  const table = tables[0];
  return Array.from({ length: TABLES[table].last - 1 }, (_, i) => ({ table, row: i + 2 }));
}

/** Runs an example's function in every place it is filled into; the results one under the other. */
function runAll(sig: Signature, args: Arg[], empty: Encoding): unknown[][] {
  return placesOf(args).flatMap((place) => sig.fn(...excelArgs(sig, args, empty, place)));
}

/** A result as a user sees it: values, and errors as code plus the message Excel shows. */
function shown(result: unknown[][]): unknown[][] {
  return result.map((r) =>
    r.map((c) => (c instanceof StubCustomFunctionsError ? { error: c.code, message: c.message ?? null } : c)),
  );
}

/** The same example with a variation: how the analyst's sheet differs. */
type Variant = { name: string; apply(e: Example, sig: Signature): Example | null };

const EMPTY_CELL: Arg = { kind: "ref", ref: "Z1" };

const VARIANTS: Variant[] = [
  { name: "as written", apply: (e) => e },
  {
    // The analyst lists Jan–Dec 2017 with only Jan–Feb filled: ranges ending at row 5 run on to row 15.
    name: "with the rest of 2017 listed but not reported",
    apply: (e) => {
      if (!e.args.some((a) => a.kind === "ref" && /\d:[A-Z]+5$/.test(a.ref))) return null;
      const args = e.args.map((a) =>
        a.kind === "ref" ? { ...a, ref: a.ref.replace(/^([A-Z]+\d+:[A-Z]+)5$/, "$115") } : a,
      );
      return { ...e, args };
    },
  },
  {
    // Optional arguments given as a reference to an empty cell instead of being left out.
    name: "with every omitted optional argument pointing at an empty cell",
    apply: (e, sig) => {
      const args = sig.params.map((p, i) => {
        const a = e.args[i] ?? { kind: "omitted" };
        return p.optional && a.kind === "omitted" ? EMPTY_CELL : a;
      });
      return args.some((a, i) => a !== (e.args[i] ?? null) && a === EMPTY_CELL) ? { ...e, args } : null;
    },
  },
  {
    // Each required argument in turn given as one empty cell: the figure or period is missing.
    name: "with a required argument left empty",
    apply: () => null, // expanded below, one check per argument
  },
];

const sigs = signatures();
const examples = new Map<string, Example>();
for (const doc of DOCS) {
  for (const e of examplesIn(readFileSync(join(ROOT, doc), "utf8"))) examples.set(e.text, e);
}

/** The checks: one per example and variant (and per required argument for the last variant). */
const checks: { example: string; variant: string; run: (empty: Encoding) => unknown[][] }[] = [];
for (const e of examples.values()) {
  const sig = sigs.get(e.name);
  if (!sig) throw new Error(`${e.text}: no function ${e.name} in functions.ts`);
  for (const v of VARIANTS.slice(0, 3)) {
    const changed = v.apply(e, sig);
    if (changed) checks.push({ example: e.text, variant: v.name, run: (empty) => runAll(sig, changed.args, empty) });
  }
  sig.params.forEach((p, i) => {
    if (p.optional) return;
    const args = e.args.map((a, j) => (j === i ? EMPTY_CELL : a));
    checks.push({
      example: e.text,
      variant: `${VARIANTS[3].name} (argument ${i + 1})`,
      run: (empty) => runAll(sig, args, empty),
    });
  });
}

describe('the documented examples give identical results with 0, null and "" for an empty cell', () => {
  it("finds the examples of every function in the docs", () => {
    const names = new Set([...examples.values()].map((e) => e.name));
    expect([...names].sort()).toEqual([...sigs.keys()].sort());
    expect(examples.size).toBeGreaterThanOrEqual(14);
  });

  it("runs the mine forms of the docs: each function that takes mines, per row and as a spill", () => {
    const withMines = [...examples.values()].filter((e) => {
      const params = sigs.get(e.name)!.params.length;
      // mines and mine are the last two parameters of the three functions that take them (7 or more).
      return params >= 7 && e.args[params - 2] !== undefined && e.args[params - 2].kind !== "omitted";
    });
    expect(new Set(withMines.map((e) => e.name))).toEqual(new Set(["YOY_GROWTH", "RECORD_MONTH", "GUIDANCE_PROGRESS"]));
    expect(withMines.some((e) => e.args.some((a) => a.kind === "ref" && a.ref.startsWith("[@")))).toBe(true);
  });

  it.each(checks.map((c) => [`${c.example} ${c.variant}`, c] as const))("%s", (_name, check) => {
    const [first, ...others] = ENCODINGS.map(([, empty]) => shown(check.run(empty)));
    for (const [i, other] of others.entries()) expect(other, ENCODINGS[i + 1][0]).toEqual(first);
  });
});
