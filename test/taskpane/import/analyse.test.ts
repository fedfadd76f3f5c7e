import { describe, expect, it } from "vitest";
import { analyseImport } from "../../../src/taskpane/import/analyse";
import type { ImportOptions, Problem } from "../../../src/taskpane/import/types";

const today = new Date(2017, 2, 29); // the seed release's date
const run = (text: string, opts: ImportOptions = {}) => analyseImport(text, { today, ...opts });
/** Excel serial of the first of a month, hand-checked: Jan 2016 = 42370, Jan 2017 = 42736. */
const serial = (y: number, m: number) => (Date.UTC(y, m - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
const only = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);

describe("long layout", () => {
  it("imports the seed's monthly gold figures", () => {
    const a = run('Month,Gold (oz)\nJan 2016,"4,512"\nFeb 2016,"5,125"\nJan 2017,"5,208"\nFeb 2017,"6,736"\n');
    expect(a.detected).toBe("long");
    expect(a.reason).toMatch(/"Month" holds months.*long layout/);
    expect(a.plan.columns).toEqual([
      { name: "Month", kind: "month", numberFormat: "mmm yyyy" },
      { name: "Gold (oz)", kind: "number", unit: "oz", numberFormat: "#,##0" },
    ]);
    expect(a.plan.rows).toEqual([
      [42370, 4512],
      [42401, 5125],
      [42736, 5208],
      [42767, 6736],
    ]);
    expect(a.plan.blocked).toBe(false);
  });

  it("strips footnotes, keeps units, formats by unit and scales percentages", () => {
    const a = run(
      "Month\tOre processed (1) (t)\tHead grade (g/t)\tRecovery (%)\tGold production2 (oz)\n" +
        "2017-01\t7 352\t24.51\t92.5\t5,208\n2017-02\t8 010\t27.03\t93.1\t6,736oz\n",
    );
    expect(a.plan.columns.map((c) => [c.name, c.unit, c.numberFormat])).toEqual([
      ["Month", undefined, "mmm yyyy"],
      ["Ore processed (t)", "t", "#,##0"],
      ["Head grade (g/t)", "g/t", "0.00"],
      ["Recovery (%)", "%", "0.0%"],
      ["Gold production (oz)", "oz", "#,##0"],
    ]);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 7352, 24.51, 0.925, 5208],
      [serial(2017, 2), 8010, 27.03, 0.931, 6736],
    ]);
  });

  it("sorts a newest-first table by month", () => {
    const a = run("Month,Gold (oz)\nMar 2017,7000\nFeb 2017,6736\nJan 2017,5208\n");
    expect(a.plan.rows.map((r) => r[1])).toEqual([5208, 6736, 7000]);
  });

  it("reads every month form in one column", () => {
    const forms = ["January 2017", "Feb-17", "2017-03", "04/2017", "May 2017", "2017-06-30", "Jul '17"];
    const a = run(`Month;Gold (oz)\n${forms.map((f, i) => `${f};${100 + i}`).join("\n")}`, {
      today: new Date(2018, 0, 1),
    });
    expect(a.plan.rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7].map((m) => serial(2017, m)));
    expect(a.plan.problems).toEqual([]);
  });

  it("takes the month from a year column and a month-name column", () => {
    const a = run("Year,Month,Gold (oz)\n2017,Jan,5208\n2017,Feb,6736\n2016,Dec,6100\n");
    expect(a.detected).toBe("long");
    expect(a.plan.rows).toEqual([
      [serial(2016, 12), 6100],
      [serial(2017, 1), 5208],
      [serial(2017, 2), 6736],
    ]);
  });

  it("leaves out subtotal rows and comment columns, and reports both with the totals' checks", () => {
    const a = run("Month,Gold (oz),Comment\nJan 2017,5208,rain\nFeb 2017,6736,record\nQ1 2017,11944,\nTotal,11944,\n");
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208],
      [serial(2017, 2), 6736],
    ]);
    const left = a.plan.problems.filter((p) => p.code.endsWith("-skipped"));
    expect(left.map((p) => [p.severity, p.code, p.row, p.text])).toEqual([
      ["info", "text-column-skipped", undefined, "Comment"],
      // Q1 covers March, which is not in the table: its figure cannot be checked, so it is a warning.
      ["warning", "subtotal-skipped", 4, "Q1 2017"],
      // "Total" adds up the months listed above it: 5,208 + 6,736 = 11,944.
      ["info", "subtotal-skipped", 5, "Total"],
    ]);
    expect(left[1].message).toMatch(/Mar 2017 is not in the table/);
    expect(left[2].message).toMatch(/11944 = Jan 2017 \+ Feb 2017 \(5,208 \+ 6,736\)/);
    expect(a.lineSummary).toBe("5 lines: 1 header, 2 read as data, 2 totals left out");
    expect(a.plan.blocked).toBe(false);
  });

  it("keeps a metric that is a total across metals but leaves out running and period totals", () => {
    const a = run(
      "Month,Gold (oz),Total gold equivalent (oz),YTD Gold (oz)\nJan 2017,5208,5300,5208\nFeb 2017,6736,6800,11944\n9 mnth 2016,1,1,1\n1H 2016,1,1,1\n",
    );
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold (oz)", "Total gold equivalent (oz)"]);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208, 5300],
      [serial(2017, 2), 6736, 6800],
    ]);
    expect(only(a.plan.problems, "derived-skipped").map((p) => p.text)).toEqual(["YTD Gold (oz)"]);
    expect(only(a.plan.problems, "subtotal-skipped").map((p) => p.text)).toEqual(["9 mnth 2016", "1H 2016"]);
  });

  it("reads thousands in koz with a decimal format", () => {
    const a = run("Period,Gold production1 (koz)\nJan 2017,4.2\nFeb 2017,6.7\n");
    expect(a.plan.columns[1]).toEqual({
      name: "Gold production (koz)",
      kind: "number",
      unit: "koz",
      numberFormat: "#,##0.0",
    });
    expect(a.plan.rows.map((r) => r[1])).toEqual([4.2, 6.7]);
  });

  it("finds the header below a title line and counts rows as in the file", () => {
    const a = run("Dynacor monthly production\n\nMonth,Gold (oz)\nJan 2017,5208\nFeb 2017,abc\n");
    expect(a.headerRow).toBe(3);
    const e = only(a.plan.problems, "not-a-number")[0];
    expect([e.row, e.column, e.text]).toEqual([5, "Gold (oz)", "abc"]);
  });
});

describe("pasted with spaces", () => {
  it("places a row with fewer cells than the header by where its cells stand on the line", () => {
    const a = run("Month      Gold (oz)   Silver (oz)\nJan 2017   5,208       100\nFeb 2017               110\n");
    expect(a.plan.rows[1]).toEqual([serial(2017, 2), "n/a", 110]);
    expect(a.plan.problems.filter((p) => p.severity !== "info")).toEqual([]);
  });
});

describe("header row", () => {
  it("is not fooled by a title line that a comma splits into two cells", () => {
    const a = run("Dynacor Gold Mines, monthly production\nMonth,Gold (oz)\nJan 2017,5208\nFeb 2017,6736\n");
    expect(a.headerRow).toBe(2);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208],
      [serial(2017, 2), 6736],
    ]);
  });
  it("refuses to turn a first data row into column names", () => {
    const a = run("Jan 2017,5208\nFeb 2017,6736\n");
    expect(a.detected).toBeNull();
    expect(a.reason).toMatch(/no header row above the data/);
    const m = run("Jan 2017,5208\nFeb 2017,6736\n", { mapping: { headerRow: 0, month: 0, metrics: [1] } });
    expect(m.plan.columns.map((c) => c.name)).toEqual(["Month", "column 2"]);
    expect(m.plan.rows).toEqual([
      [serial(2017, 1), 5208],
      [serial(2017, 2), 6736],
    ]);
  });
  it("accepts bare years as column names", () => {
    const a = run("Gold (oz)\nMonth,2016,2017\nJan,4512,5208\nFeb,5125,6736\n");
    expect(a.detected).toBe("wide-months-rows");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold (oz)"]);
    expect(a.plan.rows.map((r) => r[1])).toEqual([4512, 5125, 5208, 6736]);
  });
});

describe("mine column", () => {
  const text =
    "Mine,Month,Gold (oz)\nVeta Dorada,Feb 2017,6736\nHuanca,Jan 2017,900\nVeta Dorada,Jan 2017,5208\nHuanca,Feb 2017,950\n";
  it("keeps the mine as a text column of kind mine and sorts by mine then month", () => {
    const a = run(text);
    expect(a.plan.columns[0]).toEqual({ name: "Mine", kind: "mine", numberFormat: "@" });
    expect(a.plan.rows).toEqual([
      ["Huanca", serial(2017, 1), 900],
      ["Huanca", serial(2017, 2), 950],
      ["Veta Dorada", serial(2017, 1), 5208],
      ["Veta Dorada", serial(2017, 2), 6736],
    ]);
    expect(a.plan.problems).toEqual([]);
  });
  it("keeps the later line's figure for a month given twice per mine, and names both (a restatement)", () => {
    const a = run(`${text}Huanca,Jan 2017,901\n`);
    const d = only(a.plan.problems, "restated-month");
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: "warning", row: 6, column: "Month", text: "Jan 2017" });
    expect(d[0].message).toMatch(
      /Lines 3 and 6 both give Jan 2017.*"Huanca".*900 on line 3 and 901 on line 6; the table keeps 901/,
    );
    expect(a.plan.rows[0]).toEqual(["Huanca", serial(2017, 1), 901]);
    expect(a.plan.blocked).toBe(false);
  });
  it("reports a row without a mine", () => {
    const a = run(`${text},Mar 2017,1000\n`);
    expect(only(a.plan.problems, "missing-mine")[0]).toMatchObject({ row: 6, column: "Mine" });
  });
});

describe("tidy layout", () => {
  it("pivots Month, Metric, Value to one column per metric", () => {
    const a = run(
      "Month,Metric,Value\nJan 2017,Gold (oz),5208\nJan 2017,Ore (t),7 352\nFeb 2017,Gold (oz),6736\nFeb 2017,Ore (t),8010\n",
    );
    expect(a.detected).toBe("tidy");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold (oz)", "Ore (t)"]);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208, 7352],
      [serial(2017, 2), 6736, 8010],
    ]);
  });
  it("checks duplicates per metric (and mine), not per month", () => {
    const a = run(
      "Site,Month,Metric,Value\nA,Jan 2017,Gold (oz),1\nA,Jan 2017,Ore (t),2\nB,Jan 2017,Gold (oz),3\nA,Jan 2017,Gold (oz),4\n",
    );
    const d = only(a.plan.problems, "restated-month");
    expect(d).toHaveLength(1);
    expect(d[0].message).toMatch(/Lines 2 and 5 both give Jan 2017 for Gold \(oz\)/);
  });
  it("leaves a metric blank for a month that lacks it", () => {
    const a = run("Month,Metric,Value\nJan 2017,Gold (oz),5208\nFeb 2017,Gold (oz),6736\nFeb 2017,Recovery (%),93.1\n");
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208, "n/a"],
      [serial(2017, 2), 6736, 0.931],
    ]);
  });
});

describe("wide layout, years as rows", () => {
  const text =
    "Gold production (oz)\n" +
    "Year\tJan\tFeb\tMar\tQ1 total\tApr\tMay\tJun\tJul\tAug\tSep\tOct\tNov\tDec\tTotal\n" +
    "2017\t5,208\t6,736\t-\t\t\t\t\t\t\t\t\t\t\t\n" +
    "2016\t4,512\t5,125\t5,300\t14,937\t5,400\t5,500\t5,600\t5,700\t5,800\t5,900\t6,000\t6,100\t6,200\t65,137\n";
  it("reads the newest-first table into months, skipping total columns and unreported months", () => {
    const a = run(text);
    expect(a.detected).toBe("wide-years-rows");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold production (oz)"]);
    expect(a.plan.rows).toHaveLength(14);
    expect(a.plan.rows[0]).toEqual([serial(2016, 1), 4512]);
    expect(a.plan.rows[3]).toEqual([serial(2016, 4), 5400]);
    expect(a.plan.rows[13]).toEqual([serial(2017, 2), 6736]);
    const skipped = only(a.plan.problems, "subtotal-skipped").filter((p) => p.row === undefined);
    expect(skipped.map((p) => p.column)).toEqual(["Q1 total", "Total"]);
    // 2016's Q1 total checks: 4,512 + 5,125 + 5,300 = 14,937. Its year total is printed 65,137, but the
    // twelve months make 67,137: a warning names the difference.
    const lines = only(a.plan.problems, "subtotal-skipped").filter((p) => p.row === 4);
    expect(lines.map((p) => [p.column, p.severity])).toEqual([
      ["Q1 total", "info"],
      ["Total", "warning"],
    ]);
    expect(lines[1].message).toMatch(/65,137 differs from the sum of its 12 months, 67,137, by 2,000/);
    expect(a.plan.problems.filter((p) => p.severity !== "info" && p.code !== "subtotal-skipped")).toEqual([]);
  });
  it("reports an empty table as nothing to import", () => {
    const a = run("Year,Jan,Feb\n2017,-,\n");
    expect(a.detected).toBe("wide-years-rows");
    expect(a.plan.problems.map((p) => [p.severity, p.code])).toEqual([["error", "no-data"]]);
    expect(a.plan.blocked).toBe(true);
  });
  it("names the metric by the corner cell when there is no title", () => {
    const a = run("Gold (oz),Jan,Feb,Mar\n2017,5208,6736,\n");
    expect(a.detected).toBe("wide-years-rows");
    expect(a.plan.columns[1]).toMatchObject({ name: "Gold (oz)", unit: "oz" });
  });
  it("reads a year cell with a footnote marker", () => {
    const a = run("Year,Jan,Feb\n2017*,5208,6736\n2016 (1),4512,5125\n");
    expect(a.plan.rows.map((r) => r[1])).toEqual([4512, 5125, 5208, 6736]);
  });
  it("reports a year cell that is not a year", () => {
    const a = run("Year,Jan,Feb\n2017,1,2\n20l6,3,4\n");
    expect(only(a.plan.problems, "not-a-month")[0]).toMatchObject({ row: 3, column: "Year", text: "20l6" });
  });
});

describe("wide layout, months as rows", () => {
  const text =
    "Month\t2016 Gold Production (oz)\t2017 Gold Production (oz)\tComment\n" +
    "January\t4,512\t5,208\t\nFebruary\t5,125\t6,736\tall-time record for February\nMarch\t5,300\t\trainy season\n" +
    "Q1\t14,937\t11,944\t\nApril\t5,400\t\t\n";
  it("reads one column per year, leaving out the Q1 row and the comment column", () => {
    const a = run(text);
    expect(a.detected).toBe("wide-months-rows");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold Production (oz)"]);
    expect(a.plan.rows).toEqual([
      [serial(2016, 1), 4512],
      [serial(2016, 2), 5125],
      [serial(2016, 3), 5300],
      [serial(2016, 4), 5400],
      [serial(2017, 1), 5208],
      [serial(2017, 2), 6736],
    ]);
    expect(only(a.plan.problems, "subtotal-skipped")[0]).toMatchObject({ row: 5, text: "Q1" });
    expect(only(a.plan.problems, "text-column-skipped")[0]).toMatchObject({ column: "Comment" });
  });
  it("keeps several metrics per year", () => {
    const a = run("Month,2016 Gold (oz),2016 Ore (t),2017 Gold (oz),2017 Ore (t)\nJan,4512,7000,5208,7352\n");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Gold (oz)", "Ore (t)"]);
    expect(a.plan.rows).toEqual([
      [serial(2016, 1), 4512, 7000],
      [serial(2017, 1), 5208, 7352],
    ]);
  });
});

describe("checks", () => {
  it("a date that is not a month blocks; skipping bad rows drops and lists it", () => {
    const text = "Month,Gold (oz)\nJan 2017,5208\n31/02/2017,6736\nMar 2017,7000\n";
    const a = run(text);
    const e = only(a.plan.problems, "not-a-month")[0];
    expect(e).toMatchObject({ severity: "error", row: 3, column: "Month", text: "31/02/2017" });
    expect(e.message).toMatch(/^Line 3, column "Month": "31\/02\/2017"/);
    expect(a.plan.blocked).toBe(true);
    const s = run(text, { skipBadRows: true });
    expect(s.plan.blocked).toBe(false);
    expect(s.plan.rows.map((r) => r[1])).toEqual([5208, 7000]);
    expect(only(s.plan.problems, "rows-skipped")[0].message).toMatch(/1 line with errors left out: 3/);
    expect(only(s.plan.problems, "gap")[0].message).toMatch(/Feb 2017/);
  });
  it("a value that is not a number names the row, column and text", () => {
    const a = run(
      "Month,Gold (oz),Ore (t)\nJan 2017,5208,7352\nFeb 2017,214, 194,8010\n".replace("214, 194", '"214, 194"'),
    );
    const e = only(a.plan.problems, "not-a-number")[0];
    expect(e).toMatchObject({ severity: "error", row: 3, column: "Gold (oz)", text: "214, 194" });
    expect(a.plan.blocked).toBe(true);
  });
  it("keeps a column with a unit as a metric even when none of its cells reads, reporting each", () => {
    const a = run("Month,Gold (oz),Notes\nJan 2017,5 2O8,ok\nFeb 2017,6736oz!,ok\n");
    expect(a.detected).toBe("long");
    expect(only(a.plan.problems, "not-a-number").map((p) => [p.row, p.column, p.text])).toEqual([
      [2, "Gold (oz)", "5 2O8"],
      [3, "Gold (oz)", "6736oz!"],
    ]);
    expect(only(a.plan.problems, "text-column-skipped")[0].column).toBe("Notes");
  });
  it("warns about negative values, future months and gaps, without blocking", () => {
    const a = run("Month,Gold (oz)\nJan 2016,4512\nFeb 2016,(123)\nMay 2016,10\nApr 2017,7000\n");
    expect(only(a.plan.problems, "negative")[0]).toMatchObject({ severity: "warning", row: 3, text: "(123)" });
    expect(a.plan.rows[1][1]).toBe(-123);
    expect(only(a.plan.problems, "future-month")[0]).toMatchObject({ severity: "warning", row: 5, text: "Apr 2017" });
    const gaps = only(a.plan.problems, "gap").map((p) => p.message);
    expect(gaps).toEqual([
      "Line 4: 2 months missing before May 2016: Mar 2016, Apr 2016",
      "Line 5: 10 months missing before Apr 2017: Jun 2016 to Mar 2017",
    ]);
    expect(a.plan.blocked).toBe(false);
  });
  it("keeps (est) values, warns, and names the estimated metrics in an Estimate column", () => {
    const a = run(
      "Month,Gold (oz),Ore (t)\nJan 2017,5208,7352\nFeb 2017,6736 (est),8010 (est)\nMar 2017,7000 (est),9000\n",
    );
    expect(a.plan.columns.at(-1)).toEqual({ name: "Estimate", kind: "estimate", numberFormat: "@" });
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208, 7352, null],
      [serial(2017, 2), 6736, 8010, "Gold (oz), Ore (t)"],
      [serial(2017, 3), 7000, 9000, "Gold (oz)"],
    ]);
    expect(only(a.plan.problems, "estimate").map((p) => [p.row, p.column, p.text])).toEqual([
      [3, "Gold (oz)", "6736 (est)"],
      [3, "Ore (t)", "8010 (est)"],
      [4, "Gold (oz)", "7000 (est)"],
    ]);
  });
  it("reports footnote and source lines pasted with the table as notes, not bad months", () => {
    const a = run(
      "Month,Gold (oz),Comment\nJan 2017,5208,\nFeb 2017,6736,\n,,rainy season\n(1) Includes purchased ore,,\nSource: company reports\n",
    );
    expect(a.plan.blocked).toBe(false);
    expect(a.plan.rows).toHaveLength(2);
    expect(only(a.plan.problems, "footnote-skipped").map((p) => [p.row, p.text])).toEqual([
      [4, "rainy season"],
      [5, "(1) Includes purchased ore"],
      [6, "Source: company reports"],
    ]);
    expect(a.lineSummary).toBe("6 lines: 1 header, 2 read as data, 3 footnotes left out");
    const w = run("Month\t2016 Gold (oz)\t2017 Gold (oz)\nJan\t4512\t5208\n* unaudited\t\t\n");
    expect(only(w.plan.problems, "footnote-skipped")[0]).toMatchObject({ row: 3, text: "* unaudited" });
  });
  it("keeps a listed month without values as a row of blanks", () => {
    const a = run("Month,Gold (oz)\nJan 2017,5208\nFeb 2017,-\n");
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208],
      [serial(2017, 2), "n/a"],
    ]);
  });
  it("treats placeholders as no data", () => {
    const a = run("Month,Gold (oz),Silver (oz)\nJan 2017,5208,-\nFeb 2017,\u2014,n/a\nMar 2017,,7\n");
    // No figure is written as "n/a", which the functions read as no figure (an empty cell is 0 in Excel desktop).
    expect(a.plan.rows.map((r) => r.slice(1))).toEqual([
      [5208, "n/a"],
      ["n/a", "n/a"],
      ["n/a", 7],
    ]);
    expect(a.plan.problems).toEqual([]);
  });
});

describe("decimal mark", () => {
  it("detects the European comma when a value can only be read that way", () => {
    const a = run("Month;Gold (oz);Recovery (%)\n2017-01;5.208;92,5\n2017-02;6.736;93\n");
    expect([a.decimal, a.decimalDetected]).toEqual([",", true]);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 5208, 0.925],
      [serial(2017, 2), 6736, 0.93],
    ]);
  });
  it("assumes '.' when the data are ambiguous, warns, and follows the user's choice", () => {
    const text = "Month\tGold (oz)\nJan 2017\t19.982\n";
    const a = run(text);
    expect([a.decimal, a.decimalDetected, a.plan.rows[0][1]]).toEqual([".", false, 19.982]);
    expect(only(a.plan.problems, "ambiguous-decimal")[0].message).toMatch(
      /line 2 "19.982" was read with a decimal point; choose the decimal comma/,
    );
    const b = run(text, { decimal: "," });
    expect([b.decimal, b.plan.rows[0][1], b.plan.problems]).toEqual([",", 19982, []]);
  });
  it("takes a semicolon-separated file as European when the values leave it open", () => {
    const a = run("Month;Gold (oz)\n2017-01;19.982\n2017-02;6.736\n");
    expect([a.decimal, a.decimalDetected]).toEqual([",", false]);
    expect(a.plan.rows.map((r) => r[1])).toEqual([19982, 6736]);
    expect(only(a.plan.problems, "ambiguous-decimal")).toEqual([]); // "19.982" groups thousands under ","
  });
  it("does not warn about English thousands under the point", () => {
    const a = run('Month,Gold (oz)\nJan 2017,"6,736"\n');
    expect([a.decimal, a.plan.rows[0][1], a.plan.problems]).toEqual([".", 6736, []]);
  });
  it("warns when both marks are evidenced", () => {
    const a = run("Month\tGold (oz)\tGrade (g/t)\nJan 2017\t5208\t2,6\nFeb 2017\t6736\t2.7\n");
    expect(a.decimalDetected).toBe(false);
    expect(only(a.plan.problems, "mixed-decimal")[0].message).toMatch(/line 3 "2.7".*line 2 "2,6"/);
  });
});

describe("when nothing fits", () => {
  it("says it could not recognise the layout, with reasons, and never guesses", () => {
    const a = run("Name,Score\nfoo,1\nbar,2\n");
    expect(a.detected).toBeNull();
    expect(a.mapping).toBeNull();
    expect(a.plan.blocked).toBe(true);
    expect(a.plan.rows).toEqual([]);
    expect(a.plan.problems[0].message).toMatch(/^Could not recognise the layout.*no column holds months/);
  });
  it("reports an empty input", () => {
    expect(run("").plan.problems[0]).toMatchObject({ severity: "error", code: "empty" });
  });
  it("refuses a forced layout the table does not fit", () => {
    const a = run("Month,Gold (oz)\nJan 2017,5208\n", { layout: "wide-years-rows" });
    expect(a.detected).toBeNull();
    expect(a.reason).toMatch(/does not fit the layout "wide-years-rows"/);
  });
});

describe("manual mapping", () => {
  // Metrics as rows: no rule reads this; the user maps a transposed copy or picks columns.
  const text = "When,Site name,Gold,Silver,Notes\nJan 2017,North,5208,100,x\nFeb 2017,North,6736,110,y\n";
  it("offers the detected mapping for the pane's form", () => {
    expect(run(text).mapping).toEqual({ headerRow: 1, month: 0, metrics: [2, 3] });
  });
  it("imports exactly the columns the user mapped", () => {
    const a = run(text, { mapping: { month: 0, mine: 1, metrics: [3] } });
    expect(a.detected).toBe("manual");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Mine", "Month", "Silver"]);
    expect(a.plan.rows).toEqual([
      ["North", serial(2017, 1), 100],
      ["North", serial(2017, 2), 110],
    ]);
  });
  it("maps a tidy table by hand", () => {
    const a = run("d,k,v\nJan 2017,Gold (oz),5208\n", {
      layout: "manual",
      mapping: { month: 0, metricName: 1, value: 2 },
    });
    expect(a.plan.rows).toEqual([[serial(2017, 1), 5208]]);
  });
  it("reports a mapping that does not fit", () => {
    const a = run(text, { mapping: { month: 0, metrics: [9] } });
    expect(a.detected).toBeNull();
    expect(a.plan.problems[0].message).toMatch(/metric column 9 does not exist/);
  });
});

describe("a header over several lines", () => {
  it("joins a lower line that names fewer columns, with the first cell blank, and a word split by a hyphen", () => {
    const a = run(
      "Month,Ore,Head,Gold\n,pro-,grade,produced\n,cessed (t),(g/t),(oz)\nJan 2017,100,2.5,300\nFeb 2017,110,2.6,310\n",
    );
    expect(a.plan.columns.map((c) => c.name)).toEqual([
      "Month",
      "Ore processed (t)",
      "Head grade (g/t)",
      "Gold produced (oz)",
    ]);
    expect(a.plan.rows).toEqual([
      [serial(2017, 1), 100, 2.5, 300],
      [serial(2017, 2), 110, 2.6, 310],
    ]);
    expect(a.lineSummary).toBe("5 lines: 3 header lines, 2 read as data");
  });
  it("keeps a line of units in brackets as the unit line, not a header line", () => {
    const a = run("Month\tCoal\tIron ore\n\t(lakh tonnes)\t(lakh tonnes)\nJan 2017\t362\t126\nFeb 2017\t361\t94\n");
    expect(a.plan.columns.map((c) => c.name)).toEqual(["Month", "Coal (lakh tonnes)", "Iron ore (lakh tonnes)"]);
    expect(a.lineSummary).toBe("4 lines: 1 header, 1 unit line, 2 read as data");
  });
});
