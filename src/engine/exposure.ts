/**
 * Direct (one-hop) circular exposure: how much of an entity's contracted revenue is its own money coming
 * back. Definitions, formulas and worked example in docs/methodology.md §2:
 * self-funded(X) = Σ_Y min(F(X→Y), C(Y→X)); funded backlog(X) = Σ_{Y: F(X→Y)>0} C(Y→X);
 * circular share(X) = self-funded(X) / max(Σ_Y C(Y→X), reported backlog); round-trip ratio(X,Y) = C(Y→X) / F(X→Y).
 * Every amount is read on a money basis (MONEY_BASES: firm by default, funded, committed); contingent money
 * (guarantees, backstops) is never part of F here.
 */
import { DEFAULT_MONEY_BASIS, type EntityId, type ModelView, type MoneyBasis } from "../model";
import { latestBacklog } from "./stress";
import { engineError, type EngineError } from "./result";
import { totalContractsIn } from "./flows";
import { contractOn, fundingOn, indexOf, type ViewIndex } from "./viewIndex";

/**
 * Σ over counterparties Y of min(F(X→Y), C(Y→X)): the part of X's contracted revenue that X itself paid for.
 * The minimum, because money X put in can come back at most once and revenue beyond it was paid from elsewhere.
 * @example selfFundedExposure(view, "MSFT") // min(13.8, 250) + min(5, 30) = 18.8 with C030, C029, C034, C035
 */
export function selfFundedExposure(view: ModelView, id: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS): number {
  const index = indexOf(view);
  let total = 0;
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    total += Math.min(fundingOn(cell, money), contractOn(index.contractsOut.get(y)?.get(id), money));
  }
  return total;
}

/**
 * Σ over the customers Y that X funds (F(X→Y) > 0) of C(Y→X): contracted revenue that depends on customers X finances.
 * @example fundedBacklog(view, "MSFT") // 250 + 30 = 280
 */
export function fundedBacklog(view: ModelView, id: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS): number {
  const index = indexOf(view);
  let total = 0;
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    if (fundingOn(cell, money) > 0) total += contractOn(index.contractsOut.get(y)?.get(id), money);
  }
  return total;
}

/**
 * self-funded(X) / max(Σ_Y C(Y→X), X's latest reported backlog/RPO), a fraction in [0, 1]: the contracts the
 * model lists are a subset of what X reports, so the larger is the honest denominator (review finding 4);
 * DIV_ZERO when X has neither.
 * @example circularShare(view, "MSFT") // 18.8 / max(280, reported RPO)
 */
export function circularShare(view: ModelView, id: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS): number | EngineError {
  const contractsIn = Math.max(totalContractsIn(view, id, money), latestBacklog(view, id) ?? 0);
  if (contractsIn <= 0) return engineError("DIV_ZERO", `${id} has no contracted revenue in the model, so no circular share.`);
  return Math.min(1, selfFundedExposure(view, id, money) / contractsIn);
}

/**
 * C(investee→investor) / F(investor→investee): contract dollars back per dollar of funding; DIV_ZERO when F = 0.
 * @example roundTripRatio(view, "MSFT", "OPENAI") // 250 / 13.8 ≈ 18.12
 */
export function roundTripRatio(view: ModelView, investor: EntityId, investee: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS): number | EngineError {
  const index = indexOf(view);
  const f = fundingOn(index.fundingOut.get(investor)?.get(investee), money);
  if (f <= 0) {
    const headline = fundingOn(index.fundingOut.get(investor)?.get(investee), "committed");
    const why = headline > 0 ? ` on the ${money} basis (${headline} committed, all of it conditional: try money "committed")` : "";
    return engineError("DIV_ZERO", `${investor} has no recorded funding of ${investee}${why}, so no round-trip ratio.`);
  }
  return contractOn(index.contractsOut.get(investee)?.get(investor), money) / f;
}

/** One counterparty of an entity in exposureTable: what the entity funds it with and what it buys back. */
export interface ExposureRow {
  counterparty: EntityId;
  /** F(entity→counterparty) on the table's money basis. */
  fundingOut: number;
  /** C(counterparty→entity) on the table's money basis. */
  contractsIn: number;
  /** F(entity→counterparty) on the committed (headline) basis: the pane shows it where it differs. */
  fundingOutCommitted: number;
  /** Contingent money (guarantees, backstops) from the entity to the counterparty, committed basis: reported, never in F. */
  contingentOut: number;
  /** min(fundingOut, contractsIn). */
  selfFunded: number;
  /** contractsIn / fundingOut, null when fundingOut = 0. */
  roundTripRatio: number | null;
  /** The funding and contract facts behind the row. */
  factIds: string[];
}

function counterparties(index: ViewIndex, id: EntityId): Set<EntityId> {
  const ids = new Set<EntityId>();
  for (const y of index.fundingOut.get(id)?.keys() ?? []) ids.add(y);
  for (const y of index.contractsIn.get(id)?.keys() ?? []) ids.add(y);
  ids.delete(id);
  return ids;
}

/**
 * Every counterparty the entity funds (or guarantees) or sells to under contract, on a money basis,
 * largest self-funded amount first (then contracts in, then id), each with the fact ids behind it.
 */
export function exposureTable(view: ModelView, id: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS): ExposureRow[] {
  const index = indexOf(view);
  const rows: ExposureRow[] = [];
  for (const y of counterparties(index, id)) {
    const fCell = index.fundingOut.get(id)?.get(y);
    const cCell = index.contractsOut.get(y)?.get(id);
    const fundingOut = fundingOn(fCell, money);
    const contractsIn = contractOn(cCell, money);
    const fundingOutCommitted = fundingOn(fCell, "committed");
    const contingentOut = fundingOn(fCell, "committed", "backstop");
    // A counterparty the entity only promised conditional money keeps its row (0 on this basis, the headline beside it).
    if (fundingOut <= 0 && contractsIn <= 0 && fundingOutCommitted <= 0 && contingentOut <= 0 && contractOn(cCell, "committed") <= 0) continue;
    rows.push({
      counterparty: y,
      fundingOut,
      contractsIn,
      fundingOutCommitted,
      contingentOut,
      selfFunded: Math.min(fundingOut, contractsIn),
      roundTripRatio: fundingOut > 0 ? contractsIn / fundingOut : null,
      factIds: [...(fCell?.factIds ?? []), ...(cCell?.factIds ?? [])],
    });
  }
  return rows.sort(
    (a, b) => b.selfFunded - a.selfFunded || b.contractsIn - a.contractsIn || (a.counterparty < b.counterparty ? -1 : a.counterparty > b.counterparty ? 1 : 0),
  );
}
