/**
 * Tables in a release: columns found by their cells' positions (runs of spaces) or separators (tabs,
 * "|"), headers read as periods ("3Q 2018", "Third Quarter / 2018", "January" with the row "2017"),
 * rows as metrics or sites under section lines, and the cells as figures. Claims a table makes itself:
 * a variance or "%" column (a change between the two period columns before it), totals (a total row or
 * column against the rows or columns it sums), and free-text comment cells, read like prose.
 */
import { makeMonth, yearOf } from "../months";
import type { Cell, Line, TableBlock } from "./layout";
import { metricOf, noMetric, hasMetric, type Metric } from "./metrics";
import type { Fig, ReleasePlace } from "./model";
import { periodsOf, resolve, type PeriodContext, type PeriodValue, type Resolved } from "./periods";
import { quantitiesOf, type Quantity, type Unread } from "./quantities";
import { tokenize } from "./tokens";
import { amountVerdict, percentVerdict, totalVerdict, type Verdict } from "./verdicts";

interface TableClaim {
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

interface Column {
  header: string;
  period: PeriodValue | null;
  role: Role;
  group: number;
  forecast: boolean;
  total: boolean;
}

interface Row {
  cells: (Cell | null)[];
  line: Line;
  kind: "header" | "section" | "data";
}

interface Value {
  q: Quantity | null;
  unread: string | null;
}

const NO_UNREAD: Unread[] = [];

/** The one figure a cell holds ("(14,624)", "(34%)", "3 %", "$14.75"), or why it holds none. */
function cellValue(text: string): Value {
  const t = text
    .split("|")
    .map((x) => x.trim())
    .join("")
    .trim();
  if (t === "" || /^(?:-+|\u2014|\u2013|n\/?a|n\/m|nm)$/i.test(t)) return { q: null, unread: null };
  const tokens = tokenize(t);
  if (!tokens.some((k) => k.kind === "num")) return { q: null, unread: null };
  // a sentence in a cell is text (a comment column), read like prose elsewhere
  if (tokens.filter((k) => k.kind === "word" && k.text.length > 2).length >= 3) return { q: null, unread: null };
  const unread: Unread[] = [];
  const qs = quantitiesOf(t, tokens, new Uint8Array(tokens.length), new Map(), unread);
  if (unread.length > 0) return { q: null, unread: unread[0].why };
  if (qs.length !== 1) return { q: null, unread: qs.length > 1 ? `"${t}" is not one figure` : null };
  const q = qs[0];
  // what is left besides the figure: brackets, a sign, "%"
  const rest = t
    .slice(0, q.start)
    .concat(t.slice(q.end))
    .replace(/[()%+\s]/g, "");
  if (rest !== "" && !/^[*†‡]+$/.test(rest)) {
    return { q: null, unread: tokens.filter((k) => k.kind === "num").length > 1 ? `"${t}" is not one figure` : null };
  }
  if (t.startsWith("(") && (t.endsWith(")") || t.endsWith(")%"))) q.negative = true;
  return { q, unread: null };
}

const isYearText = (s: string): boolean => /^(19|20)\d\d$/.test(s.trim());

/** "Eagle River | 28,754 | (14,624 | ) | (34 | %)": a bracket or "%" cut off into the next cell joins its figure. */
function repaired(cells: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const c of cells) {
    const prev = out[out.length - 1];
    if (prev && /^(?:\)|%|%\)|\)%)$/.test(c.text) && prev.text !== "") {
      out[out.length - 1] = { start: prev.start, end: c.end, text: prev.text + c.text };
    } else out.push(c);
  }
  return out;
}

/** "000 tonnes", "(000's)", "000'oz", "A$m", "US$/oz", "g/t", "(oz)", "(Au oz.)", "waste/ore": a unit, its scale, and a short name for it. */
function unitOf(text: string): { dim: string; scale: number; text: string } | null {
  const s = text.toLowerCase();
  let scale = 0;
  if (/\b000\s*'?s?\b|\(000'?s\)|000'/.test(s) || /\bthousands?\b/.test(s) || /\bkoz\b/.test(s)) scale = 3;
  if (/\bmillions?\b|\bmoz\b|\$m\b|\bmlb/.test(s) || (/\bmt\b/.test(s) && /million/.test(s))) scale = 6;
  const money = /(us|a|c|au|ca)?\$/.exec(s);
  const cur = money ? `${money[1] && money[1] !== "us" ? money[1].toUpperCase() : "US"}$` : null;
  const per = /\/\s*(?:eq\s*)?(oz|t|lb|tonne|ounce)|\bper\s+(ounce|tonne|pound)/.exec(s);
  const perDim = per
    ? /^(oz|ounce)/.test(per[1] ?? per[2])
      ? "oz"
      : /^lb|pound/.test(per[1] ?? per[2])
        ? "lb"
        : "t"
    : null;
  const scaled = (base: string, k: string, m: string): string => (scale === 6 ? m : scale === 3 ? k : base);
  if (cur) {
    const dim = `money:${cur === "US$" ? "" : cur.slice(0, -1)}$`;
    return perDim
      ? { dim: `${dim}/${perDim}`, scale: 0, text: `${cur}/${perDim}` }
      : { dim, scale, text: scaled(cur, `${cur}k`, `${cur}m`) };
  }
  if (/g\/t|grams per tonne/.test(s)) return { dim: "g/t", scale: 0, text: "g/t" };
  if (/oz\/t/.test(s)) return { dim: "oz/t", scale: 0, text: "oz/t" };
  if (/waste\s*\/\s*ore|ratio/.test(s)) return { dim: "ratio", scale: 0, text: "waste/ore" };
  if (/\boz\b|ounces?|\d'oz/.test(s)) return { dim: "oz", scale, text: scaled("oz", "000 oz", "Moz") };
  if (/\btonnes?\b|\btons?\b|\bdmt\b|\bwmt\b|\bkt\b/.test(s)) {
    if (/\bkt\b/.test(s)) scale = 3;
    return { dim: "t", scale, text: scaled("t", "000 t", "Mt") };
  }
  if (/\bpounds?\b|\blbs?\b/.test(s)) return { dim: "lb", scale, text: scaled("lb", "000 lb", "Mlb") };
  if (/\btpd\b/.test(s)) return { dim: "tpd", scale: 0, text: "tpd" };
  if (scale > 0) return { dim: "", scale, text: "000" };
  return null;
}

/** A period from header words: a year with a month, quarter, "Third Quarter", "First Nine Months" or "Year-to-Date". */
function headerPeriod(text: string, quarterEnded: boolean): PeriodValue | null {
  const tokens = tokenize(text);
  const ms = periodsOf(tokens)
    .map((m) => m.value)
    .filter((v) => !v.date);
  if (ms.length === 0) return null;
  const absolute = ms.find((v) => v.first !== null && v.yearOnly === null);
  const year = ms.find((v) => v.yearOnly !== null && !v.ytd && v.first !== null);
  const partial = ms.find((v) => v.yearless !== null);
  const ytd = ms.find((v) => v.ytd);
  let out: PeriodValue | null = null;
  if (absolute) out = absolute;
  else if (partial && year) out = withYear(partial, year.yearOnly as number);
  else if (ytd) out = { ...ytd, yearOnly: year ? year.yearOnly : ytd.yearOnly };
  else if (year) out = year;
  else if (partial) out = partial;
  else if (ms[0].fiscal !== null) out = ms[0];
  // "June 2024" under "Quarter ended 30 June 2024": the quarter that ends in June
  if (out && quarterEnded && out.first !== null && out.first === out.last && !out.yearless) {
    out = { ...out, first: (out.last as number) - 2 };
  }
  return out;
}

function withYear(v: PeriodValue, year: number): PeriodValue {
  if (!v.yearless) return v;
  const first = makeMonth(year, v.yearless.month);
  return { ...v, yearless: null, first, last: first + v.yearless.length - 1, relative: null };
}

/** The months of a cell: its column's period completed by its row's ("January" + "2017"). */
function cellPeriod(
  col: PeriodValue | null,
  row: PeriodValue | null,
  annual: boolean,
  ctx: PeriodContext | null,
  ytdEnd: number | null,
): Resolved | null {
  let v: PeriodValue | null = col;
  if (col && row) {
    if (col.yearless && row.yearOnly !== null) v = withYear(col, row.yearOnly);
    else if (row.yearless && col.yearOnly !== null) v = withYear(row, col.yearOnly);
    else if (col.first === null && row.first !== null) v = row;
  } else if (!col) v = row;
  if (!v) return null;
  if (v.ytd) {
    const year = v.yearOnly;
    if (year !== null) {
      const last =
        ytdEnd !== null ? makeMonth(year, (ytdEnd % 12) + 1) : ctx && yearOf(ctx.month) === year ? ctx.month : null;
      if (last === null) return null;
      return { first: makeMonth(year, 1), last };
    }
  }
  const r = resolve(v, ctx);
  if (r && annual) {
    const y = yearOf(r.last);
    return { first: makeMonth(y, 1), last: makeMonth(y, 12) };
  }
  return r;
}

const FORECAST = /\b(guidance|budget|forecast|plan|target|outlook)\b/i;

/** Reads one table. */
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
  if (separated !== "spaces") {
    width = Math.max(...dataRows.map((r) => r.cells.length));
    placeOf = (row) => {
      const out: (Cell | null)[] = new Array(width).fill(null);
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
    const cells = r.cells.filter((c): c is Cell => c !== null);
    const named = cells.filter((c) => c.text !== "");
    const isGroupRow = separated !== "spaces" ? cells.length < width && named.length >= 2 : false;
    if (isGroupRow) {
      // "Label | Second Quarter | Year-to-Date" over eight columns: each group takes an equal share after the label
      const groups = cells.slice(1);
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
      const spanning = cells.filter(
        (c) => row.filter((x) => x === c).length === 1 && spansColumns(c, r, rows, dataRows) > 1,
      );
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

  const columns: Column[] = headerText.map((parts, k) => {
    const header = parts.join(" ").replace(/\s+/g, " ").trim();
    const h = header.toLowerCase();
    const percent = /%/.test(h) && (/variance|change|\+\/|increase|decrease|diff/.test(h) || h === "%");
    const variance = !percent && /\b(variance|change|difference|diff)\b|\+\s*\/\s*\(?-/.test(h);
    const cellsHere = dataRows.map((r) => placeOf(r)[k]).filter((c): c is Cell => c !== null);
    const textual = cellsHere.filter(
      (c) => valueOf(c).q === null && c.text.trim() !== "" && valueOf(c).unread === null,
    );
    let role: Role;
    if (
      k === 0 &&
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
      period: role === "period" ? headerPeriod(header, quarterEnded) : null,
      role,
      group: groupOf[k] ?? 0,
      forecast: FORECAST.test(header),
      total: /\btotal\b/i.test(header),
    };
  });
  const unitCol = columns.findIndex((c) => c.role === "unit");

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
  const rowInfo: {
    label: string;
    period: PeriodValue | null;
    metric: Metric;
    unit: ReturnType<typeof unitOf>;
    site: string | null;
    total: boolean;
    section: number;
    annual: boolean;
  }[] = [];
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
    const cells = placed[i];
    const labelCell = columns[0]?.role === "label" ? cells[0] : null;
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
    rowInfo[i] = { label, period: rowPeriod, metric, unit, site, total: isTotal, section, annual };
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
        site,
        period,
        forecast: col.forecast,
        place: { kind: "table cell", start: c.start, end: c.end, row: label, column: col.header },
        unitText: own ? q.unit.text : unit ? unit.text : "",
      };
      grid[i][k] = fig;
      figures.push(fig);
    });
  });

  const placeOfCell = (i: number, k: number, c: Cell): ReleasePlace => ({
    kind: "table cell",
    start: c.start,
    end: c.end,
    row: rowInfo[i]?.label ?? "",
    column: columns[k]?.header ?? "",
  });

  // The two period columns a variance or "%" column compares: the nearest two before it in its group.
  const comparedBy = (k: number): [number, number] | null => {
    const found: number[] = [];
    for (let j = k - 1; j >= 0 && found.length < 2; j--) {
      if (columns[j].group !== columns[k].group) break;
      if (columns[j].role === "period") found.push(j);
    }
    if (found.length < 2) return null;
    return orderByTime(found[1], found[0]);
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
        const prior = grid[i][pi] ?? null;
        const stated = c.text
          .split("|")
          .map((x) => x.trim())
          .join("")
          .trim();
        const place = placeOfCell(i, k, c);
        let verdict: Verdict;
        if (!v.q) verdict = { verdict: "not checkable", missing: `the cell "${c.text}" cannot be read: ${v.unread}` };
        else if (!current || !prior) {
          const bad = [ci, pi].map((j) => cells[j]).find((x) => x && valueOf(x).unread);
          verdict = {
            verdict: "not checkable",
            missing: bad
              ? `the figure "${bad.text}" is printed unreadably`
              : "the row does not print both figures compared",
          };
        } else if (col.role === "percent") verdict = percentVerdict(stated, current.q, prior.q);
        else verdict = amountVerdict(v.q, v.q.negative ? -1 : 1, current.q, prior.q);
        if (col.role === "percent" && v.q && v.q.kind !== "percent") return;
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

  if (!noTotals) totals(rows, columns, grid, rowInfo, placed, claims, placeOfCell);
  return { figures, claims, comments, unread };
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

/** How many data columns a header cell lies over. */
function spansColumns(c: Cell, r: Row, _rows: Row[], dataRows: Row[]): number {
  const a = c.start - r.line.start;
  const b = c.end - r.line.start;
  const starts = colStarts(dataRows);
  return starts.filter((x, k) => x >= a - 1 && x < Math.max(b, (starts[k + 1] ?? Infinity) > b ? b : b)).length;
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

/** Periods that tile another exactly (Jan, Feb, Mar in Q1). */
function tiles(parts: Resolved[], whole: Resolved): boolean {
  if (parts.length < 2) return false;
  const sorted = [...parts].sort((a, b) => a.first - b.first);
  if (sorted[0].first !== whole.first || sorted[sorted.length - 1].last !== whole.last) return false;
  for (let k = 1; k < sorted.length; k++) if (sorted[k].first !== sorted[k - 1].last + 1) return false;
  return true;
}

/** Total columns ("Q1 total" over January-March) and total rows ("Total", an unlabelled subtotal, "Q1" under its months). */
function totals(
  rows: Row[],
  columns: Column[],
  grid: (Fig | null)[][],
  rowInfo: { label: string; period: PeriodValue | null; total: boolean; section: number; metric: Metric }[],
  placed: (Cell | null)[][],
  claims: TableClaim[],
  placeOfCell: (i: number, k: number, c: Cell) => ReleasePlace,
): void {
  const sameDim = (a: Fig, b: Fig): boolean =>
    a.q.unit.dim === b.q.unit.dim && a.q.unit.dim !== "%" && a.q.kind === "amount" && b.q.kind === "amount";
  const add = (i: number, k: number, total: Fig, parts: Fig[]): void => {
    const c = placed[i][k];
    if (!c) return;
    claims.push({
      kind: "total",
      cell: c,
      place: placeOfCell(i, k, c),
      stated: c.text,
      metric: total.metric,
      unitText: total.unitText,
      figures: { total, parts },
      verdict: totalVerdict(
        total.q,
        parts.map((p) => p.q),
      ),
    });
  };
  rows.forEach((r, i) => {
    if (r.kind !== "data") return;
    const row = grid[i];
    // total columns: a cell whose period the row's other cells tile
    row.forEach((fig, k) => {
      if (!fig || !fig.period || fig.period.first === fig.period.last) return;
      const parts = row.filter(
        (p, j): p is Fig =>
          j !== k &&
          p !== null &&
          p.period !== null &&
          p.period.first >= (fig.period as Resolved).first &&
          p.period.last <= (fig.period as Resolved).last &&
          sameDim(p, fig),
      );
      if (
        parts.length >= 2 &&
        tiles(
          parts.map((p) => p.period as Resolved),
          fig.period,
        )
      )
        add(i, k, fig, parts);
    });
    // total rows
    const info = rowInfo[i];
    const above: number[] = [];
    for (let j = i - 1; j >= 0; j--) {
      if (rows[j].kind === "section" && rows[j].cells.length <= 1) break;
      if (rows[j].kind !== "data") continue;
      if (rowInfo[j].total) break;
      above.push(j);
    }
    if (above.length < 2) return;
    const byPeriod = info.period && !info.total;
    row.forEach((fig, k) => {
      if (!fig || columns[k].role !== "period") return;
      let partRows = above;
      if (byPeriod) {
        // "Q1" under January, February, March
        partRows = above.filter((j) => {
          const p = grid[j][k]?.period;
          return p && fig.period && p.first >= fig.period.first && p.last <= fig.period.last;
        });
        const periods = partRows.map((j) => grid[j][k]?.period as Resolved);
        if (!fig.period || !tiles(periods, fig.period)) return;
      } else if (!info.total) return;
      const parts = partRows.map((j) => grid[j][k]).filter((p): p is Fig => p !== null);
      if (parts.length !== partRows.length || parts.length < 2 || !parts.every((p) => sameDim(p, fig))) return;
      add(i, k, fig, parts.reverse());
    });
  });
}
