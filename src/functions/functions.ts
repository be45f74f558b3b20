/**
 * The AIFIN worksheet functions. This file is the single source of dist/functions.json: the JSDoc below is
 * what Excel shows in the formula bar (custom-functions-metadata reads it; the webpack plugin appends the
 * CustomFunctions.associate calls). Each entry point only forwards its raw arguments to `invoke`, which
 * validates them against the function's spec and runs its body (both in catalogue/<function>.ts) and
 * returns a value or a formula error; `toExcel` is the one place that builds `CustomFunctions.Error`.
 *
 * Amounts are USD billions; percentages are fractions (format the cell as %). `as_of` takes an Excel date
 * or ISO text ("2026-02-27"); left empty it means the latest data. `model` takes the handle returned by
 * AIFIN.MODEL; left empty it means the bundled model on the confirmed basis.
 *
 * Help links point at HELP_BASE_URL + "#<function id in lower case>": docs/functions.md rendered into the
 * add-in's own dist/help/functions.html (scripts/build-help.mjs). Like the manifest, they name the dev
 * origin; a production build rewrites it to ADDIN_PUBLIC_URL in functions.json.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes text, numbers or nothing to these parameters */
import { isFormulaError, type ExcelErrorCode } from "./errors";
import { invoke, type Outcome } from "./invoke";

/** Where the @helpurl links point: the function reference served with the add-in (dev origin). */
export const HELP_BASE_URL = "https://localhost:3000/help/functions.html";

const ERROR_CODES: Record<ExcelErrorCode, () => CustomFunctions.ErrorCode> = {
  "#VALUE!": () => CustomFunctions.ErrorCode.invalidValue,
  "#N/A": () => CustomFunctions.ErrorCode.notAvailable,
  "#DIV/0!": () => CustomFunctions.ErrorCode.divisionByZero,
  "#NUM!": () => CustomFunctions.ErrorCode.invalidNumber,
};
/** Excel shows custom messages only with #VALUE! and #N/A; it rejects them on the other codes. */
const CODES_WITH_MESSAGE: ReadonlySet<ExcelErrorCode> = new Set(["#VALUE!", "#N/A"]);

/** Turns an outcome into what Excel expects: the value itself, or a `CustomFunctions.Error`. */
function toExcel<T>(outcome: Outcome): T {
  if (isFormulaError(outcome)) {
    const code = ERROR_CODES[outcome.code]();
    const error = CODES_WITH_MESSAGE.has(outcome.code) ? new CustomFunctions.Error(code, outcome.message) : new CustomFunctions.Error(code);
    return error as unknown as T;
  }
  return outcome as unknown as T;
}

/**
 * Circular exposure of an entity: how much of its revenue is financed by its own money, in USD bn (or a fraction for "share").
 * @customfunction CIRCULAR_EXPOSURE
 * @helpurl https://localhost:3000/help/functions.html#circular_exposure
 * @param entity Ticker or name of the company, e.g. "MSFT", "Microsoft" or "微軟".
 * @param [measure] "self_funded" (default): Σ min(funding out, contracts back in) per counterparty; "funded_backlog": contracts from customers it funds; "share": self-funded ÷ all contracts in; "network": money returning along paths of any length.
 * @param [as_of] Date of the view: an Excel date or ISO text such as "2026-02-27". Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @param [money] Which money counts: "firm" (default): the amount less what depends on milestones, "up to" or a letter of intent; "funded": what was paid or drawn, where the data say; "committed": the headline amount.
 * @returns The exposure in USD bn, or a fraction for "share".
 */
export function circularExposure(entity: any, measure?: any, as_of?: any, model?: any, money?: any): number {
  return toExcel(invoke("CIRCULAR_EXPOSURE", [entity, measure, as_of, model, money]));
}

/**
 * Round-trip ratio: contracts the investee has committed to the investor ÷ the money the investor put into it.
 * @customfunction ROUND_TRIP_RATIO
 * @helpurl https://localhost:3000/help/functions.html#round_trip_ratio
 * @param investor Ticker or name of the funder, e.g. "AMZN".
 * @param investee Ticker or name of the funded company, e.g. "OPENAI".
 * @param [as_of] Date of the view: an Excel date or ISO text. Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @param [money] Which money counts: "firm" (default): the amount less what depends on milestones, "up to" or a letter of intent; "funded": what was paid or drawn, where the data say; "committed": the headline amount.
 * @returns C(investee→investor) ÷ F(investor→investee); #DIV/0! when the investor has not funded the investee.
 */
export function roundTripRatio(investor: any, investee: any, as_of?: any, model?: any, money?: any): number {
  return toExcel(invoke("ROUND_TRIP_RATIO", [investor, investee, as_of, model, money]));
}

/**
 * A holder's stake in a company: the percentage held, the market value of the holding or the money put in.
 * @customfunction STAKE
 * @helpurl https://localhost:3000/help/functions.html#stake
 * @param holder Ticker or name of the shareholder, e.g. "MSFT".
 * @param company Ticker or name of the company held, e.g. "OPENAI".
 * @param [field] "pct" (default): fraction held; "value": market value of the stake, USD bn; "cost": money invested, USD bn.
 * @param [as_of] Date of the view: an Excel date or ISO text. Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @returns The stake field; #N/A when no fact records it.
 */
export function stake(holder: any, company: any, field?: any, as_of?: any, model?: any): number {
  return toExcel(invoke("STAKE", [holder, company, field, as_of, model]));
}

/**
 * Money one entity has committed to another (investments, loans, backstops, guarantees, warrants), in USD bn.
 * @customfunction FUNDING
 * @helpurl https://localhost:3000/help/functions.html#funding
 * @param from Ticker or name of the funder, e.g. "NVDA".
 * @param to Ticker or name of the funded company, e.g. "OPENAI".
 * @param [kind] "all" (default): equity, debt and vendor financing, never contingent money; "equity" (investments), "debt" (loans), "backstop" (guarantees and backstops: contingent, reported only here) or "vendor_financing" (warrants).
 * @param [as_of] Date of the view: an Excel date or ISO text. Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @param [money] Which money counts: "firm" (default): the amount less what depends on milestones, "up to" or a letter of intent; "funded": what was paid or drawn, where the data say; "committed": the headline amount.
 * @returns Funding from → to in USD bn; 0 when the model records none.
 */
export function funding(from: any, to: any, kind?: any, as_of?: any, model?: any, money?: any): number {
  return toExcel(invoke("FUNDING", [from, to, kind, as_of, model, money]));
}

/**
 * Value of the contracts a buyer has committed to a vendor (cloud, chips, data centres), in USD bn.
 * @customfunction CONTRACT_VALUE
 * @helpurl https://localhost:3000/help/functions.html#contract_value
 * @param buyer Ticker or name of the buyer, e.g. "OPENAI".
 * @param vendor Ticker or name of the vendor, e.g. "ORCL".
 * @param [as_of] Date of the view: an Excel date or ISO text. Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @param [money] Which money counts: "firm" (default): the amount less what depends on milestones, "up to" or a letter of intent; "funded": what was paid or drawn, where the data say; "committed": the headline amount.
 * @returns Contract value buyer → vendor in USD bn; 0 when the model records none.
 */
export function contractValue(buyer: any, vendor: any, as_of?: any, model?: any, money?: any): number {
  return toExcel(invoke("CONTRACT_VALUE", [buyer, vendor, as_of, model, money]));
}

/**
 * Capex offset: equity an entity invested in its own customers, spending that returns as revenue without appearing in its capex.
 * @customfunction CAPEX_OFFSET
 * @helpurl https://localhost:3000/help/functions.html#capex_offset
 * @param entity Ticker or name of the investor, e.g. "NVDA".
 * @param [field] "amount" (default): equity into its own customers, USD bn; "ratio": that money dated within the capex year containing as_of (else the latest year that ended) ÷ that year's capex, finance leases included where the data give them.
 * @param [as_of] Date of the view: an Excel date or ISO text. Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @param [money] Which money counts: "firm" (default): the amount less what depends on milestones, "up to" or a letter of intent; "funded": what was paid or drawn, where the data say; "committed": the headline amount.
 * @returns The offset in USD bn, or the ratio; #DIV/0! or #N/A for "ratio" when no capex figure is known.
 */
export function capexOffset(entity: any, field?: any, as_of?: any, model?: any, money?: any): number {
  return toExcel(invoke("CAPEX_OFFSET", [entity, field, as_of, model, money]));
}

/**
 * Stress test: what an entity loses when another (e.g. OpenAI) cuts its commitments by a fraction.
 * @customfunction STRESS
 * @helpurl https://localhost:3000/help/functions.html#stress
 * @param entity Ticker or name of the entity whose loss you want, e.g. "ORCL".
 * @param shocked Ticker or name of the entity that cuts its commitments, e.g. "OPENAI".
 * @param cut Fraction of its commitments cut, from 0 to 1 (0.3 or 30% for a 30% cut).
 * @param [measure] "total" (default): market_value + investor_loss + lender_loss; "revenue": contracted revenue lost, USD bn; "market_value": annual revenue lost × margin × EV/EBITDA multiple, capped at the entity's value; "investor_loss": stake value × cut; "lender_loss": borrowers' unpaid amount beyond their headroom × (1 − recovery), pro rata, plus guarantees called (cut × cap of a guarantee of the shocked entity). #N/A where the model holds no value fact or no dollar amount.
 * @param [multiple] EV/revenue multiple replacing margin × multiple for "market_value". Empty = the sourced defaults.
 * @param [as_of] Date of the view: an Excel date or ISO text. Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @param [scenario] Handle from AIFIN.SCENARIO: margins, multiples, recovery, leases, purchase contracts, write-down. Empty = the sourced defaults.
 * @returns The loss in USD bn; 0 when the entity has no modelled exposure to the shocked one; #N/A when its exposure is not measured.
 */
export function stress(entity: any, shocked: any, cut: any, measure?: any, multiple?: any, as_of?: any, model?: any, scenario?: any): number {
  return toExcel(invoke("STRESS", [entity, shocked, cut, measure, multiple, as_of, model, scenario]));
}

/**
 * Exposure table of an entity, one row per counterparty, spilled with a header row.
 * @customfunction EXPOSURE_TABLE
 * @helpurl https://localhost:3000/help/functions.html#exposure_table
 * @param entity Ticker or name of the company, e.g. "MSFT".
 * @param [as_of] Date of the view: an Excel date or ISO text. Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @param [money] Which money counts: "firm" (default): the amount less what depends on milestones, "up to" or a letter of intent; "funded": what was paid or drawn, where the data say; "committed": the headline amount.
 * @returns Columns counterparty, funding_out, contracts_in, self_funded, round_trip_ratio (empty when no funding), fact_ids.
 */
export function exposureTable(entity: any, as_of?: any, model?: any, money?: any): any[][] {
  return toExcel(invoke("EXPOSURE_TABLE", [entity, as_of, model, money]));
}

/**
 * Exposure over time: a dated series of one or more measures of an entity, each date on its own view of the model, spilled with a header row.
 * @customfunction HISTORY
 * @helpurl https://localhost:3000/help/functions.html#history
 * @param entity Ticker or name of the company, e.g. "AMZN".
 * @param [measure] "self_funded" (default), "funded_backlog", "share", "network", "funding_out" or "contracts_in"; several separated by commas ("self_funded,funding_out") spill one column each.
 * @param [from] First date: an Excel date or ISO text. Empty = the model's first fact date.
 * @param [to] Last date: an Excel date or ISO text. Empty = latest data.
 * @param [step] "month" (default): month ends; "quarter": quarter ends; "facts": the dates on which facts moved the figure.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @param [money] Which money counts: "firm" (default): the amount less what depends on milestones, "up to" or a letter of intent; "funded": what was paid or drawn, where the data say; "committed": the headline amount.
 * @returns Columns date (Excel date) and one per measure; at most 600 dates.
 */
export function history(entity: any, measure?: any, from?: any, to?: any, step?: any, model?: any, money?: any): any[][] {
  return toExcel(invoke("HISTORY", [entity, measure, from, to, step, model, money]));
}

/**
 * Money cycles through an entity (money that leaves it and comes back), largest first, spilled with a header row.
 * @customfunction CYCLES
 * @helpurl https://localhost:3000/help/functions.html#cycles
 * @param entity Ticker or name of the company, e.g. "NVDA".
 * @param [max_length] Most entities in a loop, 2 to 8. Empty = 4.
 * @param [as_of] Date of the view: an Excel date or ISO text. Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @returns Columns path ("NVDA → OPENAI → ORCL → NVDA"), length (steps), bottleneck (smallest amount on the loop, USD bn).
 */
export function cycles(entity: any, max_length?: any, as_of?: any, model?: any): any[][] {
  return toExcel(invoke("CYCLES", [entity, max_length, as_of, model]));
}

/**
 * DebtRank of a network in the workbook: the share of economic value lost to contagion beyond the initial shock (Battiston et al. 2012), or one node's final stress.
 * @customfunction DEBTRANK
 * @helpurl https://localhost:3000/help/functions.html#debtrank
 * @param exposures Square range: row i, column j = what node i has lent to or invested in node j (i loses when j is stressed). Blank = 0.
 * @param capital One row or column: each node's equity buffer, in the exposures' unit. Zero or less = insolvent before the shock.
 * @param shock One row or column: each node's initial loss as a fraction of its equity, 0 to 1 (1 = default). Blank = 0.
 * @param [weights] One row or column: each node's economic value. Empty = each node's total exposures.
 * @param [variant] "single_hit" (default): each node passes its stress on once (Battiston et al. 2012); "differential": every increase is passed on (Bardoscia et al. 2015).
 * @param [node] A node number (1 = the first row) to return its final stress, 0 to 1. Empty = the network's additional stress.
 * @returns The value-weighted additional stress, 0 to 1, or the chosen node's final stress.
 */
export function debtrank(exposures: any[][], capital: any[][], shock: any[][], weights?: any[][], variant?: any, node?: any): number {
  return toExcel(invoke("DEBTRANK", [exposures, capital, shock, weights, variant, node]));
}

/**
 * Maximum-entropy estimate of bilateral exposures from each node's total lending and borrowing (RAS with a zero diagonal, as in Anand, Craig & von Peter 2015).
 * @customfunction ESTIMATE_EXPOSURES
 * @helpurl https://localhost:3000/help/functions.html#estimate_exposures
 * @param row_totals One row or column: each node's total lending to the others (its interbank assets).
 * @param col_totals One row or column: each node's total borrowing from the others (its interbank liabilities), one per node.
 * @returns An n × n matrix spilled from the cell: row i, column j = the estimated exposure of i to j; usable as DEBTRANK's exposures.
 */
export function estimateExposures(row_totals: any[][], col_totals: any[][]): any[][] {
  return toExcel(invoke("ESTIMATE_EXPOSURES", [row_totals, col_totals]));
}

/**
 * Entities of the model (ids, names, roles), spilled with a header row.
 * @customfunction ENTITIES
 * @helpurl https://localhost:3000/help/functions.html#entities
 * @param [role] "all" (default) or a role: hyperscaler, chip_maker, ai_lab, neocloud, dc_developer, investor, lender, project_vehicle, aggregate, other.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model.
 * @returns Columns id, name, name_zh, roles.
 */
export function entities(role?: any, model?: any): any[][] {
  return toExcel(invoke("ENTITIES", [role, model]));
}

/**
 * One field of a cited fact, by fact id.
 * @customfunction FACT
 * @helpurl https://localhost:3000/help/functions.html#fact
 * @param fact_id Fact id as in the Facts table, e.g. "C002".
 * @param [field] "amount" (default, USD bn), "date", "status", "kind", "from", "to", "pct", "unit", "description", "source", "url", "verified", "estimate", "provenance", "funded", "conditional", "period_months" or "period_end".
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model.
 * @returns The field's value; #N/A when the fact has no such value (e.g. no dollar amount).
 */
export function fact(fact_id: any, field?: any, model?: any): any {
  return toExcel(invoke("FACT", [fact_id, field, model]));
}

/**
 * The citations behind an entity's figures, or behind the figures between two entities, as text.
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/help/functions.html#source
 * @param entity Ticker or name of the company, e.g. "AMZN".
 * @param [counterparty] Ticker or name of a counterparty, e.g. "OPENAI". Empty = every fact on the entity.
 * @param [as_of] Date of the view: an Excel date or ISO text. Empty = latest data.
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model, confirmed facts only.
 * @returns "fact id: description (title, publisher, date, url)" per fact, separated by "; ".
 */
export function source(entity: any, counterparty?: any, as_of?: any, model?: any): string {
  return toExcel(invoke("SOURCE", [entity, counterparty, as_of, model]));
}

/**
 * Information about a model: dataset version, as-of date, fact and entity counts, basis.
 * @customfunction MODEL_INFO
 * @helpurl https://localhost:3000/help/functions.html#model_info
 * @param [field] "version" (default), "as_of" (latest fact date), "fact_count", "entity_count" or "basis".
 * @param [model] Handle from AIFIN.MODEL. Empty = the bundled model.
 * @returns The requested field.
 */
export function modelInfo(field?: any, model?: any): any {
  return toExcel(invoke("MODEL_INFO", [field, model]));
}

/**
 * Builds a model from workbook ranges laid out like the Facts and Entities sheets and returns its handle for the other functions' model argument.
 * @customfunction MODEL
 * @helpurl https://localhost:3000/help/functions.html#model
 * @requiresParameterAddresses
 * @param [facts] Facts range including its header row. Empty = the bundled facts.
 * @param [entities] Entities range including its header row. Empty = the bundled entities.
 * @param [include_rumoured] TRUE to count rumoured facts too. Empty or FALSE = confirmed facts only.
 * @param [include_estimates] FALSE to leave out our own labelled estimates. Empty or TRUE = estimates count.
 * @param [min_provenance] The weakest provenance that counts: "estimate", "secondary", "article", "press" or "primary". Empty = no minimum.
 * @param invocation Supplied by Excel: the ranges' addresses, so a problem names its sheet row.
 * @returns A handle such as "AIFIN.MODEL#3f2a9c1e5b7d0a42"; the same content always gives the same handle.
 */
export function model(facts?: any[][], entities?: any[][], include_rumoured?: any, include_estimates?: any, min_provenance?: any, invocation?: CustomFunctions.Invocation): string {
  return toExcel(invoke("MODEL", [facts, entities, include_rumoured, include_estimates, min_provenance], undefined, invocation));
}

/**
 * Builds a stress scenario from a two-column range of assumption names and values (e.g. margin.ORCL | 0.35) and returns its handle for STRESS's scenario argument.
 * @customfunction SCENARIO
 * @helpurl https://localhost:3000/help/functions.html#scenario
 * @requiresParameterAddresses
 * @param assumptions Two-column range: assumption name (e.g. "margin.ORCL", "leases", "recovery.default", "write_down"), value. Blank rows are ignored; names not listed keep their sourced defaults.
 * @param invocation Supplied by Excel: the range's address, so a problem names its sheet row.
 * @returns A handle such as "AIFIN.SCENARIO#3f2a9c1e5b7d0a42"; the same assumptions always give the same handle.
 */
export function scenario(assumptions: any[][], invocation?: CustomFunctions.Invocation): string {
  return toExcel(invoke("SCENARIO", [assumptions], undefined, invocation));
}
