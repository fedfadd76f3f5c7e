import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeBytes } from "../../../src/taskpane/import/decode";

const text = "Month,Gold (oz)\nFeb 2017,\u2014\n";

function utf16(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
  }
  return new Uint8Array(out);
}

describe("decodeBytes", () => {
  it("reads UTF-8 without a BOM", () => {
    expect(decodeBytes(new TextEncoder().encode(text))).toBe(text);
  });
  it("drops the UTF-8 BOM Excel's 'CSV UTF-8' writes", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeBytes(bytes)).toBe(text);
  });
  it("reads UTF-16 LE with a BOM (Excel's 'Unicode text')", () => {
    expect(decodeBytes(utf16(text, false, true))).toBe(text);
  });
  it("reads UTF-16 BE with a BOM", () => {
    expect(decodeBytes(utf16(text, true, true))).toBe(text);
  });
  it("recognises UTF-16 LE without a BOM by its zero bytes", () => {
    expect(decodeBytes(utf16("Month\tGold\r\nJan 2017\t5208", false, false))).toBe("Month\tGold\r\nJan 2017\t5208");
  });
  it("falls back to the Windows code page for Excel's plain CSV (em dash is byte 0x97)", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("Feb 2017,"), 0x97]);
    expect(decodeBytes(bytes)).toBe("Feb 2017,\u2014");
  });
  it("removes one BOM only: a second U+FEFF is content", () => {
    expect(decodeBytes(utf16("\ufeffx", false, true))).toBe("\ufeffx");
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x78]))).toBe("\ufeffx");
  });
  it("never throws on random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => typeof decodeBytes(b) === "string"));
  });
});
