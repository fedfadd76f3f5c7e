/**
 * The claim table a checked release becomes on a sheet, and the order the pane lists its claims in. Pure
 * (no Office, no DOM): claimWriter.ts writes what this plans. Each claim is one row — claim, sentence,
 * stated, computed, verdict, figures used — with the figures it compares as number cells after them. A
 * percentage the reader checked through CLAIM_CHECK gets its verdict as a =PROD.CLAIM_CHECK formula over
 * those cells, but only when CLAIM_CHECK on them gives the reader's very verdict (a flag the reader
 * withheld for doubt stays the reader's "not checkable", as text); every other verdict is text.
 */
import { claimCheck } from "../../calc/claims";
import { CalcError } from "../../calc/errors";
import type { Release, ReleaseClaim, ReleaseFigure } from "../../calc/release";

const CLAIM_HEADER = ["Claim", "Sentence", "Stated", "Computed", "Verdict", "Figures used"] as const;
/** The column of the first figure (0-based): after the six above. */
const FIRST_FIGURE_COLUMN = CLAIM_HEADER.length;

/** One cell to write: a number, a text kept as text (never read as a formula), or a formula. */
type SheetCell = { number: number } | { text: string } | { formula: string };

export interface ClaimSheetPlan {
  /** Header first; every row has the same length. */
  rows: SheetCell[][];
  /** How many verdicts are formulas, and how many text. */
  formulas: number;
  texts: number;
}

/** How a verdict ranks in the list: inconsistent or the wrong way first, then rounding flags, consistent, not checkable. */
export function verdictRank(verdict: string): number {
  if (/\b(inconsistent|wrong direction)\b/.test(verdict)) return 0;
  if (/\b(truncated|rounded up)\b/.test(verdict)) return 1;
  if (verdict === "not checkable" || verdict === "not read") return 3;
  return 2;
}

/** The claims, inconsistent and flagged first, each group in the order of the text. */
export function claimsInOrder(release: Release): ReleaseClaim[] {
  return [...release.claims].sort((a, b) => verdictRank(a.verdict) - verdictRank(b.verdict) || a.start - b.start);
}

/** The sentence (or the table cell, with its row and column) a claim stands in, and the claim's words' place in it. */
export function claimContext(text: string, c: ReleaseClaim): { before: string; words: string; after: string } {
  const w = c.where;
  const inside = c.start >= w.start && c.end <= w.end;
  const lead = w.kind === "table cell" ? `${[w.row, w.column].filter(Boolean).join(", ")}: ` : "";
  if (!inside) return { before: lead + text.slice(w.start, w.end), words: "", after: "" };
  return {
    before: lead + text.slice(w.start, c.start),
    words: text.slice(c.start, c.end),
    after: text.slice(c.end, w.end),
  };
}

/** The figures a claim uses, in the order of its roles, a list (parts, earlier values) one by one. */
export function figuresUsed(c: ReleaseClaim): { role: string; figure: ReleaseFigure }[] {
  const out: { role: string; figure: ReleaseFigure }[] = [];
  for (const [role, v] of Object.entries(c.figures)) {
    if (v === null) continue;
    if (Array.isArray(v)) v.forEach((f, k) => out.push({ role: `${role} ${k + 1}`, figure: f }));
    else out.push({ role, figure: v });
  }
  return out;
}

/** "current: 73,476 ounces (2016)". */
export function figureLabel(role: string, f: ReleaseFigure): string {
  // "88" of "88-92,000" is 88,000: the value, when the printed digits are not it
  const digits = Number(f.printed.replace(/[^\d.]/g, ""));
  const shown = digits === f.value ? f.printed : f.value.toLocaleString("en-US", { maximumFractionDigits: 20 });
  const unit = f.unit && !shown.includes(f.unit) ? ` ${f.unit}` : "";
  return `${role}: ${shown}${unit}${f.period ? ` (${f.period})` : ""}`;
}

/** A1 name of a 0-based column. */
export function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A text inside a formula: quoted, its quotes doubled. */
const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The values written for the figures: as printed when they share a scale, else each in its unit's base
 * ("1.2 million" as 1,200,000) so that the cells compare as the reader compared them.
 */
function cellValues(figs: ReleaseFigure[]): number[] {
  const one = figs.every((f) => f.scale === figs[0].scale);
  return figs.map((f) => (one ? f.value : Number(`${f.value}e${f.scale}`)));
}

/** What CLAIM_CHECK gives on these values, joined as the reader joins a range's two verdicts; null on an error. */
function checked(stated: string, actual: number | number[], prior: number): string | null {
  try {
    const out = claimCheck(stated, actual, prior);
    if (out.some((v) => v instanceof CalcError)) return null;
    return out.join(" | ");
  } catch {
    return null;
  }
}

/** The formula for a claim's verdict over its figure cells in `row` (1-based), when it gives the reader's verdict. */
function verdictFormula(c: ReleaseClaim, used: { role: string; figure: ReleaseFigure }[], row: number): string | null {
  const stated = c.checkedAs;
  if (!stated || c.verdict === "not checkable") return null;
  const at = (role: string) => used.findIndex((u) => u.role === role);
  const ref = (k: number) => `${columnName(FIRST_FIGURE_COLUMN + k)}${row}`;
  const values = cellValues(used.map((u) => u.figure));
  if (c.kind === "change") {
    const [cur, pri] = [at("current"), at("prior")];
    if (cur < 0 || pri < 0 || checked(stated, values[cur], values[pri]) !== c.verdict) return null;
    return `=PROD.CLAIM_CHECK(${quoted(stated)}, ${ref(cur)}, ${ref(pri)})`;
  }
  if (c.kind === "guidance") {
    const [lo, hi, base] = [at("low"), at("high"), at("base")];
    if (lo < 0 || base < 0) return null;
    // one figure for a range: against the low end
    if (c.verdict.startsWith("low end: ")) {
      if (`low end: ${checked(stated, values[lo], values[base])}` !== c.verdict) return null;
      return `="low end: "&PROD.CLAIM_CHECK(${quoted(stated)}, ${ref(lo)}, ${ref(base)})`;
    }
    if (hi !== lo + 1 || checked(stated, [values[lo], values[hi]], values[base]) !== c.verdict) return null;
    return `=TEXTJOIN(" | ", TRUE, PROD.CLAIM_CHECK(${quoted(stated)}, ${ref(lo)}:${ref(hi)}, ${ref(base)}))`;
  }
  return null;
}

/** The claim table for a release read from `text`, claims in the pane's order, starting at row 1 of a sheet. */
export function claimSheetPlan(release: Release, text: string): ClaimSheetPlan {
  const claims = claimsInOrder(release);
  const used = claims.map(figuresUsed);
  const width = Math.max(0, ...used.map((u) => u.length));
  const header: SheetCell[] = [...CLAIM_HEADER, ...Array.from({ length: width }, (_, k) => `Figure ${k + 1}`)].map(
    (t) => ({ text: t }),
  );
  let formulas = 0;
  let texts = 0;
  const rows = claims.map((c, i): SheetCell[] => {
    const u = used[i];
    const { before, words, after } = claimContext(text, c);
    const formula = verdictFormula(c, u, i + 2);
    if (formula) formulas++;
    else texts++;
    const verdict = c.missing ? `${c.verdict}: ${c.missing}` : c.verdict;
    const values = cellValues(u.map((x) => x.figure));
    return [
      { text: c.kind },
      { text: `${before}${words}${after}`.trim() },
      { text: c.stated },
      { text: c.computed ?? "" },
      formula ? { formula } : { text: verdict },
      { text: u.map((x) => figureLabel(x.role, x.figure)).join("; ") },
      ...values.map((v) => ({ number: v })),
      ...Array.from({ length: width - u.length }, () => ({ text: "" })),
    ];
  });
  return { rows: [header, ...rows], formulas, texts };
}
