/**
 * A written table's column kinds (month, mine, metric, estimate) are kept with the workbook: closed
 * and opened again, an append still finds the mine and month columns by kind — also after the user
 * renamed their headers and the table.
 */
import { afterEach, describe, expect, it } from "vitest";
import { analyseImport, planAppend } from "../../src/taskpane/import/engine";
import { readTableForAppend, writePlan } from "../../src/taskpane/import/writer";
import { kindsKey, storedKinds } from "../../src/taskpane/import/tableKinds";
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

/** The workbook saved to a file and opened again: only what a file keeps survives. */
const reopened = (d: ReturnType<typeof createExcelDouble>): DoubleOptions => JSON.parse(JSON.stringify(d.saved()));

/** Dynacor's Veta Dorada plant, gold (oz), as the March 2017 release gives Jan/Feb 2017; one estimate. */
const FIRST = `Mine,Month,Gold (oz)
Veta Dorada,Jan 2017,"5,208"
Veta Dorada,Feb 2017,"6,736 (est)"
`;
const LATER = `Mine,Month,Gold (oz)
Veta Dorada,Feb 2017,"6,733"
Veta Dorada,Mar 2017,"7,012"
`;

describe("column kinds kept with the table", () => {
  it("are stored when a new table is written, under the table's id, and read back after reopening", async () => {
    const d = useDouble();
    const out = await writePlan(analyseImport(FIRST, { today }).plan);
    expect(out.status).toBe("done");
    const [table] = d.tables;
    expect(JSON.parse(d.settings.get(kindsKey(table.id)) as string)).toEqual({
      version: 1,
      kinds: ["mine", "month", "number", "estimate"],
      names: ["Mine", "Month", "Gold (oz)", "Estimate"],
    });

    useDouble(reopened(d));
    const existing = await readTableForAppend("ProductionData");
    expect(typeof existing).toBe("object");
    expect((existing as { kinds?: string[] }).kinds).toEqual(["mine", "month", "number", "estimate"]);
  });

  it("let an append after reopening find renamed mine and month columns", async () => {
    const d = useDouble();
    await writePlan(analyseImport(FIRST, { today }).plan);
    const file = reopened(d);
    // The user renames the headers and the table; the table keeps its id.
    const rows = file.sheets!.Production;
    rows[0][0] = "Site";
    rows[0][1] = "Period";
    file.tables![0].name = "VetaDorada";

    const e = useDouble(file);
    const later = analyseImport(LATER, { today }).plan;
    const out = await writePlan(later, { target: { kind: "append", table: "VetaDorada" }, planAppend });
    expect(out.status).toBe("done");
    expect(out.rowsWritten).toBe(1);
    expect(e.tableValues("VetaDorada")).toEqual([
      ["Site", "Period", "Gold (oz)", "Estimate"],
      ["Veta Dorada", serialOf(2017, 1), 5208, ""],
      ["Veta Dorada", serialOf(2017, 2), 6736, "Gold (oz)"],
      ["Veta Dorada", serialOf(2017, 3), 7012, ""],
    ]);
    expect(out.plan?.problems.find((p) => p.code === "already-present")?.message).toMatch(/Feb 2017 \(Veta Dorada\)/);
  });

  it("without stored kinds (a table made by hand), the same append goes by header name and is refused", async () => {
    const d = useDouble();
    await writePlan(analyseImport(FIRST, { today }).plan);
    const file = reopened(d);
    file.sheets!.Production[0][0] = "Site";
    file.settings = {};
    useDouble(file);
    const out = await writePlan(analyseImport(LATER, { today }).plan, {
      target: { kind: "append", table: "ProductionData" },
      planAppend,
    });
    expect(out.status).toBe("refused");
    expect(out.plan?.problems.some((p) => p.code === "missing-column" && p.column === "Mine")).toBe(true);
  });

  it("are ignored once the table has gained or lost a column, or when the setting is not ours", () => {
    const stored = { version: 1, kinds: ["mine", "month", "number"], names: ["Mine", "Month", "Gold (oz)"] };
    expect(storedKinds(stored, 3)).toEqual(["mine", "month", "number"]);
    expect(storedKinds(stored, 4)).toBeUndefined();
    expect(storedKinds({ ...stored, version: 2 }, 3)).toBeUndefined();
    expect(storedKinds({ ...stored, kinds: ["mine", "month", "constructor"] }, 3)).toBeUndefined();
    expect(storedKinds("mine,month,number", 3)).toBeUndefined();
    expect(storedKinds(null, 3)).toBeUndefined();
  });
});

describe("the double keeps settings and table ids as a file does", () => {
  it("a setting written in one session is read in the next; a renamed table keeps its id", async () => {
    const d = useDouble({
      sheets: { Data: [["Month"], [serialOf(2017, 1)]] },
      tables: [{ name: "Gold", sheet: "Data", address: "A1:A2" }],
    });
    await d.Excel.run(async (context: any) => {
      const t = context.workbook.tables.getItem("Gold").load("id");
      await context.sync();
      context.workbook.settings.add(`k.${t.id}`, { a: [1, "x"] });
      t.name = "Silver";
      await context.sync();
    });
    const e = useDouble(reopened(d));
    await e.Excel.run(async (context: any) => {
      const t = context.workbook.tables.getItem("Silver").load("id");
      await context.sync();
      const s = context.workbook.settings.getItemOrNullObject(`k.${t.id}`).load("value");
      const none = context.workbook.settings.getItemOrNullObject("k.other").load("value");
      await context.sync();
      expect(s.isNullObject).toBe(false);
      expect(s.value).toEqual({ a: [1, "x"] });
      expect(none.isNullObject).toBe(true);
    });
  });
});
