/**
 * How an AIFIN function is declared: its argument spec (data the validator reads) and its body side by side,
 * with the body's arguments typed from the spec. `defineFunction({ params: [entity("holder"), ...], body:
 * (args) => args.holder.id })` gives `args` exactly one property per parameter, of the type its spec
 * promises after validation, so a misspelt argument name or a wrong type is a compile error.
 *
 * The help texts Excel shows live in the JSDoc of `functions.ts` (the metadata generator reads only that
 * file); a test checks that both declare the same parameters in the same order.
 */
import { MONEY_BASES, type Entity, type ModelView } from "../model";
import type { LoadedModel, ModelCache, RangeRows } from "./modelCache";

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
  /** The name Excel shows (snake_case, as in the JSDoc) and the property the body reads. */
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

/** A cell of a result table. */
export type ResultCell = number | string | boolean;
/** What a body returns. */
export type ResultValue = ResultCell | ResultCell[][];

/** The value a validated parameter of spec `P` holds (before the omitted/default rule). */
type BaseValue<P extends ParamSpec> = P["type"] extends "entity"
  ? Entity
  : P["type"] extends "text-enum"
    ? P extends { readonly allowed: readonly (infer A)[] }
      ? A
      : string
    : P["type"] extends "text" | "date"
      ? string
      : P["type"] extends "number" | "fraction"
        ? number
        : P["type"] extends "bool"
          ? boolean
          : P["type"] extends "range"
            ? RangeRows
            : P["type"] extends "handle"
              ? LoadedModel
              : never;

/** An optional parameter without a default is null when omitted; a handle is always resolved. */
export type ArgValueOf<P extends ParamSpec> = P["type"] extends "handle"
  ? LoadedModel
  : P extends { readonly optional: true }
    ? P extends { readonly default: string | number | boolean }
      ? BaseValue<P>
      : BaseValue<P> | null
    : BaseValue<P>;

/** The validated arguments of a function with parameters `Ps`, by parameter name. */
export type ArgsOf<Ps extends readonly ParamSpec[]> = { readonly [P in Ps[number] as P["name"]]: ArgValueOf<P> };

/** What a body receives besides its arguments. */
export interface CallContext {
  /** "AIFIN.<id>", for messages. */
  readonly fn: string;
  /** The model the call's `model` argument names (the bundled one when omitted). */
  readonly loaded: LoadedModel;
  /** The requested as-of date (ISO), or null for the model's latest. */
  readonly asOf: string | null;
  /** The point-in-time view for (model, as_of, basis); memoised by the model. */
  view(): ModelView;
  /** The cache of workbook models (AIFIN.MODEL adds to it). */
  readonly models: ModelCache;
  /** The addresses of the arguments (`Facts!A1:T200`) where Excel passes them, by parameter position. */
  readonly parameterAddresses: readonly (string | null | undefined)[] | null;
}

/** One AIFIN function: parameters, result shape and body, declared together. */
export interface FunctionDef<Ps extends readonly ParamSpec[] = readonly ParamSpec[]> {
  readonly params: Ps;
  readonly result: ResultShape;
  /** Header row of a table result (fixes the spill's width). */
  readonly header?: readonly string[];
  /** The body: pure code over validated arguments; throws `FormulaError` for what the analyst must fix. */
  body(args: ArgsOf<Ps>, call: CallContext): ResultValue;
  /**
   * Whether a call's outcome (value or error) depends only on the model its handle names and its other
   * arguments as Excel passes them: no range, no other cache, no side effect. `invoke` then answers a repeat
   * of the same arguments on the same model from memory, which a sheet asking the same question in many cells
   * (or recalculating them all after one edit) feels. `always`, or a test of the raw arguments for a
   * function that is pure for some of them (STRESS without a SCENARIO handle); absent = never memoised.
   */
  readonly memoise?: (raw: readonly unknown[]) => boolean;
}

/** `memoise` of a function whose outcome depends only on its model and arguments. */
export const always = (): boolean => true;

/** Declares a function; `params` keeps its literal types so `body` sees typed arguments. */
export function defineFunction<const Ps extends readonly ParamSpec[]>(def: FunctionDef<Ps>): FunctionDef<Ps> {
  return def;
}

// ---- parameter builders shared by the catalogue ------------------------------------------------------

/** An entity parameter (required). */
export const entity = <const N extends string>(name: N, hint = "a ticker or name such as MSFT") => ({ name, type: "entity", hint }) as const;

/** The as_of parameter every view-based function takes. */
export const asOf = { name: "as_of", type: "date", optional: true, hint: "an Excel date or ISO text; empty for the latest data" } as const;

/** The model parameter every function but MODEL takes. */
export const modelParam = { name: "model", type: "handle", optional: true, hint: "a handle from AIFIN.MODEL; empty for the bundled model" } as const;

/** An optional text-enum whose default is its first allowed value. */
export const enumOf = <const N extends string, const A extends readonly [string, ...string[]]>(name: N, allowed: A, hint: string) =>
  ({ name, type: "text-enum", optional: true, default: allowed[0], allowed, hint }) as const;

/**
 * The money basis of the exposure functions (MONEY_BASES, declared once in the model): a trailing optional
 * argument, so every formula written before it keeps its positions. Default first: "firm".
 */
export const moneyParam = enumOf("money", MONEY_BASES, "which money counts: firm, funded or committed");
