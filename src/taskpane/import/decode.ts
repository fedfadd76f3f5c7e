/**
 * File bytes to text. Analysts bring CSV saved by Excel ("CSV UTF-8" with a BOM, plain "CSV" in the
 * Windows code page, "Unicode text" = UTF-16 LE with a BOM) and exports from other tools.
 */

// ignoreBOM: the BOM is removed here, once; a second U+FEFF is content and must stay.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes with the given label; falls back to a byte-per-character reading so it never throws. */
function decodeAs(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
  } catch {
    let s = "";
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return s;
  }
}

/** Bytes looked at to tell UTF-16 without a BOM: enough for a header and some rows. */
const SNIFF_BYTES = 2000;
/** UTF-16 of mostly ASCII text: most bytes at one parity are zero, and almost none at the other. */
const ZERO_BYTES_HIGH = 0.6;
const ZERO_BYTES_LOW = 0.1;

/** UTF-16 without a BOM shows as a zero byte in every other position of ASCII text. */
function zeroBytesAt(bytes: Uint8Array, parity: 0 | 1): number {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let zeros = 0;
  for (let i = parity; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return n === 0 ? 0 : zeros / Math.ceil(n / 2);
}

export function decodeBytes(bytes: Uint8Array): string {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return decodeAs("utf-8", b.subarray(3));
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return decodeAs("utf-16le", b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return decodeAs("utf-16be", b.subarray(2));
  if (b.length >= 4) {
    if (zeroBytesAt(b, 1) > ZERO_BYTES_HIGH && zeroBytesAt(b, 0) < ZERO_BYTES_LOW) return decodeAs("utf-16le", b);
    if (zeroBytesAt(b, 0) > ZERO_BYTES_HIGH && zeroBytesAt(b, 1) < ZERO_BYTES_LOW) return decodeAs("utf-16be", b);
  }
  try {
    return utf8.decode(b);
  } catch {
    // Not valid UTF-8: Excel's plain "CSV" uses the Windows code page (an em dash is byte 0x97).
    return windows1252(b);
  }
}

/** 0x80-0x9F of Windows-1252 (Node's TextDecoder reads this label as Latin-1). */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function windows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (c) =>
      c >= 0x80 && c <= 0x9f ? CP1252_HIGH.charCodeAt(c - 0x80) : c,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}
