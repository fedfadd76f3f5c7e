/**
 * The pane's bug policy (CONTRIBUTING.md, "Errors"). Bad input is never an exception here: the
 * engine reports it as problems naming the row, column and text. Anything thrown is a bug, and the
 * pane shows it as an "internal error" with its message — never as a problem with the user's data —
 * and, when it struck during a write, says what the workbook holds from what the writer reported.
 * Excel's refusals are not bugs: each is said by its code (excelErrors.ts).
 */
import { excelErrorCode, excelSentence } from "./excelErrors";
import { count } from "./format";
import type { Problem } from "./types";

/** The message of whatever was thrown (not always an Error). */
export function thrownMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A bug in a step of the engine, as the one problem that blocks the import: "<step> (internal error: <message>)". */
export function internalProblem(step: string, e: unknown): Problem {
  return { severity: "error", code: "internal", message: `${step} (internal error: ${thrownMessage(e)})` };
}

/** What the writer had reported when a write stopped: its last progress, and the table it was adding to. */
export interface WrittenSoFar {
  rowsWritten: number;
  totalRows: number;
  /** The existing table being added to; undefined for a new table. */
  table?: string;
}

/** Why a write or a read stopped. */
export interface Failure {
  /** Excel's error code; undefined for a bug in PROD. */
  code?: string;
  /** A bug in PROD rather than Excel's refusal: said as an internal error, and Retry is not offered. */
  internal: boolean;
  /** The sentence for the pane: what happened, and what to do. */
  sentence: string;
}

/** Excel's refusal as Excel's, by its code (excelErrors.ts); anything else thrown as an internal error. */
export function describeFailure(e: unknown): Failure {
  const code = excelErrorCode(e);
  if (code === undefined) {
    return { internal: true, sentence: `The import stopped on an internal error (${thrownMessage(e)}).` };
  }
  return { code, internal: false, sentence: excelSentence(code, thrownMessage(e)) };
}

/**
 * What the pane says when a write throws out of the writer (which reports its own failures with what
 * the workbook holds): why, then how many whole rows went where, as the writer last reported.
 */
export function writeStoppedMessage(e: unknown, written: WrittenSoFar): string {
  const where = written.table === undefined ? "the new table" : `table ${written.table}`;
  const what =
    written.rowsWritten === 0
      ? "Nothing was written."
      : `${count(written.rowsWritten)} of ${count(written.totalRows)} rows had been written to ${where} when it stopped.`;
  return `${describeFailure(e).sentence} ${what}`;
}
