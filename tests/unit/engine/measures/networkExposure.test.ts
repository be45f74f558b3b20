/** Network exposure under proportional flow, checked against first-passage probabilities solved by hand. */
import { networkExposure } from "../../../../src/engine/networkExposure";
import { isEngineError } from "../../../../src/engine/result";
import { fact, viewOf, webView } from "./fixtures";

describe("networkExposure", () => {
  it("follows the methodology's three-node example: 10 × (0.375 + 0.125 × 0.5) = 4.375", () => {
    // X funds Y 10; Y buys 30 from X and 10 from Z (outflow 40); Z buys 5 from X (outflow 5).
    // leak 0.5: a dollar at Y reaches X directly with 0.5 × 30/40 = 0.375, via Z with 0.5 × 10/40 × 0.5 = 0.0625.
    const view = viewOf([
      fact({ id: "a", kind: "investment", from: "X", to: "Y", amountUsdBn: 10 }),
      fact({ id: "b", kind: "contract", from: "Y", to: "X", amountUsdBn: 30 }),
      fact({ id: "c", kind: "contract", from: "Y", to: "Z", amountUsdBn: 10 }),
      fact({ id: "d", kind: "contract", from: "Z", to: "X", amountUsdBn: 5 }),
    ]);
    expect(networkExposure(view, "X", { leak: 0.5 })).toBeCloseTo(4.375, 12);
  });

  it("solves the web's loops: INV gets back 14 × 25/79.25 at leak 0.5", () => {
    // First-passage chances h to INV (INV absorbing), outflows LAB 84, CLOUD 12, CHIP 6 (its backstop of CLOUD,
    // f9, is contingent: no money moves, so no edge):
    // h_LAB = 0.5·50/84 + 0.5·30/84·h_CLOUD + 0.5·4/84·h_CHIP; h_CLOUD = 0.5·h_CHIP; h_CHIP = 0.5·h_LAB
    // ⇒ h_CHIP = 0.5·h_LAB, h_CLOUD = 0.25·h_LAB, h_LAB = (25/84) / (1 − 4.75/84) = 25/79.25.
    expect(networkExposure(webView(), "INV", { leak: 0.5 })).toBeCloseTo((14 * 25) / 79.25, 10);
  });

  it("uses leak 0.5 by default", () => {
    expect(networkExposure(webView(), "INV")).toBeCloseTo((14 * 25) / 79.25, 10);
  });

  it("lets in only X's money on the chosen basis; the web's routing stays the same", () => {
    // f2's 4 made conditional: firm INV→LAB money is 10, committed 14; the return chance 25/79.25 is unchanged.
    const facts = webView().facts.map((f) => (f.id === "f2" ? { ...f, conditionalUsdBn: 4 } : f));
    const view = viewOf(facts, ["INV", "LAB", "CLOUD", "CHIP", "BANK", "OTHER"]);
    expect(networkExposure(view, "INV")).toBeCloseTo((10 * 25) / 79.25, 10);
    expect(networkExposure(view, "INV", { money: "committed" })).toBeCloseTo((14 * 25) / 79.25, 10);
  });

  it("is the whole direct return when nothing leaks and the only path leads straight back", () => {
    const view = viewOf([
      fact({ id: "a", kind: "investment", from: "X", to: "Y", amountUsdBn: 10 }),
      fact({ id: "b", kind: "contract", from: "Y", to: "X", amountUsdBn: 3 }),
    ]);
    // Proportional flow sends all of Y's money to X (its only outflow), so the 10 comes back in full.
    expect(networkExposure(view, "X", { leak: 0 })).toBeCloseTo(10, 12);
    expect(networkExposure(view, "X", { leak: 1 })).toBe(0);
  });

  it("is 0 for an entity that funds nobody, or an unknown id", () => {
    expect(networkExposure(webView(), "OTHER")).toBe(0);
    expect(networkExposure(webView(), "NOPE")).toBe(0);
  });

  it("rejects a leak outside [0, 1]", () => {
    for (const leak of [-0.1, 1.5, Number.NaN]) {
      const r = networkExposure(webView(), "INV", { leak });
      expect(isEngineError(r) && r.code).toBe("INVALID_INPUT");
    }
  });

  it("falls as the leak grows", () => {
    const values = [0.1, 0.3, 0.5, 0.7, 0.9].map((leak) => networkExposure(webView(), "INV", { leak }) as number);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]);
  });

  it("leaks at a node whose only outflow is subnormal (fast-check found 0.95 × 5e-324 rounding to 5e-324)", () => {
    // E funds B 2e-8; B's only outflow is 5e-324 back to E, so a dollar at B returns with 1 − leak = 0.95.
    const view = viewOf([
      fact({ id: "a", kind: "investment", from: "E", to: "B", amountUsdBn: 2e-8 }),
      fact({ id: "b", kind: "investment", from: "B", to: "E", amountUsdBn: 5e-324 }),
    ]);
    expect(networkExposure(view, "E", { leak: 0.05 })).toBeCloseTo(2e-8 * 0.95, 20);
  });
});
