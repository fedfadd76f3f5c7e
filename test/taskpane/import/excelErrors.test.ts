/**
 * Excel's errors said by their code: each sentence says what happened and what to do, and ends with
 * the code. The codes are Microsoft's list for the application-specific APIs (Office Add-ins docs,
 * "Error handling with the application-specific JavaScript APIs"), common and Excel-specific.
 */
import { afterEach, describe, expect, it } from "vitest";
import { excelErrorCode, excelSentence } from "../../../src/taskpane/import/excelErrors";
import { describeFailure } from "../../../src/taskpane/import/internalError";
import { writePlan } from "../../../src/taskpane/import/writer";
import { createExcelDouble, DoubleError } from "../../support/excel-double";
import { GOLD, MONTH, SEED_ROWS, plan } from "../writer-plans";

const DOCUMENTED = [
  "AccessDenied",
  "ActivityLimitReached",
  "ApiNotAvailable",
  "ApiNotFound",
  "Conflict",
  "GeneralException",
  "InsertDeleteConflict",
  "InvalidArgument",
  "InvalidBinding",
  "InvalidOperation",
  "InvalidReference",
  "InvalidRequest",
  "InvalidSelection",
  "ItemAlreadyExists",
  "ItemNotFound",
  "MemoryLimitReached",
  "NotImplemented",
  "RequestAborted",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "ServiceNotAvailable",
  "UnsupportedFeature",
  "UnsupportedOperation",
  "FilteredRangeConflict",
  "InactiveWorkbook",
  "InvalidOperationInCellEditMode",
  "MergedRangeConflict",
  "NonBlankCellOffSheet",
  "OperationCellsExceedLimit",
  "PivotTableRangeConflict",
  "RangeExceedsLimit",
  "UnsupportedSheet",
];

/** Excel's own summary for a request refused; it must not reach the user for a known code. */
const EXCELS_OWN = "The operation attempted is invalid on the object.";

describe("a sentence for every documented code", () => {
  it.each(DOCUMENTED)("%s: says what to do, ends with its code, and leaves Excel's summary out", (code) => {
    const s = excelSentence(code, EXCELS_OWN);
    expect(s).not.toContain(EXCELS_OWN);
    expect(s).not.toMatch(/does not know/);
    expect(s.endsWith(` Excel's code: ${code}.`)).toBe(true);
    expect(s).toMatch(/press Retry|Press Retry|try again|instead/);
  });

  it.each([
    ["AccessDenied", /sheet is protected.*Unprotect Sheet/],
    ["ItemAlreadyExists", /name PROD chose .* was taken.*PROD picks a free name again/],
    ["Conflict", /busy with another operation.*Wait a moment/],
    ["ApiNotFound", /does not support an operation the import needs.*Update Excel/],
    ["RequestPayloadSizeLimitExceeded", /too large for Excel.*5 MB.*import the file in parts/],
    ["InvalidOperationInCellEditMode", /cell-editing mode.*Enter or Esc/],
  ])("%s: %s", (code, sentence) => {
    expect(excelSentence(code, "")).toMatch(sentence);
  });

  it("an unknown code still gets a sentence, with the code and Excel's message", () => {
    expect(excelSentence("BrandNewCode", "Something new went wrong.")).toBe(
      "Excel stopped with an error PROD does not know (BrandNewCode: Something new went wrong.). Press Retry; if it " +
        "happens again, save the workbook, close and reopen it, and try again.",
    );
  });
});

describe("Excel's error or a bug", () => {
  it("reads the code of Excel's errors (office.js names them RichApi.Error), and nothing else", () => {
    expect(excelErrorCode(new DoubleError("Conflict", "x"))).toBe("Conflict");
    expect(excelErrorCode(Object.assign(new Error("x"), { name: "RichApi.Error" }))).toBe("GeneralException");
    expect(excelErrorCode(new TypeError("x is undefined"))).toBeUndefined();
    expect(excelErrorCode("AccessDenied")).toBeUndefined();
  });

  it("a bug is an internal error with its message; Excel's refusal is not", () => {
    expect(describeFailure(new TypeError("x is undefined"))).toEqual({
      internal: true,
      sentence: "The import stopped on an internal error (x is undefined).",
    });
    expect(describeFailure(new DoubleError("AccessDenied", "no"))).toMatchObject({
      internal: false,
      code: "AccessDenied",
    });
  });
});

describe("the name taken while the import ran", () => {
  afterEach(() => {
    delete (globalThis as any).Excel;
  });

  it("fails with nothing written, and Retry picks a free name", async () => {
    const d = createExcelDouble({ sheets: { Sheet1: [] } });
    (globalThis as any).Excel = d.Excel;
    // Another add-in (or the user) makes a sheet named Production after PROD chose the name.
    const out = await writePlan(plan([MONTH, GOLD], SEED_ROWS), {
      onProgress: (n) => n === 0 && d.sheets.push({ name: "Production", cells: new Map() }),
    });
    expect(out.status).toBe("failed");
    expect(out.message).toMatch(/^Excel refused the change: the name PROD chose .* Nothing was written\.$/);
    expect(out.retry).toEqual({ kind: "new" });
    expect(d.sheets.map((s) => s.name)).toEqual(["Sheet1", "Production"]); // the other sheet is not PROD's to remove
    const retried = await writePlan(plan([MONTH, GOLD], SEED_ROWS), { target: out.retry });
    expect([retried.status, retried.sheet]).toEqual(["done", "Production 2"]);
  });
});
