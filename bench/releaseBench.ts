/**
 * The release reader (readRelease): its time per 100 KB of text, and how that time grows from 100 KB
 * to 2 MB — release text (the corpus's releases pasted one after another), binary junk, and text made to
 * defeat regular expressions that backtrack (long runs of spaces, brackets, digits and dashes).
 * Linear work gives the same time per 100 KB at both sizes; the target allows 1.5x.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readRelease } from "../src/calc/release";
import { makeRng } from "./prng";
import { add } from "./table";
import { compare } from "./timing";

const ROOT = process.env.PROD_BENCH_ROOT ?? resolve(__dirname, "..");
const SMALL = 100_000;
const BIG = 2_000_000;

function releases(): string {
  const dir = join(ROOT, "test/fixtures/releases");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n\n");
}

function junk(n: number): string {
  const rng = makeRng(17);
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(rng.next() * 256));
  return s;
}

/** Long runs that make a backtracking pattern quadratic: spaces before a bar, dashes, brackets, digits. */
function adversarial(n: number): string {
  const pieces = [
    " ".repeat(5000) + "|",
    "-".repeat(3000) + "%",
    "(".repeat(2000),
    "9".repeat(25) + " oz ",
    " \u2013 ".repeat(500),
  ];
  let s = "";
  for (let i = 0; s.length < n; i++) s += pieces[i % pieces.length] + "\n";
  return s.slice(0, n);
}

const repeatTo = (text: string, n: number): string => text.repeat(Math.ceil(n / text.length)).slice(0, n);

function growth(form: string, small: string, big: string): void {
  const { baseNs, fnNs } = compare(
    () => readRelease(small),
    () => readRelease(big),
    { reps: 3, budgetMs: 1 },
  );
  const per100Small = baseNs / (small.length / 100_000);
  const per100Big = fnNs / (big.length / 100_000);
  const ratio = per100Big / per100Small;
  add({
    row: "release reader: time per 100 KB",
    form,
    n: "100 KB",
    ratio: per100Small / 1e6,
    vs: "ms per 100 KB",
    target: "report",
    met: null,
  });
  add({
    row: "release reader: growth 100 KB -> 2 MB",
    form,
    n: "2 MB/100 KB",
    ratio,
    vs: "time per 100 KB, 2 MB/100 KB",
    target: "<= 1.5",
    met: ratio <= 1.5,
    note: `${(per100Big / 1e6).toFixed(1)} ms per 100 KB at 2 MB`,
  });
}

export function releaseSection(): void {
  const text = releases();
  growth("release text", repeatTo(text, SMALL), repeatTo(text, BIG));
  const j = junk(BIG);
  growth("binary junk", j.slice(0, SMALL), j);
  const a = adversarial(BIG);
  growth("backtracking bait", a.slice(0, SMALL), a);
}
