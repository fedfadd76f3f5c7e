/**
 * What the pane says when Excel refuses a request: a sentence, chosen by the error's code, that
 * says what happened and what to do. Excel's own message is a summary not meant for users
 * (Microsoft's error-handling guidance says to go by the code), so it is shown only for a code PROD
 * does not know. Pure: no Office, no DOM. internalError.ts decides what is Excel's and what is a bug.
 */

const RETRY = "then press Retry.";

/** Codes that mean the same to a user share a sentence. */
const SENTENCES: readonly [codes: readonly string[], sentence: string][] = [
  [
    ["AccessDenied"],
    "Excel refused the change: the sheet is protected, or the workbook is open read-only. Unprotect the sheet " +
      `(Review > Unprotect Sheet) or save a copy you can edit, ${RETRY}`,
  ],
  [
    ["ItemAlreadyExists"],
    "Excel refused the change: the name PROD chose for the new sheet or table was taken while the import ran. " +
      "Press Retry: PROD picks a free name again.",
  ],
  [
    ["Conflict", "ActivityLimitReached", "ServiceNotAvailable", "RequestAborted", "Timeout"],
    `Excel was busy with another operation (another add-in, a recalculation or a co-author's change). Wait a moment, ${RETRY}`,
  ],
  [["InactiveWorkbook"], `Another workbook had the focus. Click into this workbook, ${RETRY}`],
  [
    ["InvalidOperationInCellEditMode"],
    `Excel was in cell-editing mode. Finish editing the cell (press Enter or Esc), ${RETRY}`,
  ],
  [
    ["ApiNotFound", "ApiNotAvailable", "NotImplemented", "UnsupportedOperation"],
    "This version of Excel does not support an operation the import needs (Excel on the web and Microsoft 365 " +
      "have it). Update Excel, then try again.",
  ],
  [
    ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"],
    "The request was too large for Excel (Excel on the web takes at most 5 MB at a time). Press Retry; if it " +
      "fails again, import the file in parts.",
  ],
  [
    ["RangeExceedsLimit", "OperationCellsExceedLimit", "MemoryLimitReached"],
    `The import is too large for Excel to take at once. Import the file in parts (fewer rows or columns), ${RETRY}`,
  ],
  [
    ["ItemNotFound", "InvalidReference", "InvalidBinding"],
    "A sheet or table the import was using is gone (deleted or renamed while it ran). Check the table list " +
      `(Refresh), ${RETRY}`,
  ],
  [["FilteredRangeConflict"], `The table is filtered. Clear its filter (Data > Clear), ${RETRY}`],
  [
    ["MergedRangeConflict", "InsertDeleteConflict", "PivotTableRangeConflict", "NonBlankCellOffSheet"],
    "The new rows would run into merged cells, a PivotTable or another table. Move it out of the way, or import " +
      `into a new sheet, ${RETRY}`,
  ],
  [
    ["UnsupportedFeature", "UnsupportedSheet"],
    "The sheet holds something Excel cannot change from an add-in (a feature it does not support there, or a " +
      "chart or macro sheet). Import into a new sheet instead.",
  ],
  [
    ["GeneralException"],
    "Excel met an internal error. Press Retry; if it happens again, save the workbook, close and reopen it, and " +
      "try again.",
  ],
  [
    ["InvalidArgument", "InvalidOperation", "InvalidRequest", "InvalidSelection"],
    "Excel refused the request as invalid. Press Retry; if it happens again, please report it with this " +
      "message: it may be a fault in PROD.",
  ],
];

const BY_CODE = new Map(SENTENCES.flatMap(([codes, sentence]) => codes.map((c) => [c, sentence] as const)));

/** Excel's error code, or undefined when the value thrown is not Excel's error (office.js names them "RichApi.Error"). */
export function excelErrorCode(e: unknown): string | undefined {
  if (!(e instanceof Error) || e.name !== "RichApi.Error") return undefined;
  const code = (e as Error & { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : "GeneralException";
}

/** The sentence for an Excel error: what happened and what to do, then the code; an unknown code gets Excel's message too. */
export function excelSentence(code: string, message: string): string {
  const known = BY_CODE.get(code);
  if (known) return `${known} Excel's code: ${code}.`;
  return (
    `Excel stopped with an error PROD does not know (${code}: ${message}). Press Retry; if it happens again, save ` +
    "the workbook, close and reopen it, and try again."
  );
}
