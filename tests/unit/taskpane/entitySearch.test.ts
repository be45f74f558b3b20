import { entityLabel, normaliseQuery, searchEntities, shortName } from "../../../src/taskpane/entitySearch";
import { ENTITIES, fixtureRegistry } from "./fixtures";

const registry = fixtureRegistry();
const ids = (q: string) => searchEntities(registry, q).map((e) => e.id);

describe("searchEntities", () => {
  it("finds Microsoft by its Chinese name", () => {
    expect(ids("微軟")).toEqual(["MSFT"]);
    expect(ids("甲骨文")).toEqual(["ORCL"]);
  });

  it("matches tickers and names case- and width-insensitively", () => {
    expect(ids("ｍｓｆｔ")[0]).toBe("MSFT");
    expect(ids("nvidia")[0]).toBe("NVDA");
  });

  it("ranks the registry's exact resolution first, then prefixes, then substrings", () => {
    // "a" is a substring of many names; "AWS" resolves to Amazon exactly.
    expect(ids("AWS")).toEqual(["AMZN"]);
    expect(ids("or")).toEqual(["ORCL", "MSFT", "NVDA"]); // Oracle (prefix) before Microsoft Corp, NVIDIA Corp
  });

  it("lists every entity for an empty query and nothing for a miss", () => {
    expect(ids("")).toHaveLength(ENTITIES.length);
    expect(ids("zzz")).toEqual([]);
  });
});

describe("labels", () => {
  it("adds the id and Chinese name only when they say something", () => {
    expect(entityLabel(ENTITIES[0])).toBe("Microsoft (MSFT) 微軟");
    expect(entityLabel(ENTITIES[1])).toBe("OpenAI");
    expect(shortName(registry, "BANKS")).toBe("BANKS");
    expect(shortName(registry, "NVDA")).toBe("Nvidia");
    expect(shortName(registry, "UNKNOWN")).toBe("UNKNOWN");
    expect(normaliseQuery("  Open   AI ")).toBe("open ai");
  });
});
