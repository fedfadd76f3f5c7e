/**
 * The one reader of printed numbers: cells given to the functions, guidance texts, stated changes
 * and the import's value cells all go through it. A figure is read into an exact decimal
 * (value = coefficient × 10^exponent) and rounded once to a double, so "4.1 million" is exactly
 * 4,100,000; the coefficient keeps the digits as printed ("42.0" is 420 × 10^-1), which CLAIM_CHECK
 * uses to know how precisely a figure was stated. Corrupted copies ("214, 194", ".8 M") are refused
 * with the reason, never guessed at. The words it knows are in vocabulary.ts.
 *
 * What differs between callers is said by NumberSettings, and nothing else:
 * - decimal — the decimal mark. "." or ",": that mark; the other one, a space or ' groups thousands
 *   in threes. "text": the text decides — a mark that can only be a decimal mark is one ("12,6",
 *   "0,125", "1.234,5"), and a figure that reads both ways ("1,250") is refused naming both
 *   readings. Decided from the file: the import settles one mark per file from every value's
 *   decimalEvidence (import/extract.ts, detectDecimal) and reads each cell with "." or ",".
 * - mIsMillion — a lower-case "m" after a figure means million ("6.5 m oz"). Otherwise only "M"
 *   does: in a cell, "4.1 m" may be metres.
 * - noFigure — the words that mean "no figure" ("-", "n/a", "—"): such a text reads as null.
 *   null: none do, and an empty text is an error.
 * - footnotes — a footnote mark may trail the figure ("2,204*", "64,310(1)", "6,736 oz¹"): it is
 *   dropped (readMeasure says which). A figure in parentheses alone ("(12)") is a negative number, never a footnote.
 * - threeDigits — how "text" settles a figure that reads both ways: one "." or "," followed by
 *   exactly three digits ("510.000", "870,000", "1.650"). null: refused naming both readings. Else,
 *   with no scale word after it the mark groups thousands ("510.000oz" is 510,000 ounces: nobody
 *   prints thousandths of an ounce or a tonne), and before a scale word the decimal mark of the
 *   text's language decides (`languageMark`: "1.650 million" in English is 1.65 million, "1.350 mil"
 *   in Portuguese 1,350 thousand); a null languageMark refuses it (Spanish prints both marks). A
 *   figure's own evidence always comes first ("0.125", "1.234,5", "12,6", "1,250,000").
 * - languages — the scale words of the six languages guidance is printed in ("millones", "Mio.",
 *   "mil", "milhões"), and a scale word hyphenated to its figure ("2.05-million"). A cell reads the
 *   English ones only ("4.1 million", "42 koz").
 * - keepUnits — a unit after the figure is kept as printed rather than applied: "13.9 million grams"
 *   reads 13.9 and "42.0 koz" reads 42.0, their units going to the caller (readMeasure), as a table
 *   keeps its figures in the units it prints. A scale word alone still scales ("4.1 million", "92.5%").
 *   Otherwise a scale word always scales ("42.0 koz" is 42,000) and a unit word is dropped.
 * The settings each caller uses are named below (CELL, GUIDANCE, GUIDANCE_COMMA, GUIDANCE_EITHER,
 * STATED, IMPORT_POINT, IMPORT_COMMA), and a property test (test/calc/numberReaders.test.ts) holds
 * every caller to this reader.
 */
import { CalcError } from "./errors";
import {
  CASED_SCALE_WORDS,
  CURRENCY,
  FOOTNOTE_MARKS,
  FOOTNOTE_NUMBER,
  GUIDANCE_SCALE_WORDS,
  LOWER_M,
  NO_FIGURE_WORDS,
  SCALE_WORDS,
  SCALED_UNITS,
  TWO_WORD_SCALES,
  UNIT_WORDS,
  isMinusSign,
  plainSpaces,
} from "./vocabulary";

export type Mark = "." | ",";

export interface NumberSettings {
  readonly decimal: Mark | "text";
  readonly mIsMillion: boolean;
  readonly noFigure: ReadonlySet<string> | null;
  readonly footnotes: boolean;
  readonly keepUnits: boolean;
  readonly threeDigits: { readonly languageMark: Mark | null } | null;
  readonly languages: boolean;
}

/** A cell given to a function: decimal point, placeholders are blank, "M" is million. */
export const CELL: NumberSettings = {
  decimal: ".",
  mIsMillion: false,
  noFigure: NO_FIGURE_WORDS,
  footnotes: false,
  threeDigits: null,
  languages: false,
  keepUnits: false,
};
/**
 * A figure in a guidance text in English, or in no language ("6.5 - 7.0 m oz", "182.000 oz"): the
 * figure's digits decide its mark, three digits after one mark before a plain unit group thousands,
 * before a scale word a point is decimal; "m" is million; nothing is blank.
 */
export const GUIDANCE: NumberSettings = {
  decimal: "text",
  mIsMillion: true,
  noFigure: null,
  footnotes: false,
  threeDigits: { languageMark: "." },
  languages: true,
  keepUnits: false,
};
/** Guidance in Portuguese, French, Italian or German: before a scale word a comma is decimal ("1.350 mil"). */
export const GUIDANCE_COMMA: NumberSettings = { ...GUIDANCE, threeDigits: { languageMark: "," } };
/** Guidance in Spanish, printed with either mark: before a scale word, three digits after one mark are refused. */
export const GUIDANCE_EITHER: NumberSettings = { ...GUIDANCE, threeDigits: { languageMark: null } };
/** The figure of a stated change ("+24%", "12,6%"): the text decides its decimal mark. */
export const STATED: NumberSettings = {
  decimal: "text",
  mIsMillion: false,
  noFigure: null,
  footnotes: false,
  threeDigits: null,
  languages: false,
  keepUnits: false,
};
/**
 * A figure in a release's prose or tables ("73,476", "$1 275", "5.32-million"): decimal point; "m" is
 * not million (it is after a currency: RELEASE_MONEY); nothing is blank.
 */
export const RELEASE: NumberSettings = {
  decimal: ".",
  mIsMillion: false,
  noFigure: null,
  footnotes: false,
  threeDigits: null,
  languages: false,
  keepUnits: false,
};
/** Money in a release ("US$2,124m", "A$29 m"): after a currency "m" is million. */
export const RELEASE_MONEY: NumberSettings = { ...RELEASE, mIsMillion: true };
/**
 * An import's value cell, once the file's decimal mark is settled: footnote marks are dropped (and
 * reported by the import) and units are kept as the table prints them.
 */
export const IMPORT_POINT: NumberSettings = { ...CELL, decimal: ".", footnotes: true, keepUnits: true };
export const IMPORT_COMMA: NumberSettings = { ...CELL, decimal: ",", footnotes: true, keepUnits: true };

const isMark = (m: unknown): m is Mark => m === "." || m === ",";

/** Guards an entry point given settings from outside calc: only CalcError may escape calc. */
export function checkSettings(s: unknown): asserts s is NumberSettings {
  const t = s as Partial<NumberSettings> | null;
  const three = t?.threeDigits as { languageMark?: unknown } | null | undefined;
  const ok =
    typeof t === "object" &&
    t !== null &&
    (isMark(t.decimal) || t.decimal === "text") &&
    typeof t.mIsMillion === "boolean" &&
    typeof t.footnotes === "boolean" &&
    typeof t.keepUnits === "boolean" &&
    typeof t.languages === "boolean" &&
    (three === null || (typeof three === "object" && (three.languageMark === null || isMark(three.languageMark)))) &&
    (t.noFigure === null || t.noFigure instanceof Set);
  if (!ok) throw new CalcError("value", "not settings of the number reader");
}

export interface Decimal {
  coefficient: bigint;
  exponent: number;
}

/** A printed figure taken apart, without its sign. */
export interface Figure {
  /** Digits before the decimal mark, grouping removed: "92000" for "92,000". */
  integer: string;
  fraction: string;
  /** Thousands groups after the leading one ("92,000" has 1), and the leading group ("92"). */
  groups: number;
  lead: string;
  /** The digits and separators as printed ("92,000"). */
  run: string;
  /** The currency printed before it ("US$" of "US$200"), or "". */
  currency: string;
  /** Power of ten from an exponent ("1.5e3"), 0 without one. */
  exponent: number;
  /** The scale word after it as printed ("million", "koz", "%", "Mio."), or "", and the power of ten it stands for. */
  scale: string;
  scalePower: number;
  /** Where the figure's digits start (after its currency). */
  digitsAt: number;
  /** Index in the text just after the figure (and its scale word). */
  end: number;
}

/** Why a text is not a number: the sentence that goes after `"<text>" is not a number: `. */
export class Refusal {
  constructor(
    readonly why: string,
    /** The digits and separators as printed, when the refusal is about them. */
    readonly run = "",
  ) {}
}

const refuse = (why: string, run = ""): Refusal => new Refusal(why, run);

const NUMERIC_RUN = /[0-9](?:[0-9.,' ]*[0-9])?/y;
const EXPONENT = /[eE]([+-]?\d{1,4})/y;
const CURRENCY_AT = new RegExp(CURRENCY, "iy");
const SCALE_TOKEN = /[A-Za-z]+|%/y;
/** A scale word in any language, with the dot of an abbreviation ("Mio."). */
const LANGUAGE_SCALE_TOKEN = /\p{L}+\.?|%/uy;
const WORD = /\p{L}+/uy;
/** A footnote mark at the end of a text, and the space before it. */
const TRAILING_NOTE = new RegExp(`\\s*(?:${FOOTNOTE_MARKS}+|${FOOTNOTE_NUMBER})$`, "u");

const isDigitChar = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isSeparator = (c: string | undefined): boolean => c === "." || c === "," || c === "'";
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** The power of ten a scale word stands for under the settings, or undefined. */
export function scaleOf(word: string, s: NumberSettings): number | undefined {
  const cased = CASED_SCALE_WORDS.get(word);
  if (cased !== undefined) return cased;
  const lower = word.toLowerCase();
  const found = s.languages ? GUIDANCE_SCALE_WORDS.get(lower) : SCALE_WORDS.get(lower);
  return found ?? (s.mIsMillion && word === LOWER_M ? 6 : undefined);
}

interface Scale {
  word: string;
  power: number;
  end: number;
}

/** The scale word at `at` (after spaces, or a hyphen when the settings read languages): "million", "Mio.", "mil millones". */
function scaleAt(text: string, at: number, s: NumberSettings): Scale | null {
  let after = at;
  while (text[after] === " ") after++;
  if (s.languages && after === at && text[after] === "-" && isLetter(text[after + 1])) after++; // "2.05-million"
  const token = s.languages ? LANGUAGE_SCALE_TOKEN : SCALE_TOKEN;
  token.lastIndex = after;
  const m = token.exec(text);
  if (m === null) return null;
  let word = m[0];
  let power = scaleOf(word, s);
  if (power === undefined && word.endsWith(".")) {
    word = word.slice(0, -1); // "m." at the end of a sentence: the dot is not the word's
    power = scaleOf(word, s);
  }
  if (power === undefined) return null;
  const end = after + word.length;
  if (s.languages && isLetter(text[end])) return null; // "mila" is not "mil"
  const second = s.languages ? TWO_WORD_SCALES.get(word.toLowerCase()) : undefined;
  if (second !== undefined && text[end] === " ") {
    WORD.lastIndex = end + 1;
    const next = WORD.exec(text);
    const p = next === null ? undefined : second.get(next[0].toLowerCase());
    if (p !== undefined) return { word: `${word} ${next?.[0] ?? ""}`, power: p, end: WORD.lastIndex };
  }
  return { word, power, end };
}

/**
 * The figure starting at `pos` (a currency, digits with their separators, an exponent, a scale
 * word), for readers of longer texts such as guidance. null when no digit starts there; a Refusal
 * when the digits are not a number a person would print. `scaleAfter` is the power of a scale a
 * caller found further on ("1.350 kilo ounces", the "million" of "1.350 and 1.390 million"): it
 * settles the figure's decimal mark as a scale word right after it would.
 */
export function scanFigure(text: string, pos: number, s: NumberSettings, scaleAfter?: number): Figure | Refusal | null {
  let at = pos;
  let currency = "";
  if (!isDigitChar(text[at])) {
    CURRENCY_AT.lastIndex = at;
    const c = CURRENCY_AT.exec(text);
    if (c !== null) {
      currency = c[0];
      at = CURRENCY_AT.lastIndex;
      while (text[at] === " ") at++;
    }
  }
  const digitsAt = at;
  NUMERIC_RUN.lastIndex = at;
  const m = NUMERIC_RUN.exec(text);
  if (m === null) return null;
  const run = m[0];
  at += run.length;
  const whole = text.trim() === run;
  let exponent = 0;
  let exponentEnd = at;
  EXPONENT.lastIndex = at;
  const e = EXPONENT.exec(text);
  if (e !== null) {
    exponent = Number(e[1]);
    exponentEnd = EXPONENT.lastIndex;
  }
  const scale = scaleAt(text, exponentEnd, s);
  const scaled = scaleAfter !== undefined ? scaleAfter !== 0 : scale !== null;
  const mark = s.decimal === "text" ? markOfText(run, scaled, s) : s.decimal;
  if (mark instanceof Refusal) return mark;
  const digits = readDigits(run, mark, whole);
  if (digits instanceof Refusal) return refuse(digits.why, run);
  const next = text[at];
  // A point after a figure in a text of words ends a sentence or an abbreviation ("… 92,000 oz."), unless digits follow.
  const sentenceEnd = s.languages && next === "." && !isDigitChar(text[at + 1]);
  if ((next === "." || next === ",") && !sentenceEnd) {
    return refuse(`no digits after the last "${next}" (a digit may have been lost)`, run);
  }
  if (e !== null && digits.groups > 0) return refuse("an exponent after a grouped number", run);
  // Every property written out: an object spread here costs more than the whole reading.
  return {
    integer: digits.integer,
    fraction: digits.fraction,
    groups: digits.groups,
    lead: digits.lead,
    run,
    currency,
    exponent,
    scale: scale === null ? "" : scale.word,
    scalePower: scale === null ? 0 : scale.power,
    digitsAt,
    end: scale === null ? exponentEnd : scale.end,
  };
}

/**
 * The decimal mark of a figure read under "text": its own evidence; else, for one that reads both
 * ways, the settings' threeDigits rule (scaled: a scale word follows it), or a refusal naming both readings.
 */
function markOfText(run: string, scaled: boolean, s: NumberSettings): Mark | Refusal {
  const evidence = decimalEvidence(run);
  if (evidence !== null) return evidence;
  const sep = ambiguousMark(run);
  if (sep === null) return ".";
  const rule = s.threeDigits;
  if (rule !== null) {
    if (!scaled) return sep === "," ? "." : ","; // the mark groups thousands
    if (rule.languageMark !== null) return rule.languageMark;
  }
  const [int, frac] = run.split(sep);
  const name = sep === "," ? "decimal comma" : "decimal point";
  return refuse(`"${run}" could be ${int}${frac} (thousands) or ${int}.${frac} (${name})`, run);
}

type Digits = Pick<Figure, "integer" | "fraction" | "groups" | "lead">;

/**
 * Splits "73,476.5" into digit strings, checking the grouping is one a person would print: one
 * thousands separator throughout, groups of three after the first, one decimal mark. `run` starts
 * and ends with a digit and holds only digits, spaces and . , '
 */
function readDigits(run: string, mark: Mark, whole: boolean): Digits | Refusal {
  let sep = "";
  let leadEnd = -1; // index of the first separator
  let markAt = -1; // index of the decimal mark
  let group = 0; // digits in the current group
  let groups = 0;
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (markAt < 0) group++;
      continue;
    }
    const c = run[i];
    if (c === " " && (isSeparator(run[i - 1]) || isSeparator(run[i + 1]))) {
      return refuse("a space beside a separator (a digit may have been lost, or two numbers were pasted together)");
    }
    if (c === mark) {
      if (markAt >= 0) {
        const hint = mark === "." ? ' (a European number needs the decimal option ",")' : "";
        return refuse(`more than one decimal mark "${mark}"${hint}`);
      }
      if (sep !== "" && group !== 3) return notInThrees(run, sep, mark, whole);
      markAt = i;
      continue;
    }
    if (markAt >= 0) return refuse(`only digits may follow the decimal mark "${mark}"`);
    if (sep === "") {
      sep = c;
      leadEnd = i;
    } else if (c !== sep) return refuse("mixed thousands separators");
    if (groups === 0 ? group > 3 : group !== 3) return notInThrees(run, sep, mark, whole);
    groups++;
    group = 0;
  }
  if (sep !== "" && markAt < 0 && group !== 3) return notInThrees(run, sep, mark, whole);
  const integerPart = markAt < 0 ? run : run.slice(0, markAt);
  const integer = sep === "" ? integerPart : integerPart.split(sep).join("");
  const fraction = markAt < 0 ? "" : run.slice(markAt + 1);
  return { integer, fraction, groups, lead: sep === "" ? integer : run.slice(0, leadEnd) };
}

/** Digits grouped otherwise than in threes; the figure is named when it is only part of the text. */
function notInThrees(run: string, sep: string, mark: Mark, whole: boolean): Refusal {
  const named = whole ? "" : `"${run}" is `;
  const decimalComma = mark === "." && sep === "," && /^\d+,\d{1,2}$/.test(run);
  const hint = decimalComma ? `; a decimal comma is not read here: write ${run.replace(",", ".")}` : "";
  return refuse(`${named}not grouped in threes (digits grouped by "${sep}" must come in threes)${hint}`);
}

/** A whole text read: the sign, the digits and the power of ten of its value. */
interface Parts {
  negative: boolean;
  digits: string;
  exponent: number;
  /** The unit kept as printed under keepUnits ("million grams"), else "". */
  unit: string;
  /** The footnote mark dropped ("*", "(1)"), else "". */
  note: string;
}

/** Reads a whole text; null for "no figure"; a Refusal saying why it is not a number. */
function readParts(text: string, s: NumberSettings): Parts | Refusal | null {
  if (isNoFigure(text, s)) return null;
  let t = plainSpaces(text).trim();
  let mark = "";
  if (s.footnotes) {
    const note = TRAILING_NOTE.exec(t);
    if (note !== null && /[0-9]/.test(t.slice(0, note.index))) {
      mark = note[0].trim();
      t = t.slice(0, note.index);
    }
  }
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  const c0 = t[0];
  if (c0 === "+" || isMinusSign(c0)) {
    if (negative) return refuse("both parentheses and a sign");
    negative = c0 !== "+";
    t = t.slice(1);
  }
  const f = scanFigure(t, 0, s);
  if (f === null) {
    if (t.startsWith(".") || t.startsWith(",")) {
      return refuse("no digit before the decimal mark (a digit may have been lost in copying)");
    }
    return refuse(t === "" ? "no digits" : "it does not start with a digit");
  }
  if (f instanceof Refusal) return f;
  const rest = t.slice(f.end).trim();
  if (rest !== "" && (rest.includes(" ") || !UNIT_WORDS.has(rest.toLowerCase()))) {
    return refuse(`unexpected "${rest}" after ${t.slice(0, f.end).trim()}`);
  }
  let scalePower = f.scalePower;
  let unit = "";
  if (s.keepUnits) {
    const scaledUnit = f.scale !== "" && f.scale !== "%" && (rest !== "" || SCALED_UNITS.has(f.scale.toLowerCase()));
    if (scaledUnit) scalePower = 0;
    unit = scaledUnit ? `${f.scale} ${rest}`.trim() : rest;
  }
  return {
    negative,
    digits: f.integer + f.fraction,
    exponent: f.exponent + scalePower - f.fraction.length,
    unit,
    note: mark,
  };
}

const notANumber = (text: string, r: Refusal): CalcError =>
  new CalcError("value", `"${text}" is not a number: ${r.why}`);

function checkText(text: unknown): asserts text is string {
  if (typeof text !== "string") throw new CalcError("value", `${typeof text} given where number text was expected`);
}

/**
 * A printed number as an exact decimal, its power of ten moved by `shift` (-2 reads "92.5" as
 * 0.925); null for "no figure"; CalcError("value") naming the text and why it is not a number.
 */
export function readDecimal(text: string, s: NumberSettings, shift = 0): Decimal | null {
  checkText(text);
  const p = readParts(text, s);
  if (p === null) return null;
  if (p instanceof Refusal) throw notANumber(text, p);
  const magnitude = BigInt(p.digits);
  return { coefficient: p.negative ? -magnitude : magnitude, exponent: p.exponent + shift };
}

/**
 * readDecimal rounded once to the nearest double: JavaScript reads "41e5" with correct rounding, so
 * "4.1 million" is exactly 4,100,000. Plain figures — most of an import's cells — take the fast
 * path first, which gives the same double without a BigInt.
 */
export function readNumber(text: string, s: NumberSettings, shift = 0): number | null {
  checkText(text);
  if (s.decimal !== "text") {
    const fast = plainNumber(text.trim(), s.decimal, shift);
    if (fast !== undefined) return fast;
  }
  const d = readDecimal(text, s, shift);
  if (d === null) return null;
  const value = Number(`${d.coefficient}e${d.exponent}`);
  if (!Number.isFinite(value)) throw new CalcError("num", `"${text}" is too large a number`);
  return value === 0 ? 0 : value; // no -0
}

/** A cell's figure with what the settings set aside: the unit kept as printed and the footnote mark dropped. */
export interface Measure {
  value: number | null;
  /** "million grams" for "13.9 million grams" under keepUnits; "" when none. */
  unit: string;
  /** "(1)" for "64,310(1)" under footnotes; "" when none. */
  note: string;
}

/**
 * readNumber, also giving the unit kept and the footnote mark dropped (the import shows both). The
 * value is always the one readNumber gives for the same text and settings.
 */
export function readMeasure(text: string, s: NumberSettings, shift = 0): Measure {
  checkText(text);
  const p = readParts(text, s);
  if (p === null) return { value: null, unit: "", note: "" };
  if (p instanceof Refusal) throw notANumber(text, p);
  const value = Number(`${p.negative ? "-" : ""}${p.digits}e${p.exponent + shift}`);
  if (!Number.isFinite(value)) throw new CalcError("num", `"${text}" is too large a number`);
  return { value: value === 0 ? 0 : value, unit: p.unit, note: p.note };
}

/** A figure scanned out of a longer text, with `scalePower` as its scale, rounded once to the nearest double. */
export function figureValue(f: Figure, scalePower = f.scalePower): number {
  return Number(`${f.integer}${f.fraction}e${f.exponent + scalePower - f.fraction.length}`);
}

/** Whether a text means "no figure" under the settings ("-", "n/a", "" for a cell). */
export function isNoFigure(text: string, s: NumberSettings = CELL): boolean {
  if (s.noFigure === null) return false;
  // No word of NO_FIGURE_WORDS has a digit, and spacing and case keep a digit: a text with one is a figure or words.
  if (s.noFigure === NO_FIGURE_WORDS && hasDigit(text)) return false;
  return s.noFigure.has(plainSpaces(text).trim().toLowerCase());
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigitCode(text.charCodeAt(i))) return true;
  return false;
}

/**
 * A double as the figure the user typed: the shortest decimal that reads back as it (what
 * String(x) prints), so 0.1 is exactly 1 × 10^-1, not the binary fraction nearest to it.
 */
export function decimalOfNumber(x: number): Decimal {
  if (!Number.isFinite(x)) throw new CalcError("num", `${String(x)} is not a finite number`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new CalcError("value", `cannot read ${String(x)} as a decimal`);
  const [, sign, int, frac = "", exp = "0"] = m;
  return { coefficient: BigInt(int + frac) * (sign ? -1n : 1n), exponent: Number(exp) - frac.length };
}

/**
 * What a text says about the decimal mark: "." or "," when only one reading makes sense
 * ("2,6", "1.234,5", "0.925", "1234.5"), null when it reads both ways ("6,736", "19.982") or has no mark.
 */
export function decimalEvidence(text: string): Mark | null {
  const c = text.lastIndexOf(",");
  const d = text.lastIndexOf(".");
  if (c < 0 && d < 0) return null;
  if (c >= 0 && d >= 0) return c > d ? "," : ".";
  const mark: Mark = c >= 0 ? "," : ".";
  const i = c >= 0 ? c : d;
  if (text.indexOf(mark) !== i) return mark === "," ? "." : ","; // repeated: it groups thousands
  let before = 0;
  for (let k = i - 1; k >= 0 && isDigitCode(text.charCodeAt(k)); k--) before++;
  let after = 0;
  for (let k = i + 1; k < text.length && isDigitCode(text.charCodeAt(k)); k++) after++;
  if (before === 0 || after === 0) return null;
  const intPart = text.slice(i - before, i);
  if (after !== 3 || before > 3 || /^0+$/.test(intPart)) return mark;
  return null;
}

/**
 * The mark of a text that reads both ways — one "." or "," between 1-3 digits and exactly three
 * ("6,736", "19.982") — or null: the figure a file or a reader must settle, or refuse.
 */
export function ambiguousMark(text: string): Mark | null {
  if (decimalEvidence(text) !== null) return null;
  const c = text.lastIndexOf(",");
  const i = c >= 0 ? c : text.lastIndexOf(".");
  if (i <= 0 || !isDigitCode(text.charCodeAt(i - 1)) || !isDigitCode(text.charCodeAt(i + 1))) return null;
  return c >= 0 ? "," : ".";
}

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;

/** Powers of ten a double holds exactly, so one division by them is correctly rounded. */
const POW10 = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
  1e22,
];
/** Up to this many digits a figure is an exact integer in a double. */
const EXACT_DIGITS = 15;

/**
 * The fast path: a plain figure ("-6736", "6,736", "92.5"; groups of three only) read without
 * the full reader, or undefined when the full reader must decide (units, spaces, parentheses,
 * placeholders, bad groups, too many digits). The digits are an exact integer and one division by
 * an exact power of ten is correctly rounded, so the result is the double readDecimal rounds to.
 */
export function plainNumber(t: string, mark: Mark, shift: number): number | undefined {
  if (shift > 0) return undefined;
  const n = t.length;
  const negative = n > 0 && t.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  const dec = mark === "." ? 46 : 44;
  const grp = mark === "." ? 44 : 46;
  let digits = 0;
  let run = 0;
  let grouped = false;
  let acc = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      run++;
      acc = acc * 10 + (c - 48);
    } else if (c === grp) {
      if (run === 0 || (grouped ? run !== 3 : run > 3)) return undefined;
      grouped = true;
      run = 0;
    } else break;
  }
  if (digits === 0 || (grouped && run !== 3)) return undefined;
  let scale = -shift;
  if (i < n) {
    if (t.charCodeAt(i) !== dec || i === n - 1) return undefined;
    for (i++; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      digits++;
      scale++;
      acc = acc * 10 + (c - 48);
    }
  }
  if (digits > EXACT_DIGITS || scale >= POW10.length) return undefined;
  const v = scale === 0 ? acc : acc / POW10[scale];
  return negative && v !== 0 ? -v : v;
}
