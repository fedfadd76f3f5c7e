import { describe, expect, it } from "vitest";
import { analyseImport } from "../../../src/taskpane/import/analyse";
import { planAppend } from "../../../src/taskpane/import/append";

const today = new Date(2017, 2, 29);
const JAN16 = 42370,
  FEB16 = 42401,
  JAN17 = 42736,
  FEB17 = 42767;
const plan = analyseImport(
  'Month,Gold (oz)\nJan 2016,"4,512"\nFeb 2016,"5,125"\nJan 2017,"5,208"\nFeb 2017,"6,736"\n',
  { today },
).plan;

describe("planAppend", () => {
  it("keeps only months the table lacks and reports the others as left alone", () => {
    const out = planAppend(plan, {
      header: ["Month", "Gold (oz)"],
      rows: [
        [JAN16, 4512],
        [FEB16, 5125],
      ],
    });
    expect(out.rows).toEqual([
      [JAN17, 5208],
      [FEB17, 6736],
    ]);
    const info = out.problems.find((p) => p.code === "already-present");
    expect(info?.message).toBe("2 months are already in the table and left as they are: Jan 2016, Feb 2016");
    expect(out.blocked).toBe(false);
  });
  it("matches columns by header name in the table's order and leaves other columns untouched", () => {
    const out = planAppend(plan, { header: ["Growth", "gold (oz)", "Month"], rows: [["Jan 2016", 1, "Jan 2016"]] });
    expect(out.columns.map((c) => [c.name, c.untouched ?? false])).toEqual([
      ["Growth", true],
      ["Gold (oz)", false],
      ["Month", false],
    ]);
    expect(out.rows).toEqual([
      [null, 5125, FEB16],
      [null, 5208, JAN17],
      [null, 6736, FEB17],
    ]);
  });
  it("reads month texts in the existing table as months", () => {
    const out = planAppend(plan, { header: ["Month", "Gold (oz)"], rows: [["Feb 2017", 6733]] });
    expect(out.rows.map((r) => r[0])).toEqual([JAN16, FEB16, JAN17]);
    expect(out.problems.find((p) => p.code === "already-present")?.message).toMatch(
      /1 month is already in the table and left as it is: Feb 2017/,
    );
  });
  it("is an error when the table lacks a column of the plan", () => {
    const out = planAppend(plan, { header: ["Month", "Silver (oz)"], rows: [] });
    expect(out.blocked).toBe(true);
    expect(out.problems.find((p) => p.code === "missing-column")).toMatchObject({
      severity: "error",
      column: "Gold (oz)",
    });
  });
  it("compares months per mine", () => {
    const p = analyseImport("Mine,Month,Gold (oz)\nA,Jan 2017,1\nB,Jan 2017,2\n", { today }).plan;
    const out = planAppend(p, { header: ["Mine", "Month", "Gold (oz)"], rows: [["A", JAN17, 1]] });
    expect(out.rows).toEqual([["B", JAN17, 2]]);
  });
  it("stays blocked when the plan was blocked", () => {
    const bad = analyseImport("Month,Gold (oz)\nJan 2017,abc\n", { today }).plan;
    expect(planAppend(bad, { header: ["Month", "Gold (oz)"], rows: [] }).blocked).toBe(true);
  });
});
