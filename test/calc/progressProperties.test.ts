import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalcError } from "../../src/calc/errors";
import { makeMonth } from "../../src/calc/months";
import { guidanceProgress, type ProgressInput } from "../../src/calc/progress";

/** Up to three years of whole-ounce months from Jan 2016, some possibly missing (NaN). */
const history = fc.array(fc.option(fc.integer({ min: 0, max: 20_000 }), { freq: 10 }), {
  minLength: 13,
  maxLength: 36,
});
const guidanceArb = fc
  .tuple(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 0, max: 50_000 }))
  .map(([low, extra]) => ({ low, high: low + extra }));

function toSeries(values: (number | null)[]) {
  return { first: makeMonth(2016, 1), values: Float64Array.from(values, (v) => (v === null ? Number.NaN : v)) };
}

const RANK: Record<string, number> = { "out of reach": 0, behind: 1, "on track": 2, ahead: 3 };

describe("GUIDANCE_PROGRESS properties", () => {
  it("pct and needed agree: ytd + needed × remaining = the guidance end; ytd = pct × end", () => {
    fc.assert(
      fc.property(history, guidanceArb, fc.nat(), fc.integer({ min: 1, max: 12 }), (vals, g, at, fys) => {
        const asOf = makeMonth(2016, 1) + (at % vals.length);
        const r = guidanceProgress({ guidance: g, series: toSeries(vals), asOf, fiscalYearStart: fys });
        fc.pre(typeof r.ytd === "number" && typeof r.needed_low === "number");
        const ytd = r.ytd as number;
        const remaining = 12 - (((asOf % 12) + 1 - fys + 12) % 12) - 1;
        const close = (a: number, b: number) =>
          expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
        close(ytd + (r.needed_low as number) * remaining, g.low);
        close(ytd + (r.needed_high as number) * remaining, g.high);
        close((r.pct_low as number) * g.low, ytd);
        close((r.pct_high as number) * g.high, ytd);
        close((r.pct_mid as number) * ((g.low + g.high) / 2), ytd);
      }),
    );
  });

  it("more output this year never makes the status worse", () => {
    fc.assert(
      fc.property(
        history,
        guidanceArb,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 5_000 }),
        (vals, g, at, pick, extra) => {
          const asOfIndex = 12 + (at % (vals.length - 12)); // in 2017 or later, so a prior month exists
          const asOf = makeMonth(2016, 1) + asOfIndex;
          const startIndex = asOfIndex - (asOf % 12); // January of the as-of year
          const bumped = vals.slice();
          const i = startIndex + (pick % (asOfIndex - startIndex + 1));
          fc.pre(bumped[i] !== null);
          bumped[i] = (bumped[i] as number) + extra;
          const before = guidanceProgress({ guidance: g, series: toSeries(vals), asOf }).status;
          const after = guidanceProgress({ guidance: g, series: toSeries(bumped), asOf }).status;
          fc.pre(typeof before === "string" && before in RANK);
          expect(RANK[after as string]).toBeGreaterThanOrEqual(RANK[before as string]);
        },
      ),
    );
  });

  it("expected share is between 0 and 1 and reaches 1 at the year's last month, with any weights", () => {
    fc.assert(
      fc.property(
        history,
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }),
        fc.nat(),
        (vals, w, at) => {
          fc.pre(w.some((x) => x > 0));
          const asOf = makeMonth(2016, 1) + (at % vals.length);
          const share = guidanceProgress({
            guidance: { low: 1, high: 2 },
            series: toSeries(vals),
            asOf,
            weights: w,
          }).expected_share;
          expect(typeof share).toBe("number");
          expect(share as number).toBeGreaterThanOrEqual(0);
          expect(share as number).toBeLessThanOrEqual(1);
          if (asOf % 12 === 11) expect(share).toBe(1);
        },
      ),
    );
  });

  it("no input makes it throw anything but CalcError, and every output is a number, text or CalcError", () => {
    const input = fc.oneof(
      fc.anything(),
      fc.record({
        guidance: fc.oneof(fc.anything(), guidanceArb),
        series: fc.oneof(fc.anything(), history.map(toSeries)),
        asOf: fc.oneof(fc.anything(), fc.integer({ min: makeMonth(2015, 1), max: makeMonth(2020, 1) })),
        weights: fc.oneof(
          fc.anything(),
          fc.constant("prior_year"),
          fc.array(fc.anything(), { minLength: 12, maxLength: 12 }),
        ),
        fiscalYearStart: fc.oneof(fc.anything(), fc.integer({ min: 0, max: 13 })),
      }),
    );
    fc.assert(
      fc.property(input, (i) => {
        try {
          const r = guidanceProgress(i as ProgressInput);
          for (const v of Object.values(r)) {
            expect(typeof v === "number" || typeof v === "string" || v instanceof CalcError).toBe(true);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
