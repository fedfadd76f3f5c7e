/**
 * Where the rows go: a new sheet, or an existing table. Choosing a table reads it at once, and the
 * preview and problems show only what an append would add.
 */
import { describeFailure } from "../import/internalError";
import { listTables } from "../import/writer";
import { previewAppend } from "./appendPreview";
import { byId, option } from "./dom";
import type { Pane } from "./paneState";
import { WAITING_FOR_CELL_EDIT } from "./progress";
import { renderPreview, renderProblems } from "./review";

export function initTarget(pane: Pane): void {
  const targetAppend = byId<HTMLInputElement>("import-target-append");
  const tableSelect = byId<HTMLSelectElement>("import-table");
  const refresh = byId<HTMLButtonElement>("import-tables-refresh");
  for (const radio of [byId<HTMLInputElement>("import-target-new"), targetAppend]) {
    radio.addEventListener("change", () => void onTargetChange());
  }
  tableSelect.addEventListener("change", () => {
    pane.updateControls();
    void pane.renderTarget();
  });
  refresh.addEventListener("click", () => void loadTables().then(() => pane.renderTarget()));

  async function onTargetChange() {
    tableSelect.disabled = !targetAppend.checked;
    refresh.disabled = !targetAppend.checked;
    if (targetAppend.checked) await loadTables();
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

/** The table chosen to add to, or undefined for a new sheet. */
export function chosenTable(): string | undefined {
  return byId<HTMLInputElement>("import-target-append").checked
    ? byId<HTMLSelectElement>("import-table").value
    : undefined;
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
