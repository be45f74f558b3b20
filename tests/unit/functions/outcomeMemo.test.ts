/**
 * invoke's outcome memo (issue 13): a function that declares `memoise` answers a repeat of the same raw
 * arguments on the same model from memory, which is what a sheet of thousands of formulas over a few
 * questions needs after every edit. It must never answer what the long way would not: a handle no longer in
 * memory, a SCENARIO handle in another cache, an edited model, memoisation switched off.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as engine from "../../../src/engine";
import { FUNCTIONS, FUNCTION_IDS } from "../../../src/functions/catalogue";
import { createModelCache } from "../../../src/functions/modelCache";
import { sharedScenarioCache } from "../../../src/functions/scenarioCache";
import { setMemoisation } from "../../../src/model";
import { errorOf, factTable, fx, invoke, makeFact } from "./helpers";

const facts = (amount: number) => factTable([makeFact({ id: "I1", kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: amount })]);

describe("outcome memo", () => {
  afterEach(() => jest.restoreAllMocks());

  it("answers a repeat from memory: the engine runs once for many identical calls", () => {
    const models = createModelCache();
    const handle = models.load(facts(7), null, false);
    const spy = jest.spyOn(engine, "funding");
    const answers = Array.from({ length: 50 }, () => invoke("FUNDING", ["MSFT", "OPENAI", null, null, handle], models));
    expect(answers.every((a) => a === 7)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    // Other arguments are other questions.
    expect(invoke("FUNDING", ["MSFT", "OPENAI", "debt", null, handle], models)).toBe(0);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("keeps answers per model: an edited table's handle gets its own", () => {
    const models = createModelCache();
    const a = models.load(facts(7), null, false);
    const b = models.load(facts(9), null, false);
    expect(invoke("FUNDING", ["MSFT", "OPENAI", null, null, a], models)).toBe(7);
    expect(invoke("FUNDING", ["MSFT", "OPENAI", null, null, b], models)).toBe(9);
    expect(invoke("FUNDING", ["MSFT", "OPENAI", null, null, a], models)).toBe(7);
  });

  it("still answers #N/A for a handle that left memory, whatever it answered before", () => {
    const models = createModelCache();
    const handle = models.load(facts(7), null, false);
    expect(invoke("STAKE", ["MSFT", "OPENAI", null, null, handle], models)).toEqual(invoke("STAKE", ["MSFT", "OPENAI", null, null, handle], models));
    expect(invoke("FUNDING", ["MSFT", "OPENAI", null, null, handle], models)).toBe(7);
    models.clear();
    expect(errorOf(invoke("FUNDING", ["MSFT", "OPENAI", null, null, handle], models))?.code).toBe("#N/A");
  });

  it("remembers errors about the arguments as the long way words them", () => {
    const models = createModelCache();
    const first = errorOf(invoke("FUNDING", ["NOBODY", "OPENAI"], models));
    expect(first?.code).toBe("#N/A");
    expect(errorOf(invoke("FUNDING", ["NOBODY", "OPENAI"], models))).toEqual(first);
    // Too many arguments are refused before the model is resolved, as always.
    const extra = [...FUNCTIONS.FUNDING.params.map((p) => (p.type === "handle" ? "not a handle" : null)), "extra"];
    expect(errorOf(invoke("FUNDING", extra, models))?.message).toMatch(/at most|too many|arguments/i);
  });

  it("does not remember STRESS over a SCENARIO handle, which its own cache may forget", () => {
    const handle = fx.scenario([["margin.ORCL", 0.35]]) as string;
    const withScenario = () => fx.stress("ORCL", "OPENAI", 0.5, "market_value", null, null, null, handle);
    expect(typeof withScenario()).toBe("number");
    sharedScenarioCache().clear();
    expect(errorOf(withScenario())?.message).toMatch(/recalculate the SCENARIO cell/);
  });

  it("computes every call when memoisation is off (the bench's baseline)", () => {
    const models = createModelCache();
    const handle = models.load(facts(7), null, false);
    const spy = jest.spyOn(engine, "funding");
    const before = setMemoisation(false);
    try {
      for (let i = 0; i < 5; i++) expect(invoke("FUNDING", ["MSFT", "OPENAI", null, null, handle], models)).toBe(7);
    } finally {
      setMemoisation(before);
    }
    expect(spy).toHaveBeenCalledTimes(5);
  });

  it("is declared only by functions whose bodies read nothing but their model and arguments", () => {
    const catalogue = join(__dirname, "../../../src/functions/catalogue");
    const file = (id: string) => readFileSync(join(catalogue, `${id.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}.ts`), "utf8");
    for (const id of FUNCTION_IDS) {
      const def = FUNCTIONS[id];
      const ranges = def.params.some((p) => p.type === "range");
      if (ranges || id === "MODEL" || id === "SCENARIO") {
        expect({ id, memoise: def.memoise }).toEqual({ id, memoise: undefined });
        continue;
      }
      expect({ id, declared: typeof def.memoise }).toEqual({ id, declared: "function" });
      const source = file(id);
      for (const global of ["call.models", "parameterAddresses", "Date.now", "new Date()", "Math.random"]) expect({ id, global, found: source.includes(global) }).toEqual({ id, global, found: false });
      if (source.includes("sharedScenarioCache")) {
        const raw = def.params.map((p: { name: string }) => (p.name === "scenario" ? "AIFIN.SCENARIO#0123456789abcdef" : null));
        expect({ id, withScenario: def.memoise?.(raw) }).toEqual({ id, withScenario: false });
        expect({ id, without: def.memoise?.(raw.map(() => null)) }).toEqual({ id, without: true });
      }
    }
  });
});
