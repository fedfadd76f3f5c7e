import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";

interface ParamMeta {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}

// What Excel's autocomplete shows comes from functions.json, generated from the JSDoc of functions.ts.
describe("functions.json: GUIDANCE_PROGRESS and CLAIM_CHECK", () => {
  it("declares both with help for every argument, ranges as matrices, options optional", async () => {
    const result = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    expect(result.errors).toEqual([]);
    const fns = (
      JSON.parse(result.metadataJson) as { functions: { id: string; description: string; parameters: ParamMeta[] }[] }
    ).functions;
    const expected: Record<string, [string, "matrix" | "scalar", boolean][]> = {
      GUIDANCE_PROGRESS: [
        ["guidance", "matrix", false],
        ["dates", "matrix", false],
        ["values", "matrix", false],
        ["as_of", "matrix", false],
        ["output", "scalar", true],
        ["weights", "matrix", true],
        ["fiscal_year_start", "scalar", true],
        ["unit", "scalar", true],
        ["mines", "matrix", true],
        ["mine", "matrix", true],
      ],
      CLAIM_CHECK: [
        ["stated", "matrix", false],
        ["actual", "matrix", false],
        ["prior", "scalar", true],
      ],
    };
    for (const [id, params] of Object.entries(expected)) {
      const f = fns.find((x) => x.id === id);
      expect(f, id).toBeDefined();
      expect(f!.description.length).toBeGreaterThan(40);
      expect(f!.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false])).toEqual(params);
      for (const p of f!.parameters) {
        expect(p.description?.length ?? 0, `${id}.${p.name}`).toBeGreaterThan(20);
        expect(p.repeating, `${id}.${p.name}`).toBeFalsy();
      }
    }
  });
});
