/**
 * Every Excel.run of the import goes through here: each waits while the user edits a cell
 * (delayForCellEdit), and the pane is told while it waits.
 * Excel says nothing while it holds a request for a cell edit, so PROD asks it: a request made
 * without waiting fails with InvalidOperationInCellEditMode exactly while a cell is being edited.
 * It asks before a write starts (a user who typed in a cell and then pressed Import is still in the
 * cell) and again whenever a sync is slow; the pane's message goes when the held sync goes through.
 */
import { excelErrorCode } from "./excelErrors";

/** Told true while Excel holds the import until a cell edit ends, false when it goes on. */
export type OnCellEdit = (waiting: boolean) => void;

/** A sync slower than this may be held for a cell edit: ask. Quicker ones never cost a question. */
const ASK_AFTER_MS = 400;
/** While a sync is held, ask again this often, so the message follows the user. */
const ASK_AGAIN_MS = 1_000;

/** One sync of the batch, as the session watches it. */
export type Sync = () => Promise<void>;

export class ExcelSession {
  private waiting = false;
  /** The one request context every batch shares inside `together`, so Excel's undo holds them as one step. */
  private shared: Excel.RequestContext | undefined;

  constructor(private readonly onCellEdit?: OnCellEdit) {}

  /** Asks Excel whether a cell is being edited now, and tells the pane (nothing without a listener). */
  async askAboutCellEdit(): Promise<void> {
    if (this.onCellEdit) this.setWaiting(await editingCell());
  }

  /** Excel.run, waiting while a cell is edited; the batch syncs with `sync`, which watches for the wait. */
  run<T>(batch: (context: Excel.RequestContext, sync: Sync) => Promise<T>): Promise<T> {
    const shared = this.shared;
    if (shared) return batch(shared, () => this.sync(shared));
    return Excel.run({ delayForCellEdit: true }, (context) => batch(context, () => this.sync(context)));
  }

  /**
   * Runs every batch of `work` in one Excel.run with mergeUndoGroup, so that Excel's own undo (Ctrl+Z)
   * takes the whole change back in one step where Excel supports it (ExcelApi 1.20); elsewhere each
   * batch runs on its own, as before.
   */
  async together<T>(work: () => Promise<T>): Promise<T> {
    if (this.shared || !canMergeUndo()) return work();
    return Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, async (context) => {
      this.shared = context;
      try {
        return await work();
      } finally {
        this.shared = undefined;
      }
    });
  }

  private async sync(context: Excel.RequestContext): Promise<void> {
    if (!this.onCellEdit) return context.sync();
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const editing = await editingCell();
      if (settled) return;
      this.setWaiting(editing);
      timer = setTimeout(() => void ask(), ASK_AGAIN_MS);
    };
    timer = setTimeout(() => void ask(), ASK_AFTER_MS);
    try {
      await context.sync();
    } finally {
      settled = true;
      clearTimeout(timer);
      this.setWaiting(false); // the sync went through (or failed): Excel no longer holds it
    }
  }

  private setWaiting(on: boolean): void {
    if (on === this.waiting) return;
    this.waiting = on;
    this.onCellEdit?.(on);
  }
}

/** RunOptions.mergeUndoGroup is ExcelApi 1.20; when office.js cannot tell (no Office object), do not ask for it. */
function canMergeUndo(): boolean {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return !!req && req.isSetSupported("ExcelApi", "1.20");
}

/**
 * Whether the user is editing a cell: a small read made without waiting fails with
 * InvalidOperationInCellEditMode then. Any other failure says nothing about it (the request that
 * matters reports its own errors).
 */
async function editingCell(): Promise<boolean> {
  try {
    await Excel.run(async (context) => {
      context.workbook.application.load("calculationMode");
      await context.sync();
    });
    return false;
  } catch (e) {
    return excelErrorCode(e) === "InvalidOperationInCellEditMode";
  }
}
