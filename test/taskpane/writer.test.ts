import { afterEach, describe, expect, it } from "vitest";
import { writePlan } from "../../src/taskpane/import/writer";
import type { ExistingTable } from "../../src/taskpane/import/types";
import type { ImportPlan } from "../../src/taskpane/import/types";
import {
  createExcelDouble,
  LOWEST_EXCEL_API,
  NEWEST_EXCEL_API,
  type DoubleOptions,
  type ExcelDouble,
} from "../support/excel-double";
import { GOLD, GRADE, MINE, MONTH, ORE, RECOVERY, SEED_ROWS, monthlyRows, plan, serialOf } from "./writer-plans";

let excel: ExcelDouble;
function useDouble(opts: DoubleOptions = {}): ExcelDouble {
  excel = createExcelDouble(opts);
  (globalThis as any).Excel = excel.Excel;
  return excel;
}
afterEach(() => {
  delete (globalThis as any).Excel;
  delete (globalThis as any).Office;
});

/** Keeps rows whose month (and mine) the table lacks — the contract of the engine's planAppend. */
function keepNewMonths(p: ImportPlan, existing: ExistingTable): ImportPlan {
  const monthAt = existing.header.indexOf("Month");
  const present = new Set(existing.rows.map((r) => r[monthAt]));
  return { ...p, rows: p.rows.filter((r) => !present.has(r[0])) };
}

const valuesCalls = (d: ExcelDouble) => d.calls.filter((c) => c.op === "range.values");

describe("writePlan to a new sheet", () => {
  it("creates sheet Production with table ProductionData holding the seed's months as dates and ounces", async () => {
    const d = useDouble({ sheets: { Sheet1: [] } });
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS));

    expect(out.status).toBe("done");
    expect(out.sheet).toBe("Production");
    expect(out.table).toBe("ProductionData");
    expect(d.tables.map((t) => `${t.name}@${t.sheet}`)).toEqual(["ProductionData@Production"]);
    expect(d.tableValues("ProductionData")).toEqual([
      ["Month", "Gold (oz)"],
      [42370, 4512], // 1 Jan 2016
      [42401, 5125],
      [42736, 5208], // 1 Jan 2017
      [42767, 6736],
    ]);
    const formats = d.tableFormats("ProductionData");
    expect(formats.slice(1).every((r) => r[0] === "mmm yyyy" && r[1] === "#,##0")).toBe(true);
    expect(out.message).toBe("Wrote 4 rows to table ProductionData on sheet Production: Jan 2016 – Feb 2017 (4 rows).");
  });

  it("gives each unit its format: ounces and tonnes #,##0, grades 0.00, recoveries 0.0%", async () => {
    const d = useDouble();
    const rows = [[serialOf(2017, 3), 9100, 31500.5, 7.86, 0.925]];
    await writePlan(plan([MONTH, GOLD, ORE, GRADE, RECOVERY], rows));
    expect(d.tableFormats("ProductionData")[1]).toEqual(["mmm yyyy", "#,##0", "#,##0", "0.00", "0.0%"]);
    expect(d.tableValues("ProductionData")[1]).toEqual([42795, 9100, 31500.5, 7.86, 0.925]);
  });

  it("makes the sheet and table names unique when Production and ProductionData are taken", async () => {
    const d = useDouble({
      sheets: {
        Production: [
          ["Month", "Gold"],
          [42370, 1],
        ],
        "Production 2": [],
      },
      tables: [{ name: "ProductionData", sheet: "Production", address: "A1:B2" }],
    });
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS));
    expect(out.sheet).toBe("Production 3");
    expect(out.table).toBe("ProductionData2");
    expect(d.tableValues("ProductionData")).toEqual([
      ["Month", "Gold"],
      [42370, 1],
    ]); // untouched
    expect(d.tableValues("ProductionData2")).toHaveLength(5);
  });

  it("keeps text such as =cmd, +1, -2 and @SUM as text: the @ format is set before the values", async () => {
    const d = useDouble();
    const evil = ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)"];
    const rows = evil.map((mine, i) => [serialOf(2017, i + 1), mine, 100 + i]);
    await writePlan(plan([MONTH, MINE, GOLD], rows));

    expect(d.formulas()).toEqual([]);
    expect(
      d
        .tableValues("ProductionData")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(evil);
    expect(d.tableFormats("ProductionData").map((r) => r[1])).toEqual(["@", "@", "@", "@", "@"]);
    // In the recorded order the body's numberFormat comes before its values, in the same sync.
    const body = d.calls.filter((c) => c.target === "Production!A2:C5");
    expect(body.map((c) => c.op)).toEqual(["range.numberFormat", "range.values"]);
    expect(body[0].sync).toBe(body[1].sync);
  });

  it("the double itself turns such text into a formula when no @ format is set (so the test above can fail)", async () => {
    const d = useDouble({ sheets: { S: [] } });
    await d.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["=cmd"]];
      await ctx.sync();
    });
    expect(d.formulas()).toEqual(["=cmd"]);
  });

  it("writes a blank as an empty cell, never null (which would leave old content)", async () => {
    const d = useDouble();
    await writePlan(
      plan(
        [MONTH, GOLD],
        [
          [serialOf(2017, 1), null],
          [serialOf(2017, 2), 6736],
        ],
      ),
    );
    const sent = valuesCalls(d)[1].args as unknown[][]; // [0] is the header
    expect(sent[0]).toEqual([42736, ""]);
  });

  it("refuses a blocked plan and makes no call to Excel at all", async () => {
    const d = useDouble();
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS, true));
    expect(out.status).toBe("refused");
    expect(out.message).toMatch(/Nothing was written: fix the errors/);
    expect(d.calls).toEqual([]);
  });

  it("refuses a plan without rows", async () => {
    const d = useDouble();
    const out = await writePlan(plan([MONTH, GOLD], []));
    expect(out.status).toBe("refused");
    expect(d.tables).toEqual([]);
  });
});

describe("writePlan in chunks", () => {
  it("sends 12,000 rows as 5,000 + 5,000 + 2,000, one sync each, with calculation suspended per chunk", async () => {
    const d = useDouble();
    const progress: number[] = [];
    const out = await writePlan(plan([MONTH, MINE, GOLD], monthlyRows(12_000, "Chala")), {
      maxRows: 5_000,
      onProgress: (n, total) => progress.push(n / total),
    });
    expect(out.status).toBe("done");
    expect(valuesCalls(d).map((c) => (c.args as unknown[][]).length)).toEqual([1, 5000, 5000, 2000]); // header first
    const chunkSyncs = [
      ...new Set(
        valuesCalls(d)
          .slice(1)
          .map((c) => c.sync),
      ),
    ];
    expect(chunkSyncs).toHaveLength(3);
    for (const s of chunkSyncs) {
      expect(d.callsInSync(s).map((c) => c.op)).toContain("application.suspendApiCalculationUntilNextSync");
    }
    expect(progress).toEqual([0, 5000 / 12000, 10000 / 12000, 1]);
    expect(d.tableValues("ProductionData")).toHaveLength(12_001);
    expect(d.tables[0].rowCount).toBe(12_001);
  });

  it("keeps every request's values + formats within the byte budget", async () => {
    const d = useDouble();
    const maxBytes = 10_000;
    await writePlan(plan([MONTH, MINE, GOLD], monthlyRows(3_000, "Veta Dorada — Chala")), { maxBytes });
    const perSync = new Map<number, number>();
    for (const c of d.calls.filter((c) => c.op === "range.values" || c.op === "range.numberFormat")) {
      const bytes = new TextEncoder().encode(JSON.stringify(c.args)).length;
      perSync.set(c.sync, (perSync.get(c.sync) ?? 0) + bytes);
    }
    expect(perSync.size).toBeGreaterThan(10);
    for (const bytes of perSync.values()) expect(bytes).toBeLessThanOrEqual(maxBytes);
    expect(d.tableValues("ProductionData")).toHaveLength(3_001);
  });

  it("grows the table only over rows whose values are already written (resize is the last call of each chunk)", async () => {
    const d = useDouble();
    await writePlan(plan([MONTH, GOLD], monthlyRows(25)), { maxRows: 10 });
    const chunkSyncs = [...new Set(valuesCalls(d).map((c) => c.sync))];
    for (const s of chunkSyncs) {
      const ops = d.callsInSync(s).map((c) => c.op);
      const lastTableOp = Math.max(ops.lastIndexOf("tables.add"), ops.lastIndexOf("table.resize"));
      expect(lastTableOp).toBeGreaterThan(ops.lastIndexOf("range.values"));
    }
    expect(d.calls.filter((c) => c.op === "table.resize").map((c) => c.args)).toEqual(["range", "range"]);
    expect(d.tables[0].rowCount).toBe(26);
  });
});

describe("writePlan: cancel and failure", () => {
  it("Cancel after the second chunk stops further syncs and leaves whole rows only", async () => {
    const d = useDouble();
    const abort = new AbortController();
    const rows = [...monthlyRows(30, "Chala"), ...monthlyRows(30, "Veta")];
    const out = await writePlan(plan([MONTH, MINE, GOLD], rows), {
      maxRows: 20,
      signal: abort.signal,
      onProgress: (n) => n === 40 && abort.abort(),
    });
    expect(out.status).toBe("cancelled");
    expect(out.rowsWritten).toBe(40);
    expect(valuesCalls(d).filter((c) => (c.args as unknown[][]).length === 20)).toHaveLength(2);
    const table = d.tableValues("ProductionData");
    expect(table).toHaveLength(41);
    expect(table.every((r) => r.every((v) => v !== ""))).toBe(true);
    expect(d.cell("Production", "A42")).toBeUndefined(); // nothing below the table
    expect(out.spans).toEqual([
      { mine: "Chala", first: serialOf(2000, 1), last: serialOf(2002, 6), rows: 30 },
      { mine: "Veta", first: serialOf(2000, 1), last: serialOf(2000, 10), rows: 10 },
    ]);
    expect(out.message).toBe(
      "Import cancelled. 40 of 60 rows were written to table ProductionData on sheet Production: " +
        "Chala: Jan 2000 – Jun 2002 (30 rows); Veta: Jan 2000 – Oct 2000 (10 rows). The table holds whole rows only.",
    );
  });

  it("Cancel before the first chunk leaves the workbook as it was: no sheet, no table", async () => {
    const d = useDouble({ sheets: { Sheet1: [] } });
    const abort = new AbortController();
    abort.abort();
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS), { signal: abort.signal });
    expect(out.status).toBe("cancelled");
    expect(out.message).toBe("Import cancelled. Nothing was written.");
    expect(d.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(d.calls.filter((c) => c.op === "worksheets.add")).toEqual([]);
  });

  it("a failure while reading the workbook is said by its code, with nothing written and a Retry", async () => {
    const d = useDouble({ failSync: { sync: 1, code: "Conflict", message: "conflict" } });
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS));
    expect(out.status).toBe("failed");
    expect(out.message).toBe(
      "Excel was busy with another operation (another add-in, a recalculation or a co-author's change). " +
        "Wait a moment, then press Retry. Excel's code: Conflict. Nothing was written.",
    );
    expect([out.rowsWritten, out.failure?.code, out.retry]).toEqual([0, "Conflict", { kind: "new" }]);
    expect(valuesCalls(d)).toEqual([]);
  });

  it("Cancel pressed during a slow sync lets that chunk finish and sends nothing more", async () => {
    const d = useDouble({ syncDelayMs: 25 });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 60); // during the second or third sync
    const out = await writePlan(plan([MONTH, GOLD], monthlyRows(100)), { maxRows: 10, signal: abort.signal });
    expect(out.status).toBe("cancelled");
    const chunksSent = valuesCalls(d).length - 1; // minus the header
    expect(chunksSent).toBeGreaterThan(0);
    expect(chunksSent).toBeLessThan(10);
    expect(out.rowsWritten).toBe(chunksSent * 10);
    expect(d.tables[0].rowCount).toBe(1 + out.rowsWritten);
    const lastChunkSync = valuesCalls(d).at(-1)!.sync;
    expect(d.calls.filter((c) => c.op === "sync" && c.sync > lastChunkSync)).toHaveLength(1); // only the final recalculation
  });

  it("a sync that fails after the values landed reports the months before it and clears the stray rows", async () => {
    // Syncs: 1 read names, 2 the new sheet, 3..5 chunks. Chunk 3 (sync 5) fails after suspend, formats and values: before the resize.
    const d = useDouble({
      failSync: { sync: 5, afterOps: 3, code: "RequestPayloadSizeLimitExceeded", message: "payload too large" },
    });
    const out = await writePlan(plan([MONTH, GOLD], monthlyRows(25)), { maxRows: 10 });
    expect(out.status).toBe("failed");
    expect(out.rowsWritten).toBe(20);
    expect(out.message).toBe(
      "The request was too large for Excel (Excel on the web takes at most 5 MB at a time). Press Retry; if it " +
        "fails again, import the file in parts. Excel's code: RequestPayloadSizeLimitExceeded. " +
        "20 of 25 rows were written to table ProductionData on sheet Production: Jan 2000 – Aug 2001 (20 rows). " +
        "The table holds whole rows only; Retry adds the other 5 to it.",
    );
    expect(out.retry).toEqual({ kind: "append", table: "ProductionData" });
    expect(d.tables[0].rowCount).toBe(21);
    expect(d.cell("Production", "A22")?.value ?? "").toBe(""); // the failed chunk's values were cleared
    expect(d.syncCount).toBeGreaterThan(5);
    expect(valuesCalls(d)).toHaveLength(4); // header + 3 chunks; nothing after the failure
  });

  it("a failed first chunk on a new sheet leaves no sheet and says nothing was written", async () => {
    const d = useDouble({ sheets: { Sheet1: [] }, failSync: { sync: 3, afterOps: 4 } }); // 1 names, 2 sheet, 3 chunk
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS));
    expect(out.status).toBe("failed");
    expect(out.rowsWritten).toBe(0);
    expect(out.message).toMatch(
      /^Excel met an internal error\. .* Excel's code: GeneralException\. Nothing was written\.$/,
    );
    expect(out.retry).toEqual({ kind: "new" });
    expect(d.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("writePlan appending to an existing table", () => {
  const existing = (extra: Record<string, unknown> = {}): DoubleOptions => ({
    sheets: {
      Data: [
        ["", "Month", "Gold (oz)"],
        ["", serialOf(2016, 1), 4512],
        ["", serialOf(2016, 2), 5125],
      ],
    },
    tables: [{ name: "Gold", sheet: "Data", address: "B1:C3" }],
    ...extra,
  });

  it("writes only the new months below the table and grows it; months already there stay as they were", async () => {
    const d = useDouble(existing());
    const rows = [
      [serialOf(2016, 2), 9999],
      [serialOf(2017, 1), 5208],
      [serialOf(2017, 2), 6736],
    ];
    const out = await writePlan(plan([MONTH, GOLD], rows), {
      target: { kind: "append", table: "Gold" },
      planAppend: keepNewMonths,
    });
    expect(out.status).toBe("done");
    expect(out.rowsWritten).toBe(2);
    expect(d.tableValues("Gold")).toEqual([
      ["Month", "Gold (oz)"],
      [42370, 4512],
      [42401, 5125], // not 9999: an existing month is left alone
      [42736, 5208],
      [42767, 6736],
    ]);
    const written = d.calls
      .filter((c) => c.op === "range.values" || c.op === "range.numberFormat")
      .map((c) => c.target);
    expect(written).toEqual(["Data!B4:C5", "Data!B4:C5"]); // nothing outside the target
    expect(d.sheets.map((s) => s.name)).toEqual(["Data"]);
    expect(out.message).toBe("Wrote 2 rows to table Gold on sheet Data: Jan 2017 – Feb 2017 (2 rows).");
  });

  it("hands planAppend the table's header and rows", async () => {
    useDouble(existing());
    let seen: ExistingTable | undefined;
    await writePlan(plan([MONTH, GOLD], SEED_ROWS), {
      target: { kind: "append", table: "Gold" },
      planAppend: (p, e) => ((seen = e), keepNewMonths(p, e)),
    });
    expect(seen).toEqual({
      header: ["Month", "Gold (oz)"],
      rows: [
        [42370, 4512],
        [42401, 5125],
      ],
    });
  });

  it("asks before writing over other data below the table, and writes after the user agrees", async () => {
    const opts = existing();
    (opts.sheets!.Data as unknown[][]).push([], [], ["", "note: restated"]);
    const d = useDouble(opts);
    const p = plan(
      [MONTH, GOLD],
      [
        [serialOf(2017, 1), 5208],
        [serialOf(2017, 2), 6736],
        [serialOf(2017, 3), 7000],
      ],
    );
    const asked = await writePlan(p, { target: { kind: "append", table: "Gold" }, planAppend: keepNewMonths });
    expect(asked.status).toBe("occupied");
    expect(asked.address).toBe("Data!B6");
    expect(asked.message).toBe(
      "Cells Data!B6 below table Gold already hold data that is not part of the table. Write over them?",
    );
    expect(valuesCalls(d)).toEqual([]);

    const agreed = await writePlan(p, {
      target: { kind: "append", table: "Gold" },
      planAppend: keepNewMonths,
      overwrite: true,
    });
    expect(agreed.status).toBe("done");
    expect(d.tableValues("Gold").at(-1)).toEqual([serialOf(2017, 3), 7000]);
  });

  it("refuses a table with a Total Row, a missing table, and a column count that does not match", async () => {
    useDouble(existing({ tables: [{ name: "Gold", sheet: "Data", address: "B1:C3", showTotals: true }] }));
    const withTotals = await writePlan(plan([MONTH, GOLD], SEED_ROWS), {
      target: { kind: "append", table: "Gold" },
      planAppend: keepNewMonths,
    });
    expect(withTotals.status).toBe("refused");
    expect(withTotals.message).toMatch(/Total Row/);

    useDouble(existing());
    const missing = await writePlan(plan([MONTH, GOLD], SEED_ROWS), {
      target: { kind: "append", table: "Silver" },
      planAppend: keepNewMonths,
    });
    expect(missing.message).toBe('Nothing was written: the workbook has no table named "Silver".');

    const d = useDouble(existing());
    const wide = await writePlan(plan([MONTH, GOLD, ORE], [[serialOf(2017, 1), 5208, 100]]), {
      target: { kind: "append", table: "Gold" },
      planAppend: keepNewMonths,
    });
    expect(wide.message).toBe("Nothing was written: table Gold has 2 columns but the import has 3.");
    expect(valuesCalls(d)).toEqual([]);
  });

  it("says so when every month is already in the table", async () => {
    const d = useDouble(existing());
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS.slice(0, 2)), {
      target: { kind: "append", table: "Gold" },
      planAppend: keepNewMonths,
    });
    expect(out.status).toBe("done");
    expect(out.rowsWritten).toBe(0);
    expect(out.message).toBe("Gold already holds every month of the file; nothing was added.");
    expect(valuesCalls(d)).toEqual([]);
  });
});

/**
 * The pane's writes at the lowest ExcelApi the README claims and at the newest, against a double that
 * refuses every call above its version and answers Office.context.requirements for it.
 */
describe.each([LOWEST_EXCEL_API, NEWEST_EXCEL_API])("writePlan on Excel with ExcelApi %s", (excelApi) => {
  const canGrow = Number(excelApi.split(".")[1]) >= 13; // Table.resize is ExcelApi 1.13
  const at = (opts: DoubleOptions = {}) => {
    const d = useDouble({ ...opts, excelApi });
    (globalThis as any).Office = { context: { requirements: d.requirements } };
    return d;
  };
  const withGold = {
    sheets: {
      Data: [
        ["Month", "Gold (oz)"],
        [42370, 4512],
      ],
    },
    tables: [{ name: "Gold", sheet: "Data", address: "A1:B2" }],
  };

  it("writes a new table that fits one request, the same on every version", async () => {
    const d = at();
    expect((await writePlan(plan([MONTH, GOLD], SEED_ROWS))).status).toBe("done");
    expect(d.tableValues("ProductionData")).toEqual([["Month", "Gold (oz)"], ...SEED_ROWS]);
  });

  it("grows a table request by request where Table.resize exists, and refuses before writing anything elsewhere", async () => {
    const d = at();
    const big = await writePlan(plan([MONTH, GOLD], monthlyRows(30)), { maxRows: 10 });
    if (canGrow) {
      expect(big.status).toBe("done");
      expect(d.tables[0].rowCount).toBe(31);
    } else {
      expect(big.status).toBe("refused");
      expect(big.message).toBe(
        "Nothing was written: this version of Excel cannot grow a table (ExcelApi 1.13 is needed, as in Excel on the web and Microsoft 365); import at most 10 rows at a time.",
      );
      expect([d.sheets, valuesCalls(d)]).toEqual([[], []]);
    }
  });

  it("appends to an existing table where Table.resize exists, and refuses before writing anything elsewhere", async () => {
    const d = at(withGold);
    const append = await writePlan(plan([MONTH, GOLD], SEED_ROWS), {
      target: { kind: "append", table: "Gold" },
      planAppend: keepNewMonths,
    });
    expect(append.status).toBe(canGrow ? "done" : "refused");
    expect(d.tables[0].rowCount).toBe(canGrow ? 5 : 2);
    if (!canGrow) expect(valuesCalls(d)).toEqual([]);
  });
});

describe("new sheet and table names", () => {
  it("adds the first free number, ignoring case as Excel does", async () => {
    useDouble();
    expect((await writePlan(plan([MONTH, GOLD], SEED_ROWS))).sheet).toBe("Production");
    useDouble({
      sheets: { production: [["Month"], [42370]], "Production 2": [] },
      tables: [{ name: "PRODUCTIONDATA", sheet: "production", address: "A1:A2" }],
    });
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS));
    expect([out.sheet, out.table]).toEqual(["Production 3", "ProductionData2"]);
  });
});
