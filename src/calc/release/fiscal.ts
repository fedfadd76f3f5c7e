/**
 * Fiscal periods ("FY 2023-24", "Q1 FY24", "Sep Q FY18", "2018-19"). Their calendar months are known only
 * when the release says when its financial year starts ("the first quarter of its 2018 financial year",
 * "the financial year ending 30 June", "April-March"); until then a fiscal period is kept in its own run of
 * months, far after every calendar month, so that it is compared with fiscal periods only: FY2019 against
 * FY2018 a year before, never against calendar 2018.
 */
import { makeMonth, monthOf, type MonthIndex } from "../months";
import { isDash, isWord, type Token } from "./tokens";

/** Months from which fiscal periods of unknown start are counted: FY n is FISCAL_BASE + 12n and the 11 after. */
const FISCAL_BASE = 1_000_000;

export interface FiscalPart {
  /** The year the fiscal year ends in ("FY' 23-24" is 2024). */
  year: number;
  /** Months from the fiscal year's start to the period's first month ("Q2": 3), or null when endMonth says. */
  offset: number | null;
  /** The calendar month (1-12) the period ends in ("Sep Q": 9), when printed so. */
  endMonth: number | null;
  length: number;
}

/** A fiscal period's months: calendar months when the year's first month is known, else months of its own run. */
export function fiscalMonths(f: FiscalPart, start: number | null): { first: MonthIndex; last: MonthIndex } | null {
  if (start === null) {
    if (f.offset === null) return null;
    const first = FISCAL_BASE + f.year * 12 + f.offset;
    return { first, last: first + f.length - 1 };
  }
  // the fiscal year named by its last year: FY2018 starting in July runs Jul 2017-Jun 2018
  const yearStart = makeMonth(start === 1 ? f.year : f.year - 1, start);
  if (f.offset !== null) return { first: yearStart + f.offset, last: yearStart + f.offset + f.length - 1 };
  const endMonth = f.endMonth as number;
  const last = yearStart + ((endMonth - start + 12) % 12);
  return { first: last - f.length + 1, last };
}

/** Whether months are calendar months, not a fiscal period of unknown start. */
export const isCalendar = (p: { first: MonthIndex }): boolean => p.first < FISCAL_BASE;

/** "FY2019", "Q1 FY2024", "H1 FY2022", "FY2019 months 1-7" for a fiscal period of unknown start; null for calendar months. */
export function fiscalLabel(p: { first: MonthIndex; last: MonthIndex }): string | null {
  if (isCalendar(p)) return null;
  const from = p.first - FISCAL_BASE;
  const year = Math.floor(from / 12);
  const offset = from - year * 12;
  const len = p.last - p.first + 1;
  if (len === 12 && offset === 0) return `FY${year}`;
  if (len === 3 && offset % 3 === 0) return `Q${offset / 3 + 1} FY${year}`;
  if (len === 6 && offset % 6 === 0) return `H${offset / 6 + 1} FY${year}`;
  return `FY${year} months ${offset + 1}-${offset + len}`;
}

const ORDINAL = new Map([
  ["first", 1],
  ["second", 2],
  ["third", 3],
  ["fourth", 4],
]);

/**
 * The month (1-12) the release's financial year starts in, when it says so: "financial year ending 30 June",
 * "fiscal year ended March 31", "April-March", or a quarter said to be the n-th quarter of a financial year
 * ("the September 2017 quarter, the first quarter of its 2018 financial year"). `quarterEnds` gives, for a
 * token index, the calendar month a quarter named there ends in.
 */
export function fiscalStartOf(
  tokens: Token[],
  quarterEnds: (i: number) => MonthIndex | null,
  monthAt: (t: Token) => number | null,
): number | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isWord(t, "financial", "fiscal") && isWord(tokens[i + 1], "year")) {
      // "financial year ending 30 June", "fiscal year ended March 31"
      for (let k = i + 2; k <= i + 5 && k < tokens.length; k++) {
        if (!isWord(tokens[k], "ending", "ended", "ends", "to")) continue;
        for (let j = k + 1; j <= k + 3 && j < tokens.length; j++) {
          const m = monthAt(tokens[j]);
          if (m !== null) return (m % 12) + 1;
        }
      }
      // "the first quarter of its 2018 financial year" after a quarter that ends in a known month
      const n =
        ORDINAL.get(tokens[i - 5]?.lower ?? "") ??
        ORDINAL.get(tokens[i - 4]?.lower ?? "") ??
        ORDINAL.get(tokens[i - 3]?.lower ?? "");
      if (n !== undefined) {
        for (let k = i - 6; k >= 0 && k >= i - 16; k--) {
          const end = quarterEnds(k);
          if (end === null) continue;
          const first = end - 2 - 3 * (n - 1);
          return monthOf(first);
        }
      }
    }
    // "April-March", "July to June": a year of twelve months from its first
    const a = monthAt(t);
    if (a !== null && (isDash(tokens[i + 1]) || isWord(tokens[i + 1], "to"))) {
      const b = tokens[i + 2] ? monthAt(tokens[i + 2]) : null;
      if (b !== null && b === ((a + 10) % 12) + 1 && a !== 1) return a;
    }
  }
  return null;
}
