/**
 * `npm run bench`. Bundles bench/main.ts with esbuild into one file first, then runs it: Excel runs our
 * code as one webpack bundle (modules concatenated), while tsx's per-file loading turns every call
 * across files into a property lookup on an exports object, which made the kernels up to 3x slower
 * than the same code bundled. If bundling fails (code missing), the bench runs unbundled and says so.
 */
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(__dirname, "..");
const require = createRequire(join(ROOT, "package.json"));

async function main(): Promise<void> {
  process.env.PROD_BENCH_ROOT = ROOT;
  if (process.argv[2]) process.env.PROD_BENCH_ONLY = process.argv[2];
  const out = mkdtempSync(join(tmpdir(), "prod-bench-"));
  const file = join(out, "bench.cjs");
  try {
    const esbuild = require("esbuild");
    await esbuild.build({
      entryPoints: [join(ROOT, "bench/main.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      outfile: file,
      external: ["webpack"],
      logLevel: "error",
    });
    console.log("bench: running bench/main.ts bundled by esbuild (as Excel runs one bundle)");
    await (
      await import(pathToFileURL(file).href)
    ).done;
  } catch (e) {
    console.log(
      `bench: bundling failed (${String(e instanceof Error ? e.message : e).split("\n")[0]}); running unbundled — times are slower than bundled`,
    );
    await (
      await import("./main")
    ).done;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  // The corpus figure runs unbundled: it reads the fixtures beside the test support that lists them.
  const only = process.env.PROD_BENCH_ONLY;
  if (!only || "import corpus".includes(only)) (await import("./corpus")).printCorpusScore();
}

main();
