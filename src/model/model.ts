/**
 * The model: a dataset indexed once, with memoised point-in-time views and an entity registry.
 */
import { bundledDataset, latestFactDate, type Dataset } from "./dataset";
import { isIsoDate } from "./dates";
import { LruCache, memoActive } from "./memo";
import { createRegistry, type EntityRegistry } from "./registry";
import type { Basis, Entity, Fact, ModelView } from "./types";
import { buildView } from "./view";

/** A dataset ready for queries. */
export interface Model {
  readonly dataset: Dataset;
  readonly registry: EntityRegistry;
  /** ISO; the default as-of (the latest fact date, or the dataset's as-of when it has no facts). */
  readonly latestDate: string;
  /**
   * The facts in force on `asOf` (default: latestDate) under `basis` (default: confirmed facts only,
   * estimates included). Memoised: the same arguments return the same frozen object.
   * @throws RangeError when `asOf` is not an ISO date (callers validate user input first).
   */
  view(asOf?: string | null, basis?: Basis): ModelView;
  /** The fact with this id, in or out of any view. */
  fact(id: string): Fact | undefined;
}

/** Views kept per model (least recently used dropped first); a dropped view is rebuilt when asked again. */
export const MAX_VIEWS_PER_MODEL = 64;

/** The default basis: confirmed facts (announced, signed, closed, reported) and our labelled estimates. */
export const CONFIRMED_BASIS: Basis = Object.freeze({ includeRumoured: false });

/**
 * Indexes `dataset` once: the registry, the fact index and the supersession chains. Views are built on
 * first request and cached per (asOf, includeRumoured, includeEstimates, minProvenance).
 */
export function createModel(dataset: Dataset): Model {
  const registry = registryOf(dataset.entities);
  // The fact index is built when first asked for (a view or a look-up by id), not when the model is: MODEL
  // builds a model for every edit of a table, and no function may ever ask for this one.
  let index: Map<string, Fact> | null = null;
  const byId = (): Map<string, Fact> => {
    if (index === null) {
      index = new Map();
      const facts = dataset.facts;
      for (let i = 0; i < facts.length; i++) index.set(facts[i].id, facts[i]);
    }
    return index;
  };
  // The direct supersedes links, read from the facts by id (no second map of 10,000 entries).
  const supersedes = { get: (id: string): readonly string[] | undefined => byId().get(id)?.supersedes };
  const latestDate = latestFactDate(dataset.facts) ?? dataset.asOf;
  // Bounded: as-of dates come from analysts' cells, and a sweep over dates must not keep every view.
  const views = new LruCache<string, ModelView>(MAX_VIEWS_PER_MODEL);
  let last: { asOf: string | null | undefined; basis: Basis; view: ModelView } | null = null;

  return {
    dataset,
    registry,
    latestDate,
    view(asOf?: string | null, basis: Basis = CONFIRMED_BASIS): ModelView {
      // A sheet asks for the same view thousands of times in a row: answer a repeat without a key.
      if (last !== null && asOf === last.asOf && basis === last.basis && memoActive()) return last.view;
      const date = asOf ?? latestDate;
      if (!isIsoDate(date)) throw new RangeError(`as-of date must be ISO YYYY-MM-DD, got "${date}"`);
      const key = `${date}|${basis.includeRumoured ? 1 : 0}|${basis.includeEstimates === false ? 0 : 1}|${basis.minProvenance ?? ""}`;
      let v = views.get(key);
      if (!v) {
        v = buildView(dataset.entities, dataset.facts, supersedes, date, basis);
        views.set(key, v);
      }
      last = { asOf, basis, view: v };
      return v;
    },
    fact: (id) => byId().get(id),
  };
}

/**
 * The registry of an entity list, made once per list: it depends on nothing else and is never changed, and
 * every model AIFIN.MODEL builds from a facts range alone shares the bundled entities.
 */
const registries = new WeakMap<readonly Entity[], EntityRegistry>();

function registryOf(entities: readonly Entity[]): EntityRegistry {
  let registry = registries.get(entities);
  if (registry === undefined) {
    registry = createRegistry(entities);
    registries.set(entities, registry);
  }
  return registry;
}

let bundled: Model | null = null;

/** The bundled model, built once per process (the shared runtime): every caller gets the same object. */
export function getBundledModel(): Model {
  if (bundled === null) bundled = createModel(bundledDataset);
  return bundled;
}
