/**
 * The stress test's economic assumptions: every default, the company or company type it applies to, and the
 * research rows it comes from (../shared/research/assumptions.csv, ids A001–A120; notes in
 * assumptions-notes.md). docs/methodology.md §7 explains each one and what it assumes. The engine turns these
 * rows into its typed `ScenarioAssumptions`; the Stress sheet lists them as editable cells; AIFIN.SCENARIO
 * reads the same names back from a range, so the names below are the workbook vocabulary.
 *
 * Keys: `margin.<ID or role>`, `multiple.<ID or role>`, `recovery.<ID or role>` (an entity id wins over its
 * roles, a role over `default`); the other keys are single settings.
 */
import type { EntityId } from "../types";

/** The entity shocked when none is named: the article's subject. Declared once; every layer reads it here. */
export const DEFAULT_SHOCKED: EntityId = "OPENAI";

/** How lost contract revenue becomes lost value (operating channel). */
export const VALUATION_METHODS = ["multiple", "term"] as const;
export type ValuationMethod = (typeof VALUATION_METHODS)[number];

/** Which leases a lessee in default stops paying (credit channel). */
export const LEASE_TREATMENTS = ["dedicated", "proportional"] as const;
export type LeaseTreatment = (typeof LEASE_TREATMENTS)[number];

// Which money counts as an investor's stake when the model records no stake value (the `money` key) is the
// model's one money vocabulary, MONEY_BASES in ../types (firm, funded, committed).

/** One sourced default. */
export interface AssumptionRow {
  /** The name an analyst types in a SCENARIO range, e.g. "margin.ORCL". */
  key: string;
  value: number | string | boolean;
  /** Who or what it applies to, in words. */
  appliesTo: string;
  /** Research rows behind it (assumptions.csv ids), or [] for a modelling choice explained in `note`. */
  sources: readonly string[];
  /** What the default assumes, and why this figure among the sourced ones. */
  note: string;
}

/**
 * The defaults. Margins are the share of a lost revenue dollar that was profit (operating or EBITDA margin of
 * the business that sells to the shocked company); multiples capitalise that lost profit (EV/EBITDA).
 */
export const ASSUMPTIONS: readonly AssumptionRow[] = [
  // Operating channel: method and the term method's discount rate.
  { key: "method", value: "multiple", appliesTo: "every vendor", sources: ["A068"], note: "Lost annual contribution × EV/EBITDA multiple: the market valued Oracle's 300 contract at ~244 on the day (A068), closer to a multiple than to the contract's own discounted margin. 'term' discounts the contribution over each contract's term instead." },
  { key: "discount_rate", value: 0.09, appliesTo: "every vendor (term method)", sources: ["A092"], note: "CoreWeave's 9–9.25 % unsecured coupons (A092): the marginal cost of debt of a contract-backed AI builder, a floor for its cost of capital." },
  // Margins on lost revenue.
  { key: "margin.NVDA", value: 0.63, appliesTo: "Nvidia", sources: ["A002", "A003"], note: "GAAP operating margin Q3–Q4 FY2026 (63–65 %); the lower figure." },
  { key: "margin.AMD", value: 0.25, appliesTo: "AMD", sources: ["A006"], note: "Data Center segment operating margin Q3 2025." },
  { key: "margin.AVGO", value: 0.58, appliesTo: "Broadcom", sources: ["A010"], note: "Semiconductor Solutions segment margin FY2025 (AI not disclosed separately)." },
  { key: "margin.AMZN", value: 0.35, appliesTo: "Amazon (AWS)", sources: ["A011", "A012"], note: "AWS segment operating margin Q3–Q4 2025 (34.5–35.1 %)." },
  { key: "margin.MSFT", value: 0.42, appliesTo: "Microsoft (Intelligent Cloud)", sources: ["A013"], note: "Intelligent Cloud segment operating margin FY2025; Azure alone is not disclosed." },
  { key: "margin.GOOGL", value: 0.24, appliesTo: "Google Cloud", sources: ["A015"], note: "Google Cloud segment operating margin Q3 2025." },
  { key: "margin.ORCL", value: 0.14, appliesTo: "Oracle (GPU rental)", sources: ["A016", "A019", "A020"], note: "Reported gross margin on GPU rentals (14 %, A016), the figure the business has earned so far; Oracle guides 30–40 % over a contract's life (A019, A020), a forecast, and its fully-loaded margin is ~7 % (A018): 14 % sits between the two, the S14 range (methodology §7.5) runs from 7 % to 35 %." },
  { key: "margin.CRWV", value: 0.61, appliesTo: "CoreWeave", sources: ["A021"], note: "Adjusted EBITDA margin Q3 2025 (GAAP operating margin is 4 %, A023)." },
  { key: "margin.NBIS", value: 0.19, appliesTo: "Nebius", sources: ["A026"], note: "Core AI-infrastructure adjusted EBITDA margin Q3 2025." },
  { key: "margin.neocloud", value: 0.19, appliesTo: "other neoclouds", sources: ["A026", "A027"], note: "Nebius core 19 % (its group margin is 6.6 %); CoreWeave's 61 % is the exception." },
  { key: "margin.dc_developer", value: 0.5, appliesTo: "data-centre developers and lessors", sources: ["A028", "A029", "A030"], note: "Equinix 47–49 %, Digital Realty ~54 % adjusted EBITDA." },
  { key: "margin.chip_maker", value: 0.25, appliesTo: "other chip makers", sources: ["A006"], note: "The lowest sourced chip margin (AMD data centre), for makers without their own figure." },
  { key: "margin.hyperscaler", value: 0.35, appliesTo: "other cloud vendors", sources: ["A011", "A012"], note: "AWS, the middle of the sourced cloud margins (Google 24 %, Microsoft 42 %)." },
  { key: "margin.default", value: 0.25, appliesTo: "anyone else", sources: ["A006", "A015"], note: "The low end of the sourced vendor margins (Google Cloud 24 %, AMD data centre 25 %)." },
  // Multiples on lost annual contribution (EV/EBITDA).
  { key: "multiple.chip_maker", value: 34.8, appliesTo: "chip makers", sources: ["A031"], note: "Damodaran US semiconductor industry EV/EBITDA, Jan 2026 (read in a compiled digest)." },
  { key: "multiple.hyperscaler", value: 25, appliesTo: "cloud vendors", sources: ["A041"], note: "Middle of the 20–30× paid for data-centre platforms: no dated EV/EBITDA of the hyperscalers was found (notes §2.2)." },
  { key: "multiple.neocloud", value: 11.1, appliesTo: "neoclouds", sources: ["A038", "A021"], note: "CoreWeave EV/sales 6.8× ÷ its 61 % EBITDA margin." },
  { key: "multiple.dc_developer", value: 23.5, appliesTo: "data-centre developers", sources: ["A040"], note: "AirTrunk's sale at ~23.5× EBITDA." },
  { key: "multiple.default", value: 25, appliesTo: "anyone else", sources: ["A041"], note: "As for cloud vendors." },
  // Credit channel.
  { key: "recovery.project_vehicle", value: 0.8, appliesTo: "loans to project vehicles (Stargate sites)", sources: ["A055"], note: "Moody's average ultimate recovery on project-finance bank loans (80 %), a diversified class. A single-tenant site recovers mostly what it fetches re-let (the landlord's claim on a failed tenant is capped at 1–3 years of rent, A061): methodology §7.3 gives the range 0.8 / 0.6 (A059, A062) / 0.4 (A057)." },
  { key: "recovery.dc_developer", value: 0.8, appliesTo: "project loans to data-centre developers (Vantage)", sources: ["A055"], note: "Site-level construction loans are project finance; the same range as recovery.project_vehicle (0.8 / 0.6 / 0.4, methodology §7.3)." },
  { key: "recovery.default", value: 0.4, appliesTo: "other borrowers' bonds and loans", sources: ["A057", "A060"], note: "S&P long-term average recovery on senior unsecured bonds (40 %); Moody's 37 %." },
  { key: "leases", value: "dedicated", appliesTo: "leases of a lessee in default", sources: [], note: "A lessee that defaults stops paying the leases built for the shocked company in proportion to the cut (Stargate sites are dedicated to OpenAI). 'proportional' cuts every lease by the lessee's lost share of backlog." },
  { key: "solvent_lessee_pays", value: true, appliesTo: "leases of a solvent lessee", sources: ["A061"], note: "A solvent lessee keeps paying its leases (a lease is a fixed obligation; rejecting it needs a bankruptcy, A061). FALSE passes the lessee's lost share on to its lessors even when it is solvent (the first version's assumption, an upper end)." },
  { key: "solvent_buyer_pays", value: true, appliesTo: "purchase contracts of a solvent buyer", sources: ["A061"], note: "A solvent buyer keeps its purchase contracts (take-or-pay orders are fixed obligations like leases, A061): only a buyer the cut puts in default passes its loss on to its vendors, by the share of its loss beyond its headroom. FALSE passes every buyer's lost share of backlog on to its vendors (the first version's proportional pass-through), kept as a sensitivity." },
  // Investor channel.
  { key: "write_down", value: 1, appliesTo: "holders of the shocked company's equity", sources: ["A105", "A106", "A108"], note: "Share of the stake's value lost at a full cut (a cut c loses c × write_down). No sourced recovery for late-stage preferred in a failure exists (notes §2.5): 1 assumes the cut is the company's failure." },
  { key: "money", value: "funded", appliesTo: "stakes the model values at cost", sources: [], note: "Count only money paid in (fundedUsdBn, else the firm part: amount less conditional money); committed but unfunded capital is cancelled when the company fails, and shares a stake holds for money not yet paid are not owned. 'firm' counts amount less conditional money, 'committed' the whole commitment." },
];

/** The defaults by key. */
export const ASSUMPTION_DEFAULTS: ReadonlyMap<string, AssumptionRow> = new Map(ASSUMPTIONS.map((a) => [a.key, a]));
