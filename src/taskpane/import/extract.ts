/**
 * Reads the cells a Shape points at into entries (a mine, a month and values for some metrics), and
 * accounts for every line: read as data, or a heading, a total, a derived figure, a footnote, a line
 * refused with an error. Every cell that is not a month or not a number is reported with its line,
 * column and text; totals are kept with the months or sites they cover, to be checked (totals.ts).
 * One pass over the lines; whole-table checks (duplicates, gaps) come after, in plan.ts.
 */
import { makeMonth, type MonthIndex } from "../../calc/months";
import { ambiguousMark, decimalEvidence, type Mark } from "../../calc/number";
import { MonthReader, ValueReader, isBlankCell } from "./cells";
import { columnLabel, isHeaderAgain } from "./detect";
import { YEAR_CELL, cleanHeader, isPercentUnit } from "./header";
import {
  isAggregate,
  isAllSitesLabel,
  isDerivedLabel,
  marks,
  metricRowAggregate,
  monthsCovered,
  periodOf,
  type PeriodLabel,
} from "./labels";
import { datedRows } from "./sections";
import { isBlankLine } from "./structure";
import type {
  LongShape,
  MonthSource,
  Shape,
  TidyShape,
  WideMetricsShape,
  WideMonthsShape,
  WideYearsShape,
} from "./shape";
import type { LeftOut, LineRole, Problem } from "./types";

export interface Metric {
  name: string;
  unit?: string;
  percent: boolean;
  /** Most decimals printed in a value of this metric (for its number format). */
  decimals: number;
  /** Fewest decimals printed in a value of this metric: how coarsely its figures are rounded. */
  coarse: number;
  /** Figures read so far (a unit printed in a cell may name the metric's unit only before any). */
  read: number;
}

/** Values of some metrics for one mine and month, from one source line. */
export interface Entry {
  row: number; // 1-based source line
  mine: string;
  month: MonthIndex;
  /** Metric indexes, parallel to values/est (long rows share one array). */
  metrics: number[];
  values: (number | null)[];
  est: boolean[] | null;
  /** Always null here; plan.ts reuses an entry holding every metric as its table row. */
  from: null;
}

/** One figure of a total: the metric, mine and months it covers, as printed. */
export interface TotalCell {
  metric: number;
  mine: string;
  /** The months it covers, or null when the label leaves them open. */
  months: MonthIndex[] | null;
  /** A total across sites: the one month it is for. */
  month?: MonthIndex;
  value: number;
  text: string;
  decimals: number;
  column: number;
  /** The metric's name (and unit) while it is looked up among the data's metrics, at the end of the pass. */
  pending?: MetricSpec;
}

/** A metric by name, not (yet) by index. */
interface MetricSpec {
  name: string;
  unit?: string;
}

/** A total row, or a total column's cell on one line, with the figures to check. */
export interface TotalRow {
  line: number;
  /** Set for a cell of a total column. */
  column?: number;
  label: string;
  period: PeriodLabel | null;
  /** A total across sites: the lines of the sites it totals (1-based, inclusive). */
  sites?: { from: number; to: number };
  /** The row's mine is "All producers" or the like: its months are summed over every site. */
  allSites: boolean;
  cells: TotalCell[];
}

/** A line's role, or "note": a line of text within or under the table (a heading or a footnote). */
export type Role = LineRole | "note";

export interface Extraction {
  metrics: Metric[];
  entries: Entry[];
  problems: Problem[];
  /** Source lines (1-based) with an error: dropped when the user skips bad rows. */
  badRows: Set<number>;
  /** What each line became (index = line - 1); "note" lines are headings or footnotes, settled in analyse. */
  roles: Role[];
  totals: TotalRow[];
  /** Rows and columns left out that are not totals to check. */
  left: LeftOut[];
}

/** A value cell that is filled; a leading digit settles it without calc's placeholder check. */
const hasValue = (raw: string | undefined): boolean => {
  if (raw === undefined) return false;
  const c = raw.charCodeAt(0);
  return (c >= 48 && c <= 57) || !isBlankCell(raw);
};

/** A cell with anything in it, a no-figure word too. */
const isFilled = (raw: string | undefined): boolean => raw !== undefined && raw.trim() !== "";

/** The value columns of a shape, for decimal detection. */
function valueColumns(shape: Shape): number[] {
  switch (shape.kind) {
    case "long":
      return shape.values;
    case "tidy":
      return [shape.value];
    case "wide-years-rows":
      return shape.months.map((m) => m.col);
    case "wide-months-rows":
      return shape.years.map((y) => y.col);
    case "wide-metrics-rows":
      return shape.months.map((m) => m.col);
  }
}

export interface DecimalGuess {
  mark: Mark;
  detected: boolean;
  /** Both marks are evidenced: where, for a warning. */
  conflict?: { dot: string; comma: string };
  /** Not detected, and a value reads as a decimal under the assumed mark though it may group thousands. */
  ambiguous?: string;
}

/** Rows looked at for the decimal mark; a later contradiction still shows as "not a number" errors. */
const DECIMAL_SAMPLE_ROWS = 5_000;

/**
 * "," only when a value can be read no other way ("2,6", "1.234,5"); "." likewise. Otherwise the
 * hint (a semicolon-separated file comes from a European Excel: ","), else ".", and `ambiguous`
 * names a value the assumption turns into a decimal ("19.982" read as 19.982), for a warning.
 */
export function detectDecimal(table: string[][], shape: Shape, hint: Mark = "."): DecimalGuess {
  const cols = [...valueColumns(shape), ...shape.left.filter((l) => l.what === "total").map((l) => l.col)];
  let dot: string | undefined;
  let comma: string | undefined;
  const unsure: Partial<Record<Mark, string>> = {};
  const last = Math.min(table.length, shape.dataStart + DECIMAL_SAMPLE_ROWS);
  for (let r = shape.dataStart; r < last && !(dot && comma); r++) {
    const row = table[r];
    for (const c of cols) {
      const t = row[c];
      if (t === undefined || (t.indexOf(",") < 0 && t.indexOf(".") < 0)) continue;
      const text = t.trim();
      const e = decimalEvidence(text);
      if (e === "." && !dot) dot = `line ${r + 1} "${text}"`;
      else if (e === "," && !comma) comma = `line ${r + 1} "${text}"`;
      else if (e === null) {
        const a = ambiguousMark(text);
        if (a !== null && !unsure[a]) unsure[a] = `line ${r + 1} "${text}"`;
      }
    }
  }
  if (dot && comma) return { mark: ".", detected: false, conflict: { dot, comma } };
  if (comma) return { mark: ",", detected: true };
  if (dot) return { mark: ".", detected: true };
  return unsure[hint] ? { mark: hint, detected: false, ambiguous: unsure[hint] } : { mark: hint, detected: false };
}

/** A unit as compared: case, full stops and a plural "s" do not count ("tonnes" is "tonne"). */
const unitKey = (u: string): string =>
  u
    .toLowerCase()
    .replace(/\./g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(tonne|ton|gram|ounce|kg|lb|carat)s$/, "$1");

/** Decimals printed in a figure under the file's decimal mark ("56.1" has 1, "6,736" none). */
function decimalsOf(text: string, mark: Mark): number {
  const code = mark.charCodeAt(0);
  let i = text.length - 1;
  while (i >= 0 && text.charCodeAt(i) !== code) i--;
  if (i < 0) return 0;
  let n = 0;
  while (i + 1 + n < text.length && text.charCodeAt(i + 1 + n) >= 48 && text.charCodeAt(i + 1 + n) <= 57) n++;
  return n;
}

/** Distinct mine names remembered: a file has a few hundred; the cap bounds memory on a file of junk. */
const NAMES_KEPT = 100_000;

/** The most decimals a number format shows; more are not kept in a metric's format. */
const MAX_DECIMALS = 6;

class Extractor {
  readonly metrics: Metric[] = [];
  readonly entries: Entry[] = [];
  readonly problems: Problem[] = [];
  readonly badRows = new Set<number>();
  readonly roles: Role[];
  readonly totals: TotalRow[] = [];
  readonly left: LeftOut[] = [];
  private readonly metricIndex = new Map<string, number>();
  private readonly values: ValueReader;
  private readonly head: string[];
  private lastEstimate = false;
  /** Lines whose row label marks them as estimates, for one warning. */
  private readonly estimateRows: number[] = [];
  private readonly allSitesNames = new Map<string, boolean>();

  constructor(
    private readonly table: string[][],
    private readonly within: Map<number, number>,
    private readonly shape: Shape,
    private readonly mark: Mark,
  ) {
    this.values = new ValueReader(mark);
    this.head = table[shape.header] ?? [];
    this.roles = table.map(() => "blank" as Role);
  }

  label(col: number): string {
    return columnLabel(this.shape.names, col);
  }

  private place(line: number, col: number): string {
    return `Line ${line}, column "${this.label(col)}"`;
  }

  error(line: number, col: number, code: string, text: string, message: string): void {
    this.problems.push({
      severity: "error",
      code,
      row: line,
      column: this.label(col),
      text,
      message: `${this.place(line, col)}: ${message}`,
    });
    this.badRows.add(line);
  }

  warn(line: number, col: number, code: string, text: string, message: string): void {
    this.problems.push({
      severity: "warning",
      code,
      row: line,
      column: this.label(col),
      text,
      message: `${this.place(line, col)}: ${message}`,
    });
  }

  info(line: number, col: number, code: string, text: string, message: string): void {
    this.problems.push({
      severity: "info",
      code,
      row: line,
      column: this.label(col),
      text,
      message: `Line ${line}: ${message}`,
    });
  }

  /** The metric of a name and unit (a unit only in the name counts too); " (2)" for the same header twice. */
  metric(rawName: string, unique = false, unit?: string): number {
    const { base, u, keyOf } = this.naming(rawName, unit);
    let name = base;
    let key = keyOf(base);
    if (unique) for (let n = 2; this.metricIndex.has(key); n++) key = keyOf((name = `${base} (${n})`));
    let i = this.metricIndex.get(key);
    if (i === undefined) {
      i = this.metrics.length;
      this.metrics.push({ name, unit: u, percent: isPercentUnit(u), decimals: 0, coarse: MAX_DECIMALS, read: 0 });
      this.metricIndex.set(key, i);
    }
    return i;
  }

  /** How a metric is named and told apart: its name with the unit it states or is given, the unit compared as unitKey. */
  private naming(rawName: string, unit?: string) {
    const h = cleanHeader(rawName);
    const plain = h.name || "Value";
    const u = h.unit ?? unit ?? this.shape.titleUnit;
    const base = h.unit === undefined && u !== undefined ? `${plain} (${u})` : plain;
    const stem = h.unit === undefined ? plain : base;
    const keyOf = (name: string) =>
      h.unit === undefined
        ? `${(name === base ? stem : name).toLowerCase()}\u0001${unitKey(u ?? "")}`
        : name.toLowerCase();
    return { base, u, keyOf };
  }

  /** The metric a total names, only if data lines have it: a total never adds a column of its own. */
  private knownMetric(rawName: string, unit?: string): number {
    const { base, keyOf } = this.naming(rawName, unit);
    return this.metricIndex.get(keyOf(base)) ?? -1;
  }

  /** Reads one value cell; reports bad text, negatives, footnote marks and estimates (whether it was one: `lastEstimate`). */
  value(line: number, col: number, metric: number): number | null {
    const raw = this.table[line - 1][col] ?? "";
    const m = this.metrics[metric];
    const v = this.values.read(raw, m.percent);
    this.lastEstimate = this.values.estimate;
    if (this.values.error !== undefined) {
      this.error(line, col, "not-a-number", raw.trim(), this.values.error);
      return null;
    }
    const unit = this.values.unit;
    if (unit !== "" && m.unit === undefined && m.read === 0) {
      // The first figure states the unit its column leaves out ("Ore" over "1.2 million tonnes").
      m.unit = unit;
      m.name = `${m.name} (${unit})`;
    } else if (unit !== "" && (m.unit === undefined || unitKey(unit) !== unitKey(m.unit))) {
      const where = m.unit === undefined ? `the other figures of ${m.name} print no unit` : `${m.name} is in ${m.unit}`;
      this.error(line, col, "unit-differs", raw.trim(), `"${raw.trim()}" is in ${unit} where ${where}`);
      return null;
    }
    if (v !== null) {
      m.read++;
      const d = Math.min(decimalsOf(raw, this.mark), MAX_DECIMALS);
      if (d > m.decimals) m.decimals = d;
      if (d < m.coarse) m.coarse = d;
    }
    if (this.values.note !== "")
      this.info(
        line,
        col,
        "footnote-mark",
        raw.trim(),
        `"${raw.trim()}" carries the footnote mark ${this.values.note}; read as ${raw.trim().replace(this.values.note, "").trim()}`,
      );
    if (v !== null && v < 0) this.warn(line, col, "negative", raw.trim(), `"${raw.trim()}" is negative`);
    if (this.lastEstimate)
      this.warn(
        line,
        col,
        "estimate",
        raw.trim(),
        `"${raw.trim()}" is marked as an estimate; kept, and marked in the Estimate column`,
      );
    return v;
  }

  /** The unit a cell prints ("49,590 tonnes"), without reporting anything. */
  private cellUnit(raw: string | undefined): string {
    if (raw === undefined) return "";
    this.values.read(raw, false);
    return this.values.error === undefined ? this.values.unit : "";
  }

  mineOf(line: number, cells: string[]): string | null {
    if (this.shape.mine < 0) return "";
    const mine = (cells[this.shape.mine] ?? "").trim();
    if (mine === "")
      this.error(
        line,
        this.shape.mine,
        "missing-mine",
        "",
        "no mine named (every row needs one when the table has a mine column)",
      );
    return mine === "" ? null : mine;
  }

  /** A total's figures: every filled, readable cell of the columns given. */
  private totalCells(
    line: number,
    cols: { col: number; metric: number | MetricSpec; months: MonthIndex[] | null; month?: MonthIndex }[],
    mine: string,
  ): TotalCell[] {
    const out: TotalCell[] = [];
    for (const c of cols) {
      const raw = this.table[line - 1][c.col];
      if (!hasValue(raw)) continue;
      const v = this.values.read(raw as string, false);
      if (v === null || this.values.error !== undefined) continue;
      const metric = typeof c.metric === "number" ? c.metric : -1;
      const cell: TotalCell = {
        metric,
        mine,
        months: c.months,
        value: v,
        text: (raw as string).trim(),
        decimals: decimalsOf(raw as string, this.mark),
        column: c.col,
      };
      if (typeof c.metric !== "number") cell.pending = c.metric;
      if (c.month !== undefined) cell.month = c.month;
      out.push(cell);
    }
    return out;
  }

  /** Totals' metrics looked up among the data's, and their figures read as the metric reads them (a percentage as a fraction). */
  private settleTotals(): void {
    for (const t of this.totals) {
      for (const c of t.cells) {
        if (c.pending !== undefined) c.metric = this.knownMetric(c.pending.name, c.pending.unit);
        const m = this.metrics[c.metric];
        if (m?.percent && !c.text.includes("%")) c.value /= 100;
      }
    }
  }

  private isValueLine(cells: string[], cols: number[]): boolean {
    for (const c of cols) if (hasValue(cells[c])) return true;
    return false;
  }

  /** Lines the loop does not read: blank, inside a multi-line cell, the header again. */
  private skip(r: number): boolean {
    if (this.within.has(r)) return true;
    const cells = this.table[r];
    if (isBlankLine(cells)) return true;
    if (isHeaderAgain(cells, this.head)) {
      this.roles[r] = "header";
      return true;
    }
    return false;
  }

  run(): Extraction {
    const s = this.shape;
    for (const l of s.headerLines) this.roles[l] = "header";
    if (s.unitLine >= 0) this.roles[s.unitLine] = "unit";
    if (s.kind === "long" || s.kind === "tidy") this.byMonthColumn(s);
    else if (s.kind === "wide-years-rows") this.wideYears(s);
    else if (s.kind === "wide-months-rows") this.wideMonths(s);
    else this.wideMetrics(s);
    this.leftColumns();
    this.settleTotals();
    for (const [k, r] of this.within) this.roles[k] = this.roles[r];
    if (this.estimateRows.length > 0) {
      const first = this.estimateRows[0];
      const n = this.estimateRows.length;
      this.problems.push({
        severity: "warning",
        code: "estimate",
        row: first,
        message: `Line${n > 1 ? "s" : ""} ${listLines(this.estimateRows)}: the row label marks the figures as estimates or provisional ("${this.table[first - 1][this.labelColumn()]?.trim()}"${n > 1 ? "…" : ""}); kept, and marked in the Estimate column`,
      });
    }
    return {
      metrics: this.metrics,
      entries: this.entries,
      problems: this.problems,
      badRows: this.badRows,
      roles: this.roles,
      totals: this.totals,
      left: this.left,
    };
  }

  private labelColumn(): number {
    const s = this.shape;
    if (s.kind === "long" || s.kind === "tidy") return s.month.col;
    if (s.kind === "wide-years-rows") return s.year;
    if (s.kind === "wide-months-rows") return s.month;
    return s.label;
  }

  /** Columns left out that are not checked line by line: one entry each, with how many figures they hold. */
  private leftColumns(): void {
    for (const l of this.shape.left) {
      if (this.checkedColumns.has(l.col)) continue;
      let values = 0;
      for (let r = this.shape.dataStart; r < this.table.length; r++) {
        if (this.roles[r] !== "data" && this.roles[r] !== "error") continue;
        const raw = this.table[r][l.col];
        if (raw === undefined || !hasValue(raw)) continue;
        this.values.read(raw, false);
        if (this.values.error === undefined) values++;
      }
      const left: LeftOut = { column: l.col, label: this.label(l.col), what: l.what, values };
      this.left.push(left);
    }
  }

  /** Total columns checked on every line (their column entry is made from the lines' checks). */
  private readonly checkedColumns = new Set<number>();

  /** Total columns of a row: each cell is a total of the row's months the column's label names. */
  private totalColumns(
    line: number,
    mine: string,
    metricOf: (col: number) => number,
    year: number | undefined,
    rowMonths: MonthIndex[],
  ): void {
    for (const l of this.shape.left) {
      if (l.what !== "total" || l.period === undefined) continue;
      const months =
        l.period.kind === "total" ? (rowMonths.length > 0 ? rowMonths : null) : monthsCovered(l.period, year);
      if (months === null && l.period.kind !== "total") continue;
      const cells = this.totalCells(line, [{ col: l.col, metric: metricOf(l.col), months }], mine);
      if (cells.length === 0) continue;
      this.checkedColumns.add(l.col);
      this.totals.push({ line, column: l.col, label: this.label(l.col), period: l.period, allSites: false, cells });
    }
  }

  // ---- months in a column: long and tidy layouts ----------------------------------------------

  private byMonthColumn(s: LongShape | TidyShape): void {
    const src = s.month;
    const months = new MonthReader(src.dates);
    const valueCols = s.kind === "long" ? s.values : [s.value];
    const ids = s.kind === "long" ? s.values.map((c) => this.metric(s.names[c]?.trim() || this.label(c), true)) : [];
    const dated = src.yearCol === undefined ? this.rowPeriods(s, src, months) : null;
    let sectionStart = s.dataStart + 1;
    // Months listed since the last "Total" row, per mine: what a "Total" adds up.
    const listed = new Map<string, MonthIndex[]>();
    for (let r = s.dataStart; r < this.table.length; r++) {
      if (this.skip(r)) continue;
      const cells = this.table[r];
      const line = r + 1;
      const values = this.isValueLine(cells, valueCols);
      const per = dated !== null ? dated[r] : this.yearAndName(cells, src);
      if (per.kind === "month") {
        const mine = this.mineOf(line, cells);
        if (mine === null) {
          this.roles[r] = "error";
          continue;
        }
        if (this.shape.mine >= 0 && this.isAllSites(mine) && values) {
          this.siteTotalRow(line, cells, valueCols, s, per.month, sectionStart);
          continue;
        }
        if (per.estimate) this.estimateRows.push(line);
        const seen = listed.get(mine);
        if (seen) seen.push(per.month);
        else listed.set(mine, [per.month]);
        if (s.kind === "long") {
          const vals = new Array<number | null>(valueCols.length);
          let est: boolean[] | null = null;
          for (let i = 0; i < valueCols.length; i++) {
            vals[i] = this.value(line, valueCols[i], ids[i]);
            if (this.lastEstimate || per.estimate) (est ??= new Array<boolean>(valueCols.length).fill(false))[i] = true;
          }
          this.entries.push({ row: line, mine, month: per.month, metrics: ids, values: vals, est, from: null });
        } else {
          const id = this.tidyMetric(line, cells, s);
          if (id === null) {
            this.roles[r] = "error";
            continue;
          }
          const v = this.value(line, s.value, id);
          this.entries.push({
            row: line,
            mine,
            month: per.month,
            metrics: [id],
            values: [v],
            est: this.lastEstimate || per.estimate ? [true] : null,
            from: null,
          });
        }
        this.roles[r] = this.badRows.has(line) ? "error" : "data";
        continue;
      }
      if (per.kind === "aggregate") {
        if (!values) {
          this.roles[r] = "heading";
          continue;
        }
        const mine = this.shape.mine >= 0 ? (cells[this.shape.mine] ?? "").trim() : "";
        const allSites = this.shape.mine >= 0 && this.isAllSites(mine);
        const covered =
          per.period.kind === "total"
            ? [...new Set(allSites ? [...listed.values()].flat() : (listed.get(mine) ?? []))].sort((a, b) => a - b)
            : monthsCovered(per.period, per.year);
        if (per.period.kind === "total") listed.clear();
        const cols = valueCols.map((c, i) => ({
          col: c,
          metric: s.kind === "long" ? ids[i] : this.tidySpec(cells, s),
          months: covered,
        }));
        const cellsRead = this.totalCells(line, cols, mine);
        this.totals.push({
          line,
          label: (cells[src.col] ?? "").trim(),
          period: per.period,
          allSites,
          cells: cellsRead,
        });
        this.roles[r] = "total";
        sectionStart = line + 1;
        continue;
      }
      if (per.kind === "error") {
        if (!values && !isFilled(cells[src.col])) {
          this.roles[r] = "note";
          continue;
        }
        if (!values) {
          this.roles[r] = "note";
          continue;
        }
        this.error(line, src.col, "not-a-month", per.text, per.message);
        this.roles[r] = "error";
        continue;
      }
      // Not a period at all: a note when it holds no figure, else a row without a month.
      if (!values) {
        this.roles[r] = "note";
        continue;
      }
      const raw = (cells[src.col] ?? "").trim();
      this.error(line, src.col, "not-a-month", raw, raw === "" ? "values but no month" : per.message);
      this.roles[r] = "error";
    }
  }

  /** isAllSitesLabel, once per distinct name: a mine's name repeats on every one of its lines. */
  private isAllSites(mine: string): boolean {
    let hit = this.allSitesNames.get(mine);
    if (hit === undefined) {
      hit = isAllSitesLabel(mine);
      if (this.allSitesNames.size < NAMES_KEPT) this.allSitesNames.set(mine, hit);
    }
    return hit;
  }

  /** The metric a tidy row names (with its unit column), or null after reporting a blank name. */
  private tidyMetric(line: number, cells: string[], s: TidyShape): number | null {
    const spec = this.tidySpec(cells, s);
    if (spec.name === "") {
      this.error(line, s.metric, "missing-metric", "", "no metric named");
      return null;
    }
    return this.metric(spec.name);
  }

  private tidySpec(cells: string[], s: TidyShape): MetricSpec {
    const name = (cells[s.metric] ?? "").trim();
    const unit = s.unit >= 0 ? (cells[s.unit] ?? "").trim() : "";
    return { name: unit !== "" && name !== "" && cleanHeader(name).unit === undefined ? `${name} (${unit})` : name };
  }

  private siteTotalRow(
    line: number,
    cells: string[],
    valueCols: number[],
    s: LongShape | TidyShape,
    month: MonthIndex,
    from: number,
  ): void {
    const ids = s.kind === "long" ? s.values.map((c) => this.metric(s.names[c]?.trim() || this.label(c), true)) : [];
    const cols = valueCols.map((c, i) => ({
      col: c,
      metric: s.kind === "long" ? ids[i] : this.tidySpec(cells, s),
      months: [month],
      month,
    }));
    const mine = (cells[this.shape.mine] ?? "").trim();
    this.totals.push({
      line,
      label: mine,
      period: null,
      allSites: true,
      cells: this.totalCells(line, cols, mine),
      sites: { from, to: line - 1 },
    });
    this.roles[line - 1] = "total";
  }

  /** What each line's period cell names, months dated from the rows above where they print no year. */
  private rowPeriods(s: Shape, src: MonthSource, months: MonthReader): RowPeriod[] {
    const labels: (PeriodLabel | null)[] = [];
    const cache = new Map<string, PeriodLabel | null>();
    const out: RowPeriod[] = [];
    // One (never changed) period per month, shared by its lines: not one object per line.
    const monthRows = new Map<MonthIndex, RowPeriod>();
    let named = false;
    for (let r = 0; r < this.table.length; r++) {
      const raw = r >= s.dataStart && !this.within.has(r) ? (this.table[r][src.col] ?? "") : "";
      const m = raw === "" ? null : months.read(raw);
      if (m?.kind === "month") {
        labels.push(null);
        let row = monthRows.get(m.month);
        if (row === undefined) monthRows.set(m.month, (row = { kind: "month", month: m.month, estimate: false }));
        out.push(row);
        continue;
      }
      let p = cache.get(raw);
      if (p === undefined) {
        p = raw.trim() === "" ? null : periodOf(raw, src.dates);
        cache.set(raw, p);
      }
      labels.push(p);
      if (p?.kind === "month-name") named = true;
      out.push(this.periodRow(raw, p, m));
    }
    if (!named && !labels.some((p) => p?.kind === "dated-name")) return out;
    const { months: dated, years } = datedRows(labels, s.fiscalStart);
    return out.map((o, r) => {
      const p = labels[r];
      const estimate = p !== null && marks(this.table[r]?.[src.col] ?? "").estimate;
      if (p?.kind === "month-name") {
        const d = dated[r];
        return typeof d === "number"
          ? { kind: "month", month: d, estimate }
          : {
              kind: "error",
              text: (this.table[r][src.col] ?? "").trim(),
              message: `"${(this.table[r][src.col] ?? "").trim()}": ${d ?? "no year"}`,
            };
      }
      if (p?.kind === "dated-name") return { kind: "month", month: p.month, estimate };
      if (o.kind === "aggregate") return { ...o, year: o.year ?? years[r] };
      return o;
    });
  }

  private periodRow(raw: string, p: PeriodLabel | null, m: ReturnType<MonthReader["read"]> | null): RowPeriod {
    const text = raw.trim();
    if (p === null) return { kind: "none", message: m?.kind === "error" ? m.message : `"${text}" is not a month` };
    if (p.kind === "month") return { kind: "month", month: p.month, estimate: marks(raw).estimate };
    if (p.kind === "month-name" || p.kind === "dated-name") return { kind: "month", month: -1, estimate: false };
    const year =
      p.kind === "year" ? p.year : p.kind === "quarter" || p.kind === "half" || p.kind === "range" ? p.year : undefined;
    return { kind: "aggregate", period: p, year };
  }

  /** A year column beside a month-name column. */
  private yearAndName(cells: string[], src: MonthSource): RowPeriod {
    const yearText = marks(cells[src.yearCol as number] ?? "").core;
    const name = (cells[src.col] ?? "").trim();
    const month = periodOf(name);
    if (month?.kind === "month-name" && YEAR_CELL.test(yearText))
      return { kind: "month", month: makeMonth(Number(yearText), month.month), estimate: marks(name).estimate };
    const agg = isAggregate(month) ? month : isAggregate(periodOf(yearText)) ? periodOf(yearText) : null;
    if (agg) return { kind: "aggregate", period: agg, year: YEAR_CELL.test(yearText) ? Number(yearText) : undefined };
    if (name === "" && yearText === "") return { kind: "none", message: "values but no month" };
    if (!YEAR_CELL.test(yearText))
      return { kind: "error", text: yearText, message: `"${yearText}" is not a year (four digits such as 2017)` };
    return { kind: "error", text: name, message: `"${name}" is not a month name (Jan, February, Sept…)` };
  }

  // ---- years as rows, months as columns --------------------------------------------------------

  private wideYears(s: WideYearsShape): void {
    const fixed = s.metric < 0 ? this.metric(s.metricName) : -1;
    const monthCols = s.months.map((m) => m.col);
    for (let r = s.dataStart; r < this.table.length; r++) {
      if (this.skip(r)) continue;
      const cells = this.table[r];
      const line = r + 1;
      const yearText = marks(cells[s.year] ?? "").core;
      const values = this.isValueLine(cells, [
        ...monthCols,
        ...s.left.filter((l) => l.what === "total").map((l) => l.col),
      ]);
      if (!YEAR_CELL.test(yearText)) {
        const p = periodOf(yearText);
        if (!values) this.roles[r] = isAggregate(p) ? "heading" : "note";
        else if (isAggregate(p)) {
          const cols = monthCols.map((c) => ({
            col: c,
            metric: fixed >= 0 ? fixed : { name: (cells[s.metric] ?? "").trim() || "Value" },
            months: null,
          }));
          this.totals.push({
            line,
            label: yearText,
            period: p,
            allSites: false,
            cells: this.totalCells(line, cols, ""),
          });
          this.roles[r] = "total";
        } else {
          this.error(line, s.year, "not-a-month", yearText, `"${yearText}" is not a year (four digits such as 2017)`);
          this.roles[r] = "error";
        }
        continue;
      }
      const mine = this.mineOf(line, cells);
      if (mine === null) {
        this.roles[r] = "error";
        continue;
      }
      let id = fixed;
      if (s.metric >= 0) {
        const name = (cells[s.metric] ?? "").trim();
        if (name === "") {
          this.error(line, s.metric, "missing-metric", "", "no metric named");
          this.roles[r] = "error";
          continue;
        }
        id = this.metric(name);
      }
      const year = Number(yearText);
      const rowEstimate = marks(cells[s.year] ?? "").estimate;
      if (rowEstimate) this.estimateRows.push(line);
      const read: MonthIndex[] = [];
      for (const { col, month, estimate } of s.months) {
        // A grid has every month: blank or "-" means not reported (yet), not a month without data.
        if (!hasValue(cells[col])) continue;
        const v = this.value(line, col, id);
        read.push(makeMonth(year, month));
        this.entries.push({
          row: line,
          mine,
          month: makeMonth(year, month),
          metrics: [id],
          values: [v],
          est: this.lastEstimate || estimate || rowEstimate ? [true] : null,
          from: null,
        });
      }
      this.totalColumns(line, mine, () => id, year, read);
      this.roles[r] = this.badRows.has(line) ? "error" : "data";
    }
  }

  // ---- months as rows, years as columns --------------------------------------------------------

  private wideMonths(s: WideMonthsShape): void {
    // Columns grouped by year: one entry per row and year holds every metric of that year.
    const byYear = new Map<number, { cols: number[]; ids: number[]; est: boolean[] }>();
    for (const y of s.years) {
      const g = byYear.get(y.year) ?? { cols: [], ids: [], est: [] };
      const id = this.metric(y.metric);
      if (g.ids.includes(id)) {
        this.problems.push({
          severity: "error",
          code: "duplicate-column",
          column: this.label(y.col),
          text: s.names[y.col]?.trim() ?? "",
          message: `Column "${this.label(y.col)}" gives ${y.metric} for ${y.year} a second time`,
        });
        continue;
      }
      g.cols.push(y.col);
      g.ids.push(id);
      g.est.push(y.estimate);
      byYear.set(y.year, g);
    }
    const yearCols = s.years.map((y) => y.col);
    const listed = new Map<number, MonthIndex[]>(); // months read so far, per year
    for (let r = s.dataStart; r < this.table.length; r++) {
      if (this.skip(r)) continue;
      const cells = this.table[r];
      const line = r + 1;
      const name = (cells[s.month] ?? "").trim();
      const p = periodOf(name);
      const values = this.isValueLine(cells, yearCols);
      if (p?.kind !== "month-name") {
        if (!values) this.roles[r] = "note";
        else if (isAggregate(p)) {
          const cols = s.years.map((y) => {
            const months = p?.kind === "total" ? (listed.get(y.year) ?? null) : monthsCovered(p as PeriodLabel, y.year);
            return { col: y.col, metric: this.metric(y.metric), months };
          });
          this.totals.push({ line, label: name, period: p, allSites: false, cells: this.totalCells(line, cols, "") });
          this.roles[r] = "total";
        } else {
          this.error(
            line,
            s.month,
            "not-a-month",
            name,
            name === "" ? "values but no month" : `"${name}" is not a month name (Jan, February, Sept…)`,
          );
          this.roles[r] = "error";
        }
        continue;
      }
      const mine = this.mineOf(line, cells);
      if (mine === null) {
        this.roles[r] = "error";
        continue;
      }
      const rowEstimate = marks(name).estimate;
      if (rowEstimate) this.estimateRows.push(line);
      for (const [year, g] of byYear) {
        if (!g.cols.some((c) => hasValue(cells[c]))) continue; // not reported for this year
        const vals: (number | null)[] = [];
        let est: boolean[] | null = null;
        g.cols.forEach((c, i) => {
          vals.push(this.value(line, c, g.ids[i]));
          if (this.lastEstimate || g.est[i] || rowEstimate) (est ??= g.cols.map(() => false))[i] = true;
        });
        const month = makeMonth(year, p.month);
        listed.set(year, [...(listed.get(year) ?? []), month]);
        this.entries.push({ row: line, mine, month, metrics: g.ids, values: vals, est, from: null });
      }
      this.roles[r] = this.badRows.has(line) ? "error" : "data";
    }
  }

  // ---- metrics (or sites) as rows, months as columns -------------------------------------------

  private wideMetrics(s: WideMetricsShape): void {
    const monthCols = s.months.map((m) => m.col);
    let caption = s.metricName;
    let sectionStart = s.dataStart + 1;
    for (let r = s.dataStart; r < this.table.length; r++) {
      if (this.within.has(r)) continue;
      const cells = this.table[r];
      if (isBlankLine(cells)) continue;
      if (isHeaderAgain(cells, this.head)) {
        this.roles[r] = "header";
        sectionStart = r + 2;
        // The caption straight above a header printed again names the next section's metric.
        const above = this.previousLine(r);
        if (s.sites && above >= 0 && this.roles[above] === "note") caption = captionText(this.table[above]);
        continue;
      }
      const line = r + 1;
      const labelText = (cells[s.label] ?? "").trim();
      // A line with nothing under the months is a heading ("Operating results") or a footnote.
      if (!monthCols.some((c) => isFilled(cells[c]))) {
        this.roles[r] = "note";
        continue;
      }
      const specFor = (col: number, unit?: string): MetricSpec => {
        const m = s.months.find((x) => x.col === col);
        const u = s.unit >= 0 ? (cells[s.unit] ?? "").trim() : "";
        const name = s.sites
          ? m?.metric || caption || "Value"
          : u !== "" && cleanHeader(labelText).unit === undefined
            ? `${labelText} (${u})`
            : labelText;
        return unit === undefined ? { name } : { name, unit };
      };
      const metricFor = (col: number, unit?: string): number => {
        const spec = specFor(col, unit);
        return this.metric(spec.name, false, spec.unit);
      };
      if (labelText === "") {
        this.error(
          line,
          s.label,
          s.sites ? "missing-mine" : "missing-metric",
          "",
          s.sites ? "values but no site named" : "values but no metric named",
        );
        this.roles[r] = "error";
        continue;
      }
      if (s.sites && isAllSitesLabel(labelText)) {
        const cols = s.months.map((m) => ({
          col: m.col,
          metric: specFor(m.col, this.cellUnit(cells[m.col]) || undefined),
          months: [m.month],
          month: m.month,
        }));
        this.totals.push({
          line,
          label: labelText,
          period: null,
          allSites: true,
          cells: this.totalCells(line, cols, labelText),
          sites: { from: sectionStart, to: line - 1 },
        });
        this.roles[r] = "total";
        sectionStart = line + 1;
        continue;
      }
      const agg = s.sites
        ? isAggregate(periodOf(labelText))
          ? periodOf(labelText)
          : null
        : metricRowAggregate(labelText);
      if (agg !== null) {
        // Metrics as rows: an aggregate row ("Total", "FY to date") adds up no one metric's months.
        const cols = s.months.map((m) => ({
          col: m.col,
          metric: s.sites ? specFor(m.col) : -1,
          months: monthsCovered(agg, undefined),
        }));
        this.totals.push({
          line,
          label: labelText,
          period: agg,
          allSites: false,
          cells: this.totalCells(line, cols, ""),
        });
        this.roles[r] = agg.kind === "to-date" ? "derived" : "total";
        continue;
      }
      if (!s.sites && isDerivedLabel(labelText)) {
        const values = monthCols.filter((c) => hasValue(cells[c])).length;
        this.left.push({ line, label: labelText, what: "derived", values });
        this.roles[r] = "derived";
        continue;
      }
      const mine = s.sites ? labelText : this.mineOf(line, cells);
      if (mine === null) {
        this.roles[r] = "error";
        continue;
      }
      const rowEstimate = marks(labelText).estimate;
      if (rowEstimate) this.estimateRows.push(line);
      let id = -1;
      for (const { col, month, estimate } of s.months) {
        if (!hasValue(cells[col])) continue; // "-", "n/a": not reported for that month
        id = metricFor(col, this.cellUnit(cells[col]) || undefined);
        const v = this.value(line, col, id);
        this.entries.push({
          row: line,
          mine,
          month,
          metrics: [id],
          values: [v],
          est: this.lastEstimate || estimate || rowEstimate ? [true] : null,
          from: null,
        });
      }
      if (id < 0) id = metricFor(monthCols[0] ?? 0);
      this.totalColumns(line, mine, () => id, undefined, []);
      this.roles[r] = this.badRows.has(line) ? "error" : "data";
    }
  }

  private previousLine(r: number): number {
    for (let k = r - 1; k >= 0; k--) if (!isBlankLine(this.table[k])) return k;
    return -1;
  }
}

/** How a line's period cell reads. */
type RowPeriod =
  | { kind: "month"; month: MonthIndex; estimate: boolean }
  | { kind: "aggregate"; period: PeriodLabel; year: number | undefined }
  | { kind: "error"; text: string; message: string }
  | { kind: "none"; message: string };

const captionText = (row: string[]): string =>
  cleanHeader(
    row
      .filter((c) => c.trim() !== "")
      .join(" ")
      .replace(
        /\s+(?:performance|results|data|statistics|stats|summary|figures|table|highlights|overview|details)$/i,
        "",
      ),
  ).name;

/** "4, 5, 9 and 7 more": lines named in one problem. */
const LINES_NAMED = 12;
function listLines(lines: number[]): string {
  const shown = lines.slice(0, LINES_NAMED).join(", ");
  return lines.length > LINES_NAMED ? `${shown} and ${lines.length - LINES_NAMED} more` : shown;
}

export function extract(table: string[][], within: Map<number, number>, shape: Shape, mark: Mark): Extraction {
  return new Extractor(table, within, shape, mark).run();
}
