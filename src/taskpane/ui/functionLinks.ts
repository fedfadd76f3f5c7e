/**
 * The Functions reference links each function to its page of the docs (docs/functions/<NAME>.md),
 * which the build copies into the add-in's own folder: the page matches the functions of the version
 * installed, and needs no address beyond the add-in's. Inside Excel a link would replace the pane, so
 * it opens in the user's browser (Office.context.ui.openBrowserWindow); outside Excel it is a plain link.
 */
export function initFunctionLinks(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a.doc-link")) {
    link.addEventListener("click", (e) => {
      const open = typeof Office === "undefined" ? undefined : Office.context?.ui?.openBrowserWindow;
      if (!open) return;
      e.preventDefault();
      open.call(Office.context.ui, link.href);
    });
  }
}
