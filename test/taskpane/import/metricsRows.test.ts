/**
 * The fifth layout in DOMAIN.md: metrics as rows (tonnes, grade, recovery, ounces), months as
 * columns, newest first, with a quarter-to-date column and a guidance column that are not months.
 */
import { describe, expect, it } from "vitest";
import { analyseImport } from "../../../src/taskpane/import/analyse";
import type { ImportOptions, Problem } from "../../../src/taskpane/import/types";

const today = new Date(2017, 3, 20);
const run = (text: string, opts: ImportOptions = {}) => analyseImport(text, { today, ...opts });
/** Excel serial of the first of a month, hand-checked: Jan 2017 = 42736. */
const serial = (y: number, m: number) => (Date.UTC(y, m - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
const only = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);

const RELEASE =
  "Operating results,Mar 2017,Feb 2017,Jan 2017,Q1 2017 QTD,2017 Guidance\n" +
  'Ore processed (t),"13,000","12,500","12,100","37,600",\n' +
  "Head grade (g/t),17.80,18.20,17.50,17.83,\n" +
  "Recovery (%),92.5,93.1,91.8,92.5,\n" +
  'Gold (oz),"6,850","6,736","5,208","18,794","88-92,000 oz"\n';

describe("metrics as rows, months as columns", () => {
  it("reads a release's operating table into one row per month, oldest first", () => {
    const a = run(RELEASE);
    expect(a.detected).toBe("wide-metrics-rows");
    expect(a.reason).toMatch(
      /"Mar 2017"…"Jan 2017" are named by months and column "Operating results" names the metrics/,
    );
    expect(a.plan.columns.map((c) => [c.name, c.numberFormat])).toEqual([
      ["Month", "mmm yyyy"],
      ["Ore processed (t)", "#,##0"],
      ["Head grade (g/t)", "0.00"],
      ["Recovery (%)", "0.0%"],
      ["Gold (oz)", "#,##0"],
    ]);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 12100, 17.5, 0.918, 5208],
      [serial(2017, 2), 12500, 18.2, 0.931, 6736],
      [serial(2017, 3), 13000, 17.8, 0.925, 6850],
    ]);
    expect(a.plan.blocked).toBe(false);
  });

  it("leaves out the quarter-to-date and guidance columns, and says so", () => {
    const a = run(RELEASE);
    const qtd = only(a.plan.problems, "subtotal-skipped");
    expect(qtd.filter((p) => p.row === undefined).map((p) => p.column)).toEqual(["Q1 2017 QTD"]);
    // Each line's QTD is checked: tonnes and ounces add up; grade and recovery are tonne-weighted.
    expect(qtd.filter((p) => p.row !== undefined).map((p) => [p.row, p.severity])).toEqual([
      [2, "info"], // 13,000 + 12,500 + 12,100 = 37,600
      [3, "warning"], // the tonne-weighted head grade is 17.84 (670,650 / 37,600 = 17.836…), not 17.83
      [4, "info"], // the weighted recovery 92.47… prints as 92.5
      [5, "info"], // 6,850 + 6,736 + 5,208 = 18,794
    ]);
    expect(qtd.find((p) => p.row === 3)?.message).toMatch(
      /17.83 differs from the tonne-weighted average of its 3 months, 17.84/,
    );
    const guidance = only(a.plan.problems, "guidance-skipped");
    expect(guidance.map((p) => p.column)).toEqual(["2017 Guidance"]);
    expect(guidance[0].message).toMatch(/guidance or a target, not production; left out/);
  });

  it("takes a heading line as a note, and a metric printed as dashes as a column with no values", () => {
    const a = run(
      "Dynacor, operating results\n,Feb 2017,Jan 2017\nProduction,,\nGold (oz),6736,5208\nSilver (oz),-,n/a\n",
    );
    expect(a.headerRow).toBe(2);
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold (oz)", "Silver (oz)"]);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208, "n/a"],
      [serial(2017, 2), 6736, "n/a"],
    ]);
    expect(only(a.plan.problems, "heading-skipped").map((p) => p.row)).toEqual([3]);
    expect(a.lineSummary).toBe("5 lines: 1 title, 1 header, 1 heading, 2 read as data");
  });

  it("names the row and the month column of a value it cannot read", () => {
    const a = run(",Feb 2017,Jan 2017\nGold (oz),6.7x6,5208\n");
    const bad = only(a.plan.problems, "not-a-number");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ severity: "error", row: 2, column: "Feb 2017", text: "6.7x6" });
    expect(a.plan.blocked).toBe(true);
  });

  it("reports the same metric given twice for a month, keeping the later line's figure", () => {
    const a = run(",Feb 2017,Jan 2017\nGold (oz),6736,5208\nGold (oz),6700,\n");
    const dup = only(a.plan.problems, "restated-month");
    expect(dup).toHaveLength(1);
    expect(dup[0].message).toMatch(/Feb 2017.*6,736 on line 2 and 6,700 on line 3; the table keeps 6,700/);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208],
      [serial(2017, 2), 6700],
    ]);
    expect(a.plan.blocked).toBe(false);
  });

  it("keeps a mine column, checking months per mine", () => {
    const a = run("Mine,Metric,Feb 2017,Jan 2017\nVeta Dorada,Gold (oz),6736,5208\nHuanca,Gold (oz),950,900\n");
    expect(a.detected).toBe("wide-metrics-rows");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Mine", "Month", "Gold (oz)"]);
    expect(a.plan.rows).toEqual([
      ["Huanca", serial(2017, 1), 900],
      ["Huanca", serial(2017, 2), 950],
      ["Veta Dorada", serial(2017, 1), 5208],
      ["Veta Dorada", serial(2017, 2), 6736],
    ]);
  });

  it("joins a unit column to the metric names, so a recovery in % is stored as a fraction", () => {
    const a = run(
      'Metric,Unit,Feb 2017,Jan 2017\nOre processed,t,"12,500","12,100"\nRecovery,%,93.1,91.8\nGold (oz),oz,6736,5208\n',
    );
    expect(a.reason).toMatch(/names the metrics \(units in "Unit"\)/);
    expect(a.plan.columns.map((c) => [c.name, c.numberFormat])).toEqual([
      ["Month", "mmm yyyy"],
      ["Ore processed (t)", "#,##0"],
      ["Recovery (%)", "0.0%"],
      ["Gold (oz)", "#,##0"],
    ]);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 12100, 0.918, 5208],
      [serial(2017, 2), 12500, 0.931, 6736],
    ]);
    expect(a.plan.problems.filter((p) => p.code.endsWith("-skipped"))).toEqual([]);
  });

  it("is not taken for a long table whose single month column is dated", () => {
    const a = run("Month,Gold (oz)\nFeb 2017,6736\nJan 2017,5208\n");
    expect(a.detected).toBe("long");
  });
});
