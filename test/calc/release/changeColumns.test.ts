/**
 * A table of three comparisons in one row, each pair of figures followed by its own change column, under group
 * headers pasted with their empty cells ("| Quarter Ended | | | | | Year-to-date | |"): a text of our own.
 */
import { describe, expect, it } from "vitest";
import { readRelease, type ReleaseClaim, type ReleaseFigure } from "../../../src/calc/release";

const text = [
  "Example Coal: March 2024 quarter production report (15 April 2024)",
  "",
  "| Quarter Ended | | | | | Year-to-date | |",
  "Thousands of tonnes | Mar-24 | Dec-23 | Change %* | Mar-23 | Change %* | Mar-24 | Mar-23 | Change %*",
  "ROM1 coal produced | 900 | 800 | 13% | 750 | 20% | 2,600 | 2,000 | 30%",
  "Saleable coal purchased | - | - | n.a. | - | n.a. | - | 10 | n.a.",
  "Product coal stockpiles | 150 | 60 | 155% | 100 | 50% | 150 | 100 | 50%",
  "*Note: Change is favourable / unfavourable",
  "",
].join("\n");
const claims = readRelease(text).claims;
const row = (label: string): ReleaseClaim[] => {
  const at = text.indexOf(`\n${label}`);
  const end = text.indexOf("\n", at + 1);
  return claims.filter((c) => c.start > at && c.end <= end).sort((a, b) => a.start - b.start);
};
const value = (f: ReleaseFigure | ReleaseFigure[] | null | undefined): number | null =>
  f && !Array.isArray(f) ? f.value : null;

describe("three change columns in one row, under positional group headers", () => {
  it("compares each change column with its own pair: the previous quarter, the year before, year to date", () => {
    // 900/800 − 1 = 12.5% → 13%; 900/750 − 1 = 20%; 2,600/2,000 − 1 = 30%
    expect(row("ROM1").map((c) => [c.text, c.verdict, value(c.figures.current), value(c.figures.prior)])).toEqual([
      ["13%", "consistent", 900, 800],
      ["20%", "consistent", 900, 750],
      ["30%", "consistent", 2600, 2000],
    ]);
  });

  it("flags a change the printed figures do not give, and reads no claim in 'n.a.'", () => {
    // 150/60 − 1 = 150.0%, printed 155%; 150/100 − 1 = 50%; a "n.a." cell is no claim
    expect(row("Product").map((c) => c.verdict)).toEqual([
      "inconsistent: the numbers give 150.0%",
      "consistent",
      "consistent",
    ]);
    expect(row("Saleable coal purchased")).toEqual([]);
  });

  it('reads "Mar-24" under "Quarter Ended" as the quarter to March', () => {
    const f = readRelease(text).figures.find((x) => x.value === 800);
    expect(f?.period).toBe("Q4 2023");
  });

  it('gives "Year-to-date Mar-24" no period: its first month is not printed', () => {
    const f = readRelease(text).figures.find((x) => x.value === 2600);
    expect(f?.period ?? null).toBeNull();
  });
});
