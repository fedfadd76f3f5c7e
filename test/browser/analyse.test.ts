/**
 * The pane's sections and the Analyse actions in Chromium, against the strict double: a two-mine
 * table of real figures (Cochilco's copper output for Codelco and Escondida; sources and the answers
 * worked by hand in test/taskpane/writer-analysis.test.ts) imported through the pane, then each action
 * run twice, values only, the sections at 320 px, and an axe-core scan.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BASE_URL, RESULTS, ROOT, usePane } from "./harness";
import type { DoubleOptions } from "../support/excel-double";
import { COCHILCO } from "../taskpane/cochilco";

const openPaneOnce = usePane();

async function open(stub: DoubleOptions = {}): Promise<Page> {
  const pane = await openPaneOnce({ stub: { ...stub, documentSettings: { "PROD.dateSystem": "1900" } } });
  const page = await pane.context.newPage();
  await page.goto(`${BASE_URL}taskpane.html`);
  await page.locator("#analyse").waitFor({ state: "visible" });
  return page;
}

/** The pane with Cochilco's two-mine table imported through it, offered in Analyse. */
async function imported(): Promise<Page> {
  const page = await open();
  await page.setInputFiles("#import-file", {
    name: "cochilco-2019-2021.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(COCHILCO, "utf8"),
  });
  await page.locator("#import-review").waitFor({ state: "visible" });
  await page.locator("#import-run").click();
  await expect.poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 }).toMatch(/^Wrote 12 rows/);
  await expect.poll(() => page.locator("#analyse-metric").inputValue()).toBe("Copper (t)");
  expect(await page.locator("#analyse-table").inputValue()).toBe("ProductionData");
  expect(await page.locator("#analyse-mines").textContent()).toBe(
    "2 mines (Codelco, Escondida): each is its own series, and the chart draws one line each.",
  );
  return page;
}

const result = (page: Page) => page.locator("#analyse-result").textContent();
const double = <T>(page: Page, read: string): Promise<T> =>
  page.evaluate((code) => new Function("d", `return ${code}`)((window as any).__double), read);

async function press(page: Page, id: string, expected: RegExp | string): Promise<void> {
  await page.locator(`#${id}`).click();
  await expect.poll(() => result(page), { timeout: 15_000 }).toMatch(expected);
  await expect.poll(() => page.locator(`#${id}`).isDisabled()).toBe(false);
}

describe("Analyse in Chromium, on a two-mine table", { timeout: 120_000 }, () => {
  it("growth: one spilled formula beside the table, per mine; pressed twice, still one column", async () => {
    const page = await imported();
    await page.selectOption("#analyse-basis", "ytd");
    await press(
      page,
      "analyse-growth",
      /^Wrote the growth column for Copper \(t\) of ProductionData as formulas, at Production!E1\.$/,
    );
    await press(
      page,
      "analyse-growth",
      /^Replaced the growth column for Copper \(t\) of ProductionData as formulas, at Production!E1\.$/,
    );
    expect(
      await double(
        page,
        `[d.cell("Production", "E1").value, d.cell("Production", "E2").formula, d.cell("Production", "F1")]`,
      ),
    ).toEqual([
      "Copper (t) YoY (year to date)",
      '=PROD.YOY_GROWTH(ProductionData[Month],ProductionData[[Copper (t)]],ProductionData[Month],"ytd",,ProductionData[Mine])',
      undefined,
    ]);
    expect(Object.values(await double<Record<string, string>>(page, "d.names()"))).toEqual(["Production!E1:E13"]);
    await page.screenshot({ path: join(RESULTS, "analyse-growth-twice.png"), fullPage: true });
  });

  it("records: flags beside the table and one highlighting rule reading them; the calls for the rule on the double", async () => {
    const page = await imported();
    await press(page, "analyse-record", /^Wrote the record flags and their highlighting for Copper \(t\)/);
    await press(page, "analyse-record", /^Replaced the record flags and their highlighting/);
    const rules = await double<any[]>(page, "d.conditionalFormats");
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ address: "Production!A2:C13", formula: "=$E2=TRUE", fill: "#FFF4CE" });
    const calls = await double<[string, unknown][]>(
      page,
      `d.calls.filter((c) => c.op.startsWith("conditionalFormat")).map((c) => [c.op, c.args])`,
    );
    // Added twice, the first deleted before the second was added.
    expect(calls).toEqual([
      ["conditionalFormats.add", "Custom"],
      ["conditionalFormat.custom.rule.formula", "=$E2=TRUE"],
      ["conditionalFormat.custom.format.fill.color", "#FFF4CE"],
      ["conditionalFormat.delete", undefined],
      ["conditionalFormats.add", "Custom"],
      ["conditionalFormat.custom.rule.formula", "=$E2=TRUE"],
      ["conditionalFormat.custom.format.fill.color", "#FFF4CE"],
    ]);
    expect(await double(page, `d.cell("Production", "E2").formula`)).toBe(
      '=PROD.RECORD_MONTH(ProductionData[Month],ProductionData[[Copper (t)]],,"all",,ProductionData[Mine])',
    );
    await page.screenshot({ path: join(RESULTS, "analyse-records-twice.png"), fullPage: true });
  });

  it("chart: a helper range with a column per mine and a line chart with one series each; twice, one chart; Undo removes it", async () => {
    const page = await imported();
    await press(
      page,
      "analyse-chart",
      /^Wrote the chart for Copper \(t\) of ProductionData as formulas, at Production!E1\.$/,
    );
    await press(page, "analyse-chart", /^Replaced the chart/);
    const charts = await double<any[]>(page, "d.charts");
    expect(charts).toEqual([
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
    const ops = await double<string[]>(
      page,
      `d.calls.filter((c) => /^(charts?|series)\\./.test(c.op)).map((c) => c.op)`,
    );
    expect(ops.slice(ops.lastIndexOf("chart.delete") + 1)).toEqual([
      "charts.add",
      "chart.name",
      "chart.title.text",
      "series.name",
      "series.setXAxisValues",
      "series.add",
      "series.setValues",
      "series.setXAxisValues",
      "chart.setPosition",
    ]);
    await page.screenshot({ path: join(RESULTS, "analyse-chart-twice.png"), fullPage: true });

    // One journal: Import / update's Undo last change names the chart too.
    await expect
      .poll(() => page.locator("#undo-last").textContent())
      .toBe("Last change: chart for Copper (t) of ProductionData.");
    await page.locator("#analyse-undo").click();
    await expect.poll(() => result(page)).toBe("Undone: chart for Copper (t) of ProductionData.");
    // The re-run's cells go back to the first run's; the chart it drew is removed.
    expect(await double(page, "d.charts.length")).toBe(0);
    expect(await page.locator("#analyse-undo").isHidden()).toBe(true);
    await expect
      .poll(() => page.locator("#undo-last").textContent())
      .toBe("Last change: chart for Copper (t) of ProductionData.");
  });

  it("values only: numbers a colleague without PROD can read, and no formula anywhere", async () => {
    const page = await imported();
    await page.locator("#analyse-values").check();
    await press(
      page,
      "analyse-growth",
      /^Wrote the growth column for Copper \(t\) of ProductionData as values, at Production!E1\.$/,
    );
    await press(page, "analyse-record", /^Wrote the record flags .* as values, at Production!G1\.$/);
    const got = await double<unknown[]>(
      page,
      `[d.formulas(), d.cell("Production", "E7").value, d.cell("Production", "E13").value, d.cell("Production", "G5").value, d.cell("Production", "G12").value]`,
    );
    expect(got[0]).toEqual([]);
    expect(got[1]).toBeCloseTo(142000 / 118900 - 1, 10); // Codelco, Jan 2021: +19.4%
    expect(got[2]).toBeCloseTo(84700 / 100900 - 1, 10); // Escondida, Jan 2021: -16.1%
    expect(got.slice(3)).toEqual([true, true]); // Codelco Oct 2020, Escondida Dec 2020
    await page.screenshot({ path: join(RESULTS, "analyse-values-only.png"), fullPage: true });
  });

  it("says why the actions are off on a table PROD did not write", async () => {
    const page = await open({
      sheets: {
        Data: [
          ["Month", "Gold"],
          [42736, 5208],
        ],
      },
      tables: [{ name: "Handmade", sheet: "Data", address: "A1:B2" }],
    });
    await expect
      .poll(() => page.locator("#analyse-why").textContent())
      .toMatch(/^PROD does not know the columns of Handmade/);
    for (const id of ["analyse-growth", "analyse-record", "analyse-chart"])
      expect(await page.locator(`#${id}`).isDisabled()).toBe(true);
    expect(await page.locator("#analyse-growth").getAttribute("aria-describedby")).toBe("analyse-why");
  });
});

describe("the pane's sections at 320 px", { timeout: 120_000 }, () => {
  it("Import / update, Analyse, Check a release, Functions in that order; the first screen shows the import; nothing scrolls sideways", async () => {
    const page = await open();
    await page.setViewportSize({ width: 320, height: 600 });
    const headings = await page.locator("main h2").allTextContents();
    expect(headings).toEqual(["Import / update", "Analyse", "Check a release", "Functions"]);
    const file = await page.locator("#import-file").boundingBox();
    expect(file!.y + file!.height).toBeLessThanOrEqual(600);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.locator("#functions-details").getAttribute("open")).toBeNull();
    expect(await page.locator("#functions dl").isVisible()).toBe(false);
    await page.screenshot({ path: join(RESULTS, "sections-320-first-screen.png") });

    await page.locator("#functions summary").click();
    await expect.poll(() => page.locator("#functions dl").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const link = page.locator('a.doc-link[data-function="YOY_GROWTH"]');
    expect(await link.textContent()).toBe("PROD.YOY_GROWTH");
    await link.click();
    expect(await page.evaluate(() => (window as any).__opened)).toEqual([`${BASE_URL}docs/functions/YOY_GROWTH.md`]);
    expect(page.url()).toBe(`${BASE_URL}taskpane.html`); // the pane stays
    await page.screenshot({ path: join(RESULTS, "sections-320-functions-open.png"), fullPage: true });
  });

  it("has no serious or critical accessibility violations (axe-core), with the import reviewed and analyses offered", async () => {
    const page = await imported();
    await page.locator("#functions summary").click();
    await page.addScriptTag({ content: readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8") });
    const violations = await page.evaluate(async () => {
      const r = await (window as any).axe.run(document);
      return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target) }));
    });
    const grave = violations.filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical");
    expect(grave).toEqual([]);
    await page.screenshot({ path: join(RESULTS, "sections-320-axe.png"), fullPage: true });
  });
});
