/**
 * Where a stated change finds its figures in its own sentence: "from A to B", "to B, from A", "against A",
 * "(A in 2015)", the figure the clause is about, the period before it, its metric and its site.
 */
import type { Hit } from "./changeFind";
import { isComparison, overCompares, sameDim, type Reading } from "./figures";
import { materialsOf, metricOf, sameMetric, type Metric } from "./metrics";
import { resolve, type PeriodContext, type PeriodMention, type Resolved } from "./periods";
import type { Quantity } from "./quantities";
import { isDash, isPunct, isWord, type Token } from "./tokens";
import { CHANGE_WORDS, PHRASE_ENDS } from "./words";
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

export function comparisonsIn(r: Reading, from: number, to: number, claims: Set<Quantity>): Comparison[] {
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
    const q = quantityAfter(r, j, j + reach, claims) ?? relativeClauseFigure(r, j, claims);
    // "against 10,422 rakes in 2017-18": the period printed right after the compared figure
    if (!period && q) {
      for (let m = q.last + 1; m < tokens.length && m <= q.last + 3; m++) {
        if (r.periodOf[m] >= 0) {
          if (isWord(tokens[m - 1], "in", "for", "during")) period = r.periods[r.periodOf[m]];
          break;
        }
        if (tokens[m].kind !== "word") break;
      }
    }
    if (period || q) out.push({ word: k, period: period && !period.value.date ? period : null, q });
  }
  return out;
}

/**
 * "compared to the same period last year when it produced 57.57 MT", "from the previous year, which was
 * 10.12 MT": the compared figure in a clause on the period compared.
 */
function relativeClauseFigure(r: Reading, from: number, claims: Set<Quantity>): Quantity | null {
  const { tokens } = r;
  for (let k = from; k < tokens.length && k <= from + 10; k++) {
    const t = tokens[k];
    if (isWord(t, "which", "when")) return quantityAfter(r, k + 1, k + 6, claims);
    if (r.periodOf[k] >= 0 || isPunct(t, ",") || isWord(t, "the", "same", "period", "corresponding", "in", "of"))
      continue;
    return null;
  }
  return null;
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
  // "the", "a" ("A$1.00" is a currency, not the article); "to a record 1,102,290 ounces", "to a new high of …"
  while (isWord(r.tokens[k], "the") || r.tokens[k]?.text === "a") k++;
  if (isWord(r.tokens[k], "new")) k++;
  if (isWord(r.tokens[k], "record", "high")) k += isWord(r.tokens[k + 1], "of") ? 2 : 1;
  const q = r.qs.find((x) => x.first === k);
  if (!q || q.kind !== "amount" || claims.has(q)) return null;
  if (isPunct(r.tokens[q.last + 1], "=")) {
    const right = r.qs.find((x) => x.first === q.last + 2);
    if (right && right.kind === "amount") return { q: right, end: right.last };
  }
  return { q, end: q.last };
}

/** "… to 62,500oz, from 64,300oz": the current after "to", the prior after "from" in the same clause. */
export function toFrom(
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

/** The site a claim is about: "Macassa's reserves", "at Fosterville", or "its" after a site named earlier in the sentence. */
export function siteOf(r: Reading, from: number, to: number, sites: ReadonlySet<string>): string | null {
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

/** A relative period attached to a printed figure ("54.14 million tonnes a year earlier") is that figure's, not the sentence's comparison. */
export function figureNear(r: Reading, m: PeriodMention): boolean {
  return r.qs.some((q) => q.kind === "amount" && q.last < m.from && q.last >= m.from - 2);
}

export function findFromTo(
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
export function clauseStart(tokens: Token[], from: number, prevEnd: number): number {
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
    // a count only against a count of the same things ("12,372 rakes …, against 10,422 rakes")
    (!q.unit.dim.startsWith("count") || (prior !== null && q.unit.dim === prior.unit.dim)) &&
    !/\/share|\/count/.test(q.unit.dim)
  );
}

/** Words that say "more than" as a bound, not as a comparison ("more than 100,000 ounces"). */
const BOUND_BEFORE_THAN = ["more", "less", "fewer", "greater", "over", "under", "rather"];

/**
 * A figure another comparison compares with ("higher than the 116,183 ounces of Q1", "than in Q1 (111,365
 * ounces)", "compared to 92,803 ounces"): never the figure a later change in the sentence speaks of.
 */
export function comparedByAnother(r: Reading, q: Quantity): boolean {
  const { tokens } = r;
  for (let k = q.first - 1; k >= 0 && k >= q.first - 5; k--) {
    const t = tokens[k];
    if (isPunct(t, ".", ";", ",")) return false;
    if (isWord(t, "than")) return !isWord(tokens[k - 1], ...BOUND_BEFORE_THAN);
    if (isWord(t, "versus", "vs", "against", "compared")) return true;
  }
  return false;
}

/**
 * The figure the claim speaks of: the nearest before it in its clause (not in brackets when another is);
 * before the clause only when the claim names no metric of its own, or one the figure shares.
 */
export function currentBefore(
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
    if (comparedByAnother(r, q)) return false;
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

export function secondBefore(
  r: Reading,
  h: Hit,
  segFrom: number,
  current: Quantity,
  claims: Set<Quantity>,
): Quantity | null {
  const before = r.qs.filter(
    (q) =>
      q.last < h.from &&
      q !== current &&
      isCandidate(q, claims, null) &&
      !comparedByAnother(r, q) &&
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
export function toAfter(r: Reading, h: Hit, nextStart: number, claims: Set<Quantity>, words = 12): Quantity | null {
  let counted = 0;
  for (let k = h.to + 1; k < nextStart && counted < words; k++) {
    // "66% year-on-year to 432,410 ounces": a comparison between the change and its figure is not counted
    if (r.periodOf[k] >= 0) continue;
    counted++;
    const t = r.tokens[k];
    // "to 2.01 million ounces"; "12.3% higher at 9.61 MT": the level reached
    const at = isWord(t, "at") && k === h.to + 1 && !isWord(r.tokens[k + 1], "least");
    if ((isWord(t, "to") && !isWord(r.tokens[k - 1], "compared", "relative", "close", "equal", "similar")) || at) {
      const v = valueAfter(r, k + 1, claims);
      return v ? v.q : null;
    }
    if (t.kind === "punct" && t.text !== "(") return null;
  }
  return null;
}

export function periodBefore(r: Reading, h: Hit, segFrom: number, ctx: PeriodContext | null): Resolved | null {
  for (let k = r.periods.length - 1; k >= 0; k--) {
    const m = r.periods[k];
    if (m.to >= h.from || m.from < segFrom - 30) continue;
    if (m.value.date || isComparison(r.tokens, m, r.qs)) continue;
    const p = resolve(m.value, ctx);
    if (p) return p;
  }
  return null;
}

export function claimMetric(
  r: Reading,
  h: Hit,
  hits: Hit[],
  segFrom: number,
  nextStart: number,
  defaultMaterial: string | null,
): Metric {
  const { tokens } = r;
  // the clause before the claim, and the claim's own words before its figure ("the growth in sales was 11.8%")
  let m = metricOf(tokens, segFrom, Math.max(h.from, Math.min(h.q.first, h.to)), true);
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
