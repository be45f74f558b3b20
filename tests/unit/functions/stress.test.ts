/** AIFIN.STRESS(entity, shocked, cut, [measure], [multiple]). Method in docs/methodology.md (stress). */
import { createHarness } from "../../harness/formulaHarness";
import { errorOf, fx } from "./helpers";

describe("AIFIN.STRESS", () => {
  describe("bad arguments", () => {
    it("requires the cut and keeps it within 0..1", () => {
      expect(errorOf(fx.stress("ORCL", "OPENAI"))?.message).toMatch(/cut is required/);
      expect(errorOf(fx.stress("ORCL", "OPENAI", 1.5))?.message).toMatch(/cut must be a fraction from 0 to 1/);
      expect(errorOf(fx.stress("ORCL", "OPENAI", -0.1))?.code).toBe("#VALUE!");
    });

    it("names the accepted measures and rejects a negative multiple", () => {
      expect(errorOf(fx.stress("ORCL", "OPENAI", 0.5, "ebitda"))?.message).toMatch(/use "revenue", "lender_loss", "market_value", "investor_loss" or "total"/);
      expect(errorOf(fx.stress("ORCL", "OPENAI", 0.5, "market_value", -2))?.message).toMatch(/multiple -2 is out of range/);
    });
  });

  describe("reference values", () => {
    it("ORCL loses half of C013's 300 of contracted revenue when OPENAI cuts by half", () => {
      expect(fx.stress("ORCL", "OPENAI", 0.5)).toBe(150);
    });

    it("market value at risk with a 5× multiple = 0.5 × (300 / 5-year term of C013) × 5 = 150", () => {
      expect(fx.stress("ORCL", "OPENAI", 0.5, "market_value", 5)).toBe(150);
    });

    it("without a multiple: 0.5 × 60 a year × Oracle's margin 0.14 (A016) × 25 (A041) = 105", () => {
      expect(fx.stress("ORCL", "OPENAI", 0.5, "market_value")).toBeCloseTo(105, 9);
    });

    it("SoftBank loses its stake under an OpenAI failure: D007 0.13 × D001 852 = 110.76", () => {
      expect(fx.stress("SFTBY", "OPENAI", 1, "investor_loss")).toBeCloseTo(0.13 * 852, 9);
      expect(fx.stress("SFTBY", "OPENAI", 1, "total")).toBeCloseTo(0.13 * 852, 9);
    });
  });

  describe("defaults", () => {
    it("measure defaults to revenue, and the cut accepts percent text", () => {
      expect(fx.stress("ORCL", "OPENAI", "30%")).toBeCloseTo(90, 12);
      expect(fx.stress("ORCL", "OPENAI", 0.3, "revenue")).toBeCloseTo(90, 12);
    });
  });

  describe("edge cases", () => {
    it("is 0 for an entity with no exposure to the shocked one, and for a zero cut", () => {
      expect(fx.stress("INTC", "OPENAI", 0.3)).toBe(0);
      expect(fx.stress("ORCL", "OPENAI", 0)).toBe(0);
    });

    it("ORCL, a borrower and no lender, has no lender loss", () => {
      expect(fx.stress("ORCL", "OPENAI", 0.5, "lender_loss")).toBe(0);
    });

    it("the Vantage syndicate loses nothing while Oracle, its lessee, stays solvent (loses 105 of D029 703)", () => {
      expect(fx.stress("VANTAGE-LENDERS", "OPENAI", 0.5, "lender_loss")).toBe(0);
      expect(fx.stress("VANTAGE-LENDERS", "OPENAI", 1, "lender_loss")).toBe(0);
    });
  });

  describe("scenario through the formula engine", () => {
    it("reprices the loss as the analyst moves the cut", () => {
      const h = createHarness({ S: [[0.1, '=AIFIN.STRESS("ORCL","OPENAI",A1)', '=AIFIN.STRESS("AMZN","OPENAI",A1)']] });
      expect(h.getValue("S", "B1")).toBeCloseTo(30, 9);
      // AMZN's contracts from OPENAI: C032 38 + C092 100.
      expect(h.getValue("S", "C1")).toBeCloseTo(13.8, 9);
      h.setValue("S", "A1", 1);
      expect(h.getValue("S", "B1")).toBe(300);
      expect(h.getValue("S", "C1")).toBe(138);
      h.destroy();
    });
  });
});
