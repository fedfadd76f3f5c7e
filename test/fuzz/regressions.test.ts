/**
 * Inputs the fuzzing found that broke an invariant, shrunk by fast-check, kept as plain tests so
 * they can never come back unnoticed.
 */
import "../functions/setup-custom-functions";
import { describe, expect, it } from "vitest";
import { analyseImport } from "../../src/taskpane/import/analyse";
import { guidanceRange } from "../../src/functions/functions";
import { StubCustomFunctionsError } from "../functions/setup-custom-functions";

const NINES = "9".repeat(320); // shrunk counterexample: a figure beyond the largest double (1.8e308)
const TODAY = new Date(Date.UTC(2024, 5, 15));

describe("fuzzing regressions", { timeout: 180_000 }, () => {
  it("import: a 320-digit value is reported as not a number, never planned as Infinity", () => {
    // Found by import.test.ts "four layouts with junk cells": the plan held [36526, Infinity] with no problem.
    const a = analyseImport(`Month,Gold (oz)\nJan 2000,${NINES}\n`, { today: TODAY });
    const numbers = a.plan.rows.flat().filter((v): v is number => typeof v === "number");
    expect(numbers.every(Number.isFinite)).toBe(true);
    const problem = a.plan.problems.find((p) => p.severity === "error" && p.row === 2);
    expect(problem?.column).toBe("Gold (oz)");
    expect(a.plan.blocked).toBe(true);
  });

  it("GUIDANCE_RANGE: a figure beyond the largest double is #NUM!, not Infinity in a cell", () => {
    // Found by calc-parsers.test.ts: parseGuidance reads it as {low: Infinity, high: Infinity}.
    const out = guidanceRange([[NINES]]);
    const cells = out.flat();
    for (const c of cells) {
      expect(c).toBeInstanceOf(StubCustomFunctionsError);
      expect((c as StubCustomFunctionsError).code).toBe("#NUM!");
    }
  });
});
