/**
 * The write controls: Import, Cancel, the question before writing over cells below a table, and
 * the result line. The writer decides; this part starts it, follows its progress and says the outcome.
 */
import { planAppend } from "../import/engine";
import { writeStoppedMessage, type WrittenSoFar } from "../import/internalError";
import { writePlan, type WriteOutcome } from "../import/writer";
import { byId } from "./dom";
import type { Pane } from "./paneState";
import { progressView } from "./progress";
import { renderProblems } from "./review";
import { chosenTable } from "./target";

/** Import is on when a plan may be written; every input is off while a write runs. */
export function updateControls(pane: Pane): void {
  const a = pane.state.analysis;
  const running = pane.state.running !== null;
  const table = chosenTable();
  byId<HTMLButtonElement>("import-run").disabled =
    running || !a || a.plan.blocked || a.plan.rows.length === 0 || table === "";
  byId<HTMLButtonElement>("import-cancel").disabled = !running;
  byId("import-blocked").textContent = !a
    ? ""
    : a.plan.blocked
      ? "Import is off while an error stands: fix the source, or tick “Skip rows with errors”."
      : a.plan.rows.length === 0
        ? "There are no rows to import."
        : "";
  const inputs = ["import-file", "import-paste", "import-layout", "import-decimal", "import-skip"];
  for (const id of [...inputs, "import-target-new", "import-target-append"]) {
    byId<HTMLInputElement>(id).disabled = running;
  }
}

export function initWriteControls(pane: Pane): void {
  const confirmBox = byId("import-confirm");
  const importButton = byId<HTMLButtonElement>("import-run");
  importButton.addEventListener("click", () => void runWrite(pane, false));
  byId("import-cancel").addEventListener("click", () => pane.state.running?.abort());
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

/** Writes the plan, following its progress; a bug or Excel's refusal is said with what was written. */
async function runWrite(pane: Pane, overwrite: boolean): Promise<void> {
  const { state } = pane;
  const a = state.analysis;
  if (!a || a.plan.blocked || state.running) return;
  const progress = progressView();
  state.running = new AbortController();
  byId("import-confirm").hidden = true;
  pane.say("");
  progress.start();
  pane.updateControls();
  byId("import-cancel").focus();
  const table = chosenTable();
  const reported: WrittenSoFar = { rowsWritten: 0, totalRows: a.plan.rows.length, table };
  let outcome: WriteOutcome;
  try {
    outcome = await writePlan(a.plan, {
      target: table !== undefined ? { kind: "append", table } : { kind: "new" },
      planAppend,
      overwrite,
      signal: state.running.signal,
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
  pane.updateControls();
  showOutcome(pane, outcome, a.plan, progress.hide);
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
  // An append is checked again against the table (e.g. a column it lacks): show that list.
  if (outcome.status === "refused" && outcome.plan && outcome.plan !== written) renderProblems(outcome.plan);
  const notes = (outcome.plan?.problems ?? []).filter((p) => p.code === "already-present").map((p) => p.message);
  pane.say([outcome.message, ...notes].join(" "));
  byId("import-result").className = `result ${outcome.status}`;
  byId("import-run").focus();
  if (chosenTable() !== undefined && outcome.rowsWritten > 0) void pane.renderTarget(); // the table has those months now
}
