/**
 * The release corpus (test/fixtures/releases) and how the reader's claims are matched to the expected
 * ones: an expected claim is found when a claim of the same kind overlaps its words in the text (the
 * `occurrence`-th time they occur); a reported claim that overlaps no expected claim of its kind is
 * invented. One reported claim may cover several expected ones only when they are listed separately
 * in the expectations (a record claimed for several mines at once).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Release, ReleaseClaim } from "../../src/calc/release";

export const CORPUS_DIR = join(__dirname, "../fixtures/releases");
/** The seed release, beside the repository (CI clones the repository next to `shared/`). */
export const SEED_PATH = resolve(__dirname, "../../../shared/seed/press-release-2017-03-29.txt");

export interface ExpectedClaim {
  kind: string;
  text: string;
  occurrence?: number;
  stated: string;
  verdict: string;
  missing?: string;
  figures: Record<string, unknown>;
  /** A true claim the reader reported and the hand expectations had missed, with the source line that prints it. */
  addedAfterReader?: string;
}

export interface Expected {
  date: string;
  claims: ExpectedClaim[];
  nonClaims: string[];
}

export const corpusNames = (): string[] =>
  readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => f.slice(0, -".expected.json".length))
    .sort();

export const releaseText = (name: string): string =>
  readFileSync(name === "seed" ? SEED_PATH : join(CORPUS_DIR, `${name}.txt`), "utf8");

export const expectedOf = (name: string): Expected =>
  JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.expected.json`), "utf8")) as Expected;

/** Offsets of the n-th (1-based) occurrence of part in text. */
export function occurrenceAt(text: string, part: string, n = 1): [number, number] {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(part, at + 1);
    if (at < 0) throw new Error(`"${part}" does not occur ${n} times`);
  }
  return [at, at + part.length];
}

export interface Match {
  expected: ExpectedClaim;
  claim: ReleaseClaim | null;
}

export interface Comparison {
  matches: Match[];
  invented: ReleaseClaim[];
}

const overlap = (a: [number, number], b: [number, number]): number => Math.min(a[1], b[1]) - Math.max(a[0], b[0]);

export function compareWithExpected(text: string, expected: Expected, release: Release): Comparison {
  const spans = expected.claims.map((c) => occurrenceAt(text, c.text, c.occurrence ?? 1));
  const matches: Match[] = expected.claims.map((e, k) => {
    let best: ReleaseClaim | null = null;
    let bestOverlap = 0;
    for (const c of release.claims) {
      if (c.kind !== e.kind) continue;
      const o = overlap(spans[k], [c.start, c.end]);
      if (o > bestOverlap) {
        best = c;
        bestOverlap = o;
      }
    }
    return { expected: e, claim: best };
  });
  const invented = release.claims.filter(
    (c) => !expected.claims.some((e, k) => e.kind === c.kind && overlap(spans[k], [c.start, c.end]) > 0),
  );
  return { matches, invented };
}

/**
 * Figures of the claims found that the expectations give as numbers (current, prior, base, total, value…):
 * how many the reader reports with the same value, and which it does not.
 */
export function figureAgreement(matches: Match[]): { agreeing: number; total: number; others: string[] } {
  let agreeing = 0;
  let total = 0;
  const others: string[] = [];
  for (const m of matches) {
    if (!m.claim) continue;
    for (const [role, v] of Object.entries(m.expected.figures ?? {})) {
      const want = v && !Array.isArray(v) ? (v as { value?: unknown }).value : null;
      if (typeof want !== "number") continue;
      total++;
      const got = m.claim.figures[role];
      // a record claimed for several mines at once reports their figures as a list; the expected one is among them
      const values =
        got === null || got === undefined ? [] : Array.isArray(got) ? got.map((f) => f.value) : [got.value];
      if (values.some((x) => Math.abs(x - want) <= 1e-9 * Math.max(1, Math.abs(want)))) agreeing++;
      else
        others.push(
          `"${m.expected.text}" ${role}: ${want} expected, ${values.length ? values.join(", ") : "none"} reported`,
        );
    }
  }
  return { agreeing, total, others };
}
