/**
 * Runs the built task pane (dist/taskpane.html) in Debian's Chromium through playwright-core, fully
 * offline: every request is answered by page routes — the add-in's files from the build, office.js
 * from a stub that puts the recording Excel double behind Excel.run (or from the real local package).
 */
import { createRequire } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import ts from "typescript";
import webpack from "webpack";
import { chromium, type BrowserContext } from "playwright-core";
import { afterEach, beforeAll, expect } from "vitest";
import type { DoubleOptions } from "../support/excel-double";
import { findBrowser } from "../support/browser";

export const ROOT = resolve(__dirname, "../..");
export const RESULTS = join(ROOT, "test-results");
export const BASE_URL = "https://localhost:3000/";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "text/xml",
};

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/**
 * The production build of the add-in (webpack.config.js as `npm run build` runs it), rebuilt when any
 * source is newer. It goes to its own folder (test-results/browser-dist) so a build for `npm start` in
 * dist/ can never pull files away mid-test. Type checking is left to tsc (`npm run typecheck`): the page
 * is the same, and the build stays quick while the rest of the suite runs beside it.
 * PROD_BROWSER_DIST points at a ready build instead.
 */
export async function ensureBuilt(): Promise<string> {
  if (process.env.PROD_BROWSER_DIST) return resolve(process.env.PROD_BROWSER_DIST);
  const out = join(RESULTS, "browser-dist");
  const page = join(out, "taskpane.html");
  const inputs = ["src", "assets", "webpack.config.js", "manifest.xml", "package.json"]
    .map((p) => join(ROOT, p))
    .filter(existsSync);
  const stale = !existsSync(page) || Math.max(...inputs.map(newestMtime)) > statSync(page).mtimeMs;
  if (!stale) return out;
  const makeConfig = createRequire(join(ROOT, "package.json"))("./webpack.config.js");
  const config = await makeConfig({}, { mode: "production" });
  config.mode = "production";
  config.output = { ...config.output, path: out };
  for (const rule of config.module.rules) {
    if (rule.use?.loader === "ts-loader") rule.use.options = { ...rule.use.options, transpileOnly: true };
  }
  await new Promise<void>((done, fail) =>
    webpack(config, (err, stats) => {
      if (err) fail(err);
      else if (stats?.hasErrors()) fail(new Error(`The build failed:\n${stats.toString("errors-only")}`));
      else done();
    }),
  );
  return out;
}

/** The recording double as one classic script (the page loads office.js with a plain <script>). */
function doubleScript(): string {
  const source = readFileSync(join(ROOT, "test/support/excel-double.ts"), "utf8");
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `var exports = {}; var module = { exports: exports };\n${js}\n`;
}

/**
 * office.js stand-in: host Excel, the double behind Excel.run (at the ExcelApi version the options give,
 * which Office.context.requirements answers for) and behind Office.context.document.settings, exposed as
 * window.__double for assertions; Office is ready after `readyDelayMs`. The custom functions the page
 * registers are kept in window.__functions by id.
 */
export function officeStub(options: DoubleOptions, readyDelayMs = 0): string {
  return `(function () {
${doubleScript()}
  var double = exports.createExcelDouble(${JSON.stringify(options)});
  window.__double = double;
  window.Excel = double.Excel;
  var info = { host: "Excel", platform: "OfficeOnline" };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () { if (callback) callback(info); resolve(info); }, ${readyDelayMs});
      });
    },
    actions: { associate: function () {} },
    context: {
      requirements: double.requirements,
      document: { settings: double.documentSettings },
      // Pages the add-in opened in the user's browser, in order.
      ui: { openBrowserWindow: function (url) { (window.__opened = window.__opened || []).push(url); } },
    },
  };
  function CfError(code, message) { this.code = code; this.message = message; }
  // The functions bundle registers each function here, as in Excel's shared runtime: tests call them by id.
  window.__functions = {};
  window.CustomFunctions = {
    associate: function (id, fn) {
      if (typeof id === "string") window.__functions[id] = fn;
      else for (var k in id) window.__functions[k] = id[k];
    },
    Error: CfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", notAvailableYet: "#BUSY!" },
  };
})();`;
}

export interface Pane {
  context: BrowserContext;
  /** Requests the page made that no route could answer (should stay empty). */
  unanswered: string[];
  errors: string[];
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile with every request routed: dist files under BASE_URL, office.js from
 * `office` ({stub} with double options and how long Office takes to be ready, "real" =
 * node_modules/@microsoft/office-js, or "missing" = 404), nothing else.
 */
export async function openPane(
  dist: string,
  office: { stub: DoubleOptions; readyDelayMs?: number } | "real" | "missing",
): Promise<Pane> {
  const profile = mkdtempSync(join(tmpdir(), "prod-chromium-"));
  const browser = await findBrowser();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    headless: true,
    args: [
      ...browser.args,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 320, height: 900 }, // the task pane's narrowest width
  });
  const unanswered: string[] = [];
  const errors: string[] = [];
  const stub = typeof office === "string" ? null : officeStub(office.stub, office.readyDelayMs);
  const officeDist = join(ROOT, "node_modules/@microsoft/office-js/dist");
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      const rest = url.slice(OFFICE_CDN.length).split("?")[0];
      if (stub && rest === "office.js") return route.fulfill({ status: 200, contentType: TYPES[".js"], body: stub });
      const file = join(officeDist, rest);
      if (office === "real" && file.startsWith(officeDist) && existsSync(file) && statSync(file).isFile()) {
        return route.fulfill({
          status: 200,
          contentType: TYPES[extname(file)] ?? "application/octet-stream",
          body: readFileSync(file),
        });
      }
    } else if (url.startsWith(BASE_URL)) {
      const file = join(dist, decodeURIComponent(new URL(url).pathname));
      if (file.startsWith(dist) && existsSync(file) && statSync(file).isFile()) {
        return route.fulfill({
          status: 200,
          contentType: TYPES[extname(file)] ?? "application/octet-stream",
          body: readFileSync(file),
        });
      }
    }
    unanswered.push(url);
    return route.fulfill({ status: 404, body: "not found" });
  });
  context.on("weberror", (e) => errors.push(e.error().message));
  return {
    context,
    unanswered,
    errors,
    close: () => context.close(),
  };
}

/**
 * One pane at a time for a test file: the build is made before its tests; opening a pane closes the one before;
 * after each test the pane is closed and every pane it opened must have logged no page error and left no request
 * unanswered.
 */
export function usePane(): (office: Parameters<typeof openPane>[1]) => Promise<Pane> {
  let dist = "";
  let pane: Pane | undefined;
  const errors: string[] = [];
  const unanswered: string[] = [];
  const closeCurrent = async () => {
    if (!pane) return;
    errors.push(...pane.errors);
    unanswered.push(...pane.unanswered);
    await pane.close();
    pane = undefined;
  };
  beforeAll(async () => {
    dist = await ensureBuilt();
    mkdirSync(RESULTS, { recursive: true });
  }, 600_000);
  afterEach(async () => {
    await closeCurrent();
    expect(errors.splice(0)).toEqual([]);
    expect(unanswered.splice(0)).toEqual([]);
  });
  return async (office) => {
    await closeCurrent();
    pane = await openPane(dist, office);
    return pane;
  };
}
