/**
 * "Dates in this workbook": which date system the workbook uses, asked once per workbook and kept
 * with it in the add-in's settings (Office.context.document.settings). Released Excel has no API that
 * says which system a workbook uses (Workbook.use1904DateSystem is in preview only). The writer gets
 * the answer with each write; the functions read the same setting through the shared runtime, so
 * after a change every formula is recalculated.
 */
import { DATE_SYSTEM_SETTING, dateSystemOf, type DateSystem } from "../../calc/dateSystem";
import { describeFailure, thrownMessage } from "../import/internalError";
import { recalculateAll } from "../import/writer";
import { byId } from "./dom";
import type { Pane } from "./paneState";

/** Saves the settings with the workbook; the reason when Office could not. */
function save(settings: Office.Settings): Promise<string | null> {
  return new Promise((done) =>
    settings.saveAsync((r) =>
      done(r.status === Office.AsyncResultStatus.Succeeded ? null : (r.error?.message ?? "not saved")),
    ),
  );
}

export function initDateSystem(pane: Pane): void {
  const settings = Office.context.document.settings;
  const ask = byId("dates-ask");
  const box = byId<HTMLInputElement>("dates-1904");
  const note = byId("dates-note");
  pane.state.dateSystem = dateSystemOf(settings.get(DATE_SYSTEM_SETTING));

  const render = () => {
    const system = pane.state.dateSystem;
    ask.hidden = system !== undefined;
    box.checked = system === "1904";
    box.parentElement!.hidden = system === undefined;
    note.textContent =
      system === undefined ? "" : `PROD reads and writes this workbook's dates in the ${system} date system.`;
  };

  async function choose(system: DateSystem) {
    // The functions already count from 1900 while nothing is stored: only a real change needs a recalculation.
    const before = pane.state.dateSystem ?? "1900";
    settings.set(DATE_SYSTEM_SETTING, system);
    pane.state.dateSystem = system;
    render();
    pane.updateControls();
    void pane.renderTarget();
    const notSaved = await save(settings);
    const said: string[] = [note.textContent ?? ""];
    if (notSaved !== null)
      said.push(`It could not be saved with the workbook (${notSaved}): it holds until Excel closes.`);
    if (system !== before) {
      try {
        await recalculateAll();
        said.push("The PROD formulas were recalculated.");
      } catch (e) {
        const why = describeFailure(e);
        said.push(
          `The formulas could not be recalculated (${why.code ?? thrownMessage(e)}): press Ctrl+Alt+F9 in Excel.`,
        );
      }
    }
    note.textContent = said.join(" ");
  }

  byId("dates-use-1900").addEventListener("click", () => void choose("1900"));
  byId("dates-use-1904").addEventListener("click", () => void choose("1904"));
  box.addEventListener("change", () => void choose(box.checked ? "1904" : "1900"));
  render();
  byId("dates").hidden = false;
}
