import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, ROOT, ensureBuilt } from "./build";
// @ts-expect-error plain ESM script without types
import { staleBuild, validateBuild, validateManifest } from "../../scripts/validate.mjs";
// @ts-expect-error plain ESM script without types
import { pngSize } from "../../scripts/lib/png.mjs";

const FIXTURES = join(ROOT, "test/fixtures/manifests");
let dist = "";

beforeAll(() => {
  dist = ensureBuilt("infra-dist");
}, BUILD_TIMEOUT_MS);

const check = (manifest: string): Promise<string[]> => validateManifest(manifest, { distDir: dist });

function validateCli(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts/validate.mjs"), ...args, "--dist", dist], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe("our add-in", () => {
  it("the source manifest passes every check", async () => {
    expect(await check(join(ROOT, "manifest.xml"))).toEqual([]);
  });

  it("the built manifest passes every check", async () => {
    expect(await check(join(dist, "manifest.xml"))).toEqual([]);
  });

  it("the built functions.js registers exactly the functions in functions.json", async () => {
    expect(await validateBuild(dist)).toEqual([]);
    const ids = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")).functions.map(
      (f: { id: string }) => f.id,
    );
    expect(ids).toEqual(expect.arrayContaining(["YOY_GROWTH", "GUIDANCE_RANGE", "RECORD_MONTH"]));
  });

  it("npm run validate exits 0 and says valid", () => {
    const { code, out } = validateCli(join(ROOT, "manifest.xml"));
    expect(out).toContain("manifest.xml: valid");
    expect(code).toBe(0);
  });

  it("every icon in assets/ is a PNG of the size in its name", () => {
    const icons = readdirSync(join(ROOT, "assets")).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(icons.sort()).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    for (const icon of icons) {
      const size = Number(/\d+/.exec(icon)![0]);
      expect(pngSize(readFileSync(join(ROOT, "assets", icon))), icon).toEqual({ width: size, height: size });
    }
  });
});

// One fixture per rule; each breaks exactly that rule, so it yields exactly one message.
const BROKEN: [fixture: string, message: string][] = [
  ["not-well-formed", 'not well-formed XML: Opening and ending tag mismatch: "Permissions" != "Permission"'],
  [
    "xsd-unknown-element",
    "XSD line 12: Schemas validity error : Element 'Publisher': This element is not expected. Expected is ( ProviderName ).",
  ],
  ["http-url", '<bt:Url> (line 99): URL "http://localhost:3000/functions.js" is not https'],
  [
    "resid-missing",
    '<Namespace> (line 50): resid "Functions.Prefix" names no resource (expected one in bt:ShortStrings)',
  ],
  [
    "resid-wrong-kind",
    '<Label> (line 63): resid "GetStarted.Description" is in bt:LongStrings, expected bt:ShortStrings',
  ],
  ["duplicate-resource-id", 'Resource id "ProdGroup.Label" is used twice: line 106 and line 108'],
  ["duplicate-group-id", 'Group id "ProdGroup" is used twice: line 62 and line 86'],
  ["duplicate-control-id", 'Control id "ProdTaskpaneButton" is used twice: line 69 and line 85'],
  ["ribbon-icon-missing-80", "<Icon> (line 75): ribbon icon lacks size 80 (needs 16, 32 and 80)"],
  ["icon-wrong-size", '<bt:Image> (line 67): "https://localhost:3000/assets/icon-64.png" is 64x64, expected 80x80'],
  ["iconurl-wrong-size", '<IconUrl> (line 16): "https://localhost:3000/assets/icon-64.png" is 64x64, expected 32x32'],
  [
    "highres-wrong-size",
    '<HighResolutionIconUrl> (line 17): "https://localhost:3000/assets/icon-128.png" is 128x128, expected 64x64',
  ],
  ["icon-not-png", '<IconUrl> (line 16): "https://localhost:3000/assets/support.html" is not a PNG file'],
  ["two-runtimes", "a shared runtime needs exactly one <Runtime>, found 2"],
  ["runtime-short-lifetime", '<Runtime> (line 37): lifetime is "short", a shared runtime needs lifetime="long"'],
  [
    "functions-page-other-page",
    'custom functions <Page> (line 45) uses resid "Functions.Script.Url", but the shared <Runtime> uses "Taskpane.Url"',
  ],
  [
    "functionfile-other-page",
    '<FunctionFile> (line 59) uses resid "Functions.Script.Url", but the shared <Runtime> uses "Taskpane.Url"',
  ],
  [
    "taskpane-action-other-page",
    'ShowTaskpane action (line 82) uses resid "GetStarted.LearnMoreUrl", but the shared <Runtime> uses "Taskpane.Url"',
  ],
  ["no-shared-runtime-set", '<Requirements> lacks <Set Name="SharedRuntime" MinVersion="1.1"/>'],
  [
    "custom-functions-runtime-1-1",
    '<Requirements> lacks <Set Name="CustomFunctionsRuntime" MinVersion="1.2"/> (CustomFunctions.Error needs 1.2)',
  ],
  [
    "host-mismatch",
    '<Host xsi:type="Workbook"> (line 34): VersionOverrides host "Workbook" has no matching <Host Name="Workbook"/> in <Hosts>',
  ],
  ["missing-support-url", "<SupportUrl> is missing"],
  ["id-not-plain-guid", '<Id> "{315a3b84-c0be-42c5-b6ea-fe2d6f0ef1bc}" is not a plain hyphenated GUID'],
  [
    "url-not-served",
    '<bt:Url> (line 100): URL "https://localhost:3000/functions-metadata.json" is not served by the build',
  ],
  [
    "url-not-under-base",
    '<SupportUrl> (line 18): URL "https://example.com/prod/help.html" is not under the add-in base URL https://localhost:3000/',
  ],
];

describe("a broken manifest fails with a message saying what is wrong", () => {
  it("every fixture in test/fixtures/manifests has a case here", () => {
    const files = readdirSync(FIXTURES).map((f) => f.replace(/\.xml$/, ""));
    expect(files.sort()).toEqual(BROKEN.map(([f]) => f).sort());
  });

  it.each(BROKEN)("%s", async (fixture, message) => {
    const problems = await check(join(FIXTURES, `${fixture}.xml`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it("npm run validate exits non-zero and prints the problem", () => {
    const { code, out } = validateCli(join(FIXTURES, "http-url.xml"));
    expect(code).toBe(1);
    expect(out).toContain('URL "http://localhost:3000/functions.js" is not https');
  });
});

describe("functions.js registration against functions.json", () => {
  function brokenBuild(edit: (js: string) => string): string {
    const copy = mkdtempSync(join(tmpdir(), "prod-dist-"));
    cpSync(dist, copy, { recursive: true });
    const file = join(copy, "functions.js");
    writeFileSync(file, edit(readFileSync(file, "utf8")));
    return copy;
  }

  it("a wrong id is reported both ways, as Excel would show #NAME?", async () => {
    const copy = brokenBuild((js) => js.replace('associate("RECORD_MONTH"', 'associate("RECORD_MONTHS"'));
    expect(await validateBuild(copy)).toEqual([
      'functions.json declares "RECORD_MONTH" but functions.js never registers it (Excel would show #NAME?)',
      'functions.js registers "RECORD_MONTHS", which functions.json does not declare',
    ]);
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, "scripts/validate.mjs"), join(ROOT, "manifest.xml"), "--dist", copy],
      { encoding: "utf8" },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("never registers it");
  });

  it("a function registered twice is reported", async () => {
    const copy = brokenBuild((js) => `${js}\nCustomFunctions.associate("YOY_GROWTH", function () { return 0; });`);
    expect(await validateBuild(copy)).toEqual(['functions.js registers "YOY_GROWTH" more than once']);
  });

  it("a bundle that throws while loading registers nothing", async () => {
    const copy = brokenBuild((js) => `throw new Error("calc module failed to load");\n${js}`);
    expect(await validateBuild(copy)).toEqual([
      "functions.js throws while loading, so no function is registered: calc module failed to load",
    ]);
  });
});

describe("a build older than the manifest is caught", () => {
  it("dist/manifest.xml must be manifest.xml with only the base URL rewritten", () => {
    const dir = mkdtempSync(join(tmpdir(), "prod-stale-"));
    const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const built = join(dir, "manifest.xml");
    writeFileSync(built, source.split("https://localhost:3000/").join("https://example.com/prod/"));
    expect(staleBuild(join(ROOT, "manifest.xml"), built, "https://example.com/prod/")).toBeNull();
    writeFileSync(built, source.replace(/<Version>[^<]*<\/Version>/, "<Version>0.0.0.1</Version>"));
    expect(staleBuild(join(ROOT, "manifest.xml"), built, "https://localhost:3000/")).toBe(
      "dist/manifest.xml is not manifest.xml built for https://localhost:3000/: run npm run build (with the same ADDIN_BASE_URL)",
    );
  });
});
