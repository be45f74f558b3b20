/** AIFIN.FUNDING(from, to, [kind]): investments, loans and backstops from → to. */
import { createHarness } from "../../harness/formulaHarness";
import { errorOf, factTable, fx, makeFact } from "./helpers";

describe("AIFIN.FUNDING", () => {
  describe("bad arguments", () => {
    it("names the accepted kinds", () => {
      expect(errorOf(fx.funding("NVDA", "OPENAI", "loans"))?.message).toBe(
        'AIFIN.FUNDING: kind "loans" is not accepted; use "all", "equity", "debt", "backstop" or "vendor_financing".',
      );
    });

    it("rejects a number where an entity is expected with #N/A for the unknown name", () => {
      expect(errorOf(fx.funding(42, "OPENAI"))?.code).toBe("#N/A");
    });
  });

  describe("reference values", () => {
    it("NVDA → OPENAI = D003b 30 of equity + N023 105, the cap of its guarantees on OpenAI's leases (backstop)", () => {
      expect(fx.funding("NVDA", "OPENAI")).toBe(30 + 105);
      expect(fx.funding("NVDA", "OPENAI", "equity")).toBe(30);
      expect(fx.funding("NVDA", "OPENAI", "backstop")).toBe(105);
      expect(fx.funding("NVDA", "OPENAI", "debt")).toBe(0);
      // Before Nvidia's 8-K of 17-Aug-2026 there was no guarantee.
      expect(fx.funding("NVDA", "OPENAI", "backstop", "2026-08-16")).toBe(0);
    });

    it("NVDA → CRWV = C067 equity 2; C066's 6.3 is a capacity purchase (a contract), not a backstop", () => {
      expect(fx.funding("NVDA", "CRWV", "backstop")).toBe(0);
      expect(fx.funding("NVDA", "CRWV", "equity")).toBe(2);
      expect(fx.funding("NVDA", "CRWV")).toBe(2);
      expect(fx.contractValue("NVDA", "CRWV")).toBe(6.3);
    });

    it("AMD → OPENAI: the C020w warrant is vendor financing (34, all conditional)", () => {
      expect(fx.funding("AMD", "OPENAI", "vendor_financing")).toBe(34);
    });

    it("AMZN → OPENAI on 2026-02-05 counts the rumoured C138 20 only with rumours", () => {
      expect(fx.funding("AMZN", "OPENAI", null, "2026-02-05")).toBe(0);
      expect(fx.funding("AMZN", "OPENAI", null, "2026-02-05", fx.model(null, null, true))).toBe(20);
    });
  });

  describe("defaults", () => {
    it("kind defaults to all", () => {
      expect(fx.funding("NVDA", "CRWV")).toBe(fx.funding("NVDA", "CRWV", "all"));
    });
  });

  describe("edge cases", () => {
    it("is 0 (a true zero) between entities the model links by no funding", () => {
      expect(fx.funding("OPENAI", "NVDA")).toBe(0);
    });

    it("never returns Infinity: MODEL refuses amounts whose sums would overflow (it accepted 1e308)", () => {
      const handle = fx.model(
        factTable([
          makeFact({ id: "T1", kind: "investment", from: "NVDA", to: "OPENAI", amountUsdBn: 1e308 }),
          makeFact({ id: "T2", kind: "investment", from: "NVDA", to: "OPENAI", amountUsdBn: 1e308 }),
        ]),
      );
      expect(errorOf(handle)?.code).toBe("#VALUE!");
      expect(errorOf(handle)?.message).toMatch(/row 2 of the range, column amount_usd_bn: 1e\+308 is beyond ±1,000,000 USD bn/);
    });
  });

  describe("scenario through the formula engine", () => {
    it("splits a funder's money by kind and the parts add up to the total", () => {
      const h = createHarness({
        S: [
          ["NVDA", "CRWV"],
          ['=AIFIN.FUNDING(A1,B1,"equity")', '=AIFIN.FUNDING(A1,B1,"debt")', '=AIFIN.FUNDING(A1,B1,"backstop")', "=SUM(A2:C2)", "=AIFIN.FUNDING(A1,B1)"],
        ],
      });
      expect(h.getValue("S", "D2")).toBeCloseTo(h.getValue("S", "E2") as number, 9);
      h.setValue("S", "B1", "OPENAI");
      expect(h.getValue("S", "E2")).toBe(30 + 105); // D003b equity + N023 guarantee
      expect(h.getValue("S", "D2")).toBeCloseTo(h.getValue("S", "E2") as number, 9);
      h.destroy();
    });
  });
});
