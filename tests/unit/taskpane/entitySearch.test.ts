import { entityLabel, searchEntities, shortName } from "../../../src/taskpane/entitySearch";
import { normaliseName } from "../../../src/model";
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

describe("shortName", () => {
  const named = (name: string, id = "X") => fixtureRegistry([{ id, name, nameZh: null, aliases: [], roles: ["other"], listed: true, members: [] }]);
  it.each([
    ["OpenAI Group PBC", "OPENAI", "OpenAI"],
    ["Meta Platforms", "META", "Meta"],
    ["Alphabet (Google)", "GOOGL", "Alphabet"],
    ["Mizuho Financial Group", "MFG", "Mizuho"],
    ["Advanced Micro Devices", "AMD", "AMD"],
    ["Abilene Stargate campus JV (Crusoe / Blue Owl / PDI)", "ABILENE-JOINT-VENTURE-1", "Abilene Star…"],
  ])("shortens %s (%s) to %s", (name, id, expected) => {
    expect(shortName(named(name, id), id)).toBe(expected);
  });
});

describe("labels", () => {
  it("adds the id and Chinese name only when they say something", () => {
    expect(entityLabel(ENTITIES[0])).toBe("Microsoft (MSFT) 微軟");
    expect(entityLabel(ENTITIES[1])).toBe("OpenAI");
    expect(entityLabel(ENTITIES[0], "Hans")).toBe("Microsoft (MSFT) 微软");
    expect(entityLabel(ENTITIES[1], "Hans")).toBe("OpenAI");
    expect(shortName(registry, "BANKS")).toBe("BANKS"); // "Bank syndicate": too long, no suffix to drop
    expect(shortName(registry, "NVDA")).toBe("Nvidia");
    expect(shortName(registry, "UNKNOWN")).toBe("UNKNOWN");
    expect(normaliseName("  Open   AI ")).toBe("open ai");
  });
});
