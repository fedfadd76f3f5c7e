/**
 * A cell being edited: every request of the writer waits for the edit to end (delayForCellEdit) —
 * the strict double fails any sync made during an edit without it — and the pane is told while it waits.
 */
import { afterEach, describe, expect, it } from "vitest";
import { listTables, readTableForAppend, writePlan } from "../../src/taskpane/import/writer";
import { createExcelDouble, type DoubleOptions, type ExcelDouble } from "../support/excel-double";
import { GOLD, MONTH, SEED_ROWS, monthlyRows, plan } from "./writer-plans";

function useDouble(opts: DoubleOptions = {}): ExcelDouble {
  const d = createExcelDouble(opts);
  (globalThis as any).Excel = d.Excel;
  return d;
}
afterEach(() => {
  delete (globalThis as any).Excel;
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(done: () => boolean, ms = 5_000): Promise<void> {
  for (const end = Date.now() + ms; !done(); await pause(10)) if (Date.now() > end) throw new Error("timed out");
}

describe("writing while the user edits a cell", () => {
  it("says it waits from the start, writes nothing meanwhile, and goes on when the edit ends", async () => {
    const d = useDouble({ sheets: { Sheet1: [] }, cellEditing: true });
    const heard: boolean[] = [];
    let finished = false;
    const writing = writePlan(plan([MONTH, GOLD], SEED_ROWS), { onCellEdit: (w) => heard.push(w) }).then((out) => {
      finished = true;
      return out;
    });
    await until(() => heard.length > 0);
    expect(heard).toEqual([true]);
    await pause(50);
    expect([finished, d.sheets.map((s) => s.name)]).toEqual([false, ["Sheet1"]]);

    d.setCellEditing(false);
    const out = await writing;
    expect(out.status).toBe("done");
    expect(heard).toEqual([true, false]);
    expect(d.tableValues("ProductionData")).toHaveLength(5);
  });

  it("an edit begun mid-write holds the next chunk; the pane hears of it, and of its end", async () => {
    const d = useDouble();
    const heard: boolean[] = [];
    const writing = writePlan(plan([MONTH, GOLD], monthlyRows(30)), {
      maxRows: 10,
      onCellEdit: (w) => heard.push(w),
      onProgress: (n) => n === 10 && d.setCellEditing(true),
    });
    await until(() => heard.length > 0);
    expect(heard).toEqual([true]);
    expect(d.tables[0].rowCount).toBe(11); // the first chunk only
    d.setCellEditing(false);
    expect((await writing).rowsWritten).toBe(30);
    expect(heard).toEqual([true, false]);
  });

  it("reading a table to append to says it waits too, and goes on when the edit ends", async () => {
    const d = useDouble({
      sheets: {
        Data: [
          ["Month", "Gold (oz)"],
          [42370, 4512],
        ],
      },
      tables: [{ name: "Gold", sheet: "Data", address: "A1:B2" }],
      cellEditing: true,
    });
    const heard: boolean[] = [];
    const reading = readTableForAppend("Gold", { onCellEdit: (w) => heard.push(w) });
    await until(() => heard.length > 0);
    d.setCellEditing(false);
    expect(await reading).toEqual({ header: ["Month", "Gold (oz)"], rows: [[42370, 4512]] });
    expect(heard).toEqual([true, false]);
  });

  it("every request waits, with or without a listener: reading tables, reading one to append, writing", async () => {
    const d = useDouble({
      sheets: {
        Data: [
          ["Month", "Gold (oz)"],
          [42370, 4512],
        ],
      },
      tables: [{ name: "Gold", sheet: "Data", address: "A1:B2" }],
      cellEditing: true,
    });
    const settled: string[] = [];
    const all = [
      listTables().then(() => settled.push("list")),
      readTableForAppend("Gold").then(() => settled.push("read")),
      writePlan(plan([MONTH, GOLD], SEED_ROWS)).then((o) => settled.push(`write ${o.status}`)),
    ];
    await pause(50);
    expect(settled).toEqual([]); // none failed with InvalidOperationInCellEditMode: all are waiting
    d.setCellEditing(false);
    await Promise.all(all);
    expect(settled.sort()).toEqual(["list", "read", "write done"]);
  });
});
