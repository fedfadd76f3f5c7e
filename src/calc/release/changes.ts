/**
 * Stated changes in prose: "an increase of 9%", "up by more than 30%", "20% lower", "(+15%)",
 * "increases by 696 oz (15.4%)", "drops by 989 oz or 16%", "decreased 19% and 4%, respectively",
 * "the increase … at 3.89 million tonnes". Each is found with the words that make it a change, then
 * joined to the figures it compares: in its sentence ("from A to B", "against A", "(A in 2015)"),
 * else by metric and period anywhere in the release (another paragraph, a table).
 */
import type { Metric } from "./metrics";
import { materialsOf, metricOf, metricLabel, hasMetric, sameMetric } from "./metrics";
import type { Fig, Found } from "./model";
import {
  periodLabel,
  priorOf,
  resolve,
  sameSpan,
  type PeriodContext,
  type PeriodMention,
  type Resolved,
} from "./periods";
import type { Quantity } from "./quantities";
import { isDash, isPunct, isWord, type Token } from "./tokens";
import { amountVerdict, difference, percentVerdict, type Verdict } from "./verdicts";
import { CHANGE_NOUNS, CHANGE_WORDS, FILLERS, GUIDANCE_WORDS, PHRASE_ENDS } from "./words";
import { isComparison, overCompares, sameDim, type FigureIndex, type Reading } from "./figures";

export interface Hit {
  q: Quantity;
  from: number;
  to: number;
  direction: -1 | 0 | 1;
  /** The bound words before a percentage ("more than"), checked exactly by CLAIM_CHECK. */
  bound: string;
  pair: Hit | null;
  /** Joined to an earlier change ("up 30% and gold production by 24%", "19% and 4%, respectively"). */
  joined: Hit | null;
  /** For a change said in words ("more than doubled"): the percentage CLAIM_CHECK reads. */
  words?: string;
}

/** Changes said in words, as the percentage they mean. */
const MULTIPLES = new Map<string, [bigint, -1 | 1]>(
  Object.entries({ doubled: [100n, 1], tripled: [200n, 1], quadrupled: [300n, 1], halved: [50n, -1] }) as [
    string,
    [bigint, -1 | 1],
  ][],
);

const BACK_LIMIT = 4;

function changeWordBefore(tokens: Token[], f: number, amount: boolean): { at: number; dir: -1 | 0 | 1 } | null {
  let k = f - 1;
  let skipped = 0;
  while (k >= 0 && skipped <= BACK_LIMIT) {
    const t = tokens[k];
    if (t.kind !== "word") return null;
    const dir = CHANGE_WORDS.get(t.lower);
    // "more than 30%" and "above budget" are not change words right before a figure; "more" is a bound here
    if (
      dir !== undefined &&
      !(t.lower === "more" || t.lower === "less") &&
      !(amount && (t.lower === "above" || t.lower === "below"))
    )
      return { at: k, dir };
    if (!FILLERS.has(t.lower) || t.lower === "to" || (amount && (t.lower === "over" || t.lower === "on"))) return null;
    k--;
    skipped++;
  }
  return null;
}

/** A change word after the figure: "a 9% increase", "20% lower", "6.4 % above", "a 34% year-over-year increase". */
function changeWordAfter(tokens: Token[], l: number): { at: number; dir: -1 | 0 | 1 } | null {
  let k = l + 1;
  for (let n = 0; n < 6 && k < tokens.length; n++, k++) {
    const t = tokens[k];
    if (t.kind === "word") {
      const dir = CHANGE_WORDS.get(t.lower);
      if (
        dir !== undefined &&
        (CHANGE_NOUNS.has(t.lower) ||
          ["higher", "lower", "above", "below", "up", "down", "more", "less"].includes(t.lower))
      )
        return { at: k, dir };
      if (!["year", "over", "on", "quarter", "month", "annual", "quarterly", "yearly"].includes(t.lower)) return null;
    } else if (!isDash(t)) return null;
  }
  return null;
}

/** "by 15%" with its change word further back in the clause ("raising … ore purchases by 15%", "above budget by 1%"). */
function governingWord(tokens: Token[], f: number, qs: Quantity[]): { at: number; dir: -1 | 0 | 1 } | null {
  if (!isWord(tokens[f - 1], "by")) return null;
  for (let k = f - 2; k >= 0 && k >= f - 12; k--) {
    const t = tokens[k];
    if (t.kind === "punct" && /^[,;:()]$/.test(t.text)) return null;
    if (qs.some((q) => q.at === k)) return null;
    if (t.kind === "word") {
      const dir = CHANGE_WORDS.get(t.lower);
      if (dir !== undefined && t.lower !== "more" && t.lower !== "less") return { at: k, dir };
    }
  }
  return null;
}

/** Whether a percentage is a share of guidance ("about 50% of the revised production guideline"): a guidance claim, not a change. */
function shareOfGuidance(tokens: Token[], l: number): boolean {
  if (!isWord(tokens[l + 1], "of")) return false;
  for (let k = l + 2; k < tokens.length && k <= l + 8; k++)
    if (tokens[k].kind === "word" && GUIDANCE_WORDS.has(tokens[k].lower)) return true;
  return false;
}

/** The changes stated in a sentence. */
export function findChanges(r: Reading): Hit[] {
  const { tokens, qs } = r;
  const hits: Hit[] = [];
  const byQ = new Map<Quantity, Hit>();
  const add = (q: Quantity, from: number, to: number, direction: -1 | 0 | 1, bound: string): Hit => {
    const h: Hit = { q, from, to, direction, bound, pair: null, joined: null };
    hits.push(h);
    byQ.set(q, h);
    return h;
  };
  qs.forEach((q, n) => {
    if (q.tolerance) return;
    if (q.kind === "percent") {
      // a percentage range ("20-26%") is a guidance growth, read with the guidance
      if ((isDash(tokens[q.first - 1]) || isWord(tokens[q.first - 1], "to")) && tokens[q.first - 2]?.kind === "num")
        return;
      if (shareOfGuidance(tokens, q.last)) return;
      let f = q.first;
      let bound = "";
      if (isWord(tokens[f - 1], "than") && isWord(tokens[f - 2], "more", "less", "greater", "fewer")) {
        bound = `${tokens[f - 2].lower} than`;
        f -= 2;
      } else if (isWord(tokens[f - 1], "least") && isWord(tokens[f - 2], "at")) {
        bound = "at least";
        f -= 2;
      }
      const back = changeWordBefore(tokens, f, false) ?? governingWord(tokens, f, qs);
      if (back) {
        add(q, back.at, q.last, back.dir, bound);
        return;
      }
      const fwd = changeWordAfter(tokens, q.last);
      if (fwd) {
        add(q, f, fwd.at, fwd.dir, bound);
        return;
      }
      if (q.plus || (q.negative && !q.paren)) {
        add(q, q.first, q.last, q.plus ? 1 : -1, "");
        return;
      }
      if (q.negative && q.paren) {
        add(q, q.first, q.last, -1, "");
        return;
      }
      // "19% and 4%, respectively"; "… by 30% and gold production by 24%"
      const prev = qs[n - 1];
      const prevHit = prev ? byQ.get(prev) : undefined;
      // "increased 25% quarter-over-quarter and 89% year-over-year": a comparison may stand between the two
      const between = prev ? r.periodOf[prev.last + 1] : -1;
      const afterPeriod = between >= 0 && r.periods[between].to === q.first - 2;
      if (prevHit && isWord(tokens[q.first - 1], "and") && (prev.last === q.first - 2 || afterPeriod)) {
        const j = add(q, q.first, q.last, prevHit.direction, "");
        j.joined = prevHit;
        return;
      }
      if (prevHit && isWord(tokens[f - 1], "by") && q.first - prev.last <= 8) {
        const between = tokens.slice(prev.last + 1, f - 1);
        if (between.length > 0 && isWord(between[0], "and") && !between.some((t) => t.kind === "punct")) {
          const j = add(q, f - 1, q.last, prevHit.direction, bound);
          j.joined = prevHit;
          return;
        }
      }
      // "(15.4%)" and "or 31.4%" after an amount of change are taken with it below
      return;
    }
    if (q.unit.dim === "" || q.unit.dim.startsWith("count")) return;
    // "reduced by over $36 million", "up by more than 1,000 oz": a bound on the amount
    let f = q.first;
    let bound = "";
    if (isWord(tokens[f - 1], "than") && isWord(tokens[f - 2], "more", "less")) {
      bound = `${tokens[f - 2].lower} than`;
      f -= 2;
    } else if (isWord(tokens[f - 1], "over", "under") && isWord(tokens[f - 2], "by")) {
      bound = tokens[f - 1].lower === "over" ? "more than" : "less than";
      f -= 1;
    }
    const back = changeWordBefore(tokens, f, true);
    if (back) {
      add(q, back.at, q.last, back.dir, bound);
      return;
    }
    const next = tokens[q.last + 1];
    if (isWord(next, "lower", "higher", "more", "less") && isWord(tokens[q.last + 2], "than")) {
      add(q, q.first, q.last + 1, CHANGE_WORDS.get(next.lower) as -1 | 1, "");
      return;
    }
    // "the increase in volume terms at 3.89 million tonnes"
    if (isWord(tokens[q.first - 1], "at", "was", "of")) {
      for (let k = q.first - 2; k >= 0 && k >= q.first - 7; k--) {
        if (tokens[k].kind === "punct") break;
        if (isWord(tokens[k], ...CHANGE_NOUNS) && isWord(tokens[k - 1], "the")) {
          add(q, k - 1, q.last, CHANGE_WORDS.get(tokens[k].lower) ?? 0, "");
          return;
        }
      }
    }
  });
  // "more than doubled", "halved"
  tokens.forEach((t, i) => {
    const m = t.kind === "word" ? MULTIPLES.get(t.lower) : undefined;
    if (!m) return;
    let from = i;
    let bound = "";
    if (isWord(tokens[i - 1], "than") && isWord(tokens[i - 2], "more", "less")) {
      bound = `${tokens[i - 2].lower} than`;
      from = i - 2;
    } else if (isWord(tokens[i - 1], "nearly", "almost", "roughly", "about")) {
      bound = tokens[i - 1].lower;
      from = i - 1;
    }
    const [pct, dir] = m;
    const q: Quantity = {
      kind: "percent",
      start: tokens[from].start,
      end: t.end,
      at: i,
      first: from,
      last: i,
      printed: tokens
        .slice(from, i + 1)
        .map((x) => x.text)
        .join(" "),
      number: { coefficient: pct, exponent: 0 },
      decimals: 0,
      unit: { dim: "%", scale: 0, text: "%" },
      paren: false,
      negative: dir < 0,
      plus: false,
      tolerance: false,
    };
    const h = add(q, from, i, dir, bound);
    h.words = `${dir > 0 ? "up" : "down"} ${bound ? `${bound} ` : ""}${pct}%`;
  });
  // A percentage printed with an amount of change: "696 oz (15.4%)", "1,608 oz or 31.4%", "by 1% (2,929 ounces)".
  qs.forEach((q, n) => {
    if (byQ.has(q) || q.tolerance) return;
    const prev = qs[n - 1];
    const prevHit = prev ? byQ.get(prev) : undefined;
    if (!prevHit || prevHit.pair) return;
    const gap = tokens.slice(prev.last + 1, q.first).map((t) => t.lower);
    const aside =
      (gap.length === 1 && gap[0] === "(") ||
      (gap.length === 1 && gap[0] === "or") ||
      (gap.length === 2 && gap[0] === ")" && gap[1] === "(");
    const kinds = new Set([q.kind, prev.kind]);
    if (!aside || kinds.size !== 2) return;
    if (q.kind === "amount" && (q.unit.dim === "" || q.unit.dim.startsWith("count"))) return;
    const bracketed = isPunct(tokens[q.first - 1], "(") && isPunct(tokens[q.last + 1], ")");
    const h = add(q, bracketed ? q.first - 1 : q.first, bracketed ? q.last + 1 : q.last, prevHit.direction, "");
    h.pair = prevHit;
    prevHit.pair = h;
  });
  return hits.sort((a, b) => a.from - b.from);
}

/** The figures a change compares, with what the release leaves out. */
export interface Compared {
  current: Fig | null;
  prior: Fig | null;
  metric: Metric;
  currentPeriod: Resolved | null;
  priorPeriod: Resolved | null;
  /** The prior was worked out from a printed difference ("above budget by 1% (2,929 ounces)"). */
  derived: boolean;
  /** Why a figure is missing, in words. */
  missing: string | null;
  /** The comparison this claim names, and the one it shares with the changes after it. */
  comparison: PeriodMention | null;
  sharedComparison: PeriodMention | null;
  priorFromComparator: boolean;
}

interface Env {
  index: FigureIndex;
  /** Names the release gives figures for (mines, operations): a claim naming one is about it alone. */
  sites: ReadonlySet<string>;
  ctx: PeriodContext | null;
  /** A comparison said earlier in the paragraph ("Against 2016, output rose in January…"). */
  paragraphComparison: PeriodMention | null;
  paragraphPeriod: Resolved | null;
  defaultMaterial: string | null;
}

const quantityFig = (q: Quantity, r: Reading, like: Fig | null): Fig => {
  const own = r.figs[r.qs.indexOf(q)];
  if (own) return own;
  const unit = q.unit.dim === "" && like ? like.q.unit : q.unit;
  return {
    start: q.start,
    end: q.end,
    q: { ...q, unit },
    metric: like?.metric ?? { material: null, measure: null, qualifiers: [] },
    site: null,
    period: null,
    forecast: false,
    place: r.place,
    unitText: q.unit.text || like?.unitText || "",
  };
};

/** The figure quantity at token index k or right after ("(15,807 oz)", "the 58 million tons"), or null. */
function quantityAfter(r: Reading, from: number, stop: number, claims: Set<Quantity>): Quantity | null {
  for (let k = from; k < r.tokens.length && k <= stop; k++) {
    const t = r.tokens[k];
    const q = r.qs.find((x) => x.first === k || x.at === k);
    if (q) return q.kind === "amount" && !claims.has(q) && q.unit.dim !== "%" ? q : null;
    if (r.periodOf[k] >= 0) continue;
    if (t.kind === "punct" && !/^[('’"]$/.test(t.text)) return null;
    if (t.kind === "word" && PHRASE_ENDS.has(t.lower)) return null;
    if (t.kind === "word" && CHANGE_WORDS.has(t.lower) && !["more", "above", "below"].includes(t.lower)) return null;
  }
  return null;
}

/** A comparison after a comparator word: its period and its figure, if printed. */
interface Comparison {
  word: number;
  period: PeriodMention | null;
  q: Quantity | null;
}

const COMPARATORS = new Set([
  "against",
  "compared",
  "versus",
  "vs",
  "than",
  "over",
  "from",
  "on",
  "relative",
  "beside",
]);

function comparisonsIn(r: Reading, from: number, to: number, claims: Set<Quantity>): Comparison[] {
  const out: Comparison[] = [];
  const { tokens } = r;
  for (let k = Math.max(0, from); k <= to && k < tokens.length; k++) {
    const t = tokens[k];
    if (isPunct(t, ";") || isWord(t, "while", "whereas")) break;
    // a forecast is what a change is measured against only right after "above", "than", "against"…
    // ("6.4 % above the forecast of 7,500 MT", "lower than forecasted"), not in "achieving the target of"
    const isForecast =
      isWord(t, "forecast", "budget", "target", "plan", "guidance", "forecasted", "budgeted", "planned") &&
      afterComparator(tokens, k);
    const isAboveBelow = isWord(t, "above", "below") && !isWord(tokens[k - 1], "by");
    if (!(t.kind === "word" && (COMPARATORS.has(t.lower) || isForecast || isAboveBelow))) continue;
    if (t.lower === "over" && (!overCompares(tokens, k) || isWord(tokens[k - 1], "to", "by"))) continue;
    if (t.lower === "from" && fromTo(r, k, claims)) continue;
    let j = k + 1;
    if (isWord(tokens[j], "to", "with")) j++;
    let period: PeriodMention | null = null;
    // the period right after ("over Q1-2016", "compared to 2016", "over the third quarter of 2017")
    for (let m = j; m < tokens.length && m <= j + 3; m++) {
      if (r.periodOf[m] >= 0) {
        period = r.periods[r.periodOf[m]];
        break;
      }
      if (!isWord(tokens[m], "the", "a", "same", "prior", "previous")) break;
    }
    // how far the compared figure may stand: "on the 58 million tons", "from the 53.7", "against 5,865 oz in June",
    // "above the upper end of the first-half guidance range (35,000 ounces)"
    const reach = t.lower === "on" || t.lower === "from" ? 2 : isAboveBelow || isForecast ? 12 : 6;
    const q = quantityAfter(r, j, j + reach, claims);
    if (period || q) out.push({ word: k, period: period && !period.value.date ? period : null, q });
  }
  return out;
}

/** "above the upper end of the first-half guidance", "than forecasted": a comparator word earlier in the phrase. */
function afterComparator(tokens: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
    const t = tokens[j];
    if (t.kind === "punct" && t.text !== "-") return false;
    if (
      isWord(t, "above", "below", "than", "against", "versus", "vs") ||
      (isWord(t, "over") && overCompares(tokens, j))
    )
      return true;
  }
  return false;
}

/** "from A to B" starting at the token "from": the two quantities, or null. */
function fromTo(r: Reading, k: number, claims: Set<Quantity>): { prior: Quantity; current: Quantity } | null {
  const { tokens } = r;
  const a = valueAfter(r, k + 1, claims);
  if (!a) return null;
  let j = a.end + 1;
  while (j < tokens.length && j <= a.end + 4 && !isWord(tokens[j], "to")) {
    if (tokens[j].kind === "punct" && tokens[j].text !== "(" && tokens[j].text !== ")" && tokens[j].text !== "-")
      return null;
    j++;
  }
  if (!isWord(tokens[j], "to")) return null;
  const b = valueAfter(r, j + 1, claims);
  if (!b) return null;
  return { prior: a.q, current: b.q };
}

/** The quantity at i (skipping "the" and a period), or the right side of "A$1.00 = US$0.68". */
function valueAfter(r: Reading, i: number, claims: Set<Quantity>): { q: Quantity; end: number } | null {
  let k = i;
  // "the", "a" ("A$1.00" is a currency, not the article)
  while (isWord(r.tokens[k], "the") || r.tokens[k]?.text === "a") k++;
  const q = r.qs.find((x) => x.first === k);
  if (!q || q.kind !== "amount" || claims.has(q)) return null;
  if (isPunct(r.tokens[q.last + 1], "=")) {
    const right = r.qs.find((x) => x.first === q.last + 2);
    if (right && right.kind === "amount") return { q: right, end: right.last };
  }
  return { q, end: q.last };
}

/** "… to 62,500oz, from 64,300oz": the current after "to", the prior after "from" in the same clause. */
function toFrom(
  r: Reading,
  from: number,
  to: number,
  claims: Set<Quantity>,
): { prior: Quantity; current: Quantity } | null {
  const { tokens } = r;
  for (let k = from; k <= to && k < tokens.length; k++) {
    if (!isWord(tokens[k], "to")) continue;
    const c = valueAfter(r, k + 1, claims);
    if (!c) continue;
    for (let j = c.end + 1; j < tokens.length && j <= c.end + 12; j++) {
      if (isWord(tokens[j], "from")) {
        const p = valueAfter(r, j + 1, claims);
        if (p && sameDim(p.q.unit.dim || c.q.unit.dim, c.q.unit.dim || p.q.unit.dim))
          return { prior: p.q, current: c.q };
      }
      if (isPunct(tokens[j], ";", ".")) break;
    }
  }
  return null;
}

const describePeriod = (p: Resolved | null): string => (p ? periodLabel(p) : "the period compared");

function missingText(
  metric: Metric,
  which: "current" | "prior",
  period: Resolved | null,
  parts: Resolved[] | null,
): string {
  const what = metricLabel(metric) ?? "the figure";
  if (parts && parts.length > 0)
    return `${what} for ${parts.map((p) => periodLabel(p)).join(", ")} ${parts.length > 1 ? "are" : "is"} not printed`;
  if (!period)
    return which === "prior"
      ? `the release does not say what the change is measured against, or prints no figure for it`
      : `${what} is not printed for the period of the claim`;
  return `${what} for ${describePeriod(period)} is not printed`;
}

/** A figure for a metric and period: printed as such, or as the sum of its printed months. */
function lookUp(
  env: Env,
  metric: Metric,
  period: Resolved | null,
  dim: string | null,
  site: string | null,
  near: number,
): { fig: Fig | null; missing: Resolved[] } {
  if (!period || !hasMetric(metric)) return { fig: null, missing: [] };
  const direct = env.index.find(metric, period, dim, site, near);
  if (direct) return { fig: direct, missing: [] };
  if (period.last === period.first) return { fig: null, missing: [period] };
  const { parts, missing } = env.index.parts(metric, period, dim, site, near);
  if (missing.length > 0 || parts.length < 2) {
    const lacking = parts.length === 0 ? [period] : missing;
    return { fig: null, missing: lacking };
  }
  return { fig: sumFig(parts, period), missing: [] };
}

/** A figure made of printed parts (two months), exact. */
function sumFig(parts: Fig[], period: Resolved): Fig {
  const first = parts[0];
  const scale = Math.min(...parts.map((p) => p.q.number.exponent + p.q.unit.scale));
  let c = 0n;
  for (const p of parts) c += p.q.number.coefficient * 10n ** BigInt(p.q.number.exponent + p.q.unit.scale - scale);
  const q: Quantity = {
    ...first.q,
    number: { coefficient: c, exponent: scale - first.q.unit.scale },
    printed: parts.map((p) => p.q.printed).join(" + "),
  };
  return { ...first, q, period, start: first.start, end: parts[parts.length - 1].end };
}

/** The figures a change compares; `done` holds the sentence's earlier changes, whose comparison a later one may share. */
export function compare(r: Reading, h: Hit, hits: Hit[], env: Env, done: Map<Hit, Compared>): Compared {
  const { tokens } = r;
  const claims = new Set(hits.filter((x) => x.q.kind === "amount").map((x) => x.q));
  const i = hits.indexOf(h);
  const previous = i > 0 ? (done.get(hits[i - 1]) ?? null) : null;
  const prevEnd = i > 0 ? hits[i - 1].to : -1;
  const nextStart = i + 1 < hits.length ? hits[i + 1].from : tokens.length;
  const segFrom = clauseStart(tokens, h.from, prevEnd);
  let current: Quantity | null;
  let prior: Quantity | null = null;
  let comparison: PeriodMention | null = null;
  let priorFromComparator = false;

  // the metric: the claim's own words (a measure, not just a material), else the change before it in the sentence
  let metric = claimMetric(r, h, hits, segFrom, nextStart, env.defaultMaterial);
  if (metric.measure === null && previous) metric = previous.metric;

  // "from A to B" around the claim (the nearer, after it first), or "to B, from A"
  const ft =
    findFromTo(r, h.to + 1, Math.min(nextStart - 1, h.to + 14), claims) ??
    findFromTo(r, segFrom, h.from - 1, claims) ??
    toFrom(r, h.to + 1, Math.min(nextStart - 1, h.to + 4), claims);
  let compared = false;
  if (ft) {
    current = ft.current;
    prior = ft.prior;
    compared = true;
  } else {
    // a comparison: after the claim up to the next one, else before it in its clause
    const cmp = [
      // from the change word itself when it compares ("18% above the upper end of … (35,000 ounces)")
      ...comparisonsIn(r, isWord(tokens[h.to], "above", "below") ? h.to : h.to + 1, nextStart - 1, claims),
      ...comparisonsIn(r, segFrom, h.from - 1, claims).reverse(),
    ];
    const chosen = cmp.find((c) => c.q !== null) ?? cmp[0] ?? null;
    if (chosen) {
      compared = true;
      comparison = chosen.period;
      if (chosen.q) {
        prior = chosen.q;
        priorFromComparator = true;
      }
    } else {
      // "year-over-year", "a year earlier", "month-on-month" said in the sentence
      // the nearest after the change (up to the next one), else before it in its clause
      const relative = (m: PeriodMention) =>
        (m.value.relative === "prior-year" || m.value.relative === "prior-period") && !figureNear(r, m);
      const rel =
        r.periods.find((m) => relative(m) && m.from > h.to && m.from < nextStart) ??
        [...r.periods].reverse().find((m) => relative(m) && m.to < h.from && m.from >= segFrom) ??
        r.periods.find((m) => relative(m) && m.to < h.from && i === 0);
      if (rel) {
        comparison = rel;
        compared = true;
      }
    }
    // "increased 37 per cent to 2.01 million ounces": the figure right after "to" is the current
    current =
      toAfter(r, h, Math.min(nextStart, h.to + 3), claims) ??
      currentBefore(r, h, segFrom, prior, claims, metric) ??
      toAfter(r, h, nextStart, claims);
    if (current && !prior && !compared) {
      // "61.65 MT in October 2023 and 53.69 MT in October 2022, a growth of 14.83%": the later period is the current
      const other = secondBefore(r, h, segFrom, current, claims);
      if (other) {
        const pc = r.figs[r.qs.indexOf(current)]?.period;
        const po = r.figs[r.qs.indexOf(other)]?.period;
        if (pc && po && pc.last !== po.last) {
          compared = true;
          if (pc.last > po.last) prior = other;
          else {
            prior = current;
            current = other;
          }
        }
      }
    }
  }
  // "up by more than 30% and gold production by 24% as compared to 2016": the comparison after the changes joined to it
  for (let k = i + 1; !compared && k < hits.length && hits[k].joined === hits[k - 1]; k++) {
    const after = comparisonsIn(
      r,
      hits[k].to + 1,
      (k + 1 < hits.length ? hits[k + 1].from : tokens.length) - 1,
      claims,
    );
    if (after.length > 0 && after[0].period) {
      comparison = after[0].period;
      compared = true;
    }
  }
  // a change with no comparison of its own shares the one before it ("25% lower … and gold production 17% lower")
  if (!compared && previous && (previous.comparison || previous.sharedComparison))
    comparison = previous.comparison ?? previous.sharedComparison;

  let currentFig = current ? quantityFig(current, r, null) : null;
  let priorFig = prior ? quantityFig(prior, r, currentFig) : null;
  if (currentFig && current && current.unit.dim === "" && priorFig) currentFig = quantityFig(current, r, priorFig);
  if (currentFig && !hasMetric(metric)) metric = currentFig.metric;

  // the periods: the current figure's, else the nearest before the claim, else the sentence's
  let currentPeriod =
    currentFig?.period ??
    periodBefore(r, h, segFrom, r.ctx) ??
    r.main ??
    env.paragraphPeriod ??
    (h.joined ? (previous?.currentPeriod ?? null) : null) ??
    releaseQuarter(comparison, r);
  // a figure whose sentence names no period is the claim's ("… and 89% year-over-year to 3.6 million ounces")
  if (currentFig && !currentFig.period && currentPeriod) currentFig = { ...currentFig, period: currentPeriod };
  const cmpMention = comparison ?? (prior || compared ? null : env.paragraphComparison);
  let priorPeriod = priorFig?.period ?? (cmpMention ? priorOf(cmpMention.value, currentPeriod, r.ctx) : null);
  if (priorPeriod && currentPeriod && sameSpan(priorPeriod, currentPeriod) && !priorFig) priorPeriod = null;
  const site = currentFig?.site ?? siteOf(r, segFrom, h.from, env.sites);
  const dim = currentFig?.q.unit.dim || priorFig?.q.unit.dim || (h.q.kind === "amount" ? h.q.unit.dim : null) || null;
  const missing: string[] = [];
  if (!currentFig) {
    const found = lookUp(env, metric, currentPeriod, dim, site, h.q.start);
    currentFig = found.fig;
    if (!currentFig) missing.push(missingText(metric, "current", currentPeriod, found.missing));
  }
  if (currentFig && !currentPeriod) currentPeriod = currentFig.period;
  if (!priorFig) {
    if (!cmpMention && !priorPeriod) missing.push("the release does not say what the change is measured against");
    else {
      const found = lookUp(env, metric, priorPeriod, currentFig?.q.unit.dim || dim, site, h.q.start);
      priorFig = found.fig;
      if (!priorFig) missing.push(missingText(metric, "prior", priorPeriod, found.missing));
    }
  }
  // a figure printed twice, rounded in prose and exact in a table: the more precise one
  if (currentFig) currentFig = finer(env, currentFig, metric);
  if (priorFig) priorFig = finer(env, priorFig, metric);
  const out: Compared = {
    current: currentFig,
    prior: priorFig,
    metric,
    currentPeriod,
    priorPeriod,
    derived: false,
    missing: missing.length > 0 ? missing.join("; ") : null,
    comparison,
    sharedComparison: comparison ?? previous?.sharedComparison ?? null,
    priorFromComparator,
  };
  if (
    currentFig &&
    priorFig &&
    !sameDim(currentFig.q.unit.dim || priorFig.q.unit.dim, priorFig.q.unit.dim || currentFig.q.unit.dim)
  ) {
    out.prior = null;
    out.missing = "the figures compared are in different units";
  }
  done.set(h, out);
  return out;
}

/** The site a claim is about: "Macassa's reserves", "at Fosterville", or "its" after a site named earlier in the sentence. */
function siteOf(r: Reading, from: number, to: number, sites: ReadonlySet<string>): string | null {
  if (sites.size === 0) return null;
  const { tokens } = r;
  for (let k = to - 1; k >= from; k--) {
    const t = tokens[k];
    if (
      t.kind === "word" &&
      sites.has(t.text) &&
      (isPunct(tokens[k + 1], "'", "\u2019") || isWord(tokens[k - 1], "at"))
    )
      return t.text;
    if (isWord(t, "its")) {
      for (let j = k - 1; j >= 0; j--)
        if (tokens[j].kind === "word" && sites.has(tokens[j].text)) return tokens[j].text;
      return null;
    }
  }
  return null;
}

/** "quarter-over-quarter" said with no quarter named: the quarter the release reports on. */
function releaseQuarter(comparison: PeriodMention | null, r: Reading): Resolved | null {
  if (
    !comparison ||
    !r.ctx?.quarter ||
    !r.tokens.slice(comparison.from, comparison.to + 1).some((t) => isWord(t, "quarter"))
  )
    return null;
  return { first: r.ctx.quarter[0], last: r.ctx.quarter[1] };
}

/** A relative period attached to a printed figure ("54.14 million tonnes a year earlier") is that figure's, not the sentence's comparison. */
function figureNear(r: Reading, m: PeriodMention): boolean {
  return r.qs.some((q) => q.kind === "amount" && q.last < m.from && q.last >= m.from - 2);
}

/**
 * A change printed with an amount ("696 oz (15.4%)", "by 1% (2,929 ounces)"): the two share their figures;
 * when the release prints only the current figure and the difference, the percentage is checked against
 * current − difference and the difference itself cannot be checked.
 */
export function settlePairs(hits: Hit[], done: Map<Hit, Compared>): void {
  for (const h of hits) {
    const p = h.pair;
    const c = done.get(h);
    const pc = p ? done.get(p) : undefined;
    if (!p || !c || !pc) continue;
    if ((!c.current || !c.prior) && pc.current && pc.prior && !pc.derived) {
      done.set(h, { ...c, current: pc.current, prior: pc.prior, metric: pc.metric, missing: null });
    }
  }
  for (const h of hits) {
    const p = h.pair;
    const c = done.get(h);
    if (!p || !c || h.q.kind !== "percent" || p.q.kind !== "amount" || !c.current || c.prior) continue;
    if (!sameDim(p.q.unit.dim, c.current.q.unit.dim)) continue;
    const prior = derivedPrior(c.current, p.q, h.direction);
    if (!prior) continue;
    done.set(h, { ...c, prior, derived: true, missing: null });
    const pcmp = done.get(p);
    if (pcmp)
      done.set(p, {
        ...pcmp,
        current: c.current,
        prior: null,
        derived: true,
        missing: "the release prints this difference, not the figure it is measured from",
      });
  }
}

function findFromTo(
  r: Reading,
  from: number,
  to: number,
  claims: Set<Quantity>,
): { prior: Quantity; current: Quantity } | null {
  for (let k = Math.max(0, from); k <= to && k < r.tokens.length; k++) {
    if (isPunct(r.tokens[k], ";")) return null;
    if (isWord(r.tokens[k], "from")) {
      const ft = fromTo(r, k, claims);
      if (ft) return ft;
    }
  }
  return null;
}

/** Where the claim's clause starts: after the previous claim, a semicolon, or ", while". */
function clauseStart(tokens: Token[], from: number, prevEnd: number): number {
  for (let k = from - 1; k > prevEnd && k >= 0; k--) {
    if (isPunct(tokens[k], ";") || isWord(tokens[k], "while", "whereas")) return k + 1;
  }
  return Math.max(0, prevEnd + 1);
}

function isCandidate(q: Quantity, claims: Set<Quantity>, prior: Quantity | null): boolean {
  return (
    q.kind === "amount" &&
    !claims.has(q) &&
    q !== prior &&
    !q.tolerance &&
    q.unit.dim !== "" &&
    !q.unit.dim.startsWith("count") &&
    !/\/share|\/count/.test(q.unit.dim)
  );
}

/**
 * The figure the claim speaks of: the nearest before it in its clause (not in brackets when another is);
 * before the clause only when the claim names no metric of its own, or one the figure shares.
 */
function currentBefore(
  r: Reading,
  h: Hit,
  segFrom: number,
  prior: Quantity | null,
  claims: Set<Quantity>,
  metric: Metric,
): Quantity | null {
  const usable = (q: Quantity): boolean => {
    if (
      q.last >= h.from ||
      !isCandidate(q, claims, prior) ||
      (prior !== null && !sameDim(q.unit.dim, prior.unit.dim)) ||
      inRange(r, q)
    )
      return false;
    const f = r.figs[r.qs.indexOf(q)];
    // a figure of another metric is not the one a change speaks of ("revenue … US$2,124m: 20% lower ounces sold")
    if (f && f.metric.measure !== null && metric.measure !== null && !sameMetric(f.metric, metric)) return false;
    if (q.first >= segFrom) return true;
    return metric.measure === null || (f !== null && f !== undefined && sameMetric(f.metric, metric));
  };
  const before = r.qs.filter(usable);
  if (before.length === 0) return null;
  const plain = before.filter((q) => !q.paren);
  const pool = plain.length > 0 ? plain : before;
  // within the sentence; not across another claim's figures
  return pool[pool.length - 1];
}

function secondBefore(r: Reading, h: Hit, segFrom: number, current: Quantity, claims: Set<Quantity>): Quantity | null {
  const before = r.qs.filter(
    (q) =>
      q.last < h.from &&
      q !== current &&
      isCandidate(q, claims, null) &&
      sameDim(q.unit.dim, current.unit.dim) &&
      q.first >= segFrom - 40,
  );
  return before.length > 0 ? before[before.length - 1] : null;
}

/** A guidance range's figures are not actuals. */
function inRange(r: Reading, q: Quantity): boolean {
  const t = r.tokens;
  return isDash(t[q.last + 1]) && r.qs.some((x) => x.first === q.last + 2)
    ? true
    : isWord(t[q.last + 1], "to") &&
        r.qs.some((x) => x.first === q.last + 2 && x.kind === "amount") &&
        !isWord(t[q.first - 1], "from");
}

/** "increased 37 per cent to 2.01 million ounces", "up 8% in the first nine months of 2017 to $144.4 million". */
function toAfter(r: Reading, h: Hit, nextStart: number, claims: Set<Quantity>): Quantity | null {
  for (let k = h.to + 1; k < nextStart && k <= h.to + 12; k++) {
    if (r.periodOf[k] >= 0) continue;
    const t = r.tokens[k];
    if (isWord(t, "to") && !isWord(r.tokens[k - 1], "compared", "relative", "close", "equal", "similar")) {
      const v = valueAfter(r, k + 1, claims);
      return v ? v.q : null;
    }
    if (t.kind === "punct" && t.text !== "(") return null;
  }
  return null;
}

function periodBefore(r: Reading, h: Hit, segFrom: number, ctx: PeriodContext | null): Resolved | null {
  for (let k = r.periods.length - 1; k >= 0; k--) {
    const m = r.periods[k];
    if (m.to >= h.from || m.from < segFrom - 30) continue;
    if (m.value.date || isComparison(r.tokens, m)) continue;
    const p = resolve(m.value, ctx);
    if (p) return p;
  }
  return null;
}

function claimMetric(
  r: Reading,
  h: Hit,
  hits: Hit[],
  segFrom: number,
  nextStart: number,
  defaultMaterial: string | null,
): Metric {
  const { tokens } = r;
  let m = metricOf(tokens, segFrom, h.from, true);
  // "20% lower gold-equivalent ounces sold", "a 15% higher gold price received", "a 100% increase of its quarterly dividend"
  let to = h.to + 1;
  while (
    to < nextStart &&
    to < h.to + 8 &&
    !isPunct(tokens[to], ",", ";", ":", "(", ".") &&
    !(tokens[to].kind === "word" && PHRASE_ENDS.has(tokens[to].lower))
  )
    to++;
  const after = metricOf(tokens, h.to + 1, to, true);
  const wordAfter = h.to > h.q.last;
  if (after.measure !== null && (m.measure === null || wordAfter))
    m = {
      material: after.material ?? (wordAfter ? null : m.material),
      measure: after.measure,
      qualifiers: after.qualifiers,
    };
  // "silver and gold production decreased 19% and 4%, respectively"
  const chain: Hit[] = [h];
  let first = h;
  while (first.joined) {
    first = first.joined;
    chain.unshift(first);
  }
  for (let k = hits.indexOf(h) + 1; k < hits.length && hits[k].joined === chain[chain.length - 1]; k++)
    chain.push(hits[k]);
  const last = chain[chain.length - 1];
  if (chain.length > 1 && tokens.slice(last.to + 1, last.to + 4).some((t) => isWord(t, "respectively"))) {
    const from = clauseStart(tokens, first.from, -1);
    const materials = materialsOf(tokens, from, first.from);
    const whole = metricOf(tokens, from, first.from, true);
    if (materials.length === chain.length)
      m = { material: materials[chain.indexOf(h)], measure: whole.measure, qualifiers: whole.qualifiers };
  }
  if (
    m.material === null &&
    m.measure === "produced" &&
    defaultMaterial &&
    !/tonnes|tons/.test(
      tokens
        .slice(segFrom, h.from)
        .map((t) => t.lower)
        .join(" "),
    )
  )
    m.material = defaultMaterial;
  return m;
}

/** The more precise printing of the same figure (a table's 28.8 for a sentence's A$29m). */
function finer(env: Env, f: Fig, metric: Metric): Fig {
  const m = hasMetric(f.metric) && f.metric.measure !== null ? f.metric : metric;
  return env.index.finer(f, m) ?? f;
}

/** prior = current − difference (up) or + difference (down). */
function derivedPrior(current: Fig, diff: Quantity, direction: -1 | 0 | 1): Fig | null {
  if (direction === 0) return null;
  const size = diff.number.coefficient < 0n ? -diff.number.coefficient : diff.number.coefficient;
  const signed: Quantity = {
    ...diff,
    number: { coefficient: direction > 0 ? size : -size, exponent: diff.number.exponent },
  };
  const d = difference(current.q, signed);
  if (d.coefficient <= 0n) return null;
  const q: Quantity = {
    ...current.q,
    number: { coefficient: d.coefficient, exponent: d.exponent - current.q.unit.scale },
    printed: `${current.q.printed} − ${diff.printed}`,
    paren: false,
  };
  return { ...current, q, start: diff.start, end: diff.end, period: null, unitText: current.unitText };
}

/** The text CLAIM_CHECK reads for a stated percentage: its direction word, bound and signed figure. */
function statedText(h: Hit): string {
  if (h.words) return h.words;
  const q = h.q;
  const sign = q.plus ? "+" : q.negative && !q.paren ? "-" : "";
  // white space first made single: the patterns below then run in time linear in the figure's length
  const printed = q.printed.replace(/\s+/g, " ");
  const body = `${sign}${printed.replace(/^[+\-\u2212(]+|[)]+$/g, "").replace(/^[+-]/, "")}`;
  const cleaned = body
    .replace(/\s*-\s*per\s*-\s*cent/, " per cent")
    .replace(/-percent/, " percent")
    .replace(/\(|\)/g, "");
  const dir = h.direction === 1 ? "up " : h.direction === -1 ? "down " : "";
  return `${dir}${h.bound ? `${h.bound} ` : ""}${cleaned}`;
}

/** The verdict on a change from the figures found. */
export function changeVerdict(h: Hit, c: Compared): Verdict {
  if (!c.current || !c.prior)
    return { verdict: "not checkable", missing: c.missing ?? "a figure compared is not printed" };
  if (h.q.kind === "percent") return percentVerdict(statedText(h), c.current.q, c.prior.q);
  return amountVerdict(h.q, h.q.negative ? -1 : h.direction, c.current.q, c.prior.q, h.bound);
}

/** A change claim as found, for the reader's list. */
export function changeFound(r: Reading, h: Hit, c: Compared, v: Verdict, text: string): Found {
  const start = r.tokens[h.from].start;
  const end = r.tokens[h.to].end;
  return {
    kind: "change",
    start,
    end,
    place: r.place,
    stated:
      h.q.printed.replace(/^\(|\)$/g, "").trim() === ""
        ? h.q.printed
        : text.slice(h.q.start, h.q.end).replace(/^\((?=[^)]*$)/, ""),
    metric: c.metric,
    unitText: h.q.kind === "amount" ? h.q.unit.text : (c.current?.unitText ?? null),
    figures: { current: c.current, prior: c.prior },
    verdict: v.verdict,
    ...(v.missing ? { missing: v.missing } : {}),
  };
}
