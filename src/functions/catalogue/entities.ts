import type { Model } from "../../model";
import { ROLES } from "../../model";
import type { ResultCell } from "../params";
import { always, defineFunction, enumOf, modelParam } from "../params";

/** Role filter of ENTITIES: "all" (default) or one registry role. */
export const ENTITY_ROLE_FILTERS = ["all", ...ROLES] as const;
/** Header row of ENTITIES. */
export const ENTITIES_HEADER = ["id", "name", "name_zh", "roles"] as const;

/** The listing per model and role filter (at most one per role, so bounded). */
const listings = new WeakMap<Model, Map<string, ResultCell[][]>>();

export const ENTITIES = defineFunction({
  memoise: always,
  params: [enumOf("role", ENTITY_ROLE_FILTERS, "the role to list"), modelParam],
  result: "table",
  header: ENTITIES_HEADER,
  body({ role }, call) {
    const model = call.loaded.model;
    let byRole = listings.get(model);
    if (!byRole) listings.set(model, (byRole = new Map()));
    let table = byRole.get(role);
    if (!table) {
      const list = model.registry.all().filter((e) => role === "all" || (e.roles as readonly string[]).includes(role));
      table = [[...ENTITIES_HEADER], ...list.map((e) => [e.id, e.name, e.nameZh ?? "", e.roles.join(", ")])];
      byRole.set(role, table);
    }
    return table;
  },
});
