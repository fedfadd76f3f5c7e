/**
 * The workbook's date system, for the functions. Released Excel has no API that says which system a
 * workbook uses, so the task pane asks and keeps the answer with the workbook (DATE_SYSTEM_SETTING in
 * Office.context.document.settings). Functions and pane share one runtime, so the functions read that
 * setting here at each call; where there is none (a workbook never asked, tests, the bench) the
 * system is 1900. Date arguments become 1900 serials before calc reads them, and date results go
 * back to the workbook's count: calc itself knows one system only.
 */
import { DATE_SYSTEM_SETTING, dateSystemOf, serialFrom1900, serialTo1900, type DateSystem } from "../calc/dateSystem";
import { isYearNumber } from "../calc/periods";

export function workbookDateSystem(): DateSystem {
  const settings = typeof Office === "undefined" ? undefined : Office.context?.document?.settings;
  return dateSystemOf(settings?.get(DATE_SYSTEM_SETTING)) ?? "1900";
}

/**
 * How a date argument reads numbers: "dates" (a dates column, RECORD_MONTH's period) takes every
 * number as a serial; "periods" (YOY_GROWTH's period, as_of) takes a whole number 1900-2200 as a year.
 */
type DateArgument = "dates" | "periods";

/** A serial, as opposed to an empty cell (0 on the desktop), a year, or anything that is not a date at all. */
const isSerial = (cell: unknown, kind: DateArgument): cell is number =>
  typeof cell === "number" && cell > 0 && !(kind === "periods" && isYearNumber(cell));

/** One cell of a date argument in 1900 serials; text and everything else as it is. */
export function dateIn1900(cell: unknown, kind: DateArgument, system = workbookDateSystem()): unknown {
  return isSerial(cell, kind) ? serialTo1900(cell, system) : cell;
}

/** The cells of a date argument (a list the caller owns) in 1900 serials, converted in place. */
export function datesIn1900(cells: unknown[], kind: DateArgument): unknown[] {
  const system = workbookDateSystem();
  if (system === "1900") return cells;
  for (let i = 0; i < cells.length; i++) cells[i] = dateIn1900(cells[i], kind, system);
  return cells;
}

/** A date a function returns (a 1900 serial from calc) as the workbook counts it. */
export const dateForWorkbook = (serial: number): number => serialFrom1900(serial, workbookDateSystem());
