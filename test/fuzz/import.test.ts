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

/**
 * A long table decorated as releases print them — every detection rule of the line accounting: titles
 * and blank lines above, a unit line or a header over two lines, month forms (`Jan-17`, `Jan '17`, `2024M04`,
 * `04/2024`, `April, 2024`, day-first dates), footnote and estimate markers on figures, no-figure words, a
 * derived column, total rows (`Total`, `Q1`, `YTD`, `FY`), a restated month, a heading and footnotes, and
 * perhaps a quote that never closes.
 */
const releaseTable = fc
  .record({
    start: fc.integer({ min: 2001 * 12, max: 2022 * 12 }),
    months: fc.integer({ min: 3, max: 14 }),
    form: fc.constantFrom("name", "dash", "apos", "m", "slash", "comma", "dayfirst"),
    titles: fc.integer({ min: 0, max: 2 }),
    header: fc.constantFrom("one", "unit", "two"),
    marks: fc.array(fc.tuple(fc.nat(20), fc.constantFrom("(1)", "*", "¹", " (est)", "e", " (P)", "nil", "n.a.", "–"))),
    derived: fc.boolean(),
    total: fc.constantFrom("", "Total", "Q1", "YTD", "FY"),
    restate: fc.boolean(),
    heading: fc.boolean(),
    footnotes: fc.array(fc.constantFrom("(1) Restated", "* Preliminary", "Source: company reports"), { maxLength: 2 }),
    stray: fc.option(fc.nat(20), { nil: undefined }),
    values: fc.array(fc.integer({ min: 1, max: 99_999 }), { minLength: 20, maxLength: 20 }),
  })
  .map((r) => {
    const FULL = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    const label = (m: number) => {
      const y = Math.floor(m / 12);
      const mo = m % 12;
      const mm = String(mo + 1).padStart(2, "0");
      const yy = String(y % 100).padStart(2, "0");
      switch (r.form) {
        case "dash":
          return `${MONTHS[mo]}-${yy}`;
        case "apos":
          return `${MONTHS[mo]} '${yy}`;
        case "m":
          return `${y}M${mm}`;
        case "slash":
          return `${mm}/${y}`;
        case "comma":
          return `${FULL[mo]}, ${y}`;
        case "dayfirst":
          return `01.${mm}.${y}`;
        default:
          return `${MONTHS[mo]} ${y}`;
      }
    };
    const lines: string[][] = [];
    for (let i = 0; i < r.titles; i++) lines.push([i === 0 ? "Monthly production" : ""]);
    const derived = r.derived ? ["% change"] : [];
    if (r.header === "two")
      lines.push(["Month", "Gold", "Ore", ...derived], ["", "produced (oz)", "milled (t)", ...(r.derived ? [""] : [])]);
    else if (r.header === "unit")
      lines.push(["Month", "Gold", "Ore", ...derived], ["", "(oz)", "(t)", ...(r.derived ? [""] : [])]);
    else lines.push(["Month", "Gold (oz)", "Ore (t)", ...derived]);
    if (r.heading) lines.push(["Operations"]);
    const v = (i: number) => r.values[i % r.values.length].toLocaleString("en-US");
    for (let i = 0; i < r.months; i++) {
      const row = [label(r.start + i), v(2 * i), v(2 * i + 1), ...(r.derived ? [`${(i % 7) - 3}.5`] : [])];
      lines.push(row);
    }
    const marked = new Set<number>();
    for (const [at, mark] of r.marks) {
      // One marker a figure, as releases print them.
      if (marked.has(at % r.months)) continue;
      marked.add(at % r.months);
      const row = lines[lines.length - 1 - (at % r.months)];
      row[1] = /^[a-zn–]/.test(mark) && !["e"].includes(mark) ? mark : `${row[1]}${mark}`;
    }
    if (r.restate) lines.push([label(r.start), v(7), v(8), ...(r.derived ? [""] : [])]);
    if (r.total) {
      const y = Math.floor(r.start / 12);
      const name = r.total === "Total" ? "Total" : r.total === "FY" ? `FY ${y}` : `${r.total} ${y}`;
      lines.push([name, "100,000", "200,000", ...(r.derived ? [""] : [])]);
    }
    if (r.footnotes.length) lines.push([""], ...r.footnotes.map((f) => [f]));
    if (r.stray !== undefined) {
      const row = lines[lines.length - 1 - (r.stray % lines.length)];
      row[row.length - 1] = `"${row[row.length - 1]} note`;
    }
    return lines;
  });

/** The pane's count adds up, and every line left out is named in the problem list by its number. */
function checkLines(a: ImportAnalysis, source: string): void {
  const n = source === "" ? 0 : source.replace(/(\r?\n)+$/, "").split(/\r?\n/).length;
  expect(a.lines.length).toBeGreaterThanOrEqual(Math.min(n, a.table.length));
  const m = /^(\d[\d,]*) lines?: (.*)$/.exec(a.lineSummary);
  if (a.lines.length === 0) return;
  expect(m).not.toBeNull();
  const parts = [...m![2].matchAll(/(\d[\d,]*) /g)].reduce((sum, p) => sum + Number(p[1].replace(/,/g, "")), 0);
  expect(Number(m![1].replace(/,/g, ""))).toBe(a.lines.length);
  expect(parts).toBe(a.lines.length);
  // A table no layout fits is refused whole, by one problem that names no line: nothing to name per line.
  if (a.detected === null) return;
  const leftOut = ["title", "heading", "total", "derived", "comment", "footnote", "error"];
  a.lines.forEach((role, i) => {
    if (leftOut.includes(role)) expect(a.plan.problems.some((p) => p.row === i + 1)).toBe(true);
  });
}

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

  it("analyseImport on release-like tables: every detection rule, every line accounted for", () => {
    fc.assert(
      fc.property(releaseTable, separator, eol, fc.option(options, { nil: undefined }), (rows, sep, e, o) => {
        const source = render(rows, sep, e);
        const a = analyseImport(source, o ?? { today: TODAY });
        checkAnalysis(a);
        checkLines(a, source);
      }),
      { numRuns: 800 },
    );
  });

  it("on the same tables read automatically, with no quote astray, every month is read", () => {
    fc.assert(
      fc.property(releaseTable, fc.constantFrom(",", "\t"), (rows, sep) => {
        if (rows.some((r) => r.some((c) => c.startsWith('"')))) return;
        const a = analyseImport(render(rows, sep, "\n"), { today: TODAY });
        expect(a.detected).toBe("long");
        expect(a.plan.blocked).toBe(false);
        const months = new Set(a.plan.rows.map((r) => r[0]));
        const data = a.lines.filter((l) => l === "data").length;
        expect(months.size).toBeGreaterThan(0);
        expect(data).toBeGreaterThanOrEqual(months.size);
      }),
      { numRuns: 400 },
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
