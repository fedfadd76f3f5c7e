/**
 * The Node versions package.json promises (and the README repeats) are ones every installed package
 * accepts: a package whose `engines` excludes part of the range would fail there, after a clean install.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { ROOT } from "./build";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));

describe("package.json engines", () => {
  const promised: string = pkg.engines.node;

  it("names the Node versions the README gives", () => {
    expect(promised).toBe("^20.19.0 || ^22.13.0 || >=24");
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain("Node.js 20.19 or later, 22.13 or later, or 24");
  });

  it("fits inside the engines of every package the lockfile installs", () => {
    const narrower = Object.entries(
      lock.packages as Record<string, { engines?: { node?: string }; optional?: boolean }>,
    )
      .filter(([path, p]) => path !== "" && !p.optional && typeof p.engines?.node === "string")
      .filter(([, p]) => !semver.subset(promised, p.engines!.node!))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, "")} needs ${p.engines!.node}`);
    expect(narrower).toEqual([]);
  });

  it("is not narrower than it must be: the oldest release of each line is accepted by every package", () => {
    const ranges = Object.values(lock.packages as Record<string, { engines?: { node?: string }; optional?: boolean }>)
      .filter((p) => !p.optional && typeof p.engines?.node === "string")
      .map((p) => p.engines!.node!);
    const acceptedByAll = (v: string) => ranges.every((r) => semver.satisfies(v, r));
    for (const oldest of ["20.19.0", "22.13.0", "24.0.0"]) {
      expect(semver.satisfies(oldest, promised)).toBe(true);
      expect(acceptedByAll(oldest), oldest).toBe(true);
    }
    // Just below each line's start, some installed package refuses: the range cannot start earlier.
    for (const tooOld of ["20.18.0", "22.12.0"]) expect(acceptedByAll(tooOld), tooOld).toBe(false);
  });
});
