import { isEngineError, type EngineError } from "../../../src/engine/result";

/** Unwraps an engine result a test expects to succeed; an error value fails the test with its message. */
export function ok<T>(result: T | EngineError): T {
  if (isEngineError(result)) throw new Error(`unexpected engine error: ${result.message}`);
  return result;
}
