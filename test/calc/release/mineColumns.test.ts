/**
 * Tables with a column per mine and a "Consolidated" column in each period block, pasted with empty cells after
 * each row, and the totals such tables print: each on a short text of our own, verdicts worked by hand.
 */
import { describe, expect, it } from "vitest";
import { readRelease, type ReleaseClaim, type ReleaseFigure } from "../../../src/calc/release";

const claimAt = (text: string, words: string, nth = 1): ReleaseClaim | undefined => {
  let at = -1;
  for (let k = 0; k < nth; k++) at = text.indexOf(words, at + 1);
  return readRelease(text).claims.find((x) => x.start <= at && x.end >= at + words.length);
};
/** The claim on a cell: the row is found by how its line starts, the cell by its text in that row. */
const cellClaim = (text: string, rowStart: string, cell: string, nth = 1): ReleaseClaim | undefined => {
  const line = text.indexOf(`\n${rowStart}`) + 1;
  let at = line - 1;
  for (let k = 0; k < nth; k++) at = text.indexOf(` ${cell} `, at + 1) + 1;
  return readRelease(text).claims.find((x) => x.start <= at && x.end >= at + cell.length);
};
const value = (f: ReleaseFigure | ReleaseFigure[] | null | undefined): number | null =>
  f && !Array.isArray(f) ? f.value : null;

const mines = (silverRow: string) =>
  [
    "Example Silver: third quarter production (January 15, 2024)",
    "",
    "Third Quarter 2023 | Third Quarter 2022 | |||||||",
    "North | South | Consolidated | North | South | Consolidated | |||",
    "Production Data | ||||||||",
    "Ore Mined (tonnes) | 1,000 | 500 | 1,500 | 900 | 400 | 1,300 | ||",
    "Ore Milled (tonnes) | ||||||||",
    "Gold ore | 100 | – | 100 | – | – | – | ||",
    "Silver ore | 800 | 450 | 1,250 | 850 | 380 | 1,230 | ||",
    "| 900 | 450 | 1,350 | 850 | 380 | 1,230 | ||",
    "Metal production | ||||||||",
    "Gold (ounces) | 1,342 | – | 1,342 | 1,100 | – | 1,100 | ||",
    silverRow,
    "",
    "- Silver production of 400 thousand ounces, an increase of 18% over the third quarter of 2022.",
    "",
    "At North, 1,000 tonnes of ore were mined in the quarter, up 11% over the third quarter of 2022.",
    "",
  ].join("\n");

describe("a table with a column per mine and a Consolidated column in each period block", () => {
  const text = mines("Silver (in thousands of ounces) | 300 | 100 | 400 | 250 | 90 | 340 | ||");

  it("reads the figures under their headers though each row ends in empty cells", () => {
    const f = readRelease(text).figures.find((x) => x.value === 1300);
    expect(f?.where.column).toBe("Third Quarter 2022 Consolidated");
    expect(f?.period).toBe("Q3 2022");
  });

  it("checks a change the prose states against the Consolidated columns", () => {
    // 400 / 340 − 1 = 17.6%: 18%
    const c = claimAt(text, "increase of 18%");
    expect([c?.verdict, value(c?.figures.current), value(c?.figures.prior)]).toEqual(["consistent", 400, 340]);
  });

  it("checks a change said of one mine against that mine's columns", () => {
    // 1,000 / 900 − 1 = 11.1%: 11% (against the Consolidated 1,300 it would be −23%)
    const c = claimAt(text, "up 11%");
    expect([c?.verdict, value(c?.figures.current), value(c?.figures.prior)]).toEqual(["consistent", 1000, 900]);
  });

  it("checks each Consolidated cell against the mine cells of its block", () => {
    // 1,000 + 500 = 1,500; 900 + 400 = 1,300; 300 + 100 = 400; 250 + 90 = 340
    for (const [row, cell] of [
      ["Ore Mined", "1,500"],
      ["Ore Mined", "1,300"],
      ["Silver (in", "400"],
      ["Silver (in", "340"],
    ])
      expect(cellClaim(text, row, cell)?.verdict).toBe("consistent");
    expect(cellClaim(text, "Ore Mined", "1,500")?.kind).toBe("total");
  });

  it("takes a dash for a mine with nothing, never as a part; a total needs two printed parts", () => {
    // 800 + 450 = 1,250; Gold ore and Gold rows have one printed part: not totals
    expect(claimAt(text, "1,250")?.verdict).toBe("consistent");
    expect(claimAt(text, "1,342", 2)).toBeUndefined();
    expect(claimAt(text, "1,100 |", 2)).toBeUndefined();
  });

  it("ends an unlabelled subtotal's parts at a heading pasted with empty cells", () => {
    // 100 + 800 = 900 (Ore Mined above the heading is no part: with it the parts would sum to 1,900)
    const c = cellClaim(text, "| 900", "900");
    expect([c?.kind, c?.verdict]).toEqual(["total", "consistent"]);
    expect(claimAt(text, "1,350")?.verdict).toBe("consistent");
  });

  it("never flags a Consolidated cell its mine columns do not add up to: other operations may be in it", () => {
    const off = mines("Silver (in thousands of ounces) | 300 | 100 | 401 | 250 | 90 | 340 | ||");
    const c = claimAt(off, "401");
    expect(c?.verdict).toBe("not checkable");
    expect(c?.missing).toMatch(/sum to 400/);
  });
});

describe("a 'Total' row naming its own measure", () => {
  const text = [
    "Example Coal: quarterly report (10 April 2024)",
    "",
    "Thousands of tonnes | Mar-24 | Dec-23 | Change",
    "ROM coal produced | 900 | 800 | 13%",
    "Saleable coal purchased | - | - | n.a.",
    "Saleable coal produced | 600 | 500 | 20%",
    "Total coal sales | 500 | 400 | 25%",
    "",
  ].join("\n");

  it("is no total of the production rows above it", () => {
    // 900 + 600 = 1,500 is not what "Total coal sales" adds up: no total claim, so no flag
    expect(readRelease(text).claims.filter((c) => c.kind === "total")).toEqual([]);
  });

  it("still adds up the rows of its own measure", () => {
    const t = [
      "Example Gold: quarterly report (10 April 2024)",
      "",
      "Gold production (ounces) | Q1 2024 | Q1 2023",
      "North | 1,000 | 900",
      "South | 500 | 450",
      "Total gold production | 1,500 | 1,351",
      "",
    ].join("\n");
    expect(claimAt(t, "1,500")?.verdict).toBe("consistent");
    expect(claimAt(t, "1,351")?.verdict).toBe("inconsistent: the parts sum to 1,350");
  });
});

describe("a sentence that opens with 'At' and a mine's name, and lead as a metal", () => {
  const text = [
    "Example Silver: third quarter production (January 15, 2024)",
    "",
    "- Lead production of approximately 16.8 million pounds, a decrease of 16% over the third quarter of 2022.",
    "",
    "Third Quarter 2023 | Third Quarter 2022 | |||||||",
    "Upper Valley District | GC | Consolidated | Upper Valley District | GC | Consolidated | |||",
    "Ore Mined (tonnes) | 245,606 | 99,667 | 345,273 | 206,854 | 89,196 | 296,050 | ||",
    "Silver (in thousands of ounces) | 1,511 | 173 | 1,684 | 1,674 | 179 | 1,853 | ||",
    "Lead (in thousands of pounds) | 14,552 | 2,211 | 16,763 | 17,647 | 2,412 | 20,059 | ||",
    "",
    "At the Upper Valley District, 245,606 tonnes of ore were mined in the quarter, up 19% over the third quarter of 2022.",
    "",
  ].join("\n");

  it("is about that mine: its figure is compared with the mine's column, not the Consolidated one", () => {
    // 245,606 / 206,854 − 1 = 18.7%: 19% (against the Consolidated 296,050 it would be a fall of 17%)
    const c = claimAt(text, "up 19%");
    expect([c?.verdict, value(c?.figures.prior)]).toEqual(["consistent", 206854]);
  });

  it("reads 'Lead production' as lead, compared with the lead row, never with silver", () => {
    // 16,763 / 20,059 − 1 = −16.4%: a decrease of 16%
    const c = claimAt(text, "decrease of 16%");
    expect([c?.verdict, value(c?.figures.prior)]).toEqual(["consistent", 20059]);
  });

  it("leaves 'lead' as a verb alone", () => {
    const t = "Example Gold (10 April 2024): higher grades will lead to production of 120,000 ounces in 2024.";
    const f = readRelease(t).figures.find((x) => x.value === 120000);
    expect(f?.metric).not.toMatch(/lead/);
  });
});

describe("a header row one cell short of the columns", () => {
  it("names the label column first when its names are not repeated block by block (†)", () => {
    // "Metric | Q1 2024 | Q1 2023" over a fourth column of changes: 100,000 is Q1 2024's, 90,000 Q1 2023's
    const text = [
      "Example Gold: first quarter 2024 production (April 10, 2024)",
      "",
      "Metric | Q1 2024 | Q1 2023",
      "Gold produced (oz) | 100,000 | 90,000 | 11%",
      "Ore milled (t) | 500,000 | 450,000 | 11%",
      "",
    ].join("\n");
    const f = readRelease(text).figures;
    expect([f.find((x) => x.value === 100000)?.period, f.find((x) => x.value === 90000)?.period]).toEqual([
      "Q1 2024",
      "Q1 2023",
    ]);
  });
});
