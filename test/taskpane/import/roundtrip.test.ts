/**
 * Property: records written out in any of the five layouts, as CSV, TSV or a pasted (spaced)
 * table, are read back as the same records.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseImport } from "../../../src/taskpane/import/analyse";
import type { LayoutKind, PlannedCell } from "../../../src/taskpane/import/types";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
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
const serial = (m: number) => (Date.UTC(Math.floor(m / 12), m % 12, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;

interface MetricDef {
  name: string;
  write: (v: number) => string;
  read: (v: number) => number;
}
const group = (n: number) => n.toLocaleString("en-US");
const METRICS: MetricDef[] = [
  { name: "Gold (oz)", write: (v) => group(v), read: (v) => v },
  { name: "Ore processed (t)", write: (v) => String(v), read: (v) => v },
  { name: "Head grade (g/t)", write: (v) => (v / 100).toFixed(2), read: (v) => Number((v / 100).toFixed(2)) },
  { name: "Recovery (%)", write: (v) => (v / 10).toFixed(1), read: (v) => Number(`${(v / 10).toFixed(1)}e-2`) },
];
const MINES = ["Veta Dorada", "Huanca", "Mine 2", "Mine 10"];

interface Data {
  mines: string[]; // [""] when there is no mine column
  metrics: number[]; // indexes into METRICS
  months: number[]; // month indexes, distinct
  values: Map<string, (number | null)[]>; // mine|month -> value per metric
  monthForm: number;
}

const dataArb: fc.Arbitrary<Data> = fc
  .record({
    mineCount: fc.integer({ min: 0, max: 3 }),
    metrics: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 1 }),
    months: fc.uniqueArray(fc.integer({ min: 2010 * 12, max: 2020 * 12 + 11 }), { minLength: 1, maxLength: 14 }),
    seed: fc.array(fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: null, freq: 6 }), {
      minLength: 200,
      maxLength: 200,
    }),
    monthForm: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ mineCount, metrics, months, seed, monthForm }) => {
    const mines = mineCount === 0 ? [""] : MINES.slice(0, mineCount);
    const values = new Map<string, (number | null)[]>();
    let k = 0;
    for (const mine of mines)
      for (const m of months)
        values.set(
          `${mine}|${m}`,
          metrics.map(() => seed[k++ % seed.length]),
        );
    return { mines, metrics, months, values, monthForm };
  });

const monthText = (m: number, form: number): string => {
  const y = Math.floor(m / 12);
  const i = m % 12;
  return [
    `${MONTHS[i]} ${y}`,
    `${y}-${String(i + 1).padStart(2, "0")}`,
    `${FULL[i]} ${y}`,
    `${MONTHS[i]}-${String(y % 100).padStart(2, "0")}`,
  ][form];
};
const cell = (d: Data, mine: string, m: number, k: number): string => {
  const v = d.values.get(`${mine}|${m}`)?.[k];
  return v === null || v === undefined ? "-" : METRICS[d.metrics[k]].write(v);
};
const hasMine = (d: Data) => d.mines[0] !== "";
const mineHead = (d: Data) => (hasMine(d) ? ["Mine"] : []);
const mineCell = (mine: string) => (mine ? [mine] : []);

function writeLong(d: Data): string[][] {
  const rows = [[...mineHead(d), "Month", ...d.metrics.map((i) => METRICS[i].name)]];
  for (const mine of d.mines)
    for (const m of [...d.months].reverse())
      rows.push([...mineCell(mine), monthText(m, d.monthForm), ...d.metrics.map((_, k) => cell(d, mine, m, k))]);
  return rows;
}

function writeTidy(d: Data): string[][] {
  const rows = [[...mineHead(d), "Month", "Metric", "Value"]];
  for (const mine of d.mines)
    for (const m of d.months)
      d.metrics.forEach((i, k) =>
        rows.push([...mineCell(mine), monthText(m, d.monthForm), METRICS[i].name, cell(d, mine, m, k)]),
      );
  return rows;
}

function writeWideYears(d: Data): string[][] {
  const years = [...new Set(d.months.map((m) => Math.floor(m / 12)))].sort((a, b) => b - a); // newest first
  const rows = [[...mineHead(d), "Year", "Metric", ...MONTHS.slice(0, 3), "Q1 total", ...MONTHS.slice(3), "Total"]];
  for (const mine of d.mines) {
    for (const y of years) {
      d.metrics.forEach((i, k) => {
        const cells = MONTHS.map((_, mi) => (d.months.includes(y * 12 + mi) ? cell(d, mine, y * 12 + mi, k) : ""));
        rows.push([
          ...mineCell(mine),
          String(y),
          METRICS[i].name,
          ...cells.slice(0, 3),
          "999",
          ...cells.slice(3),
          "9999",
        ]);
      });
    }
  }
  return rows;
}

function writeWideMonths(d: Data): string[][] {
  const years = [...new Set(d.months.map((m) => Math.floor(m / 12)))].sort((a, b) => a - b);
  const cols = years.flatMap((y) => d.metrics.map((i, k) => ({ y, k, name: `${y} ${METRICS[i].name}` })));
  const rows = [[...mineHead(d), "Month", ...cols.map((c) => c.name), "Comment"]];
  for (const mine of d.mines) {
    FULL.forEach((name, mi) => {
      rows.push([
        ...mineCell(mine),
        name,
        ...cols.map((c) => (d.months.includes(c.y * 12 + mi) ? cell(d, mine, c.y * 12 + mi, c.k) : "")),
        mi === 1 ? "record, rain" : "",
      ]);
      if (mi === 2) rows.push([...mineCell(mine), "Q1", ...cols.map(() => "1"), ""]);
    });
  }
  return rows;
}

/** Metrics as rows, months as columns newest first, then a quarter-to-date and a guidance column. */
function writeWideMetrics(d: Data): string[][] {
  const months = [...d.months].sort((a, b) => b - a);
  const rows = [
    [...mineHead(d), "Operating results", ...months.map((m) => monthText(m, d.monthForm)), "QTD", "Guidance"],
  ];
  for (const mine of d.mines) {
    d.metrics.forEach((i, k) =>
      rows.push([...mineCell(mine), METRICS[i].name, ...months.map((m) => cell(d, mine, m, k)), "999", "88-92,000"]),
    );
  }
  return rows;
}

type Format = "csv" | "tsv" | "spaces" | "european";
/** European Excel: semicolons between cells, "." grouping thousands and "," as the decimal mark. */
const european = (c: string) => (/^-?[\d.,]+$/.test(c) ? c.replace(/[.,]/g, (m) => (m === "." ? "," : ".")) : c);
function serialise(rows: string[][], format: Format): string {
  if (format === "european") return rows.map((r) => r.map(european).join(";")).join("\r\n");
  if (format === "tsv") return rows.map((r) => r.join("\t")).join("\n");
  if (format === "spaces") return rows.map((r) => r.join("   ")).join("\n");
  return (
    rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n") + "\r\n"
  );
}

/** Wide layouts are grids of every month: a month with no value at all ("-") is not a row. */
function expected(d: Data, wide: boolean): { names: string[]; rows: PlannedCell[][] } {
  const names = [...mineHead(d), "Month", ...d.metrics.map((i) => METRICS[i].name)];
  const mines = [...d.mines].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const months = [...d.months].sort((a, b) => a - b);
  const rows: PlannedCell[][] = [];
  for (const mine of mines) {
    for (const m of months) {
      const vs = d.values.get(`${mine}|${m}`) as (number | null)[];
      if (wide && vs.every((v) => v === null)) continue;
      rows.push([
        ...mineCell(mine),
        serial(m),
        ...vs.map((v, k) => (v === null ? "n/a" : METRICS[d.metrics[k]].read(v))),
      ]);
    }
  }
  return { names, rows };
}

const WRITERS: [LayoutKind, (d: Data) => string[][], Format[]][] = [
  ["long", writeLong, ["csv", "tsv", "spaces", "european"]],
  ["tidy", writeTidy, ["csv", "tsv", "spaces", "european"]],
  ["wide-years-rows", writeWideYears, ["csv", "tsv", "european"]], // blank cells cannot be pasted as spaces
  ["wide-months-rows", writeWideMonths, ["csv", "tsv", "european"]],
  ["wide-metrics-rows", writeWideMetrics, ["csv", "tsv", "spaces", "european"]],
];

describe("round trip through every layout and format", () => {
  for (const [layout, write, formats] of WRITERS) {
    for (const format of formats) {
      it(`${layout} as ${format}`, () => {
        fc.assert(
          fc.property(dataArb, (d) => {
            // Metrics as rows are told from a long table's first row by two or more month columns.
            if (layout === "wide-metrics-rows") fc.pre(d.months.length >= 2);
            const a = analyseImport(serialise(write(d), format), { today: new Date(2100, 0, 1) });
            expect(a.detected).toBe(layout);
            expect(a.decimal).toBe(format === "european" ? "," : ".");
            const want = expected(d, layout.startsWith("wide"));
            if (want.rows.length === 0) return; // nothing reported at all: covered by the "no-data" test
            expect(a.plan.columns.map((c) => c.name)).toEqual(want.names);
            expect(a.plan.rows).toEqual(want.rows);
            expect(a.plan.problems.filter((p) => p.severity === "error")).toEqual([]);
            expect(a.plan.blocked).toBe(false);
          }),
          { numRuns: 60 },
        );
      });
    }
  }
});
