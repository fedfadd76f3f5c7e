/** The words of change, comparison, records and guidance, as releases print them. */
import { isWord, type Token } from "./tokens";

const UP_WORDS =
  "increase increased increases increasing rise rises rose risen rising grew grow grows growth gain gained gains up " +
  "higher improved improvement improves climbed climb climbs jumped jump jumps raising above exceeded exceeding " +
  "surpassing surpassed beating doubled tripled surged surge surges soared advanced more hike hiked beat";
const DOWN_WORDS =
  "decrease decreased decreases decreasing decline declined declines declining fell fall falls fallen drop drops " +
  "dropped down lower lost loss below reduced reduction less slipped eased dipped slumped plunged tumbled shrank " +
  "contracted";
const NEUTRAL_WORDS = "weakened strengthened changed change";

// A Map, not an object: words from the text must never reach Object.prototype.
/** Change words and the direction they state (0: none, compared as a size — "weakened" is not a direction). */
export const CHANGE_WORDS = new Map<string, -1 | 0 | 1>([
  ...UP_WORDS.split(" ").map((w) => [w, 1] as [string, 1]),
  ...DOWN_WORDS.split(" ").map((w) => [w, -1] as [string, -1]),
  ...NEUTRAL_WORDS.split(" ").map((w) => [w, 0] as [string, 0]),
]);

/** Change words that are nouns ("an increase of 9%", "a 20% increase"). */
export const CHANGE_NOUNS = new Set([
  "increase",
  "growth",
  "decline",
  "decrease",
  "rise",
  "drop",
  "fall",
  "gain",
  "improvement",
  "reduction",
  "change",
  "jump",
  "loss",
  "hike",
]);

/** Words that may stand between a change word and its figure ("increased by only", "up by more than"). */
export const FILLERS = new Set([
  "by",
  "of",
  "only",
  "approximately",
  "about",
  "around",
  "roughly",
  "some",
  "nearly",
  "almost",
  "a",
  "an",
  "significant",
  "further",
  "strong",
  "sharp",
  "solid",
  "sharply",
  "more",
  "than",
  "less",
  "at",
  "least",
  "over",
  "just",
  "to",
  "year",
  "on",
  "quarter",
  "month",
  "rate",
]);

/** Words that end the phrase after a comparator ("over the third quarter of 2017 and brought…"). */
export const PHRASE_ENDS = new Set([
  "and",
  "but",
  "while",
  "which",
  "because",
  "as",
  "with",
  "to",
  "due",
  "thanks",
  "despite",
]);

export const GUIDANCE_WORDS = new Set([
  "guidance",
  "guideline",
  "guidelines",
  "outlook",
  "forecast",
  "forecasts",
  "target",
  "targets",
  "targeting",
  "targeted",
  "expects",
  "expected",
  "expect",
  "budget",
  "plan",
  "plans",
  "projected",
  "estimate",
]);

/**
 * Changes said as a multiple, as the percentage they mean and their direction: done ("doubled", "halved")
 * or planned ("to double", "tripling"), which only guidance reads.
 */
export const MULTIPLES = new Map<string, { pct: bigint; dir: -1 | 1; planned: boolean }>([
  ["doubled", { pct: 100n, dir: 1, planned: false }],
  ["tripled", { pct: 200n, dir: 1, planned: false }],
  ["quadrupled", { pct: 300n, dir: 1, planned: false }],
  ["halved", { pct: 50n, dir: -1, planned: false }],
  ["double", { pct: 100n, dir: 1, planned: true }],
  ["doubling", { pct: 100n, dir: 1, planned: true }],
  ["triple", { pct: 200n, dir: 1, planned: true }],
  ["tripling", { pct: 200n, dir: 1, planned: true }],
]);

/** The bound words before token i ("more than", "nearly"): where they start, and the bound CLAIM_CHECK reads. */
export function boundBefore(tokens: readonly Token[], i: number): { from: number; bound: string } {
  if (isWord(tokens[i - 1], "than") && isWord(tokens[i - 2], "more", "less")) {
    return { from: i - 2, bound: `${tokens[i - 2].lower} than` };
  }
  if (isWord(tokens[i - 1], "nearly", "almost", "roughly", "about")) return { from: i - 1, bound: tokens[i - 1].lower };
  return { from: i, bound: "" };
}
