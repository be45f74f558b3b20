/**
 * Stress: what the web loses when one entity (default OpenAI) cuts its commitments by a fraction.
 * Per entity (docs/methodology.md §7 has the formulas, the worked example and the comparison with claims S13/S14):
 *  1. revenue lost = cut × C(shocked→X), the first-round contracted revenue that disappears;
 *  2. lender loss: a clearing model (Eisenberg & Noe 2001, via clearingVector) of the loan facts, each
 *     borrower owing its lenders F_debt(lender→borrower) and holding as external assets its contracted
 *     revenue (the larger of its modelled contracts and its latest reported backlog/RPO) less the revenue
 *     it loses, plus the equity put into it. The revenue lost here runs past the first round: a vendor that
 *     loses a share s of its contracted revenue cuts its own purchase commitments by s (proportional
 *     pass-through, iterated to its limit), which is how a cut reaches the project vehicles Oracle leases
 *     from and their lenders. Loss = what the lender is paid with no cut minus what it is paid after the
 *     cut, so debt the model cannot cover even before the shock (because it records a borrower's debt but
 *     not its revenue) is not blamed on the shock;
 *  3. market value at risk = cut × annual contract value (each contract over its term, default 5 years)
 *     × an EV/revenue multiple: the entity's latest market value / latest revenue (annualised) where the
 *     model has both, else DEFAULT_MULTIPLE, or `multiple` for every entity when given; never more than the
 *     entity's latest market value.
 */
import type { EntityId, ModelView } from "../model";
import { clearingVector } from "./clearingVector";
import { leontiefInverse } from "./leontiefInverse";
import { engineError, isEngineError, type EngineError } from "./result";
import { latestValuation } from "./stakeOf";
import { amountOf, contractAmount, fundingAmount, indexOf, latestOwnFact, periodsPerYear } from "./viewIndex";

/** The entity shocked when none is named: the article's subject. */
export const DEFAULT_SHOCKED: EntityId = "OPENAI";

/**
 * EV/revenue multiple used for an entity without both a market cap and an annual revenue fact: 10×, a round
 * figure between Amazon (~3–4×) and Microsoft (~12×) or Nvidia (20×+) early in 2026 (market caps C083–C085).
 */
export const DEFAULT_MULTIPLE = 10;

/** Which entity cuts, by how much (fraction 0..1), and an optional EV/revenue multiple for everyone. */
export interface StressOptions {
  shocked: EntityId;
  cut: number;
  multiple?: number;
}

/** One entity's losses, USD bn. */
export interface StressLine {
  id: EntityId;
  revenueLost: number;
  lenderLoss: number;
  marketValueAtRisk: number;
}

/** Assumptions used, for tooltips and the methodology's hand check. */
export interface StressDetails {
  /** The multiple applied to each vendor and where it came from (fact ids, "default" or "override"). */
  multiples: Record<EntityId, { multiple: number; source: string[] | "default" | "override" }>;
  /** Borrowers that default after the cut but not before it. */
  newDefaults: EntityId[];
  /** Entities whose market value at risk was capped at their whole market value. */
  capped: EntityId[];
  /**
   * Contracted revenue each entity loses once the cut has passed through every round (the first round plus
   * what vendors pass on to their own suppliers), the figure the lender-loss clearing uses; only entities
   * that lose something.
   */
  passedThrough: Record<EntityId, number>;
}

/** Lines (vendors of the shocked entity, then lenders with a loss) and their totals. */
export interface StressResult {
  lines: StressLine[];
  total: Omit<StressLine, "id">;
  details: StressDetails;
}

/**
 * The entity's EV/revenue multiple from the model: latest market cap or valuation ÷ latest revenue, a
 * quarter's revenue × 4 (half-year × 2, month × 12) as the market quotes run-rates; undefined without both.
 * Market cap stands in for EV (net debt is not in the model).
 */
export function modelMultiple(view: ModelView, id: EntityId): { multiple: number; factIds: string[] } | undefined {
  const index = indexOf(view);
  const value = latestValuation(view, id);
  const revenue = latestOwnFact(index, id, ["revenue"], (f) => (amountOf(f) ?? 0) > 0);
  if (value === undefined || revenue === undefined) return undefined;
  const annual = (amountOf(revenue) as number) * periodsPerYear(revenue);
  return { multiple: (amountOf(value) as number) / annual, factIds: [value.id, revenue.id] };
}

/** The entity's latest reported backlog (RPO) total: its latest own `backlog` fact (KIND_MEANINGS). */
export function latestBacklog(view: ModelView, id: EntityId): number | undefined {
  const fact = latestOwnFact(indexOf(view), id, ["backlog"], (f) => (amountOf(f) ?? 0) > 0);
  return fact === undefined ? undefined : (amountOf(fact) as number);
}

interface Clearing {
  nodes: EntityId[];
  liabilities: number[][];
  /** paid[i][j] for a given external-asset vector. */
  pay(externalAssets: number[]): { paid: number[][]; defaulted: boolean[] } | EngineError;
}

/** The loan network of the view, built once per view (the worksheet calls stress with many cuts). */
function clearingOf(view: ModelView): Clearing {
  const index = indexOf(view);
  let clearing = index.cache.get("clearing") as Clearing | undefined;
  if (clearing === undefined) {
    clearing = buildClearing(view);
    index.cache.set("clearing", clearing);
  }
  return clearing;
}

function buildClearing(view: ModelView): Clearing {
  const index = indexOf(view);
  const ids = new Set<EntityId>();
  for (const [lender, row] of index.fundingOut) {
    for (const [borrower, cell] of row) {
      if (fundingAmount(cell, "debt") > 0) {
        ids.add(lender);
        ids.add(borrower);
      }
    }
  }
  const nodes = index.nodes.filter((id) => ids.has(id));
  const at = new Map(nodes.map((id, i) => [id, i] as const));
  const liabilities = nodes.map(() => new Array<number>(nodes.length).fill(0));
  for (const lender of nodes) {
    for (const [borrower, cell] of index.fundingOut.get(lender) ?? []) {
      const debt = fundingAmount(cell, "debt");
      if (debt > 0 && at.has(borrower)) liabilities[at.get(borrower) as number][at.get(lender) as number] += debt;
    }
  }
  const pay = (externalAssets: number[]) => {
    if (nodes.length === 0) return { paid: [], defaulted: [] };
    const result = clearingVector({ liabilities, externalAssets });
    if (isEngineError(result)) return result;
    // Creditors share a borrower's total payment pro rata to what each is owed (Eisenberg–Noe).
    const paid = liabilities.map((row, i) => {
      const owed = row.reduce((sum, v) => sum + v, 0);
      return row.map((l) => (owed > 0 ? (result.payments[i] * l) / owed : 0));
    });
    return { paid, defaulted: result.defaulted };
  };
  return { nodes, liabilities, pay };
}

/**
 * Losses per entity when `shocked` cuts its contracts by `cut`; INVALID_INPUT for a cut outside [0, 1] or a
 * negative or non-finite multiple.
 * @example stress(view, { shocked: "OPENAI", cut: 0.5 }).total.revenueLost // 0.5 × Σ_X C(OPENAI→X)
 */
export function stress(view: ModelView, options: StressOptions): StressResult | EngineError {
  // Each STRESS cell of a workbook asks for one line of the same result: keep recent results per view.
  const results = resultCache(view);
  const key = `${options.shocked || DEFAULT_SHOCKED}|${options.cut}|${options.multiple ?? ""}`;
  let result = results.get(key);
  if (result === undefined) {
    result = computeStress(view, options);
    if (results.size >= RESULT_CACHE_SIZE) results.delete(results.keys().next().value as string);
    results.set(key, result);
  }
  return result;
}

/** Results kept per view; a sheet rarely asks for more distinct (shocked, cut, multiple) than this. */
const RESULT_CACHE_SIZE = 32;

function resultCache(view: ModelView): Map<string, StressResult | EngineError> {
  const index = indexOf(view);
  let cache = index.cache.get("stress:results") as Map<string, StressResult | EngineError> | undefined;
  if (cache === undefined) index.cache.set("stress:results", (cache = new Map()));
  return cache;
}

function computeStress(view: ModelView, options: StressOptions): StressResult | EngineError {
  const { cut, multiple } = options;
  const shocked = options.shocked || DEFAULT_SHOCKED;
  if (typeof cut !== "number" || !Number.isFinite(cut) || cut < 0 || cut > 1) {
    return engineError("INVALID_INPUT", `cut must be a fraction from 0 to 1 (got ${String(cut)}).`);
  }
  if (multiple !== undefined && (typeof multiple !== "number" || !Number.isFinite(multiple) || multiple < 0)) {
    return engineError("INVALID_INPUT", `multiple must be a number of 0 or more (got ${String(multiple)}).`);
  }
  const index = indexOf(view);
  const lines = new Map<EntityId, StressLine>();
  const line = (id: EntityId) => {
    let l = lines.get(id);
    if (l === undefined) lines.set(id, (l = { id, revenueLost: 0, lenderLoss: 0, marketValueAtRisk: 0 }));
    return l;
  };
  const multiples: StressDetails["multiples"] = {};
  const capped: EntityId[] = [];
  const revenueLost = new Map<EntityId, number>();
  for (const [vendor, cell] of index.contractsOut.get(shocked) ?? []) {
    const total = contractAmount(cell);
    if (total <= 0 || vendor === shocked) continue;
    const own = multiple === undefined ? modelMultiple(view, vendor) : undefined;
    const m = multiple ?? own?.multiple ?? DEFAULT_MULTIPLE;
    multiples[vendor] = { multiple: m, source: multiple !== undefined ? "override" : (own?.factIds ?? "default") };
    const l = line(vendor);
    l.revenueLost = cut * total;
    l.marketValueAtRisk = cut * Math.max(0, cell.annual) * m;
    const worth = latestValuation(view, vendor);
    if (worth !== undefined && l.marketValueAtRisk > (amountOf(worth) as number)) {
      l.marketValueAtRisk = amountOf(worth) as number;
      capped.push(vendor);
    }
    revenueLost.set(vendor, l.revenueLost);
  }

  const contracted = contractedRevenue(view);
  const lost = passThrough(view, shocked, revenueLost, contracted);
  const clearing = clearingOf(view);
  const assets = (withCut: boolean) =>
    clearing.nodes.map((id) => {
      let a = contracted(id);
      for (const cell of index.fundingIn.get(id)?.values() ?? []) a += fundingAmount(cell, "equity");
      return Math.max(0, a - (withCut ? (lost.get(id) ?? 0) : 0));
    });
  // The no-cut run depends only on the view: compute it once.
  let before = index.cache.get("clearing:baseline") as ReturnType<Clearing["pay"]> | undefined;
  if (before === undefined) {
    before = clearing.pay(assets(false));
    index.cache.set("clearing:baseline", before);
  }
  if (isEngineError(before)) return before;
  const after = clearing.pay(assets(true));
  if (isEngineError(after)) return after;
  const newDefaults: EntityId[] = [];
  clearing.nodes.forEach((borrower, i) => {
    if (after.defaulted[i] && !before.defaulted[i]) newDefaults.push(borrower);
    clearing.nodes.forEach((lender, j) => {
      const loss = before.paid[i][j] - after.paid[i][j];
      // Below a thousandth of a dollar the difference is rounding in the clearing iteration.
      if (loss > 1e-12) line(lender).lenderLoss += loss;
    });
  });

  const sorted = [...lines.values()].sort(
    (a, b) => b.marketValueAtRisk - a.marketValueAtRisk || b.revenueLost - a.revenueLost || b.lenderLoss - a.lenderLoss || (a.id < b.id ? -1 : 1),
  );
  const total = sorted.reduce(
    (t, l) => ({ revenueLost: t.revenueLost + l.revenueLost, lenderLoss: t.lenderLoss + l.lenderLoss, marketValueAtRisk: t.marketValueAtRisk + l.marketValueAtRisk }),
    { revenueLost: 0, lenderLoss: 0, marketValueAtRisk: 0 },
  );
  // Frozen: the result is shared by every caller that asks the same question of the same view.
  return deepFreeze({ lines: sorted, total, details: { multiples, newDefaults, capped, passedThrough: Object.fromEntries(lost) } });
}

/** Contracted revenue of an entity: the larger of its modelled contracts and its latest reported backlog
 *  (a backlog includes the contracts the model lists one by one, so never the sum). Memoised per view. */
function contractedRevenue(view: ModelView): (id: EntityId) => number {
  const index = indexOf(view);
  let known = index.cache.get("stress:contracted") as Map<EntityId, number> | undefined;
  if (known === undefined) index.cache.set("stress:contracted", (known = new Map()));
  const memo = known;
  return (id) => {
    let value = memo.get(id);
    if (value === undefined) {
      let listed = 0;
      for (const cell of index.contractsIn.get(id)?.values() ?? []) listed += contractAmount(cell);
      memo.set(id, (value = Math.max(listed, latestBacklog(view, id) ?? 0)));
    }
    return value;
  };
}

/**
 * Revenue lost by every entity once the first-round losses pass down the buyer → vendor contracts: a buyer
 * that loses a share s(X) = L(X) / K(X) of its contracted revenue K cuts each of its own purchase contracts
 * by s(X). The shocked entity's own contracts are cut by the first round only. So
 *   L(Y) = f(Y) + Σ_{X ≠ shocked} C(X→Y) / K(X) · L(X),   i.e. L = (I − M)⁻¹ f with M[Y][X] = C(X→Y) / K(X),
 * solved exactly with the Leontief inverse over the entities the cut can reach. s never exceeds 1: L(Y) is
 * at most the contracts Y sells, which K(Y) includes. And ρ(M) < 1 on that set (Collatz–Wielandt with the
 * vector K: (M·K)(Y) = Σ_X C(X→Y) ≤ K(Y), strictly where money enters a loop from outside it, as it must
 * for the cut to reach the loop), so the inverse exists and is the limit of passing the cut round by round.
 * @example first round ORCL 150 of 523 contracted → ORCL cuts a 38 lease by 150/523 → the lessor loses 10.9.
 */
function passThrough(
  view: ModelView,
  shocked: EntityId,
  firstRound: ReadonlyMap<EntityId, number>,
  contracted: (id: EntityId) => number,
): Map<EntityId, number> {
  // The reach and the inverse depend on the view and the shocked entity, not on the cut: build them once.
  const index = indexOf(view);
  const key = `stress:passThrough:${shocked}`;
  let chain = index.cache.get(key) as PassThroughChain | undefined;
  if (chain === undefined) index.cache.set(key, (chain = passThroughChain(view, shocked, contracted)));
  const { nodes, inverse, m } = chain;
  const f = nodes.map((id) => firstRound.get(id) ?? 0);
  const lost = inverse === undefined ? iterate(m, f) : inverse.map((row) => row.reduce((sum, v, j) => sum + v * f[j], 0));
  const result = new Map<EntityId, number>();
  nodes.forEach((id, i) => {
    // L(Y) ≤ every contract Y sells ≤ K(Y); clamp rounding either side.
    const value = Math.min(Math.max(0, lost[i]), Math.max(contracted(id), f[i]));
    if (value > 0) result.set(id, value);
  });
  return result;
}

interface PassThroughChain {
  nodes: EntityId[];
  m: number[][];
  /** (I − M)⁻¹, or undefined when its certificate failed (then the cut is passed round by round). */
  inverse: number[][] | undefined;
}

function passThroughChain(view: ModelView, shocked: EntityId, contracted: (id: EntityId) => number): PassThroughChain {
  const index = indexOf(view);
  // Everyone the cut can reach along purchase contracts (the shocked entity passes nothing on).
  const nodes: EntityId[] = [];
  const at = new Map<EntityId, number>();
  const stack = [...(index.contractsOut.get(shocked)?.keys() ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as EntityId;
    if (at.has(id)) continue;
    at.set(id, nodes.length);
    nodes.push(id);
    if (id === shocked || contracted(id) <= 0) continue;
    for (const vendor of index.contractsOut.get(id)?.keys() ?? []) if (!at.has(vendor)) stack.push(vendor);
  }
  const m = nodes.map(() => new Array<number>(nodes.length).fill(0));
  nodes.forEach((buyer, j) => {
    const base = contracted(buyer);
    if (buyer === shocked || base <= 0) return;
    for (const [vendor, cell] of index.contractsOut.get(buyer) ?? []) {
      if (vendor !== buyer) m[at.get(vendor) as number][j] += contractAmount(cell) / base;
    }
  });
  // ρ(M) < 1 is proven above; a matrix within rounding of 1 would fail the inverse's certificate, and then
  // passing the cut round by round still converges (more slowly) to the same limit.
  const inverse = leontiefInverse(m);
  return { nodes, m, inverse: isEngineError(inverse) ? undefined : inverse };
}

/** L ← f + M·L from L = f until nothing moves by 1e-12 (at most 100,000 rounds). */
function iterate(m: number[][], f: number[]): number[] {
  let l = f.slice();
  for (let round = 0; round < 100_000; round++) {
    const next = f.map((fi, i) => m[i].reduce((sum, v, j) => sum + v * l[j], fi));
    const moved = next.reduce((most, v, i) => Math.max(most, Math.abs(v - l[i])), 0);
    l = next;
    if (moved <= 1e-12) break;
  }
  return l;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
