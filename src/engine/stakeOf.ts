/**
 * A holder's stake in a company from the view's stake facts (docs/methodology.md §4).
 * pct = Σ pct of the stake facts; value = Σ amounts with amountBasis "value", else pct × the company's
 * latest valuation or market cap (a derived figure); cost = Σ amounts with amountBasis "cost".
 * Summing is safe because the view is additive: a newer stake figure supersedes the older one.
 */
import type { EntityId, Fact, ModelView } from "../model";
import { engineError, type EngineError } from "./result";
import { amountOf, indexOf, latestOwnFact } from "./viewIndex";

/** Which number of a stake: fraction held, market value of the holding, or money put in (USD bn). */
export type StakeField = "pct" | "value" | "cost";

/** The company's latest positive valuation or market cap fact (market caps recorded as losses are negative and skipped). */
export function latestValuation(view: ModelView, company: EntityId): Fact | undefined {
  return latestOwnFact(indexOf(view), company, ["valuation", "market_cap"], (f) => (amountOf(f) ?? 0) > 0);
}

/** The stake facts from holder to company in the view. */
export function stakeFacts(view: ModelView, holder: EntityId, company: EntityId): readonly Fact[] {
  return indexOf(view).stakes.get(holder)?.get(company) ?? [];
}

function sum(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

/**
 * The holder's stake in the company; NOT_AVAILABLE when no fact gives the field (and, for value, none
 * can be derived from pct × valuation).
 * @example stakeOf(view, "MSFT", "OPENAI", "pct") // 0.27 (C028)
 */
export function stakeOf(view: ModelView, holder: EntityId, company: EntityId, field: StakeField): number | EngineError {
  const facts = stakeFacts(view, holder, company);
  const pct = sum(facts.filter((f) => f.pct !== null && Number.isFinite(f.pct)).map((f) => f.pct as number));
  if (field === "pct") return pct ?? notAvailable(holder, company, "percentage");
  const basis = (b: "value" | "cost") => sum(facts.filter((f) => f.amountBasis === b && amountOf(f) !== null).map((f) => amountOf(f) as number));
  if (field === "cost") return basis("cost") ?? notAvailable(holder, company, "cost");
  const value = basis("value");
  if (value !== null) return value;
  const valuation = latestValuation(view, company);
  if (pct !== null && valuation !== undefined) return pct * (amountOf(valuation) as number);
  return notAvailable(holder, company, "value");
}

function notAvailable(holder: EntityId, company: EntityId, what: string): EngineError {
  return engineError("NOT_AVAILABLE", `The model records no stake ${what} of ${holder} in ${company}.`);
}
