/**
 * A stand-in for the `CustomFunctions` global that Excel provides at run time, so the adapters
 * can be called in Node. Error codes carry Excel's real strings. Import this file for its side
 * effect, or call installCustomFunctionsStub() yourself (bench and fuzz harnesses do). Like Excel, it
 * keeps a message on #VALUE! and #N/A only.
 */

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeText = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Codes on which Excel shows a custom function's message; on the others it drops it. */
export const CODES_WITH_MESSAGE: readonly ErrorCodeText[] = ["#VALUE!", "#N/A"];

/**
 * An error as Excel keeps it: `message` only on #VALUE! and #N/A, as Excel shows it. `offered` is
 * what the add-in passed, so a test can check that no other code is given a message to lose.
 */
export class StubCustomFunctionsError {
  readonly message?: string;
  constructor(
    readonly code: ErrorCodeText,
    readonly offered?: string,
  ) {
    this.message = CODES_WITH_MESSAGE.includes(code) ? offered : undefined;
  }
}

/** Every id passed to CustomFunctions.associate, with its function. */
export const associated = new Map<string, Function>();

export function installCustomFunctionsStub(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.CustomFunctions !== undefined) return;
  g.CustomFunctions = {
    Error: StubCustomFunctionsError,
    ErrorCode: ERROR_CODES,
    associate(idOrMap: string | Record<string, Function>, fn?: Function): void {
      if (typeof idOrMap === "string") associated.set(idOrMap, fn as Function);
      else for (const [id, f] of Object.entries(idOrMap)) associated.set(id, f);
    },
  };
}

installCustomFunctionsStub();
