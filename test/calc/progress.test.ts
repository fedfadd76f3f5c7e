import { describe, expect, it } from "vitest";
import { CalcError } from "../../src/calc/errors";
import { makeMonth } from "../../src/calc/months";
import type { Period } from "../../src/calc/periods";
import { guidanceProgress, type ProgressInput, type ProgressValue } from "../../src/calc/progress";

/** A dense series from "YYYY-MM" → value; months not listed have no value. */
function series(points: Record<string, number>): ProgressInput["series"] {
  const months = Object.keys(points).map((k) => makeMonth(Number(k.slice(0, 4)), Number(k.slice(5, 7))));
  const first = Math.min(...months);
  const values = new Float64Array(Math.max(...months) - first + 1).fill(Number.NaN);
  Object.entries(points).forEach(([, v], i) => (values[months[i] - first] = v));
  return { first, values };
}

/** Twelve months of a year at the same value, as "YYYY-MM" keys. */
function year(y: number, value: number | ((month: number) => number), fromMonth = 1): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < 12; i++) {
    const mm = ((fromMonth - 1 + i) % 12) + 1;
    const yy = y + Math.floor((fromMonth - 1 + i) / 12);
    out[`${yy}-${String(mm).padStart(2, "0")}`] = typeof value === "number" ? value : value(mm);
  }
  return out;
}

const month = (y: number, m: number): Period => ({ kind: "month", year: y, month: m });
const plain = (v: ProgressValue) => (v instanceof CalcError ? `${v.kind}: ${v.message}` : v);
const run = (input: ProgressInput) => {
  const r = guidanceProgress(input);
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]));
};

// The company's monthly table as the release prints it.
const seed = series({ "2016-01": 4512, "2016-02": 5125, "2017-01": 5208, "2017-02": 6736 });
const seedGuidance = { low: 88000, high: 92000 };

describe("seed: Dynacor press release 2017-03-29", () => {
  const r = run({ guidance: seedGuidance, series: seed, asOf: month(2017, 2) });
  it("ytd through Feb 2017 is 5,208 + 6,736 = 11,944", () => expect(r.ytd).toBe(11944));
  it("pct_low 11,944/88,000 = 0.1357, pct_high 11,944/92,000 = 0.1298, pct_mid /90,000", () => {
    expect(r.pct_low).toBeCloseTo(0.1357, 4);
    expect(r.pct_high).toBeCloseTo(0.1298, 4);
    expect(r.pct_mid).toBeCloseTo(11944 / 90000, 12);
  });
  it("expected_share is 2/12 without weights", () => expect(r.expected_share).toBeCloseTo(2 / 12, 12));
  it("needed_low (88,000 − 11,944)/10 = 7,605.6; needed_high 8,005.6", () => {
    expect(r.needed_low).toBeCloseTo(7605.6, 9);
    expect(r.needed_high).toBeCloseTo(8005.6, 9);
  });
  it("status is out of reach: 7,605.6 a month is above the best month, 6,736", () => {
    expect(r.status).toBe("out of reach");
  });
  it("12-cell weights putting 13.1% of the year in Jan+Feb (2016's own shape) give expected_share 0.131", () => {
    // 2016: Jan 4,512 + Feb 5,125 = 9,637 of 73,476; the other ten months share the rest.
    const weights = [4512, 5125, ...Array<number>(10).fill((73476 - 9637) / 10)];
    const w = run({ guidance: seedGuidance, series: seed, asOf: month(2017, 2), weights });
    expect(w.expected_share).toBeCloseTo(0.131, 3);
    expect(w.expected_share).toBeCloseTo(9637 / 73476, 12);
  });
});

describe("statuses, hand-computed (calendar year, guidance 10,000-12,000)", () => {
  const g = { low: 10000, high: 12000 };
  // Dec 2016 was a 1,500 oz month, so the best month is 1,500 unless the year beats it.
  const withQ1 = (jan: number, feb: number, mar: number) =>
    run({
      guidance: g,
      series: series({ "2016-12": 1500, "2017-01": jan, "2017-02": feb, "2017-03": mar }),
      asOf: month(2017, 3),
    });

  it("ahead: ytd 3,000 = 3/12 × 12,000 exactly (the boundary counts as ahead)", () => {
    const r = withQ1(1000, 1000, 1000);
    expect([r.ytd, r.expected_share, r.status]).toEqual([3000, 0.25, "ahead"]);
  });
  it("on track: 2,500 ≤ ytd 2,700 < 3,000", () => expect(withQ1(900, 900, 900).status).toBe("on track"));
  it("on track at the low boundary: ytd 2,500 = 3/12 × 10,000", () =>
    expect(withQ1(800, 850, 850).status).toBe("on track"));
  it("behind: ytd 2,400 < 2,500, and 844.4 a month is still within reach of the 1,500 best", () => {
    const r = withQ1(800, 800, 800);
    expect(r.needed_low).toBeCloseTo(7600 / 9, 9);
    expect(r.status).toBe("behind");
  });
  it("out of reach only when needed_low beats the best month: (10,000−300)/9 = 1,077.8 < 1,500 is behind; (20,000−100)/11 = 1,809.1 is out", () => {
    expect(withQ1(100, 100, 100).status).toBe("behind");
    const r = run({
      guidance: { low: 20000, high: 22000 },
      series: series({ "2016-12": 1500, "2017-01": 100 }),
      asOf: month(2017, 1),
    });
    // (20,000 − 100)/11 = 1,809.1 > 1,500
    expect([r.needed_low, r.status]).toEqual([19900 / 11, "out of reach"]);
  });
  it("the best month is as it stood at as_of: a later 2,000 oz month does not bring 1,809.1 within reach", () => {
    // As of Jan 2017 the best month known is Jan itself (100); Jun's 2,000 had not happened yet.
    const s = series({ "2017-01": 100, "2017-06": 2000 });
    expect(run({ guidance: { low: 20000, high: 22000 }, series: s, asOf: month(2017, 1) }).status).toBe("out of reach");
  });
  it("the as_of month itself counts as a best month: Jan 2,000 keeps (20,000 − 2,000)/11 = 1,636.4 within reach", () => {
    const s = series({ "2016-12": 1500, "2017-01": 2000, "2017-02": 9000 });
    const r = run({ guidance: { low: 20000, high: 22000 }, series: s, asOf: month(2017, 1) });
    expect(r.needed_low).toBeCloseTo(18000 / 11, 9);
    // 2,000 × 12 = 24,000 ≥ 1 × 22,000: ahead, and the later 9,000 oz month plays no part
    expect(r.status).toBe("ahead");
  });
  it("the seed as of Jan 2017: (88,000 − 5,208)/11 = 7,526.5 is above the 5,208 best so far, not reached by Feb's 6,736 either", () => {
    const r = run({ guidance: seedGuidance, series: seed, asOf: month(2017, 1) });
    expect(r.needed_low).toBeCloseTo(82792 / 11, 9);
    expect(r.status).toBe("out of reach");
  });
  it("a later month above needed_low does not change the status: as of Jan 2017 with a 1,000 oz best, a 5,000 oz Mar", () => {
    // guidance 12,000: (12,000 − 1,000)/11 = 1,000 a month needed, equal to the best (1,000): within reach.
    // (13,000 − 1,000)/11 = 1,090.9 > 1,000: out of reach, though Mar 2017 (5,000) would beat it.
    const s = series({ "2016-06": 1000, "2017-01": 1000, "2017-03": 5000 });
    const at = (low: number) => run({ guidance: { low, high: low + 1000 }, series: s, asOf: month(2017, 1) }).status;
    expect(at(12000)).toBe("on track"); // 1,000 × 12 = 12,000 ≥ 1 × 12,000
    expect(at(13000)).toBe("out of reach");
  });
});

describe("the year's last month", () => {
  const g = { low: 11000, high: 13000 };
  const full = (v: number) => series(year(2017, v));
  it("Dec 2017 completes the year: ytd is the 12 months, share 1, needed #N/A 'no months left'", () => {
    const r = run({ guidance: g, series: full(1000), asOf: month(2017, 12) });
    expect(r.ytd).toBe(12000);
    expect(r.expected_share).toBe(1);
    expect(r.needed_low).toBe("na: no months left: 2017 is complete at Dec 2017");
    expect(r.needed_high).toBe("na: no months left: 2017 is complete at Dec 2017");
    expect(r.status).toBe("within");
  });
  it("below, within (both ends included) and above the range", () => {
    expect(run({ guidance: g, series: full(900), asOf: month(2017, 12) }).status).toBe("below");
    expect(run({ guidance: { low: 12000, high: 12000 }, series: full(1000), asOf: month(2017, 12) }).status).toBe(
      "within",
    );
    expect(run({ guidance: g, series: full(1100), asOf: month(2017, 12) }).status).toBe("above");
  });
  it("a completed year is below the range even when one month could have made it up", () => {
    // never "out of reach" once the year is over: the question is then where it landed
    const r = run({ guidance: g, series: full(100), asOf: { kind: "year", year: 2017 } });
    expect(r.status).toBe("below");
  });
  it("Nov 2017 leaves one month: needed is the whole gap", () => {
    const r = run({ guidance: g, series: full(1000), asOf: month(2017, 11) });
    expect([r.ytd, r.needed_low, r.needed_high]).toEqual([11000, 0, 2000]);
    // 11,000 × 12 = 132,000 < 11 × 13,000 = 143,000 (not ahead) but ≥ 11 × 11,000 = 121,000
    expect(r.status).toBe("on track");
  });
});

describe("fiscal years (named by the calendar year they end in)", () => {
  // April–March: FY2017 is Apr 2016 – Mar 2017; each month m of the calendar is worth m × 100.
  const s = series({ ...year(2016, (m) => m * 100, 4), "2017-04": 777 });
  const g = { low: 7000, high: 8000 };
  it("as_of Feb 2017 with start 4 is month 11 of FY2017: ytd is Apr 2016..Feb 2017", () => {
    const r = run({ guidance: g, series: s, asOf: month(2017, 2), fiscalYearStart: 4 });
    // Apr..Dec = 4+…+12 = 72, Jan + Feb = 3 → 7,500
    expect(r.ytd).toBe(7500);
    expect(r.expected_share).toBeCloseTo(11 / 12, 12);
    expect(r.needed_low).toBe(-500); // already past the low end: the year can fall 500 short in March
    expect(r.needed_high).toBe(500);
  });
  it("as_of Mar 2017 closes FY2017; as_of the year 2017 means the same", () => {
    const a = run({ guidance: g, series: s, asOf: month(2017, 3), fiscalYearStart: 4 });
    const b = run({ guidance: g, series: s, asOf: { kind: "year", year: 2017 }, fiscalYearStart: 4 });
    expect(a.ytd).toBe(7800);
    expect(a.status).toBe("within");
    expect(a.needed_low).toBe("na: no months left: FY2017 is complete at Mar 2017");
    expect(b).toEqual(a);
  });
  it("as_of Apr 2017 starts FY2018 with one month", () => {
    const r = run({ guidance: g, series: s, asOf: month(2017, 4), fiscalYearStart: 4 });
    expect([r.ytd, r.expected_share]).toEqual([777, 1 / 12]);
  });
  it("July–June: as_of Q2 2017 (Jun) closes FY2017; a missing month names the fiscal year", () => {
    const r = run({ guidance: g, series: s, asOf: { kind: "quarter", year: 2017, quarter: 2 }, fiscalYearStart: 7 });
    // Jul 2016 – Apr 2017 are there; May 2017 is not
    expect(r.ytd).toBe("na: no value for May 2017 (needed for the year to date of FY2017)");
  });
  it("the fiscal year around as_of (its first month, months elapsed, name) and the month as_of ends in", () => {
    // One ounce a month from 2015 to 2024: the year to date counts the months elapsed.
    let everyMonth: Record<string, number> = {};
    for (let y = 2015; y <= 2024; y++) everyMonth = { ...everyMonth, ...year(y, 1) };
    const ones = series(everyMonth);
    const at = (asOf: Period, fiscalYearStart: number) => run({ guidance: g, series: ones, asOf, fiscalYearStart });
    // Feb 2017 in an April–March year: FY2017 from Apr 2016, 11 months elapsed.
    expect([at(month(2017, 2), 4).ytd, at(month(2017, 2), 4).expected_share]).toEqual([11, 11 / 12]);
    const { "2016-04": _april, ...noApril } = everyMonth;
    expect(run({ guidance: g, series: series(noApril), asOf: month(2017, 2), fiscalYearStart: 4 }).ytd).toBe(
      "na: no value for Apr 2016 (needed for the year to date of FY2017)",
    );
    // Feb 2017 in a calendar year: 2017 from January, 2 months elapsed.
    expect(at(month(2017, 2), 1).ytd).toBe(2);
    const { "2017-01": _january, ...noJanuary } = everyMonth;
    expect(run({ guidance: g, series: series(noJanuary), asOf: month(2017, 2) }).ytd).toBe(
      "na: no value for Jan 2017 (needed for the year to date of 2017)",
    );
    // A quarter ends in its third month; a fiscal year in the month before its start month.
    expect(at({ kind: "quarter", year: 2017, quarter: 1 }, 1).ytd).toBe(3);
    const fy2024 = at({ kind: "year", year: 2024 }, 7);
    expect(fy2024.ytd).toBe(12);
    expect(fy2024.needed_low).toBe("na: no months left: FY2024 is complete at Jun 2024");
  });
});

describe("weights", () => {
  // 2016 shape: a rainy first quarter (500 a month), then 1,000 a month: total 10,500.
  const shape = year(2016, (m) => (m <= 3 ? 500 : 1000));
  const g = { low: 10000, high: 12000 };
  it("prior_year: the elapsed months of last year over last year's total (Q1 = 1,500/10,500)", () => {
    const s = series({ ...shape, "2017-01": 600, "2017-02": 600, "2017-03": 600 });
    const r = run({ guidance: g, series: s, asOf: month(2017, 3), weights: "prior_year" });
    expect(r.expected_share).toBeCloseTo(1500 / 10500, 12);
    // 1,800 ≥ 1/7 × 12,000 = 1,714.3: ahead on a seasonal view, behind on a straight line (2,500)
    expect(r.status).toBe("ahead");
    expect(run({ guidance: g, series: s, asOf: month(2017, 3) }).status).toBe("behind");
  });
  it("prior_year with a missing month: expected_share is #N/A naming it; figures that do not need it survive", () => {
    const gap = { ...shape };
    delete gap["2016-07"];
    const s = series({ ...gap, "2017-01": 600, "2017-02": 600, "2017-03": 600 });
    const r = run({ guidance: g, series: s, asOf: month(2017, 3), weights: "Prior_Year" });
    expect(r.expected_share).toBe("na: no value for Jul 2016 (needed for prior_year weights)");
    expect(r.status).toBe("na: no value for Jul 2016 (needed for prior_year weights)");
    expect([r.ytd, r.needed_low]).toEqual([1800, (10000 - 1800) / 9]);
  });
  it("12 cells follow the fiscal year from its first month", () => {
    const s = series(year(2016, 1000, 4));
    const weights = [2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2]; // Apr, May, Jun heavy; total 16
    const r = run({ guidance: g, series: s, asOf: month(2016, 6), fiscalYearStart: 4, weights });
    expect(r.expected_share).toBe(6 / 16);
  });
  it("bad weights say which cell and why", () => {
    const s = series({ "2017-01": 1 });
    const at = (weights: unknown) =>
      run({ guidance: g, series: s, asOf: month(2017, 1), weights: weights as never }).expected_share;
    expect(at([1, 2, 3])).toBe(
      "value: weights must be 12 cells, one per month of the year from its first month, not 3",
    );
    expect(at([1, 1, null, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(
      "value: weights cell 3 (Mar) must be a number ≥ 0, not a blank",
    );
    expect(at([1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe("value: weights cell 4 (Apr) must be a number ≥ 0, not -1");
    expect(at(Array(12).fill(0))).toBe("div0: weights add up to 0");
    expect(at("seasonal")).toBe('value: weights must be "prior_year" or 12 cells, not "seasonal"');
  });
});

describe("errors", () => {
  it("a missing month in the year to date is #N/A naming it, in every figure that needs ytd", () => {
    const s = series({ "2017-01": 5208, "2017-03": 7000 });
    const r = run({ guidance: seedGuidance, series: s, asOf: month(2017, 3) });
    for (const k of ["ytd", "pct_low", "pct_mid", "pct_high", "needed_low", "needed_high", "status"]) {
      expect(r[k]).toBe("na: no value for Feb 2017 (needed for the year to date of 2017)");
    }
    expect(r.expected_share).toBe(0.25);
  });
  it("as_of beyond the data names the first month without a value", () => {
    expect(run({ guidance: seedGuidance, series: seed, asOf: month(2017, 4) }).ytd).toBe(
      "na: no value for Mar 2017 (needed for the year to date of 2017)",
    );
  });
  it("whole-call problems are thrown", () => {
    const bad = (input: Partial<ProgressInput>) => {
      try {
        guidanceProgress({ guidance: seedGuidance, series: seed, asOf: month(2017, 2), ...input });
      } catch (e) {
        return e instanceof CalcError ? `${e.kind}: ${e.message}` : e;
      }
      return "no error";
    };
    expect(bad({ fiscalYearStart: 13 })).toBe(
      "value: fiscal_year_start must be a month number 1-12 (4 = April), not 13",
    );
    expect(bad({ guidance: { low: 92000, high: 88000 } })).toBe(
      "value: guidance low end 92000 is above the high end 88000",
    );
    expect(bad({ guidance: { low: -1, high: 5 } })).toBe("value: guidance low end is negative (-1)");
  });
  it("guidance of 0 makes the pct figures #DIV/0!", () => {
    const r = run({ guidance: { low: 0, high: 0 }, series: seed, asOf: month(2017, 2) });
    expect(r.pct_low).toBe("div0: guidance low end is 0");
    expect(r.needed_low).toBeCloseTo(-11944 / 10, 9);
  });
  it("output names", () => {
    // GUIDANCE_PROGRESS reads its output argument against these (test/functions/progress.test.ts).
    expect(Object.keys(run({ guidance: seedGuidance, series: seed, asOf: month(2017, 2) }))).toEqual([
      "ytd",
      "pct_low",
      "pct_mid",
      "pct_high",
      "expected_share",
      "needed_low",
      "needed_high",
      "status",
    ]);
  });
});
