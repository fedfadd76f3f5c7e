/**
 * Next month's release in the built pane (Chromium, strict double): an update shows each restated
 * figure before anything is written; the change is logged; Undo takes it back exactly after the pane
 * and the workbook were closed and reopened; Undo is refused, naming the cells, after an edit; and an
 * update cancelled half-way leaves the table as it was. Screenshots go to test-results/.
 *
 * Figures: Dynacor's 2017 monthly gold. The March 2017 release printed February as 6,736 oz; the April
 * release printed it 6,733 oz and added March, 5,184 oz (test/fixtures/releases/dynacor-2017-04-20.txt).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BASE_URL, RESULTS, usePane } from "./harness";
import type { DoubleOptions } from "../support/excel-double";

const openPaneOnce = usePane();

async function open(stub: DoubleOptions): Promise<Page> {
  const documentSettings = { "PROD.dateSystem": "1900", ...stub.documentSettings };
  const pane = await openPaneOnce({ stub: { ...stub, documentSettings } });
  const page = await pane.context.newPage();
  await page.goto(`${BASE_URL}taskpane.html`);
  await page.locator("#import").waitFor({ state: "visible" });
  return page;
}

const JAN_2017 = 42736;
const FEB_2017 = 42767;
const MAR_2017 = 42795;

/** The table as PROD wrote it from the March 2017 release, its column kinds stored under its id. */
const MARCH_TABLE: DoubleOptions = {
  sheets: {
    Production: [
      ["Month", "Gold (oz)"],
      [JAN_2017, 5208],
      [FEB_2017, 6736],
    ],
  },
  formats: {
    Production: [
      ["@", "@"],
      ["mmm yyyy", "#,##0"],
      ["mmm yyyy", "#,##0"],
    ],
  },
  tables: [{ name: "ProductionData", sheet: "Production", address: "A1:B3", id: "{7}" }],
  settings: {
    "PROD.columnKinds.{7}": JSON.stringify({ version: 1, kinds: ["month", "number"], names: ["Month", "Gold (oz)"] }),
  },
};

/** The April 2017 release: February restated, March added. */
const APRIL_FILE = `Month,Gold (oz)
Jan 2017,"5,208"
Feb 2017,"6,733"
Mar 2017,"5,184"
`;

const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

const double = (page: Page, f: string) => page.evaluate(`(() => { const d = window.__double; return ${f}; })()`);

/** Loads the April file and chooses to update ProductionData; returns once the difference is shown. */
async function showUpdate(page: Page): Promise<void> {
  await page.setInputFiles("#import-file", csv("dynacor-2017-04.csv", APRIL_FILE));
  await page.locator("#import-review").waitFor({ state: "visible" });
  await page.locator("#import-target-update").check();
  await expect
    .poll(() => page.locator("#import-table option").allTextContents(), { timeout: 15_000 })
    .toEqual(["ProductionData (sheet Production)"]);
  await expect
    .poll(() => page.locator("#import-update-summary").textContent(), { timeout: 15_000 })
    .toBe(
      "Updating ProductionData: 1 month added; 1 cell changed (1 restated); 1 cell unchanged; " +
        "0 months in the table but not in the file (kept).",
    );
}

const UPDATED_MESSAGE =
  "Updated table ProductionData: 1 cell changed (1 restated), 1 row added (Mar 2017 (1 row)). " +
  "Logged on sheet PROD import log.";

async function runUpdate(page: Page): Promise<void> {
  await page.locator("#import-run").click();
  await expect.poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 }).toBe(UPDATED_MESSAGE);
}

describe("next month's release: update, restatements, undo, the log", { timeout: 120_000 }, () => {
  it("shows the restated month before writing, writes only the changed cell and the new month, and logs both figures", async () => {
    const page = await open(MARCH_TABLE);
    await showUpdate(page);
    expect(await page.locator("#import-update-changes li").allTextContents()).toEqual([
      "Feb 2017, Gold (oz): 6,736 → 6,733 (restated)",
    ]);
    expect(await page.locator("#import-run").textContent()).toBe("Update");
    expect(await page.locator("#import-run").isEnabled()).toBe(true);
    // Nothing is written before the user confirms.
    expect(await double(page, `d.calls.filter((c) => c.op === "range.values").length`)).toBe(0);
    await page.screenshot({ path: join(RESULTS, "update-restated-before-writing.png"), fullPage: true });

    await runUpdate(page);
    expect(await double(page, `d.tableValues("ProductionData")`)).toEqual([
      ["Month", "Gold (oz)"],
      [JAN_2017, 5208],
      [FEB_2017, 6733],
      [MAR_2017, 5184],
    ]);
    // Only the restated cell was written in the table's body; the new month went below it.
    const written = (await double(
      page,
      `d.calls.filter((c) => c.op === "range.values" && c.target.startsWith("Production!")).map((c) => c.target)`,
    )) as string[];
    expect(written).toEqual(["Production!B3", "Production!A4:B4"]);
    // The log: one row for the update, one for the restated value with both figures.
    const log = (await double(
      page,
      `d.sheets.find((s) => s.name === "PROD import log") && [0, 1, 2].map((r) => [0, 1, 2, 3, 4, 5, 6, 7].map((c) => { const x = d.sheets.find((s) => s.name === "PROD import log").cells.get(r + "," + c); return x ? x.value : ""; }))`,
    )) as string[][];
    expect(log[0]).toEqual([
      "When (UTC)",
      "Action",
      "Table",
      "Source",
      "Layout",
      "Rows added",
      "Cells updated",
      "Detail",
    ]);
    expect(log[1].slice(1)).toEqual([
      "Update",
      "ProductionData",
      "dynacor-2017-04.csv",
      "long",
      "1",
      "1",
      "Added Mar 2017 (1 row)",
    ]);
    expect(log[1][0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(log[2].slice(1)).toEqual([
      "Restated",
      "ProductionData",
      "dynacor-2017-04.csv",
      "",
      "",
      "",
      "Feb 2017, Gold (oz): 6,736 → 6,733 (restated)",
    ]);
    // The user sees the log; the undo journal stays veryHidden.
    expect(await double(page, `d.visibleSheets()`)).toEqual(["Production", "PROD import log"]);
    expect(await double(page, `d.sheets.find((s) => s.name === "PROD undo").visibility`)).toBe("VeryHidden");
    await expect
      .poll(() => page.locator("#undo-last").textContent())
      .toBe("Last change: update of table ProductionData from dynacor-2017-04.csv.");
    await page.screenshot({ path: join(RESULTS, "update-done-logged.png"), fullPage: true });
  });

  it("Undo after the pane and the workbook were closed and reopened restores the exact cells and formats", async () => {
    let page = await open(MARCH_TABLE);
    const before = {
      values: await double(page, `d.tableValues("ProductionData")`),
      formats: await double(page, `d.tableFormats("ProductionData")`),
    };
    await showUpdate(page);
    await runUpdate(page);
    const saved = JSON.parse(JSON.stringify(await double(page, `d.saved()`))) as DoubleOptions;

    page = await open(saved); // a new pane on the workbook as the file keeps it
    await expect
      .poll(() => page.locator("#undo-last").textContent())
      .toBe("Last change: update of table ProductionData from dynacor-2017-04.csv.");
    await page.locator("#undo-run").click();
    await expect
      .poll(() => page.locator("#undo-result").textContent(), { timeout: 15_000 })
      .toBe("Undone: update of table ProductionData from dynacor-2017-04.csv.");
    expect(await double(page, `d.tableValues("ProductionData")`)).toEqual(before.values);
    expect(await double(page, `d.tableFormats("ProductionData")`)).toEqual(before.formats);
    // The row the update added is gone, cells and formats alike.
    expect(await double(page, `d.cell("Production", "A4") ?? null`)).toBeNull();
    expect(await double(page, `d.cell("Production", "B4") ?? null`)).toBeNull();
    await expect.poll(() => page.locator("#undo-last").textContent()).toBe("No change of PROD's to undo.");
    expect(await page.locator("#undo-run").isDisabled()).toBe(true);
    await page.screenshot({ path: join(RESULTS, "undo-after-reopen.png"), fullPage: true });
  });

  it("refuses Undo after the user edited a cell the update wrote, naming the cell, and changes nothing", async () => {
    const page = await open(MARCH_TABLE);
    await showUpdate(page);
    await runUpdate(page);
    // The user types 6,800 over February's restated figure.
    await double(
      page,
      `d.sheets.find((s) => s.name === "Production").cells.set("2,1", { value: 6800, format: "#,##0" })`,
    );
    await page.locator("#undo-run").click();
    await expect
      .poll(() => page.locator("#undo-result").textContent(), { timeout: 15_000 })
      .toBe(
        'Undo refused: cell Production!B3 changed since "update of table ProductionData from dynacor-2017-04.csv" wrote it. ' +
          "Undoing would lose those edits; nothing was changed. Put the cell back as the change left it, or edit the table by hand.",
      );
    expect(await double(page, `d.tableValues("ProductionData")`)).toEqual([
      ["Month", "Gold (oz)"],
      [JAN_2017, 5208],
      [FEB_2017, 6800],
      [MAR_2017, 5184],
    ]);
    await page.screenshot({ path: join(RESULTS, "undo-refused-edited.png"), fullPage: true });
  });

  it("an update cancelled half-way leaves the table as it was", async () => {
    const page = await open({ ...MARCH_TABLE, syncDelayMs: 1000 });
    await showUpdate(page);
    const before = await double(page, `d.tableValues("ProductionData")`);
    await page.locator("#import-run").click();
    // Cancel once the restated cell has gone in, before the new month is written.
    await expect
      .poll(() => double(page, `d.calls.some((c) => c.op === "range.values" && c.target === "Production!B3")`), {
        timeout: 15_000,
        interval: 50,
      })
      .toBe(true);
    await page.locator("#import-cancel").click();
    await expect
      .poll(() => page.locator("#import-result").textContent(), { timeout: 30_000 })
      .toBe("Update cancelled. Nothing was changed: table ProductionData is as it was.");
    expect(await double(page, `d.tableValues("ProductionData")`)).toEqual(before);
    // The restated cell had gone in (in the sync Cancel came during) and was put back from the copy.
    expect(
      await double(
        page,
        `d.calls.filter((c) => c.target === "Production!B3" && c.op !== "load").map((c) => c.op + " " + JSON.stringify(c.args))`,
      ),
    ).toEqual(["range.values [[6733]]", 'range.numberFormat [["#,##0"]]', "range.formulas [[6736]]"]);
    expect(await double(page, `d.tableFormats("ProductionData")[2]`)).toEqual(["mmm yyyy", "#,##0"]);
    expect(await double(page, `d.cell("Production", "A4") ?? null`)).toBeNull();
    await page.screenshot({ path: join(RESULTS, "update-cancelled.png"), fullPage: true });
  });

  it("on a table PROD did not create, asks for the month and metric columns before showing the update", async () => {
    const page = await open({ ...MARCH_TABLE, settings: {} });
    await page.setInputFiles("#import-file", csv("dynacor-2017-04.csv", APRIL_FILE));
    await page.locator("#import-review").waitFor({ state: "visible" });
    await page.locator("#import-target-update").check();
    await page.locator("#import-update-kinds").waitFor({ state: "visible" });
    expect(await page.locator("#import-blocked").textContent()).toBe(
      "Update is off until the questions above are answered.",
    );
    expect(await page.locator("#import-run").isDisabled()).toBe(true);
    await page.screenshot({ path: join(RESULTS, "update-asks-columns.png"), fullPage: true });
    await page.locator("#import-update-kinds-ok").click();
    await expect.poll(() => page.locator("#import-update-kinds").isHidden()).toBe(true);
    expect(await page.locator("#import-update-changes li").allTextContents()).toEqual([
      "Feb 2017, Gold (oz): 6,736 → 6,733 (restated)",
    ]);
    expect(await page.locator("#import-run").isEnabled()).toBe(true);
  });

  it("a metric named differently in the release: shown, and nothing is written until it is mapped to a table column", async () => {
    const page = await open(MARCH_TABLE);
    await page.setInputFiles(
      "#import-file",
      csv("dynacor-2017-04-renamed.csv", 'Month,Gold production (oz)\nFeb 2017,"6,733"\nMar 2017,"5,184"\n'),
    );
    await page.locator("#import-review").waitFor({ state: "visible" });
    await page.locator("#import-target-update").check();
    await page.locator("#import-update-map").waitFor({ state: "visible", timeout: 15_000 });
    expect(await page.locator("#import-update-difference-list li").allTextContents()).toEqual([
      'The table has no column for "Gold production (oz)": choose the table column each updates, or leave it out.',
    ]);
    expect(await page.locator("#import-run").isDisabled()).toBe(true);
    await page.screenshot({ path: join(RESULTS, "update-metric-to-map.png"), fullPage: true });
    await page.locator("#import-update-map-0").selectOption("Gold (oz)");
    await expect
      .poll(() => page.locator("#import-update-changes li").allTextContents())
      .toEqual(["Feb 2017, Gold (oz): 6,736 → 6,733 (restated)"]);
    expect(await page.locator("#import-update-differences").isHidden()).toBe(true);
    expect(await page.locator("#import-run").isEnabled()).toBe(true);
    expect(await double(page, `d.calls.filter((c) => c.op === "range.values").length`)).toBe(0);
    await page.locator("#import-run").click();
    await expect
      .poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 })
      .toBe(
        "Updated table ProductionData: 1 cell changed (1 restated), 1 row added (Mar 2017 (1 row)). Logged on sheet PROD import log.",
      );
  });
});
