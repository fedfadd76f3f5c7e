/**
 * One policy for a write that stops part-way, whatever stops it — Cancel, an Excel error or a bug:
 * a new table keeps the whole rows written and the outcome says how many and which months; a change
 * to an existing table is all or nothing, put back from the copy kept of what it replaced.
 */
import { afterEach, describe, expect, it } from "vitest";
import { planAppend } from "../../src/taskpane/import/engine";
import { writePlan, type WriteOptions } from "../../src/taskpane/import/writer";
import { createExcelDouble, type DoubleOptions, type ExcelDouble } from "../support/excel-double";
import { GOLD, MINE, MONTH, monthlyRows, plan, serialOf } from "./writer-plans";

function useDouble(opts: DoubleOptions = {}): ExcelDouble {
  const d = createExcelDouble(opts);
  (globalThis as any).Excel = d.Excel;
  return d;
}
afterEach(() => {
  delete (globalThis as any).Excel;
});

/**
 * Everything the sheets hold, cell by cell, and the tables: to compare a workbook before and after.
 * A formula cell is its formula and format (the double does not calculate, so it has no value).
 */
const state = (d: ExcelDouble) => ({
  cells: d.sheets.map((s) => [
    s.name,
    [...s.cells.entries()].sort().map(([k, c]) => [k, c.formula ? { formula: c.formula, format: c.format } : c]),
  ]),
  tables: d.tables.map((t) => ({ ...t })),
});

/** 30 months of one mine, written 10 rows per request: three chunks. */
const THIRTY = plan([MONTH, GOLD], monthlyRows(30));
const TEN_A_TIME: WriteOptions = { maxRows: 10 };

describe("a new table keeps the whole rows written", () => {
  it("an Excel error part-way (the sheet protected) keeps 20 of 30 rows, says so, and Retry adds the other 10", async () => {
    const d = useDouble();
    const out = await writePlan(THIRTY, {
      ...TEN_A_TIME,
      onProgress: (n) => n === 20 && d.setProtected("Production", true),
    });
    expect(out.status).toBe("failed");
    expect(out.message).toBe(
      "Excel refused the change: the sheet is protected, or the workbook is open read-only. Unprotect the sheet " +
        "(Review > Unprotect Sheet) or save a copy you can edit, then press Retry. Excel's code: AccessDenied. " +
        "20 of 30 rows were written to table ProductionData on sheet Production: Jan 2000 – Aug 2001 (20 rows). " +
        "The table holds whole rows only; Retry adds the other 10 to it.",
    );
    expect([out.rowsWritten, out.failure?.code, out.retry]).toEqual([
      20,
      "AccessDenied",
      { kind: "append", table: "ProductionData" },
    ]);
    expect(d.tableValues("ProductionData")).toHaveLength(21);
    expect(d.cell("Production", "A22")).toBeUndefined();

    d.setProtected("Production", false);
    const retried = await writePlan(THIRTY, { ...TEN_A_TIME, target: out.retry, planAppend });
    expect(retried.message).toBe(
      "Wrote 10 rows to table ProductionData on sheet Production: Sep 2001 – Jun 2002 (10 rows).",
    );
    expect(d.tableValues("ProductionData").slice(1)).toEqual(monthlyRows(30)); // each month once, in order
  });

  it("a bug part-way is an internal error, with the whole rows written said and no Retry", async () => {
    const d = useDouble();
    const out = await writePlan(THIRTY, {
      ...TEN_A_TIME,
      onProgress: (n) => {
        if (n === 20) throw new TypeError("progress is undefined");
      },
    });
    expect(out.status).toBe("failed");
    expect(out.message).toBe(
      "The import stopped on an internal error (progress is undefined). 20 of 30 rows were written to table " +
        "ProductionData on sheet Production: Jan 2000 – Aug 2001 (20 rows). The table holds whole rows only.",
    );
    expect([out.failure?.internal, out.retry]).toEqual([true, undefined]);
    expect(d.tableValues("ProductionData")).toHaveLength(21);
  });

  it("an unknown Excel error still gets a sentence, with its code and Excel's message", async () => {
    const d = useDouble();
    const out = await writePlan(THIRTY, {
      ...TEN_A_TIME,
      onProgress: (n) => n === 10 && d.failNextSync({ code: "SomethingNew", message: "A new kind of failure." }),
    });
    expect(out.message).toMatch(
      /^Excel stopped with an error PROD does not know \(SomethingNew: A new kind of failure\.\)\. Press Retry; .* 10 of 30 rows were written/,
    );
  });
});

describe("a change to an existing table is all or nothing", () => {
  /** Table Gold (Jan, Feb 2016), and below it, cells of the user's that the append was allowed to write over. */
  const GOLD_TABLE: DoubleOptions = {
    sheets: {
      Data: [
        ["Month", "Gold (oz)"],
        [serialOf(2016, 1), 4512],
        [serialOf(2016, 2), 5125],
        ["", ""],
        ["note", 12.5],
      ],
    },
    tables: [{ name: "Gold", sheet: "Data", address: "A1:B3" }],
  };
  /** The user's cells below the table: a formula, a number under a format, a text kept as text. */
  function withUserCells(d: ExcelDouble) {
    const cells = d.sheets[0].cells;
    cells.set("3,0", { value: 9637, format: "#,##0", formula: "=SUM(B2:B3)" });
    cells.set("4,0", { value: "007", format: "@" });
    cells.set("4,1", { value: 12.5, format: "0.0%" });
    return d;
  }
  const THIRTY_MORE = plan(
    [MONTH, GOLD],
    monthlyRows(30).map(([, v], i) => [serialOf(2017 + Math.floor(i / 12), (i % 12) + 1), v]),
  );
  const append = (opts: WriteOptions = {}) =>
    writePlan(THIRTY_MORE, {
      ...TEN_A_TIME,
      target: { kind: "append", table: "Gold" },
      planAppend,
      overwrite: true,
      ...opts,
    });

  it("an Excel error after the first chunk puts the table and the cells it wrote over back, formulas as formulas", async () => {
    const d = withUserCells(useDouble(GOLD_TABLE));
    const before = state(d);
    const out = await append({ onProgress: (n) => n === 10 && d.failNextSync({ afterOps: 3, code: "Conflict" }) });
    expect(out.status).toBe("failed");
    expect(out.message).toBe(
      "Excel was busy with another operation (another add-in, a recalculation or a co-author's change). Wait a " +
        "moment, then press Retry. Excel's code: Conflict. Nothing was added: table Gold is as it was.",
    );
    expect([out.rowsWritten, out.spans, out.retry]).toEqual([0, [], { kind: "append", table: "Gold" }]);
    expect(state(d)).toEqual(before);
    expect(d.cell("Data", "A4")).toMatchObject({ format: "#,##0", formula: "=SUM(B2:B3)" });
    expect(d.calls.filter((c) => c.op === "range.values")).toHaveLength(2); // two chunks went in before the stop

    // Retry once Excel is free: all 30 rows.
    const retried = await append();
    expect(retried.status).toBe("done");
    expect(d.tableValues("Gold")).toHaveLength(33);
  });

  it("Cancel after the first chunk puts it back too", async () => {
    const d = withUserCells(useDouble(GOLD_TABLE));
    const before = state(d);
    const abort = new AbortController();
    const out = await append({ signal: abort.signal, onProgress: (n) => n === 10 && abort.abort() });
    expect(out.status).toBe("cancelled");
    expect(out.message).toBe("Import cancelled. Nothing was added: table Gold is as it was.");
    expect(out.rowsWritten).toBe(0);
    expect(state(d)).toEqual(before);
  });

  it("a bug after the first chunk puts it back and is said as an internal error", async () => {
    const d = withUserCells(useDouble(GOLD_TABLE));
    const before = state(d);
    const out = await append({
      onProgress: (n) => {
        if (n === 20) throw new RangeError("chunk 3 is out of range");
      },
    });
    expect(out.message).toBe(
      "The import stopped on an internal error (chunk 3 is out of range). Nothing was added: table Gold is as it was.",
    );
    expect([out.failure?.internal, out.retry]).toEqual([true, undefined]);
    expect(state(d)).toEqual(before);
  });

  it("a sheet protected from the start refuses the first chunk; the table, read back, is as it was", async () => {
    const d = useDouble({ ...GOLD_TABLE, protectedSheets: ["Data"] });
    const before = state(d);
    const out = await append();
    expect(out.message).toMatch(
      /^Excel refused the change: the sheet is protected.* Nothing was added: table Gold is as it was\.$/,
    );
    expect([out.rowsWritten, out.retry]).toEqual([0, { kind: "append", table: "Gold" }]);
    expect(state(d)).toEqual(before);
  });

  it("when Excel refuses to put it back too, the message names the cells that may hold part of the import", async () => {
    const d = useDouble(GOLD_TABLE);
    const out = await append({ onProgress: (n) => n === 10 && d.setProtected("Data", true) });
    expect(out.status).toBe("failed");
    expect(out.message).toMatch(/^Excel refused the change: the sheet is protected/);
    expect(out.message).toMatch(
      /Table Gold could not be put back as it was \(Excel's code: AccessDenied\): Data!A4:B33 may hold part of this import; check those cells before you go on\.$/,
    );
    expect(out.rowsWritten).toBe(10);
    expect(d.tableValues("Gold")).toHaveLength(13); // what the workbook does hold: the first chunk
  });

  it("a table with a mine column is put back whole when the second mine's rows fail", async () => {
    const d = useDouble({
      sheets: {
        S: [
          ["Mine", "Month", "Gold (oz)"],
          ["Chala", serialOf(2016, 12), 900],
        ],
      },
      tables: [{ name: "T", sheet: "S", address: "A1:C2" }],
    });
    const before = state(d);
    const rows = [...monthlyRows(10, "Chala"), ...monthlyRows(10, "Veta")].map(([m, mine, v]) => [mine, m, v]);
    const out = await writePlan(plan([MINE, MONTH, GOLD], rows), {
      maxRows: 10,
      target: { kind: "append", table: "T" },
      planAppend,
      onProgress: (n) => n === 10 && d.failNextSync({ afterOps: 4 }),
    });
    expect(out.message).toMatch(/Nothing was added: table T is as it was\.$/);
    expect(state(d)).toEqual(before);
  });
});
