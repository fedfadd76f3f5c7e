import { importCsv } from "./data";
import { readTable } from "../src/taskpane/import/read";
import { detectLayout } from "../src/taskpane/import/detect";
import { detectDecimal, extract } from "../src/taskpane/import/extract";
import { buildPlan } from "../src/taskpane/import/plan";
const text = importCsv(100, 1000);
const table = readTable(text);
const d = detectLayout(table);
const g = detectDecimal(table, d.shape!);
for (let k = 0; k < 15; k++) {
  const ex = extract(table, d.shape!, g.mark);
  buildPlan(ex, { layout: "long", skipBadRows: false, today: new Date(2024, 5, 15), monthColumn: "Month", mineColumn: "Mine" });
}
