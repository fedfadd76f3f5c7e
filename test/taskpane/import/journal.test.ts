/** The undo journal's record and the import log's rows (pure). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  editedCells,
  entryToParts,
  indexWith,
  partRequests,
  partsToEntry,
  readIndex,
  refusedUndo,
  type JournalEntry,
} from "../../../src/taskpane/import/journal";

/** Entries the journal keeps (journal.ts). */
const MAX_ENTRIES = 20;
import { logRows, sourceOf } from "../../../src/taskpane/import/importLog";

const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  version: 1,
  id: "e1",
  when: "2017-04-20T12:00:00.000Z",
  what: "update of table ProductionData from april.csv",
  cells: [
    {
      sheet: "Production",
      row: 2,
      col: 1,
      rows: 1,
      cols: 1,
      before: { formulas: [[6736]], formats: [["#,##0"]] },
      after: { values: [[6733]], formats: [["#,##0"]] },
    },
  ],
  added: [],
  ...over,
});

describe("journal parts", () => {
  it("round-trips any entry through parts of at most the cell size, never splitting a surrogate pair", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 2, max: 50 }), (what, size) => {
        const e = entry({ what });
        const parts = entryToParts(e, size);
        expect(parts.every((p) => p.length <= size)).toBe(true);
        expect(parts.every((p) => !/^[\udc00-\udfff]/.test(p))).toBe(true);
        expect(partsToEntry(parts)).toEqual(e);
      }),
    );
  });

  it("groups parts into requests under the byte budget (multi-byte text counted as UTF-8)", () => {
    const parts = ["é".repeat(100), "a".repeat(150), "a".repeat(150)];
    // "é" is 2 bytes: 202 with the quotes; each other part 152; 202 + 152 > 350, 152 + 152 is not.
    expect(partRequests(parts, 350)).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  it("a damaged record is refused, not guessed at", () => {
    expect(partsToEntry(['{"version":1,"id":"x"'])).toBeNull();
    expect(partsToEntry(['{"version":2,"id":"x","cells":[],"added":[]}'])).toBeNull();
    expect(readIndex("not json")).toEqual({ version: 1, entries: [] });
  });

  it(`keeps the last ${MAX_ENTRIES} entries, the next one after the others' rows`, () => {
    let index = readIndex("");
    const dropped: string[] = [];
    for (let i = 0; i < MAX_ENTRIES + 2; i++) {
      const r = indexWith(index, entry({ id: `e${i}` }), 3);
      dropped.push(...r.dropped.map((d) => d.id));
      index = r.index;
    }
    expect(index.entries).toHaveLength(MAX_ENTRIES);
    expect(dropped).toEqual(["e0", "e1"]);
    expect(index.entries.at(-1)!.row).toBe(1 + 3 * (MAX_ENTRIES + 1));
  });
});

describe("edited since", () => {
  it("names a cell whose value or number format is no longer what the change left", () => {
    const e = entry();
    expect(editedCells(e.cells[0], { values: [[6733]], formats: [["#,##0"]] })).toEqual([]);
    expect(editedCells(e.cells[0], { values: [[6800]], formats: [["#,##0"]] })).toEqual(["Production!B3"]);
    expect(editedCells(e.cells[0], { values: [[6733]], formats: [["0.0"]] })).toEqual(["Production!B3"]);
    expect(refusedUndo(e, ["Production!B3"])).toBe(
      'Undo refused: cell Production!B3 changed since "update of table ProductionData from april.csv" wrote it. ' +
        "Undoing would lose those edits; nothing was changed. Put the cell back as the change left it, or edit the table by hand.",
    );
  });

  it("quotes a sheet name with spaces and counts cells past the tenth", () => {
    const block = {
      ...entry().cells[0],
      sheet: "My data",
      row: 0,
      col: 0,
      rows: 12,
      cols: 1,
      after: { values: Array.from({ length: 12 }, () => [1]), formats: Array.from({ length: 12 }, () => ["General"]) },
    };
    const edited = editedCells(block, {
      values: Array.from({ length: 12 }, () => [2]),
      formats: Array.from({ length: 12 }, () => ["General"]),
    });
    expect(edited[0]).toBe("'My data'!A1");
    expect(refusedUndo(entry(), edited)).toContain("'My data'!A10 and 2 more changed since");
  });
});

describe("the import log", () => {
  it("one row for the change and one per restated value with both figures, all text", () => {
    const rows = logRows({
      when: new Date(Date.UTC(2017, 3, 20, 9, 5, 7)),
      action: "Update",
      table: "ProductionData",
      source: "april.csv",
      layout: "long",
      rowsAdded: 1,
      cellsUpdated: 1,
      detail: "Added Mar 2017 (1 row)",
      changes: [{ row: 1, col: 1, month: "Feb 2017", metric: "Gold (oz)", old: 6736, new: 6733, restated: true }],
    });
    expect(rows).toEqual([
      ["2017-04-20 09:05:07", "Update", "ProductionData", "april.csv", "long", "1", "1", "Added Mar 2017 (1 row)"],
      [
        "2017-04-20 09:05:07",
        "Restated",
        "ProductionData",
        "april.csv",
        "",
        "",
        "",
        "Feb 2017, Gold (oz): 6,736 → 6,733 (restated)",
      ],
    ]);
  });

  it('a paste is logged as "pasted" and its first line, cut at 80 characters', () => {
    expect(sourceOf("Pasted text", "\n  Month\tGold (oz)\nJan 2017\t5,208")).toBe('pasted: "Month Gold (oz)"');
    expect(sourceOf("Pasted text", "x".repeat(100))).toBe(`pasted: "${"x".repeat(80)}…"`);
    expect(sourceOf("april.csv", "Month")).toBe("april.csv");
  });
});
