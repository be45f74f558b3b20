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
    it("NVDA → OPENAI = D003b 30, all of it equity", () => {
      expect(fx.funding("NVDA", "OPENAI")).toBe(30);
      expect(fx.funding("NVDA", "OPENAI", "equity")).toBe(30);
      expect(fx.funding("NVDA", "OPENAI", "debt")).toBe(0);
    });

    it("NVDA → CRWV = C066 backstop 6.3 + C067 equity 2", () => {
      expect(fx.funding("NVDA", "CRWV", "backstop")).toBe(6.3);
      expect(fx.funding("NVDA", "CRWV", "equity")).toBe(2);
      expect(fx.funding("NVDA", "CRWV")).toBeCloseTo(8.3, 12);
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

    it("never returns Infinity: amounts that overflow are #NUM!", () => {
      const handle = fx.model(
        factTable([
          makeFact({ id: "T1", kind: "investment", from: "NVDA", to: "OPENAI", amountUsdBn: 1e308 }),
          makeFact({ id: "T2", kind: "investment", from: "NVDA", to: "OPENAI", amountUsdBn: 1e308 }),
        ]),
      );
      expect(errorOf(handle)).toBeNull();
      expect(errorOf(fx.funding("NVDA", "OPENAI", null, null, handle))?.code).toBe("#NUM!");
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
      expect(h.getValue("S", "E2")).toBe(30);
      h.destroy();
    });
  });
});
