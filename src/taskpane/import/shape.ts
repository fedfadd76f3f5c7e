/**
 * Where things are in a table: which row is the header and what each column holds, per layout.
 * Detection (detect.ts) and manual mapping produce a Shape; extract.ts reads the cells by it.
 */
import type { LayoutKind } from "./types";

/** The month of a row: one column ("Jan 2017"), or a month-name column plus a year column. */
export interface MonthSource {
  col: number;
  yearCol?: number;
}

/** A column left out of the table, reported as an info problem. */
export interface SkippedColumn {
  col: number;
  code: "subtotal-skipped" | "text-column-skipped";
  why: string;
}

interface Common {
  layout: LayoutKind;
  /** 0-based index of the header row in the table. */
  header: number;
  /** Column naming the mine, or -1. */
  mine: number;
  skipped: SkippedColumn[];
  reason: string;
}

/** One row per month (and mine); each value column is one metric. Also the manual long form. */
export interface LongShape extends Common {
  kind: "long";
  month: MonthSource;
  values: number[];
}

/** Month, metric name, value. Also the manual tidy form. */
export interface TidyShape extends Common {
  kind: "tidy";
  month: MonthSource;
  metric: number;
  value: number;
}

/** A year per row and Jan..Dec columns; the metric is named by a column, the title or the corner cell. */
export interface WideYearsShape extends Common {
  kind: "wide-years-rows";
  year: number;
  months: { col: number; month: number }[];
  /** Column naming the metric per row, or -1 (then `metricName` applies to all rows). */
  metric: number;
  metricName: string;
}

/** A month name per row and one column per year (and metric). */
export interface WideMonthsShape extends Common {
  kind: "wide-months-rows";
  month: number;
  years: { col: number; year: number; metric: string }[];
}

/**
 * A metric per row (label in `metric`) and one column per month, named by the month ("Feb 2017"),
 * as releases print their operating tables; other columns (QTD, guidance) are skipped.
 */
export interface WideMetricsShape extends Common {
  kind: "wide-metrics-rows";
  metric: number;
  /** Column giving each metric's unit ("oz", "%"), or -1. */
  unit: number;
  months: { col: number; month: number }[];
}

export type Shape = LongShape | TidyShape | WideYearsShape | WideMonthsShape | WideMetricsShape;
