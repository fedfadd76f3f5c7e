/**
 * What a figure measures, from the words around it or its table row: a material (gold, silver, silver
 * equivalent, copper, coal, ore…), a measure (produced, sold, processed, purchased, grade, price…) and
 * qualifiers that set rows apart ("average spot", "attributable", "sustaining").
 */
import type { Token } from "./tokens";

export interface Metric {
  material: string | null;
  measure: string | null;
  qualifiers: string[];
}

// Maps, not objects: words from the text must never reach Object.prototype.
const MATERIALS = new Map<string, string>(
  Object.entries({
    gold: "gold",
    au: "gold",
    silver: "silver",
    ag: "silver",
    copper: "copper",
    cu: "copper",
    zinc: "zinc",
    nickel: "nickel",
    coal: "coal",
    ore: "ore",
    iron: "ore",
    mineralized: "ore",
    mineralised: "ore",
    material: "ore",
    waste: "waste",
    geo: "gold equivalent",
    geos: "gold equivalent",
    aueq: "gold equivalent",
    ageq: "silver equivalent",
    concentrate: "concentrate",
    reserves: "reserves",
  }),
);

const MEASURES = new Map<string, string>(
  Object.entries({
    production: "produced",
    produced: "produced",
    produce: "produced",
    produces: "produced",
    producing: "produced",
    output: "produced",
    mined: "mined",
    sold: "sold",
    sales: "sold",
    sale: "sold",
    processed: "processed",
    processing: "processed",
    milled: "processed",
    throughput: "processed",
    treated: "processed",
    feed: "processed",
    purchases: "purchased",
    purchased: "purchased",
    bought: "purchased",
    dispatch: "dispatched",
    dispatches: "dispatched",
    dispatched: "dispatched",
    despatch: "dispatched",
    despatches: "dispatched",
    despatched: "dispatched",
    recovered: "produced",
    poured: "poured",
    offtake: "dispatched",
    exported: "exported",
    exports: "exported",
    grade: "grade",
    grades: "grade",
    yield: "grade",
    recovery: "recovery",
    recoveries: "recovery",
    revenue: "revenue",
    revenues: "revenue",
    turnover: "revenue",
    price: "price",
    cost: "cost",
    costs: "cost",
    aisc: "cost",
    aic: "cost",
    capex: "capex",
    expenditure: "capex",
    margin: "margin",
    dividend: "dividend",
    income: "income",
    ebitda: "income",
    earnings: "income",
    profit: "income",
    ratio: "ratio",
    volumes: "volume",
  }),
);

/** Measures that name what a figure is, whatever verb stands near ("grade mined", "price received"). */
const STRONG = new Set([
  "grade",
  "recovery",
  "price",
  "cost",
  "capex",
  "revenue",
  "margin",
  "dividend",
  "income",
  "ratio",
  "reserves",
]);

const QUALIFIERS = new Set([
  "attributable",
  "consolidated",
  "spot",
  "sustaining",
  "cash",
  "total",
  "realized",
  "realised",
  // stages and shares of one material's output that releases report as separate series
  "rom",
  "saleable",
  "salable",
  "managed",
  "equity",
  "payable",
]);

export const noMetric = (): Metric => ({ material: null, measure: null, qualifiers: [] });

/** The metric the words of tokens[from, to) name; later words win, as the noun ends an English phrase. */
export function metricOf(tokens: Token[], from: number, to: number, skipBrackets = false): Metric {
  const m = noMetric();
  let depth = 0;
  let strongAt = -1;
  for (let i = Math.max(0, from); i < to && i < tokens.length; i++) {
    const t = tokens[i];
    if (skipBrackets && t.kind === "punct") {
      if (t.text === "(") depth++;
      else if (t.text === ")") depth = Math.max(0, depth - 1);
    }
    if (t.kind !== "word" || depth > 0) continue;
    const w = t.lower;
    if (w === "equivalent" || w === "eq") {
      if (m.material === "gold" || m.material === "silver") m.material = `${m.material} equivalent`;
      continue;
    }
    // "Au" and "Ag" only as printed in capitals ("(Au oz.)", "recovery rate – Ag")
    if ((w === "au" || w === "ag" || w === "cu") && t.text !== t.text[0].toUpperCase() + t.text.slice(1).toLowerCase())
      continue;
    // "lead" is the metal only where printed as one: "Lead production", "Lead (%)", "pounds of lead"
    if (w === "lead" && leadMetal(tokens, i)) {
      m.material = "lead";
      continue;
    }
    const material = MATERIALS.get(w);
    if (material !== undefined) {
      if (material === "reserves") m.measure = "reserves";
      else if (!(m.material && m.material.endsWith("equivalent") && m.material.startsWith(material)))
        m.material = material;
      continue;
    }
    const measure = MEASURES.get(w);
    if (measure !== undefined) {
      // "grade mined", "price received": what is measured outranks the verb around it
      // "lower-grade ore … gold production": far from it, the verb names the measure again
      if (!(m.measure !== null && STRONG.has(m.measure) && !STRONG.has(measure) && i - strongAt <= 2))
        m.measure = measure;
      if (STRONG.has(measure)) strongAt = i;
      continue;
    }
    if (QUALIFIERS.has(w) && !m.qualifiers.includes(w)) m.qualifiers.push(w);
  }
  if (m.material === "coal" && m.measure === "mined") m.measure = "produced";
  if (m.material === "ore" && (m.measure === "mined" || m.measure === null)) m.measure = m.measure ?? null;
  return m;
}

function leadMetal(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next?.kind === "word" && (MEASURES.has(next.lower) || /^(grade|recovery|concentrate)$/.test(next.lower)))
    return true;
  if (next?.text === "(") return true;
  const before = tokens[i - 1];
  return isWordToken(before, "of") && /^(pounds|lbs?|tonnes|t|kt)$/i.test(tokens[i - 2]?.text ?? "");
}

const isWordToken = (t: Token | undefined, w: string): boolean => t !== undefined && t.kind === "word" && t.lower === w;

/** A word naming a metal or its equivalent ("gold", "silver", "equivalent"), as printed between a figure and its unit. */
export const isMaterialWord = (t: Token | undefined): boolean =>
  t !== undefined && t.kind === "word" && (MATERIALS.has(t.lower) || t.lower === "equivalent" || t.lower === "eq");

/** Measures that are averages or rates over a period (a grade, a cost per ounce, a price): they never add up. */
const AVERAGES = new Set(["grade", "recovery", "price", "cost", "ratio", "margin"]);

/**
 * Whether figures of a metric in a unit add up over periods or sites (ounces, tonnes, money): not a grade,
 * a recovery, a price, a cost per ounce, a ratio or a rate ("g/t", "US$/oz", "tpd", "%").
 */
export const isAdditive = (m: Metric, dim: string): boolean =>
  !(m.measure !== null && AVERAGES.has(m.measure)) &&
  !dim.includes("/") &&
  dim !== "%" &&
  dim !== "ratio" &&
  dim !== "tpd";

export const hasMetric = (m: Metric): boolean => m.material !== null || m.measure !== null;

/** The materials a phrase names in order ("silver and gold production": silver, gold). */
export function materialsOf(tokens: Token[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, from); i < to && i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "word") continue;
    const material = MATERIALS.get(t.lower);
    if (material !== undefined && material !== "reserves" && !out.includes(material)) out.push(material);
  }
  return out;
}

/** Whether two metrics can be the same series: every part both know agrees. */
export function sameMetric(a: Metric, b: Metric): boolean {
  if (a.measure === null || b.measure === null) return false;
  if (a.measure !== b.measure) return false;
  if (a.material !== null && b.material !== null && a.material !== b.material) return false;
  return true;
}

/** How closely two metrics agree, for choosing among several rows: more shared parts, fewer extra qualifiers. */
export function metricScore(claim: Metric, row: Metric): number {
  if (!sameMetric(claim, row)) return -1;
  let s = 1;
  if (claim.material !== null && claim.material === row.material) s += 2;
  if (claim.material === null && row.material === null) s += 1;
  // "total" names the same series ("Total capital expenditure" is capital expenditure); other qualifiers set rows apart
  for (const q of row.qualifiers) if (q !== "total") s += claim.qualifiers.includes(q) ? 1 : -1;
  return s;
}

export function metricLabel(m: Metric): string | null {
  if (!hasMetric(m)) return null;
  return [m.material, m.measure].filter((x) => x !== null).join(" ");
}
