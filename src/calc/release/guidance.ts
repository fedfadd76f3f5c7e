/**
 * Guidance in a release: a range ("88-92,000 ounces", "between 145,000 and 155,000 ounces",
 * "5.3-million to 5.5-million ounces", "$440 - $470", "430,000 ounces (+/- 7%)") read by calc's
 * guidance reader, and what the release says of it: the growth it implies ("a 20-26% increase as
 * compared to 2016"), an actual measured against it ("beating", "in line with", "slightly below"),
 * a revision ("raised … from the previous guidance of …"), a share of it ("about 50% of the guideline").
 * A range with nothing said of it is a forecast the release cannot confirm: not checkable.
 */
import { decimalOfNumber } from "../number";
import { CalcError } from "../errors";
import { parseGuidance, type GuidanceRange } from "../guidance";
import type { Hit } from "./changeFind";
import { sameDim, type Reading } from "./figures";
import { metricOf, metricLabel, type Metric } from "./metrics";
import type { Fig, Found } from "./model";
import { priorOf, resolve, type Resolved } from "./periods";
import type { Quantity } from "./quantities";
import type { Env } from "./read";
import { isDash, isPunct, isWord, type Token } from "./tokens";
import { againstMidpoint, compareQuantities, formatDecimal, rangeGrowthVerdict, type Verdict } from "./verdicts";
import { rivalDoubt, seriesDoubt, unlessDoubted } from "./trust";
import { boundBefore, CHANGE_NOUNS, CHANGE_WORDS, GUIDANCE_WORDS, MULTIPLES } from "./words";
import { makeMonth } from "../months";

interface Range {
  low: Quantity;
  high: Quantity;
  /** Token indices of the range's first and last tokens. */
  from: number;
  to: number;
  text: string;
}

const FORECAST_HEADING = /\b(outlook|guidance|forecast|targets?)\b/i;

/** The guidance reader's low or high as a quantity in the printed scale ("5.3" of "5.3-million to 5.5-million ounces"). */
function quantityOf(value: number, like: Quantity): Quantity | null {
  let d;
  try {
    d = decimalOfNumber(value);
  } catch (e) {
    if (e instanceof CalcError) return null;
    throw e;
  }
  const number = { coefficient: d.coefficient, exponent: d.exponent - like.unit.scale };
  const printed = formatDecimal(number);
  return { ...like, number, printed: `${like.printed.match(/^\D*/)?.[0] ?? ""}${printed}` };
}

/** How a range is written for calc's guidance reader: "5.32-million" as "5.32 million", "385,000-to-425,000" with spaces. */
function normalised(body: string): string {
  return body
    .replace(/(\d)-(million|billion|thousand)/gi, "$1 $2")
    .replace(/(\S)-to-(\S)/gi, "$1 to $2")
    .split(/[\u2013\u2014]/)
    .map((x) => x.trim())
    .join(" - ");
}

/**
 * The range from token `from` to `to`, read by calc's guidance reader; when that fails, with up to three more
 * words ("5.1M-5.6M oz", "1,600 kilo ounces (koz) and 1,750 koz"): the shortest reading it accepts, or why none.
 */
function readRange(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
): { range: GuidanceRange; to: number } | CalcError {
  let why: CalcError | null = null;
  for (let end = to; end < tokens.length && end <= to + 3; end++) {
    if (end > to && (tokens[end].kind === "num" || isPunct(tokens[end], ",", ";", ":", "."))) break;
    try {
      return { range: parseGuidance(normalised(text.slice(tokens[from].start, tokens[end].end))), to: end };
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
      why = why ?? e;
    }
  }
  return why ?? new CalcError("value", "not a range");
}

/** The ranges of a sentence: two figures joined by a dash, "to", or "between … and". */
function rangesOf(r: Reading, text: string, env: Env): Range[] {
  const { tokens, qs } = r;
  const out: Range[] = [];
  for (let k = 0; k + 1 < qs.length; k++) {
    const a = qs[k];
    const b = qs[k + 1];
    if (a.kind !== "amount" || b.kind !== "amount" || b.first > a.last + 7) continue;
    if (a.unit.dim.startsWith("count") || b.unit.dim.startsWith("count")) continue;
    // two figures joined by a dash, "to", or "and" after "between", with at most unit words between them
    const gap = tokens.slice(a.last + 1, b.first);
    const between = isWord(tokens[a.first - 1], "between");
    const joined = gap.some((t) => isDash(t) || isWord(t, "to") || (isWord(t, "and") && between));
    if (!joined || gap.some((t) => t.kind === "num" || isPunct(t, ",", ";", ".", ":"))) continue;
    // "from 1.207Moz to 0.961Moz" is a change; "a range from 165,000 to 170,000" a range
    // ("… to 155,000 – 165,000 tonnes from 130,000 – 150,000 tonnes": a dash joins the ends of a range)
    if (isWord(tokens[a.first - 1], "from") && !isWord(tokens[a.first - 2], "range") && !gap.some((t) => isDash(t)))
      continue;
    // "between X and Y" is read with its "between"; "between X to Y" as "X to Y"
    const start = between && gap.some((t) => isWord(t, "and")) ? a.first - 1 : a.first;
    const read = readRange(text, tokens, start, b.last);
    if (read instanceof CalcError) {
      env.notRead.push({
        text: text.slice(tokens[start].start, b.end),
        start: tokens[start].start,
        end: b.end,
        why: read.message,
      });
      continue;
    }
    const lowQ = quantityOf(read.range.low, b);
    // the low end stands where it is printed ("88" of "88-92,000"), whatever it borrows from the high end
    const low = lowQ && { ...lowQ, start: a.start, end: a.end, first: a.first, at: a.at, last: a.last };
    const high = quantityOf(read.range.high, b);
    if (low && high)
      out.push({ low, high, from: start, to: read.to, text: text.slice(tokens[start].start, tokens[read.to].end) });
    k++;
  }
  // "430,000 ounces (+/- 7%)": a figure and its tolerance
  for (let k = 0; k + 1 < qs.length; k++) {
    const a = qs[k];
    const t = qs[k + 1];
    if (a.kind !== "amount" || t.kind !== "percent" || !t.tolerance || t.first > a.last + 4) continue;
    const base = a.number;
    // low = a × (100 − p) / 100 exactly, as decimals
    const p = t.number;
    const scaleUp = (x: bigint, e: number, y: bigint, f: number): { coefficient: bigint; exponent: number } => ({
      coefficient: x * y,
      exponent: e + f,
    });
    const hundred = 100n * 10n ** BigInt(-p.exponent);
    const lowD = scaleUp(base.coefficient, base.exponent - 2, hundred - p.coefficient, p.exponent);
    const highD = scaleUp(base.coefficient, base.exponent - 2, hundred + p.coefficient, p.exponent);
    const end = tokens[t.last + 1] && isPunct(tokens[t.last + 1], ")") ? t.last + 1 : t.last;
    out.push({
      low: { ...a, number: lowD, printed: `${a.printed} − ${t.printed}` },
      high: { ...a, number: highD, printed: `${a.printed} + ${t.printed}` },
      from: a.first,
      to: end,
      text: text.slice(a.start, tokens[end].end),
    });
  }
  return out.sort((x, y) => x.from - y.from);
}

/** Words before a guidance figure that bound or round it, as calc's guidance reader reads them. */
const QUALIFIER_WORDS = new Set([
  "approximately",
  "around",
  "about",
  "roughly",
  "some",
  "c",
  "circa",
  "over",
  "more",
  "than",
  "at",
  "least",
  "up",
  "to",
  "just",
  "in",
  "excess",
  "of",
  "close",
]);

/**
 * One figure given as guidance ("guidance of approximately 22,500 ounces", "expects 2019 production of around
 * 640,000 ounces"): right after a guidance word, with at most a few words between; not a figure a change is
 * measured against ("above the forecast of 7,500 MT").
 */
function singlesOf(r: Reading, text: string, env: Env, ranges: Range[]): Range[] {
  const { tokens, qs } = r;
  const out: Range[] = [];
  const inRange = (q: Quantity): boolean => ranges.some((x) => q.first >= x.from && q.last <= x.to);
  tokens.forEach((t, g) => {
    if (t.kind !== "word" || !GUIDANCE_WORDS.has(t.lower)) return;
    if (
      tokens
        .slice(Math.max(0, g - 3), g)
        .some((x) => isWord(x, "above", "below", "than", "against", "versus", "over", "compared"))
    )
      return;
    let k = g + 1;
    while (k < tokens.length && k <= g + 6 && !qs.some((q) => q.first === k)) {
      const x = tokens[k];
      if (x.kind === "punct" && x.text !== "-" && x.text !== ".") return;
      if (x.kind === "num" && r.periodOf[k] < 0) return;
      k++;
    }
    const q = qs.find((x) => x.first === k);
    // a figure of production, money or cost per unit, not a count or an amount per share
    if (
      !q ||
      q.kind !== "amount" ||
      q.tolerance ||
      inRange(q) ||
      !/^(oz|t|lb|MT|tpd|money:[^/]*(\/(oz|t|lb))?)$/.test(q.unit.dim)
    )
      return;
    // the qualifier right before it ("approximately", "just over", "at least", "up to")
    let from = k;
    while (from > g + 1 && QUALIFIER_WORDS.has(tokens[from - 1].lower)) from--;
    while (from < k && isWord(tokens[from], "of", "to", "at", "in") && !isWord(tokens[from + 1], "least", "excess"))
      from++;
    const read = readRange(text, tokens, from, q.last);
    if (read instanceof CalcError) return;
    const low = quantityOf(read.range.low, q);
    const high = quantityOf(read.range.high, q);
    if (low && high)
      out.push({ low, high, from, to: read.to, text: text.slice(tokens[from].start, tokens[read.to].end) });
  });
  return out;
}

type Relation = "above" | "within" | "below" | "at or below low" | "at or above high";

/** The words before a guidance phrase that measure an actual against it. */
function relationBefore(tokens: Token[], at: number): { relation: Relation; from: number } | null {
  const words: string[] = [];
  for (let k = at - 1; k >= 0 && k >= at - 12; k--) {
    const t = tokens[k];
    // "the Company's guidance": an apostrophe does not end the phrase
    if (t.kind === "punct" && t.text !== "-" && !/^['’]$/.test(t.text)) break;
    if (t.kind === "word") words.unshift(t.lower);
    const phrase = words.join(" ");
    if (/^at or below the lower end of\b/.test(phrase)) return { relation: "at or below low", from: k };
    if (/^at or above the (upper|top|high) end of\b/.test(phrase)) return { relation: "at or above high", from: k };
    if (/^(?:slightly |well |just )?(below|short of|under|missing|missed)\b/.test(phrase))
      return { relation: "below", from: k };
    if (
      /^(?:slightly |well |just )?(beating|beat|beats|exceeding|exceeded|exceeds|above|ahead of|surpassing|surpassed|surpasses|outperforming|went past|gone past|going past)\b/.test(
        phrase,
      )
    )
      return { relation: "above", from: k };
    if (/^(?:(?:largely|broadly|fully) )?(in line with|within|met|meeting|achieved|achieving)\b/.test(phrase))
      return { relation: "within", from: k };
  }
  return null;
}

/** The guidance word a range stands after ("guidance of", "targeting", "forecast at", "guidance ranges of"). */
function guidanceWordBefore(tokens: Token[], at: number): number {
  for (let k = at - 1; k >= 0 && k >= at - 10; k--) {
    const t = tokens[k];
    if (t.kind === "word" && GUIDANCE_WORDS.has(t.lower)) return k;
    if (t.kind === "punct" && /^[;.]$/.test(t.text)) break;
  }
  return -1;
}

const REVISIONS = new Map<string, "up" | "down" | "narrow">(
  Object.entries({
    raised: "up",
    raises: "up",
    increased: "up",
    raising: "up",
    lowered: "down",
    reduced: "down",
    cut: "down",
    lowers: "down",
    narrowed: "narrow",
    tightened: "narrow",
  }),
);

function rangeFig(q: Quantity, r: Reading, period: Resolved | null, metric: Metric): Fig {
  return {
    start: q.start,
    end: q.end,
    q,
    metric,
    site: null,
    period,
    forecast: true,
    place: r.place,
    unitText: q.unit.text,
  };
}

/** The period a range is for: printed with it ("in 2017", "for 2018"), in its sentence, or the release's year ("annual"). */
function guidancePeriod(r: Reading, range: Range, env: Env): Resolved | null {
  let best: Resolved | null = null;
  let bestGap = Infinity;
  for (const m of r.periods) {
    if (m.value.date || m.value.relative) continue;
    // "(revised upwards in August)": when the guidance was changed, not the period it is for
    if (
      r.tokens.slice(Math.max(0, m.from - 4), m.from).some((t) => t.kind === "word" && /^revis|^upward/.test(t.lower))
    )
      continue;
    const p = resolve(m.value, env.ctx);
    if (!p) continue;
    const gap = m.from > range.to ? m.from - range.to : range.from - m.to;
    if (gap < bestGap && !(m.from > range.to && gap > 6)) {
      best = p;
      bestGap = gap;
    }
  }
  if (best) return best;
  if (env.ctx) {
    const y = Math.floor(env.ctx.month / 12);
    return { first: makeMonth(y, 1), last: makeMonth(y, 12) };
  }
  return null;
}

/** The ranges a release has given so far, with their metric and period: what a later "midpoint of guidance" means. */
const printedRanges = new WeakMap<
  Env,
  { metric: Metric; period: Resolved | null; range: Range; beside: Fig | null }[]
>();

const POSITION = /^(?:above|below|at) the midpoint\b|^(?:on|at) the (?:upper|lower|top|high|low|bottom) end of\b/;

/** Claims of rangeless relations: dropped where another reading of the same words gives a guidance claim. */
const rangelessClaims = new WeakSet<Found>();
export const isRangeless = (f: Found): boolean => rangelessClaims.has(f);

/** Rangeless relations waiting for every range of the release to be read. */
const waiting = new WeakMap<
  Env,
  {
    found: Found;
    r: Reading;
    from: number;
    end: number;
    relation: Relation | "above midpoint" | "below midpoint" | null;
    period: Resolved | null;
  }[]
>();

/**
 * "Candelaria achieved guidance", "on the upper end of zinc guidance", "above the midpoint of guidance": an actual
 * measured against a guidance the sentence prints no range for. Listed not checkable; `settleRangeless` checks it
 * once the whole release is read.
 */
function rangeless(r: Reading, env: Env, ranges: Range[], found: Found[]): void {
  const { tokens } = r;
  tokens.forEach((t, g) => {
    if (t.kind !== "word" || t.lower !== "guidance") return;
    const rel = positionBefore(tokens, g) ?? relationBefore(tokens, g);
    // "meeting or exceeding guidance", "at or below cost guidance": two relations offered, none stated
    if (
      !rel ||
      isWord(tokens[rel.from - 1], "or") ||
      /^at or /.test(
        tokens
          .slice(rel.from, g)
          .map((t) => t.lower)
          .join(" "),
      )
    )
      return;
    // a range or a figure between the relation and a few words after the guidance word is read with it
    if (ranges.some((x) => x.to >= rel.from && x.from <= g + 6)) return;
    let end = g;
    if (isWord(tokens[g + 1], "range", "ranges")) end = g + 1;
    // "… guidance range (35,000 ounces)", "… guidance at 59,268 oz": a figure right after it says what is meant
    if (
      r.qs.some(
        (q) =>
          q.kind === "amount" &&
          q.first > end &&
          q.first <= end + 3 &&
          (isPunct(tokens[q.first - 1], "(") || isWord(tokens[q.first - 1], "at", "of", "to")),
      )
    )
      return;
    const metric = metricOf(tokens, Math.max(0, rel.from - 8), end + 4);
    const named = r.periods.filter((m) => !m.value.date && m.from >= rel.from - 8 && m.to <= end);
    const period = named.length === 1 ? resolve(named[0].value, env.ctx) : null;
    const claim: Found = {
      kind: "guidance",
      start: tokens[rel.from].start,
      end: tokens[end].end,
      place: r.place,
      stated: env.text.slice(tokens[rel.from].start, tokens[end].end),
      metric,
      unitText: null,
      figures: { current: null, low: null, high: null },
      verdict: "not checkable",
      missing: "the guidance range it is measured against is not printed with it",
    };
    found.push(claim);
    rangelessClaims.add(claim);
    const list = waiting.get(env) ?? [];
    list.push({ found: claim, r, from: rel.from, end, relation: rel.relation, period });
    waiting.set(env, list);
  });
}

/**
 * Checks each rangeless relation against the one range of the release for its metric (and its period, when it names
 * one) whose actual is printed. Only a relation that holds is reported so: a range read from elsewhere may not be
 * the guidance meant, so a figure outside it is no flag.
 */
export function settleRangeless(env: Env): void {
  const all = printedRanges.get(env) ?? [];
  for (const w of waiting.get(env) ?? []) {
    if (w.relation === null) continue;
    const rel = w.relation;
    // the metric named around the relation; failing a range for it, the one its own words name ("surpasses the
    // upper range of its production guidance" after a company name holding a metal's word)
    const own = metricOf(w.r.tokens, w.from, w.end + 1);
    const candidatesFor = (m: Metric) =>
      all
        .filter(
          (x) =>
            x.metric.measure === m.measure &&
            (m.material === null || x.metric.material === null || x.metric.material === m.material) &&
            (w.period === null || (x.period !== null && sameSpan(x.period, w.period))),
        )
        .map((x) => ({
          x,
          actual:
            actualBefore(w.r, w.from, x.range) ?? (x.period ? actualElsewhere(env, x.metric, x.period, x.range) : null),
        }))
        .filter((c) => c.actual !== null);
    const m = w.found.metric;
    let candidates = m && m.measure !== null ? candidatesFor(m) : [];
    if (candidates.length === 0 && own.measure !== null) candidates = candidatesFor(own);
    // the same range printed twice (a summary repeated below) is one range
    const distinct = new Set(
      candidates.map((c) => `${c.x.range.text}|${c.x.period?.first}|${c.x.period?.last}|${c.actual?.q.printed}`),
    );
    if (distinct.size !== 1) continue;
    const { x, actual } = candidates[0];
    if (!actual || relationVerdict(rel, actual.q, x.range).verdict !== "consistent") continue;
    w.found.verdict = "consistent";
    delete w.found.missing;
    w.found.figures = {
      current: actual,
      low: rangeFig(x.range.low, w.r, x.period, x.metric),
      high: rangeFig(x.range.high, w.r, x.period, x.metric),
    };
  }
}

const sameSpan = (a: Resolved, b: Resolved): boolean => a.first === b.first && a.last === b.last;

/** "above the midpoint of", "on the upper end of": where an actual stands in a range; only "above/below the midpoint" is checked. */
function positionBefore(
  tokens: Token[],
  at: number,
): { relation: Relation | "above midpoint" | "below midpoint" | null; from: number } | null {
  const words: string[] = [];
  for (let k = at - 1; k >= 0 && k >= at - 12; k--) {
    const t = tokens[k];
    if (t.kind === "punct" && !/^['’]$/.test(t.text)) break;
    if (t.kind === "word") words.unshift(t.lower);
    const phrase = words.join(" ");
    if (POSITION.test(phrase)) {
      const m = /^(above|below) the midpoint\b/.exec(phrase);
      return { relation: m ? (m[1] === "above" ? "above midpoint" : "below midpoint") : null, from: k };
    }
  }
  return null;
}

export function findGuidance(r: Reading, env: Env, hits: Hit[]): { found: Found[]; usedHits: Hit[] } {
  const { tokens } = r;
  const found: Found[] = [];
  const used: Hit[] = [];
  const inHeading = FORECAST_HEADING.test(r.heading);
  const hasWord = tokens.some((t) => t.kind === "word" && GUIDANCE_WORDS.has(t.lower));
  if (!hasWord && !inHeading) return { found, usedHits: used };
  const text = env.text;
  const ranges = rangesOf(r, text, env);
  const taken = new Set<Range>();
  const usedWords = new Set<number>();

  // a share of guidance: "about 50% of the revised production guideline for the second half of 2019"
  for (const q of r.qs) {
    if (q.kind !== "percent" || !isWord(tokens[q.last + 1], "of")) continue;
    let g = -1;
    for (let k = q.last + 2; k < tokens.length && k <= q.last + 8; k++)
      if (tokens[k].kind === "word" && GUIDANCE_WORDS.has(tokens[k].lower)) g = k;
    if (g < 0) continue;
    let end = g;
    while (end + 1 < tokens.length && !isPunct(tokens[end + 1], ",", ";", ".", "(")) end++;
    let from = q.first;
    if (isWord(tokens[from - 1], "about", "approximately", "around", "some", "nearly")) from--;
    found.push({
      kind: "guidance",
      start: tokens[from].start,
      end: tokens[end].end,
      place: r.place,
      stated: text.slice(tokens[from].start, q.end),
      metric: metricOf(tokens, q.last + 1, end + 1),
      unitText: null,
      figures: { current: null, low: null, high: null },
      verdict: "not checkable",
      missing: "the guidance range it is a share of is not printed",
    });
  }
  ranges.push(...singlesOf(r, text, env, ranges));
  ranges.sort((x, y) => x.from - y.from);
  rangeless(r, env, ranges, found);
  if (ranges.length === 0) return { found, usedHits: used };

  // ranges the sentence compares in a way the reader does not model: listed as not read, never guessed
  const sentenceText = text.slice(tokens[0].start, tokens[tokens.length - 1].end).toLowerCase();
  const unmodelled =
    /\b(low|lower|top|upper|high) end\b/.test(sentenceText) &&
    !/at or (below|above) the (lower|upper|top|high) end/.test(sentenceText);
  if (unmodelled) {
    env.notRead.push({
      text: text.slice(tokens[0].start, tokens[tokens.length - 1].end),
      start: tokens[0].start,
      end: tokens[tokens.length - 1].end,
      why: "a guidance range compared in words the reader does not check (an end of a range against another figure)",
    });
    return { found, usedHits: hits.filter((h) => h.q.kind === "percent") };
  }

  for (let n = 0; n < ranges.length; n++) {
    const range = ranges[n];
    if (taken.has(range)) continue;
    taken.add(range);
    const gw = guidanceWordBefore(tokens, range.from);
    if (gw < 0 && !inHeading && !guidanceRangeAfter(tokens, range.to)) continue;
    const anchor = gw >= 0 ? gw : range.from;
    // "ranges of $450 – $475 and $740 - $790 respectively": one claim over the listed ranges
    // ("6.5 - 7.0 million silver ounces and 110,000 - 120,000 gold ounces" are two forecasts)
    let last = range;
    const listed = (k: number): boolean =>
      isWord(tokens[anchor], "ranges") || tokens.slice(k + 1, k + 4).some((t) => isWord(t, "respectively"));
    while (
      n + 1 < ranges.length &&
      isWord(tokens[last.to + 1], "and") &&
      ranges[n + 1].from === last.to + 2 &&
      listed(ranges[n + 1].to)
    ) {
      last = ranges[++n];
      taken.add(last);
    }
    const metricFrom = Math.max(0, anchor - 6);
    let metric = metricOf(tokens, metricFrom, last.to + 4);
    // a target in ounces or tonnes with no measure named is one of production ("targeting 88-92,000 ounces")
    if (metric.measure === null && /^(oz|t|lb|MT)$/.test(range.high.unit.dim))
      metric = { ...metric, measure: "produced" };
    if (metric.material === null && range.high.unit.dim === "oz" && env.defaultMaterial)
      metric = { ...metric, material: env.defaultMaterial };
    const period = guidancePeriod(r, range, env);
    if (range.low !== range.high) {
      const list = printedRanges.get(env) ?? [];
      // "AISC of A$924 per ounce (Guidance: A$850 - A$900/oz)": the actual printed right before it
      const beside =
        range.from >= 2 && isPunct(tokens[range.from - 1], ":", "(") ? actualBefore(r, range.from, range) : null;
      list.push({ metric, period, range, beside });
      printedRanges.set(env, list);
    }
    const figures: Found["figures"] = {
      low: rangeFig(range.low, r, period, metric),
      high: rangeFig(range.high, r, period, metric),
    };
    const stated = text.slice(tokens[range.from].start, tokens[last.to].end);
    const claim = (
      start: number,
      end: number,
      v: Verdict,
      extra: Found["figures"],
      statedText = stated,
      checkedAs?: string,
    ): void => {
      usedWords.add(gw);
      found.push({
        kind: "guidance",
        start: tokens[start].start,
        end: tokens[end].end,
        place: r.place,
        stated: statedText,
        metric,
        unitText: range.high.unit.text || null,
        figures: { ...figures, ...extra },
        verdict: v.verdict,
        ...(v.missing ? { missing: v.missing } : {}),
        ...(checkedAs ? { checkedAs } : {}),
      });
    };

    // the growth it implies: "a 20-26% increase as compared to 2016", "a 20% increase from the previous calendar year"
    const growth = growthAfter(r, last.to, hits);
    if (growth) {
      used.push(...growth.hits);
      const base = baseFor(r, growth, period, metric, range, env);
      const v: Verdict = base.fig
        ? unlessDoubted(
            rangeGrowthVerdict(growth.stated, range.low, range.high, base.fig.q, growth.single),
            base.doubts ?? [],
          )
        : { verdict: "not checkable", missing: base.missing };
      claim(growth.from, growth.to, v, { base: base.fig }, growth.stated, growth.stated);
      continue;
    }
    // a multiple said before the range: "more than double annual production, reaching between … in 2024"
    const multiple = multipleBefore(tokens, range.from);
    if (multiple && last === range) {
      const base = baseFor(r, multiple, period, metric, range, env);
      const v: Verdict = base.fig
        ? unlessDoubted(
            rangeGrowthVerdict(multiple.checked, range.low, range.high, base.fig.q, true),
            base.doubts ?? [],
          )
        : { verdict: "not checkable", missing: base.missing };
      claim(multiple.from, last.to, v, { base: base.fig }, multiple.stated, multiple.checked);
      continue;
    }
    // a revision: "raised its guidance to … from the previous guidance of …"
    // the verb before the guidance word, or between it and the range ("guidance for 2024 has increased to … from …")
    const verbAt = revisionAt(tokens, anchor, anchor - 6) ?? revisionAt(tokens, range.from - 1, anchor + 1);
    const revision = verbAt === null ? null : revisionOf(tokens, verbAt);
    const previous = revision ? ranges[n + 1] : undefined;
    // the earlier range is of the same quantity: a gold range in ounces never revises a copper range in tonnes
    if (revision && previous && previous.from > last.to && sameUnit(previous, range)) {
      taken.add(previous);
      n++;
      const v = revisionVerdict(revision, range, previous);
      claim(Math.min(verbAt as number, revisionStart(tokens, anchor)), previous.to, v, {
        previousLow: rangeFig(previous.low, r, period, metric),
        previousHigh: rangeFig(previous.high, r, period, metric),
      });
      continue;
    }
    // an actual against it: "beating improved guidance of …", "slightly below the adjusted guidance of …"
    const rel = relationBefore(tokens, anchor);
    if (rel) {
      // "Full year 2022 production went past … guidance of …": the actual printed elsewhere for the metric and period
      const own = actualBefore(r, rel.from, range) ?? (period ? actualElsewhere(env, metric, period, range) : null);
      // the same range printed earlier beside its actual: that actual, though only a relation that holds is said so
      const earlier = own ? null : besideSame(env, range);
      const actual = own ?? earlier;
      let v: Verdict = actual
        ? relationVerdict(rel.relation, actual.q, range)
        : { verdict: "not checkable", missing: "the actual figure compared with the guidance is not printed" };
      if (earlier && v.verdict !== "consistent")
        v = {
          verdict: "not checkable",
          missing: "the actual is the one printed beside the same range earlier, which may not be the one meant",
        };
      claim(rel.from, last.to, v, { current: actual });
      continue;
    }
    // a forecast: the release cannot confirm it; last year's actual, when printed, is given with it
    const base =
      period && period.last - period.first === 11
        ? env.index.find(
            metric,
            { first: period.first - 12, last: period.last - 12 },
            range.high.unit.dim,
            null,
            range.low.start,
          )
        : null;
    claim(
      // a second range after the same guidance words starts where it is printed
      gw >= 0 && gw < range.from && !usedWords.has(gw) ? guidanceStart(tokens, gw) : range.from,
      last.to,
      {
        verdict: "not checkable",
        missing: "a forecast: the release cannot confirm it",
      },
      base ? { base } : {},
    );
  }
  return { found, usedHits: used };
}

/** The actual printed beside the same range earlier in the release, when one range of those ends has one. */
function besideSame(env: Env, range: Range): Fig | null {
  const same = (printedRanges.get(env) ?? []).filter(
    (x) =>
      x.beside !== null &&
      x.range !== range &&
      sameDim(x.range.high.unit.dim, range.high.unit.dim) &&
      compareQuantities(x.range.low, range.low) === 0 &&
      compareQuantities(x.range.high, range.high) === 0,
  );
  const values = new Set(same.map((x) => x.beside?.q.printed));
  return values.size === 1 ? same[0].beside : null;
}

/** "A$850 - A$900 per ounce guidance range": the range named by "guidance range" right after it and its unit. */
function guidanceRangeAfter(tokens: Token[], to: number): boolean {
  for (let k = to + 1; k < tokens.length && k <= to + 4; k++) {
    const t = tokens[k];
    if (t.kind !== "word") return false;
    if (t.lower === "guidance") return isWord(tokens[k + 1], "range", "ranges");
  }
  return false;
}

function guidanceStart(tokens: Token[], gw: number): number {
  let k = gw;
  // "annual production guidance of", "production guidance for 2018 is"
  while (
    k > 0 &&
    tokens[k - 1].kind === "word" &&
    /^(annual|production|sales|gold|silver|copper|full|year|cost|improved|increased|revised|adjusted|original|its)$/.test(
      tokens[k - 1].lower,
    )
  )
    k--;
  return k;
}

const sameUnit = (a: Range, b: Range): boolean =>
  a.high.unit.dim === b.high.unit.dim && a.high.unit.scale === b.high.unit.scale;

/** The nearest revision verb from `from` back to `to`, or null. */
function revisionAt(tokens: Token[], from: number, to: number): number | null {
  for (let k = from; k >= 0 && k >= to; k--) if (tokens[k].kind === "word" && REVISIONS.has(tokens[k].lower)) return k;
  return null;
}

function revisionOf(tokens: Token[], anchor: number): "up" | "down" | "narrow" | null {
  for (let k = anchor; k >= 0 && k >= anchor - 6; k--) {
    const t = tokens[k];
    if (t.kind === "word" && REVISIONS.has(t.lower)) {
      // "the increased guidance of" describes the range; "raised its guidance to" revises it
      if (isWord(tokens[k - 1], "the", "its", "an", "improved")) return null;
      return REVISIONS.get(t.lower) as "up" | "down" | "narrow";
    }
  }
  return null;
}

function revisionStart(tokens: Token[], anchor: number): number {
  for (let k = anchor; k >= 0 && k >= anchor - 6; k--)
    if (tokens[k].kind === "word" && REVISIONS.has(tokens[k].lower)) return k;
  return anchor;
}

function revisionVerdict(kind: "up" | "down" | "narrow", now: Range, before: Range): Verdict {
  const lo = compareQuantities(now.low, before.low);
  const hi = compareQuantities(now.high, before.high);
  const holds =
    kind === "up"
      ? lo >= 0 && hi >= 0 && lo + hi > 0
      : kind === "down"
        ? lo <= 0 && hi <= 0 && lo + hi < 0
        : lo >= 0 && hi <= 0 && lo - hi > 0;
  const word = kind === "up" ? "raised" : kind === "down" ? "lowered" : "narrowed";
  return holds ? { verdict: "consistent" } : { verdict: `inconsistent: the range is not ${word}` };
}

function relationVerdict(rel: Relation | "above midpoint" | "below midpoint", actual: Quantity, range: Range): Verdict {
  const lo = compareQuantities(actual, range.low);
  const hi = compareQuantities(actual, range.high);
  if (rel === "above midpoint" || rel === "below midpoint") {
    // twice the actual against the sum of the ends: no division, no rounding
    const twice = againstMidpoint(actual, range.low, range.high);
    const holds = rel === "above midpoint" ? twice > 0 : twice < 0;
    return holds
      ? { verdict: "consistent" }
      : { verdict: `inconsistent: ${actual.printed} is not ${rel.replace(" ", " the ")}` };
  }
  const holds =
    rel === "above"
      ? hi > 0
      : rel === "below"
        ? lo < 0
        : rel === "within"
          ? lo >= 0 && hi <= 0
          : rel === "at or below low"
            ? lo <= 0
            : hi >= 0;
  const where = hi > 0 ? "above the range" : lo < 0 ? "below the range" : "inside the range";
  return holds ? { verdict: "consistent" } : { verdict: `inconsistent: ${actual.printed} is ${where}` };
}

/** The actual a relation measures: the nearest figure before it in the sentence, in the range's unit. */
/** The actual for the metric and period printed elsewhere, when one value stands for it and it is not the range's own end. */
function actualElsewhere(env: Env, metric: Metric, period: Resolved, range: Range): Fig | null {
  const f = env.index.find(metric, period, range.high.unit.dim, null, range.low.start);
  if (!f || f.forecast || f.start === range.low.start || f.start === range.high.start) return null;
  return env.index.rivals(f, metric).length === 0 ? f : null;
}

function actualBefore(r: Reading, before: number, range: Range): Fig | null {
  for (let k = r.qs.length - 1; k >= 0; k--) {
    const q = r.qs[k];
    if (q.last >= before || q.kind !== "amount") continue;
    if (!sameDim(q.unit.dim, range.high.unit.dim)) continue;
    // not another range's end ("420-million pounds to 440-million pounds")
    const prevQ = r.qs[k - 1];
    const afterRange =
      prevQ &&
      prevQ.last === q.first - 2 &&
      (isDash(r.tokens[q.first - 1]) || isWord(r.tokens[q.first - 1], "to", "and"));
    if (
      isDash(r.tokens[q.last + 1]) ||
      isDash(r.tokens[q.first - 1]) ||
      isWord(r.tokens[q.last + 1], "to") ||
      afterRange
    )
      continue;
    const f = r.figs[k];
    return (
      f ?? {
        start: q.start,
        end: q.end,
        q,
        metric: { material: null, measure: null, qualifiers: [] },
        site: null,
        period: null,
        forecast: false,
        place: r.place,
        unitText: q.unit.text,
      }
    );
  }
  return null;
}

interface Growth {
  from: number;
  to: number;
  stated: string;
  single: boolean;
  hits: Hit[];
  /** Index of the comparison word after it, if any. */
  after: number;
}

/** A growth stated after the range: a percentage range with a change word, or one percentage change. */
function growthAfter(r: Reading, rangeEnd: number, hits: Hit[]): Growth | null {
  const { tokens, qs } = r;
  for (const q of qs) {
    if (q.kind !== "percent" || q.first <= rangeEnd || q.first > rangeEnd + 14) continue;
    const lowTok = tokens[q.first - 2];
    const isRange = (isDash(tokens[q.first - 1]) || isWord(tokens[q.first - 1], "to")) && lowTok?.kind === "num";
    let k = q.last + 1;
    const changeAfter =
      tokens[k] &&
      tokens[k].kind === "word" &&
      CHANGE_WORDS.has(tokens[k].lower) &&
      (CHANGE_NOUNS.has(tokens[k].lower) || /^(higher|above|more)$/.test(tokens[k].lower));
    const hit = hits.find((h) => h.q === q);
    if (!isRange && !hit) continue;
    if (isRange && !changeAfter) continue;
    const from = isRange ? q.first - 2 : hit ? Math.min(hit.from, q.first) : q.first;
    let start = from;
    if (isWord(tokens[start - 1], "a", "an")) start--;
    // through the comparison: "as compared to 2016", "from the previous calendar year"
    k = Math.max(hit ? hit.to : q.last, changeAfter ? q.last + 1 : q.last);
    let end = k;
    for (let j = k + 1; j < tokens.length && j <= k + 9; j++) {
      if (isPunct(tokens[j], ",", ";", ".", "(")) break;
      end = j;
    }
    const stated = isRange ? `${lowTok.text}-${q.printed}` : q.printed;
    return { from: start, to: end, stated, single: !isRange, hits: hit ? [hit] : [], after: k };
  }
  return null;
}

/**
 * The last whole calendar year before the release, for a year's target at least two years after it; else null
 * (next year's guidance grows from the year before it, whether printed or not).
 */
function lastWholeYear(releaseMonth: number, period: Resolved): Resolved | null {
  if (period.last - period.first !== 11 || period.first % 12 !== 0) return null;
  const releaseYear = Math.floor(releaseMonth / 12);
  const year = period.first / 12;
  return year >= releaseYear + 2 ? { first: (releaseYear - 1) * 12, last: (releaseYear - 1) * 12 + 11 } : null;
}

/**
 * A multiple said before a range and joined to it: "to more than double annual production, reaching
 * between 400,000 and 480,000 GEO". Only within the clause (no full stop or semicolon between) and only
 * when the range is what it reaches ("reaching", "to").
 */
function multipleBefore(tokens: Token[], rangeFrom: number): (Growth & { checked: string }) | null {
  const link = tokens[rangeFrom - 1] && isWord(tokens[rangeFrom - 1], "between") ? rangeFrom - 2 : rangeFrom - 1;
  if (!isWord(tokens[link], "reaching", "to")) return null;
  for (let k = link - 1; k >= 0 && k >= link - 8; k--) {
    if (isPunct(tokens[k], ".", ";", ":")) return null;
    const m = tokens[k].kind === "word" ? MULTIPLES.get(tokens[k].lower) : undefined;
    if (m === undefined || !m.planned) continue;
    const { from, bound } = boundBefore(tokens, k);
    const stated = tokens
      .slice(from, k + 1)
      .map((t) => t.text)
      .join(" ");
    const checked = `${m.dir > 0 ? "up" : "down"} ${bound ? `${bound} ` : ""}${m.pct}%`;
    return { from, to: link, stated, single: true, hits: [], after: link, checked };
  }
  return null;
}

/**
 * The base a growth is measured from: the period after "compared to"/"from", else the year before the
 * guidance's, else (a target years ahead) the last whole year before the release.
 */
function baseFor(
  r: Reading,
  g: Growth,
  period: Resolved | null,
  metric: Metric,
  range: Range,
  env: Env,
): { fig: Fig | null; missing: string; doubts?: string[] } {
  let basePeriod: Resolved | null = null;
  for (const m of r.periods) {
    if (m.from <= g.after || m.from > g.to) continue;
    if (m.value.date) continue;
    basePeriod = priorOf(m.value, period, env.ctx);
    if (basePeriod) break;
  }
  const named = basePeriod !== null;
  if (!basePeriod && period) basePeriod = { first: period.first - 12, last: period.last - 12 };
  const what = metricLabel(metric) ?? "the figure";
  if (!basePeriod) return { fig: null, missing: `the period the growth is measured from is not said` };
  const fig = env.index.find(metric, basePeriod, range.high.unit.dim, null, range.low.start);
  // a target years ahead ("in 2024", said in January 2021) grows from the last whole year before the release;
  // a base found so, by inference, bears a flag only when no other printed figure could be it (trust.ts)
  const lastYear = named || fig || !period || env.released === null ? null : lastWholeYear(env.released, period);
  const current = lastYear ? env.index.find(metric, lastYear, range.high.unit.dim, null, range.low.start) : null;
  if (current) {
    const doubts = [rivalDoubt(env.index, current, metric), seriesDoubt(current, metric)].filter((d) => d !== null);
    return { fig: current, missing: "", doubts };
  }
  if (!fig) {
    const label =
      basePeriod.last - basePeriod.first === 11 ? String(Math.floor(basePeriod.first / 12)) : "the base period";
    return { fig: null, missing: `${what} for ${label} is not printed` };
  }
  return { fig, missing: "" };
}
