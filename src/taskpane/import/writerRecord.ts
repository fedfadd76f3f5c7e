/** What follows every change PROD makes: the undo journal (writerJournal.ts) and the import log (writerLog.ts). */
import { LOG_SHEET, logRows, type LogEvent } from "./importLog";
import { describeFailure } from "./internalError";
import { recordChange, type Change } from "./writerJournal";
import { appendLog } from "./writerLog";
import type { ExcelSession } from "./writerSession";

/**
 * After a change went in: keeps it in the undo journal and adds its rows to the log. The change
 * stands either way; the sentence returned says where it is logged, and what could not be kept.
 */
export async function recordAndLog(excel: ExcelSession, change: Change, log: LogEvent): Promise<string> {
  let note = "";
  try {
    await recordChange(excel, change);
  } catch (e) {
    note += ` It could not be kept for Undo: ${describeFailure(e).sentence}`;
  }
  try {
    await appendLog(excel, logRows(log));
    note += ` Logged on sheet ${LOG_SHEET}.`;
  } catch (e) {
    note += ` The import log could not be written: ${describeFailure(e).sentence}`;
  }
  return note;
}
