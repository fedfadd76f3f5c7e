/**
 * What an append would add, shown before anything is written: the chosen table is read and the
 * plan narrowed to the months it does not have yet — planAppend, as the writer does at write time.
 */
import { count } from "../import/format";
import { planAppend } from "../import/engine";
import { describeFailure } from "../import/internalError";
import type { ImportPlan } from "../import/types";
import { readTableForAppend } from "../import/writer";

export interface AppendPreview {
  /** The rows an append would write, or null when the table cannot be read or appended to. */
  plan: ImportPlan | null;
  note: string;
}

export async function previewAppend(
  plan: ImportPlan,
  table: string,
  opts: Parameters<typeof readTableForAppend>[1],
): Promise<AppendPreview> {
  let existing: Awaited<ReturnType<typeof readTableForAppend>>;
  try {
    existing = await readTableForAppend(table, opts);
  } catch (e) {
    return { plan: null, note: `Could not read table ${table}. ${describeFailure(e).sentence}` };
  }
  if (typeof existing === "string") return { plan: null, note: `Cannot add to it: ${existing}` };
  const narrowed = planAppend(plan, existing);
  const n = narrowed.rows.length;
  const rows =
    n === 0 ? "no new rows: it already holds every month of the file" : `${count(n)} new row${n === 1 ? "" : "s"}`;
  return { plan: narrowed, note: `Adding to ${table}: ${rows}.` };
}
