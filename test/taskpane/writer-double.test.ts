/** The recording double behaves like Excel where the writer's tests rely on it. */
import { describe, expect, it } from "vitest";
import { createExcelDouble } from "../support/excel-double";
import { listTables } from "../../src/taskpane/import/writer";

describe("the recording Excel double", () => {
  it("carries out nothing before sync, and refuses to read a property that was not loaded", async () => {
    const d = createExcelDouble({ sheets: { S: [["a"]] } });
    await d.Excel.run(async (ctx: any) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      r.values = [["b"]];
      expect(d.cell("S", "A1")?.value).toBe("a");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["b"]]);
    });
    expect(d.calls.map((c) => `${c.sync}:${c.op}`)).toEqual(["1:range.values", "1:load", "1:sync"]);
  });

  it("turns text into a number or a formula unless the cell is formatted @, as Excel does", async () => {
    const d = createExcelDouble({ sheets: { S: [] } });
    await d.Excel.run(async (ctx: any) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1:C1").values = [["007", "+1", "Chala"]];
      const text = ws.getRange("A2:B2");
      text.numberFormat = [["@", "@"]];
      text.values = [["007", "+1"]];
      await ctx.sync();
    });
    expect([d.cell("S", "A1")?.value, d.cell("S", "B1")?.formula, d.cell("S", "C1")?.value]).toEqual([
      7,
      "+1",
      "Chala",
    ]);
    expect([d.cell("S", "A2")?.value, d.cell("S", "B2")?.value]).toEqual(["007", "+1"]);
  });

  it("rejects a values array of the wrong size, a duplicate table name, and a resize that moves the header", async () => {
    const d = createExcelDouble({
      sheets: {
        S: [
          ["M", "G"],
          [1, 2],
        ],
      },
      tables: [{ name: "T", sheet: "S", address: "A1:B2" }],
    });
    const attempt = (f: (ctx: any) => void) =>
      d.Excel.run(async (ctx: any) => {
        f(ctx);
        await ctx.sync();
      });
    await expect(
      attempt((ctx) => (ctx.workbook.worksheets.getItem("S").getRange("A5:B5").values = [[1]])),
    ).rejects.toThrow(/does not match/);
    await expect(
      attempt((ctx) => (ctx.workbook.worksheets.getItem("S").tables.add("D1:E2", true).name = "t")),
    ).rejects.toThrow(/already exists/);
    await expect(attempt((ctx) => ctx.workbook.tables.getItem("T").resize("A2:B9"))).rejects.toThrow(
      /headers must stay/,
    );
  });

  it("fails a chosen sync after some of its commands, which stay done", async () => {
    const d = createExcelDouble({ sheets: { S: [] }, failSync: { sync: 1, afterOps: 1, message: "lost" } });
    await expect(
      d.Excel.run(async (ctx: any) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [[1]];
        ws.getRange("A2").values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toThrow("lost");
    expect([d.cell("S", "A1")?.value, d.cell("S", "A2")]).toEqual([1, undefined]);
  });

  it("lists the workbook's tables with their sheets for the pane", async () => {
    const d = createExcelDouble({
      sheets: { Data: [["M"], [1]], Other: [["M"], [1]] },
      tables: [
        { name: "Gold", sheet: "Data", address: "A1:A2" },
        { name: "Silver", sheet: "Other", address: "A1:A2" },
      ],
    });
    (globalThis as any).Excel = d.Excel;
    try {
      expect(await listTables()).toEqual([
        { name: "Gold", sheet: "Data" },
        { name: "Silver", sheet: "Other" },
      ]);
    } finally {
      delete (globalThis as any).Excel;
    }
  });
});
