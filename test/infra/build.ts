/**
 * Production builds for the infra tests, each in its own folder under test-results/ so that
 * `npm start` (which builds into dist/) and other test files never pull files away mid-test.
 * Rebuilt only when a source is newer than the build.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");
export const DEV_BASE_URL = "https://localhost:3000/";
/** Generous: the build shares the machine with every other test file. */
export const BUILD_TIMEOUT_MS = 400_000;

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

export function webpack(outDir: string, env: NodeJS.ProcessEnv = {}): void {
  const base = { ...process.env };
  delete base.ADDIN_BASE_URL;
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", outDir],
    {
      cwd: ROOT,
      env: { ...base, ...env },
      stdio: "pipe",
      timeout: BUILD_TIMEOUT_MS - 10_000,
    },
  );
}

export function ensureBuilt(name: string, env: NodeJS.ProcessEnv = {}): string {
  const out = join(ROOT, "test-results", name);
  const marker = join(out, "manifest.xml");
  const inputs = ["src", "assets", "webpack.config.js", "manifest.xml", "package.json"]
    .map((p) => join(ROOT, p))
    .filter(existsSync);
  if (!existsSync(marker) || Math.max(...inputs.map(newestMtime)) > statSync(marker).mtimeMs) webpack(out, env);
  return out;
}
