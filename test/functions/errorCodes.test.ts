/**
 * Excel shows a custom function's message on #VALUE! and #N/A only; on every other code it drops it.
 * So the add-in gives #DIV/0! and #NUM! no message at all (what they mean is on each function's page in
 * docs/functions/ and in docs/troubleshooting.md), and the stand-in for Excel drops one as Excel does.
 */
import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { CalcError } from "../../src/calc/errors";
import { toExcelError } from "../../src/functions/excel";
import { guidanceProgress, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { CODES_WITH_MESSAGE, ERROR_CODES, StubCustomFunctionsError } from "./setup-custom-functions";
import { col } from "./helpers";

const A = col("Month", "Jan 2016", "Feb 2016", "Jan 2017", "Feb 2017");
const B = col("Gold (oz)", 4512, 5125, 5208, 6736);

/** Each documented #DIV/0! and #NUM!, as a user would meet it. */
const CASES: [string, () => unknown, string][] = [
  ["YOY_GROWTH: a prior of 0 inside a range", () => yoyGrowth(col(5, 6), col(0, 3))[0][0], "#DIV/0!"],
  ["YOY_GROWTH: a growth too large to show", () => yoyGrowth([[1e308]], [[1e-10]])[0][0], "#NUM!"],
  [
    "YOY_GROWTH calendar form: last year's window adds up to 0",
    () => yoyGrowth(col("Feb 2016", "Feb 2017"), col(0, 10), [["Feb 2017"]])[0][0],
    "#DIV/0!",
  ],
  [
    "RECORD_MONTH margin over a previous record of 0",
    () => recordMonth(col("Feb 2016", "Feb 2017"), col(0, 10), [["Feb 2017"]], "month", "margin")[0][0],
    "#DIV/0!",
  ],
  [
    "GUIDANCE_PROGRESS pct_low of a guidance whose low end is 0",
    () => guidanceProgress([["0 to 100,000 oz"]], A, B, [["Feb 2017"]], "pct_low")[0][0],
    "#DIV/0!",
  ],
  [
    "GUIDANCE_PROGRESS expected_share with weights that add up to 0",
    () => guidanceProgress([["88-92,000"]], A, B, [["Feb 2017"]], "expected_share", col(...Array(12).fill(0)))[0][0],
    "#DIV/0!",
  ],
];

describe("#DIV/0! and #NUM! carry no message", () => {
  it.each(CASES)("%s", (_name, run, code) => {
    const e = run() as StubCustomFunctionsError;
    expect(e).toBeInstanceOf(StubCustomFunctionsError);
    expect(e.code).toBe(code);
    expect(e.offered).toBeUndefined();
  });

  it("the adapter gives a message to #VALUE! and #N/A only, for every kind calc has", () => {
    for (const kind of ["value", "na", "div0", "num"] as const) {
      const e = toExcelError(new CalcError(kind, "why")) as unknown as StubCustomFunctionsError;
      expect(e.offered).toBe(CODES_WITH_MESSAGE.includes(e.code) ? "why" : undefined);
    }
  });

  it("the stand-in for Excel keeps a message on #VALUE! and #N/A and drops it on every other code", () => {
    for (const code of Object.values(ERROR_CODES)) {
      const e = new StubCustomFunctionsError(code, "why");
      expect(e.message).toBe(code === "#VALUE!" || code === "#N/A" ? "why" : undefined);
    }
  });
});
