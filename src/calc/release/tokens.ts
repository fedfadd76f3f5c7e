/**
 * A release's text cut into words, numbers and marks, each with its offsets in the text, in one pass
 * over the characters (no regular expression runs over the whole text, so time grows with its length).
 */

import { plainDashes, SPACE } from "../vocabulary";

type TokenKind = "num" | "word" | "punct";

export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower case, for words; the text itself otherwise. */
  lower: string;
  start: number;
  end: number;
  /** White space (or the start of the piece) stands right before the token. */
  space: boolean;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const LETTER = /\p{L}/u;
const isLetter = (c: number, ch: string): boolean => isAsciiLetter(c) || (c > 127 && LETTER.test(ch));
/** White space: tabs, line breaks and calc's spaces on a line (the no-break, figure, thin… spaces). */
const SPACE_CHAR = new RegExp(`^${SPACE}$`, "u");
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || (c > 127 && SPACE_CHAR.test(String.fromCharCode(c)));

/** Digits grouped by one plain space ("7 352", "$1 275") join a number only in groups of exactly three. */
function spaceGroupEnd(text: string, i: number, to: number): number {
  if (text.charCodeAt(i) !== 32) return -1;
  for (let k = 1; k <= 3; k++) if (!(i + k < to && isDigit(text.charCodeAt(i + k)))) return -1;
  const after = i + 4;
  if (after < to) {
    const c = text.charCodeAt(after);
    if (isDigit(c) || c === 44 || c === 46 || c === 39) return -1;
  }
  return after;
}

/** The tokens of text[from, to). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  let space = true;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      const lead = i;
      while (i < to && isDigit(text.charCodeAt(i))) i++;
      let firstGroup = i - lead;
      let grouped = false;
      for (;;) {
        const s = text.charCodeAt(i);
        if ((s === 44 || s === 46 || s === 39) && i + 1 < to && isDigit(text.charCodeAt(i + 1))) {
          i++;
          while (i < to && isDigit(text.charCodeAt(i))) i++;
          if (s !== 46) grouped = true;
          continue;
        }
        // "7 352": only after a plain integer of one to three digits, or after such space groups
        if (s === 32 && (grouped ? false : firstGroup <= 3) && firstGroup > 0) {
          const end = spaceGroupEnd(text, i, to);
          if (end > 0) {
            i = end;
            firstGroup = 3;
            continue;
          }
        }
        break;
      }
      const t = text.slice(start, i);
      out.push({ kind: "num", text: t, lower: t, start, end: i, space });
    } else if (isLetter(c, text[i])) {
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (isLetter(d, text[i])) i++;
        // "company's", "Côte": an apostrophe between letters stays in the word
        else if ((d === 39 || d === 0x2019) && i + 1 < to && isAsciiLetter(text.charCodeAt(i + 1)) && !isS(text, i, to))
          i++;
        else break;
      }
      const t = text.slice(start, i);
      out.push({ kind: "word", text: t, lower: t.toLowerCase(), start, end: i, space });
    } else {
      // a surrogate pair is one mark
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
      const t = text.slice(start, i);
      out.push({ kind: "punct", text: t, lower: t, start, end: i, space });
    }
    space = false;
  }
  return out;
}

/** "'s" at the end of a word is its own mark, so "Macassa's" is the name "Macassa". */
function isS(text: string, i: number, to: number): boolean {
  const s = text.charCodeAt(i + 1);
  if (s !== 115 && s !== 83) return false;
  return i + 2 >= to || !isAsciiLetter(text.charCodeAt(i + 2));
}

/** Dashes of every kind, as releases print ranges and minus signs. */
export const isDash = (t: Token | undefined): boolean =>
  t !== undefined && t.kind === "punct" && t.text.length === 1 && plainDashes(t.text) === "-";

export const isWord = (t: Token | undefined, ...words: string[]): boolean =>
  t !== undefined && t.kind === "word" && words.includes(t.lower);

export const isPunct = (t: Token | undefined, ...marks: string[]): boolean =>
  t !== undefined && t.kind === "punct" && marks.includes(t.text);
