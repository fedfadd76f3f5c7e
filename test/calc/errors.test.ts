import { describe, expect, it } from "vitest";
import { CalcError, isCalcError } from "../../src/calc";

describe("CalcError", () => {
  it("behaves as an Error to anyone who catches it", () => {
    const e = new CalcError("na", "no value for Feb 2017");
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CalcError);
    expect(isCalcError(e)).toBe(true);
    expect(e.name).toBe("CalcError");
    expect(e.kind).toBe("na");
    expect(e.message).toBe("no value for Feb 2017");
    expect(String(e)).toBe("CalcError: no value for Feb 2017");
    expect(() => {
      throw e;
    }).toThrow(/no value for Feb 2017/);
  });

  it("is not confused with other errors", () => {
    expect(isCalcError(new Error("x"))).toBe(false);
    expect(isCalcError(new TypeError("x"))).toBe(false);
    expect(isCalcError({ kind: "na", message: "x" })).toBe(false);
  });
});
