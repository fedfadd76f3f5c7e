/**
 * `npm run check-release -- FILE...`: every claim of each release file as a JSON line (its words, kind,
 * what it states, what the figures give, the verdict, the figures used with their positions), then a
 * summary line per file. HTML files are read as text first; positions refer to that text. Exits 0 unless
 * a file cannot be read.
 */
import { readFileSync } from "node:fs";
import { readRelease, type ReleaseClaim, type ReleaseFigure } from "../src/calc/release";
import { releaseFileText } from "../src/taskpane/release/fileText";

const figure = (f: ReleaseFigure) => ({
  value: f.value,
  printed: f.printed,
  unit: f.unit,
  metric: f.metric,
  period: f.period,
  start: f.start,
  end: f.end,
  where: f.where.kind,
});

function claimLine(file: string, c: ReleaseClaim): string {
  const figures: Record<string, unknown> = {};
  for (const [role, v] of Object.entries(c.figures))
    figures[role] = v === null ? null : Array.isArray(v) ? v.map(figure) : figure(v);
  return JSON.stringify({
    file,
    kind: c.kind,
    text: c.text,
    start: c.start,
    end: c.end,
    where: c.where.kind,
    stated: c.stated,
    computed: c.computed,
    verdict: c.verdict,
    ...(c.missing ? { missing: c.missing } : {}),
    ...(c.scope ? { scope: c.scope } : {}),
    figures,
  });
}

/** A verdict that flags the claim: anything but "consistent", "low end: consistent" and "not checkable". */
const flagged = (v: string): boolean =>
  v !== "not checkable" && v.split(" | ").some((p) => p.replace(/^low end: /, "") !== "consistent");

function main(files: string[]): number {
  if (files.length === 0) {
    console.error("usage: npm run check-release -- FILE...  (plain text, Markdown or HTML releases)");
    return 2;
  }
  let status = 0;
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(file, "utf8");
    } catch (e) {
      console.error(`check-release: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
      status = 1;
      continue;
    }
    const { text, html } = releaseFileText(file, content);
    const r = readRelease(text);
    for (const c of r.claims) console.log(claimLine(file, c));
    const count = (p: (c: ReleaseClaim) => boolean) => r.claims.filter(p).length;
    console.log(
      JSON.stringify({
        file,
        summary: true,
        read: html ? "html as text" : "text",
        date: r.date,
        claims: r.claims.length,
        consistent: count((c) => !flagged(c.verdict) && c.verdict !== "not checkable"),
        flagged: count((c) => flagged(c.verdict)),
        notCheckable: count((c) => c.verdict === "not checkable"),
        notRead: r.notRead.length,
        figures: r.figures.length,
      }),
    );
  }
  return status;
}

// "| head" closes the pipe early: stop quietly
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
