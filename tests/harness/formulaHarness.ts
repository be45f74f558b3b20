/**
 * A formula-level harness for the AIFIN functions: a real formula engine (HyperFormula, GPL-3.0, used only
 * in tests and the development preview) with every AIFIN.* function registered from the custom-functions
 * metadata and implemented by the very entry points of src/functions/functions.ts. Tests write cell
 * formulas as an analyst would (`=AIFIN.ROUND_TRIP_RATIO("AMZN","OPENAI","2026-02-05")`), edit input cells
 * and read the recalculated values.
 *
 * Metadata: dist/functions.json when it is at least as new as functions.ts, otherwise generated in-process
 * with custom-functions-metadata (in a child process, because the generator is asynchronous and
 * `createHarness` is not; the result is cached in the OS temp folder by the source's hash), so tests never
 * depend on a prior build. Each metadata id maps to the export named by its camel case
 * (ROUND_TRIP_RATIO → roundTripRatio); a unit test checks the generator's own mapping agrees.
 *
 * What the harness does as Excel does: omitted optional arguments arrive as undefined, empty ones and empty
 * cells as null; ranges arrive as rows of values; errors carry their messages; TRUE/FALSE work as literals
 * (named expressions, since HyperFormula has none); table results spill. Where it differs: HyperFormula fixes
 * a spill's size when the formula is entered. With only literal arguments the harness computes the exact
 * size; with references it reserves `spillRows` rows (default 200) padded with empty cells, and a result that
 * outgrows them is #SPILL! with a message.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type CellValue,
  type RawCellContent,
} from "hyperformula";
import { ERROR_TYPES, firstError, toExcelArgument } from "../../src/preview/excel/functionsPlugin";
const { applyMetadataOverrides, OVERRIDES_FILE } = require("../../scripts/metadata-overrides.cjs") as {
  applyMetadataOverrides: (metadata: unknown, overrides: Record<string, unknown>) => { metadata: unknown; problems: string[] };
  OVERRIDES_FILE: string;
};
import { fnv1a64 } from "../../src/model";
import { installCustomFunctionsShim, isCustomFunctionsError } from "./customFunctionsShim";

/** The root of the repository. */
export const REPO_ROOT = resolve(__dirname, "..", "..");
const FUNCTIONS_SOURCE = join(REPO_ROOT, "src", "functions", "functions.ts");
const DIST_METADATA = join(REPO_ROOT, "dist", "functions.json");
/** The namespace Excel shows before every function (manifest <Namespace>). */
export const NAMESPACE = "AIFIN";

/** The parts of functions.json the harness reads. */
export interface FunctionMetadataJson {
  functions: {
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
    parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean; allowErrorForDataTypeAny?: boolean }[];
    result: { type?: string; dimensionality?: string };
    options?: Record<string, unknown>;
  }[];
}

/** Metadata plus where it came from and the generator's id → export mapping (when generated). */
export interface LoadedMetadata {
  metadata: FunctionMetadataJson;
  origin: "dist" | "generated";
  /** Errors reported by the generator (empty when loaded from dist). */
  errors: string[];
  /** id → exported function name, as the generator associates them (generated only). */
  associate: Record<string, string>;
}

let metadataMemo: LoadedMetadata | null = null;

/** Generates metadata for functions.ts with custom-functions-metadata's API (cached by source hash). */
export function generateMetadata(): LoadedMetadata {
  const source = readFileSync(FUNCTIONS_SOURCE, "utf8");
  const cacheFile = join(tmpdir(), `aifin-functions-metadata-${fnv1a64(source)}.json`);
  if (existsSync(cacheFile)) {
    try {
      return JSON.parse(readFileSync(cacheFile, "utf8")) as LoadedMetadata;
    } catch {
      // A half-written cache file from a parallel worker: regenerate below.
    }
  }
  const script = `
    const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
    generateCustomFunctionsMetadata(${JSON.stringify(FUNCTIONS_SOURCE)}).then((r) => {
      const associate = {};
      for (const a of r.associate) associate[a.id] = a.functionName;
      process.stdout.write(JSON.stringify({ metadata: JSON.parse(r.metadataJson || '{"functions":[]}'), origin: "generated", errors: r.errors, associate }));
    }).catch((e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const loaded = JSON.parse(out) as LoadedMetadata;
  if (loaded.errors.length === 0) writeFileSync(cacheFile, JSON.stringify(loaded));
  return loaded;
}

/** dist/functions.json when it is current, else freshly generated metadata. */
export function loadMetadata(): LoadedMetadata {
  if (metadataMemo) return metadataMemo;
  if (existsSync(DIST_METADATA) && statSync(DIST_METADATA).mtimeMs >= statSync(FUNCTIONS_SOURCE).mtimeMs) {
    const metadata = JSON.parse(readFileSync(DIST_METADATA, "utf8")) as FunctionMetadataJson;
    metadataMemo = { metadata, origin: "dist", errors: [], associate: {} };
  } else {
    metadataMemo = generateMetadata();
  }
  if (metadataMemo.errors.length > 0) throw new Error(`custom-functions-metadata reported errors:\n${metadataMemo.errors.join("\n")}`);
  // The build merges the hand-written metadata (allowErrorForDataTypeAny) after generating; so does the harness.
  const overrides = applyMetadataOverrides(metadataMemo.metadata, JSON.parse(readFileSync(join(REPO_ROOT, OVERRIDES_FILE), "utf8")) as Record<string, unknown>);
  if (overrides.problems.length > 0) throw new Error(`${OVERRIDES_FILE}:\n${overrides.problems.join("\n")}`);
  metadataMemo = { ...metadataMemo, metadata: overrides.metadata as FunctionMetadataJson };
  return metadataMemo;
}

/** The export a metadata id maps to: ROUND_TRIP_RATIO → roundTripRatio. */
export function exportNameOf(id: string): string {
  return id.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

type Implementation = (...args: unknown[]) => unknown;

/** The entry points of functions.ts, loaded once the CustomFunctions shim is in place. */
export function loadImplementations(): Record<string, Implementation> {
  installCustomFunctionsShim();
  // Required lazily: functions.ts may only be evaluated once the global exists.
  return require("../../src/functions/functions") as Record<string, Implementation>;
}

// Excel's error texts and how HyperFormula's values reach a custom function: the preview's plugin is the one home.
const EXCEL_TO_HF = ERROR_TYPES;

/** HyperFormula's error types → Excel's error texts (the first Excel code of each type). */
const HF_TO_EXCEL: Partial<Record<ErrorType, string>> = Object.fromEntries(
  Object.entries(EXCEL_TO_HF)
    .reverse()
    .map(([code, type]) => [type, code]),
);


/** Error cells of an argument as Excel passes them to a parameter that accepts errors. */
function withErrorValues(value: unknown): unknown {
  if (value instanceof CellError) {
    const CF = (globalThis as unknown as { CustomFunctions: { Error: new (code: string, message?: string) => unknown } }).CustomFunctions;
    return new CF.Error(HF_TO_EXCEL[value.type] ?? "#VALUE!", value.message);
  }
  return Array.isArray(value) ? value.map(withErrorValues) : value;
}

/** A custom function's return value → HyperFormula's. */
function toHfScalar(value: unknown): unknown {
  if (isCustomFunctionsError(value)) return new CellError(EXCEL_TO_HF[value.code] ?? ErrorType.ERROR, value.message);
  if (value === null || value === undefined) return EmptyValue;
  if (typeof value === "number" && !Number.isFinite(value)) return new CellError(ErrorType.NUM, "non-finite result leaked");
  return value;
}

interface AstLike {
  type: string;
  value?: unknown;
  procedureName?: string;
  expressionName?: string;
  args?: AstLike[];
}

/** The value of an argument written as a literal, or `NOT_LITERAL`. */
const NOT_LITERAL = Symbol("not literal");
function literalOf(ast: AstLike): unknown {
  switch (ast.type) {
    case "NUMBER":
    case "STRING":
      return ast.value;
    case "EMPTY":
      return null;
    case "NAMED_EXPRESSION":
      if (ast.expressionName?.toUpperCase() === "TRUE") return true;
      if (ast.expressionName?.toUpperCase() === "FALSE") return false;
      return NOT_LITERAL;
    case "FUNCTION_CALL":
      if ((ast.procedureName === "TRUE" || ast.procedureName === "FALSE") && (ast.args ?? []).length === 0) return ast.procedureName === "TRUE";
      return NOT_LITERAL;
    case "MINUS_UNARY_OP": {
      const inner = ast.value as AstLike | undefined;
      return inner && inner.type === "NUMBER" ? -(inner.value as number) : NOT_LITERAL;
    }
    default:
      return NOT_LITERAL;
  }
}

/**
 * Time spent inside the AIFIN functions (not in HyperFormula), for the benchmark's "function time" of a
 * recalculation: set `enabled`, zero `ms` and `calls`, recalculate, read them.
 */
export const functionTime = { enabled: false, ms: 0, calls: 0 };

/** Enough for every bundled entity plus a header, with room to grow. */
export const DEFAULT_SPILL_ROWS = 200;

/** Options of `createHarness`. */
export interface HarnessOptions {
  /** Rows reserved for a spilled table whose arguments are not all literals (default 200). The plugin is
   *  registered once per process, so the value of the harness created last applies. */
  spillRows?: number;
}

/** A HyperFormula engine with the AIFIN functions registered, and helpers to read and edit cells. */
export interface Harness {
  readonly hf: HyperFormula;
  /** Where the metadata came from. */
  readonly metadataOrigin: "dist" | "generated";
  /** The value of a cell: number, text, boolean, null (empty) or a DetailedCellError (with .value "#N/A" and .message). */
  getValue(sheet: string, a1: string): CellValue;
  /** The values of a range such as "A1:F10". */
  getRange(sheet: string, a1Range: string): CellValue[][];
  /** Writes a value or a formula (text starting with "=") into a cell; dependents recalculate. */
  setValue(sheet: string, a1: string, value: RawCellContent): void;
  /** Writes a block of values starting at the top-left cell. */
  setRange(sheet: string, topLeft: string, rows: RawCellContent[][]): void;
  /** Releases the engine. */
  destroy(): void;
}

let registered: { spillRows: number } | null = null;

function registerPlugin(spillRows: number): void {
  if (registered) {
    registered.spillRows = spillRows;
    return;
  }
  const settings = { spillRows };
  registered = settings;
  const { metadata } = loadMetadata();
  const implementations = loadImplementations();
  const implemented: Record<string, object> = {};
  const translations: Record<string, string> = {};

  class AifinPlugin extends FunctionPlugin {}
  const proto = AifinPlugin.prototype as unknown as Record<string, unknown>;

  for (const fn of metadata.functions) {
    const name = `${NAMESPACE}.${fn.id}`;
    const impl = implementations[exportNameOf(fn.id)];
    if (typeof impl !== "function") throw new Error(`functions.ts has no export ${exportNameOf(fn.id)} for ${fn.id}`);
    const isTable = fn.result.dimensionality === "matrix";
    const method = `aifin_${fn.id}`;
    const sizeMethod = `aifin_${fn.id}_size`;
    const literalMemo = new Map<string, number>();

    // Rows the spill occupies: exact when every argument is a literal (the size is fixed at entry).
    const rowsFor = (ast: AstLike): number => {
      const literals = (ast.args ?? []).map(literalOf);
      if (literals.some((v) => v === NOT_LITERAL)) return settings.spillRows;
      const key = JSON.stringify(literals);
      let rows = literalMemo.get(key);
      if (rows === undefined) {
        const out = impl(...literals);
        rows = Array.isArray(out) ? Math.max(1, out.length) : 1;
        literalMemo.set(key, rows);
      }
      return rows;
    };
    const widthOf = (rows: unknown[][]): number => Math.max(1, ...rows.map((r) => r.length));

    implemented[name] = {
      method,
      parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, ...(p.optional ? { optionalArg: true } : {}) })),
      vectorizationForbidden: true,
      ...(isTable ? { sizeOfResultArrayMethod: sizeMethod } : {}),
    };
    translations[name] = name;

    proto[method] = function (this: FunctionPlugin, ast: AstLike, state: unknown) {
      const self = this as unknown as {
        runFunction: (args: unknown, state: unknown, meta: unknown, body: (...a: unknown[]) => unknown) => unknown;
        metadata: (n: string) => unknown;
      };
      return self.runFunction(ast.args, state, self.metadata(name), (...hfArgs: unknown[]) => {
        const args = hfArgs.map(toExcelArgument);
        // As Excel: an error in an argument short-circuits the call, unless the parameter accepts errors
        // (allowErrorForDataTypeAny), which then receives them as CustomFunctions.Error values.
        for (let i = 0; i < args.length; i++) {
          if (fn.parameters[i]?.allowErrorForDataTypeAny) args[i] = withErrorValues(args[i]);
          else {
            const argError = firstError(args[i]);
            if (argError) return argError;
          }
        }
        let out: unknown;
        if (functionTime.enabled) {
          const start = performance.now();
          out = impl(...args);
          functionTime.ms += performance.now() - start;
          functionTime.calls++;
        } else out = impl(...args);
        if (!isTable || !Array.isArray(out)) return toHfScalar(out);
        const height = rowsFor(ast);
        if (out.length > height) return new CellError(ErrorType.SPILL, `AIFIN.${fn.id}: the result grew beyond the cells reserved for it; enter the formula again.`);
        const width = widthOf(out as unknown[][]);
        const rows = Array.from({ length: height }, (_, i) =>
          Array.from({ length: width }, (_, j) => toHfScalar((out as unknown[][])[i]?.[j] ?? null)),
        );
        return SimpleRangeValue.onlyValues(rows as never);
      });
    };
    if (isTable) {
      proto[sizeMethod] = function (ast: AstLike) {
        const height = rowsFor(ast);
        const literals = (ast.args ?? []).map(literalOf);
        let width = 1;
        if (!literals.some((v) => v === NOT_LITERAL)) {
          const out = impl(...literals);
          if (Array.isArray(out)) width = widthOf(out as unknown[][]);
        } else {
          // The header row fixes a table's width; compute it from a call that cannot fail.
          width = headerWidth(fn.id);
        }
        return new ArraySize(width, height);
      };
    }
  }
  (AifinPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(AifinPlugin as never, { enGB: translations } as never);
}

/** Width of each table function's header row. */
function headerWidth(id: string): number {
  // Imported lazily for the same reason as functions.ts: after the shim is installed.
  const specs = require("../../src/functions/specs") as { FUNCTION_SPECS: Record<string, { header?: readonly string[] }> };
  return specs.FUNCTION_SPECS[id]?.header?.length ?? 1;
}

/**
 * Builds a formula engine over the given sheets (rows of values or formulas) with the AIFIN functions
 * registered.
 *
 * @example
 * const h = createHarness({ Sheet1: [["=AIFIN.FUNDING(\"AMZN\",\"OPENAI\")"]] });
 * h.getValue("Sheet1", "A1") // 50
 */
export function createHarness(sheets: Record<string, RawCellContent[][]>, options: HarnessOptions = {}): Harness {
  registerPlugin(options.spillRows ?? DEFAULT_SPILL_ROWS);
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" }, [
    { name: "TRUE", expression: "=TRUE()" },
    { name: "FALSE", expression: "=FALSE()" },
  ]);
  const sheetId = (sheet: string): number => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet named ${sheet}`);
    return id;
  };
  const address = (sheet: string, a1: string) => {
    const addr = hf.simpleCellAddressFromString(a1, sheetId(sheet));
    if (!addr) throw new Error(`Bad cell address ${a1}`);
    return addr;
  };
  return {
    hf,
    metadataOrigin: loadMetadata().origin,
    getValue: (sheet, a1) => hf.getCellValue(address(sheet, a1)),
    getRange: (sheet, a1Range) => {
      const range = hf.simpleCellRangeFromString(a1Range, sheetId(sheet));
      if (!range) throw new Error(`Bad range ${a1Range}`);
      return hf.getRangeValues(range);
    },
    setValue: (sheet, a1, value) => {
      hf.setCellContents(address(sheet, a1), [[value]]);
    },
    setRange: (sheet, topLeft, rows) => {
      hf.setCellContents(address(sheet, topLeft), rows);
    },
    destroy: () => hf.destroy(),
  };
}

/** True when a cell holds an error; narrows to HyperFormula's DetailedCellError (value "#N/A", message). */
export function isCellError(value: unknown): value is DetailedCellError {
  return value instanceof DetailedCellError;
}
