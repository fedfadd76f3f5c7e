/**
 * Records a release claims: "an all-time record for the month of February of 6,736 oz", "a quarterly
 * record of 230,993 ounces", "record quarterly production at both Fosterville (…) and Macassa (…)",
 * "its best month so far in 2017", "highest … since 2014", "the second-best quarter ever", "for the
 * first time". A record is strictly above every earlier value in its scope (RECORD_MONTH's rule, through
 * calc's recordColumns); it is consistent only when the release names the previous record or prints the whole
 * history in scope, inconsistent when a printed earlier value is as high, and otherwise not checkable,
 * saying which history is missing.
 */
import { makeMonth, yearOf } from "../months";
import { recordColumns } from "../records";
import { fullMonthName } from "../vocabulary";
import type { MonthlySeries } from "../series";
import { sameDim, type Reading } from "./figures";
import { metricOf, hasMetric, type Metric } from "./metrics";
import type { Fig, Found } from "./model";
import { monthWord, periodLabel, resolve, yearAt, type Resolved } from "./periods";
import type { Env } from "./read";
import { isDash, isPunct, isWord, type Token } from "./tokens";
import { recordDoubt, unlessDoubted } from "./trust";
import { compareQuantities, type Verdict } from "./verdicts";
import { CHANGE_WORDS } from "./words";

type Unit = "month" | "quarter" | "year" | null;

interface Scope {
  unit: Unit;
  /** Same calendar month (1-12) of every earlier year. */
  month: number | null;
  /** Only the year so far. */
  ytd: boolean;
  since: number | null;
  rank: number;
  text: string;
}

const PHRASE_WORDS = new Set([
  "new",
  "all",
  "time",
  "quarterly",
  "monthly",
  "annual",
  "yearly",
  "full",
  "year",
  "production",
  "throughput",
  "sales",
  "revenue",
  "high",
  "highest",
]);

/** Where a record phrase starts and whether it claims a record (not "the previous record", "the Q3 2018 record it replaces"). */
function recordStart(tokens: Token[], at: number, periodOf: Int32Array): number | null {
  let k = at - 1;
  while (k >= 0 && k >= at - 6) {
    const t = tokens[k];
    if ((isDash(t) && !t.space) || periodOf[k] >= 0 || (t.kind === "word" && PHRASE_WORDS.has(t.lower))) {
      k--;
      continue;
    }
    break;
  }
  const det = tokens[k];
  if (isWord(det, "the", "previous", "prior", "former", "last")) return null;
  if (isWord(tokens[at + 1], "it") && isWord(tokens[at + 2], "replaces", "replaced", "beats", "surpasses")) return null;
  if (isWord(det, "a", "an")) return k;
  return k + 1;
}

interface Phrase {
  from: number;
  to: number;
}

/** The record phrases of a sentence. */
function phrasesOf(r: Reading): Phrase[] {
  const { tokens } = r;
  const out: Phrase[] = [];
  const add = (from: number, to: number): void => {
    const last = out[out.length - 1];
    if (last && from <= last.to) return;
    out.push({ from, to });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "word") continue;
    const w = t.lower;
    if (w === "record" || w === "records") {
      const from = recordStart(tokens, i, r.periodOf);
      if (from !== null) add(from, i);
    } else if (
      w === "high" &&
      (isWord(tokens[i - 1], "yearly", "annual", "quarterly", "monthly") ||
        (isWord(tokens[i - 1], "time") && isDash(tokens[i - 2])))
    ) {
      let from = i - 1;
      while (from > 0 && (isDash(tokens[from - 1]) || isWord(tokens[from - 1], "all", "a", "an", "new"))) from--;
      add(from, i);
    } else if (w === "highest" || w === "best") {
      let scoped = false;
      for (let k = i + 1; k < tokens.length && k <= i + 10; k++) {
        if (
          isWord(tokens[k], "ever", "since", "history") ||
          (isWord(tokens[k], "so") && isWord(tokens[k + 1], "far")) ||
          (isWord(tokens[k], "this") && isWord(tokens[k + 1], "year")) ||
          (isWord(tokens[k], "on") && isWord(tokens[k + 1], "record"))
        )
          scoped = true;
        if (
          w === "best" &&
          (r.periodOf[k] >= 0 || isWord(tokens[k], "in")) &&
          yearAt(tokens[k + (isWord(tokens[k], "in") ? 1 : 0)]) !== null
        )
          scoped = true;
        if (isPunct(tokens[k], ",", ";", ".")) break;
      }
      if (!scoped) continue;
      let from = i;
      if (isDash(tokens[i - 1]) && isWord(tokens[i - 2], "second", "third")) from = i - 2;
      while (from > 0 && isWord(tokens[from - 1], "the", "its", "far", "by", "of", "two", "three")) from--;
      add(from, i);
    } else if (
      w === "first" &&
      isWord(tokens[i + 1], "time") &&
      isWord(tokens[i - 1], "the") &&
      isWord(tokens[i - 2], "for")
    ) {
      add(i - 2, i + 1);
    }
  }
  return out;
}

function scopeOf(r: Reading, p: Phrase, end: number): Scope {
  const { tokens } = r;
  const words = tokens.slice(p.from, end + 1);
  const text = words.map((t) => t.lower).join(" ");
  const s: Scope = { unit: null, month: null, ytd: false, since: null, rank: 1, text: "" };
  for (let k = p.from; k <= end && k < tokens.length; k++) {
    const t = tokens[k];
    if (isWord(t, "month", "monthly", "months")) s.unit = s.unit ?? "month";
    if (isWord(t, "quarterly", "quarter", "quarters")) s.unit = "quarter";
    if (
      isWord(t, "annual", "yearly") ||
      (isWord(t, "year") && !isWord(tokens[k - 1], "this", "the") && !isWord(tokens[k + 1], "so"))
    )
      s.unit = s.unit ?? "year";
    if (isWord(t, "for", "of") && monthWord(tokens[k + 1] ?? undefined) !== null && !yearAt(tokens[k + 2]))
      s.month = monthWord(tokens[k + 1]);
    if (
      isWord(t, "for", "of") &&
      isWord(tokens[k + 1], "the", "a", "any") &&
      isWord(tokens[k + 2], "month") &&
      isWord(tokens[k + 3], "of")
    )
      s.month = monthWord(tokens[k + 4]);
    if (isWord(t, "since") && yearAt(tokens[k + 1]) !== null) s.since = yearAt(tokens[k + 1]);
    if (isWord(t, "second") && isDash(tokens[k + 1]) && isWord(tokens[k + 2], "best")) s.rank = 2;
    if (isWord(t, "two") && isWord(tokens[k + 1], "of")) s.rank = 2;
  }
  if (
    /\bso far\b|\bthis year\b|\byearly high\b/.test(text) ||
    (/\bbest\b/.test(text) && /\bin (19|20)\d\d\b/.test(text))
  )
    s.ytd = true;
  if (s.month !== null) s.unit = "month";
  if (/\byearly high\b/.test(text) && s.unit === "year") s.unit = "month";
  if (s.ytd && s.unit === "year") s.unit = "month";
  s.text =
    s.month !== null
      ? `same calendar month (every earlier ${fullMonthName(s.month)})`
      : s.ytd
        ? `best ${s.unit ?? "period"} of the year so far`
        : s.since !== null
          ? `every ${s.unit ?? "period"} since ${s.since}`
          : s.unit
            ? `any ${s.unit}`
            : "all periods";
  if (s.rank > 1) s.text += ` (rank ${s.rank})`;
  return s;
}

/** "Februaries", "Mays", "quarters". */
const plural = (w: string): string => (/[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);

/** The end of a record phrase: its own words, "of 6,736 oz", and a list of sites' figures after it. */
function phraseEnd(r: Reading, p: Phrase): number {
  const { tokens } = r;
  let end = p.to;
  const figureBetween = (k: number): boolean => r.qs.some((q) => q.first > p.to && q.last < k);
  for (let k = p.to + 1; k < tokens.length && k <= p.to + 40; k++) {
    const t = tokens[k];
    if (isPunct(t, ";", ".")) break;
    if (isDash(t) && t.space && figureBetween(k)) break;
    if (isWord(t, "while", "which", "but", "than", "compared", "against", "versus", "because")) break;
    if (isWord(t, "so") && !isWord(tokens[k + 1], "far")) break;
    if (t.kind === "word" && CHANGE_WORDS.has(t.lower) && !isWord(t, "more", "above")) break;
    if (r.qs.some((q) => q.first === k && q.kind === "percent")) break;
    if (isWord(t, "and") && !r.qs.some((q) => q.kind === "amount" && q.first > k && q.first <= k + 4)) break;
    if (isPunct(t, ",") && !r.qs.some((q) => q.first > k && q.first <= k + 3)) break;
    end = k;
  }
  while (
    end > p.to &&
    (isPunct(tokens[end], ",", ":", "(") || isWord(tokens[end], "and", "as", "or", "the", "a", "with", "at", "both"))
  )
    end--;
  return end;
}

export function findRecords(r: Reading, env: Env): Found[] {
  const out: Found[] = [];
  const { tokens } = r;
  for (const p of phrasesOf(r)) {
    const end = phraseEnd(r, p);
    const scope = scopeOf(r, p, end);
    const inPhrase = r.figs.filter(
      (f, k): f is Fig =>
        f !== null && r.qs[k].first > p.from && r.qs[k].last <= end && !isPrevious(tokens, r.qs[k].first),
    );
    let metric = metricOf(tokens, 0, end + 1, true);
    // a list of one kind of figure ("88,668oz at $1682/oz": the ounces, not the cost)
    let values: Fig[] = inPhrase.filter((f) => sameDim(f.q.unit.dim, inPhrase[0].q.unit.dim));
    if (values.length === 0) {
      // the figure the sentence gives the record to: before it in its clause, else right after it
      const before = r.figs.filter(
        (f, k): f is Fig => f !== null && r.qs[k].last < p.from && !isPrevious(tokens, r.qs[k].first),
      );
      const after = r.figs.filter(
        (f, k): f is Fig =>
          f !== null &&
          r.qs[k].first > end &&
          r.qs[k].first <= end + 12 &&
          !isPrevious(tokens, r.qs[k].first) &&
          !tokens
            .slice(end + 1, r.qs[k].first)
            .some((t) => isWord(t, "against", "compared", "than", "versus") || isPunct(t, ";")),
      );
      const clause = before.filter(
        (f) => !tokens.slice(r.qs[r.figs.indexOf(f)].last + 1, p.from).some((t) => isPunct(t, ";")),
      );
      const near = clause.length > 0 ? clause[clause.length - 1] : after[0];
      if (near) values = [near];
    }
    if (values.length === 0 && hasMetric(metric)) {
      // "an all-time high for a month of February": the figure of that month, printed elsewhere
      const m = r.periods.find((x) => x.from >= p.from && x.from <= end + 3 && !x.value.date);
      const period = m ? resolve(m.value, env.ctx) : null;
      if (metric.material === null && env.defaultMaterial && metric.measure === "produced")
        metric = { ...metric, material: env.defaultMaterial };
      const f = period ? env.index.find(metric, period, null, null, tokens[p.from].start) : null;
      if (f) values = [f];
    }
    if (values.length === 1 && hasMetric(values[0].metric)) metric = values[0].metric;
    const previous = previousRecord(r);
    const v = verdictOf(values, previous, scope, metric, env, tokens[p.from].start);
    out.push({
      kind: "record",
      start: tokens[p.from].start,
      end: tokens[end].end,
      place: r.place,
      stated:
        values.length > 0
          ? values.map((f) => f.q.printed).join(", ")
          : tokens
              .slice(p.from, p.to + 1)
              .map((t) => t.text)
              .join(" "),
      metric,
      unitText: values[0]?.unitText ?? null,
      scope: scope.text,
      figures: { value: values.length === 1 ? values[0] : values.length > 1 ? values : null, earlier: v.earlier },
      verdict: v.verdict,
      ...(v.missing ? { missing: v.missing } : {}),
    });
  }
  return out;
}

const isPrevious = (tokens: Token[], first: number): boolean =>
  tokens.slice(Math.max(0, first - 5), first).some((t) => isWord(t, "previous", "prior", "former"));

/** "than the previous record of 180,155 ounces": the record the release says was beaten. */
function previousRecord(r: Reading): Fig | null {
  const { tokens } = r;
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i], "previous", "prior", "former") || !isWord(tokens[i + 1], "record", "high")) continue;
    const k = r.qs.findIndex((q) => q.first > i + 1 && q.first <= i + 4 && q.kind === "amount");
    if (k >= 0) return r.figs[k] ?? null;
  }
  return null;
}

/** Periods in the scope before the record's: same month of earlier years, earlier quarters, the months of the year so far. */
function earlierPeriods(p: Resolved, scope: Scope): { periods: Resolved[]; complete: boolean } {
  const out: Resolved[] = [];
  const len = p.last - p.first + 1;
  if (scope.ytd) {
    for (let m = makeMonth(yearOf(p.first), 1); m + len - 1 < p.first; m += len)
      out.push({ first: m, last: m + len - 1 });
    return { periods: out, complete: true };
  }
  const step = scope.month !== null ? 12 : len;
  const stop = scope.since !== null ? makeMonth(scope.since, 1) : p.first - step * 30;
  for (let m = p.first - step; m >= stop; m -= step) out.push({ first: m, last: m + len - 1 });
  return { periods: out, complete: scope.since !== null };
}

function verdictOf(
  values: Fig[],
  previous: Fig | null,
  scope: Scope,
  metric: Metric,
  env: Env,
  near: number,
): Verdict & { earlier: Fig[] } {
  if (values.length !== 1) {
    return {
      verdict: "not checkable",
      missing:
        values.length === 0 ? "the record figure is not printed" : "no earlier figures are printed for each of them",
      earlier: [],
    };
  }
  const value = values[0];
  if (previous && sameDim(previous.q.unit.dim, value.q.unit.dim)) {
    const c = compareQuantities(value.q, previous.q);
    return c > 0
      ? { verdict: "consistent", earlier: [previous] }
      : { verdict: `inconsistent: the previous record was ${previous.q.printed}`, earlier: [previous] };
  }
  if (scope.rank > 1)
    return {
      verdict: "not checkable",
      missing: "a rank below first needs the whole history, which the release does not print",
      earlier: [],
    };
  const p = value.period;
  if (!p) return { verdict: "not checkable", missing: "the period of the record figure is not known", earlier: [] };
  if (scope.unit === null) {
    const len = p.last - p.first + 1;
    scope.unit = len === 1 ? "month" : len === 3 ? "quarter" : len === 12 ? "year" : null;
  }
  const { periods, complete } = earlierPeriods(p, scope);
  const earlier: Fig[] = [];
  const lacking: Resolved[] = [];
  for (const e of periods) {
    const f = env.index.find(hasMetric(metric) ? metric : value.metric, e, value.q.unit.dim, value.site, near);
    if (f) earlier.push(f);
    else lacking.push(e);
  }
  // strictly above every earlier value in scope, as RECORD_MONTH decides it
  const series: MonthlySeries = {
    first: 0,
    values: new Float64Array(earlier.length + 1),
    rows: new Int32Array(earlier.length + 1),
  };
  const ordered = [...earlier].sort((a, b) => (a.period as Resolved).first - (b.period as Resolved).first);
  ordered.forEach((f, k) => {
    series.values[k] = Number(`${f.q.number.coefficient}e${f.q.number.exponent + f.q.unit.scale}`);
  });
  series.values[ordered.length] = Number(
    `${value.q.number.coefficient}e${value.q.number.exponent + value.q.unit.scale}`,
  );
  const result = recordColumns(series, "all");
  const last = ordered.length;
  if (!Number.isNaN(result.previous[last]) && result.isRecord[last] === 0) {
    const at = ordered.find((f) => compareQuantities(f.q, value.q) >= 0) as Fig;
    const doubt = recordDoubt(at, value, metric);
    const verdict = `inconsistent: ${periodLabel(at.period as Resolved)} was as high (${at.q.printed})`;
    return doubt ? { ...unlessDoubted({ verdict }, [doubt]), earlier } : { verdict, earlier };
  }
  if (complete && lacking.length === 0 && earlier.length > 0) return { verdict: "consistent", earlier };
  const what = scope.month !== null ? plural(fullMonthName(scope.month)) : `${scope.unit ?? "period"}s`;
  const missing =
    earlier.length === 0
      ? `no earlier ${what} ${scope.ytd ? `of ${yearOf(p.first)} ` : ""}are printed`
      : complete
        ? `${lacking.map(periodLabel).join(", ")} ${lacking.length > 1 ? "are" : "is"} not printed`
        : `the ${what} before ${periodLabel(ordered[0].period as Resolved)} are not printed`;
  return { verdict: "not checkable", missing, earlier };
}
