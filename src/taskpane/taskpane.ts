/*
 * Task pane entry. In the shared runtime this page also hosts the custom
 * functions bundle, so it must stay light and never block on Office.
 */

Office.onReady((info) => {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent =
    info.host === Office.HostType.Excel
      ? "Ready. Type =PROD. in a cell to see the functions."
      : "Open this page from Excel to use the functions.";
});
