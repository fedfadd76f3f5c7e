/**
 * The invariant of every calc entry point under fuzzing: it returns, or it throws calc's own CalcError
 * with a known kind and a message. Anything else (TypeError, RangeError…) is a bug.
 */
import { expect } from "vitest";
import { CalcError } from "../../src/calc/errors";

const KINDS = ["value", "na", "div0", "num"];

/** Runs fn; returns its result, or undefined after checking that what it threw is a well-formed CalcError. */
export function calcOnly<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof CalcError)) {
      throw new Error(`not a CalcError: ${String(e)}\n${(e as Error)?.stack ?? ""}`, { cause: e });
    }
    expect(KINDS).toContain(e.kind);
    expect(e.message.trim()).not.toBe("");
    return undefined;
  }
}
