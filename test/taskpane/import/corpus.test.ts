/**
 * The real-table corpus (test/fixtures/real, README.md there): every table read with no option set and
 * compared with the expectation written by hand before the importer saw it — every value, every
 * line's accounting, every row and column left out with its total check (test/support/corpus.ts).
 * A difference the expectation is believed wrong about is listed below with the reason, never
 * edited into the expectation.
 */
import { describe, expect, it } from "vitest";
import { KNOWN_DISAGREEMENTS, compareCorpusTable, corpusTables } from "../../support/corpus";

const tables = corpusTables();

describe("the real-table corpus", () => {
  it("has at least 10 tables", () => {
    expect(tables.length).toBeGreaterThanOrEqual(10);
  });

  for (const { name, file } of tables) {
    it(`${file} imports as expected, every line accounted for`, () => {
      const r = compareCorpusTable(name, file);
      const known = KNOWN_DISAGREEMENTS[name];
      expect(r.mismatches).toEqual(known?.mismatches ?? []);
      // The figure not written is named, with its line, in a warning: nothing is lost silently.
      if (known) {
        const warning = r.analysis.plan.problems.find(
          (p) => p.code === "restated-month" && p.message.includes(known.superseded),
        );
        expect(warning?.severity).toBe("warning");
      }
    });
  }
});
