/**
 * Money cycles through an entity: every simple cycle of the view's money graph (funding funder→company,
 * contracts buyer→vendor, parallel facts summed) up to maxLength entities, found once for the whole view
 * with findCycles (Johnson 1975, "Finding all the elementary circuits of a directed graph") and rotated to
 * start and end at the entity. Bottleneck = the smallest edge: no more than that can go all the way round.
 * See docs/methodology.md §6.
 */
import type { EntityId, ModelView } from "../model";
import { findCycles } from "./findCycles";
import { moneyGraph } from "./moneyGraph";
import { isEngineError } from "./result";
import { indexOf } from "./viewIndex";

/**
 * Default bound on the entities in a cycle. The article's circles have two (MSFT ⇄ OPENAI) or three
 * (NVDA → OPENAI → ORCL → NVDA) members; four also admits a lender or a neocloud in between while the
 * list stays short enough to read. Longer cycles carry less money (the bottleneck can only shrink).
 */
export const DEFAULT_MAX_CYCLE_LENGTH = 4;

/** A money cycle: path starts and ends at the entity, e.g. ["NVDA","OPENAI","ORCL","NVDA"]. */
export interface MoneyCycle {
  path: EntityId[];
  /** Smallest edge amount on the cycle, USD bn. */
  bottleneck: number;
}

function allCycles(view: ModelView, maxLength: number): MoneyCycle[] {
  const index = indexOf(view);
  const key = `cycles:${maxLength}`;
  const cached = index.cache.get(key) as MoneyCycle[] | undefined;
  if (cached !== undefined) return cached;
  const graph = moneyGraph(view);
  const found = findCycles({ nodes: [...graph.nodes], edges: graph.edges.map((e) => ({ ...e })) }, { maxLength });
  const cycles: MoneyCycle[] = isEngineError(found)
    ? []
    : found.map((c) => {
        const path = [...c.path];
        // Accept both open ([a,b,c]) and closed ([a,b,c,a]) path conventions.
        if (path.length > 1 && path[path.length - 1] === path[0]) path.pop();
        return { path, bottleneck: c.bottleneck };
      });
  index.cache.set(key, cycles);
  return cycles;
}

/**
 * Cycles through the entity, largest bottleneck first (then shorter, then by path text); [] when none or
 * when maxLength is below 2.
 * @example cyclesThrough(view, "NVDA") // [{ path: ["NVDA","OPENAI","ORCL","NVDA"], bottleneck: 30 }, ...]
 */
export function cyclesThrough(view: ModelView, id: EntityId, maxLength: number = DEFAULT_MAX_CYCLE_LENGTH): MoneyCycle[] {
  if (!Number.isFinite(maxLength) || maxLength < 2) return [];
  const bound = Math.floor(maxLength);
  const result: MoneyCycle[] = [];
  for (const cycle of allCycles(view, bound)) {
    const at = cycle.path.indexOf(id);
    if (at < 0) continue;
    const path = [...cycle.path.slice(at), ...cycle.path.slice(0, at), id];
    result.push({ path, bottleneck: cycle.bottleneck });
  }
  return result.sort((a, b) => b.bottleneck - a.bottleneck || a.path.length - b.path.length || (a.path.join(">") < b.path.join(">") ? -1 : 1));
}
