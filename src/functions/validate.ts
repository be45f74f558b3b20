/**
 * The one validation and coercion path of the AIFIN functions. It reads each function's argument spec
 * (catalogue/*.ts), treats null, undefined and "" as an omitted argument (Excel passes omitted optional
 * arguments as null or undefined), resolves the model first so entity names resolve against the right
 * registry, and throws a `FormulaError` naming the argument and the accepted values. Bodies receive
 * clean, typed values and never re-check them.
 *
 * Speed: a sheet calls the look-ups hundreds of thousands of times per recalculation, so each function's
 * spec is compiled once into an array of coercers, and the two costly steps are memoised: an entity name
 * resolves through the registry once per model (then a map read), and the view for (model, as_of) is
 * built once by the model and only looked up when a body asks for it.
 */
import { LruCache } from "../engine";
import type { Entity, EntityRegistry, ModelView } from "../model";
import { describeValue, FormulaError, messages } from "./errors";
import { excelSerialToIso, isIsoDate, PHANTOM_LEAP_DAY_SERIAL } from "../model";
import { firstDataDate, type LoadedModel, type ModelCache, type RangeRows } from "./modelCache";
import type { CallContext, FunctionDef, ParamSpec } from "./params";

/** A coerced argument value. */
export type ArgValue = string | number | boolean | Entity | RangeRows | LoadedModel | null;

const isOmitted = (value: unknown): boolean => value === null || value === undefined || value === "";

/** Excel never passes a range to a scalar parameter, but a 1×1 array can reach us from other hosts. */
function unwrapScalar(fn: string, spec: ParamSpec, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  throw new FormulaError("#VALUE!", messages.notScalar(fn, spec.name));
}

function toText(fn: string, spec: ParamSpec, value: unknown): string {
  if (typeof value === "string") return value.trim();
  // Tickers such as 9984 can arrive as numbers when typed into a cell.
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new FormulaError("#VALUE!", messages.notText(fn, spec.name, describeValue(value)));
}

/**
 * Decimal text as a number, strictly: an optional sign, digits with an optional fraction, an optional
 * exponent. `Number()` alone also reads "0x1", "0b1", "Infinity" and "1_000" style texts that no analyst
 * means as a number, so those are refused.
 */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The number a text cell means, or null. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function toNumber(fn: string, spec: ParamSpec, value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? parseDecimal(value) : null;
  if (n === null || !Number.isFinite(n)) throw new FormulaError("#VALUE!", messages.notNumber(fn, spec.name, describeValue(value)));
  if (spec.integer && !Number.isInteger(n)) throw new FormulaError("#VALUE!", messages.notInteger(fn, spec.name, describeValue(value)));
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    throw new FormulaError("#VALUE!", messages.outOfRange(fn, spec.name, n, spec.min, spec.max));
  }
  return n;
}

function toFraction(fn: string, spec: ParamSpec, value: unknown): number {
  let n: number | null = null;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const text = value.trim();
    const percent = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(text);
    n = percent ? Number(percent[1]) / 100 : parseDecimal(text);
  }
  if (n === null || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new FormulaError("#VALUE!", messages.notFraction(fn, spec.name, describeValue(value)));
  }
  return n;
}

function toBool(fn: string, spec: ParamSpec, value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
  }
  throw new FormulaError("#VALUE!", messages.notBoolean(fn, spec.name, describeValue(value)));
}

function toIsoDate(fn: string, spec: ParamSpec, value: unknown): string {
  if (typeof value === "number") {
    if (Math.floor(value) === PHANTOM_LEAP_DAY_SERIAL) throw new FormulaError("#VALUE!", messages.phantomLeapDay(fn, spec.name));
    const iso = excelSerialToIso(value);
    if (iso) return iso;
  } else if (typeof value === "string") {
    const text = value.trim();
    if (isIsoDate(text)) return text;
  }
  throw new FormulaError("#VALUE!", messages.notDate(fn, spec.name, describeValue(value)));
}

function toEnum(fn: string, spec: ParamSpec, value: unknown): string {
  const text = toText(fn, spec, value).toLowerCase();
  const allowed = spec.allowed ?? [];
  if (!allowed.includes(text)) throw new FormulaError("#VALUE!", messages.notAllowed(fn, spec.name, String(value), allowed));
  return text;
}

function toRange(fn: string, spec: ParamSpec, value: unknown): RangeRows {
  // A single cell may arrive as a bare value from hosts that do not wrap it.
  if (!Array.isArray(value)) return [[value]];
  for (const row of value) if (!Array.isArray(row)) throw new FormulaError("#VALUE!", messages.notRange(fn, spec.name));
  return value as RangeRows;
}

/** How a name resolved in one registry: the entity, or the message for an unknown name. */
type Resolution = Entity | FormulaError;
/** Names resolved per registry (bounded: the names come from analysts' cells). */
const resolutions = new WeakMap<EntityRegistry, LruCache<string, Resolution>>();
/** A name longer than this is no entity's name: answered without searching for suggestions. */
const MAX_NAME_LENGTH = 200;

function resolveEntity(registry: EntityRegistry, text: string): Resolution {
  let cache = resolutions.get(registry);
  if (cache === undefined) resolutions.set(registry, (cache = new LruCache(4096)));
  let hit = cache.get(text);
  if (hit === undefined) {
    if (text.length > MAX_NAME_LENGTH) hit = new FormulaError("#N/A", messages.unknownEntity(text, []));
    else {
      const found = registry.resolve(text);
      hit = found.ok ? found.entity : new FormulaError("#N/A", messages.unknownEntity(text, found.suggestions));
    }
    cache.set(text, hit);
  }
  return hit;
}

function toEntity(fn: string, spec: ParamSpec, value: unknown, loaded: LoadedModel): Entity {
  // The common case first: a plain text cell that was resolved before.
  const text = typeof value === "string" ? value.trim() : toText(fn, spec, value);
  const found = resolveEntity(loaded.model.registry, text);
  if (found instanceof FormulaError) throw found;
  return found;
}

type Coercer = (raw: unknown, loaded: LoadedModel) => ArgValue;

function coercerFor(fn: string, spec: ParamSpec): Coercer {
  if (spec.type === "range") return (raw) => (isOmitted(raw) ? omitted(fn, spec) : toRange(fn, spec, raw));
  const scalar = (convert: (value: unknown, loaded: LoadedModel) => ArgValue): Coercer => {
    return (raw, loaded) => {
      const value = Array.isArray(raw) ? unwrapScalar(fn, spec, raw) : raw;
      return isOmitted(value) ? omitted(fn, spec) : convert(value, loaded);
    };
  };
  switch (spec.type) {
    case "entity":
      return scalar((value, loaded) => toEntity(fn, spec, value, loaded));
    case "text-enum":
      return scalar((value) => toEnum(fn, spec, value));
    case "text":
      return scalar((value) => toText(fn, spec, value));
    case "date":
      return scalar((value) => toIsoDate(fn, spec, value));
    case "number":
      return scalar((value) => toNumber(fn, spec, value));
    case "fraction":
      return scalar((value) => toFraction(fn, spec, value));
    case "bool":
      return scalar((value) => toBool(fn, spec, value));
    case "handle":
      // Resolved before the other arguments (see validateArguments).
      return (_raw, loaded) => loaded;
  }
}

function omitted(fn: string, spec: ParamSpec): ArgValue {
  if (!spec.optional) throw new FormulaError("#VALUE!", messages.required(fn, spec.name, spec.hint));
  return spec.default ?? null;
}

/** A function's spec compiled for fast validation. */
export interface CompiledSpec {
  readonly fn: string;
  readonly def: FunctionDef;
  readonly names: readonly string[];
  readonly coercers: readonly Coercer[];
  readonly handleIndex: number;
  readonly asOfIndex: number;
}

/** Compiles a function's spec (once per function). */
export function compileSpec(id: string, def: FunctionDef): CompiledSpec {
  const fn = `AIFIN.${id}`;
  return {
    fn,
    def,
    names: def.params.map((p) => p.name),
    coercers: def.params.map((p) => coercerFor(fn, p)),
    handleIndex: def.params.findIndex((p) => p.type === "handle"),
    asOfIndex: def.params.findIndex((p) => p.type === "date" && p.name === "as_of"),
  };
}

/** The call context a body receives; the view is built (or found in the model's memo) on first use. */
class Call implements CallContext {
  private memo: ModelView | null = null;

  constructor(
    readonly fn: string,
    readonly loaded: LoadedModel,
    readonly asOf: string | null,
    readonly models: ModelCache,
    readonly parameterAddresses: readonly (string | null | undefined)[] | null,
  ) {}

  view(): ModelView {
    this.memo ??= this.loaded.model.view(this.asOf, this.loaded.basis);
    return this.memo;
  }
}

/** The model a call's handle argument names (the bundled one when omitted). */
export function resolveHandle(models: ModelCache, compiled: CompiledSpec, raw: unknown): LoadedModel {
  const spec = compiled.def.params[compiled.handleIndex];
  const value = Array.isArray(raw) ? unwrapScalar(compiled.fn, spec, raw) : raw;
  if (isOmitted(value)) return models.bundled(false);
  return models.resolve(toText(compiled.fn, spec, value), compiled.fn, spec.name);
}

/**
 * Validates and coerces the raw arguments of one call against its compiled spec. Throws `FormulaError` on
 * the first bad argument (in parameter order, after the model argument). Returns the arguments by name and
 * the call context. `resolved`: the model the handle argument names, when the caller resolved it already.
 */
export function validateArguments(
  compiled: CompiledSpec,
  raw: readonly unknown[],
  models: ModelCache,
  parameterAddresses: readonly (string | null | undefined)[] | null = null,
  resolved: LoadedModel | null = null,
): { args: Record<string, ArgValue>; call: Call } {
  const { names, coercers, handleIndex } = compiled;
  const count = names.length;
  // Trailing omitted arguments may be passed explicitly as null/undefined: only real extras are an error.
  for (let i = count; i < raw.length; i++) {
    if (!isOmitted(raw[i])) throw new FormulaError("#VALUE!", messages.tooManyArguments(compiled.fn, count));
  }
  const loaded = resolved ?? (handleIndex >= 0 ? resolveHandle(models, compiled, raw[handleIndex]) : models.bundled(false));
  const args: Record<string, ArgValue> = {};
  for (let i = 0; i < count; i++) args[names[i]] = coercers[i](raw[i], loaded);
  const asOfValue = compiled.asOfIndex >= 0 ? args[names[compiled.asOfIndex]] : null;
  const asOf = typeof asOfValue === "string" ? asOfValue : null;
  if (asOf !== null) {
    // A view before the first fact is empty: every figure would be a silent 0.
    const first = firstDataDate(loaded.model);
    if (first !== null && asOf < first) throw new FormulaError("#N/A", messages.beforeData(compiled.fn, asOf, first));
  }
  return { args, call: new Call(compiled.fn, loaded, asOf, models, parameterAddresses) };
}
