/**
 * Spreadsheet cells as every layer receives them. Excel hands back what it stored, which is not always
 * what was written (an empty cell reads as "" or null, a date as a serial, -0 as 0); this is the one
 * normal form the functions (model handles) and the office layer (refresh baselines) compare.
 */
import type { CellValue } from "./table";

/**
 * One cell in normal form: empty (null, undefined, "") → null, -0 → 0, text, numbers and booleans as they
 * are, anything else (a Date, an object Excel passes for a rich value) as its text.
 * @example normaliseCell("") // null
 * @example normaliseCell(-0) // 0
 */
export function normaliseCell(value: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Object.is(value, -0) ? 0 : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Whether every cell of a row is empty in normal form (the blank row an emptied Excel table keeps). */
export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((c) => normaliseCell(c) === null);
}
