/**
 * The production bundle ships the curated facts packed by columns (scripts/facts-loader.cjs, decoded by
 * src/model/data/packedFacts.ts). The module the loader emits must give back exactly the curated facts, so that
 * the bundled model, its content hash and every handle are the same as from src/model/data/facts.ts.
 */
import { join } from "node:path";
import ts from "typescript";
import { handleFor } from "../../../src/functions/modelCache";
import { bundledDataset, factsToRows, type Fact } from "../../../src/model";
import { ARTICLE_SOURCE, FACTS } from "../../../src/model/data/facts";
import * as packedFacts from "../../../src/model/data/packedFacts";

const root = join(__dirname, "..", "..", "..");
const FACTS_FILE = join(root, "src", "model", "data", "facts.ts");
const loader = require("../../../scripts/facts-loader.cjs") as {
  packFactsModule(file: string): { code: string; files: string[]; facts: number; sources: number };
  difference(a: unknown, b: unknown): string | null;
};

/** Runs the emitted module (ES module syntax) with its one import, the real decoder. */
function runEmitted(code: string): { FACTS: Fact[]; ARTICLE_SOURCE: unknown } {
  const { outputText } = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
  const module = { exports: {} as Record<string, unknown> };
  const requireFor = (request: string) => {
    if (request !== "./packedFacts") throw new Error(`the emitted module imports ${request}`);
    return packedFacts;
  };
  new Function("exports", "require", "module", outputText)(module.exports, requireFor, module);
  return module.exports as unknown as { FACTS: Fact[]; ARTICLE_SOURCE: unknown };
}

describe("the packed bundled facts (scripts/facts-loader.cjs)", () => {
  const packed = loader.packFactsModule(FACTS_FILE);
  const emitted = runEmitted(packed.code);

  it("decode to exactly the curated facts: same keys in the same order, same values", () => {
    expect(emitted.FACTS).toHaveLength(FACTS.length);
    expect(JSON.stringify(emitted.FACTS)).toBe(JSON.stringify(FACTS));
    expect(emitted.FACTS).toStrictEqual(FACTS);
    expect(loader.difference(emitted.FACTS, FACTS)).toBeNull();
    expect(emitted.ARTICLE_SOURCE).toStrictEqual(ARTICLE_SOURCE);
  });

  it("give the same content handle as the curated facts (the same Facts table, the same MODEL handle)", () => {
    expect(handleFor(factsToRows(emitted.FACTS), null, false, "v")).toBe(handleFor(factsToRows(FACTS), null, false, "v"));
  });

  it("give every fact its own objects and arrays (the curated literals share ARTICLE_SOURCE; the bundled dataset is frozen whole, so sharing cannot matter)", () => {
    const sources = new Set(emitted.FACTS.map((f) => f.source));
    const arrays = new Set(emitted.FACTS.flatMap((f) => [f.supersedes, f.claims]));
    expect(sources.size).toBe(FACTS.length);
    expect(arrays.size).toBe(2 * FACTS.length);
  });

  it("write each distinct source once and read the curated files only (watched by webpack)", () => {
    expect(packed.facts).toBe(FACTS.length);
    const distinct = new Set(FACTS.map((f) => JSON.stringify(f.source))).size;
    expect(packed.sources).toBe(distinct);
    expect(distinct).toBeLessThan(FACTS.length);
    expect(packed.files.map((f) => f.slice(root.length + 1).replace(/\\/g, "/")).sort()).toEqual(
      ["src/model/data/facts.ts", "src/model/data/facts2026h2.ts", "src/model/data/packedFacts.ts"].sort(),
    );
    // The emitted module no longer imports the curated files: only the decoder.
    expect([...packed.code.matchAll(/\bimport\b[^;]*from\s+"([^"]+)"/g)].map((m) => m[1])).toEqual(["./packedFacts"]);
  });

  it("is smaller than the curated literals it replaces", () => {
    const literal = JSON.stringify(FACTS).length;
    expect(packed.code.length).toBeLessThan(literal * 0.8);
  });

  it("notices any difference the decoder could introduce (the check that fails the build)", () => {
    const f = FACTS[0];
    expect(loader.difference([f], [{ ...f, source: { ...f.source } }])).toBeNull();
    // The same fields in another order (as `{ kind, ...fact }` writes them) are a difference: key order is kept.
    const { kind, ...rest } = f;
    expect(loader.difference([{ kind, ...rest }], [f])).toMatch(/keys/);
    expect(loader.difference([{ ...f, pct: 0 }], [{ ...f, pct: -0 }])).toMatch(/pct/);
    expect(loader.difference([{ ...f, termYears: undefined }], [{ ...f, termYears: undefined }])).toMatch(/undefined/);
    expect(loader.difference([{ ...f, claims: ["S1"] }], [{ ...f, claims: ["S1", "S2"] }])).toMatch(/claims/);
    expect(loader.difference([{ ...f, source: { ...f.source, url: null } }], [f])).toMatch(/source\.url|url/);
  });
});

describe("the bundled dataset", () => {
  it("is frozen whole: no fact, source or list can be changed at run time", () => {
    const fact = bundledDataset.facts.find((f) => f.source === ARTICLE_SOURCE) ?? bundledDataset.facts[0];
    expect(Object.isFrozen(bundledDataset)).toBe(true);
    expect(Object.isFrozen(bundledDataset.facts)).toBe(true);
    expect(Object.isFrozen(fact)).toBe(true);
    expect(Object.isFrozen(fact.source)).toBe(true);
    expect(Object.isFrozen(fact.supersedes)).toBe(true);
    expect(() => {
      (fact as { amountUsdBn: number | null }).amountUsdBn = 1;
    }).toThrow(TypeError);
  });

  it("names -0, NaN and undefined when the packed facts differ from the curated ones", () => {
    expect(loader.difference([{ a: -0 }], [{ a: 0 }])).toBe("[0].a: -0 vs 0");
    expect(loader.difference([{ a: Number.NaN }], [{ a: null }])).toBe("[0].a: NaN vs null");
  });
});
