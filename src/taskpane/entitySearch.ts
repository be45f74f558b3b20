import type { Entity, PaneRegistry } from "./contracts";

/** Case- and width-insensitive form (full-width "ＭＳＦＴ" and "msft" compare equal), as the registry does. */
export function normaliseQuery(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function labelsOf(entity: Entity): string[] {
  return [entity.id, entity.name, ...(entity.nameZh ? [entity.nameZh] : []), ...entity.aliases];
}

/**
 * Entities whose id, name, Chinese name or any alias contains the query, best first: the registry's own
 * exact resolution, then prefix matches, then substring matches. An empty query lists every entity.
 * @example searchEntities(registry, "微軟")[0].id // "MSFT"
 */
export function searchEntities(registry: PaneRegistry, query: string, limit = 50): Entity[] {
  const all = registry.all();
  const q = normaliseQuery(query);
  if (q === "") return all.slice(0, limit);
  const scored: { entity: Entity; score: number }[] = [];
  const exact = registry.resolve(query);
  for (const entity of all) {
    if (exact.ok && exact.entity.id === entity.id) {
      scored.push({ entity, score: 0 });
      continue;
    }
    let best = Infinity;
    for (const label of labelsOf(entity)) {
      const l = normaliseQuery(label);
      if (l === q) best = Math.min(best, 1);
      else if (l.startsWith(q)) best = Math.min(best, 2);
      else if (l.includes(q)) best = Math.min(best, 3);
    }
    if (best < Infinity) scored.push({ entity, score: best });
  }
  scored.sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name));
  return scored.slice(0, limit).map((s) => s.entity);
}

/** "Microsoft (MSFT)" ("OpenAI" when the id only repeats the name), with the Chinese name when the article gives one: "Microsoft (MSFT) 微軟". */
export function entityLabel(entity: Entity): string {
  const base = normaliseQuery(entity.name) === normaliseQuery(entity.id) ? entity.name : `${entity.name} (${entity.id})`;
  return entity.nameZh ? `${base} ${entity.nameZh}` : base;
}

/** A short name for tight spaces (diagram labels, chips): the name when short, else the id. */
export function shortName(registry: PaneRegistry, id: string, max = 13): string {
  const entity = registry.get(id);
  if (!entity) return id;
  return entity.name.length <= max ? entity.name : entity.id;
}
