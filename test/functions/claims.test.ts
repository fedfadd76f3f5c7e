import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { claimCheckSpec } from "../../src/functions/claims";
import { runFunction } from "../../src/functions/run";
import { col, expectError, expectExcelSafe, row } from "./helpers";

// What Excel calls: =PROD.CLAIM_CHECK(stated, actual, [prior])
const check = (...args: unknown[]): unknown[][] => {
  const out = runFunction(claimCheckSpec, args);
  expectExcelSafe(out);
  return out;
};

describe("seed: Dynacor press release 2017-03-29", () => {
  it('=PROD.CLAIM_CHECK("a 9% increase", 73476, 67603) → consistent', () => {
    expect(check([["a 9% increase"]], [[73476]], 67603)).toEqual([["consistent"]]);
  });
  it('=PROD.CLAIM_CHECK("+24%", 11944, 9637) → consistent', () => {
    expect(check([["+24%"]], [[11944]], [[9637]])).toEqual([["consistent"]]);
  });
  it('=PROD.CLAIM_CHECK("20-26%", {88000, 92000}, 73476) spills {consistent, rounded up: 25.2%} in a row', () => {
    const want = [["consistent", "rounded up: the numbers give 25.2%"]];
    expect(check([["20-26%"]], row(88000, 92000), 73476)).toEqual(want);
    expect(check([["20-26%"]], col(88000, 92000), 73476)).toEqual(want); // a column of actuals spills the same row
  });
});

describe("Excel-shaped arguments", () => {
  it("numbers stored as text in actual and prior", () => {
    expect(check([["a 9% increase"]], [["73,476"]], "67,603 oz")).toEqual([["consistent"]]);
    expect(check([["20-26%"]], row("88,000", "92,000"), "73,476")).toEqual([
      ["consistent", "rounded up: the numbers give 25.2%"],
    ]);
  });
  it("without prior (omitted or a blank cell), actual is the change itself", () => {
    expect(check([["20-26%"]], row(0.1977, 0.2521), null)).toEqual([
      ["consistent", "rounded up: the numbers give 25.2%"],
    ]);
    expect(check([["41%"]], [[0.4026]], [[""]])).toEqual([["rounded up: the numbers give 40.3%"]]);
    expect(check([["42.0%"]], [[0.4206]])).toEqual([["truncated: the numbers give 42.06%"]]);
  });
  it("stated from a cell formatted as a percentage arrives as a number", () => {
    expect(check([[0.24]], [[11944]], 9637)).toEqual([["consistent"]]);
  });
  it("a decimal comma and a wrong direction", () => {
    expect(check([["12,6%"]], [[112.6]], 100)).toEqual([["consistent"]]);
    expect(check([["up 3%"]], [[96.9]], 100)).toEqual([["wrong direction: the numbers give -3.1%"]]);
    expect(check([["(-16.2%)"]], [[83.94]], 100)).toEqual([["inconsistent: the numbers give -16.06%"]]);
  });
});

describe("errors", () => {
  it("prior 0 is taken as omitted (Excel desktop's empty cell), as Excel on the web's null is", () => {
    expect(check([["+24%"]], [[0.2394]], 0)).toEqual([["consistent"]]);
    expect(check([["+24%"]], [[11944]], 0)).toEqual(check([["+24%"]], [[11944]], null));
    expect(check([["+24%"]], [[11944]], "")).toEqual(check([["+24%"]], [[11944]], null));
  });
  it("an actual of 0 or empty is #N/A no value, whichever way the empty cell arrives", () => {
    for (const empty of [0, null, ""]) {
      expectError(check([["+24%"]], [[empty]], 9637)[0][0], "#N/A", "actual: no value (the cell is empty or 0)");
    }
  });
  it("a negative prior, or prior that is not a number, is #VALUE! naming prior", () => {
    expectError(check([["+24%"]], [[11944]], -1)[0][0], "#VALUE!", "prior is negative");
    expectError(check([["+24%"]], [[11944]], "last year")[0][0], "#VALUE!", "prior", "last year");
  });
  it("stated without a percentage, or as a range of cells, is #VALUE! quoting it", () => {
    expectError(check([["twenty four"]], [[1]], 1)[0][0], "#VALUE!", 'stated "twenty four" has no percentage');
    expectError(check(row("+24%", "+9%"), [[1]], 1)[0][0], "#VALUE!", "stated must be one cell");
  });
  it("a blank stated is #N/A", () => {
    expectError(check([[null]], [[1]], 1)[0][0], "#N/A", "stated is blank");
  });
  it("a range stated against one actual asks for two cells", () => {
    expectError(check([["20-26%"]], [[88000]], 73476)[0][0], "#VALUE!", "give actual as two cells {low, high}");
  });
  it("one bad end of a range is an error in that element only; the other keeps its verdict", () => {
    const [[low, high]] = check([["20-26%"]], row("88k?", 92000), 73476);
    expectError(low, "#VALUE!", "column 1 of actual", "88k?");
    expect(high).toBe("rounded up: the numbers give 25.2%");
    for (const empty of [0, null, ""]) {
      const [[blank, good]] = check([["20-26%"]], row(empty, 92000), 73476);
      expectError(blank, "#N/A", "column 1 of actual: no value");
      expect(good).toBe("rounded up: the numbers give 25.2%");
    }
  });
  it("actual larger than a row or column is refused", () => {
    expectError(
      check(
        [["9%"]],
        [
          [1, 2],
          [3, 4],
        ],
        1,
      )[0][0],
      "#VALUE!",
      "actual must be one row or one column",
    );
  });
});

describe("stated changes in Spanish, Portuguese, French, Italian and German", () => {
  // Dynacor's 2016 output against 2015: 73,476 / 67,603 − 1 = +8.69%; the other way −7.99%.
  it.each(["aumento de 9%", "alza de 9 %", "hausse de 9 %", "Anstieg um 9 %", "un aumento del 9 por ciento", "+8,7%"])(
    "%s against 73,476 and 67,603 is consistent",
    (stated) => {
      expect(check([[stated]], [[73476]], 67603)).toEqual([["consistent"]]);
    },
  );

  it.each([
    "queda de 8%",
    "caída de 8%",
    "diminuição de 8%",
    "baisse de 8 %",
    "calo del 8 per cento",
    "Rückgang um 8 %",
  ])("%s against 67,603 and 73,476 is consistent", (stated) => {
    expect(check([[stated]], [[67603]], 73476)).toEqual([["consistent"]]);
  });

  it("a fall word on a rise is the wrong direction", () => {
    expect(check([["baisse de 9 %"]], [[73476]], 67603)).toEqual([["wrong direction: the numbers give 8.7%"]]);
  });

  it('bound words: "plus de 8 %" holds for +8.69%, "plus de 9 %" does not; "knapp" gives no tolerance', () => {
    expect(check([["plus de 8 %"]], [[73476]], 67603)).toEqual([["consistent"]]);
    expect(check([["plus de 9 %"]], [[73476]], 67603)).toEqual([["inconsistent: the numbers give 8.7%"]]);
    expectError(check([["knapp 9 %"]], [[73476]], 67603)[0][0], "#VALUE!", '"knapp" gives no tolerance');
  });
});
