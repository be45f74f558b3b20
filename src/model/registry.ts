/**
 * The entity registry: look-up by id or any alias, insensitive to case, full-width forms and spacing,
 * with did-you-mean suggestions for typos.
 */
import type { Entity, EntityId } from "./types";

/** Result of {@link EntityRegistry.resolve}. */
export type ResolveResult = { ok: true; entity: Entity } | { ok: false; query: string; suggestions: EntityId[] };

/** Look-up over a fixed set of entities. */
export interface EntityRegistry {
  /** Every entity, in dataset order. */
  all(): readonly Entity[];
  /** The entity with exactly this id (ids are case-sensitive upper case). */
  get(id: EntityId): Entity | undefined;
  /** The entity whose id, name or alias matches `text` (case-, width- and spacing-insensitive), or suggestions. */
  resolve(text: string): ResolveResult;
}

/**
 * The comparison key of a name: NFKC (so full-width "ＭＳＦＴ" becomes "MSFT"), lower case, single spaces.
 * @example normaliseName("  Ｍｉｃｒｏｓｏｆｔ ") // "microsoft"
 */
export function normaliseName(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim().replace(/\s+/g, " ");
}

/** A looser key that ignores punctuation and spaces ("open-ai" = "OpenAI"); letters of any script stay. */
function looseKey(text: string): string {
  return normaliseName(text).replace(/[\s\p{P}\p{S}]+/gu, "");
}

/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions, so "MSTF" is one edit
 * from "MSFT" (a swap is the commonest typo in tickers).
 * @example editDistance("mstf", "msft") // 1
 */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2: number[] = new Array(m + 1).fill(0);
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur: number[] = new Array(m + 1).fill(0);
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prev2[j - 2] + 1);
      cur[j] = best;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

const MAX_SUGGESTIONS = 5;
/** Longest text the registry looks for near-misses of (names and aliases are far shorter). */
const MAX_SUGGEST_QUERY = 200;

/**
 * Builds a registry over `entities`. Names that two entities share resolve to neither (the caller gets
 * both as suggestions) rather than silently to the first.
 */
export function createRegistry(entities: readonly Entity[]): EntityRegistry {
  const byId = new Map<EntityId, Entity>();
  const exact = new Map<string, Set<EntityId>>();
  const loose = new Map<string, Set<EntityId>>();
  const put = (map: Map<string, Set<EntityId>>, key: string, id: EntityId): void => {
    if (key === "") return;
    const set = map.get(key) ?? new Set<EntityId>();
    set.add(id);
    map.set(key, set);
  };
  for (const entity of entities) {
    byId.set(entity.id, entity);
    for (const name of [entity.id, entity.name, ...(entity.nameZh ? [entity.nameZh] : []), ...entity.aliases]) {
      put(exact, normaliseName(name), entity.id);
      put(loose, looseKey(name), entity.id);
    }
  }
  const looseKeys = [...loose.keys()];

  const suggest = (query: string): EntityId[] => {
    // No name is this long: a pasted paragraph gets no suggestion rather than seconds of edit distances.
    if (query.length > MAX_SUGGEST_QUERY) return [];
    const key = looseKey(query);
    if (key === "") return [];
    const limit = Math.max(1, Math.floor(key.length / 3));
    const scored = new Map<EntityId, number>();
    for (const candidate of looseKeys) {
      // A longer or shorter form of a known name ("Microsoft Corporation", "Nvid") ranks after the typos.
      const prefix = Math.min(key.length, candidate.length) >= 4 && (candidate.startsWith(key) || key.startsWith(candidate));
      let d: number;
      if (Math.abs(candidate.length - key.length) <= limit) d = editDistance(key, candidate);
      else if (prefix) d = limit + 1;
      else continue;
      if (d > limit && !prefix) continue;
      if (prefix) d = Math.min(d, limit + 1);
      for (const id of loose.get(candidate) ?? []) scored.set(id, Math.min(d, scored.get(id) ?? Infinity));
    }
    return [...scored.entries()]
      .sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, MAX_SUGGESTIONS)
      .map(([id]) => id);
  };

  return {
    all: () => entities,
    get: (id) => byId.get(id),
    resolve(text: string): ResolveResult {
      const query = typeof text === "string" ? text : String(text);
      for (const [map, key] of [
        [exact, normaliseName(query)],
        [loose, looseKey(query)],
      ] as const) {
        const hits = map.get(key);
        if (hits && hits.size === 1) {
          const entity = byId.get([...hits][0]);
          if (entity) return { ok: true, entity };
        }
        if (hits && hits.size > 1) return { ok: false, query, suggestions: [...hits].sort() };
      }
      return { ok: false, query, suggestions: suggest(query) };
    },
  };
}
