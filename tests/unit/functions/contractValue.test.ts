/** AIFIN.CONTRACT_VALUE(buyer, vendor): contracts the buyer committed to the vendor. */
import { createHarness } from "../../harness/formulaHarness";
import { errorOf, fx } from "./helpers";

describe("AIFIN.CONTRACT_VALUE", () => {
  describe("bad arguments", () => {
    it("requires a vendor and resolves both names", () => {
      expect(errorOf(fx.contractValue("OPENAI"))?.message).toMatch(/vendor is required/);
      expect(errorOf(fx.contractValue("OPENAI", "ORCLE"))?.message).toMatch(/^Unknown entity "ORCLE": did you mean ORCL/);
    });

    it("rejects a date that is not a real day", () => {
      expect(errorOf(fx.contractValue("OPENAI", "ORCL", "2026-02-30"))?.code).toBe("#VALUE!");
    });
  });

  describe("reference values", () => {
    it("OPENAI → ORCL = C013 300 (4.5 GW over ~5 years)", () => {
      expect(fx.contractValue("OPENAI", "ORCL")).toBe(300);
    });

    it("OPENAI → AMZN = C032 38 + C092 100 (C092 supersedes the amount-less C005)", () => {
      expect(fx.contractValue("OPENAI", "AMZN")).toBe(138);
    });

    it("OPENAI → MSFT = C029 250; the amended terms D018 carry no amount and add nothing", () => {
      expect(fx.contractValue("OPENAI", "MSFT")).toBe(250);
    });

    it("ORCL → NVDA = M01 40 (GB200 chips for Abilene)", () => {
      expect(fx.contractValue("ORCL", "NVDA")).toBe(40);
    });
  });

  describe("defaults", () => {
    it("as_of defaults to the latest data", () => {
      expect(fx.contractValue("OPENAI", "AMZN")).toBe(fx.contractValue("OPENAI", "AMZN", fx.modelInfo("as_of")));
    });
  });

  describe("edge cases", () => {
    it("is 0 the day before a contract is signed (C013 signed 2025-09-10)", () => {
      expect(fx.contractValue("OPENAI", "ORCL", "2025-09-09")).toBe(0);
      expect(fx.contractValue("OPENAI", "ORCL", "2025-09-10")).toBe(300);
    });

    it("is directional: ORCL buys nothing from OPENAI", () => {
      expect(fx.contractValue("ORCL", "OPENAI")).toBe(0);
    });
  });

  describe("scenario through the formula engine", () => {
    it("adds up OpenAI's commitments to the three giants from a list of vendors", () => {
      const h = createHarness({ S: [["MSFT", "AMZN", "ORCL"], ['=AIFIN.CONTRACT_VALUE("OPENAI",A1)', '=AIFIN.CONTRACT_VALUE("OPENAI",B1)', '=AIFIN.CONTRACT_VALUE("OPENAI",C1)', "=SUM(A2:C2)"]] });
      expect(h.getValue("S", "D2")).toBe(250 + 138 + 300);
      h.setValue("S", "C1", "NVDA");
      // E02 105 is our labelled estimate of GPU purchases implied by Nvidia's investment.
      expect(h.getValue("S", "D2")).toBe(250 + 138 + 105);
      h.destroy();
    });
  });
});
