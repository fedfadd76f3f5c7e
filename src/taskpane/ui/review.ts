/** The preview table and the problems list. Every piece of data goes in as textContent. */
import { count } from "../import/format";
import type { ImportPlan } from "../import/types";
import { byId, el } from "./dom";
import { displayCell, problemPlace, problemSummary, severityLabel, sortProblems } from "./display";

const PREVIEW_ROWS = 10;
/** A broken file can raise thousands of problems; the first ones are enough to fix it. */
const PROBLEMS_SHOWN = 200;

export function renderPreview(plan: ImportPlan): void {
  const { columns, rows } = plan;
  const head = el(
    "tr",
    {},
    columns.map((c) => el("th", { text: c.name, title: `Number format ${c.numberFormat}` })),
  );
  const body = rows.slice(0, PREVIEW_ROWS).map((r) =>
    el(
      "tr",
      {},
      r.map((v, j) => el("td", { text: displayCell(v, columns[j]?.numberFormat ?? "General") })),
    ),
  );
  byId("import-preview").replaceChildren(el("thead", {}, [head]), el("tbody", {}, body));
  byId("import-preview-note").textContent =
    rows.length === 0
      ? "Nothing to import yet."
      : `The first ${Math.min(PREVIEW_ROWS, rows.length)} of ${count(rows.length)} rows, as they will be written.`;
}

/**
 * The problem list, headed by the count of the source's lines by role ("39 lines: 1 title, 1 header,
 * 35 read as data, 1 total left out, 1 footnote left out"): every line is read as data or named
 * below as left out, so the count adds up.
 */
export function renderProblems(plan: ImportPlan, lineSummary: string): void {
  const problems = sortProblems(plan.problems);
  byId("import-lines").textContent = lineSummary;
  byId("import-problem-summary").textContent = problemSummary(problems);
  const items = problems
    .slice(0, PROBLEMS_SHOWN)
    .map((p) =>
      el("li", { className: p.severity }, [
        el("span", { className: "severity", text: severityLabel(p) }),
        " ",
        el("span", { className: "place", text: problemPlace(p) }),
        el("span", { className: "message", text: p.message }),
      ]),
    );
  if (problems.length > PROBLEMS_SHOWN)
    items.push(el("li", { text: `… and ${problems.length - PROBLEMS_SHOWN} more.` }));
  byId("import-problems").replaceChildren(...items);
}
