/** =PROD.GUIDANCE_RANGE(guidance, [base]): guidance text or {low, high} cells to a range or implied growth. */
import { CalcError } from "../calc/errors";
import { impliedGrowth, parseGuidance, type GuidanceRange } from "../calc/guidance";
import { describeValue, parseNumber } from "../calc/numbers";
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

/** Two cells holding numbers are {low, high}; anything else is read as guidance texts. */
function lowHighCells(grid: Grid): GuidanceRange | CalcError | undefined {
  if (grid.rows * grid.cols !== 2) return undefined;
  const v = toVector(grid);
  const nums = [0, 1].map((i) =>
    typeof v.at(i) === "string" ? attempt(v.label(i), () => parseNumber(v.at(i))) : v.at(i),
  );
  if (!nums.every((n) => typeof n === "number")) return undefined;
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

function readGuidanceCell(cell: unknown): GuidanceRange {
  if (typeof cell === "number") {
    if (cell < 0) throw new CalcError("value", `${cell} is negative; production guidance is 0 or more`);
    return { low: cell, high: cell };
  }
  if (cell === null || cell === undefined || cell === "") throw new CalcError("na", "no value");
  if (typeof cell === "string") return parseGuidance(cell);
  throw new CalcError("value", `${describeValue(cell)} is not guidance (text like "88-92,000 oz" or a number)`);
}
