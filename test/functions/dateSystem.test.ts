/**
 * The functions in both date systems. The pane keeps the workbook's system as a setting
 * (Office.context.document.settings); the functions read it through the shared runtime. Dynacor's
 * seed months (Jan/Feb 2016 and 2017: 4,512, 5,125, 5,208, 6,736 oz) as a 1904 workbook holds them
 * must give the answers the same months give in a 1900 workbook. Serials come from the calendar here.
 */
import "./setup-custom-functions";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DATE_SYSTEM_SETTING } from "../../src/calc/dateSystem";
import { dateIn1900 } from "../../src/functions/dateSystem";
import { guidanceProgress, recordMonth, yoyGrowth } from "../../src/functions/functions";
import { createExcelDouble } from "../support/excel-double";
import { OMITTED, col, expectError, serial } from "./helpers";

const DAY = 86_400_000;
/** 1904 system: 1 Jan 1904 is day 0. */
const serial1904 = (year: number, month: number, day = 1) =>
  (Date.UTC(year, month - 1, day) - Date.UTC(1904, 0, 1)) / DAY;

const MONTHS: [number, number][] = [
  [2016, 1],
  [2016, 2],
  [2017, 1],
  [2017, 2],
];
const values = col(4512, 5125, 5208, 6736);
const dates = {
  "1900": col(...MONTHS.map(([y, m]) => serial(y, m))),
  "1904": col(...MONTHS.map(([y, m]) => serial1904(y, m))),
};
const feb15 = { "1900": serial(2017, 2, 15), "1904": serial1904(2017, 2, 15) };

let settings: ReturnType<typeof createExcelDouble>["documentSettings"];
beforeEach(() => {
  settings = createExcelDouble().documentSettings;
  (globalThis as any).Office = { context: { document: { settings } } };
});
afterEach(() => {
  delete (globalThis as any).Office;
});
const use = (system: "1900" | "1904") => settings.set(DATE_SYSTEM_SETTING, system);

describe.each(["1900", "1904"] as const)("a %s workbook whose setting says so", (system) => {
  beforeEach(() => use(system));

  it('YOY_GROWTH: Jan–Feb 2017 over Jan–Feb 2016 is 11,944 / 9,637 − 1 = 23.9% ("+24%"), with a text or a date period', () => {
    const byText = yoyGrowth(dates[system], values, col("Feb 2017"), "ytd");
    expect(byText[0][0]).toBeCloseTo(0.23939, 5);
    expect(yoyGrowth(dates[system], values, col(feb15[system]), "ytd")).toEqual(byText);
  });

  it("RECORD_MONTH: February 2017 beat every earlier February; the record it beat was set in Feb 2016, as a date of this workbook", () => {
    expect(recordMonth(dates[system], values, col(feb15[system]))).toEqual([[true]]);
    const previous = recordMonth(dates[system], values, col("Feb 2017"), "month", "previous_period");
    expect(previous).toEqual([[system === "1904" ? serial1904(2016, 2) : serial(2016, 2)]]);
    expect(recordMonth(dates[system], values)).toEqual([[false], [false], [true], [true]]);
  });

  it("GUIDANCE_PROGRESS: the year to date through an as_of date is 11,944 oz", () => {
    expect(guidanceProgress(col("88-92,000"), dates[system], values, col(feb15[system]), "ytd")).toEqual([[11944]]);
  });

  it("a year typed as a period stays a year, whatever the system", () => {
    expect(dateIn1900(2017, "periods")).toBe(2017);
    const out = yoyGrowth(dates[system], values, col(2017), "ytd");
    use("1900");
    expect(out).toEqual(yoyGrowth(dates["1900"], values, col(2017), "ytd"));
  });
});

describe("why the setting matters", () => {
  it("a 1904 workbook's dates read as 1900 are four years and a day early: Feb 2017 is not among them", () => {
    use("1900");
    expectError(yoyGrowth(dates["1904"], values, col("Feb 2017"), "ytd")[0][0], "#N/A", "no value for Jan 2016");
  });

  it("a table kept for per-row formulas is not reused once the setting changes: the same cells, read again", () => {
    use("1900");
    expectError(yoyGrowth(dates["1904"], values, col("Feb 2017"), "ytd")[0][0], "#N/A", "no value for Jan 2016");
    use("1904");
    expect(yoyGrowth(dates["1904"], values, col("Feb 2017"), "ytd")[0][0]).toBeCloseTo(0.23939, 5);
    use("1900");
    expectError(yoyGrowth(dates["1904"], values, col("Feb 2017"), "ytd")[0][0], "#N/A", "no value for Jan 2016");
  });

  it("no setting (a workbook never asked, or no Office at all) is the 1900 system", () => {
    expect(yoyGrowth(dates["1900"], values, col("Feb 2017"), "ytd")[0][0]).toBeCloseTo(0.23939, 5);
    delete (globalThis as any).Office;
    expect(recordMonth(dates["1900"], values, col("Feb 2017"), OMITTED, "previous_period")).toEqual([
      [serial(2016, 2)],
    ]);
  });

  it("an empty cell (0 on the desktop) stays empty, never a date of 1904", () => {
    use("1904");
    expect(dateIn1900(0, "dates")).toBe(0);
    expect(dateIn1900("", "dates")).toBe("");
    expect(dateIn1900(serial1904(2017, 2), "dates")).toBe(serial(2017, 2));
  });
});
