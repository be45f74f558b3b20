/**
 * A stand-in for Excel's `CustomFunctions` global so src/functions/functions.ts runs in plain Node (tests,
 * benchmarks, the formula harness). Only what the functions use: `Error` and `ErrorCode`, with Excel's
 * error texts as the enum values. Installed once; an existing global (a real host) is left alone.
 */

/** The error codes with the values Excel's runtime uses. */
export enum ShimErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

/** The error value a custom function returns. */
export class ShimCustomFunctionsError {
  /** Mirrors `new CustomFunctions.Error(code, message?)`. */
  constructor(
    readonly code: ShimErrorCode,
    readonly message?: string,
  ) {}
}

/** True for an error value built by the shim (or by a host with the same shape). */
export function isCustomFunctionsError(value: unknown): value is ShimCustomFunctionsError {
  return value instanceof ShimCustomFunctionsError;
}

/** Installs the global when none exists; returns whether the shim is now in place. */
export function installCustomFunctionsShim(): boolean {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  if (g.CustomFunctions === undefined) {
    g.CustomFunctions = { Error: ShimCustomFunctionsError, ErrorCode: ShimErrorCode };
  }
  return (g.CustomFunctions as { Error?: unknown }).Error === ShimCustomFunctionsError;
}
