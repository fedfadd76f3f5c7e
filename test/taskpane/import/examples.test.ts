import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseImport, decodeBytes } from "../../../src/taskpane/import/engine";

const read = (name: string) => decodeBytes(new Uint8Array(readFileSync(new URL(`../../../examples/${name}`, import.meta.url))));
const today = new Date(2017, 2, 29);
// The seed release: Jan/Feb 2016 = 4,512 / 5,125; Jan 2017 = 5,208; Feb 2017 = 6,736 (record February).
const SEED = [[42370, 4512], [42401, 5125], [42736, 5208], [42767, 6736]];

describe("the example files", () => {
  it("imports examples/dynacor-monthly.csv (long layout)", () => {
    const a = analyseImport(read("dynacor-monthly.csv"), { today });
    expect(a.detected).toBe("long");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold (oz)"]);
    expect(a.plan.rows).toEqual(SEED);
    expect(a.plan.problems.map((p) => p.code)).toEqual(["gap"]); // Mar-Dec 2016 are not in the release
    expect(a.plan.blocked).toBe(false);
  });
  it("imports examples/dynacor-wide.txt (months as rows, a total row and a comment column)", () => {
    const a = analyseImport(read("dynacor-wide.txt"), { today });
    expect(a.detected).toBe("wide-months-rows");
    expect(a.plan.rows).toEqual(SEED);
    expect(a.plan.problems.map((p) => p.code).sort()).toEqual(["gap", "subtotal-skipped", "text-column-skipped"]);
    expect(a.plan.problems.find((p) => p.code === "subtotal-skipped")).toMatchObject({ row: 6, text: "Jan-Feb total" });
  });
});
