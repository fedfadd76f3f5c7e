/**
 * The real-table corpus (test/fixtures/real): each file read by the importer as a user would give it,
 * and everything it gives set against the expectation written by hand before the importer saw the file.
 * Used by the corpus test and by `npm run bench`, which prints how many tables import exactly right.
 *
 * A value is compared as Excel shows it: a percentage is stored as a fraction under a "0.0%" format
 * (0.931 shows 93.1%), so it is compared as 93.1, the figure printed.
 *
 * The one normalisation of metric names (normaliseMetric): case, runs of spaces, and the punctuation
 * around units — parentheses, square brackets and full stops — are ignored, so "Au oz." matches
 * "Au oz" and "Gold (oz)" matches "Gold oz". Nothing else is: "Production Performance" is not
 * "Production", and "tonne" is not "tonnes".
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { analyseImport, decodeBytes } from "../../src/taskpane/import/engine";
import { serialToMonth, monthOf } from "../../src/calc/months";
import type { ImportAnalysis, LeftOut, LineRole } from "../../src/taskpane/import/types";

export const CORPUS_DIR = resolve(__dirname, "../fixtures/real");
/** After every month in the corpus, so no table is read as being in the future. */
export const CORPUS_TODAY = new Date(2026, 11, 1);

export interface ExpectedRow {
  month: string;
  mine?: string;
  metric: string;
  value: number | null;
  estimate?: boolean;
  footnote?: string;
}

export interface ExpectedLeftOut {
  line?: number;
  column?: number | string;
  what: string;
  label: string;
  check?: string;
}

export interface Expected {
  source: string;
  origin: string;
  form: string;
  encoding: string;
  layout: string;
  rows: ExpectedRow[];
  lines: Record<string, string>;
  leftOut: ExpectedLeftOut[];
  notes: string;
}

/** The tables of the corpus: every file beside a NAME.expected.json. */
export function corpusTables(): { name: string; file: string }[] {
  const files = readdirSync(CORPUS_DIR);
  return files
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => f.slice(0, -".expected.json".length))
    .map((name) => {
      const file = files.find((f) => f.startsWith(`${name}.`) && !f.endsWith(".expected.json"));
      if (!file) throw new Error(`no source file beside ${name}.expected.json`);
      return { name, file };
    });
}

export function expectationOf(name: string): Expected {
  return JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.expected.json`), "utf8")) as Expected;
}

/** The file's bytes as the pane receives them (decodeBytes), analysed with no option set. */
export function analyseCorpusFile(file: string): ImportAnalysis {
  const text = decodeBytes(new Uint8Array(readFileSync(join(CORPUS_DIR, file))));
  return analyseImport(text, { today: CORPUS_TODAY });
}

/** The documented normalisation: case, spaces and unit punctuation ( ) [ ] . do not count. */
export const normaliseMetric = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[()[\].]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const monthText = (serial: number): string => {
  const m = serialToMonth(serial);
  return `${Math.floor(m / 12)}-${String(monthOf(m)).padStart(2, "0")}`;
};

const keyOf = (month: string, mine: string | undefined, metric: string): string =>
  `${month} · ${mine ?? "-"} · ${normaliseMetric(metric)}`;

const shown = (v: unknown): string => (v === null ? "no figure" : JSON.stringify(v));

interface Imported {
  value: number | "n/a" | null;
  estimate: boolean;
}

/** Every value cell the plan would write, by month, mine and metric. */
function importedCells(a: ImportAnalysis): { cells: Map<string, Imported>; metrics: string[]; hasMine: boolean } {
  const cols = a.plan.columns;
  const monthAt = cols.findIndex((c) => c.kind === "month");
  const mineAt = cols.findIndex((c) => c.kind === "mine");
  const estAt = cols.findIndex((c) => c.kind === "estimate");
  const cells = new Map<string, Imported>();
  const metrics = cols.filter((c) => c.kind === "number").map((c) => c.name);
  for (const row of a.plan.rows) {
    const month = monthText(row[monthAt] as number);
    const mine = mineAt >= 0 ? String(row[mineAt]) : undefined;
    const est = estAt >= 0 && typeof row[estAt] === "string" ? `, ${row[estAt] as string}, ` : "";
    cols.forEach((c, j) => {
      if (c.kind !== "number") return;
      const v = row[j];
      // A percentage is stored as a fraction and shown as a percentage: 0.931 under "0.0%" is 93.1.
      const shownValue = typeof v === "number" && c.numberFormat.endsWith("%") ? Number((v * 100).toPrecision(12)) : v;
      cells.set(keyOf(month, mine, c.name), {
        value: typeof shownValue === "number" || shownValue === "n/a" ? shownValue : null,
        estimate: est.includes(`, ${c.name}, `),
      });
    });
  }
  return { cells, metrics, hasMine: mineAt >= 0 };
}

function compareValues(e: Expected, a: ImportAnalysis, out: string[]): void {
  const { cells, metrics, hasMine } = importedCells(a);
  const expectMine = e.rows.some((r) => r.mine !== undefined);
  if (expectMine !== hasMine)
    out.push(`mine column: expected ${expectMine ? "one" : "none"}, imported ${hasMine ? "one" : "none"}`);
  const expectedMetrics = new Set(e.rows.map((r) => normaliseMetric(r.metric)));
  for (const m of metrics) if (!expectedMetrics.has(normaliseMetric(m))) out.push(`unexpected metric column "${m}"`);
  const byKey = new Map<string, ExpectedRow[]>();
  for (const r of e.rows) {
    const k = keyOf(r.month, r.mine, r.metric);
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  for (const [k, rows] of byKey) {
    const got = cells.get(k);
    if (rows.length > 1) {
      const values = rows.map((r) => shown(r.value)).join(" and ");
      out.push(`${k}: expected ${values} (${rows.length} rows), imported ${got ? shown(got.value) : "nothing"}`);
      continue;
    }
    const want = rows[0];
    if (!got || got.value === null) {
      out.push(`${k}: expected ${shown(want.value)}, not imported`);
      continue;
    }
    const value = got.value === "n/a" ? null : got.value;
    if (value !== want.value) out.push(`${k}: expected ${shown(want.value)}, imported ${shown(got.value)}`);
    if (got.estimate !== (want.estimate === true))
      out.push(
        `${k}: expected ${want.estimate ? "an estimate" : "no estimate"}, imported ${got.estimate ? "an estimate" : "none"}`,
      );
  }
  // A cell of the plan that holds a figure no expected row gives was made up (a "n/a" for a month a metric lacks is not).
  for (const [k, got] of cells) {
    if (!byKey.has(k) && typeof got.value === "number") out.push(`${k}: not expected, imported ${shown(got.value)}`);
  }
}

/** What the expectation's check says: "matches", "differs" or "unchecked". */
export function expectedOutcome(check: string): "matches" | "differs" | "unchecked" {
  if (/cannot be checked|can be checked/.test(check)) return "unchecked";
  if (/differs/.test(check)) return "differs";
  if (/matches/.test(check)) return "matches";
  throw new Error(`no outcome in check "${check}"`);
}

const sameLabel = (a: string, b: string): boolean => normaliseMetric(a).includes(normaliseMetric(b));

function compareLeftOut(e: Expected, a: ImportAnalysis, out: string[]): void {
  const used = new Set<LeftOut>();
  for (const x of e.leftOut) {
    const where = x.line !== undefined ? `line ${x.line}` : `column ${x.column}`;
    const labels = typeof x.column === "string" ? x.label.split(", ") : [x.label];
    for (const label of labels) {
      const found = a.leftOut.filter(
        (l) =>
          (x.line === undefined || l.line === x.line) &&
          (typeof x.column !== "number" || l.column === x.column - 1) &&
          (x.line !== undefined || l.line === undefined) &&
          (typeof x.column === "number" || x.line !== undefined || sameLabel(l.label, label)),
      );
      if (found.length === 0) {
        out.push(`${where} ("${label}"): expected left out as ${x.what}, not listed`);
        continue;
      }
      found.forEach((l) => used.add(l));
      const what = found.find((l) => l.what === x.what);
      if (!what) {
        out.push(
          `${where} ("${label}"): expected left out as ${x.what}, listed as ${found.map((l) => l.what).join(", ")}`,
        );
        continue;
      }
      if (x.check !== undefined && x.what === "total") {
        const want = expectedOutcome(x.check);
        const got = what.check?.outcome ?? "unchecked";
        if (got !== want) out.push(`${where} ("${label}"): expected the total check to find "${want}", found "${got}"`);
      }
    }
  }
  // Columns left out that the expectation does not name (a line left out shows in the line roles; a
  // total column whose lines the expectation names is named).
  const named = new Set([...used].map((l) => l.column));
  for (const l of a.leftOut) {
    if (used.has(l) || named.has(l.column) || l.line !== undefined || l.values === 0) continue;
    out.push(
      `column ${(l.column ?? -1) + 1} ("${l.label}") left out as ${l.what}, holding ${l.values} figures, not expected`,
    );
  }
}

const LEFT_OUT_ROLES: LineRole[] = ["title", "heading", "total", "derived", "comment", "footnote", "error"];

function compareLines(e: Expected, a: ImportAnalysis, out: string[]): void {
  const count = Object.keys(e.lines).length;
  if (a.lines.length !== count) out.push(`line count: expected ${count}, accounted ${a.lines.length}`);
  for (const [line, role] of Object.entries(e.lines)) {
    const got = a.lines[Number(line) - 1];
    if (got !== role) out.push(`line ${line}: expected ${role}, accounted as ${got ?? "nothing"}`);
  }
  // Every left-out line is named in the problem list by its number.
  a.lines.forEach((role, i) => {
    if (LEFT_OUT_ROLES.includes(role) && !a.plan.problems.some((p) => p.row === i + 1))
      out.push(`line ${i + 1} (${role}) is not named in the problem list`);
  });
  // The pane's count adds up: "N lines: …" whose parts sum to N.
  const m = /^(\d[\d,]*) lines?: (.*)$/.exec(a.lineSummary);
  const parts = m ? [...m[2].matchAll(/(\d[\d,]*) /g)].reduce((s, p) => s + Number(p[1].replace(/,/g, "")), 0) : -1;
  const total = m ? Number(m[1].replace(/,/g, "")) : -1;
  if (!m || total !== a.lines.length || parts !== total)
    out.push(`the line count does not add up: "${a.lineSummary}" for ${a.lines.length} lines`);
}

/** Left-out figures are never silent: a warning, except a total whose check matches (a note). */
function compareSeverities(a: ImportAnalysis, out: string[]): void {
  for (const l of a.leftOut) {
    if (l.values === 0) continue;
    const note = l.what === "total" && l.check?.outcome === "matches";
    const problem = a.plan.problems.find(
      (p) => (l.line === undefined || p.row === l.line) && p.message.includes(l.label) && p.severity !== "error",
    );
    const want = note ? "info" : "warning";
    if (problem?.severity !== want)
      out.push(
        `"${l.label}"${l.line ? ` on line ${l.line}` : ""} holds ${l.values} figures: expected a ${want === "info" ? "note" : "warning"}, got ${problem?.severity ?? "no problem"}`,
      );
  }
}

export interface CorpusResult {
  name: string;
  analysis: ImportAnalysis;
  /** Every way the import differs from the expectation; empty when it is exactly right. */
  mismatches: string[];
}

/** Reads one corpus table and lists every difference from its expectation. */
export function compareCorpusTable(name: string, file: string): CorpusResult {
  const e = expectationOf(name);
  const a = analyseCorpusFile(file);
  const out: string[] = [];
  if (a.detected === null || a.detected === "manual") out.push(`layout not detected: ${a.reason}`);
  const errors = a.plan.problems.filter((p) => p.severity === "error");
  if (a.plan.blocked) out.push(`blocked by ${errors.length} error(s): ${errors.map((p) => p.message).join(" | ")}`);
  compareValues(e, a, out);
  compareLines(e, a, out);
  compareLeftOut(e, a, out);
  compareSeverities(a, out);
  return { name, analysis: a, mismatches: out };
}

/**
 * Differences kept on purpose: the mismatch lines the comparison prints, and why the importer is
 * believed right. A restated month: the expectation lists both printed figures as rows, but the
 * table PROD writes holds one value per mine, month and metric (the functions refuse a month twice
 * with #VALUE!), so the import keeps the later line's figure — the restatement — and names the
 * earlier one in a warning (checked below), rather than blocking the import or writing both.
 */
export const KNOWN_DISAGREEMENTS: Record<string, { mismatches: string[]; why: string; superseded: string }> = {
  "chile-cochilco-mines-long": {
    mismatches: ["2020-01 · Codelco · producción de cobre t: expected 118600 and 118900 (2 rows), imported 118900"],
    why: "restated month: line 19 restates January 2020 for Codelco; the table keeps 118,900 and warns about 118,600",
    superseded: "118,600 on line 5 and 118,900 on line 19",
  },
  "zimbabwe-fidelity-gold-deliveries": {
    mismatches: ["2024-09 · Small-scale · gold delivered kg: expected 2405 and 2404 (2 rows), imported 2404"],
    why: "restated month: line 11 restates September 2024 for small-scale producers; the table keeps 2,404 and warns about 2,405",
    superseded: "2,405 on line 9 and 2,404 on line 11",
  },
};
