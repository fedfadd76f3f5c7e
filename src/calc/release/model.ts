/**
 * What the reader finds and hands back: figures (a value with its unit, metric, period and place) and
 * claims (what the release states, the figures it compares, the verdict). The public shapes are the
 * Release* types; the rest is the reader's own working state.
 */
import type { Quantity } from "./quantities";
import type { Metric } from "./metrics";
import type { Resolved } from "./periods";
import type { Span } from "./layout";

type ClaimKind = "change" | "record" | "guidance" | "total";

/** Where a figure or a claim stands: a sentence of prose, or a table cell. */
export interface ReleasePlace {
  kind: "sentence" | "table cell";
  /** Offsets of the whole sentence or cell in the text read. */
  start: number;
  end: number;
  /** For a table cell: its row and column labels as printed. */
  row?: string;
  column?: string;
}

export interface ReleaseFigure {
  /** The number as printed, without scale words ("5.32" for "5.32-million ounces"). */
  value: number;
  printed: string;
  /** The unit as printed or as the table says it ("oz", "million tonnes", "000 oz", "US$m"); "" when none. */
  unit: string;
  /** The power of ten the unit's scale word multiplies the value by (6 for "million tonnes", 3 for "000 oz"). */
  scale: number;
  metric: string | null;
  period: string | null;
  start: number;
  end: number;
  where: ReleasePlace;
}

export interface ReleaseClaim {
  kind: ClaimKind;
  /** The claim's words as they stand in the text, and their offsets. */
  text: string;
  start: number;
  end: number;
  where: ReleasePlace;
  /** The percentage, amount, range or record figure as printed. */
  stated: string;
  metric: string | null;
  unit: string | null;
  /** Records: what the record is measured against ("same calendar month", "any quarter"…). */
  scope?: string;
  /** The figures compared, by role: current/prior, low/high/base, total/parts, value/earlier. */
  figures: Record<string, ReleaseFigure | ReleaseFigure[] | null>;
  /**
   * For a percentage checked through CLAIM_CHECK, the text it was given ("up 9%", "20-26%"): CLAIM_CHECK on it
   * and the figures (current and prior, or low, high and base) gives the verdict.
   */
  checkedAs?: string;
  /** What the figures give ("8.69%", "986 oz", "the parts sum to 68,611"), null when they are not printed. */
  computed: string | null;
  verdict: string;
  /** Why the claim cannot be checked from the release alone. */
  missing?: string;
}

/** Something that reads like a claim or a figure but could not be read; never guessed. */
export interface ReleaseNotRead {
  text: string;
  start: number;
  end: number;
  why: string;
}

export interface Release {
  /** The release's own date ("2017-03-29"), when it prints one. */
  date: string | null;
  figures: ReleaseFigure[];
  claims: ReleaseClaim[];
  notRead: ReleaseNotRead[];
}

/** A figure as the reader works with it. */
export interface Fig extends Span {
  q: Quantity;
  metric: Metric;
  site: string | null;
  period: Resolved | null;
  /** A forecast, budget or guidance figure, not an actual. */
  forecast: boolean;
  /** Its period is not printed in its sentence but carried over from the sentences before. */
  inherited?: boolean;
  /** Printed in brackets right after another figure of its unit ("3.62 MT (3.04 MT)"): likely the compared one. */
  bracketed?: boolean;
  place: ReleasePlace;
  /** The unit as printed or given by the table. */
  unitText: string;
  /** A table cell: the figures of its row (the same series in other columns). */
  row?: Fig[];
}

/** A claim as the reader works with it, before it is handed back. */
export interface Found {
  kind: ClaimKind;
  start: number;
  end: number;
  place: ReleasePlace;
  stated: string;
  metric: import("./metrics").Metric | null;
  unitText: string | null;
  scope?: string;
  figures: Record<string, Fig | Fig[] | null>;
  verdict: string;
  missing?: string;
  checkedAs?: string;
}
