import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import { CalcError } from "../../src/calc/errors";
import { filledExtent, filledLength, toGrid, toVector } from "../../src/functions/args";
import { choice, defineFunction, integer, number, optionalRange, range, runFunction } from "../../src/functions/run";
import { col, EXCEL_ROWS, expectError, row, wholeColumn } from "./helpers";

describe("argument coercion", () => {
  it("a scalar, a 1-D array and an empty array all become grids", () => {
    const s = toGrid(5, "x");
    expect([s.rows, s.cols, s.at(0, 0)]).toEqual([1, 1, 5]);
    const d = toGrid([1, 2, 3], "x");
    expect([d.rows, d.cols, d.at(0, 2)]).toEqual([1, 3, 3]);
    const e = toGrid([], "x");
    expect([e.rows, e.cols, e.at(0, 0)]).toEqual([1, 1, null]);
  });

  it("a missing cell of a ragged array reads as blank", () => {
    const g = toGrid([[1, 2], [3]], "x");
    expect(g.at(1, 1)).toBeNull();
  });

  it("rows and columns flatten the same way, with labels saying where", () => {
    const c = toVector(toGrid(col(1, 2, 3), "dates"));
    const r = toVector(toGrid(row(1, 2, 3), "dates"));
    expect([c.length, c.at(2), c.label(2)]).toEqual([3, 3, "row 3 of dates"]);
    expect([r.length, r.at(2), r.label(2)]).toEqual([3, 3, "column 3 of dates"]);
    expect(toVector(toGrid([[7]], "dates")).label(0)).toBe("dates");
  });

  it("a 2-D range where a list is needed is an error naming its shape", () => {
    expect(() =>
      toVector(
        toGrid(
          [
            [1, 2],
            [3, 4],
          ],
          "dates",
        ),
      ),
    ).toThrow("dates must be one row or one column, not 2 rows by 2 columns");
  });

  it('trailing null, "" and 0 rows are dropped, so a spill has one size whichever way Excel sent empty cells', () => {
    expect(filledLength([toVector(toGrid(col(1, 2, null, ""), "x"))])).toBe(2);
    expect(filledLength([toVector(toGrid(col(1, 2, 0, 0), "x"))])).toBe(2);
    expect(filledLength([toVector(toGrid(wholeColumn([1, 2, 0, 5], 0), "x"))])).toBe(4);
    expect(filledLength([toVector(toGrid(wholeColumn([1, 2], 0), "x"))])).toBe(2);
  });

  it("aligned inputs keep the rows where any of them is filled", () => {
    const a = toVector(toGrid(wholeColumn([1, 2]), "a"));
    const b = toVector(toGrid(wholeColumn([1, 2, 3, null, 5]), "b"));
    expect(filledLength([a, b])).toBe(5);
  });

  it("an all-blank input keeps one cell so the function still answers", () => {
    expect(filledLength([toVector(toGrid(wholeColumn([]), "x"))])).toBe(1);
    const g = toGrid(
      [
        [null, null],
        [null, null],
      ],
      "x",
    );
    expect(filledExtent([g], 2, 2)).toEqual({ rows: 1, cols: 1 });
  });

  it("filledExtent trims trailing rows and trailing columns of a 2-D range", () => {
    const g = toGrid(
      [
        [1, 2, null],
        [3, null, ""],
        [null, null, null],
      ],
      "x",
    );
    expect(filledExtent([g], 3, 3)).toEqual({ rows: 2, cols: 2 });
  });

  it("a whole column is exactly Excel's 1,048,576 rows", () => {
    expect(wholeColumn([]).length).toBe(EXCEL_ROWS);
  });
});

describe("runFunction", () => {
  const spec = defineFunction(
    [range("x"), optionalRange("p"), choice("mode", ["a", "bb"] as const), integer("n", 1, 12), number("base")],
    (x, p, mode, n, base) => [
      [x.at(0, 0) as number, p === undefined ? "omitted" : "given", mode ?? "default", n ?? -1, base ?? -1],
    ],
  );
  const run = (...args: unknown[]) => runFunction(spec, args);

  it("omitted optional arguments arrive as null or undefined and take their defaults", () => {
    expect(run([[1]], null, null, null, null)).toEqual([[1, "omitted", "default", -1, -1]]);
    expect(run([[1]])).toEqual([[1, "omitted", "default", -1, -1]]);
  });

  it("a referenced blank range is given, not omitted; a blank option is its default", () => {
    expect(run([[1]], [[null]], "", "", "")).toEqual([[1, "given", "default", -1, -1]]);
  });

  it("choices ignore case and surrounding spaces; numbers may be stored as text", () => {
    expect(run([[1]], null, " BB ", "4", "73,476")).toEqual([[1, "omitted", "bb", 4, 73476]]);
  });

  it("a 0 option or number (Excel desktop's empty cell) is the default, as null (the web's) is", () => {
    expect(run([[1]], null, 0)).toEqual([[1, "omitted", "default", -1, -1]]);
    expect(run([[1]], null, null, 0, 0)).toEqual(run([[1]], null, null, null, null));
    expect(run([[1]], null, null, " ", " ")).toEqual(run([[1]], null, null, null, null));
  });

  it("a bad choice is #VALUE! listing the choices and quoting the text", () => {
    expectError(run([[1]], null, "c")[0][0], "#VALUE!", 'mode must be one of "a", "bb", not "c"');
    expectError(run([[1]], null, 3)[0][0], "#VALUE!", 'mode must be one of "a", "bb", not "3"');
  });

  it("an integer out of range or fractional is #VALUE! naming it", () => {
    expectError(run([[1]], null, null, 13)[0][0], "#VALUE!", "n must be a whole number from 1 to 12, not 13");
    expectError(run([[1]], null, null, 1.5)[0][0], "#VALUE!", "n must be a whole number from 1 to 12, not 1.5");
    expectError(run([[1]], null, null, "April")[0][0], "#VALUE!", "n: ", '"April" is not a number');
  });

  it('non-finite numbers become #NUM!, blanks become "", CalcErrors map by kind', () => {
    const out = runFunction(
      defineFunction([], () => [
        [
          Infinity,
          NaN,
          null,
          new CalcError("na", "gone"),
          new CalcError("div0", "zero"),
          new CalcError("num", "big"),
          true,
          "x",
        ],
      ]),
      [],
    );
    expectError(out[0][0], "#NUM!");
    expectError(out[0][1], "#NUM!");
    expect(out[0][2]).toBe("");
    expectError(out[0][3], "#N/A", "gone");
    expectError(out[0][4], "#DIV/0!");
    expectError(out[0][5], "#NUM!");
    expect(out[0].slice(6)).toEqual([true, "x"]);
  });

  it("a CalcError thrown by the body is the whole result", () => {
    const out = runFunction(
      defineFunction([], () => {
        throw new CalcError("value", "bad input");
      }),
      [],
    );
    expect(out).toHaveLength(1);
    expectError(out[0][0], "#VALUE!", "bad input");
  });

  it("any other exception is a bug and is rethrown, not turned into #VALUE!", () => {
    const buggy = defineFunction([], () => {
      throw new TypeError("x is undefined");
    });
    expect(() => runFunction(buggy, [])).toThrow(TypeError);
  });
});

describe("malformed arrays (never sent by Excel) do not crash the coercion", () => {
  it("a row that is not an array reads as blanks", () => {
    const g = toGrid([[1], null, [3]], "x");
    expect([g.at(1, 0), g.at(2, 0)]).toEqual([null, 3]);
    expect(filledExtent([g], 3, 1)).toEqual({ rows: 3, cols: 1 });
    expect(filledLength([toVector(toGrid([[1], [2], null], "x"))])).toBe(2);
  });
});
