/**
 * The pane's section "Check a release": paste a release or drop a .txt/.html/.md file, and every claim the
 * reader finds is listed — inconsistent and flagged first — with its sentence (the claim's words marked),
 * the figures it used and the verdict, or why it cannot be checked; then "Write to sheet" puts the claim
 * table on a new sheet. One mount function builds the whole section inside the element it is given. The
 * release's words reach the page only as text nodes (never as HTML).
 */
import type { Release } from "../../calc/release";
import { decodeBytes } from "../import/engine";
import { excelErrorCode, excelSentence } from "../import/excelErrors";
import { thrownMessage } from "../import/internalError";
import {
  claimContext,
  claimSheetPlan,
  claimsInOrder,
  figureLabel,
  figuresUsed,
  verdictRank,
} from "../release/claimSheet";
import { writeClaimSheet } from "../release/claimWriter";
import { releaseFileText } from "../release/fileText";
import { el, onFileChosen } from "./dom";

/** How long a paste must rest before it is read: one reading per pause, not per keystroke. */
const PASTE_PAUSE_MS = 300;

const RANK_CLASS = ["flag-inconsistent", "flag-rounding", "consistent", "not-checkable"];

interface Checked {
  text: string;
  source: string;
  release: Release;
}

/** Builds the section in `section` (emptied first) and wires it. */
export function mountReleaseCheck(section: HTMLElement): void {
  section.replaceChildren();
  const title = el("h2", { text: "Check a release" });
  title.id = "release-title";
  section.setAttribute("aria-labelledby", title.id);

  const fileInput = el("input");
  fileInput.type = "file";
  fileInput.id = "release-file";
  fileInput.accept = ".txt,.html,.htm,.md,text/plain,text/html,text/markdown";
  const fileLabel = el("label", { text: "Choose a release (.txt, .html, .md) or drop it here" });
  fileLabel.htmlFor = fileInput.id;
  const drop = el("div", { className: "drop" }, [fileLabel, fileInput]);
  drop.id = "release-drop";

  const paste = el("textarea");
  paste.id = "release-paste";
  paste.rows = 5;
  paste.spellcheck = false;
  paste.placeholder = "Gold production was 73,476 ounces in 2016, an increase of 9% (67,603 ounces in 2015).";
  const pasteLabel = el("label", { className: "field-label", text: "Or paste the release's text" });
  pasteLabel.htmlFor = paste.id;

  const summary = el("p", { className: "source" });
  summary.id = "release-summary";
  summary.setAttribute("aria-live", "polite");
  const list = el("ol", { className: "claims" });
  list.id = "release-claims";
  const notReadTitle = el("h3", { text: "Not read" });
  const notRead = el("ul", { className: "problems" });
  notRead.id = "release-not-read";
  const notReadPart = el("div", {}, [notReadTitle, notRead]);
  notReadPart.hidden = true;

  const write = el("button", { className: "primary", text: "Write to sheet" });
  write.type = "button";
  write.id = "release-write";
  write.disabled = true;
  const retry = el("button", { className: "secondary", text: "Retry" });
  retry.type = "button";
  retry.id = "release-retry";
  retry.hidden = true;
  const result = el("p", { className: "result" });
  result.id = "release-result";
  result.setAttribute("role", "status");

  const results = el("div", {}, [
    summary,
    list,
    notReadPart,
    el("div", { className: "actions" }, [write, retry]),
    result,
  ]);
  results.id = "release-results";
  results.hidden = true;

  section.append(
    title,
    el("p", {
      className: "hint",
      text: "Every claim the release makes — growth, records, guidance, totals — is checked against the release's own figures. Nothing is written until you press Write to sheet.",
    }),
    drop,
    pasteLabel,
    paste,
    results,
  );

  let checked: Checked | null = null;
  let writing = false;
  let latest = 0; // the text shown is the last one given, whichever reading ends first

  async function show(text: string, source: string): Promise<void> {
    const ticket = ++latest;
    result.textContent = "";
    retry.hidden = true;
    if (text.trim() === "") {
      checked = null;
      results.hidden = true;
      write.disabled = true;
      return;
    }
    let readRelease: (typeof import("../../calc/release"))["readRelease"];
    try {
      ({ readRelease } = await loadReader());
    } catch (e) {
      if (ticket !== latest) return;
      checked = null;
      results.hidden = false;
      list.replaceChildren();
      notReadPart.hidden = true;
      summary.textContent = `The release reader could not be loaded (${thrownMessage(e).split("\n")[0]}); check the connection and paste again.`;
      write.disabled = true;
      return;
    }
    if (ticket !== latest) return;
    let release: Release;
    try {
      release = readRelease(text);
    } catch (e) {
      checked = null;
      results.hidden = false;
      list.replaceChildren();
      notReadPart.hidden = true;
      summary.textContent = `${source}: the release could not be read (internal error: ${thrownMessage(e)}).`;
      write.disabled = true;
      return;
    }
    checked = { text, source, release };
    results.hidden = false;
    summary.textContent = summaryLine(source, release);
    list.replaceChildren(...claimsInOrder(release).map((c) => claimItem(text, c)));
    notRead.replaceChildren(
      ...release.notRead.map((n) => el("li", { className: "warning", text: `"${clip(n.text)}": ${n.why}` })),
    );
    notReadPart.hidden = release.notRead.length === 0;
    write.disabled = writing || release.claims.length === 0;
  }

  async function writeSheet(): Promise<void> {
    if (!checked || writing) return;
    writing = true;
    write.disabled = true;
    retry.hidden = true;
    result.textContent = "Writing the claim table…";
    const plan = claimSheetPlan(checked.release, checked.text);
    try {
      const sheet = await writeClaimSheet(plan, (waiting) => {
        if (waiting) result.textContent = "Excel is waiting for you to finish editing a cell (press Enter or Esc)…";
        else result.textContent = "Writing the claim table…";
      });
      const n = plan.rows.length - 1;
      result.textContent =
        `Wrote ${n} claim${n === 1 ? "" : "s"} to sheet ${sheet}: ${plan.formulas} verdict${plan.formulas === 1 ? "" : "s"} ` +
        `as =PROD.CLAIM_CHECK formulas over the figure cells, ${plan.texts} as text.`;
    } catch (e) {
      const code = excelErrorCode(e);
      if (code === undefined)
        result.textContent = `The claim table was not written: internal error (${thrownMessage(e)}).`;
      else {
        result.textContent = `The claim table was not written. ${excelSentence(code, thrownMessage(e))}`;
        retry.hidden = false;
      }
    } finally {
      writing = false;
      write.disabled = !checked || checked.release.claims.length === 0;
    }
  }

  async function readFile(file: File): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      results.hidden = false;
      summary.textContent = `Could not read ${file.name}: ${thrownMessage(e)}`;
      return;
    }
    paste.value = "";
    await show(releaseFileText(file.name, decodeBytes(bytes)).text, file.name);
  }

  onFileChosen(fileInput, drop, (file) => void readFile(file));
  let timer: ReturnType<typeof setTimeout> | undefined;
  paste.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fileInput.value = "";
      void show(paste.value, "Pasted text");
    }, PASTE_PAUSE_MS);
  });
  write.addEventListener("click", () => void writeSheet());
  retry.addEventListener("click", () => void writeSheet());
}

/**
 * The release reader, loaded when a release is first checked: it is about a third of the pane's code, and a
 * session that only imports never needs it. A failed load is tried again at the next check.
 */
let reader: Promise<typeof import("../../calc/release")> | null = null;
function loadReader(): Promise<typeof import("../../calc/release")> {
  reader ??= import(/* webpackChunkName: "release-reader" */ "../../calc/release").catch((e: unknown) => {
    reader = null;
    throw e;
  });
  return reader;
}

function summaryLine(source: string, release: Release): string {
  const n = release.claims.length;
  if (n === 0) return `${source}: no claim found (no stated change, record, guidance or total).`;
  const counts = [0, 0, 0, 0];
  for (const c of release.claims) counts[verdictRank(c.verdict)]++;
  const parts = [
    [counts[0], "inconsistent"],
    [counts[1], "rounded or truncated"],
    [counts[2], "consistent"],
    [counts[3], "not checkable"],
  ]
    .filter(([k]) => (k as number) > 0)
    .map(([k, w]) => `${k} ${w}`);
  return `${source}: ${n} claim${n === 1 ? "" : "s"} — ${parts.join(", ")}.`;
}

const clip = (s: string): string => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

function claimItem(text: string, c: Release["claims"][number]): HTMLLIElement {
  const rank = verdictRank(c.verdict);
  const { before, words, after } = claimContext(text, c);
  const sentence = el("p", { className: "sentence" }, [before, el("mark", { text: words }), after]);
  const figures = figuresUsed(c).map((u) => el("li", { text: figureLabel(u.role, u.figure) }));
  const verdict = el("p", { className: "verdict", text: c.verdict });
  const parts: Node[] = [
    el("p", { className: "claim-head" }, [el("span", { className: "kind", text: c.kind }), ` ${c.stated}`]),
    sentence,
  ];
  if (figures.length > 0) parts.push(el("ul", { className: "figures" }, figures));
  if (c.computed) parts.push(el("p", { className: "computed", text: `The figures give ${c.computed}.` }));
  parts.push(verdict);
  if (c.missing) parts.push(el("p", { className: "hint missing", text: c.missing }));
  return el("li", { className: `claim ${RANK_CLASS[rank]}` }, parts);
}
