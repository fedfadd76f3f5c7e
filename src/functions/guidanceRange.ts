/**
 * =PROD.GUIDANCE_RANGE(guidance, [base], [unit]): guidance text or {low, high} cells to a range or
 * implied growth, in the analyst's unit.
 */
import { CalcError } from "../calc/errors";
import { impliedGrowth, parseGuidance, type GuidanceRange, type GuidanceReading } from "../calc/guidance";
import { describeValue, parseNumber } from "../calc/numbers";
import { isEmptyOrZero } from "../calc/reported";
import { baseScale, formatNumber, toTarget, type Against, type TargetUnit } from "../calc/units";
import { filledLength, toVector, vectorCells, type Grid } from "./args";
import type { OutCell } from "./excel";
import { attempt, defineFunction, number, range, unit } from "./run";

export const guidanceRangeSpec = defineFunction([range("guidance"), number("base"), unit("unit")], guidanceRange);

/** A guidance as the functions read it: text, two cells or one number, with how it was written for messages. */
export interface Guidance extends GuidanceRange, Pick<GuidanceReading, "bound" | "unit"> {
  printed: string;
}

function guidanceRange(grid: Grid, base: number | undefined, target: TargetUnit | undefined): OutCell[][] {
  const pair = lowHighCells(grid);
  const list = pair ? [pair] : guidanceList(grid);
  return list.map((g) => {
    if (g instanceof CalcError) return [g, g];
    const ends = attempt(undefined, () => endsIn(g, target));
    if (ends instanceof CalcError) return [ends, ends];
    if (base === undefined) return ends.map((e, k) => e ?? openEnd(g, k));
    // Without a unit, a base kept at another scale (Mt against tonnes) is read at that scale, or refused.
    const scale =
      target === undefined
        ? attempt(undefined, () => baseFactor(g, ends, { name: "the base", value: base, shown: formatNumber(base) }))
        : 1;
    if (scale instanceof CalcError) return [scale, scale];
    return ends.map((e, k) => (e === null ? openEnd(g, k) : attempt(undefined, () => growthOf(e, base, scale))));
  });
}

/** The guidance's ends in the target unit (as printed without one); null for an open end. */
export function endsIn(g: Guidance, target: TargetUnit | undefined): (number | null)[] {
  const inTarget = (v: number): number => (target === undefined ? v : toTarget(v, g.unit, target));
  return [g.bound === "max" ? null : inTarget(g.low), g.bound === "min" ? null : inTarget(g.high)];
}

/** The factor the base is read at (see baseScale): 1000 when the base is in thousands of the guidance's unit. */
export function baseFactor(g: Guidance, ends: (number | null)[], against: Against): number {
  const stated = ends.filter((e): e is number => e !== null);
  if (!(against.value > 0) || !Number.isFinite(against.value)) return 1; // impliedGrowth says why
  return baseScale(stated, g.unit, g.printed, against);
}

/** end / (base × factor) − 1, dividing the guidance rather than multiplying the base so 620 million / 10^6 is exactly 620. */
function growthOf(end: number, base: number, factor: number): number {
  const e = atScale(end, factor);
  return impliedGrowth({ low: e, high: e }, base).low;
}

/** A guidance figure at the scale a factor reads the base at. */
export const atScale = (v: number, factor: number): number => (factor >= 1 ? v / factor : v * Math.round(1 / factor));

function openEnd(g: Guidance, k: number): CalcError {
  const [end, side] = k === 0 ? ["low", "above"] : ["high", "below"];
  return new CalcError(
    "na",
    `guidance "${g.printed}" sets no ${end} end: it bounds the figure from ${side === "above" ? "above (a maximum)" : "below (a minimum)"}`,
  );
}

/**
 * Two cells holding numbers are {low, high}; anything else is read as guidance texts. An empty end
 * (0 included: Excel desktop's empty cell) is #N/A, so a pair half filled gives the same answer
 * whichever way Excel passed the empty cell.
 */
function lowHighCells(grid: Grid): Guidance | CalcError | undefined {
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
  return { low, high, bound: "range", unit: null, printed: `${formatNumber(low)} to ${formatNumber(high)}` };
}

/** One guidance per cell of a row or column (whole columns stop at the last filled row). */
function guidanceList(grid: Grid): (Guidance | CalcError)[] {
  const v = toVector(grid);
  return vectorCells(v, filledLength([v])).map((cell, i) => attempt(v.label(i), () => readGuidanceCell(cell)));
}

/** One guidance: text, or a number (low = high). Empty or 0 is no guidance at all. */
function readGuidanceCell(cell: unknown): Guidance {
  if (isEmptyOrZero(cell)) throw new CalcError("na", "no value (the cell is empty or 0)");
  if (typeof cell === "number") {
    if (cell < 0) throw new CalcError("value", `${cell} is negative; production guidance is 0 or more`);
    return { low: cell, high: cell, bound: "point", unit: null, printed: formatNumber(cell) };
  }
  if (typeof cell === "string") return { ...parseGuidance(cell), printed: cell.trim() };
  throw new CalcError("value", `${describeValue(cell)} is not guidance (text like "88-92,000 oz" or a number)`);
}

/** Guidance exactly as GUIDANCE_RANGE reads it (text, {low, high} cells or one number), but only one of them. */
export function readOneGuidance(grid: Grid): Guidance {
  const pair = lowHighCells(grid);
  const list = pair ? [pair] : guidanceList(grid);
  if (list.length !== 1) {
    throw new CalcError(
      "value",
      `guidance must be one guidance (text, one number or two cells low, high), not ${list.length} of them`,
    );
  }
  const [g] = list;
  if (g instanceof CalcError) throw g;
  return g;
}
