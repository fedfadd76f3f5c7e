/**
 * Totals stated in prose: "… so that production from the operating mines totaled 575,523 ounces" over
 * the figures listed before it; "Total gold production of 263,813 ounces, which includes 15,080 ounces
 * of …" with the rest printed elsewhere; and a figure for a period whose parts the release prints
 * ("35,310 oz over the first six months" with both quarters printed). Checked exactly.
 */
import { baseValue } from "./quantities";
import { sameDim, type Reading } from "./figures";
import { hasMetric, isAdditive } from "./metrics";
import type { Fig, Found } from "./model";
import type { Resolved } from "./periods";
import type { Env } from "./read";
import { isWord } from "./tokens";
import { totalVerdict } from "./verdicts";

const TOTAL_WORDS = new Set(["totaled", "totalled", "totals", "totalling", "totaling"]);

export function findTotals(r: Reading, env: Env): Found[] {
  const out: Found[] = [];
  const { tokens, qs, figs } = r;
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k];
    const total = figs[k];
    if (!total || q.kind !== "amount" || !isAdditive(total.metric, q.unit.dim)) continue;
    const before = tokens[q.first - 1];
    const listed =
      before &&
      before.kind === "word" &&
      (TOTAL_WORDS.has(before.lower) || (isWord(before, "of") && isWord(tokens[q.first - 2], "total")));
    // "Total gold production of 263,813 ounces, which includes 15,080 ounces …"
    const opening =
      tokens.slice(Math.max(0, q.first - 6), q.first).some((t) => isWord(t, "total")) &&
      isWord(tokens[q.first - 1], "of");
    if (listed) {
      const parts = figs.filter(
        (f, j): f is Fig =>
          f !== null && j < k && qs[j].kind === "amount" && sameDim(qs[j].unit.dim, q.unit.dim) && !qs[j].paren,
      );
      if (parts.length >= 2) {
        out.push(claim(r, Math.max(0, q.first - 1), q.last, total, parts));
        continue;
      }
    }
    if (opening) {
      const inc = tokens.findIndex(
        (t, j) => j > q.last && j <= q.last + 4 && isWord(t, "includes", "including", "include"),
      );
      const part =
        inc >= 0
          ? qs.find(
              (x) => x.first > inc && x.first <= inc + 3 && x.kind === "amount" && sameDim(x.unit.dim, q.unit.dim),
            )
          : undefined;
      if (!part) continue;
      const partFig = figs[qs.indexOf(part)];
      if (!partFig) continue;
      // the rest: a figure printed nearby (the same paragraph or the ones before) that completes the total exactly
      const rest = complement(env, total, partFig);
      let start = q.first;
      for (let j = q.first - 1; j >= 0 && j >= q.first - 6; j--) if (isWord(tokens[j], "total")) start = j;
      if (rest) out.push(claim(r, start, q.last, total, [rest, partFig]));
      else
        out.push({
          ...claim(r, start, q.last, total, [partFig]),
          verdict: "not checkable",
          missing: "the rest of the total is not printed",
        });
    }
  }
  return out;
}

function claim(r: Reading, from: number, to: number, total: Fig, parts: Fig[]): Found {
  const v = totalVerdict(
    total.q,
    parts.map((p) => p.q),
  );
  return {
    kind: "total",
    start: r.tokens[from].start,
    end: r.tokens[to].end,
    place: r.place,
    stated: total.q.printed,
    metric: total.metric,
    unitText: total.unitText,
    figures: { total, parts },
    verdict: v.verdict,
    ...(v.missing ? { missing: v.missing } : {}),
  };
}

/** How far back (in characters) the rest of a total is looked for: its paragraph and the few before. */
const REST_WINDOW = 1500;

function complement(env: Env, total: Fig, part: Fig): Fig | null {
  const t = baseValue(total.q);
  const p = baseValue(part.q);
  const e = Math.min(t.exponent, p.exponent);
  const want = t.coefficient * 10n ** BigInt(t.exponent - e) - p.coefficient * 10n ** BigInt(p.exponent - e);
  for (const f of env.index.between(total.start - REST_WINDOW, total.start)) {
    if (f === total || f === part) continue;
    if (!sameDim(f.q.unit.dim, total.q.unit.dim)) continue;
    const v = baseValue(f.q);
    if (v.exponent < e) continue;
    if (v.coefficient * 10n ** BigInt(v.exponent - e) === want) return f;
  }
  return null;
}

/**
 * A figure in prose for a period whose parts the release prints (both quarters of a half, every month
 * of a quarter), when no table already states that total: a total, checked against its parts.
 */
export function periodTotals(readings: Reading[], found: Found[], env: Env): Found[] {
  const out: Found[] = [];
  const stated = new Set(found.filter((c) => c.kind === "total").map((c) => c.figures.total as Fig));
  // the periods tables print, by measure and unit: a table that prints a period states its total itself
  const tabled = new Set<string>();
  for (const o of env.index.all)
    if (o.place.kind === "table cell" && o.period)
      tabled.add(
        `${o.period.first}|${o.period.last}|${o.metric.measure}|${o.q.unit.dim.replace(/^money:(US)?\$/, "money:$")}`,
      );
  for (const r of readings) {
    r.figs.forEach((f, k) => {
      if (!f || !f.period || stated.has(f) || !hasMetric(f.metric) || f.metric.measure === null) return;
      if (!isAdditive(f.metric, f.q.unit.dim)) return;
      const p = f.period;
      const len = p.last - p.first + 1;
      if (len < 2 || len > 12) return;
      if (tabled.has(`${p.first}|${p.last}|${f.metric.measure}|${f.q.unit.dim.replace(/^money:(US)?\$/, "money:$")}`))
        return;
      for (const step of [6, 3, 1]) {
        if (step >= len || len % step !== 0) continue;
        const parts: Fig[] = [];
        for (let m = p.first; m <= p.last; m += step) {
          const part = env.index.find(
            f.metric,
            { first: m, last: m + step - 1 } as Resolved,
            f.q.unit.dim,
            f.site,
            f.start,
            f,
          );
          if (!part) break;
          parts.push(part);
        }
        if (parts.length === len / step) {
          const q = r.qs[k];
          out.push(claim(r, q.first, q.last, f, parts));
          return;
        }
      }
    });
  }
  return out;
}
