import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cellsToSend, formatRow, planChunks } from "../../src/taskpane/import/chunks";
import { describeSpans, writtenSpans } from "../../src/taskpane/import/format";
import type { PlannedCell } from "../../src/taskpane/import/types";
import { GOLD, MINE, MONTH, RECOVERY, SEED_ROWS, plan, serialOf } from "./writer-plans";

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

/** What the writer sends for rows [start, end): header + values + one format row per data row. */
function requestBytes(p: ReturnType<typeof plan>, start: number, end: number): number {
  const formats = formatRow(p);
  const values = p.rows.slice(start, end).map((r) => cellsToSend(r, p.columns));
  return bytes({
    values: [p.columns.map((c) => c.name), ...values],
    numberFormat: Array(end - start + 1).fill(formats),
  });
}

const cell = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constant(null),
);

describe("planChunks", () => {
  it("splits the seed's four rows into one chunk under the default 4 MB budget", () => {
    const chunks = planChunks(plan([MONTH, GOLD], SEED_ROWS));
    expect(chunks.map((c) => [c.start, c.end])).toEqual([[0, 4]]);
    expect(chunks[0].bytes).toBeGreaterThanOrEqual(requestBytes(plan([MONTH, GOLD], SEED_ROWS), 0, 4));
  });

  it("caps rows per chunk: 12,001 rows at 5,000 -> 5,000 + 5,000 + 2,001", () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => [serialOf(2000, 1) + i, i]);
    expect(planChunks(plan([MONTH, GOLD], rows), { maxRows: 5_000 }).map((c) => c.end - c.start)).toEqual([
      5000, 5000, 2001,
    ]);
  });

  it("property: chunks are consecutive whole rows covering every row once, each request within the budget", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 2_958_465 }), fc.string({ unit: "grapheme", maxLength: 40 }), cell),
          { maxLength: 300 },
        ),
        fc.integer({ min: 2_000, max: 20_000 }),
        fc.integer({ min: 1, max: 400 }),
        (rows, maxBytes, maxRows) => {
          const p = plan([MONTH, MINE, GOLD], rows as PlannedCell[][]);
          const chunks = planChunks(p, { maxBytes, maxRows });
          let next = 0;
          for (const c of chunks) {
            expect(c.start).toBe(next);
            expect(c.end).toBeGreaterThan(c.start);
            expect(c.end - c.start).toBeLessThanOrEqual(maxRows);
            expect(requestBytes(p, c.start, c.end)).toBeLessThanOrEqual(maxBytes);
            next = c.end;
          }
          expect(next).toBe(rows.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("fills chunks: a chunk closes only when the next row would not fit or the row cap is reached", () => {
    const rows = Array.from({ length: 500 }, (_, i) => [serialOf(2000, 1) + i, "x".repeat(i % 50)]);
    const p = plan([MONTH, MINE], rows);
    const chunks = planChunks(p, { maxBytes: 5_000, maxRows: 1_000 });
    for (const c of chunks.slice(0, -1)) expect(requestBytes(p, c.start, c.end + 1)).toBeGreaterThan(5_000 - 200);
  });

  it("refuses a row that no request could carry, naming the row", () => {
    const p = plan(
      [MONTH, MINE],
      [
        [serialOf(2017, 1), "ok"],
        [serialOf(2017, 2), "x".repeat(5_000)],
      ],
    );
    expect(() => planChunks(p, { maxBytes: 2_000 })).toThrow(/^Row 2 of the import needs \d+ bytes/);
  });
});

describe("formatRow and cellsToSend", () => {
  it("gives text columns @ and keeps numeric formats", () => {
    expect(formatRow(plan([MONTH, MINE, GOLD, RECOVERY], [[serialOf(2017, 1), "Chala", 6736, 0.925]]))).toEqual([
      "mmm yyyy",
      "@",
      "#,##0",
      "0.0%",
    ]);
  });

  it("gives @ to any column that holds text, whatever the plan says, so no text can become a formula", () => {
    const p = plan(
      [MONTH, GOLD],
      [
        [serialOf(2017, 1), 6736],
        [serialOf(2017, 2), "=1+1"],
      ],
    );
    expect(formatRow(p)).toEqual(["mmm yyyy", "@"]);
  });

  it("sends a blank as an empty string", () => {
    expect(cellsToSend([42736, null, "Chala", false])).toEqual([42736, "", "Chala", false]);
  });
});

describe("bytes of text", () => {
  /** What planChunks counts for one row holding the text in a text column. */
  const counted = (s: string) => planChunks(plan([MONTH, MINE], [[serialOf(2017, 1), s]]))[0].bytes;
  it("count as UTF-8, as TextEncoder does, for any text, including accents, dashes and emoji", () => {
    // Beside the empty text, a text adds exactly the UTF-8 bytes of its JSON form less the two quotes.
    const utf8 = (s: string) => new TextEncoder().encode(JSON.stringify(s)).length - 2;
    expect(counted("Veta Dorada — Chala ñ 🙂") - counted("")).toBe(utf8("Veta Dorada — Chala ñ 🙂"));
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => counted(s) - counted("") === utf8(s)));
  });
});

describe("writtenSpans and describeSpans", () => {
  const rows = [
    [serialOf(2016, 1), "Chala", 4512],
    [serialOf(2016, 2), "Chala", 5125],
    [serialOf(2017, 2), "Chala", 6736],
    [serialOf(2016, 1), "Veta", 100],
    [serialOf(2016, 2), "Veta", 110],
  ];
  const p = plan([MONTH, MINE, GOLD], rows);

  it("gives first–last month per mine of the rows reached", () => {
    expect(writtenSpans(p, 4)).toEqual([
      { mine: "Chala", first: serialOf(2016, 1), last: serialOf(2017, 2), rows: 3 },
      { mine: "Veta", first: serialOf(2016, 1), last: serialOf(2016, 1), rows: 1 },
    ]);
    expect(describeSpans(writtenSpans(p, 4))).toBe("Chala: Jan 2016 – Feb 2017 (3 rows); Veta: Jan 2016 (1 row)");
  });

  it("without a mine column describes the whole table; with nothing written says so", () => {
    expect(describeSpans(writtenSpans(plan([MONTH, GOLD], SEED_ROWS), 3))).toBe("Jan 2016 – Jan 2017 (3 rows)");
    expect(describeSpans(writtenSpans(p, 0))).toBe("no months");
  });
});
