/**
 * The contract between reading/checking an import (parse, detect, validate, plan — pure, no Office)
 * and writing it (writer.ts, Excel JS API). Both sides import only these types.
 */

export type LayoutKind = "long" | "tidy" | "wide-years-rows" | "wide-months-rows" | "wide-metrics-rows" | "manual";

/** Where a problem sits in the user's source, 1-based as a spreadsheet user counts. */
interface SourcePlace {
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

/**
 * What a column holds: "month" (Excel date serials), "mine" (the mine or site each row belongs to),
 * "number" (one metric's values), "estimate" (which metrics of the row are estimates), "text"
 * (anything else, such as a table column an append leaves alone). Readers go by the kind, never
 * by a header's name.
 */
export type ColumnKind = "month" | "mine" | "number" | "estimate" | "text";

export interface PlannedColumn {
  /** Header written to the Excel table, e.g. "Month", "Mine", "Gold (oz)", "Estimate". */
  name: string;
  kind: ColumnKind;
  /** Unit kept from the source header ("oz", "koz", "t", "g/t", "%"), if any. */
  unit?: string;
  /** Excel number format for the column: "mmm yyyy", "#,##0", "0.00", "0.0%", "@" for text. */
  numberFormat: string;
  /**
   * Added by planAppend: an existing table column this plan has no data for. Its cells are null;
   * the writer must leave the column's format and any table formula as they are.
   */
  untouched?: boolean;
}

/** One cell as it will be written: month columns hold an Excel date serial (first of month). */
export type PlannedCell = number | string | boolean | null;

/**
 * A metric's cell without a figure ("-", "nil", "n.a.", or no cell for that month) is written as this
 * text, which every function reads as no figure: an empty cell would read as 0 in Excel desktop.
 */
export const NO_FIGURE = "n/a";

export interface ImportPlan {
  layout: LayoutKind;
  columns: PlannedColumn[];
  /** Sorted by mine (if any) then month; one entry per table row, same length as columns. */
  rows: PlannedCell[][];
  problems: Problem[];
  /** True when any problem has severity "error" and the user has not chosen to skip bad rows. Nothing may be written then. */
  blocked: boolean;
}

/** An existing table as an append reads it: its header, its rows and, when stored, its columns' kinds. */
export interface ExistingTable {
  header: string[];
  rows: unknown[][];
  /** The kinds stored with the table when PROD wrote it (tableKinds.ts); undefined for other tables. */
  kinds?: ColumnKind[];
}

// ---- Added by the import engine (analyse.ts): options and result of analyseImport. ----

/**
 * Columns chosen by hand when detection fails (or the user overrides it). Column numbers are
 * 0-based indexes into the rows of `ImportAnalysis.table`; the header row is 1-based like Problem.row.
 * Either `metrics` (one column per metric, long form) or `metricName` + `value` (tidy form).
 */
export interface ManualMapping {
  /** 1-based row of the header in the table (0 = no header row); default: the detected header row. */
  headerRow?: number;
  /** Column holding the month ("Jan 2017", "2017-01", a date) — or only the month name when `year` is set. */
  month: number;
  /** Column holding the year, when the month column holds month names only ("Jan"). */
  year?: number;
  /** Column naming the mine/site/company, kept as a text column. */
  mine?: number;
  /** Long form: columns of values, one metric each, named by their header. */
  metrics?: number[];
  /** Tidy form: the column naming the metric … */
  metricName?: number;
  /** … and the column holding its value. */
  value?: number;
}

export interface ImportOptions {
  /** Force a layout instead of detecting it ("manual" needs `mapping`). */
  layout?: LayoutKind;
  mapping?: ManualMapping;
  /** Decimal mark of the values; "auto" (default) detects it when the data make it unambiguous. */
  decimal?: "." | "," | "auto";
  /** Drop rows that have an error (listed as problems) instead of blocking the import. */
  skipBadRows?: boolean;
  /** "Now" for the future-month check; default the current date. */
  today?: Date;
}

/**
 * What became of one line of the source: part of the header ("header", with a "unit" line), read as
 * data, or left out as a title, blank line, heading, total, derived figure (growth, year to date),
 * comment or footnote; "error" when it was refused (or dropped by "skip bad rows").
 */
export type LineRole =
  "blank" | "title" | "header" | "unit" | "heading" | "data" | "total" | "derived" | "comment" | "footnote" | "error";

/** What a left-out row or column was taken for. */
export type LeftOutKind =
  "title" | "heading" | "total" | "derived" | "comment" | "footnote" | "guidance" | "identifier" | "text";

/** A total's figures set against the months (or sites) it covers. */
export interface TotalCheck {
  /** "matches" to the total's printed precision; "differs"; "unchecked" when a part is not in the table. */
  outcome: "matches" | "differs" | "unchecked";
  /** The sums as a sentence: "15,807 = Jan 2016 + Feb 2016 + Mar 2016 (4,512 + 5,125 + 6,170)". */
  sentence: string;
}

/** A row or column the import leaves out, listed with what it was taken for. */
export interface LeftOut {
  /** 1-based source line (a row, or a total column's cell on that line). */
  line?: number;
  /** 0-based column and its header as the user sees it (a column, or a total column's cell). */
  column?: number;
  label: string;
  what: LeftOutKind;
  /** How many figures it holds (a left-out figure is never silent: a warning, unless a total checks). */
  values: number;
  check?: TotalCheck;
}

export interface ImportAnalysis {
  table: string[][];
  /** What became of each line of the source: lines[i] is line i + 1. */
  lines: LineRole[];
  /** "39 lines: 1 title, 1 header, 35 read as data, 1 total left out, 1 footnote left out". */
  lineSummary: string;
  /** Rows and columns left out, with what they were taken for (each is also a problem). */
  leftOut: LeftOut[];
  /** null = fits no layout: the pane must ask for a manual mapping. "manual" when a mapping was used. */
  detected: LayoutKind | null;
  /** Why the layout was (or was not) recognised, for the pane to show. */
  reason: string;
  /** 1-based row of the header used (0 when none was found). */
  headerRow: number;
  decimal: "." | ",";
  /** True when the data decided the decimal mark; false when "." was assumed or the user chose. */
  decimalDetected: boolean;
  /** The columns as recognised, to prefill the "map columns by hand" form (null when none fits). */
  mapping: ManualMapping | null;
  plan: ImportPlan;
}
