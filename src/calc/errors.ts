/**
 * The only error type calc ever throws. `kind` maps one-to-one onto an Excel error
 * (value -> #VALUE!, na -> #N/A, div0 -> #DIV/0!, num -> #NUM!), so the adapter never guesses.
 * Any other exception escaping calc is a bug.
 */
export type CalcErrorKind = "value" | "na" | "div0" | "num";

export class CalcError extends Error {
  readonly kind: CalcErrorKind;
  constructor(kind: CalcErrorKind, message: string) {
    // No stack trace: these are answers shown to the user, not bugs, and capturing a stack costs
    // microseconds per error cell in a spill (V8; other engines ignore the setting).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = "CalcError";
    this.kind = kind;
  }
}

export const isCalcError = (e: unknown): e is CalcError => e instanceof CalcError;
