/** AIFIN.CAPEX_OFFSET(entity, [field]): equity put into the entity's own customers (claim S12). */
import { createHarness } from "../../harness/formulaHarness";
import { errorOf, fx, invoke } from "./helpers";

describe("AIFIN.CAPEX_OFFSET", () => {
  describe("bad arguments", () => {
    it("names the accepted fields", () => {
      expect(errorOf(fx.capexOffset("AMZN", "pct"))?.message).toBe('AIFIN.CAPEX_OFFSET: field "pct" is not accepted; use "amount" or "ratio".');
    });
  });

  describe("reference values", () => {
    it("AMZN = equity into customers OPENAI (N012 50) and ANTHROPIC (C061 8 + D038 25) = 83", () => {
      expect(fx.capexOffset("AMZN")).toBe(83);
    });

    it("AMZN ratio = money funded in 2026 / the 2026 plan N009 220: N012 50 (funded 50) + D038 25 − 20 conditional = 55", () => {
      expect(fx.capexOffset("AMZN", "ratio")).toBeCloseTo(55 / 220, 12);
      // The day before the plan (30-Jul-2026) the latest dated year was 2025 (C072 131.8), in which Amazon put
      // no confirmed equity into a customer (C061 is Nov 2024, C002 Feb 2026): 0.
      expect(fx.capexOffset("AMZN", "ratio", "2026-07-29")).toBe(0);
    });

    it("NVDA counts only investees that buy from it: OPENAI 30 (D003b) + XAI 2 (C048), not ANTHROPIC, CRWV or INTC", () => {
      expect(fx.capexOffset("NVDA")).toBe(32);
    });

    it("MSFT and GOOGL ratios pair money and capex of one year", () => {
      // MSFT's 18 (C097b Oct 2025, C034 Nov 2025) falls in neither FY2025 (C076, to Jun 2025) nor calendar 2026 (N007 190).
      expect(fx.capexOffset("MSFT", "ratio")).toBe(0);
      expect(fx.capexOffset("MSFT", "ratio", "2026-04-28")).toBe(0);
      // GOOGL: D040 40 to Anthropic (Apr 2026), 30 of it conditional: 10 / the 2026 guide N004 200.
      expect(fx.capexOffset("GOOGL", "ratio")).toBeCloseTo(10 / 200, 12);
    });
  });

  describe("defaults", () => {
    it("field defaults to amount", () => {
      expect(fx.capexOffset("AMZN")).toBe(fx.capexOffset("AMZN", "amount"));
    });
  });

  describe("edge cases", () => {
    it("answers the ratio with #N/A when no annual capex amount is known (NVDA's C132 has none)", () => {
      expect(errorOf(invoke("CAPEX_OFFSET", ["NVDA", "ratio"]))).toEqual({ code: "#N/A", message: "No annual capex figure for NVDA in the model." });
    });

    it("is 0 for an entity that invests in none of its customers", () => {
      expect(fx.capexOffset("ORCL")).toBe(0);
    });
  });

  describe("scenario through the formula engine", () => {
    it("compares the offset with the capex guide the analyst enters", () => {
      const h = createHarness({ S: [[200, '=AIFIN.CAPEX_OFFSET("AMZN")/A1']] });
      expect(h.getValue("S", "B1")).toBeCloseTo(83 / 200, 9);
      h.setValue("S", "A1", 0);
      expect((h.getValue("S", "B1") as { value?: string }).value).toBe("#DIV/0!");
      h.destroy();
    });
  });
});
