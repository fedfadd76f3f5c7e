/**
 * The import section of the task pane: source (file, drop, paste) -> analysis -> preview and
 * problems -> write. The engine (analyseImport/planAppend) decides; this file only shows and asks.
 */
import { analyseImport, decodeBytes, planAppend } from "../import/engine";
import type { ImportAnalysis, ImportOptions, LayoutKind, ManualMapping } from "../import/types";
import { listTables, writePlan, type WriteOutcome } from "../import/writer";
import { byId, el, option } from "./dom";
import { LAYOUT_NAMES, displayCell, problemPlace, problemSummary, severityLabel, sortProblems } from "./display";

const PREVIEW_ROWS = 10;
const PROBLEMS_SHOWN = 200;

interface State {
  text: string | null;
  source: string;
  layout: "auto" | LayoutKind;
  mapping: ManualMapping | null;
  decimal: "auto" | "." | ",";
  skipBadRows: boolean;
  analysis: ImportAnalysis | null;
  running: AbortController | null;
}

export function initImportPane(): void {
  const state: State = { text: null, source: "", layout: "auto", mapping: null, decimal: "auto", skipBadRows: false, analysis: null, running: null };

  const fileInput = byId<HTMLInputElement>("import-file");
  const drop = byId("import-drop");
  const paste = byId<HTMLTextAreaElement>("import-paste");
  const review = byId("import-review");
  const layoutSelect = byId<HTMLSelectElement>("import-layout");
  const decimalSelect = byId<HTMLSelectElement>("import-decimal");
  const skip = byId<HTMLInputElement>("import-skip");
  const targetNew = byId<HTMLInputElement>("import-target-new");
  const targetAppend = byId<HTMLInputElement>("import-target-append");
  const tableSelect = byId<HTMLSelectElement>("import-table");
  const importButton = byId<HTMLButtonElement>("import-run");
  const cancelButton = byId<HTMLButtonElement>("import-cancel");
  const progress = byId<HTMLProgressElement>("import-progress");
  const progressText = byId("import-progress-text");
  const result = byId("import-result");
  const confirmBox = byId("import-confirm");

  // ---- source ----
  async function readFile(file: File) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    paste.value = "";
    setText(decodeBytes(bytes), file.name);
  }
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (file) void readFile(file);
  });
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("dragging");
    const file = e.dataTransfer?.files?.[0];
    if (file) void readFile(file);
  });
  let pasteTimer: ReturnType<typeof setTimeout> | undefined;
  paste.addEventListener("input", () => {
    clearTimeout(pasteTimer);
    pasteTimer = setTimeout(() => {
      fileInput.value = "";
      setText(paste.value.trim() === "" ? null : paste.value, "Pasted text");
    }, 300);
  });

  function setText(text: string | null, source: string) {
    state.text = text;
    state.source = source;
    state.layout = "auto";
    state.mapping = null;
    result.textContent = "";
    analyse();
  }

  // ---- options ----
  layoutSelect.addEventListener("change", () => {
    state.layout = layoutSelect.value as State["layout"];
    if (state.layout === "manual" && !state.mapping) state.mapping = state.analysis?.mapping ?? { month: 0, metrics: [1] };
    analyse();
  });
  decimalSelect.addEventListener("change", () => {
    state.decimal = decimalSelect.value as State["decimal"];
    analyse();
  });
  skip.addEventListener("change", () => {
    state.skipBadRows = skip.checked;
    analyse();
  });
  for (const radio of [targetNew, targetAppend]) radio.addEventListener("change", () => void onTargetChange());
  tableSelect.addEventListener("change", updateButtons);
  byId("import-tables-refresh").addEventListener("click", () => void loadTables());

  async function onTargetChange() {
    tableSelect.disabled = !targetAppend.checked;
    byId<HTMLButtonElement>("import-tables-refresh").disabled = !targetAppend.checked;
    if (targetAppend.checked) await loadTables();
    updateButtons();
  }

  async function loadTables() {
    tableSelect.replaceChildren(option("", "Loading tables…"));
    try {
      const tables = await listTables();
      tableSelect.replaceChildren(
        ...(tables.length === 0
          ? [option("", "The workbook has no tables")]
          : tables.map((t) => option(t.name, `${t.name} (sheet ${t.sheet})`))),
      );
    } catch (e) {
      tableSelect.replaceChildren(option("", "Could not list the tables"));
      result.textContent = `Could not list the workbook's tables: ${e instanceof Error ? e.message : String(e)}`;
    }
    updateButtons();
  }

  // ---- analysis and rendering ----
  function options(): ImportOptions {
    const opts: ImportOptions = { decimal: state.decimal, skipBadRows: state.skipBadRows };
    if (state.layout !== "auto") opts.layout = state.layout;
    if (state.layout === "manual" && state.mapping) opts.mapping = state.mapping;
    return opts;
  }

  function analyse() {
    if (state.text === null) {
      state.analysis = null;
      review.hidden = true;
      updateButtons();
      return;
    }
    const a = analyseImport(state.text, options());
    state.analysis = a;
    review.hidden = false;
    renderSource(a);
    renderLayout(a);
    renderMapping(a);
    renderDecimal(a);
    renderPreview(a);
    renderProblems(a);
    updateButtons();
  }

  function renderSource(a: ImportAnalysis) {
    byId("import-source").textContent = `${state.source}: ${a.table.length} lines read, ${a.plan.rows.length} rows to import.`;
    byId("import-reason").textContent = a.detected === null ? `No layout fits: ${a.reason}. Map the columns by hand below.` : a.reason;
  }

  function renderLayout(a: ImportAnalysis) {
    const detected = a.detected && state.layout === "auto" ? ` (found: ${LAYOUT_NAMES[a.detected]})` : "";
    layoutSelect.replaceChildren(
      option("auto", `Automatic${detected}`, state.layout === "auto"),
      ...Object.entries(LAYOUT_NAMES).map(([k, label]) => option(k, label, state.layout === k)),
    );
  }

  function renderDecimal(a: ImportAnalysis) {
    const found = a.decimalDetected ? `found "${a.decimal}"` : `assumed "${a.decimal}"`;
    decimalSelect.replaceChildren(
      option("auto", `Automatic (${found})`, state.decimal === "auto"),
      option(".", "Point: 1,234.5", state.decimal === "."),
      option(",", "Comma: 1.234,5", state.decimal === ","),
    );
  }

  function renderMapping(a: ImportAnalysis) {
    const box = byId("import-mapping");
    const show = a.detected === null || state.layout === "manual";
    box.hidden = !show;
    if (!show) return;
    const m: ManualMapping = state.mapping ?? a.mapping ?? { month: 0, metrics: [] };
    const headerIndex = Math.max(0, (m.headerRow ?? a.headerRow ?? 1) - 1);
    const header = a.table[headerIndex] ?? [];
    const width = a.table.reduce((w, r) => Math.max(w, r.length), 0);
    const label = (c: number) => `${c + 1}: ${header[c]?.trim() || `column ${c + 1}`}`;
    const columnOptions = (selected: number | undefined, none?: string) => [
      ...(none ? [option("", none, selected === undefined)] : []),
      ...Array.from({ length: width }, (_, c) => option(String(c), label(c), selected === c)),
    ];
    const tidy = m.metricName !== undefined || m.value !== undefined;
    byId<HTMLSelectElement>("map-month").replaceChildren(...columnOptions(m.month));
    byId<HTMLSelectElement>("map-year").replaceChildren(...columnOptions(m.year, "(dates hold the year)"));
    byId<HTMLSelectElement>("map-mine").replaceChildren(...columnOptions(m.mine, "(no mine column)"));
    byId<HTMLSelectElement>("map-form").value = tidy ? "tidy" : "long";
    byId("map-long").hidden = tidy;
    byId("map-tidy").hidden = !tidy;
    byId<HTMLSelectElement>("map-metric-name").replaceChildren(...columnOptions(m.metricName, "(choose)"));
    byId<HTMLSelectElement>("map-value").replaceChildren(...columnOptions(m.value, "(choose)"));
    const metrics = byId("map-metrics");
    metrics.replaceChildren(
      ...Array.from({ length: width }, (_, c) => {
        const box = el("input");
        box.type = "checkbox";
        box.value = String(c);
        box.checked = (m.metrics ?? []).includes(c);
        box.id = `map-metric-${c}`;
        const l = el("label", { className: "check" }, [box, ` ${label(c)}`]);
        return l;
      }),
    );
  }

  function readMapping(): ManualMapping {
    const num = (id: string) => {
      const v = byId<HTMLSelectElement>(id).value;
      return v === "" ? undefined : Number(v);
    };
    const m: ManualMapping = { month: num("map-month") ?? 0 };
    if (state.analysis?.headerRow) m.headerRow = state.analysis.headerRow;
    const year = num("map-year");
    const mine = num("map-mine");
    if (year !== undefined) m.year = year;
    if (mine !== undefined) m.mine = mine;
    if (byId<HTMLSelectElement>("map-form").value === "tidy") {
      m.metricName = num("map-metric-name");
      m.value = num("map-value");
    } else {
      m.metrics = [...byId("map-metrics").querySelectorAll<HTMLInputElement>("input:checked")].map((b) => Number(b.value));
    }
    return m;
  }
  byId("import-mapping").addEventListener("change", (e) => {
    const form = byId<HTMLSelectElement>("map-form");
    if (e.target === form) {
      byId("map-long").hidden = form.value === "tidy";
      byId("map-tidy").hidden = form.value !== "tidy";
    }
  });
  byId("map-apply").addEventListener("click", () => {
    state.layout = "manual";
    state.mapping = readMapping();
    analyse();
  });

  function renderPreview(a: ImportAnalysis) {
    const { columns, rows } = a.plan;
    const table = byId<HTMLTableElement>("import-preview");
    const head = el("tr", {}, columns.map((c) => el("th", { text: c.name, title: `Number format ${c.numberFormat}` })));
    const body = rows
      .slice(0, PREVIEW_ROWS)
      .map((r) => el("tr", {}, r.map((v, j) => el("td", { text: displayCell(v, columns[j]?.numberFormat ?? "General") }))));
    table.replaceChildren(el("thead", {}, [head]), el("tbody", {}, body));
    byId("import-preview-note").textContent =
      rows.length === 0
        ? "Nothing to import yet."
        : `The first ${Math.min(PREVIEW_ROWS, rows.length)} of ${rows.length} rows, as they will be written.`;
  }

  function renderProblems(a: ImportAnalysis) {
    const problems = sortProblems(a.plan.problems);
    byId("import-problem-summary").textContent = problemSummary(problems);
    const list = byId("import-problems");
    const items = problems.slice(0, PROBLEMS_SHOWN).map((p) =>
      el("li", { className: p.severity }, [
        el("span", { className: "severity", text: severityLabel(p) }),
        " ",
        el("span", { className: "place", text: problemPlace(p) }),
        el("span", { className: "message", text: p.message }),
      ]),
    );
    if (problems.length > PROBLEMS_SHOWN) items.push(el("li", { text: `… and ${problems.length - PROBLEMS_SHOWN} more.` }));
    list.replaceChildren(...items);
  }

  function updateButtons() {
    const a = state.analysis;
    const running = state.running !== null;
    const appendMissing = targetAppend.checked && tableSelect.value === "";
    importButton.disabled = running || !a || a.plan.blocked || a.plan.rows.length === 0 || appendMissing;
    cancelButton.disabled = !running;
    byId("import-blocked").textContent = !a
      ? ""
      : a.plan.blocked
        ? "Import is off while an error stands: fix the source, or tick “Skip rows with errors”."
        : a.plan.rows.length === 0
          ? "There are no rows to import."
          : "";
    for (const c of [fileInput, paste, layoutSelect, decimalSelect, skip, targetNew, targetAppend] as HTMLInputElement[]) c.disabled = running;
  }

  // ---- writing ----
  importButton.addEventListener("click", () => void run(false));
  cancelButton.addEventListener("click", () => state.running?.abort());
  byId("import-confirm-yes").addEventListener("click", () => {
    confirmBox.hidden = true;
    void run(true);
  });
  byId("import-confirm-no").addEventListener("click", () => {
    confirmBox.hidden = true;
    result.textContent = "Nothing was written.";
    importButton.focus();
  });

  async function run(overwrite: boolean) {
    const a = state.analysis;
    if (!a || a.plan.blocked || state.running) return;
    const abort = new AbortController();
    state.running = abort;
    confirmBox.hidden = true;
    result.textContent = "";
    progress.hidden = false;
    progress.value = 0;
    progressText.textContent = "Starting…";
    updateButtons();
    cancelButton.focus();
    let outcome: WriteOutcome;
    try {
      outcome = await writePlan(a.plan, {
        target: targetAppend.checked ? { kind: "append", table: tableSelect.value } : { kind: "new" },
        planAppend,
        overwrite,
        signal: abort.signal,
        onProgress: (written, total) => {
          progress.max = Math.max(1, total);
          progress.value = written;
          progressText.textContent = `${written.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows written`;
        },
      });
    } catch (e) {
      outcome = { status: "failed", message: `The import failed: ${e instanceof Error ? e.message : String(e)}`, rowsWritten: 0, totalRows: 0, spans: [] };
    }
    state.running = null;
    updateButtons();
    if (outcome.status === "occupied") {
      progress.hidden = true;
      progressText.textContent = "";
      byId("import-confirm-text").textContent = outcome.message;
      confirmBox.hidden = false;
      byId("import-confirm-no").focus();
      return;
    }
    const notes = (outcome.plan?.problems ?? []).filter((p) => p.code === "already-present").map((p) => p.message);
    result.textContent = [outcome.message, ...notes].join(" ");
    result.className = `result ${outcome.status}`;
    importButton.focus();
  }

  updateButtons();
}
