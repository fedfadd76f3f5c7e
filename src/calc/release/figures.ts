/**
 * Figures in prose (a quantity with the metric its words name and the period it is given for) and the
 * index every claim looks figures up in: by metric, period and unit, near the claim.
 */
import type { Sentence } from "./layout";
import { isMaterialWord, metricOf, metricScore, sameMetric, type Metric } from "./metrics";
import type { Fig, ReleasePlace } from "./model";
import { periodsOf, priorOf, resolve, type PeriodContext, type PeriodMention, type Resolved } from "./periods";
import { quantitiesOf, type Quantity, type Unread } from "./quantities";
import { isPunct, isWord, type Token } from "./tokens";
import { roundsTo } from "./verdicts";

/** One prose sentence (or a free-text table cell) read: its periods, quantities and figures. */
export interface Reading {
  tokens: Token[];
  place: ReleasePlace;
  periods: PeriodMention[];
  /** For each token, the index of the period mention covering it, or -1. */
  periodOf: Int32Array;
  qs: Quantity[];
  /** For each quantity, the figure it gives (null for percentages and counts). */
  figs: (Fig | null)[];
  /** The period the sentence is about (its first period that is not a comparison), resolved. */
  main: Resolved | null;
  /** `main` is not printed in the sentence: it is carried over from the sentences before. */
  inherited: boolean;
  /** Index of the prose block (paragraph, bullet) the sentence belongs to, and of the sentence. */
  block: number;
  order: number;
  sentence: Sentence | null;
  heading: string;
  /** The context its periods were read in (the release's date, and the quarter and half it last named). */
  ctx: PeriodContext | null;
}

const COMPARATORS = new Set(["against", "compared", "versus", "vs", "than", "over", "from", "on", "relative"]);

/**
 * Whether the period mention is the object of a comparison ("over Q1-2016", "compared to 2016", "a year
 * earlier"), also through the compared figure ("against 620 lakh tonnes (62 million tonnes) in 2017-18").
 */
export function isComparison(tokens: Token[], m: PeriodMention, qs: Quantity[] = []): boolean {
  if (m.value.relative === "prior-year" || m.value.relative === "prior-period") return true;
  let from = m.from;
  if (isWord(tokens[from - 1], "in", "of", "for")) {
    // back over the figure the period is given with, and an aside on it
    let k = from - 2;
    if (isPunct(tokens[k], ")")) {
      const q = qs.find((x) => x.last === k - 1 && isPunct(tokens[x.first - 1], "("));
      if (q) k = q.first - 2;
    }
    // the figure, or the figure and the noun it counts ("against 10,422 rakes in 2017-18")
    const q = qs.find((x) => x.kind === "amount" && (x.last === k || (x.last === k - 1 && tokens[k]?.kind === "word")));
    if (q) from = isWord(tokens[q.first - 1], "the") ? q.first - 1 : q.first;
  }
  for (let k = from - 1; k >= 0 && k >= from - 3; k--) {
    const t = tokens[k];
    if (t.kind === "word" && COMPARATORS.has(t.lower)) {
      if (t.lower === "over" && !overCompares(tokens, k)) return false;
      return !(t.lower === "from" && isWord(tokens[m.to + 1], "to"));
    }
    if (!isWord(t, "the", "with", "to", "a", "same", "of")) break;
  }
  return false;
}

/** "Over the first 6 months of 2017 the company produced…" is a duration; "up 12% over the first nine months of 2016" a comparison. */
export function overCompares(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1];
  return before !== undefined && !isPunct(before, ",", ";", ":", "(") && !isWord(before, "and");
}

const PRODUCTION_DIMS = /^(oz|t|lb|MT|tpd|g\/t|money:[^/]*(\/(oz|t|lb))?|)$/;

/** Reads a sentence's periods and quantities, and makes figures of the quantities that measure production or money. */
export function readSentence(
  text: string,
  tokens: Token[],
  place: ReleasePlace,
  ctx: PeriodContext | null,
  units: ReadonlyMap<string, { dim: string; scale: number }>,
  unread: Unread[],
  defaultMaterial: string | null,
  context: Resolved | null,
): Reading {
  const periods = periodsOf(tokens);
  const periodOf = new Int32Array(tokens.length).fill(-1);
  const skip = new Uint8Array(tokens.length);
  periods.forEach((m, k) => {
    for (let i = m.from; i <= m.to; i++) {
      periodOf[i] = k;
      skip[i] = 1;
    }
  });
  const qs = quantitiesOf(text, tokens, skip, units, unread);
  const mainMention = periods.find(
    (m) => !m.value.date && !isComparison(tokens, m, qs) && resolve(m.value, ctx) !== null,
  );
  const main = mainMention ? resolve(mainMention.value, ctx) : context;
  const inherited = !mainMention && main !== null;
  const figs = qs.map((q, k) => figureOf(tokens, qs, k, periods, place, ctx, main, defaultMaterial));
  if (inherited) for (const f of figs) if (f && f.period === main) f.inherited = true;
  return {
    tokens,
    place,
    periods,
    periodOf,
    qs,
    figs,
    main,
    inherited,
    block: -1,
    order: -1,
    sentence: null,
    heading: "",
    ctx,
  };
}

function figureOf(
  tokens: Token[],
  qs: Quantity[],
  k: number,
  periods: PeriodMention[],
  place: ReleasePlace,
  ctx: PeriodContext | null,
  main: Resolved | null,
  defaultMaterial: string | null,
): Fig | null {
  const q = qs[k];
  if (q.kind !== "amount" || q.tolerance || !PRODUCTION_DIMS.test(q.unit.dim)) return null;
  if (q.unit.dim === "" && q.unit.scale === 0) return null; // a bare number: a count or a label until a claim says otherwise
  const prev = qs[k - 1];
  const bracketed = bracketedAfter(tokens, qs, k);
  // the words of its clause before it, and "of gold" after it
  let from = 0;
  for (let i = q.at - 1; i >= 0; i--) {
    // a clause of its own: after ";", "while", or ", and" ("…, and at 9.44 MT the growth in sales was 11.8%")
    if (
      isPunct(tokens[i], ";") ||
      isWord(tokens[i], "while", "whereas") ||
      (isWord(tokens[i], "and", "but") && isPunct(tokens[i - 1], ","))
    ) {
      from = i + 1;
      break;
    }
  }
  // "676.73 lakh tonnes (67.7 million tonnes) of coal": past an aside in brackets to the words after it
  let afterFrom = q.last + 1;
  if (isPunct(tokens[afterFrom], "(")) {
    const close = tokens.findIndex((t, j) => j > afterFrom && j <= afterFrom + 8 && isPunct(t, ")"));
    if (close > 0) afterFrom = close + 1;
  }
  let to = afterFrom;
  while (
    to < tokens.length &&
    to <= afterFrom + 7 &&
    (tokens[to].kind === "word" || /^['’-]$/.test(tokens[to].text)) &&
    !COMPARATORS.has(tokens[to].lower)
  )
    to++;
  const before = metricOf(tokens, from, q.at);
  const after = metricOf(tokens, afterFrom, to);
  // "9.0 million silver equivalent ounces": the metal printed with the unit
  const own = tokens.slice(q.at + 1, q.last + 1).some(isMaterialWord) ? metricOf(tokens, q.at + 1, q.last + 1) : null;
  const metric: Metric = {
    material: own?.material ?? after.material ?? before.material,
    measure: before.measure ?? after.measure,
    qualifiers: [...before.qualifiers, ...after.qualifiers],
  };
  // money from sales is revenue ("Sales reached ₹25,828 crore")
  if (metric.measure === "sold" && q.unit.dim.startsWith("money:") && !q.unit.dim.includes("/"))
    metric.measure = "revenue";
  if (metric.material === null && q.unit.dim === "oz" && defaultMaterial) metric.material = defaultMaterial;
  // tonnes of no named material: ore at a gold or silver mine, else what the release is about (coal, copper)
  if (metric.material === null && /^(t|MT)$/.test(q.unit.dim))
    metric.material =
      defaultMaterial === null || defaultMaterial === "gold" || defaultMaterial === "silver" ? "ore" : defaultMaterial;
  if (metric.material === null && q.unit.dim === "oz" && prev && prev.unit.dim === "oz")
    metric.material = defaultMaterial;
  // its period: one printed right after it ("67,603 ounces in 2015"), or right before ("Q1-2016 (15,807 oz)"), else the sentence's
  let period: Resolved | null;
  // an aside in brackets right after the figure ("A$29m (US$19m) in the June quarter") is skipped
  let aside = q.last;
  if (isPunct(tokens[aside + 1], "(")) {
    for (let j = aside + 2; j < tokens.length && j <= aside + 9; j++) {
      if (isPunct(tokens[j], ")")) {
        aside = j;
        break;
      }
    }
  }
  const near =
    periods.find(
      (m) =>
        !m.value.date &&
        m.from > aside &&
        m.from <= aside + 5 &&
        !qs.some((o) => o.at > aside && o.at < m.from) &&
        !tokens.slice(aside + 1, m.from).some((t) => isPunct(t, ",", ";", ":")),
    ) ??
    periods.find(
      (m) =>
        !m.value.date &&
        m.to < q.at &&
        m.to >= q.first - 3 &&
        !qs.some((o) => o.at > m.to && o.at < q.at) &&
        !tokens.slice(m.to + 1, q.first).some((t) => isPunct(t, ",", ";", ":") || isWord(t, "from", "against", "to")),
    );
  if (near) {
    const v = near.value;
    if (v.yearOnly !== null && main && main.last - main.first < 11) {
      period = priorOf(v, main, ctx);
    } else if (v.relative === "prior-year" || v.relative === "prior-period") {
      period = priorOf(v, main, ctx);
    } else period = resolve(v, ctx);
  } else period = bracketed ? null : main;
  return {
    start: q.start,
    end: q.end,
    q,
    metric,
    site: siteNear(tokens, q),
    period,
    forecast: false,
    ...(bracketed ? { bracketed } : {}),
    place,
    unitText: q.unit.text,
  };
}

/**
 * "3.62 MT (3.04 MT)": a figure in brackets right after another of the same unit that is not the same
 * quantity in other words (as "644.05 lakh tonnes (64.4 million tonnes)" is). Releases print the compared
 * period's figure so; it is not the period of the figure before it.
 */
function bracketedAfter(tokens: Token[], qs: Quantity[], k: number): boolean {
  const q = qs[k];
  const prev = qs[k - 1];
  if (!prev || prev.kind !== "amount" || q.kind !== "amount") return false;
  if (prev.last !== q.first - 2 || !isPunct(tokens[q.first - 1], "(") || !isPunct(tokens[q.last + 1], ")"))
    return false;
  if (!sameDim(prev.unit.dim || q.unit.dim, q.unit.dim || prev.unit.dim)) return false;
  return !roundsTo(prev, q) && !roundsTo(q, prev) && !sameValue(prev, q);
}

/** "263,845 ounces at Fosterville", "Fosterville (124,307 ounces)", "Macassa's reserves": the site a figure belongs to. */
function siteNear(tokens: Token[], q: Quantity): string | null {
  const after = tokens[q.last + 1];
  const name = tokens[q.last + 2];
  if (isWord(after, "at") && name && name.kind === "word" && /^\p{Lu}/u.test(name.text)) return name.text;
  if (
    isWord(after, "at") &&
    isWord(name, "the") &&
    tokens[q.last + 3]?.kind === "word" &&
    /^\p{Lu}/u.test(tokens[q.last + 3].text)
  )
    return tokens[q.last + 3].text;
  const open =
    tokens[q.at - 1]?.text === "(" ? q.at - 1 : q.start > 0 && isPunct(tokens[q.at - 2], "(") ? q.at - 2 : -1;
  const before = tokens[open - 1];
  if (open > 0 && before && before.kind === "word" && /^\p{Lu}/u.test(before.text) && !/^(Q|H)\d?$/.test(before.text))
    return before.text;
  return null;
}

const key = (material: string | null, measure: string, p: Resolved): string =>
  `${material ?? "?"}|${measure}|${p.first}|${p.last}`;

/** Figures by metric and period, for the claims that need a figure from another paragraph or a table. */
export class FigureIndex {
  private readonly byKey = new Map<string, Fig[]>();
  private readonly unsorted = new Set<string>();
  private sorted: Fig[] | null = null;
  /** Table cells by value, for finding the cell a sentence's figure repeats. */
  private readonly cells: Fig[] = [];
  private cellsSorted = true;
  readonly all: Fig[] = [];

  add(f: Fig): void {
    this.sorted = null;
    this.all.push(f);
    if (f.place.kind === "table cell" && !f.forecast && f.q.unit.dim !== "" && Number.isFinite(numeric(f.q))) {
      this.cells.push(f);
      this.cellsSorted = false;
    }
    if (!f.period || f.metric.measure === null || f.forecast) return;
    for (const k of new Set([
      key(f.metric.material, f.metric.measure, f.period),
      key(null, f.metric.measure, f.period),
    ])) {
      const list = this.byKey.get(k);
      if (list) list.push(f);
      else this.byKey.set(k, [f]);
      this.unsorted.add(k);
    }
  }

  /** The figures printed between two offsets, in text order. */
  between(from: number, to: number): Fig[] {
    if (!this.sorted) this.sorted = [...this.all].sort((a, b) => a.start - b.start);
    const s = this.sorted;
    const out: Fig[] = [];
    for (let k = firstAtOrAfter(s, from); k < s.length && s[k].start <= to; k++) out.push(s[k]);
    return out;
  }

  /**
   * The figure of a metric for a period, near a position: the best-matching metric and site, in the
   * unit asked for; among figures printed twice at different precision, the more precise. Null when
   * none is printed, or when different values stand for it (never a guess between them).
   */
  find(
    metric: Metric,
    period: Resolved,
    dim: string | null,
    site: string | null,
    near: number,
    exclude: Fig | null = null,
  ): Fig | null {
    if (metric.measure === null) return null;
    const scored = this.candidates(metric, period, near)
      .filter((f) => f !== exclude && (dim === null || sameDim(f.q.unit.dim, dim)) && f.site === site)
      .map((f) => ({ f, s: metricScore(metric, f.metric) }))
      .filter((x) => x.s >= 0);
    if (scored.length === 0) return null;
    const best = Math.max(...scored.map((x) => x.s));
    return mostPrecise(scored.filter((x) => x.s === best).map((x) => x.f));
  }

  /**
   * Other figures that could stand for the same metric, period, unit and site as `f` and that are not `f`
   * printed at another precision: the competing candidates that make a lookup ambiguous.
   */
  rivals(f: Fig, metric: Metric): Fig[] {
    if (!f.period || metric.measure === null) return [];
    return this.candidates(metric, f.period, f.start).filter(
      (x) =>
        x !== f &&
        sameDim(x.q.unit.dim, f.q.unit.dim) &&
        x.site === f.site &&
        metricScore(metric, x.metric) >= 0 &&
        !roundsTo(x.q, f.q) &&
        !roundsTo(f.q, x.q) &&
        !sameValue(x.q, f.q),
    );
  }

  /**
   * The one table cell a sentence's figure repeats ("to 432,410 ounces" for the year's cell): same unit, the
   * same value or a finer one that rounds to it, a metric that does not contradict the figure's. Null when no
   * cell or more than one could be it.
   */
  cellFor(f: Fig): Fig | null {
    if (f.place.kind === "table cell" || f.q.unit.dim === "") return null;
    const v = numeric(f.q);
    if (!Number.isFinite(v)) return null;
    if (!this.cellsSorted) {
      this.cells.sort((a, b) => numeric(a.q) - numeric(b.q));
      this.cellsSorted = true;
    }
    // every value that rounds to the figure as printed lies within half its last digit
    const half = 0.5 * 10 ** (f.q.number.exponent + f.q.unit.scale);
    let lo = 0;
    let hi = this.cells.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numeric(this.cells[mid].q) < v - half * 1.000001) lo = mid + 1;
      else hi = mid;
    }
    let found: Fig | null = null;
    for (let k = lo; k < this.cells.length && numeric(this.cells[k].q) <= v + half * 1.000001; k++) {
      const c = this.cells[k];
      if (Math.abs(c.start - f.start) >= NEAR || !sameDim(c.q.unit.dim, f.q.unit.dim)) continue;
      if (!sameValue(c.q, f.q) && !roundsTo(c.q, f.q)) continue;
      if (f.metric.measure !== null && c.metric.measure !== null && !sameMetric(f.metric, c.metric)) continue;
      if (f.metric.material !== null && c.metric.material !== null && f.metric.material !== c.metric.material) continue;
      if (found && !sameCell(found, c)) return null;
      // the same cell printed twice (a table, or the whole release, pasted again): the nearer
      if (!found || Math.abs(c.start - f.start) < Math.abs(found.start - f.start)) found = c;
    }
    return found;
  }

  /** The figure printed in brackets right after `f`, when it is a compared figure (bracketedAfter), or null. */
  bracketAfter(f: Fig): Fig | null {
    const next = this.between(f.end, f.end + 4).find((x) => x !== f && x.place.start === f.place.start);
    return next && next.bracketed ? next : null;
  }

  /** The same figure printed more precisely elsewhere (a table's 28.8 for a sentence's A$29m), or null. */
  finer(f: Fig, metric: Metric): Fig | null {
    if (!f.period || metric.measure === null) return null;
    const scored = this.candidates(metric, f.period, f.start)
      .filter((x) => x !== f && sameDim(x.q.unit.dim, f.q.unit.dim) && x.site === f.site && roundsTo(x.q, f.q))
      .map((x) => ({ x, s: metricScore(metric, x.metric) }))
      .filter((y) => y.s >= 0);
    if (scored.length === 0) return null;
    const best = Math.max(...scored.map((y) => y.s));
    return mostPrecise(scored.filter((y) => y.s === best).map((y) => y.x));
  }

  /** The figure of a period made of printed parts (March and April as the sum of the two months), with its parts. */
  parts(
    metric: Metric,
    period: Resolved,
    dim: string | null,
    site: string | null,
    near: number,
  ): { parts: Fig[]; missing: Resolved[] } {
    const parts: Fig[] = [];
    const missing: Resolved[] = [];
    for (let m = period.first; m <= period.last; m++) {
      const f = this.find(metric, { first: m, last: m }, dim, site, near);
      if (f) parts.push(f);
      else missing.push({ first: m, last: m });
    }
    return { parts, missing };
  }

  /** Figures of the metric (or of no material) for the period, printed near a position. */
  private candidates(metric: Metric, period: Resolved, near: number): Fig[] {
    const own = this.window(key(metric.material, metric.measure as string, period), near);
    if (metric.material === null) return own;
    return own.concat(
      this.window(key(null, metric.measure as string, period), near).filter((f) => f.metric.material === null),
    );
  }

  /** A key's figures within NEAR of a position: a binary search over them in text order, so lookups stay cheap in long texts. */
  private window(k: string, near: number): Fig[] {
    const list = this.byKey.get(k);
    if (!list) return [];
    if (this.unsorted.has(k)) {
      list.sort((a, b) => a.start - b.start);
      this.unsorted.delete(k);
    }
    const out: Fig[] = [];
    for (let i = firstAtOrAfter(list, near - NEAR + 1); i < list.length && list[i].start < near + NEAR; i++)
      out.push(list[i]);
    return out;
  }
}

/** Two cells of one row and column label and value: one cell printed twice. */
const sameCell = (a: Fig, b: Fig): boolean =>
  a.place.row === b.place.row && a.place.column === b.place.column && a.q.printed === b.q.printed;

/** A quantity's value in its unit's base, as a float: for ordering only, never for a verdict. */
function numeric(q: Quantity): number {
  return Number(q.number.coefficient) * 10 ** (q.number.exponent + q.unit.scale);
}

/** Index of the first figure starting at or after an offset, in figures sorted by start. */
function firstAtOrAfter(list: Fig[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far (in characters) a figure may stand from the claim that uses it: a release, not a whole file of them. */
const NEAR = 40_000;

export function sameDim(a: string, b: string): boolean {
  if (a === b) return true;
  const strip = (d: string): string => d.replace(/^money:(US)?\$/, "money:$");
  return strip(a) === strip(b);
}

/** Among figures that may be the same quantity: one value, or the most precise of values that round to one another. */
function mostPrecise(figs: Fig[]): Fig | null {
  if (figs.length === 0) return null;
  let best = figs[0];
  for (const f of figs.slice(1)) {
    if (sameValue(f.q, best.q)) continue;
    if (roundsTo(f.q, best.q)) best = f;
    else if (!roundsTo(best.q, f.q)) return null;
  }
  return best;
}

function sameValue(a: Quantity, b: Quantity): boolean {
  return (
    !roundsTo(a, b) &&
    !roundsTo(b, a) &&
    a.number.coefficient *
      10n ** BigInt(Math.max(0, a.number.exponent + a.unit.scale - b.number.exponent - b.unit.scale)) ===
      b.number.coefficient *
        10n ** BigInt(Math.max(0, b.number.exponent + b.unit.scale - a.number.exponent - a.unit.scale))
  );
}
