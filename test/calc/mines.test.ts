import { describe, expect, it } from "vitest";
import { buildMineSeries, mineKey, type MineSeries } from "../../src/calc/mines";
import { CalcError } from "../../src/calc/errors";
import { makeMonth } from "../../src/calc/months";
import type { MonthlySeries } from "../../src/calc/series";

const LABELS = { dates: "dates", values: "values", mines: "mines" };

/** A mine's series as [month text, value] pairs of its listed months (NaN for no figure). */
function listed(m: MineSeries | undefined): [number, number][] {
  const s = m?.series as MonthlySeries;
  const out: [number, number][] = [];
  s.values.forEach((v, k) => {
    if (s.rows[k] >= 0) out.push([s.first + k, v]);
  });
  return out;
}

describe("buildMineSeries", () => {
  // Cochilco (Chile) monthly copper output, tonnes, as Reuters printed it (test/fixtures/real/chile-cochilco-mines-long.csv).
  const dates = ["Mes", "Nov 2019", "Nov 2019", "Jan 2020", "Jan 2020", "Jan 2021", "Jan 2021"];
  const mines = ["Mina", "Codelco", "Escondida", "Codelco", "Escondida", "Codelco", "Escondida"];
  const values = ["Producción (t)", 155200, 103200, 118900, 100900, 142000, 84700];

  it("one series per mine, in the order the mines first appear; the same month for two mines is two figures", () => {
    const out = buildMineSeries(dates, values, mines, LABELS);
    expect([...out.keys()]).toEqual(["codelco", "escondida"]);
    expect(out.get("codelco")!.name).toBe("Codelco");
    expect(listed(out.get("codelco"))).toEqual([
      [makeMonth(2019, 11), 155200],
      [makeMonth(2020, 1), 118900],
      [makeMonth(2021, 1), 142000],
    ]);
    expect(listed(out.get("escondida"))).toEqual([
      [makeMonth(2019, 11), 103200],
      [makeMonth(2020, 1), 100900],
      [makeMonth(2021, 1), 84700],
    ]);
    // Each mine's dated rows, 0-based: the header row has no mine to read.
    expect([...out.get("codelco")!.rows]).toEqual([1, 3, 5]);
    expect([...out.get("escondida")!.rows]).toEqual([2, 4, 6]);
  });

  it("the same month twice for one mine spoils that mine only, naming the mine and both rows", () => {
    // The fixture lists Codelco's January 2020 twice: 118,600 as first printed, 118,900 as restated a year later.
    const d = [...dates, "Jan 2020"];
    const v = [...values, 118600];
    const m = [...mines, "Codelco"];
    const out = buildMineSeries(d, v, m, LABELS);
    const codelco = out.get("codelco")!.series;
    expect(codelco).toBeInstanceOf(CalcError);
    expect((codelco as CalcError).kind).toBe("value");
    expect((codelco as CalcError).message).toBe('Jan 2020 appears twice for mine "Codelco" in dates: row 4 and row 8');
    expect(listed(out.get("escondida"))).toHaveLength(3);
    expect([...out.get("codelco")!.rows]).toEqual([1, 3, 5, 7]);
  });

  it("a value that is not a number spoils its own mine only, naming the row", () => {
    const v = [...values];
    v[4] = "about 100k";
    const out = buildMineSeries(dates, v, mines, LABELS);
    expect((out.get("escondida")!.series as CalcError).message).toMatch(/^row 5 of values: /);
    expect(listed(out.get("codelco"))).toHaveLength(3);
  });

  it("names match ignoring case and runs of spaces; the name shown is the first as written", () => {
    const out = buildMineSeries(
      ["Jan 2020", "Feb 2020", "Mar 2020"],
      [1, 2, 3],
      ["Mine  A", "mine a", " MINE A "],
      LABELS,
    );
    expect([...out.keys()]).toEqual(["mine a"]);
    expect(out.get("mine a")!.name).toBe("Mine A");
    expect(listed(out.get("mine a")).map((x) => x[1])).toEqual([1, 2, 3]);
    expect(mineKey(7)).toBe("7");
    for (const empty of [null, undefined, "", "  ", 0]) expect(mineKey(empty)).toBeNull();
  });

  it("the empty-cell rule applies per mine: each mine's months after its own latest figure are not reported", () => {
    // Mine A reports through March, mine B through January; both list Jan–Mar, empty cells where not reported.
    for (const empty of [null, "", 0]) {
      const d = ["Jan 2021", "Jan 2021", "Feb 2021", "Feb 2021", "Mar 2021", "Mar 2021"];
      const m = ["A", "B", "A", "B", "A", "B"];
      const v = [10, 5, empty, empty, 12, empty];
      const out = buildMineSeries(d, v, m, LABELS);
      // A: February empty before its last figure (March) is 0 — a month with no output.
      expect(listed(out.get("a"))).toEqual([
        [makeMonth(2021, 1), 10],
        [makeMonth(2021, 2), 0],
        [makeMonth(2021, 3), 12],
      ]);
      // B: February and March come after B's last figure: not reported, whatever A reports.
      expect(listed(out.get("b"))).toEqual([
        [makeMonth(2021, 1), 5],
        [makeMonth(2021, 2), Number.NaN],
        [makeMonth(2021, 3), Number.NaN],
      ]);
    }
  });

  it("a dated row without a mine, or a date that cannot be read in a row naming no mine, is an error for the whole table naming the row", () => {
    for (const empty of [null, "", 0, "   "]) {
      expect(() => buildMineSeries(["Jan 2021", "Feb 2021"], [1, 2], ["A", empty], LABELS)).toThrow(
        "row 2 of mines: no mine named; every row with a date needs its mine",
      );
    }
    expect(() => buildMineSeries(["Jan 2021", "Febtober 2021"], [1, 2], ["A", null], LABELS)).toThrow(
      /^row 2 of dates: "Febtober 2021" is not a period/,
    );
    // In a row naming a mine, it spoils that mine alone, as on a per-mine FILTER; its first such row is named.
    const spoilt = buildMineSeries(
      ["Month", "Jan 2021", "Febtober 2021", "Jan 2021", "2021", "Feb 2021"],
      [0, 1, 2, 3, 4, 5],
      ["Mine", "A", "B", "B", "B", "A"],
      LABELS,
    );
    expect([...spoilt.keys()]).toEqual(["a", "b"]);
    expect((spoilt.get("a")?.series as { values: Float64Array }).values).toEqual(new Float64Array([1, 5]));
    expect(String((spoilt.get("b")?.series as Error).message)).toMatch(
      /^row 3 of dates: "Febtober 2021" is not a period/,
    );
    // Rows without a date need no mine (a blank row, a total under the table).
    const out = buildMineSeries(["Jan 2021", null, ""], [1, 99, 100], ["A", null, "Total"], LABELS);
    expect([...out.keys()]).toEqual(["a"]);
    expect(() => buildMineSeries(["Jan 2021"], [1, 2], ["A"], LABELS)).toThrow("dates and values differ in size");
    expect(() => buildMineSeries(["Jan 2021"], [1], ["A", "B"], LABELS)).toThrow("dates and mines differ in size");
  });
});
