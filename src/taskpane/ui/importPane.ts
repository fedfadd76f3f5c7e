/**
 * The import section of the task pane: file choice -> preview and problems -> target -> write,
 * with its progress; and the workbook's date system, which the writes (and the functions) honour. The engine (analyseImport, planAppend) and the writer decide; these parts only
 * show and ask. This file wires them together.
 */
import { initDateSystem } from "./dateSystem";
import { byId } from "./dom";
import { initFileChoice } from "./fileChoice";
import { newPaneState, type Pane } from "./paneState";
import { analyse, initChoices } from "./preview";
import { initTarget, targetPreview } from "./target";
import { initUndo } from "./undo";
import { initUpdate } from "./update";
import { initWriteControls, updateControls } from "./write";

export function initImportPane(): void {
  const result = byId("import-result");
  const pane: Pane = {
    state: newPaneState(),
    analyse: () => analyse(pane),
    updateControls: () => updateControls(pane),
    renderTarget: () => Promise.resolve(),
    say: (message) => {
      result.textContent = message;
    },
  };
  pane.renderTarget = targetPreview(pane);
  initFileChoice(pane, (text, source) => {
    Object.assign(pane.state, { text, source, layout: "auto", mapping: null, retry: null, updateChoices: {} });
    pane.say("");
    pane.analyse();
  });
  initChoices(pane);
  initTarget(pane);
  initWriteControls(pane);
  initUpdate(pane);
  initUndo(pane);
  initDateSystem(pane);
  pane.updateControls();
}
