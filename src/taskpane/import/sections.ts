/**
 * Years for months printed without one, from the rows above that give it once: a year ("2017"), a
 * quarter ("Q3 2011", or "Q3 2011 July" itself), or a fiscal year printed as its two years
 * ("2023-24"). A fiscal year's months fall in its first year from the month it starts in, and in the
 * second before it; that month is what the file says ("Years run April to March"), or what the order
 * of the months under every fiscal year leaves possible. When neither settles a month's year, the
 * month is refused with the reason rather than guessed.
 */
import { makeMonth, type MonthIndex } from "../../calc/months";
import { MONTH_ABBREVIATIONS } from "../../calc/vocabulary";
import type { PeriodLabel } from "./labels";

type Context = { kind: "year"; year: number } | { kind: "fiscal"; first: number; label: string };

export interface Dated {
  /** For each row (same index as the labels), the month of a month-name row, or why it has none. */
  months: (MonthIndex | string | undefined)[];
  /** The year each row falls under (for totals such as "Q1" that name no year), or undefined. */
  years: (number | undefined)[];
}

/** Fiscal starts under which a section's months come in order (non-decreasing within its year). */
function startsInOrder(months: number[]): Set<number> {
  const out = new Set<number>();
  for (let s = 2; s <= 12; s++) {
    let last = -1;
    let ok = true;
    for (const m of months) {
      const pos = (m - s + 12) % 12;
      if (pos < last) ok = false;
      last = pos;
    }
    if (ok) out.add(s);
  }
  return out;
}

const yearOf = (first: number, start: number, month: number): number => (month >= start ? first : first + 1);

/**
 * The months and years of rows whose period cells are `labels` (null for rows that are not periods).
 * `stated`: the month a fiscal year starts in, where the file says so.
 */
export function datedRows(labels: (PeriodLabel | null)[], stated?: number): Dated {
  const context: (Context | undefined)[] = [];
  const sections = new Map<Context, number[]>();
  let current: Context | undefined;
  labels.forEach((p, i) => {
    if (p?.kind === "year" && !p.fiscal) current = { kind: "year", year: p.year };
    else if (p?.kind === "quarter" && p.year !== undefined) current = { kind: "year", year: p.year };
    else if (p?.kind === "dated-name") current = { kind: "year", year: p.year };
    else if (p?.kind === "fiscal-span")
      current = { kind: "fiscal", first: p.first, label: `${p.first}-${String((p.first + 1) % 100).padStart(2, "0")}` };
    context[i] = current;
    if (p?.kind === "month-name" && current?.kind === "fiscal")
      sections.set(current, [...(sections.get(current) ?? []), p.month]);
  });
  let starts = new Set<number>(Array.from({ length: 11 }, (_, i) => i + 2));
  for (const months of sections.values()) starts = new Set([...startsInOrder(months)].filter((s) => starts.has(s)));
  if (stated !== undefined && stated !== 1) starts = new Set([stated]);
  const months: Dated["months"] = [];
  const years: Dated["years"] = [];
  labels.forEach((p, i) => {
    const c = context[i];
    years[i] = c?.kind === "year" ? c.year : undefined;
    if (p?.kind !== "month-name") return;
    if (c === undefined) {
      months[i] = "a month without a year, and no row above gives one (a year, a quarter or a fiscal year)";
      return;
    }
    if (c.kind === "year") {
      months[i] = makeMonth(c.year, p.month);
      return;
    }
    const candidates = new Set([...starts].map((s) => yearOf(c.first, s, p.month)));
    if (candidates.size === 1) {
      const year = [...candidates][0];
      months[i] = makeMonth(year, p.month);
      years[i] = year;
    } else {
      const name = MONTH_ABBREVIATIONS[p.month - 1];
      months[i] =
        starts.size === 0
          ? `the months under "${c.label}" are not in the order of any fiscal year, so the year of ${name} cannot be told`
          : `under "${c.label}", ${name} falls in ${c.first} or ${c.first + 1} depending on the month the fiscal year starts in, which the file does not say`;
    }
  });
  return { months, years };
}
