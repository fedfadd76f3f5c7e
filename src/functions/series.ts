/** The dates and values ranges of the calendar functions, read into a monthly series. */
import { CalcError } from "../calc/errors";
import { buildSeries, type MonthlySeries } from "../calc/series";
import { filledLength, toVector, vectorCells, type Grid, type Vector } from "./args";
import { datesIn1900 } from "./dateSystem";

/** The same range under the name the chosen form gives it ("dates" rather than "current_or_dates"). */
export function renamed(grid: Grid, name: string): Grid {
  return { ...grid, name };
}

export interface SeriesInput {
  series: MonthlySeries;
  dates: Vector;
  /** Rows read: up to the last filled row of dates. */
  length: number;
}

export function readSeriesInput(datesGrid: Grid, valuesGrid: Grid): SeriesInput {
  const dates = toVector(datesGrid);
  const values = toVector(valuesGrid);
  if (dates.length !== values.length) {
    throw new CalcError(
      "value",
      `${datesGrid.name} and ${valuesGrid.name} differ in size: ${dates.length} and ${values.length} cells; ` +
        "give ranges of the same size",
    );
  }
  // Aligned with dates: values below the last date (a total, a note) have no month and are not read.
  const length = filledLength([dates]);
  const series = buildSeries(datesIn1900(vectorCells(dates, length), "dates"), vectorCells(values, length), {
    dates: datesGrid.name,
    values: valuesGrid.name,
  });
  return { series, dates, length };
}

export const readSeries = (dates: Grid, values: Grid): MonthlySeries => readSeriesInput(dates, values).series;
