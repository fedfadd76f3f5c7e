/**
 * Excel-shaped fuzz inputs: what a custom function can receive from a cell or a range, with
 * plausible dates, figures, guidance and stated changes mixed in so the deep paths are reached.
 */
import fc from "fast-check";

/** Texts analysts really type (DOMAIN.md), seeds for the mutations below. */
export const PLAUSIBLE_TEXT = [
  "Feb 2017",
  "February 2017",
  "Feb-17",
  "2017-02",
  "2017/02",
  "02/2017",
  "2017-02-28",
  "01/02/2017",
  "13/02/2017",
  "Q1 2017",
  "Q1-2017",
  "2017-Q1",
  "1Q17",
  "1Q 2017",
  "2016",
  "FY2024",
  "FY 2023-24",
  "Sept 2015",
  "Ytd-2016",
  "73,476",
  "7 352",
  "6,736 oz",
  "6,733oz",
  "73476",
  "1.5",
  "(1,234)",
  "19.982",
  "2,6",
  "-",
  "—",
  "n/a",
  "N/A",
  "(est)",
  "88-92,000",
  "88,000-92,000 oz",
  "88,000 to 92,000 ounces",
  "between 82,000 and 92,000 ounces",
  "88–92 koz",
  "6.5 - 7.0 million",
  "1.2-1.4 Moz",
  "53 000 oz to 56 000 oz",
  "90,000",
  "approximately 22,500 ounces",
  "just over 82,000 oz",
  "more than 100,000 ounces",
  "182.000 - 193.000 oz",
  "US$200 to $220 million",
  "+500,000 ounces",
  // Guidance in its six languages, units in parentheses, one-sided targets, tolerances.
  "612-640 million tonnes (MT)",
  "1,450 kilo ounces (koz)",
  "in the range of 410 to 450 koz",
  "between 2.05-million ounces and 2.2-million ounces",
  "between 900,000 ounces to 950,000 ounces",
  "a minimum annual production target of 300,000 ounces",
  "between 190 mt and 200 mt",
  "10.000 MT bis 12.000 MT",
  "700 lakh tonnes (70 million tonnes)",
  "2.1 million Au eq. oz. (+/- 5%)",
  "25-27Mtpa",
  "entre 2.1 y 2.3 millones de onzas",
  "entre 1.350 y 1.390 mil toneladas",
  "17,5-18,9 millones de onzas",
  "de 250 milhões a 270 milhões de toneladas",
  "entre 120.000 onças e 135.000 onças",
  "38 milhões de minério de ferro",
  "d'entre 600 000 et 650 000 onces",
  "1,8 millions d'onces environ",
  "tra 40.000 e 45.000 once",
  "tra le 400 e le 500 mila once",
  "aproximadamente 2,7 millones",
  "de 95 mil a 110 mil toneladas",
  "knapp über 70.000 Unzen",
  "mindestens 500.000 Unzen Gold pro Jahr",
  "58 – 61 Mio. Unzen (1.804 – 1.897,3 t)",
  "zwischen 37.000 und 42.000 Mio. t",
  "medio millón de onzas",
  "aumento de 9%",
  "alza de 9 %",
  "hausse de 9 %",
  "queda de 6%",
  "caída de 4%",
  "diminuição de 3%",
  "Anstieg um 9 %",
  "Rückgang um 4 %",
  "+9,5%",
  "plus de 9 %",
  "calo del 5 per cento",
  "Mt",
  "koz",
  "million tonnes",
  "Mio. Unzen",
  "+24%",
  "a 9% increase",
  "down 13.5 percent",
  "12,6%",
  "(-16%)",
  "20-26%",
  "42.0%",
  "41%",
  "month",
  "quarter",
  "year",
  "ytd",
  "ttm",
  "all",
  "flag",
  "previous",
  "previous_period",
  "margin",
  "pct_low",
  "pct_mid",
  "pct_high",
  "expected_share",
  "needed_low",
  "needed_high",
  "status",
  "prior_year",
  "Month",
  "Gold (oz)",
  "=1+1",
  "@SUM(A1)",
  "",
  " ",
  "0",
  "1e308",
  "-0",
  "NaN",
  "Infinity",
  // Names on Object.prototype: a word looked up in a plain object table finds them.
  "constructor 2017",
  "Constructor-17",
  "5 constructor",
  "__proto__ 2017",
  "2017 toString",
  "88-92 valueOf",
];

const FRAGMENTS = [
  "0",
  "1",
  "2",
  "9",
  "12",
  "17",
  "2017",
  "88",
  "92,000",
  ",",
  ".",
  "-",
  "–",
  " ",
  "\u00a0",
  "/",
  "(",
  ")",
  "+",
  "%",
  "to",
  "and",
  "between",
  "koz",
  "Moz",
  "million",
  "oz",
  "Q",
  "FY",
  "Feb",
  "Sept",
  "e",
  "E",
  "'",
  "$",
  "approximately",
  "entre",
  " y ",
  " e ",
  " et ",
  " a ",
  " à ",
  "de",
  "tra",
  "zwischen",
  " und ",
  " bis ",
  "mil",
  "millones",
  "milhões",
  "millions",
  "milioni",
  "Millionen",
  "Mio.",
  "Mt",
  "mt",
  "MT",
  "kt",
  "lakh",
  "onzas",
  "onças",
  "onces",
  "once",
  "Unzen",
  "toneladas",
  "tonnes",
  "Tonnen",
  "libras",
  "(oz)",
  "(koz)",
  "±",
  "+/-",
  "aproximadamente",
  "alrededor de",
  "environ",
  "circa",
  "rund",
  "etwa",
  "knapp über",
  "mindestens",
  "at least",
  "up to",
  "aumento",
  "queda",
  "baisse",
  "Rückgang",
  "por ciento",
  "Prozent",
  "plus de",
  "up",
  "down",
  "increase",
  "percent",
  "\t",
  "\n",
  '"',
  "9".repeat(320),
  "0.".concat("0".repeat(330), "1"),
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
];

/** Figures with more digits than a double holds (beyond 1.8e308) or than it represents exactly. */
export const hugeDigits: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 14, max: 330 }), fc.constantFrom("", " oz", " koz", " million", "%", ".5"))
  .map(([n, tail]) => "9".repeat(n) + tail);

export const plausibleText: fc.Arbitrary<string> = fc.constantFrom(...PLAUSIBLE_TEXT);

/** Random texts: plausible ones, glued fragments, and arbitrary unicode. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: plausibleText },
  {
    weight: 4,
    arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }).map((xs) => xs.join("")),
  },
  { weight: 1, arbitrary: fc.tuple(plausibleText, fc.constantFrom(...FRAGMENTS)).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: "grapheme" }) },
  { weight: 1, arbitrary: hugeDigits },
);

/** Excel serials of plausible months (1990–2030) and round production figures. */
export const serial: fc.Arbitrary<number> = fc.integer({ min: 32874, max: 47483 });
export const figure: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
);

export const number: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: serial },
  { weight: 3, arbitrary: figure },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      -1,
      12,
      13,
      1900,
      2016,
      2200,
      2958465,
      2958466,
      60,
      61,
      0.5,
      NaN,
      Infinity,
      -Infinity,
      1e308,
      -1e308,
      5e-324,
      Number.MAX_SAFE_INTEGER,
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
);

/** One cell as Excel passes it: number, text, boolean or null. */
export const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant("") },
);

/** A rectangular range r×c (1×n rows, n×1 columns, empty). */
export const range = (inner: fc.Arbitrary<unknown> = cell, max = 6): fc.Arbitrary<unknown[][]> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .integer({ min: 1, max })
        .chain((n) => fc.array(inner, { minLength: n, maxLength: n }).map((xs) => xs.map((x) => [x]))),
    },
    {
      weight: 4,
      arbitrary: fc
        .integer({ min: 1, max })
        .chain((n) => fc.array(inner, { minLength: n, maxLength: n }).map((xs) => [xs])),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
        .chain(([r, c]) => fc.array(fc.array(inner, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
    },
    { weight: 1, arbitrary: fc.constantFrom([] as unknown[][], [[]] as unknown[][]) },
  );

/** Ragged arrays: rows of different lengths (a malformed call must still not crash). */
export const ragged = (inner: fc.Arbitrary<unknown> = cell): fc.Arbitrary<unknown[][]> =>
  fc.array(fc.array(inner, { maxLength: 4 }), { minLength: 1, maxLength: 4 });

/** An argument: a scalar, a range, a ragged array, or missing. */
export const arg = (inner: fc.Arbitrary<unknown> = cell): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: inner },
    { weight: 4, arbitrary: range(inner) },
    { weight: 1, arbitrary: ragged(inner) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

/** A monthly series as a function receives it, and the months it covers (for periods that hit it). */
export interface SeriesCase {
  dates: unknown[][];
  values: unknown[][];
  start: number; // month index (year * 12 + month0) of the first dated row
  n: number;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const serialOfMonth = (m: number, day = 15): number =>
  Math.round((Date.UTC(Math.floor(m / 12), m % 12, day) - Date.UTC(1899, 11, 30)) / 86_400_000);

/**
 * A monthly (dates, values) pair of one shape — consecutive months as serials or text, a header
 * sometimes, and now and then a junk cell or a month twice — so most calls get past series building
 * and reach the windows, records and progress figures.
 */
export const series: fc.Arbitrary<SeriesCase> = fc
  .record({
    start: fc.oneof(
      fc.integer({ min: 1995 * 12, max: 2020 * 12 }),
      fc.integer({ min: 1995, max: 2020 }).map((y) => y * 12),
    ),
    n: fc.integer({ min: 0, max: 40 }),
    asText: fc.boolean(),
    header: fc.boolean(),
    asRow: fc.boolean(),
    vals: fc.array(fc.oneof({ weight: 60, arbitrary: figure }, { weight: 1, arbitrary: cell }), {
      minLength: 40,
      maxLength: 40,
    }),
    junk: fc.oneof(
      { weight: 5, arbitrary: fc.constant([] as [number, unknown][]) },
      { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(40), cell), { maxLength: 2 }) },
    ),
    dupe: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat(40) }),
  })
  .map(({ start, n, asText, header, asRow, vals, junk, dupe }) => {
    const d: unknown[] = [];
    const v: unknown[] = [];
    if (header) {
      d.push("Month");
      v.push("Gold (oz)");
    }
    for (let i = 0; i < n; i++) {
      const m = start + i;
      d.push(asText ? `${MONTH_NAMES[m % 12]} ${Math.floor(m / 12)}` : serialOfMonth(m));
      v.push(vals[i]);
    }
    for (const [at, x] of junk) if (d.length) d[at % d.length] = x;
    if (dupe !== undefined && d.length > 1) d[dupe % d.length] = d[(dupe + 1) % d.length];
    const shape = (xs: unknown[]) => (asRow ? [xs] : xs.map((x) => [x]));
    return { dates: shape(d), values: shape(v), start, n };
  });

/** A mines column beside a series' dates (same shape): a few names in any spelling, now and then a blank or junk cell. */
export const minesNear = (c: SeriesCase): fc.Arbitrary<unknown[][]> => {
  const asRow = c.dates.length === 1 && c.dates[0].length > 1;
  const size = asRow ? c.dates[0].length : c.dates.length;
  const name = fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom("Mine A", "mine a", "Mine B", " MINE  B ", "Mine C") },
    { weight: 1, arbitrary: cell },
  );
  return fc.array(name, { minLength: size, maxLength: size }).map((xs) => (asRow ? [xs] : xs.map((x) => [x])));
};

/** A period inside or near a series' months, as a serial, month text, quarter or year. */
export const periodNear = (c: SeriesCase): fc.Arbitrary<unknown> =>
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min: c.start - 3, max: c.start + c.n + 2 }),
        fc.integer({ min: c.start + Math.min(c.n, 12), max: c.start + c.n + 1 }),
      ),
      fc.nat(5),
    )
    .map(([m, form]) => {
      const y = Math.floor(m / 12);
      switch (form) {
        case 0:
          return serialOfMonth(m, 1 + (m % 28));
        case 1:
          return `${MONTH_NAMES[m % 12]} ${y}`;
        case 2:
          return `Q${Math.floor((m % 12) / 3) + 1} ${y}`;
        case 3:
          return y;
        case 4:
          return `${y}-${String((m % 12) + 1).padStart(2, "0")}`;
        default:
          return `FY${y}`;
      }
    });

/** A period argument drawn near the series' months. */
export const period: fc.Arbitrary<unknown> = fc.oneof(
  serial,
  plausibleText,
  fc
    .integer({ min: 1995, max: 2025 })
    .chain((y) => fc.constantFrom(`Feb ${y}`, `Q2 ${y}`, `${y}`, y, `${y}-12`, `FY${y}`)),
  cell,
);
