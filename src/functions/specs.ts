/**
 * The argument specs of every AIFIN function, as data: the front door for code outside the catalogue
 * (metadata tests, the formula harness, docs checks). Each function's spec and body are declared together
 * in catalogue/<function>.ts; this module derives the read-only table from them and re-exports the
 * vocabularies (enum values, table headers) they declare.
 */
import { FUNCTION_IDS, FUNCTIONS, type FunctionId } from "./catalogue";
import type { ParamSpec, ResultShape } from "./params";

export { FUNCTION_IDS, type FunctionId } from "./catalogue";
export type { ParamSpec, ParamType, ResultShape } from "./params";
export { EXPOSURE_MEASURES } from "./catalogue/circularExposure";
export { STAKE_FIELDS } from "./catalogue/stake";
export { FUNDING_KINDS } from "./catalogue/funding";
export { CAPEX_FIELDS } from "./catalogue/capexOffset";
export { STRESS_MEASURES, STRESS_SCENARIOS_PER_VIEW } from "./catalogue/stress";
export { EXPOSURE_TABLE_HEADER } from "./catalogue/exposureTable";
export { HISTORY_HEADER } from "./catalogue/history";
export { CYCLES_HEADER, MAX_CYCLE_ROWS } from "./catalogue/cycles";
export { ENTITIES_HEADER, ENTITY_ROLE_FILTERS } from "./catalogue/entities";
export { FACT_FIELDS } from "./catalogue/fact";
export { MODEL_INFO_FIELDS } from "./catalogue/modelInfo";
export { CYCLE_LENGTH, DEFAULT_MAX_CYCLE_LENGTH } from "../engine";

/** One AIFIN function's spec: its metadata id, parameters and result. */
export interface FunctionSpec {
  readonly id: FunctionId;
  readonly params: readonly ParamSpec[];
  readonly result: ResultShape;
  /** Header row of a table result (fixes the spill's width). */
  readonly header?: readonly string[];
}

/** The argument-spec table: one row per AIFIN function, in the order of the catalogue. */
export const FUNCTION_SPECS: Readonly<Record<FunctionId, FunctionSpec>> = Object.fromEntries(
  FUNCTION_IDS.map((id) => {
    const def = FUNCTIONS[id];
    return [id, Object.freeze({ id, params: def.params, result: def.result, ...(def.header ? { header: def.header } : {}) })];
  }),
) as unknown as Record<FunctionId, FunctionSpec>;
