/*
 * Task pane entry. In the shared runtime this page also hosts the custom
 * functions bundle, so it must stay light and never block on Office.
 */
import { initImportPane } from "./ui/importPane";

const OUTSIDE_EXCEL =
  "This add-in must run inside Excel. Open it from Excel (Home > PROD) — in a plain browser there is no workbook to read or write.";

/** office.js may be missing (blocked, offline) or never report a host: give up waiting after a while. */
const READY_TIMEOUT_MS = 10_000;

function hostIsExcel(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(false);
  const ready = Office.onReady().then(
    (info) => info.host === Office.HostType.Excel,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), READY_TIMEOUT_MS));
  return Promise.race([ready, timeout]);
}

async function start() {
  const status = document.getElementById("status");
  const importSection = document.getElementById("import");
  if (await hostIsExcel()) {
    if (status) status.textContent = "Ready. Type =PROD. in a cell to see the functions, or import data below.";
    if (importSection) {
      importSection.hidden = false;
      initImportPane();
    }
  } else {
    if (status) {
      status.textContent = OUTSIDE_EXCEL;
      status.className = "outside";
    }
    if (importSection) importSection.hidden = true;
  }
}

void start();
