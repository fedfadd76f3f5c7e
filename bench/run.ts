/**
 * `npm run bench`: issue 4's benchmark table. Every ratio is against a baseline measured in this
 * same process and run (bench/baselines.ts). Sections whose code has not landed print "pending".
 */
import { add, header, printAll } from "./table";
import { measure } from "./timing";
import { monthlyInput, importCsv } from "./data";
import { baselineMonth, baselineYtd, baselineTtm, baselineRecords, baselineSeries, baselineParse } from "./baselines";

const SIZES = [1_000, 100_000, 1_000_000];
const started = Date.now();

function baselinesSection(): void {
  for (const n of SIZES) {
    const inp = monthlyInput(n, "serial");
    const t = (fn: () => unknown) => measure(fn).medianNs / n;
    add({ row: "baseline: month window loop", form: "Float64Array", n, nsPerRow: t(() => baselineMonth(inp.values)) });
    add({ row: "baseline: ytd window loop", form: "Float64Array", n, nsPerRow: t(() => baselineYtd(inp.values, inp.firstMonth)) });
    add({ row: "baseline: ttm window loop", form: "Float64Array", n, nsPerRow: t(() => baselineTtm(inp.values)) });
    add({ row: "baseline: running maxima (month scope)", form: "Float64Array", n, nsPerRow: t(() => baselineRecords(inp.values, inp.firstMonth, "month")) });
    add({ row: "baseline: series from serials", form: "Float64Array serials", n, nsPerRow: t(() => baselineSeries(inp.serials, inp.values)) });
  }
  const csv = importCsv();
  add({ row: "baseline: papaparse default options", form: "CSV text, 7 columns", n: 100_000, nsPerRow: measure(() => baselineParse(csv)).medianNs / 100_000 });
}

function main(): void {
  console.log(header());
  baselinesSection();
  printAll();
  console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
