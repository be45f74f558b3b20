/**
 * Formula errors of the functions layer, as values. Bodies and the argument validator throw
 * `FormulaError`; the one adapter in `invoke.ts` catches it and the entry points in `functions.ts` turn it
 * into a `CustomFunctions.Error`. Every message the user can see is written in `messages` below, so the
 * wording stays consistent and can be translated in one place.
 */
import { clip, MAX_QUOTED } from "./cellText";
import { isEngineError, type EngineError, type EngineErrorCode } from "../engine";

/** The Excel errors AIFIN functions return. */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!";

/** A formula error with the message Excel shows in the cell's error indicator. */
export class FormulaError extends Error {
  /** The Excel error the cell shows. */
  readonly code: ExcelErrorCode;

  /**
   * Constructs the error without a stack trace: a formula error is an answer, not a fault (a sheet returns
   * thousands of #N/A in one recalculation), and capturing the stack was the costliest part of returning one.
   */
  constructor(code: ExcelErrorCode, message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.name = "FormulaError";
  }
}

/** True for a `FormulaError` (also across module copies, by shape). */
export function isFormulaError(value: unknown): value is FormulaError {
  return value instanceof FormulaError || (value instanceof Error && value.name === "FormulaError" && "code" in value);
}

const ENGINE_TO_EXCEL: Record<EngineErrorCode, ExcelErrorCode> = {
  DIV_ZERO: "#DIV/0!",
  NOT_AVAILABLE: "#N/A",
  INVALID_INPUT: "#VALUE!",
  NOT_CONVERGENT: "#NUM!",
};

/** Maps an engine error value to the formula error Excel shows, keeping the engine's message. */
export function fromEngineError(error: EngineError): FormulaError {
  return new FormulaError(ENGINE_TO_EXCEL[error.code] ?? "#VALUE!", error.message);
}

/** Returns `value`, or throws the formula error for an engine error value. */
export function orThrow<T>(value: T | EngineError): T {
  if (isEngineError(value)) throw fromEngineError(value);
  return value;
}

/** An analyst's text quoted in a message: only its beginning, so a message never echoes a 10 MB cell. */
const quote = (text: string): string => `"${clip(text, MAX_QUOTED)}"`;
const orList = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

/** The catalogue of user-facing messages. */
export const messages = {
  required: (fn: string, param: string, help: string) => `${fn}: ${param} is required (${help}).`,
  tooManyArguments: (fn: string, max: number) => `${fn} takes at most ${max} argument${max === 1 ? "" : "s"}.`,
  notText: (fn: string, param: string, got: string) => `${fn}: ${param} must be text, got ${got}.`,
  notAllowed: (fn: string, param: string, got: string, allowed: readonly string[]) =>
    `${fn}: ${param} ${quote(got)} is not accepted; use ${orList(allowed.map(quote))}.`,
  notNumber: (fn: string, param: string, got: string) => `${fn}: ${param} must be a number, got ${got}.`,
  notInteger: (fn: string, param: string, got: string) => `${fn}: ${param} must be a whole number, got ${got}.`,
  outOfRange: (fn: string, param: string, got: number, min: number | undefined, max: number | undefined) =>
    `${fn}: ${param} ${got} is out of range; use ${
      min !== undefined && max !== undefined ? `a value from ${min} to ${max}` : min !== undefined ? `a value of at least ${min}` : `a value of at most ${max}`
    }.`,
  notFraction: (fn: string, param: string, got: string) =>
    `${fn}: ${param} must be a fraction from 0 to 1 (0.3 or 30% for a 30% cut), got ${got}.`,
  notBoolean: (fn: string, param: string, got: string) => `${fn}: ${param} must be TRUE or FALSE, got ${got}.`,
  notDate: (fn: string, param: string, got: string) =>
    `${fn}: ${param} must be a date (an Excel date or ISO text such as "2026-02-27"), got ${got}.`,
  phantomLeapDay: (fn: string, param: string) =>
    `${fn}: ${param} is serial 60, Excel's 29 February 1900, a day that never existed; use a real date.`,
  notRange: (fn: string, param: string) => `${fn}: ${param} must be a cell range.`,
  notScalar: (fn: string, param: string) => `${fn}: ${param} must be a single value, not a range.`,
  unknownEntity: (query: string, suggestions: readonly string[]) =>
    suggestions.length > 0
      ? `Unknown entity ${quote(query)}: did you mean ${orList(suggestions.slice(0, 3))}?`
      : `Unknown entity ${quote(query)}: =AIFIN.ENTITIES() lists the known entities.`,
  badHandle: (fn: string, param: string, got: string) =>
    `${fn}: ${param} ${quote(got)} is not a model handle; use the cell holding =AIFIN.MODEL(...) or leave it empty for the bundled model.`,
  handleNotLoaded: (handle: string) =>
    `Model ${handle} is not loaded in this session: recalculate the MODEL cell (select it and press F2 then Enter, or Ctrl+Alt+F9 for the whole workbook).`,
  tableIssues: (table: string, count: number, first: { where: string; column: string; message: string }) =>
    `AIFIN.MODEL: the ${table} range has ${count} problem${count === 1 ? "" : "s"}; first: ${first.where}${first.column ? `, column ${first.column}` : ""}: ${first.message}`,
  beforeData: (fn: string, asOf: string, first: string) =>
    `${fn}: the model has no data before ${first}; as_of ${asOf} is earlier. Use a date from ${first} on, or leave as_of empty for the latest.`,
  datasetIssues: (count: number, first: string) =>
    `AIFIN.MODEL: the model is not consistent (${count} problem${count === 1 ? "" : "s"}); first: ${first}`,
  unknownFact: (id: string) => `Unknown fact ${quote(id)}: the Facts table lists every fact id.`,
  noAmount: (id: string, unit: string) => `Fact ${id} has no dollar amount${unit ? ` (${unit})` : ""}.`,
  noPct: (id: string) => `Fact ${id} records no percentage.`,
  notFinite: (fn: string) => `${fn}: the result is not a finite number.`,
  internal: (fn: string, detail: string) => `${fn}: internal error (${detail}). Please report it with the formula.`,
  spillGrew: (fn: string) => `${fn}: the result grew beyond the cells reserved for it; enter the formula again.`,
} as const;

/** A short description of a raw argument for messages ("text \"abc\"", "number 3", "TRUE"). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return `text "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === "number") return `number ${value}`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return "a range";
  return typeof value;
}
