/** Property: no input makes the engine throw; every failure comes back as a Problem in a well-formed plan. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseImport, decodeBytes, planAppend } from "../../../src/taskpane/import/engine";
import { readTable } from "../../support/readTable";
import type { ImportAnalysis, ImportOptions } from "../../../src/taskpane/import/types";

function wellFormed(a: ImportAnalysis): void {
  expect(Array.isArray(a.table)).toBe(true);
  for (const r of a.plan.rows) expect(r.length).toBe(a.plan.columns.length);
  for (const p of a.plan.problems) expect(typeof p.message).toBe("string");
  const structural = a.plan.problems.some((p) => p.severity === "error" && p.row === undefined);
  if (structural) expect(a.plan.blocked).toBe(true);
  if (!a.plan.problems.some((p) => p.severity === "error")) expect(a.plan.blocked).toBe(false);
}

const cellArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "Month",
    "Year",
    "Metric",
    "Value",
    "Mine",
    "Jan",
    "Feb",
    "Q1",
    "Total",
    "2016 Gold (oz)",
    "Gold (oz)",
    "Recovery (%)",
    "Comment",
  ),
  fc.constantFrom(
    "Jan 2017",
    "2017-02",
    "31/02/2017",
    "01/02/2017",
    "Q1 2017",
    "2017",
    "Febtober",
    "",
    "-",
    "\u2014",
    "n/a",
  ),
  fc.constantFrom(
    "6,736",
    "7 352",
    "6,733oz",
    "(123)",
    "19.982",
    "2,6",
    "1.234,5",
    "92.5%",
    "5208 (est)",
    ".8 M",
    "214, 194",
    "=1+1",
    "1e400",
  ),
);
const optsArb: fc.Arbitrary<ImportOptions> = fc.record(
  {
    layout: fc.constantFrom("long", "tidy", "wide-years-rows", "wide-months-rows", "wide-metrics-rows", "manual"),
    decimal: fc.constantFrom(".", ",", "auto"),
    skipBadRows: fc.boolean(),
    mapping: fc.record(
      {
        headerRow: fc.integer({ min: -1, max: 6 }),
        month: fc.integer({ min: -1, max: 6 }),
        year: fc.integer({ min: 0, max: 6 }),
        mine: fc.integer({ min: 0, max: 6 }),
        metrics: fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 3 }),
        metricName: fc.integer({ min: 0, max: 6 }),
        value: fc.integer({ min: 0, max: 6 }),
      },
      { requiredKeys: ["month"] },
    ),
  },
  { requiredKeys: [] },
);

describe("never throws", () => {
  it("on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), optsArb, (s, o) => wellFormed(analyseImport(s, o))),
      { numRuns: 300 },
    );
  });
  it("on random bytes, decoded", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => wellFormed(analyseImport(decodeBytes(b)))),
      { numRuns: 300 },
    );
  });
  it("on random CSV/TSV tables of production-like cells", () => {
    const tableArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { maxLength: 12 });
    fc.assert(
      fc.property(tableArb, fc.constantFrom(",", "\t", ";", "   "), optsArb, (rows, sep, o) => {
        const text = rows
          .map((r) => r.map((c) => (sep === "," && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep))
          .join("\n");
        const a = analyseImport(text, o);
        wellFormed(a);
        expect(Array.isArray(readTable(text))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
  it("when appending any plan to any table", () => {
    const tableArb = fc.record({
      header: fc.array(cellArb, { maxLength: 5 }),
      rows: fc.array(fc.array(fc.oneof(cellArb, fc.integer(), fc.constant(null)), { maxLength: 5 }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 2, maxLength: 4 }), { maxLength: 8 }),
        tableArb,
        (rows, existing) => {
          const plan = analyseImport(rows.map((r) => r.join("\t")).join("\n")).plan;
          const out = planAppend(plan, existing);
          for (const r of out.rows) expect(r.length).toBe(out.columns.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
