// XSD validation of a manifest against the schemas copied into schemas/
// (see /work/shared/office-manifest-schemas/README.md for their origin).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";

const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";

export async function xsdProblems(manifestXml, schemaDir) {
  const others = readdirSync(schemaDir).filter((f) => f.endsWith(".xsd") && f !== ROOT_SCHEMA);
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: manifestXml }],
    schema: [{ fileName: ROOT_SCHEMA, contents: readFileSync(join(schemaDir, ROOT_SCHEMA), "utf8") }],
    // The root schema imports the others by file name.
    preload: others.map((f) => ({ fileName: f, contents: readFileSync(join(schemaDir, f), "utf8") })),
  });
  if (result.valid) return [];
  if (result.errors.length === 0) return [`XSD: ${result.rawOutput.trim() || "validation failed"}`];
  return result.errors.map((e) => `XSD${e.loc ? ` line ${e.loc.lineNumber}` : ""}: ${shorten(e.message)}`);
}

// libxml2 spells out full namespaces; drop them so messages stay readable.
function shorten(message) {
  return message.replace(/\{http:\/\/schemas\.microsoft\.com\/office\/[^}]*\}/g, "").trim();
}
