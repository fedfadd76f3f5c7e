/** The reading side of an import, as the task pane and the benchmarks call it. */
export { decodeBytes } from "./decode";
export { readTable } from "./read";
export { analyseImport } from "./analyse";
export { planAppend } from "./append";
export type {
  ImportAnalysis,
  ImportOptions,
  ImportPlan,
  LayoutKind,
  ManualMapping,
  PlannedColumn,
  Problem,
} from "./types";
