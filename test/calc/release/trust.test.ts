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

describe("a figure another comparison measures against is never a change's current figure", () => {
  const read = (text: string) => readRelease(text).claims.map((c) => [text.slice(c.start, c.end), c.verdict]);

  it("'X, 1% higher than Y and 27% higher than Z' compares X with Z", () => {
    const text = [
      "Acme Gold: second quarter 2019 report, 18 July 2019.",
      "- The mine produced 117,913 ounces of gold in the second quarter of 2019, slightly (1%) higher than the 116,183 ounces of the first quarter and 27% higher than the 92,803 ounces of the second quarter of 2018.",
    ].join("\n");
    // 117,913 / 92,803 - 1 = 27.06%; the figure before the claim, 116,183, is Q1's (25.2% would be a false flag)
    expect(read(text)).toContainEqual(["27% higher", "consistent"]);
  });

  it("a figure in brackets after 'than in Q1' is not looked up as the next change's current", () => {
    const text = [
      "Acme Gold: second quarter 2019 report, 18 July 2019.",
      "- Q2 gold sales of 112,764 ounces, at an average realised price of US$1,307 per ounce, were 1% higher than in Q1 (111,365 ounces at US$1,303 per ounce) and 16% higher than in Q2 2018 (97,628 ounces at US$1,298 per ounce).",
    ].join("\n");
    // 111,365 / 97,628 - 1 = 14.1% would flag a true claim (112,764 / 97,628 - 1 = 15.5%)
    const verdicts = read(text);
    expect(verdicts.find(([t]) => t === "16% higher")?.[1]).not.toMatch(/inconsistent/);
  });
});

describe("a target years ahead, its growth said before the range", () => {
  const release = (target: string, extra = "") =>
    [
      "Northfield Gold, 14 March 2023.",
      `Gold production in 2022 was 200,000 ounces.${extra}`,
      `The company plans to more than double annual gold production, reaching between ${target}.`,
    ].join("\n");
  const verdictOf = (text: string) => {
    const c = readRelease(text).claims.find((x) => x.kind === "guidance");
    return { verdict: c?.verdict, stated: c?.stated, missing: c?.missing };
  };

  it("grows from the last whole year before the release when the target is two or more years after it", () => {
    // 410,000 / 200,000 - 1 = 105%: more than double at the low end
    expect(verdictOf(release("410,000 and 450,000 ounces in 2026"))).toMatchObject({
      verdict: "low end: consistent",
      stated: "more than double",
    });
    // 390,000 / 200,000 - 1 = 95%: the low end does not double
    expect(verdictOf(release("390,000 and 450,000 ounces in 2026")).verdict).toMatch(
      /^low end: inconsistent: the numbers give 95/,
    );
  });

  it("gives no flag when another printed figure could be that year's", () => {
    const twice = release(
      "390,000 and 450,000 ounces in 2026",
      " Gold production in 2022 was 212,000 ounces with the new mill.",
    );
    expect(verdictOf(twice).verdict).toBe("not checkable");
  });

  it("next year's target still grows from the year before it, and says it is not printed", () => {
    const next = verdictOf(release("390,000 and 450,000 ounces in 2024"));
    expect(next.verdict).toBe("not checkable");
    expect(next.missing).toMatch(/2023 is not printed/);
  });
});
