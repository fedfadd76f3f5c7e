import Papa from "papaparse";
import { importCsv } from "./data";
import { readTable } from "../src/taskpane/import/read";
import { detectLayout } from "../src/taskpane/import/detect";
import { detectDecimal, extract } from "../src/taskpane/import/extract";
import { buildPlan } from "../src/taskpane/import/plan";
const text = importCsv(100, 1000);
const t = (f: () => any) => { const s = performance.now(); const r = f(); return [performance.now() - s, r] as const; };
const mins = [1e9, 1e9, 1e9, 1e9, 1e9, 1e9];
for (let k = 0; k < 10; k++) {
  const [p] = t(() => Papa.parse(text));
  const [a, table] = t(() => readTable(text));
  const [b, d] = t(() => detectLayout(table));
  const [c, g] = t(() => detectDecimal(table, d.shape!));
  const [e, ex] = t(() => extract(table, d.shape!, g.mark));
  const [f] = t(() => buildPlan(ex, { layout: "long", skipBadRows: false, today: new Date(2024, 5, 15), monthColumn: "Month", mineColumn: "Mine" }));
  [p, a, b, c, e, f].forEach((x, i) => (mins[i] = Math.min(mins[i], x)));
}
console.log("papa read detect decimal extract plan\n" + mins.map((x) => x.toFixed(0)).join("\t"));
