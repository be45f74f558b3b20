/** AIFIN.CIRCULAR_EXPOSURE. Amounts cited by fact id from the bundled model (latest, confirmed basis). */
import { createHarness, isCellError } from "../../harness/formulaHarness";
import { errorOf, fx, invoke, sum } from "./helpers";

describe("AIFIN.CIRCULAR_EXPOSURE", () => {
  describe("bad arguments", () => {
    it("requires an entity", () => {
      expect(errorOf(fx.circularExposure(null))).toEqual({ code: "#VALUE!", message: expect.stringMatching(/entity is required/) });
      expect(errorOf(fx.circularExposure(""))?.code).toBe("#VALUE!");
    });

    it("answers an unknown entity with #N/A and a suggestion", () => {
      expect(errorOf(fx.circularExposure("MSTF"))).toEqual({ code: "#N/A", message: 'Unknown entity "MSTF": did you mean MSFT?' });
    });

    it("names the accepted measures", () => {
      expect(errorOf(fx.circularExposure("MSFT", "gross"))).toEqual({
        code: "#VALUE!",
        message: 'AIFIN.CIRCULAR_EXPOSURE: measure "gross" is not accepted; use "self_funded", "funded_backlog", "share" or "network".',
      });
    });

    it("rejects dates that are not dates, including Excel's phantom 29 February 1900", () => {
      expect(errorOf(fx.circularExposure("MSFT", null, "2026-13-01"))?.message).toMatch(/as_of must be a date/);
      expect(errorOf(fx.circularExposure("MSFT", null, 60))?.message).toMatch(/never existed/);
      expect(errorOf(fx.circularExposure("MSFT", null, true))?.code).toBe("#VALUE!");
    });

    it("rejects a model argument that is not a handle", () => {
      expect(errorOf(fx.circularExposure("MSFT", null, null, "my model"))?.message).toMatch(/is not a model handle/);
    });

    it("rejects extra arguments", () => {
      expect(errorOf(invoke("CIRCULAR_EXPOSURE", ["MSFT", null, null, null, "firm", "extra"]))?.message).toMatch(/at most 5 arguments/);
    });

    it("names the money bases when the fifth argument is not one", () => {
      expect(errorOf(invoke("CIRCULAR_EXPOSURE", ["MSFT", null, null, null, "paid"]))?.message).toBe(
        'AIFIN.CIRCULAR_EXPOSURE: money "paid" is not accepted; use "firm", "funded" or "committed".',
      );
    });
  });

  describe("reference values (bundled model, latest, confirmed)", () => {
    it("self-funded MSFT, firm money (default) = min(F C097b 13, C C029 250) + min(C034's 5, all conditional: 0, C035 30) = 13", () => {
      expect(fx.circularExposure("MSFT")).toBe(sum(Math.min(13, 250), Math.min(5 - 5, 30)));
    });

    it("self-funded MSFT on the committed basis (the headline) = 13 + min(5, 30) = 18, and 11.6 + 0 funded (C097b's 10-Q)", () => {
      expect(fx.circularExposure("MSFT", null, null, null, "committed")).toBe(sum(Math.min(13, 250), Math.min(5, 30)));
      expect(fx.circularExposure("MSFT", null, null, null, "funded")).toBe(11.6);
    });

    it("self-funded AMZN, firm = min(N012 50, C032 38 + C092 100) + min(C061 8 + D038 25 − 20 conditional, D039 100) = 63", () => {
      expect(fx.circularExposure("AMZN", "self_funded")).toBe(sum(Math.min(50, 38 + 100), Math.min(8 + 25 - 20, 100)));
      expect(fx.circularExposure("AMZN", "self_funded", null, null, "committed")).toBe(sum(Math.min(50, 38 + 100), Math.min(8 + 25, 100)));
    });

    it("funded backlog AMZN = contracts from the customers it funds: 138 (OPENAI) + 100 (ANTHROPIC)", () => {
      expect(fx.circularExposure("AMZN", "funded_backlog")).toBe(238);
    });

    it("share MSFT = 13 / 678 (18 / 678 committed): its reported commercial RPO N008 678 exceeds the 280 of contracts listed (C029 250 + C035 30)", () => {
      expect(fx.circularExposure("MSFT", "share")).toBeCloseTo(13 / 678, 12);
      expect(fx.circularExposure("MSFT", "share", null, null, "committed")).toBeCloseTo(18 / 678, 12);
    });

    it("share against the reported backlogs in the latest view: AMZN 63 / N010 496, GOOGL 13 / N005 514 (the larger of listed and reported)", () => {
      expect(fx.circularExposure("AMZN", "share")).toBeCloseTo(63 / 496, 12); // 238 listed < 496
      expect(fx.circularExposure("AMZN", "share", null, null, "committed")).toBeCloseTo(83 / 496, 12);
      // GOOGL: D040 40 to Anthropic, 30 on milestones: firm 10, plus C062b 3; Anthropic's contracts 200 < 514.
      expect(fx.circularExposure("GOOGL", "share")).toBeCloseTo((3 + 10) / 514, 12);
      expect(fx.circularExposure("GOOGL", "share", null, null, "committed")).toBeCloseTo((3 + 40) / 514, 12);
    });

    it("share before a backlog fact exists divides by the listed contracts: MSFT on 2026-04-28 13 / 280, on 2026-04-29 (D061r 627) 13 / 627", () => {
      expect(fx.circularExposure("MSFT", "share", "2026-04-28")).toBeCloseTo(13 / 280, 12);
      expect(fx.circularExposure("MSFT", "share", "2026-04-29")).toBeCloseTo(13 / 627, 12);
    });

    it("network MSFT: some but not more than the 13 of firm money it funds comes back (18 committed)", () => {
      const network = fx.circularExposure("MSFT", "network") as number;
      expect(network).toBeGreaterThan(0);
      expect(network).toBeLessThanOrEqual(13);
      expect(fx.circularExposure("MSFT", "network", null, null, "committed") as number).toBeLessThanOrEqual(13 + 5);
    });
  });

  describe("defaults", () => {
    it("measure defaults to self_funded; as_of to the latest date; null, undefined and empty text all mean omitted", () => {
      const latest = fx.modelInfo("as_of") as string;
      expect(fx.circularExposure("MSFT")).toBe(fx.circularExposure("MSFT", "self_funded", latest));
      expect(fx.circularExposure("MSFT", undefined, undefined, undefined)).toBe(13);
      expect(fx.circularExposure("MSFT", "", "", "")).toBe(13);
      // money defaults to firm, however it is left out.
      expect(fx.circularExposure("MSFT", "", "", "", "")).toBe(13);
      expect(fx.circularExposure("MSFT", null, null, null, "FIRM")).toBe(13);
    });

    it("accepts any alias, case and Chinese names", () => {
      expect(fx.circularExposure("microsoft")).toBe(13);
      expect(fx.circularExposure("微軟")).toBe(13);
      expect(fx.circularExposure("msft", "SELF_FUNDED")).toBe(13);
    });
  });

  describe("edge cases", () => {
    it("is 0 for an entity that funds none of its customers (ORCL)", () => {
      expect(fx.circularExposure("ORCL")).toBe(0);
    });

    it("answers share with #DIV/0! when nothing is contracted to the entity (OPENAI buys, it does not sell)", () => {
      const outcome = invoke("CIRCULAR_EXPOSURE", ["OPENAI", "share"]);
      expect(errorOf(outcome)?.code).toBe("#DIV/0!");
      // Excel shows no custom message on #DIV/0!, so the adapter leaves it out.
      expect(errorOf(fx.circularExposure("OPENAI", "share"))).toEqual({ code: "#DIV/0!", message: "" });
    });

    it("takes an Excel date serial and the same ISO date alike (46058 = 2026-02-05)", () => {
      expect(fx.circularExposure("AMZN", null, 46058)).toBe(fx.circularExposure("AMZN", null, "2026-02-05"));
    });

    it("counts only what was known on the as-of date: AMZN on 2026-02-05 = min(C061 8, no Anthropic contract yet) = 0", () => {
      // On 2026-02-05 (confirmed basis) the OpenAI investment was only rumoured (C138) and D039 was still to come.
      expect(fx.circularExposure("AMZN", null, "2026-02-05")).toBe(0);
    });
  });

  describe("scenario through the formula engine", () => {
    it("recomputes when the analyst changes the entity cell", () => {
      const h = createHarness({ S: [["MSFT", "=AIFIN.CIRCULAR_EXPOSURE(A1)", '=AIFIN.CIRCULAR_EXPOSURE(A1,"share")']] });
      expect(h.getValue("S", "B1")).toBe(13);
      h.setValue("S", "A1", "Amazon");
      expect(h.getValue("S", "B1")).toBe(63);
      // HyperFormula rounds what it shows to 10 significant digits.
      expect(h.getValue("S", "C1")).toBeCloseTo(63 / 496, 9); // AWS backlog N010 496 > the 238 listed
      h.setValue("S", "A1", "MSTF");
      const err = h.getValue("S", "B1");
      expect(isCellError(err) && [err.value, err.message]).toEqual(["#N/A", 'Unknown entity "MSTF": did you mean MSFT?']);
      h.destroy();
    });
  });
});
