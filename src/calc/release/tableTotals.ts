/**
 * Totals a table states: a column whose period the row's other cells tile ("Q1 total" over January-March),
 * and a row that sums the rows above it in its section ("Total", an unlabelled subtotal, "Q1" under its
 * months). Checked exactly against the printed parts.
 */
import type { Cell } from "./layout";
import type { Fig, ReleasePlace } from "./model";
import type { Resolved } from "./periods";
import type { Column, Row, RowInfo, TableClaim } from "./tables";
import { isAdditive } from "./metrics";
import { totalVerdict } from "./verdicts";

/** Periods that tile another exactly (Jan, Feb, Mar in Q1). */
function tiles(parts: Resolved[], whole: Resolved): boolean {
  if (parts.length < 2) return false;
  const sorted = [...parts].sort((a, b) => a.first - b.first);
  if (sorted[0].first !== whole.first || sorted[sorted.length - 1].last !== whole.last) return false;
  for (let k = 1; k < sorted.length; k++) if (sorted[k].first !== sorted[k - 1].last + 1) return false;
  return true;
}

/**
 * The fewest of the periods that tile another (a year as its two halves, though its quarters are printed
 * too): from the whole's first month, the longest part that starts there, and so on; null when none tiles.
 */
function tiling<T>(parts: T[], period: (p: T) => Resolved, whole: Resolved): T[] | null {
  const out: T[] = [];
  let at = whole.first;
  while (at <= whole.last) {
    let best: T | null = null;
    for (const p of parts) {
      const r = period(p);
      if (r.first === at && r.last <= whole.last && (best === null || r.last > period(best).last)) best = p;
    }
    if (best === null || (out.length === 0 && period(best).last === whole.last)) return null;
    out.push(best);
    at = period(best).last + 1;
  }
  return out.length >= 2 ? out : null;
}

/** Total columns ("Q1 total" over January-March) and total rows ("Total", an unlabelled subtotal, "Q1" under its months). */
export function totals(
  rows: Row[],
  columns: Column[],
  grid: (Fig | null)[][],
  rowInfo: RowInfo[],
  placed: (Cell | null)[][],
  claims: TableClaim[],
  placeOfCell: (i: number, k: number, c: Cell) => ReleasePlace,
  wholeParts: number[][] = [],
): void {
  // grades, costs per ounce and prices are averages: a half-year column of them is no sum
  const sameDim = (a: Fig, b: Fig): boolean =>
    a.q.unit.dim === b.q.unit.dim &&
    a.q.kind === "amount" &&
    b.q.kind === "amount" &&
    isAdditive(a.metric, a.q.unit.dim) &&
    isAdditive(b.metric, b.q.unit.dim);
  const add = (i: number, k: number, total: Fig, parts: Fig[], soft = false): void => {
    const c = placed[i][k];
    // a subtotal row's cell under a Consolidated column is one claim, checked the first way found
    if (!c || claims.some((x) => x.kind === "total" && x.cell === c)) return;
    const v = totalVerdict(
      total.q,
      parts.map((p) => p.q),
    );
    claims.push({
      kind: "total",
      cell: c,
      place: placeOfCell(i, k, c),
      stated: c.text,
      metric: total.metric,
      unitText: total.unitText,
      figures: { total, parts },
      // columns read as mines from their headers may not be all the total holds: a sum that differs is no flag
      verdict:
        soft && v.verdict !== "consistent"
          ? {
              verdict: "not checkable",
              missing: `the columns it stands over sum to ${v.verdict.replace(/^.*sum to /, "")}: whether they are all it adds up is not printed`,
            }
          : v,
    });
  };
  rows.forEach((r, i) => {
    if (r.kind !== "data") return;
    const row = grid[i];
    // total columns: a cell whose period the row's other cells tile
    row.forEach((fig, k) => {
      if (!fig || !fig.period || fig.period.first === fig.period.last) return;
      const parts = row.filter(
        (p, j): p is Fig =>
          j !== k &&
          p !== null &&
          p.period !== null &&
          p.period.first >= (fig.period as Resolved).first &&
          p.period.last <= (fig.period as Resolved).last &&
          sameDim(p, fig),
      );
      const chosen = tiling(parts, (p) => p.period as Resolved, fig.period);
      if (chosen) add(i, k, fig, chosen);
    });
    // a "Consolidated" column over the mine columns of its period; a dash is a mine with nothing, no part
    row.forEach((fig, k) => {
      const cols = wholeParts[k] ?? [];
      if (!fig || cols.length < 2) return;
      const nothing = (j: number): boolean => /^[-–—]?$/.test(placed[i][j]?.text.trim() ?? "");
      const parts = cols.map((j) => row[j] ?? null).filter((p): p is Fig => p !== null);
      if (parts.length < 2 || parts.length + cols.filter(nothing).length !== cols.length) return;
      if (parts.every((p) => sameDim(p, fig))) add(i, k, fig, parts, true);
    });
    // total rows
    const info = rowInfo[i];
    if (!info) return;
    const above: number[] = [];
    for (let j = i - 1; j >= 0; j--) {
      // a heading pasted with empty cells after it ("Ore Milled (tonnes) | | |") still ends the run
      if (rows[j].kind === "section" && rows[j].cells.filter((c) => c && c.text.trim() !== "").length <= 1) break;
      if (rows[j].kind !== "data") continue;
      // a row whose cells could not be placed breaks the run of parts
      if (!rowInfo[j] || rowInfo[j].total) break;
      above.push(j);
    }
    if (above.length < 2) return;
    // "Total coal sales" under production rows: a row naming another measure or material is no part of it
    const own = info.own;
    const otherSeries = (j: number): boolean => {
      const o = rowInfo[j].own;
      return (
        (own.measure !== null && o.measure !== null && o.measure !== own.measure) ||
        (own.material !== null && o.material !== null && o.material !== own.material)
      );
    };
    if (info.total && above.some(otherSeries)) return;
    const byPeriod = info.period && !info.total;
    row.forEach((fig, k) => {
      if (!fig || columns[k].role !== "period") return;
      let partRows = above;
      if (byPeriod) {
        // "Q1" under January, February, March
        partRows = above.filter((j) => {
          const p = grid[j][k]?.period;
          return p && fig.period && p.first >= fig.period.first && p.last <= fig.period.last;
        });
        const periods = partRows.map((j) => grid[j][k]?.period as Resolved);
        if (!fig.period || !tiles(periods, fig.period)) return;
      } else if (!info.total) return;
      const parts = partRows.map((j) => grid[j][k] ?? null).filter((p): p is Fig => p !== null);
      if (parts.length !== partRows.length || parts.length < 2 || !parts.every((p) => sameDim(p, fig))) return;
      add(i, k, fig, parts.reverse());
    });
  });
}
