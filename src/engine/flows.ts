/**
 * The two money flows every AIFIN measure is built from (docs/methodology.md §1):
 * F(X→Y), funding that X puts into Y (investment, loan and backstop facts), and C(Y→X), the contract value
 * buyer Y has committed to vendor X. Only facts with a dollar amount count; facts on a group entity stay
 * on the group id (the model never sums a group with its members). See docs/methodology.md §1.
 */
import type { EntityId, FundingKind, ModelView } from "../model";
import { contractAmount, fundingAmount, indexOf } from "./viewIndex";

/** Which funding facts count: all of them, or one money channel (declared once in the model: FUNDING_KINDS). */
export type { FundingKind };

/**
 * F(from→to): USD bn of funding facts from `from` to `to` in the view.
 * @example funding(view, "MSFT", "OPENAI") // 13.8 when the view holds C030 only
 */
export function funding(view: ModelView, from: EntityId, to: EntityId, kind: FundingKind = "all"): number {
  return fundingAmount(indexOf(view).fundingOut.get(from)?.get(to), kind);
}

/**
 * C(buyer→vendor): USD bn of contract value the buyer has committed to the vendor in the view.
 * @example contractValue(view, "OPENAI", "MSFT") // 250 (C029)
 */
export function contractValue(view: ModelView, buyer: EntityId, vendor: EntityId): number {
  return contractAmount(indexOf(view).contractsOut.get(buyer)?.get(vendor));
}

/** Σ_Y F(id→Y): everything the entity funds in the view. */
export function totalFundingOut(view: ModelView, id: EntityId, kind: FundingKind = "all"): number {
  let total = 0;
  for (const cell of indexOf(view).fundingOut.get(id)?.values() ?? []) total += fundingAmount(cell, kind);
  return total;
}

/** Σ_Y C(Y→id): the entity's contracted revenue from every modelled customer. */
export function totalContractsIn(view: ModelView, id: EntityId): number {
  let total = 0;
  for (const cell of indexOf(view).contractsIn.get(id)?.values() ?? []) total += contractAmount(cell);
  return total;
}
