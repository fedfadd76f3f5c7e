import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { guidanceProgress, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { col, OMITTED } from "./helpers";

/**
 * The analyst who lists Jan–Dec 2017 ahead, with figures only for Jan and Feb: the documented answers on the
 * sample sheet do not change, whichever way Excel passes the empty cells (desktop 0, the web null, a formula "").
 * (Every documented example itself is run by docs-examples.test.ts.)
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
