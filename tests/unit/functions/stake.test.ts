/** AIFIN.STAKE(holder, company, [field]). */
import { createHarness } from "../../harness/formulaHarness";
import { errorOf, fx } from "./helpers";

describe("AIFIN.STAKE", () => {
  describe("bad arguments", () => {
    it("names the accepted fields", () => {
      expect(errorOf(fx.stake("MSFT", "OPENAI", "percent"))?.message).toBe('AIFIN.STAKE: field "percent" is not accepted; use "pct", "value" or "cost".');
    });

    it("requires the company", () => {
      expect(errorOf(fx.stake("MSFT"))?.message).toMatch(/company is required/);
    });
  });

  describe("reference values", () => {
    it("MSFT in OPENAI: 23.13% worth 197.1 bn (D006: 27% × 730 / 852, at the $852B post-money)", () => {
      expect(fx.stake("MSFT", "OPENAI", "pct")).toBe(0.2313);
      expect(fx.stake("MSFT", "OPENAI", "value")).toBe(197.1);
    });

    it("MSFT in OPENAI before the 2026 round: 27% worth 135 bn (C028, 2025-10-28)", () => {
      expect(fx.stake("MSFT", "OPENAI", "pct", "2025-12-31")).toBe(0.27);
      expect(fx.stake("MSFT", "OPENAI", "value", "2025-12-31")).toBe(135);
    });
  });

  describe("defaults", () => {
    it("field defaults to pct", () => {
      expect(fx.stake("Microsoft", "OpenAI")).toBe(0.2313);
    });
  });

  describe("edge cases", () => {
    it("answers #N/A, not 0, when no fact records the stake or its cost", () => {
      expect(errorOf(fx.stake("NVDA", "ORCL"))).toEqual({ code: "#N/A", message: "The model records no stake percentage of NVDA in ORCL." });
      expect(errorOf(fx.stake("MSFT", "OPENAI", "cost"))?.code).toBe("#N/A");
    });

    it("has no stake before the first fact (C028 is dated 2025-10-28)", () => {
      expect(errorOf(fx.stake("MSFT", "OPENAI", "pct", "2025-10-27"))?.code).toBe("#N/A");
    });
  });

  describe("scenario through the formula engine", () => {
    it("values the stake as a percentage of a valuation the analyst types", () => {
      const h = createHarness({ S: [[852, '=AIFIN.STAKE("微軟","OpenAI")*A1', '=AIFIN.STAKE("MSFT","OPENAI","value")']] });
      expect(h.getValue("S", "B1")).toBeCloseTo(0.2313 * 852, 6);
      expect(h.getValue("S", "C1")).toBe(197.1);
      h.setValue("S", "A1", 1000);
      expect(h.getValue("S", "B1")).toBeCloseTo(231.3, 6);
      h.destroy();
    });
  });
});
