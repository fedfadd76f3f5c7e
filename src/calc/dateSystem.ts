/**
 * Excel's two date systems. A workbook counts days from 1900 (Excel's default everywhere today) or
 * from 1904 (older Mac workbooks, and any workbook with "Use 1904 date system" ticked): the same
 * day is 1,462 days lower in a 1904 workbook — four years, plus the 29 Feb 1900 the 1900 system
 * counts. calc reads and returns 1900 serials only; the adapters convert at the edge with these
 * (the functions' date arguments and date results, the import's writer), told the system by the
 * workbook setting below.
 */

export type DateSystem = "1900" | "1904";

/** Days from 1 Jan 1900's serial origin to 1 Jan 1904's: the 1900 serial of 1 Jan 1904. */
const DAYS_1904_AFTER_1900 = 1462;

/**
 * The add-in's setting, kept with the workbook (Office.context.document.settings), that says which
 * system the workbook uses: "1900" or "1904". The pane writes it; the functions read it.
 */
export const DATE_SYSTEM_SETTING = "PROD.dateSystem";

/** The stored setting's value as a system, or undefined when it is absent or not one this version wrote. */
export function dateSystemOf(value: unknown): DateSystem | undefined {
  return value === "1900" || value === "1904" ? value : undefined;
}

/** A workbook's date serial as calc counts (1900 system). */
export function serialTo1900(serial: number, system: DateSystem): number {
  return system === "1904" ? serial + DAYS_1904_AFTER_1900 : serial;
}

/** A 1900-system serial as the workbook counts. */
export function serialFrom1900(serial: number, system: DateSystem): number {
  return system === "1904" ? serial - DAYS_1904_AFTER_1900 : serial;
}
