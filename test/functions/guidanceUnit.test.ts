import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { guidanceRange } from "../../src/functions/functions";
import { guidanceProgressSpec } from "../../src/functions/progress";
import { runFunction } from "../../src/functions/run";
import { col, expectError, expectExcelSafe, OMITTED, serial } from "./helpers";

const range = (guidance: string, base: unknown, unit: unknown): unknown[] =>
  guidanceRange([[guidance]], base as never, unit as never)[0];

describe("GUIDANCE_RANGE's unit: the range returned in it, the base read in it", () => {
  it("returns the range in the unit given: 620 million tonnes is 620 Mt; 1.6–1.75 million ounces is 1600–1750 koz", () => {
    expect(range("620 million tonnes", OMITTED, "Mt")).toEqual([620, 620]);
    expect(range("1.6–1.75 million ounces (oz)", OMITTED, "koz")).toEqual([1600, 1750]);
    expect(range("entre 2,1 y 2,3 millones de onzas", OMITTED, "Moz")).toEqual([2.1, 2.3]);
    expect(range("806-810 million tonnes (MT)", OMITTED, "million tonnes")).toEqual([806, 810]);
  });

  it("reads the base in the unit: Northern Star's FY24 range against 1,536 koz is +4.17% | +13.93%", () => {
    const [low, high] = range("1.6–1.75 million ounces (oz)", 1536, "koz") as number[];
    expect(low).toBeCloseTo(1600 / 1536 - 1, 12);
    expect(high).toBeCloseTo(1750 / 1536 - 1, 12);
  });

  it("converts between masses: 100-110 tonnes of gold is 3,215.07 to 3,536.58 koz (31.1034768 g to the troy ounce)", () => {
    const [low, high] = range("100-110 tonnes", OMITTED, "koz") as number[];
    expect(low).toBeCloseTo(100e6 / 31.1034768 / 1000, 6);
    expect(high).toBeCloseTo(110e6 / 31.1034768 / 1000, 6);
  });

  it('an empty unit (null, 0 or "") is left out, as any empty optional argument', () => {
    const want = range("620 million tonnes", OMITTED, OMITTED);
    expect(want).toEqual([620e6, 620e6]);
    expect(range("620 million tonnes", OMITTED, 0)).toEqual(want);
    expect(range("620 million tonnes", OMITTED, "")).toEqual(want);
  });

  it("a unit that is not one is #VALUE! listing the units read; money has no unit to convert", () => {
    const [a] = range("620 million tonnes", OMITTED, "furlongs");
    expectError(a, "#VALUE!", '"furlongs"', "oz, koz, Moz, t, kt, Mt, lb, Mlb");
    const [m] = range("US$600-to-US$650 per ounce", OMITTED, "koz");
    expectError(m, "#VALUE!");
  });

  it("a one-sided target keeps its open end #N/A in the unit and in the growth", () => {
    const [low, high] = range("at least 300,000 ounces", 250, "koz");
    expect(low).toBeCloseTo(300 / 250 - 1, 12);
    expectError(high, "#N/A", "sets no high end");
  });
});

describe("GUIDANCE_RANGE without a unit: a base at another scale", () => {
  it("620 million tonnes against 610.4 reads the base as million tonnes: +1.57%, never +101,570,000%", () => {
    const [low, high] = range("620 million tonnes", 610.4, OMITTED) as number[];
    expect(low).toBeCloseTo(620 / 610.4 - 1, 12);
    expect(high).toBe(low);
  });

  it("when no scale or more than one fits, #VALUE! names the likely unit", () => {
    const [a, b] = range("620 million tonnes", 3, OMITTED);
    expectError(a, "#VALUE!", '"620 million tonnes"', "the base 3", "give unit");
    expectError(b, "#VALUE!", "give unit");
  });

  it("a base in the guidance's own unit is read as it is (Dynacor: 88-92,000 against 73,476)", () => {
    const [low, high] = range("88-92,000", 73476, OMITTED) as number[];
    expect(low).toBeCloseTo(88000 / 73476 - 1, 12);
    expect(high).toBeCloseTo(92000 / 73476 - 1, 12);
  });
});

describe("GUIDANCE_PROGRESS's unit", () => {
  const progress = (...args: unknown[]): Record<string, unknown> => {
    const out = runFunction(guidanceProgressSpec, args);
    expectExcelSafe(out);
    return Object.fromEntries(out as [string, unknown][]);
  };
  // Dynacor's months kept in koz, as an analyst's sheet may keep them.
  const dates = col(serial(2016, 1), serial(2016, 2), serial(2017, 1), serial(2017, 2));
  const koz = col(4.512, 5.125, 5.208, 6.736);

  it("reads the values in the unit: ytd 11.944 koz against 88–92 koz", () => {
    const v = progress([["88-92,000 oz"]], dates, koz, [["Feb 2017"]], null, null, null, "koz");
    expect(v.ytd).toBeCloseTo(11.944, 12);
    expect(v.pct_low).toBeCloseTo(11.944 / 88, 12);
    expect(v.pct_high).toBeCloseTo(11.944 / 92, 12);
    expect(v.needed_low).toBeCloseTo((88 - 11.944) / 10, 12);
  });

  it("without a unit, values kept in koz are reconciled with a guidance in ounces", () => {
    const v = progress([["88-92,000 oz"]], dates, koz, [["Feb 2017"]], null, null, null, null);
    expect(v.pct_low).toBeCloseTo(11.944 / 88, 12);
    expect(v.status).toBe("out of reach");
  });
});
