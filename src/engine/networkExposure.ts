/**
 * Network circular exposure: the part of X's funding that comes back to X along money paths of any length,
 * under a proportional-flow assumption, computed with the Leontief inverse (Leontief 1936; the same
 * absorbing-chain algebra as Kemeny & Snell, "Finite Markov Chains", 1960, ch. 3).
 *
 * Each entity passes on a share (1 − leak) of every dollar it receives, split in proportion to its modelled
 * outflows (funding out + contracts it buys); the share `leak` leaves the modelled web (wages, power, other
 * suppliers, retained cash). A[i][j] = (1 − leak) · W[i][j] / Σ_k W[i][k], except that X keeps what comes
 * back (row X of A is zero: X is absorbing, so money is counted the first time it returns). With
 * N = (I − A)⁻¹, N[j][X] is the share of a dollar at j that ever reaches X, and
 * network exposure(X) = Σ_j F(X→j) · N[j][X]. Worked example and the leak sensitivity table:
 * docs/methodology.md §5.
 */
import { DEFAULT_MONEY_BASIS, LruCache, ViewMemo, type EntityId, type ModelView, type MoneyBasis } from "../model";
import { leontiefInverse } from "./leontiefInverse";
import { moneyGraph } from "./moneyGraph";
import { engineError, isEngineError, type EngineError } from "./result";
import { fundingOn, indexOf } from "./viewIndex";

/**
 * Default leak: half of every dollar leaves the modelled web at each step. Oracle spends roughly 50 of its
 * 67 bn FY26 revenue on capex (D025), about half of which is GPUs; OpenAI's compute is about half its
 * 2025 spending (C094, D012). 0.5 sits in the middle of those shares; methodology.md §5 shows 0.1–0.9.
 */
export const DEFAULT_LEAK = 0.5;

/** Options of networkExposure. */
export interface NetworkExposureOptions {
  /** Share of each received dollar that leaves the modelled web, in [0, 1]; default DEFAULT_LEAK. */
  leak?: number;
  /** Which of X's money enters the web (MONEY_BASES; default firm). The routing shares use the web's headline flows. */
  money?: MoneyBasis;
}

/** Return shares per view, by (leak, X): bounded, since the leak comes from an argument. */
const shareColumns = new ViewMemo<LruCache<string, number[] | EngineError>>(() => new LruCache(512));

/** Column X of (I − A)⁻¹ with X absorbing, memoised per view and (leak, X). */
function returnShares(view: ModelView, x: number, leak: number): number[] | EngineError {
  return shareColumns.get(view).getOrCreate(`${leak}:${x}`, () => computeReturnShares(view, x, leak));
}

function computeReturnShares(view: ModelView, x: number, leak: number): number[] | EngineError {
  const index = indexOf(view);
  const n = index.nodes.length;
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const out = new Array<number>(n).fill(0);
  const edges = moneyGraph(view).edges;
  for (const e of edges) out[index.nodeIndex.get(e.from) as number] += e.amount;
  for (const e of edges) {
    const i = index.nodeIndex.get(e.from) as number;
    // Share first, then the leak: (1 − leak) · amount would round to amount itself for a subnormal amount
    // (fast-check found 0.95 · 5e-324 = 5e-324), letting a whole dollar pass a node that should leak.
    if (i !== x) a[i][index.nodeIndex.get(e.to) as number] = (1 - leak) * (e.amount / out[i]);
  }
  const inverse = leontiefInverse(a);
  return isEngineError(inverse) ? inverse : inverse.map((row) => Math.min(1, Math.max(0, row[x])));
}

/**
 * USD bn of X's funding that returns to X through the modelled web; 0 for an entity that funds nobody.
 * INVALID_INPUT for a leak outside [0, 1]; NOT_CONVERGENT (from leontiefInverse) for leak 0 when
 * money can circle forever without reaching X.
 * @example networkExposure(view, "X", { leak: 0.5 }) // 4.375 in the methodology's three-node example
 */
export function networkExposure(view: ModelView, id: EntityId, options: NetworkExposureOptions = {}): number | EngineError {
  const leak = options.leak ?? DEFAULT_LEAK;
  const money = options.money ?? DEFAULT_MONEY_BASIS;
  if (typeof leak !== "number" || !Number.isFinite(leak) || leak < 0 || leak > 1) {
    return engineError("INVALID_INPUT", `leak must be a number from 0 to 1 (got ${String(leak)}).`);
  }
  const index = indexOf(view);
  const row = index.fundingOut.get(id);
  const x = index.nodeIndex.get(id);
  if (row === undefined || x === undefined) return 0;
  const shares = returnShares(view, x, leak);
  if (isEngineError(shares)) return shares;
  let total = 0;
  for (const [j, cell] of row) {
    const jj = index.nodeIndex.get(j);
    if (jj !== undefined && jj !== x) total += fundingOn(cell, money) * shares[jj];
  }
  return total;
}
