/**
 * CLAIM_CHECK: is a printed change consistent with the numbers? Exact rational arithmetic throughout,
 * on the figures as given (a double is read as its shortest round-trip decimal).
 */
import { attempt, CalcError } from "./errors";
import { parseStated, type Bound, type StatedFigure } from "./claimsStated";
import {
  div,
  formatPercent,
  fromNumber,
  rational,
  roundedDigits,
  sign,
  sub,
  type Rational,
  type Rounding,
} from "./rational";

// Tried in this order: half-up is the norm; the others match only when it does not.
const CONVENTIONS: [Rounding, string][] = [
  ["half-up", "consistent"],
  ["truncate", "truncated"],
  ["up", "rounded up"],
];

/** The verdict for one printed figure against the exact change (a fraction: 0.25 = 25%). */
function judge(figure: StatedFigure, change: Rational): string {
  if (
    typeof figure !== "object" ||
    figure === null ||
    typeof figure.digits !== "bigint" ||
    ![1, -1, 0].includes(figure.direction)
  ) {
    throw new CalcError("value", "not a stated figure");
  }
  const goes = sign(change); // also rejects anything that is not a Rational
  const percent = rational(change.num * 100n, change.den);
  const d = figure.decimals;
  const shown = `the numbers give ${formatPercent(change, d + 1)}%`;
  if (figure.bound)
    return goes === -figure.direction && goes !== 0
      ? `wrong direction: ${shown}`
      : boundVerdict(figure, percent, shown);
  const flat = figure.digits === 0n && roundedDigits(percent, d, "half-up") === 0n;
  if (figure.direction !== 0 && goes !== 0 && goes !== figure.direction && !flat) return `wrong direction: ${shown}`;
  for (const [mode, verdict] of CONVENTIONS) {
    if (roundedDigits(percent, d, mode) === figure.digits) return mode === "half-up" ? verdict : `${verdict}: ${shown}`;
  }
  return `inconsistent: ${shown}`;
}

/** "more than 30%": the exact size of the change against the bound; no rounding convention applies. */
function boundVerdict(figure: StatedFigure, percent: Rational, shown: string): string {
  // |percent| vs digits / 10^decimals, compared as |num| × 10^d vs digits × den
  const left = (percent.num < 0n ? -percent.num : percent.num) * 10n ** BigInt(figure.decimals);
  const right = figure.digits * percent.den;
  const holds = { ">": left > right, ">=": left >= right, "<": left < right, "<=": left <= right }[
    figure.bound as Bound
  ];
  return holds ? "consistent" : `inconsistent: ${shown}`;
}

/** actual/prior − 1 exactly; without a prior, `actual` is already the change. */
function changeOf(actual: unknown, prior: Rational | null, label = "actual"): Rational {
  if (typeof label !== "string") label = "actual";
  if (actual instanceof CalcError) throw actual; // already known bad (e.g. unreadable text), reported in place
  if (actual === null || actual === undefined || actual === "")
    throw new CalcError("na", `${label} is blank: no value`);
  if (typeof actual !== "number") throw new CalcError("value", `${label} must be a number, not ${describe(actual)}`);
  if (!Number.isFinite(actual)) throw new CalcError("value", `${label} must be a finite number, not ${String(actual)}`);
  if (prior === null) return fromNumber(actual);
  if (actual < 0) throw new CalcError("value", `${label} is negative (${actual}): production cannot be below zero`);
  return sub(div(fromNumber(actual), prior), rational(1n));
}

function readPrior(prior: unknown): Rational | null {
  if (prior === null || prior === undefined || prior === "") return null;
  if (typeof prior !== "number") throw new CalcError("value", `prior must be a number, not ${describe(prior)}`);
  if (!Number.isFinite(prior)) throw new CalcError("value", `prior must be a finite number, not ${String(prior)}`);
  if (prior === 0) throw new CalcError("div0", "prior is 0: a change from zero has no percentage (n/m)");
  if (prior < 0) throw new CalcError("value", `prior is negative (${prior}): the change would be meaningless (n/m)`);
  return fromNumber(prior);
}

/**
 * One verdict per stated figure (two for a range "20-26%", matched with actual's {low, high}).
 * A problem with one end is a CalcError in that element only; problems with the whole call are thrown.
 */
export function claimCheck(stated: unknown, actual: unknown, prior?: unknown): (string | CalcError)[] {
  const figures = parseStated(stated);
  const base = readPrior(prior);
  const cells = Array.isArray(actual) ? actual : [actual];
  if (figures.length !== cells.length) {
    throw new CalcError(
      "value",
      figures.length === 2
        ? `stated is a range but actual has ${cells.length} cell${cells.length === 1 ? "" : "s"}: give actual as two cells, low and high`
        : `stated is one figure but actual has ${cells.length} cells: give one actual value`,
    );
  }
  const labels = cells.length === 2 ? ["actual (low)", "actual (high)"] : ["actual"];
  return figures.map((figure, i) => attempt(undefined, () => judge(figure, changeOf(cells[i], base, labels[i]))));
}

function describe(v: unknown): string {
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v;
}
