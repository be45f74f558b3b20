/**
 * "Refresh data" as a pure merge: the table as it is in the workbook, the hash of every row as AIFIN last
 * wrote it (the baseline), and the newer bundled rows go in; the rows to write back and the new baseline
 * come out. The rule that protects the analyst's work:
 *
 * - a row whose id AIFIN never wrote (or with no id) was added by the analyst: kept as it is;
 * - a row whose content no longer hashes to its baseline was edited by the analyst: kept as it is;
 * - a row AIFIN wrote and nobody touched: replaced by the newer bundled values (or dropped when the
 *   bundle no longer has it);
 * - an id in the baseline that is no longer in the table was deleted by the analyst: not brought back;
 * - a bundled fact AIFIN never wrote: appended.
 *
 * Columns are matched by header name, so columns the analyst added to the table (notes, flags) keep their
 * values and never count as edits.
 */
import { fnv1a32Feed, FNV1A32_OFFSET_BASIS, FNV1A32_PRIME, normaliseCell } from "../model";

/** A cell as written to or read from a table (formulas arrive as text starting with "="). */
export type TableCell = string | number | boolean | null;

/**
 * The comparison token of a cell. Excel hands back what it stored, not always what was written: an empty
 * cell reads as "", a boolean may read as "TRUE", a number typed into a text column reads as text. Those
 * differences are not edits, so they share one token.
 */
export function cellToken(value: unknown): string {
  const cell = normaliseCell(value);
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = cell;
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper;
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return String(Number(text));
  return text;
}

/**
 * Hashes the cells of `columns` in a row (columns found by header name) to 16 hex digits: two FNV-1a
 * 32-bit runs with different offset bases, so an accidental match needs both to collide. Each column
 * name and cell token is fed in turn, with separators, rather than joined into one long string first.
 *
 * @example rowHash(["id", "amount"], ["id", "amount"], ["C002", 50]) === rowHash(["id", "amount"], ["amount", "id"], [50, "C002"]) // true
 */
export function rowHash(columns: readonly string[], header: readonly unknown[], row: readonly unknown[]): string {
  return hashAt(columns.map((c) => headerIndex(header).get(c) ?? -1), columns, row);
}

/** rowHash with the column positions already looked up (one header lookup per table, not per row). */
function hashAt(positions: readonly number[], columns: readonly string[], row: readonly unknown[]): string {
  let a = FNV1A32_OFFSET_BASIS;
  let b = (FNV1A32_PRIME ^ 0x5bd1e995) | 0;
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k];
    const token = cellToken(row[positions[k]]);
    a = fnv1a32Feed(fnv1a32Feed(fnv1a32Feed(a, c), "\u001e"), token);
    b = fnv1a32Feed(fnv1a32Feed(fnv1a32Feed(b, c), "\u001e"), token);
    a = fnv1a32Feed(a, "\u001f");
    b = fnv1a32Feed(b, "\u001f");
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** Header name → column index (first occurrence; names trimmed). */
function headerIndex(header: readonly unknown[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const name = String(h ?? "").trim();
    if (name !== "" && !index.has(name)) index.set(name, i);
  });
  return index;
}

/** Hashes of bundled rows as AIFIN writes them, keyed by id: the baseline of a fresh build. */
export function baselineOf(columns: readonly string[], idColumn: string, rows: readonly (readonly TableCell[])[]): Record<string, string> {
  const idAt = columns.indexOf(idColumn);
  const own = columns.map((_, k) => k);
  const baseline: Record<string, string> = {};
  for (const row of rows) {
    const id = cellToken(row[idAt]);
    if (id !== "" && !(id in baseline)) baseline[id] = hashAt(own, columns, row);
  }
  return baseline;
}

/** Inputs of a merge. */
export interface MergeInput {
  /** The bundled layout (FACT_COLUMNS / ENTITY_COLUMNS). */
  columns: readonly string[];
  /** Header of the id column ("id"). */
  idColumn: string;
  /** The table as read from the workbook: its header row and body rows. */
  current: { header: readonly unknown[]; rows: readonly (readonly unknown[])[] };
  /** id → hash of the row as AIFIN last wrote it. */
  baseline: Readonly<Record<string, string>>;
  /** Newer bundled rows in `columns` layout. */
  incoming: readonly (readonly TableCell[])[];
}

/** What a merge did, row by row. */
export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  keptEdited: number;
  keptAdded: number;
  /** Untouched rows dropped because the bundle no longer has them. */
  removed: number;
  /** Ids the analyst deleted from the table: left out, not brought back. */
  keptDeleted: number;
}

/** The merged table. */
export interface MergeResult {
  ok: true;
  /** Body rows in the layout of `current.header` (extra analyst columns included), as the table will read afterwards. */
  rows: TableCell[][];
  /** The baseline once the rows that leave are deleted. */
  baseline: Record<string, string>;
  /**
   * How to get there without moving anything: rows rewritten in place (index into current.rows, new row),
   * rows deleted as rows (indexes, ascending; Excel then re-points or #REFs what refers to them), rows
   * appended. Every other row, blank rows included, stays exactly where and as it is.
   */
  updates: Array<{ index: number; row: TableCell[] }>;
  deletes: number[];
  appends: TableCell[][];
  /** id → hash of the rows being deleted, kept in the record until the deletes are confirmed. */
  leaving: Record<string, string>;
  counts: MergeCounts;
  /** Ids of the rows kept because the analyst edited them (for the message). */
  editedIds: string[];
}

/** A table the merge cannot safely write back to. */
export interface MergeRefusal {
  ok: false;
  /** The bundled columns the table no longer has. */
  missing: string[];
}

/** Reads a cell from the workbook as a table cell (anything else becomes text). */
function asCell(value: unknown): TableCell {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * Merges newer bundled rows into a table the analyst may have edited; see the module comment for the
 * rule. Never throws; refuses (ok: false) when a bundled column is missing from the table, since writing
 * would then lose data either way.
 *
 * @example
 * mergeRows({ columns: ["id", "amount"], idColumn: "id",
 *   current: { header: ["id", "amount"], rows: [["A", 5], ["B", 7]] },
 *   baseline: baselineOf(["id", "amount"], "id", [["A", 5], ["B", 6]]),
 *   incoming: [["A", 8], ["B", 9], ["C", 1]] })
 * // rows [["A", 8], ["B", 7], ["C", 1]]: A updated, B kept (edited), C added
 */
export function mergeRows(input: MergeInput): MergeResult | MergeRefusal {
  const { columns, idColumn, current, baseline, incoming } = input;
  const index = headerIndex(current.header);
  const missing = columns.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return { ok: false, missing };
  }
  const width = current.header.length;
  const idAt = index.get(idColumn) ?? -1;
  const positions = columns.map((c) => index.get(c) as number);
  const own = columns.map((_, k) => k);
  const incomingIdAt = columns.indexOf(idColumn);
  const incomingById = new Map<string, readonly TableCell[]>();
  for (const row of incoming) {
    const id = cellToken(row[incomingIdAt]);
    if (id !== "" && !incomingById.has(id)) incomingById.set(id, row);
  }
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, keptEdited: 0, keptAdded: 0, removed: 0, keptDeleted: 0 };
  const nextBaseline: Record<string, string> = {};
  const editedIds: string[] = [];
  const seen = new Set<string>();
  const rows: TableCell[][] = [];
  const updates: MergeResult["updates"] = [];
  const deletes: number[] = [];
  const leaving: Record<string, string> = {};

  for (const [rowIndex, raw] of current.rows.entries()) {
    const row = Array.from({ length: width }, (_, i) => asCell(raw[i]));
    if (row.every((v) => cellToken(v) === "")) {
      rows.push(row); // a blank row (the analyst's, or the one an emptied Excel table keeps) stays where it is
      continue;
    }
    const id = cellToken(row[idAt]);
    const base = id === "" ? undefined : baseline[id];
    if (id === "" || seen.has(id) || base === undefined) {
      // The analyst's own row (no id, a second copy of an id, or an id AIFIN never wrote).
      if (id !== "") seen.add(id);
      counts.keptAdded++;
      rows.push(row);
      continue;
    }
    seen.add(id);
    if (hashAt(positions, columns, row) !== base) {
      counts.keptEdited++;
      editedIds.push(id);
      nextBaseline[id] = base; // still differs from what AIFIN wrote: stays "edited" on the next refresh
      rows.push(row);
      continue;
    }
    const newer = incomingById.get(id);
    if (!newer) {
      counts.removed++;
      deletes.push(rowIndex);
      leaving[id] = base;
      continue;
    }
    const merged = [...row];
    columns.forEach((c, k) => {
      merged[index.get(c) as number] = newer[k] ?? null;
    });
    const newHash = hashAt(own, columns, newer);
    if (newHash === base) counts.unchanged++;
    else counts.updated++;
    if (columns.some((_, k) => cellToken(row[positions[k]]) !== cellToken(merged[positions[k]]))) updates.push({ index: rowIndex, row: merged });
    nextBaseline[id] = newHash;
    rows.push(merged);
  }
  const appends: TableCell[][] = [];

  for (const [id, hash] of Object.entries(baseline)) {
    if (!seen.has(id)) {
      nextBaseline[id] = hash;
      counts.keptDeleted++;
    }
  }

  for (const [id, newer] of incomingById) {
    if (seen.has(id) || id in baseline) continue;
    const row = Array<TableCell>(width).fill(null);
    columns.forEach((c, k) => {
      row[index.get(c) as number] = newer[k] ?? null;
    });
    nextBaseline[id] = hashAt(own, columns, newer);
    counts.added++;
    rows.push(row);
    appends.push(row);
  }
  return { ok: true, rows, baseline: nextBaseline, counts, editedIds, updates, deletes, appends, leaving };
}

/**
 * Says what a refresh did in one sentence per kind of change, for the pane.
 *
 * @example describeMerge({ added: 2, updated: 1, unchanged: 40, keptEdited: 1, keptAdded: 0, removed: 0, keptDeleted: 0 }, "facts")
 * // "2 new facts added, 1 updated from the newer data, 1 you edited kept as you left it, 40 unchanged."
 */
export function describeMerge(c: MergeCounts, noun: string): string {
  const parts: string[] = [];
  if (c.added) parts.push(`${c.added} new ${noun} added`);
  if (c.updated) parts.push(`${c.updated} updated from the newer data`);
  if (c.keptEdited) parts.push(`${c.keptEdited} you edited kept as you left ${c.keptEdited === 1 ? "it" : "them"}`);
  if (c.keptAdded) parts.push(`${c.keptAdded} you added kept`);
  if (c.removed) parts.push(`${c.removed} no longer in the data removed`);
  if (c.keptDeleted) parts.push(`${c.keptDeleted} you deleted left out`);
  if (c.unchanged) parts.push(`${c.unchanged} unchanged`);
  if (parts.length === 0) return `No ${noun} to refresh.`;
  return `${parts.join(", ").replace(/^./, (ch) => ch.toUpperCase())}.`;
}
