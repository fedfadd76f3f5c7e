import { describe, expect, it } from "vitest";
import { claimCheck } from "../../src/calc/claims";
import { parseStated } from "../../src/calc/claimsStated";
import { CalcError } from "../../src/calc/errors";

const verdicts = (stated: unknown, actual: unknown, prior?: unknown) =>
  claimCheck(stated, actual, prior).map((v) => (v instanceof CalcError ? `${v.kind}: ${v.message}` : v));

function thrown(f: () => unknown): CalcError {
  try {
    f();
  } catch (e) {
    if (e instanceof CalcError) return e;
    throw e;
  }
  throw new Error("expected a CalcError");
}

describe("seed: Dynacor press release 2017-03-29", () => {
  it("2016 production 73,476 oz is 'a 9% increase' on 67,603 oz (8.69%)", () => {
    expect(verdicts("a 9% increase", [73476], 67603)).toEqual(["consistent"]);
  });
  it("gold production 'by 24%': Jan+Feb 2017 11,944 oz on 9,637 oz (23.94%)", () => {
    expect(verdicts("+24%", [11944], 9637)).toEqual(["consistent"]);
  });
  it("guidance 88-92,000 oz is 'a 20-26% increase' on 73,476: 19.77% and 25.21%, so 26% is rounded up", () => {
    expect(verdicts("20-26%", [88000, 92000], 73476)).toEqual(["consistent", "rounded up: the numbers give 25.2%"]);
  });
  it("the same guidance as 'a 20% increase' (the About paragraph): 19.77% rounds to 20%", () => {
    expect(verdicts("a 20% increase", [88000], 73476)).toEqual(["consistent"]);
  });
  it("with the restated Feb 2017 (6,733): 11,941/9,637 = 23.91% still prints as 24%", () => {
    expect(verdicts("+24%", [11941], 9637)).toEqual(["consistent"]);
  });
});

describe("exactness", () => {
  it("81/80 − 1 is exactly 1.25% and rounds half-up to 1.3%", () => {
    expect(verdicts("1.3%", [81], 80)).toEqual(["consistent"]);
    expect(verdicts("1.2%", [81], 80)).toEqual(["truncated: the numbers give 1.25%"]);
  });
  it("a change given directly as a double reads as its shortest decimal: 0.0125 is 1.25%", () => {
    // 0.0125 in binary is a hair below 1/80; as typed it is exactly 1.25%.
    expect(verdicts("1.3%", [0.0125])).toEqual(["consistent"]);
    expect(verdicts("0.3%", [0.0025])).toEqual(["consistent"]); // 0.25% half-up
  });
  it("1.15/1 − 1 = 15% exactly even though 1.15 − 1 is 0.1499999… in floating point", () => {
    expect(verdicts("15.0%", [1.15], 1)).toEqual(["consistent"]);
  });
  it("a half-way case downwards: 100 → 98.75 is exactly −1.25%, printed 'down 1.3%'", () => {
    expect(verdicts("down 1.3%", [98.75], 100)).toEqual(["consistent"]);
    expect(verdicts("down 1.2%", [98.75], 100)).toEqual(["truncated: the numbers give -1.25%"]);
  });
});

describe("verdicts, hand-computed", () => {
  it("truncated: 42.06% printed 42.0% (DOMAIN.md)", () => {
    expect(verdicts("42.0%", [0.4206])).toEqual(["truncated: the numbers give 42.06%"]);
  });
  it("rounded up: 40.26% printed 41% (DOMAIN.md)", () => {
    expect(verdicts("41%", [0.4026])).toEqual(["rounded up: the numbers give 40.3%"]);
  });
  it("wrong direction: the text says up, 100 → 96.9 goes down 3.1%", () => {
    expect(verdicts("up 3%", [96.9], 100)).toEqual(["wrong direction: the numbers give -3.1%"]);
  });
  it("wrong direction the other way: 'a decrease of 5%' when 100 → 105", () => {
    expect(verdicts("a decrease of 5%", [105], 100)).toEqual(["wrong direction: the numbers give 5.0%"]);
  });
  it("inconsistent: '(-16.2%)' when the numbers give −16.06%", () => {
    expect(verdicts("(-16.2%)", [83.94], 100)).toEqual(["inconsistent: the numbers give -16.06%"]);
  });
  it("a figure with no sign and no direction word is a magnitude: '16%' for a 16.06% fall is consistent", () => {
    expect(verdicts("16%", [83.94], 100)).toEqual(["consistent"]);
  });
  it("exact figures match every convention and say 'consistent'", () => {
    expect(verdicts("+25%", [125], 100)).toEqual(["consistent"]);
    expect(verdicts("0%", [100], 100)).toEqual(["consistent"]);
  });
  it("'+0%' for a tiny fall is flat, not a wrong direction; '+1%' for it is", () => {
    expect(verdicts("+0%", [99.8], 100)).toEqual(["consistent"]);
    expect(verdicts("+1%", [99.8], 100)).toEqual(["wrong direction: the numbers give -0.2%"]);
  });
  it("a range can mix verdicts per end, and each end is judged against its own actual", () => {
    expect(verdicts("a 19-26% increase", [88000, 92000], 73476)).toEqual([
      "truncated: the numbers give 19.8%",
      "rounded up: the numbers give 25.2%",
    ]);
    expect(verdicts("20-22%", [88000, 92000], 73476)).toEqual(["consistent", "inconsistent: the numbers give 25.2%"]);
  });
  it("without prior, actual is the change itself: {0.1977, 0.2521} against '20-26%'", () => {
    expect(verdicts("20-26%", [0.1977, 0.2521])).toEqual(["consistent", "rounded up: the numbers give 25.2%"]);
  });
  it("a cell number as stated: 0.24 is '+24%' (its sign is its direction)", () => {
    expect(verdicts(0.24, [11944], 9637)).toEqual(["consistent"]);
    expect(verdicts(-0.24, [11944], 9637)).toEqual(["wrong direction: the numbers give 23.9%"]);
    expect(verdicts(0.239, [11944], 9637)).toEqual(["consistent"]);
    expect(verdicts(0.2395, [11944], 9637)).toEqual(["inconsistent: the numbers give 23.939%"]);
  });
  it("judges the exact change: 81/80 − 1 is exactly +1.25%, 79/80 − 1 exactly −1.25%", () => {
    expect(verdicts("+1.3%", [81], 80)).toEqual(["consistent"]);
    expect(verdicts("-2%", [79], 80)).toEqual(["rounded up: the numbers give -1.3%"]);
  });
});

describe("bounds: 'up by more than 30%' (the seed release's ore purchases)", () => {
  it("holds when the exact change is beyond the bound, in the stated direction", () => {
    expect(verdicts("up by more than 30%", [1301], 1000)).toEqual(["consistent"]);
    expect(verdicts("up by more than 30%", [1300], 1000)).toEqual(["inconsistent: the numbers give 30.0%"]); // not more
    expect(verdicts("at least 30%", [1300], 1000)).toEqual(["consistent"]);
    expect(verdicts("up by more than 30%", [1284], 1000)).toEqual(["inconsistent: the numbers give 28.4%"]);
    expect(verdicts("up by more than 30%", [600], 1000)).toEqual(["wrong direction: the numbers give -40.0%"]);
  });
  it("upper bounds, and 'above'/'below' before the figure are bounds, not directions", () => {
    expect(verdicts("down less than 5%", [96], 100)).toEqual(["consistent"]);
    expect(verdicts("down less than 5%", [95], 100)).toEqual(["inconsistent: the numbers give -5.0%"]);
    expect(verdicts("up to 5.5%", [1.055], 1)).toEqual(["consistent"]);
    expect(verdicts("above 30%", [0.31])).toEqual(["consistent"]);
    expect(parseStated("below 3%")).toEqual([{ digits: 3n, decimals: 0, direction: 0, bound: "<" }]);
    expect(parseStated("just over 30% higher")).toEqual([{ digits: 30n, decimals: 0, direction: 1, bound: ">" }]);
  });
});

describe("stated forms", () => {
  const cases: [string, { digits: bigint; decimals: number; direction: number }[]][] = [
    ["+24%", [{ digits: 24n, decimals: 0, direction: 1 }]],
    ["a 9% increase", [{ digits: 9n, decimals: 0, direction: 1 }]],
    ["down 13.5 percent", [{ digits: 135n, decimals: 1, direction: -1 }]],
    ["12,6%", [{ digits: 126n, decimals: 1, direction: 0 }]],
    ["(-16%)", [{ digits: 16n, decimals: 0, direction: -1 }]],
    ["(16%)", [{ digits: 16n, decimals: 0, direction: -1 }]],
    ["(16)%", [{ digits: 16n, decimals: 0, direction: -1 }]],
    ["(+16%)", [{ digits: 16n, decimals: 0, direction: 1 }]],
    ["up 9%", [{ digits: 9n, decimals: 0, direction: 1 }]],
    ["decrease of 3%", [{ digits: 3n, decimals: 0, direction: -1 }]],
    ["9 per cent", [{ digits: 9n, decimals: 0, direction: 0 }]],
    ["9 pct", [{ digits: 9n, decimals: 0, direction: 0 }]],
    ["−3.10%", [{ digits: 310n, decimals: 2, direction: -1 }]],
    ["a decrease of -3%", [{ digits: 3n, decimals: 0, direction: -1 }]],
    ["2,6 %", [{ digits: 26n, decimals: 1, direction: 0 }]],
    ["13,5% increase", [{ digits: 135n, decimals: 1, direction: 1 }]],
    ["approximately 9%", [{ digits: 9n, decimals: 0, direction: 0 }]],
    ["production fell 7% compared with 2016", [{ digits: 7n, decimals: 0, direction: -1 }]],
    ["0,125%", [{ digits: 125n, decimals: 3, direction: 0 }]],
    ["–3%", [{ digits: 3n, decimals: 0, direction: -1 }]],
    ["(–16%)", [{ digits: 16n, decimals: 0, direction: -1 }]],
    ["+24 % y/y", [{ digits: 24n, decimals: 0, direction: 1 }]],
    [
      "20 –26%",
      [
        { digits: 20n, decimals: 0, direction: 0 },
        { digits: 26n, decimals: 0, direction: 0 },
      ],
    ],
    [
      "-5% – -3%",
      [
        { digits: 5n, decimals: 0, direction: -1 },
        { digits: 3n, decimals: 0, direction: -1 },
      ],
    ],
    [
      "20-26%",
      [
        { digits: 20n, decimals: 0, direction: 0 },
        { digits: 26n, decimals: 0, direction: 0 },
      ],
    ],
    [
      "a 20–26% increase",
      [
        { digits: 20n, decimals: 0, direction: 1 },
        { digits: 26n, decimals: 0, direction: 1 },
      ],
    ],
    [
      "20% to 26.5%",
      [
        { digits: 20n, decimals: 0, direction: 0 },
        { digits: 265n, decimals: 1, direction: 0 },
      ],
    ],
    [
      "between 20% and 26%",
      [
        { digits: 20n, decimals: 0, direction: 0 },
        { digits: 26n, decimals: 0, direction: 0 },
      ],
    ],
    [
      "-5% to +3%",
      [
        { digits: 5n, decimals: 0, direction: -1 },
        { digits: 3n, decimals: 0, direction: 1 },
      ],
    ],
    [
      "down 3-5%",
      [
        { digits: 3n, decimals: 0, direction: -1 },
        { digits: 5n, decimals: 0, direction: -1 },
      ],
    ],
  ];
  for (const [text, want] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => expect(parseStated(text)).toEqual(want));
  }

  it("bound words count only as whole words: 'turnover 5% higher' is not 'over 5%'", () => {
    expect(parseStated("turnover 5% higher")).toEqual([{ digits: 5n, decimals: 0, direction: 1 }]);
  });

  it("a year beside the figure is not a second figure", () => {
    expect(parseStated("a 9% increase as compared with 2015")).toEqual([{ digits: 9n, decimals: 0, direction: 1 }]);
  });
});

describe("errors say what is wrong and quote the text", () => {
  const cases: [unknown, string, string][] = [
    ["9", "value", 'stated "9" has no percentage in it'],
    ["up 9% and down 3%", "value", "has 2 percentages"],
    ["+3% decrease", "value", "says both up and down"],
    ["up 9%, lower costs", "value", "says both up and down"],
    ["nearly 10%", "value", 'stated "nearly 10%" has no definite figure: "nearly" gives no tolerance'],
    ["up to 20-26%", "value", '"up to" before a range'],
    ["1,250%", "value", '"1,250" could be 1250 (thousands) or 1.250 (decimal comma)'],
    ["", "na", "stated is blank"],
    [null, "na", "stated is blank"],
    [true, "value", "not TRUE"],
    [Number.NaN, "value", "finite number"],
  ];
  for (const [stated, kind, message] of cases) {
    it(`stated ${JSON.stringify(stated)}`, () => {
      const e = thrown(() => claimCheck(stated, [1], 1));
      expect(e.kind).toBe(kind);
      expect(e.message).toContain(message);
    });
  }

  it("prior 0 is #DIV/0!, negative prior is #VALUE!", () => {
    expect(thrown(() => claimCheck("9%", [1], 0)).kind).toBe("div0");
    const e = thrown(() => claimCheck("9%", [1], -5));
    expect([e.kind, e.message]).toEqual(["value", "prior is negative (-5): the change would be meaningless (n/m)"]);
  });
  it("a range needs two actual cells, one figure needs one", () => {
    expect(thrown(() => claimCheck("20-26%", [88000], 73476)).message).toBe(
      "stated is a range but actual has 1 cell: give actual as two cells, low and high",
    );
    expect(thrown(() => claimCheck("9%", [1, 2], 1)).message).toBe(
      "stated is one figure but actual has 2 cells: give one actual value",
    );
  });
  it("a bad end of a range is an error in that element only", () => {
    expect(verdicts("20-26%", [null, 92000], 73476)).toEqual([
      "na: actual (low) is blank: no value",
      "rounded up: the numbers give 25.2%",
    ]);
    expect(verdicts("20-26%", [88000, -1], 73476)).toEqual([
      "consistent",
      "value: actual (high) is negative (-1): production cannot be below zero",
    ]);
  });
  it("text in actual names the argument", () => {
    expect(verdicts("9%", ["lots"], 1)).toEqual(['value: actual must be a number, not "lots"']);
  });
});
