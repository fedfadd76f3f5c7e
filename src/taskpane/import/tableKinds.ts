/**
 * The kinds of a written table's columns (month, mine, metric values, estimate), kept with the
 * workbook so that a later update knows them after the file is closed and reopened — even when the
 * user has renamed a header. They are a workbook setting (Excel keeps settings in the file, per
 * add-in) keyed by the table's id, which stays the same when the table is renamed. Pure: writer.ts
 * reads and writes the setting.
 */
import type { ColumnKind, ImportPlan } from "./types";

const KEY_PREFIX = "PROD.columnKinds.";

/** The setting's key for a table. */
export const kindsKey = (tableId: string): string => `${KEY_PREFIX}${tableId}`;

/** What is stored: one kind per column, in the table's order, and the headers they were written under. */
export interface StoredKinds {
  version: 1;
  kinds: ColumnKind[];
  names: string[];
}

const KINDS: readonly ColumnKind[] = ["month", "mine", "number", "estimate", "text"];

export function kindsToStore(plan: ImportPlan): StoredKinds {
  return { version: 1, kinds: plan.columns.map((c) => c.kind), names: plan.columns.map((c) => c.name) };
}

/**
 * The kinds of a table's columns from its stored setting; undefined when none is stored, the value
 * is not one this version wrote, or the table no longer has as many columns (a column was added or
 * removed by hand, so positions no longer hold).
 */
export function storedKinds(value: unknown, columnCount: number): ColumnKind[] | undefined {
  const v = value as Partial<StoredKinds> | null | undefined;
  if (typeof v !== "object" || v === null || v.version !== 1 || !Array.isArray(v.kinds)) return undefined;
  if (v.kinds.length !== columnCount || !v.kinds.every((k) => KINDS.includes(k))) return undefined;
  return v.kinds.slice();
}
