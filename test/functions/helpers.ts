/** Excel-shaped arguments and result checks shared by the function tests. */
import { expect } from "vitest";
import { CODES_WITH_MESSAGE, StubCustomFunctionsError, type ErrorCodeText } from "./setup-custom-functions";

export const EXCEL_ROWS = 1_048_576;

/** An omitted optional argument as Excel passes it (null), typed for the optional parameters. */
export const OMITTED = null as unknown as undefined;

/** A column range: one row per value. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
/** A row range. */
export const row = (...values: unknown[]): unknown[][] => [values];

/** A whole column (A:A) as Excel passes it: `filled` on top, then `blank` to row 1,048,576. */
export function wholeColumn(filled: readonly unknown[], blank: unknown = null): unknown[][] {
  const out = new Array<unknown[]>(EXCEL_ROWS);
  for (let i = 0; i < EXCEL_ROWS; i++) out[i] = [i < filled.length ? filled[i] : blank];
  return out;
}

/**
 * Asserts an Excel error with its code and, in its message, each fragment. Excel shows a message on
 * #VALUE! and #N/A only: an error of another code must be made without one (and no fragment asked for).
 */
export function expectError(cell: unknown, code: ErrorCodeText, ...fragments: string[]): void {
  expect(cell).toBeInstanceOf(StubCustomFunctionsError);
  const e = cell as StubCustomFunctionsError;
  expect(e.code).toBe(code);
  if (!CODES_WITH_MESSAGE.includes(code)) {
    expect(fragments, `${code} carries no message in Excel`).toEqual([]);
    expect(e.offered).toBeUndefined();
    return;
  }
  for (const f of fragments) expect(e.message).toContain(f);
}

/** Every cell is a finite number, a string, a boolean or an Excel error: no null, NaN, undefined. */
export function expectExcelSafe(result: unknown[][]): void {
  for (const r of result) {
    for (const cell of r) {
      const ok =
        (typeof cell === "number" && Number.isFinite(cell)) ||
        typeof cell === "string" ||
        typeof cell === "boolean" ||
        cell instanceof StubCustomFunctionsError;
      expect(ok, `cell ${String(cell)}`).toBe(true);
    }
  }
}

/** The first day of a month as an Excel serial, computed independently from Date.UTC. */
export function serial(year: number, month: number, day = 1): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
