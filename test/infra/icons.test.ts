import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ROOT } from "./build";

const SIZES = [16, 32, 64, 80, 128];

/** RGBA pixels of one of our PNGs (8-bit RGBA, filter 0 on every row, as the generator writes them). */
function pixels(png: Buffer, size: number): Buffer {
  const idat = png.indexOf("IDAT");
  const length = png.readUInt32BE(idat - 4);
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + length));
  expect(raw.length).toBe(size * (size * 4 + 1));
  return raw;
}

describe("icons", () => {
  it("the checked-in icons are exactly what scripts/make-icons.mjs draws", () => {
    const out = mkdtempSync(join(tmpdir(), "prod-icons-"));
    execFileSync(process.execPath, [join(ROOT, "scripts/make-icons.mjs"), out]);
    expect(readdirSync(out).sort()).toEqual(SIZES.map((s) => `icon-${s}.png`).sort());
    for (const s of SIZES) {
      expect(
        readFileSync(join(out, `icon-${s}.png`)).equals(readFileSync(join(ROOT, "assets", `icon-${s}.png`))),
        `icon-${s}.png`,
      ).toBe(true);
    }
  });

  it("each icon shows a gold glyph on a slate tile with transparent corners", () => {
    for (const s of SIZES) {
      const raw = pixels(readFileSync(join(ROOT, "assets", `icon-${s}.png`)), s);
      const at = (x: number, y: number) => {
        const i = y * (s * 4 + 1) + 1 + x * 4;
        return [...raw.subarray(i, i + 4)];
      };
      expect(at(0, 0)[3], `corner of icon-${s}`).toBeLessThan(32); // rounded: at most a trace of anti-aliasing
      // Centre of the tallest bar (x 0.66–0.82, y 0.18–0.82) is gold; the top-left of the tile is slate.
      expect(at(Math.floor(s * 0.74), Math.floor(s * 0.5)), `bar of icon-${s}`).toEqual([242, 179, 36, 255]);
      expect(at(Math.floor(s * 0.3), Math.floor(s * 0.3)), `tile of icon-${s}`).toEqual([38, 50, 56, 255]);
    }
  });
});
