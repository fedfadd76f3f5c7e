/**
 * The PROD custom functions. This file is what Excel sees: the metadata plugin reads the JSDoc of
 * each top-level function below (names, help, ids) and registers them. Each one only hands its
 * raw arguments to the runner; behaviour lives in the *Spec modules and in src/calc.
 * Ranges are declared any[][] (number[] would declare a repeating argument).
 */
import { guidanceRangeSpec } from "./guidanceRange";
import { recordMonthSpec } from "./recordMonth";
import { runFunction } from "./run";
import { yoyGrowthSpec } from "./yoyGrowth";
import { claimCheckSpec } from "./claims";
import { guidanceProgressSpec } from "./progress";

/**
 * Growth over the same period last year: current / prior - 1, or, with a period, a calendar window of a dates/values series against the same window a year earlier.
 * @customfunction YOY_GROWTH
 * @param current_or_dates This year's figure(s); or, with a period, the dates column of a monthly series.
 * @param prior_or_values Last year's figure(s), same shape as current; or, with a period, the values column beside the dates.
 * @param [period] Month, quarter or year to measure ("Feb 2017", "Q1 2017", 2016, a date), or a range of them. Giving it selects the calendar form.
 * @param [basis] "month", "quarter", "year", "ytd" (year to date) or "ttm" (trailing twelve months). Default: the period's own kind.
 * @param [fiscal_year_start] Month the fiscal year starts (1-12, default 1); 4 for an April-March year. Used by "ytd" and "year".
 * @param [mines] With a period: the column beside dates naming each row's mine (a table's Mine column). Each mine is its own series.
 * @param [mine] The mine to answer for ([@Mine] in a table row), or a range of mines beside period. Omit it to answer each period for its own row's mine.
 * @returns The growth as a fraction (0.0869 = 8.69%); spills for ranges.
 */
export function yoyGrowth(
  current_or_dates: any[][],
  prior_or_values: any[][],
  period?: any[][],
  basis?: any,
  fiscal_year_start?: any,
  mines?: any[][],
  mine?: any[][],
): any[][] {
  return runFunction(yoyGrowthSpec, [current_or_dates, prior_or_values, period, basis, fiscal_year_start, mines, mine]);
}

/**
 * Reads production guidance as companies write it, in English, Spanish, Portuguese, French, Italian or German ("88-92,000 oz", "between 1.6 and 1.75 million ounces", "entre 2,1 y 2,3 millones de onzas", "mindestens 500.000 Unzen") into low and high; with a base, the growth the range implies. A base at another scale (Mt against tonnes) is read at the one scale that puts growth between -50% and +100%, else #VALUE! names the unit to give.
 * @customfunction GUIDANCE_RANGE
 * @param guidance Guidance text, two cells (low, high), one number, or a column of guidance texts (one result row each). "at least" leaves the high end open (#N/A), "up to" the low end.
 * @param [base] Last year's actual; gives low/base - 1 and high/base - 1 instead of the range.
 * @param [unit] The unit to return the range in and to read the base in: "oz", "koz", "Moz", "t", "kt", "Mt", "lb", "Mlb" or words such as "million tonnes".
 * @returns Low and high per guidance, spilled across two cells.
 */
export function guidanceRange(guidance: any[][], base?: any, unit?: any): any[][] {
  return runFunction(guidanceRangeSpec, [guidance, base, unit]);
}

/**
 * Was a month a record as it stood then: strictly above every earlier value in scope (a tie is not a record).
 * @customfunction RECORD_MONTH
 * @param dates The dates (months) column of a monthly series.
 * @param values The production values beside the dates.
 * @param [period] The month to check, or a range of months. Omit it to get one answer per row of dates.
 * @param [scope] "month" (the same calendar month in earlier years, default), "all" (every earlier month) or "ytd" (earlier months of the same year).
 * @param [output] "flag" (TRUE/FALSE, default), "previous" (the record to beat), "previous_period" (its month, as a date) or "margin" (value / previous - 1).
 * @param [mines] The column beside dates naming each row's mine (a table's Mine column): each mine's months are compared with that mine's own.
 * @param [mine] The mine to answer for ([@Mine] in a table row), or a range of mines beside period. Omit it to answer each row for its own mine.
 * @returns TRUE/FALSE or the chosen output; spills for a range or when period is omitted.
 */
export function recordMonth(
  dates: any[][],
  values: any[][],
  period?: any[][],
  scope?: any,
  output?: any,
  mines?: any[][],
  mine?: any[][],
): any[][] {
  return runFunction(recordMonthSpec, [dates, values, period, scope, output, mines, mine]);
}

/**
 * Progress of the (fiscal) year through as_of against a guidance range: year to date, share of guidance, monthly rate still needed, and whether that is on track.
 * @customfunction GUIDANCE_PROGRESS
 * @param guidance Guidance text ("88-92,000 oz", "entre 2,1 y 2,3 millones de onzas"), two cells (low, high) or one number, as for GUIDANCE_RANGE.
 * @param dates The dates (months) column of a monthly series.
 * @param values The production values beside the dates.
 * @param as_of The last month counted ("Feb 2017", a date); a quarter or a year means its last month.
 * @param [output] One of "ytd", "pct_low", "pct_mid", "pct_high", "expected_share", "needed_low", "needed_high", "status". Omit it for a table of all of them.
 * @param [weights] "prior_year" (last year's monthly shape from the same data) or 12 cells, one per month from the first month of the year. Default: 1/12 a month.
 * @param [fiscal_year_start] Month the fiscal year starts (1-12, default 1); 4 for an April-March year.
 * @param [unit] The unit the values are in ("koz", "Mt", "oz"...): the guidance is converted to it. Omitted, values kept at another scale than the guidance are read at the one scale that puts the year between -50% and +100% of it.
 * @param [mines] The column beside dates naming each row's mine (a table's Mine column). Then mine is required.
 * @param [mine] The mine the guidance is for (one cell, for example [@Mine]); needed when mines is given.
 * @returns The chosen figure, or a two-column table of labels and values.
 */
export function guidanceProgress(
  guidance: any[][],
  dates: any[][],
  values: any[][],
  as_of: any[][],
  output?: any,
  weights?: any[][],
  fiscal_year_start?: any,
  unit?: any,
  mines?: any[][],
  mine?: any[][],
): any[][] {
  return runFunction(guidanceProgressSpec, [
    guidance,
    dates,
    values,
    as_of,
    output,
    weights,
    fiscal_year_start,
    unit,
    mines,
    mine,
  ]);
}

/**
 * Checks a change as a release prints it ("+24%", "a 9% increase", "20-26%") against the numbers, with exact rounding: consistent, truncated, rounded up, wrong direction or inconsistent.
 * @customfunction CLAIM_CHECK
 * @param stated The change as printed: "+24%", "a 9% increase", "down 13.5 percent", "12,6%", "(-16%)", a range "20-26%", or in Spanish, Portuguese, French, Italian or German ("aumento de 9%", "queda de 6%", "baisse de 9 %", "Anstieg um 9 %").
 * @param actual This year's figure, or two cells (low, high) for a stated range; without prior, the change itself (0.2521).
 * @param [prior] Last year's figure; the change is then actual / prior - 1.
 * @returns A verdict per stated figure; a range spills two verdicts in a row.
 */
export function claimCheck(stated: any[][], actual: any[][], prior?: any): any[][] {
  return runFunction(claimCheckSpec, [stated, actual, prior]);
}
