/** What the import section knows between events, shared by its parts. */
import type { DateSystem } from "../../calc/dateSystem";
import type { ImportAnalysis, LayoutKind, ManualMapping } from "../import/types";
import type { UpdateChoices, UpdateDiff } from "../import/update";
import type { WriteTarget } from "../import/writer";

export interface PaneState {
  /** The text to import (a file's or a paste's), null before there is any. */
  text: string | null;
  /** Where it came from, for the summary line: a file name or "Pasted text". */
  source: string;
  layout: "auto" | LayoutKind;
  mapping: ManualMapping | null;
  decimal: "auto" | "." | ",";
  skipBadRows: boolean;
  analysis: ImportAnalysis | null;
  /** The write in progress, so Cancel can stop it; null when none is. */
  running: AbortController | null;
  /** The workbook's date system as the user said it; undefined until asked (nothing is written before). */
  dateSystem: DateSystem | undefined;
  /** What Retry writes after a failed write Excel may not repeat; null when there is nothing to retry. */
  retry: { target: WriteTarget; overwrite: boolean } | null;
  /** What the user answered about an update (columns, mapping, differences confirmed). */
  updateChoices: UpdateChoices;
  /** The update's difference as last shown; null when no update is chosen or it could not be read. */
  updateDiff: UpdateDiff | null;
}

export function newPaneState(): PaneState {
  return {
    text: null,
    source: "",
    layout: "auto",
    mapping: null,
    decimal: "auto",
    skipBadRows: false,
    analysis: null,
    running: null,
    dateSystem: undefined,
    retry: null,
    updateChoices: {},
    updateDiff: null,
  };
}

/** How the parts call one another; importPane.ts wires them. */
export interface Pane {
  state: PaneState;
  /** Reads the text again with the current choices and shows the result. */
  analyse(): void;
  /** Turns the controls on or off for the current state (Import, Cancel, the inputs while writing). */
  updateControls(): void;
  /** Shows what an append to the chosen table would add, or the whole plan for a new table. */
  renderTarget(): Promise<void>;
  /** A sentence in the result line (an error reading a file, the outcome of a write). */
  say(message: string): void;
}
