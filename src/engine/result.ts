/**
 * Engine errors are values, never throws: every engine function that can fail returns `T | EngineError`.
 * The functions layer maps `code` to an Excel error (#VALUE!, #N/A, #DIV/0!, #NUM!) and shows `message`.
 */
export type EngineErrorCode =
  /** Malformed input: ragged or mismatched matrices, negative amounts, NaN, out-of-range arguments. */
  | "INVALID_INPUT"
  /** The answer is unknown (no fact records it): #N/A. */
  | "NOT_AVAILABLE"
  /** A ratio whose denominator is zero or absent: #DIV/0!. */
  | "DIV_ZERO"
  /** A numeric method has no finite answer (e.g. spectral radius >= 1): #NUM!. */
  | "NOT_CONVERGENT";

export interface EngineError {
  readonly kind: "engine-error";
  readonly code: EngineErrorCode;
  readonly message: string;
}

export function engineError(code: EngineErrorCode, message: string): EngineError {
  return { kind: "engine-error", code, message };
}

export function isEngineError(value: unknown): value is EngineError {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "engine-error";
}
