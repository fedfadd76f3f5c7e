/** docs/check-a-release.md stays true: its worked example, read by the reader, gives every verdict the page shows. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRelease } from "../../../src/calc/release";

const page = readFileSync(join(__dirname, "../../../docs/check-a-release.md"), "utf8");
const example = /```text\n([\s\S]*?)\n```/.exec(page)?.[1] ?? "";
const rows = page
  .split("\n")
  .filter((l) => /^\| (?!Claim|-)/.test(l))
  .map((l) =>
    l
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim().replace(/\\\|/g, "|")),
  );

describe("the worked example of docs/check-a-release.md", () => {
  const release = readRelease(example);

  it("is a release of our own (it is not the seed) and the page shows every claim the reader reports", () => {
    expect(example).toContain("Example Gold Corp.");
    expect(rows.map((r) => r[0])).toEqual(release.claims.map((c) => c.text));
  });

  it("gives the kind, computed value and verdict the page shows for each claim", () => {
    for (const [text, kind, , computed, verdict] of rows) {
      const c = release.claims.find((x) => x.text === text)!;
      expect([c.kind, c.computed ?? "", c.verdict]).toEqual([kind, computed, verdict]);
    }
  });

  it("quotes the missing figures the page quotes", () => {
    const flat = page.replace(/\s+/g, " ");
    expect(flat).toContain(release.claims.find((x) => x.text === "by 24%")!.missing!);
    expect(flat).toContain(release.claims.find((x) => x.kind === "record")!.missing!);
  });
});
