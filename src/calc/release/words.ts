/** The words of change, comparison, records and guidance, as releases print them. */
import { isWord, type Token } from "./tokens";

// Maps, not objects: words from the text must never reach Object.prototype.
/** Change words and the direction they state (0: none, compared as a size — "weakened" is not a direction). */
export const CHANGE_WORDS = new Map<string, -1 | 0 | 1>([
  ...[
    "increase",
    "increased",
    "increases",
    "increasing",
    "rise",
    "rises",
    "rose",
    "risen",
    "rising",
    "grew",
    "grow",
  ].map((w) => [w, 1] as [string, 1]),
  ...[
    "grows",
    "growth",
    "gain",
    "gained",
    "gains",
    "up",
    "higher",
    "improved",
    "improvement",
    "improves",
    "climbed",
  ].map((w) => [w, 1] as [string, 1]),
  ...["jumped", "raising", "above", "exceeded", "doubled", "tripled", "surged", "advanced", "more"].map(
    (w) => [w, 1] as [string, 1],
  ),
  ...[
    "decrease",
    "decreased",
    "decreases",
    "decreasing",
    "decline",
    "declined",
    "declines",
    "declining",
    "fell",
    "fall",
  ].map((w) => [w, -1] as [string, -1]),
  ...[
    "falls",
    "fallen",
    "drop",
    "drops",
    "dropped",
    "down",
    "lower",
    "lost",
    "loss",
    "below",
    "reduced",
    "reduction",
  ].map((w) => [w, -1] as [string, -1]),
  ...["less", "slipped", "eased", "dipped"].map((w) => [w, -1] as [string, -1]),
  ...["weakened", "strengthened", "changed", "change"].map((w) => [w, 0] as [string, 0]),
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
]);

/** Words that introduce what a change is measured against. */
export const COMPARATOR_WORDS = new Set([
  "against",
  "compared",
  "versus",
  "vs",
  "than",
  "over",
  "from",
  "on",
  "relative",
  "beating",
  "above",
  "below",
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

export const isChangeWord = (t: Token | undefined): boolean =>
  t !== undefined && t.kind === "word" && CHANGE_WORDS.has(t.lower);

/** Bounds as CLAIM_CHECK reads them, right before a figure. */
export function boundBefore(tokens: Token[], i: number): { words: string; from: number } | null {
  const a = tokens[i - 1];
  const b = tokens[i - 2];
  if (isWord(a, "than") && isWord(b, "more", "less", "greater", "fewer"))
    return { words: `${b.lower} than`, from: i - 2 };
  if (isWord(a, "least") && isWord(b, "at")) return { words: "at least", from: i - 2 };
  if (isWord(a, "over", "above", "exceeding", "under")) return null; // "over" after a change word is a comparison
  return null;
}

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
