/**
 * The write controls: Import, Cancel, Retry, the question before writing over cells below a table,
 * and the result line. The writer decides and says what the workbook holds; this part starts it,
 * follows its progress (and any wait for a cell edit), and shows the outcome.
 */
import { planAppend, planUpdate } from "../import/engine";
import { sourceOf } from "../import/importLog";
import { writeStoppedMessage, type WrittenSoFar } from "../import/internalError";
import { writePlan, type WriteOutcome, type WriteTarget } from "../import/writer";
import { byId } from "./dom";
import type { Pane } from "./paneState";
import { progressView } from "./progress";
import { renderProblems } from "./review";
import { chosenMode, chosenTable } from "./target";
import { showLastChange } from "./undo";

/** Import is on when a plan may be written; every input is off while a write runs. */
export function updateControls(pane: Pane): void {
  const { state } = pane;
  const a = state.analysis;
  const running = state.running !== null;
  const table = chosenTable();
  const asking = state.dateSystem === undefined;
  const update = chosenMode() === "update";
  const diff = state.updateDiff;
  const run = byId<HTMLButtonElement>("import-run");
  run.textContent = update ? "Update" : "Import";
  run.disabled =
    running ||
    asking ||
    !a ||
    a.plan.blocked ||
    a.plan.rows.length === 0 ||
    table === "" ||
    (update && (!diff || diff.blocked || (diff.changes.length === 0 && diff.append.rows.length === 0)));
  byId<HTMLButtonElement>("undo-run").disabled ||= running;
  byId<HTMLButtonElement>("import-cancel").disabled = !running;
  const retry = byId<HTMLButtonElement>("import-retry");
  retry.hidden = state.retry === null;
  retry.disabled = running;
  byId("import-blocked").textContent = !a
    ? ""
    : a.plan.blocked
      ? "Import is off while an error stands: fix the source, or tick “Skip rows with errors”."
      : a.plan.rows.length === 0
        ? "There are no rows to import."
        : asking
          ? "Import is off until you say which date system this workbook uses (at the top of the pane)."
          : update && diff?.blocked
            ? "Update is off until the questions above are answered."
            : "";
  const inputs = ["import-file", "import-paste", "import-layout", "import-decimal", "import-skip"];
  for (const id of [...inputs, "import-target-new", "import-target-append", "import-target-update", "dates-1904"]) {
    byId<HTMLInputElement>(id).disabled = running;
  }
}

export function initWriteControls(pane: Pane): void {
  const confirmBox = byId("import-confirm");
  const importButton = byId<HTMLButtonElement>("import-run");
  importButton.addEventListener("click", () => void runWrite(pane, false));
  byId("import-cancel").addEventListener("click", () => pane.state.running?.abort());
  byId("import-retry").addEventListener("click", () => {
    const retry = pane.state.retry;
    if (retry) void runWrite(pane, retry.overwrite, retry.target);
  });
  byId("import-confirm-yes").addEventListener("click", () => {
    confirmBox.hidden = true;
    void runWrite(pane, true);
  });
  byId("import-confirm-no").addEventListener("click", () => {
    confirmBox.hidden = true;
    pane.say("Nothing was written.");
    importButton.focus();
  });
}

/** The target the pane's choices name: a new sheet, or the table chosen to add to or update. */
function chosenTarget(pane: Pane): WriteTarget {
  const table = chosenTable();
  if (table === undefined) return { kind: "new" };
  return chosenMode() === "update"
    ? { kind: "update", table, choices: pane.state.updateChoices }
    : { kind: "append", table };
}

/**
 * Writes the plan to `target` (by default the one chosen), following its progress. The writer's
 * outcome says what the workbook holds; should the writer itself throw (a bug), the pane says so with
 * what it had last reported.
 */
async function runWrite(pane: Pane, overwrite: boolean, target: WriteTarget = chosenTarget(pane)): Promise<void> {
  const { state } = pane;
  const a = state.analysis;
  if (!a || a.plan.blocked || state.running || state.dateSystem === undefined) return;
  const progress = progressView();
  state.running = new AbortController();
  state.retry = null;
  byId("import-confirm").hidden = true;
  pane.say("");
  progress.start();
  pane.updateControls();
  byId("import-cancel").focus();
  const reported: WrittenSoFar = {
    rowsWritten: 0,
    totalRows: a.plan.rows.length,
    table: target.kind !== "new" ? target.table : undefined,
  };
  let outcome: WriteOutcome;
  try {
    outcome = await writePlan(a.plan, {
      target,
      planAppend,
      planUpdate,
      source: sourceOf(state.source, state.text),
      record: true,
      overwrite,
      dateSystem: state.dateSystem,
      signal: state.running.signal,
      onCellEdit: progress.waiting,
      onProgress: (written, total) => {
        Object.assign(reported, { rowsWritten: written, totalRows: total });
        progress.show(written, total);
      },
    });
  } catch (e) {
    const { rowsWritten, totalRows } = reported;
    outcome = { status: "failed", message: writeStoppedMessage(e, reported), rowsWritten, totalRows, spans: [] };
  }
  state.running = null;
  if (outcome.retry) state.retry = { target: outcome.retry, overwrite };
  if (outcome.retry?.kind === "update") outcome.retry.choices = state.updateChoices;
  pane.updateControls();
  showOutcome(pane, outcome, a.plan, progress.hide);
  void showLastChange(pane);
}

/** The outcome in the result line; an occupied range asks first, a refused append lists why. */
function showOutcome(pane: Pane, outcome: WriteOutcome, written: WriteOutcome["plan"], hide: () => void): void {
  if (outcome.status === "occupied") {
    hide();
    byId("import-confirm-text").textContent = outcome.message;
    byId("import-confirm").hidden = false;
    byId("import-confirm-no").focus();
    return;
  }
  // The bar stays full after a write that went through; after any other it would say what the result corrects.
  if (outcome.status !== "done") hide();
  // An append is checked again against the table (e.g. a column it lacks): show that list.
  if (outcome.status === "refused" && outcome.plan && outcome.plan !== written)
    renderProblems(outcome.plan, pane.state.analysis?.lineSummary ?? "");
  const notes = (outcome.plan?.problems ?? []).filter((p) => p.code === "already-present").map((p) => p.message);
  pane.say([outcome.message, ...notes].join(" "));
  byId("import-result").className = `result ${outcome.status}`;
  byId(outcome.retry ? "import-retry" : "import-run").focus();
  if (chosenTable() !== undefined && outcome.rowsWritten > 0) void pane.renderTarget(); // the table has those months now
}
