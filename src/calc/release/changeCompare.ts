/**
 * The figures a stated change compares — in its sentence, else by metric and period anywhere in the release
 * (another paragraph, a table, the sum of printed months) — and its verdict through CLAIM_CHECK or exact
 * arithmetic, or why it is not checkable.
 */
import type { Hit } from "./changeFind";
import {
  claimMetric,
  clauseStart,
  comparedByAnother,
  comparisonsIn,
  currentBefore,
  figureNear,
  findFromTo,
  periodBefore,
  secondBefore,
  siteOf,
  toAfter,
  toFrom,
} from "./changeSentence";
import { sameDim, type FigureIndex, type Reading } from "./figures";
import { hasMetric, metricLabel, metricOf, sameMetric, type Metric } from "./metrics";
import { rivalDoubt, seriesDoubt, unlessDoubted } from "./trust";
import type { Fig, Found } from "./model";
import { periodLabel, priorOf, sameSpan, type PeriodContext, type PeriodMention, type Resolved } from "./periods";
import type { Quantity } from "./quantities";
import { isPunct, isWord } from "./tokens";
import { GUIDANCE_WORDS } from "./words";
import { amountVerdict, difference, percentVerdict, type Verdict } from "./verdicts";
const PRIOR_PERIOD: PeriodMention["value"] = {
  first: null,
  last: null,
  yearless: null,
  relative: "prior-period",
  yearOnly: null,
  date: false,
  ytd: false,
  fiscal: null,
};

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
  /** Why the figures may not be the ones the claim means: a flag on them is not given (trust.ts). */
  doubts: string[];
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

/** An amount "lower than production" or "higher than sales": the other measure, when nothing else follows "than". */
function otherMeasure(r: Reading, h: Hit): Metric | null {
  const { tokens } = r;
  if (h.q.kind !== "amount" || !isWord(tokens[h.to], "lower", "higher") || !isWord(tokens[h.to + 1], "than"))
    return null;
  // no period or figure of its own after it ("than production in 2022" is a comparison of periods)
  for (let k = h.to + 3; k < tokens.length && k < h.to + 15 && !isPunct(tokens[k], ",", ";", "."); k++)
    if ((r.periodOf[k] ?? -1) >= 0 || r.qs.some((q) => q.first === k)) return null;
  const m = metricOf(tokens, h.to + 2, h.to + 3);
  return m.measure !== null && m.material === null ? m : null;
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
  let planned = false;
  let quarterly: Resolved | null = null;

  // the metric: the claim's own words (a measure, not just a material), else the change before it in the sentence
  let metric = claimMetric(r, h, hits, segFrom, nextStart, env.defaultMaterial);
  if (metric.measure === null && previous) metric = previous.metric;
  // "sales of 112,094 tonnes, 3,994 tonnes lower than production": against another measure of the same period
  const against = otherMeasure(r, h);
  if (against) metric = metricOf(tokens, 0, h.from, true);

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
        // "6.4 % above the forecast of 7,500 MT": an actual against the plan for the same period
        planned = tokens
          .slice(chosen.word, chosen.q.first)
          .some((t) => t.kind === "word" && GUIDANCE_WORDS.has(t.lower));
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
    // "Quarterly gold sales increased by 21%": this quarter against the one before, an assumption (no flag on it)
    if (!compared && r.ctx?.quarter && h.from > segFrom) {
      const k = tokens.findIndex((t, j) => j >= segFrom && j < h.from && isWord(t, "quarterly"));
      if (k >= 0 && !r.qs.some((q) => q.first > segFrom && q.last < h.from)) {
        const t = tokens[k];
        comparison = { from: k, to: k, start: t.start, end: t.end, value: PRIOR_PERIOD };
        quarterly = { first: r.ctx.quarter[0], last: r.ctx.quarter[1] };
        compared = true;
      }
    }
    // "increased 37 per cent to 2.01 million ounces": the figure right after "to" is the current
    current =
      toAfter(r, h, nextStart, claims, 3) ??
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
  // ("a 23.3% increase in production and 19.1% growth in sales in December over the same month …")
  for (let k = i + 1; !compared && k < hits.length && sharesComparison(r, hits[k - 1], hits[k]); k++) {
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

  // "X was 1% higher than Y and 27% higher than Z": the later change is X's too, never the figure the change before it compared
  if (current && previous?.prior && r.figs[r.qs.indexOf(current)]?.start === previous.prior.start) {
    const k = previous.current ? r.figs.findIndex((f) => f !== null && f.start === previous.current?.start) : -1;
    current = k >= 0 ? r.qs[k] : null;
  }
  let currentFig = current ? quantityFig(current, r, null) : null;
  let priorFig = prior ? quantityFig(prior, r, currentFig) : null;
  if (currentFig && current && current.unit.dim === "" && priorFig) currentFig = quantityFig(current, r, priorFig);
  // a figure whose period the sentence does not print, repeating one table cell: that cell's period and row
  if (currentFig && (!currentFig.period || currentFig.inherited)) currentFig = asCell(env, currentFig);
  if (currentFig && !hasMetric(metric)) metric = currentFig.metric;

  // the periods: the current figure's, else the nearest before the claim, else the sentence's
  const doubts: string[] = [];
  const ownPeriod = currentFig?.period ?? periodBefore(r, h, segFrom, r.ctx) ?? (r.inherited ? null : r.main);
  let currentPeriod =
    quarterly ??
    ownPeriod ??
    r.main ??
    env.paragraphPeriod ??
    (h.joined ? (previous?.currentPeriod ?? null) : null) ??
    releaseQuarter(comparison, r);
  if (quarterly)
    doubts.push(
      `"quarterly" is taken to compare ${periodLabel(quarterly)}, the release's quarter, with the quarter before`,
    );
  else if (!ownPeriod && currentPeriod && !currentFig)
    doubts.push(`the claim's period is not printed in its sentence (${periodLabel(currentPeriod)} is assumed)`);
  // a figure whose sentence names no period is the claim's ("… and 89% year-over-year to 3.6 million ounces")
  if (currentFig && !currentFig.period && currentPeriod) currentFig = { ...currentFig, period: currentPeriod };
  let cmpMention = comparison ?? (prior || compared ? null : env.paragraphComparison);
  // a comparison said for the paragraph or the list ("Q3 highlights (compared to Q3 2018)") is not one for a change
  // of a period of another length ("year-to-date production … up 1%")
  if (cmpMention && !comparison && currentPeriod) {
    const p = priorOf(cmpMention.value, currentPeriod, r.ctx);
    if (p && p.last - p.first !== currentPeriod.last - currentPeriod.first) cmpMention = null;
  }
  // a compared figure without a period of its own ("… last year when it produced 57.57 MT") is the comparison's
  if (priorFig && cmpMention && (!priorFig.period || sameSpan(priorFig.period, currentPeriod))) {
    const p = priorOf(cmpMention.value, currentPeriod, r.ctx);
    if (p && !sameSpan(p, currentPeriod)) priorFig = { ...priorFig, period: p };
  }
  let priorPeriod = priorFig?.period ?? (cmpMention ? priorOf(cmpMention.value, currentPeriod, r.ctx) : null);
  if (priorPeriod && currentPeriod && sameSpan(priorPeriod, currentPeriod) && !priorFig) priorPeriod = null;
  const site = currentFig?.site ?? siteOf(r, segFrom, h.from, env.sites);
  const dim = currentFig?.q.unit.dim || priorFig?.q.unit.dim || (h.q.kind === "amount" ? h.q.unit.dim : null) || null;
  const missing: string[] = [];
  const lookedUp = new Set<Fig>();
  if (!currentFig) {
    const found = lookUp(env, metric, currentPeriod, dim, site, h.q.start);
    currentFig = found.fig;
    if (currentFig) lookedUp.add(currentFig);
    // found by metric and period, but in this sentence as what another comparison is measured against
    const k = currentFig ? r.figs.indexOf(currentFig) : -1;
    if (currentFig && k >= 0 && comparedByAnother(r, r.qs[k]))
      doubts.push(`${currentFig.q.printed} is what another comparison in the sentence is measured against`);
    if (!currentFig) missing.push(missingText(metric, "current", currentPeriod, found.missing));
  }
  if (currentFig && !currentPeriod) currentPeriod = currentFig.period;
  // "production was 12.3% higher at 9.61 MT (8.56 MT)": the figure in brackets after the current one
  if (!priorFig && currentFig) {
    const bracket = env.index.bracketAfter(currentFig);
    if (bracket) {
      priorFig = { ...bracket, period: priorPeriod };
      doubts.push(`${bracket.q.printed}, in brackets after ${currentFig.q.printed}, is taken as the figure compared`);
    }
  }
  // the current figure is a table cell: the compared period's cell in its row, the same series
  if (!priorFig && currentFig?.row && priorPeriod) priorFig = rowCell(currentFig, priorPeriod);
  if (!priorFig && against && currentFig && hasMetric(metric)) {
    const other = { ...metric, measure: against.measure };
    const found = lookUp(env, other, currentPeriod, currentFig.q.unit.dim, site, h.q.start);
    priorFig = found.fig;
    if (priorFig) lookedUp.add(priorFig);
    else missing.push(missingText(other, "prior", currentPeriod, found.missing));
  } else if (!priorFig) {
    if (!cmpMention && !priorPeriod) missing.push("the release does not say what the change is measured against");
    else {
      const found = lookUp(env, metric, priorPeriod, currentFig?.q.unit.dim || dim, site, h.q.start);
      priorFig = found.fig;
      if (priorFig) lookedUp.add(priorFig);
      if (!priorFig) missing.push(missingText(metric, "prior", priorPeriod, found.missing));
    }
  }
  // a figure printed twice, rounded in prose and exact in a table: the more precise one
  if (currentFig) currentFig = finer(env, currentFig, metric);
  if (priorFig) priorFig = finer(env, priorFig, metric);
  doubts.push(...figureDoubts(env, metric, currentFig, priorFig, lookedUp, planned));
  const out: Compared = {
    current: currentFig,
    prior: priorFig,
    metric,
    currentPeriod,
    priorPeriod,
    derived: false,
    missing: missing.length > 0 ? missing.join("; ") : null,
    doubts,
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

/**
 * Why the two figures may not be the ones the claim compares: a figure found by metric and period that
 * other printed figures could also be, a period carried over from another sentence, both figures of one
 * period, or a figure of another metric than the claim's.
 */
function figureDoubts(
  env: Env,
  metric: Metric,
  current: Fig | null,
  prior: Fig | null,
  lookedUp: Set<Fig>,
  planned: boolean,
): string[] {
  if (!current || !prior) return [];
  const out: string[] = [];
  for (const f of [current, prior]) {
    if (f.inherited && f.period)
      out.push(`the period of ${f.q.printed} is not printed in its sentence (${periodLabel(f.period)} is assumed)`);
    if (lookedUp.has(f)) {
      const d = rivalDoubt(env.index, f, metric);
      if (d) out.push(d);
      const s = seriesDoubt(f, metric);
      if (s) out.push(s);
    }
    if (
      hasMetric(f.metric) &&
      hasMetric(metric) &&
      f.metric.measure !== null &&
      metric.measure !== null &&
      !sameMetric(f.metric, metric)
    )
      out.push(`${f.q.printed} is a figure of ${metricLabel(f.metric)}, not of ${metricLabel(metric)}`);
  }
  // a figure that names neither unit nor metric: the figure found to compare it with rests on the claim's metric alone
  if (lookedUp.has(prior) && current.q.unit.dim === "" && !hasMetric(current.metric))
    out.push(`${current.q.printed} names no unit or metric of its own`);
  if (current.period && prior.period && sameSpan(current.period, prior.period) && !planned)
    out.push(`both figures are for ${periodLabel(current.period)}`);
  if (current.start === prior.start) out.push("both figures are the same printed figure");
  return out;
}

/** Whether a change is said in the same breath as the one before it: joined to it, or after "and" with no comparison of its own between. */
function sharesComparison(r: Reading, a: Hit, b: Hit): boolean {
  if (b.joined === a) return true;
  const between = r.tokens.slice(a.to + 1, b.from);
  return (
    between.length <= 8 &&
    between.some((t) => isWord(t, "and")) &&
    !between.some((t) => isPunct(t, ";", ".", ":") || isWord(t, "while", "but", "against", "compared", "over", "than"))
  );
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
      done.set(h, {
        ...c,
        current: pc.current,
        prior: pc.prior,
        metric: pc.metric,
        missing: null,
        doubts: pc.doubts,
      });
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

/** A sentence's figure with the period, metric and row of the one table cell it repeats, if there is one. */
function asCell(env: Env, f: Fig): Fig {
  const cell = env.index.cellFor(f);
  if (!cell || !cell.period) return f;
  const { inherited: _, ...rest } = f;
  return { ...rest, period: cell.period, metric: hasMetric(f.metric) ? f.metric : cell.metric, row: cell.row };
}

/** The cell of a row for a period, when exactly one is printed. */
function rowCell(f: Fig, period: Resolved): Fig | null {
  const same = (f.row ?? []).filter(
    (x) => x.period && sameSpan(x.period, period) && !x.forecast && sameDim(x.q.unit.dim, f.q.unit.dim),
  );
  return same.length === 1 ? same[0] : null;
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
  const v =
    h.q.kind === "percent"
      ? percentVerdict(statedText(h), c.current.q, c.prior.q)
      : amountVerdict(h.q, h.q.negative ? -1 : h.direction, c.current.q, c.prior.q, h.bound);
  return unlessDoubted(v, c.doubts);
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
    ...(h.q.kind === "percent" ? { checkedAs: statedText(h) } : {}),
  };
}
