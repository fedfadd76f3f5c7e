import Papa from "papaparse";
import { importCsv } from "./data";
import { analyseImport, readTable } from "../src/taskpane/import/engine";
const text = importCsv(100, 1000);
const t = (f: () => void) => { const s = performance.now(); f(); return performance.now() - s; };
const P: number[] = [], R: number[] = [], A: number[] = [];
for (let k = 0; k < 8; k++) {
  P.push(t(() => Papa.parse(text)));
  R.push(t(() => readTable(text)));
  A.push(t(() => analyseImport(text, { today: new Date(2024, 5, 15) })));
}
const min = (x: number[]) => Math.min(...x).toFixed(0);
console.log(`min papa ${min(P)} readTable ${min(R)} analyse ${min(A)} ratio ${(Math.min(...A) / Math.min(...P)).toFixed(2)}`);
