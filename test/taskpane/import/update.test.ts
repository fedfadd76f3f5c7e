/**
 * The update's difference (pure): rows matched by month and mine through the stored column kinds,
 * whatever the table's order or extra columns; restated figures flagged; a file with no figure never
 * overwrites one; different mines, units or metric names are shown and block the write until mapped
 * or confirmed; a table without stored kinds asks for them first.
 *
 * Figures: Dynacor 2017 gold (oz). The March release printed February 6,736; the April release
 * (test/fixtures/releases/dynacor-2017-04-20.txt) prints 6,733 and adds March 5,184.
 */
import { describe, expect, it } from "vitest";
import { analyseImport } from "../../../src/taskpane/import/engine";
import { describeChange, planUpdate, summariseUpdate } from "../../../src/taskpane/import/update";
import type { ExistingTable } from "../../../src/taskpane/import/types";

const today = new Date(Date.UTC(2017, 5, 1));
const JAN = 42736;
const FEB = 42767;
const MAR = 42795;

const APRIL = `Month,Gold (oz)
Jan 2017,"5,208"
Feb 2017,"6,733"
Mar 2017,"5,184"
`;
const plan = (text: string) => analyseImport(text, { today }).plan;

/** The table PROD wrote from the March release: month, gold. */
const MARCH: ExistingTable = {
  header: ["Month", "Gold (oz)"],
  rows: [
    [JAN, 5208],
    [FEB, 6736],
  ],
  kinds: ["month", "number"],
};

describe("planUpdate", () => {
  it("adds March, flags February's 6,736 → 6,733 as restated, counts January unchanged", () => {
    const d = planUpdate(plan(APRIL), MARCH);
    expect(d.blocked).toBe(false);
    expect(d.append.rows).toEqual([[MAR, 5184]]);
    expect(d.changes.map(describeChange)).toEqual(["Feb 2017, Gold (oz): 6,736 → 6,733 (restated)"]);
    expect(d.changes[0]).toMatchObject({ row: 1, col: 1, old: 6736, new: 6733, restated: true });
    expect(d.unchanged).toBe(1);
    expect(d.notInFile).toEqual([]);
    expect(summariseUpdate(d, "ProductionData")).toBe(
      "Updating ProductionData: 1 month added; 1 cell changed (1 restated); 1 cell unchanged; 0 months in the table but not in the file (kept).",
    );
  });

  it("matches by kind, not position: a table sorted newest first, with a column the user added and a renamed month header", () => {
    const table: ExistingTable = {
      header: ["Note", "Gold (oz)", "Period"],
      rows: [
        ["checked", 6736, FEB],
        ["", 5208, JAN],
      ],
      kinds: ["text", "number", "month"],
    };
    const d = planUpdate(plan(APRIL), table);
    expect(d.blocked).toBe(false);
    expect(d.changes).toMatchObject([{ row: 0, col: 1, old: 6736, new: 6733 }]);
    // The new month goes in the table's column order; the user's column is left alone (null).
    expect(d.append.rows).toEqual([[null, 5184, MAR]]);
  });

  it("never overwrites a figure with n/a or -, and keeps months the file lacks", () => {
    const d = planUpdate(
      plan(`Month,Gold (oz)
Feb 2017,n/a
Mar 2017,-
`),
      MARCH,
    );
    expect(d.changes).toEqual([]);
    expect(d.keptNoFigure).toBe(1);
    expect(d.notInFile).toEqual(["Jan 2017"]);
  });

  it("per mine: a mine's month is matched by mine and month; a new mine is a difference to confirm", () => {
    const table: ExistingTable = {
      header: ["Mine", "Month", "Gold (oz)"],
      rows: [
        ["Veta Dorada", FEB, 6736],
        ["Other", FEB, 100],
      ],
      kinds: ["mine", "month", "number"],
    };
    const file = plan(`Mine,Month,Gold (oz)
Veta Dorada,Feb 2017,"6,733"
Huanca,Feb 2017,50
`);
    const d = planUpdate(file, table);
    expect(d.changes.map(describeChange)).toEqual(["Feb 2017, Veta Dorada, Gold (oz): 6,736 → 6,733 (restated)"]);
    expect(d.differences).toEqual([
      "The file has mines the table does not: Huanca (their rows would be added).",
      "The table has mines the file does not: Other (their rows are kept).",
    ]);
    expect(d.blocked).toBe(true);
    expect(planUpdate(file, table, { confirmed: true }).blocked).toBe(false);
  });

  it("a metric name the table lacks blocks until it is mapped (a unit that differs is said) or left out", () => {
    const file = plan(`Month,Gold production (koz)
Feb 2017,6.733
`);
    const d = planUpdate(file, MARCH);
    expect(d.unmapped).toEqual(["Gold production (koz)"]);
    expect(d.blocked).toBe(true);
    const mapped = planUpdate(file, MARCH, { metricMap: { "Gold production (koz)": "Gold (oz)" } });
    expect(mapped.differences).toEqual([
      '"Gold production (koz)" is in koz but table column "Gold (oz)" is in oz: the figures are written as the file gives them, not converted.',
    ]);
    expect(mapped.blocked).toBe(true);
    expect(
      planUpdate(file, MARCH, { metricMap: { "Gold production (koz)": "Gold (oz)" }, confirmed: true }).blocked,
    ).toBe(false);
    const left = planUpdate(file, MARCH, { metricMap: { "Gold production (koz)": null } });
    expect(left.unmapped).toEqual([]);
    expect(left.changes).toEqual([]);
  });

  it("a table without stored kinds: asks for them (guessing month and metric to prefill), then updates", () => {
    const table: ExistingTable = { header: ["Month", "Gold (oz)"], rows: MARCH.rows };
    const d = planUpdate(plan(APRIL), table);
    expect(d.needsKinds).toBe(true);
    expect(d.kinds).toEqual(["month", "number"]);
    expect(d.blocked).toBe(true);
    const confirmed = planUpdate(plan(APRIL), table, { kinds: ["month", "number"] });
    expect(confirmed.blocked).toBe(false);
    expect(confirmed.changes).toHaveLength(1);
  });

  it('a text figure Excel kept ("6,736") compares as its number', () => {
    const table: ExistingTable = { ...MARCH, rows: [[FEB, "6,733"]] };
    const d = planUpdate(plan(APRIL), table);
    expect(d.changes).toEqual([]);
    expect(d.unchanged).toBe(1);
  });
});
