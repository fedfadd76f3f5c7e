/**
 * The only error type calc ever throws. `kind` maps one-to-one onto an Excel error
 * (value -> #VALUE!, na -> #N/A, div0 -> #DIV/0!, num -> #NUM!), so the adapter never guesses.
 * Any other exception escaping calc is a bug: calcErrorOf and attempt below are the one place that
 * tells the two apart (CONTRIBUTING.md, "Errors").
 */
export type CalcErrorKind = "value" | "na" | "div0" | "num";

// A CalcError is an Error (instanceof Error, name, message, toString) but is not made by Error's
// constructor: it is an answer shown in a cell, not a bug, so it needs no stack trace, and a spill
// of a whole column can hold thousands of #N/A cells, each of which would pay for one.
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

/**
 * What a catch does with what it caught: a CalcError is bad input and is returned, to be shown where
 * it arose; anything else is a bug and is thrown on, so that fuzzing and the user see it.
 */
export function calcErrorOf(e: unknown): CalcError {
  if (e instanceof CalcError) return e;
  throw e;
}

/** `where: message`, unless the message already starts by naming the place. */
export function located(where: string, e: CalcError): CalcError {
  return e.message.startsWith(`${where}:`) ? e : new CalcError(e.kind, `${where}: ${e.message}`);
}

/**
 * fn's result, or the CalcError it threw (located at `where` when given) so that one bad element of
 * a spill does not spoil the rest; a bug passes through.
 */
export function attempt<T>(where: string | undefined, fn: () => T): T | CalcError {
  try {
    return fn();
  } catch (e) {
    const err = calcErrorOf(e);
    return where === undefined ? err : located(where, err);
  }
}
