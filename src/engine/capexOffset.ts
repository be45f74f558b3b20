/**
 * Capex offset (article claim S12): equity that X puts into its own customers comes back as X's revenue
 * without ever appearing in X's capex. amount = Σ F_equity(X→Y) over the Y with C(Y→X) > 0; ratio = the
 * part of it funded within the period of X's paired annual capex fact / that capex. See docs/methodology.md §3.
 */
import type { EntityId, Fact, ModelView } from "../model";
import { engineError, type EngineError } from "./result";
import { amountOf, contractAmount, fundingAmount, indexOf, isSubAnnual, latestOwnFact } from "./viewIndex";

/** The capex offset amount and its ratio to the capex of one period (NOT_AVAILABLE without a dated year). */
export interface CapexOffset {
  /** All equity X has put into its customers in the view (the stock; the Exposure sheet's column). */
  amount: number;
  /** money funded within the paired period / that period's capex (review finding 5). */
  ratio: number | EngineError;
  /** Equity into customers funded within the paired period: fundedUsdBn, else amount − conditional. */
  periodAmount: number;
  /** The period the ratio pairs: the capex fact and its window (start exclusive, end inclusive); null without one. */
  period: { capexFactId: string; start: string; end: string; months: number; capexUsdBn: number } | null;
}

/** ISO date `months` months before `iso` (month ends stay month ends: 2025-06-30 − 12 → 2024-06-30). */
function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

const EXCLUDES_LEASES = /excl\.?\w*\s+finance[- ]lease/i;

/**
 * The capex fact the ratio pairs with: a fiscal or calendar year (periodMonths 12, periodEnd known) on X
 * itself with a positive amount, actual or guidance; the latest period end wins; for the same period a
 * figure including finance leases wins over one that excludes them (one basis for every company), then
 * the newest fact.
 */
export function pairedAnnualCapex(view: ModelView, id: EntityId): Fact | undefined {
  const facts = (indexOf(view).factsByEntity.get(id) ?? []).filter(
    (f) => f.kind === "capex" && f.from === id && f.to === id && (amountOf(f) ?? 0) > 0 && f.periodMonths === 12 && f.periodEnd !== null,
  );
  const rank = (f: Fact): string => `${f.periodEnd}|${EXCLUDES_LEASES.test(f.unit) ? 0 : 1}|${f.date}`;
  return [...facts].sort((a, b) => (rank(a) < rank(b) ? 1 : rank(a) > rank(b) ? -1 : 0))[0];
}

/** Money of an investment fact funded by its date: fundedUsdBn when known, else the firm part (amount − conditional). */
function fundedOf(fact: Fact): number {
  const amount = amountOf(fact) ?? 0;
  const funded = fact.fundedUsdBn ?? amount - (fact.conditionalUsdBn ?? 0);
  return Math.max(0, funded);
}

/**
 * The latest annual capex fact recorded on the entity itself (from = to = id, a positive amount, a unit
 * that is not a quarter or half-year). Guidance for a year counts: it is the figure analysts compare with.
 */
export function latestAnnualCapex(view: ModelView, id: EntityId): Fact | undefined {
  return latestOwnFact(indexOf(view), id, ["capex"], (f) => (amountOf(f) ?? 0) > 0 && !isSubAnnual(f));
}

/**
 * Equity investments of X into its own customers (USD bn), and the part funded within the year of X's
 * paired capex fact as a share of that year's capex.
 * @example capexOffset(latestView, "AMZN") // { amount: 83, periodAmount: 50 + (25 − 20) = 55, ratio: 55 / 220, period: N009 calendar 2026 }
 */
export function capexOffset(view: ModelView, id: EntityId): CapexOffset {
  const index = indexOf(view);
  let amount = 0;
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    if (contractAmount(index.contractsOut.get(y)?.get(id)) > 0) amount += fundingAmount(cell, "equity");
  }
  // A dated fiscal year first; a year figure without period fields (hand-made tables) ends on its own date.
  const capex = pairedAnnualCapex(view, id) ?? latestAnnualCapex(view, id);
  if (capex === undefined) {
    return { amount, ratio: engineError("NOT_AVAILABLE", `No annual capex figure for ${id} in the model.`), periodAmount: 0, period: null };
  }
  const end = capex.periodEnd ?? capex.date;
  const start = monthsBefore(end, 12);
  const periodAmount = periodEquity(view, id, start, end).reduce((s, f) => s + fundedOf(f), 0);
  const capexUsdBn = amountOf(capex) as number;
  return { amount, ratio: periodAmount / capexUsdBn, periodAmount, period: { capexFactId: capex.id, start, end, months: 12, capexUsdBn } };
}

/** X's investment facts into its customers dated within (start, end]. */
function periodEquity(view: ModelView, id: EntityId, start: string, end: string): Fact[] {
  const index = indexOf(view);
  const ids = new Set<string>();
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    if (contractAmount(index.contractsOut.get(y)?.get(id)) > 0) cell.equityFactIds.forEach((f) => ids.add(f));
  }
  return (index.factsByEntity.get(id) ?? []).filter((f) => ids.has(f.id) && f.date > start && f.date <= end);
}

/** Fact ids behind capexOffset: the equity facts into customers, and the capex fact used for the ratio (or null). */
export function capexOffsetFactIds(view: ModelView, id: EntityId): { equity: string[]; capex: string | null } {
  const index = indexOf(view);
  const equity: string[] = [];
  for (const [y, cell] of index.fundingOut.get(id) ?? []) {
    if (contractAmount(index.contractsOut.get(y)?.get(id)) > 0) equity.push(...cell.equityFactIds);
  }
  return { equity, capex: (pairedAnnualCapex(view, id) ?? latestAnnualCapex(view, id))?.id ?? null };
}
