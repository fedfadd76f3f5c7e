/**
 * Cells and problems as text for the pane. Pure: the preview must show a value as Excel will
 * display it under the column's number format, and the tests check that without a browser.
 */
import { serialToMonthLabel } from "../import/format";
import type { PlannedCell, Problem } from "../import/types";

const grouped = (v: number, decimals: number) =>
  v.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** Decimals a format such as "#,##0.0", "0.00" or "0.0%" shows. */
function decimalsOf(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

/** The text Excel shows for a planned cell under a number format (the few formats the import uses). */
export function displayCell(value: PlannedCell, format: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string" || format === "@") return String(value);
  if (format === "mmm yyyy") return serialToMonthLabel(value);
  const decimals = decimalsOf(format);
  if (format.endsWith("%")) return `${(value * 100).toFixed(decimals)}%`;
  if (format.includes(",")) return grouped(value, decimals);
  if (/^0(\.0+)?$/.test(format)) return value.toFixed(decimals);
  return String(value);
}

const SEVERITY = { error: "Error", warning: "Warning", info: "Note" } as const;

/** "Line 5, Gold (oz): "abc"" — where the problem sits; empty when the engine gave no place. */
export function problemPlace(p: Problem): string {
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(`Line ${p.row}`);
  if (p.column !== undefined) parts.push(p.column);
  const where = parts.join(", ");
  const text = p.text !== undefined ? `"${p.text}"` : "";
  return [where, text].filter(Boolean).join(": ");
}

export function severityLabel(p: Problem): string {
  return SEVERITY[p.severity];
}

/** "2 errors, 1 warning" — the summary above the list. */
export function problemSummary(problems: Problem[]): string {
  const count = (s: Problem["severity"]) => problems.filter((p) => p.severity === s).length;
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const errors = count("error");
  const warnings = count("warning");
  const notes = count("info");
  if (errors + warnings + notes === 0) return "No problems found.";
  return [part(errors, "error"), part(warnings, "warning"), ...(notes ? [part(notes, "note")] : [])].join(", ");
}

/** Errors first, then warnings, then notes; within each, by row. */
export function sortProblems(problems: Problem[]): Problem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank[a.p.severity] - rank[b.p.severity] || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

export const LAYOUT_NAMES: Record<string, string> = {
  long: "One row per month (long)",
  tidy: "Month, metric, value (tidy)",
  "wide-years-rows": "Years as rows, months as columns",
  "wide-months-rows": "Months as rows, years as columns",
  "wide-metrics-rows": "Metrics as rows, months as columns",
  manual: "Columns mapped by hand",
};
