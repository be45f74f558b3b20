import { bundledDataset, getBundledModel } from "../../../src/model";

const byId = new Map(bundledDataset.entities.map((e) => [e.id, e]));

describe("bundled entities", () => {
  it("carry the Chinese names the article uses", () => {
    expect(Object.fromEntries(["MSFT", "NVDA", "AMZN", "SFTBY", "ORCL"].map((id) => [id, byId.get(id)?.nameZh]))).toEqual({
      MSFT: "微軟",
      NVDA: "英偉達",
      AMZN: "亞馬遜",
      SFTBY: "軟銀",
      ORCL: "甲骨文",
    });
  });

  it("use tickers for the listed firms the issue names and slugs for the private ones", () => {
    for (const id of ["MSFT", "NVDA", "AMZN", "ORCL", "CRWV", "AMD", "AVGO", "GOOGL", "META", "SFTBY"]) expect(byId.get(id)?.listed).toBe(true);
    for (const id of ["OPENAI", "ANTHROPIC", "XAI", "VANTAGE", "STARGATE"]) expect(byId.get(id)?.listed).toBe(false);
    expect(byId.get("SFTBY")?.aliases).toContain("9984.T");
  });

  it("mark every entity with members as a group, and every member exists", () => {
    for (const e of bundledDataset.entities.filter((x) => x.members.length > 0)) {
      expect(e.roles).toContain("aggregate");
      for (const m of e.members) expect(byId.has(m)).toBe(true);
    }
    expect(byId.get("HYPERSCALERS4")?.members).toEqual(["MSFT", "GOOGL", "AMZN", "META"]);
  });

  it("every entity a fact names is known, and the registry resolves every id to itself", () => {
    const registry = getBundledModel().registry;
    for (const f of bundledDataset.facts) {
      expect(byId.has(f.from)).toBe(true);
      expect(byId.has(f.to)).toBe(true);
    }
    for (const e of bundledDataset.entities) {
      const r = registry.resolve(e.id);
      expect(r.ok && r.entity.id).toBe(e.id);
      for (const alias of e.aliases) {
        const a = registry.resolve(alias);
        expect(a.ok && a.entity.id).toBe(e.id);
      }
    }
  });
});
