import { rangePlace } from "../modelCache";
import { defineFunction } from "../params";
import { sharedScenarioCache } from "../scenarioCache";

/** AIFIN.SCENARIO(assumptions): a name/value range → a scenario handle for STRESS's `scenario` argument. */
export const SCENARIO = defineFunction({
  params: [{ name: "assumptions", type: "range", hint: "a two-column range of assumption names and values, such as margin.ORCL | 0.35" }],
  result: "text",
  body: ({ assumptions }, call) => sharedScenarioCache().load(assumptions, rangePlace(call.parameterAddresses?.[0])),
});
