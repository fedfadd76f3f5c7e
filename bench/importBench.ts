/**
 * Issue 4 item 5: the import's reading side (parse + detect + validate + plan) on 100,000 rows x
 * 5 metrics against papaparse alone on the same text; the size of every Excel request the writer
 * sends (serialised from what a recording Excel double received) and the number of syncs.
 */
import { add } from "./table";
import { compare } from "./timing";
import { importCsv } from "./data";
import { baselineParse } from "./baselines";
import { analyseImport } from "../src/taskpane/import/analyse";
import { planChunks } from "../src/taskpane/import/chunks";
import { writePlan } from "../src/taskpane/import/writer";
import { createExcelDouble } from "../test/support/excel-double";

const ROWS = 100_000;
const MAX_REQUEST = 4_000_000;
const TODAY = new Date(Date.UTC(2024, 5, 15));

export async function importSection(): Promise<void> {
  const csv = importCsv(100, 1000);
  const form = "CSV long, mine + 5 metrics";
  const { baseNs: base, fnNs: t } = compare(
    () => baselineParse(csv),
    () => analyseImport(csv, { today: TODAY }),
    { reps: 5 },
  );
  add({ row: "5 baseline: papaparse default options", form, n: ROWS, nsPerRow: base / ROWS });
  add({
    row: "5 import: parse+detect+validate+plan",
    form,
    n: ROWS,
    nsPerRow: t / ROWS,
    ratio: t / base,
    vs: "papaparse",
    target: "<= 2x",
    met: t / base <= 2,
  });

  const plan = analyseImport(csv, { today: TODAY }).plan;
  if (plan.blocked || plan.rows.length !== ROWS) {
    add({
      row: "5 import plan",
      form,
      n: ROWS,
      note: `unexpected plan: blocked=${plan.blocked}, ${plan.rows.length} rows, ${plan.problems[0]?.message ?? ""}`,
    });
    return;
  }
  const chunks = planChunks(plan);
  const planned = Math.max(...chunks.map((c) => c.bytes));
  add({
    row: "5 largest planned request (planChunks)",
    form: `${chunks.length} chunks`,
    n: ROWS,
    ratio: planned / 1e6,
    vs: "MB",
    target: "< 4 MB",
    met: planned < MAX_REQUEST,
  });

  // What the writer really sends: every call the double recorded, serialised, summed per sync.
  const excel = createExcelDouble({ sheets: { Sheet1: [] } });
  (globalThis as { Excel?: unknown }).Excel = excel.Excel;
  const out = await writePlan(plan);
  delete (globalThis as { Excel?: unknown }).Excel;
  const perSync = new Map<number, number>();
  for (const c of excel.calls) {
    if (c.op === "sync") continue;
    const bytes = Buffer.byteLength(JSON.stringify({ op: c.op, target: c.target, args: c.args }) ?? "", "utf8");
    perSync.set(c.sync, (perSync.get(c.sync) ?? 0) + bytes);
  }
  const largest = Math.max(...perSync.values());
  add({
    row: "5 largest request sent (recorded, JSON)",
    form: `write to new table: ${out.status}`,
    n: ROWS,
    ratio: largest / 1e6,
    vs: "MB",
    target: "< 4 MB",
    met: out.status === "done" && largest < MAX_REQUEST,
    note: `${excel.syncCount} syncs for ${out.rowsWritten.toLocaleString("en-US")} rows (${chunks.length} chunks)`,
  });
}
