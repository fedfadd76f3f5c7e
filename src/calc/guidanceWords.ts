/**
 * Guidance texts as tokens — figures read by the number reader, words, marks — and the phrases of
 * vocabulary.ts matched against them, longest first, in any of the six languages. The language of a
 * text (the one with the most words in it) decides the number reader's settings for its figures.
 */
import { CalcError } from "./errors";
import {
  decimalEvidence,
  figureValue,
  GUIDANCE,
  GUIDANCE_COMMA,
  GUIDANCE_EITHER,
  Refusal,
  scanFigure,
  type Figure,
  type NumberSettings,
} from "./number";
import {
  BOUND_MARKS,
  CASED_UNITS,
  CURRENCY,
  LANGUAGE_WORDS,
  NEUTRAL_UNITS,
  RANGE_MARKS,
  type Bound,
  type Language,
  type UnitSense,
} from "./vocabulary";
import { formatNumber } from "./units";

export type Token =
  | { kind: "figure"; figure: Figure; start: number; end: number }
  | { kind: "word" | "mark"; text: string; lower: string; start: number; end: number };

export type Role =
  | { role: "bound"; bound: Bound }
  | {
      role:
        "between" | "rangeOf" | "from" | "to" | "and" | "article" | "filler" | "per" | "year" | "percent" | "change";
    }
  | { role: "after"; bound: Bound }
  | { role: "unit"; sense: UnitSense }
  | { role: "number"; value: string };

interface Phrase {
  words: readonly string[];
  /** Compared as printed ("Mt", "BT"), not in lower case. */
  cased: boolean;
  what: Role;
  languages: readonly Language[];
}

const PIECES = /\p{L}+|[^\s\p{L}]/gu;

/** A phrase of the vocabulary as the words and marks a text is cut into. */
const piecesOf = (phrase: string): string[] => phrase.match(PIECES) ?? [];

function buildIndex(): Map<string, Phrase[]> {
  const all: Phrase[] = [];
  const add = (phrase: string, what: Role, languages: readonly Language[], cased = false): void => {
    const words = piecesOf(cased ? phrase : phrase.toLowerCase());
    all.push({ words, cased, what, languages });
  };
  for (const [lang, w] of Object.entries(LANGUAGE_WORDS) as [Language, (typeof LANGUAGE_WORDS)[Language]][]) {
    const langs = [lang];
    for (const b of ["approx", "min", "max"] as const) for (const p of w[b]) add(p, { role: "bound", bound: b }, langs);
    for (const r of ["between", "rangeOf", "from", "to", "and", "filler", "per", "year", "percent"] as const) {
      for (const p of w[r]) add(p, { role: r }, langs);
    }
    for (const p of w.articles) add(p, { role: "article" }, langs);
    for (const p of [...w.up, ...w.down, ...w.more]) add(p, { role: "change" }, langs);
    for (const [p, bound] of w.after) add(p, { role: "after", bound }, langs);
    for (const [p, sense] of w.units) add(p, { role: "unit", sense }, langs);
    for (const [p, value] of w.numbers) add(p, { role: "number", value }, langs);
    // Scale words are read by the number reader; here they only count towards the language.
    for (const [p] of w.scales) add(p, { role: "filler" }, langs);
  }
  for (const [p, sense] of NEUTRAL_UNITS) add(p, { role: "unit", sense }, []);
  for (const [p, sense] of CASED_UNITS) add(p, { role: "unit", sense }, [], true);
  for (const [p, bound] of BOUND_MARKS) add(p, { role: "bound", bound }, []);
  add("+", { role: "after", bound: "min" }, []);
  for (const p of RANGE_MARKS) add(p, { role: "to" }, []);
  add("%", { role: "percent" }, []);
  const index = new Map<string, Phrase[]>();
  for (const p of all) {
    const key = p.words[0];
    if (!index.has(key)) index.set(key, []);
    index.get(key)?.push(p);
  }
  // Longest first; a cased phrase before the same words in any case ("Mt" before "mt").
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length || +b.cased - +a.cased);
  return index;
}

const INDEX = buildIndex();

/** The phrases that match the tokens at `at` (words and marks only), longest first. */
function phrasesAt(tokens: readonly Token[], at: number): Phrase[] {
  const first = tokens[at];
  if (first === undefined || first.kind === "figure") return [];
  const out: Phrase[] = [];
  for (const key of new Set([first.lower, first.text])) {
    for (const p of INDEX.get(key) ?? []) {
      if (matches(tokens, at, p)) out.push(p);
    }
  }
  return out.sort((a, b) => b.words.length - a.words.length || +b.cased - +a.cased);
}

function matches(tokens: readonly Token[], at: number, p: Phrase): boolean {
  for (let k = 0; k < p.words.length; k++) {
    const t = tokens[at + k];
    if (t === undefined || t.kind === "figure") return false;
    if ((p.cased ? t.text : t.lower) !== p.words[k]) return false;
  }
  return true;
}

/** The longest phrase at `at` whose role is one of `roles`, and how many tokens it spans. */
export function phraseAt(
  tokens: readonly Token[],
  at: number,
  roles: readonly Role["role"][],
): { what: Role; length: number } | null {
  for (const p of phrasesAt(tokens, at)) {
    if (roles.includes(p.what.role)) return { what: p.what, length: p.words.length };
  }
  return null;
}

// ---- the language of a text and the settings of its figures ------------------------------------

/**
 * The language with the most words in the text; English where English ties ("million", "tonnes"
 * are English and French), or when no word belongs to a language ("182.000 - 193.000 oz").
 */
export function languageOf(text: string): Language | null {
  const words = (text.match(/\p{L}+|[^\s\p{L}\d]/gu) ?? []).map((w) => ({ lower: w.toLowerCase(), text: w }));
  const tokens = words.map((w) => ({ kind: "word" as const, ...w, start: 0, end: 0 }));
  const count = new Map<Language, number>();
  for (let i = 0; i < tokens.length;) {
    const found = phrasesAt(tokens, i);
    if (found.length === 0) {
      i++;
      continue;
    }
    const length = found[0].words.length;
    const languages = new Set(found.filter((p) => p.words.length === length).flatMap((p) => p.languages));
    for (const l of languages) count.set(l, (count.get(l) ?? 0) + 1);
    i += length;
  }
  const best = Math.max(0, ...count.values());
  if (best === 0) return null;
  const top = [...count].filter(([, n]) => n === best).map(([l]) => l);
  if (top.includes("en")) return "en";
  const marks = new Set(top.map((l) => LANGUAGE_WORDS[l].decimalMark));
  return marks.size === 1 ? top[0] : "es"; // tied languages that print different marks read as Spanish: either mark
}

const RUNS = /[0-9](?:[0-9.,' ]*[0-9])?/g;

/**
 * The number reader's settings for the figures of a text: the decimal mark its own figures show
 * (any figure that can only be read one way settles it for all: "182.5 - 193.000 oz" is 182.5 to
 * 193), else its language's rule for figures that read both ways.
 */
export function settingsFor(text: string, language: Language | null, fail: (why: string) => CalcError): NumberSettings {
  const base =
    language === null || LANGUAGE_WORDS[language].decimalMark === "."
      ? GUIDANCE
      : LANGUAGE_WORDS[language].decimalMark === ","
        ? GUIDANCE_COMMA
        : GUIDANCE_EITHER;
  const shown = new Set((text.match(RUNS) ?? []).map(decimalEvidence).filter((m) => m !== null));
  if (shown.size > 1) throw fail('its figures use both "." and "," as the decimal mark');
  const [mark] = shown;
  return mark === undefined ? base : { ...base, decimal: mark };
}

// ---- tokens ------------------------------------------------------------------------------------

const CURRENCY_AT = new RegExp(`${CURRENCY} ?(?=\\d)`, "iy");
const WORD_AT = /\p{L}+/uy;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** The text cut into figures (each read by the number reader with `settings`), words and marks. */
export function tokenize(text: string, settings: NumberSettings, fail: (why: string) => CalcError): Token[] {
  const tokens: Token[] = [];
  for (let pos = 0; pos < text.length;) {
    const c = text[pos];
    if (c === " ") {
      pos++;
      continue;
    }
    CURRENCY_AT.lastIndex = pos;
    const afterLetter = pos > 0 && /\p{L}/u.test(text[pos - 1]);
    if (isDigit(c) || (!afterLetter && CURRENCY_AT.test(text))) {
      const f = scanFigure(text, pos, settings);
      if (f instanceof Refusal) throw fail(eitherWay(text, pos, settings) ?? refusalWhy(f));
      if (f !== null) {
        tokens.push({ kind: "figure", figure: f, start: pos, end: f.end });
        pos = f.end;
        continue;
      }
    }
    WORD_AT.lastIndex = pos;
    const w = WORD_AT.exec(text);
    const piece = w === null ? c : w[0];
    tokens.push({
      kind: w === null ? "mark" : "word",
      text: piece,
      lower: piece.toLowerCase(),
      start: pos,
      end: pos + piece.length,
    });
    pos += piece.length;
  }
  return tokens;
}

const refusalWhy = (r: Refusal): string => (r.run !== "" && !r.why.includes(r.run) ? `"${r.run}": ${r.why}` : r.why);

/**
 * Both readings of a figure the text's language cannot settle ("1.390 mil" in Spanish: 1,390,000
 * with a point grouping thousands as in Spain, Chile and Argentina, or 1,390 with a decimal point as
 * in Mexico and Peru), or null when the figure is refused for another reason.
 */
function eitherWay(text: string, pos: number, settings: NumberSettings): string | null {
  if (settings.threeDigits === null || settings.threeDigits.languageMark !== null) return null;
  const grouped = scanFigure(text, pos, { ...settings, decimal: "," });
  const decimal = scanFigure(text, pos, { ...settings, decimal: "." });
  if (!isFigure(grouped) || !isFigure(decimal)) return null;
  const mark = grouped.run.includes(".") ? "." : ",";
  const [a, b] = mark === "." ? [grouped, decimal] : [decimal, grouped];
  const printed = text.slice(pos, a.end);
  return (
    `"${printed}" could be ${formatNumber(figureValue(a))} ("${mark}" grouping thousands) or ` +
    `${formatNumber(figureValue(b))} ("${mark}" a decimal mark): the words do not settle which (Spanish prints both); write the figure without the mark`
  );
}

const isFigure = (f: Figure | Refusal | null): f is Figure => f !== null && !(f instanceof Refusal);
