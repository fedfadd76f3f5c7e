/**
 * How the import writes counts, months and lists in the sentences the pane shows. Pure: the
 * engine, the writer and the pane's sections all use these, so a month reads the same everywhere.
 */
import { formatMonth, serialToMonth } from "../../calc/months";
import type { ImportPlan } from "./types";

/** 100000 -> "100,000". */
export const count = (n: number): string => n.toLocaleString("en-US");

/** "1 row", "2 rows". */
export const counted = (n: number, noun: string): string => `${count(n)} ${noun}${n === 1 ? "" : "s"}`;

/** "Feb 2017" for an Excel serial: calc's one definition of a month. */
export function serialToMonthLabel(serial: number): string {
  return formatMonth(serialToMonth(serial));
}

/** "a, b, c and 4 more": the first `max` items, then how many were left unsaid. */
export function listSome(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** The months a write covered for one mine (or for the whole table when there is no mine column). */
export interface MonthSpan {
  mine?: string;
  /** Excel serials of the first and last month written. */
  first: number;
  last: number;
  rows: number;
}

/** First–last month per mine among the first `rows` rows of the plan (the rows a partial write reached). */
export function writtenSpans(plan: ImportPlan, rows: number): MonthSpan[] {
  const monthCol = plan.columns.findIndex((c) => c.kind === "month");
  if (monthCol < 0) return [];
  const mineCol = plan.columns.findIndex((c) => c.kind === "mine");
  const spans = new Map<string, MonthSpan>();
  for (const row of plan.rows.slice(0, Math.max(0, rows))) {
    const serial = row[monthCol];
    if (typeof serial !== "number") continue;
    const mine = mineCol >= 0 ? String(row[mineCol] ?? "") : undefined;
    const key = mine ?? "";
    const span = spans.get(key);
    if (!span) spans.set(key, { mine, first: serial, last: serial, rows: 1 });
    else {
      span.first = Math.min(span.first, serial);
      span.last = Math.max(span.last, serial);
      span.rows++;
    }
  }
  return [...spans.values()];
}

/** One sentence for the pane: "Jan 2016 – Mar 2017 (15 rows)" or one clause per mine. */
export function describeSpans(spans: MonthSpan[]): string {
  if (spans.length === 0) return "no months";
  return spans
    .map((s) => {
      const range =
        s.first === s.last
          ? serialToMonthLabel(s.first)
          : `${serialToMonthLabel(s.first)} – ${serialToMonthLabel(s.last)}`;
      const rows = counted(s.rows, "row");
      return s.mine !== undefined ? `${s.mine || "(no mine)"}: ${range} (${rows})` : `${range} (${rows})`;
    })
    .join("; ");
}
