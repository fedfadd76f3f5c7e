/**
 * The text of a release file, as the reader reads it: plain text and Markdown as they are, HTML turned
 * into text — paragraphs and line breaks as lines, table rows as lines with a tab between cells, list items
 * as "- " bullets, entities decoded, scripts and styles dropped. Pure (no DOM), so the command line and the
 * pane read a file alike; positions the reader gives refer to this text. Markup is never interpreted as
 * anything but layout: the release's words come out as text.
 */

/** Tags whose content is not text of the release. */
const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "head", "object", "iframe"]);
/** Tags that start and end a block of text. */
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "blockquote",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "caption",
  "pre",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "figure",
  "figcaption",
  "address",
  "body",
  "html",
  "title",
]);

// A Map, not an object: an entity name from the file must never reach Object.prototype.
const ENTITIES = new Map<string, string>(
  Object.entries({
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    nbsp: "\u00a0",
    ndash: "\u2013",
    mdash: "\u2014",
    minus: "\u2212",
    lsquo: "\u2018",
    rsquo: "\u2019",
    ldquo: "\u201c",
    rdquo: "\u201d",
    hellip: "\u2026",
    times: "\u00d7",
    deg: "\u00b0",
    plusmn: "\u00b1",
    euro: "\u20ac",
    pound: "\u00a3",
    cent: "\u00a2",
    bull: "\u2022",
    middot: "\u00b7",
    frac12: "\u00bd",
    frac14: "\u00bc",
    frac34: "\u00be",
    sup1: "\u00b9",
    sup2: "\u00b2",
    sup3: "\u00b3",
    copy: "\u00a9",
    reg: "\u00ae",
    trade: "\u2122",
    thinsp: "\u2009",
    ensp: "\u2002",
    emsp: "\u2003",
  }),
);

/** "&amp;", "&#8211;", "&#x2013;" at i: the character and the entity's length, or null. */
function entityAt(s: string, i: number): [string, number] | null {
  const end = s.indexOf(";", i + 1);
  if (end < 0 || end - i > 12) return null;
  const body = s.slice(i + 1, end);
  if (body.startsWith("#")) {
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    return [String.fromCodePoint(code), end - i + 1];
  }
  const named = ENTITIES.get(body.toLowerCase());
  return named === undefined ? null : [named, end - i + 1];
}

/** The line without spaces at its end (a loop: a pattern anchored at the end backtracks on long runs of spaces). */
function trimEnd(s: string): string {
  let k = s.length;
  while (k > 0 && (s[k - 1] === " " || s[k - 1] === "\t" || s[k - 1] === "\u00a0")) k--;
  return s.slice(0, k);
}

const isSpace = (c: string): boolean => c === " " || c === "\n" || c === "\t" || c === "\r" || c === "\f";

/** The text of an HTML document or fragment. */
function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let line = ""; // the line being built
  let pendingSpace = false;
  let pre = 0;
  let cell = 0; // cells so far in the table row
  const breakLine = (blank: boolean): void => {
    out.push(trimEnd(line));
    line = "";
    pendingSpace = false;
    if (blank) out.push("");
  };
  const emit = (text: string): void => {
    if (pendingSpace && line !== "" && !line.endsWith("\t")) line += " ";
    pendingSpace = false;
    line += text;
  };
  let i = 0;
  const n = html.length;
  while (i < n) {
    const c = html[i];
    if (c === "<") {
      if (html.startsWith("<!--", i)) {
        const end = html.indexOf("-->", i + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      const next = html[i + 1] ?? "";
      if (/[a-zA-Z/!?]/.test(next)) {
        const close = html.indexOf(">", i + 1);
        if (close < 0) {
          // an unclosed "<tag" runs to the end: nothing after it is text
          i = n;
          continue;
        }
        const inner = lower.slice(i + 1, close);
        const closing = inner.startsWith("/");
        const name = /^\/?\s*([a-z][a-z0-9]*)/.exec(inner)?.[1] ?? "";
        i = close + 1;
        if (!closing && SKIPPED.has(name)) {
          const end = lower.indexOf(`</${name}`, i);
          const after = end < 0 ? -1 : lower.indexOf(">", end);
          i = after < 0 ? n : after + 1;
          continue;
        }
        if (name === "br") breakLine(false);
        else if (name === "tr") {
          if (line !== "") breakLine(false);
          cell = 0;
        } else if (name === "td" || name === "th") {
          // every cell after the first starts with a tab, empty cells too, so columns stay in place
          if (!closing && cell++ > 0) {
            line = trimEnd(line) + "\t";
            pendingSpace = false;
          }
        } else if (name === "li" && !closing) {
          if (line !== "") breakLine(false);
          line = "- ";
        } else if (BLOCKS.has(name)) {
          if (name === "pre") pre = Math.max(0, pre + (closing ? -1 : 1));
          if (line !== "") breakLine(true);
          else if (out.length > 0 && out[out.length - 1] !== "") out.push("");
        }
        continue;
      }
      emit("<");
      i++;
      continue;
    }
    if (c === "&") {
      const e = entityAt(html, i);
      if (e) {
        if (e[0] === "\u00a0") emit(" ");
        else emit(e[0]);
        i += e[1];
        continue;
      }
      emit("&");
      i++;
      continue;
    }
    if (isSpace(c)) {
      if (pre > 0) {
        if (c === "\n") breakLine(false);
        else line += c === "\r" ? "" : c;
      } else pendingSpace = true;
      i++;
      continue;
    }
    // a run of ordinary characters at once
    let j = i + 1;
    while (j < n && html[j] !== "<" && html[j] !== "&" && !isSpace(html[j])) j++;
    emit(html.slice(i, j));
    i = j;
  }
  if (line !== "") breakLine(false);
  // at most one blank line between blocks, none at the ends
  const lines: string[] = [];
  for (const l of out) if (!(l === "" && (lines.length === 0 || lines[lines.length - 1] === ""))) lines.push(l);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

const looksLikeHtml = (text: string): boolean =>
  /^\s*(?:<!doctype html|<html[\s>]|<body[\s>]|<p[\s>])/i.test(text.slice(0, 512));

/** The text the reader reads from a file's name and content: HTML (by extension or content) as text, else as it is. */
export function releaseFileText(name: string, content: string): { text: string; html: boolean } {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const html = /\.x?html?$/i.test(name) || (!/\.(txt|md|markdown)$/i.test(name) && looksLikeHtml(body));
  return { text: html ? htmlToText(body) : body, html };
}
