/**
 * The model-handle cache of the functions: the bundled model and the models built by AIFIN.MODEL from
 * workbook ranges, keyed by their handles. (Not to be confused with Office's shared runtime, the one page
 * that hosts the pane and the functions: this is one object inside it.)
 *
 * A handle is `AIFIN.MODEL#` + the FNV-1a 64 hash of the content (both ranges' rows and the rumour flag),
 * so it is the same in every session and changes with any edit: Excel's dependency graph then recalculates
 * exactly the cells that read the edited table. Calling MODEL again on identical content finds the parsed
 * model in the cache and returns the same handle without parsing. A well-formed handle whose model is not
 * in memory (the workbook was reopened, the runtime restarted, the entry evicted) is answered with a
 * message saying how to rebuild it, never with numbers from another model.
 */
import {
  createModel,
  CURATION_ONLY_CODES,
  entitiesFromRows,
  factsFromRows,
  getBundledModel,
  validateDataset,
  type Basis,
  type Dataset,
  type DatasetIssue,
  type Model,
} from "../model";
import { FormulaError, messages } from "./errors";
import { Fnv1a64, isBlankRow, normaliseCell, type CellValue } from "../model";

/** A model together with the basis its handle stands for. */
export interface LoadedModel {
  /** The handle text, e.g. "AIFIN.MODEL#3f2a9c1e5b7d0a42". */
  readonly handle: string;
  readonly model: Model;
  readonly basis: Basis;
}

/** A cell of a range as the functions receive it (Excel passes empty cells as null). */
export type RangeCell = CellValue;
/** The rows of a range. */
export type RangeRows = readonly (readonly unknown[])[];

/** Counters for tests and benchmarks: how many models were parsed and how many MODEL calls hit the cache. */
export interface ModelCacheStats {
  parses: number;
  hits: number;
  evictions: number;
}

/** The model-handle cache: bundled model, workbook models by handle, and counters. */
export interface ModelCache {
  /** The bundled model under the confirmed basis, or with rumoured facts counted. */
  bundled(includeRumoured?: boolean): LoadedModel;
  /** The loaded model a handle stands for; throws #VALUE! for malformed text, #N/A when not in memory. */
  resolve(handle: string, fn: string, param: string): LoadedModel;
  /** Builds (or finds) the model for ranges read from the workbook and returns its handle. Omitted range = bundled. */
  load(facts: RangeRows | null, entities: RangeRows | null, includeRumoured: boolean): string;
  /** True when the handle's model is in memory. */
  has(handle: string): boolean;
  readonly stats: ModelCacheStats;
  /** Forgets every workbook model (what a restart of the add-in does); for tests. */
  clear(): void;
}

/** Options of `createModelCache`. */
export interface ModelCacheOptions {
  /** Supplies the bundled model (loaded once, on first use). */
  bundledModel?: () => Model;
  /** How many workbook models stay in memory; the least recently used is dropped first. */
  capacity?: number;
}

/** The handle prefix; the namespace makes the text recognisable in a cell. */
export const HANDLE_PREFIX = "AIFIN.MODEL#";
const HANDLE_PATTERN = /^AIFIN\.MODEL#[0-9a-f]{16}$/;
/** Bumped whenever the meaning of the hashed content changes, so old handles cannot alias new models. */
const CONTENT_VERSION = "aifin-model-content-2";
/** Dataset rules that keep the bundled data curated but do not make a workbook model's numbers wrong (model). */
const CURATION_ONLY_ISSUES: ReadonlySet<string> = CURATION_ONLY_CODES;
/** Large enough for a workbook with many scenario tables; each entry holds one parsed model. */
export const DEFAULT_CAPACITY = 32;

/** True when `text` has the form of a model handle. */
export function isHandleText(text: string): boolean {
  return HANDLE_PATTERN.test(text);
}

/** Rows with normalised cells and no blank rows: blank rows carry no data and must not change the handle. */
export function normaliseRows(rows: RangeRows): RangeCell[][] {
  const out: RangeCell[][] = [];
  for (const row of rows) {
    const cells = row.map(normaliseCell);
    if (cells.some((c) => c !== null)) out.push(cells);
  }
  return out;
}

/** Feeds one range, in a form where distinct contents cannot produce the same text. */
function hashRows(hasher: Fnv1a64, rows: RangeRows): void {
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    for (const raw of row) {
      const cell = normaliseCell(raw);
      // Texts carry their length and numbers a terminator, so no cell can imitate a cell boundary.
      if (cell === null) hasher.update("_");
      else if (typeof cell === "number") hasher.update(`n${cell};`);
      else if (typeof cell === "boolean") hasher.update(cell ? "t" : "f");
      else hasher.update(`s${cell.length}:`).update(cell);
    }
    hasher.update("\n");
  }
}

/**
 * The handle for a model's content: both ranges (blank rows ignored; an omitted range stands for the
 * bundled table of `bundledVersion`) and the rumour flag. Exported for tests of the handle format.
 */
export function handleFor(facts: RangeRows | null, entities: RangeRows | null, includeRumoured: boolean, bundledVersion: string): string {
  // The flag goes first: FNV mixes a late byte into few output bits, and the two bundled handles
  // (with and without rumours) should not look almost alike.
  const hasher = new Fnv1a64().update(CONTENT_VERSION).update(includeRumoured ? "r1" : "r0");
  for (const [name, rows] of [
    ["facts", facts],
    ["entities", entities],
  ] as const) {
    if (rows === null) hasher.update(`\u0002${name}:bundled:${bundledVersion}`);
    else {
      hasher.update(`\u0002${name}:`);
      hashRows(hasher, rows);
    }
  }
  return HANDLE_PREFIX + hasher.digest();
}

function latestFactDate(dataset: Pick<Dataset, "facts">, fallback: string): string {
  let latest = "";
  for (const fact of dataset.facts) if (fact.date > latest) latest = fact.date;
  return latest || fallback;
}

/** Creates a model cache. The add-in uses the one `sharedModelCache`; tests create their own. */
export function createModelCache(options: ModelCacheOptions = {}): ModelCache {
  const supplyBundled = options.bundledModel ?? getBundledModel;
  const capacity = Math.max(1, options.capacity ?? DEFAULT_CAPACITY);
  const cache = new Map<string, LoadedModel>();
  const stats: ModelCacheStats = { parses: 0, hits: 0, evictions: 0 };
  let bundledEntries: [LoadedModel, LoadedModel] | null = null;

  const bundledPair = (): [LoadedModel, LoadedModel] => {
    if (!bundledEntries) {
      const model = supplyBundled();
      const version = model.dataset.version;
      bundledEntries = [
        { handle: handleFor(null, null, false, version), model, basis: { includeRumoured: false } },
        { handle: handleFor(null, null, true, version), model, basis: { includeRumoured: true } },
      ];
    }
    return bundledEntries;
  };

  const remember = (entry: LoadedModel): void => {
    cache.delete(entry.handle);
    cache.set(entry.handle, entry);
    while (cache.size > capacity) {
      const oldest = cache.keys().next().value as string;
      cache.delete(oldest);
      stats.evictions++;
    }
  };

  const build = (handle: string, facts: RangeCell[][] | null, entities: RangeCell[][] | null, includeRumoured: boolean): LoadedModel => {
    stats.parses++;
    const bundled = bundledPair()[0].model.dataset;
    let factList = bundled.facts;
    let entityList = bundled.entities;
    if (facts) {
      const parsed = factsFromRows(facts);
      if (parsed.issues.length > 0) throw new FormulaError("#VALUE!", messages.tableIssues("facts", parsed.issues.length, parsed.issues[0]));
      factList = parsed.facts;
    }
    if (entities) {
      const parsed = entitiesFromRows(entities);
      if (parsed.issues.length > 0) throw new FormulaError("#VALUE!", messages.tableIssues("entities", parsed.issues.length, parsed.issues[0]));
      entityList = parsed.entities;
    }
    const dataset: Dataset = {
      version: handle,
      asOf: latestFactDate({ facts: factList }, bundled.asOf),
      entities: entityList,
      facts: factList,
    };
    const issues = validateDataset(dataset).filter((issue) => !CURATION_ONLY_ISSUES.has(issue.code));
    if (issues.length > 0) throw new FormulaError("#VALUE!", messages.datasetIssues(issues.length, describeIssue(issues[0])));
    return { handle, model: createModel(dataset), basis: { includeRumoured } };
  };

  return {
    bundled(includeRumoured = false) {
      return bundledPair()[includeRumoured ? 1 : 0];
    },
    resolve(handle, fn, param) {
      const text = handle.trim();
      if (!isHandleText(text)) throw new FormulaError("#VALUE!", messages.badHandle(fn, param, handle));
      const [confirmed, rumoured] = bundledPair();
      if (text === confirmed.handle) return confirmed;
      if (text === rumoured.handle) return rumoured;
      const entry = cache.get(text);
      if (!entry) throw new FormulaError("#N/A", messages.handleNotLoaded(text));
      remember(entry);
      return entry;
    },
    load(factsRows, entityRows, includeRumoured) {
      const [confirmed, rumoured] = bundledPair();
      // Hashing reads the raw rows: a cache hit never copies or parses the ranges.
      const handle = handleFor(factsRows, entityRows, includeRumoured, confirmed.model.dataset.version);
      if (handle === confirmed.handle || handle === rumoured.handle) return handle;
      const cached = cache.get(handle);
      if (cached) {
        stats.hits++;
        remember(cached);
        return handle;
      }
      const facts = factsRows ? normaliseRows(factsRows) : null;
      const entities = entityRows ? normaliseRows(entityRows) : null;
      remember(build(handle, facts, entities, includeRumoured));
      return handle;
    },
    has(handle) {
      const [confirmed, rumoured] = bundledPair();
      return handle === confirmed.handle || handle === rumoured.handle || cache.has(handle);
    },
    stats,
    clear() {
      cache.clear();
    },
  };
}

function describeIssue(issue: DatasetIssue): string {
  // The model's messages already name the fact or entity.
  return issue.message;
}

let shared: ModelCache | null = null;

/** The process-wide model cache the worksheet functions use. */
export function sharedModelCache(): ModelCache {
  shared ??= createModelCache();
  return shared;
}
