import { importCsv } from "./data";
import { readTable } from "../src/taskpane/import/read";
import { ValueReader, MonthReader } from "../src/taskpane/import/cells";
const table = readTable(importCsv(100, 1000));
const r = new ValueReader(".");
const t = (name: string, f: () => void) => { (globalThis as any).gc(); const m0 = process.memoryUsage().heapUsed; const s = performance.now(); f(); console.log(name, (performance.now() - s).toFixed(0), "ms", ((process.memoryUsage().heapUsed - m0) / 1e6).toFixed(1), "MB"); };
for (let k = 0; k < 3; k++) {
  t("trim only", () => { let n = 0; for (let i = 1; i < table.length; i++) for (let c = 2; c < 7; c++) n += table[i][c].trim().length; });
  t("read values", () => { let n = 0; for (let i = 1; i < table.length; i++) for (let c = 2; c < 7; c++) { const v = r.read(table[i][c], c === 6); if (v !== null) n += v; } });
  const mr = new MonthReader();
  t("months", () => { for (let i = 1; i < table.length; i++) mr.read(table[i][1]); });
  t("arrays 100k x7", () => { const out = []; for (let i = 1; i < table.length; i++) out.push([table[i][0], 1, 2.5, 3.5, 4, 5, null]); });
}
