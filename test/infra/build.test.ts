/** The production build: what dist/ holds, the URL rewrite for hosting, and the size budget. */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, ROOT, ensureBuilt } from "./build";
// @ts-expect-error plain ESM script without types
import { validateManifest } from "../../scripts/validate.mjs";

const PROD_BASE = "https://addins.example.com/prod/";
let prod = "";

beforeAll(() => {
  prod = ensureBuilt("infra-dist-prod", { ADDIN_BASE_URL: PROD_BASE });
}, BUILD_TIMEOUT_MS);

function files(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? files(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}

describe("npm run build", () => {
  it("dist holds the page, both bundles, the metadata, the manifest and the icons", () => {
    expect(files(prod)).toEqual(
      expect.arrayContaining([
        "taskpane.html",
        "taskpane.js",
        "release-reader.js",
        "functions.js",
        "functions.json",
        "manifest.xml",
        ...[16, 32, 64, 80, 128].map((s) => `assets/icon-${s}.png`),
      ]),
    );
  });

  it("taskpane.html loads office.js from the CDN and both bundles (shared runtime)", () => {
    const html = readFileSync(join(prod, "taskpane.html"), "utf8");
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(html).toMatch(/<script[^>]+src="functions\.js"/);
    expect(html).toMatch(/<script[^>]+src="taskpane\.js"/);
    expect(html).toContain('id="import"');
  });

  it("ADDIN_BASE_URL rewrites every manifest URL and the result validates against that base", async () => {
    const manifest = readFileSync(join(prod, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`${PROD_BASE}taskpane.html`);
    expect(await validateManifest(join(prod, "manifest.xml"), { distDir: prod, baseUrl: PROD_BASE })).toEqual([]);
  });

  it("a base URL that is not https is refused with a message", () => {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules/webpack-cli/bin/cli.js"),
        "--mode",
        "production",
        "--output-path",
        join(ROOT, "test-results/infra-dist-refused"),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, ADDIN_BASE_URL: "http://addins.example.com/prod/" },
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(
      'ADDIN_BASE_URL must be an https URL ending in "/", got "http://addins.example.com/prod/"',
    );
  }, 130_000);

  it("what the page downloads when it opens (office.js aside) stays under 150 KB gzipped", () => {
    const shipped = ["taskpane.html", "taskpane.css", "taskpane.js", "functions.js", "functions.json"];
    const total = shipped.reduce((sum, f) => sum + gzipSync(readFileSync(join(prod, f))).length, 0);
    expect(total).toBeLessThan(150 * 1024);
  });

  it("the release reader is a chunk of its own, downloaded at the first check, not with the page", () => {
    // A message only the reader gives: in its chunk, not in the pane's bundle.
    const phrase = "the period the growth is measured from is not said";
    expect(readFileSync(join(prod, "release-reader.js"), "utf8")).toContain(phrase);
    expect(readFileSync(join(prod, "taskpane.js"), "utf8")).not.toContain(phrase);
    expect(readFileSync(join(prod, "taskpane.html"), "utf8")).not.toContain("release-reader.js");
  });
});
