import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CalcError } from "../../src/calc/errors";
import { CELL, readDecimal, type NumberSettings } from "../../src/calc/number";
import { parseNumber } from "../../src/calc/numbers";
import { decimalToNumber } from "../support/oracles";

function reason(input: unknown, opts?: NumberSettings): string {
  try {
    parseNumber(input, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(CalcError);
    expect((e as CalcError).kind).toBe("value");
    return (e as CalcError).message;
  }
  throw new Error(`expected ${String(input)} to be rejected`);
}

describe("parseNumber: numbers as releases print them", () => {
  it.each([
    ["73,476", 73476],
    ["7 352", 7352],
    ["7\u00a0352", 7352], // non-breaking space
    ["7\u2009352", 7352], // thin space
    ["7\u202f352", 7352], // narrow non-breaking space
    ["6,736 oz", 6736],
    ["6,733oz", 6733],
    ["73476", 73476],
    ["1.5", 1.5],
    ["(1,234)", -1234],
    ["-5", -5],
    ["+5", 5],
    ["\u22125", -5], // typographic minus
    ["42.0 koz", 42000],
    ["4.1 million", 4100000],
    ["1.2 Moz", 1200000],
    ["US$200", 200],
    ["$220 million", 220000000],
    ["88,000 ounces", 88000],
    ["1,234,567.89", 1234567.89],
    ["  12  ", 12],
    ["0", 0],
    ["0.0", 0],
    ["24%", 0.24],
    ["2.5 lakh tonnes", 250000],
    ["1'234'567", 1234567], // Swiss grouping
    ["-0", 0],
  ])("%s is %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it("scales exactly: 4.1 million is 4,100,000, not 4,099,999.9999999995", () => {
    expect(4.1 * 1e6).not.toBe(4100000); // the trap the exact decimal avoids
    expect(parseNumber("4.1 million")).toBe(4100000);
    expect(parseNumber("0.7 Moz")).toBe(700000);
    expect(parseNumber("1.1 koz")).toBe(1100);
    expect(readDecimal("4.1 million", CELL)).toEqual({ coefficient: 41n, exponent: 5 });
  });

  it("keeps the printed precision in the decimal", () => {
    expect(readDecimal("42.0", CELL)).toEqual({ coefficient: 420n, exponent: -1 });
    expect(readDecimal("(1,234)", CELL)).toEqual({ coefficient: -1234n, exponent: 0 });
    expect(readDecimal("24%", CELL)).toEqual({ coefficient: 24n, exponent: -2 });
  });

  it("reads European numbers with the decimal comma option", () => {
    expect(parseNumber("19.982", { ...CELL, decimal: "," })).toBe(19982);
    expect(parseNumber("2,6", { ...CELL, decimal: "," })).toBe(2.6);
    expect(parseNumber("1.234.567,5", { ...CELL, decimal: "," })).toBe(1234567.5);
    expect(parseNumber("182.000 oz", { ...CELL, decimal: "," })).toBe(182000);
    expect(parseNumber("19.982")).toBe(19.982); // English default: a decimal point
  });

  it("passes real numbers through and keeps 0 a number", () => {
    expect(parseNumber(0)).toBe(0);
    expect(Object.is(parseNumber(-0), 0)).toBe(true);
    expect(parseNumber(73476)).toBe(73476);
    expect(parseNumber(-1.25)).toBe(-1.25);
  });
});

describe("parseNumber: blanks", () => {
  it.each([null, undefined, "", "   ", "-", "\u2014", "\u2013", "n/a", "N/A", "na", "NA", "n.a.", "\u00a0"])(
    "%j is no value",
    (input) => {
      expect(parseNumber(input)).toBeNull();
    },
  );
});

describe("parseNumber: corrupted copies are rejected, not guessed", () => {
  it.each([
    [".8 M", "no digit before the decimal mark"],
    ["214, 194", "space beside a separator"],
    ["1,23,4", "must come in threes"],
    ["1,2345", "must come in threes"],
    ["12abc", 'unexpected "abc" after 12'],
    ["abc", "does not start with a digit"],
    ["1.2.3", "more than one decimal mark"],
    ["1,234 567", "mixed thousands separators"],
    ["8.", 'no digits after the last "."'],
    ["1,234,", 'no digits after the last ","'],
    ["(-5)", "both parentheses and a sign"],
    ["5 oz oz", "unexpected"],
  ])("%s: %s", (text, why) => {
    const msg = reason(text);
    expect(msg).toContain(`"${text}" is not a number: `);
    expect(msg).toContain(why);
  });

  it("with decimal comma, a dot group that is not three digits is an error", () => {
    expect(reason("1.5", { ...CELL, decimal: "," })).toContain("must come in threes");
    expect(reason("2,6,7", { ...CELL, decimal: "," })).toContain("more than one decimal mark");
  });

  it("rejects booleans, NaN, Infinity and objects with a message", () => {
    expect(reason(true)).toBe('"TRUE" is not a number: a logical value (TRUE/FALSE)');
    expect(reason(false)).toContain('"FALSE"');
    expect(reason(Number.NaN)).toContain('"NaN" is not a number');
    expect(reason(Number.POSITIVE_INFINITY)).toContain('"Infinity"');
    expect(reason({})).toContain("not a number");
  });

  it("throws only CalcError, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(".", ","), (x, mark) => {
        try {
          const n = parseNumber(x, { ...CELL, decimal: mark as "." | "," });
          expect(n === null || Number.isFinite(n)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
    );
  });

  it("throws only CalcError on number-like strings", () => {
    const piece = fc.constantFrom(
      "1",
      "23",
      "456",
      ",",
      ".",
      " ",
      "(",
      ")",
      "-",
      "oz",
      "koz",
      "million",
      "$",
      "%",
      "e",
      "9",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        try {
          parseNumber(pieces.join(""));
          parseNumber(pieces.join(""), { ...CELL, decimal: "," });
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
    );
  });
});

/** Prints n as a release might: grouped thousands, spaces, parentheses for negatives, a unit. */
function format(n: number, style: { sep: string; paren: boolean; unit: string }): string {
  const [int, frac] = Math.abs(n).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, style.sep);
  const body = `${grouped}.${frac}${style.unit}`;
  if (n >= 0) return body;
  return style.paren ? `(${body})` : `-${body}`;
}

describe("parseNumber(format(n)) = n", () => {
  it("for grouping by comma or spaces, parentheses and units", () => {
    const cents = fc.integer({ min: -1e13, max: 1e13 });
    const style = fc.record({
      sep: fc.constantFrom(",", " ", "\u00a0", "\u2009", ""),
      paren: fc.boolean(),
      unit: fc.constantFrom("", " oz", "oz", " ounces", " t"),
    });
    fc.assert(
      fc.property(cents, style, (c, s) => {
        const n = c / 100;
        expect(parseNumber(format(n, s))).toBe(Number(n.toFixed(2)));
      }),
    );
  });

  it("for koz and million scaling, exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (units, places) => {
        const text = (units / 10 ** places).toFixed(places);
        const expected = decimalToNumber({ coefficient: BigInt(units), exponent: 6 - places });
        expect(parseNumber(`${text} million`)).toBe(expected);
        expect(parseNumber(`${text} Moz`)).toBe(expected);
        expect(parseNumber(`${text} koz`)).toBe(decimalToNumber({ coefficient: BigInt(units), exponent: 3 - places }));
        if (places <= 3) expect(Number.isInteger(parseNumber(`${text} million`))).toBe(true);
      }),
    );
  });

  it("for European numbers with the decimal comma", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (c) => {
        const n = c / 100;
        const text = format(n, { sep: ".", paren: false, unit: "" }).replace(/\.(\d\d)$/, ",$1");
        expect(parseNumber(text, { ...CELL, decimal: "," })).toBe(Number(n.toFixed(2)));
      }),
    );
  });
});
