/**
 * The metadata Excel reads (functions.json) is generated from the JSDoc of functions.ts. These tests run
 * the generator's API (the CLI exits 0 even on errors) and check the result against the argument-spec
 * table, so the help Excel shows and the validation that runs can never disagree.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exportNameOf, generateMetadata, REPO_ROOT, type LoadedMetadata } from "../../harness/formulaHarness";
import { FUNCTION_IDS, FUNCTION_SPECS } from "../../../src/functions/specs";

let generated: LoadedMetadata;
beforeAll(() => {
  generated = generateMetadata();
});

const HELP_BASE = "https://localhost:3000/help/functions.html#";

describe("functions.json generated from functions.ts", () => {
  it("reports no generator errors", () => {
    expect(generated.errors).toEqual([]);
  });

  it("lists exactly the functions of the spec table, in catalogue order", () => {
    expect(generated.metadata.functions.map((f) => f.id)).toEqual([...FUNCTION_IDS]);
  });

  it("gives every function and every parameter a description", () => {
    for (const fn of generated.metadata.functions) {
      expect(fn.description?.trim().length ?? 0).toBeGreaterThan(20);
      for (const p of fn.parameters) expect({ fn: fn.id, p: p.name, ok: (p.description?.trim().length ?? 0) > 10 }).toEqual({ fn: fn.id, p: p.name, ok: true });
    }
  });

  it("declares the same parameters, in the same order and optionality, as the spec table", () => {
    for (const fn of generated.metadata.functions) {
      const spec = FUNCTION_SPECS[fn.id as keyof typeof FUNCTION_SPECS];
      expect(fn.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual(spec.params.map((p) => [p.name, Boolean(p.optional)]));
    }
  });

  it("types range parameters as matrices and the table functions' results as matrices", () => {
    for (const fn of generated.metadata.functions) {
      const spec = FUNCTION_SPECS[fn.id as keyof typeof FUNCTION_SPECS];
      spec.params.forEach((p, i) => expect([fn.id, p.name, fn.parameters[i].dimensionality === "matrix"]).toEqual([fn.id, p.name, p.type === "range"]));
      expect([fn.id, fn.result.dimensionality === "matrix"]).toEqual([fn.id, spec.result === "table"]);
    }
  });

  it("marks no function volatile, streaming or cancelable", () => {
    for (const fn of generated.metadata.functions) {
      const options = fn.options ?? {};
      expect([fn.id, options.volatile ?? false, options.stream ?? false, options.cancelable ?? false]).toEqual([fn.id, false, false, false]);
    }
  });

  it("uses ids Excel accepts: upper case, letters, digits and _, 3+ characters, not cell-like", () => {
    for (const fn of generated.metadata.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9_]{2,}$/);
      expect(fn.id).not.toMatch(/^[A-Z]{1,3}[0-9]+$/);
      expect(fn.name).toBe(fn.id);
    }
  });

  it("points every help URL at an anchor that docs/functions.md defines", () => {
    const docs = readFileSync(join(REPO_ROOT, "docs", "functions.md"), "utf8");
    for (const fn of generated.metadata.functions) {
      const anchor = fn.id.toLowerCase();
      expect(fn.helpUrl).toBe(HELP_BASE + anchor);
      expect(docs).toContain(`<a id="${anchor}"></a>`);
    }
  });

  it("associates each id with the export named by its camel case (what the harness relies on)", () => {
    for (const id of FUNCTION_IDS) expect(generated.associate[id]).toBe(exportNameOf(id));
  });
});
