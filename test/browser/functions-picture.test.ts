/**
 * The README's picture of the functions at work: the sample sheet and the README's example formulas, with each result
 * computed by the built functions bundle (functions.js, as Excel loads it) inside Chromium, drawn as HTML and
 * saved as a PNG. Each computed result must be what the README shows. The picture goes to test-results/functions.png;
 * `npm run docs:picture` copies it to docs/images/functions.png (a test run never writes into the source tree).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { findBrowser } from "../support/browser";
import {
  argValue,
  examples,
  matches,
  parseFormula,
  parseResult,
  readDoc,
  readSheet,
  showCell,
  type Shown,
} from "../support/docSheet";
import { ensureBuilt, RESULTS } from "./harness";

/** CustomFunctions as the bundle needs it at load: it registers each function with associate. */
const STUB = `
  window.__fns = {};
  class CustomFunctionsError { constructor(code, message) { this.code = code; this.message = message; } }
  window.CustomFunctions = {
    associate(id, fn) { if (typeof id === "string") window.__fns[id] = fn; else Object.assign(window.__fns, id); },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!",
      nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };`;

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

interface Row {
  formula: string;
  cells: unknown[][];
  want: Shown[][];
}

/** A result as the README prints it: numbers to the decimals it shows, spills with a bar between cells. */
function shown(r: Row): string {
  return r.cells
    .map((row, i) =>
      row
        .map((v, j) => escape(showCell(v, (r.want[i]?.[j] as { decimals?: number }).decimals)))
        .join(" &nbsp;|&nbsp; "),
    )
    .join("<br>");
}

function html(sheetCells: Map<string, string>, rows: Row[], bundle: string): string {
  const letters = ["A", "B", "C", "D", "E", "F"];
  const lastRow = Math.max(...[...sheetCells.keys()].map((k) => Number(k.slice(1))));
  const grid = Array.from({ length: lastRow }, (_, r) => {
    const cells = letters.map((l) => `<td>${escape(sheetCells.get(`${l}${r + 1}`) ?? "")}</td>`).join("");
    return `<tr><th>${r + 1}</th>${cells}</tr>`;
  }).join("");
  const results = rows
    .map((r) => `<tr><td class="f">${escape(r.formula)}</td><td class="r">${shown(r)}</td></tr>`)
    .join("");
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font: 13px "Segoe UI", "DejaVu Sans", Arial, sans-serif; margin: 0; background: #fff; color: #222; }
    #picture { display: inline-block; padding: 16px 20px; }
    h1 { font-size: 15px; margin: 0 0 10px; }
    table { border-collapse: collapse; margin-bottom: 14px; }
    .sheet th, .sheet td { border: 1px solid #d4d4d4; padding: 3px 8px; }
    .sheet th, .sheet thead td { background: #f3f3f3; color: #555; font-weight: normal; text-align: center; }
    .out th { text-align: left; background: #e8f1ea; border: 1px solid #c9d9cc; padding: 4px 8px; }
    .out td { border: 1px solid #d4d4d4; padding: 4px 8px; vertical-align: top; }
    .f { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; }
    .r { font-weight: 600; }
    .note { color: #555; font-size: 12px; max-width: 820px; }
  </style></head><body><div id="picture">
    <h1>PROD's five functions on the sample sheet</h1>
    <table class="sheet"><thead><tr><td></td>${letters.map((l) => `<td>${l}</td>`).join("")}</tr></thead><tbody>${grid}</tbody></table>
    <table class="out"><thead><tr><th>Formula</th><th>Result</th></tr></thead><tbody>${results}</tbody></table>
    <p class="note">Results computed by PROD's built functions bundle (${escape(bundle)}) running in Chromium, on the cells
    above — a rendered table, not a screenshot of Excel. Numbers are rounded to the decimals the README shows; Excel
    shows them with no number format.</p>
  </div></body></html>`;
}

describe("the picture of the functions at work", { timeout: 180_000 }, () => {
  let dist: string;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    dist = await ensureBuilt();
  });
  afterAll(() => close());

  it("computes the README's examples with the built bundle in Chromium, as the README shows them, and draws them", async () => {
    const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    const params = new Map(
      (
        JSON.parse(generated.metadataJson) as { functions: { id: string; parameters: { dimensionality?: string }[] }[] }
      ).functions.map((f) => [f.id, f.parameters]),
    );
    const sheet = readSheet(readDoc("docs/sample-sheet.md"));
    const readme = examples(["README.md"]);
    expect(new Set(readme.map((e) => parseFormula(e.formula).name)).size, "one example per function at least").toBe(5);

    const found = await findBrowser();
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      headless: true,
      args: [...found.args, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    close = () => browser.close();
    const page = await browser.newPage({ viewport: { width: 1000, height: 600 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><script>${STUB}</script>`);
    await page.addScriptTag({ content: readFileSync(join(dist, "functions.js"), "utf8") });
    expect(await page.evaluate(() => Object.keys((window as any).__fns).sort())).toEqual([...params.keys()].sort());

    const rows: Row[] = [];
    for (const ex of readme) {
      const f = parseFormula(ex.formula);
      const args = params
        .get(f.name)!
        .map((p, i) =>
          f.args[i] === undefined ? null : argValue(sheet, f.args[i], p.dimensionality === "matrix", "web"),
        );
      const cells = await page.evaluate(
        ([id, a]) =>
          ((window as any).__fns[id as string](...(a as unknown[])) as unknown[][]).map((row) =>
            row.map((v: any) => (v && typeof v === "object" && "code" in v ? { code: v.code, message: v.message } : v)),
          ),
        [f.name, args] as const,
      );
      const want = parseResult(ex.result);
      want.forEach((row, i) => row.forEach((w, j) => expect(matches(w, cells[i]?.[j]), `${ex.formula}`).toBe(true)));
      rows.push({ formula: ex.formula, cells, want });
    }

    await page.setContent(html(sheet.written, rows, "functions.js"));
    mkdirSync(RESULTS, { recursive: true });
    const png = await page.locator("#picture").screenshot({ path: join(RESULTS, "functions.png") });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});
