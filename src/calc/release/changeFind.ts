/**
 * Stated changes in prose: "an increase of 9%", "up by more than 30%", "20% lower", "(+15%)",
 * "increases by 696 oz (15.4%)", "drops by 989 oz or 16%", "decreased 19% and 4%, respectively",
 * "the increase … at 3.89 million tonnes", "more than doubled": each found with the words that make it a change.
 */
import type { Reading } from "./figures";
import type { Quantity } from "./quantities";
import { isDash, isPunct, isWord, type Token } from "./tokens";
import { boundBefore, CHANGE_NOUNS, CHANGE_WORDS, FILLERS, GUIDANCE_WORDS, MULTIPLES } from "./words";
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

const BACK_LIMIT = 4;

function changeWordBefore(tokens: Token[], f: number, amount: boolean): { at: number; dir: -1 | 0 | 1 } | null {
  // "12.3% higher at 9.61 MT", "rose to 5,000 oz": the level reached, not the amount of change
  if (amount && isWord(tokens[f - 1], "at") && !isWord(tokens[f], "least")) return null;
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

/** "the growth in sales was 11.8%", "the increase of output is 5%": a change noun, its subject, then the figure. */
function nounBefore(tokens: Token[], f: number): { at: number; dir: -1 | 0 | 1 } | null {
  if (!isWord(tokens[f - 1], "was", "were", "is", "stood", "came")) return null;
  for (let k = f - 2; k >= 0 && k >= f - 7; k--) {
    const t = tokens[k];
    if (t.kind !== "word") return null;
    if (CHANGE_NOUNS.has(t.lower) && isWord(tokens[k - 1], "the", "its", "a"))
      return { at: k - 1, dir: CHANGE_WORDS.get(t.lower) ?? 0 };
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

/**
 * Whether the words between an earlier change and a percentage after "and"/"or" are only what the earlier
 * one is said of: its comparison ("quarter-on-quarter"), the figure it reached ("to 128,378 ounces"), commas.
 */
function alsoSaid(r: Reading, earlier: Quantity, q: Quantity): boolean {
  const { tokens } = r;
  const gap = q.first - 1 - (earlier.last + 1);
  if (gap < 0 || gap > 20) return false;
  let compared = false;
  for (let k = earlier.last + 1; k < q.first - 1; k++) {
    const t = tokens[k];
    if (r.periodOf[k] >= 0) continue;
    if (r.qs.some((x) => x.kind === "amount" && k >= x.first && k <= x.last)) continue;
    if (isPunct(t, ",") || isWord(t, "to", "at", "or", "per", "ounce")) continue;
    // "36% from Q1 2023 and 58% from Q2 2022": the first change's own comparison, a period right after its word
    if (isWord(t, ...CONNECTORS) && periodAfter(r, k) >= 0) {
      compared = true;
      continue;
    }
    return false;
  }
  // then the second says its own comparison ("… and 58% from Q2 2022"); one with a period of its own ("… and 1% in
  // the first nine months") measures other figures, and is not taken as said with the first
  return !compared || (isWord(tokens[q.last + 1], ...COMPARING) && periodAfter(r, q.last) >= 0);
}

const COMPARING = ["from", "over", "against", "versus", "vs", "compared"];

const CONNECTORS = ["from", "over", "against", "versus", "vs", "compared", "with", "in", "for", "the"];

/** The period that follows token k over connecting words ("from Q1 2023", "compared to the third quarter"), or -1. */
function periodAfter(r: Reading, k: number): number {
  for (let j = k + 1; j < r.tokens.length && j <= k + 4; j++) {
    if (r.periodOf[j] >= 0) return r.periodOf[j];
    if (!isWord(r.tokens[j], ...CONNECTORS, "to", "same")) return -1;
  }
  return -1;
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
      const back = changeWordBefore(tokens, f, false) ?? governingWord(tokens, f, qs) ?? nounBefore(tokens, f);
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
      // "increased 14% quarter-on-quarter to 128,378 ounces, or 66% year-on-year", "… to US$ 94.0 million, and 84%
      // year-on-year": a second change after the first, sharing its words, with only its own comparison and figure between
      const lastHit = [...hits].reverse().find((x) => x.q.last < q.first);
      if (lastHit && isWord(tokens[q.first - 1], "and", "or") && alsoSaid(r, lastHit.q, q)) {
        const j = add(q, q.first, q.last, lastHit.direction, "");
        j.joined = lastHit;
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
    // "… lower than …", "$0.16 per lb lower quarter-over-quarter": the comparison said right after the word
    const relative = r.periodOf[q.last + 2] ?? -1;
    const comparedAfter =
      isWord(tokens[q.last + 2], "than") ||
      (isWord(next, "lower", "higher") &&
        relative >= 0 &&
        r.periods[relative].from === q.last + 2 &&
        /^prior-/.test(r.periods[relative].value.relative ?? ""));
    if (isWord(next, "lower", "higher", "more", "less") && comparedAfter) {
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
    if (!m || m.planned) return;
    const { from, bound } = boundBefore(tokens, i);
    const { pct, dir } = m;
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
