/** flowsAround and hasFactsAbout, moved from the pane into the engine: hand-built views, sums by hand. */
import { flowsAround, hasFactsAbout } from "../../../../src/engine";
import type { Fact, ModelView } from "../../../../src/model";

function fact(id: string, kind: Fact["kind"], from: string, to: string, amountUsdBn: number | null): Fact {
  return {
    id, kind, from, to, amountUsdBn, pct: null, unit: "USD bn", date: "2026-01-01", status: "signed", estimate: false,
    description: id, source: { title: "t", publisher: "p", url: "https://example.com", date: "2026-01-01" }, claims: [], supersedes: [],
  } as unknown as Fact;
}

function viewOf(facts: Fact[]): ModelView {
  const ids = [...new Set(facts.flatMap((f) => [f.from, f.to]))];
  return { asOf: "2026-02-01", basis: { includeRumoured: false }, entities: ids.map((id) => ({ id, name: id, roles: [], aliases: [] })), facts } as unknown as ModelView;
}

describe("flowsAround", () => {
  const view = viewOf([
    fact("i1", "investment", "MSFT", "LAB", 10),
    fact("i2", "investment", "MSFT", "LAB", 3),
    fact("c1", "contract", "LAB", "MSFT", 250),
    fact("l1", "loan", "BANK", "LAB", 4),
    fact("n1", "investment", "X", "LAB", null),
    fact("r1", "revenue", "LAB", "LAB", 12),
  ]);

  it("sums parallel facts per counterparty, channel and direction, largest first", () => {
    expect(flowsAround(view, "LAB").map((f) => [f.direction, f.counterparty, f.kind, f.amount, f.factIds])).toEqual([
      ["out", "MSFT", "contract", 250, ["c1"]],
      ["in", "MSFT", "equity", 13, ["i1", "i2"]],
      ["in", "BANK", "debt", 4, ["l1"]],
    ]);
  });

  it("reads the same money from the other side", () => {
    expect(flowsAround(view, "MSFT").map((f) => [f.direction, f.counterparty, f.amount])).toEqual([
      ["in", "LAB", 250],
      ["out", "LAB", 13],
    ]);
  });

  it("knows which entities the view has facts about", () => {
    expect(hasFactsAbout(view, "X")).toBe(true);
    expect(hasFactsAbout(view, "NOBODY")).toBe(false);
  });
});
