import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseImport, decodeBytes } from "../../../src/taskpane/import/engine";

const read = (name: string) =>
  decodeBytes(new Uint8Array(readFileSync(new URL(`../../../examples/${name}`, import.meta.url))));
const today = new Date(2017, 2, 29);
// The seed release: Jan/Feb 2016 = 4,512 / 5,125; Jan 2017 = 5,208; Feb 2017 = 6,736 (record February).
const SEED = [
  [42370, 4512],
  [42401, 5125],
  [42736, 5208],
  [42767, 6736],
];

describe("the example files", () => {
  it("imports examples/dynacor-monthly.csv (long layout)", () => {
    const a = analyseImport(read("dynacor-monthly.csv"), { today });
    expect(a.detected).toBe("long");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold (oz)"]);
    expect(a.plan.rows).toEqual(SEED);
    expect(a.plan.problems.map((p) => p.code)).toEqual(["gap"]); // Mar-Dec 2016 are not in the release
    expect(a.plan.blocked).toBe(false);
  });
  it("imports the same figures saved by Excel as Unicode text (UTF-16 LE with a BOM, tabs)", () => {
    const text = "Month\tGold (oz)\r\nJan 2016\t4,512\r\nFeb 2016\t5,125\r\nJan 2017\t5,208\r\nFeb 2017\t6,736\r\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    const a = analyseImport(decodeBytes(bytes), { today });
    expect(a.table[1]).toEqual(["Jan 2016", "4,512"]);
    expect(a.plan.rows).toEqual(SEED);
  });
  it("imports examples/dynacor-wide.txt (months as rows, a total row and a comment column)", () => {
    const a = analyseImport(read("dynacor-wide.txt"), { today });
    expect(a.detected).toBe("wide-months-rows");
    expect(a.plan.rows).toEqual(SEED);
    expect(a.plan.problems.map((p) => p.code).sort()).toEqual([
      "gap",
      "subtotal-skipped",
      "text-column-skipped",
      "title-skipped",
    ]);
    // The total row checks against its months (4,512 + 5,125 and 5,208 + 6,736): a note, not a warning.
    expect(a.plan.problems.find((p) => p.code === "subtotal-skipped")).toMatchObject({
      row: 6,
      text: "Jan-Feb total",
      severity: "info",
    });
    expect(a.lineSummary).toBe("6 lines: 1 title, 1 blank, 1 header, 2 read as data, 1 total left out");
  });
  it("imports examples/dynacor-metrics.txt (metrics as rows, newest month first, a two-month total and guidance)", () => {
    const a = analyseImport(read("dynacor-metrics.txt"), { today });
    expect(a.detected).toBe("wide-metrics-rows");
    expect(a.headerRow).toBe(3);
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold production (oz)"]);
    expect(a.plan.rows).toEqual(SEED);
    const skipped = a.plan.problems.filter((p) => p.code.endsWith("-skipped") && p.row === undefined);
    expect(skipped.map((p) => p.column).sort()).toEqual(["2017 guidance", "Jan-Feb 2017"]);
    expect(a.plan.blocked).toBe(false);
  });
});
