/**
 * Updating an existing table from a newer file: the difference between the file and the table,
 * shown before anything is written. Rows are matched by month and mine (found by the column kinds
 * stored with the table, or confirmed by the user), metrics by column name (or the user's mapping),
 * whatever the table's row order or the columns the user added. Months the table lacks are added
 * (as an append adds them); a cell whose value differs is changed and, when the table had a figure
 * there, flagged "restated"; a file cell with no figure never overwrites one. Pure: no Office.
 */
import { attempt, CalcError } from "../../calc/errors";
import { formatMonth, type MonthIndex } from "../../calc/months";
import { toMonth } from "../../calc/periods";
import { collapseSpaces, NO_FIGURE_WORDS } from "../../calc/vocabulary";
import { planAppend } from "./append";
import { count, counted, listSome } from "./format";
import { cleanHeader } from "./header";
import {
  NO_FIGURE,
  type ColumnKind,
  type ExistingTable,
  type ImportPlan,
  type PlannedCell,
  type PlannedColumn,
} from "./types";

/** What the user decided about the differences the pane showed. */
export interface UpdateChoices {
  /** The table's column kinds when none are stored with it (the user confirmed them). */
  kinds?: ColumnKind[];
  /** A file metric (its column name) → the table column it updates, or null to leave it out. */
  metricMap?: Record<string, string | null>;
  /** The user has seen the differences in mines, units or metrics and goes on. */
  confirmed?: boolean;
}

/** One cell the update changes. */
export interface CellChange {
  /** 0-based row of the table body, and 0-based table column. */
  row: number;
  col: number;
  /** Month label, mine (when the table has a mine column) and the table column's header. */
  month: string;
  mine?: string;
  metric: string;
  old: unknown;
  new: PlannedCell;
  /** The table had a figure there and the file gives another: a restatement. */
  restated: boolean;
}

export interface UpdateDiff {
  /** Rows to add below the table, in the table's column order (an append's plan). */
  append: ImportPlan;
  changes: CellChange[];
  /** File cells that match the table's. */
  unchanged: number;
  /** File cells with no figure where the table has one: kept. */
  keptNoFigure: number;
  /** Months (per mine) in the table but not in the file: kept. */
  notInFile: string[];
  /** Differences the user must map or confirm before anything is written. */
  differences: string[];
  /** The table has no stored kinds and the user has not confirmed them: ask first. */
  needsKinds: boolean;
  /** Kinds to prefill the question with (stored, confirmed or guessed). */
  kinds: ColumnKind[];
  /** File metrics with no table column of that name (after the user's mapping): to map or leave out. */
  unmapped: string[];
  /** True when nothing may be written yet (errors, unanswered questions, unconfirmed differences). */
  blocked: boolean;
}

const norm = (s: unknown): string => collapseSpaces(String(s ?? "")).toLowerCase();

function monthOfCell(v: unknown): MonthIndex | null {
  if (v === "" || v === null || v === undefined) return null;
  const m = attempt(undefined, () => toMonth(typeof v === "string" ? v.trim() : v));
  return m instanceof CalcError ? null : m;
}

/** A figure in a table cell: a number, or a text Excel kept that reads as one ("6,736"). */
function figureOf(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*-?[\d,]*\.?\d+\s*$/.test(v)) return Number(v.replace(/[,\s]/g, ""));
  return null;
}

const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Kinds guessed from a table's cells, for the question asked when none are stored. */
function guessKinds(existing: ExistingTable): ColumnKind[] {
  const rows = existing.rows.slice(0, 50);
  const guessed = existing.header.map((h, j): ColumnKind => {
    const cells = rows.map((r) => r[j]).filter((v) => v !== "" && v !== null && v !== undefined);
    if (cells.length === 0) return "text";
    if (/month|date|period/i.test(String(h)) && cells.every((v) => monthOfCell(v) !== null)) return "month";
    if (cells.every((v) => typeof v === "number")) return "number";
    return "text";
  });
  if (!guessed.includes("month")) {
    const j = existing.header.findIndex((_, k) => rows.length > 0 && rows.every((r) => monthOfCell(r[k]) !== null));
    if (j >= 0) guessed[j] = "month";
  }
  const mine = existing.header.findIndex(
    (h, j) => guessed[j] === "text" && /mine|site|operation|asset|company/i.test(String(h)),
  );
  if (mine >= 0) guessed[mine] = "mine";
  return guessed;
}

/** The plan with its metric columns renamed or left out as the user mapped them. */
function mapped(plan: ImportPlan, map: Record<string, string | null>): ImportPlan {
  const keep = plan.columns.map((c) => !(c.kind === "number" && map[c.name] === null));
  const columns: PlannedColumn[] = plan.columns
    .filter((_, j) => keep[j])
    .map((c) => (c.kind === "number" && typeof map[c.name] === "string" ? { ...c, name: map[c.name] as string } : c));
  const rows = plan.rows.map((r) => r.filter((_, j) => keep[j]));
  return { ...plan, columns, rows };
}

export function planUpdate(plan: ImportPlan, existing: ExistingTable, choices: UpdateChoices = {}): UpdateDiff {
  const header = existing.header.map((h) => String(h ?? ""));
  const kinds =
    existing.kinds ?? (choices.kinds?.length === header.length ? choices.kinds : undefined) ?? guessKinds(existing);
  const needsKinds = existing.kinds === undefined && choices.kinds?.length !== header.length;
  const withKinds: ExistingTable = { ...existing, header, kinds };
  const map = choices.metricMap ?? {};
  const file = mapped(plan, map);
  const differences: string[] = [];

  // Metrics: each file metric needs a table column of its name (or a mapping); units must agree.
  const at = new Map<string, number>();
  header.forEach((h, j) => {
    if (kinds[j] !== "month" && kinds[j] !== "mine") at.set(norm(h), j);
  });
  const unmapped: string[] = [];
  const target = file.columns.map((c) => {
    if (c.kind === "month" || c.kind === "mine" || c.kind === "estimate") {
      const j = kinds.indexOf(c.kind);
      return j >= 0 ? j : c.kind === "estimate" ? at.get(norm(c.name)) : undefined;
    }
    return at.get(norm(c.name));
  });
  file.columns.forEach((c, i) => {
    if (c.kind === "number" && target[i] === undefined) unmapped.push(c.name);
  });
  plan.columns.forEach((c) => {
    const to = map[c.name];
    if (c.kind !== "number" || typeof to !== "string") return;
    const tableUnit = cleanHeader(to).unit;
    if ((c.unit ?? "") !== (tableUnit ?? "")) {
      differences.push(
        `"${c.name}" is in ${c.unit ?? "no unit"} but table column "${to}" is in ${tableUnit ?? "no unit"}: the figures are written as the file gives them, not converted.`,
      );
    }
  });
  if (unmapped.length > 0) {
    differences.push(
      `The table has no column for ${listSome(
        unmapped.map((u) => `"${u}"`),
        8,
      )}: choose the table column each updates, or leave it out.`,
    );
  }

  const monthPlan = file.columns.findIndex((c) => c.kind === "month");
  const minePlan = file.columns.findIndex((c) => c.kind === "mine");
  const monthAt = kinds.indexOf("month");
  const mineAt = kinds.indexOf("mine");
  const empty = (extra: Partial<UpdateDiff>): UpdateDiff => ({
    append: { ...plan, rows: [], blocked: true },
    changes: [],
    unchanged: 0,
    keptNoFigure: 0,
    notInFile: [],
    differences,
    needsKinds,
    kinds,
    unmapped,
    blocked: true,
    ...extra,
  });
  if (monthAt < 0 || monthPlan < 0) {
    return empty({
      differences: [...differences, "No month column is known for the table: say which column holds the month."],
    });
  }
  if (minePlan >= 0 !== mineAt >= 0) {
    differences.push(
      minePlan >= 0
        ? "The file has a mine column but the table has none: say which table column holds the mine."
        : "The table has a mine column but the file names no mine.",
    );
    return empty({});
  }
  const key = (mine: unknown, month: MonthIndex) => `${mineAt >= 0 ? norm(mine) : ""}\u0001${month}`;

  // Table rows by mine and month (the first one when a month is there twice).
  const tableRow = new Map<string, number>();
  const tableMines = new Map<string, string>();
  existing.rows.forEach((r, i) => {
    const m = monthOfCell(r[monthAt]);
    if (m === null) return;
    const k = key(mineAt >= 0 ? r[mineAt] : "", m);
    if (!tableRow.has(k)) tableRow.set(k, i);
    if (mineAt >= 0) tableMines.set(norm(r[mineAt]), String(r[mineAt]));
  });

  const changes: CellChange[] = [];
  let unchanged = 0;
  let keptNoFigure = 0;
  const seen = new Set<string>();
  const fileMines = new Map<string, string>();
  for (const r of file.rows) {
    const month = monthOfCell(r[monthPlan]);
    if (month === null) continue;
    const mine = minePlan >= 0 ? String(r[minePlan] ?? "") : undefined;
    if (mine !== undefined) fileMines.set(norm(mine), mine);
    const k = key(mine ?? "", month);
    seen.add(k);
    const i = tableRow.get(k);
    if (i === undefined) continue; // a new month: added below
    file.columns.forEach((c, j) => {
      const col = target[j];
      if (col === undefined || c.kind === "month" || c.kind === "mine") return;
      const now = existing.rows[i][col];
      const v = r[j];
      // A file cell with no figure ("n/a", "-", which the plan may keep as text) never overwrites the table's.
      if (
        v === null ||
        v === "" ||
        (c.kind === "number" && v === NO_FIGURE) ||
        (typeof v === "string" && NO_FIGURE_WORDS.has(v.trim().toLowerCase()))
      ) {
        if (figureOf(now) !== null || (now !== "" && now !== null && now !== undefined)) keptNoFigure++;
        return;
      }
      const was = figureOf(now);
      const same = typeof v === "number" ? was !== null && sameNumber(was, v) : norm(now) === norm(v);
      if (same) {
        unchanged++;
        return;
      }
      changes.push({
        row: i,
        col,
        month: formatMonth(month),
        ...(mine !== undefined ? { mine } : {}),
        metric: header[col],
        old: now,
        new: v,
        restated: typeof v === "number" && was !== null,
      });
    });
  }

  const notInFile: string[] = [];
  for (const [k, i] of tableRow) {
    if (seen.has(k)) continue;
    const r = existing.rows[i];
    const label = formatMonth(monthOfCell(r[monthAt]) as MonthIndex);
    notInFile.push(mineAt >= 0 ? `${label} (${String(r[mineAt])})` : label);
  }

  if (mineAt >= 0) {
    const newMines = [...fileMines].filter(([k]) => !tableMines.has(k)).map(([, v]) => v);
    const absent = [...tableMines].filter(([k]) => !fileMines.has(k)).map(([, v]) => v);
    if (newMines.length > 0)
      differences.push(`The file has mines the table does not: ${listSome(newMines, 8)} (their rows would be added).`);
    if (absent.length > 0)
      differences.push(`The table has mines the file does not: ${listSome(absent, 8)} (their rows are kept).`);
  }

  // Months the table has are compared, not "left as they are": that note of an append does not apply.
  const appended = planAppend(file, withKinds);
  const append = { ...appended, problems: appended.problems.filter((p) => p.code !== "already-present") };
  const unconfirmed = differences.length > 0 && !choices.confirmed;
  return {
    append,
    changes,
    unchanged,
    keptNoFigure,
    notInFile,
    differences,
    needsKinds,
    kinds,
    unmapped,
    blocked: plan.blocked || append.blocked || needsKinds || unmapped.length > 0 || unconfirmed,
  };
}

/** "6,736 → 6,733" for the pane and the log. */
function showFigure(v: unknown): string {
  if (typeof v === "number") return v.toLocaleString("en-US", { maximumFractionDigits: 6 });
  if (v === "" || v === null || v === undefined) return "(blank)";
  return String(v);
}

/** One line per change: "Feb 2017, Dynacor, Gold (oz): 6,736 → 6,733 (restated)". */
export function describeChange(c: CellChange): string {
  const where = [c.month, c.mine, c.metric].filter((p) => p !== undefined && p !== "").join(", ");
  return `${where}: ${showFigure(c.old)} → ${showFigure(c.new)}${c.restated ? " (restated)" : ""}`;
}

/** The summary sentence the pane shows above the list. */
export function summariseUpdate(d: UpdateDiff, table: string): string {
  const added = d.append.rows.length;
  const restated = d.changes.filter((c) => c.restated).length;
  const parts = [
    `${counted(added, "month")} added`,
    `${counted(d.changes.length, "cell")} changed${restated > 0 ? ` (${count(restated)} restated)` : ""}`,
    `${counted(d.unchanged, "cell")} unchanged`,
    `${counted(d.notInFile.length, "month")} in the table but not in the file (kept)`,
  ];
  if (d.keptNoFigure > 0) parts.push(`${counted(d.keptNoFigure, "cell")} with no figure in the file (kept)`);
  return `Updating ${table}: ${parts.join("; ")}.`;
}
