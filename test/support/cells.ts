/** The import's cell readers one cell at a time, as tests look at them; the import loop keeps its readers. */
import { MonthReader, ValueReader, type MonthCell } from "../../src/taskpane/import/cells";
import type { Mark } from "../../src/calc/number";

export interface ValueCell {
  value: number | null;
  estimate: boolean;
  /** Set when the text is not a number: calc's reason. */
  error?: string;
}

/** One value cell through ValueReader, as an object. */
export function readValue(raw: string, mark: Mark, percent: boolean): ValueCell {
  const r = new ValueReader(mark);
  const value = r.read(raw, percent);
  return r.error !== undefined ? { value, estimate: r.estimate, error: r.error } : { value, estimate: r.estimate };
}

/** One month cell through MonthReader. */
export const readMonthCell = (raw: string): MonthCell => new MonthReader().read(raw);
