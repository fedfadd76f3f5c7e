// Runs the built functions.js in a sandbox with a stub CustomFunctions and
// compares what it registers with functions.json. A mismatch is what users
// see as #NAME? in Excel.
import { readFileSync } from "node:fs";
import vm from "node:vm";

function sandbox(registered, problems) {
  const associate = (idOrMap, fn) => {
    const pairs = typeof idOrMap === "string" ? [[idOrMap, fn]] : Object.entries(idOrMap ?? {});
    for (const [id, f] of pairs) {
      if (typeof f !== "function")
        problems.push(`functions.js registers "${id}" with something that is not a function`);
      registered.push(id);
    }
  };
  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }
  const element = () => ({ textContent: "", addEventListener() {}, appendChild() {}, setAttribute() {} });
  const context = {
    CustomFunctions: {
      associate,
      Error: CustomFunctionsError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
      },
    },
    Office: {
      // Registration may wait for onReady; resolve it as Excel would.
      onReady: (cb) =>
        Promise.resolve({ host: "Excel", platform: "OfficeOnline" }).then((info) => (cb ? cb(info) : info)),
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline" },
      actions: { associate() {} },
      addin: { onVisibilityModeChanged() {}, showAsTaskpane: () => Promise.resolve() },
    },
    document: {
      getElementById: element,
      querySelector: element,
      createElement: element,
      addEventListener() {},
      readyState: "complete",
    },
    console,
    setTimeout,
    clearTimeout,
    Promise,
  };
  context.window = context;
  context.self = context;
  context.globalThis = context;
  return context;
}

export async function registrationProblems(functionsJsPath, functionsJsonPath) {
  const problems = [];
  let declared;
  try {
    declared = JSON.parse(readFileSync(functionsJsonPath, "utf8")).functions.map((f) => f.id);
  } catch (e) {
    return [`${functionsJsonPath} cannot be read as function metadata: ${e.message}`];
  }
  const registered = [];
  const context = vm.createContext(sandbox(registered, problems));
  try {
    vm.runInContext(readFileSync(functionsJsPath, "utf8"), context, { filename: "functions.js", timeout: 10_000 });
    // Let registrations queued behind Office.onReady run.
    await new Promise((resolve) => setTimeout(resolve, 20));
  } catch (e) {
    return [`functions.js throws while loading, so no function is registered: ${e?.message ?? e}`];
  }
  for (const id of declared) {
    if (!registered.includes(id))
      problems.push(`functions.json declares "${id}" but functions.js never registers it (Excel would show #NAME?)`);
  }
  for (const id of new Set(registered)) {
    if (!declared.includes(id)) problems.push(`functions.js registers "${id}", which functions.json does not declare`);
    if (registered.filter((r) => r === id).length > 1) problems.push(`functions.js registers "${id}" more than once`);
  }
  return problems;
}
