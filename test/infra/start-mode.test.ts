/** What `npm start` does on each kind of machine, and the reason it prints when it cannot sideload. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { hasOfficeAddinDebugging, startMode } from "../../scripts/lib/start-mode.mjs";

const machine = (over: Record<string, unknown>) => ({ platform: "win32", argv: [], env: {}, debugging: true, ...over });

describe("npm start: sideload into Excel desktop, or serve for Excel on the web and say why", () => {
  it("sideloads on Windows and macOS when office-addin-debugging is installed", () => {
    expect(startMode(machine({}))).toEqual({ mode: "desktop" });
    expect(startMode(machine({ platform: "darwin" }))).toEqual({ mode: "desktop" });
  });

  it("serves for the web, saying why, when office-addin-debugging is missing (npm skipped it)", () => {
    const choice = startMode(machine({ debugging: false }));
    expect(choice.mode).toBe("web");
    expect(choice.reason).toContain("office-addin-debugging, which sideloads into Excel desktop, is not installed");
    expect(choice.reason).toContain("docs/install.md");
  });

  it("serves for the web on Linux, in CI and with --web, each with its own reason", () => {
    expect(startMode(machine({ platform: "linux" })).reason).toBe("Excel desktop does not run on linux.");
    expect(startMode(machine({ env: { CI: "true" } })).reason).toContain("CI is set");
    expect(startMode(machine({ argv: ["node", "start.mjs", "--web"] })).reason).toContain("--web");
  });

  it("finds office-addin-debugging by its package in node_modules", () => {
    const root = mkdtempSync(join(tmpdir(), "prod-start-"));
    expect(hasOfficeAddinDebugging(root)).toBe(false);
    mkdirSync(join(root, "node_modules/office-addin-debugging"), { recursive: true });
    writeFileSync(join(root, "node_modules/office-addin-debugging/package.json"), "{}");
    expect(hasOfficeAddinDebugging(root)).toBe(true);
  });
});
