/**
 * The bundled dataset: curated entities and facts (src/model/data) with a version and an as-of date.
 */
import { ENTITIES } from "./data/entities";
import { FACTS } from "./data/facts";
import type { Entity, Fact } from "./types";

/** A complete set of entities and facts, bundled or read from workbook tables. */
export interface Dataset {
  /** Identifies the data content: bump the revision suffix whenever the bundled facts change. */
  version: string;
  /** The latest fact date (ISO): the default as-of of every view. */
  asOf: string;
  entities: readonly Entity[];
  facts: readonly Fact[];
}

/** The latest fact date of `facts`, or null when there are none. */
export function latestFactDate(facts: readonly Fact[]): string | null {
  let latest: string | null = null;
  // An index loop: each MODEL read calls this once, before for-of would be compiled without an iterator result per fact.
  for (let i = 0; i < facts.length; i++) if (latest === null || facts[i].date > latest) latest = facts[i].date;
  return latest;
}

/** The earliest fact date of `facts`, or null when there are none (the pane's lower date bound). */
export function earliestFactDate(facts: readonly Fact[]): string | null {
  let earliest: string | null = null;
  for (const f of facts) if (earliest === null || f.date < earliest) earliest = f.date;
  return earliest;
}

const BUNDLED_REVISION = 6;
const bundledAsOf = latestFactDate(FACTS) ?? "1970-01-01";

/** Freezes `value` and every object and array inside it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The curated, cited data shipped with the add-in (docs/data.md describes it), frozen whole: nothing can change
 * a bundled fact at run time, and whether two facts share a source object (the curated literals do, the packed
 * build does not) cannot make a difference.
 */
export const bundledDataset: Dataset = deepFreeze({
  version: `${bundledAsOf}.r${BUNDLED_REVISION}`,
  asOf: bundledAsOf,
  entities: ENTITIES,
  facts: FACTS,
});
