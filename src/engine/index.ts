/**
 * The AIFIN analytics engine: pure functions over a model view or plain matrices (docs/methodology.md).
 * Errors are values (./result), never throws. The matrix and graph models (clearing, DebtRank, Leontief,
 * RAS, cycles) and the measures on a view are re-exported here; nothing else should be imported from
 * deeper paths by other layers.
 */
export * from "./result";
// Matrix and graph models.
export * from "./clearingVector";
export * from "./debtRank";
export * from "./leontiefInverse";
export * from "./estimateExposures";
export * from "./findCycles";
// Measures on a view.
export { funding, contractValue, totalFundingOut, totalContractsIn, type FundingKind } from "./flows";
export { selfFundedExposure, fundedBacklog, circularShare, roundTripRatio, exposureTable, type ExposureRow } from "./exposure";
export { capexOffset, latestAnnualCapex, type CapexOffset } from "./capexOffset";
export { stakeOf, latestValuation, type StakeField } from "./stakeOf";
export { networkExposure, DEFAULT_LEAK, type NetworkExposureOptions } from "./networkExposure";
export { cyclesThrough, findMoneyCycles, CYCLE_LENGTH, CYCLE_SEARCH_LIMITS, DEFAULT_MAX_CYCLE_LENGTH, type MoneyCycle, type CyclesFound } from "./cyclesThrough";
export { moneyGraph, type MoneyEdge, type MoneyGraph } from "./moneyGraph";
export {
  stress,
  modelMultiple,
  latestBacklog,
  latestTotalDebt,
  DEFAULT_SHOCKED,
  DEFAULT_MULTIPLE,
  STRESS_RESULTS_PER_VIEW,
  type StressOptions,
  type StressLine,
  type StressResult,
  type StressDetails,
  type BorrowerTest,
} from "./stress";
export { DEFAULT_ASSUMPTIONS, scenarioFrom, scenarioRows, lookup as scenarioLookup, type ScenarioAssumptions } from "./stressScenario";
export {
  history,
  historyValues,
  calendarDates,
  HISTORY_MEASURES,
  HISTORY_MEASURE_MEANINGS,
  HISTORY_STEPS,
  MAX_HISTORY_POINTS,
  MAX_HISTORY_EVALUATIONS,
  type HistoryMeasure,
  type HistoryStep,
  type HistoryPoint,
  type HistorySeries,
  type HistoryOptions,
  type HistorySource,
} from "./history";
export { entityMetrics, factsBehind, type EntityMetrics, type MoneyFigures } from "./entityMetrics";
export { factsAbout, flowsAround, hasFactsAbout, namesEntity, type Flow, type FlowKind } from "./flowsAround";
export { DEFAULT_CONTRACT_TERM_YEARS } from "./viewIndex";
export { LruCache, ViewMemo } from "../model";
