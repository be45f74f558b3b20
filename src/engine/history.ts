/**
 * Exposure over time: a dated series of one measure of one entity, each point computed on the
 * point-in-time view of its date (docs/methodology.md, "Exposure over time").
 *
 * Method: a *view per date*. The value at date d is the measure on `model.view(d, basis)`: the facts dated
 * on or before d that count under the basis, minus every fact that a later fact in that view supersedes.
 * So a figure replaced along the way (an "up to" commitment later closed at a different amount, a
 * cumulative total that includes earlier rounds) counts only until the fact that replaces it is dated,
 * and the series never double counts. Nothing is interpolated: between two fact dates the value is flat,
 * which makes the series a step function that changes only on dates when facts enter or leave the view.
 *
 * Two consequences make it fast and bounded:
 * - the view at any date equals the view at the latest fact date on or before it, so every date of a
 *   series is *snapped* to that fact date and the model's memoised views (and their indexes) are shared
 *   by every series, step and entity: at most one view per distinct fact date is ever built;
 * - only facts that name the entity (or supersede a fact that does) can move its direct measures, so the
 *   "facts" step evaluates the measure only on those facts' dates. The network measure reads the whole
 *   web and is evaluated on every fact date.
 *
 * Steps: "month" (month ends), "quarter" (calendar quarter ends), each within [from, to] and closed by
 * `to` itself when it is not one; "facts": `from`, then every date in (from, to] on which the value
 * changed. A series holds at most MAX_HISTORY_POINTS points (and the "facts" step evaluates at most
 * MAX_HISTORY_EVALUATIONS dates); a longer request is an INVALID_INPUT error that says how to narrow it.
 */
import { CHANNEL_IS_FUNDING, DEFAULT_MONEY_BASIS, FACT_KINDS, KIND_MEANINGS, type Basis, type EntityId, type Fact, type ModelView, type MoneyBasis } from "../model";
import { countsUnder, monthEndIso, supersessionClosure } from "../model";
import { circularShare, fundedBacklog, selfFundedExposure } from "./exposure";
import { totalContractsIn, totalFundingOut } from "./flows";
import { networkExposure } from "./networkExposure";
import { engineError, isEngineError, type EngineError } from "./result";

/**
 * The measures a series can follow: every measure of CIRCULAR_EXPOSURE (self_funded, funded_backlog,
 * share, network) plus the two flows behind them, funding out Σ_Y F(X→Y) and contracts in Σ_Y C(Y→X).
 */
export const HISTORY_MEASURES = ["self_funded", "funded_backlog", "share", "network", "funding_out", "contracts_in"] as const;
export type HistoryMeasure = (typeof HISTORY_MEASURES)[number];

/** How the dates of a series are chosen, default first. */
export const HISTORY_STEPS = ["month", "quarter", "facts"] as const;
export type HistoryStep = (typeof HISTORY_STEPS)[number];

/** Most points in one series: 50 years of month ends. Keeps a spill, a chart and the work bounded. */
export const MAX_HISTORY_POINTS = 600;
/** Most dates the "facts" step evaluates (distinct fact dates in range); a 10,000-fact workbook model stays bounded. */
export const MAX_HISTORY_EVALUATIONS = 2000;

/** What each measure computes on one view, and whether it reads only facts naming the entity. */
interface MeasureMeaning {
  readonly compute: (view: ModelView, id: EntityId, money: MoneyBasis) => number | EngineError;
  /** true: only facts naming the entity (or superseding one that does) can move it. */
  readonly local: boolean;
}

/** One meaning per measure: adding a measure to HISTORY_MEASURES fails to compile until it is described here. */
export const HISTORY_MEASURE_MEANINGS: Readonly<Record<HistoryMeasure, MeasureMeaning>> = {
  self_funded: { compute: selfFundedExposure, local: true },
  funded_backlog: { compute: fundedBacklog, local: true },
  share: { compute: circularShare, local: true },
  network: { compute: (view, id, money) => networkExposure(view, id, { money }), local: false },
  funding_out: { compute: (view, id, money) => totalFundingOut(view, id, "all", money), local: true },
  contracts_in: { compute: totalContractsIn, local: true },
};

/** The slice of a Model a series needs: its facts and its memoised views. `Model` satisfies it. */
export interface HistorySource {
  readonly dataset: { readonly facts: readonly Fact[] };
  view(asOf: string, basis: Basis): ModelView;
}

/** Options of history(). */
export interface HistoryOptions {
  measure?: HistoryMeasure;
  /** ISO; default: the model's earliest fact date. */
  from?: string | null;
  /** ISO; default: the model's latest fact date. */
  to?: string | null;
  step?: HistoryStep;
  basis: Basis;
  /** Which money counts (MONEY_BASES); default DEFAULT_MONEY_BASIS (firm). */
  money?: MoneyBasis;
  /** false: leave each point's `entered`/`superseded` empty (a worksheet series needs only the values). Default true. */
  facts?: boolean;
}

/** One point of a series. */
export interface HistoryPoint {
  /** ISO date of the point. */
  readonly date: string;
  /** The measure on the view of that date, or the engine error it gives there (share with no contracts in: DIV_ZERO). */
  readonly value: number | EngineError;
  /** Facts that entered the view since the previous point and can move the measure (none on the first point). */
  readonly entered: readonly string[];
  /** Facts that left the view since the previous point because an entering fact supersedes them. */
  readonly superseded: readonly string[];
}

/** A computed series. */
export interface HistorySeries {
  readonly entity: EntityId;
  readonly measure: HistoryMeasure;
  readonly step: HistoryStep;
  readonly from: string;
  readonly to: string;
  readonly points: readonly HistoryPoint[];
}

/** Per model: fact dates sorted and deduplicated, and per entity the facts that can move its direct measures. */
interface HistoryIndex {
  readonly dates: readonly string[];
  readonly relevant: Map<EntityId, readonly Fact[]>;
  readonly facts: readonly Fact[];
  /** fact id → ids it supersedes directly or through a chain. */
  readonly closure: ReadonlyMap<string, ReadonlySet<string>>;
}

const indexes = new WeakMap<object, HistoryIndex>();

function historyIndex(source: HistorySource): HistoryIndex {
  const facts = source.dataset.facts;
  let index = indexes.get(facts);
  if (index === undefined) {
    const dates = [...new Set(facts.map((f) => f.date))].sort();
    // The same chain closure the views use: A replaces B replaces C means A replaces C.
    const closure = supersessionClosure(facts);
    index = { dates, relevant: new Map(), facts, closure };
    indexes.set(facts, index);
  }
  return index;
}

/** The fact kinds the flows F and C are built from (viewIndex): the funding and contract channels of KIND_MEANINGS. */
const FLOW_KINDS: ReadonlySet<Fact["kind"]> = new Set<Fact["kind"]>(
  FACT_KINDS.filter((k) => KIND_MEANINGS[k].channel === "contract" || CHANNEL_IS_FUNDING[KIND_MEANINGS[k].channel]),
);

/** Flow facts naming `id`, or facts superseding (through a chain) a fact that names it: the only facts that can move a direct measure. */
function relevantFacts(index: HistoryIndex, id: EntityId): readonly Fact[] {
  let list = index.relevant.get(id);
  if (list === undefined) {
    const naming = new Set<string>();
    for (const f of index.facts) if ((f.from === id || f.to === id) && FLOW_KINDS.has(f.kind)) naming.add(f.id);
    const namesOne = (ids: ReadonlySet<string> | undefined): boolean => {
      if (ids) for (const s of ids) if (naming.has(s)) return true;
      return false;
    };
    list = index.facts.filter((f) => naming.has(f.id) || namesOne(index.closure.get(f.id)));
    index.relevant.set(id, list);
  }
  return list;
}

/** The latest fact date on or before `date` (binary search), or null when every fact is later. */
function snap(dates: readonly string[], date: string): string | null {
  let lo = 0;
  let hi = dates.length - 1;
  let found: string | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] <= date) {
      found = dates[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Month or quarter ends in [from, to], then `to` when it is not one; null when there would be more than `cap`. */
export function calendarDates(from: string, to: string, step: "month" | "quarter", cap: number = MAX_HISTORY_POINTS): string[] | null {
  const every = step === "month" ? 1 : 3;
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  // First period end on or after `from`: quarter ends are months 3, 6, 9, 12.
  month = Math.ceil(month / every) * every;
  const dates: string[] = [];
  for (;;) {
    const end = monthEndIso(year, month);
    if (end > to) break;
    if (end >= from) {
      if (dates.length >= cap) return null;
      dates.push(end);
    }
    month += every;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  if (dates[dates.length - 1] !== to) {
    if (dates.length >= cap) return null;
    dates.push(to);
  }
  return dates;
}

function valueAt(source: HistorySource, index: HistoryIndex, meaning: MeasureMeaning, id: EntityId, date: string, basis: Basis, empty: { view?: ModelView }, money: MoneyBasis): number | EngineError {
  const at = snap(index.dates, date);
  let view: ModelView;
  if (at === null) {
    // Before the first fact every view is empty: build one and share it across the series.
    empty.view ??= source.view(date, basis);
    view = empty.view;
  } else view = source.view(at, basis);
  return meaning.compute(view, id, money);
}

const sameValue = (a: number | EngineError, b: number | EngineError): boolean =>
  isEngineError(a) || isEngineError(b) ? isEngineError(a) && isEngineError(b) && a.code === b.code : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The series of `measure` for entity `id`. INVALID_INPUT when from > to or when the series would exceed
 * MAX_HISTORY_POINTS points (MAX_HISTORY_EVALUATIONS dates for the "facts" step); the message says how
 * to narrow it. Per-point errors (a share with no contracts in) stay in the point's value.
 * @example history(model, "AMZN", { measure: "self_funded", step: "facts", from: "2024-01-01", to: "2026-07-03", basis })
 *   // points 2024-01-01: 0, 2026-02-27: 50 (C002 with C032 + C092), 2026-04-20: 83 (D038 + C061 vs D039)
 */
export function history(source: HistorySource, id: EntityId, options: HistoryOptions): HistorySeries | EngineError {
  const index = historyIndex(source);
  const measure = options.measure ?? "self_funded";
  const step = options.step ?? "month";
  const meaning = HISTORY_MEASURE_MEANINGS[measure];
  const first = index.dates[0];
  const last = index.dates[index.dates.length - 1];
  const to = options.to ?? last;
  const from = options.from ?? first ?? to;
  if (from === undefined || to === undefined) return engineError("NOT_AVAILABLE", "The model has no facts, so no series.");
  if (from > to) return engineError("INVALID_INPUT", `from (${from}) is after to (${to}): give from on or before to.`);

  const basis = options.basis;
  const money = options.money ?? DEFAULT_MONEY_BASIS;
  const relevant = meaning.local ? relevantFacts(index, id) : index.facts;
  const empty: { view?: ModelView } = {};

  let dates: string[];
  if (step === "facts") {
    const candidates = [...new Set(relevant.filter((f) => f.date > from && f.date <= to && countsUnder(f, basis)).map((f) => f.date))].sort();
    if (candidates.length > MAX_HISTORY_EVALUATIONS) {
      return engineError(
        "INVALID_INPUT",
        `${candidates.length} fact dates between ${from} and ${to}; a "facts" series reads at most ${MAX_HISTORY_EVALUATIONS}: narrow from/to or use step "month".`,
      );
    }
    dates = [from];
    // Each kept point's facts are those dated after the previous *evaluated* date: the facts that moved it.
    const since: string[] = [from];
    let previous = valueAt(source, index, meaning, id, from, basis, empty, money);
    let previousDate = from;
    const values: (number | EngineError)[] = [previous];
    for (const d of candidates) {
      const value = valueAt(source, index, meaning, id, d, basis, empty, money);
      if (!sameValue(value, previous)) {
        if (dates.length >= MAX_HISTORY_POINTS) return tooMany(from, to, step);
        dates.push(d);
        since.push(previousDate);
        values.push(value);
      }
      previous = value;
      previousDate = d;
    }
    return { entity: id, measure, step, from, to, points: options.facts === false ? bare(dates, values) : withFacts(source, index, relevant, basis, dates, since, values, empty) };
  }
  const calendar = calendarDates(from, to, step);
  if (calendar === null) return tooMany(from, to, step);
  dates = calendar;
  const values = dates.map((d) => valueAt(source, index, meaning, id, d, basis, empty, money));
  return { entity: id, measure, step, from, to, points: options.facts === false ? bare(dates, values) : withFacts(source, index, relevant, basis, dates, [from, ...dates.slice(0, -1)], values, empty) };
}

/**
 * The measure on each of `dates` (ISO, any order), each on the view of its date like a series point: how
 * several measures are laid side by side on one set of dates (the union of their "facts" steps).
 * INVALID_INPUT beyond MAX_HISTORY_POINTS dates.
 */
export function historyValues(source: HistorySource, id: EntityId, measure: HistoryMeasure, dates: readonly string[], basis: Basis, money: MoneyBasis = DEFAULT_MONEY_BASIS): (number | EngineError)[] | EngineError {
  if (dates.length > MAX_HISTORY_POINTS) return engineError("INVALID_INPUT", `${dates.length} dates; a series holds at most ${MAX_HISTORY_POINTS}.`);
  const index = historyIndex(source);
  const meaning = HISTORY_MEASURE_MEANINGS[measure];
  const empty: { view?: ModelView } = {};
  return dates.map((d) => valueAt(source, index, meaning, id, d, basis, empty, money));
}

const NONE: readonly string[] = Object.freeze([]);
/** Points without their facts. */
function bare(dates: readonly string[], values: readonly (number | EngineError)[]): HistoryPoint[] {
  return dates.map((date, i) => ({ date, value: values[i], entered: NONE, superseded: NONE }));
}

function tooMany(from: string, to: string, step: HistoryStep): EngineError {
  return engineError(
    "INVALID_INPUT",
    `a "${step}" series from ${from} to ${to} has more than ${MAX_HISTORY_POINTS} points: narrow from/to${step === "month" ? ' or use step "quarter"' : ""}.`,
  );
}

/** The ids of a view's facts, built once per (memoised) view. */
const idSets = new WeakMap<ModelView, ReadonlySet<string>>();
function idsOf(view: ModelView): ReadonlySet<string> {
  let ids = idSets.get(view);
  if (ids === undefined) {
    ids = new Set(view.facts.map((f) => f.id));
    idSets.set(view, ids);
  }
  return ids;
}

/**
 * Attaches to each point the relevant facts that entered the view after `since[i]` (the previous point, or
 * for the "facts" step the previous date evaluated) and the facts they superseded. Between two dates a view
 * changes only by facts dated in between entering it and the facts those supersede leaving it.
 */
function withFacts(
  source: HistorySource,
  index: HistoryIndex,
  relevant: readonly Fact[],
  basis: Basis,
  dates: readonly string[],
  since: readonly string[],
  values: readonly (number | EngineError)[],
  empty: { view?: ModelView },
): HistoryPoint[] {
  const byDate = sortedByDate(relevant);
  const viewAt = (date: string): ModelView => {
    const at = snap(index.dates, date);
    return at === null ? (empty.view ??= source.view(date, basis)) : source.view(at, basis);
  };
  const points: HistoryPoint[] = [];
  let k = 0;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i];
    const entered: string[] = [];
    const superseded = new Set<string>();
    if (i > 0) {
      const before = idsOf(viewAt(since[i]));
      const now = idsOf(viewAt(date));
      while (k < byDate.length && byDate[k].date <= since[i]) k++;
      for (; k < byDate.length && byDate[k].date <= date; k++) {
        const f = byDate[k];
        if (!now.has(f.id)) continue;
        entered.push(f.id);
        for (const old of index.closure.get(f.id) ?? []) if (before.has(old) && !now.has(old)) superseded.add(old);
      }
    }
    points.push({ date, value: values[i], entered, superseded: [...superseded] });
  }
  return points;
}

const sortedLists = new WeakMap<readonly Fact[], readonly Fact[]>();
/** The relevant facts in date order (stable: dataset order within a day), cached per list. */
function sortedByDate(facts: readonly Fact[]): readonly Fact[] {
  let sorted = sortedLists.get(facts);
  if (sorted === undefined) {
    sorted = [...facts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    sortedLists.set(facts, sorted);
  }
  return sorted;
}
