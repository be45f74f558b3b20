/**
 * The argument specs of every AIFIN function, as data. `validate.ts` reads this table and validates and
 * coerces every argument in one place before a body runs, so bodies never re-check their inputs. The help
 * texts Excel shows live in the JSDoc of `functions.ts`; this table holds what the validator needs.
 */
import { DEFAULT_MAX_CYCLE_LENGTH as ENGINE_MAX_CYCLE_LENGTH } from "../engine";
import { ROLES } from "../model";

/**
 * Argument types:
 * - entity: text resolved through the model's entity registry (any alias, Chinese names);
 * - text-enum: one of `allowed`, case-insensitive;
 * - text: free text (a fact id);
 * - date: an Excel date serial or ISO text; omitted = the model's latest date;
 * - number: a finite number, optionally whole and within [min, max];
 * - fraction: a number from 0 to 1 (also "30%" text);
 * - bool: TRUE/FALSE (also 1/0, "TRUE"/"FALSE");
 * - range: a cell range (rows of cells);
 * - handle: a model handle from AIFIN.MODEL; omitted = the bundled model on the confirmed basis.
 */
export type ParamType = "entity" | "text-enum" | "text" | "date" | "number" | "fraction" | "bool" | "range" | "handle";

/** One parameter of an AIFIN function. */
export interface ParamSpec {
  /** The name Excel shows (snake_case, as in the JSDoc). */
  readonly name: string;
  readonly type: ParamType;
  readonly optional?: boolean;
  /** The value an omitted optional argument takes; absent = null (e.g. as_of = latest). */
  readonly default?: string | number | boolean;
  /** Accepted values of a text-enum, lower case. */
  readonly allowed?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** A few words used in error messages ("a ticker or name such as MSFT"). */
  readonly hint: string;
}

/** What a function returns: a number, a text, or a table spilled with a header row. */
export type ResultShape = "number" | "text" | "any" | "table";

/** One AIFIN function: its metadata id, parameters and result. */
export interface FunctionSpec {
  readonly id: FunctionId;
  readonly params: readonly ParamSpec[];
  readonly result: ResultShape;
  /** Header row of a table result (fixes the spill's width). */
  readonly header?: readonly string[];
}

/** Every AIFIN function id, in the order of the catalogue (and of functions.ts). */
export const FUNCTION_IDS = [
  "CIRCULAR_EXPOSURE",
  "ROUND_TRIP_RATIO",
  "STAKE",
  "FUNDING",
  "CONTRACT_VALUE",
  "CAPEX_OFFSET",
  "STRESS",
  "EXPOSURE_TABLE",
  "CYCLES",
  "ENTITIES",
  "FACT",
  "SOURCE",
  "MODEL_INFO",
  "MODEL",
] as const;
/** The id of an AIFIN function, as in the metadata (`=AIFIN.<id>(...)`). */
export type FunctionId = (typeof FUNCTION_IDS)[number];

const entity = (name: string, hint = "a ticker or name such as MSFT"): ParamSpec => ({ name, type: "entity", hint });
const asOf: ParamSpec = { name: "as_of", type: "date", optional: true, hint: "an Excel date or ISO text; empty for the latest data" };
const model: ParamSpec = { name: "model", type: "handle", optional: true, hint: "a handle from AIFIN.MODEL; empty for the bundled model" };
const enumOf = (name: string, allowed: readonly string[], hint: string): ParamSpec => ({
  name,
  type: "text-enum",
  optional: true,
  default: allowed[0],
  allowed,
  hint,
});

/** Measures of CIRCULAR_EXPOSURE, default first. */
export const EXPOSURE_MEASURES = ["self_funded", "funded_backlog", "share", "network"] as const;
/** Fields of STAKE, default first. */
export const STAKE_FIELDS = ["pct", "value", "cost"] as const;
/** Kinds of FUNDING, default first. */
export const FUNDING_KINDS = ["all", "equity", "debt", "backstop"] as const;
/** Fields of CAPEX_OFFSET, default first. */
export const CAPEX_FIELDS = ["amount", "ratio"] as const;
/** Measures of STRESS, default first. */
export const STRESS_MEASURES = ["revenue", "lender_loss", "market_value"] as const;
/** Fields of FACT, default first. */
export const FACT_FIELDS = [
  "amount",
  "date",
  "status",
  "kind",
  "from",
  "to",
  "pct",
  "unit",
  "description",
  "source",
  "url",
  "verified",
  "estimate",
] as const;
/** Fields of MODEL_INFO, default first. */
export const MODEL_INFO_FIELDS = ["version", "as_of", "fact_count", "entity_count", "basis"] as const;
/** Role filter of ENTITIES: "all" (default) or one registry role. */
export const ENTITY_ROLE_FILTERS = ["all", ...ROLES] as const;
/** Longest cycle CYCLES searches by default (entities in the loop), the engine's bound. */
export const DEFAULT_MAX_CYCLE_LENGTH = ENGINE_MAX_CYCLE_LENGTH;

/** Header row of EXPOSURE_TABLE. */
export const EXPOSURE_TABLE_HEADER = ["counterparty", "funding_out", "contracts_in", "self_funded", "round_trip_ratio", "fact_ids"] as const;
/** Header row of CYCLES. */
export const CYCLES_HEADER = ["path", "length", "bottleneck"] as const;
/** Header row of ENTITIES. */
export const ENTITIES_HEADER = ["id", "name", "name_zh", "roles"] as const;

/** The argument-spec table: one row per AIFIN function, in the order of the catalogue. */
export const FUNCTION_SPECS: Readonly<Record<FunctionId, FunctionSpec>> = {
  CIRCULAR_EXPOSURE: {
    id: "CIRCULAR_EXPOSURE",
    params: [entity("entity"), enumOf("measure", EXPOSURE_MEASURES, "the exposure measure"), asOf, model],
    result: "number",
  },
  ROUND_TRIP_RATIO: {
    id: "ROUND_TRIP_RATIO",
    params: [entity("investor"), entity("investee", "a ticker or name such as OPENAI"), asOf, model],
    result: "number",
  },
  STAKE: {
    id: "STAKE",
    params: [entity("holder"), entity("company", "a ticker or name such as OPENAI"), enumOf("field", STAKE_FIELDS, "the stake field"), asOf, model],
    result: "number",
  },
  FUNDING: {
    id: "FUNDING",
    params: [entity("from"), entity("to", "a ticker or name such as OPENAI"), enumOf("kind", FUNDING_KINDS, "the kind of funding"), asOf, model],
    result: "number",
  },
  CONTRACT_VALUE: {
    id: "CONTRACT_VALUE",
    params: [entity("buyer", "a ticker or name such as OPENAI"), entity("vendor"), asOf, model],
    result: "number",
  },
  CAPEX_OFFSET: {
    id: "CAPEX_OFFSET",
    params: [entity("entity"), enumOf("field", CAPEX_FIELDS, "the capex offset field"), asOf, model],
    result: "number",
  },
  STRESS: {
    id: "STRESS",
    params: [
      entity("entity"),
      entity("shocked", "the entity that cuts its commitments, such as OPENAI"),
      { name: "cut", type: "fraction", hint: "the fraction of commitments cut, 0 to 1" },
      enumOf("measure", STRESS_MEASURES, "the stress measure"),
      { name: "multiple", type: "number", optional: true, min: 0, hint: "an EV/revenue multiple; empty for the model's" },
      asOf,
      model,
    ],
    result: "number",
  },
  EXPOSURE_TABLE: {
    id: "EXPOSURE_TABLE",
    params: [entity("entity"), asOf, model],
    result: "table",
    header: EXPOSURE_TABLE_HEADER,
  },
  CYCLES: {
    id: "CYCLES",
    params: [
      entity("entity"),
      { name: "max_length", type: "number", optional: true, default: DEFAULT_MAX_CYCLE_LENGTH, min: 2, max: 8, integer: true, hint: "the most entities in a loop" },
      asOf,
      model,
    ],
    result: "table",
    header: CYCLES_HEADER,
  },
  ENTITIES: {
    id: "ENTITIES",
    params: [enumOf("role", ENTITY_ROLE_FILTERS, "the role to list"), model],
    result: "table",
    header: ENTITIES_HEADER,
  },
  FACT: {
    id: "FACT",
    params: [{ name: "fact_id", type: "text", hint: "a fact id such as C002" }, enumOf("field", FACT_FIELDS, "the fact field"), model],
    result: "any",
  },
  SOURCE: {
    id: "SOURCE",
    params: [entity("entity"), { ...entity("counterparty"), optional: true, hint: "a counterparty; empty for all" }, asOf, model],
    result: "text",
  },
  MODEL_INFO: {
    id: "MODEL_INFO",
    params: [enumOf("field", MODEL_INFO_FIELDS, "the model field"), model],
    result: "any",
  },
  MODEL: {
    id: "MODEL",
    params: [
      { name: "facts", type: "range", optional: true, hint: "a facts range with its header row; empty for the bundled facts" },
      { name: "entities", type: "range", optional: true, hint: "an entities range with its header row; empty for the bundled entities" },
      { name: "include_rumoured", type: "bool", optional: true, default: false, hint: "TRUE to count rumoured facts" },
    ],
    result: "text",
  },
};
