/** AIFIN.CAPEX_OFFSET(entity, [field], [as_of], [model], [money]): equity put into the entity's own customers (claim S12). */
import { createHarness } from "../../harness/formulaHarness";
import { errorOf, factTable, fx, invoke, makeFact } from "./helpers";

describe("AIFIN.CAPEX_OFFSET", () => {
  describe("bad arguments", () => {
    it("names the accepted fields", () => {
      expect(errorOf(fx.capexOffset("AMZN", "pct"))?.message).toBe('AIFIN.CAPEX_OFFSET: field "pct" is not accepted; use "amount" or "ratio".');
    });
  });

  describe("reference values", () => {
    it("AMZN = equity into customers OPENAI (N012 50) and ANTHROPIC (C061 8 + D038's firm 5) = 63; 83 committed (D038 25)", () => {
      expect(fx.capexOffset("AMZN")).toBe(50 + 8 + 5);
      expect(fx.capexOffset("AMZN", "amount", null, null, "committed")).toBe(50 + 8 + 25);
    });

    it("AMZN ratio = money dated in 2026 / the 2026 plan N009 220: N012 50 (funded 50) + D038 25 − 20 conditional = 55", () => {
      expect(fx.capexOffset("AMZN", "ratio")).toBeCloseTo(55 / 220, 12);
      expect(fx.capexOffset("AMZN", "ratio", null, null, "committed")).toBeCloseTo((50 + 25) / 220, 12);
      // The day before the plan (30-Jul-2026) the 2026 guide in force was C072g ~200 (review 2: split from C072's note):
      // money dated in 2026 then: D003a's firm 15 (50 − 35) + D038's firm 5 = 20 → 20 / 200 = 0.1 (was 0 against 2025's 131.8).
      expect(fx.capexOffset("AMZN", "ratio", "2026-07-29")).toBeCloseTo(20 / 200, 12);
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
      expect(fx.capexOffset("GOOGL", "ratio", null, null, "committed")).toBeCloseTo(40 / 200, 12);
    });

    it("two views by hand: announced (2026-02-27) and latest", () => {
      // Announced: the 2026 guides of 1-Feb (C072g ~200, C073g 175-185 → 180) pair 2026 money with 2026 capex.
      // AMZN: C002's firm 15 (Feb 2026) / C072g 200 = 0.075 (was 0 against 2025's C072 131.8: review 2).
      expect(fx.capexOffset("AMZN", "ratio", "2026-02-27")).toBeCloseTo(15 / 200, 12);
      // Amount: C002's 15 up front; C061's 8 into Anthropic does not count yet (Anthropic buys from AWS from D039, April).
      expect(fx.capexOffset("AMZN", "amount", "2026-02-27")).toBe(15);
      // GOOGL: C073g 180 (2026 guide); Anthropic buys nothing from Google yet, so no customer equity at all → 0 / 180.
      expect(fx.capexOffset("GOOGL", "ratio", "2026-02-27")).toBe(0);
      // MSFT: C076 64.6 (FY2025, excl. finance leases: the only Microsoft year then) → 0.
      expect(fx.capexOffset("MSFT", "ratio", "2026-02-27")).toBe(0);
      // Latest: AMZN 55 / 220 = 0.25, GOOGL 10 / 200 = 0.05, MSFT 0 / 190 = 0 (calendar 2026 contains 2026-10-08).
      expect([fx.capexOffset("AMZN", "ratio"), fx.capexOffset("GOOGL", "ratio"), fx.capexOffset("MSFT", "ratio")]).toEqual([0.25, 0.05, 0]);
    });

    it("pairs the capex year containing as_of, not a later year's guide; the latest year that ended when none contains it", () => {
      const capex = (id: string, amount: number, end: string, date: string) =>
        makeFact({ id, kind: "capex", from: "MSFT", to: "MSFT", amountUsdBn: amount, periodMonths: 12, periodEnd: end, date, unit: "USD bn" });
      const handle = fx.model(
        factTable([
          makeFact({ id: "I1", kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: 10, date: "2026-03-01" }),
          makeFact({ id: "K1", kind: "contract", from: "OPENAI", to: "MSFT", amountUsdBn: 40, date: "2026-03-01" }),
          capex("Y25", 80, "2025-12-31", "2026-01-30"),
          capex("G26", 100, "2026-12-31", "2026-02-01"),
          capex("G27", 200, "2027-12-31", "2026-06-01"),
        ]),
      );
      // On 2026-07-01 the 2027 guide exists but 2026 contains the date: 10 / 100.
      expect(fx.capexOffset("MSFT", "ratio", "2026-07-01", handle)).toBeCloseTo(10 / 100, 12);
      // On 2027-03-01 the 2027 guide contains it and no money is dated in 2027: 0 / 200.
      expect(fx.capexOffset("MSFT", "ratio", "2027-03-01", handle)).toBe(0);
      // On 2026-01-31 no figure contains it yet... the 2026 guide G26 is dated 2026-02-01: the latest year that ended (Y25) pairs: 0 / 80.
      expect(fx.capexOffset("MSFT", "ratio", "2026-01-31", handle)).toBe(0);
    });
  });

  describe("defaults", () => {
    it("field defaults to amount", () => {
      expect(fx.capexOffset("AMZN")).toBe(fx.capexOffset("AMZN", "amount"));
    });
  });

  describe("edge cases", () => {
    it("answers the ratio with #N/A when no annual capex amount is known (NVDA's C132 has none)", () => {
      expect(errorOf(invoke("CAPEX_OFFSET", ["NVDA", "ratio"]))).toEqual({
        code: "#N/A",
        message: "NVDA's capex fact C132 has no amount (small (~ $5-7B FY26, memory)), so no capex offset ratio; the amount (equity into customers) still stands.",
      });
    });

    it("is 0 for an entity that invests in none of its customers", () => {
      expect(fx.capexOffset("ORCL")).toBe(0);
    });
  });

  describe("scenario through the formula engine", () => {
    it("compares the offset with the capex guide the analyst enters", () => {
      const h = createHarness({ S: [[200, '=AIFIN.CAPEX_OFFSET("AMZN")/A1']] });
      expect(h.getValue("S", "B1")).toBeCloseTo(63 / 200, 9);
      h.setValue("S", "A1", 0);
      expect((h.getValue("S", "B1") as { value?: string }).value).toBe("#DIV/0!");
      h.destroy();
    });
  });
});
