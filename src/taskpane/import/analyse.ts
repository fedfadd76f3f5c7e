/**
 * The whole reading side of an import: table, layout, decimal mark, values, checks, plan.
 * Never throws: every failure is a Problem, and a blocked plan is still returned to be shown.
 */
import { internalProblem } from "./internalError";
import { detectDecimal, extract, type DecimalGuess } from "./extract";
import { columnLabel, detectLayout } from "./detect";
import { mappingOf, shapeFromMapping } from "./mapping";
import { buildPlan } from "./plan";
import { detectSeparator, readTable } from "./read";
import type { Shape } from "./shape";
import type { ImportAnalysis, ImportOptions, ImportPlan, LayoutKind, Problem } from "./types";

function failedPlan(layout: LayoutKind, problem: Problem): ImportPlan {
  return { layout, columns: [], rows: [], problems: [problem], blocked: true };
}

/** The source column the month problems point at. */
function monthColumnOf(shape: Shape, header: string[]): string {
  switch (shape.kind) {
    case "long":
    case "tidy":
      return columnLabel(header, shape.month.col);
    case "wide-years-rows":
      return columnLabel(header, shape.year);
    case "wide-months-rows":
      return columnLabel(header, shape.month);
    case "wide-metrics-rows":
      return columnLabel(header, shape.metric);
  }
}

/**
 * Space-separated text cannot show a blank cell: a row with fewer cells than the header was read
 * from the left, which is wrong if the blank sat in between. Said, not guessed around.
 */
function shortSpacedRows(table: string[][], header: number, width: number): Problem[] {
  const out: Problem[] = [];
  for (let r = header + 1; r < table.length; r++) {
    const n = table[r].length;
    if (n >= 2 && n < width) {
      out.push({
        severity: "warning",
        code: "short-row",
        row: r + 1,
        text: table[r].join("  "),
        message: `Row ${r + 1} has ${n} cells for ${width} columns; with spaces between cells a blank cannot be seen, so the values were placed from the left — paste with tabs, or write "-" for a blank, if one sits in between`,
      });
    }
  }
  return out;
}

function analyse(text: string, opts: ImportOptions): ImportAnalysis {
  const table = readTable(text);
  const manual = opts.layout === "manual" || (opts.mapping !== undefined && opts.layout === undefined);
  let shape: Shape | null;
  let reason: string;
  let header: number;
  if (manual) {
    const r = opts.mapping
      ? shapeFromMapping(table, opts.mapping)
      : { shape: null, reason: "the manual layout needs a column mapping" };
    shape = r.shape;
    reason = r.reason;
    header = shape ? shape.header : -1;
  } else {
    const d = detectLayout(table, opts.layout);
    shape = d.shape;
    reason = d.reason;
    header = d.header;
  }
  const base = { table, reason, headerRow: header + 1, mapping: mappingOf(shape) };
  if (!shape) {
    const layout = opts.layout ?? "manual";
    const message =
      table.length === 0 ? "The file or pasted text is empty" : reason.charAt(0).toUpperCase() + reason.slice(1);
    const plan = failedPlan(layout, { severity: "error", code: table.length === 0 ? "empty" : "layout", message });
    return { ...base, detected: null, decimal: opts.decimal === "," ? "," : ".", decimalDetected: false, plan };
  }

  const separator = detectSeparator(text);
  const hint = separator === ";" ? "," : ".";
  const guess: DecimalGuess =
    opts.decimal === "." || opts.decimal === ","
      ? { mark: opts.decimal, detected: false }
      : detectDecimal(table, shape, hint);
  const ex = extract(table, shape, guess.mark);
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
  const head = table[shape.header] ?? [];
  if (separator === "spaces") ex.problems.push(...shortSpacedRows(table, shape.header, head.length));
  const plan = buildPlan(ex, {
    layout: shape.layout,
    skipBadRows: opts.skipBadRows === true,
    today: opts.today ?? new Date(),
    monthColumn: monthColumnOf(shape, head),
    mineColumn: shape.mine >= 0 ? columnLabel(head, shape.mine) : undefined,
  });
  return { ...base, detected: shape.layout, decimal: guess.mark, decimalDetected: guess.detected, plan };
}

export function analyseImport(text: string, opts: ImportOptions = {}): ImportAnalysis {
  try {
    return analyse(typeof text === "string" ? text : "", opts ?? {});
  } catch (e) {
    // A bug, not bad input: still reported, never thrown at the pane.
    const problem = internalProblem("The import could not be analysed", e);
    return {
      table: [],
      detected: null,
      reason: problem.message,
      headerRow: 0,
      decimal: ".",
      decimalDetected: false,
      mapping: null,
      plan: failedPlan(opts?.layout ?? "manual", problem),
    };
  }
}
