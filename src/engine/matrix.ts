/**
 * Shared input validation for the matrix and graph models (clearingVector, debtRank, leontiefInverse,
 * estimateExposures). Each check returns the input narrowed to plain numbers, or an `INVALID_INPUT`
 * EngineError whose message names the offending argument and cell, so the functions layer can show
 * it as is. Nothing here throws: arguments may come straight from a worksheet range.
 */
import { engineError, type EngineError } from "./result";

/** A dense matrix, row-major: `m[i][j]`. Read-only so callers may pass frozen worksheet data. */
export type Matrix = readonly (readonly number[])[];

/** A dense vector. */
export type Vector = readonly number[];

/** Options for {@link checkMatrix}. */
export interface CheckMatrixOptions {
  /** Require as many columns as rows. */
  square?: boolean;
  /** Require every entry to be >= 0. */
  nonNegative?: boolean;
  /** Require exactly this many rows (and, with `square`, columns). */
  size?: number;
  /** Name of the argument that fixes `size`, for the message ("externalAssets"). */
  sizeFrom?: string;
}

/** Options for {@link checkVector}. */
export interface CheckVectorOptions {
  nonNegative?: boolean;
  /** Require entries in [min, max]. */
  min?: number;
  max?: number;
  size?: number;
  sizeFrom?: string;
}

/** True for a finite number (rejects NaN, ±Infinity and non-numbers such as strings from a sheet). */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/**
 * Checks that `value` is a rectangular array of finite numbers with the requested shape and sign.
 *
 * @param name - the argument's name, used in the error message
 * @returns the same matrix typed as {@link Matrix}, or INVALID_INPUT
 * @example
 * checkMatrix("liabilities", [[0, 1], [2]], { square: true })
 * // => { kind: "engine-error", code: "INVALID_INPUT", message: "liabilities is ragged: row 1 has 1 entries, row 0 has 2" }
 */
export function checkMatrix(name: string, value: unknown, options: CheckMatrixOptions = {}): Matrix | EngineError {
  if (!Array.isArray(value)) return engineError("INVALID_INPUT", `${name} must be a matrix (an array of rows)`);
  const rows = value.length;
  if (options.size !== undefined && rows !== options.size) {
    const from = options.sizeFrom ? ` (the size of ${options.sizeFrom})` : "";
    return engineError("INVALID_INPUT", `${name} has ${rows} rows, expected ${options.size}${from}`);
  }
  let cols = -1;
  for (let i = 0; i < rows; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row)) return engineError("INVALID_INPUT", `${name} row ${i} is not an array`);
    if (cols === -1) cols = row.length;
    else if (row.length !== cols) {
      return engineError("INVALID_INPUT", `${name} is ragged: row ${i} has ${row.length} entries, row 0 has ${cols}`);
    }
    for (let j = 0; j < row.length; j++) {
      const x: unknown = row[j];
      if (!isFiniteNumber(x)) return engineError("INVALID_INPUT", `${name}[${i}][${j}] is not a finite number`);
      if (options.nonNegative && x < 0) return engineError("INVALID_INPUT", `${name}[${i}][${j}] is negative (${x})`);
    }
  }
  if (options.square && rows > 0 && cols !== rows) {
    return engineError("INVALID_INPUT", `${name} must be square: it has ${rows} rows and ${cols} columns`);
  }
  return value as Matrix;
}

/**
 * Checks that `value` is an array of finite numbers of the requested length and range.
 *
 * @returns the same vector typed as {@link Vector}, or INVALID_INPUT
 * @example
 * checkVector("externalAssets", [1, -2], { nonNegative: true })
 * // => INVALID_INPUT "externalAssets[1] is negative (-2)"
 */
export function checkVector(name: string, value: unknown, options: CheckVectorOptions = {}): Vector | EngineError {
  if (!Array.isArray(value)) return engineError("INVALID_INPUT", `${name} must be an array of numbers`);
  if (options.size !== undefined && value.length !== options.size) {
    const from = options.sizeFrom ? ` (the size of ${options.sizeFrom})` : "";
    return engineError("INVALID_INPUT", `${name} has ${value.length} entries, expected ${options.size}${from}`);
  }
  for (let i = 0; i < value.length; i++) {
    const x: unknown = value[i];
    if (!isFiniteNumber(x)) return engineError("INVALID_INPUT", `${name}[${i}] is not a finite number`);
    if (options.nonNegative && x < 0) return engineError("INVALID_INPUT", `${name}[${i}] is negative (${x})`);
    if (options.min !== undefined && x < options.min) {
      return engineError("INVALID_INPUT", `${name}[${i}] is ${x}, below the minimum ${options.min}`);
    }
    if (options.max !== undefined && x > options.max) {
      return engineError("INVALID_INPUT", `${name}[${i}] is ${x}, above the maximum ${options.max}`);
    }
  }
  return value as Vector;
}

/**
 * Checks an optional scalar parameter; `undefined` yields `fallback`.
 *
 * @returns the number, or INVALID_INPUT when it is not finite or outside [min, max]
 */
export function checkScalar(name: string, value: unknown, fallback: number, min: number, max: number): number | EngineError {
  if (value === undefined) return fallback;
  if (!isFiniteNumber(value)) return engineError("INVALID_INPUT", `${name} must be a finite number`);
  if (value < min || value > max) return engineError("INVALID_INPUT", `${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}
