import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectSeparator, readTable } from "../../support/readTable";

describe("readTable", () => {
  it("reads a CSV with quoted thousands", () => {
    expect(readTable('Month,Gold (oz)\nJan 2017,"5,208"\nFeb 2017,"6,736"\n')).toEqual([
      ["Month", "Gold (oz)"],
      ["Jan 2017", "5,208"],
      ["Feb 2017", "6,736"],
    ]);
  });
  it("reads a TSV whose values contain commas as tab-separated", () => {
    expect(readTable("Month\tGold (oz)\nJan 2017\t5,208\nFeb 2017\t6,736")).toEqual([
      ["Month", "Gold (oz)"],
      ["Jan 2017", "5,208"],
      ["Feb 2017", "6,736"],
    ]);
  });
  it("reads a European semicolon CSV with decimal commas", () => {
    expect(readTable("Month;Recovery (%)\n2017-01;92,5\n2017-02;91,8")).toEqual([
      ["Month", "Recovery (%)"],
      ["2017-01", "92,5"],
      ["2017-02", "91,8"],
    ]);
  });
  it("splits a table pasted from a PDF on runs of spaces, keeping single spaces inside cells", () => {
    const pasted =
      "Month        Gold (oz)    Ore (t)\nJan 2017     5,208        7 352\nFeb 2017     6,736        8 010\n";
    expect(readTable(pasted)).toEqual([
      ["Month", "Gold (oz)", "Ore (t)"],
      ["Jan 2017", "5,208", "7 352"],
      ["Feb 2017", "6,736", "8 010"],
    ]);
    expect(detectSeparator(pasted)).toBe("spaces");
  });
  it("keeps inner blank lines (row numbers match the file) but drops trailing ones", () => {
    const t = readTable("Title\n\nMonth,Gold\nJan 2017,5\n\n\n");
    expect(t.length).toBe(4);
    expect(t[2]).toEqual(["Month", "Gold"]);
  });
  it("handles CRLF line ends and a BOM character", () => {
    expect(readTable("\ufeffMonth,Gold\r\nJan 2017,5\r\n")).toEqual([
      ["Month", "Gold"],
      ["Jan 2017", "5"],
    ]);
  });
  it("gives an empty table for empty or blank text", () => {
    expect(readTable("")).toEqual([]);
    expect(readTable("  \n \n")).toEqual([]);
  });
  it("never throws on random text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => Array.isArray(readTable(s))));
  });
});
