/** The recording double behaves like Excel where the writer's tests rely on it. */
import { describe, expect, it } from "vitest";
import {
  createExcelDouble,
  DoubleError,
  NEWEST_EXCEL_API,
  PAYLOAD_LIMIT_BYTES,
  type ExcelDouble,
} from "../support/excel-double";
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

/** One batch: `f` queues calls, then one sync carries them. */
const batch = (d: ExcelDouble, f: (ctx: any) => unknown, options?: { delayForCellEdit?: boolean }) =>
  options
    ? d.Excel.run(options, async (ctx: any) => {
        f(ctx);
        await ctx.sync();
      })
    : d.Excel.run(async (ctx: any) => {
        f(ctx);
        await ctx.sync();
      });

describe("the double refuses what Excel refuses", () => {
  it("a request over 5 MB: RequestPayloadSizeLimitExceeded, and nothing of it is carried out", async () => {
    const d = createExcelDouble({ sheets: { S: [["old"]] } });
    const big = "x".repeat(PAYLOAD_LIMIT_BYTES);
    const error = await batch(d, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [["new"]];
      ws.getRange("B1").values = [[big]];
    }).catch((e) => e);
    expect(error).toBeInstanceOf(DoubleError);
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(d.cell("S", "A1")?.value).toBe("old");
    // Just under the limit goes through (in 200 cells: a cell holds at most 32,767 characters).
    const rows = Array.from({ length: 200 }, () => ["x".repeat(24_500)]);
    await batch(d, (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("B1:B200").values = rows));
    expect((d.cell("S", "B200")?.value as string).length).toBe(24_500);
    // One cell over Excel's 32,767 characters: InvalidArgument.
    const long = await batch(
      d,
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("C1").values = [["x".repeat(32_768)]]),
    ).catch((e) => e);
    expect(long.code).toBe("InvalidArgument");
  });

  it("a response over 5 MB: ResponsePayloadSizeLimitExceeded, and nothing it would have loaded can be read", async () => {
    const half = "y".repeat(2_600_000);
    const d = createExcelDouble({ sheets: { S: [[half], [half]] } });
    let range: any;
    const error = await batch(
      d,
      (ctx) => (range = ctx.workbook.worksheets.getItem("S").getRange("A1:A2").load("values")),
    ).catch((e) => e);
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(() => range.values).toThrow(/not available/);
    await batch(d, (ctx) => (range = ctx.workbook.worksheets.getItem("S").getRange("A1").load("values")));
    expect(range.values[0][0]).toHaveLength(2_600_000);
  });

  it("values and numberFormat arrays must have the range's shape: InvalidArgument", async () => {
    const d = createExcelDouble({ sheets: { S: [] } });
    const set = (address: string, name: "values" | "numberFormat", v: unknown) =>
      batch(d, (ctx) => (ctx.workbook.worksheets.getItem("S").getRange(address)[name] = v)).catch((e) => e);
    for (const [address, name, v] of [
      ["A1:B2", "values", [[1, 2]]], // a row short
      ["A1:B2", "values", [[1, 2], [3]]], // a ragged row
      ["A1:B1", "numberFormat", [["@"]]], // a column short
      ["A1:A2", "numberFormat", [["@"], ["@"], ["@"]]], // a row too many
    ] as const) {
      const e = await set(address, name, v);
      expect([e.code, e.message]).toEqual([
        "InvalidArgument",
        expect.stringContaining(`The ${name} array does not match`),
      ]);
    }
    expect(d.sheets[0].cells.size).toBe(0);
    await set("A1:B1", "numberFormat", [["@", "0.0%"]]);
    expect(d.cell("S", "B1")?.format).toBe("0.0%");
  });

  it("a property read before it is loaded and synced: PropertyNotLoaded", async () => {
    const d = createExcelDouble({ sheets: { S: [["a"]] }, tables: [{ name: "T", sheet: "S", address: "A1:A2" }] });
    await d.Excel.run(async (ctx: any) => {
      const table = ctx.workbook.tables.getItem("T");
      const sheet = ctx.workbook.worksheets.getItem("S");
      const sheets = ctx.workbook.worksheets.load("items/name");
      expect(() => table.name).toThrow(/not available/);
      expect(() => table.showTotals).toThrow(/not available/);
      expect(() => sheet.name).toThrow(/not available/);
      expect(() => sheets.items).toThrow(/not loaded/);
      table.load("name");
      await ctx.sync();
      expect(table.name).toBe("T");
      expect(() => table.showTotals).toThrow(/not available/); // only what was asked for
      expect(sheets.items.map((s: any) => s.name)).toEqual(["S"]);
    });
  });

  it("a sync while the user edits a cell fails (InvalidOperationInCellEditMode) unless Excel.run was asked to wait", async () => {
    const d = createExcelDouble({ sheets: { S: [] }, cellEditing: true });
    const write = (v: number) => (ctx: any) => (ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[v]]);
    const error = await batch(d, write(1)).catch((e) => e);
    expect(error.code).toBe("InvalidOperationInCellEditMode");
    expect(d.cell("S", "A1")).toBeUndefined();

    let done = false;
    const waiting = batch(d, write(2), { delayForCellEdit: true }).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect([done, d.cell("S", "A1")]).toEqual([false, undefined]); // waits while the cell is edited
    d.setCellEditing(false);
    await waiting;
    expect(d.cell("S", "A1")?.value).toBe(2);
  });

  it("takes an ExcelApi version: a call from a later set fails with ApiNotFound, and isSetSupported agrees", async () => {
    const at = (excelApi: string) =>
      createExcelDouble({
        excelApi,
        sheets: { S: [["M"], [1]] },
        tables: [{ name: "T", sheet: "S", address: "A1:A2" }],
      });
    const resize = (ctx: any) => ctx.workbook.tables.getItem("T").resize("A1:A3"); // ExcelApi 1.13
    const byIndexes = (ctx: any) => (ctx.workbook.worksheets.getItem("S").getRangeByIndexes(5, 0, 1, 1).values = [[1]]); // 1.7
    const tableOnRange = (ctx: any) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.tables.add(ws.getRange("C1:C2"), true); // a Range object: 1.3 (a string works from 1.1)
    };
    const suspend = (ctx: any) => ctx.workbook.application.suspendApiCalculationUntilNextSync(); // 1.6
    const nullObject = (ctx: any) => ctx.workbook.tables.getItemOrNullObject("T").load("isNullObject"); // 1.4

    const old = at("1.2");
    for (const [call, needs] of [
      [resize, "1.13"],
      [byIndexes, "1.7"],
      [tableOnRange, "1.3"],
      [suspend, "1.6"],
      [nullObject, "1.4"],
    ] as const) {
      const e = await batch(old, call).catch((x) => x);
      expect([e.code, e.message]).toEqual(["ApiNotFound", expect.stringContaining(`needs ExcelApi ${needs}`)]);
      expect(old.requirements.isSetSupported("ExcelApi", needs)).toBe(false);
    }
    await batch(old, (ctx) => ctx.workbook.worksheets.getItem("S").tables.add("E1:E2", true));
    expect(old.tables).toHaveLength(2);

    const twelve = at("1.12");
    expect((await batch(twelve, resize).catch((x) => x)).code).toBe("ApiNotFound");
    for (const call of [byIndexes, tableOnRange, suspend, nullObject]) await batch(twelve, call);

    const newest = at(NEWEST_EXCEL_API);
    await batch(newest, resize);
    expect(newest.tables[0].rowCount).toBe(3);
    expect(newest.requirements.isSetSupported("ExcelApi", "1.13")).toBe(true);
    expect(newest.requirements.isSetSupported("ExcelApi", "1.21")).toBe(false);
  });
});

describe("the double's protection, formulas and document settings", () => {
  it("a change to a protected sheet fails with AccessDenied, whatever the change, and reading still works", async () => {
    const d = createExcelDouble({
      sheets: { S: [["M"], [1]], Open: [] },
      tables: [{ name: "T", sheet: "S", address: "A1:A2" }],
      protectedSheets: ["S"],
    });
    const changes: ((ctx: any) => void)[] = [
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("B1").values = [[1]]),
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("B1").numberFormat = [["@"]]),
      (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("B1").formulas = [["=1+1"]]),
      (ctx) => ctx.workbook.worksheets.getItem("S").getRange("A2").clear("Contents"),
      (ctx) => ctx.workbook.worksheets.getItem("S").tables.add("C1:C2", true),
      (ctx) => ctx.workbook.tables.getItem("T").resize("A1:A3"),
    ];
    for (const change of changes) expect((await batch(d, change).catch((e) => e)).code).toBe("AccessDenied");
    expect(d.cell("S", "A2")?.value).toBe(1);
    await batch(d, (ctx) => ctx.workbook.worksheets.getItem("S").getRange("A2").load("values"));
    await batch(d, (ctx) => (ctx.workbook.worksheets.getItem("Open").getRange("A1").values = [[1]]));
    d.setProtected("S", false);
    await batch(d, changes[0]);
    expect(d.cell("S", "B1")?.value).toBe(1);
  });

  it("formulas read a formula as its text and a value as itself, and writing them back is typing them", async () => {
    const d = createExcelDouble({ sheets: { S: [[5, "x"]] } });
    await batch(d, (ctx) => (ctx.workbook.worksheets.getItem("S").getRange("C1").formulas = [["=A1*2"]]));
    let range: any;
    await batch(d, (ctx) => (range = ctx.workbook.worksheets.getItem("S").getRange("A1:D1").load("formulas")));
    expect(range.formulas).toEqual([[5, "x", "=A1*2", ""]]);
    expect(d.formulas()).toEqual(["=A1*2"]);
  });

  it("document settings: set is seen at once, only saveAsync keeps it in the file", async () => {
    const d = createExcelDouble({ documentSettings: { kept: "yes" } });
    expect(d.documentSettings.get("kept")).toBe("yes");
    expect(d.documentSettings.get("absent")).toBeNull();
    d.documentSettings.set("PROD.dateSystem", "1904");
    expect(d.documentSettings.get("PROD.dateSystem")).toBe("1904");
    expect(createExcelDouble(d.saved()).documentSettings.get("PROD.dateSystem")).toBeNull(); // not saved yet
    await new Promise((done) => d.documentSettings.saveAsync(done));
    const reopened = createExcelDouble(JSON.parse(JSON.stringify(d.saved())));
    expect(reopened.documentSettings.get("PROD.dateSystem")).toBe("1904");
    expect(reopened.documentSettings.get("kept")).toBe("yes");
  });

  it("a failure asked for mid-test strikes the next sync only", async () => {
    const d = createExcelDouble({ sheets: { S: [] } });
    d.failNextSync({ code: "Conflict" });
    const write = (v: number) => (ctx: any) => (ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[v]]);
    expect((await batch(d, write(1)).catch((e) => e)).code).toBe("Conflict");
    await batch(d, write(2));
    expect(d.cell("S", "A1")?.value).toBe(2);
  });
});
