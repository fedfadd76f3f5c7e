/**
 * Words that are names on Object.prototype ("constructor", "__proto__", "toString") typed where a
 * month name, a scale word or a header is read. Found by review, not by the fuzzing: each table of
 * words was a plain object, and "constructor 2017" came back as a month with no month number.
 */
import { describe, expect, it } from "vitest";
import { CalcError } from "../../src/calc/errors";
import { parseNumber } from "../../src/calc/numbers";
import { parsePeriod, toMonth } from "../../src/calc/periods";
import { parseMonthName } from "../../src/calc/vocabulary";

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CalcError);
    return (e as CalcError).message;
  }
  throw new Error("expected a CalcError");
}

describe("words on Object.prototype are just words", () => {
  it.each([
    "constructor 2017",
    "Constructor-17",
    "2017 constructor",
    "28 constructor 2017",
    "constructor 28, 2017",
    "__proto__ 2017",
    "toString 2017",
  ])("%s is not a period", (text) => {
    expect(messageOf(() => parsePeriod(text))).toMatch(/is not a (month name|period)/);
    expect(messageOf(() => toMonth(text, "row 2 of dates"))).toMatch(/^row 2 of dates: /);
  });

  it("a word after a number is not a scale", () => {
    for (const text of ["5 constructor", "5 toString", "12 valueOf", "5 __proto__"]) {
      const message = messageOf(() => parseNumber(text));
      expect(message).toMatch(/unexpected/);
      expect(message).not.toMatch(/too large/);
    }
  });

  it("the import's month names do not include constructor", () => {
    expect(parseMonthName("constructor")).toBeNull();
    expect(parseMonthName("Constructor.")).toBeNull();
    expect(parseMonthName("Sept.")).toBe(9);
  });
});
