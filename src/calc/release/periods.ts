/**
 * Periods as releases name them in prose and in table headers: "Q1-2016", "3Q 2018", "H1 2024",
 * "February", "March and April 2016", "the first two months of 2017", "the third quarter of 2019",
 * "the six months to 30 June 2024", "June quarter", "FY' 23-24", "year-to-date", and the relative ones
 * ("a year earlier", "the prior quarter", "year-over-year", "the previous calendar year").
 * A period is a run of months; one without its year is completed later from the release's date.
 */
import { makeMonth, monthOf, yearOf, type MonthIndex } from "../months";
import { MONTH_ABBREVIATIONS, monthOfWord } from "../vocabulary";
import { fiscalLabel, fiscalMonths, type FiscalPart } from "./fiscal";
import { isDash, isPunct, isWord, type Token } from "./tokens";

type Relative = "prior-year" | "prior-period" | "the-quarter" | "the-half" | "the-year" | "the-month";

export interface PeriodValue {
  /** Months, when the year is known. */
  first: MonthIndex | null;
  last: MonthIndex | null;
  /** When no year is printed: the first month (1-12) and how many months; the year comes from the context. */
  yearless: { month: number; length: number } | null;
  relative: Relative | null;
  /** A year standing alone after a comparator ("against 2016"): the same months of that year. */
  yearOnly: number | null;
  /** A date (a day of a month), not a period of production. */
  date: boolean;
  /** Year to date: from the start of the year to the context's month. */
  ytd: boolean;
  /**
   * A fiscal period ("FY 2023-24", "Q1 FY24", "Sep Q FY18"): the year it ends in, and its months as an offset
   * into that year, or as the calendar month it ends in. Its calendar months are known only when the release
   * says when its financial year starts.
   */
  fiscal: FiscalPart | null;
}

const fiscalYear = (year: number): PeriodValue => ({
  ...blank(),
  fiscal: { year, offset: 0, endMonth: null, length: 12 },
});

export interface PeriodMention {
  from: number;
  to: number;
  start: number;
  end: number;
  value: PeriodValue;
}

const blank = (): PeriodValue => ({
  first: null,
  last: null,
  yearless: null,
  relative: null,
  yearOnly: null,
  date: false,
  ytd: false,
  fiscal: null,
});

const span = (first: MonthIndex, last: MonthIndex): PeriodValue => ({ ...blank(), first, last });
const yearless = (month: number, length: number): PeriodValue => ({ ...blank(), yearless: { month, length } });

// Maps, not objects: words from the text must never reach Object.prototype.
const ORDINALS = new Map<string, number>(
  Object.entries({ first: 1, second: 2, third: 3, fourth: 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4 }),
);
const COUNTS = new Map<string, number>(
  Object.entries({
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
  }),
);

/** The month (1-12) a word names, from calc's vocabulary ("Feb", "February", "Sept"). */
export function monthWord(t: Token | undefined): number | null {
  if (!t || t.kind !== "word" || t.text.length < 3) return null;
  // "may" and "march" are also verbs: only their capitalised forms are months
  if ((t.lower === "may" || t.lower === "march") && t.text[0] !== "M") return null;
  return monthOfWord(t.lower) ?? null;
}

/** A four-digit year 1900-2100 printed alone ("2016", not "2,016" or "2016.5"). */
export function yearAt(t: Token | undefined): number | null {
  if (!t || t.kind !== "num" || t.text.length !== 4 || !/^\d{4}$/.test(t.text)) return null;
  const y = Number(t.text);
  return y >= 1900 && y <= 2100 ? y : null;
}

/** A year written with two digits after a quarter or FY ("3Q17", "FY24"). */
function shortYear(t: Token | undefined): number | null {
  if (!t || t.kind !== "num" || !/^\d{2}$/.test(t.text)) return null;
  return 2000 + Number(t.text);
}

function num(t: Token | undefined): number | null {
  return t && t.kind === "num" && /^\d{1,2}$/.test(t.text) ? Number(t.text) : null;
}

interface Match {
  to: number;
  value: PeriodValue;
}

/** A year after index i ("2017", "-2017", " of 2017", "'17"), and the last index it uses. */
function yearAfter(tokens: Token[], i: number): { year: number; to: number } | null {
  let k = i;
  if (isDash(tokens[k]) || isPunct(tokens[k], "/", "'")) k++;
  const y = yearAt(tokens[k]);
  if (y !== null) return { year: y, to: k };
  if (!tokens[k]?.space || k > i) {
    const s = shortYear(tokens[k]);
    if (s !== null && (k > i || !tokens[k].space)) return { year: s, to: k };
  }
  return null;
}

/** "FY24", "FY 2024", "FY' 23-24", "FY2023-24", "fiscal 2020" at i: the year the fiscal year ends in, and its last index. */
function fiscalAt(tokens: Token[], i: number): { year: number; to: number } | null {
  if (!isWord(tokens[i], "fy", "fiscal")) return null;
  let k = i + 1;
  if (isPunct(tokens[k], "'")) k++;
  const a = tokens[k];
  if (!a || a.kind !== "num" || (a.text.length !== 2 && a.text.length !== 4) || !/^\d+$/.test(a.text)) return null;
  let end = Number(a.text.length === 2 ? `20${a.text}` : a.text);
  let to = k;
  const b = tokens[k + 2];
  if (
    (isDash(tokens[k + 1]) || isPunct(tokens[k + 1], "/")) &&
    b &&
    b.kind === "num" &&
    /^\d{2}(\d{2})?$/.test(b.text)
  ) {
    end = Number(b.text.length === 2 ? `20${b.text}` : b.text);
    to = k + 2;
  }
  return { year: end, to };
}

/** A quarter or half without a calendar year, followed by a fiscal year ("Q1 FY24", "H1 FY2022"). */
function fiscalPart(tokens: Token[], k: number, offset: number, length: number): Match | null {
  const fy = fiscalAt(tokens, k);
  if (!fy) return null;
  return { to: fy.to, value: { ...blank(), fiscal: { year: fy.year, offset, endMonth: null, length } } };
}

/** "of 2017", "of the year", "last year", "2017": what follows a quarter or a count of months. */
function ofYear(tokens: Token[], i: number): { year: number | null; prior: boolean; to: number } | null {
  if (isWord(tokens[i], "of", "in") && yearAt(tokens[i + 1]) !== null)
    return { year: yearAt(tokens[i + 1]), prior: false, to: i + 1 };
  if (yearAt(tokens[i]) !== null) return { year: yearAt(tokens[i]), prior: false, to: i };
  if (isWord(tokens[i], "last") && isWord(tokens[i + 1], "year")) return { year: null, prior: true, to: i + 1 };
  if (isWord(tokens[i], "of") && isWord(tokens[i + 1], "the") && isWord(tokens[i + 2], "year"))
    return { year: null, prior: false, to: i + 2 };
  if (isWord(tokens[i], "this") && isWord(tokens[i + 1], "year")) return { year: null, prior: false, to: i + 1 };
  return null;
}

/** A date ("March 29, 2017", "30 June 2024", "Dec. 31, 2017") at i, as its month. */
function dateAt(tokens: Token[], i: number): Match | null {
  const m = monthWord(tokens[i]);
  if (m !== null) {
    let k = i + 1;
    if (isPunct(tokens[k], ".")) k++;
    const d = num(tokens[k]);
    if (d !== null && d >= 1 && d <= 31 && !isPunct(tokens[k + 1], "%")) {
      let j = k + 1;
      if (isPunct(tokens[j], ",")) j++;
      const y = yearAt(tokens[j]);
      const v: PeriodValue = y !== null ? span(makeMonth(y, m), makeMonth(y, m)) : yearless(m, 1);
      v.date = true;
      return { to: y !== null ? j : k, value: v };
    }
  }
  // "30 June 2024"; not a footnote digit glued to the word before ("HALF YEAR1 SEPTEMBER 2021")
  const d = tokens[i]?.space || i === 0 ? num(tokens[i]) : null;
  const m2 = monthWord(tokens[i + 1]);
  if (d !== null && d >= 1 && d <= 31 && m2 !== null) {
    const y = yearAt(tokens[i + 2]);
    const v: PeriodValue = y !== null ? span(makeMonth(y, m2), makeMonth(y, m2)) : yearless(m2, 1);
    v.date = true;
    return { to: y !== null ? i + 2 : i + 1, value: v };
  }
  return null;
}

/** "December", "December 2020" after "the quarter ended": the month a period ends in, without its day. */
function monthEnd(tokens: Token[], i: number): Match | null {
  const m = monthWord(tokens[i]);
  if (m === null) return null;
  const y = yearAfter(tokens, i + 1);
  return y ? { to: y.to, value: span(makeMonth(y.year, m), makeMonth(y.year, m)) } : { to: i, value: yearless(m, 1) };
}

/** The period that starts at token i, if any. */
function periodAt(tokens: Token[], i: number): Match | null {
  const t = tokens[i];
  const date = dateAt(tokens, i);
  if (date) return date;

  // "mid-April": a time of the month, not a period of production
  if (isWord(t, "mid") && isDash(tokens[i + 1]) && monthWord(tokens[i + 2]) !== null) {
    const v = yearless(monthWord(tokens[i + 2]) as number, 1);
    v.date = true;
    return { to: i + 2, value: v };
  }

  // Months: "February", "Feb 2017", "Jan-17", "March and April 2016", "April - December 2020", "April to June"
  const m = monthWord(t);
  if (m !== null) {
    let k = i + 1;
    if (isPunct(tokens[k], ".") && !tokens[k].space) k++;
    // "Sep Q FY18", "September quarter FY18": a quarter of a fiscal year, by the month it ends in
    if (isWord(tokens[k], "q", "quarter")) {
      const fy = fiscalAt(tokens, k + 1);
      if (fy)
        return { to: fy.to, value: { ...blank(), fiscal: { year: fy.year, offset: null, endMonth: m, length: 3 } } };
    }
    // "June 2017 quarter", "December 2021 half year": the quarter or half that ends in that month
    {
      const y = yearAfter(tokens, k);
      const unit = y ? tokens[y.to + 1] : undefined;
      const len = isWord(unit, "quarter") ? 3 : isWord(unit, "half") ? 6 : 0;
      if (y && len > 0) {
        const to =
          isWord(tokens[y.to + 2], "year") || (isDash(tokens[y.to + 2]) && isWord(tokens[y.to + 3], "year"))
            ? isDash(tokens[y.to + 2])
              ? y.to + 3
              : y.to + 2
            : y.to + 1;
        const last = makeMonth(y.year, m);
        return { to, value: span(last - len + 1, last) };
      }
    }
    // "June quarter", "March quarter": the quarter that ends in that month
    if (isWord(tokens[k], "quarter") && !isWord(tokens[k + 1], "of")) {
      const y = yearAfter(tokens, k + 1);
      if (y) return { to: y.to, value: span(makeMonth(y.year, m) - 2, makeMonth(y.year, m)) };
      return { to: k, value: yearless(m - 2 > 0 ? m - 2 : m + 10, 3) };
    }
    // "the December Half Year", "June half": the half that ends in that month
    if (isWord(tokens[k], "half") && !isWord(tokens[k + 1], "of")) {
      const to = isWord(tokens[k + 1], "year") ? k + 1 : k;
      const y = yearAfter(tokens, to + 1);
      if (y) return { to: y.to, value: span(makeMonth(y.year, m) - 5, makeMonth(y.year, m)) };
      return { to, value: yearless(m - 5 > 0 ? m - 5 : m + 7, 6) };
    }
    const join = tokens[k];
    const m2 = isWord(join, "and", "to", "through") || isDash(join) ? monthWord(tokens[k + 1]) : null;
    if (m2 !== null && m2 > m) {
      const y = yearAfter(tokens, k + 2);
      if (y) return { to: y.to, value: span(makeMonth(y.year, m), makeMonth(y.year, m2)) };
      return { to: k + 1, value: yearless(m, m2 - m + 1) };
    }
    const y = yearAfter(tokens, k);
    if (y) {
      const first = makeMonth(y.year, m);
      // "April - December 2020" printed with the year after the second month is handled above
      return { to: y.to, value: span(first, first) };
    }
    return { to: k - 1, value: yearless(m, 1) };
  }

  // "Q1-2017", "Q1 2017", "Q4", "H1 2024", "H2"
  if (t.kind === "word" && (t.lower === "q" || t.lower === "h") && !tokens[i + 1]?.space) {
    const n = num(tokens[i + 1]);
    const max = t.lower === "q" ? 4 : 2;
    if (n !== null && n >= 1 && n <= max) {
      const y = yearAfter(tokens, i + 2);
      const len = t.lower === "q" ? 3 : 6;
      if (y) return { to: y.to, value: span(makeMonth(y.year, (n - 1) * len + 1), makeMonth(y.year, n * len)) };
      const fiscal = fiscalPart(tokens, i + 2, (n - 1) * len, len);
      if (fiscal) return fiscal;
      return { to: i + 1, value: yearless((n - 1) * len + 1, len) };
    }
  }
  // "3Q 2018", "1Q17", "2H"
  if (t.kind === "num" && /^[1-4]$/.test(t.text) && tokens[i + 1]?.kind === "word" && !tokens[i + 1].space) {
    const letter = tokens[i + 1].lower;
    if (letter === "q" || (letter === "h" && Number(t.text) <= 2)) {
      const n = Number(t.text);
      const len = letter === "q" ? 3 : 6;
      const y = yearAfter(tokens, i + 2);
      if (y) return { to: y.to, value: span(makeMonth(y.year, (n - 1) * len + 1), makeMonth(y.year, n * len)) };
      const fiscal = fiscalPart(tokens, i + 2, (n - 1) * len, len);
      if (fiscal) return fiscal;
      return { to: i + 1, value: yearless((n - 1) * len + 1, len) };
    }
  }
  // "FY2024", "FY24", "FY' 23-24", "FY 2023-24", "fiscal 2020"
  {
    const fy = fiscalAt(tokens, i);
    if (fy) return { to: fy.to, value: fiscalYear(fy.year) };
  }

  // "first quarter", "third-quarter", "second half", "first quarter of 2017", "the third quarter last year"
  const ord = t.kind === "word" ? ORDINALS.get(t.lower) : undefined;
  if (ord !== undefined) {
    let k = i + 1;
    if (isDash(tokens[k]) && !tokens[k].space) k++;
    const unit = tokens[k];
    if (isWord(unit, "quarter", "half") && (unit.lower === "quarter" || ord <= 2)) {
      const len = unit.lower === "quarter" ? 3 : 6;
      const month = (ord - 1) * len + 1;
      const y = ofYear(tokens, k + 1);
      if (y && y.year !== null)
        return { to: y.to, value: span(makeMonth(y.year, month), makeMonth(y.year, month + len - 1)) };
      const fiscal = fiscalPart(tokens, isWord(tokens[k + 1], "of") ? k + 2 : k + 1, month - 1, len);
      if (fiscal) return fiscal;
      const v = yearless(month, len);
      if (y && y.prior) v.relative = "prior-year";
      return { to: y ? y.to : k, value: v };
    }
  }

  // "the first two months of 2017", "first 6 months", "the first nine months last year", "the last 6 months of 2016"
  if (isWord(t, "first", "last", "next")) {
    const c = tokens[i + 1];
    const n = c?.kind === "num" ? num(c) : c?.kind === "word" ? (COUNTS.get(c.lower) ?? null) : null;
    if (n !== null && n >= 1 && n <= 12 && isWord(tokens[i + 2], "months", "month")) {
      if (t.lower === "next") return { to: i + 2, value: { ...blank(), date: true } };
      const first = t.lower === "first" ? 1 : 13 - n;
      const y = ofYear(tokens, i + 3);
      if (y && y.year !== null)
        return { to: y.to, value: span(makeMonth(y.year, first), makeMonth(y.year, first + n - 1)) };
      const v = yearless(first, n);
      if (y && y.prior) v.relative = "prior-year";
      return { to: y ? y.to : i + 2, value: v };
    }
  }
  // "three months to September 30, 2019", "six months ended 30 June 2024", "the quarter to September 30, 2019"
  {
    const c = t;
    const n = c.kind === "num" ? num(c) : c.kind === "word" ? (COUNTS.get(c.lower) ?? null) : null;
    let k = -1;
    let len = 0;
    if (n !== null && n >= 1 && n <= 12 && isWord(tokens[i + 1], "months")) {
      k = i + 2;
      len = n;
    } else if (
      n !== null &&
      n >= 1 &&
      n <= 12 &&
      isDash(tokens[i + 1]) &&
      isWord(tokens[i + 2], "month") &&
      !isWord(tokens[i + 3], "shutdown")
    ) {
      k = i + 3;
      len = n;
    } else if (isWord(t, "quarter") && isWord(tokens[i - 1], "the")) {
      k = i + 1;
      len = 3;
    }
    // "9M 2019", "9 Months 2019", "nine months 2019" (a table's year-to-date column): the year's first months, never
    // the whole year; "3M 2019" is left alone (in a third-quarter release it is the quarter)
    const m = tokens[i + 1];
    if (n !== null && n >= 4 && n <= 11 && (isWord(m, "months") || (isWord(m, "m") && !m.space))) {
      const y = ofYear(tokens, i + 2);
      if (y && y.year !== null) return { to: y.to, value: span(makeMonth(y.year, 1), makeMonth(y.year, n)) };
    }
    if (k >= 0 && isWord(tokens[k], "to", "ended", "ending")) {
      const d = dateAt(tokens, k + 1) ?? monthEnd(tokens, k + 1);
      if (d && d.value.first !== null)
        return { to: d.to, value: span((d.value.last as number) - len + 1, d.value.last as number) };
      if (d && d.value.yearless)
        return { to: d.to, value: yearless(((d.value.yearless.month - len + 12) % 12) + 1, len) };
    }
  }
  // "quarter ended 30 June 2024"
  if (isWord(t, "quarter") && isWord(tokens[i + 1], "ended", "ending", "to")) {
    const d = dateAt(tokens, i + 2);
    if (d && d.value.first !== null)
      return { to: d.to, value: span((d.value.last as number) - 2, d.value.last as number) };
  }

  // "trailing 12-months'", "trailing twelve months"
  if (isWord(t, "trailing")) {
    let k = i + 1;
    const n = tokens[k]?.kind === "num" ? num(tokens[k]) : (COUNTS.get(tokens[k]?.lower ?? "") ?? null);
    if (n === 12) {
      k++;
      if (isDash(tokens[k])) k++;
      if (isWord(tokens[k], "months", "month")) {
        // "at the end of October 2017" a few words on fixes its last month
        for (let j = k + 1; j < tokens.length && j <= k + 8; j++) {
          if (isWord(tokens[j], "end") && isWord(tokens[j + 1], "of")) {
            const mm = monthWord(tokens[j + 2]);
            const y = mm !== null ? yearAfter(tokens, j + 3) : null;
            if (mm !== null && y) {
              const last = makeMonth(y.year, mm);
              return { to: k, value: span(last - 11, last) };
            }
          }
          if (isWord(tokens[j], "as") && isWord(tokens[j + 1], "of")) {
            const mm = monthWord(tokens[j + 2]);
            const y = mm !== null ? yearAfter(tokens, j + 3) : null;
            if (mm !== null && y) {
              const last = makeMonth(y.year, mm);
              return { to: k, value: span(last - 11, last) };
            }
          }
        }
        return { to: k, value: { ...blank(), date: true } };
      }
    }
  }

  // "full year 2017", "full-year 2017", "full-year"
  if (isWord(t, "full")) {
    let k = i + 1;
    if (isDash(tokens[k])) k++;
    if (isWord(tokens[k], "year")) {
      const y = yearAt(tokens[k + 1]);
      if (y !== null) return { to: k + 1, value: span(makeMonth(y, 1), makeMonth(y, 12)) };
      return { to: k, value: { ...blank(), relative: "the-year" } };
    }
  }

  // "year-to-date", "year to date", "YTD"
  if (isWord(t, "ytd")) return { to: i, value: { ...blank(), ytd: true } };
  if (
    isWord(t, "year") &&
    (isDash(tokens[i + 1]) || isWord(tokens[i + 1], "to")) &&
    isWord(tokens[i + 2], "to", "date")
  ) {
    let k = i + 2;
    if (isWord(tokens[k], "to")) k++;
    if (isDash(tokens[k])) k++;
    if (isWord(tokens[k], "date")) return { to: k, value: { ...blank(), ytd: true } };
  }
  // "so far in 2017", "so far this year"
  if (isWord(t, "so") && isWord(tokens[i + 1], "far")) {
    const y = ofYear(tokens, i + 2);
    const v = blank();
    v.ytd = true;
    if (y && y.year !== null) v.yearOnly = y.year;
    return { to: y ? y.to : i + 1, value: v };
  }

  // relative: "a year earlier", "a year ago", "last year", "the previous (calendar) year", "year-over-year"
  if (isWord(t, "a") && isWord(tokens[i + 1], "year") && isWord(tokens[i + 2], "earlier", "ago", "before"))
    return { to: i + 2, value: { ...blank(), relative: "prior-year" } };
  if (isWord(t, "the") && isWord(tokens[i + 1], "year") && isWord(tokens[i + 2], "before", "earlier"))
    return { to: i + 2, value: { ...blank(), relative: "prior-year" } };
  if (isWord(t, "last") && isWord(tokens[i + 1], "year"))
    return { to: i + 1, value: { ...blank(), relative: "prior-year" } };
  if (isWord(t, "previous", "prior", "preceding")) {
    let k = i + 1;
    if (isWord(tokens[k], "calendar", "financial", "fiscal")) k++;
    if (isWord(tokens[k], "year")) return { to: k, value: { ...blank(), relative: "prior-year" } };
    if (isWord(tokens[k], "quarter", "month", "period"))
      return { to: k, value: { ...blank(), relative: "prior-period" } };
  }
  if (isWord(t, "year", "month", "quarter")) {
    let k = i + 1;
    if (isDash(tokens[k])) k++;
    if (isWord(tokens[k], "over", "on")) {
      k++;
      if (isDash(tokens[k])) k++;
      if (isWord(tokens[k], t.lower))
        return { to: k, value: { ...blank(), relative: t.lower === "year" ? "prior-year" : "prior-period" } };
    }
  }
  if (isWord(t, "yoy", "y/y")) return { to: i, value: { ...blank(), relative: "prior-year" } };
  // "the same period of 2018", "the same months of the previous year", "the corresponding period of FY' 22-23"
  if (
    isWord(t, "same", "corresponding", "comparable") &&
    isWord(tokens[i + 1], "period", "months", "quarter", "month")
  ) {
    const y = ofYear(tokens, i + 2);
    const v = blank();
    if (y && y.year !== null) v.yearOnly = y.year;
    else v.relative = "prior-year";
    return { to: y ? y.to : i + 1, value: v };
  }
  // "the quarter", "the half", "the year", "the month": the release's own period
  if (
    isWord(t, "the") &&
    isWord(tokens[i + 1], "quarter", "half", "year", "month") &&
    !isWord(tokens[i + 2], "to", "ended")
  ) {
    const w = tokens[i + 1].lower;
    const rel: Relative =
      w === "quarter" ? "the-quarter" : w === "half" ? "the-half" : w === "month" ? "the-month" : "the-year";
    return { to: i + 1, value: { ...blank(), relative: rel } };
  }
  // "quarterly", "annual" say only the kind of period; they are read with records and guidance.

  // Years: "2016", "2016's", "2012 to 2016", "2024-25"
  const y = yearAt(t);
  if (y !== null) {
    const next = tokens[i + 1];
    if (next && next.kind === "word" && !next.space) return null; // "2016oz"
    if ((isWord(next, "to") || isDash(next)) && yearAt(tokens[i + 2]) !== null) {
      const y2 = yearAt(tokens[i + 2]) as number;
      if (y2 > y) return { to: i + 2, value: span(makeMonth(y, 1), makeMonth(y2, 12)) };
    }
    if (isDash(next) && !next.space && shortYear(tokens[i + 2]) !== null && !tokens[i + 2].space) {
      return { to: i + 2, value: fiscalYear(shortYear(tokens[i + 2]) as number) };
    }
    const v = span(makeMonth(y, 1), makeMonth(y, 12));
    v.yearOnly = y;
    return { to: i, value: v };
  }
  return null;
}

/** Words a period may start with, besides month names: periods are read only from these, so most words cost one lookup. */
const STARTERS = new Set(
  (
    "q h fy fiscal first second third fourth 1st 2nd 3rd 4th last next full year ytd so a previous prior preceding " +
    "month quarter same corresponding comparable the trailing mid yoy one two three four five six seven eight nine " +
    "ten eleven twelve"
  ).split(" "),
);

/** Every period and date among the tokens, left to right, none overlapping. */
export function periodsOf(tokens: Token[]): PeriodMention[] {
  const out: PeriodMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "punct") continue;
    if (t.kind === "word" && !STARTERS.has(t.lower) && monthWord(t) === null) continue;
    const m = periodAt(tokens, i);
    if (!m) continue;
    out.push({ from: i, to: m.to, start: t.start, end: tokens[m.to].end, value: m.value });
    i = m.to;
  }
  return out;
}

/** What a period is read against: the release's date (or the last month it names) and its current quarter and half. */
export interface PeriodContext {
  /** The month the release reports on or was dated in. */
  month: MonthIndex;
  /** The release's latest whole quarter, half and year, when known from what it says. */
  quarter: [MonthIndex, MonthIndex] | null;
  half: [MonthIndex, MonthIndex] | null;
  /** The year the release reports on, when it names one ("the 2018-19 financial year just concluded"). */
  year?: Resolved | null;
  /** The month (1-12) its financial year starts in, when it says. */
  fiscalStart?: number | null;
}

/** A period with its months known, or null when the context cannot complete it. */
export interface Resolved {
  first: MonthIndex;
  last: MonthIndex;
}

/** The months a period names, completed from the context: a month without a year is its last occurrence up to the context's month. */
export function resolve(v: PeriodValue, ctx: PeriodContext | null): Resolved | null {
  if (v.fiscal !== null) return fiscalMonths(v.fiscal, ctx?.fiscalStart ?? null);
  if (v.first !== null && v.last !== null && !v.ytd) return { first: v.first, last: v.last };
  if (!ctx) return null;
  if (v.ytd) {
    const year = v.yearOnly ?? yearOf(ctx.month);
    const last = year === yearOf(ctx.month) ? ctx.month : makeMonth(year, 12);
    return { first: makeMonth(year, 1), last };
  }
  if (v.yearless) {
    const { month, length } = v.yearless;
    let year = yearOf(ctx.month);
    if (makeMonth(year, month) + length - 1 > ctx.month) year--;
    if (v.relative === "prior-year") year--;
    const first = makeMonth(year, month);
    return { first, last: first + length - 1 };
  }
  if (v.relative === "the-quarter" && ctx.quarter) return { first: ctx.quarter[0], last: ctx.quarter[1] };
  if (v.relative === "the-half" && ctx.half) return { first: ctx.half[0], last: ctx.half[1] };
  if (v.relative === "the-month") return { first: ctx.month, last: ctx.month };
  if (v.relative === "the-year") {
    if (ctx.year) return ctx.year;
    // the last whole year: a release dated in January 2018 speaks of 2017
    const y = monthOf(ctx.month) === 12 ? yearOf(ctx.month) : yearOf(ctx.month) - 1;
    return { first: makeMonth(y, 1), last: makeMonth(y, 12) };
  }
  return null;
}

/** The period a comparison names, given the period compared ("a year earlier" of Q3 2019 is Q3 2018). */
export function priorOf(v: PeriodValue, current: Resolved | null, ctx: PeriodContext | null): Resolved | null {
  if (v.relative === "prior-year" && !v.yearless)
    return current && { first: current.first - 12, last: current.last - 12 };
  if (v.relative === "prior-period") {
    if (!current) return null;
    const len = current.last - current.first + 1;
    return { first: current.first - len, last: current.last - len };
  }
  if (v.yearOnly !== null && current && !v.ytd) {
    // "against 2016" said of January 2017 means January 2016; said of 2017 it means 2016
    const shift = (v.yearOnly - yearOf(current.last)) * 12;
    if (shift >= 0) return resolve(v, ctx);
    return { first: current.first + shift, last: current.last + shift };
  }
  if (v.yearless && current) {
    // "the first nine months last year" of Jan-Sep 2018 is Jan-Sep 2017; "over April" of June 2017 is April 2017
    if (v.relative === "prior-year") {
      const first = makeMonth(yearOf(current.last) - 1, v.yearless.month);
      return { first, last: first + v.yearless.length - 1 };
    }
    return resolve(v, { month: current.first - 1, quarter: null, half: null });
  }
  return resolve(v, ctx);
}

const MONTHS = MONTH_ABBREVIATIONS;

/** "Feb 2017", "Q1 2017", "H1 2024", "2016", "Jan-Feb 2017", "Nov 2016-Oct 2017". */
export function periodLabel(p: Resolved): string {
  const fiscal = fiscalLabel(p);
  if (fiscal !== null) return fiscal;
  const fy = yearOf(p.first);
  const ly = yearOf(p.last);
  const fm = monthOf(p.first);
  const lm = monthOf(p.last);
  const len = p.last - p.first + 1;
  if (len === 1) return `${MONTHS[fm - 1]} ${fy}`;
  if (fy === ly) {
    if (len === 12) return String(fy);
    if (len === 3 && fm % 3 === 1) return `Q${(fm + 2) / 3} ${fy}`;
    if (len === 6 && (fm === 1 || fm === 7)) return `H${fm === 1 ? 1 : 2} ${fy}`;
    return `${MONTHS[fm - 1]}-${MONTHS[lm - 1]} ${fy}`;
  }
  return `${MONTHS[fm - 1]} ${fy}-${MONTHS[lm - 1]} ${ly}`;
}

export const sameSpan = (a: Resolved | null, b: Resolved | null): boolean =>
  a !== null && b !== null && a.first === b.first && a.last === b.last;
