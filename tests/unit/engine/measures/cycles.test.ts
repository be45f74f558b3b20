/** Money cycles through an entity on the synthetic web, listed by hand from its eight money edges (the backstop f9 moves no money). */
import { cyclesThrough } from "../../../../src/engine/cyclesThrough";
import { moneyGraph } from "../../../../src/engine/moneyGraph";
import { fact, viewOf, webView } from "./fixtures";

describe("moneyGraph", () => {
  it("sums parallel facts and both flow kinds into one edge per pair", () => {
    const edges = moneyGraph(webView()).edges;
    expect(edges.find((e) => e.from === "INV" && e.to === "LAB")?.amount).toBe(14); // f1 + f2
    // The backstop f9 (CHIP → CLOUD 2) is contingent: no money moves until it is called, so no edge.
    expect(edges.find((e) => e.from === "CHIP" && e.to === "CLOUD")).toBeUndefined();
    expect(edges).toHaveLength(8);
  });
  it("adds funding and contracts between the same pair", () => {
    const view = viewOf([
      fact({ id: "a", kind: "investment", from: "A", to: "B", amountUsdBn: 1 }),
      fact({ id: "b", kind: "contract", from: "A", to: "B", amountUsdBn: 2 }),
    ]);
    expect(moneyGraph(view).edges).toEqual([{ from: "A", to: "B", amount: 3 }]);
  });
});

describe("cyclesThrough", () => {
  it("finds CHIP's two cycles, rotated to start and end at CHIP, largest bottleneck first", () => {
    // CHIP→LAB 6, LAB→CLOUD 30, CLOUD→CHIP 12 ⇒ 6; CHIP→LAB 6, LAB→CHIP 4 ⇒ 4. CHIP→CLOUD is only a backstop (f9).
    expect(cyclesThrough(webView(), "CHIP")).toEqual([
      { path: ["CHIP", "LAB", "CLOUD", "CHIP"], bottleneck: 6 },
      { path: ["CHIP", "LAB", "CHIP"], bottleneck: 4 },
    ]);
  });
  it("finds the two-party round trip INV ⇄ LAB", () => {
    expect(cyclesThrough(webView(), "INV")).toEqual([{ path: ["INV", "LAB", "INV"], bottleneck: 14 }]);
  });
  it("respects the length bound", () => {
    expect(cyclesThrough(webView(), "CHIP", 2).map((c) => c.path.join(">"))).toEqual(["CHIP>LAB>CHIP"]);
    expect(cyclesThrough(webView(), "CHIP", 1)).toEqual([]);
  });
  it("returns [] for entities on no cycle and for unknown ids", () => {
    expect(cyclesThrough(webView(), "BANK")).toEqual([]);
    expect(cyclesThrough(webView(), "NOPE")).toEqual([]);
  });
});
