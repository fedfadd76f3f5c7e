/** Hand-built import plans for the writer tests (the engine's own tests cover how plans are made). */
import type { ImportPlan, PlannedCell, PlannedColumn } from "../../src/taskpane/import/types";

/** Excel serial of the first day of a month (1900 system, any month after Feb 1900). */
export function serialOf(year: number, month: number): number {
  return Math.round((Date.UTC(year, month - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export const MONTH: PlannedColumn = { name: "Month", kind: "month", numberFormat: "mmm yyyy" };
export const MINE: PlannedColumn = { name: "Mine", kind: "mine", numberFormat: "@" };
export const GOLD: PlannedColumn = { name: "Gold (oz)", kind: "number", unit: "oz", numberFormat: "#,##0" };
export const ORE: PlannedColumn = { name: "Ore processed (t)", kind: "number", unit: "t", numberFormat: "#,##0" };
export const GRADE: PlannedColumn = { name: "Grade (g/t)", kind: "number", unit: "g/t", numberFormat: "0.00" };
export const RECOVERY: PlannedColumn = { name: "Recovery (%)", kind: "number", unit: "%", numberFormat: "0.0%" };

export function plan(columns: PlannedColumn[], rows: PlannedCell[][], blocked = false): ImportPlan {
  return { layout: "long", columns, rows, problems: [], blocked };
}

/** The seed's monthly gold figures (Dynacor, oz): Jan/Feb 2016 and Jan/Feb 2017 as the March 2017 release prints them. */
export const SEED_ROWS: PlannedCell[][] = [
  [serialOf(2016, 1), 4512],
  [serialOf(2016, 2), 5125],
  [serialOf(2017, 1), 5208],
  [serialOf(2017, 2), 6736],
];

/** `count` consecutive months from Jan 2000 for one mine, gold rising by 1 oz a month. */
export function monthlyRows(count: number, mine?: string): PlannedCell[][] {
  return Array.from({ length: count }, (_, i) => {
    const serial = serialOf(2000 + Math.floor(i / 12), (i % 12) + 1);
    return mine === undefined ? [serial, 1000 + i] : [serial, mine, 1000 + i];
  });
}
