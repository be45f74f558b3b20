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
      expect(errorOf(invoke("CIRCULAR_EXPOSURE", ["MSFT", null, null, null, "extra"]))?.message).toMatch(/at most 4 arguments/);
    });
  });

  describe("reference values (bundled model, latest, confirmed)", () => {
    it("self-funded MSFT = min(F C097b 13, C C029 250) + min(F C034 5, C C035 30) = 18", () => {
      expect(fx.circularExposure("MSFT")).toBe(sum(Math.min(13, 250), Math.min(5, 30)));
    });

    it("self-funded AMZN = min(D003a 50, C032 38 + C092 100) + min(C061 8 + D038 25, D039 100) = 83", () => {
      expect(fx.circularExposure("AMZN", "self_funded")).toBe(sum(Math.min(50, 38 + 100), Math.min(8 + 25, 100)));
    });

    it("funded backlog AMZN = contracts from the customers it funds: 138 (OPENAI) + 100 (ANTHROPIC)", () => {
      expect(fx.circularExposure("AMZN", "funded_backlog")).toBe(238);
    });

    it("share MSFT = 18 / 678: its reported commercial RPO N008 678 exceeds the 280 of contracts listed (C029 250 + C035 30)", () => {
      expect(fx.circularExposure("MSFT", "share")).toBeCloseTo(18 / 678, 12);
    });

    it("network MSFT: some but not more than the 18 it funds comes back", () => {
      const network = fx.circularExposure("MSFT", "network") as number;
      expect(network).toBeGreaterThan(0);
      expect(network).toBeLessThanOrEqual(13 + 5);
    });
  });

  describe("defaults", () => {
    it("measure defaults to self_funded; as_of to the latest date; null, undefined and empty text all mean omitted", () => {
      const latest = fx.modelInfo("as_of") as string;
      expect(fx.circularExposure("MSFT")).toBe(fx.circularExposure("MSFT", "self_funded", latest));
      expect(fx.circularExposure("MSFT", undefined, undefined, undefined)).toBe(18);
      expect(fx.circularExposure("MSFT", "", "", "")).toBe(18);
    });

    it("accepts any alias, case and Chinese names", () => {
      expect(fx.circularExposure("microsoft")).toBe(18);
      expect(fx.circularExposure("微軟")).toBe(18);
      expect(fx.circularExposure("msft", "SELF_FUNDED")).toBe(18);
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
      expect(h.getValue("S", "B1")).toBe(18);
      h.setValue("S", "A1", "Amazon");
      expect(h.getValue("S", "B1")).toBe(83);
      // HyperFormula rounds what it shows to 10 significant digits.
      expect(h.getValue("S", "C1")).toBeCloseTo(83 / 496, 9); // AWS backlog N010 496 > the 238 listed
      h.setValue("S", "A1", "MSTF");
      const err = h.getValue("S", "B1");
      expect(isCellError(err) && [err.value, err.message]).toEqual(["#N/A", 'Unknown entity "MSTF": did you mean MSFT?']);
      h.destroy();
    });
  });
});
