/**
 * One number reader, many callers: cells given to the functions, the import's value cells (either
 * decimal mark), guidance texts and stated changes. Every printed form is fed to every caller that
 * takes such a form; each must read it exactly as the number reader does under the caller's
 * settings, and any two callers must agree wherever their settings make no difference to the form.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CELL,
  GUIDANCE,
  IMPORT_COMMA,
  IMPORT_POINT,
  STATED,
  ambiguousMark,
  decimalEvidence,
  isNoFigure,
  readDecimal,
  readNumber,
  type NumberSettings,
} from "../../src/calc/number";
import { CalcError } from "../../src/calc/errors";
import { parseNumber } from "../../src/calc/numbers";
import { parseGuidance } from "../../src/calc/guidance";
import { languageOf, settingsFor } from "../../src/calc/guidanceWords";
import { parseStated } from "../../src/calc/claimsStated";
import { readValue } from "../support/cells";
import { NO_FIGURE_WORDS, plainSpaces } from "../../src/calc/vocabulary";

/** A printed figure and the parts it was printed from. */
interface Form {
  text: string;
  sign: "" | "-" | "+" | "()";
  currency: string;
  /** The digits and separators as printed. */
  run: string;
  scale: string;
  unit: string;
  note: string;
  /** A "no figure" word rather than a figure. */
  blank: boolean;
}

/** Scale words only the six languages' settings read ("mil", "Mio.", "millones"). */
const LANGUAGE_SCALES = new Set(["mil", "Mio.", "millones", "milhões", "Millionen"]);

const group = (digits: string, sep: string): string =>
  sep === "" ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** Digit runs as releases print them — and as copies corrupt them (groups of two, a stray space, mixed marks). */
const run: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      int: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      sep: fc.constantFrom("", ",", ".", " ", "'"),
      mark: fc.constantFrom(".", ","),
      frac: fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
    })
    .map(({ int, sep, mark, frac }) => `${group(String(int), sep)}${frac === undefined ? "" : `${mark}${frac}`}`),
  fc.stringMatching(/^[0-9]{1,3}([.,' ][0-9]{1,4}){0,3}$/),
);

const form: fc.Arbitrary<Form> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({
        sign: fc.constantFrom<Form["sign"]>("", "", "-", "+", "()"),
        currency: fc.constantFrom("", "", "$", "US$", "€"),
        run,
        scale: fc.constantFrom(
          "",
          "",
          "",
          "k",
          "K",
          "koz",
          "KOZ",
          "thousand",
          "million",
          "M",
          "m",
          "Moz",
          "bn",
          "%",
          ...LANGUAGE_SCALES,
        ),
        glued: fc.boolean(),
        unit: fc.constantFrom("", "", "oz", "ounces", "t", "tonnes"),
        note: fc.constantFrom("", "", "", "*", "(1)", "\u00b9"),
      })
      .map(({ sign, currency, run, scale, glued, unit, note }) => {
        let body = `${currency}${run}${scale === "" ? "" : `${glued ? "" : " "}${scale}`}${unit === "" ? "" : ` ${unit}`}`;
        body = sign === "()" ? `(${body})` : `${sign}${body}`;
        return { text: `${body}${note}`, sign, currency, run, scale, unit, note, blank: false };
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("n/a", "N/A", "-", "\u2014", "n/m", "")
      .map((w) => ({ text: w, sign: "", currency: "", run: "", scale: "", unit: "", note: "", blank: true }) as Form),
  },
);

type Outcome = { value: number } | { refused: true };

function outcome(read: () => number | null): Outcome | { blank: true } {
  try {
    const v = read();
    return v === null ? { blank: true } : { value: v };
  } catch (e) {
    expect(e).toBeInstanceOf(CalcError); // a bug is never a refusal
    return { refused: true };
  }
}

/** Guidance reads one figure as a range from it to itself. */
function guidanceValue(text: string): number {
  const r = parseGuidance(text);
  expect(r.low).toBe(r.high);
  return r.low;
}

/** A stated change's figure ("12,6%") as the fraction it stands for. */
function statedValue(text: string): number {
  const [f] = parseStated(text);
  return Number(`${f.digits}e${-f.decimals - 2}`);
}

/**
 * Guidance refuses a mass beyond a year of the world's mining ("10000000 koz": a scale word is wrong),
 * a rule of guidance's grammar, not of reading figures (test/calc/guidance.test.ts).
 */
function beyondTheWorld(f: Form): boolean {
  if (f.unit === "" && !/oz$/i.test(f.scale)) return false;
  try {
    // in the text's own language: "10.000 milhões t" is ten billion tonnes
    const settings = settingsFor(f.text, languageOf(f.text), (why) => new CalcError("value", why));
    return Math.abs(readNumber(f.text, settings) ?? 0) >= 1e10;
  } catch {
    return false;
  }
}

interface Caller {
  name: string;
  /** The settings it reads a form with (guidance: its language's, settled by the text's words). */
  settings: (f: Form) => NumberSettings;
  /** The forms its grammar takes (guidance figures carry no sign; a stated change is a bare percentage). */
  takes: (f: Form) => boolean;
  read: (text: string) => number | null;
}

const CALLERS: Caller[] = [
  { name: "a function's cell (parseNumber)", settings: () => CELL, takes: () => true, read: (t) => parseNumber(t) },
  {
    name: "an import cell, decimal point",
    settings: () => IMPORT_POINT,
    takes: () => true,
    read: (t) => importValue(t, "."),
  },
  {
    name: "an import cell, decimal comma",
    settings: () => IMPORT_COMMA,
    takes: () => true,
    read: (t) => importValue(t, ","),
  },
  {
    name: "a guidance text",
    settings: (f) => settingsFor(f.text, languageOf(f.text), (why) => new CalcError("value", why)),
    takes: (f) =>
      !f.blank && (f.sign === "" || f.sign === "+") && f.scale !== "%" && f.note === "" && !beyondTheWorld(f),
    read: guidanceValue,
  },
  {
    name: "a stated change",
    settings: () => STATED,
    takes: (f) =>
      !f.blank &&
      f.sign === "" &&
      f.currency === "" &&
      f.unit === "" &&
      f.note === "" &&
      f.scale === "%" &&
      /^\d+([.,]\d+)?$/.test(f.run),
    read: statedValue,
  },
];

function importValue(text: string, mark: "." | ","): number | null {
  const r = readValue(text, mark, false);
  if (r.error !== undefined) throw new CalcError("value", r.error);
  return r.value;
}

/**
 * How a run's decimal mark is settled under some settings: "." / ",", "refuse", or "none" when it
 * has no mark to settle. Under threeDigits, a run that reads both ways groups thousands before a
 * plain unit, and takes the language's mark before a scale word.
 */
function markOf(f: Form, s: NumberSettings): string {
  const runText = f.run;
  if (!/[.,]/.test(runText)) return "none";
  if (s.decimal !== "text") return s.decimal;
  const evidence = decimalEvidence(runText);
  if (evidence !== null) return evidence;
  const sep = ambiguousMark(runText);
  if (sep === null) return ".";
  if (s.threeDigits === null) return "refuse";
  if (f.scale === "") return sep === "," ? "." : ",";
  return s.threeDigits.languageMark ?? "refuse";
}

/** Whether two settings read this form alike: every setting either equal or irrelevant to it. */
function settingsAgree(f: Form, a: NumberSettings, b: NumberSettings): boolean {
  if (markOf(f, a) !== markOf(f, b)) return false;
  if (a.languages !== b.languages && LANGUAGE_SCALES.has(f.scale)) return false;
  if (a.mIsMillion !== b.mIsMillion && f.scale === "m") return false;
  if (f.blank && (a.noFigure?.has(f.text.toLowerCase()) ?? false) !== (b.noFigure?.has(f.text.toLowerCase()) ?? false))
    return false;
  if (a.footnotes !== b.footnotes && f.note !== "") return false;
  // keepUnits: the import keeps a unit as printed ("0.1 Moz" is 0.1 in a column of Moz); a cell applies it.
  if (a.keepUnits !== b.keepUnits && f.scale !== "") return false;
  return true;
}

describe("the number reader and its callers", () => {
  it("each caller reads every form it takes exactly as the reader does under its settings", () => {
    fc.assert(
      fc.property(form, (f) => {
        for (const c of CALLERS) {
          if (!c.takes(f)) continue;
          const core = outcome(() => readNumber(f.text, c.settings(f)));
          expect(
            outcome(() => c.read(f.text)),
            `${c.name}: ${JSON.stringify(f.text)}`,
          ).toEqual(core);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("any two callers agree on a form wherever their settings agree", () => {
    let compared = 0;
    fc.assert(
      fc.property(form, (f) => {
        const taking = CALLERS.filter((c) => c.takes(f));
        for (const a of taking) {
          for (const b of taking) {
            if (a === b || !settingsAgree(f, a.settings(f), b.settings(f))) continue;
            compared++;
            expect(
              outcome(() => b.read(f.text)),
              `${a.name} vs ${b.name}: ${JSON.stringify(f.text)}`,
            ).toEqual(outcome(() => a.read(f.text)));
          }
        }
      }),
      { numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(3000); // the pairs really met
  });

  it("the settings' differences are the only differences, each seen on a real form", () => {
    // Units kept as printed in the import (the column names them), applied in a function's cell.
    expect(importValue("42.0 koz", ".")).toBe(42);
    expect(parseNumber("42.0 koz")).toBe(42_000);
    // Lower-case m: million in guidance, refused in a cell (it may be metres).
    expect(guidanceValue("4.1 m")).toBe(4_100_000);
    expect(outcome(() => parseNumber("4.1 m"))).toEqual({ refused: true });
    // The decimal mark: the import's file setting, a cell's point, a stated change's own text.
    expect(importValue("19.982", ",")).toBe(19982);
    expect(parseNumber("19.982")).toBe(19.982);
    expect(statedValue("12,6%")).toBe(0.126);
    expect(() => parseStated("1,250%")).toThrow('"1,250" could be 1250 (thousands) or 1.250 (decimal comma)');
    // No figure: a dash is blank in a cell, not guidance.
    expect(parseNumber("—")).toBeNull();
    expect(outcome(() => guidanceValue("—"))).toEqual({ refused: true });
  });
});

describe("the number reader's settings, one by one", () => {
  const FOOTNOTES: NumberSettings = { ...CELL, footnotes: true };

  it("footnotes: a trailing mark is dropped only when the settings allow it", () => {
    for (const [text, value] of [
      ["2,204*", 2204],
      ["64,310(1)", 64310],
      ["6,736 oz\u00b9", 6736],
      ["(1,234)[2]", -1234],
      ["7 352 \u2020", 7352],
    ] as const) {
      expect(readNumber(text, FOOTNOTES), text).toBe(value);
      expect(
        outcome(() => readNumber(text, CELL)),
        text,
      ).toEqual({ refused: true });
    }
    // A figure in parentheses alone is a negative number, never a footnote.
    expect(readNumber("(12)", FOOTNOTES)).toBe(-12);
    expect(readNumber("(1)", FOOTNOTES)).toBe(-1);
  });

  it("mIsMillion: lower-case m after a figure", () => {
    expect(readNumber("6.5 m", GUIDANCE)).toBe(6_500_000);
    expect(readNumber("6.5 M", CELL)).toBe(6_500_000);
    expect(() => readNumber("6.5 m", CELL)).toThrow('unexpected "m" after 6.5');
  });

  it("noFigure: which words mean no figure", () => {
    for (const w of ["", "-", "--", "\u2014", "\u2013", "n/a", "N/A", "na", "n.a.", "n/m", "NM", " \u00a0"]) {
      expect(readNumber(w, CELL), JSON.stringify(w)).toBeNull();
      expect(
        outcome(() => readNumber(w, GUIDANCE)),
        JSON.stringify(w),
      ).toEqual({ refused: true });
    }
  });

  it("decimal: a fixed mark, or the text's own evidence with ambiguity refused", () => {
    expect(readNumber("1.234,5", IMPORT_COMMA)).toBe(1234.5);
    expect(readNumber("1,234.5", IMPORT_POINT)).toBe(1234.5);
    expect(readNumber("1.234,5", STATED)).toBe(1234.5);
    expect(readNumber("0,125", STATED)).toBe(0.125);
    expect(readNumber("1,234,567", STATED)).toBe(1234567);
    expect(() => readNumber("19.982", STATED)).toThrow('"19.982" could be 19982 (thousands) or 19.982 (decimal point)');
    expect(readDecimal("12,60", STATED)).toEqual({ coefficient: 1260n, exponent: -2 });
  });

  it("scale words: case only where it carries meaning", () => {
    expect(readNumber("42.0 KOZ", CELL)).toBe(42000);
    expect(readNumber("1.2 moz", CELL)).toBe(1_200_000);
    expect(readNumber("5 Mt", CELL)).toBe(5_000_000);
    expect(() => readNumber("5 mt", CELL)).toThrow("unexpected");
    expect(readNumber("3 lakh", CELL)).toBe(300_000);
  });
});

describe("the reader's shortcuts give the answers of their definitions", () => {
  // Texts made of the characters that matter: every space separator, other white space, digits, case, and the no-figure words.
  const pieces = [
    ..."0123456789 -.,/naNAmMlIiİ\u00a0\u1680\u2000\u2005\u200a\u202f\u205f\u3000\t\n\u2013\u2014",
    ...NO_FIGURE_WORDS,
    "not available",
    "N.Av.",
    "Mine 001",
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((xs) => xs.join(""));
  const anyText = fc.oneof(
    text,
    fc.string({ unit: "grapheme", maxLength: 8 }),
    fc.string({ unit: "binary", maxLength: 8 }),
  );

  it("plainSpaces: each space separator to one space, the rest untouched", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        expect(plainSpaces(t)).toBe(t.replace(/\p{Zs}/gu, " "));
      }),
      { numRuns: 3000 },
    );
  });

  it("isNoFigure: the words in the settings' set, compared spaces trimmed and in lower case", () => {
    const OTHER: NumberSettings = { ...CELL, noFigure: new Set(["x1", "-"]) };
    fc.assert(
      fc.property(anyText, (t) => {
        for (const s of [CELL, IMPORT_POINT, IMPORT_COMMA, GUIDANCE, OTHER]) {
          const plain =
            s.noFigure !== null &&
            s.noFigure.has(
              t
                .replace(/\p{Zs}/gu, " ")
                .trim()
                .toLowerCase(),
            );
          expect(isNoFigure(t, s), JSON.stringify(t)).toBe(plain);
        }
      }),
      { numRuns: 3000 },
    );
    expect(isNoFigure(" N/A\u00a0", CELL)).toBe(true);
    expect(isNoFigure("\u2014", IMPORT_POINT)).toBe(true);
    expect(isNoFigure(" x1 ", OTHER)).toBe(true);
    expect(isNoFigure("n/a 1", CELL)).toBe(false);
  });
});
