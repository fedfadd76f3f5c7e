/**
 * Layout detection: explicit rules, each with the reason it matched, tried from the most specific
 * (wide layouts have tell-tale headers) to the most general (long). No rule fits -> null and the
 * reason, so the pane asks for a manual mapping instead of guessing.
 */
import {
  COMMENT_HEADER,
  MINE_HEADER,
  METRIC_HEADER,
  MONTH_HEADER,
  TOTAL_LABEL,
  UNIT_HEADER,
  VALUE_HEADER,
  YEAR_CELL,
  YEAR_HEADER,
  cleanHeader,
  isTimeTotal,
  splitHeaderYear,
} from "./header";
import { parseMonthName } from "../../calc/vocabulary";
import { MonthReader, isBlankCell, looksNumeric } from "./cells";
import type {
  LongShape,
  Shape,
  SkippedColumn,
  TidyShape,
  WideMetricsShape,
  WideMonthsShape,
  WideYearsShape,
} from "./shape";
import type { LayoutKind } from "./types";

const SAMPLE_ROWS = 300;

interface ColumnProfile {
  col: number;
  /** Header text as the user sees it ("column 3" when empty). */
  label: string;
  /** Cleaned header name (footnotes stripped). */
  name: string;
  filled: number;
  months: number;
  monthNames: number;
  years: number;
  numbers: number;
  distinct: number;
}

export const columnLabel = (header: string[] | undefined, col: number): string => {
  const h = header?.[col]?.trim();
  return h ? h : `column ${col + 1}`;
};

const HEADER_SCAN_ROWS = 50;

/**
 * A row holds data when a cell is a number (other than a year, which headers use) or a dated
 * month — unless it names two or more months and holds no number: that is a header of periods
 * ("", "Feb 2017", "Jan 2017", "QTD"), as tables with metrics as rows have.
 */
function isDataRow(row: string[], months: MonthReader): boolean {
  let dated = 0;
  for (const raw of row) {
    const t = raw.trim();
    if (t === "" || YEAR_CELL.test(t)) continue;
    if (looksNumeric(t)) return true;
    if (months.read(t).kind === "month") dated++;
  }
  return dated === 1;
}

const filledCount = (row: string[]): number => row.reduce((n, c) => (isBlankCell(c) ? n : n + 1), 0);

/**
 * The header: of the rows of labels above the first row of data, the one naming the most
 * columns (the later one on a tie), so a title line such as "Dynacor Gold Mines, 2017" is not
 * taken for it. -1 when the data start at the top: a data row must not silently become names.
 */
export function findHeader(table: string[][]): number {
  const months = new MonthReader();
  let header = -1;
  let best = 1;
  const last = Math.min(table.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const filled = filledCount(table[r]);
    if (filled === 0) continue;
    if (isDataRow(table[r], months)) return header;
    if (filled >= best && filled >= 2) [header, best] = [r, filled];
  }
  if (header >= 0) return header;
  for (let r = 0; r < table.length; r++) if (filledCount(table[r]) >= 2) return r;
  return -1;
}

/** A one-cell line above the header, often the metric ("Gold production (oz)"). */
function titleAbove(table: string[][], header: number): string {
  for (let r = header - 1; r >= 0; r--) {
    const cells = table[r].filter((c) => c.trim() !== "");
    if (cells.length === 1) return cells[0].trim();
  }
  return "";
}

function profileColumns(table: string[][], header: number): ColumnProfile[] {
  const width = table.reduce((w, r, i) => (i >= header ? Math.max(w, r.length) : w), 0);
  const months = new MonthReader();
  const profiles: ColumnProfile[] = [];
  const last = Math.min(table.length, header + 1 + SAMPLE_ROWS);
  for (let col = 0; col < width; col++) {
    const p: ColumnProfile = {
      col,
      label: columnLabel(table[header], col),
      name: cleanHeader(table[header][col] ?? "").name,
      filled: 0,
      months: 0,
      monthNames: 0,
      years: 0,
      numbers: 0,
      distinct: 0,
    };
    const seen = new Set<string>();
    for (let r = header + 1; r < last; r++) {
      const raw = table[r][col];
      if (raw === undefined || isBlankCell(raw)) continue;
      const t = raw.trim();
      p.filled++;
      seen.add(t);
      if (YEAR_CELL.test(t) || (/^(?:19|20)\d\d\D/.test(t) && YEAR_CELL.test(cleanHeader(t).name))) p.years++;
      if (parseMonthName(t) !== null) p.monthNames++;
      const numeric = looksNumeric(t);
      if (numeric) p.numbers++;
      if (!numeric && months.read(t).kind === "month") p.months++;
    }
    p.distinct = seen.size;
    profiles.push(p);
  }
  return profiles;
}

// Shares of a column's filled cells that decide what it holds. A column is read by its majority, so a
// few bad cells are reported as errors rather than making the column something else; a header that
// names the role lowers the bar, as the name is evidence too.
/** Months: most cells, or a good part under a header such as "Month". */
const MONTH_SHARE = 0.6;
const NAMED_MONTH_SHARE = 0.3;
/** Years: nearly every cell, or half under a header such as "Year". */
const YEAR_SHARE = 0.8;
const NAMED_YEAR_SHARE = 0.5;
/** Month names without a year ("Jan"): half the cells. */
const MONTH_NAME_SHARE = 0.5;
/** Text: fewer than half the cells read as numbers. */
const NUMBER_SHARE = 0.5;

const share = (n: number, p: ColumnProfile): number => (p.filled === 0 ? 0 : n / p.filled);
const isMonthCol = (p: ColumnProfile): boolean =>
  share(p.months, p) >= MONTH_SHARE || (MONTH_HEADER.test(p.name) && share(p.months, p) >= NAMED_MONTH_SHARE);
const isYearCol = (p: ColumnProfile): boolean =>
  (YEAR_HEADER.test(p.name) || share(p.years, p) >= YEAR_SHARE) && share(p.years, p) >= NAMED_YEAR_SHARE;
const isMonthNameCol = (p: ColumnProfile): boolean => share(p.monthNames, p) >= MONTH_NAME_SHARE;
const isTextCol = (p: ColumnProfile): boolean => p.filled > 0 && share(p.numbers, p) < NUMBER_SHARE;
const quote = (p: ColumnProfile): string => `"${p.label}"`;

/** Columns that are neither used nor empty are reported as left out. */
function skip(p: ColumnProfile, why?: string): SkippedColumn {
  if (isTimeTotal(p.name)) return { col: p.col, code: "subtotal-skipped", why: why ?? "a total/subtotal column" };
  return {
    col: p.col,
    code: "text-column-skipped",
    why: why ?? (COMMENT_HEADER.test(p.name) ? "a comment column" : "not a value column"),
  };
}

interface Context {
  table: string[][];
  header: number;
  profiles: ColumnProfile[];
  mine: number;
  title: string;
}

type Attempt = { shape: Shape } | { shape: null; why: string };

/** Metrics as rows: the header names months ("Feb 2017"), a column of labels names the metrics. */
function wideMetrics(ctx: Context): Attempt {
  const reader = new MonthReader();
  const head = ctx.table[ctx.header];
  const months: WideMetricsShape["months"] = [];
  for (const p of ctx.profiles) {
    const m = p.col === ctx.mine ? null : reader.read(head[p.col] ?? "");
    if (m?.kind === "month") months.push({ col: p.col, month: m.month });
  }
  if (months.length < 2) return { shape: null, why: "fewer than two columns are named by a month (Feb 2017…)" };
  const dated = new Set(months.map((m) => m.col));
  const labelP = ctx.profiles.find(
    (p) => !dated.has(p.col) && p.col !== ctx.mine && isTextCol(p) && !UNIT_HEADER.test(p.name),
  );
  if (!labelP)
    return { shape: null, why: `${months.length} columns are named by a month but no column names the metrics` };
  const unitP = ctx.profiles.find(
    (p) => !dated.has(p.col) && p.col !== labelP.col && p.col !== ctx.mine && UNIT_HEADER.test(p.name),
  );
  const skipped = ctx.profiles
    .filter(
      (p) => !dated.has(p.col) && p.col !== labelP.col && p.col !== unitP?.col && p.col !== ctx.mine && p.filled > 0,
    )
    .map((p) => skip(p, isTimeTotal(p.name) ? undefined : "not named by a month"));
  const first = ctx.profiles[months[0].col];
  const last = ctx.profiles[months[months.length - 1].col];
  const shape: WideMetricsShape = {
    kind: "wide-metrics-rows",
    layout: "wide-metrics-rows",
    header: ctx.header,
    mine: ctx.mine,
    skipped,
    metric: labelP.col,
    unit: unitP?.col ?? -1,
    months,
    reason:
      `columns ${quote(first)}…${quote(last)} are named by months and column ${quote(labelP)} names the metrics` +
      `${unitP ? ` (units in ${quote(unitP)})` : ""}: wide layout, metrics as rows`,
  };
  return { shape };
}

function wideYears(ctx: Context): Attempt {
  const monthCols = ctx.profiles
    .map((p) => ({ col: p.col, month: parseMonthName(p.name) }))
    .filter((m): m is { col: number; month: number } => m.month !== null);
  if (new Set(monthCols.map((m) => m.month)).size < 2) return { shape: null, why: "no Jan…Dec columns" };
  const used = new Set(monthCols.map((m) => m.col));
  const yearP = ctx.profiles.find((p) => !used.has(p.col) && p.col !== ctx.mine && isYearCol(p));
  if (!yearP) return { shape: null, why: "Jan…Dec columns but no column of years" };
  const metricP = ctx.profiles.find(
    (p) => p.col !== yearP.col && !used.has(p.col) && p.col !== ctx.mine && METRIC_HEADER.test(p.name),
  );
  const corner = YEAR_HEADER.test(yearP.name) ? "" : yearP.name;
  const metricName = cleanHeader(ctx.title || corner).name || "Value";
  const skipped = ctx.profiles
    .filter(
      (p) => !used.has(p.col) && p.col !== yearP.col && p.col !== ctx.mine && p.col !== metricP?.col && p.filled > 0,
    )
    .map((p) => skip(p));
  const first = ctx.profiles[monthCols[0].col];
  const lastM = ctx.profiles[monthCols[monthCols.length - 1].col];
  const shape: WideYearsShape = {
    kind: "wide-years-rows",
    layout: "wide-years-rows",
    header: ctx.header,
    mine: ctx.mine,
    skipped,
    year: yearP.col,
    months: monthCols,
    metric: metricP?.col ?? -1,
    metricName,
    reason:
      `columns ${quote(first)}…${quote(lastM)} are month names and column ${quote(yearP)} holds years: ` +
      `wide layout, years as rows${metricP ? `, metric named by column ${quote(metricP)}` : `, metric "${metricName}"`}`,
  };
  return { shape };
}

function wideMonths(ctx: Context): Attempt {
  const monthP = ctx.profiles.find((p) => p.col !== ctx.mine && isMonthNameCol(p));
  if (!monthP) return { shape: null, why: "no column of month names (Jan, Feb…)" };
  const years: WideMonthsShape["years"] = [];
  const skipped: SkippedColumn[] = [];
  for (const p of ctx.profiles) {
    if (p.col === monthP.col || p.col === ctx.mine) continue;
    const y = COMMENT_HEADER.test(p.name) ? null : splitHeaderYear(p.name);
    if (y && !TOTAL_LABEL.test(y.rest))
      years.push({ col: p.col, year: y.year, metric: cleanHeader(y.rest || ctx.title).name || "Value" });
    else if (p.filled > 0) skipped.push(skip(p));
  }
  if (years.length === 0)
    return { shape: null, why: `column ${quote(monthP)} holds month names but no column is named by a year` };
  const shape: WideMonthsShape = {
    kind: "wide-months-rows",
    layout: "wide-months-rows",
    header: ctx.header,
    mine: ctx.mine,
    skipped,
    month: monthP.col,
    years,
    reason:
      `column ${quote(monthP)} holds month names without a year and ${years.length} column(s) are named by a year ` +
      `(${years.map((y) => quote(ctx.profiles[y.col])).join(", ")}): wide layout, months as rows`,
  };
  return { shape };
}

/** The month of each row: one month column, or a year column beside a month-name column. */
function monthSource(ctx: Context): { col: number; yearCol?: number; label: string } | null {
  const named = ctx.profiles.find((p) => p.col !== ctx.mine && MONTH_HEADER.test(p.name) && isMonthCol(p));
  const byData = named ?? ctx.profiles.find((p) => p.col !== ctx.mine && isMonthCol(p));
  if (byData) return { col: byData.col, label: `column ${quote(byData)} holds months` };
  const yearP = ctx.profiles.find((p) => p.col !== ctx.mine && isYearCol(p));
  const nameP = ctx.profiles.find((p) => p.col !== ctx.mine && isMonthNameCol(p));
  if (yearP && nameP)
    return {
      col: nameP.col,
      yearCol: yearP.col,
      label: `columns ${quote(yearP)} and ${quote(nameP)} hold years and month names`,
    };
  return null;
}

function tidy(ctx: Context): Attempt {
  const month = monthSource(ctx);
  if (!month) return { shape: null, why: "no column holds months" };
  const taken = (c: number) => c === month.col || c === month.yearCol || c === ctx.mine;
  const rest = ctx.profiles.filter((p) => !taken(p.col));
  const metricP =
    rest.find((p) => METRIC_HEADER.test(p.name)) ??
    (rest.some((p) => VALUE_HEADER.test(p.name))
      ? rest.find((p) => isTextCol(p) && !COMMENT_HEADER.test(p.name))
      : undefined);
  if (!metricP) return { shape: null, why: "no column named Metric (or Measure, Item…)" };
  const valueP =
    rest.find((p) => p.col !== metricP.col && VALUE_HEADER.test(p.name)) ??
    single(rest.filter((p) => p.col !== metricP.col && p.filled > 0 && !isTextCol(p)));
  if (!valueP)
    return { shape: null, why: `column ${quote(metricP)} names metrics but no single column holds their values` };
  const shape: TidyShape = {
    kind: "tidy",
    layout: "tidy",
    header: ctx.header,
    mine: ctx.mine,
    month: { col: month.col, yearCol: month.yearCol },
    metric: metricP.col,
    value: valueP.col,
    skipped: rest.filter((p) => p.col !== metricP.col && p.col !== valueP.col && p.filled > 0).map((p) => skip(p)),
    reason: `${month.label}, ${quote(metricP)} names the metric and ${quote(valueP)} holds its value: tidy layout`,
  };
  return { shape };
}

const single = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);

function long(ctx: Context): Attempt {
  const month = monthSource(ctx);
  if (!month) return { shape: null, why: "no column holds months (Jan 2017, 2017-01, a date…)" };
  const values: number[] = [];
  const skipped: SkippedColumn[] = [];
  for (const p of ctx.profiles) {
    if (p.col === month.col || p.col === month.yearCol || p.col === ctx.mine) continue;
    const blankHeader = p.label.startsWith("column ") && !ctx.table[ctx.header][p.col]?.trim();
    if (p.filled === 0 && blankHeader) continue; // a trailing separator
    // A header with a unit ("Gold (oz)") names a metric even when its cells fail to read: those are errors.
    const text = isTextCol(p) && cleanHeader(p.name).unit === undefined;
    if (isTimeTotal(p.name) || COMMENT_HEADER.test(p.name) || text) skipped.push(skip(p));
    else values.push(p.col);
  }
  if (values.length === 0) return { shape: null, why: `${month.label} but no column holds numbers` };
  const shape: LongShape = {
    kind: "long",
    layout: "long",
    header: ctx.header,
    mine: ctx.mine,
    month: { col: month.col, yearCol: month.yearCol },
    values,
    skipped,
    reason: `${month.label} and ${values.length} column(s) hold values (${values.map((c) => quote(ctx.profiles[c])).join(", ")}): long layout`,
  };
  return { shape };
}

const RULES: [LayoutKind, (ctx: Context) => Attempt][] = [
  ["wide-metrics-rows", wideMetrics],
  ["wide-years-rows", wideYears],
  ["wide-months-rows", wideMonths],
  ["tidy", tidy],
  ["long", long],
];

export interface Detection {
  shape: Shape | null;
  reason: string;
  header: number;
  profiles: ColumnProfile[];
}

/** Detects the layout, or checks the one the user forced. */
export function detectLayout(table: string[][], forced?: LayoutKind, headerRow?: number): Detection {
  const header = headerRow !== undefined ? headerRow : findHeader(table);
  if (header < 0 || header >= table.length) {
    const why =
      table.length === 0 ? "the table is empty" : "no header row above the data (a row of two or more column names)";
    return { shape: null, reason: `could not recognise the layout: ${why}`, header: -1, profiles: [] };
  }
  const profiles = profileColumns(table, header);
  const mineP = profiles.find((p) => MINE_HEADER.test(p.name));
  const ctx: Context = { table, header, profiles, mine: mineP ? mineP.col : -1, title: titleAbove(table, header) };
  const rules = forced ? RULES.filter(([k]) => k === forced) : RULES;
  const whys: string[] = [];
  for (const [kind, rule] of rules) {
    const a = rule(ctx);
    if (a.shape) return { shape: a.shape, reason: a.shape.reason, header, profiles };
    whys.push(`${kind}: ${a.why}`);
  }
  const lead = forced ? `the table does not fit the layout "${forced}"` : "could not recognise the layout";
  return { shape: null, reason: `${lead} (header row ${header + 1}): ${whys.join("; ")}`, header, profiles };
}
