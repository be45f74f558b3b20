/**
 * Stress: what the web loses when one entity (default OpenAI) cuts its commitments by a fraction, in three
 * channels that never count the same dollar twice (docs/methodology.md §7 has the formulas, the defaults
 * with their sources, worked examples and the comparison with claims S13/S14):
 *  - revenue lost: cut × C(shocked→X) in the first round, plus what buyers that lose a share of their
 *    backlog pass on to their own vendors (proportional pass-through); a solvent lessee keeps paying its leases;
 *  - operating: lost annual revenue × contribution margin × EV/EBITDA multiple (or the lost contribution
 *    discounted over each contract's term), for companies with a value in the model, capped at that value;
 *  - investor: holders of the shocked company lose stake value × cut × write-down (funded money only by default);
 *  - credit: a borrower defaults only when the cut wipes out its equity (valued companies) or its revenue
 *    headroom over all its debt (project vehicles); its lenders then lose exposure × (1 − recovery).
 * Assumptions: `ScenarioAssumptions` (./stressScenario), defaults in src/model/data/assumptions.ts.
 */
import { DEFAULT_SHOCKED, type Entity, type EntityId, type Fact, type ModelView, type Role } from "../model";
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
  /** Credit channel: what the entity loses as a lender to borrowers the cut puts in default. */
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
  /** What it can lose before it cannot pay: its equity value, or (no value) contracted revenue + equity in − debt. */
  headroom: number;
  /** What the cut takes: value lost (operating + investor) for a valued company, else contracted revenue lost. */
  loss: number;
  defaulted: boolean;
  /**
   * Headroom was negative before the cut: the model records this borrower's debt but not all its revenue. It
   * is not put in default; its lenders lose only the revenue the cut takes (pro rata, × (1 − recovery)).
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
  /** Investor channel per holder: the stake's value, what the cut writes off, unfunded commitments cancelled. */
  investor: Record<EntityId, { stakeValue: number; loss: number; cancelled: number; factIds: string[] }>;
  /** Credit test of every borrower the cut reaches (loss > 0). */
  borrowers: Record<EntityId, BorrowerTest>;
  /** Borrowers that default after the cut (none defaults without it). */
  newDefaults: EntityId[];
  /** Entities whose value lost was capped at their whole value. */
  capped: EntityId[];
  /** Entities that lose revenue but have no value in the model (project vehicles, private firms without a valuation): no value line. */
  unvalued: EntityId[];
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
  const results = resultCache(view);
  const assumptions = options.assumptions ?? DEFAULT_ASSUMPTIONS;
  const key = `${options.shocked || DEFAULT_SHOCKED}|${options.cut}|${options.multiple ?? ""}|${keyOf(assumptions)}`;
  let result = results.get(key);
  if (result === undefined) {
    result = computeStress(view, options, assumptions);
    if (results.size >= RESULT_CACHE_SIZE) results.delete(results.keys().next().value as string);
    results.set(key, result);
  }
  return result;
}

const scenarioKeys = new WeakMap<ScenarioAssumptions, string>();
function keyOf(s: ScenarioAssumptions): string {
  let k = scenarioKeys.get(s);
  if (k === undefined) scenarioKeys.set(s, (k = scenarioKey(s)));
  return k;
}

/** Results kept per view; a sheet rarely asks for more distinct scenarios than this. */
const RESULT_CACHE_SIZE = 32;

function resultCache(view: ModelView): Map<string, StressResult | EngineError> {
  const index = indexOf(view);
  let cache = index.cache.get("stress:results") as Map<string, StressResult | EngineError> | undefined;
  if (cache === undefined) index.cache.set("stress:results", (cache = new Map()));
  return cache;
}

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

  // 1. Revenue lost over every round. A solvent lessee keeps paying its leases: lease contracts are left out of
  // the pass-through unless the scenario says otherwise, and added below for a lessee that defaults.
  const excludeLeases = A.solventLesseePays;
  const firstRound = new Map<EntityId, number>();
  for (const [vendor, cell] of index.contractsOut.get(shocked) ?? []) {
    if (vendor !== shocked && contractAmount(cell) > 0) firstRound.set(vendor, cut * contractAmount(cell));
  }
  const chain = passThroughChainOf(view, shocked, contracted, isLessor, excludeLeases);
  const lost = passThrough(chain, firstRound, contracted);
  // Share of its contracted revenue each buyer lost: what it passes on (the shocked entity passes on `cut`).
  const share = (id: EntityId) => (id === shocked ? cut : Math.min(1, (lost.get(id) ?? 0) / Math.max(contracted(id), 1e-300)));

  // Annual revenue lost, and its present value over each contract's term, per vendor: every contract a buyer
  // cuts by its share (leases of solvent lessees excepted).
  const annualLost = new Map<EntityId, number>();
  const pvLost = new Map<EntityId, number>();
  const addContract = (vendor: EntityId, cell: ContractCell, s: number) => {
    if (s <= 0 || cell.annual <= 0) return;
    const term = contractAmount(cell) / cell.annual;
    annualLost.set(vendor, (annualLost.get(vendor) ?? 0) + s * cell.annual);
    pvLost.set(vendor, (pvLost.get(vendor) ?? 0) + s * cell.annual * annuity(term, A.discountRate));
  };
  for (const buyer of new Set([shocked, ...lost.keys()])) {
    const s = share(buyer);
    for (const [vendor, cell] of index.contractsOut.get(buyer) ?? []) {
      if (vendor === buyer || vendor === shocked) continue;
      if (buyer !== shocked && excludeLeases && isLessor(vendor)) continue;
      addContract(vendor, cell, s);
    }
  }

  // 2. Operating channel, uncapped (the credit test reads it before the cap).
  const operatingRaw = new Map<EntityId, number>();
  const operating: StressDetails["operating"] = {};
  const multiples: StressDetails["multiples"] = {};
  const unvalued: EntityId[] = [];
  for (const [id, annual] of annualLost) {
    const entity = entities.get(id);
    const margin = lookup(A, "margin", id, entity);
    const mult = lookup(A, "multiple", id, entity);
    const value = valueOf(id);
    operating[id] = { annualLost: annual, margin: margin.value, multiple: mult.value, value, keys: [margin.key, mult.key] };
    // No value line for a company the model cannot value: project vehicles (their equity is the lease less
    // the debt, zero by the model's own estimate) and private firms without a valuation.
    if (value === null || isLessor(id)) {
      unvalued.push(id);
      continue;
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
  }

  // 3. Investor channel: holders of the shocked company.
  const investor = investorChannel(view, shocked, cut, A, entities);

  // 4. Credit channel: who cannot pay, and what their lenders lose.
  const credit = creditChannel({ view, shocked, cut, A, entities, isLessor, contracted, lost, share, operatingRaw, investor, valueOf, excludeLeases });

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
    const value = valueOf(id);
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
    details: { multiples, operating, investor, borrowers: credit.borrowers, newDefaults: credit.newDefaults, capped, unvalued, passedThrough, assumptions: A },
  });
}

function entityMap(view: ModelView): ReadonlyMap<EntityId, Entity> {
  const index = indexOf(view);
  let map = index.cache.get("stress:entities") as Map<EntityId, Entity> | undefined;
  if (map === undefined) index.cache.set("stress:entities", (map = new Map(view.entities.map((e) => [e.id, e]))));
  return map;
}

/** The part of an investment fact paid in by its date, where the data say (fundedUsdBn); else the whole amount. */
function fundedPart(fact: Fact): number {
  const amount = amountOf(fact) ?? 0;
  const funded = fact.fundedUsdBn;
  return typeof funded === "number" && Number.isFinite(funded) ? Math.min(amount, Math.max(0, funded)) : amount;
}

/**
 * Investor channel. A holder's stake value is its stake fact's value (or pct × the company's latest
 * valuation, stakeOf); a holder with no stake fact but equity invested is valued at the money it put in
 * (funded only by default; the whole commitment on the "committed" basis). Groups (aggregates) are skipped:
 * their money is their members' (C001b is C002–C004). Loss = stake value × cut × write-down; an unfunded
 * commitment is cancelled (cut × unfunded), not lost.
 */
function investorChannel(view: ModelView, shocked: EntityId, cut: number, A: ScenarioAssumptions, entities: ReadonlyMap<EntityId, Entity>): StressDetails["investor"] {
  const index = indexOf(view);
  const out: StressDetails["investor"] = {};
  const holders = new Set<EntityId>();
  for (const [holder, row] of index.stakes) if (row.has(shocked)) holders.add(holder);
  for (const [funder, cell] of index.fundingIn.get(shocked) ?? []) if (cell.equity > 0) holders.add(funder);
  for (const holder of holders) {
    if (holder === shocked || (entities.get(holder)?.roles ?? []).includes("aggregate")) continue;
    const investments = (index.factsByEntity.get(holder) ?? []).filter((f) => f.kind === "investment" && f.from === holder && f.to === shocked && (amountOf(f) ?? 0) > 0);
    const committed = investments.reduce((s, f) => s + (amountOf(f) as number), 0);
    const funded = investments.reduce((s, f) => s + fundedPart(f), 0);
    const staked = stakeOf(view, holder, shocked, "value");
    let stakeValue: number;
    let factIds: string[];
    if (!isEngineError(staked) && staked > 0) {
      stakeValue = staked;
      factIds = (index.stakes.get(holder)?.get(shocked) ?? []).map((f) => f.id);
    } else {
      stakeValue = A.money === "committed" ? committed : funded;
      factIds = investments.map((f) => f.id);
    }
    if (stakeValue <= 0) continue;
    out[holder] = { stakeValue, loss: stakeValue * cut * A.writeDown, cancelled: A.money === "funded" ? cut * (committed - funded) : 0, factIds };
  }
  return out;
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
  excludeLeases: boolean;
}

/**
 * Credit channel. A borrower with a value in the model defaults when the value it loses (operating + investor,
 * before the cap) wipes out its equity; one without (a project vehicle, a private developer) when the
 * contracted revenue it loses exceeds its headroom (contracted revenue + equity in − all its debt). A lessee
 * that defaults stops paying its leases: dedicated (default) by the cut, proportional by its own lost share;
 * its lessors are then tested again. Lenders of a defaulted borrower lose exposure × (1 − recovery). Nothing
 * defaults without a cut: a borrower the model shows short before the shock (a group's debt with no revenue
 * recorded) is not blamed on it.
 */
function creditChannel(c: CreditInput): { lenderLoss: Map<EntityId, number>; borrowers: Record<EntityId, BorrowerTest>; newDefaults: EntityId[]; revenueLost: Map<EntityId, number> } {
  const index = indexOf(c.view);
  const revenueLost = new Map(c.lost);
  const debtOf = (id: EntityId) => {
    let listed = 0;
    for (const cell of index.fundingIn.get(id)?.values() ?? []) listed += fundingAmount(cell, "debt");
    return { listed, all: Math.max(listed, latestTotalDebt(c.view, id) ?? 0) };
  };
  const defaulted = new Set<EntityId>();
  const borrowers: Record<EntityId, BorrowerTest> = {};
  const test = (id: EntityId): BorrowerTest => {
    const { all } = debtOf(id);
    const value = c.valueOf(id);
    const entity = c.entities.get(id);
    const rec = lookup(c.A, "recovery", id, entity);
    let headroom: number;
    let loss: number;
    if (value !== null && !c.isLessor(id)) {
      headroom = value;
      loss = (c.operatingRaw.get(id) ?? 0) + (c.investor[id]?.loss ?? 0);
    } else {
      let equityIn = 0;
      for (const cell of index.fundingIn.get(id)?.values() ?? []) equityIn += fundingAmount(cell, "equity");
      headroom = c.contracted(id) + equityIn - all;
      loss = revenueLost.get(id) ?? 0;
    }
    // A loss within rounding of zero is no loss: nothing defaults at a zero cut.
    const shortBefore = headroom < 0;
    return { debt: all, headroom, loss, defaulted: !shortBefore && loss > 1e-12 && loss > headroom, shortBefore, recovery: rec.value, recoveryKey: rec.key };
  };
  const borrowerIds = [...index.fundingIn.keys()].filter((id) => debtOf(id).listed > 0);
  // Each pass can only add defaults (a defaulted lessee adds lease losses), so at most one pass per borrower.
  for (let pass = 0; pass <= borrowerIds.length; pass++) {
    let changed = false;
    for (const id of borrowerIds) {
      if (defaulted.has(id)) continue;
      const t = test(id);
      if (t.loss > 1e-12) borrowers[id] = t;
      if (!t.defaulted) continue;
      defaulted.add(id);
      changed = true;
      // A lessee in default stops paying the leases a solvent one would have kept paying.
      if (c.excludeLeases) {
        const s = c.A.leases === "dedicated" ? c.cut : c.share(id);
        for (const [vendor, cell] of index.contractsOut.get(id) ?? []) {
          if (vendor !== id && c.isLessor(vendor)) revenueLost.set(vendor, (revenueLost.get(vendor) ?? 0) + s * contractAmount(cell));
        }
      }
    }
    if (!changed) break;
  }
  const lenderLoss = new Map<EntityId, number>();
  for (const [id, t] of Object.entries(borrowers)) {
    if (!t.defaulted && !(t.shortBefore && t.loss > 1e-12)) continue;
    const listed = debtOf(id).listed;
    for (const [lender, cell] of index.fundingIn.get(id) ?? []) {
      const exposure = fundingAmount(cell, "debt");
      if (exposure <= 0 || lender === id) continue;
      // In default: the whole exposure × LGD. Short before the cut: only the revenue the cut takes, pro rata.
      const atRisk = t.defaulted ? exposure : Math.min(exposure, (t.loss * exposure) / listed);
      lenderLoss.set(lender, (lenderLoss.get(lender) ?? 0) + atRisk * (1 - t.recovery));
    }
  }
  const newDefaults = borrowerIds.filter((id) => defaulted.has(id));
  return { lenderLoss, borrowers, newDefaults, revenueLost };
}

/** Contracted revenue of an entity: the larger of its modelled contracts and its latest reported backlog
 *  (a backlog includes the contracts the model lists one by one, so never the sum). Memoised per view. */
function contractedRevenue(view: ModelView): (id: EntityId) => number {
  const index = indexOf(view);
  let known = index.cache.get("stress:contracted") as Map<EntityId, number> | undefined;
  if (known === undefined) index.cache.set("stress:contracted", (known = new Map()));
  const memo = known;
  return (id) => {
    let value = memo.get(id);
    if (value === undefined) {
      let listed = 0;
      for (const cell of index.contractsIn.get(id)?.values() ?? []) listed += contractAmount(cell);
      memo.set(id, (value = Math.max(listed, latestBacklog(view, id) ?? 0)));
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

/** The reach and the inverse depend on the view, the shocked entity and the lease rule, not on the cut: build them once. */
function passThroughChainOf(view: ModelView, shocked: EntityId, contracted: (id: EntityId) => number, isLessor: (id: EntityId) => boolean, skipLeases: boolean): PassThroughChain {
  const index = indexOf(view);
  const key = `stress:passThrough:${shocked}:${skipLeases}`;
  let chain = index.cache.get(key) as PassThroughChain | undefined;
  if (chain === undefined) index.cache.set(key, (chain = passThroughChain(view, shocked, contracted, skipLeases ? isLessor : () => false)));
  return chain;
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
