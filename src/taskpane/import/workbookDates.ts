/**
 * Month serials between an import plan, which counts in the 1900 date system as calc does, and the
 * workbook, which may count from 1904 (calc/dateSystem.ts). The writer converts what it sends and
 * what it reads with these. Pure: no Office.
 */
import { serialFrom1900, serialTo1900, type DateSystem } from "../../calc/dateSystem";
import type { PlannedColumn } from "./types";

type SentCell = string | number | boolean | null;

/** A row as it goes to Excel, its month cells counted as the workbook counts (in place). */
export function rowForWorkbook(row: SentCell[], columns: readonly PlannedColumn[], system: DateSystem): SentCell[] {
  if (system === "1900") return row;
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (columns[j]?.kind === "month" && typeof v === "number") row[j] = serialFrom1900(v, system);
  }
  return row;
}

/**
 * Whether a number format shows a date, so that a number under it is a date serial — how Excel
 * itself tells a date from a number. Quoted text, escaped characters and [colour] or [$-locale]
 * parts are not codes; d or y is a date, and so is m unless it stands with h or s (minutes).
 */
function isDateFormat(format: string): boolean {
  const codes = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  return /[dy]/.test(codes) || (codes.includes("m") && !/[hs]/.test(codes));
}

/** Rows read from a table with their number formats, each date cell counted as calc counts (1900 system). */
export function rowsFromWorkbook(rows: unknown[][], formats: string[][], system: DateSystem): unknown[][] {
  if (system === "1900") return rows;
  return rows.map((row, i) =>
    row.map((v, j) =>
      typeof v === "number" && isDateFormat(String(formats[i]?.[j] ?? "")) ? serialTo1900(v, system) : v,
    ),
  );
}
