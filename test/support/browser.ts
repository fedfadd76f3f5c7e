/**
 * Finds a Chromium-family browser for the browser tests, so `npm test` needs nothing installed by hand:
 * CHROMIUM_PATH first, then an installed Chromium, Chrome or Edge, then the Chromium that ships inside the
 * @sparticuz/chromium npm package (its binary is in the package, so it installs where no download can).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

export interface Browser {
  executablePath: string;
  /** Extra launch arguments the browser needs (the packaged Chromium runs as a single headless process). */
  args: string[];
  source: string;
}

function installedPaths(): string[] {
  const env = process.env;
  if (process.platform === "win32") {
    const roots = [env["PROGRAMFILES"], env["PROGRAMFILES(X86)"], env["LOCALAPPDATA"]].filter(Boolean) as string[];
    return roots.flatMap((r) => [
      join(r, "Google/Chrome/Application/chrome.exe"),
      join(r, "Microsoft/Edge/Application/msedge.exe"),
      join(r, "Chromium/Application/chrome.exe"),
    ]);
  }
  if (process.platform === "darwin") {
    return [
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/microsoft-edge",
  ];
}

export async function findBrowser(): Promise<Browser> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, args: [], source: "CHROMIUM_PATH" };
  }
  const installed = installedPaths().find((p) => existsSync(p));
  if (installed) return { executablePath: installed, args: [], source: "installed" };
  if (process.platform !== "linux") {
    throw new Error("no Chromium, Chrome or Edge found: install one, or set CHROMIUM_PATH to its executable");
  }
  // Linux x64 only: the package's binary is built for it.
  const packaged = (await import("@sparticuz/chromium")).default;
  const executablePath = await packaged.executablePath();
  const args = packaged.args.filter((a) => !a.startsWith("--headless"));
  return { executablePath, args, source: "@sparticuz/chromium" };
}
