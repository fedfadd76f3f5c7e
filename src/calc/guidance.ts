/**
 * Guidance as companies write it ("88-92,000 ounces", "between 82,000 and 92,000 ounces",
 * "6.5 - 7.0 million", "approximately 22,500 ounces") read into a {low, high} range.
 * The figures are read by the one number reader (number.ts, settings GUIDANCE), so "6.5 million" is
 * exactly 6500000; what this file adds is the grammar around them: qualifiers, the two ends, the
 * words between, the "88-92,000" shorthand and German dot groups.
 */
import { CalcError } from "./errors";
import {
  decimalEvidence,
  figureValue,
  GUIDANCE,
  Refusal,
  scanFigure,
  type Figure,
  type NumberSettings,
} from "./number";
import { collapseSpaces, plainDashes } from "./vocabulary";

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
/** Unit words after a figure ("oz", "silver ounces", "of gold"); "to"/"and" end them. */
const UNIT_WORD = / ?([a-z][a-z.'()]*)/iy;
const SEPARATOR = / ?(-|to(?![a-z])|and(?![a-z])) ?/iy;
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
/** A figure only a decimal comma makes sense of ("1.234,5", "1.250.000"), and German ranges ("182.000 - 193.000"). */
const EUROPEAN: NumberSettings = { ...GUIDANCE, decimal: "," };

type Fail = (why: string) => CalcError;

interface End {
  figure: Figure;
  /** Where the figure (or its currency) starts, to read it again with a decimal comma. */
  start: number;
  /** Nothing but the figure: no currency, scale or unit ("88" in "88-92,000"). */
  bare: boolean;
}

/** Reads guidance text into a range; CalcError("value") quoting the text when it cannot. */
export function parseGuidance(text: string): GuidanceRange {
  const s = collapseSpaces(plainDashes(text));
  const lower = s.toLowerCase();
  const fail: Fail = (why) => new CalcError("value", `guidance "${text}" cannot be read: ${why}`);
  if (s === "") throw fail("it is empty");

  let pos = 0;
  let qualifier: string | undefined;
  const between = lower.startsWith("between ");
  const from = lower.startsWith("from "); // "from 50,000 to 55,000 ounces"
  if (between || from) {
    pos = between ? "between ".length : "from ".length;
  } else {
    qualifier = QUALIFIERS.find(
      (q) => lower.startsWith(q) && (!/[a-z.]$/.test(q) || !/[a-z]/.test(lower[q.length] ?? "")),
    );
    if (qualifier) pos = qualifier.length;
  }

  const readEnd = (): End => {
    const start = skipSpace(s, pos);
    const figure = readFigure(s, start, GUIDANCE, fail);
    // A percentage is a change, not guidance ("20-26%" is CLAIM_CHECK's).
    if (figure.scale === "%") throw fail(`unexpected "${s.slice(figure.end - 1).trim()}"`);
    const end: End = { figure, start, bare: !figure.currency && figure.scale === "" };
    pos = figure.end;
    for (;;) {
      UNIT_WORD.lastIndex = pos;
      const w = UNIT_WORD.exec(s);
      if (!w || /^(to|and)$/i.test(w[1])) break;
      end.bare = false;
      pos = UNIT_WORD.lastIndex;
    }
    return end;
  };

  const first = readEnd();
  let second: End | undefined;
  SEPARATOR.lastIndex = pos;
  const sep = SEPARATOR.exec(s);
  const word = sep?.[1].toLowerCase();
  if (between && word !== "and") throw fail(`"between" needs "and" before the second figure`);
  if (from && (word === undefined || word === "and")) throw fail(`"from" needs "to" before the second figure`);
  if (word !== undefined && (between || word !== "and")) {
    pos = SEPARATOR.lastIndex;
    second = readEnd();
  }
  if (pos < s.length) throw fail(`unexpected "${s.slice(pos).trim()}"`);

  const range = second ? readRange(s, first, second, word === "-", fail) : readPoint(first);
  if (range.low > range.high) {
    throw new CalcError("value", `guidance "${text}": the low end ${range.low} is above the high end ${range.high}`);
  }
  return qualifier ? { ...range, qualifier } : range;
}

function skipSpace(s: string, pos: number): number {
  return s[pos] === " " ? pos + 1 : pos;
}

/**
 * One figure, read by the number reader with guidance's settings (a decimal point). A figure that
 * only a decimal comma makes sense of ("1.234,5", "1.250.000") is read with one; "6,5" is refused,
 * as guidance prints a decimal point.
 */
function readFigure(s: string, at: number, settings: NumberSettings, fail: Fail): Figure {
  const f = scanFigure(s, at, settings);
  if (f === null)
    throw fail(at >= s.length ? "a figure is missing at the end" : `expected a figure at "${s.slice(at)}"`);
  if (!(f instanceof Refusal)) return f;
  if (settings === GUIDANCE && f.run.includes(".") && decimalEvidence(f.run) === ",") {
    return readFigure(s, at, EUROPEAN, fail);
  }
  throw fail(f.why);
}

function readPoint(end: End): GuidanceRange {
  const value = figureValue(end.figure);
  return { low: value, high: value };
}

function readRange(s: string, a: End, b: End, dash: boolean, fail: Fail): GuidanceRange {
  // One scale word ("6.5 - 7.0 million") applies to both ends.
  const scaleA = a.figure.scale !== "" ? a.figure.scalePower : b.figure.scalePower;
  const scaleB = b.figure.scale !== "" ? b.figure.scalePower : a.figure.scalePower;
  // German "182.000 - 193.000": dots before groups of three digits on both ends group thousands.
  // With a scale word a single dot is a decimal point ("1.250-1.400 Moz").
  const dotGroups =
    a.figure.scale === "" &&
    b.figure.scale === "" &&
    DOT_THOUSANDS.test(a.figure.run) &&
    DOT_THOUSANDS.test(b.figure.run);
  const low = dotGroups ? readFigure(s, a.start, EUROPEAN, fail) : readFigure(s, a.start, GUIDANCE, fail); // a copy to change
  const high = dotGroups ? readFigure(s, b.start, EUROPEAN, fail) : b.figure;
  // Shorthand "88-92,000": a bare low end before a dash borrows the high end's thousands groups.
  // "1 to 2,000,000" and "1 oz - 2,000,000 oz" are read as written.
  if (
    dash &&
    a.bare &&
    low.groups === 0 &&
    low.fraction === "" &&
    low.exponent === 0 &&
    high.groups > 0 &&
    high.fraction === "" &&
    BigInt(low.integer) < BigInt(high.lead)
  ) {
    low.integer += "000".repeat(high.groups);
  }
  return { low: figureValue(low, scaleA), high: figureValue(high, scaleB) };
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
