/**
 * How the import writes counts, months and lists in the sentences the pane shows. Pure: the
 * engine, the writer and the pane's sections all use these, so a month reads the same everywhere.
 */
import { formatMonth, serialToMonth } from "../../calc/months";
import type { ImportPlan, LineRole } from "./types";

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

/** How the line count names each role, in the order it lists them. */
const ROLE_WORDS: [LineRole, (n: number) => string][] = [
  ["title", (n) => counted(n, "title")],
  ["blank", (n) => `${count(n)} blank`],
  ["header", (n) => (n === 1 ? "1 header" : `${count(n)} header lines`)],
  ["unit", (n) => counted(n, "unit line")],
  ["heading", (n) => counted(n, "heading")],
  ["data", (n) => `${count(n)} read as data`],
  ["total", (n) => `${counted(n, "total")} left out`],
  ["derived", (n) => `${count(n)} derived left out`],
  ["comment", (n) => `${counted(n, "comment")} left out`],
  ["footnote", (n) => `${counted(n, "footnote")} left out`],
  ["error", (n) => `${count(n)} with errors`],
];

/** "39 lines: 1 title, 1 header, 35 read as data, 1 total left out, 1 footnote left out" — the parts add up. */
export function describeLines(roles: readonly LineRole[]): string {
  const tally = new Map<LineRole, number>();
  for (const r of roles) tally.set(r, (tally.get(r) ?? 0) + 1);
  const parts = ROLE_WORDS.filter(([r]) => tally.has(r)).map(([r, word]) => word(tally.get(r) as number));
  return `${counted(roles.length, "line")}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}
