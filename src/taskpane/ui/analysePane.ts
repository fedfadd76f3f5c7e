/**
 * The Analyse section: a table, a metric, the choices, and three actions (growth, records, chart).
 * It reads the chosen table to offer its metrics and to say, beside the buttons, why an action is
 * off; writerAnalysis.ts decides and writes. Undo is the workbook's journal's: it puts back the cells
 * the last change wrote and removes the rule or chart it added.
 */
import {
  analysisColumns,
  minesOf,
  missingFor,
  type AddedItem,
  type AnalysisAction,
  type AnalysisChoice,
  type AnalysisTable,
  type GrowthBasis,
  type RecordScope,
} from "../import/analysisPlan";
import { listTables } from "../import/writer";
import { readAnalysisTable, runAnalysis } from "../import/writerAnalysis";
import { undoLastChange } from "../import/writerJournal";
import { thrownMessage } from "../import/internalError";
import { byId, el, option } from "./dom";
import { JOURNAL_CHANGED } from "./undo";
import { TABLE_WRITTEN } from "./write";

const ACTIONS: { action: AnalysisAction; id: string; label: string }[] = [
  { action: "growth", id: "analyse-growth", label: "Add growth" },
  { action: "record", id: "analyse-record", label: "Mark records" },
  { action: "chart", id: "analyse-chart", label: "Add chart" },
];

export function initAnalysePane(): void {
  const tableSelect = byId<HTMLSelectElement>("analyse-table");
  const metricSelect = byId<HTMLSelectElement>("analyse-metric");
  const mines = byId("analyse-mines");
  const why = byId("analyse-why");
  const result = byId("analyse-result");
  const undo = byId<HTMLButtonElement>("analyse-undo");
  let table: AnalysisTable | undefined;
  let busy = false;
  /** The last action this pane ran: Undo is offered until it is undone. */
  let last: AddedItem | null = null;

  const say = (text: string, status = "") => {
    result.textContent = text;
    result.className = `result ${status}`;
  };

  function render(): void {
    const reasons: string[] = [];
    for (const { action, id, label } of ACTIONS) {
      const reason = missingFor(table, action, metricSelect.value || undefined);
      byId<HTMLButtonElement>(id).disabled = busy || reason !== null;
      if (reason) reasons.push(`${label}: ${reason}`);
    }
    // One reason said once when every action lacks the same thing.
    const unique = new Set(reasons.map((r) => r.slice(r.indexOf(": ") + 2)));
    why.replaceChildren(
      ...(unique.size === 1 && reasons.length === ACTIONS.length ? [...unique] : reasons).map((r) =>
        el("li", { text: r }),
      ),
    );
    undo.hidden = last === null;
    undo.disabled = busy;
  }

  async function loadTable(): Promise<void> {
    const name = tableSelect.value;
    table = undefined;
    metricSelect.replaceChildren();
    mines.textContent = "";
    if (name) {
      const read = await readAnalysisTable(name).catch(
        (e: unknown) => `The table could not be read (${thrownMessage(e)}).`,
      );
      if (typeof read === "string") say(read, "failed");
      else table = read;
    }
    const cols = table ? analysisColumns(table.kinds) : undefined;
    if (table && cols) {
      for (const i of cols.metrics) metricSelect.append(option(table.headers[i], table.headers[i]));
      const names = minesOf(table, cols);
      mines.textContent =
        names.length > 1
          ? `${names.length} mines (${names.join(", ")}): each is its own series, and the chart draws one line each.`
          : "";
    }
    metricSelect.disabled = metricSelect.options.length === 0;
    render();
  }

  async function refreshTables(select?: string): Promise<void> {
    const keep = select ?? tableSelect.value;
    let tables: { name: string; sheet: string }[] = [];
    try {
      tables = await listTables();
    } catch (e) {
      say(`The tables could not be listed (${thrownMessage(e)}).`, "failed");
    }
    tableSelect.replaceChildren(
      ...(tables.length === 0 ? [option("", "No tables yet: import first")] : []),
      ...tables.map((t) => option(t.name, `${t.name} (${t.sheet})`, t.name === keep)),
    );
    tableSelect.disabled = tables.length === 0;
    await loadTable();
  }

  const choice = (): AnalysisChoice => ({
    metric: metricSelect.value,
    basis: byId<HTMLSelectElement>("analyse-basis").value as GrowthBasis,
    scope: byId<HTMLSelectElement>("analyse-scope").value as RecordScope,
    valuesOnly: byId<HTMLInputElement>("analyse-values").checked,
  });

  async function act(action: AnalysisAction, button: HTMLButtonElement): Promise<void> {
    if (!table) return;
    busy = true;
    render();
    say("Writing…");
    const outcome = await runAnalysis(table.name, action, choice());
    busy = false;
    if (outcome.added) {
      last = outcome.added;
      document.dispatchEvent(new CustomEvent(JOURNAL_CHANGED, { detail: "change" }));
    }
    say(outcome.message, outcome.status);
    await loadTable(); // the table's sheet holds more now; its analysis is known by name
    button.focus();
  }

  for (const { action, id } of ACTIONS) {
    const button = byId<HTMLButtonElement>(id);
    button.addEventListener("click", () => void act(action, button));
  }
  undo.addEventListener("click", async () => {
    if (!last) return;
    busy = true;
    render();
    // The journal undoes the last change PROD made to the workbook: this action, unless one came after it.
    const undone = await undoLastChange();
    busy = false;
    if (undone.status === "done") last = null;
    document.dispatchEvent(new CustomEvent(JOURNAL_CHANGED, { detail: "analyse-undo" }));
    say(undone.message, undone.status);
    await loadTable();
    byId<HTMLButtonElement>("analyse-growth").focus();
  });
  // Undo last change (Import / update) undid an entry: this section's last action may be gone.
  document.addEventListener(JOURNAL_CHANGED, (e) => {
    if ((e as CustomEvent<string>).detail !== "undo") return;
    last = null;
    void loadTable();
  });
  tableSelect.addEventListener("change", () => void loadTable());
  metricSelect.addEventListener("change", render);
  byId("analyse-refresh").addEventListener("click", () => void refreshTables());
  document.addEventListener(TABLE_WRITTEN, (e) => void refreshTables((e as CustomEvent<string>).detail));
  byId("analyse").hidden = false;
  void refreshTables();
}
