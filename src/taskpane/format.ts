/**
 * Number and date formatting for the pane. Amounts are USD bn (the model's unit); shares are fractions.
 * Fixed en-US grouping keeps figures identical in tests and in every Office locale.
 */

const bn = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "USD 250.0 bn"; trillions switch unit so "USD 1.2 trn" stays short in a narrow card. */
export function formatUsdBn(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "—";
  if (Math.abs(amount) >= 1000) return `USD ${bn.format(amount / 1000)} trn`;
  return `USD ${bn.format(amount)} bn`;
}

/** A short amount for dense lists: "250.0" (unit given by the column header or legend). */
export function formatBnShort(amount: number): string {
  if (!Number.isFinite(amount)) return "—";
  return bn.format(amount);
}

/** 0.385 → "38.5 %". */
export function formatPct(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  return `${bn.format(fraction * 100)} %`;
}

/** A multiple: 2.5 → "2.5×". */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${bn.format(value)}×`;
}
