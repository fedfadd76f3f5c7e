/**
 * Totals left out of the import, set against what they cover: a quarter, a year or a "Total" against
 * the sum of its months; a company total against the sum of its sites; grades and recoveries
 * against the tonne-weighted average when the tonnes are in the table. A total that matches (to its
 * printed precision) is a note; one that differs, or cannot be checked because a month it covers is
 * not in the table, is a warning, naming the figures. A running figure (a year to date, "April-May")
 * whose months are not all in the table is a derived figure, not a total to check.
 */
import { formatMonth, type MonthIndex } from "../../calc/months";
import type { Entry, Extraction, Metric, Role, TotalCell, TotalRow } from "./extract";
import type { LeftOut, Problem, TotalCheck } from "./types";

type Aggregation = "sum" | "weighted" | "none";

/** How a metric's months add up: quantities sum; grades and recoveries average by tonnes; rates and averages are not checked. */
function aggregationOf(m: Metric): Aggregation {
  const t = `${m.name} ${m.unit ?? ""}`.toLowerCase();
  if (m.percent || /g\/t|oz\/t|\bgpt\b|\bppm\b|grade|recovery|yield/.test(t)) return "weighted";
  if (/\btpd\b|per day|\/d\b|\brate\b|average|\bavg\b|\bindex\b|price|cost|\$/.test(t)) return "none";
  return "sum";
}

const TONNES = /\((?:[^()]*\s)?(?:t|tonnes?|tons?|kt|mt|dmt|wmt)\)$/i;
const ORE = /\b(?:ore|processed|milled|treated|throughput|feed)\b/i;

/** The metric whose tonnes weight grades and recoveries: the ore processed, or the only tonnage. */
function weightMetric(metrics: Metric[]): number {
  const tonnes = metrics.map((m, i) => ({ m, i })).filter(({ m }) => TONNES.test(m.name) && aggregationOf(m) === "sum");
  const ore = tonnes.find(({ m }) => ORE.test(m.name));
  return ore?.i ?? (tonnes.length === 1 ? tonnes[0].i : -1);
}

/**
 * Values by mine, metric and month; entries in line order for totals across sites. Filled on first
 * use: most files have no totals, and the index holds every value.
 */
class Index {
  private readonly byKey = new Map<string, number | null>();
  private readonly siteSet = new Set<string>();
  private filled = false;

  constructor(readonly entries: Entry[]) {}

  private fill(): void {
    if (this.filled) return;
    this.filled = true;
    for (const e of this.entries) {
      this.siteSet.add(e.mine);
      e.metrics.forEach((m, i) => this.byKey.set(key(e.mine, m, e.month), e.values[i]));
    }
  }

  get sites(): ReadonlySet<string> {
    this.fill();
    return this.siteSet;
  }

  get(mine: string, metric: number, month: MonthIndex): number | null | undefined {
    this.fill();
    return this.byKey.get(key(mine, metric, month));
  }
}

const key = (mine: string, metric: number, month: MonthIndex): string => `${mine}\u0001${metric}\u0001${month}`;

/** The parts a cell of a total covers, by name and value; or why they cannot all be found. */
type Parts = { names: string[]; values: number[]; weights: number[] | null } | { missing: string };

function partsOf(t: TotalRow, c: TotalCell, ix: Index, metrics: Metric[], weight: number): Parts {
  const names: string[] = [];
  const values: number[] = [];
  const weights: number[] | null = weight >= 0 ? [] : null;
  const add = (name: string, mine: string, month: MonthIndex): string | null => {
    const v = ix.get(mine, c.metric, month);
    if (v === undefined) return `${formatMonth(month)}${mine && !t.sites ? ` (${mine})` : ""} is not in the table`;
    if (v === null) return `${formatMonth(month)}${mine ? ` (${mine})` : ""} has no figure`;
    names.push(name);
    values.push(v);
    if (weights !== null) {
      const w = ix.get(mine, weight, month);
      if (typeof w !== "number") return `the tonnes of ${formatMonth(month)} are not in the table`;
      weights.push(w);
    }
    return null;
  };
  if (t.sites) {
    const month = c.month as MonthIndex;
    const seen = new Set<string>();
    for (const e of ix.entries) {
      if (e.row < t.sites.from || e.row > t.sites.to || e.month !== month || !e.metrics.includes(c.metric)) continue;
      if (seen.has(e.mine)) continue;
      seen.add(e.mine);
      const why = add(e.mine, e.mine, month);
      if (why) return { missing: why };
    }
    if (names.length === 0) return { missing: "no site above it has a figure for that month" };
    return { names, values, weights };
  }
  if (c.months === null || c.months.length === 0) return { missing: "its label does not say which months it covers" };
  const mines = t.allSites ? [...ix.sites].filter((m) => m !== c.mine) : [c.mine];
  for (const month of c.months) {
    if (t.allSites) {
      const found = mines.filter((m) => ix.get(m, c.metric, month) !== undefined);
      if (found.length === 0) return { missing: `${formatMonth(month)} is not in the table` };
      for (const m of found) {
        const why = add(`${formatMonth(month)} ${m}`, m, month);
        if (why) return { missing: why };
      }
    } else {
      const why = add(formatMonth(month), c.mine, month);
      if (why) return { missing: why };
    }
  }
  return { names, values, weights };
}

/** A figure as the pane shows it: grouped, with as many decimals as given. */
function shown(v: number, decimals: number, percent: boolean): string {
  const x = percent ? v * 100 : v;
  return x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Parts named in a sentence; more are counted. */
const PARTS_NAMED = 12;

/** "a + b + c", or "a + b + … (14 parts)" when there are more than `max`. */
function sumOf(items: string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(" + ")} + … (${items.length} parts)` : items.join(" + ");
}

function checkCell(t: TotalRow, c: TotalCell, ix: Index, metrics: Metric[]): TotalCheck {
  if (c.metric < 0) {
    const running = t.period?.kind === "to-date";
    return {
      outcome: "unchecked",
      sentence: running
        ? `${c.text} runs from the start of the year, and its months are not all in the table`
        : `${c.text} adds up figures that are not one metric of the table; not checked`,
    };
  }
  const m = metrics[c.metric];
  const agg = m ? aggregationOf(m) : "none";
  if (agg === "none")
    return {
      outcome: "unchecked",
      sentence: `${c.text} is an average or a rate (${m?.name ?? "?"}); not checked against its parts`,
    };
  const weight = agg === "weighted" ? weightMetric(metrics) : -1;
  if (agg === "weighted" && weight < 0)
    return {
      outcome: "unchecked",
      sentence: `${c.text} is a grade or a recovery, and no tonnes in the table weight its parts; not checked`,
    };
  const p = partsOf(t, c, ix, metrics, weight);
  if ("missing" in p) return { outcome: "unchecked", sentence: `${c.text} cannot be checked: ${p.missing}` };
  let total: number;
  if (p.weights !== null) {
    const w = p.weights.reduce((a, b) => a + b, 0);
    total = w === 0 ? NaN : p.values.reduce((a, v, i) => a + v * (p.weights as number[])[i], 0) / w;
  } else total = p.values.reduce((a, b) => a + b, 0);
  const scale = m.percent ? 0.01 : 1;
  const half = 0.5 * 10 ** -c.decimals * scale;
  const diff = Math.abs(total - c.value);
  const decimals = Math.max(c.decimals, Math.min(m.decimals, 6));
  const what = t.sites
    ? `the ${p.names.length} sites above it`
    : `its ${p.names.length === 1 ? "month" : `${p.names.length} months`}`;
  const plus = (xs: string[]) => sumOf(xs, PARTS_NAMED);
  const list = `${plus(p.names)} (${plus(p.values.map((v) => shown(v, decimals, m.percent)))})`;
  const how = p.weights !== null ? "the tonne-weighted average of" : "the sum of";
  if (Number.isFinite(total) && diff <= half + 1e-9 * Math.max(1, Math.abs(c.value)))
    return {
      outcome: "matches",
      sentence: p.weights !== null ? `${c.text} = ${how} ${what}: ${list}` : `${c.text} = ${list}`,
    };
  // Each part is rounded to the decimals printed: the sum of n of them can be off by n half-units.
  const rounding = 0.5 * 10 ** -m.coarse * scale * p.values.length + half;
  const by = shown(diff, decimals, m.percent);
  const why = diff <= rounding + 1e-12 ? "within the rounding of the parts" : "a restatement, or a part missing?";
  return {
    outcome: "differs",
    sentence: `${c.text} differs from ${how} ${what}, ${shown(total, decimals, m.percent)}, by ${by} (${why}): ${list}`,
  };
}

/** "covers Jan 2010 to Mar 2010, none of which is in the table": why a whole row of a total cannot be checked. */
function absentMonths(t: TotalRow, ix: Index): string | null {
  const months = t.cells[0]?.months;
  if (!months || months.length === 0 || t.sites || t.allSites) return null;
  const missing = months.filter((m) => t.cells.every((c) => ix.get(c.mine, c.metric, m) === undefined));
  if (missing.length === 0) return null;
  const span = `${formatMonth(months[0])} to ${formatMonth(months[months.length - 1])}`;
  const which =
    missing.length === months.length
      ? "none of which is in the table"
      : `and ${missing.map(formatMonth).join(", ")} ${missing.length === 1 ? "is" : "are"} not in the table`;
  return `it covers ${span}, ${which}, so its figures cannot be checked`;
}

/** The outcome of a row of checks: differs if any part differs, matches only if all match. */
function combine(checks: TotalCheck[]): TotalCheck["outcome"] {
  if (checks.some((c) => c.outcome === "differs")) return "differs";
  if (checks.length === 0 || checks.some((c) => c.outcome === "unchecked")) return "unchecked";
  return "matches";
}

export interface CheckedTotals {
  left: LeftOut[];
  problems: Problem[];
}

/** Checks every total the extraction kept; `label(col)` names a column. */
export function checkTotals(ex: Extraction, label: (col: number) => string): CheckedTotals {
  const ix = new Index(ex.entries);
  const left: LeftOut[] = [];
  const problems: Problem[] = [];
  const byColumn = new Map<number, { l: LeftOut; p: Problem }[]>();
  for (const t of ex.totals) {
    const checks = t.cells.map((c) => checkCell(t, c, ix, ex.metrics));
    const outcome = combine(checks);
    const running = t.period !== null && (t.period.kind === "to-date" || t.period.kind === "range");
    const what = running && outcome === "unchecked" ? "derived" : "total";
    const many = t.column === undefined && t.cells.length > 1;
    const absent = absentMonths(t, ix);
    const sentence =
      checks.length === 0
        ? "it holds no figure to check"
        : outcome === "unchecked" && many && absent !== null
          ? absent
          : checks.map((c, i) => (many ? `${label(t.cells[i].column)}: ${c.sentence}` : c.sentence)).join("; ");
    const l: LeftOut = { line: t.line, label: t.label, what, values: t.cells.length, check: { outcome, sentence } };
    const kind = what === "derived" ? "a running total (to date) whose months are not all in the table" : "a total";
    const where = t.column !== undefined ? ` (column "${label(t.column)}")` : "";
    const p: Problem = {
      severity: outcome === "matches" && what === "total" ? "info" : "warning",
      code: what === "derived" ? "derived-skipped" : "subtotal-skipped",
      row: t.line,
      ...(t.column !== undefined ? { column: label(t.column) } : {}),
      text: t.label,
      message: `Line ${t.line}: "${t.label}"${where} is ${kind}, left out${t.cells.length > 0 ? ` (${t.cells.length} figure${t.cells.length === 1 ? "" : "s"})` : ""}; ${sentence}`,
    };
    if (t.column !== undefined) {
      l.column = t.column;
      byColumn.set(t.column, [...(byColumn.get(t.column) ?? []), { l, p }]);
      continue;
    }
    if (what === "derived") setRole(ex.roles, t.line, "derived");
    left.push(l);
    problems.push(p);
  }
  // A total column is listed once with the outcome of all its lines, and line by line where its
  // lines could be checked; a running column whose months are not in the table, once.
  for (const [col, lines] of byColumn) {
    const outcome = combine(lines.map(({ l }) => l.check as TotalCheck));
    const values = lines.reduce((n, { l }) => n + l.values, 0);
    const derived = lines.every(({ l }) => l.what === "derived");
    const name = label(col);
    if (derived) {
      const sentence = `it covers months that are not all in the table (${lines[0].l.check?.sentence ?? ""})`;
      left.push({ column: col, label: name, what: "derived", values, check: { outcome, sentence } });
      problems.push({
        severity: "warning",
        code: "derived-skipped",
        column: name,
        text: name,
        message: `Column "${name}" is a running total holding ${values} figure${values === 1 ? "" : "s"}, left out; ${sentence}`,
      });
      continue;
    }
    for (const { l, p } of lines) {
      left.push(l);
      problems.push(p);
    }
    const sentence = `checked on line${lines.length === 1 ? "" : "s"} ${lines.map(({ l }) => l.line).join(", ")}: ${outcome === "matches" ? "every one matches" : outcome === "differs" ? "some differ" : "some cannot be checked"}`;
    left.push({ column: col, label: name, what: "total", values, check: { outcome, sentence } });
    problems.push({
      severity: outcome === "matches" ? "info" : "warning",
      code: "subtotal-skipped",
      column: name,
      text: name,
      message: `Column "${name}" is a total column holding ${values} figure${values === 1 ? "" : "s"}, left out; ${sentence}`,
    });
  }
  return { left, problems };
}

function setRole(roles: Role[], line: number, role: Role): void {
  if (line - 1 < roles.length) roles[line - 1] = role;
}
