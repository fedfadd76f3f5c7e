/**
 * Reads a stated change as a release prints it ("+24%", "a 9% increase", "down 13.5 percent", "12,6%",
 * "(-16%)", "20-26%") into exact figures: the printed digits, their precision and the direction claimed.
 */
import { CalcError, calcErrorOf } from "./errors";
import { decimalOfNumber, readDecimal, STATED, type Decimal } from "./number";
import { LANGUAGE_WORDS, plainDashes, plainSpaces } from "./vocabulary";

type Direction = 1 | -1 | 0; // up, down, or none said (compared as a magnitude)

/** "more than 30%" is a bound on the size of the change, not a rounded figure. */
export type Bound = ">" | ">=" | "<" | "<=";

export interface StatedFigure {
  /** The printed magnitude in percent as an integer of `decimals` places: "13.5%" is 135 with decimals 1. */
  digits: bigint;
  decimals: number;
  direction: Direction;
  bound?: Bound;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const PERCENT = String.raw`(?:%|percent\b|per\s+cent\b|pct\b|por\s+ciento\b|por\s+cento\b|pour\s+cent\b|per\s+cento\b|prozent\b)`;
const SIGN = String.raw`([+-])?`;
// The figure must not start inside another number ("1,234.5%" is not "234.5%").
const SINGLE = new RegExp(String.raw`(?<![\d.,])(\(\s*)?${SIGN}\s*${NUMBER}\s*(\))?\s*${PERCENT}(\s*\))?`, "g");
const RANGE = new RegExp(
  String.raw`(?<![\d.,])${SIGN}\s*${NUMBER}\s*${PERCENT}?\s*(-|\bto\b|\band\b)\s*${SIGN}\s*${NUMBER}\s*${PERCENT}`,
);

const UP =
  /^(up|increase[sd]?|increasing|rise[sn]?|rising|rose|higher|gain(?:s|ed)?|grew|grow(?:s|ing|n|th)?|above|improve[sd]?|improvement)$/;
const DOWN =
  /^(down|decrease[sd]?|decreasing|decline[sd]?|declining|fall(?:s|en|ing)?|fell|lower|drop(?:s|ped)?|reduc(?:ed|tion)|below|lost|loss)$/;
/**
 * The other languages' one-word directions ("aumento de 9%", "baisse de 9 %", "Rückgang um 4 %").
 * "plus" and "minus" are left out: French "plus de 9 %" is "more than 9%", not a rise.
 */
const OTHER_DIRECTIONS = (side: "up" | "down"): Set<string> =>
  new Set(
    Object.entries(LANGUAGE_WORDS)
      .filter(([lang]) => lang !== "en")
      .flatMap(([, w]) => w[side])
      .filter((word) => !word.includes(" ") && word !== "plus" && word !== "minus"),
  );
const OTHER_UP = OTHER_DIRECTIONS("up");
const OTHER_DOWN = OTHER_DIRECTIONS("down");
// Words right before the figure that make it a bound; "nearly"/"almost" have no stated tolerance, so they are refused.
const BOUNDS: Record<string, Bound | null> = {
  ...wordsOf(">", "more than|greater than|in excess of|exceeding|over|above|>"),
  ...wordsOf(">", "más de|mais de|plus de|più di|oltre|mehr als|über"),
  ...wordsOf(">=", "at least|≥|al menos|por lo menos|pelo menos|au moins|almeno|mindestens"),
  ...wordsOf("<", "less than|fewer than|under|below|<|menos de|moins de|meno di|weniger als|unter"),
  ...wordsOf("<=", "at most|up to|≤|hasta|até|jusqu'à|jusqu’à|fino a|bis zu"),
  ...wordsOf(null, "nearly|almost|close to|casi|cerca de|quase|près de|presque|quasi|fast|knapp"),
};
const BOUND = new RegExp(
  String.raw`(?<!\p{L})(${Object.keys(BOUNDS)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|")})\s*\(?\s*$`,
  "u",
);

function wordsOf(bound: Bound | null, list: string): Record<string, Bound | null> {
  return Object.fromEntries(list.split("|").map((w) => [w, bound]));
}

/** Parses `stated` (text, or a number such as 0.24 from a cell formatted as a percentage) into one figure or a range of two. */
export function parseStated(stated: unknown): StatedFigure[] {
  if (typeof stated === "number") return [fromCellNumber(stated)];
  if (stated === null || stated === undefined || (typeof stated === "string" && stated.trim() === "")) {
    throw new CalcError("na", 'stated is blank: give the change as printed, e.g. "+24%"');
  }
  if (typeof stated !== "string")
    throw new CalcError("value", `stated must be text such as "+24%", not ${describe(stated)}`);
  const text = normalise(stated);
  const quoted = `stated "${stated.trim()}"`;

  const found = locate(text, quoted);
  const { bound, before } = boundBefore(text.slice(0, found.start), quoted, found.figures.length === 2);
  const rest = `${before} ${text.slice(found.end)}`;
  if (found.figures.length === 2 && [...rest.matchAll(SINGLE)].length > 0) {
    throw new CalcError("value", `${quoted} has more than one change: give one figure or one range`);
  }
  const word = directionWord(rest, quoted);

  return found.figures.map((f) => {
    // Accounting parentheses "(16%)" mean a fall; "(-16%)" and "(+16%)" say it with the sign.
    const own: Direction = f.sign === "+" ? 1 : f.sign === "-" || f.parens ? -1 : 0;
    if (own !== 0 && word !== 0 && own !== word) {
      throw new CalcError(
        "value",
        `${quoted} says both up and down: the sign of ${f.sign ?? "()"}${f.number}% contradicts the words`,
      );
    }
    const figure: StatedFigure = { ...readNumber(f.number, quoted), direction: own !== 0 ? own : word };
    if (bound) figure.bound = bound;
    return figure;
  });
}

interface Located {
  figures: { sign: string | undefined; number: string; parens: boolean }[];
  start: number;
  end: number;
}

/** Where the figure (or the range of two) sits in the text. */
function locate(text: string, quoted: string): Located {
  const range = RANGE.exec(text);
  // "and" joins a range only after "between": "up 9% and 12%" is two claims.
  if (range && (range[3] !== "and" || /\bbetween\b/.test(text.slice(0, range.index)))) {
    return {
      figures: [
        { sign: range[1], number: range[2], parens: false },
        { sign: range[4], number: range[5], parens: false },
      ],
      start: range.index,
      end: range.index + range[0].length,
    };
  }
  const singles = [...text.matchAll(SINGLE)];
  if (singles.length === 0)
    throw new CalcError("value", `${quoted} has no percentage in it: write it as printed, e.g. "+24%" or "20-26%"`);
  if (singles.length > 1)
    throw new CalcError(
      "value",
      `${quoted} has ${singles.length} percentages: give one change (or one range "20-26%")`,
    );
  const m = singles[0];
  const start = m.index ?? 0;
  return {
    figures: [{ sign: m[2], number: m[3], parens: Boolean(m[1] && (m[4] || m[5])) }],
    start,
    end: start + m[0].length,
  };
}

/** A bound right before the figure ("more than 30%"), and the text before it without those words. */
function boundBefore(before: string, quoted: string, isRange: boolean): { bound?: Bound; before: string } {
  const words = BOUND.exec(before);
  if (!words) return { before };
  const bound = BOUNDS[words[1]];
  if (bound === null || isRange) {
    const why = isRange ? "before a range" : "gives no tolerance";
    throw new CalcError(
      "value",
      `${quoted} has no definite figure: "${words[1]}" ${why}; give the figure as printed, e.g. "31%"`,
    );
  }
  // "above 30%" is a bound, not the direction "above"
  return { bound, before: before.slice(0, words.index) };
}

/** Lower case, plain spaces and one "-" for every dash: "–3%" is a fall, "20–26%" a range, as with "-". */
function normalise(s: string): string {
  return plainDashes(plainSpaces(s.toLowerCase()))
    .replace(/\uff05/g, "%")
    .trim();
}

function directionWord(rest: string, quoted: string): Direction {
  let up = false;
  let down = false;
  for (const w of rest.match(/\p{L}+/gu) ?? []) {
    if (UP.test(w) || OTHER_UP.has(w)) up = true;
    if (DOWN.test(w) || OTHER_DOWN.has(w)) down = true;
  }
  if (up && down) throw new CalcError("value", `${quoted} says both up and down: keep one direction word`);
  return up ? 1 : down ? -1 : 0;
}

/**
 * "13.5" or "12,6" into digits and decimals, by the number reader with the STATED settings: the
 * text decides the decimal mark, and "1,250" (thousands, or a decimal comma?) is refused.
 */
function readNumber(number: string, quoted: string): { digits: bigint; decimals: number } {
  try {
    const d = readDecimal(number, STATED) as Decimal; // the text is digits: never "no figure"
    return { digits: d.coefficient, decimals: 0 - d.exponent }; // never -0
  } catch (e) {
    throw new CalcError("value", `${quoted} is ambiguous: ${calcErrorOf(e).message}`);
  }
}

/** A number from a cell is a fraction (0.24 = 24%); its shortest decimal gives the precision, its sign the direction. */
function fromCellNumber(x: number): StatedFigure {
  if (!Number.isFinite(x)) throw new CalcError("value", `stated must be a finite number, not ${String(x)}`);
  const d = decimalOfNumber(x);
  let digits = d.coefficient < 0n ? -d.coefficient : d.coefficient;
  let decimals = -d.exponent - 2; // percent = fraction × 100
  if (decimals < 0) {
    digits *= 10n ** BigInt(-decimals);
    decimals = 0;
  }
  return { digits, decimals, direction: x > 0 ? 1 : x < 0 ? -1 : 0 };
}

function describe(v: unknown): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (Array.isArray(v)) return "a range";
  return typeof v;
}
