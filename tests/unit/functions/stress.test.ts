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
      expect(errorOf(fx.stress("ORCL", "OPENAI", 0.5, "ebitda"))?.message).toMatch(/use "total", "revenue", "lender_loss", "market_value" or "investor_loss"/);
      expect(errorOf(fx.stress("ORCL", "OPENAI", 0.5, "market_value", -2))?.message).toMatch(/multiple -2 is out of range/);
    });
  });

  describe("reference values", () => {
    it("ORCL loses half of C013's 300 of contracted revenue when OPENAI cuts by half", () => {
      expect(fx.stress("ORCL", "OPENAI", 0.5, "revenue")).toBe(150);
    });

    it("market value at risk with a 5× multiple = 0.5 × (300 / 5-year term of C013) × 5 = 150", () => {
      expect(fx.stress("ORCL", "OPENAI", 0.5, "market_value", 5)).toBe(150);
    });

    it("without a multiple: 0.5 × 60 a year × Oracle's margin 0.14 (A016) × 25 (A041) = 105", () => {
      expect(fx.stress("ORCL", "OPENAI", 0.5, "market_value")).toBeCloseTo(105, 9);
    });

    it("SoftBank loses its stake under an OpenAI failure: D007 0.13 × D001 852 = 110.76, also with the measure left out", () => {
      expect(fx.stress("SFTBY", "OPENAI", 1, "investor_loss")).toBeCloseTo(0.13 * 852, 9);
      expect(fx.stress("SFTBY", "OPENAI", 1, "total")).toBeCloseTo(0.13 * 852, 9);
      expect(fx.stress("SFTBY", "OPENAI", 1)).toBeCloseTo(0.13 * 852, 9);
      expect(fx.stress("SFTBY", "OPENAI", 1, "revenue")).toBe(0); // a holder sells OpenAI nothing
    });

    it("Oracle cutting 0.1 % costs the Vantage lenders the unpaid lease beyond a zero headroom × (1 − 0.8), not the whole loan", () => {
      // E03 lease 38 = D031 debt 38: headroom 0, so the shortfall is the unpaid 0.001 × 38.
      expect(fx.stress("VANTAGE-LENDERS", "ORCL", 0.001, "lender_loss")).toBeCloseTo(0.001 * 38 * 0.2, 12);
      expect(fx.stress("VANTAGE-LENDERS", "ORCL", 1, "lender_loss")).toBeCloseTo(38 * 0.2, 12);
    });

    it("OpenAI's own lenders: the C051b facility 4 × cut × (1 − 0.4), announced and latest", () => {
      expect(fx.stress("BANKS", "OPENAI", 1, "lender_loss")).toBeCloseTo(2.4, 12);
      expect(fx.stress("BANKS", "OPENAI", 0.5, "lender_loss", null, "2026-02-27")).toBeCloseTo(1.2, 12);
    });

    it("one valuation per date: the Foundation's 26 % (C031) and Microsoft's 27 % (C028) both at OpenAI's C001 730 in the announced view", () => {
      expect(fx.stress("OPENAI-FOUNDATION", "OPENAI", 1, "investor_loss", null, "2026-02-27")).toBeCloseTo(0.26 * 730, 9);
      expect(fx.stress("MSFT", "OPENAI", 1, "investor_loss", null, "2026-02-27")).toBeCloseTo(0.27 * 730, 9);
      // Latest: D001 852 is post-money after D002's 122, dated after C031 (Oct 2025): the Foundation's 26 % is
      // diluted as Microsoft's 27 % was (D006 23.13 % = 27 % × 730/852), 0.26 × 730/852 × 852 = 189.8 (was 221.52).
      expect(fx.stress("OPENAI-FOUNDATION", "OPENAI", 1, "investor_loss")).toBeCloseTo(0.26 * 730, 9);
      expect(fx.stress("MSFT", "OPENAI", 1, "investor_loss")).toBeCloseTo(0.2313 * 852 - (13 - 11.6), 9); // D006 is post-round: not diluted again
      expect(fx.stress("SFTBY", "OPENAI", 1, "investor_loss")).toBeCloseTo(0.13 * 852, 9); // D007 dated with the round: not diluted
    });
  });

  describe("SoftBank in the rumour model (OpenAI at N034's 1,400)", () => {
    it("its lenders lose nothing at any cut: equity 163 (C126) + the stake's gain 182 − 64.6 = 280.4 against a loss of at most 182", () => {
      const rumour = fx.model(null, null, true, null, null, { address: "S!A2" });
      for (const cut of [0.5, 0.89, 0.9, 1]) {
        for (const lender of ["SFTBY-BRIDGE-LENDERS", "BONDHOLDERS"]) expect(fx.stress(lender, "OPENAI", cut, "lender_loss", null, null, rumour)).toBe(0);
        // BANKS lend to SoftBank and to OpenAI itself: only OpenAI's facility C051b, 4 × cut × 0.6.
        expect(fx.stress("BANKS", "OPENAI", cut, "lender_loss", null, null, rumour)).toBeCloseTo(4 * cut * 0.6, 9);
        expect(fx.stress("SFTBY", "OPENAI", cut, "investor_loss", null, null, rumour)).toBeCloseTo(0.13 * 1400 * cut, 9);
      }
    });
  });

  describe("what rests on our estimate E02", () => {
    it("Nvidia's operating loss under an OpenAI failure is E02's 105 / 5 × 0.63 × 34.8; a model without estimates leaves its 30 stake only", () => {
      for (const asOf of [null, "2026-02-27"]) {
        expect(fx.stress("NVDA", "OPENAI", 1, "market_value", null, asOf)).toBeCloseTo((105 / 5) * 0.63 * 34.8, 9); // 460.4
        const noEstimates = fx.model(null, null, false, false, null, { address: "S!A1" });
        expect(fx.stress("NVDA", "OPENAI", 1, "market_value", null, asOf, noEstimates)).toBe(0);
        // C003 / D003b; at the latest date also N023's 105 guarantee, called by the failure (a filing, not an estimate).
        expect(fx.stress("NVDA", "OPENAI", 1, "total", null, asOf, noEstimates)).toBeCloseTo(asOf === null ? 30 + 105 : 30, 9);
      }
    });
  });

  describe("unmeasured is not zero", () => {
    it("a firm with no value fact: #N/A for market_value and total, with its revenue lost in the message", () => {
      for (const m of ["market_value", "total"]) {
        const e = errorOf(fx.stress("CEREBRAS", "OPENAI", 1, m));
        expect(e?.code).toBe("#N/A");
        expect(e?.message).toMatch(/CEREBRAS has no value fact .* it loses 20 of contracted revenue/);
      }
      expect(fx.stress("CEREBRAS", "OPENAI", 1, "revenue")).toBe(20); // its contracts from OpenAI at the latest date
      expect(fx.stress("CEREBRAS", "OPENAI", 1, "lender_loss")).toBe(0);
    });

    it("a vendor reached only through contracts without dollars (AMD's 6 GW, C019): #N/A, announced and latest", () => {
      for (const asOf of [null, "2026-02-27"]) {
        expect(errorOf(fx.stress("AMD", "OPENAI", 1, "revenue", null, asOf))?.message).toMatch(/AMD loses contracts of OPENAI whose facts carry no dollar amount/);
        expect(errorOf(fx.stress("AMD", "OPENAI", 1, null, null, asOf))?.code).toBe("#N/A");
      }
    });
  });

  describe("defaults", () => {
    it("measure defaults to total (0.3 × 60 × 0.14 × 25 = 63 for Oracle), and the cut accepts percent text", () => {
      expect(fx.stress("ORCL", "OPENAI", "30%")).toBeCloseTo(63, 12);
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
      const h = createHarness({ S: [[0.1, '=AIFIN.STRESS("ORCL","OPENAI",A1,"revenue")', '=AIFIN.STRESS("AMZN","OPENAI",A1,"revenue")']] });
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
