/** The progress of a write: a bar and a line counting the rows written. */
import { count } from "../import/format";
import { byId } from "./dom";

export interface ProgressView {
  start(): void;
  show(written: number, total: number): void;
  hide(): void;
}

export function progressView(): ProgressView {
  const bar = byId<HTMLProgressElement>("import-progress");
  const text = byId("import-progress-text");
  return {
    start() {
      bar.hidden = false;
      bar.value = 0;
      text.textContent = "Starting…";
    },
    show(written, total) {
      bar.max = Math.max(1, total);
      bar.value = written;
      text.textContent = `${count(written)} of ${count(total)} rows written`;
    },
    hide() {
      bar.hidden = true;
      text.textContent = "";
    },
  };
}
