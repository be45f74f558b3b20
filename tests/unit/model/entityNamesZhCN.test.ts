/** Entity names in both Chinese scripts: every Chinese-named entity has a Simplified name, and both resolve. */
import { bundledDataset, ENTITY_NAMES_ZH_CN, getBundledModel } from "../../../src/model";

describe("Simplified Chinese entity names", () => {
  const registry = getBundledModel().registry;
  const named = bundledDataset.entities.filter((e) => e.nameZh !== null);

  it("exist for exactly the entities with a (Traditional) Chinese name", () => {
    expect(Object.keys(ENTITY_NAMES_ZH_CN).sort()).toEqual(named.map((e) => e.id).sort());
  });

  it.each(Object.entries(ENTITY_NAMES_ZH_CN))("%s: the Simplified name %s and the Traditional name resolve to the entity", (id, hans) => {
    const resolved = registry.resolve(hans);
    expect(resolved.ok && resolved.entity.id).toBe(id);
    const hant = named.find((e) => e.id === id)?.nameZh as string;
    const back = registry.resolve(hant);
    expect(back.ok && back.entity.id).toBe(id);
  });

  it("微软 and 微軟 both mean Microsoft (the issue's example)", () => {
    for (const q of ["微软", "微軟"]) {
      const r = registry.resolve(q);
      expect(r.ok && r.entity.id).toBe("MSFT");
    }
  });
});
