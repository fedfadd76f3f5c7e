import { describe, it } from "vitest";
import fc from "fast-check";
import * as calc from "../../src/calc";
import { CalcError, type MonthlySeries } from "../../src/calc";

/** Runs f and fails on any exception that is not a CalcError. */
function onlyCalcErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof CalcError)) throw e;
  }
}

const cell = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.constantFrom("", "Feb 2017", "Q1 2017", "2016", "73,476", "n/a", "(1,234)", "01/02/2017", null, 0, 42795),
);

describe("no input makes a calc function throw anything but CalcError", () => {
  it("parsers and argument readers", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (x, y) => {
        onlyCalcErrors(() => calc.parsePeriod(x, "p"));
        onlyCalcErrors(() => calc.toMonth(x, "d"));
        onlyCalcErrors(() => calc.parseNumber(x));
        onlyCalcErrors(() => calc.parseNumber(x, y as calc.NumberSettings));
        onlyCalcErrors(() => calc.readDecimal(x as string, calc.CELL));
        onlyCalcErrors(() => calc.parseBasis(x));
        onlyCalcErrors(() => calc.parseScope(x));
        onlyCalcErrors(() => calc.checkFiscalYearStart(x));
        onlyCalcErrors(() => calc.monthToSerial(x as number));
        onlyCalcErrors(() => calc.growth(x as number, y as number));
        onlyCalcErrors(() => calc.windowFor(x as calc.Period, y as calc.Basis));
      }),
    );
  });

  it("series, growth and records on arbitrary cells", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { maxLength: 30 }),
        fc.array(fc.oneof(cell, fc.constantFrom<unknown>({ kind: "month", year: 2017, month: 2 })), { maxLength: 5 }),
        fc.anything(),
        fc.anything(),
        (rows, periodCells, basis, fys) => {
          let series: MonthlySeries | null = null;
          onlyCalcErrors(() => {
            series = calc.buildSeries(
              rows.map((r) => r[0]),
              rows.map((r) => r[1]),
            );
          });
          if (series === null) return;
          const s: MonthlySeries = series;
          const periods = periodCells.map((p) => {
            try {
              return calc.parsePeriod(p);
            } catch (e) {
              return e as CalcError;
            }
          });
          onlyCalcErrors(() => calc.calendarGrowth(s, periods, basis as calc.Basis, fys as number));
          onlyCalcErrors(() => calc.calendarGrowth(s, periods));
          onlyCalcErrors(() => calc.calendarGrowthColumns(s, periodCells as calc.Period[], basis as calc.Basis));
          onlyCalcErrors(() => calc.recordAll(s, basis as calc.RecordScope));
          onlyCalcErrors(() => calc.recordColumns(s, "ytd"));
          for (const p of periodCells) onlyCalcErrors(() => calc.recordAt(s, calc.toMonth(p), "all"));
          onlyCalcErrors(() => calc.recordAt(s, fys as number, basis as calc.RecordScope));
        },
      ),
      { numRuns: 300 },
    );
  });
});
