import { describe, it } from "vitest";
import fc from "fast-check";
import { CalcError } from "../../src/calc/errors";
import { calendarGrowthColumns, growth, type Basis } from "../../src/calc/growth";
import { checkFiscalYearStart, monthToSerial } from "../../src/calc/months";
import { CELL, readDecimal, type NumberSettings } from "../../src/calc/number";
import { parseNumber } from "../../src/calc/numbers";
import { parsePeriod, toMonth, type Period } from "../../src/calc/periods";
import { recordColumns, type RecordScope } from "../../src/calc/records";
import { buildSeries, type MonthlySeries } from "../../src/calc/series";

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
        onlyCalcErrors(() => parsePeriod(x, "p"));
        onlyCalcErrors(() => toMonth(x, "d"));
        onlyCalcErrors(() => parseNumber(x));
        onlyCalcErrors(() => parseNumber(x, y as NumberSettings));
        onlyCalcErrors(() => readDecimal(x as string, CELL));
        onlyCalcErrors(() => checkFiscalYearStart(x));
        onlyCalcErrors(() => monthToSerial(x as number));
        onlyCalcErrors(() => growth(x as number, y as number));
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
            series = buildSeries(
              rows.map((r) => r[0]),
              rows.map((r) => r[1]),
            );
          });
          if (series === null) return;
          const s: MonthlySeries = series;
          const periods = periodCells.map((p) => {
            try {
              return parsePeriod(p);
            } catch (e) {
              return e as CalcError;
            }
          });
          onlyCalcErrors(() => calendarGrowthColumns(s, periods, basis as Basis, fys as number));
          onlyCalcErrors(() => calendarGrowthColumns(s, periods));
          onlyCalcErrors(() => calendarGrowthColumns(s, periodCells as Period[], basis as Basis));
          onlyCalcErrors(() => recordColumns(s, basis as RecordScope));
          onlyCalcErrors(() => recordColumns(s, "ytd"));
        },
      ),
      { numRuns: 300 },
    );
  });
});
