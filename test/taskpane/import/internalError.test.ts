/**
 * The pane's bug policy: a bug in the engine is one "internal" problem, never a problem with the
 * user's data; a write that throws says whether Excel refused or we failed, and what was written.
 */
import { describe, expect, it, vi } from "vitest";

// A bug inside calc's month reader, as the engine meets it in every month cell.
vi.mock("../../../src/calc/periods", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../src/calc/periods")>();
  return {
    ...real,
    toMonth: (input: unknown, label?: string) => {
      if (input === "Mar 2017") throw new TypeError("cannot read properties of undefined");
      return real.toMonth(input, label);
    },
  };
});

const { analyseImport } = await import("../../../src/taskpane/import/analyse");
const { internalProblem, writeStoppedMessage } = await import("../../../src/taskpane/import/internalError");

describe("a bug in the engine", () => {
  it("is reported as an internal error, not as a bad month", () => {
    const a = analyseImport("Month,Gold (oz)\nJan 2017,5208\nFeb 2017,6736\nMar 2017,7000\n");
    const codes = a.plan.problems.map((p) => p.code);
    expect(codes).not.toContain("not-a-month");
    expect(codes).toEqual(["internal"]);
    expect(a.plan.problems[0].message).toBe(
      "The import could not be analysed (internal error: cannot read properties of undefined)",
    );
    expect(a.plan.blocked).toBe(true);
  });

  it("internalProblem words any thrown value", () => {
    expect(internalProblem("The append could not be planned", "boom")).toEqual({
      severity: "error",
      code: "internal",
      message: "The append could not be planned (internal error: boom)",
    });
  });
});

describe("a write that throws", () => {
  const excelError = Object.assign(new Error("Request could not be processed because of a conflict."), {
    name: "RichApi.Error",
    code: "Conflict",
  });

  it("says what Excel refused, by its code, and that nothing was written", () => {
    expect(writeStoppedMessage(excelError, { rowsWritten: 0, totalRows: 24 })).toBe(
      "Excel was busy with another operation (another add-in, a recalculation or a co-author's change). " +
        "Wait a moment, then press Retry. Excel's code: Conflict. Nothing was written.",
    );
  });

  it("says a bug is an internal error, and how many whole rows the writer had reported, where", () => {
    const bug = new TypeError("chunk is undefined");
    expect(writeStoppedMessage(bug, { rowsWritten: 10000, totalRows: 24000 })).toBe(
      "The import stopped on an internal error (chunk is undefined). " +
        "10,000 of 24,000 rows had been written to the new table when it stopped.",
    );
    expect(writeStoppedMessage(bug, { rowsWritten: 5, totalRows: 12, table: "Gold" })).toBe(
      "The import stopped on an internal error (chunk is undefined). 5 of 12 rows had been written to table Gold when it stopped.",
    );
  });
});
