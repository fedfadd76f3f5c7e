/**
 * Tables in a release: columns found by their cells' positions (runs of spaces) or separators (tabs,
 * "|"), headers read as periods ("3Q 2018", "Third Quarter / 2018", "January" with the row "2017"),
 * rows as metrics or sites under section lines, and the cells as figures. Claims a table makes itself:
 * a variance or "%" column (a change between the two period columns before it), totals (a total row or
 * column against the rows or columns it sums), and free-text comment cells, read like prose.
 */
import type { Cell, Line, TableBlock } from "./layout";
import { metricOf, noMetric, hasMetric, type Metric } from "./metrics";
import type { Fig, ReleasePlace } from "./model";
import {
  periodLabel,
  periodsOf,
  resolve,
  sameSpan,
  type PeriodContext,
  type PeriodValue,
  type Resolved,
} from "./periods";
import type { Quantity, Unread } from "./quantities";
import { cellPeriod, cellValue, headerPeriod, isYearText, repaired, unitOf, type Value } from "./tableCells";
import { totals } from "./tableTotals";
import { tokenize } from "./tokens";
import { amountVerdict, percentVerdict, type Verdict } from "./verdicts";

export interface TableClaim {
  kind: "change" | "total";
  cell: Cell;
  place: ReleasePlace;
  stated: string;
  metric: Metric;
  unitText: string;
  figures: Record<string, Fig | Fig[] | null>;
  verdict: Verdict;
}

/** A free-text cell (a comment column), with the row's two figures it speaks of. */
interface CommentCell {
  cell: Cell;
  place: ReleasePlace;
  current: Fig | null;
  prior: Fig | null;
  metric: Metric;
}

export interface TableRead {
  figures: Fig[];
  claims: TableClaim[];
  comments: CommentCell[];
  unread: Unread[];
}

type Role = "label" | "unit" | "period" | "variance" | "percent" | "comment" | "other";

export interface Column {
  header: string;
  period: PeriodValue | null;
  role: Role;
  group: number;
  /** What a change column compares, when its header says: a year apart ("YoY"), or the period before ("QoQ"). */
  relation: Relation | null;
  forecast: boolean;
  total: boolean;
}

/** What a data row says of its cells. */
export interface RowInfo {
  label: string;
  period: PeriodValue | null;
  metric: Metric;
  unit: ReturnType<typeof unitOf>;
  site: string | null;
  total: boolean;
  section: number;
  annual: boolean;
  /** The metric its own label names, without the section's or the header's. */
  own: Metric;
}

export interface Row {
  cells: (Cell | null)[];
  line: Line;
  kind: "header" | "section" | "data";
}

const NO_UNREAD: Unread[] = [];

const FORECAST = /\b(guidance|budget|forecast|plan|target|outlook)\b/i;

/** Reads one table. */
const WHOLE = /^(consolidated|total|group)$/i;

/**
 * "North | South | Consolidated" under one period: the mine each column holds, when a column of the same period
 * adds them up ("Consolidated", "Total", "Group"); null for that column and for every column of other tables.
 */
function columnSites(headerText: string[][], columns: Column[]): (string | null)[] {
  const nameOf = (k: number): string | null => {
    const parts = headerText[k] ?? [];
    const last = parts[parts.length - 1]?.trim() ?? "";
    if (parts.length < 2 || !/\p{L}/u.test(last) || headerPeriod(last, false) !== null) return null;
    const t = tokenize(last);
    return hasMetric(metricOf(t, 0, t.length)) ? null : last;
  };
  return columns.map((c, k) => {
    const name = nameOf(k);
    if (c.role !== "period" || name === null || WHOLE.test(name)) return null;
    const whole = columns.some(
      (o, j) => j !== k && o.role === "period" && samePeriod(o, c) && WHOLE.test(nameOf(j) ?? ""),
    );
    return whole ? name : null;
  });
}

const samePeriod = (a: Column, b: Column): boolean =>
  a.period !== null && b.period !== null && JSON.stringify(a.period) === JSON.stringify(b.period);

const lastHeader = (headerText: string[][], k: number): string => (headerText[k] ?? []).at(-1)?.trim() ?? "";

/**
 * A column's period: "Dec-19" under "Quarter Ended" is the quarter to December; "Year-to-date Dec-19" is a year
 * to date whose first month the table does not say (a fiscal year may start in July), so it has none.
 */
function columnPeriod(header: string, quarterEnded: boolean): PeriodValue | null {
  const p = headerPeriod(header, quarterEnded || /\bquarters? end(?:ed|ing)\b/i.test(header));
  if (p && !p.ytd && /\byear[- ]to[- ]date\b|\bytd\b/i.test(header) && p.first !== null && p.first === p.last)
    return null;
  return p;
}

/** A row's cells up to its last one that is not empty. */
function filledLength(r: Row): number {
  let n = r.cells.length;
  while (n > 0 && (r.cells[n - 1] === null || r.cells[n - 1]?.text.trim() === "")) n--;
  return n;
}

export function readTable(
  text: string,
  block: TableBlock,
  ctx: PeriodContext | null,
  defaultMaterial: string | null,
): TableRead {
  const rows: Row[] = block.rows.map((r) => ({
    cells: r.separated === "pipe" ? repaired(r.cells) : r.cells,
    line: r.line,
    kind: "data" as Row["kind"],
  }));
  const separated = block.rows[0]?.separated ?? "spaces";
  const values = new Map<Cell, Value>();
  const valueOf = (c: Cell): Value => {
    let v = values.get(c);
    if (!v) {
      v = cellValue(c.text);
      values.set(c, v);
    }
    return v;
  };
  // A header row holds no figure but years; a section row is one cell without figures.
  let firstData = -1;
  rows.forEach((r, i) => {
    const cells = r.cells.filter((c): c is Cell => c !== null && c.text !== "");
    const figures = cells.filter(
      (c, k) => (k > 0 || separated !== "spaces" || cells.length > 1) && valueOf(c).q !== null && !isYearText(c.text),
    );
    if (cells.length <= 1 && figures.length === 0) r.kind = "section";
    else if (figures.length === 0 || (firstData < 0 && figures.every((c) => isYearText(c.text))))
      r.kind = firstData < 0 ? "header" : "section";
    else {
      r.kind = "data";
      if (firstData < 0) firstData = i;
    }
  });
  if (firstData < 0) return { figures: [], claims: [], comments: [], unread: NO_UNREAD };

  // Columns: by index for tabs and "|"; by position for runs of spaces.
  const dataRows = rows.filter((r) => r.kind === "data");
  let width = 0;
  let placeOf: (row: Row) => (Cell | null)[];
  const groupOf: number[] = [];
  // A tab or "|" row with fewer cells than the table has columns lost some on the way (an HTML table's empty
  // cells dropped): which header each figure stands under is unknown, unless it is the last row, cut short.
  const misaligned = new Set<Row>();
  if (separated !== "spaces") {
    // empty cells pasted after a row's last one ("| ||||") are no columns
    width = Math.max(...rows.filter((r) => r.kind !== "section").map(filledLength));
    const lastData = dataRows[dataRows.length - 1];
    for (const r of dataRows) if (r.cells.length < width && r !== lastData) misaligned.add(r);
    placeOf = (row) => {
      const out: (Cell | null)[] = new Array(width).fill(null);
      if (misaligned.has(row)) return out;
      row.cells.forEach((c, k) => {
        if (k < width && c) out[k] = c;
      });
      return out;
    };
  } else {
    const spans: [number, number][] = [];
    for (const r of dataRows)
      for (const c of r.cells) if (c) spans.push([c.start - r.line.start, c.end - r.line.start]);
    spans.sort((a, b) => a[0] - b[0]);
    const cols: [number, number][] = [];
    for (const s of spans) {
      const last = cols[cols.length - 1];
      if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
      else cols.push([s[0], s[1]]);
    }
    width = cols.length;
    placeOf = (row) => {
      const out: (Cell | null)[] = new Array(width).fill(null);
      for (const c of row.cells) {
        if (!c) continue;
        const a = c.start - row.line.start;
        const b = c.end - row.line.start;
        let best = -1;
        let bestOverlap = 0;
        let nearest = 0;
        let nearestGap = Infinity;
        cols.forEach(([x, y], k) => {
          const overlap = Math.min(b, y) - Math.max(a, x);
          if (overlap > bestOverlap) {
            bestOverlap = overlap;
            best = k;
          }
          const gap = Math.abs(a - x);
          if (gap < nearestGap) {
            nearestGap = gap;
            nearest = k;
          }
        });
        const k = best >= 0 ? best : nearest;
        if (out[k] === null) out[k] = c;
      }
      return out;
    };
  }
  const placed = rows.map((r) => (r.kind === "section" ? r.cells : placeOf(r)));

  // Headers: each header row's cells over the columns; a row with fewer cells than columns is a group row.
  const headerText: string[][] = Array.from({ length: width }, () => []);
  for (let i = 0; i < firstData; i++) {
    const r = rows[i];
    if (r.kind !== "header") continue;
    const cells = (separated !== "spaces" ? r.cells.slice(0, filledLength(r)) : r.cells).filter(
      (c): c is Cell => c !== null,
    );
    const named = cells.filter((c) => c.text !== "");
    // "North | South | Total | North | South | Total" over a label column and six of figures: the label has no
    // header. Only names repeated block by block are read so: "Metric | Q1 2024 | Q1 2023" over a fourth column of
    // changes names the label column first
    const texts = cells.map((c) => c.text);
    if (
      separated !== "spaces" &&
      width > 2 &&
      cells.length === width - 1 &&
      named.length === cells.length &&
      new Set(texts).size < texts.length &&
      texts.every((t) => headerPeriod(t, false) === null)
    ) {
      cells.forEach((c, k) => headerText[k + 1].push(c.text));
      continue;
    }
    const isGroupRow = separated !== "spaces" ? cells.length < width && named.length >= 2 : false;
    if (isGroupRow) {
      // "Label | Second Quarter | Year-to-Date" over eight columns: each group takes an equal share after the label;
      // "Third Quarter 2023 | Third Quarter 2022" names no label: every cell is a group
      const first = cells.findIndex((c) => c.text !== "");
      if (first >= 1 && cells.slice(first).some((c) => c.text === "")) {
        // "| Quarter Ended | | | | | Year-to-date | |": each group over its own column and the empty ones after it
        let at = 0;
        cells.forEach((c, k) => {
          if (k >= first && c.text !== "") at = k;
          if (k >= first && k < width) {
            headerText[k].push(cells[at].text);
            groupOf[k] = at;
          }
        });
        for (let k = cells.length; k < width; k++) {
          headerText[k].push(cells[at].text);
          groupOf[k] = at;
        }
        continue;
      }
      const groups = headerPeriod(cells[0].text, false) !== null ? cells : cells.slice(1);
      const share = Math.floor((width - 1) / groups.length);
      groups.forEach((g, k) => {
        for (let c = 1 + k * share; c < 1 + (k + 1) * share && c < width; c++) {
          headerText[c].push(g.text);
          groupOf[c] = k + 1;
        }
      });
      continue;
    }
    if (separated === "spaces") {
      // a header cell over several columns names them all (a group), up to the next such cell
      const row = placeOf(r);
      const spanning = cells.filter((c) => row.filter((x) => x === c).length === 1 && spansColumns(c, r, dataRows) > 1);
      if (spanning.length > 0) {
        const starts = cells.map((c) => c.start - r.line.start);
        cells.forEach((c, k) => {
          const from = c.start - r.line.start;
          const to = k + 1 < cells.length ? starts[k + 1] : Infinity;
          colStarts(dataRows).forEach((x, col) => {
            if (x >= from - 1 && x < to) {
              headerText[col].push(c.text);
              groupOf[col] = k + 1;
            }
          });
        });
        continue;
      }
      row.forEach((c, k) => {
        if (c && c.text) headerText[k].push(c.text);
      });
    } else {
      placeOf(r).forEach((c, k) => {
        if (c && c.text) headerText[k].push(c.text);
      });
    }
  }
  const titleText = block.title.map((l) => l.text).join(" ");
  const quarterEnded = /quarters? end(?:ed|ing)|three months end(?:ed|ing)/i.test(titleText);
  const noTotals = /may not (?:add|sum|total)|not add up|rounded on its own|rounding differences/i.test(titleText);

  // Rows that do not line up (a footnote pasted under the table) say nothing of what a column holds: with tabs or
  // "|", the complete rows decide when there are two or more.
  const fullRows = dataRows.filter((r) => r.cells.length >= width);
  const alignedRows =
    separated !== "spaces" && fullRows.length >= 2 ? fullRows : dataRows.filter((r) => !misaligned.has(r));
  const labelCol = separated !== "spaces" ? middleLabel(alignedRows.map(placeOf), headerText, valueOf) : 0;
  const columns: Column[] = headerText.map((parts, k) => {
    const header = parts.join(" ").replace(/\s+/g, " ").trim();
    const h = header.toLowerCase();
    const relation = relationOf(h);
    const changeWords =
      /variance|change|\bvar\b|\bchg\b|\+\/|increase|decrease|diff|growth/.test(h) ||
      relation !== null ||
      namedPair(h) !== null;
    const cellsHere = alignedRows.map((r) => placeOf(r)[k]).filter((c): c is Cell => c !== null);
    // a "Change" or "QoQ" column of percentages states changes in per cent, whatever its header says of "%"
    const figuresHere = cellsHere.map((c) => valueOf(c).q).filter((q): q is Quantity => q !== null);
    const percentCells = figuresHere.length > 0 && figuresHere.every((q) => q.kind === "percent");
    const percent = (/%/.test(h) && (changeWords || h === "%")) || (changeWords && percentCells);
    const variance = !percent && /\b(variance|change|difference|diff)\b|\+\s*\/\s*\(?-/.test(h);
    const textual = cellsHere.filter(
      (c) => valueOf(c).q === null && c.text.trim() !== "" && valueOf(c).unread === null,
    );
    let role: Role;
    if (k === labelCol && labelCol > 0) role = "label";
    else if (
      k === 0 &&
      labelCol === 0 &&
      (separated !== "spaces" ||
        cellsHere.every((c) => valueOf(c).q === null || isYearText(c.text) || /^q[1-4]\b/i.test(c.text)))
    )
      role = "label";
    else if (percent) role = "percent";
    else if (variance) role = "variance";
    else if (textual.length > 0 && textual.some((c) => c.text.split(/\s+/).length >= 4)) role = "comment";
    else if (
      textual.length > 0 &&
      textual.length >= cellsHere.length / 2 &&
      textual.every((c) => unitOf(c.text) !== null || c.text.length <= 12)
    )
      role = "unit";
    else role = "period";
    return {
      header,
      period: role === "period" ? columnPeriod(header, quarterEnded) : null,
      role,
      group: groupOf[k] ?? 0,
      relation: role === "percent" || role === "variance" ? relationOf(h) : null,
      forecast: FORECAST.test(header),
      total: /\btotal\b/i.test(header),
    };
  });
  const unitCol = columns.findIndex((c) => c.role === "unit");
  const sites = columnSites(headerText, columns);
  // the "Consolidated" column of each period block and the mine columns it adds up
  const wholeParts = columns.map((c, k) =>
    c.role === "period" && sites[k] === null && WHOLE.test(lastHeader(headerText, k))
      ? columns.map((_, j) => j).filter((j) => sites[j] !== null && samePeriod(columns[j], c))
      : [],
  );

  // A year-to-date column ends where the table's latest other period ends.
  let ytdEnd: number | null = null;
  for (const c of columns)
    if (c.period && !c.period.ytd && c.period.last !== null) ytdEnd = Math.max(ytdEnd ?? -Infinity, c.period.last);

  const titleTokens = tokenize(titleText);
  const titleMetric = metricOf(titleTokens, 0, titleTokens.length);
  const titleUnit = unitOf(titleText);
  const headerMetric = metricOf(tokenize(columns.map((c) => c.header).join(" ")), 0, 1e9);
  const headerUnit = unitOf(
    columns
      .filter((c) => c.role === "period")
      .map((c) => c.header)
      .join(" "),
  );

  const figures: Fig[] = [];
  const claims: TableClaim[] = [];
  const comments: CommentCell[] = [];
  const unread: Unread[] = [];
  const grid: (Fig | null)[][] = [];
  const rowInfo: RowInfo[] = [];
  let section = 0;
  let sectionLabel = "";
  let lastLabel = "";

  rows.forEach((r, i) => {
    grid[i] = [];
    if (r.kind === "section") {
      if (i > firstData || !block.rows.slice(0, i).some(() => false)) {
        section++;
        sectionLabel = r.cells.map((c) => c?.text ?? "").join(" ");
      }
      return;
    }
    if (r.kind !== "data") return;
    if (misaligned.has(r)) {
      const from = r.cells[0]?.start ?? r.line.start;
      unread.push({
        start: from,
        end: r.line.end,
        text: r.line.text.trim().slice(0, 80),
        why: `the row has ${r.cells.length} cells where the table has ${width} columns: which column each figure belongs to is not known`,
      });
      return;
    }
    const cells = placed[i];
    const labelCell = columns[labelCol]?.role === "label" ? cells[labelCol] : null;
    let label = (labelCell?.text ?? "").replace(/(?<=[a-z]{3})\d\b|\([a-z]\)/g, "").trim();
    const unitCell = unitCol >= 0 ? cells[unitCol] : null;
    const continuation = label === "" && unitCol >= 0 && lastLabel !== "";
    if (continuation) label = lastLabel;
    else lastLabel = label;
    const labelTokens = tokenize(label);
    const labelPeriods = periodsOf(labelTokens)
      .map((m) => m.value)
      .filter((v) => !v.date);
    const rowPeriod = labelPeriods[0] ?? null;
    const rowMetric = metricOf(labelTokens, 0, labelTokens.length);
    const sectionTokens = tokenize(sectionLabel);
    const sectionMetric = metricOf(sectionTokens, 0, sectionTokens.length);
    const metric = merge(rowMetric, sectionMetric, headerMetric, titleMetric);
    if (
      metric.material === null &&
      metric.measure !== null &&
      defaultMaterial &&
      /oz|ounce/i.test(label + sectionLabel + titleText + columns.map((c) => c.header).join(" "))
    )
      metric.material = defaultMaterial;
    const units = [
      unitCell ? unitOf(unitCell.text) : null,
      unitOf(label),
      unitOf(sectionLabel),
      headerUnit,
      titleUnit,
    ].filter((u) => u !== null);
    let unit = units[0] ?? null;
    // "(000's)" gives the scale; the section ("Ounces Produced") gives what is counted
    if (unit && unit.dim === "") {
      const dim = units.find((u) => u.dim !== "");
      unit = dim ? { dim: dim.dim, scale: unit.scale, text: unitOf(`000 ${dim.text}`)?.text ?? dim.text } : unit;
    }
    const site =
      !hasMetric(rowMetric) && !rowPeriod && label !== "" && !/^total\b/i.test(label) && hasMetric(metric)
        ? label
        : null;
    const isTotal = /^total\b/i.test(label) || (label === "" && !continuation);
    const annual = /\bannual\b|\bfull[- ]year\b/i.test(label);
    rowInfo[i] = { label, period: rowPeriod, metric, unit, site, total: isTotal, section, annual, own: rowMetric };
    cells.forEach((c, k) => {
      const col = columns[k];
      if (!c || !col || (col.role !== "period" && col.role !== "other")) return;
      const v = valueOf(c);
      if (v.unread) {
        unread.push({ start: c.start, end: c.end, text: c.text, why: v.unread });
        return;
      }
      if (!v.q) return;
      const q = v.q;
      const own = q.unit.dim !== "";
      if (!own && unit) q.unit = { dim: unit.dim, scale: unit.scale, text: unit.text };
      const period = cellPeriod(col.period, rowPeriod, annual, ctx, ytdEnd);
      const fig: Fig = {
        start: c.start,
        end: c.end,
        q,
        metric,
        site: site ?? sites[k],
        period,
        forecast: col.forecast,
        place: { kind: "table cell", start: c.start, end: c.end, row: label, column: col.header },
        unitText: own ? q.unit.text : unit ? unit.text : "",
      };
      grid[i][k] = fig;
      figures.push(fig);
    });
    const rowFigs = grid[i].filter((f): f is Fig => f !== null && f !== undefined);
    for (const f of rowFigs) f.row = rowFigs;
  });

  const placeOfCell = (i: number, k: number, c: Cell): ReleasePlace => ({
    kind: "table cell",
    start: c.start,
    end: c.end,
    row: rowInfo[i]?.label ?? "",
    column: columns[k]?.header ?? "",
  });

  // The two period columns a variance or "%" column compares: the nearest before it, and the other one its
  // header names ("YoY": a year apart; "QoQ": the period before) or else the next nearest in its group.
  const comparedBy = (k: number): [number, number] | null => {
    // "2Q22 vs 2Q21": the two periods the header names, each its own column; the prior may not be printed (-1)
    const named = namedPair(columns[k].header.toLowerCase());
    if (named) {
      const at = (text: string): number => {
        const p = resolvedOf(headerPeriod(text, quarterEnded), ctx);
        if (!p) return -2;
        const cols = columns
          .map((c, j) => (c.role === "period" && sameSpan(resolvedOf(c.period, ctx), p) ? j : -1))
          .filter((j) => j >= 0);
        return cols.length === 1 ? cols[0] : cols.length === 0 ? -1 : -2;
      };
      const [a, b] = [at(named[0]), at(named[1])];
      // both read as one column ("YTD22 vs YTD21" with no year read from "YTD21"): the prior is not told apart
      return a >= 0 && b >= -1 ? [a, b === a ? -1 : b] : null;
    }
    const before: number[] = [];
    // the period columns since the change column before this one (a variance right before a "%" column does not count)
    let sinceLast = -1;
    for (let j = k - 1; j >= 0; j--) {
      if (columns[j].group !== columns[k].group && columns[k].relation === null) break;
      const isChange = columns[j].role === "percent" || columns[j].role === "variance";
      if (isChange && before.length > 0 && sinceLast < 0) sinceLast = before.length;
      if (columns[j].role === "period") before.push(j);
    }
    const relation = columns[k].relation;
    // "Q2 2023 | Q1 2023 | % | Q2 2022 | %": one period column since the last change column is compared with the
    // block's first, which must be the later period
    if (relation === null && sinceLast === 1) return firstAgainst(before[0], before[before.length - 1], before);
    if (before.length < 2) return null;
    if (relation === null) return orderByTime(before[1], before[0]);
    const span = (j: number): Resolved | null => resolvedOf(columns[j].period, ctx);
    const near = span(before[0]);
    if (!near) return null;
    const len = near.last - near.first + 1;
    const shift = relation === "year" ? 12 : len;
    const partners = before.slice(1).filter((j) => {
      const p = span(j);
      return p !== null && p.last - p.first + 1 === len && Math.abs(p.first - near.first) === shift;
    });
    if (partners.length !== 1) return null;
    return orderByTime(before[0], partners[0]);
  };
  const firstAgainst = (near: number, first: number, block: number[]): [number, number] | null => {
    const a = resolvedOf(columns[first].period, ctx);
    if (near === first || !a) return null;
    // the first column must be the block's latest period, later than every other
    for (const j of block) {
      const b = j === first ? null : resolvedOf(columns[j].period, ctx);
      if (j !== first && (!b || b.last >= a.last)) return null;
    }
    return [first, near];
  };
  const orderByTime = (a: number, b: number): [number, number] => {
    const pa = columns[a].period;
    const pb = columns[b].period;
    const la = pa ? (pa.last ?? pa.yearOnly ?? null) : null;
    const lb = pb ? (pb.last ?? pb.yearOnly ?? null) : null;
    // [current, prior]: the later period; when unknown, the first column (releases print the latest first)
    if (la !== null && lb !== null && la !== lb) return la > lb ? [a, b] : [b, a];
    return [a, b];
  };

  rows.forEach((r, i) => {
    if (r.kind !== "data") return;
    const cells = placed[i];
    const info = rowInfo[i];
    cells.forEach((c, k) => {
      const col = columns[k];
      if (!c || !col) return;
      if (col.role === "percent" || col.role === "variance") {
        const v = valueOf(c);
        const pair = comparedBy(k);
        if (!pair || (!v.q && !v.unread)) return;
        const [ci, pi] = pair;
        const current = grid[i][ci] ?? null;
        const prior = pi >= 0 ? (grid[i][pi] ?? null) : null;
        let stated = c.text
          .split("|")
          .map((x) => x.trim())
          .join("")
          .trim();
        // "Growth (%)" over bare numbers ("7.6"): the header gives the cells their percent sign
        const bare = col.role === "percent" && v.q !== null && v.q.kind === "amount" && v.q.unit.dim === "";
        if (bare && /%/.test(col.header)) stated = `${stated}%`;
        const place = placeOfCell(i, k, c);
        let verdict: Verdict;
        if (!v.q) verdict = { verdict: "not checkable", missing: `the cell "${c.text}" cannot be read: ${v.unread}` };
        else if (!current || !prior) {
          const bad = [ci, pi].map((j) => cells[j]).find((x) => x && valueOf(x).unread);
          verdict = {
            verdict: "not checkable",
            missing: bad
              ? `the figure "${bad.text}" is printed unreadably`
              : pi < 0
                ? `the table prints no column for the second period of "${columns[k].header}"`
                : "the row does not print both figures compared",
          };
        } else if (current.period && prior.period && sameSpan(current.period, prior.period))
          verdict = {
            verdict: "not checkable",
            missing: `both columns compared read as ${periodLabel(current.period)}: which is the earlier is not known`,
          };
        else if (col.role === "percent") verdict = percentVerdict(stated, current.q, prior.q);
        else verdict = amountVerdict(v.q, v.q.negative ? -1 : 1, current.q, prior.q);
        if (col.role === "percent" && v.q && v.q.kind !== "percent" && !(bare && /%/.test(col.header))) return;
        claims.push({
          kind: "change",
          cell: c,
          place,
          stated,
          metric: info.metric,
          unitText: current?.unitText ?? "",
          figures: { current, prior },
          verdict,
        });
      } else if (col.role === "comment" && c.text.trim() !== "") {
        const periodCols = columns.map((x, j) => (x.role === "period" ? j : -1)).filter((j) => j >= 0);
        let current: Fig | null = null;
        let prior: Fig | null = null;
        if (periodCols.length === 2) {
          const [ci, pi] = orderByTime(periodCols[0], periodCols[1]);
          current = grid[i][ci] ?? null;
          prior = grid[i][pi] ?? null;
        }
        comments.push({ cell: c, place: placeOfCell(i, k, c), current, prior, metric: info.metric });
      }
    });
  });

  if (!noTotals) totals(rows, columns, grid, rowInfo, placed, claims, placeOfCell, wholeParts);
  return { figures, claims, comments, unread };
}

/**
 * The label column of a table that prints it between two blocks of figures ("Q2 | Q2 prior | Change | Label | H1 |
 * H1 prior | Change"): the first column holds only figures, and one column, under an empty header, only words.
 */
function middleLabel(rows: (Cell | null)[][], headerText: string[][], valueOf: (c: Cell) => { q: unknown }): number {
  const filled = (k: number) => rows.map((r) => r[k]).filter((c): c is Cell => c !== null && c.text.trim() !== "");
  const first = filled(0);
  if (rows.length < 2 || first.length < rows.length || !first.every((c) => valueOf(c).q !== null)) return 0;
  for (let k = 1; k < headerText.length - 1; k++) {
    const here = filled(k);
    if (headerText[k].join("").trim() !== "" || here.length < rows.length) continue;
    if (here.every((c) => valueOf(c).q === null && /[a-z]{3}/i.test(c.text))) return k;
  }
  return 0;
}

function colStarts(dataRows: Row[]): number[] {
  const spans: [number, number][] = [];
  for (const r of dataRows) for (const c of r.cells) if (c) spans.push([c.start - r.line.start, c.end - r.line.start]);
  spans.sort((a, b) => a[0] - b[0]);
  const cols: [number, number][] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else cols.push([s[0], s[1]]);
  }
  return cols.map((c) => c[0]);
}

/** How many data columns start under a header cell. */
function spansColumns(c: Cell, r: Row, dataRows: Row[]): number {
  const a = c.start - r.line.start;
  const b = c.end - r.line.start;
  return colStarts(dataRows).filter((x) => x >= a - 1 && x < b).length;
}

type Relation = "year" | "period";

/** "2q22 vs 2q21", "ytd22 vs. ytd21": the two periods a change column's header names, later first as printed. */
function namedPair(header: string): [string, string] | null {
  const m = /^(.+?)\s+(?:vs\.?|versus)\s+(.+)$/.exec(header.trim());
  if (!m) return null;
  return headerPeriod(m[1], false) && headerPeriod(m[2], false) ? [m[1], m[2]] : null;
}

/** "YoY %", "y/y", "year-on-year", "vs pcp": a year apart; "QoQ", "q/q", "quarter-on-quarter": the period before. */
function relationOf(header: string): Relation | null {
  if (/\byoy\b|\by\/y\b|year[- ]on[- ]year|year[- ]over[- ]year|\bpcp\b/.test(header)) return "year";
  if (/\bqoq\b|\bq\/q\b|quarter[- ]on[- ]quarter|quarter[- ]over[- ]quarter|\bhoh\b|\bmom\b/.test(header))
    return "period";
  return null;
}

/** A header's period as months, completed from the release's date. */
function resolvedOf(v: PeriodValue | null, ctx: PeriodContext | null): Resolved | null {
  return v ? resolve(v, ctx) : null;
}

function merge(...ms: Metric[]): Metric {
  const out = noMetric();
  for (const m of ms) {
    if (out.material === null && m.material !== null) out.material = m.material;
    if (out.measure === null && m.measure !== null) out.measure = m.measure;
    for (const q of m.qualifiers) if (!out.qualifiers.includes(q)) out.qualifiers.push(q);
  }
  return out;
}
