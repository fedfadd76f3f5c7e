import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { claimCheck, guidanceProgress } from "../../src/functions/functions";
import { col, serial } from "./helpers";

// The functions Excel registers hand their arguments, in order, to the adapters.
describe("seed through the registered functions", () => {
  it('=PROD.CLAIM_CHECK("20-26%", {88000, 92000}, 73476)', () => {
    expect(claimCheck([["20-26%"]], [[88000, 92000]], 73476)).toEqual([
      ["consistent", "rounded up: the numbers give 25.2%"],
    ]);
  });
  it('=PROD.GUIDANCE_PROGRESS("88-92,000", A2:A5, B2:B5, "Feb 2017", "needed_low", , 1)', () => {
    const dates = col(serial(2016, 1), serial(2016, 2), serial(2017, 1), serial(2017, 2));
    const values = col(4512, 5125, 5208, 6736);
    const [[needed]] = guidanceProgress([["88-92,000"]], dates, values, [["Feb 2017"]], "needed_low", undefined, 1);
    expect(needed).toBeCloseTo(7605.6, 9);
    expect(guidanceProgress([["88-92,000"]], dates, values, [["Feb 2017"]], "status", [["prior_year"]])).toEqual([
      ["out of reach"],
    ]);
  });
});
