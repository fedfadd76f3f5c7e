/**
 * The only error type calc ever throws. `kind` maps one-to-one onto an Excel error
 * (value -> #VALUE!, na -> #N/A, div0 -> #DIV/0!, num -> #NUM!), so the adapter never guesses.
 * Any other exception escaping calc is a bug.
 */
export type CalcErrorKind = "value" | "na" | "div0" | "num";

// A CalcError is an Error (instanceof Error, name, message, toString) but is not made by Error's
// constructor: it is an answer shown in a cell, not a bug, so it needs no stack trace, and a spill
// of a whole column can hold thousands of #N/A cells (what Error's constructor costs: BENCHMARKS.md).
// The interface merge gives the class Error's members, which the prototype below supplies.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface CalcError extends Error {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CalcError {
  readonly kind: CalcErrorKind;
  readonly message: string;
  constructor(kind: CalcErrorKind, message: string) {
    this.kind = kind;
    this.message = message;
  }
}
Object.setPrototypeOf(CalcError.prototype, Error.prototype);
Object.defineProperty(CalcError.prototype, "name", { value: "CalcError", writable: true, configurable: true });

export const isCalcError = (e: unknown): e is CalcError => e instanceof CalcError;
