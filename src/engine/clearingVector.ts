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
 * when D is small, otherwise by symmetric Gauss–Seidel sweeps started from the previous payments: those
 * are an upper solution, so the sweeps decrease monotonically onto the greatest solution, which is what
 * keeps the result the *greatest* clearing vector even when the system is singular (β = 1 and a closed
 * ring of defaulters). Payments are accurate to about 1e-12 relative; a shortfall within a few units of
 * rounding (8 × 2⁻⁵² of what a node owes) is treated as none: the node pays in full.
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

/** Default sets up to this size are solved exactly each round (cheap: d³/3 flops); larger ones by
 *  Gauss–Seidel sweeps, O(edges) each, with the exact solve kept as a fallback up to a larger size. */
const DENSE_LIMIT = 60;
const DENSE_FALLBACK_LIMIT = 1500;
/** Sweeps stop when no payment ratio moves by more than this. */
const SWEEP_TOLERANCE = 1e-15;
const MAX_SWEEPS = 50_000;
/** A shortfall below this fraction of what is owed (a few units of rounding) is noise in the
 *  defaulters' payments, not a default. */
const DEFAULT_TOLERANCE = 8 * Number.EPSILON;

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
  for (let i = 0; i < n; i++) {
    if (L[i][i] !== 0) return engineError("INVALID_INPUT", `liabilities[${i}][${i}] must be 0: a node cannot owe itself`);
    let s = 0;
    for (let j = 0; j < n; j++) s += L[i][j];
    if (!isFiniteNumber(s)) return engineError("INVALID_INPUT", `liabilities row ${i} sums beyond the largest finite number`);
    pbar[i] = s;
  }

  // Incoming edges in compressed form: i receives L_ji · r_j from each debtor j, where r_j = p_j / p̄_j
  // is j's payment ratio. Keeping ratios (exactly 1 while j pays in full) makes a solvent node's
  // receipts the exact sum of its claims, so no rounding can push it into default.
  const inStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if (L[j][i] > 0) inStart[i + 1]++;
  for (let i = 0; i < n; i++) inStart[i + 1] += inStart[i];
  const inFrom = new Int32Array(inStart[n]);
  const inAmount = new Float64Array(inStart[n]);
  const fill = inStart.slice(0, n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const l = L[j][i];
      if (l > 0) {
        inFrom[fill[i]] = j;
        inAmount[fill[i]] = l;
        fill[i]++;
      }
    }
  }
  const net: Network = { n, pbar, e, alpha, beta, inStart, inFrom, inAmount };

  const ratio = new Float64Array(n).fill(1);
  const inD = new Uint8Array(n);
  const D: number[] = [];
  let rounds = 0;
  for (;;) {
    const fresh: number[] = [];
    for (let i = 0; i < n; i++) {
      if (inD[i]) continue;
      const shortfall = pbar[i] - (e[i] + received(net, ratio, i));
      if (shortfall > DEFAULT_TOLERANCE * pbar[i]) fresh.push(i);
    }
    if (fresh.length === 0) break;
    rounds++;
    for (const i of fresh) {
      inD[i] = 1;
      D.push(i);
    }
    D.sort((a, b) => a - b);
    const solved =
      (D.length <= DENSE_LIMIT && solveDense(net, D, inD, ratio)) ||
      solveSweeps(net, D, ratio) ||
      (D.length <= DENSE_FALLBACK_LIMIT && solveDense(net, D, inD, ratio));
    if (!solved) return engineError("NOT_CONVERGENT", "clearingVector: the payments of the defaulting nodes did not settle");
  }

  const payments = Array.from(ratio, (r, i) => (inD[i] ? r * pbar[i] : pbar[i]));
  const defaulted = Array.from(inD, (d) => d === 1);
  return { payments, defaulted, rounds };
}

interface Network {
  n: number;
  pbar: Float64Array;
  e: readonly number[];
  alpha: number;
  beta: number;
  inStart: Int32Array;
  inFrom: Int32Array;
  inAmount: Float64Array;
}

function received(net: Network, ratio: Float64Array, i: number): number {
  let s = 0;
  for (let k = net.inStart[i]; k < net.inStart[i + 1]; k++) s += net.inAmount[k] * ratio[net.inFrom[k]];
  return s;
}

/**
 * Solves p_D = α e_D + β Σ_j L_jD r_j exactly by Gaussian elimination with partial pivoting.
 * Returns false (leaving the ratios untouched) when the system is singular (β = 1 and a closed ring of
 * defaulters), so the caller falls back to sweeps, which find the greatest solution.
 */
function solveDense(net: Network, D: readonly number[], inD: Uint8Array, ratio: Float64Array): boolean {
  const { pbar, e, alpha, beta, inStart, inFrom, inAmount } = net;
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
      if (inD[j]) row[pos.get(j)!] -= (beta * inAmount[k]) / pbar[j];
      else rhs += beta * inAmount[k];
    }
    a.push(row);
    b[r] = rhs;
  }
  for (let c = 0; c < m; c++) {
    let piv = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    // I − βΠ^T on D has unit diagonal and column sums ≥ 0: a tiny pivot means (near) singular.
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
    ratio[i] = Math.min(1, Math.max(0, x[r] / pbar[i]));
  }
  return true;
}

/**
 * Symmetric Gauss–Seidel (a forward then a backward sweep, so chains of defaulters settle in a few
 * sweeps whichever way they run through the numbering), started from the current ratios. They are an
 * upper solution, so the iterates decrease monotonically onto the greatest solution.
 */
function solveSweeps(net: Network, D: readonly number[], ratio: Float64Array): boolean {
  const { pbar, e, alpha, beta } = net;
  const update = (i: number): number => {
    const next = Math.min(1, Math.max(0, (alpha * e[i] + beta * received(net, ratio, i)) / pbar[i]));
    const d = Math.abs(next - ratio[i]);
    ratio[i] = next;
    return d;
  };
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let moved = 0;
    for (let k = 0; k < D.length; k++) moved = Math.max(moved, update(D[k]));
    for (let k = D.length - 1; k >= 0; k--) moved = Math.max(moved, update(D[k]));
    if (moved <= SWEEP_TOLERANCE) return true;
  }
  return false;
}
