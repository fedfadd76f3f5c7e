/**
 * Layout detection: explicit rules, each with the reason it matched, tried from the most specific
 * (wide layouts have tell-tale headers) to the most general (long). No rule fits -> null and the
 * reason, so the pane asks for a manual mapping instead of guessing. Columns a layout does not read
 * are named with what they were taken for: a total, a derived figure (growth, a year to date),
 * guidance, a comment, an identifier.
 */
import {
  CAPTION_NOUNS,
  COMMENT_HEADER,
  IDENTIFIER_HEADER,
  MINE_HEADER,
  METRIC_HEADER,
  MONTH_HEADER,
  UNIT_HEADER,
  VALUE_HEADER,
  YEAR_CELL,
  YEAR_HEADER,
  cleanHeader,
  splitHeaderYear,
} from "./header";
import { datesOfColumn, toMonth, type ColumnDates } from "../../calc/periods";
import { attempt, CalcError } from "../../calc/errors";
import type { MonthIndex } from "../../calc/months";
import { collapseSpaces } from "../../calc/vocabulary";
import { isBlankCell, looksNumeric, MonthReader } from "./cells";
import { isAggregate, isDerivedLabel, isGuidanceLabel, marks, periodOf, type PeriodLabel } from "./labels";
import { findStructure, isBlankLine, type Structure } from "./structure";
import type {
  LeftColumn,
  LongShape,
  Shape,
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
  /** What the column's cells settle about their dates. */
  dates?: ColumnDates;
  filled: number;
  months: number;
  monthNames: number;
  /** Cells naming any period: months, month names, quarters, years, totals. */
  periods: number;
  years: number;
  numbers: number;
  /** Cells of several words: a comment column's. */
  prose: number;
  distinct: number;
  /** Every filled cell as read, for the checks that compare columns. */
  cells: string[];
}

export const columnLabel = (names: string[] | undefined, col: number): string => {
  const h = names?.[col]?.trim();
  return h ? h : `column ${col + 1}`;
};

/** Words, not a figure or a name: a comment's cells ("Up 696 oz, about 15%", "rainy month"). */
const PROSE = /[A-Za-z]{2,}[^A-Za-z\d]+[A-Za-z]{2,}/;

/** The cells of a table under its header that are data lines (not blank, not the header printed again). */
function dataLines(table: string[][], st: Structure, within: Map<number, number>): number[] {
  const out: number[] = [];
  const head = st.headerLines.length > 0 ? table[st.headerLines[st.headerLines.length - 1]] : [];
  for (let r = st.dataStart; r < table.length && out.length < SAMPLE_ROWS; r++) {
    if (within.has(r) || isBlankLine(table[r]) || isHeaderAgain(table[r], head)) continue;
    // A line of one cell is a heading or a footnote (or a section's year): not what a column holds.
    if (table[r].filter((c) => c.trim() !== "").length <= 1) continue;
    out.push(r);
  }
  return out;
}

/** A header's cells trimmed and in lower case, once per header row (it is compared with every line). */
const headerNames = new WeakMap<string[], string[]>();
function namesOf(head: string[]): string[] {
  let names = headerNames.get(head);
  if (names === undefined) headerNames.set(head, (names = head.map((h) => (h ?? "").trim().toLowerCase())));
  return names;
}

function isAscii(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The header printed again (before each section, or with a section's name in its first cell). */
export function isHeaderAgain(row: string[], head: string[]): boolean {
  // Names first: a data line names no column, and reading its cells as figures is the costly part.
  const names = namesOf(head);
  let same = 0;
  for (let c = 1; c < row.length; c++) {
    const t = row[c].trim();
    const name = names[c] ?? "";
    // Lower case keeps an ASCII text's length: one of another length cannot be the name.
    if (t === "" || (t.length !== name.length && isAscii(t))) continue;
    if (t.toLowerCase() === name) same++;
  }
  if (same === 0) return false;
  for (const raw of row) {
    const t = raw.trim();
    if (t !== "" && looksNumeric(t) && !YEAR_CELL.test(t)) return false;
  }
  return same >= 2 || (row.filter((c) => c.trim() !== "").length === 1 + same && head.length <= 3);
}

function profileColumns(table: string[][], st: Structure, lines: number[], width: number): ColumnProfile[] {
  const profiles: ColumnProfile[] = [];
  for (let col = 0; col < width; col++) {
    const cells: string[] = [];
    for (const r of lines) {
      const raw = table[r][col];
      if (raw === undefined || isBlankCell(raw)) continue;
      cells.push(raw.trim());
    }
    const dates = datesOfColumn(cells);
    const months = new MonthReader(dates);
    // A column's texts repeat (a mine on each of its lines): each distinct one is read as a period once.
    const periods = new Map<string, PeriodLabel | null>();
    const p: ColumnProfile = {
      col,
      label: columnLabel(st.names, col),
      name: cleanHeader(st.names[col] ?? "").name,
      filled: cells.length,
      months: 0,
      monthNames: 0,
      periods: 0,
      years: 0,
      numbers: 0,
      prose: 0,
      distinct: new Set(cells).size,
      cells,
    };
    if (dates) p.dates = dates;
    for (const t of cells) {
      if (YEAR_CELL.test(t) || (/^(?:19|20)\d\d\D/.test(t) && YEAR_CELL.test(cleanHeader(t).name))) p.years++;
      // A column of codes or serials holds digits that are dates, not figures.
      const numeric = !dates?.codes && !dates?.serials && looksNumeric(t);
      if (numeric) p.numbers++;
      if (!numeric && months.read(t).kind === "month") p.months++;
      let period = periods.get(t);
      if (period === undefined) periods.set(t, (period = periodOf(t, dates)));
      if (period?.kind === "month-name") p.monthNames++;
      if (period !== null) p.periods++;
      if (!numeric && PROSE.test(t)) p.prose++;
    }
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
/** Prose: half the cells are sentences. */
const PROSE_SHARE = 0.5;

const share = (n: number, p: ColumnProfile): number => (p.filled === 0 ? 0 : n / p.filled);
const isMonthCol = (p: ColumnProfile): boolean =>
  share(p.months, p) >= MONTH_SHARE || (MONTH_HEADER.test(p.name) && share(p.months, p) >= NAMED_MONTH_SHARE);
const isYearCol = (p: ColumnProfile): boolean =>
  (YEAR_HEADER.test(p.name) || share(p.years, p) >= YEAR_SHARE) && share(p.years, p) >= NAMED_YEAR_SHARE;
const isMonthNameCol = (p: ColumnProfile): boolean => share(p.monthNames, p) >= MONTH_NAME_SHARE;
const isTextCol = (p: ColumnProfile): boolean => p.filled > 0 && share(p.numbers, p) < NUMBER_SHARE;
const isProseCol = (p: ColumnProfile): boolean => p.filled > 0 && share(p.prose, p) >= PROSE_SHARE;
/** A column of periods: months, and quarters or years (totals), and month names under a year or quarter. */
const isPeriodCol = (p: ColumnProfile): boolean =>
  p.months + p.monthNames > 0 && share(p.periods, p) >= MONTH_SHARE && share(p.numbers, p) < NUMBER_SHARE;
const quote = (p: ColumnProfile): string => `"${p.label}"`;

/** What a column that is not read holds, by its header and its cells. */
function leftColumn(p: ColumnProfile, ctx: Context, fallback = "not a value column"): LeftColumn {
  const period = periodOf(p.name);
  if (isAggregate(period)) {
    const running = period?.kind === "to-date";
    return {
      col: p.col,
      what: running ? "derived" : "total",
      why: running ? "a running total (to date)" : "a total/subtotal column",
      period: period as PeriodLabel,
    };
  }
  if (isDerivedLabel(p.name)) return { col: p.col, what: "derived", why: "a derived column (growth, change)" };
  if (isGuidanceLabel(p.name)) return { col: p.col, what: "guidance", why: "guidance or a target, not production" };
  if (COMMENT_HEADER.test(p.name) || isProseCol(p)) return { col: p.col, what: "comment", why: "a comment column" };
  if (IDENTIFIER_HEADER.test(p.name) || sameAsMetric(p, ctx))
    return { col: p.col, what: "identifier", why: "an identifier (a code or sort order), not a figure" };
  return { col: p.col, what: "text", why: fallback };
}

/** A column whose cells follow the metric column's one for one says nothing more: a code, a sort key. */
function sameAsMetric(p: ColumnProfile, ctx: Context): boolean {
  if (ctx.metricCol < 0 || p.col === ctx.metricCol) return false;
  const other = ctx.profiles[ctx.metricCol];
  const pairs = new Map<string, string>();
  const back = new Map<string, string>();
  for (const r of ctx.lines) {
    const a = (ctx.table[r][p.col] ?? "").trim();
    const b = (ctx.table[r][other.col] ?? "").trim();
    if (a === "" || b === "") continue;
    if ((pairs.get(a) ?? b) !== b || (back.get(b) ?? a) !== a) return false;
    pairs.set(a, b);
    back.set(b, a);
  }
  return pairs.size > 0;
}

interface Context {
  table: string[][];
  st: Structure;
  lines: number[];
  profiles: ColumnProfile[];
  mine: number;
  /** A one-cell line above the header: often the metric ("Gold production (oz)"). */
  title: string;
  /** The metric column of a tidy table, once found, for telling identifiers. */
  metricCol: number;
}

type Attempt = { shape: Shape } | { shape: null; why: string };

/** Fields every shape shares, from the context. */
function common(ctx: Context, layout: LayoutKind, left: LeftColumn[], reason: string) {
  const base = {
    layout,
    header: ctx.st.headerLines[ctx.st.headerLines.length - 1],
    headerLines: ctx.st.headerLines,
    unitLine: ctx.st.unitLine,
    dataStart: ctx.st.dataStart,
    names: ctx.st.names,
    width: ctx.profiles.length,
    mine: ctx.mine,
    left,
    reason,
  };
  return {
    ...base,
    ...(ctx.st.titleUnit !== undefined ? { titleUnit: ctx.st.titleUnit } : {}),
    ...(ctx.st.fiscalStart !== undefined ? { fiscalStart: ctx.st.fiscalStart } : {}),
  };
}

/** A header naming a month, with the words beside it ("April 2013 Target") and an estimate mark. */
interface HeaderMonth {
  month: MonthIndex;
  rest: string;
  estimate: boolean;
  unit?: string;
}

const MONTH_PHRASE = "[A-Za-z]+\\.?[ '\u2019\\-/]*(?:\\d{4}|\\d{2})";
const MONTH_FIRST = new RegExp(`^(${MONTH_PHRASE})\\s+(.+)$`);
const MONTH_LAST = new RegExp(`^(.+?)\\s+(${MONTH_PHRASE})$`);

const monthOfText = (t: string): MonthIndex | null => {
  const m = attempt(undefined, () => toMonth(t));
  return m instanceof CalcError ? null : m;
};

function headerMonth(name: string): HeaderMonth | null {
  const m = marks(name);
  const whole = monthOfText(m.core);
  const base = { estimate: m.estimate, ...(m.unit !== undefined ? { unit: m.unit } : {}) };
  if (whole !== null) return { month: whole, rest: "", ...base };
  for (const re of [MONTH_FIRST, MONTH_LAST]) {
    const r = re.exec(m.core);
    if (!r) continue;
    const [month, rest] = re === MONTH_FIRST ? [r[1], r[2]] : [r[2], r[1]];
    const found = monthOfText(month);
    if (found !== null && !/\d/.test(rest))
      return { month: found, rest: m.unit ? `${rest} (${m.unit})` : rest, ...base };
  }
  return null;
}

/** The metric a caption names: "Production Performance" is production. */
const captionMetric = (text: string): string => collapseSpaces(text).replace(CAPTION_NOUNS, "");

/** Metrics as rows (or sites as rows): the header names months, a column of labels names the rows. */
function wideMetrics(ctx: Context): Attempt {
  const months: WideMetricsShape["months"] = [];
  const left: LeftColumn[] = [];
  for (const p of ctx.profiles) {
    const h = headerMonth(ctx.st.names[p.col] ?? "");
    if (h === null) continue;
    if (isGuidanceLabel(h.rest))
      left.push({ col: p.col, what: "guidance", why: "guidance or a target, not production" });
    else if (isDerivedLabel(h.rest))
      left.push({ col: p.col, what: "derived", why: "a derived column (growth, change)" });
    else months.push({ col: p.col, month: h.month, metric: h.rest, estimate: h.estimate });
  }
  if (months.length + left.length < 2)
    return { shape: null, why: "fewer than two columns are named by a month (Feb 2017…)" };
  const dated = new Set([...months.map((m) => m.col), ...left.map((l) => l.col)]);
  const unitP = ctx.profiles.find((p) => !dated.has(p.col) && p.col !== ctx.mine && UNIT_HEADER.test(p.name));
  const labelP = ctx.profiles.find(
    (p) => !dated.has(p.col) && p.col !== ctx.mine && p.col !== unitP?.col && isTextCol(p),
  );
  const sites = labelP === undefined && ctx.mine >= 0;
  const label = labelP?.col ?? (sites ? ctx.mine : -1);
  if (label < 0)
    return { shape: null, why: `${months.length} columns are named by a month but no column names the metrics` };
  for (const p of ctx.profiles) {
    if (dated.has(p.col) || p.col === label || p.col === unitP?.col || p.col === ctx.mine || p.filled === 0) continue;
    left.push(leftColumn(p, ctx, "not named by a month"));
  }
  const rests = [...new Set(months.map((m) => m.metric).filter((m) => m !== ""))];
  // A month column without words of its own takes its neighbours' ("April 2012" beside "April 2013 Actual").
  if (rests.length === 1) for (const m of months) if (m.metric === "") m.metric = rests[0];
  const caption =
    ctx.st.caption >= 0 ? captionMetric(ctx.table[ctx.st.caption].filter((c) => c.trim() !== "")[0] ?? "") : "";
  const metricName = sites ? caption : "";
  const first = ctx.profiles[months[0]?.col ?? left[0].col];
  const last = ctx.profiles[months[months.length - 1]?.col ?? first.col];
  const rows = sites
    ? `column ${quote(ctx.profiles[label])} names the sites`
    : `column ${quote(ctx.profiles[label])} names the metrics`;
  const shape: WideMetricsShape = {
    kind: "wide-metrics-rows",
    ...common(
      ctx,
      "wide-metrics-rows",
      left,
      `columns ${quote(first)}…${quote(last)} are named by months and ${rows}` +
        `${unitP ? ` (units in ${quote(unitP)})` : ""}: wide layout, ${sites ? "sites" : "metrics"} as rows`,
    ),
    label,
    sites,
    unit: unitP?.col ?? -1,
    months,
    metricName,
  };
  return { shape };
}

function wideYears(ctx: Context): Attempt {
  const monthCols: WideYearsShape["months"] = [];
  const units = new Set<string>();
  for (const p of ctx.profiles) {
    const name = ctx.st.names[p.col] ?? "";
    const period = periodOf(name);
    if (period?.kind !== "month-name") continue;
    const m = marks(name);
    monthCols.push({ col: p.col, month: period.month, estimate: m.estimate });
    units.add(m.unit ?? "");
  }
  if (new Set(monthCols.map((m) => m.month)).size < 2) return { shape: null, why: "no Jan…Dec columns" };
  const used = new Set(monthCols.map((m) => m.col));
  const yearP = ctx.profiles.find((p) => !used.has(p.col) && p.col !== ctx.mine && isYearCol(p));
  if (!yearP) return { shape: null, why: "Jan…Dec columns but no column of years" };
  const metricP = ctx.profiles.find(
    (p) => p.col !== yearP.col && !used.has(p.col) && p.col !== ctx.mine && METRIC_HEADER.test(p.name),
  );
  const corner = YEAR_HEADER.test(yearP.name) || yearP.label.startsWith("column ") ? "" : yearP.name;
  const unit = units.size === 1 ? [...units][0] : "";
  const named = corner || (unit === "" ? ctx.title : "");
  const metricName =
    (named !== ""
      ? cleanHeader(unit !== "" && cleanHeader(named).unit === undefined ? `${named} (${unit})` : named).name
      : unit) || "Value";
  const left = ctx.profiles
    .filter(
      (p) => !used.has(p.col) && p.col !== yearP.col && p.col !== ctx.mine && p.col !== metricP?.col && p.filled > 0,
    )
    .map((p) => leftColumn(p, ctx));
  const first = ctx.profiles[monthCols[0].col];
  const lastM = ctx.profiles[monthCols[monthCols.length - 1].col];
  const shape: WideYearsShape = {
    kind: "wide-years-rows",
    ...common(
      ctx,
      "wide-years-rows",
      left,
      `columns ${quote(first)}…${quote(lastM)} are month names and column ${quote(yearP)} holds years: ` +
        `wide layout, years as rows${metricP ? `, metric named by column ${quote(metricP)}` : `, metric "${metricName}"`}`,
    ),
    year: yearP.col,
    months: monthCols,
    metric: metricP?.col ?? -1,
    metricName,
  };
  return { shape };
}

/** A header naming one year and a metric ("2016 Gold Production (oz)"), not two years, not a comment. */
function yearColumn(p: ColumnProfile): { year: number; rest: string } | null {
  if (isProseCol(p) || COMMENT_HEADER.test(p.name) || isDerivedLabel(p.name) || isGuidanceLabel(p.name)) return null;
  const y = splitHeaderYear(p.name);
  if (
    !y ||
    /\b(?:19|20)\d\d\b/.test(y.rest) ||
    isAggregate(periodOf(y.rest)) ||
    (p.filled > 0 && !(share(p.numbers, p) >= NUMBER_SHARE))
  )
    return null;
  return y;
}

function wideMonths(ctx: Context): Attempt {
  const monthP = ctx.profiles.find((p) => p.col !== ctx.mine && isMonthNameCol(p));
  if (!monthP) return { shape: null, why: "no column of month names (Jan, Feb…)" };
  const years: WideMonthsShape["years"] = [];
  const left: LeftColumn[] = [];
  for (const p of ctx.profiles) {
    if (p.col === monthP.col || p.col === ctx.mine) continue;
    const y = yearColumn(p);
    if (y) {
      const m = marks(y.rest);
      years.push({
        col: p.col,
        year: y.year,
        metric: cleanHeader(y.rest || ctx.title).name || "Value",
        estimate: m.estimate,
      });
    } else if (p.filled > 0) left.push(leftColumn(p, ctx));
  }
  if (years.length === 0)
    return { shape: null, why: `column ${quote(monthP)} holds month names but no column is named by a year` };
  const shape: WideMonthsShape = {
    kind: "wide-months-rows",
    ...common(
      ctx,
      "wide-months-rows",
      left,
      `column ${quote(monthP)} holds month names without a year and ${years.length} column(s) are named by a year ` +
        `(${years.map((y) => quote(ctx.profiles[y.col])).join(", ")}): wide layout, months as rows`,
    ),
    month: monthP.col,
    years,
  };
  return { shape };
}

/** The month of each row: one column of periods, or a year column beside a month-name column. */
function monthSource(ctx: Context): { col: number; yearCol?: number; dates?: ColumnDates; label: string } | null {
  const dated = (p: ColumnProfile) => ({ col: p.col, ...(p.dates ? { dates: p.dates } : {}) });
  const named = ctx.profiles.find((p) => p.col !== ctx.mine && MONTH_HEADER.test(p.name) && isMonthCol(p));
  const byData = named ?? ctx.profiles.find((p) => p.col !== ctx.mine && isMonthCol(p));
  if (byData) return { ...dated(byData), label: `column ${quote(byData)} holds months` };
  const yearP = ctx.profiles.find((p) => p.col !== ctx.mine && isYearCol(p));
  const nameP = ctx.profiles.find((p) => p.col !== ctx.mine && isMonthNameCol(p));
  if (yearP && nameP && yearP.col !== nameP.col)
    return {
      col: nameP.col,
      yearCol: yearP.col,
      label: `columns ${quote(yearP)} and ${quote(nameP)} hold years and month names`,
    };
  const periodP = ctx.profiles.find((p) => p.col !== ctx.mine && isPeriodCol(p));
  if (periodP)
    return {
      ...dated(periodP),
      label: `column ${quote(periodP)} holds periods (months, and the years or quarters they fall in)`,
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
      ? rest.find(
          (p) =>
            isTextCol(p) &&
            !COMMENT_HEADER.test(p.name) &&
            !UNIT_HEADER.test(p.name) &&
            !IDENTIFIER_HEADER.test(p.name),
        )
      : undefined);
  if (!metricP) return { shape: null, why: "no column named Metric (or Measure, Item…)" };
  const unitP = rest.find((p) => p.col !== metricP.col && UNIT_HEADER.test(p.name));
  const candidates = rest.filter((p) => p.col !== metricP.col && p.col !== unitP?.col);
  const valueP =
    candidates.find((p) => VALUE_HEADER.test(p.name)) ??
    single(candidates.filter((p) => p.filled > 0 && !isTextCol(p) && !IDENTIFIER_HEADER.test(p.name)));
  if (!valueP)
    return { shape: null, why: `column ${quote(metricP)} names metrics but no single column holds their values` };
  const inner = { ...ctx, metricCol: metricP.col };
  const shape: TidyShape = {
    kind: "tidy",
    ...common(
      ctx,
      "tidy",
      candidates.filter((p) => p.col !== valueP.col && p.filled > 0).map((p) => leftColumn(p, inner)),
      `${month.label}, ${quote(metricP)} names the metric${unitP ? ` (units in ${quote(unitP)})` : ""} and ${quote(valueP)} holds its value: tidy layout`,
    ),
    month: {
      col: month.col,
      ...(month.yearCol !== undefined ? { yearCol: month.yearCol } : {}),
      ...(month.dates ? { dates: month.dates } : {}),
    },
    metric: metricP.col,
    value: valueP.col,
    unit: unitP?.col ?? -1,
  };
  return { shape };
}

const single = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);

function long(ctx: Context): Attempt {
  const month = monthSource(ctx);
  if (!month) return { shape: null, why: "no column holds months (Jan 2017, 2017-01, a date…)" };
  const values: number[] = [];
  const left: LeftColumn[] = [];
  for (const p of ctx.profiles) {
    if (p.col === month.col || p.col === month.yearCol || p.col === ctx.mine) continue;
    const blankHeader = p.label.startsWith("column ");
    if (p.filled === 0 && blankHeader) continue; // a trailing separator
    // A header with a unit ("Gold (oz)") names a metric even when its cells fail to read: those are errors.
    const text = isTextCol(p) && cleanHeader(p.name).unit === undefined;
    const l = leftColumn(p, ctx);
    if (l.what !== "text" || text || IDENTIFIER_HEADER.test(p.name)) left.push(l);
    else values.push(p.col);
  }
  if (values.length === 0) return { shape: null, why: `${month.label} but no column holds numbers` };
  const shape: LongShape = {
    kind: "long",
    ...common(
      ctx,
      "long",
      left,
      `${month.label} and ${values.length} column(s) hold values (${values.map((c) => quote(ctx.profiles[c])).join(", ")}): long layout`,
    ),
    month: {
      col: month.col,
      ...(month.yearCol !== undefined ? { yearCol: month.yearCol } : {}),
      ...(month.dates ? { dates: month.dates } : {}),
    },
    values,
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
  structure: Structure;
}

/** The header's width: its lines' cells (trailing empty ones not counted), or the data's for a headless table. */
function headerWidth(table: string[][], st: Structure): number {
  let w = 0;
  for (const l of [...st.headerLines, ...(st.unitLine >= 0 ? [st.unitLine] : [])]) {
    const row = table[l];
    let n = row.length;
    while (n > 0 && row[n - 1].trim() === "") n--;
    w = Math.max(w, n);
  }
  return w;
}

/** Detects the layout, or checks the one the user forced. */
export function detectLayout(
  table: string[][],
  within: Map<number, number>,
  forced?: LayoutKind,
  headerRow?: number,
): Detection {
  const st = findStructure(table, within, headerRow);
  const header = st.headerLines.length > 0 ? st.headerLines[st.headerLines.length - 1] : -1;
  if (header < 0) {
    const why = table.every((r) => r.every((c) => c.trim() === ""))
      ? "the table is empty"
      : "no header row above the data (a row of two or more column names)";
    return { shape: null, reason: `could not recognise the layout: ${why}`, header: -1, structure: st };
  }
  const lines = dataLines(table, st, within);
  const profiles = profileColumns(table, st, lines, Math.max(headerWidth(table, st), 1));
  const mineP = profiles.find((p) => MINE_HEADER.test(p.name));
  const title = titleAbove(table, st);
  const ctx: Context = { table, st, lines, profiles, mine: mineP ? mineP.col : -1, title, metricCol: -1 };
  const rules = forced ? RULES.filter(([k]) => k === forced) : RULES;
  const whys: string[] = [];
  for (const [kind, rule] of rules) {
    const a = rule(ctx);
    if (a.shape) return { shape: a.shape, reason: a.shape.reason, header, structure: st };
    whys.push(`${kind}: ${a.why}`);
  }
  const lead = forced ? `the table does not fit the layout "${forced}"` : "could not recognise the layout";
  return { shape: null, reason: `${lead} (header row ${header + 1}): ${whys.join("; ")}`, header, structure: st };
}

/** The nearest one-cell line above the header, often the metric ("Gold production (oz)"). */
function titleAbove(table: string[][], st: Structure): string {
  for (let i = st.above.length - 1; i >= 0; i--) {
    const cells = table[st.above[i]].filter((c) => c.trim() !== "");
    if (cells.length === 1) return cells[0].trim();
  }
  return "";
}
