/**
 * Entries to the plan the writer carries out: one row per mine and month, duplicates, future
 * months and gaps checked over the whole table, bad rows dropped only when the user asked.
 * Maps keyed by mine and month keep every step linear in the number of cells.
 */
import { formatMonth, makeMonth, monthToSerial, type MonthIndex } from "../../calc/months";
import type { Entry, Extraction, Metric } from "./extract";
import { counted, listSome } from "./format";
import { numberFormatFor } from "./header";
import {
  NO_FIGURE,
  type ImportPlan,
  type LayoutKind,
  type PlannedCell,
  type PlannedColumn,
  type Problem,
} from "./types";

export interface PlanOptions {
  layout: LayoutKind;
  skipBadRows: boolean;
  today: Date;
  /** Header of the source's month column, for problems that point at it. */
  monthColumn: string;
  /** Header of the source's mine column, or undefined when there is none. */
  mineColumn?: string;
}

interface Row {
  mine: string;
  month: MonthIndex;
  values: (number | null)[];
  est: boolean[] | null;
  /** Source row that gave each metric (0 = none); null when one row gave them all (`row`). */
  from: number[] | null;
  /** The first source row for this mine and month. */
  row: number;
}

interface Merged {
  rows: Row[];
  /** The mines, each once (the map's keys: no pass over the rows needed). */
  mines: string[];
  dups: Map<string, Duplicate>;
}

interface Duplicate {
  a: number;
  b: number;
  mine: string;
  months: Set<MonthIndex>;
  metrics: Set<number>;
  /** The figures of the first pair met: the earlier line's and the later line's. */
  first: [number | null, number | null];
}

/**
 * One row per mine and month. A long-layout entry (all metrics, in order) becomes the row itself,
 * without copying: an import of 100,000 rows must not allocate several arrays per row.
 */
function merge(entries: Entry[], metricCount: number, skip: Set<number> | null): Merged {
  const byMine = new Map<string, Map<MonthIndex, Row>>();
  const rows: Row[] = [];
  const dups = new Map<string, Duplicate>();
  let lastMine: string | undefined;
  let months = new Map<MonthIndex, Row>();
  let complete: number[] | null = null; // the metrics array known to list every metric in order
  const isComplete = (ids: number[]): boolean => {
    if (ids === complete) return true;
    if (ids.length !== metricCount || !ids.every((m, i) => m === i)) return false;
    complete = ids;
    return true;
  };
  for (const e of entries) {
    if (skip !== null && skip.has(e.row)) continue;
    if (e.mine !== lastMine) {
      lastMine = e.mine;
      const known = byMine.get(e.mine);
      if (known) months = known;
      else byMine.set(e.mine, (months = new Map()));
    }
    let row = months.get(e.month);
    if (row === undefined) {
      if (isComplete(e.metrics)) {
        row = e;
        months.set(e.month, row);
        rows.push(row);
        continue;
      }
      row = {
        mine: e.mine,
        month: e.month,
        values: new Array(metricCount).fill(null),
        est: null,
        from: new Array(metricCount).fill(0),
        row: e.row,
      };
      months.set(e.month, row);
      rows.push(row);
    }
    for (let i = 0; i < e.metrics.length; i++) {
      const m = e.metrics[i];
      const prior = row.from === null ? row.row : row.from[m];
      if (prior !== 0 && prior !== e.row) {
        // The same month again, from a later line: a restatement. The later figure is kept, and both are named.
        const dk = `${prior},${e.row}`;
        let d = dups.get(dk);
        if (!d)
          dups.set(
            dk,
            (d = {
              a: prior,
              b: e.row,
              mine: e.mine,
              months: new Set(),
              metrics: new Set(),
              first: [row.values[m], e.values[i]],
            }),
          );
        d.months.add(e.month);
        d.metrics.add(m);
      }
      if (row.from !== null) row.from[m] = e.row;
      row.values[m] = e.values[i];
      if (e.est && e.est[i]) (row.est ??= new Array<boolean>(metricCount).fill(false))[m] = true;
      else if (row.est) row.est[m] = false;
    }
  }
  return { rows, mines: [...byMine.keys()], dups };
}

/** Months named in one problem; more are counted. */
const MONTHS_NAMED = 6;
/** Skipped rows named in the note that lists them; more are counted. */
const ROWS_NAMED = 20;

const listMonths = (months: MonthIndex[]): string => listSome(months.map(formatMonth), MONTHS_NAMED);

const figure = (v: number | null): string =>
  v === null ? "no figure" : v.toLocaleString("en-US", { maximumFractionDigits: 10 });

function duplicateProblems(dups: Map<string, Duplicate>, metrics: Metric[], opts: PlanOptions): Problem[] {
  const out: Problem[] = [];
  for (const d of dups.values()) {
    const months = [...d.months].sort((x, y) => x - y);
    const which =
      d.metrics.size === metrics.length && metrics.length > 1
        ? ""
        : ` for ${[...d.metrics].map((m) => metrics[m].name).join(", ")}`;
    const mine = d.mine ? ` (${opts.mineColumn ?? "mine"} "${d.mine}")` : "";
    const one = d.months.size === 1 && d.metrics.size === 1;
    const [was, is] = d.first;
    const figures = one
      ? was === is
        ? `: the same figure, ${figure(is)}, twice`
        : `: ${figure(was)} on line ${d.a} and ${figure(is)} on line ${d.b}; the table keeps ${figure(is)}, from the later line (a restatement?)`
      : `; the table keeps the later line's figures (a restatement?)`;
    out.push({
      severity: "warning",
      code: "restated-month",
      row: d.b,
      column: opts.monthColumn,
      text: formatMonth(months[0]),
      message: `Lines ${d.a} and ${d.b} both give ${listMonths(months)}${which}${mine}${figures} — check which is right`,
    });
  }
  return out;
}

/** Gaps per mine: months missing between the first and the last, one warning per gap. */
function gapProblems(rows: Row[], opts: PlanOptions): Problem[] {
  const out: Problem[] = [];
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1];
    const cur = rows[i];
    if (prev.mine !== cur.mine || cur.month - prev.month <= 1) continue;
    const missing: MonthIndex[] = [];
    for (let m = prev.month + 1; m < cur.month && missing.length < 7; m++) missing.push(m);
    const count = cur.month - prev.month - 1;
    const span = count <= 6 ? listMonths(missing) : `${formatMonth(prev.month + 1)} to ${formatMonth(cur.month - 1)}`;
    const mine = cur.mine ? ` for "${cur.mine}"` : "";
    out.push({
      severity: "warning",
      code: "gap",
      row: cur.row,
      column: opts.monthColumn,
      text: formatMonth(cur.month),
      message: `Line ${cur.row}: ${count} month${count > 1 ? "s" : ""} missing${mine} before ${formatMonth(cur.month)}: ${span}`,
    });
  }
  return out;
}

/**
 * Mine (text, when the source names one), Month, one column per metric, and — only when some value
 * was marked "(est)" — an Estimate text column naming the estimated metrics of the row
 * ("Gold (oz), Ore (t)"; blank when none): it says which value is estimated, which TRUE/FALSE could not.
 */
function columnsFor(metrics: Metric[], hasMine: boolean, hasEstimate: boolean): PlannedColumn[] {
  const cols: PlannedColumn[] = [];
  if (hasMine) cols.push({ name: "Mine", kind: "mine", numberFormat: "@" });
  cols.push({ name: "Month", kind: "month", numberFormat: "mmm yyyy" });
  for (const m of metrics)
    cols.push({
      name: m.name,
      kind: "number",
      unit: m.unit,
      numberFormat: showDecimals(numberFormatFor(m.unit, m.name), m),
    });
  if (hasEstimate) cols.push({ name: "Estimate", kind: "estimate", numberFormat: "@" });
  return cols;
}

/** A number format showing at least the decimals the source printed ("2.69" is not shown "2.7"). */
function showDecimals(format: string, m: Metric): string {
  if (format.endsWith("%") || m.decimals === 0) return format;
  const shown = /\.(0+)/.exec(format)?.[1].length ?? 0;
  if (m.decimals <= shown) return format;
  const whole = format.startsWith("#,##0") ? "#,##0" : "0";
  return `${whole}.${"0".repeat(m.decimals)}`;
}

/** Mines in their natural order ("Mine 2" before "Mine 10"), then months; most files already are. */
function sortRows(rows: Row[], mines: string[]): void {
  const ordered = mines.slice().sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const rank = new Map(ordered.map((m, i) => [m, i]));
  const cmp = (x: Row, y: Row) =>
    x.mine === y.mine ? x.month - y.month : (rank.get(x.mine) as number) - (rank.get(y.mine) as number);
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) if (cmp(rows[i - 1], rows[i]) > 0) sorted = false;
  if (!sorted) rows.sort(cmp);
}

export function buildPlan(ex: Extraction, opts: PlanOptions): ImportPlan {
  const problems = ex.problems.slice();
  const metricCount = ex.metrics.length;
  let { rows, mines, dups } = merge(ex.entries, metricCount, null);
  problems.push(...duplicateProblems(dups, ex.metrics, opts));
  const bad = new Set(ex.badRows);
  if (opts.skipBadRows && bad.size > 0) {
    ({ rows, mines } = merge(ex.entries, metricCount, bad));
    const list = [...bad].sort((a, b) => a - b);
    problems.push({
      severity: "info",
      code: "rows-skipped",
      row: list[0],
      message: `${counted(list.length, "line")} with errors left out: ${listSome(list.map(String), ROWS_NAMED)}`,
    });
  }
  sortRows(rows, mines);

  const now = makeMonth(opts.today.getFullYear(), opts.today.getMonth() + 1);
  for (const r of rows) {
    if (r.month > now) {
      problems.push({
        severity: "warning",
        code: "future-month",
        row: r.row,
        column: opts.monthColumn,
        text: formatMonth(r.month),
        message: `Line ${r.row}: ${formatMonth(r.month)} is after the current month (${formatMonth(now)})`,
      });
    }
  }
  problems.push(...gapProblems(rows, opts));

  const hasMine = opts.mineColumn !== undefined;
  const hasEstimate = rows.some((r) => r.est !== null);
  const columns = columnsFor(ex.metrics, hasMine, hasEstimate);
  const out: PlannedCell[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const cells = new Array<PlannedCell>(columns.length);
    let k = 0;
    if (hasMine) cells[k++] = r.mine;
    cells[k++] = monthToSerial(r.month);
    for (let m = 0; m < metricCount; m++) cells[k++] = r.values[m] ?? NO_FIGURE;
    if (hasEstimate)
      cells[k] = r.est
        ? ex.metrics
            .filter((_, m) => r.est?.[m])
            .map((m) => m.name)
            .join(", ")
        : null;
    out[i] = cells;
  }
  if (rows.length === 0 && !problems.some((p) => p.severity === "error" && p.row === undefined)) {
    problems.push({ severity: "error", code: "no-data", message: "No rows with a month and values to import" });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { layout: opts.layout, columns, rows: out, problems, blocked: isBlocked(problems, opts.skipBadRows) };
}

/** Errors without a row concern the whole table and always block; row errors block unless skipped. */
export function isBlocked(problems: Problem[], skipBadRows: boolean): boolean {
  return problems.some((p) => p.severity === "error" && (p.row === undefined || !skipBadRows));
}
