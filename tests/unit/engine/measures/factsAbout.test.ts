/**
 * factsAbout: the Sources tab's "only this company" filter, moved from the pane into the engine. Hand-made
 * lists (expected ids written out), and the bundled dataset checked against the view index's own filing.
 */
import { factsAbout, factsBehind, namesEntity } from "../../../../src/engine";
import { getBundledModel, type Fact } from "../../../../src/model";

function fact(id: string, from: string, to: string): Fact {
  return {
    id, kind: from === to ? "revenue" : "investment", from, to, amountUsdBn: 1, pct: null, unit: "USD bn", date: "2026-01-01", status: "signed",
    estimate: false, description: id, source: { title: "t", publisher: "p", url: "https://example.com", date: "2026-01-01" }, claims: [], supersedes: [],
  } as unknown as Fact;
}

describe("factsAbout", () => {
  const list = [fact("a", "MSFT", "LAB"), fact("b", "LAB", "AMZN"), fact("c", "ORCL", "ORCL"), fact("d", "AMZN", "MSFT"), fact("e", "X", "Y")];

  it("keeps the facts naming the entity on either side, in the list's order", () => {
    expect(factsAbout(list, "MSFT").map((f) => f.id)).toEqual(["a", "d"]);
    expect(factsAbout(list, "LAB").map((f) => f.id)).toEqual(["a", "b"]);
    expect(factsAbout(list, "AMZN").map((f) => f.id)).toEqual(["b", "d"]);
  });

  it("keeps a single fact about the entity once, and nothing for an entity no fact names", () => {
    expect(factsAbout(list, "ORCL").map((f) => f.id)).toEqual(["c"]);
    expect(factsAbout(list, "NOBODY")).toEqual([]);
    expect(factsAbout([], "MSFT")).toEqual([]);
  });

  it("matches ids exactly (no alias or case folding: the pane passes resolved ids)", () => {
    expect(namesEntity(list[0], "msft")).toBe(false);
    expect(namesEntity(list[0], "MSF")).toBe(false);
    expect(namesEntity(list[0], "MSFT")).toBe(true);
  });

  it("agrees with the view index on the bundled data, and also covers facts outside the view", () => {
    const model = getBundledModel();
    const view = model.view();
    for (const id of ["MSFT", "OPENAI", "ORCL", "NVDA"]) {
      const inView = factsAbout(view.facts, id).map((f) => f.id).sort();
      expect(inView).toEqual(factsBehind(view, id).map((f) => f.id).sort());
    }
    // The whole dataset holds superseded and rumoured facts the view leaves out: the filter sees them too.
    const all = factsAbout(model.dataset.facts, "OPENAI");
    expect(all.length).toBeGreaterThan(factsAbout(view.facts, "OPENAI").length);
    expect(all.every((f) => f.from === "OPENAI" || f.to === "OPENAI")).toBe(true);
  });
});
