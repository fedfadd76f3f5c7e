/**
 * The import section of the task pane: source (file, drop, paste) -> analysis -> preview and
 * problems -> write. The engine (analyseImport/planAppend) decides; this file only shows and asks.
 */
import { analyseImport, decodeBytes, planAppend } from "../import/engine";
import type { ImportAnalysis, ImportOptions, LayoutKind, ManualMapping } from "../import/types";
import { count } from "../import/format";
import { writeStoppedMessage, type WrittenSoFar } from "../import/internalError";
import { listTables, writePlan, type WriteOutcome } from "../import/writer";
import { byId, option } from "./dom";
import { LAYOUT_NAMES } from "./display";
import { previewAppend } from "./appendPreview";
import { readMapping, renderMapping, showForm } from "./mapping";
import { renderPreview, renderProblems } from "./review";

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
  const state: State = {
    text: null,
    source: "",
    layout: "auto",
    mapping: null,
    decimal: "auto",
    skipBadRows: false,
    analysis: null,
    running: null,
  };

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
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      result.textContent = `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
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
  // A file dropped beside the box must not make the pane navigate away to it (dropped text still reaches the paste box).
  for (const type of ["dragover", "drop"] as const) {
    document.addEventListener(type, (e) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    });
  }
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
    if (state.layout === "manual" && !state.mapping)
      state.mapping = state.analysis?.mapping ?? { month: 0, metrics: [1] };
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
  tableSelect.addEventListener("change", () => {
    updateButtons();
    void renderTarget();
  });
  byId("import-tables-refresh").addEventListener("click", () => void loadTables().then(renderTarget));

  async function onTargetChange() {
    tableSelect.disabled = !targetAppend.checked;
    byId<HTMLButtonElement>("import-tables-refresh").disabled = !targetAppend.checked;
    if (targetAppend.checked) await loadTables();
    updateButtons();
    await renderTarget();
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
    renderMapping(a, state.layout === "manual", state.mapping);
    renderDecimal(a);
    renderPreview(a.plan);
    renderProblems(a.plan);
    updateButtons();
    void renderTarget();
  }

  // An append previews only what it would add; a newer analysis or choice makes an older read moot.
  let targetRead = 0;
  async function renderTarget() {
    const a = state.analysis;
    const read = ++targetRead;
    const note = byId("import-append-note");
    if (!a || !targetAppend.checked || tableSelect.value === "") {
      note.textContent = "";
      if (a) {
        renderPreview(a.plan);
        renderProblems(a.plan);
      }
      return;
    }
    note.textContent = `Reading table ${tableSelect.value}…`;
    const p = await previewAppend(a.plan, tableSelect.value);
    if (read !== targetRead || state.analysis !== a) return;
    note.textContent = p.note;
    if (p.plan) {
      renderPreview(p.plan);
      renderProblems(p.plan);
    }
  }

  function renderSource(a: ImportAnalysis) {
    byId("import-source").textContent =
      `${state.source}: ${count(a.table.length)} lines read, ${count(a.plan.rows.length)} rows to import.`;
    byId("import-reason").textContent =
      a.detected === null ? `No layout fits: ${a.reason}. Map the columns by hand below.` : a.reason;
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

  byId<HTMLSelectElement>("map-form").addEventListener("change", (e) =>
    showForm((e.target as HTMLSelectElement).value === "tidy"),
  );
  byId("map-apply").addEventListener("click", () => {
    state.layout = "manual";
    state.mapping = readMapping(state.analysis?.headerRow);
    analyse();
  });

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
    for (const c of [
      fileInput,
      paste,
      layoutSelect,
      decimalSelect,
      skip,
      targetNew,
      targetAppend,
    ] as HTMLInputElement[])
      c.disabled = running;
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
    const table = targetAppend.checked ? tableSelect.value : undefined;
    const reported: WrittenSoFar = { rowsWritten: 0, totalRows: a.plan.rows.length, table };
    try {
      outcome = await writePlan(a.plan, {
        target: table !== undefined ? { kind: "append", table } : { kind: "new" },
        planAppend,
        overwrite,
        signal: abort.signal,
        onProgress: (written, total) => {
          reported.rowsWritten = written;
          reported.totalRows = total;
          progress.max = Math.max(1, total);
          progress.value = written;
          progressText.textContent = `${count(written)} of ${count(total)} rows written`;
        },
      });
    } catch (e) {
      outcome = {
        status: "failed",
        message: writeStoppedMessage(e, reported),
        rowsWritten: reported.rowsWritten,
        totalRows: reported.totalRows,
        spans: [],
      };
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
    // An append is checked again against the table (e.g. a column it lacks): show that list.
    if (outcome.status === "refused" && outcome.plan && outcome.plan !== a.plan) renderProblems(outcome.plan);
    const notes = (outcome.plan?.problems ?? []).filter((p) => p.code === "already-present").map((p) => p.message);
    result.textContent = [outcome.message, ...notes].join(" ");
    result.className = `result ${outcome.status}`;
    importButton.focus();
    if (targetAppend.checked && outcome.rowsWritten > 0) void renderTarget(); // the table has those months now
  }

  updateButtons();
}
