/**
 * Per-row formulas against one spill, over an n-row table of several mines (the import's long layout:
 * a Month, a Mine and a figure column, sorted by mine then month). Excel fills a formula down a table
 * by itself, so `=PROD.YOY_GROWTH([Month], [Gold], [@Month], , , [Mine], [@Mine])` is n calls, each
 * handed the whole table; one spilled formula beside the table is one call.
 *
 * - Each call gets a copy of the columns other than the last call's, as Excel hands each call fresh
 *   arrays (made by JSON.parse, as a runtime receives them; made before timing, and alternated).
 * - A recalculation after an edit: the kept tables are dropped first, so the first call builds and
 *   the others find the table kept; the spill builds too (one call, nothing kept to find).
 * - The reference read is not our code: a loop that reads each argument cell once, what any per-row
 *   call must at least do to receive its columns.
 */
import { installCustomFunctionsStub } from "../test/functions/setup-custom-functions";
import { add } from "./table";
import { compare } from "./timing";
import { monthIndex, productionValues, serialOf, type Cells } from "./data";
import { makeRng } from "./prng";
import { yoyGrowth, recordMonth } from "../src/functions/functions";
import { tables } from "../src/functions/series";

installCustomFunctionsStub();

const MINES = 4;
/**
 * Copies of the columns handed out in turn: each call gets arrays other than the last call's, and both
 * stay in the CPU's cache as arrays just parsed for the call would (more copies would time cache
 * misses that a call on freshly parsed arguments does not have).
 */
const COPIES = 2;
export const PER_ROW_SIZES = [1_200, 2_400, 12_000];

interface Sheet {
  n: number;
  dates: Cells;
  values: Cells;
  mines: Cells;
  /** Fresh copies of the three columns, one set per call in rotation. */
  copies: Cells[][];
}

function sheet(n: number): Sheet {
  const rng = makeRng(n + MINES);
  const months = n / MINES;
  // From January 1907, as the other dated inputs (serials 1900-2200 would read as years).
  const first = monthIndex(1907, 1);
  const dates: Cells = [];
  const values: Cells = [];
  const mines: Cells = [];
  for (let k = 0; k < MINES; k++) {
    const figures = productionValues(rng, months);
    for (let i = 0; i < months; i++) {
      dates.push([serialOf(first + i, 1)]);
      values.push([figures[i]]);
      mines.push([`Mine ${String(k + 1).padStart(3, "0")}`]);
    }
  }
  const json = JSON.stringify([dates, values, mines]);
  const copies = Array.from({ length: COPIES }, () => JSON.parse(json) as Cells[]);
  return { n, dates, values, mines, copies };
}

/** Every row's per-row formula, one recalculation: n calls, each handed its own copy of the table. */
function perRowRecalc(s: Sheet, fn: (d: Cells, v: Cells, m: Cells, r: number) => unknown): () => unknown {
  return () => {
    tables.clear();
    let last: unknown = null;
    for (let r = 0; r < s.n; r++) {
      const [d, v, m] = s.copies[r % COPIES];
      last = fn(d, v, m, r);
    }
    return last;
  };
}

const yoyPerRow = (d: Cells, v: Cells, m: Cells, r: number) => yoyGrowth(d, v, [d[r]], null, null, m, [m[r]]);
const recordPerRow = (d: Cells, v: Cells, m: Cells, r: number) => recordMonth(d, v, [d[r]], "all", null, m, [m[r]]);

/** Reads each cell of the argument columns once, and the row's own two cells: the least a per-row call does. */
function referenceRead(d: Cells, v: Cells, m: Cells, r: number): number {
  let filled = 0;
  for (let i = 0; i < d.length; i++) {
    if (d[i][0] !== null) filled++;
    if (v[i][0] !== null) filled++;
    if (m[i][0] !== null) filled++;
  }
  return filled + (d[r][0] !== null ? 1 : 0) + (m[r][0] !== null ? 1 : 0);
}

function errorCount(out: unknown): number {
  return (out as unknown[][]).flat().filter((c) => typeof c === "object" && c !== null && "code" in c).length;
}

export function perRowSection(): void {
  const before = tables.keep(4);
  try {
    const totals = new Map<number, { rows: number; spill: number }>();
    for (const n of PER_ROW_SIZES) {
      const s = sheet(n);
      const spill = () => {
        tables.clear();
        return yoyGrowth(s.dates, s.values, s.dates, null, null, s.mines, undefined);
      };
      const { baseNs: one, fnNs: all } = compare(spill, perRowRecalc(s, yoyPerRow), { reps: 3 });
      totals.set(n, { rows: all, spill: one });
      add({
        row: "15 YOY_GROWTH n per-row formulas vs one spill",
        form: `${MINES} mines, serial dates`,
        n,
        nsPerRow: all / n,
        ratio: all / one,
        vs: `spill: ${(one / 1e6).toFixed(2)} ms`,
        target: n === 2_400 ? "<= 50x" : "report",
        met: n === 2_400 ? all / one <= 50 : null,
        note: `recalc ${(all / 1e6).toFixed(1)} ms; ns/row = one call; spill errors ${errorCount(spill())}`,
      });
      // The floor: n calls that only receive the table (each reads its cells once), against the same spill.
      const { baseNs: one2, fnNs: reads } = compare(spill, perRowRecalc(s, referenceRead), { reps: 3 });
      add({
        row: "15 reference: n reads of the table vs one spill",
        form: `${MINES} mines, serial dates`,
        n,
        nsPerRow: reads / n,
        ratio: reads / one2,
        vs: `spill: ${(one2 / 1e6).toFixed(2)} ms`,
        target: "report",
        met: null,
        note: "what n per-row calls cost that do nothing but read their columns",
      });
      // A row with two years of its mine before it: the growth is a number, not an #N/A.
      const mid = 2 * (n / MINES) + 30;
      const [d, v, m] = s.copies[0];
      yoyPerRow(d, v, m, mid); // the table is kept, as for every call after the first
      let k = 0;
      const { baseNs: read, fnNs: call } = compare(
        () => {
          const [cd, cv, cm] = s.copies[k++ % COPIES];
          return referenceRead(cd, cv, cm, mid);
        },
        () => {
          const [cd, cv, cm] = s.copies[k++ % COPIES];
          return yoyPerRow(cd, cv, cm, mid);
        },
      );
      add({
        row: "15 YOY_GROWTH per-row call vs reference read",
        form: `${MINES} mines, table kept`,
        n,
        nsPerRow: call / n,
        ratio: call / read,
        vs: `read: ${(read / 1e3).toFixed(1)} us`,
        target: n === 12_000 ? "<= 2x" : "report",
        met: n === 12_000 ? call / read <= 2 : null,
        note: `one call ${(call / 1e3).toFixed(1)} us; errors ${errorCount(yoyPerRow(d, v, m, mid))}`,
      });
      if (n === 2_400) {
        const recSpill = () => {
          tables.clear();
          return recordMonth(s.dates, s.values, undefined, "all", null, s.mines, undefined);
        };
        const { baseNs: r1, fnNs: rn } = compare(recSpill, perRowRecalc(s, recordPerRow), { reps: 3 });
        add({
          row: "15 RECORD_MONTH n per-row formulas vs one spill",
          form: `${MINES} mines, serial dates`,
          n,
          nsPerRow: rn / n,
          ratio: rn / r1,
          vs: `spill: ${(r1 / 1e6).toFixed(2)} ms`,
          target: "report",
          met: null,
          note: `recalc ${(rn / 1e6).toFixed(1)} ms`,
        });
        // Without the kept table: every call builds (what the per-row form cost before).
        tables.keep(0);
        const { fnNs: unkept } = compare(spill, perRowRecalc(s, yoyPerRow), { reps: 3 });
        tables.keep(4);
        add({
          row: "15 same, nothing kept (every call builds)",
          form: `${MINES} mines, serial dates`,
          n,
          nsPerRow: unkept / n,
          ratio: unkept / one,
          vs: "the spill above",
          target: "report",
          met: null,
          note: `recalc ${(unkept / 1e6).toFixed(1)} ms`,
        });
      }
    }
    // How each grows with n: per-row formulas are n calls reading n rows each (n²); a spill is one pass.
    const small = totals.get(1_200);
    const big = totals.get(12_000);
    if (small && big) {
      add({
        row: "15 growth 1,200 -> 12,000 rows: per-row recalc",
        form: `${MINES} mines`,
        n: "12k/1.2k",
        ratio: big.rows / small.rows,
        vs: "time 10x rows",
        target: "report",
        met: null,
        note: "n calls x n cells each: 100x expected",
      });
      add({
        row: "15 growth 1,200 -> 12,000 rows: one spill",
        form: `${MINES} mines`,
        n: "12k/1.2k",
        ratio: big.spill / small.spill,
        vs: "time 10x rows",
        target: "report",
        met: null,
        note: "one pass: 10x expected",
      });
    }
  } finally {
    tables.keep(before);
  }
}
