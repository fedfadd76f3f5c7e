/** The reader's parts on the forms releases print: figures and units, periods, tables, and the exact verdicts. */
import { describe, expect, it } from "vitest";
import { readRelease, type ReleaseFigure } from "../../../src/calc/release";
import { periodLabel, periodsOf, resolve, type PeriodContext } from "../../../src/calc/release/periods";
import { quantitiesOf, type Quantity, type Unread } from "../../../src/calc/release/quantities";
import { tokenize } from "../../../src/calc/release/tokens";
import { amountVerdict, totalVerdict } from "../../../src/calc/release/verdicts";

function quantities(text: string): { qs: Quantity[]; unread: Unread[] } {
  const tokens = tokenize(text);
  const unread: Unread[] = [];
  return { qs: quantitiesOf(text, tokens, new Uint8Array(tokens.length), new Map(), unread), unread };
}
const one = (text: string): Quantity => {
  const { qs } = quantities(text);
  expect(qs).toHaveLength(1);
  return qs[0];
};
const value = (q: Quantity) => Number(`${q.number.coefficient}e${q.number.exponent}`);

describe("figures as releases print them", () => {
  it.each([
    ["5.32-million ounces", 5.32, "oz", 6],
    ["1.207Moz", 1.207, "oz", 6],
    ["62,500oz", 62500, "oz", 0],
    ["58.02 million tonnes", 58.02, "t", 6],
    ["US$2,124m", 2124, "money:$", 6],
    ["$487 million", 487, "money:$", 6],
    ["A$2,707oz", 2707, "money:A$/oz", 0],
    ["US$1,927/eq oz", 1927, "money:$/oz", 0],
    ["R18.21", 18.21, "money:R", 0],
    ["$1 275/oz", 1275, "money:$/oz", 0],
    ["7,815 tonnes per day", 7815, "tpd", 0],
    ["$0.04 per share", 0.04, "money:$/share", 0],
    ["255 days", 255, "count:days", 0],
    ["1,102,290 silver equivalent ounces", 1102290, "oz", 0],
  ])("%s is %d in %s, scale 10^%d", (text, v, dim, scale) => {
    const q = one(text);
    expect([q.kind, value(q), q.unit.dim, q.unit.scale]).toEqual(["amount", v, dim, scale]);
  });

  it.each([
    ["+15%", 15, { plus: true, negative: false }],
    ["(-16%)", 16, { plus: false, negative: true }],
    ["(85)%", 85, { negative: true }],
    ["8.67 percent", 8.67, { negative: false }],
    ["20 per cent", 20, {}],
    ["9-per-cent", 9, {}],
    ["12 %", 12, {}],
  ])("%s is a percentage of %d", (text, v, flags) => {
    const q = one(text);
    expect(q.kind).toBe("percent");
    expect(value(q)).toBe(v);
    expect(q).toMatchObject(flags);
  });

  it('reads "+/- 7%" as a tolerance, never a change', () => {
    expect(one("430,000 ounces (+/- 7%)".slice(16)).tolerance).toBe(true);
  });

  it("lists a number calc's reader refuses as not read, with why", () => {
    const { qs, unread } = quantities("grade of 43,12 and 1,2345 oz");
    expect(qs).toHaveLength(0);
    expect(unread.map((u) => u.text)).toEqual(["43,12", "1,2345"]);
    expect(unread[0].why).toMatch(/threes/);
  });

  it("keeps footnote digits glued to a word out of the figures", () => {
    expect(quantities("Silver equivalent1 production").qs).toEqual([]);
  });
});

describe("periods as releases name them", () => {
  const ctx: PeriodContext = { month: 2017 * 12 + 2, quarter: [2016 * 12 + 9, 2016 * 12 + 11], half: null };
  const read = (text: string, c: PeriodContext | null = ctx) =>
    periodsOf(tokenize(text)).map((m) => {
      if (m.value.date) return "date";
      const p = resolve(m.value, c);
      return p ? periodLabel(p) : (m.value.fiscal ?? "relative");
    });
  it.each([
    ["Q1-2016", "Q1 2016"],
    ["3Q 2018", "Q3 2018"],
    ["H1 2024", "H1 2024"],
    ["the first two months of 2017", "Jan-Feb 2017"],
    ["the first nine months of 2016", "Jan-Sep 2016"],
    ["first-quarter", "Q1 2017"],
    ["February", "Feb 2017"],
    ["June 2016", "Jun 2016"],
    ["March and April 2016", "Mar-Apr 2016"],
    ["April - December 2020", "Apr-Dec 2020"],
    ["the six months to 30 June 2024", "H1 2024"],
    ["the quarter to September 30, 2019", "Q3 2019"],
    ["full-year 2017", "2017"],
    ["FY' 23-24", "FY2024"],
    ["March 29, 2017", "date"],
    ["a year earlier", "relative"],
  ])("%s", (text, label) => {
    expect(read(text)).toEqual([label]);
  });

  it('reads "June quarter" as the quarter that ends in June', () => {
    expect(read("the June quarter", { month: 2024 * 12 + 7, quarter: null, half: null })).toEqual(["Q2 2024"]);
  });
});

describe("exact verdicts", () => {
  it('reads "1,700 oz" to the hundred: 1,705 is consistent', () => {
    const [stated, current, prior] = ["1,700 oz", "10,266 oz", "11,971 oz"].map(one);
    expect(amountVerdict(stated, -1, current, prior)).toEqual({ verdict: "consistent" });
  });

  it('gives the exact difference when it is not the amount: "989 oz" for 986', () => {
    const [stated, current, prior] = ["989 oz", "5,184 oz", "6,170 oz"].map(one);
    expect(amountVerdict(stated, -1, current, prior)).toEqual({ verdict: "inconsistent: the numbers give 986 oz" });
  });

  it("shows a change said as a multiple as the percentage the figures give", () => {
    const ask = (change: string) =>
      readRelease(`Northfield Gold, 14 March 2023. Gold production in 2022 ${change} in 2021.`).claims.map((c) => [
        c.stated,
        c.computed,
        c.verdict,
      ]);
    // 400,000 / 100,000 - 1 = 300%; 210,000 / 100,000 - 1 = 110%
    expect(ask("quadrupled to 400,000 ounces from 100,000 ounces")).toEqual([["quadrupled", "300.00%", "consistent"]]);
    expect(ask("more than doubled to 210,000 ounces from 100,000 ounces")).toEqual([
      ["more than doubled", "110.00%", "consistent"],
    ]);
  });

  it("keeps the scale printed: 3.89 million tonnes against 58.02 - 54.14", () => {
    const [stated, current, prior] = ["3.89 million tonnes", "58.02 million tonnes", "54.14 million tonnes"].map(one);
    expect(amountVerdict(stated, 1, current, prior).verdict).toBe("inconsistent: the numbers give 3.88 million tonnes");
  });

  it("adds parts exactly", () => {
    const parts = ["43,378", "25,233"].map(one);
    expect(totalVerdict(one("68,610"), parts)).toEqual({ verdict: "inconsistent: the parts sum to 68,611" });
    expect(totalVerdict(one("68,611"), parts)).toEqual({ verdict: "consistent" });
  });
});

describe("tables", () => {
  const fig = (text: string, printed: string): ReleaseFigure => {
    const f = readRelease(text).figures.find((x) => x.printed === printed);
    if (!f) throw new Error(`no figure ${printed}`);
    return f;
  };

  it("reads years as rows and months as columns, with the quarter total checked", () => {
    const text = [
      "Table 1. Monthly gold production",
      "        January    February    March      Q1 total",
      "        (oz)       (oz)        (oz)       (oz)",
      "2017    5,208      6,733       5,184      17,125",
      "2016    4,512      5,125       6,170      15,806",
    ].join("\n");
    expect(fig(text, "6,733")).toMatchObject({ period: "Feb 2017", metric: "gold produced", unit: "oz" });
    const totals = readRelease(text).claims.filter((c) => c.kind === "total");
    expect(totals.map((c) => [c.text, c.verdict])).toEqual([
      ["17,125", "consistent"],
      ["15,806", "inconsistent: the parts sum to 15,807"],
    ]);
  });

  it("reads a two-line header over both years side by side", () => {
    const text = [
      "Summary",
      "                              Third Quarter          First Nine Months",
      "                              2018       2017        2018        2017",
      "Gold produced (ounces)        57,163     37,039      162,741     122,122",
    ].join("\n");
    expect(fig(text, "37,039").period).toBe("Q3 2017");
    expect(fig(text, "122,122").period).toBe("Jan-Sep 2017");
  });

  it("checks a % column against the two periods before it, with cells split by a paste", () => {
    const text = [
      "Production | Second Quarter",
      "| 2019 | 2018 | Variance | % +/(-)",
      "Gold production (ounces)",
      "Eagle River | 20,873 | 14,767 | 6,106 | 41 | %",
      "Mishi | 1,564 | 1,860 | (296 | ) | (16 | %)",
    ].join("\n");
    const claims = readRelease(text).claims;
    expect(claims.map((c) => [c.text, c.stated, c.verdict])).toEqual([
      ["6,106", "6,106", "consistent"],
      ["41 | %", "41%", "consistent"],
      ["(296 | )", "(296)", "consistent"],
      ["(16 | %)", "(16%)", "consistent"],
    ]);
    expect(fig(text, "1,564").period).toBe("Q2 2019");
  });
});

describe("forms met in releases outside the corpus", () => {
  it("reads one figure given as guidance, with its qualifier", () => {
    const [c] = readRelease(
      "Jan. 10, 2019 - The company expects 2019 gold production of around 640,000 ounces.",
    ).claims;
    expect(c).toMatchObject({ kind: "guidance", text: "expects 2019 gold production of around 640,000 ounces" });
    expect([(c.figures.low as ReleaseFigure).value, (c.figures.high as ReleaseFigure).value]).toEqual([640000, 640000]);
    expect(c.verdict).toBe("not checkable");
  });

  it("does not take the figure a change is measured against for guidance", () => {
    const claims = readRelease(
      "It processed 7,985 tonnes during May, 6.4 % above the forecast of 7,500 tonnes.",
    ).claims;
    expect(claims.map((c) => c.kind)).toEqual(["change"]);
  });

  it('finds the compared figure in a clause on the period compared ("… last year when it produced …")', () => {
    const text =
      "May 2, 2024 - Output for April 2024 reached 61.78 MT, a growth of 7.31 per cent compared to the same period last year when it produced 57.57 MT.";
    const [c] = readRelease(text).claims;
    expect((c.figures.prior as ReleaseFigure).value).toBe(57.57);
    expect((c.figures.prior as ReleaseFigure).period).toBe("Apr 2023");
    expect(c.verdict).toBe("consistent");
  });

  it("reads two changes sharing their figure, each against its own comparison, in an undated release", () => {
    const text = [
      "Mine A",
      "\t3Q 2017\t2Q 2017\t3Q 2016",
      "Ounces Produced",
      "Silver equivalent (000's)\t3,600\t2,880\t1,905",
      "",
      "- Silver equivalent production increased 25% quarter-over-quarter and 89% year-over-year to 3.6 million ounces",
    ].join("\n");
    const claims = readRelease(text).claims;
    expect(claims.map((c) => [c.stated, c.computed, c.verdict])).toEqual([
      ["25%", "25.00%", "consistent"],
      ["89%", "88.98%", "consistent"],
    ]);
    expect((claims[1].figures.prior as ReleaseFigure).period).toBe("Q3 2016");
  });

  const quarterTable = [
    "Report for the three months ended December 31, 2021 (the Quarter).",
    "",
    "Indicator Unit 2020 Sep 2021 Dec 2021 2021",
    "Gold sales Ounces 265,127 107,650 130,486 432,250",
    "Production Cost US$/ounce 871 857 823 863",
    "All-In Site Cost US$/ounce 1,002 966 934 985",
    "",
  ];

  it("gives a figure that repeats one table cell that cell's period and row, and flags only on them", () => {
    const text = [
      ...quarterTable,
      "- Site costs fell 3% quarter-on-quarter to US$934 per ounce, or 5% year-on-year to US$985 per ounce.",
    ].join("\n");
    const claims = readRelease(text).claims.filter((c) => c.kind === "change");
    expect(claims.map((c) => [c.stated, c.verdict])).toEqual([
      ["3%", "consistent"],
      ["5%", "inconsistent: the numbers give -1.7%"],
    ]);
    expect((claims[1].figures.current as ReleaseFigure).period).toBe("2021");
    expect((claims[1].figures.prior as ReleaseFigure).value).toBe(1002);
  });

  it("does not flag when the figure repeats more than one cell", () => {
    const text = [
      ...quarterTable.slice(0, 5),
      "All-In Site Cost US$/ounce 1,002 966 934 863",
      "",
      "- Site costs fell 5% year-on-year to US$863 per ounce.",
    ].join("\n");
    const c = readRelease(text).claims.find((x) => x.kind === "change")!;
    expect(c.verdict).toBe("not checkable");
  });

  it('reads "Quarterly gold sales increased by 21%" as the quarter against the one before, never flagged', () => {
    const ok = readRelease([...quarterTable, "- Quarterly gold sales increased by 21%."].join("\n")).claims;
    expect(ok.find((c) => c.kind === "change")).toMatchObject({ verdict: "consistent", computed: "21.21%" });
    const wrong = readRelease([...quarterTable, "- Quarterly gold sales increased by 30%."].join("\n")).claims;
    expect(wrong.find((c) => c.kind === "change")?.verdict).toBe("not checkable");
  });

  it('reads "the December Half Year" as July to December', () => {
    const tokens = tokenize("guidance for the December Half Year");
    const [m] = periodsOf(tokens);
    expect(periodLabel(resolve(m.value, { month: 2021 * 12 + 11, quarter: null, half: null })!)).toBe("H2 2021");
  });

  it("compares a count with a count of the same things", () => {
    const [c] = readRelease(
      "April 1, 2019 - It loaded 12,372 rakes in 2018-19, against 10,422 rakes in 2017-18, a growth rate of 18.71%.",
    ).claims;
    expect([c.stated, c.verdict]).toEqual(["18.71%", "consistent"]);
    expect([(c.figures.current as ReleaseFigure).period, (c.figures.prior as ReleaseFigure).period]).toEqual([
      "FY2019",
      "FY2018",
    ]);
  });

  it("checks an actual that went past guidance against the figure printed for it elsewhere", () => {
    const text = [
      "Jan. 10, 2023 - The company produced 9.0 million oz AgEq in 2022.",
      "",
      "Full year 2022 production went past the upper range of the Company's guidance of between 7.6 million oz and 8.0 million oz AgEq (revised upwards in August).",
    ].join("\n");
    const c = readRelease(text).claims.find((x) => x.kind === "guidance")!;
    expect(c.verdict).toBe("consistent");
    expect((c.figures.current as ReleaseFigure).value).toBe(9);
    expect((c.figures.low as ReleaseFigure).period).toBe("2022");
  });
});
