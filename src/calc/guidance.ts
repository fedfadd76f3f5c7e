/**
 * Guidance as companies write it ("88-92,000 ounces", "between 82,000 and 92,000 ounces",
 * "6.5 - 7.0 million", "approximately 22,500 ounces") read into a {low, high} range.
 * Figures are read as decimal text and converted once, so "6.5 million" is exactly 6500000.
 */
import { CalcError } from "./errors";

export interface GuidanceRange {
  low: number;
  high: number;
  /** The leading qualifier as written in lower case ("approximately", "just over", "+"), if any. */
  qualifier?: string;
}

/** Longest first, so "just over" wins over "over". */
const QUALIFIERS = [
  "in excess of",
  "approximately",
  "just above",
  "just below",
  "just under",
  "just over",
  "more than",
  "less than",
  "at least",
  "at most",
  "roughly",
  "approx.",
  "approx",
  "around",
  "about",
  "circa",
  "above",
  "below",
  "under",
  "up to",
  "over",
  "some",
  "~",
  "+",
  ">",
  "<",
];
const SCALES = new Map<string, number>(
  Object.entries({
    k: 3,
    koz: 3,
    thousand: 3,
    thousands: 3,
    m: 6,
    moz: 6,
    mn: 6,
    mln: 6,
    million: 6,
    millions: 6,
    bn: 9,
    billion: 9,
  }),
);
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const CURRENCY = /(?:us|c|a|au|ca|nz)?\$|€|£/y;
/** Digits and the characters that can group them, ending on a digit. */
const FIGURE = /[0-9](?:[0-9.,' ]*[0-9])?/y;
const SCALE = /(koz|moz|thousands?|millions?|mn|mln|billion|bn|k|m)(?![a-z])/y;
/** Unit words after a figure ("oz", "silver ounces", "of gold"); "to"/"and" end them. */
const UNIT_WORD = / ?([a-z][a-z.'()]*)/y;
const SEPARATOR = / ?(-|to(?![a-z])|and(?![a-z])) ?/y;
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

interface End {
  figure: string;
  scale?: number;
  /** Nothing but the figure: no currency, scale or unit ("88" in "88-92,000"). */
  bare: boolean;
}

interface Figure {
  integer: string;
  fraction: string;
  /** Number of thousands groups after the leading one ("92,000" has 1). */
  groups: number;
  lead: string;
}

/** Reads guidance text into a range; CalcError("value") quoting the text when it cannot. */
export function parseGuidance(text: string): GuidanceRange {
  const s = text.replace(DASHES, "-").replace(SPACES, " ").trim().toLowerCase();
  const fail = (why: string): CalcError => new CalcError("value", `guidance "${text}" cannot be read: ${why}`);
  if (s === "") throw fail("it is empty");

  let pos = 0;
  let qualifier: string | undefined;
  const between = s.startsWith("between ");
  const from = s.startsWith("from "); // "from 50,000 to 55,000 ounces"
  if (between || from) {
    pos = between ? "between ".length : "from ".length;
  } else {
    qualifier = QUALIFIERS.find((q) => s.startsWith(q) && (!/[a-z.]$/.test(q) || !/[a-z]/.test(s[q.length] ?? "")));
    if (qualifier) pos = qualifier.length;
  }

  const readEnd = (): End => {
    pos = skipSpace(s, pos);
    CURRENCY.lastIndex = pos;
    const currency = CURRENCY.test(s);
    if (currency) pos = skipSpace(s, CURRENCY.lastIndex);
    FIGURE.lastIndex = pos;
    const m = FIGURE.exec(s);
    if (!m) throw fail(pos >= s.length ? "a figure is missing at the end" : `expected a figure at "${s.slice(pos)}"`);
    pos = FIGURE.lastIndex;
    const end: End = { figure: m[0], bare: !currency };
    SCALE.lastIndex = skipSpace(s, pos);
    const scale = SCALE.exec(s);
    if (scale) {
      end.scale = SCALES.get(scale[1]) as number; // SCALE only matches these words
      end.bare = false;
      pos = SCALE.lastIndex;
    }
    for (;;) {
      UNIT_WORD.lastIndex = pos;
      const w = UNIT_WORD.exec(s);
      if (!w || w[1] === "to" || w[1] === "and") break;
      end.bare = false;
      pos = UNIT_WORD.lastIndex;
    }
    return end;
  };

  const first = readEnd();
  let second: End | undefined;
  SEPARATOR.lastIndex = pos;
  const sep = SEPARATOR.exec(s);
  if (between && (!sep || sep[1] !== "and")) throw fail(`"between" needs "and" before the second figure`);
  if (from && (!sep || sep[1] === "and")) throw fail(`"from" needs "to" before the second figure`);
  if (sep && (between || sep[1] !== "and")) {
    pos = SEPARATOR.lastIndex;
    second = readEnd();
  }
  if (pos < s.length) throw fail(`unexpected "${s.slice(pos).trim()}"`);

  const range = second ? readRange(first, second, sep?.[1] === "-", fail) : readPoint(first, fail);
  if (range.low > range.high) {
    throw new CalcError("value", `guidance "${text}": the low end ${range.low} is above the high end ${range.high}`);
  }
  return qualifier ? { ...range, qualifier } : range;
}

function skipSpace(s: string, pos: number): number {
  return s[pos] === " " ? pos + 1 : pos;
}

function readPoint(end: End, fail: (why: string) => CalcError): GuidanceRange {
  const value = toNumber(readFigure(end.figure, fail), end.scale ?? 0);
  return { low: value, high: value };
}

function readRange(a: End, b: End, dash: boolean, fail: (why: string) => CalcError): GuidanceRange {
  // One scale word ("6.5 - 7.0 million") applies to both ends.
  const scaleA = a.scale ?? b.scale ?? 0;
  const scaleB = b.scale ?? a.scale ?? 0;
  // German "182.000 - 193.000": dots before groups of three digits on both ends group thousands.
  // With a scale word a single dot is a decimal point ("1.250-1.400 Moz").
  const dotGroups =
    a.scale === undefined && b.scale === undefined && DOT_THOUSANDS.test(a.figure) && DOT_THOUSANDS.test(b.figure);
  const low = dotGroups ? dotGrouped(a.figure) : readFigure(a.figure, fail);
  const high = dotGroups ? dotGrouped(b.figure) : readFigure(b.figure, fail);
  // Shorthand "88-92,000": a bare low end before a dash borrows the high end's thousands groups.
  // "1 to 2,000,000" and "1 oz - 2,000,000 oz" are read as written.
  if (
    dash &&
    a.bare &&
    low.groups === 0 &&
    low.fraction === "" &&
    high.groups > 0 &&
    high.fraction === "" &&
    BigInt(low.integer) < BigInt(high.lead)
  ) {
    low.integer += "000".repeat(high.groups);
  }
  return { low: toNumber(low, scaleA), high: toNumber(high, scaleB) };
}

function dotGrouped(figure: string): Figure {
  const groups = figure.split(".");
  return { integer: groups.join(""), fraction: "", groups: groups.length - 1, lead: groups[0] };
}

/** Splits a printed figure into digits, checking the grouping is one a person would print. */
function readFigure(figure: string, fail: (why: string) => CalcError): Figure {
  if (/[.,'] | [.,']/.test(figure)) throw fail(`"${figure}" has a space beside a separator`);
  let integerPart = figure;
  let fraction = "";
  const dots = figure.split(".").length - 1;
  const commas = figure.split(",").length - 1;
  if (dots === 1 && figure.lastIndexOf(".") > figure.lastIndexOf(",")) {
    [integerPart, fraction] = figure.split(".");
  } else if (commas === 1 && dots > 0 && figure.lastIndexOf(",") > figure.lastIndexOf(".")) {
    [integerPart, fraction] = figure.split(","); // European "1.234,5"
  }
  if (!/^[0-9]*$/.test(fraction)) throw fail(`"${figure}" has digits grouped after the decimal mark`);
  const separators = new Set(integerPart.replace(/[0-9]/g, ""));
  if (separators.size > 1) throw fail(`"${figure}" mixes thousands separators`);
  const groups = separators.size === 0 ? [integerPart] : integerPart.split([...separators][0]);
  if (groups.length > 1 && (groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3))) {
    throw fail(`"${figure}" is not grouped in threes (a decimal comma is not read; write 6.5, not 6,5)`);
  }
  return { integer: groups.join(""), fraction, groups: groups.length - 1, lead: groups[0] };
}

/** Exact decimal to the nearest double: JS parses "65e5" with correct rounding. */
function toNumber(f: Figure, scale: number): number {
  return Number(`${f.integer}${f.fraction}e${scale - f.fraction.length}`);
}

/**
 * Growth the range implies over last year's actual: {low/base - 1, high/base - 1}.
 * A zero base has no growth (div0); a negative one makes a percentage meaningless (value).
 */
export function impliedGrowth(range: { low: number; high: number }, base: number): { low: number; high: number } {
  if (base === 0) throw new CalcError("div0", "base is 0: growth over nothing is undefined");
  if (!(base > 0) || !Number.isFinite(base)) {
    throw new CalcError("value", `base ${base} must be a positive number (a negative base makes growth meaningless)`);
  }
  return { low: range.low / base - 1, high: range.high / base - 1 };
}
