import { createRegistry, editDistance, getBundledModel, normaliseName, type Entity } from "../../../src/model";

const registry = getBundledModel().registry;
const idOf = (text: string): string | null => {
  const r = registry.resolve(text);
  return r.ok ? r.entity.id : null;
};

describe("registry.resolve", () => {
  it("finds an entity by id in any case", () => {
    expect(idOf("MSFT")).toBe("MSFT");
    expect(idOf("msft")).toBe("MSFT");
    expect(idOf("  nvda ")).toBe("NVDA");
  });

  it("finds an entity by a common name or another ticker", () => {
    expect(idOf("Microsoft")).toBe("MSFT");
    expect(idOf("nvidia")).toBe("NVDA");
    expect(idOf("9984.T")).toBe("SFTBY");
    expect(idOf("SoftBank")).toBe("SFTBY");
    expect(idOf("Google")).toBe("GOOGL");
    expect(idOf("Blue Owl")).toBe("OWL");
    expect(idOf("SMBC")).toBe("SMFG");
  });

  it("finds an entity by the Chinese name the article uses, and by the simplified spelling", () => {
    expect(idOf("微軟")).toBe("MSFT");
    expect(idOf("英偉達")).toBe("NVDA");
    expect(idOf("亞馬遜")).toBe("AMZN");
    expect(idOf("軟銀")).toBe("SFTBY");
    expect(idOf("甲骨文")).toBe("ORCL");
    expect(idOf("英伟达")).toBe("NVDA");
  });

  it("is width-insensitive: full-width letters resolve like ASCII", () => {
    expect(idOf("ＭＳＦＴ")).toBe("MSFT");
    expect(idOf("ｏｐｅｎａｉ")).toBe("OPENAI");
  });

  it("ignores spacing and punctuation when nothing matches exactly", () => {
    expect(idOf("Open AI")).toBe("OPENAI");
    expect(idOf("open-ai")).toBe("OPENAI");
    expect(idOf("OPENAI_FOUNDATION")).toBe("OPENAI-FOUNDATION");
  });

  it("resolves the research's odd counterparty names to proper ids", () => {
    expect(idOf("ORCL-linked DC (New Mexico)")).toBe("ORCL-NM-DC");
    expect(idOf("SB ENERGY (Milam Co. TX)")).toBe("SB-ENERGY");
    expect(idOf("BANKS(JPM,MUFG)")).toBe("VANTAGE-LENDERS");
  });

  it("suggests the intended ticker for a transposition typo", () => {
    const r = registry.resolve("MSTF");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.query).toBe("MSTF");
      expect(r.suggestions[0]).toBe("MSFT");
    }
  });

  it("suggests for a misspelt name", () => {
    const r = registry.resolve("Antropic");
    expect(r.ok ? [] : r.suggestions).toContain("ANTHROPIC");
  });

  it("suggests the entity whose name a longer or shorter form starts with, after closer typos", () => {
    const r = registry.resolve("Microsoft Corporation");
    expect(r.ok ? [] : r.suggestions).toEqual(["MSFT"]);
    const s = registry.resolve("Anthro");
    expect(s.ok ? [] : s.suggestions).toContain("ANTHROPIC");
  });

  it("offers no suggestions for text unlike any name", () => {
    const r = registry.resolve("zzzzzzzzzzzz");
    expect(r).toEqual({ ok: false, query: "zzzzzzzzzzzz", suggestions: [] });
    expect(registry.resolve("")).toEqual({ ok: false, query: "", suggestions: [] });
  });

  it("get is exact on ids; all lists every entity", () => {
    expect(registry.get("MSFT")?.name).toBe("Microsoft");
    expect(registry.get("msft")).toBeUndefined();
    expect(registry.all().length).toBeGreaterThanOrEqual(25);
  });
});

describe("a name shared by two entities", () => {
  const mk = (id: string, aliases: string[]): Entity => ({ id, name: id, nameZh: null, aliases, roles: ["other"], listed: false, members: [] });
  const reg = createRegistry([mk("AAA", ["Acme"]), mk("BBB", ["acme"])]);

  it("resolves to neither and offers both", () => {
    expect(reg.resolve("ACME")).toEqual({ ok: false, query: "ACME", suggestions: ["AAA", "BBB"] });
  });
});

describe("editDistance", () => {
  it("matches hand-computed distances", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("msft", "mstf")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("ca", "abc")).toBe(3);
  });
});

describe("normaliseName", () => {
  it("folds width, case and spacing", () => {
    expect(normaliseName("  Ｍｉｃｒｏｓｏｆｔ\t Corp ")).toBe("microsoft corp");
  });
});
