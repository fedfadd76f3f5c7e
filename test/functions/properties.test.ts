import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { guidanceRange, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { StubCustomFunctionsError } from "./setup-custom-functions";
import { OMITTED, col, row, serial } from "./helpers";
import { isEmptyOrZero, reportsFigure } from "../../src/calc/reported";

/** A cell's outcome without the location in its message: the number, or the error code. */
const outcome = (cell: unknown): unknown => (cell instanceof StubCustomFunctionsError ? cell.code : cell);

const figureCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 200_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200_000 }).map((n) => n.toLocaleString("en-US")) },
  { weight: 1, arbitrary: fc.constantFrom(null, "", -5, "abc", 0) },
);

describe("properties of the spills", () => {
  it("YOY_GROWTH(current, prior): a column of plain figures gives what the cell-by-cell path gives", () => {
    // A one-column call reads plain numbers on a fast path; a two-column call reads every cell on
    // the general path that names the cell. Values must agree to the bit, errors by code.
    const edgy = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 200_000 }) },
      { weight: 2, arbitrary: fc.double({ noNaN: false }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(0, -0, 1e308, 5e-324, -1, Infinity, -Infinity, NaN, 2 ** 53, null, "12", true),
      },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(edgy, edgy), { minLength: 2, maxLength: 30 }), (pairs) => {
        const fast = yoyGrowth(col(...pairs.map((p) => p[0])), col(...pairs.map((p) => p[1])));
        // Each row of a block is read across: a second column of 1s keeps every first cell reported.
        const general = yoyGrowth(
          pairs.map((p) => [p[0], 1]),
          pairs.map((p) => [p[1], 1]),
        );
        const last = pairs.reduce((at: number, p, k) => (reportsFigure(p[0]) ? k : at), -1);
        pairs.forEach(([c, p], i) => {
          if (i >= fast.length) expect(isEmptyOrZero(c) && isEmptyOrZero(p)).toBe(true);
          else if (i > last) expect(outcome(fast[i][0])).toBe("#N/A");
          else expect(outcome(fast[i][0])).toEqual(outcome(general[i][0]));
        });
      }),
      { numRuns: 500 },
    );
  });

  it("YOY_GROWTH over two columns gives, cell by cell, what it gives for the two cells in a range", () => {
    fc.assert(
      // Two rows at least: one row of one cell is a single value, read by the single-cell rule.
      fc.property(fc.array(fc.tuple(figureCell, figureCell), { minLength: 2, maxLength: 30 }), (pairs) => {
        const out = yoyGrowth(col(...pairs.map((p) => p[0])), col(...pairs.map((p) => p[1])));
        // "abc" is the only non-numeric text generated, so a header row is "abc" on both sides.
        // Trailing rows with nothing but empty cells and zeros are dropped from the spill, never others.
        const header = out.length > 1 && pairs[0][0] === "abc" && pairs[0][1] === "abc";
        const last = pairs.reduce((at: number, p, i) => (!(header && i === 0) && reportsFigure(p[0]) ? i : at), -1);
        expect(out.length).toBeLessThanOrEqual(pairs.length);
        pairs.forEach(([c, p], i) => {
          if (i >= out.length) {
            expect([c, p].every(isEmptyOrZero)).toBe(true);
            return;
          }
          if (i === 0 && c === "abc" && p === "abc") {
            // A header row (text that is not a number on both sides), unless nothing follows it.
            expect(outcome(out[0][0])).toBe(header ? "" : "#VALUE!");
            return;
          }
          if (i > last) {
            expect(outcome(out[i][0])).toBe("#N/A"); // after current's last figure: not reported
            return;
          }
          // Before it, an empty cell is 0: the same cells between two rows of figures give the same answer.
          const zero = (x: unknown) => (x === null || x === "" ? 0 : x);
          expect(outcome(out[i][0])).toEqual(outcome(yoyGrowth(col(1, zero(c), 1), col(1, zero(p), 1))[1][0]));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("a row and a column of the same figures give the same values (no header row)", () => {
    const noHeader = (pairs: [unknown, unknown][]) => !(pairs[0][0] === "abc" && pairs[0][1] === "abc");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(figureCell, figureCell), { minLength: 1, maxLength: 20 }).filter(noHeader),
        (pairs) => {
          const asCol = yoyGrowth(col(...pairs.map((p) => p[0])), col(...pairs.map((p) => p[1]))).map((r) =>
            outcome(r[0]),
          );
          const asRow = yoyGrowth(row(...pairs.map((p) => p[0])), row(...pairs.map((p) => p[1])))[0].map(outcome);
          expect(asRow).toEqual(asCol);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("GUIDANCE_RANGE over a column gives, row by row, what it gives for each text alone", () => {
    const texts = fc.oneof(
      fc.constantFrom("88-92,000", "1.2-1.4 Moz", "approximately 22,500 ounces", "20-26%", "8,700-12,300", "junk"),
      fc
        .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99_999 }))
        .map(([a, b]) => `${a} to ${b} oz`),
      fc.integer({ min: 0, max: 1e6 }),
    );
    fc.assert(
      fc.property(
        fc.array(texts, { minLength: 3, maxLength: 15 }),
        fc.option(fc.integer({ min: 1, max: 1e6 })),
        (list, base) => {
          const out = guidanceRange(col(...list), base ?? OMITTED);
          // Trailing zeros are dropped, as trailing empty cells are (Excel desktop sends those as 0).
          const kept = Math.max(
            1,
            list.reduce((at: number, t, k) => (t !== 0 ? k + 1 : at), 0),
          );
          expect(out).toHaveLength(kept);
          list
            .slice(0, kept)
            .forEach((t, i) =>
              expect(out[i].map(outcome)).toEqual(guidanceRange([[t]], base ?? OMITTED)[0].map(outcome)),
            );
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The definition, brute force: strictly above every earlier value in scope, none earlier -> false. */
function bruteRecord(
  months: { y: number; m: number; v: number }[],
  i: number,
  scope: "month" | "all" | "ytd",
): boolean {
  const me = months[i];
  const key = (x: { y: number; m: number }) => x.y * 12 + x.m;
  const earlier = months.filter(
    (x) =>
      key(x) < key(me) && (scope === "all" || (scope === "month" && x.m === me.m) || (scope === "ytd" && x.y === me.y)),
  );
  return earlier.length > 0 && earlier.every((x) => me.v > x.v);
}

/** The flag per row: "" for the months after the latest non-zero figure (not reported), as the empty-cell rule says. */
function expectedFlags(months: { y: number; m: number; v: number }[], scope: "month" | "all" | "ytd"): unknown[] {
  const key = (x: { y: number; m: number }) => x.y * 12 + x.m;
  const latest = Math.max(-Infinity, ...months.filter((x) => x.v !== 0).map(key));
  const reported = months.filter((x) => key(x) <= latest);
  return months.map((x) => (key(x) > latest ? "" : bruteRecord(reported, reported.indexOf(x), scope)));
}

describe("RECORD_MONTH flags against the definition", () => {
  const data = fc
    .uniqueArray(fc.tuple(fc.integer({ min: 2010, max: 2014 }), fc.integer({ min: 1, max: 12 })), {
      minLength: 1,
      maxLength: 40,
      selector: ([y, m]) => y * 12 + m,
    })
    .chain((keys) =>
      fc.tuple(
        fc.constant(keys),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: keys.length, maxLength: keys.length }), // small: many ties
      ),
    )
    .map(([keys, vs]) => keys.map(([y, m], i) => ({ y, m, v: vs[i] })));

  it.each(["month", "all", "ytd"] as const)("scope %s, rows in any order", (scope) => {
    fc.assert(
      fc.property(data, (months) => {
        const out = recordMonth(
          col(...months.map((x) => serial(x.y, x.m, 5))),
          col(...months.map((x) => x.v)),
          OMITTED,
          scope,
        );
        expect(out.map((r) => r[0])).toEqual(expectedFlags(months, scope));
      }),
      { numRuns: 300 },
    );
  });
});
