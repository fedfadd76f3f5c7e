/**
 * The one-click analysis against the strict double, on a two-mine table of real figures: Cochilco's
 * monthly copper output for Codelco and Escondida (tonnes), as Reuters and others printed them
 * (http://ec2-54-156-51-66.compute-1.amazonaws.com/chiles-copper-output-trends-down-in-jan/: January
 * 2021 Codelco 142,000 t, +19.4% on 118,900 t; Escondida 84,700 t, -16.1% on 100,900 t).
 * Expected answers by hand: Codelco Jan 2021 142,000 / 118,900 - 1 = 0.19428; Escondida
 * 84,700 / 100,900 - 1 = -0.16055. Records against every earlier month of the same mine: Codelco's
 * Oct 2020 (159,900 > 155,200) and Escondida's Dec 2020 (104,900 > 103,200), no other.
 */
import { afterEach, describe, expect, it } from "vitest";
import "../functions/setup-custom-functions";
import { analyseImport } from "../../src/taskpane/import/engine";
import { writePlan } from "../../src/taskpane/import/writer";
import { runAnalysis } from "../../src/taskpane/import/writerAnalysis";
import { undoLastChange } from "../../src/taskpane/import/writerJournal";
import type { AnalysisChoice } from "../../src/taskpane/import/analysisPlan";
import { createExcelDouble, type DoubleOptions } from "../support/excel-double";
import { COCHILCO } from "./cochilco";

const today = new Date(Date.UTC(2021, 2, 1));
function useDouble(opts: DoubleOptions = {}) {
  const d = createExcelDouble(opts);
  (globalThis as any).Excel = d.Excel;
  return d;
}
afterEach(() => {
  delete (globalThis as any).Excel;
});

const choice = (over: Partial<AnalysisChoice> = {}): AnalysisChoice => ({
  metric: "Copper (t)",
  basis: "month",
  scope: "all",
  valuesOnly: false,
  ...over,
});

async function imported() {
  const d = useDouble();
  const out = await writePlan(analyseImport(COCHILCO, { today }).plan);
  expect(out.status).toBe("done");
  // Mine, Month, Copper (t) in A1:C13 of sheet Production.
  expect(d.tableValues("ProductionData")[0]).toEqual(["Mine", "Month", "Copper (t)"]);
  return d;
}

describe("analysis beside a two-mine table", () => {
  it("growth: one spilled formula per mine right of the table, formatted 0.0%; twice gives one column", async () => {
    const d = await imported();
    const first = await runAnalysis("ProductionData", "growth", choice());
    expect(first.message).toBe(
      "Wrote the growth column for Copper (t) of ProductionData as formulas, at Production!E1.",
    );
    expect(d.cell("Production", "E1")?.value).toBe("Copper (t) YoY (month)");
    expect(d.cell("Production", "E2")?.formula).toBe(
      '=PROD.YOY_GROWTH(ProductionData[Month],ProductionData[[Copper (t)]],ProductionData[Month],"month",,ProductionData[Mine])',
    );
    expect(d.cell("Production", "E13")?.format).toBe("0.0%");
    expect(d.names()).toEqual({ [first.added!.name]: "Production!E1:E13" });

    const again = await runAnalysis("ProductionData", "growth", choice({ basis: "ytd" }));
    expect(again.message).toMatch(/^Replaced the growth column .* at Production!E1\.$/);
    expect(d.cell("Production", "E1")?.value).toBe("Copper (t) YoY (year to date)");
    expect(d.cell("Production", "F1")).toBeUndefined();
    expect(Object.keys(d.names())).toHaveLength(1);
    expect(d.formulas().filter((f) => f.startsWith("=PROD.YOY_GROWTH"))).toHaveLength(1);
  });

  it("values only: the growth each mine's row gives, blank where there is no month a year earlier", async () => {
    const d = await imported();
    await runAnalysis("ProductionData", "growth", choice({ valuesOnly: true }));
    expect(d.formulas()).toEqual([]);
    const col = Array.from({ length: 12 }, (_, i) => d.cell("Production", `E${i + 2}`)?.value ?? "");
    // The import writes each mine's months together: Codelco Nov 2019 … Jan 2021, then Escondida.
    expect([...col.slice(0, 5), ...col.slice(6, 11)]).toEqual(Array(10).fill(""));
    expect(col[5]).toBeCloseTo(142000 / 118900 - 1, 10); // Codelco 0.1943
    expect(col[11]).toBeCloseTo(84700 / 100900 - 1, 10); // Escondida -0.1606
  });

  it("records: flags beside the table and one rule on the table reading them; twice gives one rule", async () => {
    const d = await imported();
    const out = await runAnalysis("ProductionData", "record", choice({ valuesOnly: true }));
    expect(out.status).toBe("done");
    const flags = Array.from({ length: 12 }, (_, i) => d.cell("Production", `E${i + 2}`)?.value);
    // Codelco Nov19, Jan20, May20, Oct20, Dec20, Jan21, then Escondida's same months.
    expect(flags).toEqual([false, false, false, true, false, false, false, false, false, false, true, false]);
    expect(d.conditionalFormats).toEqual([
      {
        id: out.added!.rule,
        sheet: "Production",
        address: "Production!A2:C13",
        type: "Custom",
        formula: "=$E2=TRUE",
        fill: "#FFF4CE",
      },
    ]);
    const ruleCalls = d.calls.filter((c) => c.op.startsWith("conditionalFormat")).map((c) => [c.op, c.args]);
    expect(ruleCalls).toEqual([
      ["conditionalFormats.add", "Custom"],
      ["conditionalFormat.custom.rule.formula", "=$E2=TRUE"],
      ["conditionalFormat.custom.format.fill.color", "#FFF4CE"],
    ]);
    await runAnalysis("ProductionData", "record", choice());
    expect(d.conditionalFormats).toHaveLength(1);
    expect(d.cell("Production", "E2")?.formula).toBe(
      '=PROD.RECORD_MONTH(ProductionData[Month],ProductionData[[Copper (t)]],,"all",,ProductionData[Mine])',
    );
  });

  it("chart: a helper range of one column per mine and a line chart with a series per mine; twice gives one", async () => {
    const d = await imported();
    const out = await runAnalysis("ProductionData", "chart", choice({ valuesOnly: true }));
    expect(out.status).toBe("done");
    expect(d.cell("Production", "E1")?.value).toBe("Month");
    expect(d.cell("Production", "F1")?.value).toBe("Codelco");
    expect(d.cell("Production", "G1")?.value).toBe("Escondida");
    expect(d.cell("Production", "F7")?.value).toBe(142000); // Jan 2021, the sixth month
    expect(d.cell("Production", "G3")?.value).toBe(100900); // Jan 2020
    expect(d.charts).toEqual([
      {
        name: "PROD Copper (t) ProductionData",
        sheet: "Production",
        type: "Line",
        title: "Copper (t) by month",
        series: [
          { name: "Codelco", values: "Production!F2:F7", xValues: "Production!E2:E7" },
          { name: "Escondida", values: "Production!G2:G7", xValues: "Production!E2:E7" },
        ],
        position: { start: "I1", end: "P16" },
      },
    ]);
    await runAnalysis("ProductionData", "chart", choice());
    expect(d.charts).toHaveLength(1);
    expect(d.cell("Production", "F2")?.formula).toBe(
      "=IF(COUNTIFS(ProductionData[Month],$E2,ProductionData[Mine],F$1)=0,NA(),SUMIFS(ProductionData[[Copper (t)]],ProductionData[Month],$E2,ProductionData[Mine],F$1))",
    );
  });

  it("is undone through the workbook's journal: the cells as they were, the rule and the chart gone", async () => {
    const d = await imported();
    await runAnalysis("ProductionData", "record", choice());
    await runAnalysis("ProductionData", "chart", choice());
    expect(d.charts).toHaveLength(1);
    const chartUndone = await undoLastChange();
    expect(chartUndone.message).toBe("Undone: chart for Copper (t) of ProductionData.");
    expect(d.charts).toEqual([]);
    expect(d.cell("Production", "G1")?.value ?? "").toBe("");
    expect(d.conditionalFormats).toHaveLength(1);
    const recordUndone = await undoLastChange();
    expect(recordUndone.message).toBe("Undone: record flags and their highlighting for Copper (t) of ProductionData.");
    expect(d.conditionalFormats).toEqual([]);
    expect(d.cell("Production", "E2")?.formula).toBeUndefined();
    expect(d.tableValues("ProductionData")).toHaveLength(13); // the import itself stays
  });

  it("refuses with the reason on a table PROD did not write, and says Excel's code in an Excel older than the calls it needs", async () => {
    useDouble({
      sheets: {
        S: [
          ["Month", "Value"],
          [43000, 1],
        ],
      },
      tables: [{ name: "Mine", sheet: "S", address: "A1:B2" }],
    });
    const out = await runAnalysis("Mine", "growth", choice({ metric: "Value" }));
    expect(out.status).toBe("refused");
    expect(out.message).toMatch(/^PROD does not know the columns of Mine/);

    // The import itself needs ExcelApi 1.13; the table it wrote, opened in an Excel of ExcelApi 1.5.
    const d = await imported();
    useDouble({ ...JSON.parse(JSON.stringify(d.saved())), excelApi: "1.5" });
    const low = await runAnalysis("ProductionData", "record", choice());
    expect(low.status).toBe("failed");
    expect(low.failure?.code).toBe("ApiNotFound");
  });
});
