/**
 * Undo last change: names the last change PROD made to this workbook (kept in the workbook, so it
 * is there after the pane or the file was closed) and takes it back — or says why not, naming cells
 * edited since.
 */
import { describeFailure } from "../import/internalError";
import { lastChange, undoLastChange } from "../import/writerJournal";
import { byId } from "./dom";
import type { Pane } from "./paneState";
import { WAITING_FOR_CELL_EDIT } from "./progress";

/** Reads the journal's last entry and shows it beside the Undo button. */
export async function showLastChange(pane: Pane): Promise<void> {
  const button = byId<HTMLButtonElement>("undo-run");
  const note = byId("undo-last");
  try {
    const last = await lastChange();
    button.disabled = last === null || pane.state.running !== null;
    note.textContent = last === null ? "No change of PROD's to undo." : `Last change: ${last.what}.`;
  } catch (e) {
    button.disabled = true;
    note.textContent = `Could not read the last change. ${describeFailure(e).sentence}`;
  }
}

export function initUndo(pane: Pane): void {
  const button = byId<HTMLButtonElement>("undo-run");
  const result = byId("undo-result");
  button.addEventListener("click", () => {
    void (async () => {
      button.disabled = true;
      result.textContent = "Undoing…";
      const outcome = await undoLastChange({
        onCellEdit: (on) => (result.textContent = on ? WAITING_FOR_CELL_EDIT : "Undoing…"),
      });
      result.textContent = outcome.message;
      result.className = `result ${outcome.status}`;
      await showLastChange(pane);
      if (outcome.status === "done") {
        void pane.renderTarget();
        document.dispatchEvent(new CustomEvent(JOURNAL_CHANGED, { detail: "undo" }));
      }
    })();
  });
  // Another section (Analyse) changed the journal: the last change named here is its.
  document.addEventListener(JOURNAL_CHANGED, (e) => {
    if ((e as CustomEvent<string>).detail !== "undo") void showLastChange(pane);
  });
  void showLastChange(pane);
}

/** The event a section sends when it added to the undo journal ("change") or undid its last entry ("undo"). */
export const JOURNAL_CHANGED = "prod-journal-changed";
