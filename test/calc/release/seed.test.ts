/**
 * The founding case end to end: Dynacor's release of 29 March 2017, read from ../shared/seed at run time
 * (CI clones the repository beside shared/). It prints only some of its figures, so the reader must join
 * them across paragraphs and say what it cannot check.
 */
import { describe, expect, it } from "vitest";
import { readRelease, type ReleaseClaim, type ReleaseFigure } from "../../../src/calc/release";
import { releaseText } from "../../support/releaseCorpus";

const text = releaseText("seed");
const release = readRelease(text);
const claim = (words: string): ReleaseClaim => {
  const at = text.indexOf(words);
  const c = release.claims.find((x) => x.start <= at + words.length && x.end >= at);
  if (!c) throw new Error(`no claim at "${words}"`);
  return c;
};
const fig = (c: ReleaseClaim, role: string): ReleaseFigure | null => c.figures[role] as ReleaseFigure | null;

describe("the seed release (Dynacor, 29 March 2017)", () => {
  it("takes its date from the dateline", () => {
    expect(release.date).toBe("2017-03-29");
  });

  it('"a 9% increase as compared with 2015": 73,476 over 67,603 is 8.69%, consistent', () => {
    const c = claim("a 9% increase as compared with 2015");
    expect(c.kind).toBe("change");
    expect(fig(c, "current")?.value).toBe(73476);
    expect(fig(c, "prior")?.value).toBe(67603);
    expect(c.computed).toBe("8.69%");
    expect(c.verdict).toBe("consistent");
  });

  it('"a 20-26% increase as compared to 2016": the 2016 base from the About paragraph, the high end rounded up', () => {
    const c = claim("a 20-26% increase as compared to 2016");
    expect(c.kind).toBe("guidance");
    expect([fig(c, "low")?.value, fig(c, "high")?.value, fig(c, "base")?.value]).toEqual([88000, 92000, 73476]);
    // the base is printed two paragraphs later, in "About Dynacor"
    expect(fig(c, "base")!.start).toBeGreaterThan(text.indexOf("ABOUT DYNACOR"));
    expect(c.computed).toBe("19.77% | 25.21%");
    expect(c.verdict).toBe("consistent | rounded up: the numbers give 25.2%");
  });

  it('"a 20% increase from the previous calendar year": one figure for a range is the low end', () => {
    const c = claim("a 20% increase from the previous calendar year");
    expect(c.kind).toBe("guidance");
    expect(fig(c, "base")?.value).toBe(73476);
    expect(c.verdict).toBe("low end: consistent");
  });

  it('"gold production by 24%" over the first two months: not checkable, naming the months not printed', () => {
    const c = claim("gold production by 24% as compared to 2016");
    expect(c.verdict).toBe("not checkable");
    expect(c.missing).toMatch(/Jan 2017/);
    expect(c.missing).toMatch(/2016/);
  });

  it('"an all-time record for the month of February of 6,736 oz": not checkable, no earlier February printed', () => {
    const c = claim("an all-time record for the month of February");
    expect(c.kind).toBe("record");
    expect(fig(c, "value")?.value).toBe(6736);
    expect(c.scope).toMatch(/February/);
    expect(c.verdict).toBe("not checkable");
    expect(c.missing).toMatch(/Februar/);
  });

  it('"ore purchases … up by more than 30%": not checkable, ore purchases are not printed', () => {
    const c = claim("up by more than 30%");
    expect(c.verdict).toBe("not checkable");
    expect(c.missing).toMatch(/ore/);
  });

  it("reports nothing else, and none of the seed's non-claims", () => {
    expect(release.claims).toHaveLength(6);
    for (const nc of [
      "the first 3-4 months",
      "300 tpd",
      "more than 100 new small artisanal miners",
      "January 12, 2017",
    ]) {
      const at = text.indexOf(nc);
      expect(release.claims.filter((c) => c.start >= at && c.end <= at + nc.length)).toEqual([]);
    }
  });

  it("gives every position in the text it read", () => {
    for (const c of release.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    for (const f of release.figures) expect(text.slice(f.start, f.end)).toBe(f.printed);
  });
});
