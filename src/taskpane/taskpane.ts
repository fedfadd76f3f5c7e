/*
 * Task pane entry. In the shared runtime this page also hosts the custom functions bundle, so it
 * must stay light and never block on Office. While Office is not ready the pane says so and keeps
 * waiting — Excel can take a while to start the add-in, and giving up would hide the import for the
 * whole session; it appears as soon as Office is ready.
 */
import { initImportPane } from "./ui/importPane";
import { mountReleaseCheck } from "./ui/releaseCheck";

const OUTSIDE_EXCEL =
  "This add-in must run inside Excel. Open it from Excel (Home > PROD) — in a plain browser there is no workbook to read or write.";

const WAITING = "Waiting for Excel to get the add-in ready…";

/** After this long the line adds what to do if this page is not in Excel at all; it still waits. */
const STILL_WAITING_MS = 10_000;
const STILL_WAITING = `${WAITING} This is taking long: if this page is open in a plain browser rather than in Excel, open it from Excel (Home > PROD).`;

function say(text: string, className = ""): void {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = text;
  status.className = className;
}

async function start() {
  const importSection = document.getElementById("import");
  // office.js loads with a plain <script> before this bundle: if it is missing, it could not be loaded.
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    say(OUTSIDE_EXCEL, "outside");
    return;
  }
  say(WAITING);
  const slow = setTimeout(() => say(STILL_WAITING), STILL_WAITING_MS);
  const info = await Office.onReady();
  clearTimeout(slow);
  if (info.host !== Office.HostType.Excel) {
    say(OUTSIDE_EXCEL, "outside");
    return;
  }
  say("Ready. Type =PROD. in a cell to see the functions, or import data below.");
  if (importSection) {
    importSection.hidden = false;
    initImportPane();
  }
  const releaseSection = document.getElementById("release-check");
  if (releaseSection) {
    releaseSection.hidden = false;
    mountReleaseCheck(releaseSection);
  }
}

void start();
