/**
 * Figures in a release's words: "73,476 ounces", "US$2,124m", "5.32-million ounces", "A$2,707oz",
 * "R18.21", "58.02 million tonnes", "(14,624)", and percentages "+15%", "(85)%", "8.67 percent",
 * "9-per-cent". Each keeps its printed text and offsets; its number goes through calc's decimal reader,
 * and a number that reader refuses is "not read", never guessed.
 */
import { readDecimal, RELEASE, RELEASE_MONEY, scaleOf, type Decimal } from "../number";
import { AMBIGUOUS_TONNES, CURRENCY, UNIT_DIMENSIONS } from "../vocabulary";
import { isMaterialWord } from "./metrics";
import { CHANGE_WORDS } from "./words";
import { CalcError } from "../errors";
import { isDash, isPunct, isWord, type Token } from "./tokens";

/** What a figure counts: ounces, tonnes, pounds, money in one currency, a grade… ("" when nothing is printed). */
interface Unit {
  dim: string;
  /** Powers of ten the printed scale adds: 6 for "million", "Moz", "US$m"; 3 for "koz", "(000's)". */
  scale: number;
  /** The unit as printed, after the number ("oz", "million tonnes", "MT"). */
  text: string;
}

export interface Quantity {
  kind: "amount" | "percent";
  start: number;
  end: number;
  /** Index of the number's token in the sentence. */
  at: number;
  /** Index of the first and the last token the quantity uses. */
  first: number;
  last: number;
  printed: string;
  /** The number as printed, without scale words: "5.32" in "5.32-million ounces". */
  number: Decimal;
  /** Digits after the decimal mark as printed. */
  decimals: number;
  unit: Unit;
  /** Inside parentheses ("(15,807 oz)", "(+15%)"). */
  paren: boolean;
  /** A minus sign or accounting parentheses ("(14,624)", "(85)%", "-16%"). */
  negative: boolean;
  /** A plus sign ("+15%"). */
  plus: boolean;
  /** "+/- 7%": a tolerance, not a change. */
  tolerance: boolean;
}

/** A number that calc's reader refused ("43. 4"), with why. */
export interface Unread {
  start: number;
  end: number;
  text: string;
  why: string;
}

interface UnitWord {
  dim: string;
  scale: number;
}

/** Words that make a number a count of something ("255 days", "12,372 rakes"), not a figure of production. */
const COUNT_WORDS = new Set(["day", "days", "shares", "bridges", "miners", "months", "years", "quarters"]);

/**
 * What a unit word after a number measures, from calc's vocabulary ("koz": ounces in thousands; "Mt": tonnes
 * in millions; "MT": as the release defines it), or a count ("12,372 rakes": a plural noun that is no unit).
 */
function unitWord(t: Token | undefined): UnitWord | undefined {
  if (!t || t.kind !== "word") return undefined;
  const dim = UNIT_DIMENSIONS.get(t.lower);
  if (dim !== undefined) {
    const scale = scaleOf(t.text, RELEASE) ?? 0;
    // "Mt" says million tonnes by its case; "MT" and "mt" say nothing until the release defines them
    if (dim === AMBIGUOUS_TONNES) return scale > 0 ? { dim: "t", scale } : { dim, scale: 0 };
    return { dim, scale };
  }
  if (COUNT_WORDS.has(t.lower)) return { dim: `count:${t.lower === "day" ? "days" : t.lower}`, scale: 0 };
  return undefined;
}

/** A plural noun after a bare number ("12,372 rakes", "11 areas"): what it counts. */
function countNoun(t: Token | undefined): string | null {
  if (!t || t.kind !== "word" || t.text !== t.lower || t.text.length < 4 || !t.lower.endsWith("s")) return null;
  if (scaleOf(t.text, RELEASE) !== undefined || CHANGE_WORDS.has(t.lower) || NOT_COUNTED.has(t.lower)) return null;
  return t.lower;
}

/** Plural words after a number that name no thing counted ("2016 levels", "5% gains"). */
const NOT_COUNTED = new Set(["levels", "terms", "basis", "respectively", "plus", "less", "was", "has", "is"]);

/** Longest number read as a figure (with its separators): "1,000,000,000,000.000000" has 24 characters. */
const MAX_DIGITS = 30;

/** A currency right before a figure, as calc's vocabulary writes them ("US$", "A$", "₹", "€"). */
const CURRENCY_BEFORE = new RegExp(`(?<![A-Za-z])${CURRENCY}$`, "i");

/** The currency printed before a number, and the index of its first token, or null. */
function currencyBefore(text: string, tokens: Token[], i: number): { cur: string; from: number } | null {
  const t = tokens[i - 1];
  if (!t) return null;
  // "R18.21": the rand, a capital letter glued to the figure (a cell's "R2" is a label, so only here)
  if (t.kind === "word" && t.text === "R" && !tokens[i].space) return { cur: "R", from: i - 1 };
  const from = Math.max(0, tokens[i].start - 8);
  const before = text.slice(from, tokens[i].start).trimEnd();
  const m = CURRENCY_BEFORE.exec(before);
  if (!m) return null;
  const at = from + m.index;
  let k = i - 1;
  while (k > 0 && tokens[k - 1].start >= at) k--;
  const printed = m[0].toUpperCase();
  return { cur: printed === "US$" ? "$" : printed, from: k };
}

/** Whether a number token stands inside parentheses, by counting them from the sentence's start. */
function parenDepths(tokens: Token[]): Int8Array {
  const d = new Int8Array(tokens.length);
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "punct" && t.text === ")") depth = Math.max(0, depth - 1);
    d[i] = depth > 0 ? 1 : 0;
    if (t.kind === "punct" && t.text === "(") depth = Math.min(depth + 1, 100);
  }
  return d;
}

function decimalsOf(s: string): number {
  const dot = s.lastIndexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Every percentage and amount among the tokens, except the numbers in `skip` (periods, dates).
 * `abbreviations` holds the units a release defines ("(MT)" after "million tonnes").
 */
export function quantitiesOf(
  text: string,
  tokens: Token[],
  skip: Uint8Array,
  abbreviations: ReadonlyMap<string, UnitWord>,
  unread: Unread[],
): Quantity[] {
  const out: Quantity[] = [];
  const depth = parenDepths(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "num" || skip[i]) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "equivalent1", "34th", "Stage 5"-like labels glued to words are footnotes and ordinals, not figures
    if (prev && prev.kind === "word" && !t.space && t.text.length <= 2 && !/^[A-Z]{1,2}$/.test(prev.text)) continue;
    if (next && next.kind === "word" && !next.space && /^(st|nd|rd|th)$/.test(next.lower)) continue;
    let number: Decimal;
    // a run of digits longer than any figure is not one (and exact arithmetic on it would be slow)
    if (t.text.length > MAX_DIGITS) {
      unread.push({ start: t.start, end: t.end, text: t.text.slice(0, 40), why: "too long to be a printed figure" });
      continue;
    }
    try {
      const d = readDecimal(t.text, RELEASE);
      if (d === null) continue;
      number = d;
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
      unread.push({ start: t.start, end: t.end, text: t.text, why: e.message });
      continue;
    }
    let start = t.start;
    let end: number;
    let last = i;
    let negative = false;
    let plus = false;
    let tolerance = false;
    let first = i;
    const currency = currencyBefore(text, tokens, i);
    if (currency) {
      first = currency.from;
      start = tokens[first].start;
    }
    const sign = tokens[first - 1];
    if (sign && sign.kind === "punct" && !tokens[first].space && (sign.text === "+" || isDash(sign))) {
      const before = tokens[first - 2];
      const joined = before && !sign.space && (before.kind === "num" || before.kind === "word");
      if (!joined) {
        if (isPunct(before, "/") && isPunct(tokens[first - 3], "+")) tolerance = true;
        else if (sign.text === "+") plus = true;
        else negative = true;
        first--;
        start = sign.start;
      }
    }
    // "+/- 7%", "± 7%": a tolerance, however it is spaced
    if (!tolerance) {
      const a = tokens[first - 1];
      if (isPunct(a, "\u00b1") || (isDash(a) && isPunct(tokens[first - 2], "/") && isPunct(tokens[first - 3], "+"))) {
        tolerance = true;
        first = isPunct(a, "\u00b1") ? first - 1 : first - 3;
        start = tokens[first].start;
        negative = false;
      }
    }
    // percent forms
    const k = i + 1;
    let isPercent = false;
    let closing = false;
    if (isPunct(tokens[k], ")") && isPunct(tokens[k + 1], "%") && isPunct(tokens[first - 1], "(")) {
      // "(85)%"
      closing = true;
      isPercent = true;
      last = k + 1;
    } else if (isPunct(tokens[k], "%", "\uff05")) {
      isPercent = true;
      last = k;
    } else if (isWord(tokens[k], "percent", "pct")) {
      isPercent = true;
      last = k;
    } else if (isWord(tokens[k], "per") && isWord(tokens[k + 1], "cent")) {
      isPercent = true;
      last = k + 1;
    } else if (isDash(tokens[k]) && isWord(tokens[k + 1], "percent") && !tokens[k].space) {
      isPercent = true;
      last = k + 1;
    } else if (
      isDash(tokens[k]) &&
      isWord(tokens[k + 1], "per") &&
      isDash(tokens[k + 2]) &&
      isWord(tokens[k + 3], "cent")
    ) {
      isPercent = true;
      last = k + 3;
    }
    if (isPercent) {
      // "(85)%" is a fall; "(34%)" is one only in a table (in prose "(15.4%)" is an aside), decided there
      if (closing) negative = true;
      end = tokens[last].end;
      out.push({
        kind: "percent",
        start,
        end,
        at: i,
        first,
        last,
        printed: text.slice(start, end),
        number,
        decimals: decimalsOf(t.text),
        unit: { dim: "%", scale: 0, text: "%" },
        paren: depth[i] === 1 || closing,
        negative,
        plus,
        tolerance,
      });
      continue;
    }
    // scale and unit words
    let scale = 0;
    let dim = currency ? `money:${currency.cur}` : "";
    let unitFrom = -1;
    let m = i + 1;
    const w = tokens[m];
    // after a currency "m" is million ("US$2,124m"); elsewhere a lone "M" or "m" may be anything
    const scaleAt = (x: Token | undefined): number | undefined =>
      x && x.kind === "word" && !UNIT_DIMENSIONS.has(x.lower) && (currency || x.text.length > 1)
        ? scaleOf(x.text, currency ? RELEASE_MONEY : RELEASE)
        : undefined;
    if (w && isDash(w) && !w.space && scaleAt(tokens[m + 1]) !== undefined && !tokens[m + 1].space) {
      // "5.32-million"
      scale = scaleAt(tokens[m + 1]) as number;
      unitFrom = m;
      m += 2;
    } else if (scaleAt(w) !== undefined) {
      scale = scaleAt(w) as number;
      unitFrom = m;
      m++;
    }
    // "9.0 million silver equivalent ounces", "37,548 gold oz": the metal named between the scale and the unit
    let u = tokens[m];
    let metalWords = 0;
    // ("silver equivalent ounces": the metal, then "equivalent")
    const metalWord = (k: number): boolean =>
      isMaterialWord(tokens[k]) || (k > m && isWord(tokens[k], "equivalent") && isMaterialWord(tokens[k - 1]));
    let words = 0;
    while (words < 3 && metalWord(m + words)) words++;
    if (words > 0 && unitWord(tokens[m + words])) {
      metalWords = words;
      u = tokens[m + metalWords];
    }
    if (u && u.kind === "word") {
      const defined = abbreviations.get(u.text);
      const known = defined ?? unitWord(u);
      if (known && !(currency && known.dim.startsWith("count"))) {
        if (!currency) dim = known.dim;
        scale += known.scale;
        if (unitFrom < 0) unitFrom = m;
        m += metalWords + 1;
        if (currency) dim = `${dim}/${known.dim}`;
        // "7,815 tonnes per day": a rate, not tonnes
        if (
          !currency &&
          !skip[m] &&
          isWord(tokens[m], "per", "a") &&
          isWord(tokens[m + 1], "day", "year", "annum", "month", "hour")
        ) {
          dim = `${dim}/${tokens[m + 1].lower === "day" ? "day" : tokens[m + 1].lower}`;
          if (dim === "t/day") dim = "tpd";
          m += 2;
        }
      } else if (isWord(u, "metric") && isWord(tokens[m + 1], "tonnes", "tons")) {
        dim = "t";
        if (unitFrom < 0) unitFrom = m;
        m += 2;
      } else if (isWord(u, "grams") && isWord(tokens[m + 1], "per") && isWord(tokens[m + 2], "tonne")) {
        dim = "g/t";
        if (unitFrom < 0) unitFrom = m;
        m += 3;
      } else if (isWord(u, "per") && tokens[m + 1]?.kind === "word") {
        // "$304 per ounce", "$0.04 per share", "0.39 per one million hours": a rate, never a production figure
        const per = unitWord(tokens[m + 1])?.dim ?? tokens[m + 1].lower;
        dim = `${dim || "count"}/${per}`;
        if (unitFrom < 0) unitFrom = m;
        m += 2;
      } else if (!currency && scale === 0 && u.space && countNoun(u) !== null) {
        // "12,372 rakes": a count of rakes, compared only with rakes
        dim = `count:${countNoun(u)}`;
      }
    }
    // "/oz", "/eq oz", "/lb", "/t"
    if (isPunct(tokens[m], "/") && !tokens[m].space && tokens[m + 1]?.kind === "word") {
      let p = m + 1;
      if (isWord(tokens[p], "eq") && tokens[p + 1]?.kind === "word") p++;
      const per = unitWord(tokens[p])?.dim ?? tokens[p].lower;
      dim = `${dim || "count"}/${per}`;
      if (unitFrom < 0) unitFrom = m;
      m = p + 1;
    }
    last = m - 1;
    end = tokens[last].end;
    const paren = depth[i] === 1;
    out.push({
      kind: "amount",
      start,
      end,
      at: i,
      first,
      last,
      printed: text.slice(start, end),
      number,
      decimals: decimalsOf(t.text),
      unit: { dim, scale, text: unitFrom >= 0 ? text.slice(tokens[unitFrom].start, end).replace(/^-/, "") : "" },
      paren,
      negative,
      plus,
      tolerance,
    });
    i = last;
  }
  return out;
}

/** "million tonnes (MT)", "metric tonnes (MT)": abbreviations a release defines, by the words before them. */
export function definedUnits(tokens: Token[], into: Map<string, UnitWord>): void {
  for (let i = 2; i + 2 < tokens.length; i++) {
    if (!isPunct(tokens[i], "(") || !isPunct(tokens[i + 2], ")") || tokens[i + 1].kind !== "word") continue;
    const abbr = tokens[i + 1].text;
    if (abbr.toUpperCase() !== abbr || abbr.length > 4 || into.has(abbr)) continue;
    const a = tokens[i - 2].lower;
    const unit = unitWord(tokens[i - 1]);
    if (!unit || unit.dim.startsWith("count")) continue;
    const scale = scaleOf(tokens[i - 2].text, RELEASE);
    if (scale !== undefined && !UNIT_DIMENSIONS.has(a)) into.set(abbr, { dim: unit.dim, scale: unit.scale + scale });
    else if (a === "metric" || unit.dim === "t") into.set(abbr, { dim: unit.dim, scale: unit.scale });
  }
}

/** The exact value of a quantity in its base unit (ounces, tonnes, dollars): number × 10^scale. */
export function baseValue(q: Quantity): Decimal {
  return { coefficient: q.number.coefficient, exponent: q.number.exponent + q.unit.scale };
}

/** The quantity as a plain number, in the scale printed ("5.32" for 5.32-million ounces). */
export const printedNumber = (q: Quantity): number => Number(`${q.number.coefficient}e${q.number.exponent}`);
