/**
 * =PROD.CLAIM_CHECK(stated, actual, [prior]): is a printed change consistent with the numbers?
 * One verdict, or {low verdict, high verdict} in a row for a stated range.
 */
import { claimCheck } from "../calc/claims";
import { CalcError } from "../calc/errors";
import { parseNumber } from "../calc/numbers";
import { isEmptyOrZero } from "../calc/reported";
import { toVector, vectorCells, type Grid } from "./args";
import type { OutCell } from "./excel";
import { attempt, defineFunction, number, range } from "./run";

export const claimCheckSpec = defineFunction(
  [range("stated"), range("actual"), number("prior")],
  (stated, actual, prior): OutCell[][] => [claimCheck(statedCell(stated), actualCells(actual), prior ?? null)],
);

function statedCell(grid: Grid): unknown {
  if (grid.rows !== 1 || grid.cols !== 1) {
    throw new CalcError(
      "value",
      `stated must be one cell (e.g. "+24%" or "20-26%"), not a range of ${grid.rows} by ${grid.cols} cells`,
    );
  }
  // A stated change of 0 cannot be told from Excel desktop's empty cell: both are blank.
  const cell = grid.at(0, 0);
  return isEmptyOrZero(cell) ? null : cell;
}

/**
 * One or two figures; numbers stored as text ("73,476") are read. An empty cell (0 included, as
 * Excel desktop sends it) is #N/A "no value", and an unreadable text its CalcError, for calc to
 * report in that element only.
 */
function actualCells(grid: Grid): unknown[] {
  const v = toVector(grid);
  return vectorCells(v, v.length).map((cell, i) => {
    if (isEmptyOrZero(cell)) return new CalcError("na", `${v.label(i)}: no value (the cell is empty or 0)`);
    return typeof cell === "string" ? attempt(v.label(i), () => parseNumber(cell)) : cell;
  });
}
