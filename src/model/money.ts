/**
 * How much of one fact's amount counts on a money basis (MONEY_BASES, docs/methodology.md §1). The one
 * place the certainty fields (fundedUsdBn, conditionalUsdBn) are read for the exposure measures.
 */
import { CHANNEL_IS_CONTINGENT, CHANNEL_IS_FUNDING, KIND_MEANINGS, type Fact, type FundingChannel, type MoneyBasis } from "./types";

function finite(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

/**
 * The fact's amount on `basis`, within [0, amount]; null when the fact has no dollar amount.
 * - committed: the amount;
 * - firm: amount − conditional (conditional unknown = none);
 * - funded: fundedUsdBn where the data say; else the firm part, except on a contingent channel (a guarantee or
 *   backstop), which pays nothing until it is called.
 * Kinds without certainty (levels, flows, stakes) and negative amounts count as they stand on every basis.
 * @example moneyOf(C002, "firm") // 50 − 35 = 15 (Amazon's up-front tranche); moneyOf(C002, "committed") // 50
 */
export function moneyOf(fact: Fact, basis: MoneyBasis): number | null {
  const amount = finite(fact.amountUsdBn);
  if (amount === null) return null;
  const meaning = KIND_MEANINGS[fact.kind];
  if (!meaning.certainty || amount <= 0 || basis === "committed") return amount;
  const firm = Math.min(amount, Math.max(0, amount - (finite(fact.conditionalUsdBn) ?? 0)));
  if (basis === "firm") return firm;
  const funded = finite(fact.fundedUsdBn);
  if (funded !== null) return Math.min(amount, Math.max(0, funded));
  const contingent = CHANNEL_IS_FUNDING[meaning.channel] && meaning.channel !== "contract" && CHANNEL_IS_CONTINGENT[meaning.channel as FundingChannel];
  return contingent ? 0 : firm;
}
