import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { impliedGrowth, parseGuidance } from "../../src/calc/guidance";
import { CalcError } from "../../src/calc/errors";

function calcErrorOf(fn: () => unknown): CalcError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalcError) return e;
    throw e;
  }
  throw new Error("expected a CalcError, nothing was thrown");
}

/** The range and qualifier of a reading, as the release reader and the functions use them. */
function ends(text: string): { low: number; high: number; qualifier?: string } {
  const { low, high, qualifier } = parseGuidance(text);
  return qualifier === undefined ? { low, high } : { low, high, qualifier };
}

describe("parseGuidance: the forms in issue 2", () => {
  it.each([
    ["88-92,000", 88000, 92000],
    ["88,000-92,000 oz", 88000, 92000],
    ["88,000 to 92,000 ounces", 88000, 92000],
    ["between 82,000 and 92,000 ounces", 82000, 92000],
    ["88–92 koz", 88000, 92000],
    ["6.5 - 7.0 million", 6500000, 7000000],
    ["1.2-1.4 Moz", 1200000, 1400000],
    ["53 000 oz to 56 000 oz", 53000, 56000],
    ["90,000", 90000, 90000],
    ["182.000 - 193.000 oz", 182000, 193000],
  ])("%s -> %d to %d", (text, low, high) => {
    const r = parseGuidance(text);
    expect(r.low).toBe(low);
    expect(r.high).toBe(high);
    expect(r.qualifier).toBeUndefined();
  });

  it.each([
    ["approximately 22,500 ounces", 22500, "approximately"],
    ["just over 82,000 oz", 82000, "just over"],
    ["more than 100,000 ounces", 100000, "more than"],
  ])("qualified point %s -> low = high = %d", (text, value, qualifier) => {
    expect(ends(text)).toEqual({ low: value, high: value, qualifier });
  });
});

describe("parseGuidance: the forms in DOMAIN.md", () => {
  it.each([
    ["18 million–21 million", 18e6, 21e6],
    ["US$200 to $220 million", 200e6, 220e6],
    ["50 000 oz to 53 000 oz", 50000, 53000],
    ["55,000 to 58,000 ounces", 55000, 58000],
    ["6.5 - 7.0 million silver ounces", 6.5e6, 7e6],
    ["8,700-12,300", 8700, 12300],
    ["42.0 koz", 42000, 42000],
  ])("%s -> %d to %d", (text, low, high) => {
    expect(ends(text)).toEqual({ low, high });
  });

  it("reads '+500,000 ounces' as a point qualified by '+'", () => {
    expect(ends("+500,000 ounces")).toEqual({ low: 500000, high: 500000, qualifier: "+" });
  });

  it("reads 'more than 100,000 gold equivalent ounces' with its long unit", () => {
    expect(ends("more than 100,000 gold equivalent ounces")).toEqual({
      low: 100000,
      high: 100000,
      qualifier: "more than",
    });
  });
});

describe("parseGuidance: rules", () => {
  it("shorthand A-B,000 only when A is bare, has no thousands group and A < B", () => {
    expect(ends("5-6,000")).toEqual({ low: 5000, high: 6000 });
    // 900 is not below 1, so 900-1,100 is read as written.
    expect(ends("900-1,100")).toEqual({ low: 900, high: 1100 });
    // A with its own group is read as written.
    expect(ends("8,700-12,300")).toEqual({ low: 8700, high: 12300 });
    // Two groups on the high end: A borrows both.
    expect(ends("1.2-1,400,000")).toEqual({ low: 1.2, high: 1400000 });
    expect(ends("1-2,500,000")).toEqual({ low: 1000000, high: 2500000 });
    // Any word between the ends takes the shorthand ("630 à 680 000 onces"); only a bare figure is shorthand.
    expect(ends("88 to 92,000")).toEqual({ low: 88000, high: 92000 });
    expect(ends("630 à 680 000 onces")).toEqual({ low: 630000, high: 680000 });
    expect(ends("88 oz - 92,000 oz")).toEqual({ low: 88, high: 92000 });
    expect(ends("$88-$92,000")).toEqual({ low: 88, high: 92000 });
  });

  it("scales exactly: 4.1 million is 4,100,000 and 6.5 million is 6,500,000", () => {
    expect(parseGuidance("4.1 million").low).toBe(4100000);
    expect(parseGuidance("6.5 million").low).toBe(6500000);
    expect(4.1 * 1e6).not.toBe(4100000); // why the scaling is done on decimal text
  });

  it("one scale word applies to both ends; two apply each to its own", () => {
    expect(ends("500 koz to 1.2 Moz")).toEqual({ low: 500000, high: 1200000 });
    expect(ends("18 million - 21")).toEqual({ low: 18e6, high: 21e6 });
  });

  it("three digits after one mark before a plain unit are thousands; before a scale word the language decides", () => {
    expect(ends("182.000 - 1.250.000 oz")).toEqual({ low: 182000, high: 1250000 });
    // Another figure of the text shows the point is decimal: 193.000 is 193.
    expect(ends("182.5 - 193.000 oz")).toEqual({ low: 182.5, high: 193 });
    // A single figure too (this reverses the rule that read it as 182): nobody prints thousandths of an ounce.
    expect(parseGuidance("182.000 oz").low).toBe(182000);
    expect(parseGuidance("460.000 oz").low).toBe(460000);
    expect(parseGuidance("870,000 onzas").low).toBe(870000);
    expect(parseGuidance("0.125 oz").low).toBe(0.125); // a leading 0 is a decimal
    expect(ends("1.250-1.400 Moz")).toEqual({ low: 1250000, high: 1400000 }); // scaled, no language: decimal point
    expect(ends("1.650 million to 1.800 million ounces")).toEqual({ low: 1650000, high: 1800000 }); // English
    expect(ends("entre 1.350 e 1.390 mil onças")).toEqual({ low: 1350000, high: 1390000 }); // Portuguese
    expect(ends("235,856 mil onças")).toEqual({ low: 235856, high: 235856 }); // Portuguese decimal comma
    expect(ends("1,450 kilo ounces")).toEqual({ low: 1450000, high: 1450000 });
  });

  it("ignores case, non-breaking and thin spaces, and the kind of dash", () => {
    expect(ends("Between\u00a082\u202f000 AND 92\u202f000 Ounces")).toEqual({ low: 82000, high: 92000 });
    expect(ends("88\u201492 KOZ")).toEqual({ low: 88000, high: 92000 });
    expect(ends("  88 \u2212 92,000  ")).toEqual({ low: 88000, high: 92000 });
  });

  it('reads "from A to B" as a range', () => {
    expect(ends("from 50,000 to 55,000 ounces")).toEqual({ low: 50000, high: 55000 });
    expect(ends("from 6.5 to 7.0 million")).toEqual({ low: 6.5e6, high: 7e6 });
    expect(() => parseGuidance("from 50,000 ounces")).toThrow('"from" needs "to"');
    // A narrowed range ("from 61-67,000 ounces to 65-67,000 ounces") is two ranges: refused, not guessed.
    expect(() => parseGuidance("from 61-67,000 ounces to 65-67,000 ounces")).toThrow("unexpected");
  });

  it("passes a year that names the guidance's period before words that describe the figure", () => {
    expect(ends("FY25 guidance of 1,650-1,800koz")).toEqual({ low: 1650000, high: 1800000 });
    expect(ends("2025 guidance of 400,000 to 420,000 ounces")).toEqual({ low: 400000, high: 420000 });
    expect(ends("FY 2025 production of 1.6 Moz")).toEqual({ low: 1600000, high: 1600000 });
    // A year followed by a unit is the figure itself.
    expect(ends("2025 oz")).toEqual({ low: 2025, high: 2025 });
  });

  it("iron ore and coal with no unit word are in tonnes; copper is not assumed", () => {
    expect(parseGuidance("38 milhões de minério de ferro").unit).toBe("t");
    expect(parseGuidance("5 million of coal").unit).toBe("t");
    expect(parseGuidance("1.1 million of copper").unit).toBeNull();
  });

  it("keeps a qualifier on a range", () => {
    expect(ends("approximately 88-92,000 ounces")).toEqual({
      low: 88000,
      high: 92000,
      qualifier: "approximately",
    });
  });
});

describe("parseGuidance: forms read differently since guidance is read in six languages", () => {
  it("a figure's own digits decide its mark: a comma before one or two digits is decimal", () => {
    expect(ends("6,5 - 7 million")).toEqual({ low: 6500000, high: 7000000 });
  });
  it('"between" takes any word between the ends, and "and" joins a range without "between"', () => {
    expect(ends("between 82,000 to 92,000")).toEqual({ low: 82000, high: 92000 });
    expect(ends("88,000 and 92,000")).toEqual({ low: 88000, high: 92000 });
    // two metals are two figures, not a range
    expect(() => parseGuidance("88,000 oz of gold and 1.2 Moz of silver")).toThrow("two commodities");
  });
});

describe("parseGuidance: errors quote the text", () => {
  it.each([
    ["", "it is empty"],
    ["abc", 'expected a figure at "abc"'],
    ["20-26%", 'unexpected "%"'],
    ["88-92,000 ounces in 2017", 'unexpected "2017"'],
    ["88-", "a figure is missing at the end"],
    ["between 82,000", '"between" needs a second figure'],
    ["1,23,456", "not grouped in threes"],
    ["6,5 to 7.5 million", 'both "." and "," as the decimal mark'],
  ])("%j is #VALUE! (%s)", (text, why) => {
    const e = calcErrorOf(() => parseGuidance(text));
    expect(e.kind).toBe("value");
    expect(e.message).toContain(`"${text}"`);
    expect(e.message).toContain(why);
  });

  it("low above high is #VALUE!", () => {
    const e = calcErrorOf(() => parseGuidance("92,000-88,000"));
    expect(e.kind).toBe("value");
    expect(e.message).toBe('guidance "92,000-88,000": the low end 92000 is above the high end 88000');
  });
});

describe("impliedGrowth", () => {
  it("seed: 88-92,000 over 2016's 73,476 oz is 19.77% to 25.21% (the release says 20-26%)", () => {
    const g = impliedGrowth(parseGuidance("88-92,000"), 73476);
    expect(g.low).toBeCloseTo(88000 / 73476 - 1, 15);
    expect(g.high).toBeCloseTo(92000 / 73476 - 1, 15);
    expect(g.low.toFixed(4)).toBe("0.1977");
    expect(g.high.toFixed(4)).toBe("0.2521");
  });

  it("base 0 is div0, a negative base is value", () => {
    expect(calcErrorOf(() => impliedGrowth({ low: 1, high: 2 }, 0)).kind).toBe("div0");
    const e = calcErrorOf(() => impliedGrowth({ low: 1, high: 2 }, -5));
    expect(e.kind).toBe("value");
    expect(e.message).toContain("-5");
  });

  it("a point gives the same growth at both ends", () => {
    const g = impliedGrowth({ low: 110, high: 110 }, 100);
    expect(g.low).toBe(g.high);
    expect(g.low).toBeCloseTo(0.1, 15);
  });
});

/** Figures written the ways releases write them, from exact integers. */
const groupWith = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
/** n / 10^places as text with exactly `places` decimals, without floating point. */
function fixed(n: number, places: number): string {
  const s = String(n).padStart(places + 1, "0");
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
}

/** Whether "a-b" (or "a to b") written with commas looks like the A-B,000 shorthand (tested on its own above). */
const shorthand = (a: number, b: number): boolean =>
  a < 1000 && b >= 1000 && a < Number(groupWith(b, ",").split(",")[0]);

describe("parseGuidance: property — formatting a range in each written form reads back the range", () => {
  const ordered = (max: number) =>
    fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max })).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

  const forms: [string, fc.Arbitrary<[string, number, number]>][] = [
    [
      "a,aaa-b,bbb",
      ordered(1e9)
        .filter(([a, b]) => !shorthand(a, b))
        .map(([a, b]) => [`${groupWith(a, ",")}-${groupWith(b, ",")}`, a, b]),
    ],
    [
      "a to b ounces",
      ordered(1e9)
        .filter(([a, b]) => !shorthand(a, b))
        .map(([a, b]) => [`${groupWith(a, ",")} to ${groupWith(b, ",")} ounces`, a, b]),
    ],
    [
      "between a and b",
      ordered(1e9)
        .filter(([a, b]) => !shorthand(a, b))
        .map(([a, b]) => [`between ${groupWith(a, ",")} and ${groupWith(b, ",")} oz`, a, b]),
    ],
    [
      "a oz to b oz (spaces)",
      ordered(1e9).map(([a, b]) => [`${groupWith(a, " ")} oz to ${groupWith(b, " ")} oz`, a, b]),
    ],
    [
      "A-B,000",
      ordered(999)
        .filter(([a, b]) => a < b)
        .map(([a, b]) => [`${a}-${b},000`, a * 1000, b * 1000]),
    ],
    ["a.a–b.b koz", ordered(99999).map(([a, b]) => [`${fixed(a, 1)}–${fixed(b, 1)} koz`, a * 100, b * 100])],
    [
      "a.aa - b.bb million",
      ordered(99999).map(([a, b]) => [`${fixed(a, 2)} - ${fixed(b, 2)} million`, a * 10000, b * 10000]),
    ],
    ["US$a to $b million", ordered(9999).map(([a, b]) => [`US$${a} to $${b} million`, a * 1e6, b * 1e6])],
    [
      "a.aaa - b.bbb oz (German)",
      ordered(1e9)
        .filter(([a]) => a >= 1000)
        .map(([a, b]) => [`${groupWith(a, ".")} - ${groupWith(b, ".")} oz`, a, b]),
    ],
    [
      "approximately a ounces",
      fc.integer({ min: 0, max: 1e9 }).map((a) => [`approximately ${groupWith(a, ",")} ounces`, a, a]),
    ],
  ];

  it.each(forms)("%s", (_name, arb) => {
    fc.assert(
      fc.property(arb, ([text, low, high]) => {
        const r = parseGuidance(text);
        expect([r.low, r.high]).toEqual([low, high]);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws anything but CalcError on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          const r = parseGuidance(text);
          expect(r.low).toBeLessThanOrEqual(r.high);
          expect(Number.isFinite(r.low) && Number.isFinite(r.high)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
