/**
 * Layouts and forms met on releases the reader was not built on, each on a short text of our own with the verdict
 * worked by hand: a table's label between two blocks of figures, one current quarter compared with two periods,
 * a heading that says what a list of changes is measured against, a range revised after the guidance word, amounts
 * against the quarter before or against another measure, and a bullet that names its mine.
 */
import { describe, expect, it } from "vitest";
import { readRelease, type ReleaseClaim, type ReleaseFigure } from "../../../src/calc/release";

const claimAt = (text: string, words: string, nth = 1): ReleaseClaim => {
  let at = -1;
  for (let k = 0; k < nth; k++) at = text.indexOf(words, at + 1);
  const c = readRelease(text).claims.find((x) => x.start <= at && x.end >= at + words.length);
  if (!c) throw new Error(`no claim at "${words}"`);
  return c;
};
const value = (f: ReleaseFigure | ReleaseFigure[] | null | undefined): number | null =>
  f && !Array.isArray(f) ? f.value : null;

describe("a table that prints its label between two blocks of figures", () => {
  const text = [
    "Example Silver: second quarter 2024 production",
    "",
    "DURANGO, July 10, 2024 - Example Silver reports its production.",
    "",
    "Q2 2024 | Q2 2023 | Change | | H1 2024 | H1 2023 | Change",
    "40,000 | 32,000 | 25 % | Gold Produced (oz) | 70,000 | 56,000 | 30 %",
    "2.0 | 2.5 | -20 % | Feed Grade Gold (g/t) | 2.2 | 2.0 | 5 %",
    "",
  ].join("\n");

  it("pairs each change cell with the two columns before it, in its own block", () => {
    // 40,000 / 32,000 − 1 = 25%; 2.0 / 2.5 − 1 = −20%
    const q = claimAt(text, "25 %");
    expect([q.verdict, value(q.figures.current), value(q.figures.prior)]).toEqual(["consistent", 40000, 32000]);
    expect(q.where.row).toBe("Gold Produced (oz)");
    expect(claimAt(text, "-20 %").verdict).toBe("consistent");
  });

  it("checks the half-year block against its own columns", () => {
    // 70,000 / 56,000 − 1 = 25.0%, printed 30 %; 2.2 / 2.0 − 1 = 10.0%, printed 5 %
    const h = claimAt(text, "30 %");
    expect([h.verdict, value(h.figures.current), value(h.figures.prior)]).toEqual([
      "inconsistent: the numbers give 25.0%",
      70000,
      56000,
    ]);
    expect(claimAt(text, "5 %", 2).verdict).toBe("inconsistent: the numbers give 10.0%");
  });
});

describe("one quarter compared with two periods in one row", () => {
  it("a block repeating the current quarter; a footnote row under the table does not make a column text", () => {
    const text = [
      "Example Mining: third quarter 2024 production",
      "",
      "Summary | Q3 2024 | Q3 2023 | Change | Q3 2024 | Q2 2024 | Change |",
      "Silver production (oz) | 500,000 | 400,000 | 25% | 500,000 | 625,000 | -20% |",
      "Gold production (oz) | 5,000 | 4,000 | 20% | 5,000 | 4,000 | 25% |",
      "(1) | Silver equivalent is worked out from the metal prices of the quarter, given in the notes. |",
      "",
    ].join("\n");
    // 500,000 / 400,000 − 1 = 25%; 500,000 / 625,000 − 1 = −20%; 5,000 / 4,000 − 1 = 25%, printed 20% in the first block
    expect(claimAt(text, "25%").verdict).toBe("consistent");
    expect(claimAt(text, "-20%").verdict).toBe("consistent");
    expect(claimAt(text, "20%", 2).verdict).toBe("inconsistent: the numbers give 25.0%");
  });

  it('"current | prior quarter | % Var. | year before | % Var.": the second change is against the current column', () => {
    const text = [
      "Example Metals: second quarter 2024 production",
      "",
      "Production | Q2 2024 | Q1 2024 | % Var. | Q2 2023 | % Var.",
      "Tonnes processed | 600,000 | 500,000 | 20 | % | 480,000 | 25 | %",
      "Silver production (000 oz) | 700 | 560 | 25 | % | 800 | 10 | %",
      "",
    ].join("\n");
    // 600,000 / 500,000 − 1 = 20%; 600,000 / 480,000 − 1 = 25% (Q1 against Q2 2023 would be 4.2%: never compared)
    const y = claimAt(text, "25 | %");
    expect([y.verdict, value(y.figures.current), value(y.figures.prior)]).toEqual(["consistent", 600000, 480000]);
    expect(claimAt(text, "20 | %").verdict).toBe("consistent");
    // 700 / 800 − 1 = −12.5%: printed 10
    expect(claimAt(text, "10 | %").verdict).toBe("inconsistent: the numbers give -12.5%");
  });

  it("gives no claim when the block's first column is not the latest period", () => {
    const text = [
      "Production | Q1 2024 | Q2 2024 | % Var. | Q2 2023 | % Var.",
      "Tonnes processed | 500,000 | 600,000 | 20 | % | 480,000 | 25 | %",
      "Silver production (000 oz) | 560 | 700 | 25 | % | 800 | 10 | %",
    ].join("\n");
    expect(readRelease(text).claims.filter((c) => c.stated === "10%")).toEqual([]);
  });
});

describe("a heading that says what the list under it is measured against", () => {
  const table = [
    "",
    "Production | Q2 2024 | Q2 2023",
    "Gold produced (oz) | 40,000 | 32,000",
    "Mill feed (tonnes) | 157,371 | 118,224",
    "",
  ];
  it("takes the heading's two periods for every item", () => {
    const text = [
      "Highlights for Q2 2024 (compared to Q2 2023)",
      "- Gold production increased 25% to 40,000 oz",
      "- Mill throughput increased by 33% to 157,371 tonnes",
      ...table,
    ].join("\n");
    // 40,000 / 32,000 − 1 = 25%; 157,371 / 118,224 − 1 = 33.11% (mill feed is the tonnage processed)
    const g = claimAt(text, "increased 25%");
    expect([g.verdict, value(g.figures.current), value(g.figures.prior)]).toEqual(["consistent", 40000, 32000]);
    expect(claimAt(text, "increased by 33%").verdict).toBe("consistent");
  });

  it("the heading's comparison is not one for a change of a period of another length", () => {
    const text = [
      "TORONTO, October 20, 2019 - Example Gold reports.",
      "",
      "Q3 2019 highlights (compared to Q3 2018)",
      "- Year-to-date gold production of 276,376 oz, up 1%",
      "",
      "Production | Q3 2019 | Q3 2018 | 9M 2019 | 9M 2018",
      "Gold produced (oz) | 101,596 | 84,783 | 276,376 | 273,261",
      "",
    ].join("\n");
    // against the heading's Q3 2018 it would be 276,376 / 84,783 − 1 = 226%: nine months against a quarter
    expect(claimAt(text, "up 1%").verdict).toBe("not checkable");
  });

  it("a heading with no comparison leaves the change unmeasured", () => {
    const text = ["Highlights for Q2 2024", "- Gold production increased 25% to 40,000 oz", ...table].join("\n");
    const g = claimAt(text, "increased 25%");
    expect(g.verdict).toBe("not checkable");
  });

  it("a figure naming no unit or metric gives no flag against a figure found for the claim's assumed metric", () => {
    const text = [
      "Example Silver: production for the second quarter of 2017",
      "",
      "Q2 2017 against Q2 2016",
      "- Consolidated metal production increased 50% to 1,102,290",
      "",
      "Summary | Q2 2017 | Q2 2016",
      "Silver ounce production | 569,229 | 536,726",
      "Gold ounce production | 5,543 | 6,010",
      "",
    ].join("\n");
    // 1,102,290 / 536,726 − 1 = 105.4% would flag "50%"; nothing says 1,102,290 is silver
    const c = claimAt(text, "increased 50%");
    expect(c.verdict).toBe("not checkable");
    expect(c.missing).toContain("1,102,290 names no unit or metric of its own");
  });

  it('"to a record 1,102,290 silver equivalent ounces" is the current figure, in silver equivalent', () => {
    const text = [
      "Q2 2017 against Q2 2016",
      "- Consolidated metal production increased 6% to a record 1,102,290 silver equivalent ounces",
      "",
      "Summary | Q2 2017 | Q2 2016",
      "Silver equivalent ounce production | 1,102,290 | 1,037,728",
      "Silver ounce production | 569,229 | 536,726",
      "",
    ].join("\n");
    // 1,102,290 / 1,037,728 − 1 = 6.22%
    const c = claimAt(text, "increased 6%");
    expect([c.verdict, value(c.figures.current), value(c.figures.prior)]).toEqual(["consistent", 1102290, 1037728]);
  });
});

describe("guidance revised after the guidance word", () => {
  it('"guidance … has increased to A – B from C – D", each range against its own earlier one', () => {
    const text =
      "Production guidance for 2024 has increased to 155,000 – 165,000 tonnes of copper from 130,000 – 150,000 " +
      "tonnes, and gold production guidance has increased to 90,000 – 100,000 ounces from 65,000 – 75,000 ounces.";
    const cu = claimAt(text, "155,000");
    expect([cu.verdict, value(cu.figures.previousLow), value(cu.figures.previousHigh)]).toEqual([
      "consistent",
      130000,
      150000,
    ]);
    const au = claimAt(text, "90,000");
    expect([au.verdict, value(au.figures.previousLow), value(au.figures.previousHigh)]).toEqual([
      "consistent",
      65000,
      75000,
    ]);
  });

  it("a range said lowered that went up is flagged", () => {
    const text =
      "Gold production guidance for 2024 has been lowered to 95,000 – 105,000 ounces from 90,000 – 100,000 ounces.";
    expect(claimAt(text, "lowered").verdict).toBe("inconsistent: the range is not lowered");
  });
});

describe("amounts of change said against the quarter before or another measure", () => {
  const production = "Total copper production for the third quarter of 2024 was 116,088 tonnes.";
  it('"$0.16 per lb lower quarter-over-quarter" is a claim; the quarter before is not printed', () => {
    const c = claimAt("Copper C1 cash cost was $0.16 per lb lower quarter-over-quarter at $1.57 per lb.", "$0.16");
    expect([c.kind, c.verdict]).toEqual(["change", "not checkable"]);
  });

  it('"sales … 3,994 tonnes lower than production": the same quarter\'s production figure', () => {
    // 112,094 − 116,088 = −3,994
    const text = `${production} Copper sales came to 112,094 tonnes, 3,994 tonnes lower than production.`;
    const c = claimAt(text, "3,994");
    expect([c.verdict, value(c.figures.current), value(c.figures.prior)]).toEqual(["consistent", 112094, 116088]);
    // a wrong amount is not flagged: the production figure is found by another measure than the claim's own
    const wrong = claimAt(text.replace("3,994", "4,100"), "4,100");
    expect(wrong.verdict).toBe("not checkable");
    expect(wrong.missing).toContain('would say "inconsistent: the numbers give 3,994 tonnes"');
  });

  it("a bullet that opens with a mine's name keeps that mine's figure apart from the group's", () => {
    const mine = "- Kansanshi: copper production of 49,810 tonnes in the third quarter of 2024.";
    const text = `${production} Copper sales came to 112,094 tonnes, 3,994 tonnes lower than production.\n\n${mine}\n`;
    expect(claimAt(text, "3,994").verdict).toBe("consistent");
    // a bullet opening with a topic word ("Record: …") names no mine: its figure competes as before
    const topic = text.replace("Kansanshi: copper", "Record: copper");
    expect(claimAt(topic, "3,994").verdict).toBe("not checkable");
    // without the name, two production figures could be meant: no verdict rests on either
    const unnamed = text.replace("Kansanshi: copper", "Copper");
    expect(claimAt(unnamed, "3,994").verdict).toBe("not checkable");
  });
});

describe('a change column whose header names its two periods ("2Q22 vs 2Q21")', () => {
  it("compares the two columns it names", () => {
    const text = [
      "Gold (oz) | Q3 2019 | Q3 2018 | Q3 2019 vs Q3 2018",
      "Total | 101,596 | 84,783 | 20%",
      "Kisladag | 35,885 | 34,070 | 25%",
    ].join("\n");
    // 101,596 / 84,783 − 1 = 19.83%; 35,885 / 34,070 − 1 = 5.33%, printed 25%
    const t = claimAt(text, "20%");
    expect([t.verdict, value(t.figures.current), value(t.figures.prior)]).toEqual(["consistent", 101596, 84783]);
    expect(claimAt(text, "25%").verdict).toBe("inconsistent: the numbers give 5.3%");
  });

  it("never against another column when the named prior is not printed", () => {
    const text = [
      "Copper cathode (tonnes) | 2Q22 | 2Q22 vs 2Q21 | 1Q22 | YTD22 | YTD22 vs YTD21",
      "Kinsevere | 12,250 | -3% | 9,840 | 22,090 | -12%",
      "Total | 12,250 | -3% | 9,840 | 22,090 | -12%",
    ].join("\n");
    // against 1Q22 it would be 12,250 / 9,840 − 1 = +24.5%: a flag on a true claim
    const c = claimAt(text, "-3%");
    expect([c.kind, c.verdict, value(c.figures.current)]).toEqual(["change", "not checkable", 12250]);
    expect(c.missing).toBe('the table prints no column for the second period of "2Q22 vs 2Q21"');
  });
});

describe('"9M 2019" over a table column', () => {
  const table = [
    "",
    "Production | Q3 2019 | Q3 2018 | 9M 2019 | 9M 2018",
    "Gold produced (oz) | 101,596 | 84,783 | 276,376 | 273,261",
    "",
  ];
  it("is the first nine months of 2019", () => {
    const text = [
      "TORONTO, October 20, 2019 - Example Gold reports its production.",
      "",
      "Third quarter gold production increased 20% year-over-year, and production for the first nine months was up 1%.",
      ...table,
    ].join("\n");
    // 276,376 / 273,261 − 1 = 1.14%
    const c = claimAt(text, "up 1%");
    expect([c.verdict, value(c.figures.current), value(c.figures.prior)]).toEqual(["consistent", 276376, 273261]);
  });

  it("is never the whole year: a claim about 2019 finds no figure there", () => {
    const text = ["TORONTO, January 20, 2020 - Gold production in 2019 rose 5% over 2018.", ...table].join("\n");
    // read as the year, 276,376 / 273,261 − 1 = 1.1% would flag the 5%
    expect(claimAt(text, "rose 5%").verdict).toBe("not checkable");
  });
});

describe("a second change after the first's own comparison", () => {
  const table = ["", "Production | Q2 2023 | Q1 2023 | Q2 2022", "Tonnes processed | 702,052 | 577,284 | 640,181", ""];
  it('"an increase of 22% from Q1 2023 and 10% from Q2 2022": the same figure against each period', () => {
    const text = [
      "TORONTO, July 25, 2023 - Throughput was 702,052 tonnes in Q2 2023, an increase of 22% from Q1 2023 and 10% from Q2 2022.",
      ...table,
    ].join("\n");
    // 702,052 / 577,284 − 1 = 21.61%; 702,052 / 640,181 − 1 = 9.66%
    const c = claimAt(text, "10%");
    expect([c.verdict, value(c.figures.current), value(c.figures.prior)]).toEqual(["consistent", 702052, 640181]);
  });

  it('"… and 1% in the first nine months" speaks of other figures: never checked with the first change\'s', () => {
    const text = [
      "TORONTO, October 20, 2019 - Gold production rose 20% year on year to 101,596 oz in the third quarter, and 1% in the first nine months.",
      "",
      "Production | Q3 2019 | Q3 2018",
      "Gold produced (oz) | 101,596 | 84,783",
      "",
    ].join("\n");
    // 101,596 / 84,783 − 1 = 19.8% would flag the "1%"
    const flagged = readRelease(text).claims.filter((c) => c.stated === "1%" && c.verdict !== "not checkable");
    expect(flagged).toEqual([]);
  });
});

describe('a "Growth (%)" column of bare numbers', () => {
  const text = [
    "Example Coal: April 2023 production. New Delhi, May 1, 2023",
    "",
    "Company | April 2023 | April 2022 | Growth (%)",
    "Company A | 57.55 | 53.47 | 7.6",
    "Company B | 15.47 | 13.73 | 12.9",
    "Total | 73.02 | 67.20 | 8.7",
    "",
  ].join("\n");
  it("states changes in per cent, checked against the row's two figures", () => {
    // 57.55 / 53.47 − 1 = 7.63%; 15.47 / 13.73 − 1 = 12.67%, printed 12.9; 73.02 / 67.20 − 1 = 8.66%
    expect(claimAt(text, "7.6").verdict).toBe("consistent");
    expect(claimAt(text, "12.9").verdict).toBe("inconsistent: the numbers give 12.67%");
    expect(claimAt(text, "8.7").kind).toBe("change");
  });

  it("is never added up as a total of its rows", () => {
    // read as figures, 7.6 + 12.9 = 20.5 was "inconsistent" with the 8.7 of the total row
    expect(readRelease(text).claims.filter((c) => c.kind === "total" && c.stated === "8.7")).toEqual([]);
  });
});

describe("an actual measured against a guidance whose range the sentence does not print", () => {
  it('"Candelaria achieved guidance" is a claim, not checkable: no range is printed', () => {
    const text = "Example Copper (Jan. 14, 2024): Candelaria achieved guidance, producing 152,012 t of copper in 2023.";
    const c = claimAt(text, "achieved guidance");
    expect([c.kind, c.verdict, c.missing]).toEqual([
      "guidance",
      "not checkable",
      "the guidance range it is measured against is not printed with it",
    ]);
  });

  const midpoint = (actual: string) =>
    [
      "Example Gold: preliminary FY19 results (9 July 2019)",
      "",
      "- Gold production of 753,001 ounces (Guidance: 720,000 - 770,000oz)",
      "",
      `Group gold production of ${actual} ounces was above the midpoint of guidance.`,
      "",
    ].join("\n");

  it('"above the midpoint of guidance" is checked against the one range the release gives for the metric', () => {
    // (720,000 + 770,000) / 2 = 745,000 < 753,001
    const c = claimAt(midpoint("753,001"), "above the midpoint of guidance");
    expect([c.verdict, value(c.figures.current), value(c.figures.low), value(c.figures.high)]).toEqual([
      "consistent",
      753001,
      720000,
      770000,
    ]);
  });

  it("is never flagged against a range printed elsewhere: it may not be the guidance meant", () => {
    // 740,000 < 745,000, but the range comes from another sentence: not checkable, no flag
    expect(claimAt(midpoint("740,000"), "above the midpoint of guidance").verdict).toBe("not checkable");
  });

  it('"meeting or exceeding guidance" offers two relations and states none: no claim', () => {
    const text =
      "Example Silver (Jan. 10, 2023): production at each mine was meeting or exceeding revised 2022 guidance.";
    expect(readRelease(text).claims.filter((c) => c.kind === "guidance")).toEqual([]);
  });

  it("a headline's relation is checked against the range and the actual printed below it", () => {
    const text = [
      "Example Gold exceeds its 2018 production guidance",
      "",
      "TORONTO, Jan. 21, 2019 - Example Gold reports its 2018 production.",
      "",
      "- The mine produced 132,656 ounces of gold in 2018, exceeding the increased guidance of 120,000 to 130,000 ounces",
      "",
    ].join("\n");
    // 132,656 > 130,000
    expect(claimAt(text, "exceeds its 2018 production guidance").verdict).toBe("consistent");
  });

  const aisc = (actual: string) =>
    [
      "Example Gold: preliminary FY19 results (9 July 2019)",
      "",
      `- AISC of A$${actual} per ounce (Guidance: A$850 - A$900/oz)`,
      "",
      "FY19 AISC ended above the top of the A$850 - A$900 per ounce guidance range, on lower grades.",
      "",
    ].join("\n");

  it('"the A$850 - A$900 per ounce guidance range" is a guidance range, its word after it', () => {
    const c = claimAt(aisc("924"), "above the top of the A$850");
    expect([c.kind, value(c.figures.low), value(c.figures.high)]).toEqual(["guidance", 850, 900]);
  });

  it("is measured with the actual printed beside the same range earlier, and only a relation that holds is said so", () => {
    // 924 > 900: consistent; 880 is inside the range, but the actual comes from another sentence: not checkable
    expect(claimAt(aisc("924"), "above the top of the A$850").verdict).toBe("consistent");
    expect(claimAt(aisc("880"), "above the top of the A$850").verdict).toBe("not checkable");
  });
});
