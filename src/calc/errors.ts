/**
 * The only error type calc ever throws. `kind` maps one-to-one onto an Excel error
 * (value -> #VALUE!, na -> #N/A, div0 -> #DIV/0!, num -> #NUM!), so the adapter never guesses.
 * Any other exception escaping calc is a bug.
 */
export type CalcErrorKind = "value" | "na" | "div0" | "num";

// A CalcError is an Error (instanceof Error, name, message, toString) but is not made by Error's
// constructor: it is an answer shown in a cell, not a bug, so it needs no stack trace, and V8's
// Error constructor costs 0.5-1 µs even without one, against 60 ns for this object (measured) —
// a spill of a whole column can hold thousands of #N/A cells.
export interface CalcError extends Error {}

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
