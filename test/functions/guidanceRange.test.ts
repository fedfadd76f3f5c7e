import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { guidanceRange } from "../../src/functions/functions";
import { col, expectError, expectExcelSafe, row, wholeColumn } from "./helpers";

describe("GUIDANCE_RANGE: one guidance", () => {
  it("reads a text typed in the formula (arrives as [[text]]) into one row {low, high}", () => {
    expect(guidanceRange([["88,000 to 92,000 ounces"]])).toEqual([[88000, 92000]]);
  });

  it("reads a plain scalar the same way (callers outside Excel)", () => {
    expect(guidanceRange("6.5 - 7.0 million" as never)).toEqual([[6500000, 7000000]]);
  });

  it("a single number is a point guidance: low = high", () => {
    expect(guidanceRange([[90000]])).toEqual([[90000, 90000]]);
  });

  it("two cells of numbers, in a row or a column, are {low, high}", () => {
    expect(guidanceRange(row(88000, 92000))).toEqual([[88000, 92000]]);
    expect(guidanceRange(col(88000, 92000))).toEqual([[88000, 92000]]);
    expect(guidanceRange(row("88,000", "92,000 oz"))).toEqual([[88000, 92000]]); // numbers stored as text
  });

  it("two cells low > high are #VALUE! naming both", () => {
    const [[a, b]] = guidanceRange(row(92000, 88000));
    expectError(a, "#VALUE!", "low 92000 is above high 88000");
    expectError(b, "#VALUE!", "low 92000 is above high 88000");
  });

  it("negative numbers are #VALUE!", () => {
    expectError(guidanceRange([[-5]])[0][0], "#VALUE!", "guidance: -5 is negative");
    expectError(guidanceRange(row(-5, 10))[0][1], "#VALUE!", "low -5 is negative");
  });

  it("unreadable text is #VALUE! quoting it", () => {
    const [[a, b]] = guidanceRange([["20-26%"]]);
    expectError(a, "#VALUE!", 'guidance "20-26%"', 'unexpected "%"');
    expectError(b, "#VALUE!", 'guidance "20-26%"');
  });

  it("a blank guidance is #N/A no value", () => {
    for (const blank of [null, ""]) {
      const [[a]] = guidanceRange([[blank]]);
      expectError(a, "#N/A", "guidance: no value");
    }
  });

  it("a logical value is #VALUE!", () => {
    expectError(guidanceRange([[true]])[0][0], "#VALUE!", "TRUE is not guidance");
  });

  it("a 2-D range that is not two cells is #VALUE!", () => {
    expectError(
      guidanceRange([
        ["a", "b"],
        ["c", "d"],
      ])[0][0],
      "#VALUE!",
      "guidance must be one row or one column, not 2 rows by 2 columns",
    );
  });
});

describe("GUIDANCE_RANGE: with base", () => {
  it("spills implied growth {low/base - 1, high/base - 1}", () => {
    const [[low, high]] = guidanceRange([["1.2-1.4 Moz"]], 1000000);
    expect(low).toBeCloseTo(0.2, 15);
    expect(high).toBeCloseTo(0.4, 15);
  });

  it("reads a base stored as text, and a base given as a 1×1 range", () => {
    expect(guidanceRange([["110-120"]], "100")).toEqual(guidanceRange([["110-120"]], 100));
    expect(guidanceRange([["110-120"]], [[100]])).toEqual(guidanceRange([["110-120"]], 100));
  });

  it("omitted base (null or undefined) gives the range itself", () => {
    expect(guidanceRange([["88-92,000"]], null)).toEqual([[88000, 92000]]);
    expect(guidanceRange([["88-92,000"]], undefined)).toEqual([[88000, 92000]]);
  });

  it("base 0 is omitted (Excel desktop's empty cell), a negative base #VALUE!, text base #VALUE! naming base", () => {
    expect(guidanceRange([["88-92,000"]], 0)).toEqual([[88000, 92000]]);
    expect(guidanceRange([["88-92,000"]], "")).toEqual([[88000, 92000]]);
    const [[n]] = guidanceRange([["88-92,000"]], -73476);
    expectError(n, "#VALUE!", "base -73476 must be a positive number");
    const [[t]] = guidanceRange([["88-92,000"]], "lots");
    expectError(t, "#VALUE!", "base: ", '"lots" is not a number');
  });

  it("a base given as a range of several cells is #VALUE!", () => {
    expectError(guidanceRange([["88-92,000"]], [[1], [2]])[0][0], "#VALUE!", "base must be a single value");
  });
});

describe("GUIDANCE_RANGE: a column of guidance texts", () => {
  const texts = ["88-92,000", "between 82,000 and 92,000 ounces", "nonsense", 90000, null, "42.0 koz"];

  it("spills one {low, high} row per text; an error stays in its row, naming it", () => {
    const out = guidanceRange(col(...texts));
    expect(out).toHaveLength(6);
    expect(out[0]).toEqual([88000, 92000]);
    expect(out[1]).toEqual([82000, 92000]);
    expectError(out[2][0], "#VALUE!", "row 3 of guidance", '"nonsense"');
    expectError(out[2][1], "#VALUE!", "row 3 of guidance");
    expect(out[3]).toEqual([90000, 90000]);
    expectError(out[4][0], "#N/A", "row 5 of guidance: no value");
    expect(out[5]).toEqual([42000, 42000]);
    expectExcelSafe(out);
  });

  it("a row of texts is read the same way, one result row per text", () => {
    const out = guidanceRange(row("88-92,000", "1.2-1.4 Moz", "53 000 oz to 56 000 oz"));
    expect(out).toEqual([
      [88000, 92000],
      [1200000, 1400000],
      [53000, 56000],
    ]);
  });

  it("with base, each row is implied growth", () => {
    const out = guidanceRange(col("110-120", "90"), 100);
    expect(out[0][0]).toBeCloseTo(0.1, 15);
    expect(out[0][1]).toBeCloseTo(0.2, 15);
    expect(out[1][0]).toBeCloseTo(-0.1, 15);
  });

  it("a whole column with a header and a million blank rows stops at the last text (web: null, desktop: 0)", () => {
    for (const blank of [null, "", 0]) {
      const out = guidanceRange(wholeColumn(["Guidance", "88-92,000", "8,700-12,300"], blank));
      expect(out).toHaveLength(3);
      expectError(out[0][0], "#VALUE!", "row 1 of guidance", '"Guidance"');
      expect(out[1]).toEqual([88000, 92000]);
      expect(out[2]).toEqual([8700, 12300]);
    }
  });
});
