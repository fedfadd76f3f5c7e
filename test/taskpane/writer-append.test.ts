/** The writer with the real import engine: analyse a file, write it, then append a later file. */
import { afterEach, describe, expect, it } from "vitest";
import { analyseImport, planAppend } from "../../src/taskpane/import/engine";
import { writePlan } from "../../src/taskpane/import/writer";
import { createExcelDouble, type DoubleOptions } from "../support/excel-double";
import { serialOf } from "./writer-plans";

const today = new Date(Date.UTC(2017, 5, 1));
function useDouble(opts: DoubleOptions = {}) {
  const d = createExcelDouble(opts);
  (globalThis as any).Excel = d.Excel;
  return d;
}
afterEach(() => {
  delete (globalThis as any).Excel;
});

/** Dynacor's monthly gold (oz): Jan/Feb 2016 and 2017, as the March 2017 release has them. */
const FIRST = `Month\tGold (oz)
Jan 2016\t4,512
Feb 2016\t5,125
Jan 2017\t5,208
Feb 2017\t6,736
`;
/** A later export repeats Feb 2017 restated (6,733) and adds March. */
const LATER = `Month,Gold (oz)
Feb 2017,"6,733"
Mar 2017,"7,012"
`;

describe("write then append with the import engine", () => {
  it("appends only March; the restated February is reported and left as first written", async () => {
    const d = useDouble();
    const first = await writePlan(analyseImport(FIRST, { today }).plan);
    expect(first.status).toBe("done");

    const later = analyseImport(LATER, { today }).plan;
    const out = await writePlan(later, { target: { kind: "append", table: "ProductionData" }, planAppend });
    expect(out.status).toBe("done");
    expect(out.rowsWritten).toBe(1);
    expect(d.tableValues("ProductionData").slice(-2)).toEqual([
      [serialOf(2017, 2), 6736],
      [serialOf(2017, 3), 7012],
    ]);
    expect(out.plan?.problems.find((p) => p.code === "already-present")?.message).toMatch(/Feb 2017/);
    expect(out.message).toBe("Wrote 1 row to table ProductionData on sheet Production: Mar 2017 (1 row).");
  });

  it("leaves a table column the file does not fill as it was (format and content)", async () => {
    const d = useDouble({
      sheets: {
        Data: [
          ["Month", "Gold (oz)", "Note"],
          [serialOf(2017, 1), 5208, "rainy season"],
          ["", "", "keep me"],
        ],
      },
      tables: [{ name: "Gold", sheet: "Data", address: "A1:C2" }],
    });
    d.sheets[0].cells.get("2,2")!.format = "@";
    const out = await writePlan(analyseImport(LATER, { today }).plan, {
      target: { kind: "append", table: "Gold" },
      planAppend,
      overwrite: true, // C3 holds "keep me": the user agreed to write over that row
    });
    expect(out.status).toBe("done");
    expect(d.tableValues("Gold")).toEqual([
      ["Month", "Gold (oz)", "Note"],
      [serialOf(2017, 1), 5208, "rainy season"],
      [serialOf(2017, 2), 6733, "keep me"],
      [serialOf(2017, 3), 7012, ""],
    ]);
    expect(d.cell("Data", "C3")).toEqual({ value: "keep me", format: "@" });
  });

  it("refuses to append a file whose metric the table lacks, naming the column", async () => {
    const d = useDouble({
      sheets: {
        Data: [
          ["Month", "Silver (oz)"],
          [serialOf(2017, 1), 100],
        ],
      },
      tables: [{ name: "Silver", sheet: "Data", address: "A1:B2" }],
    });
    const out = await writePlan(analyseImport(LATER, { today }).plan, {
      target: { kind: "append", table: "Silver" },
      planAppend,
    });
    expect(out.status).toBe("refused");
    expect(out.plan?.problems.some((p) => p.code === "missing-column" && p.column === "Gold (oz)")).toBe(true);
    expect(d.calls.filter((c) => c.op === "range.values")).toEqual([]);
  });
});
