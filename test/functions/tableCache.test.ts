/**
 * The series a table builds is kept between calls (per-row formulas each receive the whole table).
 * A kept build must never change an answer: every call answers as a call that builds afresh, whatever
 * changed between calls — in the caller's own arrays too.
 */
import "./setup-custom-functions";
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { guidanceProgress, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { tables } from "../../src/functions/series";
import { tableCache } from "../../src/functions/tableCache";
import { toGrid, toVector } from "../../src/functions/args";
import { CalcError } from "../../src/calc/errors";
import { StubCustomFunctionsError } from "./setup-custom-functions";
import { col, expectError, OMITTED, serial } from "./helpers";

const N = OMITTED;

/** A result as a user sees it: values, and errors as code plus message. */
const shown = (rows: unknown[][]): unknown[][] =>
  rows.map((r) => r.map((c) => (c instanceof StubCustomFunctionsError ? `${c.code} ${c.message ?? ""}` : c)));

afterEach(() => {
  tables.keep(4);
  tables.clear();
});

// ---- the property: a kept build answers as a fresh one ------------------------------------------

const ROWS = 30;
/** A cell of the table as a user may change it: figures, blanks in every encoding, text, the mine names. */
const newCell = fc.oneof(
  fc.integer({ min: 0, max: 9_000 }),
  fc.constantFrom<unknown>(null, "", 0, -0, "n/a", "1,234", "lots", "A", "a", "B", " B ", "Month"),
  fc.integer({ min: 0, max: 40 }).map((k) => serial(2016 + Math.floor(k / 12), (k % 12) + 1, 15)),
  fc.integer({ min: 0, max: 40 }).map((k) => `${["Jan", "Feb", "Mar", "Apr"][k % 4]} ${2016 + Math.floor(k / 12)}`),
);

type Step =
  | { kind: "call"; fn: number; row: number }
  | { kind: "set"; column: 0 | 1 | 2; row: number; value: unknown }
  | { kind: "same text, new string"; column: 0 | 1 | 2; row: number }
  | { kind: "swap rows"; a: number; b: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("call" as const), fn: fc.nat(5), row: fc.nat(ROWS - 1) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      column: fc.constantFrom(0 as const, 1 as const, 2 as const),
      row: fc.nat(ROWS - 1),
      value: newCell,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("same text, new string" as const),
      column: fc.constantFrom(0 as const, 1 as const, 2 as const),
      row: fc.nat(ROWS - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("swap rows" as const), a: fc.nat(ROWS - 1), b: fc.nat(ROWS - 1) }),
  },
);

/** Two mines, Jan 2016 on, a figure each month; the last rows not reported yet. */
function startingTable(): unknown[][][] {
  const dates: unknown[][] = [];
  const values: unknown[][] = [];
  const mines: unknown[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const k = Math.floor(r / 2);
    dates.push([serial(2016 + Math.floor(k / 12), (k % 12) + 1, 15)]);
    mines.push([r % 2 === 0 ? "A" : "B"]);
    values.push([r >= ROWS - 4 ? null : 1_000 + ((r * 37) % 400)]);
  }
  return [dates, values, mines];
}

/** The calls a sheet makes on the table: per-row forms with and without mines, spills, progress. */
function call(fn: number, row: number, [dates, values, mines]: unknown[][][]): unknown[][] {
  const period = [dates[row]];
  const mine = [mines[row]];
  switch (fn) {
    case 0:
      return yoyGrowth(dates, values, period, N, N, mines, mine);
    case 1:
      return yoyGrowth(dates, values, period, "ytd"); // no mines: one series
    case 2:
      return recordMonth(dates, values, period, "all", "previous", mines, mine);
    case 3:
      return recordMonth(dates, values, N, N, N, mines, N);
    case 4:
      return guidanceProgress([["10-12,000"]], dates, values, period, N, [["prior_year"]], N, N, mines, mine);
    default:
      return yoyGrowth(dates, values, dates, N, N, mines, N);
  }
}

/** Runs the steps on a fresh table and returns what each call showed. */
function run(steps: readonly Step[]): unknown[][][] {
  const t = startingTable();
  const out: unknown[][][] = [];
  for (const s of steps) {
    if (s.kind === "call") out.push(shown(call(s.fn, s.row, t)));
    // Changed in place: the arrays the earlier calls were handed.
    else if (s.kind === "set") t[s.column][s.row][0] = s.value;
    else if (s.kind === "same text, new string") {
      const v = t[s.column][s.row][0];
      if (typeof v === "string") t[s.column][s.row][0] = [...v].join("");
    } else for (const c of t) [c[s.a], c[s.b]] = [c[s.b], c[s.a]];
  }
  return out;
}

describe("a kept table answers as a table built afresh", () => {
  it("through any sequence of calls and changes to the cells, errors and messages included", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        tables.keep(4);
        tables.clear();
        const kept = run(steps);
        tables.keep(0); // every call builds
        const fresh = run(steps);
        tables.keep(4);
        expect(kept).toEqual(fresh);
      }),
      { numRuns: 300 },
    );
  });

  it("per-row formulas down a table keep one table, built once", () => {
    tables.clear();
    const [dates, values, mines] = startingTable();
    let last: unknown[][] = [];
    for (let r = 0; r < ROWS; r++) {
      // Excel hands every call its own copy of the columns.
      const copy = (c: unknown[][]) => c.map((x) => [...x]);
      last = yoyGrowth(copy(dates), copy(values), [dates[r]], N, N, copy(mines), [mines[r]]);
    }
    expect(tables.size()).toEqual({ tables: 1, rows: ROWS });
    expectError(last[0][0], "#N/A", "no value for"); // the last row is not reported
  });

  it("a per-row formula for one mine keeps its table while only another mine's rows change", () => {
    tables.clear();
    const [dates, values, mines] = startingTable(); // A on even rows, B on odd rows
    const copy = (c: unknown[][]) => c.map((x) => [...x]);
    const ask = (r: number) => shown(yoyGrowth(copy(dates), copy(values), [dates[r]], N, N, copy(mines), [mines[r]]));
    const a = ask(24); // A, Jan 2017: 1,888 / 1,000 - 1
    expect(a).toEqual([[(1_000 + ((24 * 37) % 400)) / 1_000 - 1]]);
    values[25][0] = 5; // B's Jan 2017
    dates[3][0] = "Febtober 2016"; // a typo in one of B's dates
    expect(ask(24)).toEqual(a);
    expect(tables.size().tables).toBe(1); // A's rows are the same: kept
    expect(ask(25)).toEqual([
      ['#VALUE! row 4 of dates: "Febtober 2016" is not a period: "febtober" is not a month name'],
    ]);
    expect(tables.size().tables).toBe(2); // B's rows changed: built again
    mines[24][0] = "B"; // a row moves from A to B: every mine's rows may change
    tables.keep(0);
    const fresh = ask(26);
    tables.keep(4);
    expect(ask(26)).toEqual(fresh);
  });

  it("0 and -0 are one cell to the cache because a series reads -0 as 0", () => {
    const dates = col("Jan 2020", "Feb 2020");
    // The record to beat in February is January's figure: 0, whichever zero the cell held.
    const ask = (v: unknown) => shown(recordMonth(dates, col(v, 4), [["Feb 2020"]], "all", "previous"));
    tables.keep(0);
    const fresh = [ask(0), ask(-0)];
    tables.keep(4);
    expect([ask(0), ask(-0), ask(0)]).toEqual([fresh[0], fresh[1], fresh[0]]);
    expect(Object.is(fresh[1][0][0], 0)).toBe(true);
  });

  it("a table whose rows fail (a mine's month twice) answers with the same error, kept or not, until it is fixed", () => {
    tables.clear();
    const dates = col("Jan 2020", "Jan 2020", "Jan 2021", "Jan 2021", "Jan 2020");
    const mines = col("A", "B", "A", "B", "A");
    const values = col(100, 10, 120, 11, 101);
    const ask = () => shown(yoyGrowth(dates, values, [["Jan 2021"]], N, N, mines, [["A"]]));
    const message = '#VALUE! Jan 2020 appears twice for mine "A" in dates: row 1 and row 5';
    expect(ask()).toEqual([[message]]);
    expect(ask()).toEqual([[message]]); // kept
    mines[4][0] = "B"; // now B has January 2020 twice
    expect(ask()).toEqual([[0.19999999999999996]]); // 120 / 100 - 1, for A
    dates[4][0] = "Feb 2020";
    expect(shown(yoyGrowth(dates, values, [["Jan 2021"]], N, N, mines, [["B"]]))).toEqual([[0.10000000000000009]]);
  });
});

// ---- the cache itself ----------------------------------------------------------------------------

const columns = (dates: unknown[][], values: unknown[][], tag = "t") => {
  const d = toVector(toGrid(dates, "dates"));
  return { dates: d, values: toVector(toGrid(values, "values")), mines: null, length: d.length, tag };
};

describe("tableCache", () => {
  it("builds once for equal cells, again when one cell differs, and never from sizes alone", () => {
    const cache = tableCache<number>();
    let builds = 0;
    const build = () => ++builds;
    expect(cache.get(columns(col(1, 2, 3), col(4, 5, 6)), build)).toBe(1);
    expect(cache.get(columns(col(1, 2, 3), col(4, 5, 6)), build)).toBe(1);
    expect(cache.get(columns(col(1, 2, 3), col(4, 5, 7)), build)).toBe(2); // last cell differs
    expect(cache.get(columns(col(1, 2, 3), col(4, 5, "6")), build)).toBe(3); // a number and its text differ
    expect(cache.get(columns(col(0, 2, 3), col(4, 5, 6)), build)).toBe(4);
    expect(cache.get(columns(col(null, 2, 3), col(4, 5, 6)), build)).toBe(5); // null is not 0
    expect(cache.get(columns(col(undefined, 2, 3), col(4, 5, 6)), build)).toBe(6); // a missing cell builds
    expect(cache.get(columns(col(1, 2, 3), col(4, 5, 6), "other names"), build)).toBe(7);
    expect(cache.get(columns(col(NaN), col(1)), build)).toBe(8);
    expect(cache.get(columns(col(NaN), col(1)), build)).toBe(9); // NaN equals nothing: never reused
    expect(builds).toBe(9);
  });

  it("keeps a CalcError as the build's answer, but never a bug, and never columns holding objects", () => {
    const cache = tableCache<number>();
    let builds = 0;
    const failing = () => {
      builds++;
      throw new CalcError("value", "row 2 of dates: no");
    };
    expect(() => cache.get(columns(col(1, 2), col(3, 4)), failing)).toThrow("row 2 of dates: no");
    expect(() => cache.get(columns(col(1, 2), col(3, 4)), failing)).toThrow("row 2 of dates: no");
    expect(builds).toBe(1);
    const bug = () => {
      builds++;
      throw new TypeError("a bug");
    };
    expect(() => cache.get(columns(col(5, 6), col(7, 8)), bug)).toThrow(TypeError);
    expect(() => cache.get(columns(col(5, 6), col(7, 8)), bug)).toThrow(TypeError);
    expect(builds).toBe(3);
    const date = new Date(2017, 1, 1);
    expect(cache.get(columns(col(date), col(1)), () => ++builds)).toBe(4);
    date.setFullYear(2018); // the same object, changed: never reused
    expect(cache.get(columns(col(date), col(1)), () => ++builds)).toBe(5);
    expect(cache.size().tables).toBe(1); // the CalcError's table alone
  });

  it("keeps at most four tables, the ones used last, and at most a sheet's height of rows", () => {
    const cache = tableCache<number>();
    for (let t = 0; t < 6; t++) cache.get(columns(col(t), col(t)), () => t);
    expect(cache.size()).toEqual({ tables: 4, rows: 4 });
    let again = 0;
    expect(cache.get(columns(col(5), col(5)), () => ++again)).toBe(5); // kept
    expect(cache.get(columns(col(0), col(0)), () => ++again)).toBe(1); // pushed out: built again
    const big = (k: number) => Array.from({ length: 600_000 }, (_, i) => [i + k]);
    cache.get(columns(big(0), big(0)), () => 1);
    cache.get(columns(big(1), big(1)), () => 2);
    expect(cache.size().rows).toBeLessThanOrEqual(1_048_576);
    expect(cache.size().tables).toBe(1);
    expect(cache.keep(0)).toBe(4);
    expect(cache.size()).toEqual({ tables: 0, rows: 0 });
  });
});
