/**
 * Reads the cells a Shape points at into entries (a mine, a month and values for some metrics),
 * reporting every cell that is not a month or not a number with its row, column and text.
 * One pass over the rows; whole-table checks (duplicates, gaps) come after, in plan.ts.
 */
import { makeMonth, type MonthIndex } from "../../calc/months";
import { ambiguousMark, decimalEvidence, type Mark } from "../../calc/number";
import { MonthReader, ValueReader, isBlankCell } from "./cells";
import { columnLabel } from "./detect";
import { parseMonthName } from "../../calc/vocabulary";
import { TOTAL_LABEL, YEAR_CELL, cleanHeader, isPercentUnit, isTimeTotal } from "./header";
import type { MonthSource, Shape } from "./shape";
import type { Problem } from "./types";

export interface Metric {
  name: string;
  unit?: string;
  percent: boolean;
}

/** Values of some metrics for one mine and month, from one source row. */
export interface Entry {
  row: number; // 1-based source row
  mine: string;
  month: MonthIndex;
  /** Metric indexes, parallel to values/est (long rows share one array). */
  metrics: number[];
  values: (number | null)[];
  est: boolean[] | null;
  /** Always null here; plan.ts reuses an entry holding every metric as its table row. */
  from: null;
}

export interface Extraction {
  metrics: Metric[];
  entries: Entry[];
  problems: Problem[];
  /** Source rows (1-based) with an error: dropped when the user skips bad rows. */
  badRows: Set<number>;
}

/** A value cell that is filled; a leading digit settles it without calc's placeholder check. */
const hasValue = (raw: string | undefined): boolean => {
  if (raw === undefined) return false;
  const c = raw.charCodeAt(0);
  return (c >= 48 && c <= 57) || !isBlankCell(raw);
};

const isBlankRow = (row: string[]): boolean => {
  for (const c of row) if (c.trim() !== "") return false;
  return true;
};

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
  const cols = valueColumns(shape);
  let dot: string | undefined;
  let comma: string | undefined;
  const unsure: Partial<Record<Mark, string>> = {};
  const last = Math.min(table.length, shape.header + 1 + DECIMAL_SAMPLE_ROWS);
  for (let r = shape.header + 1; r < last && !(dot && comma); r++) {
    const row = table[r];
    for (const c of cols) {
      const t = row[c];
      if (t === undefined || (t.indexOf(",") < 0 && t.indexOf(".") < 0)) continue;
      const text = t.trim();
      const e = decimalEvidence(text);
      if (e === "." && !dot) dot = `row ${r + 1} "${text}"`;
      else if (e === "," && !comma) comma = `row ${r + 1} "${text}"`;
      else if (e === null) {
        const a = ambiguousMark(text);
        if (a !== null && !unsure[a]) unsure[a] = `row ${r + 1} "${text}"`;
      }
    }
  }
  if (dot && comma) return { mark: ".", detected: false, conflict: { dot, comma } };
  if (comma) return { mark: ",", detected: true };
  if (dot) return { mark: ".", detected: true };
  return unsure[hint] ? { mark: hint, detected: false, ambiguous: unsure[hint] } : { mark: hint, detected: false };
}

class Extractor {
  readonly metrics: Metric[] = [];
  readonly entries: Entry[] = [];
  readonly problems: Problem[] = [];
  readonly badRows = new Set<number>();
  private readonly metricIndex = new Map<string, number>();
  private readonly months = new MonthReader();
  private readonly header: string[];
  private readonly values: ValueReader;
  private lastEstimate = false;

  constructor(
    private readonly table: string[][],
    private readonly shape: Shape,
    private readonly mark: Mark,
  ) {
    this.header = table[shape.header] ?? [];
    this.values = new ValueReader(mark);
  }

  label(col: number): string {
    return columnLabel(this.header, col);
  }

  error(row: number, col: number, code: string, text: string, message: string): void {
    this.problems.push({
      severity: "error",
      code,
      row,
      column: this.label(col),
      text,
      message: `Row ${row}, column "${this.label(col)}": ${message}`,
    });
    this.badRows.add(row);
  }

  /** Metric index by cleaned name; the same name twice in one header gets " (2)". */
  metric(rawName: string, unique: boolean): number {
    const h = cleanHeader(rawName);
    let name = h.name || "Value";
    if (unique) for (let n = 2; this.metricIndex.has(name); n++) name = `${h.name || "Value"} (${n})`;
    let i = this.metricIndex.get(name);
    if (i === undefined) {
      i = this.metrics.length;
      this.metrics.push({ name, unit: h.unit, percent: isPercentUnit(h.unit) });
      this.metricIndex.set(name, i);
    }
    return i;
  }

  /** Reads one value cell; reports bad text, negatives and estimates (whether it was one: `lastEstimate`). */
  value(row: number, col: number, metric: number): number | null {
    const raw = this.table[row - 1][col] ?? "";
    const v = this.values.read(raw, this.metrics[metric].percent);
    this.lastEstimate = this.values.estimate;
    if (this.values.error !== undefined) {
      this.error(row, col, "not-a-number", raw.trim(), this.values.error);
      return null;
    }
    if (v !== null && v < 0) this.warn(row, col, "negative", raw.trim(), `"${raw.trim()}" is negative`);
    if (this.lastEstimate) {
      this.warn(
        row,
        col,
        "estimate",
        raw.trim(),
        `"${raw.trim()}" is marked as an estimate; kept, and marked in the Estimate column`,
      );
    }
    return v;
  }

  warn(row: number, col: number, code: string, text: string, message: string): void {
    this.problems.push({
      severity: "warning",
      code,
      row,
      column: this.label(col),
      text,
      message: `Row ${row}, column "${this.label(col)}": ${message}`,
    });
  }

  info(row: number, col: number, code: string, text: string, message: string): void {
    this.problems.push({
      severity: "info",
      code,
      row,
      column: this.label(col),
      text,
      message: `Row ${row}: ${message}`,
    });
  }

  /** The month of a row, or null after reporting why there is none (or that it is a total row). */
  month(row: number, cells: string[], src: MonthSource): MonthIndex | null {
    const raw = cells[src.col] ?? "";
    if (src.yearCol === undefined) {
      const m = this.months.read(raw);
      if (m.kind === "month") return m.month;
      if (m.kind === "subtotal")
        this.info(row, src.col, "subtotal-skipped", raw.trim(), `"${raw.trim()}" is a total/subtotal row; left out`);
      else if (m.kind === "blank") this.error(row, src.col, "not-a-month", "", "values but no month");
      else this.error(row, src.col, "not-a-month", raw.trim(), m.message);
      return null;
    }
    const yearText = (cells[src.yearCol] ?? "").trim();
    const name = raw.trim();
    const month = parseMonthName(name);
    if (TOTAL_LABEL.test(name) || (month === null && TOTAL_LABEL.test(yearText))) {
      this.info(
        row,
        src.col,
        "subtotal-skipped",
        name || yearText,
        `"${name || yearText}" is a total/subtotal row; left out`,
      );
      return null;
    }
    if (!YEAR_CELL.test(yearText)) {
      this.error(row, src.yearCol, "not-a-month", yearText, `"${yearText}" is not a year (four digits such as 2017)`);
      return null;
    }
    if (month === null) {
      this.error(row, src.col, "not-a-month", name, `"${name}" is not a month name (Jan, February, Sept…)`);
      return null;
    }
    return makeMonth(Number(yearText), month);
  }

  /**
   * A line with no values whose first cell is no period either — a footnote or source line pasted
   * with the table ("(1) Includes purchased ore") — is reported as a note, not as a bad month.
   */
  note(row: number, cells: string[], valueCols: number[], labelCol: number, isPeriod: () => boolean): boolean {
    for (const c of valueCols) if (hasValue(cells[c])) return false; // data rows stop here, cheaply
    if (isPeriod()) return false;
    const text = cells
      .map((c) => c.trim())
      .filter((c) => c !== "")
      .join(" ");
    this.info(row, labelCol, "note-skipped", text, `"${text}" has no values and is not a month; left out as a note`);
    return true;
  }

  /** Whether a row's month cell(s) hold a period (a month, or a total row), without reporting. */
  isPeriod(cells: string[], src: MonthSource): boolean {
    const raw = cells[src.col] ?? "";
    if (src.yearCol === undefined) {
      const kind = this.months.read(raw).kind;
      return kind === "month" || kind === "subtotal";
    }
    return (
      TOTAL_LABEL.test(raw.trim()) ||
      (YEAR_CELL.test((cells[src.yearCol] ?? "").trim()) && parseMonthName(raw) !== null)
    );
  }

  /**
   * The metric a row names in column `col`, or null after reporting a blank name or a total row.
   * A unit from a unit column joins a name that states none: "Recovery" and "%" make "Recovery (%)".
   */
  metricOfRow(row: number, cells: string[], col: number, missing: string, unit?: string): number | null {
    const label = (cells[col] ?? "").trim();
    const u = unit?.trim() ?? "";
    const name = label !== "" && u !== "" && cleanHeader(label).unit === undefined ? `${label} (${u})` : label;
    if (name === "") {
      this.error(row, col, "missing-metric", "", missing);
      return null;
    }
    if (isTimeTotal(name)) {
      this.info(row, col, "subtotal-skipped", name, `"${name}" is a total row; left out`);
      return null;
    }
    return this.metric(name, false);
  }

  mineOf(row: number, cells: string[]): string | null {
    if (this.shape.mine < 0) return "";
    const mine = (cells[this.shape.mine] ?? "").trim();
    if (mine === "")
      this.error(
        row,
        this.shape.mine,
        "missing-mine",
        "",
        "no mine named (every row needs one when the table has a mine column)",
      );
    return mine === "" ? null : mine;
  }

  run(): Extraction {
    const s = this.shape;
    for (const sk of s.skipped) {
      this.problems.push({
        severity: "info",
        code: sk.code,
        column: this.label(sk.col),
        text: this.header[sk.col]?.trim() ?? "",
        message: `Column "${this.label(sk.col)}" is ${sk.why}; left out`,
      });
    }
    if (s.kind === "long") this.long(s);
    else if (s.kind === "tidy") this.tidy(s);
    else if (s.kind === "wide-years-rows") this.wideYears(s);
    else if (s.kind === "wide-months-rows") this.wideMonths(s);
    else this.wideMetrics(s);
    return { metrics: this.metrics, entries: this.entries, problems: this.problems, badRows: this.badRows };
  }

  private long(s: Extract<Shape, { kind: "long" }>): void {
    const cols = s.values;
    const ids = cols.map((c) => this.metric(this.header[c]?.trim() || this.label(c), true));
    for (let r = s.header + 1; r < this.table.length; r++) {
      const cells = this.table[r];
      if (isBlankRow(cells)) continue;
      const row = r + 1;
      if (this.note(row, cells, cols, s.month.col, () => this.isPeriod(cells, s.month))) continue;
      const month = this.month(row, cells, s.month);
      const mine = this.mineOf(row, cells);
      if (month === null || mine === null) continue;
      const values = new Array<number | null>(cols.length);
      let est: boolean[] | null = null;
      for (let i = 0; i < cols.length; i++) {
        values[i] = this.value(row, cols[i], ids[i]);
        if (this.lastEstimate) (est ??= new Array<boolean>(cols.length).fill(false))[i] = true;
      }
      this.entries.push({ row, mine, month, metrics: ids, values, est, from: null });
    }
  }

  private tidy(s: Extract<Shape, { kind: "tidy" }>): void {
    const valueCol = [s.value];
    for (let r = s.header + 1; r < this.table.length; r++) {
      const cells = this.table[r];
      if (isBlankRow(cells)) continue;
      const row = r + 1;
      if (this.note(row, cells, valueCol, s.month.col, () => this.isPeriod(cells, s.month))) continue;
      const month = this.month(row, cells, s.month);
      const mine = this.mineOf(row, cells);
      if (month === null || mine === null) continue;
      const id = this.metricOfRow(row, cells, s.metric, "no metric named");
      if (id === null) continue;
      const v = this.value(row, s.value, id);
      this.entries.push({
        row,
        mine,
        month,
        metrics: [id],
        values: [v],
        est: this.lastEstimate ? [true] : null,
        from: null,
      });
    }
  }

  private wideYears(s: Extract<Shape, { kind: "wide-years-rows" }>): void {
    const fixed = s.metric < 0 ? this.metric(s.metricName, false) : -1;
    const monthCols = s.months.map((m) => m.col);
    for (let r = s.header + 1; r < this.table.length; r++) {
      const cells = this.table[r];
      if (isBlankRow(cells)) continue;
      const row = r + 1;
      const yearText = cleanHeader(cells[s.year] ?? "").name; // "2017*", "2017 (1)": footnote markers go
      if (this.note(row, cells, monthCols, s.year, () => YEAR_CELL.test(yearText) || TOTAL_LABEL.test(yearText)))
        continue;
      if (!YEAR_CELL.test(yearText)) {
        if (TOTAL_LABEL.test(yearText))
          this.info(row, s.year, "subtotal-skipped", yearText, `"${yearText}" is a total/subtotal row; left out`);
        else this.error(row, s.year, "not-a-month", yearText, `"${yearText}" is not a year (four digits such as 2017)`);
        continue;
      }
      const mine = this.mineOf(row, cells);
      if (mine === null) continue;
      let id = fixed;
      if (s.metric >= 0) {
        const name = (cells[s.metric] ?? "").trim();
        if (name === "") {
          this.error(row, s.metric, "missing-metric", "", "no metric named");
          continue;
        }
        id = this.metric(name, false);
      }
      const year = Number(yearText);
      for (const { col, month } of s.months) {
        // A grid has every month: blank or "-" means not reported (yet), not a month without data.
        if (!hasValue(cells[col])) continue;
        const v = this.value(row, col, id);
        this.entries.push({
          row,
          mine,
          month: makeMonth(year, month),
          metrics: [id],
          values: [v],
          est: this.lastEstimate ? [true] : null,
          from: null,
        });
      }
    }
  }

  private wideMonths(s: Extract<Shape, { kind: "wide-months-rows" }>): void {
    // Columns grouped by year: one entry per row and year holds every metric of that year.
    const byYear = new Map<number, { cols: number[]; ids: number[] }>();
    for (const y of s.years) {
      const g = byYear.get(y.year) ?? { cols: [], ids: [] };
      const id = this.metric(y.metric, false);
      if (g.ids.includes(id)) {
        this.problems.push({
          severity: "error",
          code: "duplicate-column",
          column: this.label(y.col),
          text: this.header[y.col]?.trim() ?? "",
          message: `Column "${this.label(y.col)}" gives ${y.metric} for ${y.year} a second time`,
        });
        continue;
      }
      g.cols.push(y.col);
      g.ids.push(id);
      byYear.set(y.year, g);
    }
    const yearCols = s.years.map((y) => y.col);
    for (let r = s.header + 1; r < this.table.length; r++) {
      const cells = this.table[r];
      if (isBlankRow(cells)) continue;
      const row = r + 1;
      const name = (cells[s.month] ?? "").trim();
      if (this.note(row, cells, yearCols, s.month, () => parseMonthName(name) !== null || TOTAL_LABEL.test(name)))
        continue;
      const month = parseMonthName(name);
      if (month === null) {
        if (TOTAL_LABEL.test(name))
          this.info(row, s.month, "subtotal-skipped", name, `"${name}" is a total/subtotal row; left out`);
        else
          this.error(
            row,
            s.month,
            "not-a-month",
            name,
            name === "" ? "values but no month" : `"${name}" is not a month name (Jan, February, Sept…)`,
          );
        continue;
      }
      const mine = this.mineOf(row, cells);
      if (mine === null) continue;
      for (const [year, g] of byYear) {
        if (!g.cols.some((c) => hasValue(cells[c]))) continue; // not reported for this year
        const values: (number | null)[] = [];
        let est: boolean[] | null = null;
        g.cols.forEach((c, i) => {
          values.push(this.value(row, c, g.ids[i]));
          if (this.lastEstimate) (est ??= g.cols.map(() => false))[i] = true;
        });
        this.entries.push({ row, mine, month: makeMonth(year, month), metrics: g.ids, values, est, from: null });
      }
    }
  }

  private wideMetrics(s: Extract<Shape, { kind: "wide-metrics-rows" }>): void {
    const monthCols = s.months.map((m) => m.col);
    for (let r = s.header + 1; r < this.table.length; r++) {
      const cells = this.table[r];
      if (isBlankRow(cells)) continue;
      const row = r + 1;
      // A metric not reported yet prints "-" or "n/a"; a line with nothing under the months is a
      // heading ("Operating results") or a footnote.
      if (noPeriodCells(cells, monthCols)) {
        const text = cells
          .map((c) => c.trim())
          .filter((c) => c !== "")
          .join(" ");
        this.info(row, s.metric, "note-skipped", text, `"${text}" has no values under the months; left out as a note`);
        continue;
      }
      const id = this.metricOfRow(
        row,
        cells,
        s.metric,
        "values but no metric named",
        s.unit >= 0 ? cells[s.unit] : undefined,
      );
      if (id === null) continue;
      const mine = this.mineOf(row, cells);
      if (mine === null) continue;
      for (const { col, month } of s.months) {
        if (!hasValue(cells[col])) continue; // "-", "n/a": not reported for that month
        const v = this.value(row, col, id);
        this.entries.push({
          row,
          mine,
          month,
          metrics: [id],
          values: [v],
          est: this.lastEstimate ? [true] : null,
          from: null,
        });
      }
    }
  }
}

/** The period cells of a row are all empty: a heading or a footnote line, not a metric. */
const noPeriodCells = (cells: string[], cols: number[]): boolean => cols.every((c) => (cells[c] ?? "").trim() === "");

export function extract(table: string[][], shape: Shape, mark: Mark): Extraction {
  return new Extractor(table, shape, mark).run();
}
