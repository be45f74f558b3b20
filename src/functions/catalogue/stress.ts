import { LruCache, stress, ViewMemo, type EngineError, type ScenarioAssumptions, type StressResult } from "../../engine";
import type { ModelView } from "../../model";
import { orThrow } from "../errors";
import { asOf, defineFunction, entity, enumOf, modelParam } from "../params";
import { sharedScenarioCache } from "../scenarioCache";

/** Measures of STRESS, default first. */
export const STRESS_MEASURES = ["revenue", "lender_loss", "market_value", "investor_loss", "total"] as const;

/**
 * Scenarios kept per view. A sheet asks each scenario once per entity and measure; a sweep of cuts asks
 * many scenarios once each: the least recently used beyond this many are recomputed when asked again.
 */
export const STRESS_SCENARIOS_PER_VIEW = 256;

/** Stress runs a clearing model over the whole web: keep each scenario's result beside its view. */
const scenarios = new ViewMemo<LruCache<string, StressResult | EngineError>>(() => new LruCache(STRESS_SCENARIOS_PER_VIEW));

/**
 * The (memoised) stress result of one scenario on a view. `scenario` is an AIFIN.SCENARIO handle and its
 * assumptions (omitted: the sourced defaults); the handle is a hash of the content, so it keys the memo.
 */
export function stressOf(
  view: ModelView,
  shocked: string,
  cut: number,
  multiple: number | null,
  scenario: { handle: string; assumptions: ScenarioAssumptions } | null = null,
): StressResult | EngineError {
  return scenarios
    .get(view)
    .getOrCreate(`${shocked}|${cut}|${multiple ?? ""}|${scenario?.handle ?? ""}`, () =>
      stress(view, { shocked, cut, ...(multiple === null ? {} : { multiple }), ...(scenario === null ? {} : { assumptions: scenario.assumptions }) }),
    );
}

export const STRESS = defineFunction({
  // A SCENARIO handle names content in another cache, which may forget it: only calls without one are memoised.
  memoise: (raw) => raw[7] === null || raw[7] === undefined || raw[7] === "",
  params: [
    entity("entity"),
    entity("shocked", "the entity that cuts its commitments, such as OPENAI"),
    { name: "cut", type: "fraction", hint: "the fraction of commitments cut, 0 to 1" },
    enumOf("measure", STRESS_MEASURES, "the stress measure"),
    { name: "multiple", type: "number", optional: true, min: 0, hint: "an EV/revenue multiple replacing margin × multiple; empty for the sourced defaults" },
    asOf,
    modelParam,
    { name: "scenario", type: "text", optional: true, hint: "a handle from AIFIN.SCENARIO; empty for the sourced defaults" },
  ],
  result: "number",
  body({ entity, shocked, cut, measure, multiple, scenario }, call) {
    const loaded = scenario === null ? null : sharedScenarioCache().resolve(scenario, call.fn, "scenario");
    const result = orThrow(stressOf(call.view(), shocked.id, cut, multiple, loaded));
    const line = result.lines.find((l) => l.id === entity.id);
    // An entity absent from the stress lines has no modelled exposure to the shocked one: a true zero.
    if (!line) return 0;
    switch (measure) {
      case "lender_loss":
        return line.lenderLoss;
      case "market_value":
        return line.marketValueAtRisk;
      case "investor_loss":
        return line.investorLoss;
      case "total":
        return line.totalLoss;
      case "revenue":
        return line.revenueLost;
    }
  },
});
