/**
 * Both date systems: a 1904 workbook gets its months as 1904 serials, and an append reads the
 * months already there back through the same system. Serials are computed here from the calendar
 * (days after 1 Jan 1904, or after 30 Dec 1899), not from the writer's 1,462-day offset.
 */
import { afterEach, describe, expect, it } from "vitest";
import { analyseImport, planAppend } from "../../src/taskpane/import/engine";
import { rowsFromWorkbook } from "../../src/taskpane/import/workbookDates";
import { readTableForAppend, writePlan } from "../../src/taskpane/import/writer";
import { createExcelDouble, type DoubleOptions } from "../support/excel-double";
import { GOLD, MONTH, SEED_ROWS, plan, serialOf } from "./writer-plans";

const DAY = 86_400_000;
/** 1904 system: 1 Jan 1904 is day 0. */
const serial1904 = (year: number, month: number) => (Date.UTC(year, month - 1, 1) - Date.UTC(1904, 0, 1)) / DAY;

function useDouble(opts: DoubleOptions = {}) {
  const d = createExcelDouble(opts);
  (globalThis as any).Excel = d.Excel;
  return d;
}
afterEach(() => {
  delete (globalThis as any).Excel;
});

describe("a new table in each date system", () => {
  it("1900: the seed's months as 1900 serials (Jan 2016 = 42370)", async () => {
    const d = useDouble();
    await writePlan(plan([MONTH, GOLD], SEED_ROWS), { dateSystem: "1900" });
    expect(d.tableValues("ProductionData").map((r) => r[0])).toEqual(["Month", 42370, 42401, 42736, 42767]);
  });

  it("1904: the same months as 1904 serials (Jan 2016 = 40908), ounces untouched, the result naming the right months", async () => {
    const d = useDouble();
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS), { dateSystem: "1904" });
    expect(serial1904(2016, 1)).toBe(40908);
    expect(d.tableValues("ProductionData")).toEqual([
      ["Month", "Gold (oz)"],
      [serial1904(2016, 1), 4512],
      [serial1904(2016, 2), 5125],
      [serial1904(2017, 1), 5208],
      [serial1904(2017, 2), 6736],
    ]);
    expect(out.message).toBe("Wrote 4 rows to table ProductionData on sheet Production: Jan 2016 – Feb 2017 (4 rows).");
  });
});

describe("an append reads the months already there in the workbook's system", () => {
  /** Dynacor's Jan/Feb 2017 in a table, formatted as months, as the workbook counts them. */
  const table = (jan: number, feb: number): DoubleOptions => ({
    sheets: {
      Data: [
        ["Month", "Gold (oz)"],
        [jan, 5208],
        [feb, 6736],
      ],
    },
    tables: [{ name: "Gold", sheet: "Data", address: "A1:B3" }],
  });
  const monthFormats = (d: ReturnType<typeof useDouble>) => {
    for (const key of ["1,0", "2,0"]) d.sheets[0].cells.get(key)!.format = "mmm yyyy";
  };
  /** A later export: February restated, March new. */
  const LATER = 'Month,Gold (oz)\nFeb 2017,"6,733"\nMar 2017,"7,012"\n';
  const later = () => analyseImport(LATER, { today: new Date(Date.UTC(2017, 5, 1)) }).plan;

  it.each([
    ["1900", serialOf(2017, 1), serialOf(2017, 2), serialOf(2017, 3)],
    ["1904", serial1904(2017, 1), serial1904(2017, 2), serial1904(2017, 3)],
  ] as const)(
    "%s: February is found already there and left; March goes in as the workbook counts",
    async (system, jan, feb, mar) => {
      const d = useDouble(table(jan, feb));
      monthFormats(d);
      const out = await writePlan(later(), {
        target: { kind: "append", table: "Gold" },
        planAppend,
        dateSystem: system,
      });
      expect(out.message).toBe("Wrote 1 row to table Gold on sheet Data: Mar 2017 (1 row).");
      expect(out.plan?.problems.find((p) => p.code === "already-present")?.message).toMatch(/Feb 2017/);
      expect(d.tableValues("Gold")).toEqual([
        ["Month", "Gold (oz)"],
        [jan, 5208],
        [feb, 6736],
        [mar, 7012],
      ]);
    },
  );

  it("a 1904 table read as if 1900 would miss February (why the setting matters)", async () => {
    const d = useDouble(table(serial1904(2017, 1), serial1904(2017, 2)));
    monthFormats(d);
    const out = await writePlan(later(), { target: { kind: "append", table: "Gold" }, planAppend, dateSystem: "1900" });
    expect(out.rowsWritten).toBe(2); // February written a second time
  });

  it("reads dates back as 1900 serials only where the cell is formatted as a date", async () => {
    const d = useDouble({
      sheets: {
        Data: [
          ["Month", "Gold (oz)", "Code"],
          [serial1904(2017, 1), 5208, 41274],
        ],
      },
      tables: [{ name: "Gold", sheet: "Data", address: "A1:C2" }],
    });
    d.sheets[0].cells.get("1,0")!.format = "mmm-yy";
    d.sheets[0].cells.get("1,1")!.format = "#,##0";
    const read = await readTableForAppend("Gold", { dateSystem: "1904" });
    expect(typeof read === "string" ? read : read.rows).toEqual([[serialOf(2017, 1), 5208, 41274]]);
  });
});

describe("a number read from a 1904 workbook is a date when its format shows a date", () => {
  /** 41305 (1 Feb 2017 in a 1904 workbook) read under the format: a 1900 serial when it is a date. */
  const isDateFormat = (format: string) => rowsFromWorkbook([[41305]], [[format]], "1904")[0][0] === serialOf(2017, 2);
  it.each([
    ["mmm yyyy", true],
    ["m/d/yyyy", true],
    ["[$-409]mmm-yy;@", true],
    ["dd.mm.yyyy", true],
    ["mmmm", true],
    ["General", false],
    ["#,##0", false],
    ["0.0%", false],
    ["@", false],
    ["h:mm", false],
    ['0 "days"', false],
    ['#,##0 "m"', false],
    ["[Red]#,##0.00", false],
  ])("%s: %s", (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });
});
