/**
 * Update, undo and the log through the writer, on the strict double: an update is all or nothing on
 * an Excel error; each import is one step of Excel's own undo where Excel merges undo groups (ExcelApi
 * 1.20); Undo takes back a new table, an append and an update, also after the workbook was closed and
 * reopened with a journal larger than one cell; an Undo Excel refuses says so.
 */
import { afterEach, describe, expect, it } from "vitest";
import { analyseImport, planAppend, planUpdate } from "../../src/taskpane/import/engine";
import { writePlan, type WriteOptions } from "../../src/taskpane/import/writer";
import { lastChange, undoLastChange } from "../../src/taskpane/import/writerJournal";
import { createExcelDouble, type DoubleOptions } from "../support/excel-double";
import { GOLD, MONTH, monthlyRows, plan, serialOf } from "./writer-plans";

/** The undo journal's veryHidden sheet (writerJournal.ts). */
const JOURNAL_SHEET = "PROD undo";
const today = new Date(Date.UTC(2017, 5, 1));
function useDouble(opts: DoubleOptions = {}) {
  const d = createExcelDouble(opts);
  (globalThis as any).Excel = d.Excel;
  (globalThis as any).Office = { context: { requirements: d.requirements } };
  return d;
}
afterEach(() => {
  delete (globalThis as any).Excel;
  delete (globalThis as any).Office;
});
const reopen = (d: ReturnType<typeof createExcelDouble>) => useDouble(JSON.parse(JSON.stringify(d.saved())));

const MARCH = `Month,Gold (oz)
Jan 2017,"5,208"
Feb 2017,"6,736"
`;
const APRIL = `Month,Gold (oz)
Jan 2017,"5,208"
Feb 2017,"6,733"
Mar 2017,"5,184"
`;
const opts = (o: WriteOptions = {}): WriteOptions => ({
  planAppend,
  planUpdate,
  record: true,
  source: "april.csv",
  ...o,
});
const update = { kind: "update", table: "ProductionData" } as const;

describe("update through the writer", () => {
  it("writes the restated cell and the new month, and is one step of Excel's undo on ExcelApi 1.20", async () => {
    const d = useDouble({ excelApi: "1.20" });
    await writePlan(analyseImport(MARCH, { today }).plan, opts({ source: "march.csv" }));
    const steps = d.undoSteps;
    const out = await writePlan(analyseImport(APRIL, { today }).plan, opts({ target: update }));
    expect(out.message).toBe(
      "Updated table ProductionData: 1 cell changed (1 restated), 1 row added (Mar 2017 (1 row)). Logged on sheet PROD import log.",
    );
    expect(d.tableValues("ProductionData").slice(1)).toEqual([
      [serialOf(2017, 1), 5208],
      [serialOf(2017, 2), 6733],
      [serialOf(2017, 3), 5184],
    ]);
    // The update, its undo record and its log line: one Excel.run with mergeUndoGroup, one step of Ctrl+Z.
    expect(d.undoSteps - steps).toBe(1);
    expect(d.runs.filter((r) => r.mergeUndoGroup)).toHaveLength(2); // the first import and the update
  });

  it("below ExcelApi 1.20 it does not ask for merged undo, and Excel keeps a step per request", async () => {
    const d = useDouble({ excelApi: "1.19" });
    await writePlan(analyseImport(MARCH, { today }).plan, opts());
    const steps = d.undoSteps;
    await writePlan(analyseImport(APRIL, { today }).plan, opts({ target: update }));
    expect(d.runs.some((r) => r.mergeUndoGroup)).toBe(false);
    expect(d.undoSteps - steps).toBeGreaterThan(1);
  });

  it("an Excel error while the new month is written puts back the restated cell too: all or nothing", async () => {
    const d = useDouble();
    await writePlan(analyseImport(MARCH, { today }).plan, opts());
    const before = { values: d.tableValues("ProductionData"), formats: d.tableFormats("ProductionData") };
    const calls = d.calls.length;
    // The changed cell goes first (progress 1 of 1); when the new rows start (progress 0), fail their sync.
    const out = await writePlan(
      analyseImport(APRIL, { today }).plan,
      opts({ target: update, onProgress: (written) => written === 0 && d.failNextSync({ code: "GeneralException" }) }),
    );
    const wroteCell = d.calls.slice(calls).some((c) => c.op === "range.values" && c.target === "Production!B3");
    expect(wroteCell).toBe(true);
    expect(out.status).toBe("failed");
    expect(out.message).toMatch(/Nothing was changed: table ProductionData is as it was\.$/);
    expect(d.tableValues("ProductionData")).toEqual(before.values);
    expect(d.tableFormats("ProductionData")).toEqual(before.formats);
    expect(await lastChange()).toMatchObject({ what: "import of april.csv into new table ProductionData" });
  });
});

describe("update: differences are answered before anything is written", () => {
  it("a metric the table lacks, or unconfirmed other mines: refused with the difference, nothing written", async () => {
    const d = useDouble();
    await writePlan(analyseImport(MARCH, { today }).plan, opts());
    const calls = d.calls.length;
    const renamed = analyseImport(`Month,Gold production (koz)\nFeb 2017,6.733\n`, { today }).plan;
    const out = await writePlan(renamed, opts({ target: update }));
    expect(out.status).toBe("refused");
    expect(out.message).toBe(
      'Nothing was written to ProductionData: The table has no column for "Gold production (koz)": choose the table column each updates, or leave it out.',
    );
    expect(d.calls.slice(calls).some((c) => c.op.startsWith("range.") && c.op !== "load")).toBe(false);
    // Mapped and confirmed, it goes in as given (koz figures into an oz column: the pane said so).
    const mapped = await writePlan(
      renamed,
      opts({
        target: { ...update, choices: { metricMap: { "Gold production (koz)": "Gold (oz)" }, confirmed: true } },
      }),
    );
    expect(mapped.status).toBe("done");
    expect(d.cell("Production", "B3")?.value).toBe(6.733);
  });

  it("a table PROD did not create is refused until its columns are confirmed", async () => {
    useDouble({
      sheets: {
        Data: [
          ["Month", "Gold (oz)"],
          [serialOf(2017, 2), 6736],
        ],
      },
      tables: [{ name: "Gold", sheet: "Data", address: "A1:B2" }],
    });
    const april = analyseImport(APRIL, { today }).plan;
    const out = await writePlan(april, opts({ target: { kind: "update", table: "Gold" } }));
    expect(out.message).toBe(
      "Nothing was written to Gold: confirm which columns hold the month, the mine and the metrics first.",
    );
    const confirmed = await writePlan(
      april,
      opts({ target: { kind: "update", table: "Gold", choices: { kinds: ["month", "number"] } } }),
    );
    expect(confirmed.message).toMatch(/^Updated table Gold: 1 cell changed \(1 restated\), 2 rows added/);
  });
});

describe("Undo last change", () => {
  it("takes back a new table: its sheet, its stored column kinds; the log stays", async () => {
    const d = useDouble();
    await writePlan(analyseImport(MARCH, { today }).plan, opts({ source: "march.csv" }));
    expect(Object.keys(Object.fromEntries(d.settings))).toContain("PROD.columnKinds.{1}");
    const out = await undoLastChange();
    expect(out.message).toBe("Undone: import of march.csv into new table ProductionData.");
    expect(d.sheets.map((s) => s.name)).toEqual([JOURNAL_SHEET, "PROD import log"]);
    expect(d.settings.has("PROD.columnKinds.{1}")).toBe(false);
    // The log keeps the import and says it was undone.
    const log = d.sheets.find((s) => s.name === "PROD import log")!;
    expect([1, 2].map((r) => log.cells.get(`${r},1`)?.value)).toEqual(["New table", "Undo"]);
    expect(String(log.cells.get("2,7")?.value)).toMatch(
      /^Undid the import of march\.csv into new table ProductionData of \d{4}-/,
    );
    expect((await undoLastChange()).message).toBe("There is no change of PROD's to undo in this workbook.");
  });

  it("takes back an append: the table shrinks and the cells below are as they were, formats included", async () => {
    const d = useDouble();
    await writePlan(plan([MONTH, GOLD], [[serialOf(2017, 1), 5208]]), opts());
    const before = d.saved();
    await writePlan(
      plan([MONTH, GOLD], [[serialOf(2017, 2), 6736]]),
      opts({ target: { kind: "append", table: "ProductionData" } }),
    );
    expect(d.tableValues("ProductionData")).toHaveLength(3);
    expect((await undoLastChange()).status).toBe("done");
    expect(d.tableValues("ProductionData")).toHaveLength(2);
    expect(d.saved().sheets!.Production).toEqual(before.sheets!.Production);
    expect(d.saved().formats!.Production).toEqual(before.formats!.Production);
  });

  it("after the workbook was closed and reopened, with a record of many cells in many requests", async () => {
    let d = useDouble();
    // 24,000 months: the record's after-image is far larger than one cell (32,767 characters).
    await writePlan(plan([MONTH, GOLD], monthlyRows(24_000)), opts());
    const journal = d.sheets.find((s) => s.name === JOURNAL_SHEET)!;
    expect(journal.visibility).toBe("VeryHidden");
    expect(journal.cells.size).toBeGreaterThan(20);
    d = reopen(d);
    expect(await lastChange()).toMatchObject({ what: "import of april.csv into new table ProductionData" });
    const out = await undoLastChange();
    expect(out.status).toBe("done");
    expect(d.sheets.some((s) => s.name === "Production")).toBe(false);
    // Every request stayed under Excel on the web's 5 MB (the double refuses larger ones).
  });

  it("refuses, naming the cell, when a cell the change wrote was reformatted since", async () => {
    const d = useDouble();
    await writePlan(analyseImport(MARCH, { today }).plan, opts());
    await writePlan(analyseImport(APRIL, { today }).plan, opts({ target: update }));
    d.sheets.find((s) => s.name === "Production")!.cells.get("2,1")!.format = "0.0";
    const out = await undoLastChange();
    expect(out.status).toBe("refused");
    expect(out.edited).toEqual(["Production!B3"]);
    expect(d.cell("Production", "B3")?.value).toBe(6733);
  });

  it("when Excel refuses the undo (a protected sheet), says so by Excel's code", async () => {
    const d = useDouble();
    await writePlan(analyseImport(MARCH, { today }).plan, opts());
    await writePlan(analyseImport(APRIL, { today }).plan, opts({ target: update }));
    d.setProtected("Production", true);
    const out = await undoLastChange();
    expect(out.status).toBe("failed");
    expect(out.message).toMatch(/protected/i);
    expect(d.cell("Production", "B3")?.value).toBe(6733);
  });
});
