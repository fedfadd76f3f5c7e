/**
 * The contract between reading/checking an import (parse, detect, validate, plan — pure, no Office)
 * and writing it (writer.ts, Excel JS API). Both sides import only these types.
 */

export type LayoutKind = "long" | "tidy" | "wide-years-rows" | "wide-months-rows" | "manual";

/** Where a problem sits in the user's source, 1-based as a spreadsheet user counts. */
export interface SourcePlace {
  row?: number; // 1-based line/row in the source table (header is row 1)
  column?: string; // the column's header text as the user sees it (or "column 3" when there is none)
}

export interface Problem extends SourcePlace {
  severity: "error" | "warning" | "info";
  /** Stable machine code, e.g. "not-a-month", "not-a-number", "duplicate-month", "negative", "future-month", "gap", "estimate", "subtotal-skipped". */
  code: string;
  /** The text at fault, exactly as it appeared. */
  text?: string;
  /** A sentence for the pane, naming row, column and text. */
  message: string;
}

export type ColumnKind = "month" | "text" | "number" | "estimate";

export interface PlannedColumn {
  /** Header written to the Excel table, e.g. "Month", "Mine", "Gold (oz)", "Estimate". */
  name: string;
  kind: ColumnKind;
  /** Unit kept from the source header ("oz", "koz", "t", "g/t", "%"), if any. */
  unit?: string;
  /** Excel number format for the column: "mmm yyyy", "#,##0", "0.00", "0.0%", "@" for text. */
  numberFormat: string;
}

/** One cell as it will be written: month columns hold an Excel date serial (first of month). */
export type PlannedCell = number | string | boolean | null;

export interface ImportPlan {
  layout: LayoutKind;
  columns: PlannedColumn[];
  /** Sorted by mine (if any) then month; one entry per table row, same length as columns. */
  rows: PlannedCell[][];
  problems: Problem[];
  /** True when any problem has severity "error" and the user has not chosen to skip bad rows. Nothing may be written then. */
  blocked: boolean;
}
