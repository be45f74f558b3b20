/**
 * The two money flows every AIFIN measure is built from (docs/methodology.md §1):
 * F(X→Y), funding that X puts into Y (investment, loan and backstop facts), and C(Y→X), the contract value
 * buyer Y has committed to vendor X. Only facts with a dollar amount count; facts on a group entity stay
 * on the group id (the model never sums a group with its members). See docs/methodology.md §1.
 */
import { DEFAULT_MONEY_BASIS, type EntityId, type FundingKind, type ModelView, type MoneyBasis } from "../model";
import { contractOn, fundingOn, indexOf } from "./viewIndex";

/** Which funding facts count: all of them, or one money channel (declared once in the model: FUNDING_KINDS). */
export type { FundingKind };

/**
 * F(from→to): USD bn of funding facts from `from` to `to` in the view, on a money basis (firm by default).
 * "all" is every channel but the contingent one (guarantees, backstops: ask for "backstop").
 * @example funding(view, "MSFT", "OPENAI") // 13.8 when the view holds C030 only
 * @example funding(latest, "NVDA", "OPENAI", "backstop") // 105, N023's cap: not in "all"
 */
export function funding(view: ModelView, from: EntityId, to: EntityId, kind: FundingKind = "all", money: MoneyBasis = DEFAULT_MONEY_BASIS): number {
  return fundingOn(indexOf(view).fundingOut.get(from)?.get(to), money, kind);
}

/**
 * C(buyer→vendor): USD bn of contract value the buyer has committed to the vendor in the view.
 * @example contractValue(view, "OPENAI", "MSFT") // 250 (C029)
 */
export function contractValue(view: ModelView, buyer: EntityId, vendor: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS): number {
  return contractOn(indexOf(view).contractsOut.get(buyer)?.get(vendor), money);
}

/** Σ_Y F(id→Y): everything the entity funds in the view. */
export function totalFundingOut(view: ModelView, id: EntityId, kind: FundingKind = "all", money: MoneyBasis = DEFAULT_MONEY_BASIS): number {
  let total = 0;
  for (const cell of indexOf(view).fundingOut.get(id)?.values() ?? []) total += fundingOn(cell, money, kind);
  return total;
}

/** Σ_Y C(Y→id): the entity's contracted revenue from every modelled customer. */
export function totalContractsIn(view: ModelView, id: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS): number {
  let total = 0;
  for (const cell of indexOf(view).contractsIn.get(id)?.values() ?? []) total += contractOn(cell, money);
  return total;
}
