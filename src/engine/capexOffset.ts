/**
 * Capex offset (article claim S12): equity that X puts into its own customers comes back as X's revenue
 * without ever appearing in X's capex. amount = Σ F_equity(X→Y) over the Y with C(Y→X) > 0; ratio =
 * amount / X's latest annual capex fact in the view. See docs/methodology.md §3.
 */
import type { EntityId, Fact, ModelView } from "../model";
import { engineError, type EngineError } from "./result";
import { amountOf, contractAmount, fundingAmount, indexOf, isSubAnnual, latestOwnFact } from "./viewIndex";

/** The capex offset amount and its ratio to the entity's latest annual capex (NOT_AVAILABLE without one). */
export interface CapexOffset {
  amount: number;
  ratio: number | EngineError;
}

/**
 * The latest annual capex fact recorded on the entity itself (from = to = id, a positive amount, a unit
 * that is not a quarter or half-year). Guidance for a year counts: it is the figure analysts compare with.
 */
export function latestAnnualCapex(view: ModelView, id: EntityId): Fact | undefined {
  return latestOwnFact(indexOf(view), id, ["capex"], (f) => (amountOf(f) ?? 0) > 0 && !isSubAnnual(f));
}

/**
 * Equity investments of X into its own customers, in USD bn and as a share of X's latest annual capex.
 * @example capexOffset(view, "MSFT") // { amount: 13.8 + 5, ratio: 18.8 / 64.6 } with C030, C034 and C076
 */
export function capexOffset(view: ModelView, id: EntityId): CapexOffset {
  const index = indexOf(view);
  let amount = 0;
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    if (contractAmount(index.contractsOut.get(y)?.get(id)) > 0) amount += fundingAmount(cell, "equity");
  }
  const capex = latestAnnualCapex(view, id);
  const ratio =
    capex === undefined
      ? engineError("NOT_AVAILABLE", `No annual capex figure for ${id} in the model.`)
      : amount / (amountOf(capex) as number);
  return { amount, ratio };
}

/** Fact ids behind capexOffset: the equity facts into customers, and the capex fact used for the ratio (or null). */
export function capexOffsetFactIds(view: ModelView, id: EntityId): { equity: string[]; capex: string | null } {
  const index = indexOf(view);
  const equity: string[] = [];
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    if (contractAmount(index.contractsOut.get(y)?.get(id)) > 0) equity.push(...cell.equityFactIds);
  }
  return { equity, capex: latestAnnualCapex(view, id)?.id ?? null };
}
