import { engineError, stress, STRESS_RESULTS_PER_VIEW, type EngineError, type ScenarioAssumptions, type StressResult } from "../../engine";
import type { ModelView } from "../../model";
import { orThrow, fromEngineError } from "../errors";
import { asOf, defineFunction, entity, enumOf, modelParam } from "../params";
import { sharedScenarioCache } from "../scenarioCache";

/**
 * Measures of STRESS, default first: "total" (the three value channels), so that an omitted measure answers
 * "what does this entity lose" (a holder such as SoftBank loses nothing in revenue); "revenue" still works
 * when named.
 */
export const STRESS_MEASURES = ["total", "revenue", "lender_loss", "market_value", "investor_loss"] as const;

/** The measures that read an entity's value (operating channel): unmeasured for a firm without a value fact. */
const VALUE_MEASURES: ReadonlySet<string> = new Set(["market_value", "total"]);

/** Scenarios kept per view: the engine's bound (its stress memo is the only one). */
export const STRESS_SCENARIOS_PER_VIEW = STRESS_RESULTS_PER_VIEW;

/**
 * The stress result of one scenario on a view (memoised by the engine, per view). `scenario` is an
 * AIFIN.SCENARIO handle and its assumptions (omitted: the sourced defaults).
 */
export function stressOf(
  view: ModelView,
  shocked: string,
  cut: number,
  multiple: number | null,
  scenario: { handle: string; assumptions: ScenarioAssumptions } | null = null,
): StressResult | EngineError {
  return stress(view, { shocked, cut, ...(multiple === null ? {} : { multiple }), ...(scenario === null ? {} : { assumptions: scenario.assumptions }) });
}

const STRESS_PARAMS = [
  entity("entity"),
  entity("shocked", "the entity that cuts its commitments, such as OPENAI"),
  { name: "cut", type: "fraction", hint: "the fraction of commitments cut, 0 to 1" },
  enumOf("measure", STRESS_MEASURES, "the stress measure"),
  { name: "multiple", type: "number", optional: true, min: 0, hint: "an EV/revenue multiple replacing margin × multiple; empty for the sourced defaults" },
  asOf,
  modelParam,
  { name: "scenario", type: "text", optional: true, hint: "a handle from AIFIN.SCENARIO; empty for the sourced defaults" },
] as const;
/** Where STRESS's scenario argument sits among the raw arguments. */
const SCENARIO_INDEX = STRESS_PARAMS.findIndex((p) => p.name === "scenario");

export const STRESS = defineFunction({
  // A SCENARIO handle names content in another cache, which may forget it: only calls without one are memoised.
  memoise: (raw) => {
    const scenario = raw[SCENARIO_INDEX];
    return scenario === null || scenario === undefined || scenario === "";
  },
  params: STRESS_PARAMS,
  result: "number",
  body({ entity, shocked, cut, measure, multiple, scenario }, call) {
    const loaded = scenario === null ? null : sharedScenarioCache().resolve(scenario, call.fn, "scenario");
    const result = orThrow(stressOf(call.view(), shocked.id, cut, multiple, loaded));
    const line = result.lines.find((l) => l.id === entity.id);
    // A vendor the cut reaches only through contracts without dollars (AMD's 6 GW): unmeasured, not zero.
    if (result.details.unpriced.includes(entity.id) && measure !== "lender_loss" && measure !== "investor_loss" && (line?.[lineField(measure)] ?? 0) === 0) {
      throw fromEngineError(
        engineError("NOT_AVAILABLE", `${entity.id} loses contracts of ${shocked.id} whose facts carry no dollar amount: its ${measure} is not measured. Give the contract an amount in a workbook model (AIFIN.MODEL) to measure it.`),
      );
    }
    // An entity absent from the stress lines has no modelled exposure to the shocked one: a true zero.
    if (!line) return 0;
    // A firm with no value fact loses revenue but its value lost is unmeasured: say so rather than show 0.
    if (VALUE_MEASURES.has(measure) && result.details.unvalued.includes(entity.id)) {
      throw fromEngineError(
        engineError(
          "NOT_AVAILABLE",
          `${entity.id} has no value fact (market cap or valuation) in the model, so the value it loses is not measured; it loses ${round(line.revenueLost)} of contracted revenue (measure "revenue"). Add a market_cap or valuation fact in a workbook model (AIFIN.MODEL) to measure it.`,
        ),
      );
    }
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

/** The StressLine field of a measure. */
function lineField(measure: (typeof STRESS_MEASURES)[number]): "revenueLost" | "lenderLoss" | "marketValueAtRisk" | "investorLoss" | "totalLoss" {
  switch (measure) {
    case "lender_loss":
      return "lenderLoss";
    case "market_value":
      return "marketValueAtRisk";
    case "investor_loss":
      return "investorLoss";
    case "total":
      return "totalLoss";
    case "revenue":
      return "revenueLost";
  }
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
