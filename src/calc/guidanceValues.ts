/**
 * The values of a guidance's ends once its words are read (guidance.ts): one scale word shared by
 * both ends, each figure read again at the scale printed elsewhere, the "88-92,000" shorthand, "MT"
 * settled or refused, a tolerance, the unit and its label, and what no mine produces refused.
 */
import type { CalcError } from "./errors";
import { figureValue, Refusal, scanFigure, type Figure, type NumberSettings } from "./number";
import type { Token } from "./guidanceWords";
import { formatNumber, gramsPer } from "./units";
import { currencyOf, METAL_SYMBOLS, SCALED_UNITS, type Bound, type MassUnit } from "./vocabulary";

export type Fail = (why: string) => CalcError;

/** What the reader of a text hands on: the text, its tokens and settings, how to fail, commodities named before the figure. */
export interface Context {
  s: string;
  tokens: readonly Token[];
  settings: NumberSettings;
  fail: Fail;
  leading: ReadonlySet<string>;
}

/** What the words after one figure say: its unit, the scale they carry, the metal, a cost per unit. */
interface Sense {
  unit?: MassUnit;
  power?: number;
  millionOrMetric?: boolean;
  equivalent?: boolean;
  metals: Set<string>;
  currency?: string;
  per?: MassUnit;
  /** Words the vocabulary does not know: allowed after the last figure only. */
  unknown: string[];
  /** Words or marks after the figure (a figure with none is bare: "88" of "88-92,000"). */
  words: number;
}

export interface End {
  figure: Figure;
  /** Made from words ("one billion", "medio millón"): not read again. */
  fromWords: boolean;
  sense: Sense;
  after?: { bound: Bound; text: string };
  /** "(+/- 5%)", "(±7%)": a tolerance around the figure, which makes it a range. */
  tolerance?: { figure: Figure; text: string };
}

/** A restatement in parentheses: "(70 million tonnes)", "(1.804 – 1.897,3 t)". */
export interface Restated {
  text: string;
  reading: Plain;
}

/** A reading before bounds: the ends' values with the precision printed. */
export interface Plain {
  values: number[];
  /** Half a unit in the last digit printed, per end: what a restatement may differ by. */
  halfUnits: number[];
  unit: MassUnit | null;
  label: string | null;
}

/**
 * Guidance at or above these is more than the world mines of anything in a year (coal, the most
 * mined, is under 9 billion tonnes; silver under a billion ounces): a scale word is wrong ("zwischen
 * 37.000 und 42.000 Mio. t"), or "MT" means metric tonnes, not million tonnes ("10.000 MT").
 */
const IMPLAUSIBLE: Readonly<Record<MassUnit, number>> = { t: 1e10, oz: 1e10, lb: 1e11, kg: 1e13 };
/** Commodities never counted in troy ounces: an ounce figure of them is a misprint. */
const NOT_IN_OUNCES = new Set(["copper", "iron ore", "coal", "zinc", "lead", "nickel"]);
/** Commodities counted in tonnes only (never pounds or ounces): "38 milhões de minério de ferro" is in tonnes. */
const ONLY_IN_TONNES = new Set(["iron ore", "coal"]);

/** The ends' values, their unit and label: scales shared, the "88-92,000" shorthand, "MT" settled or refused. */
export function valuesOf(ends: End[], c: Context): Plain {
  const fail = c.fail;
  const own = ends.map((e) => (e.figure.scale !== "" ? e.figure.scalePower : undefined));
  for (const [k, e] of ends.entries()) {
    if (own[k] !== undefined && e.sense.power !== undefined) throw fail(`two scales after "${e.figure.run}"`);
  }
  const powers = ends.map((e, k) => own[k] ?? e.sense.power);
  // One scale word ("6.5 - 7.0 million", "18 million - 21") applies to both ends.
  const shared = powers.find((p) => p !== undefined);
  const figures = ends.map((e, k) =>
    again(e, powers[k] === undefined ? shared : own[k] === undefined ? powers[k] : undefined, c),
  );
  const power = powers.map((p) => p ?? shared ?? 0);
  shorthand(ends, figures);

  // "MT" without a scale word: metric tonnes, or million tonnes as Indian releases write it.
  // One text means one of them; a million-tonne reading beyond anything mined settles it.
  if (ends.some((e, k) => e.sense.millionOrMetric && power[k] === 0)) {
    const asMillion = ends.map((e) => figureValue(again(e, 6, c), 6));
    if (!asMillion.some((v) => v >= IMPLAUSIBLE.t)) {
      const printed = c.s.slice(c.tokens[0].start, c.tokens[c.tokens.length - 1].end).trim();
      const asMetric = figures.map((f) => formatNumber(figureValue(f, 0))).join(" to ");
      throw fail(
        `"${printed}" could be ${asMetric} t ("MT" for metric tonnes) or ${asMillion.map(formatNumber).join(" to ")} t ("MT" for million tonnes, as Indian releases write it): write "t" or "Mt"`,
      );
    }
  }
  const values = figures.map((f, k) => figureValue(f, power[k]));
  const tolerance = ends[0].tolerance;
  if (ends.length === 1 && tolerance !== undefined) {
    values.splice(0, 1, ...withTolerance(figures[0], power[0], tolerance.figure));
  }
  const halfUnits = values.map((_, k) => {
    const f = figures[Math.min(k, figures.length - 1)];
    return 0.5 * 10 ** (power[Math.min(k, power.length - 1)] + f.exponent - f.fraction.length);
  });

  const units = ends.map((e) => e.sense.unit ?? SCALED_UNITS.get(e.figure.scale.toLowerCase()));
  const [u1, u2] = units;
  if (u1 !== undefined && u2 !== undefined && u1 !== u2) throw fail(`two units: ${u1} and ${u2}`);
  let unit = u1 ?? u2 ?? null;
  const metals = ends.map((e) => [...e.sense.metals].join(" and "));
  if (metals.length === 2 && metals[0] !== "" && metals[1] !== "" && metals[0] !== metals[1]) {
    throw fail(`two commodities: ${metals[0]} and ${metals[1]}`);
  }
  const allMetals = new Set([...c.leading, ...ends.flatMap((e) => [...e.sense.metals])]);
  const equivalent = ends.some((e) => e.sense.equivalent);
  if (equivalent && allMetals.size !== 1) throw fail("equivalent ounces of which metal is not said");
  const currencies = new Set(
    ends.flatMap((e) => [e.figure.currency !== "" ? currencyOf(e.figure.currency) : (e.sense.currency ?? [])].flat()),
  );
  if (currencies.size > 1) throw fail(`two currencies: ${[...currencies].join(" and ")}`);
  const [currency] = currencies;
  const per = ends.map((e) => e.sense.per).find((p) => p !== undefined);
  if (
    unit === null &&
    currency === undefined &&
    allMetals.size > 0 &&
    [...allMetals].every((m) => ONLY_IN_TONNES.has(m))
  )
    unit = "t";
  if (per !== undefined && currency === undefined) throw fail(`a rate per ${per} is not a quantity for a period`);
  const printedUnit = unitLabel(fail, unit, equivalent ? [...allMetals][0] : undefined, currency, per);
  if (unit === "oz") {
    const base = [...allMetals].find((m) => NOT_IN_OUNCES.has(m));
    if (base !== undefined) throw fail(`${base} is not counted in ounces (a misprint for tonnes?)`);
  }
  if (currency === undefined && unit !== null && values.some((v) => v >= IMPLAUSIBLE[unit])) {
    const v = formatNumber(Math.max(...values));
    throw fail(`${v} ${unit} is more than the world mines in a year: a scale word may be wrong`);
  }
  return { values, halfUnits, unit: currency === undefined ? unit : null, label: printedUnit };
}

function unitLabel(
  fail: Fail,

  unit: MassUnit | null,
  equivalent: string | undefined,
  currency: string | undefined,
  per: MassUnit | undefined,
): string | null {
  if (currency !== undefined) return per === undefined ? currency : `${currency}/${per}`;
  if (equivalent === undefined) return unit;
  const symbol = METAL_SYMBOLS.get(equivalent);
  if (symbol === undefined) throw fail(`equivalent ${equivalent} is not a unit PROD reads`);
  return `${unit ?? "oz"} ${symbol}Eq`;
}

/** The figure read again when its scale is printed elsewhere, so that its decimal mark is settled as that scale's. */
function again(end: End, power: number | undefined, c: Context): Figure {
  const fail = c.fail;
  if (power === undefined || end.fromWords) return end.figure;
  const f = scanFigure(c.s, end.figure.digitsAt, c.settings, power);
  if (f instanceof Refusal) throw fail(f.why);
  if (f === null) throw fail(`expected a figure at "${c.s.slice(end.figure.digitsAt)}"`);
  return f.end === end.figure.end || f.scale === ""
    ? { ...f, scale: end.figure.scale, scalePower: end.figure.scalePower }
    : f;
}

/** "88-92,000": a bare low end borrows the high end's thousands groups when it is below the high end's lead. */
function shorthand(ends: End[], figures: Figure[]): void {
  if (ends.length !== 2) return;
  const [a, b] = ends;
  const [low, high] = figures;
  const bare =
    !a.fromWords && low.currency === "" && low.scale === "" && a.sense.words === 0 && a.sense.unknown.length === 0;
  if (
    bare &&
    low.groups === 0 &&
    low.fraction === "" &&
    low.exponent === 0 &&
    high.groups > 0 &&
    high.fraction === "" &&
    b.figure.exponent === 0 &&
    BigInt(low.integer) < BigInt(high.lead)
  ) {
    figures[0] = { ...low, integer: low.integer + "000".repeat(high.groups) };
  }
}

/** A restatement must be the same quantity, to the precision it is printed with. */
export function checkRestated(main: Plain, r: Restated, fail: Fail): void {
  const same =
    r.reading.values.length === main.values.length &&
    (r.reading.label === null || main.label === null || sameKind(r.reading, main)) &&
    r.reading.values.every((v, k) => {
      const factor = r.reading.unit !== null && main.unit !== null ? gramsPer(main.unit) / gramsPer(r.reading.unit) : 1;
      return Math.abs(main.values[k] * factor - v) <= r.reading.halfUnits[k] * (1 + 1e-12);
    });
  if (!same) {
    const mainText = main.values.join(" to ") + (main.label === null ? "" : ` ${main.label}`);
    throw fail(`the parenthesis "${r.text}" is not the same quantity as ${mainText}`);
  }
}

/** A figure ± a percentage, exactly: v × (100 ∓ p) / 100 on the decimal digits, rounded once. */
function withTolerance(f: Figure, power: number, p: Figure): [number, number] {
  const v = BigInt(f.integer + f.fraction);
  const ev = power + f.exponent - f.fraction.length;
  const fp = p.fraction.length - p.exponent;
  const pc = BigInt(p.integer + p.fraction) * 10n ** BigInt(Math.max(0, -fp));
  const scale = 100n * 10n ** BigInt(Math.max(0, fp));
  const exp = ev - Math.max(0, fp) - 2;
  return [Number(`${v * (scale - pc)}e${exp}`), Number(`${v * (scale + pc)}e${exp}`)];
}

function sameKind(a: Plain, b: Plain): boolean {
  return (a.unit !== null) === (b.unit !== null) && (a.unit !== null || a.label === b.label);
}
