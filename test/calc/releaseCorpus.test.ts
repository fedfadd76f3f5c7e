/**
 * The release corpus (test/fixtures/releases) and the held-out set (test/fixtures/releases-heldout) are sound: every
 * expected claim stands in its release where the expectations say, every verdict has the corpus's form, and the
 * hand-worked verdicts agree with the figures they cite — percentages through CLAIM_CHECK itself, amounts and totals
 * by exact decimal arithmetic.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimCheck } from "../../src/calc/claims";
import { CalcError } from "../../src/calc/errors";

const CORPORA = [
  { title: "release corpus", dir: join(__dirname, "../fixtures/releases"), seed: true, minReleases: 10 },
  {
    title: "held-out release corpus",
    dir: join(__dirname, "../fixtures/releases-heldout"),
    seed: false,
    minReleases: 6,
  },
];
const SEED = join(__dirname, "../../../shared/seed/press-release-2017-03-29.txt");

interface Figure {
  value: number | Figure[] | null;
  period: string;
  where: string;
}
type Figures = Record<string, Figure | Figure[] | null>;
interface Claim {
  kind: string;
  text: string;
  occurrence?: number;
  where: string;
  stated: string;
  metric: string;
  unit: string;
  figures: Figures;
  verdict: string;
  missing?: string;
  arithmetic: string;
}
interface Expected {
  source: string;
  issuer: string;
  date: string;
  claims: Claim[];
  nonClaims: string[];
}

const namesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .map((f) => f.slice(0, -".expected.json".length))
    .sort();
const releaseOf = (dir: string, name: string) =>
  readFileSync(name === "seed" ? SEED : join(dir, `${name}.txt`), "utf8");
const expectedOf = (dir: string, name: string) =>
  JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as Expected;

const count = (text: string, part: string) => text.split(part).length - 1;
const num = (f: Figures, key: string): number | null => {
  const v = f[key];
  return v && !Array.isArray(v) && typeof v.value === "number" ? v.value : null;
};
const shown = (v: string | CalcError) => (v instanceof CalcError ? `${v.kind}: ${v.message}` : v);

/** A printed decimal ("3.89", "1,318", 58.02) as an integer count of 10^-scale units. */
function scaled(x: number | string, scale: number): bigint {
  const [int, frac = ""] = String(x).replace(/,/g, "").split(".");
  if (frac.length > scale) throw new Error(`${String(x)} has more than ${scale} decimals`);
  return BigInt(int + frac.padEnd(scale, "0"));
}
const SCALE = 6;
const printed = (units: bigint, decimals: number) => {
  const s = (units < 0n ? -units : units).toString().padStart(SCALE + 1, "0");
  const int = s.slice(0, s.length - SCALE).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return decimals > 0 ? `${int}.${s.slice(s.length - SCALE, s.length - SCALE + decimals)}` : int;
};

/** "1,318 oz", "(14,624)", "3.89 million tonnes": the amount, its precision, and its sign when printed. */
function amountOf(stated: string): { digits: string; decimals: number; negative: boolean } | null {
  const m = /^(\()?\$?([\d,]+(?:\.\d+)?)(\))?(?:\s|$)/.exec(stated);
  if (!m || /%|per ?cent|percent/.test(stated)) return null;
  const digits = m[2];
  const decimals = digits.includes(".") ? digits.split(".")[1].length : 0;
  return { digits, decimals, negative: Boolean(m[1] && m[3]) };
}

const VERDICT =
  /^(consistent|not checkable|(truncated|rounded up|wrong direction|inconsistent): the numbers give -?[\d,]+(\.\d+)?(%| [\w ]+)|inconsistent: the parts sum to [\d,]+(\.\d+)?)$/;

describe.each(CORPORA)("$title", ({ dir, seed, minReleases }) => {
  const names = namesIn(dir);
  it("has a release for every expectation file and an expectation file for every release", () => {
    const releases = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => f.slice(0, -4))
      .sort();
    expect(names.filter((n) => n !== "seed")).toEqual(releases);
    expect(names.includes("seed")).toBe(seed);
    expect(releases.length).toBeGreaterThanOrEqual(minReleases);
    expect(new Set(names.map((n) => expectedOf(dir, n).issuer)).size).toBeGreaterThanOrEqual(6);
  });

  describe.each(names)("%s", (name) => {
    const text = releaseOf(dir, name);
    const expected = expectedOf(dir, name);

    it("names its source and a real calendar date", () => {
      expect(expected.source).toMatch(/^https?:\/\/\S+$/);
      const [y, m, d] = expected.date.split("-").map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      expect(date.toISOString().slice(0, 10)).toBe(expected.date);
      expect(text).toContain(String(y));
    });

    it.each(expected.claims.map((c) => [c.text, c] as const))("claim %j stands in the release", (_, c) => {
      expect(["change", "record", "guidance", "total"]).toContain(c.kind);
      const n = count(text, c.text);
      if (n > 1) expect(c.occurrence, `"${c.text}" occurs ${n} times: say which`).toBeDefined();
      expect(n).toBeGreaterThanOrEqual(c.occurrence ?? 1);
      expect(c.where.length).toBeGreaterThan(0);
      expect(c.arithmetic.length).toBeGreaterThan(0);
      for (const part of c.verdict.replace(/^low end: /, "").split(" | ")) expect(part).toMatch(VERDICT);
      if (c.verdict === "not checkable") expect(c.missing).toBeTruthy();
    });

    it.each(expected.nonClaims)("non-claim %j stands in the release", (s) => {
      expect(count(text, s)).toBeGreaterThan(0);
    });

    const percentChanges = expected.claims.filter(
      (c) => c.kind === "change" && (c.stated.includes("%") || /per ?cent|percent/.test(c.stated)),
    );
    const checkable = percentChanges.filter(
      (c) => num(c.figures, "current") !== null && num(c.figures, "prior") !== null,
    );
    it.each(checkable.map((c) => [c.text, c] as const))("%j: CLAIM_CHECK gives the hand verdict", (_, c) => {
      const verdict = claimCheck(c.stated, num(c.figures, "current"), num(c.figures, "prior"));
      expect(verdict.map(shown)).toEqual([c.verdict]);
    });

    const growths = expected.claims.filter(
      (c) => c.kind === "guidance" && num(c.figures, "base") !== null && /%/.test(c.stated),
    );
    it.each(growths.map((c) => [c.text, c] as const))("guidance %j: CLAIM_CHECK over the range", (_, c) => {
      const [low, high, base] = ["low", "high", "base"].map((k) => num(c.figures, k));
      if (c.verdict.startsWith("low end: ")) {
        expect(claimCheck(c.stated, low, base).map(shown)).toEqual([c.verdict.slice("low end: ".length)]);
      } else {
        expect(claimCheck(c.stated, [low, high], base).map(shown).join(" | ")).toBe(c.verdict);
      }
    });

    const amounts = expected.claims.filter(
      (c) =>
        c.kind === "change" &&
        amountOf(c.stated) &&
        num(c.figures, "current") !== null &&
        num(c.figures, "prior") !== null,
    );
    it.each(amounts.map((c) => [c.text, c] as const))("amount %j: the difference at the printed precision", (_, c) => {
      const { digits, decimals } = amountOf(c.stated)!;
      const diff = scaled(num(c.figures, "current")!, SCALE) - scaled(num(c.figures, "prior")!, SCALE);
      const size = diff < 0n ? -diff : diff;
      // Half-up at the printed precision; a whole number ending in zeros is read at its last non-zero digit.
      const zeros = decimals === 0 ? (/0+$/.exec(digits.replace(/,/g, ""))?.[0].length ?? 0) : 0;
      const unit = 10n ** BigInt(SCALE - decimals + zeros);
      const rounded = ((size * 2n + unit) / (2n * unit)) * unit;
      const want = scaled(digits, SCALE);
      const unitText = c.stated.replace(/^\(?\$?[\d,.]+\)?\s*/, "");
      expect(c.verdict).toBe(
        rounded === want
          ? "consistent"
          : `inconsistent: the numbers give ${printed(size, decimals)}${unitText ? ` ${unitText}` : ""}`,
      );
    });

    const totals = expected.claims.filter((c) => c.kind === "total");
    it.each(totals.map((c) => [c.text, c] as const))(
      "total %j: the printed parts add up as the verdict says",
      (_, c) => {
        const parts = c.figures.parts as Figure[];
        const sum = parts.reduce((s, p) => s + scaled(p.value as number, SCALE), 0n);
        const total = scaled(num(c.figures, "total")!, SCALE);
        expect(c.verdict).toBe(sum === total ? "consistent" : `inconsistent: the parts sum to ${printed(sum, 0)}`);
      },
    );
  });
});
