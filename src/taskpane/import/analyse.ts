/**
 * The whole reading side of an import: lines, layout, decimal mark, values, totals, checks, plan —
 * and what became of every line of the source, counted so that the count adds up.
 * Never throws: every failure is a Problem, and a blocked plan is still returned to be shown.
 */
import { internalProblem } from "./internalError";
import { looksNumeric } from "./cells";
import { detectDecimal, extract, type DecimalGuess, type Extraction, type Role } from "./extract";
import { columnLabel, detectLayout } from "./detect";
import { describeLines } from "./format";
import { mappingOf, shapeFromMapping } from "./mapping";
import { buildPlan } from "./plan";
import { readSource, type Source } from "./read";
import type { Shape } from "./shape";
import { findStructure, isBlankLine, type Structure } from "./structure";
import { checkTotals } from "./totals";
import type {
  ImportAnalysis,
  ImportOptions,
  ImportPlan,
  LayoutKind,
  LeftOut,
  LeftOutKind,
  LineRole,
  Problem,
} from "./types";

function failedPlan(layout: LayoutKind, problem: Problem): ImportPlan {
  return { layout, columns: [], rows: [], problems: [problem], blocked: true };
}

/** The source column the month problems point at. */
function monthColumnOf(shape: Shape): string {
  switch (shape.kind) {
    case "long":
    case "tidy":
      return columnLabel(shape.names, shape.month.col);
    case "wide-years-rows":
      return columnLabel(shape.names, shape.year);
    case "wide-months-rows":
      return columnLabel(shape.names, shape.month);
    case "wide-metrics-rows":
      return columnLabel(shape.names, shape.label);
  }
}

/** The first bytes of a workbook (a zip, or the older binary format), as decodeBytes turns them into text. */
// eslint-disable-next-line no-control-regex -- the signature bytes are control characters
const WORKBOOK = /^(?:PK\u0003\u0004|\u00d0\u00cf\u0011\u00e0)/;

const lineText = (row: string[]): string =>
  row
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .join(" ");

const NOTE_CODES: Partial<Record<LeftOutKind, string>> = {
  title: "title-skipped",
  heading: "heading-skipped",
  footnote: "footnote-skipped",
};

/**
 * Every line's role: lines above the header are titles (a caption straight above it, under a
 * title, is a heading); a line of text within the table is a heading, one under its last figures a
 * footnote. Each left-out line is listed, and named in the problem list by its number.
 */
function accountLines(
  table: string[][],
  st: Structure,
  roles: Role[],
  out: { left: LeftOut[]; problems: Problem[] },
): LineRole[] {
  const last = roles.reduce(
    (k, r, i) => (r === "data" || r === "total" || r === "derived" || r === "error" ? i : k),
    -1,
  );
  const lines: LineRole[] = roles.map((r, i) => {
    if (st.above.includes(i)) return i === st.caption ? "heading" : "title";
    if (r !== "note") return r;
    return i > last ? "footnote" : "heading";
  });
  lines.forEach((role, i) => {
    if (role !== "title" && role !== "heading" && role !== "footnote") return;
    const text = lineText(table[i]);
    out.left.push({ line: i + 1, label: text, what: role, values: 0 });
    out.problems.push({
      severity: "info",
      code: NOTE_CODES[role] as string,
      row: i + 1,
      text,
      message: `Line ${i + 1}: "${text}" is a ${role === "heading" ? "heading" : role}; left out`,
    });
  });
  return lines;
}

const COLUMN_CODES: Record<LeftOutKind, string> = {
  title: "title-skipped",
  heading: "heading-skipped",
  footnote: "footnote-skipped",
  total: "subtotal-skipped",
  derived: "derived-skipped",
  comment: "text-column-skipped",
  text: "text-column-skipped",
  guidance: "guidance-skipped",
  identifier: "identifier-skipped",
};

const KIND_WORDS: Record<LeftOutKind, string> = {
  title: "a title",
  heading: "a heading",
  footnote: "a footnote",
  total: "a total",
  derived: "a derived figure (growth, change, a running total)",
  comment: "a comment column",
  text: "not a value column",
  guidance: "guidance or a target, not production",
  identifier: "an identifier (a code or sort order), not a figure",
};

/** Columns and rows left out without a total to check: a warning when they hold figures, else a note. */
function leftProblems(ex: Extraction, shape: Shape): Problem[] {
  return ex.left.map((l) => {
    const why = shape.left.find((c) => c.col === l.column)?.why ?? KIND_WORDS[l.what];
    const figures = l.values > 0 ? ` holds ${l.values} figure${l.values === 1 ? "" : "s"} and` : "";
    if (l.line !== undefined)
      return {
        severity: l.values > 0 ? "warning" : "info",
        code: COLUMN_CODES[l.what],
        row: l.line,
        text: l.label,
        message: `Line ${l.line}: "${l.label}"${figures} is ${KIND_WORDS[l.what]}; left out`,
      };
    return {
      severity: l.values > 0 ? "warning" : "info",
      code: COLUMN_CODES[l.what],
      column: l.label,
      text: l.label,
      message: `Column "${l.label}"${figures} is ${why}; left out`,
    };
  });
}

/**
 * Cells beyond the header's columns: a row split where it should not be (an unquoted comma in a
 * comment). An error when an extra cell holds a figure — the row's cells may have moved and a value
 * would be misread — and a warning when it holds only text.
 */
function extraCells(table: string[][], shape: Shape, roles: Role[]): Problem[] {
  const out: Problem[] = [];
  for (let r = shape.dataStart; r < table.length; r++) {
    const row = table[r];
    if (row.length <= shape.width || (roles[r] !== "data" && roles[r] !== "error" && roles[r] !== "total")) continue;
    const extra = row.slice(shape.width).filter((c) => c.trim() !== "");
    if (extra.length === 0) continue;
    const figure = extra.some((c) => looksNumeric(c));
    const cells = `${row.length} cells where the header has ${shape.width}`;
    out.push({
      severity: figure ? "error" : "warning",
      code: "extra-cells",
      row: r + 1,
      text: extra.join(", "),
      message: figure
        ? `Line ${r + 1} has ${cells}, and the extra cell "${extra.find((c) => looksNumeric(c))?.trim()}" is a figure: a cell was probably split (an unquoted comma), so its values may sit in the wrong columns`
        : `Line ${r + 1} has ${cells}; the extra text, ${extra.map((c) => `«${c.trim()}»`).join(", ")}, is left out (a comment split by a comma, or a quote that does not close)`,
    });
    if (figure) roles[r] = "error";
  }
  return out;
}

/** A layout that does not fit: every line that holds anything is refused. */
function refusedLines(table: string[][]): LineRole[] {
  return table.map((row) => (isBlankLine(row) ? "blank" : "error"));
}

function analyse(text: string, opts: ImportOptions): ImportAnalysis {
  if (WORKBOOK.test(text)) {
    const problem: Problem = {
      severity: "error",
      code: "workbook",
      message:
        "This is an Excel workbook (.xlsx or .xls), which the import does not read: open it in Excel and copy the table into the paste box, or save the sheet as CSV and choose that file",
    };
    return { ...empty(), reason: problem.message, plan: failedPlan(opts.layout ?? "manual", problem) };
  }
  const src: Source = readSource(text);
  const table = src.rows;
  const manual = opts.layout === "manual" || (opts.mapping !== undefined && opts.layout === undefined);
  let shape: Shape | null;
  let reason: string;
  let structure: Structure;
  if (manual) {
    const r = opts.mapping
      ? shapeFromMapping(table, src.within, opts.mapping)
      : { shape: null, reason: "the manual layout needs a column mapping" };
    shape = r.shape;
    reason = r.reason;
    structure = findStructure(table, src.within, shape ? shape.header : undefined);
  } else {
    const d = detectLayout(table, src.within, opts.layout);
    shape = d.shape;
    reason = d.reason;
    structure = d.structure;
  }
  const header = shape
    ? shape.header
    : structure.headerLines.length > 0
      ? structure.headerLines[structure.headerLines.length - 1]
      : -1;
  const base = { table, reason, headerRow: header + 1, mapping: mappingOf(shape) };
  if (!shape) {
    const layout = opts.layout ?? "manual";
    const empty = table.every((r) => r.every((c) => c.trim() === ""));
    const message = empty ? "The file or pasted text is empty" : reason.charAt(0).toUpperCase() + reason.slice(1);
    const plan = failedPlan(layout, { severity: "error", code: empty ? "empty" : "layout", message });
    const lines = refusedLines(table);
    return {
      ...base,
      lines,
      lineSummary: describeLines(lines),
      leftOut: [],
      detected: null,
      decimal: opts.decimal === "," ? "," : ".",
      decimalDetected: false,
      plan,
    };
  }

  const hint = src.separator === ";" ? "," : ".";
  const guess: DecimalGuess =
    opts.decimal === "." || opts.decimal === ","
      ? { mark: opts.decimal, detected: false }
      : detectDecimal(table, shape, hint);
  const ex = extract(table, src.within, shape, guess.mark);
  const label = (col: number) => columnLabel(shape.names, col);
  const totals = checkTotals(ex, label);
  ex.problems.push(
    ...src.problems,
    ...totals.problems,
    ...leftProblems(ex, shape),
    ...extraCells(table, shape, ex.roles),
  );
  for (const p of ex.problems)
    if (p.code === "extra-cells" && p.severity === "error" && p.row !== undefined) ex.badRows.add(p.row);
  if (guess.ambiguous) {
    const other = guess.mark === "." ? "comma" : "point";
    ex.problems.push({
      severity: "warning",
      code: "ambiguous-decimal",
      message: `The data do not show the decimal mark: ${guess.ambiguous} was read with a decimal ${guess.mark === "." ? "point" : "comma"}${hint === "," ? " (the file is separated by semicolons, as European Excel writes it)" : ""}; choose the decimal ${other} if it groups thousands`,
    });
  }
  if (guess.conflict) {
    ex.problems.push({
      severity: "warning",
      code: "mixed-decimal",
      message: `Both decimal marks appear (${guess.conflict.dot} reads only with ".", ${guess.conflict.comma} only with ","); "." was assumed — choose the decimal mark if that is wrong`,
    });
  }
  const out = { left: [...ex.left, ...totals.left], problems: ex.problems };
  const lines = accountLines(table, structure, ex.roles, out);
  const plan = buildPlan(ex, {
    layout: shape.layout,
    skipBadRows: opts.skipBadRows === true,
    today: opts.today ?? new Date(),
    monthColumn: monthColumnOf(shape),
    mineColumn: shape.mine >= 0 ? label(shape.mine) : undefined,
  });
  return {
    ...base,
    lines,
    lineSummary: describeLines(lines),
    leftOut: out.left,
    detected: shape.layout,
    decimal: guess.mark,
    decimalDetected: guess.detected,
    plan,
  };
}

function empty(): Omit<ImportAnalysis, "plan" | "reason"> {
  return {
    table: [],
    lines: [],
    lineSummary: describeLines([]),
    leftOut: [],
    detected: null,
    headerRow: 0,
    decimal: ".",
    decimalDetected: false,
    mapping: null,
  };
}

export function analyseImport(text: string, opts: ImportOptions = {}): ImportAnalysis {
  try {
    return analyse(typeof text === "string" ? text : "", opts ?? {});
  } catch (e) {
    // A bug, not bad input: still reported, never thrown at the pane.
    const problem = internalProblem("The import could not be analysed", e);
    return { ...empty(), reason: problem.message, plan: failedPlan(opts?.layout ?? "manual", problem) };
  }
}
