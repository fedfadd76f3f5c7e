/** Shared by the calc tests. */
import { expect } from "vitest";
import { CalcError } from "../../src/calc/errors";

/** The CalcError a call throws; fails the test when it throws anything else or nothing. */
export function errorOf(f: () => unknown): CalcError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CalcError);
    return e as CalcError;
  }
  throw new Error("expected a CalcError");
}
