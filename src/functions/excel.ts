/**
 * The boundary with Excel's result types. calc speaks CalcError; Excel wants CustomFunctions.Error
 * values, "" for blanks (null shows as 0) and never NaN or Infinity.
 * `CustomFunctions` is read at call time, not import time: it is a global Excel installs.
 */
import { CalcError, type CalcErrorKind } from "../calc/errors";

/** What a function body returns, cell by cell: null is a blank. */
export type OutCell = number | string | boolean | CalcError | null;
export type ExcelCell = number | string | boolean | CustomFunctions.Error;
export type ExcelResult = ExcelCell[][];

function errorCode(kind: CalcErrorKind): CustomFunctions.ErrorCode {
  const codes = CustomFunctions.ErrorCode;
  switch (kind) {
    case "value":
      return codes.invalidValue;
    case "na":
      return codes.notAvailable;
    case "div0":
      return codes.divisionByZero;
    case "num":
      return codes.invalidNumber;
  }
}

/**
 * A one-cell row holding a number, for long spills. Kept apart from rows holding errors: one
 * array literal shared by both switches every row V8 makes there to boxed elements after the
 * first error, which makes every later row of a long spill slower to build.
 */
export function numberRow(x: number): ExcelCell[] {
  const row: ExcelCell[] = new Array(1);
  row[0] = x;
  return row;
}

/**
 * Excel shows a custom message only on #VALUE! and #N/A and drops it on every other code, so the
 * others are made without one: what a #DIV/0! or #NUM! means is in the docs of each function.
 */
export function toExcelError(e: CalcError): CustomFunctions.Error {
  const code = errorCode(e.kind);
  return e.kind === "value" || e.kind === "na"
    ? new CustomFunctions.Error(code, e.message)
    : new CustomFunctions.Error(code);
}

export function toExcelCell(cell: OutCell): ExcelCell {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return cell;
    const why = Number.isNaN(cell)
      ? "the result is not a number (an internal error)"
      : "the result is too large to show";
    return toExcelError(new CalcError("num", why));
  }
  if (cell instanceof CalcError) return toExcelError(cell);
  return cell;
}

/**
 * A result a body built directly in Excel's form (finite numbers, CustomFunctions.Error, no null):
 * toExcelResult hands it over without walking it again, which on a long spill is a pass over
 * every row array.
 */
export class ExcelRows {
  constructor(readonly rows: ExcelResult) {}
}

export function toExcelResult(out: OutCell | OutCell[][] | ExcelRows): ExcelResult {
  if (out instanceof ExcelRows) return out.rows;
  if (!Array.isArray(out)) return [[toExcelCell(out)]];
  // In place: the rows were built for this result alone, and copying a long spill doubles its cost.
  for (const row of out) for (let c = 0; c < row.length; c++) (row as unknown[])[c] = toExcelCell(row[c]);
  return out as unknown as ExcelResult;
}
