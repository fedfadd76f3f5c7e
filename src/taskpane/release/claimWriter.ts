/**
 * Writes a release's claim table (claimSheet.ts) to a new sheet, "Release check" or the first free
 * "Release check N": text cells formatted as text first, so a sentence that starts with "=" or "-" stays
 * words; figures as numbers; the verdicts planned as formulas as formulas. One request, through the
 * import's Excel session: it waits while the user edits a cell, and the pane is told meanwhile.
 */
import { ExcelSession, type OnCellEdit } from "../import/writerSession";
import { uniqueName } from "../import/writer";
import { columnName, type ClaimSheetPlan } from "./claimSheet";

const CLAIM_SHEET = "Release check";

/** Writes the plan to a new sheet and shows it; resolves to the sheet's name. Excel's refusals are thrown as they come. */
export async function writeClaimSheet(plan: ClaimSheetPlan, onCellEdit?: OnCellEdit): Promise<string> {
  const excel = new ExcelSession(onCellEdit);
  await excel.askAboutCellEdit();
  return excel.run(async (context, sync) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await sync();
    const name = uniqueName(
      CLAIM_SHEET,
      sheets.items.map((s) => s.name),
      " ",
    );
    const ws = context.workbook.worksheets.add(name);
    const rows = plan.rows.length;
    const cols = plan.rows[0].length;
    const range = ws.getRange(`A1:${columnName(cols - 1)}${rows}`);
    range.numberFormat = plan.rows.map((r) => r.map((c) => ("text" in c ? "@" : "General")));
    range.formulas = plan.rows.map((r) => r.map((c) => ("number" in c ? c.number : "text" in c ? c.text : c.formula)));
    ws.activate();
    await sync();
    return name;
  });
}
