/**
 * DebtRank: how much of the network's economic value is lost when some nodes are stressed.
 *
 * Methods.
 * - "single-hit" (default): Battiston, Puliga, Kaushik, Tasca & Caldarelli (2012), "DebtRank: Too
 *   Central to Fail?", Scientific Reports 2:541. Each node passes its stress on once, in the step after
 *   it first becomes distressed, then turns inactive; impacts are capped, W_ij = min(1, A_ij / E_i).
 * - "differential": Bardoscia, Battiston, Caccioli & Caldarelli (2015), "DebtRank: A Microscopic
 *   Foundation for Shock Propagation", PLoS ONE 10(6):e0130406. Every increase of a borrower's stress is
 *   passed on, h_i(t+1) = min(1, h_i(t) + Σ_j Λ_ij (h_j(t) − h_j(t−1))), with the uncapped interbank
 *   leverage Λ_ij = A_ij / E_i. It runs until stresses stop moving. Where nobody reaches h = 1 its limit
 *   is (I − Λ)⁻¹ h(1) (the paper's linear solution, valid when the spectral radius of Λ is below 1).
 *
 * Notation. A_ij = exposures[i][j] = i's asset on j, so i loses when j is stressed; E_i = capital[i];
 * h_i ∈ [0, 1] = relative equity loss of i (1 = default).
 *
 * Conventions (documented choices):
 * - Non-positive capital, `buffers: "reference"` (default): the reference package NetworkRiskMeasures
 *   (Cinelli & Silva, `debt_rank_shock`) keeps initialStress as the scenario whatever a node's buffer, and
 *   divides each exposure by the holder's buffer as it is: a zero buffer makes any exposure a full hit
 *   (A/0 = ∞, capped at 1), a negative buffer a negative impact (the holder's stress falls below its start;
 *   the package caps stress at 1 above only). 0/0 (no exposure, zero buffer) is no impact here (NaN in R).
 *   So a node insolvent before the shock is not blamed on it, and its creditors' pre-existing losses are
 *   not attributed to an unrelated shock (review finding 9).
 * - `buffers: "insolvent"` (the first version's behaviour): capital ≤ 0 means the node is insolvent before
 *   the shock: its starting stress is 1 whatever initialStress says and it propagates that default to its
 *   creditors. This follows the DebtRank routine published with Bardoscia et al. (2015) by the IMT Lucca
 *   networks group ("systemic risk estimation"), which marks banks with non-positive initial equity as
 *   defaulted for all subsequent steps.
 * - The single-hit cap on W follows Battiston et al. (2012) and the vulnerability matrix of the
 *   NetworkRiskMeasures R package (Cinelli & Silva), which caps A_ij / E_i at 1.
 * - weights are the nodes' economic values v_i, normalised to sum 1; by default each node's total
 *   interbank exposure Σ_j A_ij (equal weights when every node's is zero).
 */
import { checkMatrix, checkVector, isFiniteNumber } from "./matrix";
import { engineError, isEngineError, type EngineError } from "./result";

/** Which DebtRank dynamics to run. */
export type DebtRankVariant = "single-hit" | "differential";

/** How a non-positive capital buffer is read (see the conventions above). */
export const DEBT_RANK_BUFFER_RULES = ["reference", "insolvent"] as const;
export type DebtRankBufferRule = (typeof DEBT_RANK_BUFFER_RULES)[number];

/** Arguments of {@link debtRank}. */
export interface DebtRankInput {
  /** exposures[i][j] = i's asset on j (≥ 0): i loses when j is stressed. */
  exposures: readonly (readonly number[])[];
  /** capital[i] = i's equity buffer; zero or negative means already insolvent. */
  capital: readonly number[];
  /** initialStress[i] ∈ [0, 1]: the exogenous shock as a fraction of equity lost. */
  initialStress: readonly number[];
  /** Economic value of each node (≥ 0, raw or normalised). Default: each node's total exposure. */
  weights?: readonly number[];
  /** Default "single-hit". */
  variant?: DebtRankVariant;
  /** Default "reference" (NetworkRiskMeasures); "insolvent" starts a non-positive buffer at stress 1. */
  buffers?: DebtRankBufferRule;
}

/** Result of {@link debtRank}. */
export interface DebtRankResult {
  /** Final stress h_i of every node: in [0, 1], except below 0 for a negative buffer under the reference rule. */
  stress: number[];
  /** Σ_i w_i (h_i(final) − h_i(start)): the value lost to contagion beyond the initial shock. */
  additionalStress: number;
  /** Indices of nodes at h = 1 at the end that were not at the start. */
  additionalDefaults: number[];
}

/** Differential dynamics stop when no stress moves by more than this. */
const TOLERANCE = 1e-13;
const MAX_STEPS = 100_000;

/**
 * Runs DebtRank from an initial stress vector.
 *
 * @returns final stresses, the additional (network) stress weighted by economic value, and the
 *   nodes that default only through contagion; INVALID_INPUT for malformed input
 * @example
 * // B holds 5 of A's debt with capital 10; A defaults.
 * debtRank({ exposures: [[0, 0], [5, 0]], capital: [10, 10], initialStress: [1, 0], weights: [1, 1] })
 * // => { stress: [1, 0.5], additionalStress: 0.25, additionalDefaults: [] }
 */
export function debtRank(input: DebtRankInput): DebtRankResult | EngineError {
  if (typeof input !== "object" || input === null) return engineError("INVALID_INPUT", "debtRank needs { exposures, capital, initialStress }");
  const A = checkMatrix("exposures", input.exposures, { square: true, nonNegative: true });
  if (isEngineError(A)) return A;
  const n = A.length;
  const E = checkVector("capital", input.capital, { size: n, sizeFrom: "exposures" });
  if (isEngineError(E)) return E;
  const h0 = checkVector("initialStress", input.initialStress, { size: n, sizeFrom: "exposures", min: 0, max: 1 });
  if (isEngineError(h0)) return h0;
  const variant = input.variant ?? "single-hit";
  if (variant !== "single-hit" && variant !== "differential") {
    return engineError("INVALID_INPUT", `variant must be "single-hit" or "differential", got ${String(variant)}`);
  }
  const buffers = input.buffers ?? "reference";
  if (buffers !== "reference" && buffers !== "insolvent") {
    return engineError("INVALID_INPUT", `buffers must be "reference" or "insolvent", got ${String(buffers)}`);
  }
  const reference = buffers === "reference";
  const weights = normaliseWeights(input.weights, A);
  if (isEngineError(weights)) return weights;

  // Sparse rows of Λ (or W): i's losses per unit of stress of each borrower j.
  const rows: { j: Int32Array; x: Float64Array }[] = [];
  for (let i = 0; i < n; i++) {
    const js: number[] = [];
    const xs: number[] = [];
    if (E[i] > 0 || reference) {
      for (let j = 0; j < n; j++) {
        if (j === i || A[i][j] === 0) continue;
        const lev = A[i][j] / E[i];
        js.push(j);
        // Capital can be tiny enough for the ratio to overflow; a full hit is all it can mean.
        xs.push(variant === "single-hit" || !isFiniteNumber(lev) ? Math.min(1, lev) : lev);
      }
    }
    rows.push({ j: Int32Array.from(js), x: Float64Array.from(xs) });
  }

  const start = Float64Array.from(h0, (h, i) => (!reference && E[i] <= 0 ? 1 : h));
  const h = variant === "single-hit" ? singleHit(rows, start) : differential(rows, start);
  if (isEngineError(h)) return h;

  let additionalStress = 0;
  const additionalDefaults: number[] = [];
  for (let i = 0; i < n; i++) {
    additionalStress += weights[i] * (h[i] - start[i]);
    if (h[i] >= 1 && start[i] < 1) additionalDefaults.push(i);
  }
  // Normalised weights can sum to 1 ± an ulp; with non-negative impacts the measure lies in [0, 1]. A negative
  // buffer (reference rule) gives negative impacts, which the reference package reports as they are.
  const clamped = Math.min(1, additionalStress);
  return { stress: Array.from(h), additionalStress: E.some((e) => e < 0) && reference ? clamped : Math.max(0, clamped), additionalDefaults };
}

type Rows = readonly { j: Int32Array; x: Float64Array }[];

/** Battiston et al. (2012): states undistressed → distressed (propagates once) → inactive. */
function singleHit(rows: Rows, start: Float64Array): Float64Array {
  const n = start.length;
  const h = Float64Array.from(start);
  const UNDISTRESSED = 0;
  const DISTRESSED = 1;
  const INACTIVE = 2;
  const state = Uint8Array.from(start, (x) => (x > 0 ? DISTRESSED : UNDISTRESSED));
  const prev = new Float64Array(n);
  for (let step = 0; step <= n; step++) {
    prev.set(h);
    let anyDistressed = false;
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      let loss = 0;
      for (let k = 0; k < r.j.length; k++) {
        const j = r.j[k];
        if (state[j] === DISTRESSED) loss += r.x[k] * prev[j];
      }
      // A negative impact (negative buffer, reference rule) lowers the stress, as the reference package does.
      if (loss !== 0) h[i] = Math.min(1, prev[i] + loss);
    }
    for (let i = 0; i < n; i++) {
      if (state[i] === DISTRESSED) state[i] = INACTIVE;
      else if (state[i] === UNDISTRESSED && h[i] > 0) {
        state[i] = DISTRESSED;
        anyDistressed = true;
      }
    }
    // Each node is distressed for exactly one step, so at most n + 1 steps are ever needed.
    if (!anyDistressed) break;
  }
  return h;
}

/** Bardoscia et al. (2015): pass on every increment of stress until nothing moves. */
function differential(rows: Rows, start: Float64Array): Float64Array | EngineError {
  const n = start.length;
  const h = Float64Array.from(start);
  // h(0) = 0, h(1) = start: the first increment is the shock itself.
  let delta = Float64Array.from(start);
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = new Float64Array(n);
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      let loss = 0;
      for (let k = 0; k < r.j.length; k++) loss += r.x[k] * delta[r.j[k]];
      if (loss === 0 || (loss > 0 && h[i] >= 1)) continue;
      const hi = Math.min(1, h[i] + loss);
      next[i] = hi - h[i];
      if (Math.abs(next[i]) > moved) moved = Math.abs(next[i]);
    }
    for (let i = 0; i < n; i++) if (next[i] !== 0) h[i] = Math.min(1, h[i] + next[i]);
    delta = next;
    if (moved <= TOLERANCE) return h;
  }
  return engineError("NOT_CONVERGENT", "debtRank: the differential stresses did not settle");
}

function normaliseWeights(raw: readonly number[] | undefined, A: readonly (readonly number[])[]): Float64Array | EngineError {
  const n = A.length;
  let w: Float64Array;
  if (raw === undefined) {
    w = Float64Array.from(A, (row) => row.reduce((s, x) => s + x, 0));
  } else {
    const checked = checkVector("weights", raw, { size: n, sizeFrom: "exposures", nonNegative: true });
    if (isEngineError(checked)) return checked;
    w = Float64Array.from(checked);
  }
  let total = 0;
  for (const x of w) total += x;
  if (!isFiniteNumber(total)) return engineError("INVALID_INPUT", "weights sum beyond the largest finite number");
  if (total === 0) {
    if (raw !== undefined && n > 0) return engineError("INVALID_INPUT", "weights must not all be zero");
    return w.fill(n > 0 ? 1 / n : 0);
  }
  return w.map((x) => x / total);
}
