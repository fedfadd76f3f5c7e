/**
 * Fuzzing the import's reading side: random bytes, random strings, random CSV and random layouts.
 * It must never throw, must report problems instead, must not hide a bug behind its "internal" catch-all,
 * and a blocked plan must write nothing (the writer refuses it before touching Excel).
 */
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeBytes } from "../../src/taskpane/import/decode";
import { readTable } from "../support/readTable";
import { analyseImport } from "../../src/taskpane/import/analyse";
import { planAppend } from "../../src/taskpane/import/append";
import { planChunks, cellsToSend, formatRow } from "../../src/taskpane/import/chunks";
import { writePlan } from "../../src/taskpane/import/writer";
import type { ImportAnalysis, ImportOptions } from "../../src/taskpane/import/types";
import { createExcelDouble } from "../support/excel-double";
import { text, plausibleText, hugeDigits } from "./arbitraries";

const TODAY = new Date(Date.UTC(2024, 5, 15));
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SEVERITIES = ["error", "warning", "info"];

/** Cells in an import: figures as printed, dates, placeholders, junk. */
const importCell = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 200_000 }).map((n) => n.toLocaleString("en-US")) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }).map((x) => x.toFixed(2)) },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: hugeDigits },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      "-",
      "—",
      "n/a",
      "(est)",
      "1,234 (est)",
      '=HYPERLINK("x")',
      "+1",
      "@A1",
      "92.5",
      "2,6",
    ),
  },
);

/** Renders rows as pasted or saved text: a separator, quoting where needed, CRLF or LF. */
const render = (rows: string[][], sep: string, eol: string): string =>
  rows
    .map((r) => r.map((c) => (sep !== "  " && /[",\t;\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep))
    .join(eol);

const separator = fc.constantFrom(",", "\t", ";", "  ");
const eol = fc.constantFrom("\n", "\r\n");

/** A well-formed table in one of the five layouts, then some cells replaced by junk. */
const layoutTable = fc
  .record({
    kind: fc.constantFrom("long", "tidy", "wide-years-rows", "wide-months-rows", "wide-metrics-rows"),
    start: fc.integer({ min: 2000 * 12, max: 2023 * 12 }),
    months: fc.integer({ min: 1, max: 30 }),
    metrics: fc.integer({ min: 1, max: 3 }),
    mine: fc.boolean(),
    newestFirst: fc.boolean(),
    monthForm: fc.constantFrom("name", "iso", "short"),
    junk: fc.array(fc.tuple(fc.nat(200), fc.nat(10), importCell), { maxLength: 3 }),
    values: fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: 120, maxLength: 120 }),
  })
  .map(({ kind, start, months, metrics, mine, newestFirst, monthForm, junk, values }) => {
    const label = (m: number) => {
      const y = Math.floor(m / 12);
      const mo = m % 12;
      if (monthForm === "iso") return `${y}-${String(mo + 1).padStart(2, "0")}`;
      if (monthForm === "short") return `${MONTHS[mo]}-${String(y % 100).padStart(2, "0")}`;
      return `${MONTHS[mo]} ${y}`;
    };
    const names = ["Gold (oz)", "Ore processed (t)", "Recovery (%)"].slice(0, metrics);
    const val = (i: number) => values[i % values.length].toLocaleString("en-US");
    let rows: string[][] = [];
    const ms = Array.from({ length: months }, (_, i) => start + i);
    if (newestFirst) ms.reverse();
    if (kind === "long") {
      rows.push([...(mine ? ["Mine"] : []), "Month", ...names]);
      ms.forEach((m, i) => rows.push([...(mine ? ["Alpha"] : []), label(m), ...names.map((_, j) => val(i * 3 + j))]));
    } else if (kind === "tidy") {
      rows.push([...(mine ? ["Mine"] : []), "Month", "Metric", "Value"]);
      ms.forEach((m, i) =>
        names.forEach((name, j) => rows.push([...(mine ? ["Alpha"] : []), label(m), name, val(i * 3 + j)])),
      );
    } else if (kind === "wide-years-rows") {
      const y0 = Math.floor(start / 12);
      rows.push(["Year", ...MONTHS, "Total"]);
      for (let y = y0; y <= Math.floor((start + months - 1) / 12); y++)
        rows.push([String(y), ...MONTHS.map((_, j) => val(y * 12 + j)), ""]);
      if (newestFirst) rows = [rows[0], ...rows.slice(1).reverse()];
    } else if (kind === "wide-metrics-rows") {
      rows.push([...(mine ? ["Mine"] : []), "Operating results", ...ms.map(label), "QTD", "2017 Guidance"]);
      names.forEach((name, j) =>
        rows.push([...(mine ? ["Alpha"] : []), name, ...ms.map((_, i) => val(i * 3 + j)), "1,000", "88-92,000 oz"]),
      );
    } else {
      const y0 = Math.floor(start / 12);
      const years = [y0, y0 + 1];
      rows.push(["Month", ...years.map((y) => `${y} Gold Production (oz)`), "Comment"]);
      MONTHS.forEach((mo, j) => {
        rows.push([mo, ...years.map((y) => val(y + j)), j === 1 ? "rainy season" : ""]);
        if (j === 2) rows.push(["Q1", ...years.map(() => "1,000"), ""]);
      });
    }
    for (const [r, c, x] of junk) {
      const row = rows[r % rows.length];
      row[c % row.length] = x;
    }
    return rows;
  });

const options: fc.Arbitrary<ImportOptions> = fc
  .record(
    {
      layout: fc.constantFrom("long", "tidy", "wide-years-rows", "wide-months-rows", "wide-metrics-rows", "manual"),
      decimal: fc.constantFrom(".", ",", "auto"),
      skipBadRows: fc.boolean(),
      mapping: fc.record(
        {
          headerRow: fc.integer({ min: -1, max: 6 }),
          month: fc.integer({ min: -1, max: 8 }),
          year: fc.integer({ min: -1, max: 8 }),
          mine: fc.integer({ min: -1, max: 8 }),
          metrics: fc.array(fc.integer({ min: -1, max: 8 }), { maxLength: 4 }),
          metricName: fc.integer({ min: -1, max: 8 }),
          value: fc.integer({ min: -1, max: 8 }),
        },
        { requiredKeys: ["month"] },
      ),
    },
    { requiredKeys: [] },
  )
  .map((o) => ({ ...o, today: TODAY }) as ImportOptions);

/** The invariants every analysis must satisfy, whatever the input. */
function checkAnalysis(a: ImportAnalysis): void {
  const internal = a.plan.problems.filter((p) => p.code === "internal");
  expect(internal.map((p) => p.message)).toEqual([]); // a caught exception is a bug, not a report
  for (const p of a.plan.problems) {
    expect(SEVERITIES).toContain(p.severity);
    expect(p.message.trim()).not.toBe("");
  }
  const errors = a.plan.problems.some((p) => p.severity === "error");
  if (a.plan.blocked) expect(errors).toBe(true);
  expect(
    Array.isArray(a.table) && a.table.every((r) => Array.isArray(r) && r.every((c) => typeof c === "string")),
  ).toBe(true);
  const width = a.plan.columns.length;
  a.plan.columns.forEach((col, j) => {
    expect(col.name.trim()).not.toBe("");
    for (const row of a.plan.rows) {
      const v = row[j];
      if (col.kind === "month")
        expect(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2958465).toBe(true);
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      else expect(v === null || typeof v === "string" || typeof v === "boolean").toBe(true);
    }
  });
  for (const row of a.plan.rows) expect(row.length).toBe(width);
  if (!a.plan.blocked) checkChunks(a);
}

/** Chunks cover every row once, in order, and each request as serialised stays within its budget. */
function checkChunks(a: ImportAnalysis): void {
  const chunks = planChunks(a.plan);
  let next = 0;
  const formats = formatRow(a.plan);
  for (const c of chunks) {
    expect(c.start).toBe(next);
    expect(c.end).toBeGreaterThan(c.start);
    next = c.end;
    const body = a.plan.rows.slice(c.start, c.end);
    const sent = JSON.stringify({
      values: body.map((r) => cellsToSend(r, a.plan.columns)),
      numberFormat: body.map(() => formats),
    });
    expect(Buffer.byteLength(sent, "utf8")).toBeLessThanOrEqual(c.bytes);
    expect(c.bytes).toBeLessThan(4_000_000);
  }
  expect(next).toBe(a.plan.rows.length);
}

describe("import engine under fuzzing", { timeout: 180_000 }, () => {
  it("decodeBytes turns any bytes into a string without throwing", () => {
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    fc.assert(
      fc.property(bom, fc.uint8Array({ maxLength: 200 }), (b, rest) => {
        const bytes = new Uint8Array([...b, ...rest]);
        expect(typeof decodeBytes(bytes)).toBe("string");
      }),
      { numRuns: 3000 },
    );
  });

  it("decodeBytes reads back UTF-8 and UTF-16 text as written", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40, unit: "grapheme" }),
        fc.constantFrom("utf8-bom", "utf16le-bom"),
        (s, enc) => {
          const body =
            enc === "utf8-bom"
              ? [0xef, 0xbb, 0xbf, ...Buffer.from(s, "utf8")]
              : [0xff, 0xfe, ...Buffer.from(s, "utf16le")];
          expect(decodeBytes(new Uint8Array(body))).toBe(s);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("readTable returns rows of strings for any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.string({ maxLength: 80 }),
          fc
            .array(fc.array(importCell, { maxLength: 5 }), { maxLength: 5 })
            .chain((rows) => fc.tuple(separator, eol).map(([s, e]) => render(rows, s, e))),
        ),
        (s) => {
          const t = readTable(s);
          expect(t.every((r) => Array.isArray(r) && r.every((c) => typeof c === "string"))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("analyseImport on random strings reports, never throws, never hides a bug", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 120 })), fc.option(options, { nil: undefined }), (s, o) => {
        checkAnalysis(analyseImport(s, o ?? { today: TODAY }));
      }),
      { numRuns: 1500 },
    );
  });

  it("analyseImport on random CSV tables", () => {
    const table = fc.array(fc.array(importCell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });
    const header = fc.array(
      fc.oneof(
        plausibleText,
        fc.constantFrom("Month", "Mine", "Metric", "Value", "Year", "Gold (oz)", "Jan", "Feb", "2016", "Total"),
      ),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(header, table, separator, eol, fc.option(options, { nil: undefined }), (h, rows, sep, e, o) => {
        checkAnalysis(analyseImport(render([h, ...rows], sep, e), o ?? { today: TODAY }));
      }),
      { numRuns: 1500 },
    );
  });

  it("analyseImport on the four layouts with junk cells, any separator and options", () => {
    fc.assert(
      fc.property(layoutTable, separator, eol, fc.option(options, { nil: undefined }), (rows, sep, e, o) => {
        checkAnalysis(analyseImport(render(rows, sep, e), o ?? { today: TODAY }));
      }),
      { numRuns: 1500 },
    );
  });

  it("planAppend against random existing tables: only new months, no internal error, blocked stays blocked", () => {
    const existingCell = fc.oneof(fc.integer({ min: 36000, max: 46000 }), importCell, fc.constant(null), fc.boolean());
    fc.assert(
      fc.property(
        layoutTable,
        separator,
        fc.boolean(),
        fc.array(fc.array(existingCell, { maxLength: 8 }), { maxLength: 8 }),
        fc.array(
          fc.oneof(
            plausibleText,
            fc.constantFrom("Month", "Mine", "Gold (oz)", "Ore processed (t)", "Recovery (%)", "Estimate", "Notes"),
          ),
          { maxLength: 8 },
        ),
        (rows, sep, useOwn, tableRows, extraHeader) => {
          const a = analyseImport(render(rows, sep, "\n"), { today: TODAY });
          // Excel table headers are never empty and never repeat (Excel names them Column1, Column2…).
          const names = [...new Set(extraHeader.map((h) => h.trim()).filter((h) => h !== ""))];
          const own = a.plan.columns.map((c) => c.name);
          const header = useOwn ? [...own.reverse(), ...names.filter((h) => !own.includes(h)).slice(0, 2)] : names;
          // Some existing rows repeat the plan's own rows, so "already present" is reached.
          const existing = {
            header,
            rows: [
              ...tableRows,
              ...a.plan.rows
                .slice(0, 3)
                .map((r) => header.map((h) => r[a.plan.columns.findIndex((c) => c.name === h)] ?? null)),
            ],
          };
          const out = planAppend(a.plan, existing);
          checkAnalysis({ ...a, plan: out });
          if (a.plan.blocked) expect(out.blocked).toBe(true);
          expect(out.rows.length).toBeLessThanOrEqual(a.plan.rows.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  it("a blocked plan writes nothing: the writer refuses before any Excel call", async () => {
    await fc.assert(
      fc.asyncProperty(layoutTable, separator, fc.option(options, { nil: undefined }), async (rows, sep, o) => {
        const a = analyseImport(render(rows, sep, "\n"), o ?? { today: TODAY });
        fc.pre(a.plan.blocked);
        const excel = createExcelDouble({ sheets: { Sheet1: [] } });
        (globalThis as { Excel?: unknown }).Excel = excel.Excel;
        const out = await writePlan(a.plan);
        expect(out.status).toBe("refused");
        expect(out.rowsWritten).toBe(0);
        expect(excel.calls).toEqual([]);
        expect(excel.syncCount).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
