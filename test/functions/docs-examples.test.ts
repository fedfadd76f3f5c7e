import "./setup-custom-functions";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as functions from "../../src/functions/functions";
import {
  argValue,
  docFiles,
  examples,
  matches,
  parseFormula,
  parseResult,
  readDoc,
  readSheet,
  ROOT,
  showCell,
  tables,
  type Entry,
} from "../support/docSheet";

/**
 * Every documented example is true: each row of a "Formula | Result" table in README.md and docs/ is run on the
 * sample sheet (docs/sample-sheet.md) and must give what the page shows — with the sheet's cells as Excel desktop
 * passes them, as Excel on the web does, and kept as text. And each function has its page, in the template's shape,
 * with the argument names Excel's autocomplete shows.
 */

interface Param {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}
interface Meta {
  id: string;
  parameters: Param[];
}

let meta: Map<string, Meta & { call: (...args: unknown[]) => unknown[][] }>;
beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts");
  expect(generated.errors).toEqual([]);
  const fns = (JSON.parse(generated.metadataJson) as { functions: Meta[] }).functions;
  const byId = new Map(generated.associate.map((a) => [a.id, a.functionName]));
  const table = functions as unknown as Record<string, (...args: unknown[]) => unknown[][]>;
  meta = new Map(fns.map((f) => [f.id, { ...f, call: table[byId.get(f.id)!] }]));
});

const sheetMd = readDoc("docs/sample-sheet.md");
const sheet = readSheet(sheetMd);
const files = docFiles();
const all = examples(files.filter((f) => !f.endsWith("_template.md")));

describe("the sample sheet", () => {
  it("is defined once: the blocks to copy hold exactly the cells of the grids", () => {
    const fromBlocks = new Map<string, string>();
    const blocks = [...sheetMd.matchAll(/```tsv\n([\s\S]*?)```/g)];
    expect(blocks.length, "docs/sample-sheet.md has a ```tsv block to copy").toBeGreaterThan(0);
    for (const block of blocks) {
      // Each block is pasted into the cell its paragraph names ("paste it into cell A1").
      const before = sheetMd.slice(0, block.index);
      const at = [...before.matchAll(/into cell ([A-Z])(\d+)/g)].pop();
      expect(at, "the cell to paste the block into").toBeDefined();
      const [col0, row0] = [at![1].charCodeAt(0) - 65, Number(at![2])];
      block[1]
        .replace(/\n$/, "")
        .split("\n")
        .forEach((line, r) =>
          line.split("\t").forEach((v, c) => {
            if (v !== "") fromBlocks.set(`${String.fromCharCode(65 + col0 + c)}${row0 + r}`, v);
          }),
        );
    }
    expect(Object.fromEntries(fromBlocks)).toEqual(Object.fromEntries(sheet.written));
  });
  it("holds the seed's monthly table in A1:B5, the table named ProductionData", () => {
    expect(["A2", "B2", "A5", "B5"].map((k) => sheet.written.get(k))).toEqual([
      "Jan 2016",
      "4,512",
      "Feb 2017",
      "6,736",
    ]);
    expect(sheet.tables.get("ProductionData")).toBe("A1:B5");
  });
});

describe.each<Entry>(["desktop", "web", "text"])("every documented example (sheet cells as %s)", (entry) => {
  // MAX skips texts, as the page says: with the months kept as text it has no date to give.
  const runnable = all.filter((e) => entry !== "text" || !e.formula.includes("MAX("));
  it.each(runnable.map((e) => [`${e.file}:${e.line} ${e.formula}`, e] as const))("%s", (_label, ex) => {
    const f = parseFormula(ex.formula);
    const fn = meta.get(f.name);
    expect(fn, `${f.name} is a PROD function`).toBeDefined();
    expect(f.args.length, "no more arguments than the function has").toBeLessThanOrEqual(fn!.parameters.length);
    const args = fn!.parameters.map((p, i) =>
      f.args[i] === undefined ? null : argValue(sheet, f.args[i], p.dimensionality === "matrix", entry),
    );
    const got = fn!.call(...args);
    const want = parseResult(ex.result);
    const trimmed = got.slice(0, want.length).map((r) => r.slice(0, want[0].length));
    const shown = got.map((r, i) => r.map((v, j) => showCell(v, (want[i]?.[j] as { decimals?: number })?.decimals)));
    expect([got.length, got[0].length], `spill size of ${ex.formula}: ${JSON.stringify(shown)}`).toEqual([
      want.length,
      want[0].length,
    ]);
    want.forEach((row, i) =>
      row.forEach((w, j) =>
        expect(
          matches(w, trimmed[i][j]),
          `${ex.file}:${ex.line} cell ${i + 1},${j + 1}: the function gives ${shown[i][j]}`,
        ).toBe(true),
      ),
    );
  });
});

const PAGES_DIR = join(ROOT, "docs", "functions");
const pages = readdirSync(PAGES_DIR).filter((f) => /^[A-Z_]+\.md$/.test(f) && f !== "README.md");
const SECTIONS = ["Syntax", "Arguments", "Returns", "Examples", "Errors", "Remarks", "See also"];

describe("one page per function, in the template's shape", () => {
  it("docs/functions/ has a page for every function and no page for a function that does not exist", () => {
    expect(pages.map((p) => p.replace(/\.md$/, "")).sort()).toEqual([...meta.keys()].sort());
  });
  it("the template has the sections every page has", () => {
    const headings = [...readDoc("docs/functions/_template.md").matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(SECTIONS);
  });
  it.each(pages)("%s: sections, syntax with the autocomplete names, every argument, examples and errors", (page) => {
    const id = page.replace(/\.md$/, "");
    const md = readDoc(`docs/functions/${page}`);
    const fn = meta.get(id)!;
    expect(md.split("\n")[0]).toBe(`# ${id}`);
    expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(SECTIONS);
    const names = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(md).toContain(`\`=PROD.${id}(${names.join(", ")})\``);
    const argTable = tables(md).find((t) => t.header[0] === "Argument")!;
    expect(argTable, "an Arguments table").toBeDefined();
    expect(argTable.rows.map((r) => r.cells[0])).toEqual(fn.parameters.map((p) => `\`${p.name}\``));
    expect(argTable.rows.map((r) => r.cells[1])).toEqual(fn.parameters.map((p) => (p.optional ? "no" : "yes")));
    expect(all.filter((e) => e.file === `docs/functions/${page}`).length, "examples").toBeGreaterThanOrEqual(3);
    const errors = tables(md).find((t) => t.header[0] === "Code" && t.header[2] === "Message shown");
    expect(errors, "an Errors table: Code | When | Message shown").toBeDefined();
    for (const r of errors!.rows) {
      const code = r.cells[0].replace(/`/g, "");
      // Excel shows a custom function's message on #VALUE! and #N/A only.
      if (/^#(VALUE!|N\/A)$/.test(code)) expect(r.cells[2], `${page} ${code}`).toMatch(/^yes/);
      else expect(r.cells[2], `${page} ${code}`).toMatch(/^no/);
    }
  });
  it("docs/functions/README.md links every page", () => {
    const index = readDoc("docs/functions/README.md");
    for (const p of pages) expect(index).toContain(`](${p})`);
  });
});

describe("every =PROD. formula written anywhere in the docs", () => {
  const spans = files
    .filter((f) => !f.endsWith("_template.md"))
    .flatMap((file) => [...readDoc(file).matchAll(/`(=PROD\.[A-Z_]+\([^`]*\))`/g)].map((m) => ({ file, text: m[1] })));
  it("names a function that exists, with no more arguments than it takes", () => {
    expect(spans.length).toBeGreaterThan(20);
    const bad: string[] = [];
    for (const s of spans) {
      if (/\[\w+\](?!\])/.test(s.text) && !/\w\[/.test(s.text)) continue; // a syntax line: [optional] arguments
      if (/\(\.\.\.\)|\(…\)/.test(s.text)) continue; // a name only: =PROD.RECORD_MONTH(...)
      let f;
      try {
        // A locale with a decimal comma separates arguments with ";".
        f = parseFormula(/"/.test(s.text) ? s.text : s.text.replace(/;/g, ","));
      } catch (e) {
        if (/\[/.test(s.text)) continue;
        bad.push(`${s.file}: ${s.text}: ${(e as Error).message}`);
        continue;
      }
      const fn = meta.get(f.name);
      if (!fn) bad.push(`${s.file}: ${s.text}: no function ${f.name}`);
      else if (f.args.length > fn.parameters.length) bad.push(`${s.file}: ${s.text}: too many arguments`);
    }
    expect(bad).toEqual([]);
  });
});

describe("links between the docs", () => {
  it("every relative link in README.md and docs/ points at a file that exists, and every #anchor at a heading", () => {
    const bad: string[] = [];
    for (const file of files) {
      const md = readDoc(file).replace(/```[\s\S]*?```/g, "");
      for (const m of md.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^(https?:|mailto:)/.test(target)) continue;
        const [path, anchor] = target.split("#");
        const resolved = path === "" ? file : join(file, "..", path);
        if (!existsSync(join(ROOT, resolved))) {
          bad.push(`${file}: ${target} (no file ${resolved})`);
          continue;
        }
        if (anchor && resolved.endsWith(".md")) {
          const slugs = [...readDoc(resolved).matchAll(/^#+ (.+)$/gm)].map((h) => slug(h[1]));
          if (!slugs.includes(anchor)) bad.push(`${file}: ${target} (no heading #${anchor} in ${resolved})`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

describe("what Excel and the pane say about the add-in names every function", () => {
  const header = /<header>([\s\S]*?)<\/header>/.exec(readDoc("src/taskpane/taskpane.html"))?.[1] ?? "";
  const description = /<Description DefaultValue="([^"]*)"/.exec(readDoc("manifest.xml"))?.[1] ?? "";
  it.each([
    ["the manifest's description", description],
    ["the support page", readDoc("assets/support.html")],
    ["the pane's header", header],
    ["the README's first table", readDoc("README.md").split("\n## ")[0]],
  ])("%s", (_where, text) => {
    for (const id of meta.keys()) expect(text, id).toContain(id);
  });
});

describe("the README's first screen", () => {
  it("has requirements, the two commands, install, troubleshooting and accuracy in its first 60 lines", () => {
    const first = readDoc("README.md").split("\n").slice(0, 60).join("\n");
    for (const part of [
      "## Requirements",
      "## Quick start",
      "npm install\nnpm test",
      "docs/install.md",
      "docs/troubleshooting.md",
      "docs/accuracy.md",
      "=PROD.",
    ])
      expect(first).toContain(part);
  });
});

describe("BENCHMARKS.md is read by users first", () => {
  const md = readDoc("BENCHMARKS.md");
  it("is at most 3,000 words", () => {
    expect(md.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(3000);
  });
  it("opens with five points for users", () => {
    const first = md.split("\n## ")[1];
    expect(first.split("\n")[0]).toBe("For users");
    expect(first.split("\n").filter((l) => l.startsWith("- ")).length).toBe(5);
  });
});
