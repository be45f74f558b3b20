/**
 * What the task pane's summary cards show for one entity, with the fact ids behind each figure so a
 * tooltip can cite them (docs/methodology.md §8). Also factsBehind, the citations for SOURCE().
 */
import { DEFAULT_MONEY_BASIS, MONEY_BASES, type EntityId, type Fact, type ModelView, type MoneyBasis } from "../model";
import { capexOffset, capexOffsetFactIds } from "./capexOffset";
import { circularShare, fundedBacklog, selfFundedExposure } from "./exposure";
import { isEngineError } from "./result";
import { latestValuation } from "./stakeOf";
import { amountOf, contractAmount, fundingAmount, indexOf } from "./viewIndex";

/** The money figures of the summary cards on one money basis; null where undefined (no contracts in, no capex). */
export interface MoneyFigures {
  selfFunded: number;
  fundedBacklog: number;
  share: number | null;
  capexOffset: number;
  capexOffsetRatio: number | null;
}

/** The headline figures that can rest on our estimates (facts with estimate TRUE, e.g. E02). */
export const ESTIMATE_CHECKED_FIGURES = ["selfFunded", "fundedBacklog", "share"] as const;
export type EstimateCheckedFigure = (typeof ESTIMATE_CHECKED_FIGURES)[number];

/** A figure that rests on our estimates: the estimate facts behind it and the same figure without them. */
export interface EstimateReliance {
  estimateIds: string[];
  without: number | null;
}

/** The summary-card figures of an entity; null where the measure is undefined (no revenue, no capex, no price). */
export interface EntityMetrics {
  id: EntityId;
  /** The money basis of the top-level figures (DEFAULT_MONEY_BASIS unless asked). */
  money: MoneyBasis;
  /** The same money figures on every basis, so a view can show the committed figure beside the firm one where they differ. */
  byBasis: Record<MoneyBasis, MoneyFigures>;
  selfFunded: number;
  fundedBacklog: number;
  share: number | null;
  capexOffset: number;
  capexOffsetRatio: number | null;
  /** Latest market cap or valuation, USD bn. */
  marketValue: number | null;
  /** Per metric name (selfFunded, fundedBacklog, share, capexOffset, capexOffsetRatio, marketValue): the fact ids behind it. */
  factIds: Record<string, string[]>;
  /**
   * Only when a view without estimates was given: each figure that moves when our estimates are left out,
   * with the estimates behind it and its value without them (review 2, finding 8: Nvidia's 32 is 2 without E02).
   */
  restsOnEstimates?: Partial<Record<EstimateCheckedFigure, EstimateReliance>>;
}

/**
 * The entity's summary figures and their sources; an id without facts gets zeros and nulls. With
 * `withoutEstimates` (the same date and basis with includeEstimates FALSE, built by the model), also which
 * figures rest on estimates and what they are without them.
 * @example entityMetrics(view, "MSFT").selfFunded // same as selfFundedExposure(view, "MSFT")
 * @example entityMetrics(view, "NVDA", "firm", bare).restsOnEstimates?.selfFunded // { estimateIds: ["E02"], without: 2 }
 */
export function entityMetrics(view: ModelView, id: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS, withoutEstimates?: ModelView): EntityMetrics {
  const index = indexOf(view);
  const selfFundedIds: string[] = [];
  const backlogIds: string[] = [];
  const allContractIds: string[] = [];
  for (const cell of index.contractsIn.get(id)?.values() ?? []) allContractIds.push(...cell.factIds);
  for (const [y, fCell] of index.fundingOut.get(id) ?? []) {
    const cCell = index.contractsOut.get(y)?.get(id);
    if (fundingAmount(fCell) <= 0 || contractAmount(cCell) <= 0 || cCell === undefined) continue;
    selfFundedIds.push(...fCell.factIds, ...cCell.factIds);
    backlogIds.push(...cCell.factIds);
  }
  const byBasis = Object.fromEntries(MONEY_BASES.map((b) => [b, moneyFigures(view, id, b)])) as Record<MoneyBasis, MoneyFigures>;
  // The citations name every fact behind a figure on any basis (a conditional tranche is still a source).
  const offsetIds = capexOffsetFactIds(view, id, "committed");
  const valuation = latestValuation(view, id);
  const factIds: Record<string, string[]> = {
    selfFunded: selfFundedIds,
    fundedBacklog: backlogIds,
    share: [...new Set([...selfFundedIds, ...allContractIds])],
    capexOffset: offsetIds.equity,
    capexOffsetRatio: offsetIds.capex === null ? [] : [...offsetIds.equity, offsetIds.capex],
    marketValue: valuation === undefined ? [] : [valuation.id],
  };
  const metrics: EntityMetrics = {
    id,
    money,
    byBasis,
    ...byBasis[money],
    marketValue: valuation === undefined ? null : (amountOf(valuation) as number),
    factIds,
  };
  if (withoutEstimates !== undefined) metrics.restsOnEstimates = estimateReliance(view, withoutEstimates, id, byBasis[money], money, factIds);
  return metrics;
}

/** Figures closer than this are the same figure (USD bn, or a fraction for shares). */
const SAME_FIGURE = 1e-9;

/** The figures that move without our estimates, each with the estimate ids among its facts (sorted). */
function estimateReliance(
  view: ModelView,
  bare: ModelView,
  id: EntityId,
  shown: MoneyFigures,
  money: MoneyBasis,
  factIds: Record<string, string[]>,
): Partial<Record<EstimateCheckedFigure, EstimateReliance>> {
  const out: Partial<Record<EstimateCheckedFigure, EstimateReliance>> = {};
  const estimates = new Set(view.facts.filter((f) => f.estimate).map((f) => f.id));
  if (estimates.size === 0) return out;
  let without: MoneyFigures | undefined;
  for (const key of ESTIMATE_CHECKED_FIGURES) {
    const ids = [...new Set((factIds[key] ?? []).filter((fid) => estimates.has(fid)))].sort();
    if (ids.length === 0) continue;
    without ??= moneyFigures(bare, id, money);
    const a = shown[key];
    const b = without[key];
    if (a === b || (a !== null && b !== null && Math.abs(a - b) <= SAME_FIGURE)) continue;
    out[key] = { estimateIds: ids, without: b };
  }
  return out;
}

function moneyFigures(view: ModelView, id: EntityId, money: MoneyBasis): MoneyFigures {
  const share = circularShare(view, id, money);
  const offset = capexOffset(view, id, money);
  return {
    selfFunded: selfFundedExposure(view, id, money),
    fundedBacklog: fundedBacklog(view, id, money),
    share: isEngineError(share) ? null : share,
    capexOffset: offset.amount,
    capexOffsetRatio: isEngineError(offset.ratio) ? null : offset.ratio,
  };
}

/**
 * The view's facts about an entity (either side), or only those between it and a counterparty, oldest
 * first (ties by id). Every kind counts, amount or not: a GW-only contract is still a citation.
 */
export function factsBehind(view: ModelView, id: EntityId, counterparty?: EntityId): Fact[] {
  const facts = indexOf(view).factsByEntity.get(id) ?? [];
  const chosen = counterparty === undefined ? [...facts] : facts.filter((f) => (f.from === id && f.to === counterparty) || (f.to === id && f.from === counterparty));
  return chosen.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
