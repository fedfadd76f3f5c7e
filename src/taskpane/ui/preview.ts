/**
 * The preview: what was read (lines, rows, the layout found and why), the choices that change the
 * reading (layout, decimal mark, skipping bad rows, a mapping by hand), and the rows and problems.
 */
import { analyseImport } from "../import/engine";
import { count } from "../import/format";
import type { ImportAnalysis, ImportOptions } from "../import/types";
import { LAYOUT_NAMES } from "./display";
import { byId, option } from "./dom";
import { readMapping, renderMapping, showForm } from "./mapping";
import type { Pane, PaneState } from "./paneState";
import { renderPreview, renderProblems } from "./review";

/** The engine's options from the pane's choices. */
function options(state: PaneState): ImportOptions {
  const opts: ImportOptions = { decimal: state.decimal, skipBadRows: state.skipBadRows };
  if (state.layout !== "auto") opts.layout = state.layout;
  if (state.layout === "manual" && state.mapping) opts.mapping = state.mapping;
  return opts;
}

/** Reads the text with the current choices and shows everything that depends on it. */
export function analyse(pane: Pane): void {
  const { state } = pane;
  const review = byId("import-review");
  if (state.text === null) {
    state.analysis = null;
    review.hidden = true;
    pane.updateControls();
    return;
  }
  const a = analyseImport(state.text, options(state));
  state.analysis = a;
  review.hidden = false;
  byId("import-source").textContent = `${state.source}: ${a.lineSummary}. ${count(a.plan.rows.length)} rows to import.`;
  byId("import-reason").textContent =
    a.detected === null ? `No layout fits: ${a.reason}. Map the columns by hand below.` : a.reason;
  renderChoices(state, a);
  renderMapping(a, state.layout === "manual", state.mapping);
  renderPreview(a.plan);
  renderProblems(a.plan, a.lineSummary);
  pane.updateControls();
  void pane.renderTarget();
}

/** The layout and decimal lists, saying what was found when the choice is automatic. */
function renderChoices(state: PaneState, a: ImportAnalysis): void {
  const detected = a.detected && state.layout === "auto" ? ` (found: ${LAYOUT_NAMES[a.detected]})` : "";
  byId("import-layout").replaceChildren(
    option("auto", `Automatic${detected}`, state.layout === "auto"),
    ...Object.entries(LAYOUT_NAMES).map(([k, label]) => option(k, label, state.layout === k)),
  );
  const found = a.decimalDetected ? `found "${a.decimal}"` : `assumed "${a.decimal}"`;
  byId("import-decimal").replaceChildren(
    option("auto", `Automatic (${found})`, state.decimal === "auto"),
    option(".", "Point: 1,234.5", state.decimal === "."),
    option(",", "Comma: 1.234,5", state.decimal === ","),
  );
}

/** The choices that change the reading: each one reads the text again. */
export function initChoices(pane: Pane): void {
  const { state } = pane;
  const layoutSelect = byId<HTMLSelectElement>("import-layout");
  const decimalSelect = byId<HTMLSelectElement>("import-decimal");
  const skip = byId<HTMLInputElement>("import-skip");
  layoutSelect.addEventListener("change", () => {
    state.layout = layoutSelect.value as PaneState["layout"];
    if (state.layout === "manual" && !state.mapping)
      state.mapping = state.analysis?.mapping ?? { month: 0, metrics: [1] };
    pane.analyse();
  });
  decimalSelect.addEventListener("change", () => {
    state.decimal = decimalSelect.value as PaneState["decimal"];
    pane.analyse();
  });
  skip.addEventListener("change", () => {
    state.skipBadRows = skip.checked;
    pane.analyse();
  });
  byId<HTMLSelectElement>("map-form").addEventListener("change", (e) =>
    showForm((e.target as HTMLSelectElement).value === "tidy"),
  );
  byId("map-apply").addEventListener("click", () => {
    state.layout = "manual";
    state.mapping = readMapping(state.analysis?.headerRow);
    pane.analyse();
  });
}
