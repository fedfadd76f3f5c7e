/**
 * Where things are in a table: which lines are the header, what each column holds and which
 * columns are left out, per layout. Detection (detect.ts) and manual mapping produce a Shape;
 * extract.ts reads the cells by it.
 */
import type { ColumnDates } from "../../calc/periods";
import type { MonthIndex } from "../../calc/months";
import type { PeriodLabel } from "./labels";
import type { LayoutKind, LeftOutKind } from "./types";

/** The month of a row: one column ("Jan 2017"), or a month-name column plus a year column. */
export interface MonthSource {
  col: number;
  yearCol?: number;
  /** What the column's cells settle between them: day-month order, YYYYMM codes, serials. */
  dates?: ColumnDates;
}

/** A column left out: what it was taken for, why, and for a total or a running figure the period it names. */
export interface LeftColumn {
  col: number;
  what: LeftOutKind;
  why: string;
  period?: PeriodLabel;
}

interface Common {
  layout: LayoutKind;
  /** 0-based index of the (last) header line. */
  header: number;
  /** Every header line, and the unit line under it (-1 when none). */
  headerLines: number[];
  unitLine: number;
  /** The first line after the header. */
  dataStart: number;
  /** Each column's name as the header gives it (lines joined, unit line added). */
  names: string[];
  /** Columns beyond this are not in the header: cells there are extra cells. */
  width: number;
  /** Column naming the mine, or -1. */
  mine: number;
  left: LeftColumn[];
  reason: string;
  /** A unit the title gives every metric that states none. */
  titleUnit?: string;
  /** The month a fiscal year starts in, where the file says so. */
  fiscalStart?: number;
}

/** One row per month (and mine); each value column is one metric. Also the manual long form. */
export interface LongShape extends Common {
  kind: "long";
  month: MonthSource;
  values: number[];
}

/** Month, metric name, value (and a unit column joining the name). Also the manual tidy form. */
export interface TidyShape extends Common {
  kind: "tidy";
  month: MonthSource;
  metric: number;
  value: number;
  /** Column giving each row's unit, or -1. */
  unit: number;
}

/** A year per row and Jan..Dec columns; the metric is named by a column, the corner cell, the months' unit or the title. */
export interface WideYearsShape extends Common {
  kind: "wide-years-rows";
  year: number;
  months: { col: number; month: number; estimate: boolean }[];
  /** Column naming the metric per row, or -1 (then `metricName` applies to all rows). */
  metric: number;
  metricName: string;
}

/** A month name per row and one column per year (and metric). */
export interface WideMonthsShape extends Common {
  kind: "wide-months-rows";
  month: number;
  years: { col: number; year: number; metric: string; estimate: boolean }[];
}

/**
 * One row per metric — or per site, when the label column names sites ("Producer", "Subsidiary") —
 * and one column per month, named by the month ("Feb 2017", "Sep'21 (P)", "April 2013 Actual").
 */
export interface WideMetricsShape extends Common {
  kind: "wide-metrics-rows";
  /** Column of row labels: metrics, or the sites when `sites`. */
  label: number;
  sites: boolean;
  /** Column giving each metric's unit, or -1. */
  unit: number;
  /** `metric`: the words beside the month in the header ("Actual"), when there are some. */
  months: { col: number; month: MonthIndex; metric: string; estimate: boolean }[];
  /** With sites as rows: the metric when the header names none (a caption, the title), or "". */
  metricName: string;
}

export type Shape = LongShape | TidyShape | WideYearsShape | WideMonthsShape | WideMetricsShape;
