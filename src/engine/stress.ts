/**
 * Stress: what the web loses when one entity (default OpenAI) cuts its commitments by a fraction.
 * Per entity (docs/methodology.md §7 has the formulas, the worked example and the comparison with claims S13/S14):
 *  1. revenue lost = cut × C(shocked→X), the first-round contracted revenue that disappears;
 *  2. lender loss: a clearing model (Eisenberg & Noe 2001, via clearingVector) of the loan facts, each
 *     borrower owing its lenders F_debt(lender→borrower) and holding as external assets its contracted
 *     revenue (the larger of its modelled contracts and its latest reported backlog/RPO) less the revenue
 *     lost, plus the equity put into it. Loss = what the lender is paid with no cut minus what it is paid
 *     after the cut, so debt the model cannot cover even before the shock (because it records a borrower's
 *     debt but not its revenue) is not blamed on the shock;
 *  3. market value at risk = cut × annual contract value (each contract over its term, default 5 years)
 *     × an EV/revenue multiple: the entity's latest market value / latest revenue (annualised) where the
 *     model has both, else DEFAULT_MULTIPLE, or `multiple` for every entity when given; never more than the
 *     entity's latest market value.
 */
import type { EntityId, ModelView } from "../model/types";
import { clearingVector } from "./clearingVector";
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

/** The entity's latest reported backlog (RPO) total: an own "other" fact whose unit names RPO or backlog, not an increment. */
export function latestBacklog(view: ModelView, id: EntityId): number | undefined {
  const fact = latestOwnFact(indexOf(view), id, ["other"], (f) => /\b(RPO|backlog)\b/i.test(f.unit) && !/added|step-up|increase/i.test(f.unit) && (amountOf(f) ?? 0) > 0);
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

  const clearing = clearingOf(view);
  const assets = (withCut: boolean) =>
    clearing.nodes.map((id) => {
      let contracted = 0;
      for (const cell of index.contractsIn.get(id)?.values() ?? []) contracted += contractAmount(cell);
      // A reported backlog includes the contracts the model lists one by one, so take the larger, never the sum.
      let a = Math.max(contracted, latestBacklog(view, id) ?? 0);
      for (const cell of index.fundingIn.get(id)?.values() ?? []) a += fundingAmount(cell, "equity");
      return Math.max(0, a - (withCut ? (revenueLost.get(id) ?? 0) : 0));
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
  return deepFreeze({ lines: sorted, total, details: { multiples, newDefaults, capped } });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
