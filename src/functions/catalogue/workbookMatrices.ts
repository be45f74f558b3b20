/**
 * Numbers from workbook ranges for the network functions (DEBTRANK, ESTIMATE_EXPOSURES), which take an
 * analyst's own matrices and vectors rather than the model. Every problem names the argument and the cell
 * (row and column inside the range) so the analyst knows what to fix.
 */
import { FormulaError } from "../errors";
import type { RangeRows } from "../modelCache";

/** A cell as a number: numbers as they are, blanks as `blank` (null = a blank is an error), numeric text. */
function numberAt(fn: string, name: string, cell: unknown, where: string, blank: number | null): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) {
    if (blank !== null) return blank;
    throw new FormulaError("#VALUE!", `${fn}: ${name} has a blank cell at ${where}; every cell needs a number.`);
  }
  if (typeof cell === "string" && cell.trim() !== "" && Number.isFinite(Number(cell.trim()))) return Number(cell.trim());
  const shown = typeof cell === "string" ? `"${cell.slice(0, 40)}"` : String(cell);
  throw new FormulaError("#VALUE!", `${fn}: ${name} holds ${shown} at ${where}; it needs a number there.`);
}

/** A square matrix (blank cells are 0: no exposure), at most `maxNodes` rows. */
export function squareMatrix(fn: string, name: string, rows: RangeRows, maxNodes: number): number[][] {
  const n = rows.length;
  if (n === 0) throw new FormulaError("#VALUE!", `${fn}: ${name} is empty.`);
  if (n > maxNodes) throw new FormulaError("#VALUE!", `${fn}: ${name} has ${n} rows; at most ${maxNodes} nodes are accepted.`);
  return rows.map((row, i) => {
    if (row.length !== n) throw new FormulaError("#VALUE!", `${fn}: ${name} must be square (n rows × n columns); it is ${n} × ${row.length}.`);
    return row.map((cell, j) => numberAt(fn, name, cell, `row ${i + 1}, column ${j + 1}`, 0));
  });
}

/** A vector from a one-row or one-column range (blank cells are errors unless `blank` is given). */
export function vectorOf(fn: string, name: string, rows: RangeRows, blank: number | null = null): number[] {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  if (height === 0 || width === 0) throw new FormulaError("#VALUE!", `${fn}: ${name} is empty.`);
  if (height > 1 && width > 1) throw new FormulaError("#VALUE!", `${fn}: ${name} must be one row or one column; it is ${height} × ${width}.`);
  const cells = height === 1 ? rows[0] : rows.map((r) => r[0]);
  return cells.map((cell, k) => numberAt(fn, name, cell, `position ${k + 1}`, blank));
}

/** Throws unless `vector` has one entry per node. */
export function expectLength(fn: string, name: string, vector: readonly number[], n: number, matrixName: string): void {
  if (vector.length !== n) throw new FormulaError("#VALUE!", `${fn}: ${name} has ${vector.length} values but ${matrixName} has ${n} nodes; give one per node.`);
}
