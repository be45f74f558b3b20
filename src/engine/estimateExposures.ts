/**
 * Maximum-entropy estimate of a bilateral exposure matrix from its row and column totals.
 *
 * Method: RAS / iterative proportional fitting (Bacharach 1970; Miller & Blair 2009, §7.4) of a prior
 * matrix that is 1 off the diagonal and 0 on it, as in Upper & Worms (2004), "Estimating bilateral
 * exposures in the German interbank market: Is there a danger of contagion?", European Economic Review
 * 48(4):827–849, and Upper (2011), "Simulation methods to assess the danger of contagion in interbank
 * markets", J. Financial Stability 7(3):111–125; the worked example is that of Anand, Craig & von Peter
 * (2015), "Filling in the blanks: network structure and interbank contagion", Quantitative Finance
 * 15(4):625–636. Without the zero diagonal the answer would be the product r_i c_j / total; forbidding
 * self-exposure makes the RAS fixed point the matrix closest to it in relative entropy.
 *
 * Conventions (documented choices):
 * - rowSums[i] is the total of row i (what i lends / holds on others), colSums[j] the total of column j
 *   (what j borrows / owes), matching exposures[i][j] in debtRank.
 * - When Σ rowSums and Σ colSums disagree, colSums are scaled proportionally to Σ rowSums (lenders'
 *   reported assets are taken as the anchor); the result's column totals are then the scaled ones.
 * - Iteration stops when every row and column total is within `tolerance` × (grand total) of its
 *   target, or fails with NOT_CONVERGENT after `maxIterations` sweeps (e.g. one node lends more than
 *   all the others together borrow, which no zero-diagonal matrix can satisfy). RAS converges
 *   linearly, slowly when the solution sits near the boundary (some entry near 0), so the default cap
 *   is generous for small matrices (100,000 sweeps) and bounded in total work for large ones.
 * - An optional `prior` replaces the default prior (its zeros are kept as structural zeros).
 */
import { checkMatrix, checkScalar, checkVector } from "./matrix";
import { engineError, isEngineError, type EngineError } from "./result";

/** Largest n estimated (an n × n result of 9 million cells). */
const MAX_NODES = 3000;

/** Arguments of {@link estimateExposures}. */
export interface EstimateExposuresInput {
  /** Target total of each row (≥ 0). */
  rowSums: readonly number[];
  /** Target total of each column (≥ 0), same length. */
  colSums: readonly number[];
  /** Starting matrix (≥ 0); default 1 off the diagonal, 0 on it. */
  prior?: readonly (readonly number[])[];
  /** Allowed deviation of each total, relative to the grand total. Default 1e-10. */
  tolerance?: number;
  /** Cap on row-and-column sweeps. Default: 100,000, fewer for large n (about 2·10⁸ cell updates in all). */
  maxIterations?: number;
}

/**
 * Estimates bilateral exposures by RAS with a zero diagonal.
 *
 * @returns an n×n matrix whose row and column totals match the targets (after reconciling the grand
 *   totals), zero on the diagonal; INVALID_INPUT for malformed input; NOT_CONVERGENT when no
 *   zero-diagonal matrix can match the totals within the iteration cap
 * @example
 * estimateExposures({ rowSums: [1, 1, 1], colSums: [1, 1, 1] })
 * // => [[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]]
 */
export function estimateExposures(input: EstimateExposuresInput): number[][] | EngineError {
  if (typeof input !== "object" || input === null) return engineError("INVALID_INPUT", "estimateExposures needs { rowSums, colSums }");
  const r = checkVector("rowSums", input.rowSums, { nonNegative: true });
  if (isEngineError(r)) return r;
  const n = r.length;
  const c0 = checkVector("colSums", input.colSums, { nonNegative: true, size: n, sizeFrom: "rowSums" });
  if (isEngineError(c0)) return c0;
  // The result is n × n although the input is only 2n numbers: refuse sizes that cannot be allocated.
  if (n > MAX_NODES) return engineError("INVALID_INPUT", `rowSums has ${n} entries; at most ${MAX_NODES} nodes are supported`);
  const tolerance = checkScalar("tolerance", input.tolerance, 1e-10, 1e-15, 0.1);
  if (isEngineError(tolerance)) return tolerance;
  // Near-degenerate totals (an ME solution close to the boundary) can need tens of thousands of sweeps
  // even for 3 nodes, while large matrices usually settle in a few hundred: cap the work, not the count.
  const defaultSweeps = Math.max(1000, Math.min(100_000, Math.floor(2e8 / Math.max(1, n * n))));
  const maxIterations = checkScalar("maxIterations", input.maxIterations, defaultSweeps, 1, 1e7);
  if (isEngineError(maxIterations)) return maxIterations;

  let X: Float64Array[];
  if (input.prior !== undefined) {
    const P = checkMatrix("prior", input.prior, { square: true, nonNegative: true, size: n, sizeFrom: "rowSums" });
    if (isEngineError(P)) return P;
    X = P.map((row) => Float64Array.from(row));
  } else {
    X = Array.from({ length: n }, (_, i) => {
      const row = new Float64Array(n).fill(1);
      row[i] = 0;
      return row;
    });
  }

  const totalR = r.reduce((s, x) => s + x, 0);
  const totalC = c0.reduce((s, x) => s + x, 0);
  if (!Number.isFinite(totalR) || !Number.isFinite(totalC)) return engineError("INVALID_INPUT", "rowSums or colSums add up beyond the largest finite number");
  if (totalR === 0 && totalC > 0) return engineError("INVALID_INPUT", "rowSums are all zero but colSums are not: nothing to scale colSums to");
  const c = totalC === totalR || totalC === 0 ? c0 : c0.map((x) => (x * totalR) / totalC);
  if (totalR === 0) return X.map(() => new Array<number>(n).fill(0));

  const tol = tolerance * totalR;
  const rowTotal = (i: number): number => X[i].reduce((s, x) => s + x, 0);
  const colTotal = (j: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += X[i][j];
    return s;
  };
  for (let i = 0; i < n; i++) {
    if (r[i] > 0 && rowTotal(i) === 0) return engineError("NOT_CONVERGENT", `estimateExposures: row ${i} must total ${r[i]} but the prior allows it no entry`);
    if (c[i] > 0 && colTotal(i) === 0) return engineError("NOT_CONVERGENT", `estimateExposures: column ${i} must total ${c[i]} but the prior allows it no entry`);
  }

  for (let it = 0; it < maxIterations; it++) {
    for (let i = 0; i < n; i++) {
      const s = rowTotal(i);
      const f = s > 0 ? r[i] / s : 0;
      const row = X[i];
      for (let j = 0; j < n; j++) row[j] *= f;
    }
    let worst = 0;
    for (let j = 0; j < n; j++) {
      const s = colTotal(j);
      const f = s > 0 ? c[j] / s : 0;
      for (let i = 0; i < n; i++) X[i][j] *= f;
    }
    // Columns now match exactly; the rows are what the column step disturbed.
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(rowTotal(i) - r[i]));
    if (worst <= tol) return X.map((row) => Array.from(row));
  }
  return engineError(
    "NOT_CONVERGENT",
    "estimateExposures: no zero-diagonal matrix matches these totals (e.g. a node lends more than all others borrow together)",
  );
}
