/**
 * The model-handle cache of the functions: the bundled model and the models built by AIFIN.MODEL from
 * workbook ranges, keyed by their handles. (Not to be confused with Office's shared runtime, the one page
 * that hosts the pane and the functions: this is one object inside it.)
 *
 * A handle is `AIFIN.MODEL#` + a 64-bit hash of the content (the header, every non-blank row, the entities
 * and the basis; `CellHash64`, folded from one digest per row; the bundled handles keep their FNV-1a 64
 * form), so it is the same in every session and changes with any edit: Excel's
 * dependency graph then recalculates exactly the cells that read the edited table. A well-formed handle
 * whose model is not in memory (the workbook was reopened, the add-in restarted, the entry evicted) is
 * answered with a message saying how to rebuild it, never with numbers from another model.
 *
 * Incremental: an analyst edits one row of a 10,000-row table and MODEL is called again with the whole
 * range. The cache keeps the last few tables it read (each row's cells as Excel passed them, which nothing
 * changes afterwards, a digest and the parsed fact) and compares the new range with them cell by cell in
 * normal form: rows that did not change keep their digest and
 * their parsed (and already validated) fact; only changed rows are hashed and parsed. The handle is the
 * hash of the row digests, so it still changes exactly when the content does.
 *
 * Bounded: at most `capacity` models and `maxFacts` facts in all (the least recently used model goes
 * first), and a few table states for the diff. Views and stress results live with their model and go
 * with it (and are themselves bounded per model).
 */
import {
  CellHash64,
  createModel,
  CURATION_ONLY_CODES,
  earliestFactDate,
  entitiesFromRows,
  FACT_REQUIRED_COLUMNS,
  factsFromRows,
  Fnv1a64,
  missingColumns,
  getBundledModel,
  LruCache,
  normaliseCell,
  sameLinks,
  upperCase,
  validateDataset,
  type Basis,
  type CellDigest,
  type CellValue,
  type Dataset,
  type Entity,
  type Fact,
  type Model,
  type TableIssue,
  type ValidateOptions,
} from "../model";
import { FormulaError, messages } from "./errors";

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

/** Counters for tests and benchmarks. */
export interface ModelCacheStats {
  /** Models built (a handle not in the cache). */
  parses: number;
  /** MODEL calls answered from the cache. */
  hits: number;
  /** Models dropped to stay within the bounds. */
  evictions: number;
  /** Fact rows parsed (unchanged rows of a known table are not). */
  rowsParsed: number;
  /** Fact rows reused from an earlier read of the table. */
  rowsReused: number;
}

/** Where a range sits in the workbook, from the address Excel passes (`Facts!A1:T200`). */
export interface RangePlace {
  /** Sheet name, or null when the address has none. */
  readonly sheet: string | null;
  /** Sheet row (1-based) of the range's first row. */
  readonly firstRow: number;
}

/** The model-handle cache: bundled model, workbook models by handle, and counters. */
export interface ModelCache {
  /** The bundled model under the confirmed basis, or with rumoured facts counted. */
  bundled(includeRumoured?: boolean): LoadedModel;
  /** The loaded model a handle stands for; throws #VALUE! for malformed text, #N/A when not in memory. */
  resolve(handle: string, fn: string, param: string): LoadedModel;
  /**
   * Builds (or finds) the model for ranges read from the workbook and returns its handle. Omitted range =
   * bundled. `places` (from the ranges' addresses) lets problems name the sheet row; without them rows are
   * counted from the range's first row. The cache keeps the row arrays it is given (Excel passes new ones on
   * every call): a caller must not write into them afterwards except to pass them again.
   */
  load(facts: RangeRows | null, entities: RangeRows | null, basis: boolean | Basis, places?: { facts?: RangePlace | null; entities?: RangePlace | null }): string;
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
  /** How many facts all cached workbook models may hold together (the memory bound). */
  maxFacts?: number;
}

/** The handle prefix; the namespace makes the text recognisable in a cell. */
export const HANDLE_PREFIX = "AIFIN.MODEL#";
const HANDLE_PATTERN = /^AIFIN\.MODEL#[0-9a-f]{16}$/;
/** Bumped whenever the meaning of the hashed content changes, so old handles cannot alias new models. */
const CONTENT_VERSION = "aifin-model-content-4";
/** Dataset rules that keep the bundled data curated but do not make a workbook model's numbers wrong (model). */
const CURATION_ONLY_ISSUES: ReadonlySet<string> = CURATION_ONLY_CODES;
/** Large enough for a workbook with many scenario tables; each entry holds one parsed model. */
export const DEFAULT_CAPACITY = 32;
/**
 * Facts all cached workbook models may hold together: about 250 MB at worst (ten 25,000-row tables, or
 * two and a half 100,000-row ones). The model being built is always kept, whatever its size.
 */
export const DEFAULT_MAX_FACTS = 250_000;
/** Table reads kept for the row-by-row comparison (a workbook rarely has more MODEL tables than this). */
const TABLE_STATES = 4;

/** True when `text` has the form of a model handle. */
export function isHandleText(text: string): boolean {
  return HANDLE_PATTERN.test(text);
}

/**
 * One cell in normal form, with Excel's error values (passed to MODEL as `CustomFunctions.Error` objects
 * when the metadata allows errors) as their error text ("#N/A"), which the table reader reports with the
 * cell's location when the cell is in a column AIFIN reads.
 */
export function cellOf(value: unknown): RangeCell {
  // The common cells first, without a call (a 10,000-row range has 260,000): texts, numbers (-0 as 0), empty.
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number") return value === 0 ? 0 : value;
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value;
  if (typeof value === "object" && !Array.isArray(value)) {
    const code = (value as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return code;
  }
  return normaliseCell(value);
}

function isBlank(row: readonly unknown[]): boolean {
  for (let k = 0; k < row.length; k++) if (cellOf(row[k]) !== null) return false;
  return true;
}

/**
 * Whether a cell from Excel that is not its own normal form still reads exactly as that form does: text, a
 * boolean, or empty (null, undefined or "", which every table reader takes for blank). Numbers never get
 * here (`readRow` settles them: only -0 reads differently).
 */
function readsAsIs(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
    case "undefined":
      return true;
    default:
      return value === null;
  }
}

/** One hasher for every row (reset per row): a 10,000-row read makes no hasher object per row. */
const rowHasher = new CellHash64();

/**
 * One row from Excel with its digest, in one pass; null when every cell is empty. The digest feeds each
 * cell's kind and content in normal form (a text's length first), so distinct rows differ in it. The row
 * keeps the array Excel passed (each call passes new arrays, which nothing changes afterwards) unless a
 * cell would read differently from its normal form (an error value, -0): then it keeps a normalised copy.
 * A 10,000-row table is then not copied a second time.
 */
function readRow(raw: readonly unknown[]): RowRead | null {
  let blank = true;
  let asIs = true;
  for (let k = 0; k < raw.length; k++) {
    const v = raw[k];
    // A non-empty text or a number other than zero: itself in normal form.
    if (typeof v === "string" ? v !== "" : typeof v === "number" && v !== 0) {
      blank = false;
      continue;
    }
    const cell = cellOf(v);
    if (cell !== null) blank = false;
    // (-0 === 0: a zero is looked at on its own.)
    if (cell !== v ? !readsAsIs(v) : v === 0 && 1 / v < 0) asIs = false;
  }
  if (blank) return null;
  const hasher = rowHasher.reset().cells(raw, cellOf);
  return { cells: asIs ? raw : raw.map(cellOf), hi: hasher.high(), lo: hasher.low(), fact: null, checked: false };
}

/** The digest of a row already in normal form. */
function digestRow(cells: readonly RangeCell[]): CellDigest {
  const hasher = new CellHash64();
  for (const cell of cells) hasher.cell(cell);
  return hasher.result();
}

/**
 * Whether a row from Excel holds the same cells, in normal form, as a row read before. The very array that
 * read kept is checked by its digest: a caller that passes it again may have written into it since (Excel
 * passes new arrays on every call; a script reusing its own would otherwise get the earlier facts).
 */
function sameRow(raw: readonly unknown[], before: RowRead): boolean {
  const cells = before.cells;
  if (raw === cells) {
    const now = rowHasher.reset().cells(raw, cellOf);
    return now.high() === before.hi && now.low() === before.lo;
  }
  if (raw.length !== cells.length) return false;
  for (let k = 0; k < cells.length; k++) {
    const v = raw[k];
    const c = cells[k];
    if (v !== c && cellOf(v) !== cellOf(c)) return false;
  }
  return true;
}

/** One non-blank data row as read: its cells, digest (`hi`, `lo`) and (once parsed) fact. */
interface RowRead extends CellDigest {
  /** The cells as Excel passed them, or in normal form where one would read differently (see `readRow`). */
  readonly cells: readonly unknown[];
  fact: Fact | null;
  /** The fact passed its own checks (shape, units, kind rules) in a model built before. */
  checked: boolean;
}

/** A dataset built from a table read that passed validation: what the next read of the table is compared with. */
interface ValidRead {
  readonly facts: readonly Fact[];
  readonly entities: readonly Entity[];
  readonly asOf: string;
}

/** A facts table as last read: the header and every non-blank data row in order. */
interface TableState {
  readonly headerDigest: string;
  readonly rows: RowRead[];
  byDigest: RowPool | null;
  /** Set once a model built from this read passed validation. */
  valid: ValidRead | null;
}

/** The facts of a read, in order, with what validation needs to know about them. */
interface ParsedFacts {
  readonly facts: Fact[];
  /** Facts not yet checked on their own ("all": none was). */
  readonly unchecked: ReadonlySet<Fact> | "all";
  /** The table's last valid read when the links are unchanged from it. */
  readonly linkedAs: ValidRead | null;
  readonly rows: readonly RowRead[];
}

/** A facts range read against the states of earlier reads. */
interface FactsRead {
  readonly header: RangeCell[];
  readonly headerDigest: string;
  readonly headerIndex: number;
  readonly rows: RowRead[];
  /** For each row, its index in the range (0 = the range's first row). */
  readonly rangeIndex: number[];
  readonly reused: number;
  /** The row pool to hand on to this read's state (the earlier state's, with this read's new rows). */
  readonly pool: RowPool | null;
  /** The earlier read this one was compared with, if any. */
  readonly prev: TableState | null;
}

/**
 * Rows read before, by digest, for rows that moved (sorted, cut and pasted): one map shared by the reads of
 * a table and grown with each read's new rows, so an edit does not rebuild it. An entry whose row has left
 * the table is harmless (its cells are compared before its fact is reused); the map is rebuilt when it holds
 * more than twice the table. Keyed by the digest's `hi` half, a small integer to V8 (a 53-bit key is a boxed
 * number per row): of two rows whose halves collide (about one 10,000-row table in a hundred has a pair) the
 * later stays, and the other, if it moves, is parsed again; nothing else changes.
 */
type RowPool = Map<number, RowRead>;

function poolOf(state: TableState): RowPool {
  if (state.byDigest === null || state.byDigest.size > 2 * state.rows.length + 1024) {
    state.byDigest = new Map();
    for (let i = 0; i < state.rows.length; i++) state.byDigest.set(state.rows[i].hi, state.rows[i]);
  }
  return state.byDigest;
}

/** The earlier row with these cells (same digest, then compared cell by cell), if any. */
function knownRow(pool: RowPool, row: RowRead): RowRead | undefined {
  const r = pool.get(row.hi);
  return r !== undefined && r.hi === row.hi && r.lo === row.lo && sameRow(row.cells, r) ? r : undefined;
}

function readFactsRange(raw: RangeRows, states: readonly TableState[]): FactsRead {
  let headerIndex = 0;
  while (headerIndex < raw.length && isBlank(raw[headerIndex])) headerIndex++;
  // Built by push, not map(): map's result is not always of the same elements kind, and the table reader
  // compiled for one was thrown away on the other.
  const header: RangeCell[] = [];
  if (headerIndex < raw.length) for (let k = 0; k < raw[headerIndex].length; k++) header.push(cellOf(raw[headerIndex][k]));
  const headerDigest = new CellHash64().digest(digestRow(header)).hex();
  // Compare with the earlier read of a table with this header whose size is closest.
  let prev: TableState | null = null;
  for (const s of states) {
    if (s.headerDigest !== headerDigest) continue;
    if (!prev || Math.abs(s.rows.length - raw.length) < Math.abs(prev.rows.length - raw.length)) prev = s;
  }
  // Sized for every row of the range and cut to the rows read: a 10,000-row read makes no growing copies.
  const most = Math.max(0, raw.length - headerIndex - 1);
  const rows: RowRead[] = new Array(most);
  const rangeIndex: number[] = new Array(most);
  let count = 0;
  if (prev === null) {
    // A table not seen before: every non-blank row is new. (A loop of its own: the comparing loop below,
    // compiled for first reads only, would be thrown away at the next read of the same table.)
    for (let i = headerIndex + 1; i < raw.length; i++) {
      const read = readRow(raw[i]);
      if (read === null) continue;
      rows[count] = read;
      rangeIndex[count++] = i;
    }
    rows.length = count;
    rangeIndex.length = count;
    return { header, headerDigest, headerIndex, rows, rangeIndex, reused: 0, pool: null, prev };
  }
  const prevRows = prev.rows;
  let reused = 0;
  let j = 0;
  let pool: RowPool | null = prev.byDigest;
  const fresh: RowRead[] = [];
  for (let i = headerIndex + 1; i < raw.length; i++) {
    const row = raw[i];
    let read: RowRead | undefined;
    if (j < prevRows.length && sameRow(row, prevRows[j])) read = prevRows[j++];
    else if (j + 1 < prevRows.length && sameRow(row, prevRows[j + 1])) {
      // The row before was deleted.
      read = prevRows[j + 1];
      j += 2;
    } else {
      const cellsRead = readRow(row);
      if (cellsRead === null) continue;
      // A row that moved keeps its parsed fact, found in the pool of earlier rows. A row changed in place (the
      // next row is the one that followed it) looks there only if the pool exists already: building it, a map
      // of every row, would be most of the cost of the common edit, one cell of one row (parsing one row again
      // if it was in fact moved there gives the same fact).
      const next = raw[i + 1];
      const inPlace = next !== undefined && j + 1 < prevRows.length && sameRow(next, prevRows[j + 1]);
      if (!inPlace || prev.byDigest !== null) {
        pool = poolOf(prev);
        read = knownRow(pool, cellsRead);
      }
      if (read === undefined) {
        read = cellsRead;
        // New rows join the earlier read's pool.
        fresh.push(read);
      }
      // An edited row takes the place of the old one; an inserted row does not.
      if (!(j < prevRows.length && next !== undefined && sameRow(next, prevRows[j]))) j++;
    }
    if (read.fact !== null) reused++;
    rows[count] = read;
    rangeIndex[count++] = i;
  }
  if (pool !== null) for (let i = 0; i < fresh.length; i++) pool.set(fresh[i].hi, fresh[i]);
  rows.length = count;
  rangeIndex.length = count;
  return { header, headerDigest, headerIndex, rows, rangeIndex, reused, pool, prev };
}

/** The digest of a small range read in full (the entities), blank rows left out. */
function digestRange(raw: RangeRows): { rows: (readonly unknown[])[]; rangeIndex: number[]; digest: string } {
  const rows: (readonly unknown[])[] = [];
  const rangeIndex: number[] = [];
  const hasher = new CellHash64();
  raw.forEach((row, i) => {
    const read = readRow(row);
    if (read === null) return;
    rows.push(read.cells);
    rangeIndex.push(i);
    hasher.digest(read);
  });
  return { rows, rangeIndex, digest: hasher.hex() };
}

/**
 * The basis in a handle: "r0" / "r1" for the rumour flag (the form handles always had), then "e0" when
 * estimates are left out and "p:<provenance>" for a minimum provenance.
 */
function basisTag(basis: Basis): string {
  return `${basis.includeRumoured ? "r1" : "r0"}${basis.includeEstimates === false ? "e0" : ""}${basis.minProvenance ? `p:${basis.minProvenance}` : ""}`;
}

/** The basis a MODEL call asks for: a rumour flag alone, or a whole basis. */
function basisOf(basis: boolean | Basis): Basis {
  if (typeof basis === "boolean") return { includeRumoured: basis };
  const out: Basis = { includeRumoured: basis.includeRumoured };
  if (basis.includeEstimates === false) out.includeEstimates = false;
  if (basis.minProvenance !== undefined) out.minProvenance = basis.minProvenance;
  return out;
}

/** Whether a basis is one of the two the bundled handles stand for (rumours in or out, nothing else). */
const isPlainBasis = (basis: Basis): boolean => basis.includeEstimates !== false && basis.minProvenance === undefined;

/** The handle of the parts: basis, entities (digest or bundled version) and facts (header, rows). */
function handleOf(basis: Basis, entities: string, facts: { headerDigest: string; rows: readonly CellDigest[] } | string): string {
  const hasher = new CellHash64().text(CONTENT_VERSION).text(basisTag(basis));
  hasher.text("entities:").text(entities);
  hasher.text("facts:");
  if (typeof facts === "string") hasher.text(facts);
  else {
    hasher.text(facts.headerDigest).unit(facts.rows.length);
    for (let i = 0; i < facts.rows.length; i++) hasher.digest(facts.rows[i]);
  }
  return HANDLE_PREFIX + hasher.hex();
}

const bundledTag = (version: string): string => `bundled:${version}`;

/**
 * The handle of the bundled model. It keeps the form it had before handles were built from row digests,
 * so `=AIFIN.MODEL()` in a saved workbook still names the same model after an update of the add-in.
 */
function bundledHandle(includeRumoured: boolean, version: string): string {
  const hasher = new Fnv1a64().update("aifin-model-content-2").update(includeRumoured ? "r1" : "r0");
  hasher.update(`\u0002facts:bundled:${version}`).update(`\u0002entities:bundled:${version}`);
  return HANDLE_PREFIX + hasher.digest();
}

/**
 * The handle for a model's content: both ranges (blank rows ignored; an omitted range stands for the
 * bundled table of `bundledVersion`) and the rumour flag. The same as `load` returns; for tests.
 */
export function handleFor(facts: RangeRows | null, entities: RangeRows | null, includeRumoured: boolean | Basis, bundledVersion: string): string {
  const basis = basisOf(includeRumoured);
  if (facts === null && entities === null && isPlainBasis(basis)) return bundledHandle(basis.includeRumoured, bundledVersion);
  const entityPart = entities === null ? bundledTag(bundledVersion) : digestRange(entities).digest;
  return handleOf(basis, entityPart, facts === null ? bundledTag(bundledVersion) : readFactsRange(facts, []));
}

/** "A1:T200", "Facts!A1:T200" or "'My facts'!$A$1:$T$200" → sheet and first row; null when unreadable. */
export function rangePlace(address: string | null | undefined): RangePlace | null {
  if (typeof address !== "string") return null;
  const bang = address.lastIndexOf("!");
  const sheetPart = bang >= 0 ? address.slice(0, bang) : null;
  const cells = bang >= 0 ? address.slice(bang + 1) : address;
  const match = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(cells);
  if (!match) return null;
  const sheet = sheetPart === null ? null : sheetPart.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return { sheet, firstRow: Number(match[1]) };
}

/** Where a row of a range is, for messages: the sheet row when the address is known. */
function rowLabel(rangeIndex: number, place: RangePlace | null | undefined): string {
  if (!place) return `row ${rangeIndex + 1} of the range`;
  const row = place.firstRow + rangeIndex;
  return place.sheet ? `sheet ${place.sheet}, row ${row}` : `row ${row}`;
}

function tableError(table: "facts" | "entities", issues: readonly TableIssue[], where: (issue: TableIssue) => string): FormulaError {
  const first = issues[0];
  return new FormulaError("#VALUE!", messages.tableIssues(table, issues.length, { where: where(first), column: first.column, message: first.message }));
}

/** Creates a model cache. The add-in uses the one `sharedModelCache`; tests create their own. */
export function createModelCache(options: ModelCacheOptions = {}): ModelCache {
  const supplyBundled = options.bundledModel ?? getBundledModel;
  const capacity = Math.max(1, options.capacity ?? DEFAULT_CAPACITY);
  const maxFacts = Math.max(1, options.maxFacts ?? DEFAULT_MAX_FACTS);
  const cache = new Map<string, LoadedModel>();
  let cachedFacts = 0;
  const stats: ModelCacheStats = { parses: 0, hits: 0, evictions: 0, rowsParsed: 0, rowsReused: 0 };
  let bundledEntries: [LoadedModel, LoadedModel] | null = null;
  let states: TableState[] = [];
  const entityTables = new LruCache<string, Entity[]>(8);

  const bundledPair = (): [LoadedModel, LoadedModel] => {
    if (!bundledEntries) {
      const model = supplyBundled();
      const version = model.dataset.version;
      bundledEntries = [
        { handle: bundledHandle(false, version), model, basis: { includeRumoured: false } },
        { handle: bundledHandle(true, version), model, basis: { includeRumoured: true } },
      ];
    }
    return bundledEntries;
  };

  const weight = (entry: LoadedModel): number => entry.model.dataset.facts.length;

  /** The entry remembered last (the most recently used): resolving its handle again changes no order. */
  let newest: LoadedModel | null = null;

  const remember = (entry: LoadedModel): void => {
    newest = entry;
    if (cache.delete(entry.handle)) cachedFacts -= weight(entry);
    cache.set(entry.handle, entry);
    cachedFacts += weight(entry);
    // Drop the least recently used until within both bounds; the newest entry always stays.
    while (cache.size > 1 && (cache.size > capacity || cachedFacts > maxFacts)) {
      const oldest = cache.keys().next().value as string;
      cachedFacts -= weight(cache.get(oldest) as LoadedModel);
      cache.delete(oldest);
      stats.evictions++;
    }
  };

  const keepState = (read: FactsRead): TableState => {
    const state: TableState = { headerDigest: read.headerDigest, rows: read.rows, byDigest: read.pool, valid: null };
    states = [state, ...states.filter((s) => s.rows !== read.rows)].slice(0, TABLE_STATES);
    return state;
  };

  const readEntities = (raw: RangeRows, place: RangePlace | null | undefined): { digest: string; parse: () => Entity[] } => {
    const { rows, rangeIndex, digest } = digestRange(raw);
    return {
      digest,
      parse: () =>
        entityTables.getOrCreate(digest, () => {
          const parsed = entitiesFromRows(rows);
          if (parsed.issues.length > 0) {
            throw tableError("entities", parsed.issues, (issue) => rowLabel(issue.row - 1 < rangeIndex.length ? rangeIndex[issue.row - 1] : 0, place));
          }
          return parsed.entities;
        }),
    };
  };

  /**
   * Parses the rows not parsed before; throws the first problem with its location. The facts come with the
   * ones not yet checked on their own, and the earlier valid read when the links are unchanged (then the ids
   * are known to be unique and validation checks only the changed facts).
   */
  const parseFacts = (read: FactsRead, place: RangePlace | null | undefined): ParsedFacts => {
    // The rows to parse, after the header (on a first read, every row). The table is grown from a literal,
    // not made at its size: `new Array(n)` gives a first read's table and an edit's different elements kinds,
    // and the reader compiled for one was thrown away on the other.
    const pending: number[] = [];
    const table: (readonly unknown[])[] = [read.header];
    for (let k = 0; k < read.rows.length; k++) {
      if (read.rows[k].fact !== null) continue;
      pending.push(k);
      table.push(read.rows[k].cells);
    }
    stats.rowsParsed += pending.length;
    stats.rowsReused += read.rows.length - pending.length;
    // The header is read every time (cheap): it maps the columns and reports missing ones.
    const missing = missingColumns(read.header, FACT_REQUIRED_COLUMNS);
    if (missing.length > 0) {
      const issues = missing.map((c) => ({ row: 1, column: c, message: `missing column "${c}": without it AIFIN would read every fact's ${c} as empty` }));
      throw tableError("facts", issues, () => rowLabel(read.headerIndex, place));
    }
    // Ids are checked across the whole table below, the same whether every row or one row was parsed.
    const parsed = factsFromRows(table, { uniqueIds: false });
    if (parsed.issues.length > 0) {
      throw tableError("facts", parsed.issues, (issue) =>
        rowLabel(issue.row <= 1 ? read.headerIndex : read.rangeIndex[pending[issue.row - 2]], place),
      );
    }
    for (let n = 0; n < pending.length; n++) read.rows[pending[n]].fact = parsed.facts[n];
    const facts: Fact[] = new Array(read.rows.length);
    let uncheckedCount = 0;
    for (let k = 0; k < read.rows.length; k++) {
      const row = read.rows[k];
      facts[k] = row.fact as Fact;
      if (!row.checked) uncheckedCount++;
    }
    // A first read checks every fact: no set of them all.
    let unchecked: Set<Fact> | "all" = "all";
    if (uncheckedCount < facts.length) {
      unchecked = new Set();
      for (const row of read.rows) if (!row.checked) unchecked.add(row.fact as Fact);
    }
    const valid = read.prev?.valid ?? null;
    if (valid !== null && sameLinks(valid.facts, facts)) return { facts, unchecked, linkedAs: valid, rows: read.rows };
    // Ids are unique whatever their case: "c002" beside "C002" would count one deal twice.
    const seen = new Set<string>();
    for (let k = 0; k < read.rows.length; k++) {
      const fact = facts[k];
      const key = upperCase(fact.id);
      // One look-up per fact: a repeated id leaves the set's size as it was; then find its first row.
      const size = seen.size;
      seen.add(key);
      if (seen.size === size) {
        let first = 0;
        while (upperCase(facts[first].id) !== key) first++;
        const other = facts[first].id;
        throw tableError("facts", [{ row: 0, column: "id", message: `duplicate id "${fact.id}" (also on ${rowLabel(read.rangeIndex[first], place)} as "${other}"): ids must differ by more than case` }], () =>
          rowLabel(read.rangeIndex[k], place),
        );
      }
    }
    return { facts, unchecked, linkedAs: null, rows: read.rows };
  };

  const build = (
    handle: string,
    facts: (() => ParsedFacts) | null,
    entities: (() => Entity[]) | null,
    basis: Basis,
    factRow: (factId: string) => string | null,
    state: TableState | null,
  ): LoadedModel => {
    stats.parses++;
    const bundled = bundledPair()[0].model.dataset;
    const parsed = facts ? facts() : null;
    const factList = parsed ? parsed.facts : bundled.facts;
    const entityList = entities ? entities() : bundled.entities;
    let latest = "";
    for (let i = 0; i < factList.length; i++) if (factList[i].date > latest) latest = factList[i].date;
    const dataset: Dataset = { version: handle, asOf: latest || bundled.asOf, entities: entityList, facts: factList };
    // Facts of an earlier model (unchanged rows) passed their own checks then: only the cross-fact checks
    // rerun, and not even those when the links are those of the table's last valid read.
    const unchecked = parsed?.unchecked ?? "all";
    const options: ValidateOptions =
      parsed && unchecked !== "all"
        ? { checked: { has: (fact) => !unchecked.has(fact) }, ...(parsed.linkedAs ? { linkedAs: parsed.linkedAs } : {}) }
        : {};
    const issues = validateDataset(dataset, options).filter((issue) => !CURATION_ONLY_ISSUES.has(issue.code));
    if (issues.length > 0) {
      const first = issues[0];
      const where = first.factId ? factRow(first.factId) : null;
      throw new FormulaError("#VALUE!", messages.datasetIssues(issues.length, where ? `${where}: ${first.message}` : first.message));
    }
    if (parsed) for (let i = 0; i < parsed.rows.length; i++) parsed.rows[i].checked = true;
    if (state) state.valid = { facts: factList, entities: entityList, asOf: dataset.asOf };
    return { handle, model: createModel(dataset), basis };
  };

  return {
    bundled(includeRumoured = false) {
      return bundledPair()[includeRumoured ? 1 : 0];
    },
    resolve(handle, fn, param) {
      // A sheet's formulas name the same handle thousands of times in a row: one comparison answers them.
      if (newest !== null && handle === newest.handle) return newest;
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
    load(factsRows, entityRows, basisIn, places) {
      const basis = basisOf(basisIn);
      const [confirmed, rumoured] = bundledPair();
      const tag = bundledTag(confirmed.model.dataset.version);
      const entityRead = entityRows ? readEntities(entityRows, places?.entities) : null;
      const factsRead = factsRows ? readFactsRange(factsRows, states) : null;
      const state = factsRead ? keepState(factsRead) : null;
      if (!entityRead && !factsRead && isPlainBasis(basis)) return (basis.includeRumoured ? rumoured : confirmed).handle;
      const handle = handleOf(basis, entityRead ? entityRead.digest : tag, factsRead ?? tag);
      const cached = cache.get(handle);
      if (cached) {
        stats.hits++;
        remember(cached);
        // The content passed validation when the model was built: the next edit can be checked against it.
        if (state && factsRead) {
          const { facts, entities, asOf } = cached.model.dataset;
          state.valid = { facts, entities, asOf };
        }
        return handle;
      }
      const factRow = (factId: string): string | null => {
        if (!factsRead) return null;
        const k = factsRead.rows.findIndex((r) => r.fact?.id === factId);
        return k < 0 ? null : `fact ${factId} on ${rowLabel(factsRead.rangeIndex[k], places?.facts)}`;
      };
      remember(
        build(
          handle,
          factsRead ? () => parseFacts(factsRead, places?.facts) : null,
          entityRead ? entityRead.parse : null,
          basis,
          factRow,
          state,
        ),
      );
      return handle;
    },
    has(handle) {
      const [confirmed, rumoured] = bundledPair();
      return handle === confirmed.handle || handle === rumoured.handle || cache.has(handle);
    },
    stats,
    clear() {
      newest = null;
      cache.clear();
      cachedFacts = 0;
      states = [];
      entityTables.clear();
    },
  };
}

/** The first date of a model's data, per model (a view before it has no facts to show). */
const earliest = new WeakMap<Model, string | null>();

/** The model's earliest fact date, or null when it has no facts. */
export function firstDataDate(model: Model): string | null {
  let date = earliest.get(model);
  if (date === undefined) {
    date = earliestFactDate(model.dataset.facts);
    earliest.set(model, date);
  }
  return date;
}

let shared: ModelCache | null = null;

/** The process-wide model cache the worksheet functions use. */
export function sharedModelCache(): ModelCache {
  shared ??= createModelCache();
  return shared;
}
