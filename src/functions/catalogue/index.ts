/**
 * The AIFIN function catalogue: one file per function holding its argument spec and its body side by side
 * (see ../params.ts), listed here in the order of functions.ts and the metadata. Adding a function: a file
 * here, a line below, an entry point with JSDoc in functions.ts, help in docs/functions.md and the locale
 * tables; tests fail until all agree.
 */
import type { FunctionDef } from "../params";
import { CAPEX_OFFSET } from "./capexOffset";
import { CIRCULAR_EXPOSURE } from "./circularExposure";
import { CONTRACT_VALUE } from "./contractValue";
import { CYCLES } from "./cycles";
import { DEBTRANK } from "./debtRank";
import { ENTITIES } from "./entities";
import { ESTIMATE_EXPOSURES } from "./estimateExposures";
import { EXPOSURE_TABLE } from "./exposureTable";
import { FACT } from "./fact";
import { FUNDING } from "./funding";
import { HISTORY } from "./history";
import { MODEL } from "./model";
import { MODEL_INFO } from "./modelInfo";
import { ROUND_TRIP_RATIO } from "./roundTripRatio";
import { SCENARIO } from "./scenario";
import { SOURCE } from "./source";
import { STAKE } from "./stake";
import { STRESS } from "./stress";

/** Every AIFIN function by id (`=AIFIN.<id>(...)`), in catalogue order. */
export const FUNCTIONS = {
  CIRCULAR_EXPOSURE,
  ROUND_TRIP_RATIO,
  STAKE,
  FUNDING,
  CONTRACT_VALUE,
  CAPEX_OFFSET,
  STRESS,
  EXPOSURE_TABLE,
  HISTORY,
  CYCLES,
  DEBTRANK,
  ESTIMATE_EXPOSURES,
  ENTITIES,
  FACT,
  SOURCE,
  MODEL_INFO,
  MODEL,
  SCENARIO,
} satisfies Record<string, FunctionDef>;

/** The id of an AIFIN function, as in the metadata. */
export type FunctionId = keyof typeof FUNCTIONS;

/** Every AIFIN function id, in catalogue order. */
export const FUNCTION_IDS = Object.keys(FUNCTIONS) as FunctionId[];
