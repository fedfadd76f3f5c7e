/**
 * Fuzzing every custom function Excel can call (each exported function of src/functions/functions.ts,
 * found at run time so new functions are covered without editing this file), with Excel-shaped
 * arguments. Invariant: the declared shape comes back, or a CustomFunctions.Error with a code from the
 * enum (with a message for #VALUE! and #N/A, and none offered on any other code, which Excel would drop);
 * nothing else is thrown; no cell is NaN, Infinity,
 * undefined or null.
 */
import "../functions/setup-custom-functions";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import * as functions from "../../src/functions/functions";
import { ERROR_CODES, StubCustomFunctionsError } from "../functions/setup-custom-functions";
import {
  arg,
  cell,
  figure,
  minesNear,
  period,
  periodNear,
  plausibleText,
  range,
  series,
  text,
  type SeriesCase,
} from "./arbitraries";

const RUNS = 10_000;
const CODES = Object.values(ERROR_CODES) as string[];
const SOURCE = readFileSync(new URL("../../src/functions/functions.ts", import.meta.url), "utf8");

/** Declared return type of each exported function, read from its signature ("any[][]" spills). */
function declaredSpill(name: string): boolean {
  const m = new RegExp(`export function ${name}\\s*\\([\\s\\S]*?\\)\\s*:\\s*([^{]+)\\{`).exec(SOURCE);
  if (!m) throw new Error(`cannot find the signature of ${name} in functions.ts`);
  return m[1].includes("[][]");
}

/** Parameter names as written in the source (they pick the arbitrary for each argument). */
function paramNames(fn: Function): string[] {
  const src = fn.toString();
  const inner = src.slice(src.indexOf("(") + 1, src.indexOf(")"));
  return inner
    .split(",")
    .map((p) =>
      p
        .trim()
        .replace(/[=:?].*$/, "")
        .trim(),
    )
    .filter(Boolean);
}

const choices = (...xs: unknown[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...xs) },
    { weight: 1, arbitrary: cell },
    { weight: 1, arbitrary: range(cell, 3) },
  );
const periods = (s: SeriesCase) =>
  fc.oneof(
    { weight: 4, arbitrary: periodNear(s) },
    { weight: 3, arbitrary: range(periodNear(s), 4) },
    { weight: 1, arbitrary: period },
    { weight: 1, arbitrary: range(period, 3) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
const guidance = fc.oneof(
  plausibleText,
  text,
  range(fc.oneof(plausibleText, figure), 3),
  figure,
  fc.tuple(figure, figure).map(([a, b]) => [[Math.min(a, b), Math.max(a, b)]]),
);
const numbers = fc.oneof(
  { weight: 3, arbitrary: figure },
  { weight: 2, arbitrary: arg(cell) },
  { weight: 1, arbitrary: range(figure, 4) },
);

/** An argument chosen by what the parameter is, so the deep paths are reached. */
function argFor(name: string, s: SeriesCase): fc.Arbitrary<unknown> {
  const n = name.toLowerCase();
  if (/dates/.test(n))
    return fc.oneof({ weight: 5, arbitrary: fc.constant(s.dates) }, { weight: 1, arbitrary: arg(cell) });
  if (/values/.test(n))
    return fc.oneof({ weight: 5, arbitrary: fc.constant(s.values) }, { weight: 1, arbitrary: arg(cell) });
  if (/period|as_of/.test(n)) return periods(s);
  if (/basis/.test(n)) return choices("month", "quarter", "year", "ytd", "ttm", undefined, null);
  if (/scope/.test(n)) return choices("month", "all", "ytd", undefined, null);
  if (/output/.test(n)) {
    return choices(
      "flag",
      "previous",
      "previous_period",
      "margin",
      "ytd",
      "pct_low",
      "pct_mid",
      "pct_high",
      "expected_share",
      "needed_low",
      "needed_high",
      "status",
      undefined,
      null,
    );
  }
  if (/fiscal/.test(n)) return choices(1, 4, 7, 12, 0, 13, 4.5, "4", undefined, null);
  if (/weights/.test(n))
    return fc.oneof(
      choices("prior_year", undefined, null),
      range(figure, 12),
      fc.array(figure, { minLength: 12, maxLength: 12 }).map((xs) => [xs]),
    );
  if (n === "mines")
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 4, arbitrary: minesNear(s) },
      { weight: 1, arbitrary: arg(cell) },
    );
  if (n === "mine")
    return fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 4, arbitrary: fc.constantFrom("Mine A", "MINE B", "Mine Z").map((x) => [[x]]) },
      { weight: 1, arbitrary: range(fc.constantFrom("Mine A", "Mine B", null, 0), 4) },
      { weight: 1, arbitrary: arg(cell) },
    );
  if (/guidance/.test(n)) return guidance;
  if (n === "unit")
    return fc.oneof(
      choices(
        "oz",
        "koz",
        "Moz",
        "t",
        "kt",
        "Mt",
        "lb",
        "Mlb",
        "million tonnes",
        "Mio. Unzen",
        "mt",
        "",
        0,
        undefined,
        null,
      ),
      text,
    );
  if (/stated/.test(n)) return fc.oneof(plausibleText, text, range(plausibleText, 2), figure);
  return numbers;
}

/** Checks one result against the invariant; returns nothing, throws an assertion on violation. */
function checkCell(v: unknown): void {
  if (v instanceof StubCustomFunctionsError) {
    expect(CODES).toContain(v.code);
    if (v.code === "#VALUE!" || v.code === "#N/A") expect((v.message ?? "").trim()).not.toBe("");
    else expect(v.offered).toBeUndefined(); // Excel would drop it: no other code is given a message
    return;
  }
  expect(v === null || v === undefined).toBe(false);
  if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  else expect(typeof v === "string" || typeof v === "boolean").toBe(true);
}

function checkResult(out: unknown, spills: boolean): void {
  if (!spills || !Array.isArray(out)) {
    expect(spills && !Array.isArray(out)).toBe(false); // a spilling function always returns rows
    checkCell(out);
    return;
  }
  expect(out.length).toBeGreaterThan(0);
  const width = (out[0] as unknown[]).length;
  expect(width).toBeGreaterThan(0);
  for (const row of out) {
    expect(Array.isArray(row) && row.length === width).toBe(true); // rectangular
    for (const v of row as unknown[]) checkCell(v);
  }
}

const exported = Object.entries(functions).filter(([, f]) => typeof f === "function") as [string, Function][];

describe("every custom function under fuzzing", { timeout: 180_000 }, () => {
  it("functions.ts exports the custom functions", () => {
    expect(exported.map(([name]) => name)).toEqual(
      expect.arrayContaining(["yoyGrowth", "guidanceRange", "recordMonth"]),
    );
  });

  for (const [name, fn] of exported) {
    it(`${name}: declared shape or a CustomFunctions.Error, never anything else (${RUNS} cases)`, () => {
      const spills = declaredSpill(name);
      const names = paramNames(fn);
      const args = series.chain((s) => fc.tuple(...names.map((p) => argFor(p, s))));
      // Trailing arguments may be missing altogether, as when a user omits optional ones.
      const call = fc
        .tuple(args, fc.nat(names.length))
        .map(([xs, cut]) => (cut === 0 ? xs : xs.slice(0, names.length - (cut % 2))));
      fc.assert(
        fc.property(call, (xs) => {
          let out: unknown;
          try {
            out = fn(...xs);
          } catch (e) {
            if (e instanceof StubCustomFunctionsError) return checkCell(e);
            throw e; // a TypeError, RangeError or a bare CalcError reaching Excel is the bug fuzzing is for
          }
          checkResult(out, spills);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
