/**
 * The progress of a write: a bar and a line counting the rows written — or, while Excel holds the
 * write until the user finishes editing a cell, saying so (Excel itself shows nothing).
 */
import { count } from "../import/format";
import { byId } from "./dom";

export interface ProgressView {
  start(): void;
  show(written: number, total: number): void;
  /** Excel holds the write for a cell edit (true), or has let it go on (false). */
  waiting(on: boolean): void;
  hide(): void;
}

/** What the line says while Excel waits for a cell edit to end. */
export const WAITING_FOR_CELL_EDIT =
  "Waiting until you finish editing a cell: press Enter or Esc in Excel, and the import goes on.";

export function progressView(): ProgressView {
  const bar = byId<HTMLProgressElement>("import-progress");
  const text = byId("import-progress-text");
  let counted = "Starting…";
  const say = (line: string, waiting = false) => {
    text.textContent = line;
    text.classList.toggle("waiting", waiting);
  };
  return {
    start() {
      bar.hidden = false;
      bar.value = 0;
      counted = "Starting…";
      say(counted);
    },
    show(written, total) {
      bar.max = Math.max(1, total);
      bar.value = written;
      counted = `${count(written)} of ${count(total)} rows written`;
      if (!text.classList.contains("waiting")) say(counted);
    },
    waiting(on) {
      say(on ? WAITING_FOR_CELL_EDIT : counted, on);
    },
    hide() {
      bar.hidden = true;
      say("");
    },
  };
}
