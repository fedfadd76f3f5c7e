/**
 * Issue 4 item 7: gzipped size of each built JavaScript file (office.js comes from the CDN and is not
 * ours). Builds with the project's own webpack config in production mode into a temporary folder
 * (dist/ is left to the other tools), with hidden source maps — the .js files are byte-identical to
 * `npm run build` — and attributes the minified bytes to their sources through the maps.
 */
import { createRequire } from "node:module";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { add } from "./table";

// Bundled into a temporary file by run.ts, so the project root comes from the environment.
const ROOT = process.env.PROD_BENCH_ROOT ?? resolve(__dirname, "..");
const require = createRequire(join(ROOT, "package.json"));
const LIMIT = 150 * 1024;

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes one source-map "mappings" line into [generatedColumn, sourceIndex] pairs. */
function segments(line: string, state: { source: number }): [number, number][] {
  const out: [number, number][] = [];
  let col = 0;
  for (const seg of line.split(",")) {
    if (!seg) continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of seg) {
      const digit = B64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    col += fields[0];
    if (fields.length > 1) state.source += fields[1];
    out.push([col, fields.length > 1 ? state.source : -1]);
  }
  return out;
}

/** Minified bytes per source file (node_modules grouped by package). */
export function attribute(code: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  const lines = code.split("\n");
  const bySource = new Map<string, number>();
  const state = { source: 0 };
  const name = (i: number): string => {
    if (i < 0) return "(webpack runtime)";
    const s = map.sources[i].replace(/^webpack:\/\/[^/]*\//, "");
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
    return nm ? `npm:${nm[1]}` : s.replace(/^\.\//, "");
  };
  map.mappings.split(";").forEach((lineMap, li) => {
    const segs = segments(lineMap, state);
    const text = lines[li] ?? "";
    segs.forEach(([col, src], k) => {
      const end = k + 1 < segs.length ? segs[k + 1][0] : text.length;
      const key = name(src);
      bySource.set(key, (bySource.get(key) ?? 0) + Math.max(0, end - col));
    });
  });
  return bySource;
}

async function build(outDir: string): Promise<void> {
  const webpack = require(join(ROOT, "node_modules/webpack"));
  const configFn = require(join(ROOT, "webpack.config.js"));
  const config = await configFn({}, { mode: "production" });
  config.mode = "production";
  config.context = ROOT;
  config.output = { ...config.output, path: outDir };
  config.devtool = "hidden-source-map";
  config.infrastructureLogging = { level: "error" };
  await new Promise<void>((done, fail) =>
    webpack(config).run((err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) fail(err);
      else if (stats.hasErrors()) fail(new Error(stats.toString({ all: false, errors: true })));
      else done();
    }),
  );
}

export async function bundleSection(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "prod-bench-build-"));
  try {
    await build(out);
    const files = readdirSync(out)
      .filter((f) => f.endsWith(".js"))
      .sort();
    let total = 0;
    const contributors = new Map<string, number>();
    let minified = 0;
    for (const f of files) {
      const code = readFileSync(join(out, f));
      const gz = gzipSync(code, { level: 9 }).length;
      total += gz;
      add({
        row: "7 bundle: gzipped",
        form: f,
        n: "-",
        ratio: gz / 1024,
        vs: "KB (gzip -9)",
        note: `${(code.length / 1024).toFixed(1)} KB minified`,
      });
      try {
        const map = JSON.parse(readFileSync(join(out, `${f}.map`), "utf8"));
        for (const [k, v] of attribute(code.toString("utf8"), map))
          contributors.set(`${f}: ${k}`, (contributors.get(`${f}: ${k}`) ?? 0) + v);
        minified += code.length;
      } catch {
        // no map for this file: it is reported without a breakdown
      }
    }
    const top = [...contributors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    add({
      row: "7 bundle: total gzipped",
      form: `${files.length} files`,
      n: "-",
      ratio: total / 1024,
      vs: "KB",
      target: "< 150 KB",
      met: total < LIMIT,
      note: "",
    });
    for (const [k, v] of top) {
      add({
        row: "7 bundle: largest contributor",
        form: k.slice(0, 60),
        n: "-",
        ratio: v / 1024,
        vs: "KB minified",
        note: `${((100 * v) / minified).toFixed(1)}% of all minified bytes`,
      });
    }
    lastBreakdown = top.map(([k, v]) => ({ source: k, bytes: v, share: v / minified }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export let lastBreakdown: { source: string; bytes: number; share: number }[] = [];
