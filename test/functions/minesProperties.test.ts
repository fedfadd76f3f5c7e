/**
 * With mines, each function answers as the same function does on a per-mine FILTER of the table —
 * FILTER(dates, mines = mine) and the same for values — matching names as the functions do (case and
 * runs of spaces ignored). Generated tables: one to three mines, rows in any order, a header or not,
 * blank rows, empty and placeholder figures, sometimes the same month twice for one mine.
 * Answers are compared by value, or by error code (the messages name rows of different tables).
 */
import "./setup-custom-functions";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { guidanceProgress, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { mineKey } from "../../src/calc/mines";
import { StubCustomFunctionsError } from "./setup-custom-functions";
import { OMITTED, serial } from "./helpers";

const N = OMITTED;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A cell's outcome as a user compares it: the value, or the error code. */
const outcome = (cell: unknown): unknown => (cell instanceof StubCustomFunctionsError ? cell.code : cell);
const outcomes = (rows: unknown[][]): unknown[][] => rows.map((r) => r.map(outcome));

interface Table {
  dates: unknown[][];
  values: unknown[][];
  mines: unknown[][];
  /** Row indexes holding data (not the header, not blank rows). */
  data: number[];
}

const NAMES = [
  ["Codelco", "codelco", " CODELCO "],
  ["Escondida", "escondida", "Escondida  "],
  ["Los  Bronces", "los bronces", "LOS BRONCES"],
];

const figure = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 9_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 9_000 }).map((n) => n.toLocaleString("en-US")) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(0, null, "", "n/a") },
);

/** One mine's rows: a run of months (a few left out), a figure for each. */
const mineRun = fc.record({
  start: fc.integer({ min: 0, max: 12 }),
  length: fc.integer({ min: 6, max: 36 }),
  leftOut: fc.array(fc.nat(35), { maxLength: 3 }),
  figures: fc.array(figure, { minLength: 36, maxLength: 36 }),
  spellings: fc.array(fc.nat(2), { minLength: 36, maxLength: 36 }),
  days: fc.array(fc.integer({ min: 1, max: 28 }), { minLength: 36, maxLength: 36 }),
});

const table: fc.Arbitrary<Table> = fc
  .record({
    runs: fc.array(mineRun, { minLength: 1, maxLength: 3 }),
    order: fc.array(fc.nat(10_000), { minLength: 110, maxLength: 110 }),
    // Now and then a mine's rows make no series: the same month twice, a figure that is not a number.
    twice: fc.option(fc.nat(), { freq: 6 }),
    junk: fc.option(fc.nat(), { freq: 6 }),
    header: fc.boolean(),
    textDates: fc.boolean(),
    blankAt: fc.array(fc.nat(110), { maxLength: 3 }),
  })
  .map(({ runs, order, twice, junk, header, textDates, blankAt }) => {
    let rows: { mine: number; month: number; value: unknown; spelling: number; day: number }[] = [];
    runs.forEach((run, mine) => {
      for (let k = 0; k < run.length; k++) {
        if (run.leftOut.includes(k)) continue;
        rows.push({ mine, month: run.start + k, value: run.figures[k], spelling: run.spellings[k], day: run.days[k] });
      }
    });
    if (rows.length === 0) rows.push({ mine: 0, month: 0, value: 1, spelling: 0, day: 1 });
    if (twice !== null) rows.push({ ...rows[twice % rows.length], value: 5 });
    if (junk !== null) rows[junk % rows.length] = { ...rows[junk % rows.length], value: "lots" };
    // Rows of all mines mixed in any order, as a sheet sorted by something else holds them.
    rows = rows
      .map((r, i) => ({ r, key: order[i % order.length] * 1000 + i }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.r);
    const dates: unknown[][] = [];
    const values: unknown[][] = [];
    const mines: unknown[][] = [];
    const data: number[] = [];
    if (header) {
      dates.push(["Month"]);
      values.push(["Copper (t)"]);
      mines.push(["Mine"]);
    }
    rows.forEach((r, i) => {
      if (blankAt.includes(i)) {
        dates.push([null]);
        values.push([null]);
        mines.push([null]);
      }
      const y = 2015 + Math.floor(r.month / 12);
      const m = (r.month % 12) + 1;
      data.push(dates.length);
      dates.push([textDates ? `${MONTHS[m - 1]} ${y}` : serial(y, m, r.day)]);
      values.push([r.value]);
      mines.push([NAMES[r.mine][r.spelling]]);
    });
    return { dates, values, mines, data };
  });

/** FILTER(column, mines = mine): the rows of one mine, in their order. */
function filtered(t: Table, key: string): { dates: unknown[][]; values: unknown[][]; at: number[] } {
  const at = t.data.filter((i) => mineKey(t.mines[i][0]) === key);
  return { dates: at.map((i) => t.dates[i]), values: at.map((i) => t.values[i]), at };
}

const keysOf = (t: Table): string[] => [...new Set(t.data.map((i) => mineKey(t.mines[i][0]) as string))];

const basis = fc.constantFrom<unknown>(N, "month", "quarter", "ytd", "ttm", "year");
const fys = fc.constantFrom<unknown>(N, 4);

describe("with mines, every answer equals the function's answer on a per-mine FILTER of the table", () => {
  it("YOY_GROWTH: the spill beside mines, and the per-row form, answer each row for its own mine", () => {
    let figures = 0;
    fc.assert(
      fc.property(table, basis, fys, (t, b, f) => {
        const spill = outcomes(yoyGrowth(t.dates, t.values, t.dates, b, f, t.mines, N));
        figures += spill.flat().filter((x) => typeof x === "number").length;
        for (const key of keysOf(t)) {
          const one = filtered(t, key);
          for (const i of one.at) {
            const expected = outcome(yoyGrowth(one.dates, one.values, [t.dates[i]], b, f)[0][0]);
            expect(spill[i][0]).toEqual(expected);
            expect(outcome(yoyGrowth(t.dates, t.values, [t.dates[i]], b, f, t.mines, [t.mines[i]])[0][0])).toEqual(
              expected,
            );
          }
        }
      }),
      { numRuns: 250 },
    );
    expect(figures).toBeGreaterThan(300); // growths, not only errors, are compared
  });

  it("YOY_GROWTH: one mine named for a range of periods", () => {
    fc.assert(
      fc.property(table, basis, (t, b) => {
        const periods = t.data.map((i) => t.dates[i]);
        for (const key of keysOf(t)) {
          const one = filtered(t, key);
          const name = t.mines[one.at[0]][0];
          const alone = outcomes(yoyGrowth(one.dates, one.values, periods, b, N));
          // A mine whose rows make no series (a month twice, a figure that is not a number) fails every
          // answer for it; alone, the call fails as a whole.
          const expected = alone.length < periods.length ? periods.map(() => alone[0]) : alone;
          expect(outcomes(yoyGrowth(t.dates, t.values, periods, b, N, t.mines, [[name]]))).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("RECORD_MONTH: the column of answers per row, and the per-row form, are the mine's own", () => {
    const scope = fc.constantFrom<unknown>(N, "month", "all", "ytd");
    const output = fc.constantFrom<unknown>(N, "flag", "previous", "previous_period", "margin");
    let answers = 0;
    fc.assert(
      fc.property(table, scope, output, (t, s, o) => {
        const column = outcomes(recordMonth(t.dates, t.values, N, s, o, t.mines, N));
        answers += column.flat().filter((x) => typeof x === "number" || typeof x === "boolean").length;
        for (const key of keysOf(t)) {
          const one = filtered(t, key);
          const alone = outcomes(recordMonth(one.dates, one.values, N, s, o));
          one.at.forEach((i, j) => {
            // A table that fails as a whole (a mine's month twice) fails in every row of that mine.
            const expected = alone.length === 1 && alone[0][0] === "#VALUE!" ? "#VALUE!" : (alone[j]?.[0] ?? "");
            expect(column[i][0]).toEqual(expected);
            const perRow = outcome(recordMonth(t.dates, t.values, [t.dates[i]], s, o, t.mines, [t.mines[i]])[0][0]);
            expect(perRow).toEqual(outcome(recordMonth(one.dates, one.values, [t.dates[i]], s, o)[0][0]));
          });
          // Naming the mine keeps its rows and blanks the others.
          const named = outcomes(recordMonth(t.dates, t.values, N, s, o, t.mines, [t.mines[one.at[0]]]));
          t.data.forEach((i) => {
            if (!one.at.includes(i)) expect(named[i][0]).toBe("");
            else expect(named[i][0]).toEqual(column[i][0]);
          });
        }
      }),
      { numRuns: 200 },
    );
    expect(answers).toBeGreaterThan(900);
  });

  it("GUIDANCE_PROGRESS: every output for a named mine", () => {
    const guidance = fc.constantFrom("20-26,000", "8,000", "1.2-1.4 million");
    const weights = fc.constantFrom<unknown>(N, "prior_year");
    let figures = 0;
    fc.assert(
      fc.property(table, guidance, weights, fys, fc.nat(), (t, g, w, f, pick) => {
        const asOf = [t.dates[t.data[pick % t.data.length]]];
        for (const key of keysOf(t)) {
          const one = filtered(t, key);
          const name = t.mines[one.at[pick % one.at.length]][0];
          const alone = outcomes(guidanceProgress([[g]], one.dates, one.values, asOf, N, w as undefined, f));
          expect(
            outcomes(guidanceProgress([[g]], t.dates, t.values, asOf, N, w as undefined, f, N, t.mines, [[name]])),
          ).toEqual(alone);
          figures += alone.flat().filter((x) => typeof x === "number").length;
        }
      }),
      { numRuns: 200 },
    );
    // The comparison is of answers, not only of errors: many outputs are figures.
    expect(figures).toBeGreaterThan(190);
  });
});
