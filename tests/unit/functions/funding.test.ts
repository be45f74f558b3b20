/** AIFIN.FUNDING(from, to, [kind], [as_of], [model], [money]): investments, loans, warrants and (by their own kind) guarantees from → to. */
import { createHarness } from "../../harness/formulaHarness";
import { errorOf, factTable, fx, makeFact } from "./helpers";
import { bundledDataset } from "../../../src/model";

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
    it("NVDA → OPENAI = D003b 30 of equity; N023's 105, the cap of its guarantees on OpenAI's leases, is contingent: backstop only", () => {
      // Before issue 9's money basis "all" counted the cap: 30 + 105 = 135.
      expect(fx.funding("NVDA", "OPENAI")).toBe(30);
      expect(fx.funding("NVDA", "OPENAI", "all", null, null, "committed")).toBe(30);
      expect(fx.funding("NVDA", "OPENAI", "equity")).toBe(30);
      expect(fx.funding("NVDA", "OPENAI", "backstop")).toBe(105);
      expect(fx.funding("NVDA", "OPENAI", "debt")).toBe(0);
      // Before Nvidia's 8-K of 17-Aug-2026 there was no guarantee.
      expect(fx.funding("NVDA", "OPENAI", "backstop", "2026-08-16")).toBe(0);
      // A guarantee pays nothing until it is called: on the funded basis it is 0 (the data record no call).
      expect(fx.funding("NVDA", "OPENAI", "backstop", null, null, "funded")).toBe(0);
    });

    it("NVDA → OPENAI on 2026-02-05 (confirmed): the 100 letter of intent C018 is all conditional, 0 firm, 100 committed", () => {
      expect(fx.funding("NVDA", "OPENAI", null, "2026-02-05")).toBe(0);
      expect(fx.funding("NVDA", "OPENAI", null, "2026-02-05", null, "committed")).toBe(100);
      // Self-funded: 102 on the headline (min(100, E01 350 + …) + xAI 2), 2 on firm money (E01 derives from the LOI: 350 conditional).
      expect(fx.circularExposure("NVDA", null, "2026-02-05", null, "committed")).toBe(102);
      expect(fx.circularExposure("NVDA", null, "2026-02-05")).toBe(2);
    });

    it("GOOGL → ANTHROPIC (latest): C062b 3 + D040 40 \"up to\" of which 30 on milestones = 13 firm, 43 committed", () => {
      expect(fx.funding("GOOGL", "ANTHROPIC")).toBe(3 + 40 - 30);
      expect(fx.funding("GOOGL", "ANTHROPIC", null, null, null, "committed")).toBe(3 + 40);
    });

    it("AMZN → OPENAI: C002 50 of which 15 up front (35 conditional) on 2026-04-15; N012 reports the 50 paid by 31-Jul", () => {
      expect(fx.funding("AMZN", "OPENAI", null, "2026-04-15")).toBe(15);
      expect(fx.funding("AMZN", "OPENAI", null, "2026-04-15", null, "funded")).toBe(15);
      expect(fx.funding("AMZN", "OPENAI", null, "2026-04-15", null, "committed")).toBe(50);
      expect(fx.funding("AMZN", "OPENAI")).toBe(50);
      expect(fx.funding("AMZN", "OPENAI", null, null, null, "funded")).toBe(50);
    });

    it("MSFT → OPENAI: C097b 13 committed, 11.6 funded at 30-Sep-2025 (10-Q)", () => {
      expect(fx.funding("MSFT", "OPENAI")).toBe(13);
      expect(fx.funding("MSFT", "OPENAI", null, null, null, "funded")).toBe(11.6);
    });

    it("NVDA → CRWV = C067 equity 2; C066's 6.3 is a capacity purchase (a contract), not a backstop", () => {
      expect(fx.funding("NVDA", "CRWV", "backstop")).toBe(0);
      expect(fx.funding("NVDA", "CRWV", "equity")).toBe(2);
      expect(fx.funding("NVDA", "CRWV")).toBe(2);
      expect(fx.contractValue("NVDA", "CRWV")).toBe(6.3);
    });

    it("AMD → OPENAI: the C020w warrant is vendor financing (34, all conditional: 0 firm)", () => {
      expect(fx.funding("AMD", "OPENAI", "vendor_financing", null, null, "committed")).toBe(34);
      expect(fx.funding("AMD", "OPENAI", "vendor_financing")).toBe(0);
    });

    it("funded money without a payment record is the stated fallback, the firm part: SFTBY → OPENAI 64.6 (review 2, finding 7)", () => {
      // C104b 34.6 (the 2025 rounds) + D003c 30 (2026, no payment recorded): funded = firm = committed = 64.6.
      expect(fx.funding("SFTBY", "OPENAI", null, null, null, "funded")).toBeCloseTo(34.6 + 30, 9);
      expect(fx.funding("SFTBY", "OPENAI", null, null, null, "funded")).toBe(fx.funding("SFTBY", "OPENAI"));
      // Where the data do record payment, funded reads it: Microsoft's C097b 11.6 of 13.
      expect(fx.funding("MSFT", "OPENAI", null, null, null, "funded")).toBe(11.6);
      // A workbook model recording D003c as unpaid gives the strict cash figure: 64.6 − 30 = 34.6.
      const rows = factTable(bundledDataset.facts);
      const col = rows[0].indexOf("funded_usd_bn");
      rows[rows.findIndex((r) => r[0] === "D003c")][col] = 0;
      expect(fx.funding("SFTBY", "OPENAI", null, null, fx.model(rows), "funded")).toBeCloseTo(34.6, 9);
    });

    it("AMZN → OPENAI on 2026-02-05 counts the rumoured C138 20 only with rumours, and only as committed money", () => {
      expect(fx.funding("AMZN", "OPENAI", null, "2026-02-05")).toBe(0);
      const rumours = fx.model(null, null, true);
      // C138 is "may invest 20": non-binding, so conditional 20: committed 20, firm 20 − 20 = 0, funded 0.
      expect(fx.funding("AMZN", "OPENAI", null, "2026-02-05", rumours, "committed")).toBe(20);
      expect(fx.funding("AMZN", "OPENAI", null, "2026-02-05", rumours)).toBe(0);
      expect(fx.funding("AMZN", "OPENAI", null, "2026-02-05", rumours, "funded")).toBe(0);
      // Microsoft: C097b 13 firm; C137's "may invest 10" only on the committed basis: 13 + 10 = 23.
      expect(fx.funding("MSFT", "OPENAI", null, "2026-02-05", rumours)).toBe(13);
      expect(fx.funding("MSFT", "OPENAI", null, "2026-02-05", rumours, "committed")).toBe(13 + 10);
    });
  });

  describe("defaults", () => {
    it("kind defaults to all, money to firm", () => {
      expect(fx.funding("NVDA", "CRWV")).toBe(fx.funding("NVDA", "CRWV", "all"));
      expect(fx.funding("AMZN", "ANTHROPIC")).toBe(fx.funding("AMZN", "ANTHROPIC", "all", null, null, "firm"));
      expect(fx.funding("AMZN", "ANTHROPIC")).toBe(8 + 25 - 20); // C061 + D038's firm 5
    });

    it("an old positional call keeps its meaning: FUNDING(from, to, kind, as_of, model) with no money argument", () => {
      expect(fx.funding("NVDA", "OPENAI", "equity", "2026-02-27", null)).toBe(30);
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
          ['=AIFIN.FUNDING(A1,B1,"equity")', '=AIFIN.FUNDING(A1,B1,"debt")', '=AIFIN.FUNDING(A1,B1,"vendor_financing")', "=SUM(A2:C2)", "=AIFIN.FUNDING(A1,B1)", '=AIFIN.FUNDING(A1,B1,"backstop")'],
        ],
      });
      expect(h.getValue("S", "D2")).toBeCloseTo(h.getValue("S", "E2") as number, 9);
      h.setValue("S", "B1", "OPENAI");
      expect(h.getValue("S", "E2")).toBe(30); // D003b equity; the N023 guarantee is contingent, beside it in F2
      expect(h.getValue("S", "F2")).toBe(105);
      expect(h.getValue("S", "D2")).toBeCloseTo(h.getValue("S", "E2") as number, 9);
      h.destroy();
    });
  });
});
