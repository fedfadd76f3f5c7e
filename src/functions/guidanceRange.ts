/** =PROD.GUIDANCE_RANGE(guidance, [base]): guidance text or {low, high} cells to a range or implied growth. */
import { CalcError } from "../calc/errors";
import { impliedGrowth, parseGuidance, type GuidanceRange } from "../calc/guidance";
import { describeValue, parseNumber } from "../calc/numbers";
import { isEmptyOrZero } from "../calc/reported";
import { filledLength, toVector, vectorCells, type Grid } from "./args";
import type { OutCell } from "./excel";
import { attempt, defineFunction, number, range } from "./run";

export const guidanceRangeSpec = defineFunction([range("guidance"), number("base")], guidanceRange);

function guidanceRange(guidance: Grid, base: number | undefined): OutCell[][] {
  const pair = lowHighCells(guidance);
  const ranges = pair ? [pair] : guidanceList(guidance);
  return ranges.map((r) => {
    if (r instanceof CalcError) return [r, r];
    if (base === undefined) return [r.low, r.high];
    const g = attempt(undefined, () => impliedGrowth(r, base));
    return g instanceof CalcError ? [g, g] : [g.low, g.high];
  });
}

/**
 * Two cells holding numbers are {low, high}; anything else is read as guidance texts. An empty end
 * (0 included: Excel desktop's empty cell) is #N/A, so a pair half filled gives the same answer
 * whichever way Excel passed the empty cell.
 */
function lowHighCells(grid: Grid): GuidanceRange | CalcError | undefined {
  if (grid.rows * grid.cols !== 2) return undefined;
  const v = toVector(grid);
  const nums = [0, 1].map((i) => {
    const cell = v.at(i);
    if (isEmptyOrZero(cell)) return null;
    return typeof cell === "string" ? attempt(v.label(i), () => parseNumber(cell)) : cell;
  });
  if (!nums.every((n) => typeof n === "number" || n === null)) return undefined;
  const gap = nums.indexOf(null);
  if (gap >= 0)
    return new CalcError("na", `guidance: no value for the ${gap === 0 ? "low" : "high"} end (the cell is empty or 0)`);
  const [low, high] = nums as number[];
  if (low < 0) return new CalcError("value", `guidance: low ${low} is negative; production guidance is 0 or more`);
  if (low > high) return new CalcError("value", `guidance: low ${low} is above high ${high}`);
  return { low, high };
}

/** One range per cell of a row or column (whole columns stop at the last filled row). */
function guidanceList(grid: Grid): (GuidanceRange | CalcError)[] {
  const v = toVector(grid);
  return vectorCells(v, filledLength([v])).map((cell, i) => attempt(v.label(i), () => readGuidanceCell(cell)));
}

/** One guidance: text, or a number (low = high). Empty or 0 is no guidance at all. */
function readGuidanceCell(cell: unknown): GuidanceRange {
  if (isEmptyOrZero(cell)) throw new CalcError("na", "no value (the cell is empty or 0)");
  if (typeof cell === "number") {
    if (cell < 0) throw new CalcError("value", `${cell} is negative; production guidance is 0 or more`);
    return { low: cell, high: cell };
  }
  if (typeof cell === "string") return parseGuidance(cell);
  throw new CalcError("value", `${describeValue(cell)} is not guidance (text like "88-92,000 oz" or a number)`);
}
