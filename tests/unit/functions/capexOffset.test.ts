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

    it("AMZN ratio = 83 / its latest annual capex, the 2026 plan N009 220", () => {
      expect(fx.capexOffset("AMZN", "ratio")).toBeCloseTo(83 / 220, 12);
      // On the day before the plan was raised (30-Jul-2026) the latest annual figure was the 2025 actual C072.
      expect(fx.capexOffset("AMZN", "ratio", "2026-07-29")).toBeCloseTo(83 / 131.8, 12);
    });

    it("NVDA counts only investees that buy from it: OPENAI 30 (D003b) + XAI 2 (C048), not ANTHROPIC, CRWV or INTC", () => {
      expect(fx.capexOffset("NVDA")).toBe(32);
    });

    it("MSFT ratio = (C097b 13 + C034 5) / its calendar-2026 capex guide N007 190", () => {
      expect(fx.capexOffset("MSFT", "ratio")).toBeCloseTo(18 / 190, 12);
      // Before the 29-Apr-2026 guide (N070) it was the FY2025 actual C076 64.6.
      expect(fx.capexOffset("MSFT", "ratio", "2026-04-28")).toBeCloseTo(18 / 64.6, 12);
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
