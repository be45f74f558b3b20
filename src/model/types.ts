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
  "guarantee",
  "warrant",
  "acquisition",
  "debt",
  "backlog",
  "rating",
  "price",
  "spread",
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * How a fact kind moves money between its two entities. equity, debt, backstop and vendor_financing are
 * funding (F in docs/methodology.md); contract is a purchase commitment (C); acquisition buys the target
 * (its money goes to the seller, not into the target); none moves no money (levels, evidence, holdings).
 */
export const MONEY_CHANNELS = ["equity", "debt", "backstop", "vendor_financing", "contract", "acquisition", "none"] as const;
export type MoneyChannel = (typeof MONEY_CHANNELS)[number];

/** Whether each money channel is funding: declared once, so a new channel must be classified here. */
export const CHANNEL_IS_FUNDING: Readonly<Record<MoneyChannel, boolean>> = Object.freeze({
  equity: true,
  debt: true,
  backstop: true,
  vendor_financing: true,
  contract: false,
  acquisition: false,
  none: false,
});

/** The funding channels, in MONEY_CHANNELS order (derived from {@link CHANNEL_IS_FUNDING}). */
export type FundingChannel = "equity" | "debt" | "backstop" | "vendor_financing";
export const FUNDING_CHANNELS: readonly FundingChannel[] = Object.freeze(
  MONEY_CHANNELS.filter((c): c is FundingChannel => CHANNEL_IS_FUNDING[c]),
);
/**
 * Whether a funding channel is contingent: money that moves only if something goes wrong (a guarantee is
 * called, a capacity backstop is drawn). Contingent money is reported in its own kind (FUNDING's "backstop")
 * and is never part of "all", of self-funded exposure or of the capex offset: until it is called it does not
 * reach the company (docs/methodology.md §1). Declared once: a new channel must be classified here.
 */
export const CHANNEL_IS_CONTINGENT: Readonly<Record<FundingChannel, boolean>> = Object.freeze({
  equity: false,
  debt: false,
  backstop: true,
  vendor_financing: false,
});

/**
 * How much of a money fact's amount counts (the `money` argument of the exposure functions; docs/methodology.md
 * §1), default first. Applies to the kinds whose KIND_MEANINGS `certainty` is true (investments, loans,
 * contracts, warrants, guarantees, backstops); every other amount counts as it stands.
 */
export const MONEY_BASES = ["firm", "funded", "committed"] as const;
export type MoneyBasis = (typeof MONEY_BASES)[number];

/** The basis the measures use when none is named: firm money, the same standard as the purchase contracts it is set against. */
export const DEFAULT_MONEY_BASIS: MoneyBasis = MONEY_BASES[0];

/** What each money basis counts of a fact (docs, function help and the pane read it from here). */
export const MONEY_BASIS_MEANINGS: Readonly<Record<MoneyBasis, { rule: string; description: string }>> = Object.freeze({
  firm: {
    rule: "amount − conditionalUsdBn",
    description: "firm money: the amount less what depends on milestones, an \"up to\" or a letter of intent; a guarantee or backstop counts its cap",
  },
  funded: {
    rule: "fundedUsdBn, else amount − conditionalUsdBn; a guarantee or backstop only what was paid out",
    description: "money paid or drawn by the fact's date where the data say; where they do not, the firm part (a guarantee pays nothing until called)",
  },
  committed: {
    rule: "amountUsdBn",
    description: "the headline amount as announced, \"up to\", milestone and letter-of-intent money included",
  },
});

/** The funding kinds a caller can ask for (AIFIN.FUNDING's `kind`): every funding channel, or all of them. */
export const FUNDING_KINDS = ["all", "equity", "debt", "backstop", "vendor_financing"] as const satisfies readonly ("all" | FundingChannel)[];
export type FundingKind = (typeof FUNDING_KINDS)[number];

/** What a fact kind means: every measure, validation rule, engine index and pane view reads it from here. */
export interface KindMeaning {
  /** pair: from and to are two entities; single: about one entity (from === to); either: both occur. */
  shape: "pair" | "single" | "either";
  /** Whether the amount may be negative (changes, losses). Levels and flows never are. */
  signed: boolean;
  /** How the kind moves money from `from` to `to`. */
  channel: MoneyChannel;
  /** Market evidence (ratings, prices, spreads) the stress results can be compared with, not money. */
  evidence: boolean;
  /** A level of which a view may hold one figure per (from, to) only: each newer figure supersedes the last. */
  oneFigure: boolean;
  /** A flow over a period (revenue, capex, burn): periodMonths / periodEnd say which. */
  periodic: boolean;
  /** Money that can be paid in part or depend on conditions: fundedUsdBn / conditionalUsdBn apply. */
  certainty: boolean;
  /** One line for people (docs, the pane's tooltips). */
  description: string;
}

/** Every fact kind classified once. Adding a kind to FACT_KINDS without a row here is a compile error. */
export const KIND_MEANINGS: Readonly<Record<FactKind, KindMeaning>> = Object.freeze({
  stake: { shape: "pair", signed: false, channel: "none", evidence: false, oneFigure: true, periodic: false, certainty: false, description: "holder (from) owns a share (pct) of company (to); amount is the holding's value or cost" },
  investment: { shape: "pair", signed: false, channel: "equity", evidence: false, oneFigure: false, periodic: false, certainty: true, description: "equity money from investor (from) into company (to)" },
  contract: { shape: "pair", signed: false, channel: "contract", evidence: false, oneFigure: false, periodic: false, certainty: true, description: "purchase commitment: buyer (from) will pay vendor (to) over the term" },
  loan: { shape: "pair", signed: false, channel: "debt", evidence: false, oneFigure: false, periodic: false, certainty: true, description: "debt from lender (from) to borrower (to)" },
  backstop: { shape: "pair", signed: false, channel: "backstop", evidence: false, oneFigure: false, periodic: false, certainty: true, description: "a promise by from to take capacity or cover a shortfall of to (capacity backstops)" },
  capex: { shape: "single", signed: false, channel: "none", evidence: false, oneFigure: false, periodic: true, certainty: false, description: "capital expenditure of one entity over a period" },
  market_cap: { shape: "single", signed: false, channel: "none", evidence: false, oneFigure: true, periodic: false, certainty: false, description: "market value of a listed entity's equity on a date" },
  valuation: { shape: "single", signed: false, channel: "none", evidence: false, oneFigure: true, periodic: false, certainty: false, description: "valuation of a private entity (round price)" },
  revenue: { shape: "single", signed: false, channel: "none", evidence: false, oneFigure: false, periodic: true, certainty: false, description: "revenue of one entity over a period (or an annualised run-rate)" },
  burn: { shape: "single", signed: false, channel: "none", evidence: false, oneFigure: false, periodic: true, certainty: false, description: "cash burned by one entity over a period" },
  other: { shape: "either", signed: true, channel: "none", evidence: false, oneFigure: false, periodic: false, certainty: false, description: "context that moves no modelled money (changes, losses, plans, quotes)" },
  guarantee: { shape: "pair", signed: false, channel: "backstop", evidence: false, oneFigure: false, periodic: false, certainty: true, description: "guarantor (from) guarantees obligations of beneficiary (to), e.g. lease residual values; amount is the cap" },
  warrant: { shape: "pair", signed: false, channel: "vendor_financing", evidence: false, oneFigure: false, periodic: false, certainty: true, description: "vendor funding: issuer (from) grants holder (to) shares or warrants tied to purchases" },
  acquisition: { shape: "pair", signed: false, channel: "acquisition", evidence: false, oneFigure: false, periodic: false, certainty: true, description: "buyer (from) acquires target (to); the price goes to the sellers, not into the target" },
  debt: { shape: "single", signed: false, channel: "none", evidence: false, oneFigure: true, periodic: false, certainty: false, description: "total debt outstanding of one entity on a date" },
  backlog: { shape: "single", signed: false, channel: "none", evidence: false, oneFigure: true, periodic: false, certainty: false, description: "remaining performance obligations / contracted backlog of one entity, total, on a date" },
  rating: { shape: "single", signed: false, channel: "none", evidence: true, oneFigure: false, periodic: false, certainty: false, description: "credit rating: the rating text in unit, its notch (RATING_NOTCHES) in amount" },
  price: { shape: "either", signed: false, channel: "none", evidence: true, oneFigure: false, periodic: false, certainty: false, description: "price of a loan or bond in % of par (amount), of one entity's debt or of lender → borrower debt" },
  spread: { shape: "single", signed: false, channel: "none", evidence: true, oneFigure: false, periodic: false, certainty: false, description: "bond spread or CDS of one entity in basis points (amount)" },
});

/** The kinds whose channel is funding (investment, loan, backstop, guarantee, warrant), derived from KIND_MEANINGS. */
export const FUNDING_FACT_KINDS: readonly FactKind[] = Object.freeze(FACT_KINDS.filter((k) => CHANNEL_IS_FUNDING[KIND_MEANINGS[k].channel]));

/**
 * Numeric notch of a credit rating (the amount of a `rating` fact): AAA = 1 down to D = 22, S&P/Fitch
 * letters with Moody's equivalents. BBB- (10) is the last investment-grade notch.
 */
export const RATING_NOTCHES: Readonly<Record<string, number>> = Object.freeze({
  AAA: 1, "AA+": 2, AA: 3, "AA-": 4, "A+": 5, A: 6, "A-": 7, "BBB+": 8, BBB: 9, "BBB-": 10,
  "BB+": 11, BB: 12, "BB-": 13, "B+": 14, B: 15, "B-": 16, "CCC+": 17, CCC: 18, "CCC-": 19, CC: 20, C: 21, D: 22,
  Aaa: 1, Aa1: 2, Aa2: 3, Aa3: 4, A1: 5, A2: 6, A3: 7, Baa1: 8, Baa2: 9, Baa3: 10,
  Ba1: 11, Ba2: 12, Ba3: 13, B1: 14, B2: 15, B3: 16, Caa1: 17, Caa2: 18, Caa3: 19, Ca: 20,
});

/** How a fact was read, weakest to strongest. */
export const PROVENANCES = ["estimate", "secondary", "article", "press", "primary"] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** What each provenance means (docs/data.md, the pane's badges and SOURCE read it from here). */
export const PROVENANCE_MEANINGS: Readonly<Record<Provenance, string>> = Object.freeze({
  estimate: "ours: our arithmetic on other facts, or a figure recalled with no source opened",
  secondary: "a compilation (digest, research note, aggregator) citing a primary that was not opened",
  article: "the seed article's own figure (Wall Street CN, 5 Feb 2026)",
  press: "a news report read directly",
  primary: "a filing or the company's own release, read directly",
});

/** Rank of a provenance on the scale (0 = estimate … 4 = primary). */
export function provenanceRank(p: Provenance): number {
  return PROVENANCES.indexOf(p);
}

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
 * One cited fact. Direction: investment/loan/backstop/guarantee/warrant/stake run from the funder,
 * guarantor, issuer or holder (`from`) to the company (`to`); a contract runs from the buyer (`from`) to
 * the vendor (`to`), an acquisition from buyer to target; single-entity facts (KIND_MEANINGS shape
 * "single") have `from === to`.
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
  /** How the fact was read (PROVENANCE_MEANINGS). Never promoted above what was actually opened. */
  provenance: Provenance;
  /** Of amountUsdBn, what had been paid or drawn by the fact's date; null = not known. Kinds with certainty only. */
  fundedUsdBn: number | null;
  /** Of amountUsdBn, what depends on milestones, "up to" or a letter of intent; null = none known.
   *  Firm commitment = amount − conditional. A later payment is a later fact that supersedes this one. */
  conditionalUsdBn: number | null;
  /** Length of the period a flow fact (revenue, capex, burn) covers: 12 a fiscal year, 3 a quarter; null = not a flow or unknown. */
  periodMonths: number | null;
  /** ISO end date of that period; null when not a flow or unknown. */
  periodEnd: string | null;
  /** For an estimate: the fact it was derived from, and any later confirmation of that same figure. It
   *  stays only in views that hold one of them (E01, GPU purchases implied by Nvidia's letter of intent,
   *  leaves when the letter is superseded, in every basis). */
  derivedFrom?: readonly string[];
}

/** Which facts count: confirmed (announced, signed, closed, reported) or also rumoured ones. */
export interface Basis {
  includeRumoured: boolean;
  /** Whether our own labelled estimates (`estimate: true`) count; omitted means they do. */
  includeEstimates?: boolean;
  /** The weakest provenance that counts ("press" keeps press and primary); omitted means no minimum. */
  minProvenance?: Provenance;
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
