/**
 * Appending to an existing table: only months (per mine) the table does not have yet, in the
 * table's own column order. Months already there are reported and left as they are. The month,
 * mine and estimate columns are found by the kinds stored with the table when it was written (so a
 * renamed header still matches), metric columns and tables without stored kinds by header name.
 */
import { attempt, CalcError } from "../../calc/errors";
import { mineKey } from "../../calc/mines";
import { formatMonth, type MonthIndex } from "../../calc/months";
import { toMonth } from "../../calc/periods";
import { collapseSpaces } from "../../calc/vocabulary";
import { listSome } from "./format";
import { internalProblem } from "./internalError";
import { isBlocked } from "./plan";
import type { ColumnKind, ExistingTable, ImportPlan, PlannedCell, PlannedColumn, Problem } from "./types";

/** Kinds a table has at most one column of, matched by kind rather than by name. */
const SINGLE_KINDS: readonly ColumnKind[] = ["month", "mine", "estimate"];

/** Months already present named in the note; more are counted. */
const MONTHS_NAMED = 12;

const norm = (s: unknown): string => collapseSpaces(String(s ?? "")).toLowerCase();

function monthOfCell(v: unknown): MonthIndex | null {
  const m = attempt(undefined, () => toMonth(typeof v === "string" ? v.trim() : v));
  return m instanceof CalcError ? null : m;
}

function appendPlan(plan: ImportPlan, existing: ExistingTable): ImportPlan {
  const header = Array.isArray(existing?.header) ? existing.header : [];
  const tableRows = Array.isArray(existing?.rows) ? existing.rows : [];
  const kinds = Array.isArray(existing?.kinds) && existing.kinds.length === header.length ? existing.kinds : undefined;
  const problems: Problem[] = plan.problems.slice();
  const at = new Map<string, number>();
  header.forEach((h, i) => at.set(norm(h), i));
  /** The table column a plan column goes to, or undefined. */
  const tableColumn = (c: PlannedColumn): number | undefined => {
    const byKind = kinds !== undefined && SINGLE_KINDS.includes(c.kind) ? kinds.indexOf(c.kind) : -1;
    return byKind >= 0 ? byKind : at.get(norm(c.name));
  };
  const target = plan.columns.map(tableColumn);

  const missing = plan.columns.filter((_, i) => target[i] === undefined);
  for (const c of missing) {
    problems.push({
      severity: "error",
      code: "missing-column",
      column: c.name,
      text: c.name,
      message: `The table has no column "${c.name}": add it to the table, or import into a new table`,
    });
  }
  const monthPlan = plan.columns.findIndex((c) => c.kind === "month");
  const minePlan = plan.columns.findIndex((c) => c.kind === "mine");
  if (missing.length > 0 || monthPlan < 0) {
    return { ...plan, columns: plan.columns, rows: [], problems, blocked: true };
  }
  const monthAt = target[monthPlan] as number;
  const mineAt = minePlan >= 0 ? (target[minePlan] as number) : -1;
  const key = (mine: unknown, month: MonthIndex) => `${mineAt >= 0 ? (mineKey(mine) ?? "") : ""}\u0001${month}`;

  const present = new Set<string>();
  for (const r of tableRows) {
    if (!Array.isArray(r)) continue;
    const m = monthOfCell(r[monthAt]);
    if (m !== null) present.add(key(mineAt >= 0 ? r[mineAt] : "", m));
  }

  // Plan columns in the table's order; table columns the plan does not fill stay untouched.
  const source = header.map((_, j) => target.indexOf(j));
  const columns: PlannedColumn[] = header.map((h, j) =>
    source[j] >= 0
      ? plan.columns[source[j]]
      : { name: String(h ?? ""), kind: "text", numberFormat: "General", untouched: true },
  );
  const rows: PlannedCell[][] = [];
  const already: string[] = [];
  for (const r of plan.rows) {
    const month = monthOfCell(r[monthPlan]);
    if (month !== null && present.has(key(minePlan >= 0 ? r[minePlan] : "", month))) {
      already.push(minePlan >= 0 ? `${formatMonth(month)} (${String(r[minePlan])})` : formatMonth(month));
      continue;
    }
    rows.push(source.map((s) => (s >= 0 ? r[s] : null)));
  }
  if (already.length > 0) {
    problems.push({
      severity: "info",
      code: "already-present",
      message: `${already.length} month${already.length > 1 ? "s are" : " is"} already in the table and left as ${already.length > 1 ? "they are" : "it is"}: ${listSome(already, MONTHS_NAMED)}`,
    });
  }
  const skipping = !plan.blocked && plan.problems.some((p) => p.severity === "error");
  return { layout: plan.layout, columns, rows, problems, blocked: isBlocked(problems, skipping) };
}

export function planAppend(plan: ImportPlan, existing: ExistingTable): ImportPlan {
  try {
    return appendPlan(plan, existing);
  } catch (e) {
    return {
      ...plan,
      rows: [],
      problems: [...plan.problems, internalProblem("The append could not be planned", e)],
      blocked: true,
    };
  }
}
