/**
 * One runner for every custom function: each function declares its parameters once (name and
 * coercion), and runFunction coerces the raw Excel arguments, runs the body and converts the result.
 * CalcError becomes a CustomFunctions.Error; any other exception is a bug and is rethrown, never
 * disguised as #VALUE! (fuzzing must see it).
 */
import { calcErrorOf } from "../calc/errors";
import type { TargetUnit } from "../calc/units";
import { choiceArg, integerArg, isOmitted, numberArg, toGrid, unitArg, type Grid } from "./args";
import { toExcelError, toExcelResult, type ExcelResult, type ExcelRows, type OutCell } from "./excel";

export interface Param<T> {
  readonly name: string;
  coerce(raw: unknown): T;
}

type ArgsOf<Ps extends readonly Param<unknown>[]> = {
  -readonly [K in keyof Ps]: Ps[K] extends Param<infer T> ? T : never;
};

export type Body<Ps extends readonly Param<unknown>[]> = (...args: ArgsOf<Ps>) => OutCell | OutCell[][] | ExcelRows;

export interface FunctionSpec<Ps extends readonly Param<unknown>[]> {
  readonly params: Ps;
  readonly body: Body<Ps>;
}

export function defineFunction<const Ps extends readonly Param<unknown>[]>(
  params: Ps,
  body: Body<Ps>,
): FunctionSpec<Ps> {
  return { params, body };
}

export function runFunction<Ps extends readonly Param<unknown>[]>(
  spec: FunctionSpec<Ps>,
  raw: readonly unknown[],
): ExcelResult {
  try {
    const args = spec.params.map((p, i) => p.coerce(raw[i])) as ArgsOf<Ps>;
    return toExcelResult(spec.body(...args));
  } catch (e) {
    return [[toExcelError(calcErrorOf(e))]];
  }
}

// Parameter kinds.

export const range = (name: string): Param<Grid> => ({ name, coerce: (raw) => toGrid(raw, name) });

/** A range that may be omitted (null/undefined); a referenced empty cell is not omitted. */
export const optionalRange = (name: string): Param<Grid | undefined> => ({
  name,
  coerce: (raw) => (isOmitted(raw) ? undefined : toGrid(raw, name)),
});

export const choice = <T extends string>(name: string, choices: readonly T[]): Param<T | undefined> => ({
  name,
  coerce: (raw) => choiceArg(raw, name, choices),
});

export const integer = (name: string, min: number, max: number): Param<number | undefined> => ({
  name,
  coerce: (raw) => integerArg(raw, name, min, max),
});

export const number = (name: string): Param<number | undefined> => ({ name, coerce: (raw) => numberArg(raw, name) });

export const unit = (name: string): Param<TargetUnit | undefined> => ({ name, coerce: (raw) => unitArg(raw, name) });

// One element of a spill: calc's bug policy, shared by every function body.
export { attempt, located } from "../calc/errors";
