/**
 * When a flag may be given. A verdict that says a release is wrong (inconsistent, wrong direction, truncated,
 * rounded up) stands only on figures that are certainly the ones the claim means: the metric, unit and
 * period of both match the claim's, and no other printed figure could be meant instead. Every step of the
 * reader that chose a figure by inference rather than by what the sentence says records a doubt; a flag
 * with a doubt becomes "not checkable", saying why. A "consistent" verdict is kept: figures that were not
 * the ones meant would almost never agree with the claim by chance.
 */
import type { FigureIndex } from "./figures";
import { metricLabel, type Metric } from "./metrics";
import type { Fig } from "./model";
import { periodLabel } from "./periods";
import type { Verdict } from "./verdicts";

const FLAG = /(?:^|: |\| )(?:inconsistent|wrong direction|truncated|rounded up)\b/;

/** Whether a verdict says the release is wrong (on either end of a range, or at its low end). */
const isFlag = (verdict: string): boolean => FLAG.test(verdict);

/** The verdict, or "not checkable" with the doubts when it is a flag given on figures that may not be the ones meant. */
export function unlessDoubted(v: Verdict, doubts: readonly string[]): Verdict {
  if (doubts.length === 0 || !isFlag(v.verdict)) return v;
  const unique = [...new Set(doubts)];
  return {
    verdict: "not checkable",
    missing: `${unique.join("; ")}: the figures found would say "${v.verdict}", which is not given on figures that may not be the ones meant`,
  };
}

/** Doubts about a figure found by metric and period elsewhere in the release: other figures that could be it. */
export function rivalDoubt(index: FigureIndex, f: Fig, metric: Metric): string | null {
  if (!f.period) return `the period of ${f.q.printed} is not known`;
  const rivals = index.rivals(f, metric);
  if (rivals.length === 0) return null;
  const what = metricLabel(metric) ?? "the figure";
  const values = [f, ...rivals].map((x) => x.q.printed).join(", ");
  return `the release prints more than one figure that could be ${what} for ${periodLabel(f.period)} (${values})`;
}

/** The qualifiers that make a series its own ("ROM", "saleable", "attributable"); "total" names the same series. */
const ownQualifiers = (m: Metric): string[] => m.qualifiers.filter((q) => q !== "total").sort();

/**
 * Doubt about a figure looked up elsewhere in the release to compare with a claim's: it must name the same
 * series — the same material when the claim names one, the same qualifiers ("ROM" is not "saleable") — else a
 * flag on it would compare two different things.
 */
export function seriesDoubt(f: Fig, metric: Metric): string | null {
  const a = ownQualifiers(f.metric).join(" ");
  const b = ownQualifiers(metric).join(" ");
  const material = metric.material !== null && f.metric.material !== null && metric.material !== f.metric.material;
  if (a === b && !material) return null;
  const label = (m: Metric): string => [...ownQualifiers(m), metricLabel(m) ?? "an unnamed metric"].join(" ");
  return `${f.q.printed} is printed as ${label(f.metric)}, the claim is about ${label(metric)}`;
}

/**
 * Doubt about an earlier figure that would make a record claim false: it must be of the record figure's own
 * material (named on both), qualifiers and unit as printed, or the release may be comparing other things.
 */
export function recordDoubt(earlier: Fig, value: Fig, metric: Metric): string | null {
  const material = value.metric.material ?? metric.material;
  if (material === null || earlier.metric.material !== material)
    return `${earlier.q.printed} is not certainly of the record's metal or material`;
  const unit = (f: Fig): string => f.unitText.toLowerCase().replace(/[^a-z]/g, "");
  if (unit(earlier) !== unit(value))
    return `${earlier.q.printed} is in ${earlier.unitText}, the record in ${value.unitText}`;
  if (ownQualifiers(earlier.metric).join(" ") !== ownQualifiers(value.metric).join(" "))
    return `${earlier.q.printed} is of another series than the record's`;
  return null;
}
