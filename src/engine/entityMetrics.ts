/**
 * What the task pane's summary cards show for one entity, with the fact ids behind each figure so a
 * tooltip can cite them (docs/methodology.md §8). Also factsBehind, the citations for SOURCE().
 */
import type { EntityId, Fact, ModelView } from "../model";
import { capexOffset, capexOffsetFactIds } from "./capexOffset";
import { circularShare, fundedBacklog, selfFundedExposure } from "./exposure";
import { isEngineError } from "./result";
import { latestValuation } from "./stakeOf";
import { amountOf, contractAmount, fundingAmount, indexOf } from "./viewIndex";

/** The summary-card figures of an entity; null where the measure is undefined (no revenue, no capex, no price). */
export interface EntityMetrics {
  id: EntityId;
  selfFunded: number;
  fundedBacklog: number;
  share: number | null;
  capexOffset: number;
  capexOffsetRatio: number | null;
  /** Latest market cap or valuation, USD bn. */
  marketValue: number | null;
  /** Per metric name (selfFunded, fundedBacklog, share, capexOffset, capexOffsetRatio, marketValue): the fact ids behind it. */
  factIds: Record<string, string[]>;
}

/**
 * The entity's summary figures and their sources; an id without facts gets zeros and nulls.
 * @example entityMetrics(view, "MSFT").selfFunded // same as selfFundedExposure(view, "MSFT")
 */
export function entityMetrics(view: ModelView, id: EntityId): EntityMetrics {
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
  const share = circularShare(view, id);
  const offset = capexOffset(view, id);
  const offsetIds = capexOffsetFactIds(view, id);
  const valuation = latestValuation(view, id);
  return {
    id,
    selfFunded: selfFundedExposure(view, id),
    fundedBacklog: fundedBacklog(view, id),
    share: isEngineError(share) ? null : share,
    capexOffset: offset.amount,
    capexOffsetRatio: isEngineError(offset.ratio) ? null : offset.ratio,
    marketValue: valuation === undefined ? null : (amountOf(valuation) as number),
    factIds: {
      selfFunded: selfFundedIds,
      fundedBacklog: backlogIds,
      share: [...new Set([...selfFundedIds, ...allContractIds])],
      capexOffset: offsetIds.equity,
      capexOffsetRatio: offsetIds.capex === null ? [] : [...offsetIds.equity, offsetIds.capex],
      marketValue: valuation === undefined ? [] : [valuation.id],
    },
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
