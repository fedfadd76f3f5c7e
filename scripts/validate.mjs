// Offline validation of the add-in: npm run validate [-- manifest.xml] [--dist dir]
// Checks the manifest against the XSDs, the rules the XSDs cannot express,
// that the build serves every URL, and that functions.js registers exactly
// the functions declared in functions.json.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DOMParser } from "@xmldom/xmldom";
import { xsdProblems } from "./lib/xsd.mjs";
import { ruleProblems } from "./lib/manifest-rules.mjs";
import { registrationProblems } from "./lib/registration.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEV_BASE_URL = "https://localhost:3000/";

function parse(xml) {
  const errors = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  }).parseFromString(xml, "text/xml");
  return { doc, errors };
}

/** All problems of one manifest; [] when it is good. */
export async function validateManifest(
  manifestPath,
  { distDir = join(ROOT, "dist"), baseUrl = DEV_BASE_URL, schemaDir = join(ROOT, "schemas") } = {},
) {
  if (!existsSync(manifestPath)) return [`${manifestPath} does not exist`];
  const xml = readFileSync(manifestPath, "utf8");
  let parsed;
  try {
    parsed = parse(xml);
  } catch (e) {
    return [`not well-formed XML: ${e.message}`];
  }
  if (parsed.errors.length > 0) return parsed.errors.map((m) => `not well-formed XML: ${m}`);
  const problems = await xsdProblems(xml, schemaDir);
  if (!existsSync(distDir)) return [...problems, `${distDir} does not exist: run npm run build first`];
  return [...problems, ...ruleProblems(parsed.doc, { baseUrl, distDir })];
}

export async function validateBuild(distDir = join(ROOT, "dist")) {
  const js = join(distDir, "functions.js");
  const json = join(distDir, "functions.json");
  if (!existsSync(js) || !existsSync(json))
    return [
      `${relative(process.cwd(), distDir) || distDir} lacks functions.js or functions.json: run npm run build first`,
    ];
  return registrationProblems(js, json);
}

function option(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The built manifest must be the source one with only the base URL rewritten. */
export function staleBuild(sourcePath, builtPath, baseUrl) {
  if (!existsSync(builtPath)) return null; // reported by validateManifest
  const expected = readFileSync(sourcePath, "utf8").split(DEV_BASE_URL).join(baseUrl);
  if (readFileSync(builtPath, "utf8") === expected) return null;
  return `dist/manifest.xml is not manifest.xml built for ${baseUrl}: run npm run build (with the same ADDIN_BASE_URL)`;
}

async function main(args) {
  const distArg = option(args, "--dist");
  const given = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--dist");
  const distDir = distArg ? resolve(distArg) : join(ROOT, "dist");
  // The source manifest always points at the dev server; the built one at
  // ADDIN_BASE_URL when the build was made for production.
  const targets = given
    ? [[resolve(given), DEV_BASE_URL]]
    : [
        [join(ROOT, "manifest.xml"), DEV_BASE_URL],
        [join(distDir, "manifest.xml"), process.env.ADDIN_BASE_URL || DEV_BASE_URL],
      ];
  let failed = false;
  for (const [path, baseUrl] of targets) {
    const problems = await validateManifest(path, { distDir, baseUrl });
    report(relative(process.cwd(), path) || path, problems);
    if (problems.some((p) => p.includes("is not under the add-in base URL"))) {
      console.error(
        `  (checked against ${baseUrl}; a build for production needs the same ADDIN_BASE_URL when validating)`,
      );
    }
    failed ||= problems.length > 0;
  }
  if (!given) {
    const stale = staleBuild(
      join(ROOT, "manifest.xml"),
      join(distDir, "manifest.xml"),
      process.env.ADDIN_BASE_URL || DEV_BASE_URL,
    );
    if (stale) {
      console.error(stale);
      failed = true;
    }
  }
  const registration = await validateBuild(distDir);
  report(relative(process.cwd(), join(distDir, "functions.js")), registration);
  failed ||= registration.length > 0;
  process.exitCode = failed ? 1 : 0;
}

function report(name, problems) {
  if (problems.length === 0) {
    console.log(`${name}: valid`);
    return;
  }
  console.error(`${name}: ${problems.length} problem${problems.length > 1 ? "s" : ""}`);
  for (const p of problems) console.error(`  - ${p}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`validate: ${e?.stack ?? e}`);
    process.exitCode = 2;
  });
}
