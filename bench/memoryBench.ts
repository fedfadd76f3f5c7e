/**
 * Issue 4 item 6: peak heap of the 1,000,000-row cases as a multiple of the input's own heap size.
 * Both are measured the same way: heap + ArrayBuffers after a forced collection (node --expose-gc),
 * then right after building the input / making the call.
 */
import { installCustomFunctionsStub } from "../test/functions/setup-custom-functions";
import { add } from "./table";
import { heapPeak, heapSizeOf } from "./timing";
import { asColumn, importCsv, monthlyInput, preparedSeries, wholeColumn } from "./data";
import { monthPeriods } from "./calcBench";
import { yoyGrowth, recordMonth } from "../src/functions/functions";
import { buildSeries } from "../src/calc/series";
import { calendarGrowthColumns } from "../src/calc/growth";
import { recordColumns } from "../src/calc/records";
import { analyseImport } from "../src/taskpane/import/analyse";
import { makeRng } from "./prng";

installCustomFunctionsStub();

const MB = 1024 * 1024;

function report(row: string, form: string, n: number, inputBytes: number, call: () => unknown): void {
  const { peakBytes, retainedBytes } = heapPeak(call);
  const ratio = peakBytes / inputBytes;
  add({
    row: `6 memory: ${row}`,
    form,
    n,
    ratio,
    vs: `input ${(inputBytes / MB).toFixed(1)} MB`,
    target: "report",
    met: null,
    note: `peak ${(peakBytes / MB).toFixed(1)} MB, result kept ${(retainedBytes / MB).toFixed(1)} MB`,
  });
}

export function memorySection(): void {
  const N = 1_000_000;
  {
    const { value: input, bytes } = heapSizeOf(() => {
      const s = preparedSeries(N);
      return { s, periods: monthPeriods(s.first, N) };
    });
    report("calendarGrowthColumns ytd, k=n", "prepared series + periods", N, bytes, () =>
      calendarGrowthColumns(input.s, input.periods, "ytd"),
    );
    const { value: s2, bytes: b2 } = heapSizeOf(() => preparedSeries(N));
    report("recordColumns scope month", "prepared series", N, b2, () => recordColumns(s2, "month"));
  }
  {
    const { value: cols, bytes } = heapSizeOf(() => {
      const rng = makeRng(N);
      return {
        c: asColumn(Array.from({ length: N }, () => rng.int(1_000, 9_000))),
        p: asColumn(Array.from({ length: N }, () => rng.int(1_000, 9_000))),
      };
    });
    report("YOY_GROWTH(current, prior)", "numbers, 1M x 1 columns", N, bytes, () => yoyGrowth(cols.c, cols.p));
  }
  {
    const inp = monthlyInput(240, "serial");
    const { value: cols, bytes } = heapSizeOf(() => ({
      d: wholeColumn("Month", inp.dates as number[]),
      v: wholeColumn("Gold (oz)", inp.values),
    }));
    report("RECORD_MONTH whole column", "A:A, 240 filled", 1_048_576, bytes, () => recordMonth(cols.d, cols.v));
  }
  {
    const inp = monthlyInput(96_000, "serial");
    const { value: cols, bytes } = heapSizeOf(() => ({ d: asColumn(inp.dates), v: asColumn(inp.values) }));
    report("YOY_GROWTH ytd k=n (largest dated)", "serial dates, column", 96_000, bytes, () =>
      yoyGrowth(cols.d, cols.v, cols.d, "ytd"),
    );
    report("buildSeries (largest dated)", "serial dates, flat", 96_000, bytes, () =>
      buildSeries(inp.dates, Array.from(inp.values)),
    );
  }
  {
    const { value: csv, bytes } = heapSizeOf(() => importCsv(100, 1000));
    report("import analyse (100k x 5)", "CSV text", 100_000, bytes, () =>
      analyseImport(csv, { today: new Date(Date.UTC(2024, 5, 15)) }),
    );
  }
}
