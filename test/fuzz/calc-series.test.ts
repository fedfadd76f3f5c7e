/**
 * Fuzzing calc's series, windows, records and progress directly: every error must be a CalcError,
 * and the one-pass forms must agree with the per-element ones they replace.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CalcError } from "../../src/calc/errors";
import { buildSeries, type MonthlySeries } from "../../src/calc/series";
import { calendarGrowth, windowFor, recordAt } from "../support/oracles";
import { calendarGrowthColumns } from "../../src/calc/growth";
import { recordColumns } from "../../src/calc/records";
import { parsePeriod, type Period } from "../../src/calc/periods";
import { guidanceProgress } from "../../src/calc/progress";
import { cell, figure, periodNear, series, type SeriesCase } from "./arbitraries";
import { calcOnly } from "./invariants";

const RUNS = { numRuns: 2000 };
const flat = (xs: unknown[][]): unknown[] => xs.flat();

/** Period objects as calc receives them: parsed ones, and malformed ones a caller could pass. */
const periodFor = (c: SeriesCase): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: periodNear(c).map((x) => {
        try {
          return parsePeriod(x);
        } catch (e) {
          return e;
        }
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constantFrom("month", "quarter", "year", "week"),
        year: fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.constantFrom(NaN, 2017.5, -1, 1e9)),
        month: fc.oneof(fc.integer({ min: 0, max: 13 }), fc.constant(undefined)),
        quarter: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(undefined)),
      }),
    },
    { weight: 1, arbitrary: cell },
  );
const basis = fc.constantFrom(undefined, null, "month", "quarter", "year", "ytd", "ttm", "week", "");
const fiscal = fc.constantFrom(undefined, 1, 4, 7, 12, 0, 13, 2.5, NaN);

/** The case, and its series when calc can build one. */
const built = series.map((c) => ({ c, s: calcOnly(() => buildSeries(flat(c.dates), flat(c.values))) }));

describe("calc series, windows, records and progress under fuzzing", { timeout: 180_000 }, () => {
  it("buildSeries: a dense series whose rows point back at the input, or a CalcError", () => {
    fc.assert(
      fc.property(series, fc.nat(3), (c, cut) => {
        const d = flat(c.dates);
        const v = flat(c.values).slice(0, Math.max(0, d.length - (cut === 3 ? 1 : 0))); // sometimes a size mismatch
        const s = calcOnly(() => buildSeries(d, v));
        if (!s) return;
        expect(s.values.length).toBe(s.rows.length);
        s.rows.forEach((r, k) => {
          expect(r === -1 || (r >= 0 && r < d.length)).toBe(true);
          if (r === -1) expect(Number.isNaN(s.values[k])).toBe(true);
        });
        for (const x of s.values) expect(x === Infinity || x === -Infinity).toBe(false);
      }),
      RUNS,
    );
  });

  it("calendarGrowth and calendarGrowthColumns agree, and raise only CalcError", () => {
    fc.assert(
      fc.property(
        built.chain(({ c, s }) => fc.tuple(fc.constant(s), fc.array(periodFor(c), { maxLength: 6 }), basis, fiscal)),
        ([s, periods, b, fy]) => {
          if (!s) return;
          const ps = periods as (Period | CalcError)[];
          const rows = calcOnly(() => calendarGrowth(s, ps, b as never, fy as never));
          const cols = calcOnly(() => calendarGrowthColumns(s, ps, b as never, fy as never));
          expect(rows === undefined).toBe(cols === undefined);
          if (!rows || !cols) return;
          expect(rows.length).toBe(ps.length);
          rows.forEach((x, i) => {
            if (x instanceof CalcError) {
              expect(Number.isNaN(cols.values[i])).toBe(true);
              expect(cols.errors.get(i)?.message).toBe(x.message);
            } else {
              expect(Number.isFinite(x)).toBe(true);
              expect(cols.values[i]).toBe(x);
            }
          });
          for (const p of ps) calcOnly(() => windowFor(p as Period, b as never, fy as never));
        },
      ),
      RUNS,
    );
  });

  it("a spill of many periods (one pass over every month) gives what each period gives alone", () => {
    fc.assert(
      fc.property(
        built.chain(({ c, s }) =>
          fc.tuple(fc.constant(s), fc.array(periodFor(c), { minLength: 32, maxLength: 48 }), basis, fiscal),
        ),
        ([s, periods, b, fy]) => {
          if (!s) return;
          const ps = periods as (Period | CalcError)[];
          const all = calcOnly(() => calendarGrowthColumns(s, ps, b as never, fy as never));
          if (!all) return;
          ps.forEach((p, i) => {
            const one = calendarGrowthColumns(s, [p], b as never, fy as never);
            expect(
              Object.is(all.values[i], one.values[0]) || (Number.isNaN(all.values[i]) && Number.isNaN(one.values[0])),
            ).toBe(true);
            expect(all.errors.get(i)?.message).toBe(one.errors.get(0)?.message);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("recordColumns agrees with recordAt month by month (one pass = running maxima)", () => {
    fc.assert(
      fc.property(built, fc.constantFrom(undefined, null, "month", "all", "ytd"), ({ s }, scope) => {
        if (!s) return;
        const cols = calcOnly(() => recordColumns(s, scope as never));
        if (!cols) return;
        for (let k = 0; k < s.values.length; k++) {
          if (Number.isNaN(s.values[k])) continue;
          const r = recordAt(s, s.first + k, scope as never);
          expect(cols.isRecord[k] === 1).toBe(r.isRecord);
          expect(r.previous === null ? Number.isNaN(cols.previous[k]) : cols.previous[k] === r.previous).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("a basis or scope calc is handed that is not one raises only CalcError", () => {
    fc.assert(
      fc.property(built, cell, cell, ({ s }, x, y) => {
        if (!s) return;
        calcOnly(() => calendarGrowthColumns(s, [], x as never));
        calcOnly(() => recordColumns(s, y as never));
      }),
      RUNS,
    );
  });

  it("guidanceProgress: every output a number, text or CalcError in its place", () => {
    const guidance = fc.oneof(
      fc.tuple(figure, figure).map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b) })),
      fc.record({ low: fc.double(), high: fc.double() }),
    );
    const weights = fc.oneof(
      fc.constantFrom(undefined, null, "prior_year", "flat", ""),
      fc.array(fc.oneof(figure, cell), { minLength: 0, maxLength: 13 }),
    );
    fc.assert(
      fc.property(
        built.chain(({ c, s }) =>
          fc.tuple(fc.constant(s), periodFor(c), fc.integer({ min: c.start - 2, max: c.start + c.n + 2 })),
        ),
        guidance,
        weights,
        fiscal,
        fc.boolean(),
        ([s, p, m], g, w, fy, asMonth) => {
          if (!s) return;
          const out = calcOnly(() =>
            guidanceProgress({
              guidance: g,
              series: s as MonthlySeries,
              asOf: (asMonth ? m : p) as never,
              weights: w as never,
              fiscalYearStart: fy as never,
            }),
          );
          if (!out) return;
          for (const v of Object.values(out)) {
            if (v instanceof CalcError) expect(v.message).not.toBe("");
            else if (typeof v === "number") expect(Number.isNaN(v)).toBe(false);
            else expect(typeof v).toBe("string");
          }
        },
      ),
      RUNS,
    );
  });
});
