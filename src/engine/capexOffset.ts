/**
 * Capex offset (article claim S12): equity that X puts into its own customers comes back as X's revenue
 * without ever appearing in X's capex. amount = Σ F_equity(X→Y) over the Y with C(Y→X) > 0; ratio = the
 * part of it dated within the period of X's paired annual capex fact / that capex. Amounts on a money basis
 * (MONEY_BASES, firm by default). See docs/methodology.md §3.
 */
import { addMonthsIso, DEFAULT_MONEY_BASIS, moneyOf, type EntityId, type Fact, type ModelView, type MoneyBasis } from "../model";
import { engineError, type EngineError } from "./result";
import { amountOf, contractOn, fundingOn, indexOf, isSubAnnual, latestOwnFact } from "./viewIndex";

/** The capex offset amount and its ratio to the capex of one period (NOT_AVAILABLE without a dated year). */
export interface CapexOffset {
  /** All equity X has put into its customers in the view (the stock; the Exposure sheet's column). */
  amount: number;
  /** money into customers dated within the paired period / that period's capex (review finding 5). */
  ratio: number | EngineError;
  /** Equity into customers dated within the paired period, on the money basis. */
  periodAmount: number;
  /**
   * The period the ratio pairs: the capex fact and its window (start exclusive, end inclusive); `current`:
   * the window contains the view's as-of date (else it is the latest year that ended before it); `leases`:
   * whether the capex figure's unit says it includes finance leases, excludes them ("excluded" only where the
   * data hold no other figure for the year) or does not say (cash purchases of PP&E). null without an annual figure.
   */
  period: { capexFactId: string; start: string; end: string; months: number; capexUsdBn: number; current: boolean; leases: "included" | "excluded" | "not stated" } | null;
}

const EXCLUDES_LEASES = /excl\.?\w*\s+finance[- ]lease/i;
const INCLUDES_LEASES = /incl\.?\w*\s+finance[- ]lease/i;

/** Whether a capex figure's unit says it includes finance leases, excludes them, or does not say (cash PP&E purchases). */
function leasesOf(fact: Fact): "included" | "excluded" | "not stated" {
  return EXCLUDES_LEASES.test(fact.unit) ? "excluded" : INCLUDES_LEASES.test(fact.unit) ? "included" : "not stated";
}
const LEASE_RANK = { included: 2, "not stated": 1, excluded: 0 } as const;

/**
 * The capex fact the ratio pairs with: a fiscal or calendar year (periodMonths 12, periodEnd known) on X
 * itself with a positive amount, actual or guidance. The year **containing the view's as-of date** wins
 * (the current year: guidance until the actual is reported); when the view holds no figure for it, the
 * latest year that ended before the as-of date. For the same period a figure that says it includes finance
 * leases wins over one that does not say, and that over one excluding them (one basis for every company as
 * far as the data allow), then the newest fact (an actual reported after a guide).
 */
export function pairedAnnualCapex(view: ModelView, id: EntityId): Fact | undefined {
  const facts = (indexOf(view).factsByEntity.get(id) ?? []).filter(
    (f) => f.kind === "capex" && f.from === id && f.to === id && (amountOf(f) ?? 0) > 0 && f.periodMonths === 12 && f.periodEnd !== null,
  );
  const contains = (f: Fact): boolean => addMonthsIso(f.periodEnd as string, -12) < view.asOf && view.asOf <= (f.periodEnd as string);
  const ended = (f: Fact): boolean => (f.periodEnd as string) < view.asOf;
  const rank = (f: Fact): string => `${contains(f) ? 2 : ended(f) ? 1 : 0}|${f.periodEnd}|${LEASE_RANK[leasesOf(f)]}|${f.date}`;
  // A year that starts after the as-of date (next year's guide) pairs only when nothing else does.
  let best: { fact: Fact; rank: string } | undefined;
  for (const fact of facts) {
    const r = rank(fact);
    if (best === undefined || r > best.rank) best = { fact, rank: r };
  }
  return best?.fact;
}

/**
 * The latest annual capex fact recorded on the entity itself (from = to = id, a positive amount, a unit
 * that is not a quarter or half-year). Guidance for a year counts: it is the figure analysts compare with.
 */
export function latestAnnualCapex(view: ModelView, id: EntityId): Fact | undefined {
  return latestOwnFact(indexOf(view), id, ["capex"], (f) => (amountOf(f) ?? 0) > 0 && !isSubAnnual(f));
}

/**
 * Equity investments of X into its own customers (USD bn), and the part dated within the year of X's
 * paired capex fact as a share of that year's capex, both on a money basis (firm by default).
 * @example capexOffset(latestView, "AMZN") // { amount: 50 + 5 + 8 = 63, periodAmount: 50 + (25 − 20) = 55, ratio: 55 / 220, period: N009 calendar 2026 }
 */
export function capexOffset(view: ModelView, id: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS): CapexOffset {
  const index = indexOf(view);
  let amount = 0;
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    if (contractOn(index.contractsOut.get(y)?.get(id), money) > 0) amount += fundingOn(cell, money, "equity");
  }
  // A dated fiscal year first; a year figure without period fields (hand-made tables) ends on its own date.
  const capex = pairedAnnualCapex(view, id) ?? latestAnnualCapex(view, id);
  if (capex === undefined) {
    const amountless = (index.factsByEntity.get(id) ?? []).find((f) => f.kind === "capex" && f.from === id && f.to === id && amountOf(f) === null);
    const why = amountless === undefined ? `No annual capex figure for ${id} in the model` : `${id}'s capex fact ${amountless.id} has no amount (${amountless.unit})`;
    return { amount, ratio: engineError("NOT_AVAILABLE", `${why}, so no capex offset ratio; the amount (equity into customers) still stands.`), periodAmount: 0, period: null };
  }
  const end = capex.periodEnd ?? capex.date;
  const start = addMonthsIso(end, -12);
  const periodAmount = periodEquity(view, id, start, end, money).reduce((s, f) => s + (moneyOf(f, money) ?? 0), 0);
  const capexUsdBn = amountOf(capex) as number;
  const current = start < view.asOf && view.asOf <= end;
  const leases = leasesOf(capex);
  return { amount, ratio: periodAmount / capexUsdBn, periodAmount, period: { capexFactId: capex.id, start, end, months: 12, capexUsdBn, current, leases } };
}

/** X's investment facts into its customers (on the money basis) dated within (start, end]. */
function periodEquity(view: ModelView, id: EntityId, start: string, end: string, money: MoneyBasis): Fact[] {
  const index = indexOf(view);
  const ids = new Set<string>();
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    if (contractOn(index.contractsOut.get(y)?.get(id), money) > 0) cell.equityFactIds.forEach((f) => ids.add(f));
  }
  return (index.factsByEntity.get(id) ?? []).filter((f) => ids.has(f.id) && f.date > start && f.date <= end);
}

/** Fact ids behind capexOffset: the equity facts into customers, and the capex fact used for the ratio (or null). */
export function capexOffsetFactIds(view: ModelView, id: EntityId, money: MoneyBasis = DEFAULT_MONEY_BASIS): { equity: string[]; capex: string | null } {
  const index = indexOf(view);
  const equity: string[] = [];
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    if (contractOn(index.contractsOut.get(y)?.get(id), money) > 0) equity.push(...cell.equityFactIds);
  }
  return { equity, capex: (pairedAnnualCapex(view, id) ?? latestAnnualCapex(view, id))?.id ?? null };
}
