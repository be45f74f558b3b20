/**
 * The single adapter between raw worksheet arguments and the bodies: validate, run, map errors, guard the
 * result. `invoke` never throws and never returns NaN or Infinity: every failure comes back as a
 * `FormulaError` value, which `functions.ts` turns into `CustomFunctions.Error` (and the formula harness
 * into a HyperFormula `CellError`).
 */
import { isEngineError } from "../engine";
import { FormulaError, fromEngineError, isFormulaError, messages } from "./errors";
import { BODIES, type ResultCell, type ResultValue } from "./impl";
import { sharedRuntime, type Runtime } from "./runtime";
import { FUNCTION_SPECS, type FunctionId } from "./specs";
import { validateArguments } from "./validate";

/** What a call produces: a value, or a formula error as a value. */
export type Outcome = ResultValue | FormulaError;

function guardNumber(fn: string, n: number): number {
  if (!Number.isFinite(n)) throw new FormulaError("#NUM!", messages.notFinite(fn));
  // -0 would display as 0 but compares oddly in downstream formulas.
  return n === 0 ? 0 : n;
}

function guardCell(fn: string, cell: unknown): ResultCell {
  if (typeof cell === "number") return guardNumber(fn, cell);
  if (typeof cell === "string" || typeof cell === "boolean") return cell;
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

/**
 * Runs one AIFIN function on raw arguments as Excel passes them (omitted = null or undefined).
 *
 * @example invoke("FUNDING", ["AMZN", "OPENAI", null, "2026-02-27"]) // 50
 */
export function invoke(id: FunctionId, raw: readonly unknown[], runtime: Runtime = sharedRuntime()): Outcome {
  const spec = FUNCTION_SPECS[id];
  const fn = `AIFIN.${id}`;
  try {
    const ctx = validateArguments(spec, raw, runtime);
    return guardResult(fn, BODIES[id](ctx));
  } catch (error) {
    if (isFormulaError(error)) return error;
    if (isEngineError(error)) return fromEngineError(error);
    const detail = error instanceof Error ? error.message : String(error);
    return new FormulaError("#VALUE!", messages.internal(fn, detail));
  }
}
