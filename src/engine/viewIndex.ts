/**
 * One pass over a ModelView that every measure reads from. The worksheet functions call the measures
 * thousands of times per recalculation on the same (memoised) view, so the index is built once per view
 * object and kept in a WeakMap: lookups after that are map reads, and the index goes away with its view.
 */
import {
  ViewMemo,
  CHANNEL_IS_CONTINGENT,
  CHANNEL_IS_FUNDING,
  FUNDING_CHANNELS,
  KIND_MEANINGS,
  MONEY_BASES,
  moneyOf,
  type EntityId,
  type Fact,
  type FundingChannel,
  type FundingKind,
  type ModelView,
  type MoneyBasis,
} from "../model";

/** Funding from one entity to another, split by money channel (KIND_MEANINGS: investment → equity, loan →
 *  debt, backstop and guarantee → backstop, warrant → vendor_financing). */
export interface FundingCell extends Record<FundingChannel, number> {
  /** The same sums on each money basis (moneyOf); the channel fields above are the committed (headline) amounts. */
  money: Record<MoneyBasis, Record<FundingChannel, number>>;
  factIds: string[];
  /** The investment facts among factIds (capex offset cites only these). */
  equityFactIds: string[];
}

/** Contract value from one buyer to one vendor, plus the same money spread over each contract's term. */
export interface ContractCell {
  amount: number;
  /** The contract value on each money basis (moneyOf); `amount` is the committed (headline) value. */
  money: Record<MoneyBasis, number>;
  /** Σ amount / term over the facts, the term defaulting to DEFAULT_CONTRACT_TERM_YEARS (see stress). */
  annual: number;
  factIds: string[];
}

/** Contract term assumed when a contract fact gives none: the Oracle–OpenAI deal's ~5 years (fact C013). */
export const DEFAULT_CONTRACT_TERM_YEARS = 5;

/** The per-view index. Internal to the engine; exported for the engine's own modules and tests. */
export interface ViewIndex {
  readonly view: ModelView;
  /** Entity ids in view.entities order, then ids that occur only in facts, sorted. */
  readonly nodes: readonly EntityId[];
  readonly nodeIndex: ReadonlyMap<EntityId, number>;
  /** from → to → funding. */
  readonly fundingOut: ReadonlyMap<EntityId, ReadonlyMap<EntityId, FundingCell>>;
  /** to → from → funding (same cells as fundingOut). */
  readonly fundingIn: ReadonlyMap<EntityId, ReadonlyMap<EntityId, FundingCell>>;
  /** buyer → vendor → contracts. */
  readonly contractsOut: ReadonlyMap<EntityId, ReadonlyMap<EntityId, ContractCell>>;
  /** vendor → buyer → contracts (same cells as contractsOut). */
  readonly contractsIn: ReadonlyMap<EntityId, ReadonlyMap<EntityId, ContractCell>>;
  /** Every fact that names the id on either side, in view order. */
  readonly factsByEntity: ReadonlyMap<EntityId, readonly Fact[]>;
  /** holder → company → stake facts. */
  readonly stakes: ReadonlyMap<EntityId, ReadonlyMap<EntityId, readonly Fact[]>>;
}

const indexes = new ViewMemo<ViewIndex>((view) => buildIndex(view));

/** The index of a view, built on first use and reused for the life of the view object. */
export function indexOf(view: ModelView): ViewIndex {
  return indexes.get(view);
}

/** A usable amount: finite, non-null. Facts without a dollar amount (GW-only deals) carry no money here. */
export function amountOf(fact: Fact): number | null {
  const a = fact.amountUsdBn;
  return a !== null && Number.isFinite(a) ? a : null;
}

function nested<V>(map: Map<EntityId, Map<EntityId, V>>, a: EntityId, b: EntityId, make: () => V): V {
  let inner = map.get(a);
  if (inner === undefined) {
    inner = new Map();
    map.set(a, inner);
  }
  let cell = inner.get(b);
  if (cell === undefined) {
    cell = make();
    inner.set(b, cell);
  }
  return cell;
}

function push<V>(map: Map<EntityId, V[]>, key: EntityId, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function perBasis<V>(make: () => V): Record<MoneyBasis, V> {
  return Object.fromEntries(MONEY_BASES.map((b) => [b, make()])) as Record<MoneyBasis, V>;
}

function buildIndex(view: ModelView): ViewIndex {
  const fundingOut = new Map<EntityId, Map<EntityId, FundingCell>>();
  const fundingIn = new Map<EntityId, Map<EntityId, FundingCell>>();
  const contractsOut = new Map<EntityId, Map<EntityId, ContractCell>>();
  const contractsIn = new Map<EntityId, Map<EntityId, ContractCell>>();
  const factsByEntity = new Map<EntityId, Fact[]>();
  const stakes = new Map<EntityId, Map<EntityId, Fact[]>>();
  const seen = new Set<EntityId>(view.entities.map((e) => e.id));
  const extra = new Set<EntityId>();

  for (const fact of view.facts) {
    push(factsByEntity, fact.from, fact);
    if (fact.to !== fact.from) push(factsByEntity, fact.to, fact);
    for (const id of [fact.from, fact.to]) if (!seen.has(id)) extra.add(id);

    if (fact.kind === "stake") {
      nested(stakes, fact.from, fact.to, () => [] as Fact[]).push(fact);
      continue;
    }
    const amount = amountOf(fact);
    // A from === to fact is a balance or a level, not money moving between entities.
    if (amount === null || fact.from === fact.to) continue;
    const channel = KIND_MEANINGS[fact.kind].channel;
    if (channel !== "contract" && CHANNEL_IS_FUNDING[channel]) {
      const cell = nested(fundingOut, fact.from, fact.to, () => ({ equity: 0, debt: 0, backstop: 0, vendor_financing: 0, money: perBasis(() => ({ equity: 0, debt: 0, backstop: 0, vendor_financing: 0 })), factIds: [] as string[], equityFactIds: [] as string[] }));
      cell[channel as FundingChannel] += amount;
      for (const b of MONEY_BASES) cell.money[b][channel as FundingChannel] += moneyOf(fact, b) ?? 0;
      if (channel === "equity") cell.equityFactIds.push(fact.id);
      cell.factIds.push(fact.id);
      nested(fundingIn, fact.to, fact.from, () => cell);
    } else if (channel === "contract") {
      const cell = nested(contractsOut, fact.from, fact.to, () => ({ amount: 0, money: perBasis(() => 0), annual: 0, factIds: [] as string[] }));
      const term = fact.termYears !== null && fact.termYears > 0 ? fact.termYears : DEFAULT_CONTRACT_TERM_YEARS;
      cell.amount += amount;
      for (const b of MONEY_BASES) cell.money[b] += moneyOf(fact, b) ?? 0;
      cell.annual += amount / term;
      cell.factIds.push(fact.id);
      nested(contractsIn, fact.to, fact.from, () => cell);
    }
  }

  const nodes = [...view.entities.map((e) => e.id), ...[...extra].sort()];
  const nodeIndex = new Map(nodes.map((id, i) => [id, i] as const));
  return { view, nodes, nodeIndex, fundingOut, fundingIn, contractsOut, contractsIn, factsByEntity, stakes };
}

/** Sum of a channel record for a kind: "all" is every channel that is not contingent (CHANNEL_IS_CONTINGENT). */
function kindTotal(channels: Readonly<Record<FundingChannel, number>>, kind: FundingKind): number {
  let total = 0;
  if (kind === "all") for (const c of FUNDING_CHANNELS) total += CHANNEL_IS_CONTINGENT[c] ? 0 : channels[c];
  else total = channels[kind];
  // Negative corrections can only lower a total; a relationship never sends negative money.
  return Math.max(0, total);
}

/**
 * Headline (committed) total of a funding cell for a kind; "all" leaves contingent money (guarantees,
 * backstops) out. The exposure measures read {@link fundingOn} with the caller's money basis instead.
 */
export function fundingAmount(cell: FundingCell | undefined, kind: FundingKind = "all"): number {
  return cell === undefined ? 0 : kindTotal(cell, kind);
}

/** Total of a funding cell for a kind on a money basis (docs/methodology.md §1). */
export function fundingOn(cell: FundingCell | undefined, money: MoneyBasis, kind: FundingKind = "all"): number {
  return cell === undefined ? 0 : kindTotal(cell.money[money], kind);
}

/** Headline (committed) contract total of a cell, floored at zero like funding. */
export function contractAmount(cell: ContractCell | undefined): number {
  return cell === undefined ? 0 : Math.max(0, cell.amount);
}

/** Contract total of a cell on a money basis, floored at zero. */
export function contractOn(cell: ContractCell | undefined, money: MoneyBasis): number {
  return cell === undefined ? 0 : Math.max(0, cell.money[money]);
}

/** The latest fact of a kind recorded on the entity itself (from === to === id) with an amount passing `accept`. */
export function latestOwnFact(index: ViewIndex, id: EntityId, kinds: readonly Fact["kind"][], accept: (fact: Fact) => boolean): Fact | undefined {
  let best: Fact | undefined;
  for (const fact of index.factsByEntity.get(id) ?? []) {
    if (fact.from !== id || fact.to !== id || !kinds.includes(fact.kind) || amountOf(fact) === null || !accept(fact)) continue;
    // Ties on date go to the later fact in the view, which the model lists in dataset order.
    if (best === undefined || fact.date >= best.date) best = fact;
  }
  return best;
}

/**
 * How many of the fact's periods make a year, read from its unit: 4 for a quarter ("Q1-2026", "FQ2-26",
 * "one quarter"), 2 for a half-year ("H1-2025"), 12 for a month, else 1 (a year, a run-rate or a guide).
 */
export function periodsPerYear(fact: Fact): number {
  if (/\b(Q[1-4]|FQ[1-4])\b|quarter/i.test(fact.unit)) return 4;
  if (/\bH[12]\b|half-year/i.test(fact.unit)) return 2;
  if (/per month|monthly/i.test(fact.unit)) return 12;
  return 1;
}

/** Whether a fact covers less than a year (a quarter, half-year or month). */
export function isSubAnnual(fact: Fact): boolean {
  return periodsPerYear(fact) > 1;
}
