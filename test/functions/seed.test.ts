import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { guidanceRange, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { col, serial } from "./helpers";

/** Figures of ../shared/seed/press-release-2017-03-29.txt and the company's monthly table. */
describe("seed: Dynacor press release 2017-03-29", () => {
  // The company's monthly table: Jan/Feb 2016, Jan 2017, and Feb 2017 as this release prints it.
  const dates = col("Month", serial(2016, 1), serial(2016, 2), serial(2017, 1), serial(2017, 2));
  const values = col("Gold (oz)", 4512, 5125, 5208, 6736);

  it("=PROD.YOY_GROWTH(73476, 67603) is 0.086875 (2016 over 2015; the release says 9%)", () => {
    const [[g]] = yoyGrowth([[73476]], [[67603]]);
    expect(g).toBeCloseTo(73476 / 67603 - 1, 15);
    expect((g as number).toFixed(6)).toBe("0.086875");
  });

  it('=PROD.YOY_GROWTH(A2:A5, B2:B5, "Feb 2017", "ytd") is 0.2394 (the release: "+24%")', () => {
    const [[g]] = yoyGrowth(dates, values, [["Feb 2017"]], "ytd");
    expect(g).toBeCloseTo((5208 + 6736) / (4512 + 5125) - 1, 15);
    expect((g as number).toFixed(4)).toBe("0.2394");
  });

  it("with February restated as 6,733 oz the same formula gives 0.2391", () => {
    const restated = col("Gold (oz)", 4512, 5125, 5208, "6,733");
    const [[g]] = yoyGrowth(dates, restated, [["Feb 2017"]], "ytd");
    expect((g as number).toFixed(4)).toBe("0.2391");
  });

  it('=PROD.GUIDANCE_RANGE("88-92,000") is {88000, 92000}', () => {
    expect(guidanceRange([["88-92,000"]])).toEqual([[88000, 92000]]);
  });

  it('=PROD.GUIDANCE_RANGE("88-92,000", 73476) is {0.1977, 0.2521}: "20-26%" overstates the top', () => {
    const [[low, high]] = guidanceRange([["88-92,000"]], 73476);
    expect((low as number).toFixed(4)).toBe("0.1977");
    expect((high as number).toFixed(4)).toBe("0.2521");
    expect(Math.round((high as number) * 100)).toBe(25); // not 26
  });

  it('=PROD.RECORD_MONTH(A2:A5, B2:B5, "Feb 2017") is TRUE: "an all-time record for the month of February"', () => {
    expect(recordMonth(dates, values, [["Feb 2017"]])).toEqual([[true]]);
    expect(recordMonth(dates, values, [["Feb 2017"]], "month", "previous")).toEqual([[5125]]);
    expect(recordMonth(dates, values, [["Feb 2017"]], "month", "previous_period")).toEqual([[serial(2016, 2)]]);
  });
});
