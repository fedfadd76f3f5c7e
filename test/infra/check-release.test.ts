/**
 * `npm run check-release -- FILE...`: JSON lines per claim and a summary line per file, the seed end to end,
 * an HTML release read as text, and exit 0 unless a file cannot be read.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SEED_PATH, releaseText } from "../support/releaseCorpus";

const ROOT = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "check-release-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...files: string[]): { status: number | null; lines: Record<string, unknown>[]; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/check-release.ts"), ...files], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = r.stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: r.status, lines, stderr: r.stderr };
}

describe("check-release", () => {
  it("prints the seed's claims as JSON lines, then a summary, and exits 0", () => {
    const { status, lines } = run(SEED_PATH);
    expect(status).toBe(0);
    const claims = lines.filter((l) => !l.summary);
    expect(claims).toHaveLength(6);
    const guidance = claims.find((c) => c.text === "a 20-26% increase as compared to 2016")!;
    expect(guidance).toMatchObject({ kind: "guidance", stated: "20-26%", computed: "19.77% | 25.21%" });
    expect(guidance.verdict).toBe("consistent | rounded up: the numbers give 25.2%");
    const base = (guidance.figures as Record<string, { value: number; start: number; end: number }>).base;
    expect(base.value).toBe(73476);
    expect(releaseText("seed").slice(base.start, base.end)).toBe("73,476 ounces");
    expect(lines[lines.length - 1]).toMatchObject({
      summary: true,
      date: "2017-03-29",
      claims: 6,
      consistent: 2,
      flagged: 1,
      notCheckable: 3,
    });
  });

  it("reads an HTML release as text and checks the same claims", () => {
    const text = releaseText("dynacor-2017-04-20");
    // paragraphs as <p>, the space-aligned tables as <pre> (HTML keeps their spaces only there)
    const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const html = `<!DOCTYPE html><html><body>${text
      .split("\n\n")
      .map((p) => (/ {2}/.test(p) ? `<pre>${escape(p)}</pre>` : `<p>${escape(p)}</p>`))
      .join("\n")}</body></html>`;
    const file = join(dir, "release.html");
    writeFileSync(file, html);
    const fromText = run(join(ROOT, "test/fixtures/releases/dynacor-2017-04-20.txt")).lines.filter((l) => !l.summary);
    const fromHtml = run(file).lines;
    expect(fromHtml[fromHtml.length - 1]).toMatchObject({ summary: true, read: "html as text" });
    const verdicts = (ls: Record<string, unknown>[]) =>
      ls.filter((l) => !l.summary).map((l) => [l.kind, l.stated, l.verdict]);
    expect(verdicts(fromHtml)).toEqual(verdicts(fromText));
  });

  it("goes on past a file it cannot read, says which, and exits 1", () => {
    const { status, lines, stderr } = run(join(dir, "missing.txt"), SEED_PATH);
    expect(status).toBe(1);
    expect(stderr).toMatch(/cannot read .*missing\.txt/);
    expect(lines.filter((l) => l.summary)).toHaveLength(1);
  });
});
