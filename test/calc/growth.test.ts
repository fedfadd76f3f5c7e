import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildSeries, type MonthlySeries } from "../../src/calc/series";
import { calendarGrowth, windowFor } from "../support/oracles";
import { calendarGrowthColumns, growth, type Basis } from "../../src/calc/growth";
import { CalcError } from "../../src/calc/errors";
import { formatMonth, makeMonth } from "../../src/calc/months";
import { parsePeriod, type Period } from "../../src/calc/periods";
import { errorOf } from "./helpers";

/** The seed's monthly table: Jan/Feb 2016 = 4,512 / 5,125; Jan 2017 = 5,208; Feb 2017 as printed. */
function seedSeries(feb2017: number): MonthlySeries {
  return buildSeries(
    ["Month", "Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017"],
    ["Gold (oz)", 4512, 5125, 5208, feb2017],
  );
}

/** Jan 2015..Dec 2017 with value (year - 2014) * 100 + month: any window sum is easy to do by hand. */
function ladder(): MonthlySeries {
  const dates: string[] = [];
  const values: number[] = [];
  for (let y = 2015; y <= 2017; y++) {
    for (let m = 1; m <= 12; m++) {
      dates.push(`${y}-${String(m).padStart(2, "0")}`);
      values.push((y - 2014) * 100 + m);
    }
  }
  return buildSeries(dates, values);
}

const one = (series: MonthlySeries, period: string, basis?: Basis | null, fys?: number) =>
  calendarGrowth(series, [parsePeriod(period)], basis, fys)[0];

describe("growth(current, prior)", () => {
  it("seed: 2016's 73,476 oz over 2015's 67,603 oz is +8.6875% (the release says 9%)", () => {
    expect(growth(73476, 67603)).toBeCloseTo(0.0868748428324, 12);
  });

  it("is 0 for equal values and -1 for a full stop", () => {
    expect(growth(5125, 5125)).toBe(0);
    expect(growth(0, 5125)).toBe(-1);
  });

  it("zero base is #DIV/0!, negatives and non-numbers are #VALUE!", () => {
    expect(errorOf(() => growth(5, 0)).kind).toBe("div0");
    const neg = errorOf(() => growth(5, -2));
    expect(neg.kind).toBe("value");
    expect(neg.message).toContain("-2 is negative");
    expect(errorOf(() => growth(-5, 2)).message).toContain("-5 is negative");
    expect(errorOf(() => growth(Number.NaN, 2)).kind).toBe("value");
    expect(errorOf(() => growth(1e308, 1e-308)).kind).toBe("num");
  });

  it("growth of x over x is 0 for every positive x", () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }), (x) => {
        expect(growth(x, x)).toBe(0);
      }),
    );
  });
});

describe("windowFor", () => {
  const w = (period: string, basis?: Basis | null, fys?: number) => {
    const win = windowFor(parsePeriod(period), basis, fys);
    return `${formatMonth(win.first)} - ${formatMonth(win.last)}`;
  };

  it("defaults the basis from the period", () => {
    expect(w("Feb 2017")).toBe("Feb 2017 - Feb 2017");
    expect(w("Q1 2017")).toBe("Jan 2017 - Mar 2017");
    expect(w("Q4 2016")).toBe("Oct 2016 - Dec 2016");
    expect(w("2016")).toBe("Jan 2016 - Dec 2016");
  });

  it("quarter with a month is the calendar quarter to date", () => {
    expect(w("Feb 2017", "quarter")).toBe("Jan 2017 - Feb 2017");
    expect(w("May 2017", "quarter")).toBe("Apr 2017 - May 2017");
    expect(w("Jul 2017", "quarter")).toBe("Jul 2017 - Jul 2017");
    expect(w("Dec 2017", "quarter")).toBe("Oct 2017 - Dec 2017");
  });

  it("ytd and year follow the fiscal year, named by the year it ends in", () => {
    expect(w("Feb 2017", "ytd")).toBe("Jan 2017 - Feb 2017");
    expect(w("Feb 2017", "ytd", 4)).toBe("Apr 2016 - Feb 2017");
    expect(w("Apr 2017", "ytd", 4)).toBe("Apr 2017 - Apr 2017");
    expect(w("Feb 2017", "ytd", 7)).toBe("Jul 2016 - Feb 2017");
    expect(w("Feb 2017", "year", 4)).toBe("Apr 2016 - Mar 2017");
    expect(w("2024", "year", 4)).toBe("Apr 2023 - Mar 2024");
    expect(w("FY 2023-24", undefined, 4)).toBe("Apr 2023 - Mar 2024");
    expect(w("2024", undefined, 7)).toBe("Jul 2023 - Jun 2024");
    expect(w("2024", "ytd", 7)).toBe("Jul 2023 - Jun 2024");
  });

  it("quarters stay calendar quarters; their ytd and ttm end with the quarter", () => {
    expect(w("Q1 2017", undefined, 4)).toBe("Jan 2017 - Mar 2017");
    expect(w("Q2 2017", "ytd")).toBe("Jan 2017 - Jun 2017");
    expect(w("Q2 2017", "ytd", 4)).toBe("Apr 2017 - Jun 2017");
    expect(w("Q2 2017", "ttm")).toBe("Jul 2016 - Jun 2017");
  });

  it("ttm is the twelve months ending with the period", () => {
    expect(w("Feb 2017", "ttm")).toBe("Mar 2016 - Feb 2017");
    expect(w("Dec 2016", "ttm")).toBe("Jan 2016 - Dec 2016");
  });

  it("refuses bases that do not fit the period, and bad fiscal starts", () => {
    expect(errorOf(() => w("Q1 2017", "month")).message).toContain('basis "month" does not apply to quarter Q1 2017');
    expect(errorOf(() => w("2016", "quarter")).message).toContain("year 2016");
    for (const bad of [0, 13, 1.5, -1, Number.NaN]) {
      expect(errorOf(() => w("Feb 2017", "ytd", bad)).kind).toBe("value");
    }
    // The functions read basis and fiscal_year_start cells first (test/functions/yoyGrowth.test.ts);
    // calc still refuses what is not one, naming it.
    const feb = [parsePeriod("Feb 2017")];
    const fys = (x: unknown) => calendarGrowthColumns(ladder(), feb, "ytd", x as number);
    expect(errorOf(() => fys("April")).message).toContain('month number 1-12 (4 = April), not "April"');
    expect(fys(null).values).toEqual(fys(1).values);
    expect(errorOf(() => calendarGrowthColumns(ladder(), feb, "yearly" as Basis)).message).toBe(
      '"yearly" is not a basis; use one of month, quarter, year, ytd, ttm',
    );
  });
});

describe("calendarGrowth", () => {
  it("seed: Feb 2017 ytd is 11,944 / 9,637 - 1 = +23.94% (the release: +24%)", () => {
    expect(one(seedSeries(6736), "Feb 2017", "ytd")).toBeCloseTo(11944 / 9637 - 1, 12);
    expect(one(seedSeries(6736), "Feb 2017", "ytd") as number).toBeCloseTo(0.2394, 4);
  });

  it("seed restated: with Feb 2017 = 6,733 ytd growth is +23.91%", () => {
    expect(one(seedSeries(6733), "Feb 2017", "ytd") as number).toBeCloseTo(0.2391, 4);
    expect(one(seedSeries(6733), "Feb 2017", "ytd")).toBeCloseTo(11941 / 9637 - 1, 12);
  });

  it("seed: February alone is 6,736 / 5,125 - 1", () => {
    expect(one(seedSeries(6736), "Feb 2017")).toBeCloseTo(6736 / 5125 - 1, 12);
    expect(one(seedSeries(6736), 42767 /* 1 Feb 2017 */ as unknown as string)).toBeCloseTo(6736 / 5125 - 1, 12);
  });

  it("sums the right windows (hand-summed on the ladder series)", () => {
    const s = ladder();
    // Q1 2017: 301+302+303 over 201+202+203
    expect(one(s, "Q1 2017")).toBeCloseTo(906 / 606 - 1, 12);
    // quarter to date, May 2017: 304+305 over 204+205
    expect(one(s, "May 2017", "quarter")).toBeCloseTo(609 / 409 - 1, 12);
    // ttm Feb 2017: 203..212 + 301+302 = 2678 over 103..112 + 201+202 = 1478
    expect(one(s, "Feb 2017", "ttm")).toBeCloseTo(2678 / 1478 - 1, 12);
    // fiscal ytd (April) Feb 2017: 204..212 + 301+302 = 2475 over 104..112 + 201+202 = 1375
    expect(one(s, "Feb 2017", "ytd", 4)).toBeCloseTo(0.8, 12);
    // fiscal year 2017 (July): 207..212 + 301..306 = 3078 over 107..112 + 201..206 = 1878
    expect(one(s, "2017", "year", 7)).toBeCloseTo(3078 / 1878 - 1, 12);
    // calendar 2017 over 2016: 3678 over 2478
    expect(one(s, "2017")).toBeCloseTo(3678 / 2478 - 1, 12);
  });

  it("names the first month without a value in either window", () => {
    const s = ladder();
    const before = one(s, "Feb 2015") as CalcError;
    expect(before).toBeInstanceOf(CalcError);
    expect(before.kind).toBe("na");
    expect(before.message).toBe("no value for Feb 2014");
    expect((one(s, "Feb 2018") as CalcError).message).toBe("no value for Feb 2018");
    expect((one(s, "Jan 2018", "ttm") as CalcError).message).toBe("no value for Jan 2018");

    // "n/a" is no figure; an empty cell before the last figure is 0.
    const gap = buildSeries(
      ["Jan 2016", "Feb 2016", "Mar 2016", "Jan 2017", "Feb 2017", "Mar 2017"],
      [4512, 5125, "n/a", 5208, 6736, 7000],
    );
    expect((one(gap, "Mar 2017", "ytd") as CalcError).message).toBe("no value for Mar 2016");
    const empty = buildSeries(
      ["Jan 2016", "Feb 2016", "Mar 2016", "Jan 2017", "Feb 2017", "Mar 2017"],
      [4512, 5125, "", 5208, 6736, 7000],
    );
    expect(one(empty, "Mar 2017", "ytd")).toBe((5208 + 6736 + 7000) / (4512 + 5125 + 0) - 1);
    expect((one(gap, "Mar 2017", "ttm") as CalcError).message).toBe("no value for Apr 2015");
    expect((one(seedSeries(6736), "Mar 2017", "ytd") as CalcError).message).toBe("no value for Mar 2016");
  });

  it("keeps each element's own result in a spill: errors stay where they are", () => {
    const s = seedSeries(6736);
    const bad = new CalcError("value", 'period: "Fob 2017" is not a period');
    const out = calendarGrowth(s, [parsePeriod("Feb 2017"), bad, parsePeriod("Jan 2017"), parsePeriod("Q1 2017")]);
    expect(out[0]).toBeCloseTo(6736 / 5125 - 1, 12);
    expect(out[1]).toBe(bad);
    expect(out[2]).toBeCloseTo(5208 / 4512 - 1, 12);
    expect((out[3] as CalcError).message).toBe("no value for Mar 2016");
  });

  it("zero and negative bases give #DIV/0! and #VALUE! for that element", () => {
    const s = buildSeries(["Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017"], [0, -10, 5, 7]);
    expect((one(s, "Jan 2017") as CalcError).kind).toBe("div0");
    expect((one(s, "Feb 2017") as CalcError).kind).toBe("value");
    // ytd Feb 2017: 5 + 7 over 0 + (-10)
    const ytd = one(s, "Feb 2017", "ytd") as CalcError;
    expect(ytd.kind).toBe("value");
    expect(ytd.message).toContain("-10 is negative");
  });

  it("as typed columns: NaN where an element failed, the error kept by position", () => {
    const s = seedSeries(6736);
    const { values, errors } = calendarGrowthColumns(s, [parsePeriod("Feb 2017"), parsePeriod("Mar 2017")]);
    expect(values[0]).toBeCloseTo(6736 / 5125 - 1, 12);
    expect(Number.isNaN(values[1])).toBe(true);
    expect([...errors.keys()]).toEqual([1]);
    expect(errors.get(1)?.message).toBe("no value for Mar 2016");
  });

  it("rejects a bad basis or fiscal year start for the whole call", () => {
    expect(errorOf(() => calendarGrowth(ladder(), [parsePeriod("Feb 2017")], "weekly" as Basis)).kind).toBe("value");
    expect(errorOf(() => calendarGrowth(ladder(), [parsePeriod("Feb 2017")], "ytd", 0)).kind).toBe("value");
  });
});

describe("calendarGrowth: properties", () => {
  const periodArb: fc.Arbitrary<Period> = fc.oneof(
    fc.record({
      kind: fc.constant("month" as const),
      year: fc.integer({ min: 2000, max: 2006 }),
      month: fc.integer({ min: 1, max: 12 }),
    }),
    fc.record({
      kind: fc.constant("quarter" as const),
      year: fc.integer({ min: 2000, max: 2006 }),
      quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    }),
    fc.record({ kind: fc.constant("year" as const), year: fc.integer({ min: 2000, max: 2006 }) }),
  );

  it("equals a brute-force sum over each period's windows", () => {
    const values = fc.array(
      fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 0, max: 100000 }) },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constant("n/a") },
      ),
      { minLength: 1, maxLength: 84 },
    );
    fc.assert(
      fc.property(
        values,
        fc.array(periodArb, { maxLength: 10 }),
        fc.constantFrom<Basis | null>(null, "month", "quarter", "year", "ytd", "ttm"),
        fc.integer({ min: 1, max: 12 }),
        (vals, periods, basis, fys) => {
          const first = makeMonth(2000, 1);
          const series = buildSeries(
            vals.map((_, i) => formatMonth(first + i)),
            vals,
          );
          const out = calendarGrowth(series, periods, basis, fys);
          // The empty-cell rule by hand: nothing after the last non-zero figure; an earlier empty cell is 0.
          const last = vals.reduce((at: number, v, k) => (typeof v === "number" && v !== 0 ? k : at), -1);
          const figure = (k: number) => (k > last ? null : vals[k] === null ? 0 : vals[k]);
          periods.forEach((p, i) => {
            let expected: number | string;
            try {
              const win = windowFor(p, basis, fys);
              const total = (a: number, b: number) => {
                let sum = 0;
                for (let m = a; m <= b; m++) {
                  const v = m - first >= 0 && m - first < vals.length ? figure(m - first) : null;
                  if (typeof v !== "number") throw new CalcError("na", `no value for ${formatMonth(m)}`);
                  sum += v;
                }
                return sum;
              };
              const prior = total(win.first - 12, win.last - 12);
              expected = growth(total(win.first, win.last), prior);
            } catch (e) {
              expected = (e as CalcError).message;
            }
            const got = out[i];
            if (typeof expected === "number") expect(got).toBe(expected);
            else expect((got as CalcError).message).toBe(expected);
          });
        },
      ),
    );
  });

  it("throws only CalcError or returns CalcErrors, whatever it is given", () => {
    const s = ladder();
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 4 }), fc.anything(), fc.anything(), (periods, basis, fys) => {
        try {
          const out = calendarGrowth(s, periods as Period[], basis as Basis, fys as number);
          for (const r of out) expect(typeof r === "number" || r instanceof CalcError).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
        try {
          windowFor(periods[0] as Period, basis as Basis, fys as number);
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
    );
  });
});

describe("calendarGrowth: exact to the last digit", () => {
  // Fractional figures (grades, koz) over a long history: each window must equal a plain
  // left-to-right SUM of its months, not a difference of running totals.
  it("sums fractional windows exactly as a direct sum does", () => {
    const first = makeMonth(1990, 1);
    const vals = Array.from({ length: 400 }, (_, i) => Math.round(((i * 7919) % 1000) * 123.457 + 1e6) / 1000);
    const series = buildSeries(
      vals.map((_, i) => formatMonth(first + i)),
      vals,
    );
    const periods = Array.from({ length: 376 }, (_, i) => parsePeriod(formatMonth(first + 24 + i)));
    for (const basis of ["month", "ytd", "ttm"] as const) {
      const out = calendarGrowth(series, periods, basis);
      periods.forEach((p, i) => {
        const win = windowFor(p, basis);
        const sum = (a: number, b: number) => {
          let s = 0;
          for (let m = a; m <= b; m++) s += vals[m - first];
          return s;
        };
        expect(out[i]).toBe(sum(win.first, win.last) / sum(win.first - 12, win.last - 12) - 1);
      });
    }
  });
});

describe("calendarGrowth: a spill of every month equals each month asked alone", () => {
  // A long spill takes the one-pass table; a single period takes the general path. They must agree
  // bit for bit (values and error messages), for whole and fractional figures, gaps and zeros.
  it("agrees for every basis and fiscal year start", () => {
    const cell = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 100000 }) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 100000 }).map((x) => x / 100) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 60, size: "max" }),
        fc.constantFrom<Basis | null>(null, "month", "quarter", "year", "ytd", "ttm"),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        spillEqualsAlone,
      ),
      { numRuns: 300 },
    );
  });

  it("agrees on long series of whole figures, where the tables use running totals", () => {
    // Gaps are rare here so that trailing-twelve-month windows (24 months with no gap) occur;
    // huge figures make running totals pass 2^53, where they stop being exact.
    const small = fc.integer({ min: 0, max: 100000 });
    const huge = fc.integer({ min: 2 ** 30, max: 2 ** 31 - 1 }).map((x) => x * 2 ** 22 + 1);
    const series = (figure: fc.Arbitrary<number>) =>
      fc.array(fc.oneof({ weight: 40, arbitrary: figure }, { weight: 1, arbitrary: fc.constant(null) }), {
        minLength: 24,
        maxLength: 72,
        size: "max",
      });
    fc.assert(
      fc.property(
        fc.oneof(series(small), series(huge)),
        fc.constantFrom<Basis>("month", "quarter", "ytd", "ttm"),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        spillEqualsAlone,
      ),
      { numRuns: 200 },
    );
  });
});

/** The spill of every month of a series from `vals` against each month asked alone. */
function spillEqualsAlone(vals: (number | null)[], basis: Basis | null, fys: number, firstMonth: number): void {
  const first = makeMonth(2001, firstMonth);
  const series = buildSeries(
    vals.map((_, i) => formatMonth(first + i)),
    vals,
  );
  const periods = vals.map((_, i) => parsePeriod(formatMonth(first + i)));
  const spill = calendarGrowth(series, periods, basis, fys);
  periods.forEach((p, i) => {
    const [alone] = calendarGrowth(series, [p], basis, fys);
    if (typeof alone === "number") expect(spill[i]).toBe(alone);
    else expect((spill[i] as CalcError).message).toBe(alone.message);
  });
}
