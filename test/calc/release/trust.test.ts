import { describe, expect, it } from "vitest";
import { readRelease } from "../../../src/calc/release";
import type { Metric } from "../../../src/calc/release/metrics";
import type { Fig } from "../../../src/calc/release/model";
import { recordDoubt, seriesDoubt } from "../../../src/calc/release/trust";

const metric = (material: string | null, measure: string | null, qualifiers: string[] = []): Metric => ({
  material,
  measure,
  qualifiers,
});
/** Only the parts of a figure the doubts read. */
const fig = (printed: string, m: Metric, unitText: string): Fig => ({ q: { printed }, metric: m, unitText }) as Fig;

describe("no flag on a figure of another series", () => {
  it("a change whose compared figure is looked up in another sentence of another series is not checkable", () => {
    // A coal producer's quarter: ROM and saleable coal are two series; the saleable change's prior is not printed.
    const text = [
      "Quarterly report for the September 2017 quarter, issued 12 October 2017.",
      "ROM coal production at the mine in the quarter was 2.599 million t, up 37% on 1.900 million t produced in the previous corresponding period.",
      "Saleable coal production for the quarter was 2.436 million t, up 38% on the previous corresponding quarter.",
    ].join("\n");
    const verdicts = readRelease(text).claims.map((c) => [text.slice(c.start, c.end), c.verdict]);
    // 2.599 / 1.900 - 1 = 36.8%, stated 37%
    expect(verdicts).toContainEqual(["up 37%", "consistent"]);
    // 2.436 / 1.900 - 1 = 28.2% would be a flag, but 1.900 is ROM coal, not saleable coal
    expect(verdicts).toContainEqual(["up 38%", "not checkable"]);
  });

  it("seriesDoubt: qualifiers and a named material must agree; total names the same series", () => {
    const coal = metric("coal", "produced", ["rom"]);
    expect(seriesDoubt(fig("1.900", coal, "million t"), metric("coal", "produced", ["saleable"]))).toMatch(/rom/);
    expect(seriesDoubt(fig("1.900", coal, "million t"), metric("coal", "produced", ["rom", "total"]))).toBeNull();
    expect(seriesDoubt(fig("5", metric("silver", "produced"), "oz"), metric("gold", "produced"))).toMatch(/silver/);
    expect(seriesDoubt(fig("5", metric("silver", "produced"), "oz"), metric(null, "produced"))).toBeNull();
  });

  it("recordDoubt: an earlier figure breaks a record only in the record's material, unit and series", () => {
    const geo = fig("87,950", metric("gold equivalent", "produced"), "gold equivalent ounces");
    const lead = fig("8,245,289", metric("lead", "produced"), "lbs");
    expect(recordDoubt(lead, geo, metric(null, "produced"))).toMatch(/material/);
    const goldOz = fig("90,000", metric("gold", "produced"), "oz");
    const goldKoz = fig("95", metric("gold", "produced"), "koz");
    expect(recordDoubt(goldKoz, goldOz, metric("gold", "produced"))).toMatch(/koz/);
    expect(recordDoubt(fig("95,000", metric("gold", "produced"), "oz"), goldOz, metric("gold", "produced"))).toBeNull();
    expect(recordDoubt(goldOz, fig("1", metric(null, "produced"), "oz"), metric(null, "produced"))).toMatch(/material/);
  });
});
