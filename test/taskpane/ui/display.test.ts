import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { displayCell, problemPlace, problemSummary, sortProblems } from "../../../src/taskpane/ui/display";
import type { Problem } from "../../../src/taskpane/import/types";

describe("displayCell: the preview shows what Excel will show", () => {
  it("months as mmm yyyy, from the serials written", () => {
    expect(displayCell(42767, "mmm yyyy")).toBe("Feb 2017");
    expect(displayCell(42370, "mmm yyyy")).toBe("Jan 2016");
  });

  it("ounces and tonnes grouped, grades with two decimals, recoveries as percentages", () => {
    expect(displayCell(73476, "#,##0")).toBe("73,476");
    expect(displayCell(6736, "#,##0")).toBe("6,736");
    expect(displayCell(42.04, "#,##0.0")).toBe("42.0");
    expect(displayCell(7.856, "0.00")).toBe("7.86");
    expect(displayCell(0.925, "0.0%")).toBe("92.5%");
  });

  it("text exactly as it is, formula-looking text included; blanks empty; booleans as Excel prints them", () => {
    expect(displayCell("=cmd|' /C calc'!A0", "@")).toBe("=cmd|' /C calc'!A0");
    expect(displayCell(null, "#,##0")).toBe("");
    expect(displayCell(true, "General")).toBe("TRUE");
  });

  it("property: any text is shown unchanged under any format", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.constantFrom("@", "#,##0", "0.00", "0.0%", "mmm yyyy", "General"),
        (s, f) => displayCell(s, f) === s,
      ),
    );
  });
});

describe("problems in the pane", () => {
  const p = (x: Partial<Problem>): Problem => ({ severity: "error", code: "x", message: "m", ...x });

  it("names row, column and the text at fault", () => {
    expect(problemPlace(p({ row: 5, column: "Month", text: "Febr 2017x" }))).toBe('Line 5, Month: "Febr 2017x"');
    expect(problemPlace(p({ column: "Gold (oz)" }))).toBe("Gold (oz)");
    expect(problemPlace(p({}))).toBe("");
  });

  it("summarises by severity and lists errors first, then warnings, each by row", () => {
    const list = [
      p({ severity: "warning", row: 2, code: "w2" }),
      p({ severity: "error", row: 9, code: "e9" }),
      p({ severity: "info", code: "i" }),
      p({ severity: "error", row: 3, code: "e3" }),
    ];
    expect(problemSummary(list)).toBe("2 errors, 1 warning, 1 note");
    expect(problemSummary([])).toBe("No problems found.");
    expect(sortProblems(list).map((x) => x.code)).toEqual(["e3", "e9", "w2", "i"]);
  });
});
