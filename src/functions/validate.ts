/**
 * The one validation and coercion path of the AIFIN functions. It reads the argument specs
 * (`specs.ts`), treats null, undefined and "" as an omitted argument (Excel passes omitted optional
 * arguments as null or undefined), resolves the model first so entity names resolve against the right
 * registry, and throws a `FormulaError` naming the argument and the accepted values. Bodies receive
 * clean, typed values and never re-check them.
 */
import type { Entity, ModelView } from "../model";
import { describeValue, FormulaError, messages } from "./errors";
import { excelSerialToIso, isIsoDate, PHANTOM_LEAP_DAY_SERIAL } from "../model";
import type { FunctionSpec, ParamSpec } from "./specs";
import type { LoadedModel, RangeRows, Runtime } from "./runtime";

/** A coerced argument value. */
export type ArgValue = string | number | boolean | Entity | RangeRows | null;

/** What a body receives: the model, the coerced arguments by name and the view they ask for. */
export interface CallContext {
  readonly fn: string;
  readonly loaded: LoadedModel;
  /** Coerced values by parameter name; omitted optionals hold their default or null. */
  readonly args: Readonly<Record<string, ArgValue>>;
  /** The requested as-of date (ISO), or null for the model's latest. */
  readonly asOf: string | null;
  /** The point-in-time view for (model, as_of, basis); memoised by the model. */
  view(): ModelView;
  readonly runtime: Runtime;
}

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

function toNumber(fn: string, spec: ParamSpec, value: unknown): number {
  let n: number | null = null;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value.trim()))) n = Number(value.trim());
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
    const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(text);
    if (percent) n = Number(percent[1]) / 100;
    else if (text !== "" && Number.isFinite(Number(text))) n = Number(text);
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
  if (!value.every((row) => Array.isArray(row))) throw new FormulaError("#VALUE!", messages.notRange(fn, spec.name));
  return value as RangeRows;
}

function toEntity(fn: string, spec: ParamSpec, value: unknown, loaded: LoadedModel): Entity {
  const text = toText(fn, spec, value);
  const found = loaded.model.registry.resolve(text);
  if (found.ok) return found.entity;
  throw new FormulaError("#N/A", messages.unknownEntity(text, found.suggestions));
}

function coerce(fn: string, spec: ParamSpec, raw: unknown, loaded: LoadedModel): ArgValue {
  if (spec.type === "range") return toRange(fn, spec, raw);
  const value = unwrapScalar(fn, spec, raw);
  if (isOmitted(value)) return omitted(fn, spec);
  switch (spec.type) {
    case "entity":
      return toEntity(fn, spec, value, loaded);
    case "text-enum":
      return toEnum(fn, spec, value);
    case "text":
      return toText(fn, spec, value);
    case "date":
      return toIsoDate(fn, spec, value);
    case "number":
      return toNumber(fn, spec, value);
    case "fraction":
      return toFraction(fn, spec, value);
    case "bool":
      return toBool(fn, spec, value);
    case "handle":
      // Resolved before the loop; never reached.
      return toText(fn, spec, value);
  }
}

function omitted(fn: string, spec: ParamSpec): ArgValue {
  if (!spec.optional) throw new FormulaError("#VALUE!", messages.required(fn, spec.name, spec.hint));
  return spec.default ?? null;
}

/**
 * Validates and coerces the raw arguments of one call against its spec. Throws `FormulaError` on the first
 * bad argument (in parameter order, after the model argument).
 */
export function validateArguments(spec: FunctionSpec, raw: readonly unknown[], runtime: Runtime): CallContext {
  const fn = `AIFIN.${spec.id}`;
  // Trailing omitted arguments may be passed explicitly as null/undefined: only real extras are an error.
  for (let i = spec.params.length; i < raw.length; i++) {
    if (!isOmitted(raw[i])) throw new FormulaError("#VALUE!", messages.tooManyArguments(fn, spec.params.length));
  }
  const handleIndex = spec.params.findIndex((p) => p.type === "handle");
  let loaded = runtime.bundled(false);
  if (handleIndex >= 0) {
    const handleSpec = spec.params[handleIndex];
    const value = unwrapScalar(fn, handleSpec, raw[handleIndex]);
    if (!isOmitted(value)) loaded = runtime.resolve(toText(fn, handleSpec, value), fn, handleSpec.name);
  }
  const args: Record<string, ArgValue> = {};
  spec.params.forEach((param, i) => {
    if (i === handleIndex) return;
    const value = raw[i];
    args[param.name] = param.type === "range" && isOmitted(value) ? null : coerce(fn, param, value, loaded);
  });
  const asOfValue = args.as_of;
  const asOf = typeof asOfValue === "string" ? asOfValue : null;
  let memo: ModelView | null = null;
  return {
    fn,
    loaded,
    args,
    asOf,
    view() {
      memo ??= loaded.model.view(asOf, loaded.basis);
      return memo;
    },
    runtime,
  };
}
