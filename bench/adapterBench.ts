/**
 * Issue 4 items 3 and 4 through the custom functions themselves (the exported functions of
 * src/functions/functions.ts with a stub CustomFunctions global): k = n periods against k = 1; the
 * adapter on Excel-shaped 2-D arrays against calc on the same cells already flattened; a whole
 * column against its filled rows; and the JSON size of the largest spills against Excel's ~5 MB cap.
 */
import { installCustomFunctionsStub } from "../test/functions/setup-custom-functions";
import { add } from "./table";
import { compare } from "./timing";
import { asColumn, asRow, monthlyInput, serialOf, wholeColumn, type Cells } from "./data";
import { DATED_SIZES } from "./calcBench";
import { yoyGrowth, recordMonth, guidanceRange, guidanceProgress, claimCheck } from "../src/functions/functions";
import { buildSeries } from "../src/calc/series";
import { readPeriods } from "../src/calc/periodList";
import { calendarGrowthColumns, growth } from "../src/calc/growth";
import { recordColumns } from "../src/calc/records";
import { parseGuidance } from "../src/calc/guidance";
import { makeRng } from "./prng";
import { linear } from "./calcBench";

installCustomFunctionsStub();

const PAYLOAD_CAP = 5 * 1024 * 1024;

/** Error cells in a spill: a bench that times error paths by mistake must say so. */
function errorNote(out: unknown): string {
  const cells = (out as unknown[][]).flat();
  const errors = cells.filter((c) => typeof c === "object" && c !== null && "code" in c);
  if (errors.length === 0) return "";
  const first = errors[0] as { code: string; message?: string };
  return `${errors.length} of ${cells.length} cells are errors (${first.code} ${first.message ?? ""})`.slice(0, 120);
}

export function spillSection(): void {
  for (const form of ["serial", "text"] as const) {
    for (const n of DATED_SIZES) {
      const inp = monthlyInput(n, form);
      const dates = asColumn(inp.dates);
      const values = asColumn(inp.values);
      const all = asColumn(inp.dates);
      const one = [[inp.dates[n - 1]]];
      const { baseNs: t1, fnNs: tn } = compare(
        () => yoyGrowth(dates, values, one, "ytd"),
        () => yoyGrowth(dates, values, all, "ytd"),
      );
      add({
        row: "3 YOY_GROWTH ytd, k=n vs k=1 periods",
        form: `${form} dates, column`,
        n,
        nsPerRow: tn / n,
        ratio: tn / t1,
        vs: `k=1: ${(t1 / n).toFixed(1)} ns/row`,
        target: "<= 2x",
        met: tn / t1 <= 2,
        note: errorNote(yoyGrowth(dates, values, one, "ytd")) || errorNote(yoyGrowth(dates, values, all, "ytd")),
      });
      if (form === "serial") {
        // What Excel's result shape alone adds to k=1: the same call, then one fresh row array per
        // period holding a number (no period read, no growth) — the floor under any k = n spill.
        const { baseNs: r1, fnNs: rn } = compare(
          () => yoyGrowth(dates, values, one, "ytd"),
          () => {
            const r = yoyGrowth(dates, values, one, "ytd");
            const x = r[0][0] as number;
            const out = new Array<number[]>(n);
            for (let i = 0; i < n; i++) out[i] = [x + i];
            return out;
          },
        );
        add({
          row: "3 reference: k=1 + one row array per period",
          form: `${form} dates, column`,
          n,
          nsPerRow: rn / n,
          ratio: rn / r1,
          vs: `k=1: ${(r1 / n).toFixed(1)} ns/row`,
          target: "report",
          met: null,
          note: "the rows Excel needs, nothing else",
        });
      }
    }
  }
}

/** A flat copy of column 0 of Excel's 2-D array. */
function copyColumn(cells: unknown[][]): unknown[] {
  const out = new Array<unknown>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = cells[i][0];
  return out;
}

/**
 * The least an adapter can do around the calendar YOY calc: copy each argument's cells out of the
 * 2-D arrays, run calc, give each result its own row (numbers and blanks made at separate places,
 * so V8 keeps the number rows unboxed). No checks, no messages naming cells.
 */
function leastYoyAdapter(d: unknown[][], v: unknown[][], p: unknown[][]): () => unknown[][] {
  return () => {
    const r = calendarGrowthColumns(
      buildSeries(copyColumn(d), copyColumn(v)),
      readPeriods(copyColumn(p)),
      "ytd",
    ).values;
    const out = new Array<unknown[]>(r.length);
    for (let i = 0; i < r.length; i++) out[i] = r[i] === r[i] ? [r[i]] : [""];
    return out;
  };
}

/** The same for RECORD_MONTH flags: copy, calc, one row per dated row. */
function leastRecordAdapter(d: unknown[][], v: unknown[][]): () => unknown[][] {
  return () => {
    const s = buildSeries(copyColumn(d), copyColumn(v));
    const flags = recordColumns(s, "month").isRecord;
    const out = new Array<unknown[]>(d.length);
    for (let i = 0; i < d.length; i++) out[i] = [""];
    for (let k = 0; k < s.rows.length; k++) if (s.rows[k] >= 0) out[s.rows[k]] = [flags[k] === 1];
    return out;
  };
}

export function adapterSection(): void {
  for (const n of DATED_SIZES) {
    const inp = monthlyInput(n, "serial");
    const flatDates = inp.dates as unknown[];
    const flatValues = Array.from(inp.values);
    for (const shape of ["column", "row"] as const) {
      const wrap = shape === "column" ? asColumn : asRow;
      const d = wrap(inp.dates);
      const v = wrap(inp.values);
      const p = wrap(inp.dates);
      const { baseNs: calc, fnNs: fn } = compare(
        () => calendarGrowthColumns(buildSeries(flatDates, flatValues), readPeriods(flatDates), "ytd"),
        () => yoyGrowth(d, v, p, "ytd"),
      );
      add({
        row: "4 adapter: YOY_GROWTH ytd k=n vs calc",
        form: `serial dates, ${shape}`,
        n,
        nsPerRow: fn / n,
        ratio: fn / calc,
        vs: "calc on flat cells",
        target: "<= 1.5x",
        met: fn / calc <= 1.5,
        note: errorNote(yoyGrowth(d, v, p, "ytd")),
      });
    }
    const d = asColumn(inp.dates);
    const v = asColumn(inp.values);
    const p = asColumn(inp.dates);
    const calcYoyFlat = () => calendarGrowthColumns(buildSeries(flatDates, flatValues), readPeriods(flatDates), "ytd");
    const { baseNs: calcYoy, fnNs: leastYoy } = compare(calcYoyFlat, leastYoyAdapter(d, v, p));
    add({
      row: "4 reference: least adapter around YOY calc",
      form: "serial dates, column",
      n,
      nsPerRow: leastYoy / n,
      ratio: leastYoy / calcYoy,
      vs: "calc on flat cells",
      target: "report",
      met: null,
      note: "what any adapter costs at least",
    });
    const { ratio: yoyVsLeast } = compare(leastYoyAdapter(d, v, p), () => yoyGrowth(d, v, p, "ytd"));
    add({
      row: "4 ours vs least adapter: YOY_GROWTH ytd k=n",
      form: "serial dates, column",
      n,
      ratio: yoyVsLeast,
      vs: "least adapter",
      target: "report",
      met: null,
    });
    const { baseNs: calcRec, fnNs: fnRec } = compare(
      () => recordColumns(buildSeries(flatDates, flatValues), "month"),
      () => recordMonth(d, v),
    );
    const asOf = [[inp.dates[n - 1]]];
    const { baseNs: prog1, fnNs: progN } = compare(
      () => guidanceProgress([["88-92,000"]], d, v, asOf, "status"),
      () => guidanceProgress([["88-92,000"]], d, v, asOf),
    );
    add({
      row: "4 GUIDANCE_PROGRESS table vs one output",
      form: "serial dates, column",
      n,
      nsPerRow: progN / n,
      ratio: progN / prog1,
      vs: 'output "status"',
      target: "report",
      met: null,
      note: errorNote(guidanceProgress([["88-92,000"]], d, v, asOf)),
    });
    add({
      row: "4 adapter: RECORD_MONTH flags vs calc",
      form: "serial dates, column",
      n,
      nsPerRow: fnRec / n,
      ratio: fnRec / calcRec,
      vs: "calc on flat cells",
      target: "<= 1.5x",
      met: fnRec / calcRec <= 1.5,
      note: errorNote(recordMonth(d, v)),
    });
    const { baseNs: calcRec2, fnNs: leastRec } = compare(
      () => recordColumns(buildSeries(flatDates, flatValues), "month"),
      leastRecordAdapter(d, v),
    );
    add({
      row: "4 reference: least adapter around RECORD calc",
      form: "serial dates, column",
      n,
      nsPerRow: leastRec / n,
      ratio: leastRec / calcRec2,
      vs: "calc on flat cells",
      target: "report",
      met: null,
      note: "what any adapter costs at least",
    });
    const { ratio: recVsLeast } = compare(leastRecordAdapter(d, v), () => recordMonth(d, v));
    add({
      row: "4 ours vs least adapter: RECORD_MONTH flags",
      form: "serial dates, column",
      n,
      ratio: recVsLeast,
      vs: "least adapter",
      target: "report",
      met: null,
    });
  }

  // The two-argument form is the one that takes a million rows of data.
  for (const n of [1_000, 100_000, 1_000_000]) {
    const rng = makeRng(n);
    const cur = Array.from({ length: n }, () => rng.int(1_000, 9_000));
    const pri = Array.from({ length: n }, () => rng.int(1_000, 9_000));
    const c = asColumn(cur);
    const p = asColumn(pri);
    const { baseNs: calc, fnNs: fn } = compare(
      () => {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = growth(cur[i], pri[i]);
        return out;
      },
      () => yoyGrowth(c, p),
    );
    // The least any adapter must do: read each cell of the 2-D arrays and give each result its own row array.
    const { fnNs: least } = compare(
      () => 0,
      () => {
        const out: number[][] = new Array(n);
        for (let i = 0; i < n; i++) out[i] = [growth(c[i][0] as number, p[i][0] as number)];
        return out;
      },
    );
    add({
      row: "4 reference: least adapter, 2-D in and out",
      form: "numbers, column",
      n,
      nsPerRow: least / n,
      ratio: least / calc,
      vs: "growth() over flat",
      target: "report",
      met: null,
      note: "what any adapter costs at least",
    });
    const { ratio: vsLeast } = compare(
      () => {
        const out: number[][] = new Array(n);
        for (let i = 0; i < n; i++) out[i] = [growth(c[i][0] as number, p[i][0] as number)];
        return out;
      },
      () => yoyGrowth(c, p),
    );
    add({
      row: "4 ours vs least adapter: YOY_GROWTH(current, prior)",
      form: "numbers, column",
      n,
      ratio: vsLeast,
      vs: "least adapter",
      target: "report",
      met: null,
    });
    add({
      row: "4 adapter: YOY_GROWTH(current, prior) vs calc",
      form: "numbers, column",
      n,
      nsPerRow: fn / n,
      ratio: fn / calc,
      vs: "growth() over flat",
      target: "<= 1.5x",
      met: fn / calc <= 1.5,
      note: errorNote(yoyGrowth(c, p)),
    });
  }

  for (const n of [1_000, 100_000]) {
    const texts = Array.from({ length: n }, (_, i) => `${80 + (i % 10)}-${92 + (i % 7)},000 oz`);
    const col = asColumn(texts);
    const { baseNs: calc, fnNs: fn } = compare(
      () => texts.map((t) => parseGuidance(t)),
      () => guidanceRange(col),
    );
    add({
      row: "4 adapter: GUIDANCE_RANGE column vs calc",
      form: "guidance texts, column",
      n,
      nsPerRow: fn / n,
      ratio: fn / calc,
      vs: "parseGuidance each",
      target: "<= 1.5x",
      met: fn / calc <= 1.5,
      note: errorNote(guidanceRange(col)),
    });
  }
  const { fnNs: claim } = compare(
    () => claimCheck([["a 9% increase"]], [[73476]], 67603),
    () => claimCheck([["20-26%"]], [[88000, 92000]], 73476),
  );
  add({
    row: "4 CLAIM_CHECK one call (scalar)",
    form: "seed: 20-26%",
    n: 1,
    nsPerRow: claim,
    target: "report",
    met: null,
    note: "no size: one stated figure",
  });
  scalingSection();
}

/** Item 2 through the functions: each on 10x more rows, timed in alternation with the smaller input. */
function scalingSection(): void {
  const cols = (n: number) => {
    const inp = monthlyInput(n, "serial");
    return { d: asColumn(inp.dates), v: asColumn(inp.values), last: [[inp.dates[n - 1]]] };
  };
  const a = cols(9_600);
  const b = cols(96_000);
  linear(
    "YOY_GROWTH ytd k=n (function)",
    "serial dates, column",
    9_600,
    96_000,
    () => yoyGrowth(a.d, a.v, a.d, "ytd"),
    () => yoyGrowth(b.d, b.v, b.d, "ytd"),
  );
  linear(
    "RECORD_MONTH flags (function)",
    "serial dates, column",
    9_600,
    96_000,
    () => recordMonth(a.d, a.v),
    () => recordMonth(b.d, b.v),
  );
  linear(
    "GUIDANCE_PROGRESS table (function)",
    "serial dates, column",
    9_600,
    96_000,
    () => guidanceProgress([["88-92,000"]], a.d, a.v, a.last),
    () => guidanceProgress([["88-92,000"]], b.d, b.v, b.last),
  );
  const nums = (n: number) => {
    const rng = makeRng(n);
    return asColumn(Array.from({ length: n }, () => rng.int(1_000, 9_000)));
  };
  const c = nums(100_000);
  const d = nums(1_000_000);
  linear(
    "YOY_GROWTH(current, prior) (function)",
    "numbers, column",
    100_000,
    1_000_000,
    () => yoyGrowth(c, c),
    () => yoyGrowth(d, d),
  );
  // References, not our code: the least any function does with Excel-shaped data, at the same sizes.
  // Reading 2-D cells slows once they no longer fit the CPU cache, and a million fresh row arrays
  // keep the garbage collector busy; a function can only be as linear as these.
  const readCells = (x: { d: unknown[][]; v: unknown[][] }) => () => {
    let count = 0;
    for (let i = 0; i < x.d.length; i++) if (x.d[i][0] !== null && x.v[i][0] !== null) count++;
    return count;
  };
  linear("reference: reading dates + values cells", "serial dates, column", 9_600, 96_000, readCells(a), readCells(b));
  const rowsOut = (x: unknown[][]) => () => {
    const out = new Array<number[]>(x.length);
    for (let i = 0; i < x.length; i++) out[i] = [(x[i][0] as number) / 2];
    return out;
  };
  linear("reference: one row array per cell", "numbers, column", 100_000, 1_000_000, rowsOut(c), rowsOut(d));
  const texts = (n: number) => asColumn(Array.from({ length: n }, (_, i) => `${80 + (i % 10)}-${92 + (i % 7)},000 oz`));
  const e = texts(10_000);
  const f = texts(100_000);
  linear(
    "GUIDANCE_RANGE column (function)",
    "guidance texts, column",
    10_000,
    100_000,
    () => guidanceRange(e),
    () => guidanceRange(f),
  );
}

export function wholeColumnSection(): void {
  const inp = monthlyInput(240, "serial");
  const dates = wholeColumn("Month", inp.dates as number[]);
  const values = wholeColumn("Gold (oz)", inp.values);
  const shortDates: Cells = [["Month"], ...asColumn(inp.dates)];
  const shortValues: Cells = [["Gold (oz)"], ...asColumn(inp.values)];
  const period = [[serialOf(inp.firstMonth + 239, 1)]];
  const { baseNs: short, fnNs: whole } = compare(
    () => yoyGrowth(shortDates, shortValues, period, "ytd"),
    () => yoyGrowth(dates, values, period, "ytd"),
  );
  add({
    row: "4 whole column vs 240-row range: YOY_GROWTH",
    form: "A:A, 240 filled, serial",
    n: 1_048_576,
    nsPerRow: whole / 1_048_576,
    ratio: whole / short,
    vs: `241 rows: ${(short / 1000).toFixed(0)} us`,
    target: "report",
    met: null,
    note: errorNote(yoyGrowth(dates, values, period, "ytd")),
  });
  const { baseNs: shortR, fnNs: wholeR } = compare(
    () => recordMonth(shortDates, shortValues),
    () => recordMonth(dates, values),
  );
  const spilled = (recordMonth(dates, values) as unknown[][]).length;
  add({
    row: "4 whole column vs 240-row range: RECORD_MONTH",
    form: "A:A, 240 filled, serial",
    n: 1_048_576,
    nsPerRow: wholeR / 1_048_576,
    ratio: wholeR / shortR,
    vs: `241 rows: ${(shortR / 1000).toFixed(0)} us`,
    target: "report",
    met: null,
    note: `spill stops after ${spilled} rows ${errorNote(recordMonth(dates, values))}`,
  });
  // Excel desktop sends the empty cells of a whole column as 0, not null.
  const zeros = (c: Cells) => c.map((r) => [r[0] === null ? 0 : r[0]]);
  const dz = zeros(dates);
  const vz = zeros(values);
  const { fnNs: wholeZ } = compare(
    () => recordMonth(shortDates, shortValues),
    () => recordMonth(dz, vz),
  );
  add({
    row: "4 whole column (blanks as 0) vs 240 rows",
    form: "A:A desktop, RECORD_MONTH",
    n: 1_048_576,
    nsPerRow: wholeZ / 1_048_576,
    ratio: wholeZ / shortR,
    vs: "241-row range",
    target: "report",
    met: null,
    note: `spill stops after ${(recordMonth(dz, vz) as unknown[][]).length} rows`,
  });
}

/** Bytes per row of each spill as JSON; the largest sets the row count at which Excel's cap is hit. */
export function payloadSection(): void {
  const n = 96_000;
  const inp = monthlyInput(n, "serial");
  const d = asColumn(inp.dates);
  const v = asColumn(inp.values);
  const texts = asColumn(Array.from({ length: 10_000 }, (_, i) => `${80 + (i % 10)}-${92 + (i % 7)},000 oz`));
  // Every cell an error (months after the data end): the message travels with each cell.
  const small = monthlyInput(1_000, "serial");
  const missing = asColumn(Array.from({ length: 10_000 }, (_, i) => serialOf(small.firstMonth + 1_000 + i, 1)));
  const spills: [string, unknown[][], number][] = [
    ["YOY_GROWTH ytd, k=n", yoyGrowth(d, v, d, "ytd"), n],
    ["RECORD_MONTH flags", recordMonth(d, v), n],
    ["RECORD_MONTH margin", recordMonth(d, v, d, "all", "margin"), n],
    ["RECORD_MONTH previous_period", recordMonth(d, v, d, "month", "previous_period"), n],
    ["GUIDANCE_RANGE column (2 cells/row)", guidanceRange(texts), 10_000],
    [
      "YOY_GROWTH, every cell #N/A with message",
      yoyGrowth(asColumn(small.dates), asColumn(small.values), missing, "ytd"),
      10_000,
    ],
  ];
  for (const [what, out, rows] of spills) {
    const bytes = Buffer.byteLength(JSON.stringify(out), "utf8");
    const perRow = bytes / rows;
    add({
      row: `4 spill payload: ${what}`,
      form: "JSON",
      n: rows,
      ratio: perRow,
      vs: "bytes/row",
      target: "report",
      met: null,
      note: `${(bytes / 1e6).toFixed(2)} MB; exceeds 5 MB from ${Math.floor(PAYLOAD_CAP / perRow).toLocaleString("en-US")} rows`,
    });
  }
}
