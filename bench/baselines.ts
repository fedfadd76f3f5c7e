/**
 * BASELINES — what one pass over the data costs in plain JavaScript. Committed before the code they
 * are compared with and never changed afterwards, so the ratios stay comparable across runs.
 * Each is a hand-written loop over Float64Arrays of consecutive months (oldest first), calendar years.
 */
import Papa from "papaparse";

/** Growth of each month against the same month a year earlier (NaN where there is no prior year). */
export function baselineMonth(v: Float64Array): Float64Array {
  const n = v.length;
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) g[i] = i >= 12 ? v[i] / v[i - 12] - 1 : NaN;
  return g;
}

/** Year-to-date sum against the same months a year earlier; `firstMonth` is an absolute month index. */
export function baselineYtd(v: Float64Array, firstMonth: number): Float64Array {
  const n = v.length;
  const ytd = new Float64Array(n);
  const g = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum = (firstMonth + i) % 12 === 0 ? v[i] : sum + v[i];
    ytd[i] = sum;
    g[i] = i >= 12 ? sum / ytd[i - 12] - 1 : NaN;
  }
  return g;
}

/** Trailing twelve months against the twelve months before them. */
export function baselineTtm(v: Float64Array): Float64Array {
  const n = v.length;
  const ttm = new Float64Array(n);
  const g = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += v[i] - (i >= 12 ? v[i - 12] : 0);
    ttm[i] = sum;
    g[i] = i >= 23 ? sum / ttm[i - 12] - 1 : NaN;
  }
  return g;
}

export type Scope = "month" | "all" | "ytd";

/** Record flags by running maxima: strictly above every earlier value in scope; none earlier -> 0. */
export function baselineRecords(v: Float64Array, firstMonth: number, scope: Scope): Uint8Array {
  const n = v.length;
  const flags = new Uint8Array(n);
  const best = new Float64Array(12).fill(-Infinity);
  let all = -Infinity;
  let ytd = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    const cal = (firstMonth + i) % 12;
    if (scope === "month") {
      flags[i] = best[cal] !== -Infinity && x > best[cal] ? 1 : 0;
      if (x > best[cal]) best[cal] = x;
    } else if (scope === "all") {
      flags[i] = all !== -Infinity && x > all ? 1 : 0;
      if (x > all) all = x;
    } else {
      if (cal === 0) ytd = -Infinity;
      flags[i] = ytd !== -Infinity && x > ytd ? 1 : 0;
      if (x > ytd) ytd = x;
    }
  }
  return flags;
}

/** Month index (year * 12 + month0) of an Excel serial from March 1900 on (days-to-civil, int32 math). */
function monthOfSerial(serial: number): number {
  const z = ((serial | 0) - 25569 + 719468) | 0; // days since 0000-03-01 (positive for every Excel date)
  const era = (z / 146097) | 0;
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const month0 = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month0 < 2 ? 1 : 0);
  return year * 12 + month0;
}

/** Series building: serials -> month indexes, then values scattered into a dense Float64Array. */
export function baselineSeries(serials: Float64Array, v: Float64Array): { first: number; values: Float64Array } {
  const n = serials.length;
  const months = new Int32Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const m = monthOfSerial(serials[i]);
    months[i] = m;
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  const dense = new Float64Array(n ? hi - lo + 1 : 0).fill(NaN);
  for (let i = 0; i < n; i++) {
    const k = months[i] - lo;
    if (dense[k] === dense[k]) throw new Error(`same month twice at row ${i + 1}`);
    dense[k] = v[i];
  }
  return { first: lo, values: dense };
}

/** Import baseline: papaparse alone, default options, on the same text. */
export function baselineParse(text: string): unknown {
  return Papa.parse(text);
}
