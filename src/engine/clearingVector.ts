/**
 * Clearing payments in a network of nominal liabilities.
 *
 * Method: the greatest clearing vector of Eisenberg & Noe (2001), "Systemic Risk in Financial Systems",
 * Management Science 47(2):236–249, computed with their fictitious-default algorithm; with default costs
 * (alpha, beta < 1) it is the Greatest Clearing Vector Algorithm of Rogers & Veraart (2013), "Failure
 * and Rescue in an Interbank Network", Management Science 59(4):882–898, Definition 3.6. With
 * alpha = beta = 1 the two coincide.
 *
 * Model. p̄_i = Σ_j L_ij is what i owes; Π_ij = L_ij / p̄_i the share of i's debt owed to j; e_i ≥ 0 are
 * i's assets outside the network. A clearing vector is a fixed point of
 *   Φ(p)_i = p̄_i                                  if e_i + Σ_j Π_ji p_j ≥ p̄_i   (i pays in full)
 *          = α e_i + β Σ_j Π_ji p_j               otherwise                        (i defaults)
 * where a defaulting node realises only a fraction α of its outside assets and β of what it receives.
 * Φ is monotone, so (Tarski) a greatest fixed point exists; creditors are paid pro rata.
 *
 * Algorithm. Start with everybody paying in full (D = ∅). Each round, a node outside D whose full
 * assets e_i + Σ_j Π_ji p_j fall short of p̄_i joins D ("new defaults found"); then the payments of D
 * are re-solved from the linear system p_D = α e_D + β (Π^T p)_D with everyone else paying p̄. Stop when
 * a round finds nobody new. At most n rounds. The linear system is solved exactly (Gaussian elimination)
 * when D is small, otherwise by Gauss–Seidel sweeps started from the previous payments: those are an
 * upper solution, so the sweeps decrease monotonically onto the greatest solution, which is what keeps
 * the result the *greatest* clearing vector even when the system is singular (β = 1 and a closed ring
 * of defaulters).
 */
import { checkMatrix, checkScalar, checkVector, isFiniteNumber } from "./matrix";
import { engineError, isEngineError, type EngineError } from "./result";

/** Arguments of {@link clearingVector}. */
export interface ClearingVectorInput {
  /** liabilities[i][j] = nominal amount i owes j (≥ 0, zero diagonal). */
  liabilities: readonly (readonly number[])[];
  /** externalAssets[i] = i's assets outside the network (≥ 0). */
  externalAssets: readonly number[];
  /** Fraction of external assets a defaulting node realises, in [0, 1]. Default 1 (no default cost). */
  alpha?: number;
  /** Fraction of interbank receipts a defaulting node passes on, in [0, 1]. Default 1. */
  beta?: number;
}

/** Result of {@link clearingVector}. */
export interface ClearingVectorResult {
  /** payments[i] = total i pays to all its creditors at the greatest clearing vector. */
  payments: number[];
  /** defaulted[i] = i pays less than it owes. */
  defaulted: boolean[];
  /** Rounds of the algorithm in which new defaults were found (0 when nobody defaults). */
  rounds: number;
}

/** Default sets up to this size are solved exactly; larger ones by Gauss–Seidel (O(edges) a sweep). */
const DENSE_LIMIT = 300;
/** Gauss–Seidel stops when no payment moves by more than this fraction of the largest obligation. */
const SWEEP_TOLERANCE = 1e-15;
const MAX_SWEEPS = 200_000;
/** A shortfall below this fraction of what is owed is rounding, not a default. */
const DEFAULT_TOLERANCE = 1e-12;

/**
 * Computes the greatest clearing vector of a liability network.
 *
 * @param input - liabilities, external assets and optional Rogers–Veraart default costs alpha, beta
 * @returns payments, default flags and the number of default rounds; INVALID_INPUT for malformed
 *   input; NOT_CONVERGENT if an iterative solve fails to settle (not expected in practice)
 * @example
 * // A owes B 10 and has 4 outside; B owes nothing.
 * clearingVector({ liabilities: [[0, 10], [0, 0]], externalAssets: [4, 0] })
 * // => { payments: [4, 0], defaulted: [true, false], rounds: 1 }
 */
export function clearingVector(input: ClearingVectorInput): ClearingVectorResult | EngineError {
  if (typeof input !== "object" || input === null) return engineError("INVALID_INPUT", "clearingVector needs { liabilities, externalAssets }");
  const L = checkMatrix("liabilities", input.liabilities, { square: true, nonNegative: true });
  if (isEngineError(L)) return L;
  const n = L.length;
  const e = checkVector("externalAssets", input.externalAssets, { nonNegative: true, size: n, sizeFrom: "liabilities" });
  if (isEngineError(e)) return e;
  const alpha = checkScalar("alpha", input.alpha, 1, 0, 1);
  if (isEngineError(alpha)) return alpha;
  const beta = checkScalar("beta", input.beta, 1, 0, 1);
  if (isEngineError(beta)) return beta;

  const pbar = new Float64Array(n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    if (L[i][i] !== 0) return engineError("INVALID_INPUT", `liabilities[${i}][${i}] must be 0: a node cannot owe itself`);
    let s = 0;
    for (let j = 0; j < n; j++) s += L[i][j];
    if (!isFiniteNumber(s)) return engineError("INVALID_INPUT", `liabilities row ${i} sums beyond the largest finite number`);
    pbar[i] = s;
    if (s > scale) scale = s;
  }

  // Incoming edges in compressed form: node i receives Π_ji p_j from each debtor j.
  const inStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if (L[j][i] > 0) inStart[i + 1]++;
  for (let i = 0; i < n; i++) inStart[i + 1] += inStart[i];
  const inFrom = new Int32Array(inStart[n]);
  const inShare = new Float64Array(inStart[n]);
  const fill = inStart.slice(0, n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const l = L[j][i];
      if (l > 0) {
        inFrom[fill[i]] = j;
        inShare[fill[i]] = l / pbar[j];
        fill[i]++;
      }
    }
  }
  const received = (p: Float64Array, i: number): number => {
    let s = 0;
    for (let k = inStart[i]; k < inStart[i + 1]; k++) s += inShare[k] * p[inFrom[k]];
    return s;
  };

  const p = Float64Array.from(pbar);
  const inD = new Uint8Array(n);
  const D: number[] = [];
  let rounds = 0;
  for (;;) {
    const fresh: number[] = [];
    for (let i = 0; i < n; i++) {
      if (inD[i]) continue;
      const shortfall = pbar[i] - (e[i] + received(p, i));
      if (shortfall > DEFAULT_TOLERANCE * Math.max(1, pbar[i])) fresh.push(i);
    }
    if (fresh.length === 0) break;
    rounds++;
    for (const i of fresh) {
      inD[i] = 1;
      D.push(i);
    }
    D.sort((a, b) => a - b);
    const solved =
      D.length <= DENSE_LIMIT && solveDense(D, inD, p, pbar, e, alpha, beta, inStart, inFrom, inShare)
        ? true
        : solveSweeps(D, p, pbar, e, alpha, beta, scale, received);
    if (!solved) return engineError("NOT_CONVERGENT", "clearingVector: the payments of the defaulting nodes did not settle");
  }

  const payments = Array.from(p, (x) => (x === 0 ? 0 : x));
  const defaulted = Array.from(inD, (d) => d === 1);
  return { payments, defaulted, rounds };
}

/**
 * Solves p_D = α e_D + β Σ_j Π_jD p_j exactly by Gaussian elimination with partial pivoting.
 * Returns false (leaving p untouched) when the system is singular, so the caller falls back to sweeps.
 */
function solveDense(
  D: readonly number[],
  inD: Uint8Array,
  p: Float64Array,
  pbar: Float64Array,
  e: readonly number[],
  alpha: number,
  beta: number,
  inStart: Int32Array,
  inFrom: Int32Array,
  inShare: Float64Array,
): boolean {
  const m = D.length;
  const pos = new Map<number, number>();
  D.forEach((node, k) => pos.set(node, k));
  const a: Float64Array[] = [];
  const b = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const i = D[r];
    const row = new Float64Array(m);
    row[r] = 1;
    let rhs = alpha * e[i];
    for (let k = inStart[i]; k < inStart[i + 1]; k++) {
      const j = inFrom[k];
      if (inD[j]) row[pos.get(j)!] -= beta * inShare[k];
      else rhs += beta * inShare[k] * pbar[j];
    }
    a.push(row);
    b[r] = rhs;
  }
  for (let c = 0; c < m; c++) {
    let piv = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    // The matrix is I − βΠ^T restricted to D: diagonally dominant by columns, so a tiny pivot means singular.
    if (Math.abs(a[piv][c]) < 1e-12) return false;
    if (piv !== c) {
      [a[piv], a[c]] = [a[c], a[piv]];
      [b[piv], b[c]] = [b[c], b[piv]];
    }
    const pc = a[c][c];
    for (let r = c + 1; r < m; r++) {
      const f = a[r][c] / pc;
      if (f === 0) continue;
      const ar = a[r];
      const ac = a[c];
      for (let k = c; k < m; k++) ar[k] -= f * ac[k];
      b[r] -= f * b[c];
    }
  }
  const x = new Float64Array(m);
  for (let r = m - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < m; k++) s -= a[r][k] * x[k];
    x[r] = s / a[r][r];
  }
  for (let r = 0; r < m; r++) {
    const i = D[r];
    // Rounding can leave a hair outside [0, p̄_i]; the exact solution is inside.
    p[i] = Math.min(pbar[i], Math.max(0, x[r]));
  }
  return true;
}

/** Gauss–Seidel from the current (upper) payments down to the greatest solution on D. */
function solveSweeps(
  D: readonly number[],
  p: Float64Array,
  pbar: Float64Array,
  e: readonly number[],
  alpha: number,
  beta: number,
  scale: number,
  received: (p: Float64Array, i: number) => number,
): boolean {
  const tol = SWEEP_TOLERANCE * Math.max(1, scale);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let moved = 0;
    for (const i of D) {
      const next = Math.min(pbar[i], Math.max(0, alpha * e[i] + beta * received(p, i)));
      const d = Math.abs(next - p[i]);
      if (d > moved) moved = d;
      p[i] = next;
    }
    if (moved <= tol) return true;
  }
  return false;
}
