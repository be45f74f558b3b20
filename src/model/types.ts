/**
 * The shapes every layer shares. model owns them; engine, functions, office and taskpane read them.
 * Amounts are USD billions; percentages are fractions (0.27 for 27 %); dates are ISO `YYYY-MM-DD`.
 */

export type EntityId = string;

export const ROLES = [
  "hyperscaler",
  "chip_maker",
  "ai_lab",
  "neocloud",
  "dc_developer",
  "investor",
  "lender",
  "project_vehicle",
  "aggregate",
  "other",
] as const;
export type Role = (typeof ROLES)[number];

export interface Entity {
  /** Ticker where listed (MSFT), a stable upper-case slug where private (OPENAI). */
  id: EntityId;
  /** English display name. */
  name: string;
  /** Traditional Chinese name as the source article writes it, where it names the entity. */
  nameZh: string | null;
  /** Other tickers (9984.T), common names, Chinese names: every one resolves to this entity. */
  aliases: readonly string[];
  roles: readonly Role[];
  listed: boolean;
  /** For a group entity (HYPERSCALERS4, a bank syndicate): its member ids where known. Facts on a
   *  group are aggregates and are never summed with facts on its members. */
  members: readonly EntityId[];
}

export const FACT_KINDS = [
  "stake",
  "investment",
  "contract",
  "loan",
  "backstop",
  "capex",
  "market_cap",
  "valuation",
  "revenue",
  "burn",
  "other",
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Ordered from least to most certain. */
export const FACT_STATUSES = ["rumoured", "announced", "signed", "closed", "reported"] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

export const CLAIM_IDS = ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13", "S14", "S15"] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export interface Source {
  title: string;
  publisher: string;
  /** Where we read it; null when no URL is known (never invented). */
  url: string | null;
  /** ISO date of the source. */
  date: string;
}

/**
 * One cited fact. Direction: investment/loan/backstop/stake run from the funder or holder (`from`) to the
 * company (`to`); a contract runs from the buyer (`from`) to the vendor (`to`); single-entity facts
 * (capex, market_cap, valuation, revenue, burn) have `from === to`.
 */
export interface Fact {
  id: string;
  kind: FactKind;
  from: EntityId;
  to: EntityId;
  /** USD bn; null when the fact has no dollar amount (GW-only contracts, undisclosed amounts). */
  amountUsdBn: number | null;
  /** What the amount means for a stake: "value" (market value of the holding) or "cost" (money put in). */
  amountBasis: "value" | "cost" | null;
  /** Fraction 0..1 (stakes, shares), else null. */
  pct: number | null;
  /** The unit or scope note from the research ("USD bn over 7 yrs", "2 GW"). */
  unit: string;
  /** ISO date the fact became known or took effect (partial dates: first day of the period). */
  date: string;
  termYears: number | null;
  status: FactStatus;
  description: string;
  source: Source;
  /** false for facts that rest only on the source article or on memory ("unverified"). */
  verified: boolean;
  /** true for our own estimates (e.g. GPU purchases implied by a GW deal): labelled, never presented as reported. */
  estimate: boolean;
  /** Ids of earlier facts this one replaces (a newer figure, or a cumulative total that includes them). */
  supersedes: readonly string[];
  /** Article claims (S1..S15) this fact supports. */
  claims: readonly ClaimId[];
}

/** Which facts count: confirmed (announced, signed, closed, reported) or also rumoured ones. */
export interface Basis {
  includeRumoured: boolean;
  /** Whether our own labelled estimates (`estimate: true`) count; omitted means they do. */
  includeEstimates?: boolean;
}

/**
 * A point-in-time view: entities plus the facts in force on `asOf` under `basis` (dated on or before
 * asOf, superseded ones removed). Additive by construction: for a given (kind, from, to), summing the
 * amounts of `facts` never double counts.
 */
export interface ModelView {
  asOf: string;
  basis: Basis;
  entities: readonly Entity[];
  facts: readonly Fact[];
}
