/** File choice: a file picked or dropped, or text pasted; each becomes the text to import. */
import { decodeBytes } from "../import/engine";
import { thrownMessage } from "../import/internalError";
import { byId, onFileChosen } from "./dom";
import type { Pane } from "./paneState";

/** How long a paste must rest before it is read: one analysis per pause, not per keystroke. */
const PASTE_PAUSE_MS = 300;

export function initFileChoice(pane: Pane, setText: (text: string | null, source: string) => void): void {
  const fileInput = byId<HTMLInputElement>("import-file");
  const drop = byId("import-drop");
  const paste = byId<HTMLTextAreaElement>("import-paste");

  async function readFile(file: File) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      pane.say(`Could not read ${file.name}: ${thrownMessage(e)}`);
      return;
    }
    paste.value = "";
    setText(decodeBytes(bytes), file.name);
  }
  onFileChosen(fileInput, drop, (file) => void readFile(file));
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
    }, PASTE_PAUSE_MS);
  });
}
