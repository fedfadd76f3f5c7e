/**
 * The bench itself (bench/run.ts bundles this file first). Every ratio is against a baseline measured
 * in this same process and run (bench/baselines.ts, committed before the code it measures). A section
 * that fails prints why and the rest go on.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { header, printAll, add } from "./table";
import { tables } from "../src/functions/series";

const started = Date.now();

// `npm run bench -- import` runs only the sections whose name contains "import".
const only = process.env.PROD_BENCH_ONLY;

async function section(name: string, run: () => Promise<void> | void): Promise<void> {
  if (only && !name.includes(only)) return;
  const t0 = Date.now();
  try {
    await run();
  } catch (e) {
    add({
      row: `${name}: not measured`,
      form: "",
      n: "-",
      note: String(e instanceof Error ? e.message : e)
        .split("\n")[0]
        .slice(0, 160),
    });
  }
  console.log(`   (${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

async function main(): Promise<void> {
  if (typeof (globalThis as { gc?: unknown }).gc !== "function") {
    console.log("note: run through `npm run bench` (node --expose-gc): without it memory figures are not comparable");
  }
  console.log(
    `node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  );
  // Other processes slow both sides of every ratio alike (they alternate), but not the ns/row figures.
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  console.log(header());
  // Every section but "per-row" times what a recalculation after an edit costs: a series built from the
  // cells. Kept tables (the per-row form's cache) would turn repeated calls on unchanged data into
  // look-ups, which Excel never makes for a single formula (it recalculates one when its cells change).
  tables.keep(0);
  await section("calc kernels", async () => (await import("./calcBench")).kernelSection());
  await section("calc from date cells", async () => (await import("./calcBench")).datedSection());
  await section("spilled periods", async () => (await import("./adapterBench")).spillSection());
  await section("adapter", async () => (await import("./adapterBench")).adapterSection());
  await section("whole column", async () => (await import("./adapterBench")).wholeColumnSection());
  await section("spill payload", async () => (await import("./adapterBench")).payloadSection());
  await section("per-row formulas", async () => (await import("./perRowBench")).perRowSection());
  await section("import", async () => (await import("./importBench")).importSection());
  await section("release reader", async () => (await import("./releaseBench")).releaseSection());
  await section("memory", async () => (await import("./memoryBench")).memorySection());
  await section("bundle", async () => (await import("./bundle")).bundleSection());
  printAll();
  console.log(
    `\nload average at end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  console.log(`bench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export const done = main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
