import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { claimCheck, guidanceProgress, guidanceRange, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { col, OMITTED } from "./helpers";

/** The "Worked examples" table of README.md, cell for cell: the README must not promise what the functions do not give. */
describe("README worked examples (the seed sheet A1:B5)", () => {
  const A = col("Month", "Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017");
  const B = col("Gold (oz)", "4,512", "5,125", "5,208", "6,736");
  const round = (x: unknown, digits: number) => Number((x as number).toFixed(digits));

  it("YOY_GROWTH two-argument and calendar forms", () => {
    expect(round(yoyGrowth([[73476]], [[67603]])[0][0], 4)).toBe(0.0869);
    expect(round(yoyGrowth(A, B, [["Feb 2017"]], "ytd")[0][0], 4)).toBe(0.2394);
  });

  it("GUIDANCE_RANGE with and without a base", () => {
    expect(guidanceRange([["88-92,000"]])).toEqual([[88000, 92000]]);
    const [[low, high]] = guidanceRange([["88-92,000"]], 73476);
    expect([round(low, 4), round(high, 4)]).toEqual([0.1977, 0.2521]);
  });

  it("RECORD_MONTH flag, margin and helper column", () => {
    expect(recordMonth(A, B, [["Feb 2017"]])).toEqual([[true]]);
    expect(round(recordMonth(A, B, [["Feb 2017"]], "month", "margin")[0][0], 4)).toBe(0.3143);
    expect(recordMonth(A, B, OMITTED)).toEqual([[""], [false], [false], [true], [true]]);
  });

  it("GUIDANCE_PROGRESS status and table", () => {
    expect(guidanceProgress([["88-92,000"]], A, B, [["Feb 2017"]], "status")).toEqual([["out of reach"]]);
    const table = new Map(guidanceProgress([["88-92,000"]], A, B, [["Feb 2017"]]).map(([k, v]) => [k, v]));
    expect(table.get("ytd")).toBe(11944);
    expect(round(table.get("pct_low"), 4)).toBe(0.1357);
    expect(round(table.get("pct_high"), 4)).toBe(0.1298);
    expect(round(table.get("expected_share"), 4)).toBe(0.1667);
    expect(round(table.get("needed_low"), 1)).toBe(7605.6);
    expect(round(table.get("needed_high"), 1)).toBe(8005.6);
    expect(table.get("status")).toBe("out of reach");
  });

  it("CLAIM_CHECK on the release's own claims", () => {
    expect(claimCheck([["a 9% increase"]], [[73476]], 67603)).toEqual([["consistent"]]);
    expect(claimCheck([["20-26%"]], [[88000, 92000]], 73476)).toEqual([
      ["consistent", "rounded up: the numbers give 25.2%"],
    ]);
  });
});

/**
 * The analyst who lists Jan–Dec 2017 ahead, with figures only for Jan and Feb: the README's answers
 * do not change, whichever way Excel passes the empty cells (desktop 0, the web null, a formula "").
 */
describe.each([
  ["Excel desktop", 0],
  ["Excel on the web", null],
  ['a formula returning ""', ""],
])("README examples with Mar–Dec 2017 listed but empty (%s)", (_name, empty) => {
  const rest = ["Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map((m) => `${m} 2017`);
  const A = col("Month", "Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017", ...rest);
  const B = col("Gold (oz)", 4512, 5125, 5208, 6736, ...rest.map(() => empty));
  const round = (x: unknown, digits: number) => Number((x as number).toFixed(digits));

  it("YOY_GROWTH ytd Feb 2017 is still 0.2394; Mar 2017 has no figure yet", () => {
    expect(round(yoyGrowth(A, B, [["Feb 2017"]], "ytd")[0][0], 4)).toBe(0.2394);
    const mar = yoyGrowth(A, B, [["Mar 2017"]], "ytd")[0][0] as { code: string; message: string };
    expect([mar.code, mar.message]).toEqual(["#N/A", "no value for Mar 2016"]);
  });

  it("RECORD_MONTH flags Feb 2017, and leaves the months not reported blank", () => {
    expect(recordMonth(A, B, [["Feb 2017"]])).toEqual([[true]]);
    expect(recordMonth(A, B, OMITTED)).toEqual([[""], [false], [false], [true], [true], ...rest.map(() => [""])]);
  });

  it("GUIDANCE_PROGRESS as of Feb 2017 is still out of reach", () => {
    expect(guidanceProgress([["88-92,000"]], A, B, [["Feb 2017"]], "status")).toEqual([["out of reach"]]);
    expect(guidanceProgress([["88-92,000"]], A, B, [["Feb 2017"]], "ytd")).toEqual([[11944]]);
  });

  it("YOY_GROWTH over this year's column against last year's: Mar–Dec are not reported", () => {
    const thisYear = col(5208, 6736, ...rest.map(() => empty));
    const lastYear = col(4512, 5125, ...rest.map(() => 5000));
    const out = yoyGrowth(thisYear, lastYear);
    expect(round(out[1][0], 4)).toBe(0.3143);
    expect(out.slice(2).map((r) => (r[0] as { code: string }).code)).toEqual(rest.map(() => "#N/A"));
  });
});
