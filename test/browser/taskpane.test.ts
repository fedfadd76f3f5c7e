/**
 * The built task pane in a real browser (a Chromium found by test/support/browser.ts, driven by
 * playwright-core). office.js is a stub holding the recording Excel double, except in the last test,
 * which loads the real office.js from node_modules and expects the "must run inside Excel" message.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BASE_URL, RESULTS, ROOT, ensureBuilt, openPane, type Pane } from "./harness";
import { LOWEST_EXCEL_API, NEWEST_EXCEL_API, type DoubleOptions } from "../support/excel-double";

let dist = "";
let pane: Pane | undefined;

// Generous limits: the build and Chromium share the machine with the rest of the suite.
beforeAll(async () => {
  dist = await ensureBuilt();
  mkdirSync(RESULTS, { recursive: true });
}, 600_000);

let stubbed = false;

afterEach(async () => {
  const errors = pane?.errors ?? [];
  const unanswered = pane?.unanswered ?? [];
  await pane?.close();
  pane = undefined;
  if (stubbed) {
    // With the stub standing in for Office, the page must neither throw nor ask for anything we do not serve.
    expect(errors).toEqual([]);
    expect(unanswered).toEqual([]);
  }
  stubbed = false;
});

/** The pane on a workbook whose date system was settled (1900) unless the options say otherwise. */
async function open(stub: DoubleOptions = {}, readyDelayMs = 0): Promise<Page> {
  const documentSettings = { "PROD.dateSystem": "1900", ...stub.documentSettings };
  pane = await openPane(dist, { stub: { ...stub, documentSettings }, readyDelayMs });
  stubbed = true;
  const page = await pane.context.newPage();
  await page.goto(`${BASE_URL}taskpane.html`);
  await page.locator("#import").waitFor({ state: "visible" });
  return page;
}

const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

/** The seed's monthly figures (Dynacor, Veta Dorada) with two faults: a month that is not one, and "abc" for ounces. */
const WITH_ERRORS = `Month,Mine,Gold (oz),Recovery (%)
Jan 2016,Veta Dorada,"4,512",92.5
Feb 2016,Veta Dorada,"5,125",91.0
Jan 2017,Veta Dorada,"5,208",93.1
Febr 2017x,Veta Dorada,"6,736",92.0
Mar 2017,Veta Dorada,abc,90
`;

/**
 * A hand-kept sheet of gold deliveries (after the Fidelity Gold Refinery's, Zimbabwe): a title line, a
 * comment on line 6 that opens a quote and never closes it, and a total row under the months.
 */
const UNBALANCED_QUOTE = `Gold deliveries by producer (kg)
Month,Producer,Gold delivered (kg),Comment
Aug 2024,Large-scale,1027,
Aug 2024,Small-scale,2373,
Sep 2024,Large-scale,1009,
Sep 2024,Small-scale,2405,"first print, best month in years
Oct 2024,Large-scale,1024,
Oct 2024,Small-scale,3143,
Total,All producers,10981,three months
`;

/** The same months, clean: the release prints Feb 2017 as 6,736 oz. A second "mine" tries a formula. */
const CLEAN = `Month,Mine,Gold (oz),Recovery (%)
Jan 2016,Veta Dorada,"4,512",92.5
Feb 2016,Veta Dorada,"5,125",91.0
Jan 2017,Veta Dorada,"5,208",93.1
Feb 2017,Veta Dorada,"6,736",92.0
Feb 2017,=HYPERLINK("http://x"),1,50
`;

/** `mines` x `months` rows of a long file, months from Jan 2000. */
function bigFile(mines: number, months: number): string {
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const lines = ["Month,Mine,Gold (oz)"];
  for (let m = 0; m < mines; m++) {
    for (let i = 0; i < months; i++)
      lines.push(`${names[i % 12]} ${2000 + Math.floor(i / 12)},Mine ${String(m + 1).padStart(3, "0")},${1000 + i}`);
  }
  return lines.join("\n");
}

/** Records every value the progress bar takes (value, max), from now on. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const bar = document.getElementById("import-progress") as HTMLProgressElement;
    const seen: [number, number][] = [];
    (window as any).__seen = seen;
    new MutationObserver(() => {
      const last = seen.at(-1);
      if (!last || last[0] !== bar.value || last[1] !== bar.max) seen.push([bar.value, bar.max]);
    }).observe(bar, { attributes: true, attributeFilter: ["value", "max"] });
  });
}

const rising = (seen: [number, number][]) => {
  const values = seen.map(([v]) => v);
  return values.filter((v, i) => i === 0 || v > values[i - 1]).length;
};

describe("task pane in Chromium, with the recording double behind Excel.run", { timeout: 120_000 }, () => {
  it("shows the preview as it will be written and lists the errors; Import stays off until bad rows are skipped", async () => {
    const page = await open();
    await page.setInputFiles("#import-file", csv("dynacor-2016-2017.csv", WITH_ERRORS));
    await page.locator("#import-review").waitFor({ state: "visible" });

    const header = await page.locator("#import-preview th").allTextContents();
    expect(header).toEqual(["Mine", "Month", "Gold (oz)", "Recovery (%)"]);
    const firstRow = await page.locator("#import-preview tbody tr").first().locator("td").allTextContents();
    expect(firstRow).toEqual(["Veta Dorada", "Jan 2016", "4,512", "92.5%"]);

    const problems = await page.locator("#import-problems li.error").allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('Line 5, Month: "Febr 2017x"');
    expect(problems[1]).toContain('Line 6, Gold (oz): "abc"');
    await expect.poll(() => page.locator("#import-problem-summary").textContent()).toMatch(/^2 errors, /);
    expect(await page.locator("#import-run").isDisabled()).toBe(true);
    expect(await page.locator("#import-blocked").textContent()).toMatch(/error stands/);
    // At the task pane's 320 px the page itself never scrolls sideways (the preview scrolls in its box).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(RESULTS, "import-preview-errors.png"), fullPage: true });

    await page.locator("#import-skip").check();
    await expect.poll(() => page.locator("#import-run").isDisabled()).toBe(false);
    const rows = await page.locator("#import-preview tbody tr").count();
    expect(rows).toBe(3); // the two bad rows are left out of what will be written
    expect(pane!.unanswered).toEqual([]);
  });

  it("counts every line, names the line of a quote that never closes, and checks a left-out total against its months", async () => {
    const page = await open();
    await page.setInputFiles("#import-file", csv("fidelity-deliveries.csv", UNBALANCED_QUOTE));
    await page.locator("#import-review").waitFor({ state: "visible" });
    // Every line is read as data or named as left out, and the count adds up to the file's 9 lines.
    const lines = "9 lines: 1 title, 1 header, 6 read as data, 1 total left out";
    expect(await page.locator("#import-lines").textContent()).toBe(lines);
    expect(await page.locator("#import-source").textContent()).toBe(
      `fidelity-deliveries.csv: ${lines}. 6 rows to import.`,
    );
    // The quote on line 6 is read as a plain character: lines 7 to 9 stay rows of their own.
    const warnings = await page.locator("#import-problems li.warning").allTextContents();
    expect(warnings.find((w) => w.includes("Line 6") && w.includes("does not close"))).toMatch(
      /so lines 7 to 9 are read as rows/,
    );
    expect(await page.locator("#import-preview tbody tr").count()).toBe(6);
    // The total is left out, and its figure checks: 1,027 + 2,373 + 1,009 + 2,405 + 1,024 + 3,143 = 10,981.
    const notes = await page.locator("#import-problems li.info").allTextContents();
    const total = notes.find((n) => n.includes('Line 9: "Total" is a total'));
    expect(total).toMatch(/10981 = .*\(1,027 \+ 2,373 \+ 1,009 \+ 2,405 \+ 1,024 \+ 3,143\)/);
    expect(await page.locator("#import-run").isDisabled()).toBe(false);
    await page.screenshot({ path: join(RESULTS, "import-lines-quote-total.png"), fullPage: true });
  });

  it('reads a UTF-16 file (Excel\'s "Unicode text") dropped on the pane', async () => {
    const page = await open();
    const text = "Month\tGold (oz)\r\nJan 2017\t5,208\r\nFeb 2017\t6,736\r\n";
    const bytes = [0xff, 0xfe, ...[...Buffer.from(text, "utf16le")]];
    await page.evaluate((data) => {
      const file = new File([new Uint8Array(data)], "dynacor.txt", { type: "text/plain" });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      const drop = document.getElementById("import-drop")!;
      drop.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      drop.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await page.locator("#import-review").waitFor({ state: "visible" });
    expect(await page.locator("#import-source").textContent()).toBe(
      "dynacor.txt: 3 lines: 1 header, 2 read as data. 2 rows to import.",
    );
    expect(await page.locator("#import-preview tbody tr").nth(1).locator("td").allTextContents()).toEqual([
      "Feb 2017",
      "6,736",
    ]);
  });

  it("renders data as text, never as HTML", async () => {
    const page = await open();
    await page.fill("#import-paste", "Month\tMine\tGold (oz)\nJan 2017\t<img src=x onerror=window.__pwned=1>\t5208\n");
    await page.locator("#import-review").waitFor({ state: "visible" });
    await expect
      .poll(() => page.locator("#import-preview td").nth(0).textContent())
      .toBe("<img src=x onerror=window.__pwned=1>");
    expect(await page.locator("#import-preview img").count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  });

  it.each([LOWEST_EXCEL_API, NEWEST_EXCEL_API])(
    "imports on ExcelApi %s: the double receives a Production sheet and a ProductionData table with dates, formats and text kept as text",
    async (excelApi) => {
      const page = await open({ sheets: { Sheet1: [] }, excelApi });
      await page.setInputFiles("#import-file", csv("dynacor-2016-2017.csv", CLEAN));
      await page.locator("#import-review").waitFor({ state: "visible" });
      await page.locator("#import-run").click();
      await expect
        .poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 })
        .toMatch(/^Wrote 5 rows/);

      const got = await page.evaluate(() => {
        const d = (window as any).__double;
        return {
          values: d.tableValues("ProductionData"),
          formats: d.tableFormats("ProductionData"),
          formulas: d.formulas(),
          sheets: d.visibleSheets(),
        };
      });
      // The import and its log line (the undo record is on a veryHidden sheet).
      expect(got.sheets).toEqual(["Sheet1", "Production", "PROD import log"]);
      // The plan sorts by mine then month: "=HYPERLINK…" sorts before "Veta Dorada".
      expect(got.values).toEqual([
        ["Mine", "Month", "Gold (oz)", "Recovery (%)"],
        ['=HYPERLINK("http://x")', 42767, 1, 0.5],
        ["Veta Dorada", 42370, 4512, 0.925],
        ["Veta Dorada", 42401, 5125, 0.91],
        ["Veta Dorada", 42736, 5208, 0.931],
        ["Veta Dorada", 42767, 6736, 0.92],
      ]);
      expect(got.formats[1]).toEqual(["@", "mmm yyyy", "#,##0", "0.0%"]);
      expect(got.formulas).toEqual([]);
      const result = await page.locator("#import-result").textContent();
      expect(result).toContain("Veta Dorada: Jan 2016 – Feb 2017 (4 rows)");
      await page.screenshot({ path: join(RESULTS, `import-done-${excelApi}.png`), fullPage: true });
    },
  );

  it(`on ExcelApi ${LOWEST_EXCEL_API}, a file of more than one request is refused before anything is written`, async () => {
    const page = await open({ sheets: { Sheet1: [] }, excelApi: LOWEST_EXCEL_API });
    await page.setInputFiles("#import-file", csv("mines.csv", bigFile(2, 3000))); // 6,000 rows: two requests
    await page.locator("#import-review").waitFor({ state: "visible" });
    await page.locator("#import-run").click();
    await expect
      .poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 })
      .toContain("this version of Excel cannot grow a table (ExcelApi 1.13 is needed");
    const sheets = await page.evaluate(() => (window as any).__double.sheets.map((s: any) => s.name));
    expect(sheets).toEqual(["Sheet1"]);
  });

  it("shows the progress bar rising through the chunks, and Cancel stops the syncs with whole rows written", async () => {
    const page = await open({ syncDelayMs: 400 });
    await page.setInputFiles("#import-file", csv("mines.csv", bigFile(250, 120))); // 30,000 rows: 6 chunks
    await page.locator("#import-review").waitFor({ state: "visible", timeout: 20_000 });
    await watchProgress(page);
    await page.locator("#import-run").click();
    await page.waitForFunction(
      () => {
        const values = ((window as any).__seen as [number, number][]).map(([v]) => v);
        return values.filter((v, i) => i === 0 || v > values[i - 1]).length >= 3;
      },
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.locator("#import-progress").isVisible()).toBe(true);
    await page.locator("#import-cancel").click();
    await expect
      .poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 })
      .toMatch(/^Import cancelled\. /);
    // The rows kept can be undone (the pane reads the undo record once the write is over).
    await expect
      .poll(() => page.locator("#undo-last").textContent())
      .toBe("Last change: import of mines.csv into new table ProductionData.");

    const seen = await page.evaluate(() => (window as any).__seen as [number, number][]);
    expect(rising(seen)).toBeGreaterThanOrEqual(3);
    const syncsAfterCancel = await page.evaluate(() => (window as any).__double.syncCount);
    await page.waitForTimeout(1_500);
    const state = await page.evaluate(() => {
      const d = (window as any).__double;
      const values = d.tableValues("ProductionData") as unknown[][];
      return {
        syncs: d.syncCount,
        rows: values.length - 1,
        blanks: values.filter((r) => r.some((v) => v === "")).length,
        chunks: d.calls.filter((c: any) => c.op === "range.values" && c.target.startsWith("Production!")).length - 1,
      };
    });
    expect(state.syncs).toBe(syncsAfterCancel);
    expect(state.chunks).toBeLessThan(6);
    expect(state.rows).toBe(state.chunks * 5_000);
    expect(state.blanks).toBe(0);
    const result = await page.locator("#import-result").textContent();
    expect(result).toContain(`${state.rows.toLocaleString("en-US")} of 30,000 rows were written`);
    expect(result).toMatch(/Mine 001: Jan 2000 – Dec 2009 \(120 rows\)/);
  });

  it("imports a 100,000-row file in chunks under 4 MB each, with a visible progress bar", async () => {
    const page = await open({ syncDelayMs: 20 });
    await page.setInputFiles("#import-file", csv("mines-100k.csv", bigFile(500, 200)));
    await page.locator("#import-review").waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.locator("#import-source").textContent()).toContain("100,000 rows to import");
    await watchProgress(page);
    await page.locator("#import-run").click();
    await page.waitForFunction(() => ((window as any).__seen as unknown[]).length >= 2, undefined, { timeout: 20_000 });
    expect(await page.locator("#import-progress").isVisible()).toBe(true);
    await expect
      .poll(() => page.locator("#import-result").textContent(), { timeout: 60_000 })
      .toMatch(/^Wrote 100,000 rows/);

    const state = await page.evaluate(() => {
      const d = (window as any).__double;
      const perSync = new Map<number, number>();
      for (const c of d.calls) {
        if (c.op !== "range.values" && c.op !== "range.numberFormat") continue;
        if (!c.target.startsWith("Production!")) continue; // the undo record and the log are written apart
        perSync.set(c.sync, (perSync.get(c.sync) ?? 0) + new TextEncoder().encode(JSON.stringify(c.args)).length);
      }
      const table = d.tables.find((t: any) => t.name === "ProductionData");
      return {
        rows: table.rowCount - 1,
        requests: [...perSync.values()],
        last: d.tableValues("ProductionData").at(-1),
      };
    });
    expect(state.rows).toBe(100_000);
    expect(state.requests.length).toBe(20);
    for (const bytes of state.requests) expect(bytes).toBeLessThan(4_000_000);
    expect(state.last).toEqual(["Mine 500", 42583, 1199]); // Aug 2016 = month 200 from Jan 2000
    const seen = await page.evaluate(() => (window as any).__seen as [number, number][]);
    expect(rising(seen)).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toEqual([100_000, 100_000]);
  });

  it("asks for a column mapping when no layout fits, and applies a mapping chosen by hand", async () => {
    const page = await open();
    await page.fill("#import-paste", "a\tb\tc\n2017\t1\t5,208\n2017\t2\t6,736\n");
    await page.locator("#import-mapping").waitFor({ state: "visible" });
    expect(await page.locator("#import-reason").textContent()).toMatch(
      /^No layout fits: .*Map the columns by hand below\.$/,
    );
    expect(await page.locator("#import-run").isDisabled()).toBe(true);

    // A file that is detected can still be mapped by hand: keep gold, leave ore out.
    await page.fill("#import-paste", "Month\tGold (oz)\tOre (t)\nJan 2017\t5,208\t31,000\nFeb 2017\t6,736\t32,500\n");
    await expect
      .poll(() => page.locator("#import-preview th").allTextContents())
      .toEqual(["Month", "Gold (oz)", "Ore (t)"]);
    expect(await page.locator("#import-mapping").isHidden()).toBe(true);
    await page.selectOption("#import-layout", "manual");
    await page.locator("#import-mapping").waitFor({ state: "visible" });
    expect(await page.locator("#map-month").inputValue()).toBe("0");
    await page.locator("#map-metric-2").uncheck();
    await page.locator("#map-apply").click();
    await expect.poll(() => page.locator("#import-preview th").allTextContents()).toEqual(["Month", "Gold (oz)"]);
    expect(await page.locator("#import-preview tbody tr").last().locator("td").allTextContents()).toEqual([
      "Feb 2017",
      "6,736",
    ]);
    expect(await page.locator("#import-run").isDisabled()).toBe(false);
  });

  it("appends new months to a table chosen in the pane, asking before writing over other cells", async () => {
    const page = await open({
      sheets: { Data: [["Month", "Gold (oz)"], [42370, 4512], [42401, 5125], [], ["see note"]] },
      tables: [{ name: "Gold", sheet: "Data", address: "A1:B3" }],
    });
    await page.setInputFiles("#import-file", join(ROOT, "examples/dynacor-monthly.csv"));
    await page.locator("#import-review").waitFor({ state: "visible" });
    await page.locator("#import-target-append").check();
    await expect.poll(() => page.locator("#import-table option").allTextContents()).toEqual(["Gold (sheet Data)"]);
    // Before anything is written, the preview narrows to the months the table lacks.
    await expect.poll(() => page.locator("#import-append-note").textContent()).toBe("Adding to Gold: 2 new rows.");
    expect(await page.locator("#import-preview tbody tr td:first-child").allTextContents()).toEqual([
      "Jan 2017",
      "Feb 2017",
    ]);
    expect(await page.locator("#import-problems").textContent()).toContain("2 months are already in the table");
    await page.locator("#import-target-new").check();
    await expect.poll(() => page.locator("#import-preview tbody tr").count()).toBe(4);
    expect(await page.locator("#import-append-note").textContent()).toBe("");
    await page.locator("#import-target-append").check();
    await expect.poll(() => page.locator("#import-append-note").textContent()).toBe("Adding to Gold: 2 new rows.");
    await page.locator("#import-run").click();
    await page.locator("#import-confirm").waitFor({ state: "visible" });
    expect(await page.locator("#import-confirm-text").textContent()).toBe(
      "Cells Data!A5 below table Gold already hold data that is not part of the table. Write over them?",
    );
    expect(await page.evaluate(() => (window as any).__double.calls.some((c: any) => c.op === "range.values"))).toBe(
      false,
    );
    await page.locator("#import-confirm-yes").click();
    await expect
      .poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 })
      .toMatch(
        /^Wrote 2 rows to table Gold on sheet Data: Jan 2017 – Feb 2017 \(2 rows\)\. Logged on sheet PROD import log\. 2 months are already in the table/,
      );
    expect(await page.evaluate(() => (window as any).__double.tableValues("Gold"))).toEqual([
      ["Month", "Gold (oz)"],
      [42370, 4512],
      [42401, 5125],
      [42736, 5208],
      [42767, 6736],
    ]);
    await expect
      .poll(() => page.locator("#import-append-note").textContent())
      .toBe("Adding to Gold: no new rows: it already holds every month of the file.");
  });

  it("is usable with the keyboard: Tab reaches the controls in order and Enter on Import writes", async () => {
    const page = await open();
    await page.setInputFiles("#import-file", join(ROOT, "examples/dynacor-wide.txt")); // the README's example
    await expect.poll(() => page.locator("#import-layout").inputValue()).toBe("auto");
    expect(await page.locator("#import-layout option:checked").textContent()).toBe(
      "Automatic (found: Months as rows, years as columns)",
    );
    await page.locator("#import-review").waitFor({ state: "visible" });
    await page.locator("#import-layout").focus();
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ""));
    }
    const at = (id: string) => order.indexOf(id);
    expect(at("import-decimal")).toBeGreaterThanOrEqual(0);
    expect(at("import-skip")).toBeGreaterThan(at("import-decimal"));
    expect(at("import-target-new")).toBeGreaterThan(at("import-skip"));
    expect(at("import-run")).toBeGreaterThan(at("import-target-new"));
    await page.locator("#import-run").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 }).toMatch(/^Wrote 4 rows/);
    expect(await page.evaluate(() => (window as any).__double.tableValues("ProductionData").length)).toBe(5);
    expect(await page.locator("#import-problems").textContent()).toContain("Jan-Feb total");
    // The README's picture (docs/images/import.png) is copied from this one by hand when the pane
    // changes: a test run never writes into the source tree.
    await page.locator("#import").screenshot({ path: join(RESULTS, "import-section.png") });
  });
});

describe("the pane in real Excel's conditions, with the strict double", { timeout: 120_000 }, () => {
  const WAITING = "Waiting until you finish editing a cell: press Enter or Esc in Excel, and the import goes on.";

  it("while the user edits a cell, the write waits and the pane says so; the message goes when the edit ends", async () => {
    const page = await open({ sheets: { Sheet1: [] }, cellEditing: true });
    await page.setInputFiles("#import-file", csv("dynacor-2016-2017.csv", CLEAN));
    await page.locator("#import-review").waitFor({ state: "visible" });
    await page.locator("#import-run").click();
    await expect.poll(() => page.locator("#import-progress-text").textContent()).toBe(WAITING);
    expect(await page.locator("#import-cancel").isEnabled()).toBe(true);
    const written = () => page.evaluate(() => (window as any).__double.calls.some((c: any) => c.op === "range.values"));
    expect(await written()).toBe(false);
    await page.screenshot({ path: join(RESULTS, "import-waiting-for-cell-edit.png"), fullPage: true });

    await page.evaluate(() => (window as any).__double.setCellEditing(false));
    await expect.poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 }).toMatch(/^Wrote 5 rows/);
    expect(await page.locator("#import-progress-text").textContent()).not.toContain("Waiting");
    expect(await written()).toBe(true);
  });

  it("an Excel error is said by its code with what to do, and Retry writes once the user has done it", async () => {
    const page = await open({
      sheets: {
        Data: [
          ["Month", "Gold (oz)"],
          [42370, 4512],
          [42401, 5125],
        ],
      },
      tables: [{ name: "Gold", sheet: "Data", address: "A1:B3" }],
      protectedSheets: ["Data"],
    });
    await page.setInputFiles("#import-file", join(ROOT, "examples/dynacor-monthly.csv"));
    await page.locator("#import-review").waitFor({ state: "visible" });
    await page.locator("#import-target-append").check();
    await expect.poll(() => page.locator("#import-append-note").textContent()).toBe("Adding to Gold: 2 new rows.");
    expect(await page.locator("#import-retry").isHidden()).toBe(true);
    await page.locator("#import-run").click();
    await expect
      .poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 })
      .toMatch(
        /^Excel refused the change: the sheet is protected, or the workbook is open read-only\. Unprotect the sheet/,
      );
    const result = await page.locator("#import-result").textContent();
    expect(result).toContain("Excel's code: AccessDenied. Nothing was added: table Gold is as it was.");
    expect(await page.locator("#import-retry").isVisible()).toBe(true);
    await page.screenshot({ path: join(RESULTS, "import-excel-error-retry.png"), fullPage: true });

    await page.evaluate(() => (window as any).__double.setProtected("Data", false));
    await page.locator("#import-retry").click();
    await expect
      .poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 })
      .toMatch(/^Wrote 2 rows to table Gold on sheet Data: Jan 2017 – Feb 2017 \(2 rows\)\./);
    expect(await page.locator("#import-retry").isHidden()).toBe(true);
    expect(await page.evaluate(() => (window as any).__double.tableValues("Gold").length)).toBe(5);
  });

  it("asks for the date system on first use, keeps the answer with the workbook, and writes and calculates in it", async () => {
    const page = await open({ sheets: { Sheet1: [] }, documentSettings: { "PROD.dateSystem": undefined } });
    await page.setInputFiles("#import-file", join(ROOT, "examples/dynacor-monthly.csv"));
    await page.locator("#import-review").waitFor({ state: "visible" });
    expect(await page.locator("#dates-ask").isVisible()).toBe(true);
    expect(await page.locator("#dates-1904").isVisible()).toBe(false);
    expect(await page.locator("#import-run").isDisabled()).toBe(true);
    expect(await page.locator("#import-blocked").textContent()).toBe(
      "Import is off until you say which date system this workbook uses (at the top of the pane).",
    );
    await page.screenshot({ path: join(RESULTS, "dates-first-use.png"), fullPage: true });

    await page.locator("#dates-use-1904").click();
    await expect.poll(() => page.locator("#dates-ask").isHidden()).toBe(true);
    expect(await page.locator("#dates-1904").isChecked()).toBe(true);
    await expect
      .poll(() => page.locator("#dates-note").textContent())
      .toBe(
        "PROD reads and writes this workbook's dates in the 1904 date system. The PROD formulas were recalculated.",
      );
    const kept = await page.evaluate(() => {
      const d = (window as any).__double;
      return {
        saved: d.saved().documentSettings,
        recalculated: d.calls.some((c: any) => c.op === "application.calculate" && c.args === "Full"),
      };
    });
    expect(kept).toEqual({ saved: { "PROD.dateSystem": "1904" }, recalculated: true });

    // The functions, in the same runtime, count from 1904 too: Feb 2017's record was Feb 2016 (1904 serial 40939).
    const previous = await page.evaluate(() =>
      (window as any).__functions.RECORD_MONTH(
        [[40908], [40939], [41274], [41305]],
        [[4512], [5125], [5208], [6736]],
        [["Feb 2017"]],
        null,
        "previous_period",
      ),
    );
    expect(previous).toEqual([[40939]]);

    await page.locator("#import-run").click();
    await expect.poll(() => page.locator("#import-result").textContent(), { timeout: 15_000 }).toMatch(/^Wrote 4 rows/);
    const months = await page.evaluate(() =>
      (window as any).__double.tableValues("ProductionData").map((r: unknown[]) => r[0]),
    );
    expect(months).toEqual(["Month", 40908, 40939, 41274, 41305]); // Jan, Feb 2016 and 2017 counted from 1904

    await page.locator("#dates-1904").uncheck();
    await expect
      .poll(() => page.evaluate(() => (window as any).__double.saved().documentSettings))
      .toEqual({
        "PROD.dateSystem": "1900",
      });
  });

  it("waits for Office past ten seconds, saying so, and shows the import when Office is ready", async () => {
    pane = await openPane(dist, { stub: { documentSettings: { "PROD.dateSystem": "1900" } }, readyDelayMs: 11_000 });
    stubbed = true;
    const page = await pane.context.newPage();
    await page.goto(`${BASE_URL}taskpane.html`);
    await expect.poll(() => page.locator("#status").textContent()).toBe("Waiting for Excel to get the add-in ready…");
    expect(await page.locator("#import").isHidden()).toBe(true);
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 12_000 })
      .toMatch(
        /^Waiting for Excel to get the add-in ready… This is taking long: if this page is open in a plain browser/,
      );
    expect(await page.locator("#import").isHidden()).toBe(true);
    await page.locator("#import").waitFor({ state: "visible", timeout: 15_000 });
    expect(await page.locator("#status").textContent()).toMatch(/^Ready\./);
    expect(await page.locator("#dates").isVisible()).toBe(true);
  });
});

describe("task pane in Chromium outside Excel", { timeout: 60_000 }, () => {
  it("says it must run inside Excel when office.js cannot be loaded at all", async () => {
    pane = await openPane(dist, "missing");
    const page = await pane.context.newPage();
    await page.goto(`${BASE_URL}taskpane.html`);
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 20_000 })
      .toMatch(/^This add-in must run inside Excel\./);
    expect(await page.locator("#import").isHidden()).toBe(true);
  });

  it('with the real office.js says "This add-in must run inside Excel" instead of failing', async () => {
    pane = await openPane(dist, "real");
    const page = await pane.context.newPage();
    await page.goto(`${BASE_URL}taskpane.html`);
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 20_000 })
      .toMatch(/^This add-in must run inside Excel\./);
    expect(await page.locator("#import").isHidden()).toBe(true);
    await page.screenshot({ path: join(RESULTS, "outside-excel.png"), fullPage: true });
  });
});
