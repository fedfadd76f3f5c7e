import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildSeries, type MonthlySeries } from "../../src/calc/series";
import { CalcError } from "../../src/calc/errors";
import { formatMonth, makeMonth } from "../../src/calc/months";
import { recordAll, recordAt } from "../support/oracles";
import { recordColumns, type RecordScope } from "../../src/calc/records";
import { errorOf } from "./helpers";

const seed = () => buildSeries(["Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017"], [4512, 5125, 5208, 6736]);

describe("recordAt", () => {
  it("seed: February 2017 (6,736 oz) beats February 2016 (5,125 oz) — a record for the month", () => {
    const r = recordAt(seed(), makeMonth(2017, 2), "month");
    expect(r.isRecord).toBe(true);
    expect(r.previous).toBe(5125);
    expect(r.previousMonth).toBe(makeMonth(2016, 2));
    expect(r.value).toBe(6736);
    expect(recordAt(seed(), makeMonth(2017, 2))).toEqual(r); // "month" is the default scope
  });

  it("scope all compares every earlier month; ytd only this calendar year", () => {
    const all = recordAt(seed(), makeMonth(2017, 2), "all");
    expect(all).toMatchObject({ isRecord: true, previous: 5208, previousMonth: makeMonth(2017, 1) });
    const jan = recordAt(seed(), makeMonth(2017, 1), "all");
    expect(jan).toMatchObject({ isRecord: true, previous: 5125, previousMonth: makeMonth(2016, 2) });
    expect(recordAt(seed(), makeMonth(2017, 2), "ytd")).toMatchObject({ isRecord: true, previous: 5208 });
  });

  it("with no earlier value in scope it is not a record and previous is null", () => {
    expect(recordAt(seed(), makeMonth(2016, 1), "all")).toEqual({
      isRecord: false,
      previous: null,
      previousMonth: null,
      value: 4512,
    });
    expect(recordAt(seed(), makeMonth(2017, 1), "ytd")).toMatchObject({ isRecord: false, previous: null });
    expect(recordAt(seed(), makeMonth(2016, 2), "month")).toMatchObject({ isRecord: false, previous: null });
  });

  it("a tie is not a record, and the record holder is the month that first set it", () => {
    const s = buildSeries(["Feb 2015", "Feb 2016", "Feb 2017"], [6000, 6000, 6000]);
    const r = recordAt(s, makeMonth(2017, 2));
    expect(r.isRecord).toBe(false);
    expect(r.previous).toBe(6000);
    expect(r.previousMonth).toBe(makeMonth(2015, 2));
  });

  it("a lower month is not a record; the best earlier value is reported", () => {
    const s = buildSeries(["Feb 2015", "Feb 2016", "Feb 2017"], [7000, 5125, 6736]);
    expect(recordAt(s, makeMonth(2017, 2))).toMatchObject({
      isRecord: false,
      previous: 7000,
      previousMonth: makeMonth(2015, 2),
    });
  });

  it("months without a value are not compared; an empty cell before the last figure is 0", () => {
    const s = buildSeries(["Feb 2015", "Feb 2016", "Feb 2017"], ["-", "n/a", 10]);
    expect(recordAt(s, makeMonth(2017, 2))).toMatchObject({ isRecord: false, previous: null });
    const empty = buildSeries(["Feb 2015", "Feb 2016", "Feb 2017"], [null, "n/a", 10]);
    expect(recordAt(empty, makeMonth(2017, 2))).toMatchObject({ isRecord: true, previous: 0 });
  });

  it("a month not in the data, or without a value, is #N/A", () => {
    const e = errorOf(() => recordAt(seed(), makeMonth(2017, 3)));
    expect(e.kind).toBe("na");
    expect(e.message).toBe("no value for Mar 2017");
    expect(errorOf(() => recordAt(seed(), makeMonth(2016, 6))).message).toBe("no value for Jun 2016");
    expect(errorOf(() => recordAt(seed(), makeMonth(2015, 12))).kind).toBe("na");
    expect(errorOf(() => recordAt(seed(), makeMonth(2016, 2) + 0.5)).kind).toBe("na");
  });

  it("rejects unknown scopes", () => {
    // RECORD_MONTH reads its scope argument (any case, spaces, blank) in test/functions/recordMonth.test.ts.
    expect(errorOf(() => recordColumns(seed(), "quarter" as RecordScope)).message).toBe(
      '"quarter" is not a scope; use one of month, all, ytd',
    );
    expect(errorOf(() => recordAt(seed(), makeMonth(2017, 2), "decade" as RecordScope)).kind).toBe("value");
  });
});

describe("recordAll", () => {
  it("flags each month of the seed", () => {
    const s = seed();
    const flags = recordAll(s, "month").map((r) => r.isRecord);
    // Jan 2016 .. Feb 2017: only Jan 2017 (5,208 > 4,512) and Feb 2017 (6,736 > 5,125) beat their month
    expect(flags.filter(Boolean).length).toBe(2);
    expect(flags[12]).toBe(true);
    expect(flags[13]).toBe(true);
    const all = recordAll(s, "all");
    expect(all.map((r) => r.isRecord)).toEqual([false, true, ...new Array(10).fill(false), true, true]);
    expect(all[5]).toMatchObject({ isRecord: false, previous: 5125, previousMonth: makeMonth(2016, 2) });
    expect(Number.isNaN(all[5].value)).toBe(true);
  });

  it("gives the same answers as typed columns (NaN / -1 where there is no earlier value)", () => {
    const c = recordColumns(seed(), "all");
    expect(c.first).toBe(makeMonth(2016, 1));
    expect([...c.isRecord.slice(12)]).toEqual([1, 1]);
    expect(c.previous[13]).toBe(5208);
    expect(c.previousMonth[13]).toBe(makeMonth(2017, 1));
    expect(Number.isNaN(c.previous[0])).toBe(true);
    expect(c.previousMonth[0]).toBe(-1);
  });

  it("resets the ytd best at each calendar year", () => {
    const s = buildSeries(["Nov 2016", "Dec 2016", "Jan 2017", "Feb 2017"], [100, 90, 50, 60]);
    expect(recordAll(s, "ytd").map((r) => [r.isRecord, r.previous])).toEqual([
      [false, null],
      [false, 100],
      [false, null],
      [true, 50],
    ]);
  });

  it("agrees with a brute-force comparison and with recordAt, for every scope", () => {
    const values = fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }) },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constant("n/a") },
      ),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(
        values,
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<RecordScope>("month", "all", "ytd"),
        (cells, startMonth, scope) => {
          // The empty-cell rule by hand: nothing after the last non-zero figure; an earlier empty cell is 0.
          const last = cells.reduce((at: number, v, k) => (typeof v === "number" && v !== 0 ? k : at), -1);
          const vals = cells.map((v, k) => (k > last || v === "n/a" ? null : (v ?? 0)));
          const first = makeMonth(2010, startMonth);
          const series: MonthlySeries = buildSeries(
            cells.map((_, i) => formatMonth(first + i)),
            cells,
          );
          const fast = recordAll(series, scope);
          vals.forEach((v, k) => {
            const m = first + k;
            const inScope = (j: number) =>
              scope === "all" ||
              (scope === "month" && (k - j) % 12 === 0) ||
              (scope === "ytd" && Math.floor((first + j) / 12) === Math.floor(m / 12));
            let best: number | null = null;
            let bestAt: number | null = null;
            for (let j = 0; j < k; j++) {
              const e = vals[j];
              if (e !== null && inScope(j) && (best === null || e > best)) {
                best = e;
                bestAt = first + j;
              }
            }
            const expected = {
              isRecord: v !== null && best !== null && v > best,
              previous: best,
              previousMonth: bestAt,
            };
            expect(fast[k]).toMatchObject(expected);
            const cols = recordColumns(series, scope);
            expect(cols.isRecord[k]).toBe(expected.isRecord ? 1 : 0);
            expect(cols.previousMonth[k]).toBe(bestAt ?? -1);
            if (v !== null) expect(recordAt(series, m, scope)).toEqual(fast[k]);
          });
        },
      ),
    );
  });

  it("throws only CalcError, whatever it is given", () => {
    const s = seed();
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (month, scope) => {
        try {
          recordAt(s, month as number, scope as RecordScope);
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
        try {
          recordAll(s, scope as RecordScope);
          recordColumns(s, scope as RecordScope);
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
    );
  });
});
