/**
 * The pane's section "Check a release" in Chromium, with the recording Excel double behind Excel.run: the
 * seed release (read from ../shared at run time) pasted, its claims shown flagged first with their marked
 * words, figures and verdicts; Write to sheet puts the claim table on a new sheet with CLAIM_CHECK formulas
 * over the figure cells; an Excel refusal is said by its code with Retry; the release's words stay text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BASE_URL, RESULTS, usePane } from "./harness";
import type { DoubleOptions } from "../support/excel-double";
import { SEED_PATH } from "../support/releaseCorpus";

const openPaneOnce = usePane();

async function open(stub: DoubleOptions = {}): Promise<Page> {
  const pane = await openPaneOnce({ stub: { ...stub, documentSettings: { "PROD.dateSystem": "1900" } } });
  const page = await pane.context.newPage();
  await page.goto(`${BASE_URL}taskpane.html`);
  await page.locator("#release-check").waitFor({ state: "visible" });
  return page;
}

const seed = () => readFileSync(SEED_PATH, "utf8");

describe("Check a release, in Chromium", { timeout: 120_000 }, () => {
  it("lists the seed's claims flagged first, and writes the claim table with CLAIM_CHECK formulas", async () => {
    const page = await open({ sheets: { Sheet1: [] } });
    await page.fill("#release-paste", seed());
    await expect
      .poll(() => page.locator("#release-summary").textContent(), { timeout: 15_000 })
      .toBe("Pasted text: 6 claims — 1 rounded or truncated, 2 consistent, 3 not checkable.");

    const claims = page.locator("#release-claims > li");
    expect(await claims.locator("mark").allTextContents()).toEqual([
      "a 20-26% increase as compared to 2016",
      "9% increase",
      "a 20% increase from the previous calendar year",
      "up by more than 30%",
      "by 24%",
      "an all-time record for the month of February of 6,736 oz",
    ]);
    expect(await claims.locator(".verdict").allTextContents()).toEqual([
      "consistent | rounded up: the numbers give 25.2%",
      "consistent",
      "low end: consistent",
      "not checkable",
      "not checkable",
      "not checkable",
    ]);
    expect(await claims.nth(0).locator(".figures li").allTextContents()).toEqual([
      "low: 88,000 ounces (2017)",
      "high: 92,000 ounces (2017)",
      "base: 73,476 ounces (2016)",
    ]);
    expect(await claims.nth(5).locator(".missing").textContent()).toBe("no earlier Februaries are printed");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.locator("#release-check").screenshot({ path: join(RESULTS, "release-check-seed.png") });

    await page.locator("#release-write").click();
    await expect
      .poll(() => page.locator("#release-result").textContent(), { timeout: 15_000 })
      .toBe(
        "Wrote 6 claims to sheet Release check: 3 verdicts as =PROD.CLAIM_CHECK formulas over the figure cells, 3 as text.",
      );
    const got = await page.evaluate(() => {
      const d = (window as any).__double;
      const at = (a: string) => d.cell("Release check", a);
      return {
        sheets: d.sheets.map((s: any) => s.name),
        header: ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1"].map((a) => at(a)?.value),
        range: ["C2", "G2", "H2", "I2"].map((a) => at(a)?.value),
        change: ["C3", "G3", "H3"].map((a) => at(a)?.value),
        record: at("E7")?.value,
        formulas: d.formulas(),
        sentenceFormat: at("B2")?.format,
      };
    });
    expect(got.sheets).toEqual(["Sheet1", "Release check"]);
    expect(got.header).toEqual([
      "Claim",
      "Sentence",
      "Stated",
      "Computed",
      "Verdict",
      "Figures used",
      "Figure 1",
      "Figure 2",
      "Figure 3",
    ]);
    expect(got.range).toEqual(["20-26%", 88000, 92000, 73476]);
    expect(got.change).toEqual(["9%", 73476, 67603]);
    expect(got.record).toBe("not checkable: no earlier Februaries are printed");
    expect(got.formulas).toEqual([
      '=TEXTJOIN(" | ", TRUE, PROD.CLAIM_CHECK("20-26%", G2:H2, I2))',
      '=PROD.CLAIM_CHECK("up 9%", G3, H3)',
      '="low end: "&PROD.CLAIM_CHECK("20%", G4, I4)',
    ]);
    expect(got.sentenceFormat).toBe("@");
    await page.screenshot({ path: join(RESULTS, "release-check-written.png"), fullPage: true });
  });

  it("says an Excel refusal by its code and writes on Retry", async () => {
    const page = await open({ sheets: { Sheet1: [] } });
    await page.fill("#release-paste", seed());
    await page.locator("#release-claims > li").first().waitFor();
    // the pane's own reads at start-up (its undo record, Analyse's tables) are over; the write first asks whether a
    // cell is being edited (one read), then reads the sheet names: that is the sync to fail
    const syncs = () =>
      page.evaluate(() => (window as unknown as { __double: { syncCount: number } }).__double.syncCount);
    await expect
      .poll(async () => {
        const before = await syncs();
        await page.waitForTimeout(300);
        return (await syncs()) === before;
      })
      .toBe(true);
    await page.evaluate(() =>
      (
        window as unknown as { __double: { failNextSync(f: { code: string; skip: number }): void } }
      ).__double.failNextSync({
        code: "Conflict",
        skip: 1,
      }),
    );
    await page.locator("#release-write").click();
    await expect
      .poll(() => page.locator("#release-result").textContent(), { timeout: 15_000 })
      .toMatch(/^The claim table was not written\. Excel was busy with another operation.*Excel's code: Conflict\.$/);
    expect(await page.locator("#release-retry").isVisible()).toBe(true);
    await page.locator("#release-retry").click();
    await expect
      .poll(() => page.locator("#release-result").textContent(), { timeout: 15_000 })
      .toMatch(/^Wrote 6 claims to sheet Release check/);
  });

  it("says when the release reader cannot be loaded, and loads it at the next check", async () => {
    const page = await open({ sheets: { Sheet1: [] } });
    // The reader is its own chunk, fetched at the first check: refuse it once.
    let refused = 0;
    await page.route("**/release-reader.js", (route) => (refused++ === 0 ? route.abort() : route.fallback()));
    await page.fill("#release-paste", seed());
    await expect
      .poll(() => page.locator("#release-summary").textContent(), { timeout: 15_000 })
      .toMatch(/^The release reader could not be loaded \(.+\); check the connection and paste again\.$/);
    expect(await page.locator("#release-write").isDisabled()).toBe(true);
    await page.fill("#release-paste", `${seed()}\n`);
    await expect
      .poll(() => page.locator("#release-summary").textContent(), { timeout: 15_000 })
      .toBe("Pasted text: 6 claims — 1 rounded or truncated, 2 consistent, 3 not checkable.");
    expect(refused).toBe(2);
  });

  it("shows a dropped HTML release's words as text, never as markup", async () => {
    const page = await open();
    const html =
      "<html><body><p>Gold output <img src=x onerror=window.__pwned=1> was 1,100 oz in 2016, up 10% from 1,000 oz in 2015.</p></body></html>";
    await page.setInputFiles("#release-file", {
      name: "release.html",
      mimeType: "text/html",
      buffer: Buffer.from(html, "utf8"),
    });
    await expect
      .poll(() => page.locator("#release-summary").textContent(), { timeout: 15_000 })
      .toBe("release.html: 1 claim — 1 consistent.");
    expect(await page.locator("#release-claims img").count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();

    await page.fill("#release-paste", "<b>up 10%</b> <img src=y onerror=window.__pwned=2>");
    await expect
      .poll(() => page.locator("#release-summary").textContent(), { timeout: 15_000 })
      .toMatch(/^Pasted text: /);
    expect(await page.locator("#release-check img, #release-check b").count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  });
});
