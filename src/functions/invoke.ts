/**
 * The single adapter between raw worksheet arguments and the bodies: validate, run, map errors, guard the
 * result. `invoke` never throws and never returns NaN or Infinity: every failure comes back as a
 * `FormulaError` value, which `functions.ts` turns into `CustomFunctions.Error` (and the formula harness
 * into a HyperFormula `CellError`). Texts, in results and in messages, are cut to what a cell can show.
 */
import { isEngineError } from "../engine";
import { FUNCTIONS, FUNCTION_IDS, type FunctionId } from "./catalogue";
import { clip, MAX_CELL_TEXT } from "./cellText";
import { FormulaError, fromEngineError, isFormulaError, messages } from "./errors";
import { sharedModelCache, type ModelCache } from "./modelCache";
import type { ResultCell, ResultValue } from "./params";
import { memoActive } from "../model";
import type { LoadedModel } from "./modelCache";
import { compileSpec, resolveHandle, validateArguments, type CompiledSpec } from "./validate";

/** What a call produces: a value, or a formula error as a value. */
export type Outcome = ResultValue | FormulaError;

function guardNumber(fn: string, n: number): number {
  if (!Number.isFinite(n)) throw new FormulaError("#NUM!", messages.notFinite(fn));
  // -0 would display as 0 but compares oddly in downstream formulas.
  return n === 0 ? 0 : n;
}

function guardCell(fn: string, cell: unknown): ResultCell {
  if (typeof cell === "number") return guardNumber(fn, cell);
  if (typeof cell === "string") return cell.length > MAX_CELL_TEXT ? clip(cell) : cell;
  if (typeof cell === "boolean") return cell;
  if (cell === null || cell === undefined) return "";
  if (isEngineError(cell)) throw fromEngineError(cell);
  throw new FormulaError("#VALUE!", messages.internal(fn, `unexpected ${typeof cell} in the result`));
}

function guardResult(fn: string, value: unknown): ResultValue {
  if (Array.isArray(value)) {
    const rows = value as unknown[][];
    let width = 1;
    for (const row of rows) if (row.length > width) width = row.length;
    const out: ResultCell[][] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      // Pad ragged rows: a spill is rectangular.
      const cells: ResultCell[] = new Array(width);
      for (let j = 0; j < width; j++) cells[j] = guardCell(fn, row[j]);
      out[i] = cells;
    }
    return out;
  }
  if (isEngineError(value)) throw fromEngineError(value);
  if (value === null || value === undefined) throw new FormulaError("#N/A", messages.internal(fn, "no result"));
  return guardCell(fn, value);
}

/** Each function's spec, compiled once. */
const COMPILED = Object.fromEntries(FUNCTION_IDS.map((id) => [id, compileSpec(id, FUNCTIONS[id])])) as Record<FunctionId, CompiledSpec>;

function asFormulaError(fn: string, error: unknown): FormulaError {
  const formula = isFormulaError(error)
    ? error
    : isEngineError(error)
      ? fromEngineError(error)
      : new FormulaError("#VALUE!", messages.internal(fn, error instanceof Error ? error.message : String(error)));
  return formula.message.length > MAX_CELL_TEXT ? new FormulaError(formula.code, clip(formula.message)) : formula;
}

/** Outcomes remembered per model (see `FunctionDef.memoise`); beyond this many the model's memo starts afresh. */
export const OUTCOMES_PER_MODEL = 16_384;

/**
 * One model's remembered outcomes: a tree with one level per raw argument (the handle left out), keyed by
 * the cell value itself (Map keys tell 1 from "1" and TRUE from "TRUE"; an omitted argument is null). A
 * repeat is a few map reads of values whose hashes the engine already holds: no key text is built per call.
 */
interface MemoNode {
  readonly next: Map<unknown, MemoNode>;
  outcome?: Outcome;
}

interface ModelMemo {
  readonly byFunction: Map<FunctionId, MemoNode>;
  size: number;
}

const outcomes = new WeakMap<LoadedModel, ModelMemo>();

let outcomeMemoOn = true;

/**
 * Turns the outcome memo on or off (benchmarks only: the bench times single calls both as repeats the memo
 * answers and through validation and the engine); returns the previous setting.
 */
export function setOutcomeMemo(enabled: boolean): boolean {
  const before = outcomeMemoOn;
  outcomeMemoOn = enabled;
  return before;
}

/** Whether a raw argument can key the memo: a plain cell value (not a range, an error value or a 1×1 array). */
const isPlain = (v: unknown): boolean => v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** The node of a call's arguments, made on the way when `create`; null when absent or an argument is not plain. */
function memoNode(memo: ModelMemo, id: FunctionId, raw: readonly unknown[], handleIndex: number, create: boolean): MemoNode | null {
  let node: MemoNode | undefined = memo.byFunction.get(id);
  if (node === undefined) {
    if (!create) return null;
    node = { next: new Map() };
    memo.byFunction.set(id, node);
  }
  for (let i = 0; i < raw.length; i++) {
    if (i === handleIndex) continue;
    const v = raw[i];
    if (!isPlain(v)) return null;
    const key = v === undefined ? null : v;
    let child: MemoNode | undefined = node.next.get(key);
    if (child === undefined) {
      if (!create) return null;
      child = { next: new Map() };
      node.next.set(key, child);
    }
    node = child;
  }
  return node;
}

function compute(compiled: CompiledSpec, raw: readonly unknown[], models: ModelCache, addresses: readonly (string | null | undefined)[] | null, loaded: LoadedModel | null): Outcome {
  try {
    const { args, call } = validateArguments(compiled, raw, models, addresses, loaded);
    // The spec types each body's arguments; here they are the validated values by name.
    return guardResult(compiled.fn, compiled.def.body(args as never, call));
  } catch (error) {
    return asFormulaError(compiled.fn, error);
  }
}

/**
 * Runs one AIFIN function on raw arguments as Excel passes them (omitted = null or undefined).
 *
 * `invocation` is what Excel passes a function that asks for its arguments' addresses (MODEL does, so a
 * problem in a facts range can name the sheet row).
 *
 * @example invoke("FUNDING", ["AMZN", "OPENAI", null, "2026-02-27"]) // 50
 */
export function invoke(
  id: FunctionId,
  raw: readonly unknown[],
  models: ModelCache = sharedModelCache(),
  invocation?: { readonly parameterAddresses?: readonly (string | null | undefined)[] } | null,
): Outcome {
  const compiled = COMPILED[id];
  const addresses = invocation?.parameterAddresses ?? null;
  const memoise = compiled.def.memoise;
  // Extra arguments are refused before the model is resolved: leave that order to the long way.
  if (memoise === undefined || raw.length > compiled.names.length || !memoise(raw)) return compute(compiled, raw, models, addresses, null);
  if (!outcomeMemoOn || !memoActive() || !raw.every(isPlain)) return compute(compiled, raw, models, addresses, null);
  let loaded: LoadedModel;
  try {
    // Resolved as every call resolves it: a handle not in memory is still answered with #N/A, never from the memo.
    loaded = compiled.handleIndex >= 0 ? resolveHandle(models, compiled, raw[compiled.handleIndex]) : models.bundled(false);
  } catch (error) {
    return asFormulaError(compiled.fn, error);
  }
  let memo = outcomes.get(loaded);
  if (memo === undefined) outcomes.set(loaded, (memo = { byFunction: new Map(), size: 0 }));
  const known = memoNode(memo, id, raw, compiled.handleIndex, false)?.outcome;
  if (known !== undefined) return known;
  const outcome = compute(compiled, raw, models, addresses, loaded);
  // Bounded: a sheet sweeping many arguments starts the model's memo afresh rather than growing it.
  if (memo.size >= OUTCOMES_PER_MODEL) {
    memo.byFunction.clear();
    memo.size = 0;
  }
  const node = memoNode(memo, id, raw, compiled.handleIndex, true) as MemoNode;
  node.outcome = outcome;
  memo.size++;
  return outcome;
}
