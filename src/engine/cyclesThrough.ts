/**
 * Money cycles through an entity: every simple cycle of the view's money graph (funding funder→company,
 * contracts buyer→vendor, parallel facts summed) up to maxLength entities that passes through the entity,
 * found by a bounded search from that entity only (findCyclesThrough) and listed starting and ending at it.
 * Bottleneck = the smallest edge: no more than that can go all the way round. See docs/methodology.md §6.
 */
import { LruCache, ViewMemo, type EntityId, type ModelView } from "../model";
import { findCyclesThrough } from "./findCycles";
import { moneyGraph } from "./moneyGraph";
import { engineError, isEngineError, type EngineError } from "./result";

/**
 * The bounds on the entities in a cycle, declared once for CYCLES, the Cycles sheet and the docs.
 * Default 4: the article's circles have two (MSFT ⇄ OPENAI) or three (NVDA → OPENAI → ORCL → NVDA)
 * members; four also admits a lender or a neocloud in between while the list stays short enough to read.
 * Longer cycles carry less money (the bottleneck can only shrink); 8 is the most the search accepts.
 */
export const CYCLE_LENGTH = Object.freeze({ min: 2, max: 8, default: 4 });
/** Default bound on the entities in a cycle (CYCLE_LENGTH.default). */
export const DEFAULT_MAX_CYCLE_LENGTH = CYCLE_LENGTH.default;

/**
 * The work one cycle search may do: at most this many cycles kept and this many edge examinations
 * (about 0.1–0.3 s on a 2-core machine). Beyond either the answer says the list is incomplete.
 */
export const CYCLE_SEARCH_LIMITS = Object.freeze({ maxCycles: 50_000, maxSteps: 5_000_000 });

/** A money cycle: path starts and ends at the entity, e.g. ["NVDA","OPENAI","ORCL","NVDA"]. */
export interface MoneyCycle {
  path: EntityId[];
  /** Smallest edge amount on the cycle, USD bn. */
  bottleneck: number;
}

/** Cycles through one entity, largest first, and whether the search saw them all. */
export interface CyclesFound {
  cycles: MoneyCycle[];
  /** False when the search stopped at CYCLE_SEARCH_LIMITS: more cycles may exist. */
  complete: boolean;
}

/** Searches already done, per view: bounded, since the keys come from analysts' arguments. */
const searches = new ViewMemo<LruCache<string, CyclesFound | EngineError>>(() => new LruCache(256));

function order(a: MoneyCycle, b: MoneyCycle): number {
  return b.bottleneck - a.bottleneck || a.path.length - b.path.length || (a.path.join(">") < b.path.join(">") ? -1 : 1);
}

/**
 * Cycles through the entity up to `maxLength` entities, largest bottleneck first (then shorter, then by
 * path text), and whether the list is complete. [] when none or when maxLength is below 2; maxLength above
 * CYCLE_LENGTH.max is an INVALID_INPUT error (the search would explode on dense webs).
 */
export function findMoneyCycles(view: ModelView, id: EntityId, maxLength: number = DEFAULT_MAX_CYCLE_LENGTH): CyclesFound | EngineError {
  if (!Number.isFinite(maxLength) || maxLength < CYCLE_LENGTH.min) return { cycles: [], complete: true };
  const bound = Math.floor(maxLength);
  if (bound > CYCLE_LENGTH.max) return engineError("INVALID_INPUT", `a cycle has at most ${CYCLE_LENGTH.max} entities, got ${bound}`);
  return searches.get(view).getOrCreate(`${id}|${bound}`, () => {
    const found = findCyclesThrough(moneyGraph(view), id, { maxLength: bound, ...CYCLE_SEARCH_LIMITS });
    if (isEngineError(found)) return found;
    const cycles = found.cycles.map((c) => ({ path: c.path, bottleneck: c.bottleneck }));
    return { cycles: cycles.sort(order), complete: found.complete };
  });
}

/**
 * Cycles through the entity, largest bottleneck first (then shorter, then by path text); [] when none or
 * when maxLength is below 2. A search stopped by CYCLE_SEARCH_LIMITS returns what it found.
 * @example cyclesThrough(view, "NVDA") // [{ path: ["NVDA","OPENAI","ORCL","NVDA"], bottleneck: 30 }, ...]
 */
export function cyclesThrough(view: ModelView, id: EntityId, maxLength: number = DEFAULT_MAX_CYCLE_LENGTH): MoneyCycle[] {
  const found = findMoneyCycles(view, id, Math.min(maxLength, CYCLE_LENGTH.max));
  return isEngineError(found) ? [] : found.cycles;
}
