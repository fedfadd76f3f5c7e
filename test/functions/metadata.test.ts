import { describe, expect, it } from "vitest";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface ParamMeta {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMeta {
  id: string;
  description: string;
  parameters: ParamMeta[];
  result: { dimensionality?: string };
}

/** functions.json as the build's metadata plugin generates it from the JSDoc of functions.ts. */
async function metadata(): Promise<FunctionMeta[]> {
  const result = await generateCustomFunctionsMetadata("src/functions/functions.ts");
  expect(result.errors).toEqual([]);
  return (JSON.parse(result.metadataJson) as { functions: FunctionMeta[] }).functions;
}

describe("functions.json from the JSDoc of functions.ts", () => {
  it("declares YOY_GROWTH, GUIDANCE_RANGE and RECORD_MONTH with help for every argument", async () => {
    const fns = await metadata();
    const byId = new Map(fns.map((f) => [f.id, f]));
    const expected: Record<string, string[]> = {
      YOY_GROWTH: ["current_or_dates", "prior_or_values", "period", "basis", "fiscal_year_start", "mines", "mine"],
      GUIDANCE_RANGE: ["guidance", "base", "unit"],
      RECORD_MONTH: ["dates", "values", "period", "scope", "output", "mines", "mine"],
    };
    for (const [id, names] of Object.entries(expected)) {
      const f = byId.get(id);
      expect(f, id).toBeDefined();
      expect(f!.description.length).toBeGreaterThan(20);
      expect(f!.parameters.map((p) => p.name)).toEqual(names);
      for (const p of f!.parameters) expect(p.description?.length ?? 0, `${id}.${p.name}`).toBeGreaterThan(10);
      expect(f!.result.dimensionality).toBe("matrix");
    }
  });

  it("ranges are matrix arguments, options are optional, and nothing is a repeating argument", async () => {
    const fns = await metadata();
    const param = (id: string, name: string) => fns.find((f) => f.id === id)!.parameters.find((p) => p.name === name)!;
    for (const [id, name] of [
      ["YOY_GROWTH", "current_or_dates"],
      ["YOY_GROWTH", "period"],
      ["GUIDANCE_RANGE", "guidance"],
      ["RECORD_MONTH", "dates"],
      ["RECORD_MONTH", "values"],
      ["RECORD_MONTH", "period"],
      ["YOY_GROWTH", "mines"],
      ["YOY_GROWTH", "mine"],
      ["RECORD_MONTH", "mines"],
      ["RECORD_MONTH", "mine"],
    ]) {
      expect(param(id, name).dimensionality, `${id}.${name}`).toBe("matrix");
    }
    for (const [id, name] of [
      ["YOY_GROWTH", "period"],
      ["YOY_GROWTH", "basis"],
      ["YOY_GROWTH", "fiscal_year_start"],
      ["GUIDANCE_RANGE", "base"],
      ["GUIDANCE_RANGE", "unit"],
      ["RECORD_MONTH", "period"],
      ["RECORD_MONTH", "scope"],
      ["RECORD_MONTH", "output"],
      ["YOY_GROWTH", "mines"],
      ["YOY_GROWTH", "mine"],
      ["RECORD_MONTH", "mines"],
      ["RECORD_MONTH", "mine"],
    ]) {
      expect(param(id, name).optional, `${id}.${name}`).toBe(true);
    }
    for (const f of fns) for (const p of f.parameters) expect(p.repeating, `${f.id}.${p.name}`).toBeFalsy();
  });
});
