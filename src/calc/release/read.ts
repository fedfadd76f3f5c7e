/**
 * readRelease: the release's layout, its date, its figures (prose and tables) and its claims, each
 * claim with the figures it compares and a verdict, or why it cannot be checked.
 */
import { makeMonth, type MonthIndex } from "../months";
import { changeFound, changeVerdict, compare, settlePairs, type Compared } from "./changeCompare";
import { findChanges, type Hit } from "./changeFind";
import { FigureIndex, isComparison, readSentence, sameDim, type Reading } from "./figures";
import { layout, type ProseBlock } from "./layout";
import { hasMetric, metricLabel, metricOf, sameMetric } from "./metrics";
import type { Fig, Found, Release, ReleaseClaim, ReleaseFigure, ReleaseNotRead } from "./model";
import { periodLabel, periodsOf, resolve, type PeriodContext, type PeriodMention, type Resolved } from "./periods";
import { definedUnits, printedNumber, type Unread } from "./quantities";
import { readTable } from "./tables";
import { computedOf } from "./computed";
import { isPunct, isWord, tokenize, type Token } from "./tokens";
import { findGuidance, isRangeless, settleRangeless } from "./guidance";
import { findRecords } from "./records";
import { findTotals, periodTotals } from "./totals";
import { monthWord, yearAt } from "./periods";
import { fiscalStartOf as fiscalStart, isCalendar } from "./fiscal";

export interface Env {
  text: string;
  index: FigureIndex;
  sites: Set<string>;
  ctx: PeriodContext | null;
  paragraphComparison: PeriodMention | null;
  paragraphPeriod: Resolved | null;
  defaultMaterial: string | null;
  notRead: ReleaseNotRead[];
  /** The month of the release's dateline, when it has one (never inferred from the periods it names). */
  released: MonthIndex | null;
}

const MATERIAL_WORDS = ["gold", "silver", "copper", "coal", "zinc", "nickel"];

/** The metal a release is about when a figure does not say: the one it names most. */
function mainMaterial(text: string): string | null {
  const counts = new Map<string, number>();
  const re = /\b(gold|silver|copper|coal|zinc|nickel)\b/gi;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text)) && n < 5000) {
    n++;
    const w = m[1].toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestN = 0;
  for (const w of MATERIAL_WORDS) {
    const c = counts.get(w) ?? 0;
    if (c > bestN) {
      best = w;
      bestN = c;
    } else if (c === bestN && c > 0) best = best ?? w;
  }
  return best;
}

/**
 * "March 29, 2017", "Nov. 15, 2019", "January 1, 2021", "14 March 2023": the first date in the release's
 * opening lines.
 */
function datelineOf(tokens: Token[]): { iso: string; month: number } | null {
  for (let i = 0; i < tokens.length && i < 400; i++) {
    const m = monthWord(tokens[i]);
    if (m === null) continue;
    let k = i + 1;
    if (isPunct(tokens[k], ".")) k++;
    let d = tokens[k];
    let j = k + 1;
    if (isPunct(tokens[j], ",")) j++;
    // day first: "14 March 2023", "14 Mar. 2023"
    const before = tokens[i - 1];
    if ((!d || d.kind !== "num" || !/^\d{1,2}$/.test(d.text)) && before?.kind === "num") {
      d = before;
      j = k;
    }
    if (!d || d.kind !== "num" || !/^\d{1,2}$/.test(d.text)) continue;
    const y = yearAt(tokens[j]);
    if (y === null) continue;
    const day = Number(d.text);
    if (day < 1 || day > 31) continue;
    return { iso: `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`, month: makeMonth(y, m) };
  }
  return null;
}

function contextOf(
  blocks: ReturnType<typeof layout>,
  text: string,
): { ctx: PeriodContext | null; date: string | null; released: MonthIndex | null } {
  const opening = blocks.slice(0, 3).filter((b): b is ProseBlock => b.kind !== "table");
  const tokens = opening.flatMap((b) => b.sentences.flatMap((s) => s.tokens));
  const dateline = datelineOf(tokens);
  const mentions = periodsOf(tokens).filter((m) => !m.value.date);
  let month: number | null = dateline ? dateline.month : null;
  let latest: Resolved | null = null;
  for (const m of mentions) {
    const p = calendar(resolve(m.value, null));
    if (p && (!latest || p.last > latest.last) && (month === null || p.last <= month)) latest = p;
  }
  if (month === null && latest) month = latest.last;
  if (month === null) {
    // no date in the opening: the latest period the whole release names
    const latest = (tokens: Token[]): void => {
      for (const m of periodsOf(tokens)) {
        const p = calendar(resolve(m.value, null));
        if (p && !m.value.date && (month === null || p.last > month)) month = p.last;
      }
    };
    for (const b of blocks) {
      if (b.kind !== "table") for (const s of b.sentences) latest(s.tokens);
      // a table's header names the periods it reports ("3Q 2017 | 2Q 2017 …")
      else for (const row of b.rows.slice(0, 3)) latest(tokenize(text, row.line.start, row.line.end));
    }
  }
  const fiscalStart = fiscalStartOf(blocks);
  const released = dateline ? dateline.month : null;
  if (month === null) return { ctx: null, date: dateline?.iso ?? null, released };
  const quarterOf = (p: Resolved | null): [number, number] | null =>
    p && p.last - p.first === 2 && p.first % 3 === 0 ? [p.first, p.last] : null;
  const halfOf = (p: Resolved | null): [number, number] | null =>
    p && p.last - p.first === 5 && p.first % 6 === 0 ? [p.first, p.last] : null;
  let quarter: [number, number] | null = null;
  let half: [number, number] | null = null;
  let year: Resolved | null = null;
  for (const m of mentions) {
    const p = calendar(resolve(m.value, null));
    quarter = quarter ?? quarterOf(p);
    half = half ?? halfOf(p);
    // "the 2018-19 financial year just concluded": the year "the year" means
    if (m.value.fiscal && m.value.fiscal.length === 12 && !year)
      year = resolve(m.value, { month, quarter, half, fiscalStart });
  }
  if (!quarter) {
    // dated: the last whole quarter before the release's month; undated: the quarter of the latest period it names
    const q = Math.floor(month / 3) * 3 - (dateline ? 3 : 0);
    quarter = [q, q + 2];
  }
  return { ctx: { month, quarter, half, year, fiscalStart }, date: dateline?.iso ?? null, released };
}

/** Calendar months only: a fiscal period of unknown start says nothing of the release's date. */
const calendar = (p: Resolved | null): Resolved | null => (p && isCalendar(p) ? p : null);

/** The financial year's first month, when the release's prose says it (fiscal.ts). */
function fiscalStartOf(blocks: ReturnType<typeof layout>): number | null {
  for (const b of blocks) {
    if (b.kind === "table") continue;
    for (const s of b.sentences) {
      if (!s.tokens.some((t) => isWord(t, "financial", "fiscal") || monthWord(t) !== null)) continue;
      const ends = new Map<number, number>();
      for (const m of periodsOf(s.tokens)) {
        const p = m.value.first !== null && m.value.last !== null ? m.value : null;
        if (p && (p.last as number) - (p.first as number) === 2) ends.set(m.from, p.last as number);
      }
      const start = fiscalStart(
        s.tokens,
        (i) => ends.get(i) ?? null,
        (t) => monthWord(t),
      );
      if (start !== null) return start;
    }
  }
  return null;
}

/** The context after a sentence: the quarter and half it names (not as a comparison) become "the quarter" and "the half". */
function lastNamed(r: Reading, ctx: PeriodContext | null): PeriodContext | null {
  if (!ctx) return ctx;
  let out = ctx;
  for (const m of r.periods) {
    if (m.value.date || m.value.relative || isComparison(r.tokens, m, r.qs)) continue;
    const p = resolve(m.value, ctx);
    if (!p || p.last > ctx.month) continue;
    if (p.last - p.first === 2 && p.first % 3 === 0) out = { ...out, quarter: [p.first, p.last] };
    if (p.last - p.first === 5 && p.first % 6 === 0) out = { ...out, half: [p.first, p.last] };
  }
  return out;
}

/** Words that open a bullet as a topic, not as the name of a mine ("Outlook: …", "Note: …"). */
const TOPICS =
  /^(outlook|guidance|highlights?|notes?|safety|exploration|financial|finance|operations?|operational|corporate|sustainability|costs?|production|sales|summary|update|overview|development|projects?|group|consolidated|total|records?|results|quarter|growth|strategy|liquidity|cash|balance|health|people|environment|community|esg|covid)$/i;

/** "- Kansanshi: the highest quarterly …": a bullet that opens with a name and a colon is about that mine. */
function bulletSite(block: string): string | null {
  const m = /^\s*(?:[-\u2022\u25aa*\u2013]|\(?[a-z0-9]\))\s+(\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)?):\s/u.exec(block);
  if (!m) return null;
  const name = m[1];
  const tokens = tokenize(name);
  if (name.split(" ").some((w) => TOPICS.test(w)) || hasMetric(metricOf(tokens, 0, tokens.length))) return null;
  if (periodsOf(tokens).length > 0) return null;
  return name;
}

/** "At the Ying Mining District, 245,606 tonnes …": a sentence that opens with "At" and a name is about that mine. */
function sentenceSite(tokens: Token[]): string | null {
  let k = 0;
  if (!isWord(tokens[k], "at")) return null;
  k++;
  if (isWord(tokens[k], "the")) k++;
  const words: string[] = [];
  while (tokens[k]?.kind === "word" && /^\p{Lu}[\p{L}'-]*$/u.test(tokens[k].text)) words.push(tokens[k++].text);
  if (words.length === 0 || words.length > 4 || !isPunct(tokens[k], ",")) return null;
  const name = words.join(" ");
  const nameTokens = tokenize(name);
  if (words.some((w) => TOPICS.test(w)) || hasMetric(metricOf(nameTokens, 0, nameTokens.length))) return null;
  if (periodsOf(nameTokens).length > 0) return null;
  return name;
}

/**
 * What a heading over a list says for every item under it: "Highlights for Q2 2023 (compared to Q2 2022)" gives the
 * items' period and what their changes are measured against. Only a heading that names both is read so.
 */
function headingPeriods(r: Reading): { comparison: PeriodMention | null; period: Resolved | null } {
  const none = { comparison: null, period: null };
  if (!r.heading) return none;
  const tokens = tokenize(r.heading);
  const mentions = periodsOf(tokens).filter((m) => !m.value.date);
  const compared = mentions.filter((m) => isComparison(tokens, m));
  const own = mentions.filter((m) => !compared.includes(m));
  if (compared.length !== 1 || own.length !== 1) return none;
  const period = resolve(own[0].value, r.ctx);
  return period ? { comparison: compared[0], period } : none;
}

/** Whether a sentence opens with a comparison said for the whole paragraph: "Against 2016, output rose…". */
function openingComparison(r: Reading): PeriodMention | null {
  const m = r.periods[0];
  if (!m || m.from > 3 || !isComparison(r.tokens, m, r.qs) || !isPunct(r.tokens[m.to + 1], ",")) return null;
  if (!isWord(r.tokens[0], "against", "compared", "versus", "over")) return null;
  return m;
}

export function readReleaseText(text: string): Release {
  const blocks = layout(text);
  const { ctx, date, released } = contextOf(blocks, text);
  const units = new Map<string, { dim: string; scale: number }>();
  for (const b of blocks) if (b.kind !== "table") for (const s of b.sentences) definedUnits(s.tokens, units);
  const defaultMaterial = mainMaterial(text);
  const index = new FigureIndex();
  const notRead: ReleaseNotRead[] = [];
  const unread: Unread[] = [];
  const readings: Reading[] = [];
  const found: Found[] = [];
  const env: Env = {
    text,
    index,
    sites: new Set(),
    ctx,
    paragraphComparison: null,
    paragraphPeriod: null,
    defaultMaterial,
    notRead,
    released,
  };

  // Prose first (its figures), then tables, so that every claim can look up every figure.
  let blockNo = 0;
  let lastPeriod: Resolved | null = null;
  // "the quarter", "the half": the last one the release named, else the release's own
  let now = ctx;
  for (const b of blocks) {
    blockNo++;
    if (b.kind === "table") continue;
    const site = b.kind === "bullet" ? bulletSite(text.slice(b.start, b.end)) : null;
    b.sentences.forEach((s, k) => {
      const r = readSentence(
        text,
        s.tokens,
        { kind: "sentence", start: s.start, end: s.end },
        now,
        units,
        unread,
        defaultMaterial,
        lastPeriod,
      );
      now = lastNamed(r, now);
      const own = site ?? sentenceSite(s.tokens);
      if (own) for (const f of r.figs) if (f && !f.site) f.site = own;
      r.block = blockNo;
      r.order = k;
      r.sentence = s;
      r.heading = b.heading?.text ?? "";
      if (r.main) lastPeriod = r.main;
      readings.push(r);
    });
  }
  markForecasts(readings);
  const hitsOf = new Map<Reading, Hit[]>();
  for (const r of readings) {
    const hits = findChanges(r);
    hitsOf.set(r, hits);
    // an amount of change is not a figure of the period it names
    for (const h of hits) if (h.q.kind === "amount") r.figs[r.qs.indexOf(h.q)] = null;
    for (const f of r.figs) if (f) index.add(f);
  }
  const comments: { r: Reading; current: Fig | null; prior: Fig | null }[] = [];
  for (const b of blocks) {
    if (b.kind !== "table") continue;
    const t = readTable(text, b, ctx, defaultMaterial);
    for (const f of t.figures) index.add(f);
    unread.push(...t.unread);
    for (const c of t.claims) {
      found.push({
        kind: c.kind,
        start: c.cell.start,
        end: c.cell.end,
        place: c.place,
        stated: c.stated,
        metric: c.metric,
        unitText: c.unitText,
        figures: c.figures,
        verdict: c.verdict.verdict,
        ...(c.verdict.missing ? { missing: c.verdict.missing } : {}),
      });
    }
    for (const c of t.comments) {
      const tokens = tokenize(text, c.cell.start, c.cell.end);
      const r = readSentence(text, tokens, c.place, ctx, units, unread, defaultMaterial, c.current?.period ?? null);
      comments.push({ r, current: c.current, prior: c.prior });
    }
  }

  for (const f of index.all) if (f.site) env.sites.add(f.site);
  // Claims in prose, paragraph by paragraph.
  let currentBlock = -1;
  let pending: Pending[] = [];
  for (const r of readings) {
    if (r.block !== currentBlock) {
      found.push(...finish(pending, text));
      pending = [];
      currentBlock = r.block;
      const heading = headingPeriods(r);
      env.paragraphComparison = heading.comparison;
      env.paragraphPeriod = heading.period;
    }
    env.paragraphComparison = openingComparison(r) ?? env.paragraphComparison;
    found.push(...claimsIn(r, env, null, hitsOf.get(r) ?? [], pending));
    if (r.main) env.paragraphPeriod = r.main;
  }
  found.push(...finish(pending, text));
  settleRangeless(env);
  for (const c of comments) {
    const items: Pending[] = [];
    found.push(
      ...claimsIn(c.r, { ...env, paragraphComparison: null, paragraphPeriod: null }, c, findChanges(c.r), items),
    );
    found.push(...finish(items, text));
  }
  found.push(...periodTotals(readings, found, env));
  // a relation read without its range gives way to a reading of the same words with one
  const kept = found.filter(
    (c) =>
      !isRangeless(c) ||
      !found.some((o) => o !== c && o.kind === "guidance" && !isRangeless(o) && o.start < c.end && c.start < o.end),
  );
  found.length = 0;
  found.push(...kept);

  for (const u of unread) notRead.push({ text: u.text, start: u.start, end: u.end, why: u.why });
  found.sort((a, b) => a.start - b.start);
  return {
    date,
    figures: index.all.map((f) => publicFigure(f, text)).sort((a, b) => a.start - b.start),
    claims: found.map((c) => publicClaim(c, text)),
    notRead: notRead.sort((a, b) => a.start - b.start),
  };
}

/** Figures of a guidance range or a forecast are not actuals: they are never looked up as one. */
function markForecasts(readings: Reading[]): void {
  for (const r of readings) {
    r.figs.forEach((f, k) => {
      if (!f) return;
      const q = r.qs[k];
      const t = r.tokens;
      const next = t[q.last + 1];
      const prevQ = r.qs[k - 1];
      const nextQ = r.qs[k + 1];
      const rangeNext =
        nextQ &&
        (next?.text === "-" || next?.text === "\u2013" || next?.lower === "to" || next?.lower === "and") &&
        nextQ.first === q.last + 2;
      const rangePrev = prevQ && prevQ.last === q.first - 2 && /^(-|\u2013|to|and)$/.test(t[q.first - 1]?.lower ?? "");
      let guidance = false;
      for (let i = Math.max(0, q.first - 8); i < q.first; i++)
        if (
          /^(guidance|guideline|outlook|forecast|forecasted|budget|target|targeting|targets|expects|plan)$/.test(
            t[i].lower,
          )
        )
          guidance = true;
      if ((rangeNext || rangePrev) && guidance) f.forecast = true;
      else if (guidance && /^(of|at|is)$/.test(t[q.first - 1]?.lower ?? "")) f.forecast = true;
      else if (guidance && t[q.first - 1]?.text === "(") f.forecast = true;
    });
  }
}

interface Pending {
  r: Reading;
  h: Hit;
  c: Compared;
}

/** Changes, records, guidance and totals in one sentence (or a comment cell, whose row gives its figures). */
function claimsIn(
  r: Reading,
  env: Env,
  cell: { current: Fig | null; prior: Fig | null } | null,
  hits: Hit[],
  pending: Pending[],
): Found[] {
  const out: Found[] = [];
  const guidance = findGuidance(r, env, hits);
  const skip = new Set(guidance.usedHits);
  out.push(...guidance.found);
  const done = new Map<Hit, Compared>();
  for (const h of hits) {
    if (skip.has(h)) continue;
    const c = compare(r, h, hits, env, done);
    if (cell && (!c.current || !c.prior || !c.priorFromComparator)) {
      done.set(h, {
        ...c,
        current: cell.current,
        prior: cell.prior,
        missing: cell.current && cell.prior ? null : "the row does not print both figures",
        doubts: [],
      });
    }
  }
  settlePairs(hits, done);
  for (const h of hits) {
    const c = done.get(h);
    if (c) pending.push({ r, h, c });
  }
  out.push(...findRecords(r, env));
  out.push(...findTotals(r, env));
  return out;
}

const sameStated = (a: Hit, b: Hit): boolean =>
  a.q.kind === b.q.kind &&
  a.q.number.coefficient === b.q.number.coefficient &&
  a.q.number.exponent === b.q.number.exponent &&
  (a.direction === b.direction || a.direction === 0 || b.direction === 0);

/**
 * Within a paragraph: the same change stated twice ("20% lower gold-equivalent ounces sold" and, next
 * sentence, "… decreased by 20%"), or "the increase" said of the change before it. The claim that has
 * no figures of its own takes those of the one that has.
 */
function borrowFigures(items: Pending[]): void {
  const complete = (p: Pending): boolean => p.c.current !== null && p.c.prior !== null && !p.c.derived;
  items.forEach((p, k) => {
    if (p.c.current && p.c.prior) return;
    const t = p.r.tokens;
    const anaphora = isWord(t[p.h.from], "the") && p.h.q.kind === "amount";
    let source: Pending | undefined;
    if (anaphora) {
      for (let j = k - 1; j >= 0 && !source; j--)
        if (complete(items[j]) && sameDim(items[j].c.current!.q.unit.dim, p.h.q.unit.dim)) source = items[j];
    } else {
      source = items.find((o) => o !== p && complete(o) && sameStated(o.h, p.h) && sameMetric(o.c.metric, p.c.metric));
    }
    if (source)
      p.c = {
        ...p.c,
        current: source.c.current,
        prior: source.c.prior,
        metric: source.c.metric,
        missing: null,
        doubts: source.c.doubts,
      };
  });
}

function finish(items: Pending[], text: string): Found[] {
  borrowFigures(items);
  return items.map((p) => changeFound(p.r, p.h, p.c, changeVerdict(p.h, p.c), text));
}

function publicFigure(f: Fig, text: string): ReleaseFigure {
  return {
    value: printedNumber(f.q),
    printed: text.slice(f.start, f.end),
    unit: f.unitText,
    scale: f.q.unit.scale,
    metric: metricLabel(f.metric),
    period: f.period ? periodLabel(f.period) : null,
    start: f.start,
    end: f.end,
    where: f.place,
  };
}

function publicClaim(c: Found, text: string): ReleaseClaim {
  const figures: ReleaseClaim["figures"] = {};
  for (const [k, v] of Object.entries(c.figures)) {
    figures[k] = v === null ? null : Array.isArray(v) ? v.map((f) => publicFigure(f, text)) : publicFigure(v, text);
  }
  return {
    kind: c.kind,
    text: "",
    start: c.start,
    end: c.end,
    where: c.place,
    stated: c.stated,
    metric: c.metric ? metricLabel(c.metric) : null,
    unit: c.unitText,
    ...(c.scope ? { scope: c.scope } : {}),
    ...(c.checkedAs ? { checkedAs: c.checkedAs } : {}),
    figures,
    computed: computedOf(c),
    verdict: c.verdict,
    ...(c.missing ? { missing: c.missing } : {}),
  };
}
