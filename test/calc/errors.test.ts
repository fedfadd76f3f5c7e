import { describe, expect, it } from "vitest";
import { attempt, CalcError, calcErrorOf } from "../../src/calc/errors";

describe("CalcError", () => {
  it("behaves as an Error to anyone who catches it", () => {
    const e = new CalcError("na", "no value for Feb 2017");
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CalcError);
    expect(e instanceof CalcError).toBe(true);
    expect(e.name).toBe("CalcError");
    expect(e.kind).toBe("na");
    expect(e.message).toBe("no value for Feb 2017");
    expect(String(e)).toBe("CalcError: no value for Feb 2017");
    expect(() => {
      throw e;
    }).toThrow(/no value for Feb 2017/);
  });

  it("is not confused with other errors", () => {
    expect(new Error("x") instanceof CalcError).toBe(false);
    expect(new TypeError("x") instanceof CalcError).toBe(false);
    expect({ kind: "na", message: "x" } instanceof CalcError).toBe(false);
  });
});

describe("the bug policy: calcErrorOf and attempt", () => {
  it("returns a CalcError and throws anything else on", () => {
    const e = new CalcError("value", "bad");
    expect(calcErrorOf(e)).toBe(e);
    const bug = new TypeError("x is undefined");
    expect(() => calcErrorOf(bug)).toThrow(bug);
    expect(() => calcErrorOf("a string")).toThrow("a string");
  });

  it("attempt gives the result, or the CalcError located at the element, and lets a bug through", () => {
    expect(attempt("row 2", () => 5)).toBe(5);
    const err = attempt("row 2 of values", () => {
      throw new CalcError("na", "no value");
    });
    expect(err).toBeInstanceOf(CalcError);
    expect((err as CalcError).message).toBe("row 2 of values: no value");
    expect((err as CalcError).kind).toBe("na");
    // Already located: not named twice.
    const again = attempt("row 2", () => {
      throw new CalcError("value", "row 2: bad");
    });
    expect((again as CalcError).message).toBe("row 2: bad");
    expect(() =>
      attempt("row 2", () => {
        throw new RangeError("index out of range");
      }),
    ).toThrow(RangeError);
  });
});
