/**
 * Where the rows go: a new sheet, an existing table to add months to, or one to update. Choosing a
 * table reads it at once: the preview and problems show only what an append would add, and an
 * update shows its whole difference before anything is written.
 */
import { planUpdate } from "../import/engine";
import { describeFailure } from "../import/internalError";
import { listTables, readTableForAppend } from "../import/writer";
import { previewAppend } from "./appendPreview";
import { byId, option } from "./dom";
import type { Pane } from "./paneState";
import { WAITING_FOR_CELL_EDIT } from "./progress";
import { renderPreview, renderProblems } from "./review";
import { hideUpdate, renderUpdate } from "./update";

export function initTarget(pane: Pane): void {
  const tableSelect = byId<HTMLSelectElement>("import-table");
  const refresh = byId<HTMLButtonElement>("import-tables-refresh");
  for (const id of ["import-target-new", "import-target-append", "import-target-update"]) {
    byId<HTMLInputElement>(id).addEventListener("change", () => void onTargetChange());
  }
  tableSelect.addEventListener("change", () => {
    pane.state.updateChoices = {};
    pane.updateControls();
    void pane.renderTarget();
  });
  refresh.addEventListener("click", () => void loadTables().then(() => pane.renderTarget()));

  async function onTargetChange() {
    const toTable = chosenMode() !== "new";
    tableSelect.disabled = !toTable;
    refresh.disabled = !toTable;
    pane.state.updateChoices = {};
    if (toTable) await loadTables();
    pane.updateControls();
    await pane.renderTarget();
  }

  async function loadTables() {
    tableSelect.replaceChildren(option("", "Loading tables…"));
    try {
      const tables = await listTables({
        onCellEdit: (on) =>
          tableSelect.replaceChildren(option("", on ? "Waiting until you finish editing a cell…" : "Loading tables…")),
      });
      tableSelect.replaceChildren(
        ...(tables.length === 0
          ? [option("", "The workbook has no tables")]
          : tables.map((t) => option(t.name, `${t.name} (sheet ${t.sheet})`))),
      );
    } catch (e) {
      tableSelect.replaceChildren(option("", "Could not list the tables"));
      pane.say(`Could not list the workbook's tables. ${describeFailure(e).sentence}`);
    }
    pane.updateControls();
  }
}

/** What the write does: make a new table, add months to one, or update one. */
export function chosenMode(): "new" | "append" | "update" {
  if (byId<HTMLInputElement>("import-target-update").checked) return "update";
  return byId<HTMLInputElement>("import-target-append").checked ? "append" : "new";
}

/** The table chosen to add to or update, or undefined for a new sheet. */
export function chosenTable(): string | undefined {
  return chosenMode() !== "new" ? byId<HTMLSelectElement>("import-table").value : undefined;
}

/**
 * Shows what the chosen target would receive. A newer analysis or choice makes an older read moot,
 * so each read is numbered and only the latest is shown.
 */
export function targetPreview(pane: Pane): () => Promise<void> {
  let latest = 0;
  return async () => {
    const a = pane.state.analysis;
    const read = ++latest;
    const note = byId("import-append-note");
    const table = chosenTable();
    pane.state.updateDiff = null;
    if (chosenMode() !== "update" || !a || !table) hideUpdate();
    if (a && table && chosenMode() === "update") {
      await showUpdate(pane, table, read, () => latest);
      return;
    }
    if (!a || table === undefined || table === "") {
      note.textContent = "";
      if (a) {
        renderPreview(a.plan);
        renderProblems(a.plan, a.lineSummary);
      }
      return;
    }
    const reading = `Reading table ${table}…`;
    note.textContent = reading;
    const p = await previewAppend(a.plan, table, {
      dateSystem: pane.state.dateSystem,
      onCellEdit: (on) => {
        if (read === latest) note.textContent = on ? WAITING_FOR_CELL_EDIT : reading;
      },
    });
    if (read !== latest || pane.state.analysis !== a) return;
    note.textContent = p.note;
    if (p.plan) {
      renderPreview(p.plan);
      renderProblems(p.plan, a.lineSummary);
    }
  };
}

/** Reads the table and shows the update's difference; the controls follow its verdict. */
async function showUpdate(pane: Pane, table: string, read: number, latest: () => number): Promise<void> {
  const a = pane.state.analysis!;
  const note = byId("import-append-note");
  const reading = `Reading table ${table}…`;
  note.textContent = reading;
  let existing: Awaited<ReturnType<typeof readTableForAppend>>;
  try {
    existing = await readTableForAppend(table, {
      dateSystem: pane.state.dateSystem,
      onCellEdit: (on) => {
        if (read === latest()) note.textContent = on ? WAITING_FOR_CELL_EDIT : reading;
      },
    });
  } catch (e) {
    if (read === latest()) note.textContent = `Could not read table ${table}. ${describeFailure(e).sentence}`;
    return;
  }
  if (read !== latest() || pane.state.analysis !== a) return;
  if (typeof existing === "string") {
    note.textContent = `Cannot update it: ${existing}`;
    hideUpdate();
    pane.updateControls();
    return;
  }
  const diff = planUpdate(a.plan, existing, pane.state.updateChoices);
  pane.state.updateDiff = diff;
  note.textContent = "";
  renderPreview(diff.append);
  renderProblems(diff.append, a.lineSummary);
  renderUpdate(pane, diff, table, existing.header);
  pane.updateControls();
}
