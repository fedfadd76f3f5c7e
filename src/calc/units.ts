/**
 * Units of guidance and of the analyst's series: a mass unit (troy ounce, metric tonne, pound,
 * kilogram) at a power of ten ("koz", "Mt"). The `unit` argument of GUIDANCE_RANGE and
 * GUIDANCE_PROGRESS is read by the guidance reader itself ("koz" is read as "1 koz"), so it takes
 * every unit and scale word guidance is printed with.
 */
import { CalcError } from "./errors";
import type { MassUnit } from "./vocabulary";

/** Grams in one unit: the troy ounce and the pound are defined in grams exactly. */
const GRAMS: Readonly<Record<MassUnit, number>> = { oz: 31.1034768, t: 1e6, lb: 453.59237, kg: 1000 };

export const gramsPer = (u: MassUnit): number => GRAMS[u];

const MASS_UNITS = new Set<string>(["oz", "t", "lb", "kg"]);

/** The mass unit of a guidance's unit label ("oz AuEq" is ounces), null for none or a currency. */
export function massOf(label: string | null): MassUnit | null {
  const first = label?.split(" ")[0] ?? "";
  return MASS_UNITS.has(first) ? (first as MassUnit) : null;
}

/** A unit to read and return figures in: a mass unit (null: a scale alone, "thousand") at a power of ten. */
export interface TargetUnit {
  unit: MassUnit | null;
  power: number;
  printed: string;
}

/**
 * A figure of guidance in the target unit: scaled by the target's power of ten and, between masses,
 * converted ("100-110 tonnes" of gold in koz). A guidance without a unit is taken to be in the
 * target's unit; a cost or an amount of money has no mass to convert.
 */
export function toTarget(value: number, label: string | null, target: TargetUnit): number {
  const from = massOf(label);
  if (label !== null && from === null) {
    throw new CalcError("value", `the guidance is in ${label}, not a mass: unit "${target.printed}" does not apply`);
  }
  const scaled = value / 10 ** target.power;
  if (from === null || target.unit === null || from === target.unit) return scaled;
  return (scaled * GRAMS[from]) / GRAMS[target.unit];
}

const UNIT_NAMES: Readonly<Record<MassUnit, string>> = { oz: "ounces", t: "tonnes", lb: "pounds", kg: "kilograms" };
const SCALED: Readonly<Record<MassUnit | "none", Readonly<Record<number, string>>>> = {
  oz: { 3: "koz", 6: "Moz" },
  t: { 3: "kt", 6: "Mt", 9: "BT" },
  lb: { 3: "klb", 6: "Mlb" },
  kg: { 3: "t", 6: "kt" },
  none: { 3: "thousand", 6: "million", 9: "billion" },
};
const SCALE_NAMES: Readonly<Record<number, string>> = { 3: "thousands", 6: "millions", 9: "billions" };

/** How far apart a base may be from the guidance, as growth, and still be read at its own scale. */
const LIKELY_GROWTH = { min: -0.5, max: 1 };
/** Scales a base may be kept at against the guidance's unit. */
const FACTORS = [1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9];
/** Beyond this many powers of ten between guidance and base, a change is not a change of production but of scale. */
const SCALE_GAP = 1.5;

/** What the guidance is set against: "the base" 610.4, or "the values" at about 64,743 a year. */
export interface Against {
  name: string;
  value: number;
  shown: string;
  plural?: boolean;
}

/**
 * The factor to read the base at when the analyst keeps it at another scale than the guidance:
 * 1 when the growth each stated end implies lies between -50% and +100% as they stand; else the one
 * factor of a thousand, a million or a billion (up or down) that puts it there. When none does, or
 * more than one, and guidance and base are more than about 30 times apart: #VALUE! naming the likely
 * unit. Closer than that, a large change is read as it stands (a mine starting up).
 */
export function baseScale(ends: readonly number[], label: string | null, described: string, against: Against): number {
  const base = against.value;
  const fits = (f: number): boolean =>
    ends.every((e) => {
      const g = e / (base * f) - 1;
      return g >= LIKELY_GROWTH.min && g <= LIKELY_GROWTH.max;
    });
  if (fits(1)) return 1;
  const found = FACTORS.filter(fits);
  if (found.length === 1) return found[0];
  const ratio = (Math.min(...ends) + Math.max(...ends)) / 2 / base;
  if (found.length === 0 && !(Math.abs(Math.log10(ratio)) > SCALE_GAP)) return 1;
  const power = Math.max(-9, Math.min(9, 3 * Math.round(Math.log10(ratio) / 3)));
  const start = `the guidance is "${described}" and ${against.name} ${against.shown}`;
  if (power > 0) {
    const mass = massOf(label);
    const name = SCALED[mass ?? "none"][power];
    const of = mass === null ? "" : ` of ${UNIT_NAMES[mass]}`;
    throw new CalcError(
      "value",
      `${start}: give unit "${name}" if ${against.name} ${against.plural ? "are" : "is"} in ${SCALE_NAMES[power]}${of}`,
    );
  }
  throw new CalcError(
    "value",
    `${start}, about ${formatNumber(10 ** -power)} times the guidance: write the guidance with its scale word ("koz", "million"), or ${against.name} at the guidance's scale`,
  );
}

/** A number as a message prints it: thousands grouped with commas, at most 10 significant digits. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const [int, frac] = String(Number(x.toPrecision(10))).split(".");
  if (int.includes("e")) return String(x);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
