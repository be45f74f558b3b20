/**
 * Stress: what the web loses when one entity (default OpenAI) cuts its commitments by a fraction, in three
 * channels that never count the same dollar twice (docs/methodology.md §7 has the formulas, the defaults
 * with their sources, worked examples and the comparison with claims S13/S14):
 *  - revenue lost: cut × C(shocked→X) in the first round; a solvent buyer keeps paying its leases and purchase
 *    contracts, a buyer in default stops paying the part of its loss beyond its headroom (proportional
 *    pass-through of every buyer's lost share is a sensitivity);
 *  - operating: lost annual revenue × contribution margin × EV/EBITDA multiple (or the lost contribution
 *    discounted over each contract's term), for companies with a value in the model, capped at that value;
 *  - investor: holders of the shocked company lose stake value × cut × write-down (pct × the one latest
 *    valuation; funded money only by default);
 *  - credit: each borrower's loss beyond its headroom (equity marked to the stake's date, or contracted
 *    contribution + equity in − all debt) is unpaid; its lenders lose min(debt, unpaid) × (1 − recovery) pro
 *    rata, continuous in the cut; the shocked entity's own lenders lose cut × exposure × (1 − recovery).
 * Assumptions: `ScenarioAssumptions` (./stressScenario), defaults in src/model/data/assumptions.ts.
 */
import { DEFAULT_SHOCKED, LruCache, moneyOf, ViewMemo, type Entity, type EntityId, type Fact, type ModelView, type Role } from "../model";
import { leontiefInverse } from "./leontiefInverse";
import { engineError, isEngineError, type EngineError } from "./result";
import { stakeOf, latestValuation } from "./stakeOf";
import { DEFAULT_ASSUMPTIONS, lookup, scenarioKey, type ScenarioAssumptions } from "./stressScenario";
import { amountOf, contractAmount, fundingAmount, indexOf, latestOwnFact, periodsPerYear, type ContractCell } from "./viewIndex";

export { DEFAULT_SHOCKED };

/**
 * The EV/revenue multiple of the first version, kept for `modelMultiple` (the pane's and docs' reference
 * figure) only: the stress no longer applies a whole-company multiple to a contract (review finding 1).
 */
export const DEFAULT_MULTIPLE = 10;

/** Which entity cuts, by how much (fraction 0..1), and the scenario's assumptions. */
export interface StressOptions {
  shocked: EntityId;
  cut: number;
  /**
   * Legacy (STRESS's fifth argument): one EV/revenue multiple for every vendor, applied to the lost annual
   * revenue instead of margin × multiple. Omitted: the scenario's margins and multiples.
   */
  multiple?: number;
  /** Omitted: DEFAULT_ASSUMPTIONS (sourced defaults, src/model/data/assumptions.ts). */
  assumptions?: ScenarioAssumptions;
}

/** One entity's losses, USD bn. Value losses are the three channels; revenue is the operating channel's input. */
export interface StressLine {
  id: EntityId;
  /** Contracted revenue lost over every round of the cut (first round plus what buyers pass on). */
  revenueLost: number;
  /**
   * Credit channel: what the entity loses as a lender to borrowers the cut puts in default, plus what it pays
   * as a guarantor (details.guarantees): called guarantees of the shocked company's obligations, and
   * guarantees of a borrower's debt covering its lenders' loss (they lose only the rest).
   */
  lenderLoss: number;
  /** Operating channel: value lost on the lost revenue (margin × multiple, or discounted over the term), capped. */
  marketValueAtRisk: number;
  /** Investor channel: stake value × cut × write-down, for holders of the shocked company. */
  investorLoss: number;
  /** marketValueAtRisk + investorLoss + lenderLoss: no dollar in two channels. */
  totalLoss: number;
}

/** One borrower's credit test. */
export interface BorrowerTest {
  /** All its debt: the loans the view lists to it, or its reported total debt where larger. */
  debt: number;
  /**
   * What it can lose before it cannot pay: its equity value (marked to the stake's date); without a value,
   * contracted revenue × margin (1 for a lessor's triple-net leases) + equity in − all its debt.
   */
  headroom: number;
  /** What the cut takes: value lost (operating + investor) for a valued company, else contracted revenue lost × the same margin. */
  loss: number;
  /**
   * The unpaid amount: what the loss takes beyond the headroom, max(0, loss − max(0, headroom)). Its lenders
   * lose min(debt, shortfall) × (1 − recovery), pro rata to their share of the debt.
   */
  shortfall: number;
  /** headroom ≥ 0 and loss > headroom: the cut puts it in default. */
  defaulted: boolean;
  /**
   * Headroom was negative before the cut: the model records this borrower's debt but not all its revenue. It
   * is not put in default; its lenders lose only what the cut takes (shortfall = loss).
   */
  shortBefore: boolean;
  /** Lenders' recovery applied when it defaults, and the assumption it came from. */
  recovery: number;
  recoveryKey: string;
}

/** Assumptions used, for tooltips and the methodology's hand check. */
export interface StressDetails {
  /**
   * Per vendor with value at risk: the capitalisation applied to a dollar of lost annual revenue
   * (margin × multiple, or the legacy EV/revenue multiple) and the assumption keys it came from, or "override".
   */
  multiples: Record<EntityId, { multiple: number; source: string[] | "default" | "override" }>;
  /** Operating channel inputs per entity that loses revenue. */
  operating: Record<EntityId, { annualLost: number; margin: number; multiple: number; value: number | null; keys: string[] }>;
  /**
   * Investor channel per holder: the stake's value (unpaid commitments taken off), what the cut writes off,
   * unfunded commitments cancelled, what the stake cost (money paid in for it, scenario's money basis) and the
   * date of the valuation the stake is priced at (null when priced at its own fact or at cost).
   */
  investor: Record<EntityId, { stakeValue: number; loss: number; cancelled: number; cost: number; valuedAt: string | null; factIds: string[] }>;
  /**
   * Equity value per valued company that loses something, marked to the date of the stake it loses: its latest
   * market cap or valuation, plus the stake's gain over its cost when the stake is priced at a later valuation
   * (docs/methodology.md §7.3). The cap on operating + investor losses and the credit test both read it.
   */
  equity: Record<EntityId, { value: number; markUp: number; factId: string }>;
  /** Credit test of every borrower the cut reaches (loss > 0). */
  borrowers: Record<EntityId, BorrowerTest>;
  /**
   * Guarantees called, per guarantor (docs/methodology.md §7.3): a guarantee of the shocked company's
   * obligations (Nvidia's N023 on OpenAI's Portsmouth leases) is called at cut × its cap (the guaranteed
   * obligation is not in the model and exceeds the cap); a guarantee of another borrower's debt pays its
   * lenders' loss up to the cap, and they lose only the rest. Part of the guarantor's lenderLoss.
   */
  guarantees: Record<EntityId, { called: number; cap: number; beneficiaries: EntityId[]; factIds: string[] }>;
  /** Borrowers that default after the cut (none defaults without it). */
  newDefaults: EntityId[];
  /** Entities whose value lost was capped at their whole value. */
  capped: EntityId[];
  /**
   * Firms that lose revenue but have no value fact in the model (private firms without a valuation, listed
   * firms whose market cap is not recorded): their value lost is unmeasured, not zero. Project vehicles and
   * data-centre lessors are not listed: they get no value line by rule (their equity is lease − debt, zero by
   * the model's own estimates E03–E06).
   */
  unvalued: EntityId[];
  /**
   * Vendors the cut reaches only through contracts whose facts carry no dollar amount (AMD's 6 GW, C019):
   * their revenue and value lost are unmeasured, not zero.
   */
  unpriced: EntityId[];
  /** Revenue lost per entity over every round (the revenue column), only entities that lose something. */
  passedThrough: Record<EntityId, number>;
  /** The scenario applied. */
  assumptions: ScenarioAssumptions;
}

/** Lines (every entity with a loss) and their totals. */
export interface StressResult {
  lines: StressLine[];
  total: Omit<StressLine, "id">;
  details: StressDetails;
}

/**
 * The entity's EV/revenue multiple from the model: latest market cap or valuation ÷ latest revenue, a
 * quarter's revenue × 4 (half-year × 2, month × 12) as the market quotes run-rates; undefined without both.
 * Market cap stands in for EV (net debt is not in the model).
 */
export function modelMultiple(view: ModelView, id: EntityId): { multiple: number; factIds: string[] } | undefined {
  const index = indexOf(view);
  const value = latestValuation(view, id);
  const revenue = latestOwnFact(index, id, ["revenue"], (f) => (amountOf(f) ?? 0) > 0);
  if (value === undefined || revenue === undefined) return undefined;
  const annual = (amountOf(revenue) as number) * periodsPerYear(revenue);
  return { multiple: (amountOf(value) as number) / annual, factIds: [value.id, revenue.id] };
}

/** The entity's latest reported backlog (RPO) total: its latest own `backlog` fact (KIND_MEANINGS). */
export function latestBacklog(view: ModelView, id: EntityId): number | undefined {
  const fact = latestOwnFact(indexOf(view), id, ["backlog"], (f) => (amountOf(f) ?? 0) > 0);
  return fact === undefined ? undefined : (amountOf(fact) as number);
}

/** The entity's latest reported total debt: its latest own `debt` fact (KIND_MEANINGS). */
export function latestTotalDebt(view: ModelView, id: EntityId): number | undefined {
  const fact = latestOwnFact(indexOf(view), id, ["debt"], (f) => (amountOf(f) ?? 0) > 0);
  return fact === undefined ? undefined : (amountOf(fact) as number);
}

/** Roles whose contracts in are leases of a site (the vendor is the lessor, the buyer the lessee). */
const LESSOR_ROLES: readonly Role[] = ["project_vehicle", "dc_developer"];

/**
 * Losses per entity when `shocked` cuts its contracts by `cut`; INVALID_INPUT for a cut outside [0, 1] or a
 * negative or non-finite multiple.
 * @example stress(view, { shocked: "OPENAI", cut: 0.5 }).total.revenueLost // every round of the cut
 */
export function stress(view: ModelView, options: StressOptions): StressResult | EngineError {
  // Each STRESS cell of a workbook asks for one line of the same result: keep recent results per view.
  const assumptions = options.assumptions ?? DEFAULT_ASSUMPTIONS;
  const key = `${options.shocked || DEFAULT_SHOCKED}|${options.cut}|${options.multiple ?? ""}|${keyOf(assumptions)}`;
  return memo.get(view).results.getOrCreate(key, () => computeStress(view, options, assumptions));
}


/**
 * Results kept per view. A sheet asks each scenario once per entity and measure; a sweep of cuts asks many
 * scenarios once each: the least recently used beyond this many are recomputed when asked again.
 */
export const STRESS_RESULTS_PER_VIEW = 256;

/**
 * A short key per assumptions content, for the results memo: the content (`scenarioKey`, a JSON text of every
 * row, over a kilobyte) is looked up once per assumptions object, and each content seen gets a number. Equal
 * contents share the number, so two SCENARIO handles with the same rows share results; a content forgotten
 * by the bounded table gets a new number when seen again (its results are then computed again, never mixed).
 */
const scenarioKeys = new WeakMap<ScenarioAssumptions, string>();
const contentNumbers = new LruCache<string, string>(STRESS_RESULTS_PER_VIEW);
let nextContentNumber = 0;
function keyOf(s: ScenarioAssumptions): string {
  let k = scenarioKeys.get(s);
  if (k === undefined) {
    k = contentNumbers.getOrCreate(scenarioKey(s), () => `s${nextContentNumber++}`);
    scenarioKeys.set(s, k);
  }
  return k;
}

/** What this module derives from one view, typed (src/model/memo.ts): it goes away with the view. */
interface StressMemo {
  /** Recent results by shocked | cut | multiple | scenario. */
  readonly results: LruCache<string, StressResult | EngineError>;
  /** Entities by id. */
  readonly entities: ReadonlyMap<EntityId, Entity>;
  /** Contracted revenue per entity (filled on demand). */
  readonly contracted: Map<EntityId, number>;
  /** Pass-through chains by shocked entity and which buyers pass on (they do not depend on the cut). */
  readonly chains: Map<string, PassThroughChain>;
}

const memo = new ViewMemo<StressMemo>((view) => ({
  results: new LruCache(STRESS_RESULTS_PER_VIEW),
  entities: new Map(view.entities.map((e) => [e.id, e])),
  contracted: new Map(),
  chains: new Map(),
}));

/** Present value of 1 a year for `years` years at rate r (a continuous-term annuity factor for fractional terms). */
function annuity(years: number, r: number): number {
  return (1 - Math.pow(1 + r, -years)) / r;
}

function computeStress(view: ModelView, options: StressOptions, A: ScenarioAssumptions): StressResult | EngineError {
  const { cut, multiple } = options;
  const shocked = options.shocked || DEFAULT_SHOCKED;
  if (typeof cut !== "number" || !Number.isFinite(cut) || cut < 0 || cut > 1) {
    return engineError("INVALID_INPUT", `cut must be a fraction from 0 to 1 (got ${String(cut)}).`);
  }
  if (multiple !== undefined && (typeof multiple !== "number" || !Number.isFinite(multiple) || multiple < 0)) {
    return engineError("INVALID_INPUT", `multiple must be a number of 0 or more (got ${String(multiple)}).`);
  }
  const index = indexOf(view);
  const entities = entityMap(view);
  const isLessor = (id: EntityId) => (entities.get(id)?.roles ?? []).some((r) => LESSOR_ROLES.includes(r));
  const contracted = contractedRevenue(view);
  const valueOf = (id: EntityId): number | null => {
    const v = latestValuation(view, id);
    return v === undefined ? null : (amountOf(v) as number);
  };

  // 1. Revenue lost over every round. A solvent buyer keeps paying its leases and (by default) its purchase
  // contracts: those are left out of the pass-through, and added below for a buyer the cut puts in default.
  const firstRound = new Map<EntityId, number>();
  for (const [vendor, cell] of index.contractsOut.get(shocked) ?? []) {
    if (vendor !== shocked && contractAmount(cell) > 0) firstRound.set(vendor, cut * contractAmount(cell));
  }
  const chain = passThroughChainOf(view, shocked, contracted, isLessor, A);
  const lost = passThrough(chain, firstRound, contracted);
  // Share of its contracted revenue each buyer lost: what it passes on (the shocked entity passes on `cut`).
  const share = (id: EntityId) => (id === shocked ? cut : Math.min(1, (lost.get(id) ?? 0) / Math.max(contracted(id), 1e-300)));

  // Annual revenue lost, and its present value over each contract's term, per vendor: every contract a buyer
  // cuts by its share (contracts a solvent buyer keeps paying excepted).
  const annualLost = new Map<EntityId, number>();
  const pvLost = new Map<EntityId, number>();
  const addContract = (vendor: EntityId, cell: ContractCell, s: number) => {
    if (s <= 0 || cell.annual <= 0) return;
    const term = contractAmount(cell) / cell.annual;
    annualLost.set(vendor, (annualLost.get(vendor) ?? 0) + s * cell.annual);
    pvLost.set(vendor, (pvLost.get(vendor) ?? 0) + s * cell.annual * annuity(term, A.discountRate));
  };
  const unpriced = new Set<EntityId>();
  for (const buyer of new Set([shocked, ...lost.keys()])) {
    const s = share(buyer);
    for (const [vendor, cell] of index.contractsOut.get(buyer) ?? []) {
      if (vendor === buyer || vendor === shocked) continue;
      if (buyer !== shocked && keepsPaying(A, isLessor(vendor))) continue;
      addContract(vendor, cell, s);
    }
    // Contracts the cut reaches whose facts carry no dollars (AMD's 6 GW, C019): their vendors' loss is unmeasured.
    if (s > 0) {
      for (const fact of index.factsByEntity.get(buyer) ?? []) {
        if (fact.from !== buyer || fact.to === buyer || fact.to === shocked || fact.kind !== "contract" || amountOf(fact) !== null) continue;
        if (buyer !== shocked && keepsPaying(A, isLessor(fact.to))) continue;
        if (contractAmount(index.contractsOut.get(buyer)?.get(fact.to)) <= 0) unpriced.add(fact.to);
      }
    }
  }

  // 2. Operating channel, uncapped (the credit test reads it before the cap). Recomputed for a vendor when a
  // buyer in default adds to its lost revenue (credit channel, below).
  const operatingRaw = new Map<EntityId, number>();
  const operating: StressDetails["operating"] = {};
  const multiples: StressDetails["multiples"] = {};
  const unvaluedSet = new Set<EntityId>();
  const operatingOf = (id: EntityId) => {
    const annual = annualLost.get(id) ?? 0;
    const entity = entities.get(id);
    const margin = lookup(A, "margin", id, entity);
    const mult = lookup(A, "multiple", id, entity);
    const value = valueOf(id);
    operating[id] = { annualLost: annual, margin: margin.value, multiple: mult.value, value, keys: [margin.key, mult.key] };
    // No value line for a company the model cannot value: project vehicles get none by rule (their equity is
    // the lease less the debt, zero by the model's own estimates); a firm without a value fact is listed: its
    // value lost is unmeasured, not zero.
    if (value === null || isLessor(id)) {
      if (!isLessor(id)) unvaluedSet.add(id);
      return;
    }
    let raw: number;
    if (multiple !== undefined) {
      raw = annual * multiple;
      multiples[id] = { multiple, source: "override" };
    } else if (A.method === "term") {
      raw = (pvLost.get(id) ?? 0) * margin.value;
      multiples[id] = { multiple: annual > 0 ? raw / annual : 0, source: [margin.key, "discount_rate"] };
    } else {
      raw = annual * margin.value * mult.value;
      multiples[id] = { multiple: margin.value * mult.value, source: [margin.key, mult.key] };
    }
    operatingRaw.set(id, raw);
  };
  for (const id of annualLost.keys()) operatingOf(id);
  // A buyer in default stops paying part of a contract: its vendor loses the revenue and, if valued, its value.
  const passOn = (vendor: EntityId, cell: ContractCell, s: number) => {
    addContract(vendor, cell, s);
    operatingOf(vendor);
  };

  // 3. Investor channel: holders of the shocked company.
  const investor = investorChannel(view, shocked, cut, A, entities);

  // 4. Credit channel: who cannot pay, and what their lenders lose.
  // Equity value at the date of the stake each holder loses: a stake priced at a valuation dated after the
  // holder's own market cap adds its gain over cost to that market cap (a revaluation raises both sides).
  const equity: StressDetails["equity"] = {};
  const equityOf = (id: EntityId): number | null => {
    const known = equity[id];
    if (known !== undefined) return known.value + known.markUp;
    const fact = latestValuation(view, id);
    if (fact === undefined) return null;
    const inv = investor[id];
    const markUp = !isLessor(id) && inv !== undefined && inv.valuedAt !== null && inv.valuedAt > fact.date ? Math.max(0, inv.stakeValue - inv.cost) : 0;
    equity[id] = { value: amountOf(fact) as number, markUp, factId: fact.id };
    return equity[id].value + markUp;
  };
  // Guarantees of the shocked company's obligations are called by the cut: cut × cap (§7.3).
  const guarantees: StressDetails["guarantees"] = {};
  for (const f of guaranteesOf(view, shocked)) {
    const called = cut * guaranteeCap(f);
    if (called > 0) addGuarantee(guarantees, f, called);
  }
  const credit = creditChannel({ view, shocked, cut, A, entities, isLessor, contracted, lost, share, operatingRaw, investor, valueOf, equityOf, passOn, guarantees });
  const unvalued = [...unvaluedSet];

  // Lines: caps, then totals.
  const lines = new Map<EntityId, StressLine>();
  const line = (id: EntityId) => {
    let l = lines.get(id);
    if (l === undefined) lines.set(id, (l = { id, revenueLost: 0, lenderLoss: 0, marketValueAtRisk: 0, investorLoss: 0, totalLoss: 0 }));
    return l;
  };
  for (const [id, value] of credit.revenueLost) if (id !== shocked && value > 0) line(id).revenueLost = value;
  const capped: EntityId[] = [];
  for (const id of new Set([...operatingRaw.keys(), ...Object.keys(investor)])) {
    const value = equityOf(id);
    const inv = investor[id]?.loss ?? 0;
    const op = operatingRaw.get(id) ?? 0;
    if (op <= 0 && inv <= 0) continue;
    const l = line(id);
    // Operating and investor losses together never exceed the company's value; a capped company's value is
    // split between the channels in proportion to their uncapped losses (both are linear in the cut, so the
    // split does not move with it and each channel stays monotone).
    if (value !== null && op + inv > value) {
      capped.push(id);
      l.investorLoss = (value * inv) / (op + inv);
      l.marketValueAtRisk = (value * op) / (op + inv);
    } else {
      l.investorLoss = inv;
      l.marketValueAtRisk = op;
    }
  }
  for (const [id, loss] of credit.lenderLoss) if (loss > 0) line(id).lenderLoss = loss;
  for (const [id, g] of Object.entries(guarantees)) if (g.called > 0) line(id).lenderLoss += g.called;
  for (const l of lines.values()) l.totalLoss = l.marketValueAtRisk + l.investorLoss + l.lenderLoss;

  const sorted = [...lines.values()].sort(
    (a, b) => b.totalLoss - a.totalLoss || b.revenueLost - a.revenueLost || (a.id < b.id ? -1 : 1),
  );
  const total = sorted.reduce(
    (t, l) => ({
      revenueLost: t.revenueLost + l.revenueLost,
      lenderLoss: t.lenderLoss + l.lenderLoss,
      marketValueAtRisk: t.marketValueAtRisk + l.marketValueAtRisk,
      investorLoss: t.investorLoss + l.investorLoss,
      totalLoss: t.totalLoss + l.totalLoss,
    }),
    { revenueLost: 0, lenderLoss: 0, marketValueAtRisk: 0, investorLoss: 0, totalLoss: 0 },
  );
  const passedThrough = Object.fromEntries([...credit.revenueLost].filter(([, v]) => v > 0));
  // Frozen: the result is shared by every caller that asks the same question of the same view.
  return deepFreeze({
    lines: sorted,
    total,
    details: { multiples, operating, investor, equity, borrowers: credit.borrowers, guarantees, newDefaults: credit.newDefaults, capped, unvalued, unpriced: [...unpriced].filter((id) => !(id in passedThrough)).sort(), passedThrough, assumptions: A },
  });
}

function entityMap(view: ModelView): ReadonlyMap<EntityId, Entity> {
  return memo.get(view).entities;
}

/** Guarantees (fact kind "guarantee") of `beneficiary`'s obligations by another entity, in view order. */
function guaranteesOf(view: ModelView, beneficiary: EntityId): Fact[] {
  return (indexOf(view).factsByEntity.get(beneficiary) ?? []).filter((f) => f.kind === "guarantee" && f.to === beneficiary && f.from !== beneficiary);
}

/** A guarantee's cap on the firm basis (the model's one money rule, moneyOf: the amount less conditional money). */
function guaranteeCap(f: Fact): number {
  return Math.max(0, moneyOf(f, "firm") ?? 0);
}

function addGuarantee(out: StressDetails["guarantees"], f: Fact, called: number): void {
  const g = (out[f.from] ??= { called: 0, cap: 0, beneficiaries: [], factIds: [] });
  g.called += called;
  g.cap += guaranteeCap(f);
  if (!g.beneficiaries.includes(f.to)) g.beneficiaries.push(f.to);
  g.factIds.push(f.id);
}

/**
 * Investor channel. A holder's stake value is pct × the company's latest valuation (one valuation per date
 * for every holder, §7.4), else its stake fact's value; a holder with no stake fact but equity invested is
 * valued at the money it put in on the scenario's money basis. A stake measured after commitments that are
 * not yet paid (on that basis) holds shares the holder has not paid for: their cost is taken off its value.
 * Groups (aggregates) are skipped: their money is their members' (C001b is C002–C004). Loss = stake value ×
 * cut × write-down; an unfunded commitment is cancelled (cut × unfunded), not lost.
 */
function investorChannel(view: ModelView, shocked: EntityId, cut: number, A: ScenarioAssumptions, entities: ReadonlyMap<EntityId, Entity>): StressDetails["investor"] {
  const index = indexOf(view);
  const out: StressDetails["investor"] = {};
  const holders = new Set<EntityId>();
  for (const [holder, row] of index.stakes) if (row.has(shocked)) holders.add(holder);
  for (const [funder, cell] of index.fundingIn.get(shocked) ?? []) if (cell.equity > 0) holders.add(funder);
  const valuation = latestValuation(view, shocked);
  for (const holder of holders) {
    if (holder === shocked || (entities.get(holder)?.roles ?? []).includes("aggregate")) continue;
    const investments = (index.factsByEntity.get(holder) ?? []).filter((f) => f.kind === "investment" && f.from === holder && f.to === shocked && (amountOf(f) ?? 0) > 0);
    const committed = investments.reduce((s, f) => s + (amountOf(f) as number), 0);
    const paid = investments.reduce((s, f) => s + Math.max(0, moneyOf(f, A.money) ?? 0), 0);
    const stakes = index.stakes.get(holder)?.get(shocked) ?? [];
    const pct = stakes.reduce((s, f) => s + (f.pct !== null && Number.isFinite(f.pct) ? f.pct : 0), 0);
    let stakeValue: number;
    let factIds: string[];
    let cost = paid;
    let valuedAt: string | null = null;
    const priced = pct > 0 && valuation !== undefined;
    const stakeDate = stakes.reduce((d, f) => (f.date > d ? f.date : d), "");
    // A percentage measured before a later round is diluted by it, for every holder alike (§7.4).
    const diluted = priced ? dilution(view, shocked, stakeDate, valuation, entities) : { factor: 1, factIds: [] };
    const staked = priced ? pct * diluted.factor * (amountOf(valuation) as number) : stakeOf(view, holder, shocked, "value");
    if (!isEngineError(staked) && staked > 0) {
      factIds = stakes.map((f) => f.id);
      if (priced) {
        factIds.push(...diluted.factIds, valuation.id);
        valuedAt = valuation.date;
      }
      // Commitments dated on or before the stake figure are in its percentage: what of them is not paid is not
      // owned, and what is paid is the stake's cost.
      let unpaidInStake = 0;
      cost = 0;
      for (const f of investments) {
        if (f.date > stakeDate) continue;
        unpaidInStake += (amountOf(f) as number) - Math.max(0, moneyOf(f, A.money) ?? 0);
        cost += Math.max(0, moneyOf(f, A.money) ?? 0);
      }
      stakeValue = Math.max(0, staked - unpaidInStake);
    } else {
      stakeValue = paid;
      factIds = investments.map((f) => f.id);
    }
    if (stakeValue <= 0) continue;
    out[holder] = {
      stakeValue,
      loss: stakeValue * cut * A.writeDown,
      cancelled: cut * (committed - paid),
      cost,
      valuedAt,
      factIds,
    };
  }
  return out;
}

/**
 * The dilution of a stake percentage measured on `stakeDate` by the company's primary rounds up to the
 * valuation it is priced at (docs/methodology.md §7.4), the same for every holder: each round the view records
 * as a group's investment (role aggregate: the round's total) dated after the stake and on or before the
 * valuation (a group inside another group's round that day is part of it), with a valuation fact of the same
 * date, multiplies the percentage by pre-money ÷ post-money. A
 * post-money valuation V after raising R: (V − R) ÷ V; a pre-money one (its unit says "pre-money"): V ÷ (V + R),
 * except the one the stake is priced at, which is the holders' pre-round side already (factor 1).
 * @example Foundation 26 % (C031, Oct 2025) at D001 852 post-money after D002's 122: 0.26 × 730/852 × 852 = 189.8
 */
function dilution(view: ModelView, company: EntityId, stakeDate: string, priced: Fact, entities: ReadonlyMap<EntityId, Entity>): { factor: number; factIds: string[] } {
  const facts = indexOf(view).factsByEntity.get(company) ?? [];
  let factor = 1;
  const factIds: string[] = [];
  for (const round of facts) {
    if (round.kind !== "investment" || round.to !== company || round.date <= stakeDate || round.date > priced.date) continue;
    if (!(entities.get(round.from)?.roles ?? []).includes("aggregate")) continue;
    // A group that is a member of another group investing the same day is part of that round (D005 in D002).
    if (facts.some((f) => f !== round && f.kind === "investment" && f.to === company && f.date === round.date && (entities.get(f.from)?.members ?? []).includes(round.from))) continue;
    const raised = amountOf(round) ?? 0;
    const at = facts.filter((f) => f.kind === "valuation" && f.from === company && f.date === round.date && (amountOf(f) ?? 0) > 0).pop();
    if (raised <= 0 || at === undefined) continue;
    const v = amountOf(at) as number;
    const preMoney = /pre-money/i.test(at.unit ?? "");
    if (preMoney && at.id === priced.id) continue;
    factor *= preMoney ? v / (v + raised) : Math.max(0, v - raised) / v;
    factIds.push(round.id);
  }
  return { factor, factIds };
}

interface CreditInput {
  view: ModelView;
  shocked: EntityId;
  cut: number;
  A: ScenarioAssumptions;
  entities: ReadonlyMap<EntityId, Entity>;
  isLessor(id: EntityId): boolean;
  contracted(id: EntityId): number;
  lost: ReadonlyMap<EntityId, number>;
  share(id: EntityId): number;
  operatingRaw: ReadonlyMap<EntityId, number>;
  investor: StressDetails["investor"];
  valueOf(id: EntityId): number | null;
  /** Equity value marked to the stake's date (details.equity). */
  equityOf(id: EntityId): number | null;
  /** A buyer in default stops paying the share s of a contract: the vendor's annual revenue and operating loss grow. */
  passOn(vendor: EntityId, cell: ContractCell, s: number): void;
  /** Guarantees called so far (the shocked company's); guarantees of defaulted borrowers' debt are added here. */
  guarantees: StressDetails["guarantees"];
}

/**
 * Credit channel (docs/methodology.md §7.3). Each borrower (not a group: a group's debt is its members') has
 * a headroom H, what it can lose before it cannot pay, and a loss L from the cut:
 *  - a company with a value: H = its equity value (market cap or valuation), marked to the date of the stake
 *    it loses (plus the stake's gain over what it paid, when the stake is valued after the equity figure);
 *    L = value lost (operating + investor, before the cap);
 *  - a project vehicle: H = its leases (triple-net: the asset the loans are lent against) + equity put in − all
 *    its debt; L = lease revenue lost. A firm without a value: the same with each contract dollar at its
 *    contribution margin (what services debt is profit, not gross backlog).
 * The unpaid amount is what the loss takes beyond the headroom, shortfall = max(0, L − max(0, H)); its lenders
 * lose it pro rata to their share of all its debt, at most the debt, × (1 − recovery): continuous in the cut,
 * zero while the headroom holds. A borrower with H ≥ 0 and L > H is a new default; one short before the cut
 * (H < 0: debt recorded, revenue not) is not blamed on it, its lenders lose only what the cut takes. A buyer in
 * default passes on, of the contracts a solvent one keeps paying, the part of its loss beyond its headroom
 * ((L − H) / L of its share: dedicated leases by the cut, others by its lost share); its lessors are tested
 * again. The shocked entity cuts every commitment, its debt included: its lenders lose cut × exposure × (1 − recovery).
 */
function creditChannel(c: CreditInput): { lenderLoss: Map<EntityId, number>; borrowers: Record<EntityId, BorrowerTest>; newDefaults: EntityId[]; revenueLost: Map<EntityId, number> } {
  const index = indexOf(c.view);
  const revenueLost = new Map(c.lost);
  const debtOf = (id: EntityId) => {
    let listed = 0;
    for (const cell of index.fundingIn.get(id)?.values() ?? []) listed += fundingAmount(cell, "debt");
    return { listed, all: Math.max(listed, latestTotalDebt(c.view, id) ?? 0) };
  };
  const isGroup = (id: EntityId) => (c.entities.get(id)?.roles ?? []).includes("aggregate");
  const defaulted = new Set<EntityId>();
  const borrowers: Record<EntityId, BorrowerTest> = {};
  const test = (id: EntityId): BorrowerTest => {
    const { all } = debtOf(id);
    const value = c.valueOf(id);
    const entity = c.entities.get(id);
    const rec = lookup(c.A, "recovery", id, entity);
    let headroom: number;
    let loss: number;
    if (id === c.shocked) {
      // The shocked entity does not pass a test: it cuts its debt service by the cut like every commitment.
      headroom = 0;
      loss = c.cut * all;
    } else if (value !== null && !c.isLessor(id)) {
      headroom = c.equityOf(id) ?? value;
      // A guarantee of the shocked company's obligations it pays is a loss like any other.
      loss = (c.operatingRaw.get(id) ?? 0) + (c.investor[id]?.loss ?? 0) + (c.guarantees[id]?.called ?? 0);
    } else {
      // No value: what services the debt is the contracts' contribution over their life (an undiscounted
      // loan-life cover), not the gross backlog. A lessor's lease is triple-net (the tenant bears the running
      // costs), so the lease itself services the site's debt; an operating firm keeps its margin of each dollar.
      const margin = c.isLessor(id) ? 1 : lookup(c.A, "margin", id, entity).value;
      let equityIn = 0;
      for (const cell of index.fundingIn.get(id)?.values() ?? []) equityIn += fundingAmount(cell, "equity");
      headroom = c.contracted(id) * margin + equityIn - all;
      loss = (revenueLost.get(id) ?? 0) * margin;
    }
    // A loss within rounding of zero is no loss: nothing defaults at a zero cut.
    const shortBefore = headroom < 0;
    const hit = loss > 1e-12;
    const shortfall = hit ? Math.max(0, loss - Math.max(0, headroom)) : 0;
    return {
      debt: all,
      headroom,
      loss,
      shortfall,
      defaulted: id !== c.shocked && !shortBefore && hit && loss > headroom,
      shortBefore,
      recovery: rec.value,
      recoveryKey: rec.key,
    };
  };
  const borrowerIds = [...index.fundingIn.keys()].filter((id) => !isGroup(id) && debtOf(id).listed > 0);
  // Each pass can only add defaults (a defaulted buyer adds losses to its vendors), so at most one pass per borrower.
  for (let pass = 0; pass <= borrowerIds.length; pass++) {
    let changed = false;
    for (const id of borrowerIds) {
      if (defaulted.has(id)) continue;
      const t = test(id);
      if (t.loss > 1e-12) borrowers[id] = t;
      if (!t.defaulted) continue;
      defaulted.add(id);
      changed = true;
      // A buyer in default stops paying, of the contracts a solvent one keeps, the part of its loss beyond its headroom.
      const beyond = t.loss > 0 ? (t.loss - t.headroom) / t.loss : 0;
      for (const [vendor, cell] of index.contractsOut.get(id) ?? []) {
        if (vendor === id || vendor === c.shocked) continue;
        const lessor = c.isLessor(vendor);
        if (!keepsPaying(c.A, lessor)) continue;
        const s = (lessor && c.A.leases === "dedicated" ? c.cut : c.share(id)) * beyond;
        revenueLost.set(vendor, (revenueLost.get(vendor) ?? 0) + s * contractAmount(cell));
        c.passOn(vendor, cell, s);
      }
    }
    if (!changed) break;
  }
  const lenderLoss = new Map<EntityId, number>();
  for (const [id, t] of Object.entries(borrowers)) {
    if (t.shortfall <= 0) continue;
    const lost = Math.min(t.debt, t.shortfall);
    const losses: [EntityId, number][] = [];
    for (const [lender, cell] of index.fundingIn.get(id) ?? []) {
      const exposure = fundingAmount(cell, "debt");
      if (exposure <= 0 || lender === id) continue;
      // Pro rata to the lender's share of all the borrower's debt (listed or not): never more than its exposure.
      losses.push([lender, (exposure / t.debt) * lost * (1 - t.recovery)]);
    }
    // A guarantee of this borrower's debt pays its lenders' loss up to its cap; they lose only the rest (no
    // dollar twice). The shocked company's own guarantees cover the obligations they name (its leases), not its
    // lenders: they are called above, at cut × cap.
    const owed = losses.reduce((s, [, v]) => s + v, 0);
    let covered = 0;
    if (id !== c.shocked && owed > 0) {
      for (const f of guaranteesOf(c.view, id)) {
        const pay = Math.min(guaranteeCap(f), owed - covered);
        if (pay <= 0) continue;
        covered += pay;
        addGuarantee(c.guarantees, f, pay);
      }
    }
    for (const [lender, v] of losses) lenderLoss.set(lender, (lenderLoss.get(lender) ?? 0) + v * (owed > 0 ? 1 - covered / owed : 1));
  }
  const newDefaults = borrowerIds.filter((id) => defaulted.has(id));
  return { lenderLoss, borrowers, newDefaults, revenueLost };
}

/** Contracted revenue of an entity: the larger of its modelled contracts and its latest reported backlog
 *  (a backlog includes the contracts the model lists one by one, so never the sum). Memoised per view. */
function contractedRevenue(view: ModelView): (id: EntityId) => number {
  const index = indexOf(view);
  const known = memo.get(view).contracted;
  return (id) => {
    let value = known.get(id);
    if (value === undefined) {
      let listed = 0;
      for (const cell of index.contractsIn.get(id)?.values() ?? []) listed += contractAmount(cell);
      known.set(id, (value = Math.max(listed, latestBacklog(view, id) ?? 0)));
    }
    return value;
  };
}

/**
 * Revenue lost by every entity once the first-round losses pass down the buyer → vendor contracts: a buyer
 * that loses a share s(X) = L(X) / K(X) of its contracted revenue K cuts each of its own purchase contracts
 * by s(X) (leases of a solvent lessee excepted, when the scenario says a solvent lessee pays). The shocked
 * entity's own contracts are cut by the first round only. So
 *   L(Y) = f(Y) + Σ_{X ≠ shocked} C(X→Y) / K(X) · L(X),   i.e. L = (I − M)⁻¹ f with M[Y][X] = C(X→Y) / K(X),
 * solved exactly with the Leontief inverse over the entities the cut can reach. s never exceeds 1: L(Y) is
 * at most the contracts Y sells, which K(Y) includes. And ρ(M) < 1 on that set (Collatz–Wielandt with the
 * vector K: (M·K)(Y) = Σ_X C(X→Y) ≤ K(Y), strictly where money enters a loop from outside it, as it must
 * for the cut to reach the loop), so the inverse exists and is the limit of passing the cut round by round.
 * @example first round ORCL 150 of 523 contracted → ORCL cuts its 40 Nvidia order by 150/523 → Nvidia loses 11.5.
 */
function passThrough(chain: PassThroughChain, firstRound: ReadonlyMap<EntityId, number>, contracted: (id: EntityId) => number): Map<EntityId, number> {
  const { nodes, inverse, m } = chain;
  const f = nodes.map((id) => firstRound.get(id) ?? 0);
  const lost = inverse === undefined ? iterate(m, f) : inverse.map((row) => row.reduce((sum, v, j) => sum + v * f[j], 0));
  const result = new Map<EntityId, number>();
  nodes.forEach((id, i) => {
    // L(Y) ≤ every contract Y sells ≤ K(Y); clamp rounding either side.
    const value = Math.min(Math.max(0, lost[i]), Math.max(contracted(id), f[i]));
    if (value > 0) result.set(id, value);
  });
  return result;
}

interface PassThroughChain {
  nodes: EntityId[];
  m: number[][];
  /** (I − M)⁻¹, or undefined when its certificate failed (then the cut is passed round by round). */
  inverse: number[][] | undefined;
}

/** The reach and the inverse depend on the view, the shocked entity and which buyers pass on, not on the cut: build them once. */
function passThroughChainOf(view: ModelView, shocked: EntityId, contracted: (id: EntityId) => number, isLessor: (id: EntityId) => boolean, A: ScenarioAssumptions): PassThroughChain {
  const chains = memo.get(view).chains;
  const key = `${shocked}:${A.solventLesseePays}:${A.solventBuyerPays}`;
  let chain = chains.get(key);
  if (chain === undefined) chains.set(key, (chain = passThroughChain(view, shocked, contracted, (v) => keepsPaying(A, isLessor(v)))));
  return chain;
}

/** Whether a solvent buyer keeps paying a contract with this vendor in full (a lease, or a purchase contract). */
function keepsPaying(A: ScenarioAssumptions, vendorIsLessor: boolean): boolean {
  return vendorIsLessor ? A.solventLesseePays : A.solventBuyerPays;
}

function passThroughChain(view: ModelView, shocked: EntityId, contracted: (id: EntityId) => number, skipVendor: (id: EntityId) => boolean): PassThroughChain {
  const index = indexOf(view);
  // Everyone the cut can reach along purchase contracts (the shocked entity passes nothing on).
  const nodes: EntityId[] = [];
  const at = new Map<EntityId, number>();
  const stack = [...(index.contractsOut.get(shocked)?.keys() ?? [])];
  const vendorsOf = (buyer: EntityId) => [...(index.contractsOut.get(buyer)?.keys() ?? [])].filter((v) => buyer === shocked || !skipVendor(v));
  while (stack.length > 0) {
    const id = stack.pop() as EntityId;
    if (at.has(id)) continue;
    at.set(id, nodes.length);
    nodes.push(id);
    if (id === shocked || contracted(id) <= 0) continue;
    for (const vendor of vendorsOf(id)) if (!at.has(vendor)) stack.push(vendor);
  }
  const m = nodes.map(() => new Array<number>(nodes.length).fill(0));
  nodes.forEach((buyer, j) => {
    const base = contracted(buyer);
    if (buyer === shocked || base <= 0) return;
    for (const vendor of vendorsOf(buyer)) {
      if (vendor !== buyer && at.has(vendor)) m[at.get(vendor) as number][j] += contractAmount(index.contractsOut.get(buyer)?.get(vendor)) / base;
    }
  });
  // ρ(M) < 1 is proven above; a matrix within rounding of 1 would fail the inverse's certificate, and then
  // passing the cut round by round still converges (more slowly) to the same limit.
  const inverse = leontiefInverse(m);
  return { nodes, m, inverse: isEngineError(inverse) ? undefined : inverse };
}

/** L ← f + M·L from L = f until nothing moves by 1e-12 (at most 100,000 rounds). */
function iterate(m: number[][], f: number[]): number[] {
  let l = f.slice();
  for (let round = 0; round < 100_000; round++) {
    const next = f.map((fi, i) => m[i].reduce((sum, v, j) => sum + v * l[j], fi));
    const moved = next.reduce((most, v, i) => Math.max(most, Math.abs(v - l[i])), 0);
    l = next;
    if (moved <= 1e-12) break;
  }
  return l;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
