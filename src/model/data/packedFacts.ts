/**
 * The bundled facts as every webpack build ships them: columns instead of one object literal per fact.
 *
 * src/model/data/facts.ts (and the files it imports) stays the hand-curated source that is edited and that the
 * tests read. For every webpack build, scripts/facts-loader.cjs evaluates it at build time,
 * packs every fact's fields into one array per field (the same keys are not repeated 300 times, and like
 * values sit together, which gzip compresses better) with each distinct source written once, checks that
 * `unpackFacts` gives back exactly the curated facts (every key, in the same order, every value), and emits a
 * module that calls `unpackFacts` on the packed data. So the bundled facts, their content hash and every
 * handle are the same whichever way they were loaded; the pane page loads about 5 KB less gzipped. (Unpacked,
 * each fact has its own source object, where the curated literals share some, e.g. ARTICLE_SOURCE; the
 * bundled dataset is frozen whole, src/model/dataset.ts, so no fact can be changed through another either way.)
 */
import type { Fact } from "../types";

/** Rows of plain objects as columns: `cols[key][i]` is row i's value; `keys[shape[i]]` lists row i's keys in order. */
export interface PackedRows {
  readonly keys: readonly (readonly string[])[];
  readonly shape: readonly number[];
  readonly cols: Readonly<Record<string, readonly unknown[]>>;
}

/** The facts as rows, with each object-valued field (the source) as an index into its own table of distinct values. */
export interface PackedFacts extends PackedRows {
  readonly tables: Readonly<Record<string, PackedRows>>;
}

/** The rows of `p`, each a new object with its keys in the recorded order; array values are fresh copies. */
function unpackRows(p: PackedRows, tables: Readonly<Record<string, readonly Record<string, unknown>[]>>): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = new Array(p.shape.length);
  for (let i = 0; i < p.shape.length; i++) {
    const row: Record<string, unknown> = {};
    for (const key of p.keys[p.shape[i]]) {
      const value = p.cols[key][i];
      const table = tables[key];
      row[key] = table !== undefined ? { ...table[value as number] } : Array.isArray(value) ? value.slice() : value;
    }
    rows[i] = row;
  }
  return rows;
}

/** The facts packed by scripts/facts-loader.cjs, as the curated objects they were packed from. */
export function unpackFacts(p: PackedFacts): Fact[] {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const [key, table] of Object.entries(p.tables)) tables[key] = unpackRows(table, {});
  return unpackRows(p, tables) as unknown as Fact[];
}
