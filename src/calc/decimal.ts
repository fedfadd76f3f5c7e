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
const SCALES_EXACT: Record<string, number> = {
  "%": -2, k: 3, K: 3, koz: 3, Koz: 3, kt: 3, M: 6, Moz: 6, MOz: 6, Mt: 6, Mlb: 6, Mlbs: 6, bn: 9,
};
const SCALES_WORDS: Record<string, number> = {
  thousand: 3, thousands: 3, lakh: 5, lakhs: 5, mn: 6, mln: 6, million: 6, millions: 6, billion: 9, billions: 9,
};
const UNITS = new Set([
  "oz", "ozs", "ounce", "ounces", "t", "tonne", "tonnes", "ton", "tons", "wmt", "dmt", "lb", "lbs", "pounds",
  "g/t", "tpd", "kg", "g",
]);
const SPACES = /[\u00a0\u2007\u2009\u202f]/g;
const CURRENCY = /^(?:(?:us|c|a|au|ca|nz)?\$|€|£)/i;
/** The numeric run: digits and the characters that can group them, ending on a digit. */
const NUMERIC_RUN = /^[0-9](?:[0-9.,' ]*[0-9])?/;

export function isBlankText(text: string): boolean {
  return BLANK_WORDS.has(text.replace(SPACES, " ").trim().toLowerCase());
}

const fail = (text: string, why: string): CalcError => new CalcError("value", `"${text}" is not a number: ${why}`);

/** Reads a printed number; null for a blank or placeholder; CalcError("value") for anything else. */
export function parseDecimal(text: string, opts?: DecimalOptions): Decimal | null {
  if (typeof text !== "string") throw new CalcError("value", `${typeof text} given where number text was expected`);
  const s0 = text.replace(SPACES, " ").trim();
  if (BLANK_WORDS.has(s0.toLowerCase())) return null;
  let s = s0;
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-+\u2212]/.test(s)) {
    if (negative) throw fail(text, "both parentheses and a sign");
    negative = s[0] !== "+";
    s = s.slice(1);
  }
  const currency = CURRENCY.exec(s);
  if (currency) s = s.slice(currency[0].length).trimStart();
  const run = NUMERIC_RUN.exec(s);
  if (!run) {
    if (s.startsWith(".") || s.startsWith(",")) {
      throw fail(text, "no digit before the decimal mark (a digit may have been lost in copying)");
    }
    throw fail(text, s === "" ? "no digits" : "it does not start with a digit");
  }
  const digits = readDigits(text, run[0], opts?.decimal ?? ".");
  let exponent = -digits.fraction.length;
  let rest = s.slice(run[0].length);
  if (/^[.,]/.test(rest)) throw fail(text, `no digits after the last "${rest[0]}" (a digit may have been lost)`);
  const sci = /^[eE]([+-]?\d{1,4})/.exec(rest);
  if (sci) {
    if (digits.grouped) throw fail(text, "an exponent after a grouped number");
    exponent += Number(sci[1]);
    rest = rest.slice(sci[0].length);
  }
  exponent += readSuffix(text, rest.trim(), run[0]);
  const magnitude = BigInt(digits.integer + digits.fraction);
  return { coefficient: negative ? -magnitude : magnitude, exponent };
}

interface Digits {
  integer: string;
  fraction: string;
  grouped: boolean;
}

/** Splits "73,476.5" into digit strings, checking the grouping is one a person would print. */
function readDigits(text: string, run: string, mark: "." | ","): Digits {
  if (/[.,'] | [.,']/.test(run)) {
    throw fail(text, "a space beside a separator (a digit may have been lost, or two numbers were pasted together)");
  }
  const parts = run.split(mark);
  if (parts.length > 2) {
    const hint = mark === "." ? " (a European number needs the decimal option \",\")" : "";
    throw fail(text, `more than one decimal mark "${mark}"${hint}`);
  }
  const [integerPart, fraction = ""] = parts;
  if (parts.length === 2 && !/^[0-9]+$/.test(fraction)) {
    throw fail(text, `only digits may follow the decimal mark "${mark}"`);
  }
  const separators = new Set(integerPart.replace(/[0-9]/g, ""));
  if (separators.size > 1) throw fail(text, "mixed thousands separators");
  if (separators.size === 0) return { integer: integerPart, fraction, grouped: false };
  const sep = [...separators][0];
  const groups = integerPart.split(sep);
  if (groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) {
    throw fail(text, `digits grouped by "${sep}" must come in threes`);
  }
  return { integer: groups.join(""), fraction, grouped: true };
}

/** The power of ten a unit/scale suffix adds ("koz" = 3, "million ounces" = 6, "oz" = 0). */
function readSuffix(text: string, rest: string, run: string): number {
  if (rest === "") return 0;
  const tokens = rest.split(" ").filter((t) => t !== "");
  let scale = 0;
  let i = 0;
  const first = tokens[0];
  const scaled = SCALES_EXACT[first] ?? SCALES_WORDS[first.toLowerCase()];
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
