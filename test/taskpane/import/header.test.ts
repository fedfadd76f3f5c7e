import { describe, expect, it } from "vitest";
import { cleanHeader, numberFormatFor, splitHeaderYear } from "../../../src/taskpane/import/header";
import { parseMonthName } from "../../../src/calc/vocabulary";

describe("cleanHeader", () => {
  it("strips a bracketed footnote and keeps the unit", () => {
    expect(cleanHeader("Gold production (1) (oz)")).toEqual({ name: "Gold production (oz)", unit: "oz" });
  });
  it("strips a footnote digit glued to a word", () => {
    expect(cleanHeader("Silver equivalent1")).toEqual({ name: "Silver equivalent" });
    expect(cleanHeader("Silver equivalent2 (koz)")).toEqual({ name: "Silver equivalent (koz)", unit: "koz" });
  });
  it("strips superscript and star markers", () => {
    expect(cleanHeader("Ore processed\u00b9 (t)")).toEqual({ name: "Ore processed (t)", unit: "t" });
    expect(cleanHeader("Gold* (oz)")).toEqual({ name: "Gold (oz)", unit: "oz" });
  });
  it("leaves Q1/H2 labels alone", () => {
    expect(cleanHeader("Q1 total").name).toBe("Q1 total");
  });
  it("keeps units in parentheses or printed bare", () => {
    expect(cleanHeader("Head grade (g/t)").unit).toBe("g/t");
    expect(cleanHeader("Recovery %")).toEqual({ name: "Recovery %", unit: "%" });
    expect(cleanHeader("Silver (000's)").unit).toBe("000's");
  });
});

describe("numberFormatFor", () => {
  it("uses #,##0 for ounces, tonnes and counts, 0.00 for grades, 0.0% for percentages", () => {
    expect(numberFormatFor("oz", "Gold (oz)")).toBe("#,##0");
    expect(numberFormatFor("t", "Ore (t)")).toBe("#,##0");
    expect(numberFormatFor(undefined, "Trucks")).toBe("#,##0");
    expect(numberFormatFor("g/t", "Head grade (g/t)")).toBe("0.00");
    expect(numberFormatFor("oz/t", "Grade (oz/t)")).toBe("0.00");
    expect(numberFormatFor(undefined, "Head grade")).toBe("0.00");
    expect(numberFormatFor("%", "Recovery (%)")).toBe("0.0%");
    expect(numberFormatFor("koz", "Gold (koz)")).toBe("#,##0.0");
  });
});

describe("parseMonthName", () => {
  it("reads short, long and dotted names without a year", () => {
    expect(parseMonthName("Jan")).toBe(1);
    expect(parseMonthName("September")).toBe(9);
    expect(parseMonthName("Sept.")).toBe(9);
    expect(parseMonthName(" dec ")).toBe(12);
  });
  it("refuses anything else", () => {
    expect(parseMonthName("Q1")).toBeNull();
    expect(parseMonthName("Jan 2017")).toBeNull();
    expect(parseMonthName("Total")).toBeNull();
  });
});

describe("splitHeaderYear", () => {
  it("separates the year from the metric", () => {
    expect(splitHeaderYear("2016 Gold Production (oz)")).toEqual({ year: 2016, rest: "Gold Production (oz)" });
    expect(splitHeaderYear("Gold (oz) 2017")).toEqual({ year: 2017, rest: "Gold (oz)" });
    expect(splitHeaderYear("2016")).toEqual({ year: 2016, rest: "" });
  });
  it("finds no year in a plain header", () => {
    expect(splitHeaderYear("Gold (oz)")).toBeNull();
    expect(splitHeaderYear("Ore (t)")).toBeNull();
  });
});
