// The manifest rules the XSD cannot express (listed in the schemas' README).
// Each rule returns a list of messages naming the element, its line and the
// value at fault; an empty list means the rule holds.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pngSize } from "./png.mjs";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

// Which resource collection a resid must point into, by element name.
const RESID_KIND = {
  Image: "bt:Images",
  SourceLocation: "bt:Urls",
  FunctionFile: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Runtime: "bt:Urls",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Namespace: "bt:ShortStrings",
  Description: "bt:LongStrings",
  Tooltip: "bt:LongStrings",
};
const RESOURCE_KINDS = ["Images", "Urls", "ShortStrings", "LongStrings"];
const RIBBON_ICON_SIZES = ["16", "32", "80"];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const all = (root, ns, name) => Array.from(root.getElementsByTagNameNS(ns, name));
const at = (el) => `<${el.tagName}> (line ${el.lineNumber})`;
const xsiType = (el) => (el.getAttributeNS(NS.xsi, "type") || "").replace(/^.*:/, "");
const childrenNamed = (el, ns, name) =>
  Array.from(el.childNodes).filter((n) => n.nodeType === 1 && n.namespaceURI === ns && n.localName === name);

/** Resources by id: { kind: "bt:Urls", value, el } (first one wins; duplicates are their own rule). */
function resources(doc) {
  const byId = new Map();
  for (const kind of RESOURCE_KINDS) {
    for (const group of all(doc, NS.bt, kind)) {
      for (const el of Array.from(group.childNodes).filter((n) => n.nodeType === 1)) {
        const id = el.getAttribute("id");
        if (!byId.has(id)) byId.set(id, { kind: `bt:${kind}`, value: el.getAttribute("DefaultValue"), el });
      }
    }
  }
  return byId;
}

/** Every URL the manifest declares, with where it is. */
export function manifestUrls(doc) {
  const urls = [];
  const add = (el, attr) => {
    const value = el.getAttribute(attr);
    if (value !== null && value !== "") urls.push({ url: value, where: at(el), el });
  };
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) {
    for (const el of all(doc, NS.app, name)) {
      add(el, "DefaultValue");
      for (const o of childrenNamed(el, NS.app, "Override")) add(o, "Value");
    }
  }
  for (const kind of ["Images", "Urls"]) {
    for (const group of all(doc, NS.bt, kind)) {
      for (const el of Array.from(group.childNodes).filter((n) => n.nodeType === 1)) {
        add(el, "DefaultValue");
        for (const o of childrenNamed(el, NS.bt, "Override")) add(o, "Value");
      }
    }
  }
  return urls;
}

function httpsEverywhere(doc) {
  const problems = manifestUrls(doc)
    .filter(({ url }) => !url.startsWith("https://"))
    .map(({ url, where }) => `${where}: URL "${url}" is not https (Office loads add-ins over https only)`);
  for (const el of all(doc, NS.app, "AppDomain")) {
    const domain = el.textContent.trim();
    if (!domain.startsWith("https://")) problems.push(`${at(el)}: AppDomain "${domain}" is not https`);
  }
  return problems;
}

function residsResolve(doc) {
  const byId = resources(doc);
  const problems = [];
  for (const ns of [NS.ov, NS.bt]) {
    for (const el of Array.from(doc.getElementsByTagNameNS(ns, "*"))) {
      const resid = el.getAttribute("resid");
      const wanted = RESID_KIND[el.localName];
      if (!resid || !wanted) continue;
      const found = byId.get(resid);
      if (!found) problems.push(`${at(el)}: resid "${resid}" names no resource (expected one in ${wanted})`);
      else if (found.kind !== wanted)
        problems.push(`${at(el)}: resid "${resid}" is in ${found.kind}, expected ${wanted}`);
    }
  }
  return problems;
}

function uniqueIds(doc) {
  const problems = [];
  const check = (label, els) => {
    const seen = new Map();
    for (const el of els) {
      const id = el.getAttribute("id");
      if (seen.has(id))
        problems.push(`${label} id "${id}" is used twice: line ${seen.get(id).lineNumber} and line ${el.lineNumber}`);
      else seen.set(id, el);
    }
  };
  const resourceEls = RESOURCE_KINDS.flatMap((kind) =>
    all(doc, NS.bt, kind).flatMap((g) => Array.from(g.childNodes).filter((n) => n.nodeType === 1)),
  );
  check("Resource", resourceEls);
  check("Group", all(doc, NS.ov, "Group"));
  check("Control", all(doc, NS.ov, "Control"));
  return problems;
}

function ribbonIconSizes(doc) {
  const problems = [];
  for (const icon of all(doc, NS.ov, "Icon")) {
    const sizes = childrenNamed(icon, NS.bt, "Image").map((img) => img.getAttribute("size"));
    const missing = RIBBON_ICON_SIZES.filter((s) => !sizes.includes(s));
    if (missing.length > 0)
      problems.push(`${at(icon)}: ribbon icon lacks size ${missing.join(", ")} (needs 16, 32 and 80)`);
  }
  return problems;
}

function requirementSet(doc, name) {
  return all(doc, NS.app, "Set").find((s) => s.getAttribute("Name") === name);
}

function versionAtLeast(version, min) {
  const [a, b] = (version || "1.1").split(".").map(Number);
  const [c, d] = min.split(".").map(Number);
  return a > c || (a === c && (b || 0) >= d);
}

function minVersion(set) {
  // A Set without MinVersion takes the Sets' DefaultMinVersion.
  return set.getAttribute("MinVersion") || set.parentNode.getAttribute("DefaultMinVersion");
}

function sharedRuntime(doc) {
  const problems = [];
  const runtimes = all(doc, NS.ov, "Runtime");
  if (runtimes.length !== 1) {
    return [`a shared runtime needs exactly one <Runtime>, found ${runtimes.length}`];
  }
  const runtime = runtimes[0];
  const resid = runtime.getAttribute("resid");
  if (runtime.getAttribute("lifetime") !== "long") {
    problems.push(
      `${at(runtime)}: lifetime is "${runtime.getAttribute("lifetime") ?? ""}", a shared runtime needs lifetime="long"`,
    );
  }
  const users = [];
  for (const ep of all(doc, NS.ov, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions")) {
    for (const page of childrenNamed(ep, NS.ov, "Page"))
      users.push(...childrenNamed(page, NS.ov, "SourceLocation").map((el) => ["custom functions <Page>", el]));
  }
  users.push(...all(doc, NS.ov, "FunctionFile").map((el) => ["<FunctionFile>", el]));
  for (const action of all(doc, NS.ov, "Action").filter((a) => xsiType(a) === "ShowTaskpane")) {
    users.push(...childrenNamed(action, NS.ov, "SourceLocation").map((el) => ["ShowTaskpane action", el]));
  }
  for (const [what, el] of users) {
    const used = el.getAttribute("resid");
    if (used !== resid)
      problems.push(
        `${what} (line ${el.lineNumber}) uses resid "${used}", but the shared <Runtime> uses "${resid}": they must load the same page`,
      );
  }
  const shared = requirementSet(doc, "SharedRuntime");
  if (!shared || !versionAtLeast(minVersion(shared), "1.1")) {
    problems.push(`<Requirements> lacks <Set Name="SharedRuntime" MinVersion="1.1"/>, which a shared runtime needs`);
  }
  const hasFunctions = all(doc, NS.ov, "ExtensionPoint").some((e) => xsiType(e) === "CustomFunctions");
  const cfr = requirementSet(doc, "CustomFunctionsRuntime");
  if (hasFunctions && (!cfr || !versionAtLeast(minVersion(cfr), "1.2"))) {
    problems.push(
      `<Requirements> lacks <Set Name="CustomFunctionsRuntime" MinVersion="1.2"/> (CustomFunctions.Error needs 1.2)`,
    );
  }
  return problems;
}

function hostsMatch(doc) {
  const base = all(doc, NS.app, "Host").map((h) => h.getAttribute("Name"));
  return all(doc, NS.ov, "Host")
    .filter((h) => !base.includes(xsiType(h)))
    .map(
      (h) =>
        `<Host xsi:type="${xsiType(h)}"> (line ${h.lineNumber}): VersionOverrides host "${xsiType(h)}" has no matching <Host Name="${xsiType(h)}"/> in <Hosts>`,
    );
}

function requiredBasics(doc) {
  const problems = [];
  const top = (name) => childrenNamed(doc.documentElement, NS.app, name)[0];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    if (!top(name)) problems.push(`<${name}> is missing (AppSource and the Office add-in dialogs require it)`);
  }
  const id = top("Id");
  const text = id ? id.textContent.trim() : "";
  if (!GUID.test(text))
    problems.push(`<Id> "${text}" is not a plain hyphenated GUID like 315a3b84-c0be-42c5-b6ea-fe2d6f0ef1bc`);
  return problems;
}

/** Maps a manifest URL to the built file that serves it, or explains why none does. */
export function servedFile(url, baseUrl, distDir) {
  if (!url.startsWith(baseUrl)) return { problem: `is not under the add-in base URL ${baseUrl}` };
  const rest = decodeURIComponent(url.slice(baseUrl.length).replace(/[?#].*$/, ""));
  const file = join(distDir, rest);
  if (relative(distDir, file).startsWith("..")) return { problem: `points outside ${distDir}` };
  if (!existsSync(file) || !statSync(file).isFile()) {
    return { problem: `is not served by the build: ${relative(process.cwd(), file) || file} does not exist` };
  }
  return { file };
}

function urlsServed(doc, { baseUrl, distDir }) {
  return manifestUrls(doc)
    .filter(({ url }) => url.startsWith("https://"))
    .map(({ url, where }) => [servedFile(url, baseUrl, distDir).problem, url, where])
    .filter(([problem]) => problem)
    .map(([problem, url, where]) => `${where}: URL "${url}" ${problem}`);
}

function imageSizes(doc, { baseUrl, distDir }) {
  const byId = resources(doc);
  const expected = [];
  const top = (name) => childrenNamed(doc.documentElement, NS.app, name)[0];
  if (top("IconUrl")) expected.push([top("IconUrl"), top("IconUrl").getAttribute("DefaultValue"), 32]);
  if (top("HighResolutionIconUrl"))
    expected.push([top("HighResolutionIconUrl"), top("HighResolutionIconUrl").getAttribute("DefaultValue"), 64]);
  for (const icon of all(doc, NS.ov, "Icon")) {
    for (const img of childrenNamed(icon, NS.bt, "Image")) {
      const res = byId.get(img.getAttribute("resid"));
      if (res && res.kind === "bt:Images") expected.push([img, res.value, Number(img.getAttribute("size"))]);
    }
  }
  const problems = [];
  const seen = new Set();
  for (const [el, url, size] of expected) {
    const { file } = servedFile(url ?? "", baseUrl, distDir);
    if (!file || seen.has(`${url}@${size}`)) continue; // unserved URLs are reported by their own rule
    seen.add(`${url}@${size}`);
    const dims = pngSize(readFileSync(file));
    if (!dims) problems.push(`${at(el)}: "${url}" is not a PNG file (icons here must be PNG)`);
    else if (dims.width !== size || dims.height !== size) {
      problems.push(`${at(el)}: "${url}" is ${dims.width}x${dims.height}, expected ${size}x${size}`);
    }
  }
  return problems;
}

export const RULES = {
  https: httpsEverywhere,
  resids: residsResolve,
  uniqueIds,
  ribbonIcons: ribbonIconSizes,
  sharedRuntime,
  hosts: hostsMatch,
  basics: requiredBasics,
  served: urlsServed,
  imageSizes,
};

export function ruleProblems(doc, options) {
  return Object.values(RULES).flatMap((rule) => rule(doc, options));
}
