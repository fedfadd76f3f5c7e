import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { guidanceRange, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { StubCustomFunctionsError } from "./setup-custom-functions";
import { OMITTED, col, row, serial } from "./helpers";

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
        const general = yoyGrowth(
          pairs.map((p) => [p[0], p[0]]),
          pairs.map((p) => [p[1], p[1]]),
        );
        expect(fast.length).toBe(general.length);
        fast.forEach((r, i) => expect(outcome(r[0])).toEqual(outcome(general[i][0])));
      }),
      { numRuns: 500 },
    );
  });

  it("YOY_GROWTH over two columns gives, cell by cell, what it gives for the two cells alone", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(figureCell, figureCell), { minLength: 1, maxLength: 30 }), (pairs) => {
        const out = yoyGrowth(col(...pairs.map((p) => p[0])), col(...pairs.map((p) => p[1])));
        // "abc" is the only non-numeric text generated, so a header row is "abc" on both sides.
        // Trailing all-blank rows are dropped from the spill, never others.
        expect(out.length).toBeLessThanOrEqual(pairs.length);
        pairs.forEach(([c, p], i) => {
          if (i >= out.length) {
            expect([c, p].every((x) => x === null || x === "")).toBe(true);
            return;
          }
          if (i === 0 && out.length > 1 && c === "abc" && p === "abc") {
            expect(out[0][0]).toBe(""); // a header row (text that is not a number on both sides)
            return;
          }
          expect(outcome(out[i][0])).toEqual(outcome(yoyGrowth([[c]], [[p]])[0][0]));
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
          expect(out).toHaveLength(list.length);
          list.forEach((t, i) =>
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
        expect(out.map((r) => r[0])).toEqual(months.map((_, i) => bruteRecord(months, i, scope)));
      }),
      { numRuns: 300 },
    );
  });
});
