// How `npm start` serves the add-in on this machine, and why: sideload into Excel desktop with
// office-addin-debugging, or serve for Excel on the web. Kept apart from start.mjs so the choice
// can be tested on any machine.
import { existsSync } from "node:fs";
import { join } from "node:path";

/** office-addin-debugging is an optional dependency: npm skips it where its keytar cannot be built. */
export function hasOfficeAddinDebugging(root) {
  return existsSync(join(root, "node_modules", "office-addin-debugging", "package.json"));
}

/**
 * { mode: "desktop" } or { mode: "web", reason } for the reason printed before the web steps.
 * `machine`: { platform, argv, env, debugging } (debugging: whether office-addin-debugging is installed).
 */
export function startMode({ platform, argv, env, debugging }) {
  if (argv.includes("--web")) return { mode: "web", reason: "you asked for Excel on the web (--web)." };
  if (env.CI) return { mode: "web", reason: "CI is set, and a CI runner has no Excel desktop." };
  if (platform !== "win32" && platform !== "darwin") {
    return { mode: "web", reason: `Excel desktop does not run on ${platform}.` };
  }
  if (!debugging) {
    return {
      mode: "web",
      reason:
        "office-addin-debugging, which sideloads into Excel desktop, is not installed. npm skips this optional " +
        "package where its keytar dependency cannot be built (on Linux it needs libsecret). Run `npm install` " +
        "again to retry it, or sideload by hand as docs/install.md describes.",
    };
  }
  return { mode: "desktop" };
}
