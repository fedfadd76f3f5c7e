/** The reading side of an import, as the task pane calls it. */
export { decodeBytes } from "./decode";
export { analyseImport } from "./analyse";
export { planAppend } from "./append";
export { planUpdate } from "./update";
