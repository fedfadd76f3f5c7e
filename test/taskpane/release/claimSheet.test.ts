/**
 * The claim table of the seed release (read from ../shared at run time): the pane's order, the figures as
 * cells, change and range verdicts as CLAIM_CHECK formulas that give the reader's verdicts on those cells,
 * the rest as text; and the write to the strict Excel double (a new sheet, text kept as text, waiting for a
 * cell edit, Excel's refusals thrown with their code).
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { claimCheck } from "../../../src/calc/claims";
import { readRelease } from "../../../src/calc/release";
import { claimSheetPlan, claimsInOrder, columnName } from "../../../src/taskpane/release/claimSheet";
import { writeClaimSheet } from "../../../src/taskpane/release/claimWriter";
import { createExcelDouble, type DoubleOptions, type ExcelDouble } from "../../support/excel-double";
import { SEED_PATH } from "../../support/releaseCorpus";

const seed = readFileSync(SEED_PATH, "utf8");
const release = readRelease(seed);
const plan = claimSheetPlan(release, seed);
type PlannedCell = ReturnType<typeof claimSheetPlan>["rows"][number][number];
const shown = (c: PlannedCell) => ("number" in c ? c.number : "text" in c ? c.text : c.formula);

function useDouble(opts: DoubleOptions = {}): ExcelDouble {
  const d = createExcelDouble(opts);
  (globalThis as any).Excel = d.Excel;
  return d;
}
afterEach(() => {
  delete (globalThis as any).Excel;
});

describe("the seed's claim table", () => {
  it("lists flagged claims first, then consistent, then not checkable", () => {
    expect(claimsInOrder(release).map((c) => [c.stated, c.verdict.split(":")[0]])).toEqual([
      ["20-26%", "consistent | rounded up"],
      ["9%", "consistent"],
      ["20%", "low end"],
      ["30%", "not checkable"],
      ["24%", "not checkable"],
      ["6,736 oz", "not checkable"],
    ]);
  });

  it("writes the figures as numbers and the percentage verdicts as CLAIM_CHECK formulas over them", () => {
    const rows = plan.rows.map((r) => r.map(shown));
    expect(rows[0]).toEqual([
      "Claim",
      "Sentence",
      "Stated",
      "Computed",
      "Verdict",
      "Figures used",
      "Figure 1",
      "Figure 2",
      "Figure 3",
    ]);
    expect(rows[1].slice(2, 9)).toEqual([
      "20-26%",
      "19.77% | 25.21%",
      '=TEXTJOIN(" | ", TRUE, PROD.CLAIM_CHECK("20-26%", G2:H2, I2))',
      "low: 88,000 ounces (2017); high: 92,000 ounces (2017); base: 73,476 ounces (2016)",
      88000,
      92000,
      73476,
    ]);
    expect(rows[2].slice(2, 8)).toEqual([
      "9%",
      "8.69%",
      '=PROD.CLAIM_CHECK("up 9%", G3, H3)',
      "current: 73,476 ounces (2016); prior: 67,603 ounces (2015)",
      73476,
      67603,
    ]);
    expect(rows[3][4]).toBe('="low end: "&PROD.CLAIM_CHECK("20%", G4, I4)');
    expect(rows[6][4]).toBe("not checkable: no earlier Februaries are printed");
    expect([plan.formulas, plan.texts]).toEqual([3, 3]);
  });

  it("gives, formula by formula, the reader's verdict when CLAIM_CHECK runs on the cells", () => {
    const cell = (ref: string, row: PlannedCell[]) => {
      const col = [...Array(row.length).keys()].find((k) => columnName(k) === ref.replace(/\d+$/, ""))!;
      return shown(row[col]) as number;
    };
    const claims = claimsInOrder(release);
    plan.rows.slice(1).forEach((row, i) => {
      const f = row[4];
      if (!("formula" in f)) return;
      const m = /CLAIM_CHECK\("([^"]+)", ([A-Z]+\d+)(?::([A-Z]+\d+))?, ([A-Z]+\d+)\)/.exec(f.formula)!;
      const actual = m[3] ? [cell(m[2], row), cell(m[3], row)] : cell(m[2], row);
      const verdicts = claimCheck(m[1], actual, cell(m[4], row)).join(" | ");
      expect(f.formula.startsWith('="low end: "') ? `low end: ${verdicts}` : verdicts).toBe(claims[i].verdict);
    });
  });

  it("keeps a claim's figures in their unit's base when they are printed at different scales", () => {
    const text = "Jan. 10, 2019 - Production rose 37% to 2.01 million ounces in 2018 from 1,468,000 ounces in 2017.";
    const rows = claimSheetPlan(readRelease(text), text).rows.map((r) => r.map(shown));
    expect(rows[1].slice(4, 8)).toEqual([
      '=PROD.CLAIM_CHECK("up 37%", G2, H2)',
      "current: 2.01 million ounces (2018); prior: 1,468,000 ounces (2017)",
      2010000,
      1468000,
    ]);
  });
});

describe("writing the claim table", () => {
  it("makes a Release check sheet beside the others: text as text, figures as numbers, verdicts as formulas", async () => {
    const d = useDouble({ sheets: { "Release check": [] } });
    expect(await writeClaimSheet(plan)).toBe("Release check 2");
    expect(d.cell("Release check 2", "B3")?.format).toBe("@");
    expect(d.cell("Release check 2", "G3")).toEqual({ value: 73476, format: "General" });
    expect(d.cell("Release check 2", "E3")?.formula).toBe('=PROD.CLAIM_CHECK("up 9%", G3, H3)');
    expect(d.formulas()).toHaveLength(3);
  });

  it("keeps a sentence that starts with = as words", async () => {
    const text = "=HYPERLINK(1) Gold production was 1,100 oz in 2016, up 10% from 1,000 oz in 2015.";
    const d = useDouble();
    await writeClaimSheet(claimSheetPlan(readRelease(text), text));
    expect(d.cell("Release check", "B2")?.value).toBe(text);
    expect(d.formulas()).toEqual(['=PROD.CLAIM_CHECK("up 10%", G2, H2)']);
  });

  it("waits while a cell is edited, and says so", async () => {
    const d = useDouble({ cellEditing: true });
    const heard: boolean[] = [];
    const writing = writeClaimSheet(plan, (w) => heard.push(w));
    await new Promise((r) => setTimeout(r, 50));
    expect(d.sheets.map((s) => s.name)).not.toContain("Release check");
    d.setCellEditing(false);
    expect(await writing).toBe("Release check");
    expect(heard).toEqual([true, false]);
  });

  it("throws Excel's refusal with its code", async () => {
    useDouble({ failSync: { sync: 2, code: "AccessDenied" } });
    await expect(writeClaimSheet(plan)).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
