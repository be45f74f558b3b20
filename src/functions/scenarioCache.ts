/**
 * The scenario-handle cache: assumption sets built by AIFIN.SCENARIO from a two-column range of name/value
 * rows (docs/methodology.md §7), keyed by their handles, for STRESS's `scenario` argument.
 *
 * A handle is `AIFIN.SCENARIO#` + an FNV-1a 64 hash of the scenario's canonical content (every assumption
 * after the overrides are applied, defaults included), so it is the same in every session, equal for ranges
 * that say the same thing, and changes with any edit that changes a figure: Excel then recalculates exactly
 * the STRESS cells that read it. A well-formed handle not in memory (the workbook was reopened, the add-in
 * restarted, the entry evicted) is answered with #N/A telling the analyst to recalculate the SCENARIO cell,
 * never with figures from another scenario. Bounded: at most `capacity` scenarios, least recently used first out.
 */
import { isEngineError, scenarioFrom, scenarioRows, type ScenarioAssumptions } from "../engine";
import { Fnv1a64 } from "../model";
import { FormulaError } from "./errors";
import { cellOf, type RangePlace, type RangeRows } from "./modelCache";

/** The handle prefix; the namespace makes the text recognisable in a cell. */
export const SCENARIO_HANDLE_PREFIX = "AIFIN.SCENARIO#";
const SCENARIO_HANDLE_PATTERN = /^AIFIN\.SCENARIO#[0-9a-f]{16}$/;
/** Bumped whenever the meaning of the hashed content changes. */
const CONTENT_VERSION = "aifin-scenario-1";
/** Scenarios kept in memory: far more than a workbook's SCENARIO cells. */
export const SCENARIO_CAPACITY = 64;
/** Rows a SCENARIO range may hold (the defaults are ~30 names): keeps a whole-column reference bounded. */
export const MAX_SCENARIO_ROWS = 1000;

/** A scenario together with its handle. */
export interface LoadedScenario {
  readonly handle: string;
  readonly assumptions: ScenarioAssumptions;
}

/** The scenario cache: build from a range, resolve a handle. */
export interface ScenarioCache {
  /** Validates a name/value range through the engine's override parser and returns its handle. */
  load(rows: RangeRows, place?: RangePlace | null): string;
  /** The scenario of a handle; #VALUE! for text that is not a handle, #N/A when not in memory. */
  resolve(handle: string, fn: string, param: string): LoadedScenario;
  /** Forgets every scenario (what a restart of the add-in does); for tests. */
  clear(): void;
  readonly size: number;
}

/** True when `text` has the form of a scenario handle. */
export function isScenarioHandleText(text: string): boolean {
  return SCENARIO_HANDLE_PATTERN.test(text.trim());
}

/** The handle of a scenario: the hash of its canonical rows. */
export function scenarioHandleOf(s: ScenarioAssumptions): string {
  const hasher = new Fnv1a64().update(CONTENT_VERSION);
  for (const [name, value] of scenarioRows(s)) {
    const text = `${typeof value}:${String(value)}`;
    hasher.update(`s${name.length}:`).update(name).update(`v${text.length}:`).update(text);
  }
  return SCENARIO_HANDLE_PREFIX + hasher.digest();
}

function rowLabel(index: number, place: RangePlace | null | undefined): string {
  if (!place) return `row ${index + 1} of the range`;
  const row = place.firstRow + index;
  return place.sheet ? `sheet ${place.sheet}, row ${row}` : `row ${row}`;
}

/** Reads the range into name/value pairs and the assumptions; throws #VALUE! naming the first bad row. */
export function parseScenarioRange(rows: RangeRows, place?: RangePlace | null): ScenarioAssumptions {
  if (rows.length > MAX_SCENARIO_ROWS) {
    throw new FormulaError("#VALUE!", `AIFIN.SCENARIO: the range has ${rows.length} rows; at most ${MAX_SCENARIO_ROWS} name/value rows are read.`);
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (rows.length > 0 && width !== 2) {
    throw new FormulaError("#VALUE!", `AIFIN.SCENARIO: assumptions must be a two-column range (name, value); this one has ${width} column${width === 1 ? "" : "s"}.`);
  }
  const pairs: [unknown, unknown][] = rows.map((r) => [cellOf(r[0]), cellOf(r[1])]);
  const all = scenarioFrom(pairs);
  if (!isEngineError(all)) return all;
  // Find the row at fault and say where it is (the engine counts rows from the range's first).
  for (let i = 0; i < pairs.length; i++) {
    const one = scenarioFrom([pairs[i]]);
    if (!isEngineError(one)) continue;
    throw new FormulaError("#VALUE!", `AIFIN.SCENARIO: ${rowLabel(i, place)}: ${one.message.replace(/^Row \d+: /, "")}`);
  }
  throw new FormulaError("#VALUE!", `AIFIN.SCENARIO: ${all.message}`);
}

/** Creates a scenario cache. The add-in uses `sharedScenarioCache`; tests may create their own. */
export function createScenarioCache(capacity = SCENARIO_CAPACITY): ScenarioCache {
  // A Map in insertion order is the LRU list (not the engine's LruCache: the memo switch of benchmarks
  // must never make a loaded scenario look unloaded).
  const cache = new Map<string, ScenarioAssumptions>();
  const limit = Math.max(1, capacity);
  const touch = (handle: string, assumptions: ScenarioAssumptions): void => {
    cache.delete(handle);
    cache.set(handle, assumptions);
    while (cache.size > limit) cache.delete(cache.keys().next().value as string);
  };
  return {
    load(rows, place) {
      const assumptions = parseScenarioRange(rows, place);
      const handle = scenarioHandleOf(assumptions);
      touch(handle, cache.get(handle) ?? assumptions);
      return handle;
    },
    resolve(handle, fn, param) {
      const text = handle.trim();
      if (!isScenarioHandleText(text)) {
        throw new FormulaError("#VALUE!", `${fn}: ${param} "${handle}" is not a scenario handle; use the cell holding =AIFIN.SCENARIO(...) or leave it empty for the sourced defaults.`);
      }
      const assumptions = cache.get(text);
      if (assumptions === undefined) {
        throw new FormulaError(
          "#N/A",
          `Scenario ${text} is not loaded in this session: recalculate the SCENARIO cell (select it and press F2 then Enter, or Ctrl+Alt+F9 for the whole workbook).`,
        );
      }
      touch(text, assumptions);
      return { handle: text, assumptions };
    },
    clear() {
      cache.clear();
    },
    get size() {
      return cache.size;
    },
  };
}

let shared: ScenarioCache | null = null;

/** The process-wide scenario cache the worksheet functions use. */
export function sharedScenarioCache(): ScenarioCache {
  shared ??= createScenarioCache();
  return shared;
}
