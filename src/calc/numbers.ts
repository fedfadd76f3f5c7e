/**
 * Cell values to numbers. Excel hands custom functions numbers, strings, booleans and nulls;
 * numbers stored as text are common in pasted data, so text goes through the one number reader.
 */
import { CalcError } from "./errors";
import { CELL, checkSettings, readNumber, type NumberSettings } from "./number";

/** A cell's text for messages; never throws (objects with a broken toString exist). */
export function describeValue(input: unknown): string {
  if (typeof input === "string") return input;
  if (typeof input === "boolean") return input ? "TRUE" : "FALSE";
  try {
    return String(input);
  } catch {
    return Object.prototype.toString.call(input);
  }
}

/** "an object", "a symbol" — for messages about a value of the wrong type. */
export function kindOf(input: unknown): string {
  const t = typeof input;
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/**
 * A number, or null for a blank (null, undefined, "", "-", "n/a"…). 0 is a number: a stopped
 * mine produces 0. Throws CalcError("value") naming the text and why it is not a number.
 */
export function parseNumber(input: unknown, settings: NumberSettings = CELL): number | null {
  if (settings !== CELL) checkSettings(settings);
  if (typeof input === "number") {
    if (Number.isFinite(input)) return input === 0 ? 0 : input;
    throw new CalcError("value", `"${describeValue(input)}" is not a number: not a finite value`);
  }
  if (input === null || input === undefined) return null;
  if (typeof input === "string") {
    return readNumber(input, settings);
  }
  if (typeof input === "boolean") {
    throw new CalcError("value", `"${describeValue(input)}" is not a number: a logical value (TRUE/FALSE)`);
  }
  if (typeof input === "bigint") return Number(input);
  throw new CalcError("value", `"${describeValue(input)}" is not a number: ${kindOf(input)}, not a number or text`);
}
