/** The public API of the calculation core (pure TypeScript: no Office, no DOM). */
export { CalcError, isCalcError, type CalcErrorKind } from "./errors";
export {
  type MonthIndex,
  MAX_SERIAL,
  makeMonth,
  yearOf,
  monthOf,
  formatMonth,
  monthName,
  daysInMonth,
  serialToMonth,
  monthToSerial,
  serialProblem,
} from "./months";
export { type Period, parsePeriod, toMonth, formatPeriod, isPeriod } from "./periods";
export { type PeriodList, readPeriods, periodList, periodAt } from "./periodList";
export { parseNumber, describeValue, kindOf } from "./numbers";
export {
  type Decimal,
  type DecimalOptions,
  parseDecimal,
  parseDecimalNumber,
  decimalToNumber,
  isBlankText,
} from "./decimal";
export { type MonthlySeries, type SeriesLabels, buildSeries, valueAt, lastMonth } from "./series";
export {
  type Basis,
  type MonthWindow,
  growth,
  parseBasis,
  checkFiscalYearStart,
  windowFor,
  calendarGrowth,
  calendarGrowthColumns,
  type GrowthColumns,
} from "./growth";
export {
  type RecordScope,
  type RecordResult,
  type RecordColumns,
  parseScope,
  recordAt,
  recordAll,
  recordColumns,
} from "./records";
export { readRelease } from "./release";
export type { Release, ReleaseClaim, ReleaseFigure, ReleaseNotRead, ReleasePlace } from "./release/model";
