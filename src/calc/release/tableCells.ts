/**
 * What a table's cell or header says: the one figure a cell holds ("(14,624)", "(34%)", "$14.75"), a cell
 * a paste split in two, the unit a label or column names ("000 tonnes", "(000's)", "A$m"), and the period
 * a header names, completed by its row ("January" under "2017").
 */
import { makeMonth, yearOf } from "../months";
import type { Cell } from "./layout";
import { periodsOf, resolve, type PeriodContext, type PeriodValue, type Resolved } from "./periods";
import { quantitiesOf, type Quantity, type Unread } from "./quantities";
import { RELEASE, RELEASE_MONEY, scaleOf } from "../number";
import { AMBIGUOUS_TONNES, CURRENCY, UNIT_DIMENSIONS } from "../vocabulary";
import { isPunct, isWord, tokenize } from "./tokens";

export interface Value {
  q: Quantity | null;
  unread: string | null;
}

/** The one figure a cell holds ("(14,624)", "(34%)", "3 %", "$14.75"), or why it holds none. */
export function cellValue(text: string): Value {
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

export const isYearText = (s: string): boolean => /^(19|20)\d\d$/.test(s.trim());

/** "Eagle River | 28,754 | (14,624 | ) | (34 | %)": a bracket or "%" cut off into the next cell joins its figure. */
export function repaired(cells: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const c of cells) {
    const prev = out[out.length - 1];
    if (prev && /^(?:\)|%|%\)|\)%)$/.test(c.text) && prev.text !== "") {
      out[out.length - 1] = { start: prev.start, end: c.end, text: prev.text + c.text };
    } else out.push(c);
  }
  return out;
}

/** A currency anywhere in a label or header ("US$/oz", "A$m", "Cost (US$)"), as calc's vocabulary writes them. */
const CURRENCY_IN = new RegExp(`(?<![A-Za-z])${CURRENCY}`, "i");

/**
 * "000 tonnes", "(000's)", "000'oz", "A$m", "US$/oz", "g/t", "(oz)", "(Au oz.)", "waste/ore": a unit, its scale,
 * and a short name for it. Scale and unit words are calc's vocabulary; "000" before or in brackets is thousands.
 */
export function unitOf(text: string): { dim: string; scale: number; text: string } | null {
  const tokens = tokenize(text);
  const money = CURRENCY_IN.exec(text);
  const cur = money ? (money[0].toUpperCase() === "$" ? "US$" : money[0].toUpperCase()) : null;
  let scale = 0;
  let dim: string | null = null;
  let per: string | null = null;
  let ratio = false;
  tokens.forEach((t, k) => {
    if (t.kind === "num" && /^0{3}$/.test(t.text)) scale = Math.max(scale, 3);
    if (t.kind !== "word") return;
    const after = isPunct(tokens[k - 1], "/") || isWord(tokens[k - 1], "per");
    if (t.lower === "ratio" || (t.lower === "ore" && after && isWord(tokens[k - 2], "waste"))) ratio = true;
    const d = UNIT_DIMENSIONS.get(t.lower) ?? (t.lower === "tonne" ? "t" : undefined);
    const s =
      UNIT_DIMENSIONS.has(t.lower) || t.text.length > 1 || cur ? scaleOf(t.text, cur ? RELEASE_MONEY : RELEASE) : 0;
    if (s !== undefined && s > 0 && !after) scale = Math.max(scale, s);
    if (d === undefined) return;
    if (after && (dim !== null || cur)) per = per ?? d;
    else dim = dim ?? d;
  });
  if (dim === AMBIGUOUS_TONNES) dim = scale > 0 ? "t" : null;
  const scaled = (base: string, k: string, m: string): string => (scale === 6 ? m : scale === 3 ? k : base);
  if (cur) {
    const money = `money:${cur === "US$" ? "" : cur.slice(0, -1)}$`;
    const perDim = per ?? (dim !== null && dim !== "t" && dim !== "oz" && dim !== "lb" ? null : dim);
    return perDim
      ? { dim: `${money}/${perDim}`, scale: 0, text: `${cur}/${perDim}` }
      : { dim: money, scale, text: scaled(cur, `${cur}k`, `${cur}m`) };
  }
  if (ratio) return { dim: "ratio", scale: 0, text: "waste/ore" };
  if (dim !== null && per !== null) return { dim: `${dim}/${per}`, scale: 0, text: `${dim}/${per}` };
  if (dim === "oz") return { dim, scale, text: scaled("oz", "000 oz", "Moz") };
  if (dim === "t") return { dim, scale, text: scaled("t", "000 t", "Mt") };
  if (dim === "lb") return { dim, scale, text: scaled("lb", "000 lb", "Mlb") };
  if (dim !== null) return { dim, scale: 0, text: dim };
  if (scale > 0) return { dim: "", scale, text: "000" };
  return null;
}

/** A period from header words: a year with a month, quarter, "Third Quarter", "First Nine Months" or "Year-to-Date". */
export function headerPeriod(text: string, quarterEnded: boolean): PeriodValue | null {
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
export function cellPeriod(
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
