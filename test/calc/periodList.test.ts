import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CalcError } from "../../src/calc/errors";
import { buildSeries } from "../../src/calc/series";
import { calendarGrowthColumns } from "../../src/calc/growth";
import { formatMonth, makeMonth } from "../../src/calc/months";
import { parsePeriod, type Period } from "../../src/calc/periods";
import { periodList, readPeriods } from "../../src/calc/periodList";
import { periodAt } from "../support/oracles";

/** What parsePeriod says about a cell: the period, or its error. */
function parsed(cell: unknown): Period | CalcError {
  try {
    return parsePeriod(cell);
  } catch (e) {
    return e as CalcError;
  }
}

const cell = fc.oneof(
  fc.double({ min: -10, max: 3_000_000, noNaN: false }),
  fc.integer({ min: 1890, max: 2210 }),
  fc.integer({ min: 1, max: 2_958_466 }),
  fc.constantFrom("Feb 2017", "Q1 2017", "2016", "FY24", "01/02/2017", "", "  ", "total", null, true, 0),
  fc.string(),
);

describe("readPeriods", () => {
  it("reads every cell exactly as parsePeriod does, errors included", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        const list = readPeriods(cells);
        expect(list.length).toBe(cells.length);
        cells.forEach((c, i) => {
          const want = parsed(c);
          const got = periodAt(list, i);
          if (want instanceof CalcError) expect((got as CalcError).message).toBe(want.message);
          else expect(got).toEqual(want);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps months as indices and only quarters, years and errors aside", () => {
    const list = readPeriods([42795, "Feb 2017", "Q1 2017", 2016, "nonsense"]);
    expect(Array.from(list.months.slice(0, 2))).toEqual([makeMonth(2017, 3), makeMonth(2017, 2)]);
    expect([...list.others.keys()]).toEqual([2, 3, 4]);
    expect(list.others.get(4)).toBeInstanceOf(CalcError);
  });
});

describe("calendarGrowthColumns on a PeriodList", () => {
  it("gives what the same periods give as objects, to the bit and message for message", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 9000 }), fc.constant(null)), {
          minLength: 1,
          maxLength: 48,
          size: "max",
        }),
        fc.array(cell, { maxLength: 60 }),
        fc.constantFrom(null, "month", "quarter", "year", "ytd", "ttm" as const),
        (vals, extra, basis) => {
          const first = makeMonth(2015, 1);
          const dates = vals.map((_, i) => formatMonth(first + i));
          const series = buildSeries(dates, vals);
          const cells = [...dates, ...extra];
          const asObjects = calendarGrowthColumns(series, cells.map(parsed), basis);
          const asList = calendarGrowthColumns(series, readPeriods(cells), basis);
          expect(Array.from(asList.values)).toEqual(Array.from(asObjects.values));
          expect([...asList.errors].map(([i, e]) => [i, e.message])).toEqual(
            [...asObjects.errors].map(([i, e]) => [i, e.message]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers the series' own months in any order as it answers each alone", () => {
    // As many periods as months: the in-order fast path runs until the first period out of place.
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 9000 }),
            fc.integer({ min: 0, max: 9000 }).map((x) => x / 7),
            fc.constant(null),
          ),
          { minLength: 1, maxLength: 40, size: "max" },
        ),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(null, "month", "quarter", "year", "ytd", "ttm" as const),
        (vals, a, b, basis) => {
          const first = makeMonth(2014, 5);
          const dates = vals.map((_, i) => formatMonth(first + i));
          const series = buildSeries(dates, vals);
          const cells = [...dates];
          const [x, y] = [a % cells.length, b % cells.length];
          [cells[x], cells[y]] = [cells[y], cells[x]];
          const spill = calendarGrowthColumns(series, readPeriods(cells), basis);
          cells.forEach((c, i) => {
            const alone = calendarGrowthColumns(series, readPeriods([c]), basis);
            expect(spill.values[i]).toBe(alone.values[0]);
            expect(spill.errors.get(i)?.message).toBe(alone.errors.get(0)?.message);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a hand-made month index that is not whole", () => {
    const series = buildSeries(["Jan 2016", "Jan 2017"], [100, 110]);
    const list = periodList([parsePeriod("Jan 2017")]);
    list.months[0] = makeMonth(2017, 1) + 0.5;
    const { errors } = calendarGrowthColumns(series, list);
    expect(errors.get(0)?.message).toMatch(/not a period/);
  });
});
