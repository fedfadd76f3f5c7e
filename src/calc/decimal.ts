/**
 * Numbers as production releases print them, read into an exact decimal
 * (value = coefficient * 10^exponent). Scaling by koz/million/% only moves the exponent, so
 * "4.1 million" is exactly 4,100,000. The coefficient keeps the digits as printed ("42.0" is
 * 420 * 10^-1), which CLAIM_CHECK uses to know how precisely a figure was stated.
 * Corrupted copies are rejected with the reason, never guessed at.
 */
import { CalcError } from "./errors";

export interface Decimal {
  coefficient: bigint;
  exponent: number;
}

export interface DecimalOptions {
  /** The decimal mark: "." (default, English) or "," (European: "19.982" = 19982, "2,6" = 2.6). */
  decimal?: "." | ",";
}

/** Cell texts that mean "no value" (placeholders seen in releases). */
const BLANK_WORDS = new Set(["", "-", "--", "\u2014", "\u2013", "n/a", "na", "n.a.", "n/m", "nm"]);

/** Scale words and unit-with-scale tokens; case matters for the short ones (M = million, m is not). */
// Maps, not objects: a word typed after a number must never reach Object.prototype ("5 constructor").
const SCALES_EXACT = new Map<string, number>(
  Object.entries({
    "%": -2,
    k: 3,
    K: 3,
    koz: 3,
    Koz: 3,
    kt: 3,
    M: 6,
    Moz: 6,
    MOz: 6,
    Mt: 6,
    Mlb: 6,
    Mlbs: 6,
    bn: 9,
  }),
);
const SCALES_WORDS = new Map<string, number>(
  Object.entries({
    thousand: 3,
    thousands: 3,
    lakh: 5,
    lakhs: 5,
    mn: 6,
    mln: 6,
    million: 6,
    millions: 6,
    billion: 9,
    billions: 9,
  }),
);
const UNITS = new Set([
  "oz",
  "ozs",
  "ounce",
  "ounces",
  "t",
  "tonne",
  "tonnes",
  "ton",
  "tons",
  "wmt",
  "dmt",
  "lb",
  "lbs",
  "pounds",
  "g/t",
  "tpd",
  "kg",
  "g",
]);
const SPACES = /[\u00a0\u2007\u2009\u202f]/g;
const CURRENCY = /^(?:(?:us|c|a|au|ca|nz)?\$|€|£)/i;
/** The numeric run: digits and the characters that can group them, ending on a digit. */
const NUMERIC_RUN = /^[0-9](?:[0-9.,' ]*[0-9])?/;

export function isBlankText(text: string): boolean {
  return BLANK_WORDS.has(text.replace(SPACES, " ").trim().toLowerCase());
}

const fail = (text: string, why: string): CalcError => new CalcError("value", `"${text}" is not a number: ${why}`);

/** A printed number taken apart: value = (negative ? -1 : 1) * digits * 10^exponent. */
interface Parts {
  negative: boolean;
  digits: string;
  exponent: number;
}

/** Reads a printed number; null for a blank or placeholder; CalcError("value") for anything else. */
export function parseDecimal(text: string, opts?: DecimalOptions): Decimal | null {
  const p = readParts(text, opts);
  if (p === null) return null;
  const magnitude = BigInt(p.digits);
  return { coefficient: p.negative ? -magnitude : magnitude, exponent: p.exponent };
}

/**
 * parseDecimal straight to the nearest double: JavaScript reads "41e5" with correct rounding,
 * so scaling stays exact without building a BigInt for every cell.
 */
export function parseDecimalNumber(text: string, opts?: DecimalOptions): number | null {
  const p = readParts(text, opts);
  if (p === null) return null;
  const value = Number(`${p.negative ? "-" : ""}${p.digits}e${p.exponent}`);
  if (!Number.isFinite(value)) throw new CalcError("num", `"${text}" is too large a number`);
  return value === 0 ? 0 : value; // no -0 from "-0"
}

function readParts(text: string, opts?: DecimalOptions): Parts | null {
  if (typeof text !== "string") throw new CalcError("value", `${typeof text} given where number text was expected`);
  const s0 = text.replace(SPACES, " ").trim();
  if (BLANK_WORDS.has(s0.toLowerCase())) return null;
  let s = s0;
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const c0 = s[0];
  if (c0 === "-" || c0 === "+" || c0 === "\u2212") {
    if (negative) throw fail(text, "both parentheses and a sign");
    negative = c0 !== "+";
    s = s.slice(1);
  }
  if (!(s[0] >= "0" && s[0] <= "9")) {
    const currency = CURRENCY.exec(s);
    if (currency) s = s.slice(currency[0].length).trimStart();
  }
  const run = NUMERIC_RUN.exec(s);
  if (!run) {
    if (s.startsWith(".") || s.startsWith(",")) {
      throw fail(text, "no digit before the decimal mark (a digit may have been lost in copying)");
    }
    throw fail(text, s === "" ? "no digits" : "it does not start with a digit");
  }
  const digits = readDigits(text, run[0], opts?.decimal ?? ".");
  let exponent = 0 - digits.fraction.length; // never -0
  let rest = s.slice(run[0].length);
  if (rest === "") return { negative, digits: digits.integer + digits.fraction, exponent };
  if (rest[0] === "." || rest[0] === ",") {
    throw fail(text, `no digits after the last "${rest[0]}" (a digit may have been lost)`);
  }
  const sci = /^[eE]([+-]?\d{1,4})/.exec(rest);
  if (sci) {
    if (digits.grouped) throw fail(text, "an exponent after a grouped number");
    exponent += Number(sci[1]);
    rest = rest.slice(sci[0].length);
  }
  exponent += readSuffix(text, rest.trim(), run[0]);
  return { negative, digits: digits.integer + digits.fraction, exponent };
}

interface Digits {
  integer: string;
  fraction: string;
  grouped: boolean;
}

const isSeparator = (c: string | undefined): boolean => c === "." || c === "," || c === "'";

const groupsOfThree = (text: string, sep: string): CalcError =>
  fail(text, `digits grouped by "${sep}" must come in threes`);

/**
 * Splits "73,476.5" into digit strings, checking the grouping is one a person would print:
 * one thousands separator throughout, groups of three after the first, one decimal mark.
 * `run` starts and ends with a digit and holds only digits, spaces and . , '
 */
function readDigits(text: string, run: string, mark: "." | ","): Digits {
  let integer = "";
  let fraction = "";
  let sep = "";
  let group = 0; // digits in the current group
  let firstGroup = true;
  let inFraction = false;
  for (let i = 0; i < run.length; i++) {
    const c = run[i];
    if (c >= "0" && c <= "9") {
      if (inFraction) {
        fraction += c;
      } else {
        integer += c;
        group++;
      }
      continue;
    }
    if (c === " " && (isSeparator(run[i - 1]) || isSeparator(run[i + 1]))) {
      throw fail(text, "a space beside a separator (a digit may have been lost, or two numbers were pasted together)");
    }
    if (c === mark) {
      if (inFraction) {
        const hint = mark === "." ? ' (a European number needs the decimal option ",")' : "";
        throw fail(text, `more than one decimal mark "${mark}"${hint}`);
      }
      if (sep !== "" && group !== 3) throw groupsOfThree(text, sep);
      inFraction = true;
      continue;
    }
    if (inFraction) throw fail(text, `only digits may follow the decimal mark "${mark}"`);
    if (sep === "") sep = c;
    else if (c !== sep) throw fail(text, "mixed thousands separators");
    if (firstGroup ? group > 3 : group !== 3) throw groupsOfThree(text, sep);
    firstGroup = false;
    group = 0;
  }
  if (sep !== "" && !inFraction && group !== 3) throw groupsOfThree(text, sep);
  return { integer, fraction, grouped: sep !== "" };
}

/** The power of ten a unit/scale suffix adds ("koz" = 3, "million ounces" = 6, "oz" = 0). */
function readSuffix(text: string, rest: string, run: string): number {
  if (rest === "") return 0;
  const tokens = rest.split(" ").filter((t) => t !== "");
  let scale = 0;
  let i = 0;
  const first = tokens[0];
  const scaled = SCALES_EXACT.get(first) ?? SCALES_WORDS.get(first.toLowerCase());
  if (scaled !== undefined) {
    scale = scaled;
    i = 1;
  }
  if (i < tokens.length && UNITS.has(tokens[i].toLowerCase())) i++;
  if (i < tokens.length || tokens.length > 2) {
    throw fail(text, `unexpected "${rest}" after ${run}`);
  }
  return scale;
}

/** The nearest double to an exact decimal (JS parses "41e5" with correct rounding). */
export function decimalToNumber(d: Decimal): number {
  const value = Number(`${d.coefficient}e${d.exponent}`);
  if (!Number.isFinite(value)) throw new CalcError("num", `${d.coefficient}e${d.exponent} is too large`);
  return value;
}
