import { ENTITY_NAMES_ZH_CN, normaliseName } from "../model";
import type { Entity, PaneRegistry } from "./lowerLayers";

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
  const q = normaliseName(query);
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
      const l = normaliseName(label);
      if (l === q) best = Math.min(best, 1);
      else if (l.startsWith(q)) best = Math.min(best, 2);
      else if (l.includes(q)) best = Math.min(best, 3);
    }
    if (best < Infinity) scored.push({ entity, score: best });
  }
  scored.sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name));
  return scored.slice(0, limit).map((s) => s.entity);
}

/**
 * "Microsoft (MSFT)" ("OpenAI" when the id only repeats the name), with the Chinese name when the article
 * gives one, in the pane's script: "Microsoft (MSFT) 微軟" (Traditional, the default) or "… 微软" (Simplified).
 */
export function entityLabel(entity: Entity, script: "Hant" | "Hans" = "Hant"): string {
  const base = normaliseName(entity.name) === normaliseName(entity.id) ? entity.name : `${entity.name} (${entity.id})`;
  const chinese = script === "Hans" && entity.nameZh ? (ENTITY_NAMES_ZH_CN[entity.id] ?? entity.nameZh) : entity.nameZh;
  return chinese ? `${base} ${chinese}` : base;
}

const SUFFIXES = /\s+(PBC|Group|Platforms|Systems|Capital|Data Centers|Chase|Financial|Corp\.?|Corporation|Inc\.?|Holdings)$/;

/**
 * A short name for tight spaces (diagram labels, chips, table cells): the name without a parenthesis or a
 * corporate suffix when that fits ("OpenAI Group PBC" → "OpenAI", "Meta Platforms" → "Meta"), else the id
 * ("Advanced Micro Devices" → "AMD"), else the name cut with an ellipsis.
 */
export function shortName(registry: PaneRegistry, id: string, max = 13): string {
  const entity = registry.get(id);
  if (!entity) return id;
  if (entity.name.length <= max) return entity.name;
  let name = entity.name.replace(/\s*\(.*\)\s*$/, "");
  for (let previous = ""; previous !== name; ) {
    previous = name;
    name = name.replace(SUFFIXES, "");
  }
  if (name.length <= max) return name;
  if (entity.id.length <= max + 4) return entity.id;
  return `${entity.name.slice(0, max - 1)}…`;
}
