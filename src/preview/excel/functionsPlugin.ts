/**
 * Registers the AIFIN functions in HyperFormula the way Excel's runtime sees them: the ids and parameters of
 * functions.json, and the very functions functions.js hands to `CustomFunctions.associate` (each forwards its
 * raw arguments to `invoke`). Nothing here computes an AIFIN figure.
 *
 * As Excel passes them: a left-out trailing argument is undefined, an empty one or an empty cell null,
 * a range rows of values; an error argument short-circuits the call; `CustomFunctions.Error` results become
 * cell errors with their messages; table results spill.
 *
 * Spill sizes: HyperFormula fixes a spill's size when the formula is entered. The size is computed then by
 * calling the function on the arguments as they stand (literals and single-cell references); when that is not
 * possible, DEFAULT_SPILL_ROWS rows are reserved. A later, larger result is an error carrying SPILL_GREW, which
 * the workbook answers by entering the formula again (workbook.ts, respill).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";

/** The parts of functions.json the preview reads. */
export interface FunctionMetadata {
  functions: Array<{
    id: string;
    name: string;
    parameters: Array<{ name: string; optional?: boolean; dimensionality?: string }>;
    /** `width`: columns of a table result's header row (the spill's width when its size cannot be computed). */
    result: { dimensionality?: string; width?: number };
  }>;
}

/** A function as associated by functions.js. */
export type AssociatedFunction = (...args: unknown[]) => unknown;

/** How to recognise a `CustomFunctions.Error` of the current runtime: its code ("#N/A") and message. */
export type ErrorReader = (value: unknown) => { code: string; message?: string } | null;

/** Marks the error a grown spill returns (the workbook re-enters such formulas). */
export const SPILL_GREW = "the result grew beyond the cells reserved for it";
/** Spill sizes by formula cell ("sheet:row:col"): rows reserved at entry, rows of the last result, and whether
 *  the reservation was computed (exact) or a fallback block. The workbook re-enters fallback blocks larger than
 *  their result, so a spill ends where its result does, as in Excel. */
export const SPILL_SIZES = new Map<string, { reserved: number; width: number; actual: number; exact: boolean }>();
export const spillKey = (a: { sheet: number; row: number; col: number }): string => `${a.sheet}:${a.row}:${a.col}`;

/** Ids of the functions whose result spills (filled at registration). */
export const TABLE_FUNCTION_IDS = new Set<string>();
/** Rows reserved for a table result whose size cannot be computed when it is entered. */
export const DEFAULT_SPILL_ROWS = 60;
const NAMESPACE = "AIFIN";

/** Excel's error texts → HyperFormula's error types (also used by tests/harness/formulaHarness.ts). */
export const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.ERROR,
};

/** HyperFormula's value → what Excel passes to a custom function (shared with the test harness). */
export function toExcelArgument(value: unknown): unknown {
  if (value === EmptyValue) return null;
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toExcelArgument));
  if (value instanceof CellError) return value;
  // Date, percent and currency numbers arrive wrapped with the raw number in `val`.
  if (typeof value === "object" && value !== null && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return value;
}

/** The first error in an argument (a value or rows of values): Excel does not call a function with one. */
export function firstError(value: unknown): CellError | null {
  if (value instanceof CellError) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstError(item);
      if (found) return found;
    }
  }
  return null;
}

interface AstLike {
  type: string;
  value?: unknown;
  procedureName?: string;
  expressionName?: string;
  args?: AstLike[];
  reference?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
}

const UNKNOWN = Symbol("unknown");

let registered = false;

/**
 * Registers every function of the metadata once per page. `implementations` maps metadata ids to the
 * associated functions; a missing one fails loudly (functions.js and functions.json disagree).
 */
export function registerAifinFunctions(metadata: FunctionMetadata, implementations: ReadonlyMap<string, AssociatedFunction>, readError: ErrorReader): void {
  if (registered) return;
  registered = true;
  const implemented: Record<string, object> = {};
  const translations: Record<string, string> = {};

  class AifinPreviewPlugin extends FunctionPlugin {}
  const proto = AifinPreviewPlugin.prototype as unknown as Record<string, unknown>;

  const toHf = (value: unknown): unknown => {
    const err = readError(value);
    if (err) return new CellError(ERROR_TYPES[err.code] ?? ErrorType.ERROR, err.message);
    if (value === null || value === undefined || value === "") return EmptyValue;
    if (typeof value === "number" && !Number.isFinite(value)) return new CellError(ErrorType.NUM, "non-finite result");
    return value;
  };

  for (const fn of metadata.functions) {
    const name = `${NAMESPACE}.${fn.id}`;
    const impl = implementations.get(fn.id);
    if (!impl) throw new Error(`functions.js associated no function with ${fn.id} (listed in functions.json)`);
    const isTable = fn.result.dimensionality === "matrix";
    if (isTable) TABLE_FUNCTION_IDS.add(fn.id);
    const method = `aifin_${fn.id}`;
    const sizeMethod = `aifin_${fn.id}_size`;

    implemented[name] = {
      method,
      parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, ...(p.optional ? { optionalArg: true } : {}) })),
      vectorizationForbidden: true,
      ...(isTable ? { sizeOfResultArrayMethod: sizeMethod } : {}),
    };
    translations[name] = name;

    proto[method] = function (this: FunctionPlugin, ast: AstLike, state: { formulaAddress: unknown }) {
      const self = this as unknown as {
        runFunction: (args: unknown, state: unknown, meta: unknown, body: (...a: unknown[]) => unknown) => unknown;
        metadata: (n: string) => unknown;
      };
      return self.runFunction(ast.args, state, self.metadata(name), (...hfArgs: unknown[]) => {
        const args = hfArgs.map(toExcelArgument);
        const argError = firstError(args);
        if (argError) return argError;
        const out = impl(...args);
        if (!isTable || !Array.isArray(out)) return toHf(out);
        const rows = out as unknown[][];
        const at = state.formulaAddress as { sheet: number; row: number; col: number } | undefined;
        // The block HyperFormula reserved when the formula was entered (the size method recorded it).
        const known = at ? SPILL_SIZES.get(spillKey(at)) : undefined;
        const size = known ? { height: known.reserved, width: known.width } : sizeOf(this, ast, state);
        if (at) SPILL_SIZES.set(spillKey(at), { reserved: size.height, width: size.width, actual: rows.length, exact: known?.exact ?? true });
        if (rows.length > size.height) return new CellError(ErrorType.SPILL, `AIFIN.${fn.id}: ${SPILL_GREW}.`);
        return SimpleRangeValue.onlyValues(
          Array.from({ length: size.height }, (_, i) => Array.from({ length: size.width }, (_, j) => toHf(rows[i]?.[j] ?? null))) as never,
        );
      });
    };

    /** Size of the spill: the result on the arguments as they stand, else a reserved block. */
    const sizeOf = (plugin: FunctionPlugin, ast: AstLike, state: { formulaAddress: unknown }): { width: number; height: number; exact: boolean } => {
      const graph = (plugin as unknown as { dependencyGraph: { getCellValue(a: unknown): unknown } }).dependencyGraph;
      const args = (ast.args ?? []).map((a) => argumentNow(a, state, graph));
      if (!args.includes(UNKNOWN)) {
        try {
          const out = impl(...args);
          if (Array.isArray(out)) {
            const rows = out as unknown[][];
            return { height: Math.max(1, rows.length), width: Math.max(1, ...rows.map((r) => r.length)), exact: true };
          }
        } catch {
          // fall through to the reserved block
        }
      }
      return { height: DEFAULT_SPILL_ROWS, width: fn.result.width ?? headerWidth(impl), exact: false };
    };
    if (isTable) {
      proto[sizeMethod] = function (this: FunctionPlugin, ast: AstLike, state: { formulaAddress: unknown }) {
        const { width, height, exact } = sizeOf(this, ast, state);
        const at = state.formulaAddress as { sheet: number; row: number; col: number } | undefined;
        if (at) SPILL_SIZES.set(spillKey(at), { reserved: height, width, actual: -1, exact });
        return new ArraySize(width, height);
      };
    }
  }
  (AifinPreviewPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(AifinPreviewPlugin as never, { enGB: translations, enUS: translations } as never);
}

/** The width of a table function's result when it cannot be computed: its header row with no arguments. */
function headerWidth(impl: AssociatedFunction): number {
  try {
    const out = impl();
    if (Array.isArray(out) && Array.isArray(out[0])) return Math.max(1, (out[0] as unknown[]).length);
  } catch {
    // no header without arguments
  }
  return 8;
}

/** An argument's value when the formula is entered: literals and single cells; UNKNOWN otherwise. */
function argumentNow(ast: AstLike, state: { formulaAddress: unknown }, graph: { getCellValue(a: unknown): unknown }): unknown {
  switch (ast.type) {
    case "NUMBER":
    case "STRING":
      return ast.value;
    case "EMPTY":
      return null;
    case "NAMED_EXPRESSION": {
      const n = ast.expressionName?.toUpperCase();
      return n === "TRUE" ? true : n === "FALSE" ? false : UNKNOWN;
    }
    case "MINUS_UNARY_OP": {
      const inner = ast.value as AstLike | undefined;
      return inner?.type === "NUMBER" ? -(inner.value as number) : UNKNOWN;
    }
    case "CELL_REFERENCE": {
      try {
        const address = ast.reference?.toSimpleCellAddress(state.formulaAddress);
        const v = toExcelArgument(graph.getCellValue(address));
        return v instanceof CellError ? UNKNOWN : v;
      } catch {
        return UNKNOWN;
      }
    }
    default:
      return UNKNOWN;
  }
}
