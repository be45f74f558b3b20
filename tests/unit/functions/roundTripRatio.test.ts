/** AIFIN.ROUND_TRIP_RATIO = C(investee→investor) ÷ F(investor→investee). */
import { createHarness, isCellError } from "../../harness/formulaHarness";
import { errorOf, fx, invoke } from "./helpers";

describe("AIFIN.ROUND_TRIP_RATIO", () => {
  describe("bad arguments", () => {
    it("requires both entities", () => {
      expect(errorOf(fx.roundTripRatio("AMZN"))?.message).toMatch(/investee is required/);
      expect(errorOf(fx.roundTripRatio(null, "OPENAI"))?.message).toMatch(/investor is required/);
    });

    it("suggests the closest entity for a typo", () => {
      expect(errorOf(fx.roundTripRatio("AMZN", "OPENIA"))).toEqual({ code: "#N/A", message: expect.stringMatching(/^Unknown entity "OPENIA": did you mean OPENAI/) });
    });

    it("rejects a range where one value is expected", () => {
      expect(errorOf(fx.roundTripRatio([["AMZN"], ["MSFT"]], "OPENAI"))?.message).toMatch(/investor must be a single value/);
    });
  });

  describe("reference values", () => {
    it("AMZN/OPENAI latest = (C032 38 + C092 100) / D003a 50 = 2.76", () => {
      expect(fx.roundTripRatio("AMZN", "OPENAI")).toBeCloseTo(138 / 50, 12);
    });

    it("AMZN/OPENAI as announced on 2026-02-27 = (38 + 100) / C002's firm 15 (50 less 35 conditional) = 9.2; 2.76 on the headline", () => {
      expect(fx.roundTripRatio("AMZN", "OPENAI", "2026-02-27")).toBeCloseTo(138 / 15, 12);
      expect(fx.roundTripRatio("AMZN", "OPENAI", "2026-02-27", null, "committed")).toBeCloseTo(2.76, 12);
    });

    it("AMZN/OPENAI in the article's view (2026-02-05, rumours counted) = C032 38 / C138 20 = 1.9 on committed money", () => {
      const withRumours = fx.model(null, null, true);
      expect(fx.roundTripRatio("AMZN", "OPENAI", "2026-02-05", withRumours, "committed")).toBeCloseTo(38 / 20, 12);
      // C138 is "may invest" (all conditional), so on firm money there is nothing to divide by.
      expect(errorOf(invoke("ROUND_TRIP_RATIO", ["AMZN", "OPENAI", "2026-02-05", withRumours]))?.code).toBe("#DIV/0!");
    });

    it("MSFT/OPENAI = C029 250 / C097b 13", () => {
      expect(fx.roundTripRatio("MSFT", "OPENAI")).toBeCloseTo(250 / 13, 12);
    });
  });

  describe("defaults", () => {
    it("counts confirmed facts only when no model is given: the rumoured C138 does not fund OPENAI on 2026-02-05", () => {
      const outcome = invoke("ROUND_TRIP_RATIO", ["AMZN", "OPENAI", "2026-02-05"]);
      expect(errorOf(outcome)).toEqual({ code: "#DIV/0!", message: "AMZN has no recorded funding of OPENAI, so no round-trip ratio." });
    });
  });

  describe("edge cases", () => {
    it("is 0 when the investee buys nothing from the investor (NVDA → ANTHROPIC C033 10 committed, no contract back)", () => {
      expect(fx.roundTripRatio("NVDA", "ANTHROPIC", null, null, "committed")).toBe(0);
    });

    it("is #DIV/0! on firm money when the whole commitment is conditional (C033 is \"up to\" 10), and says why", () => {
      expect(errorOf(invoke("ROUND_TRIP_RATIO", ["NVDA", "ANTHROPIC"]))).toEqual({
        code: "#DIV/0!",
        message: 'NVDA has no recorded funding of ANTHROPIC on the firm basis (10 committed, all of it conditional: try money "committed"), so no round-trip ratio.',
      });
    });

    it("is #DIV/0! in the reverse direction, where no money was invested", () => {
      expect(errorOf(fx.roundTripRatio("OPENAI", "AMZN"))?.code).toBe("#DIV/0!");
    });
  });

  describe("scenario through the formula engine", () => {
    it("moves from the article's figures to the announced deal as the analyst edits the date cell", () => {
      const h = createHarness({
        S: [
          ["2026-02-05", '=AIFIN.ROUND_TRIP_RATIO("AMZN","OPENAI",A1,AIFIN.MODEL(,,TRUE),"committed")', '=AIFIN.ROUND_TRIP_RATIO("AMZN","OPENAI",A1)'],
        ],
      });
      expect(h.getValue("S", "B1")).toBeCloseTo(1.9, 9);
      const confirmed = h.getValue("S", "C1");
      expect(isCellError(confirmed) && confirmed.value).toBe("#DIV/0!");
      h.setValue("S", "A1", "2026-02-27");
      // Once C002 (50, 15 up front) is announced the rumour no longer adds to it: (38 + 100) / 50 committed, / 15 firm.
      expect(h.getValue("S", "B1")).toBeCloseTo(138 / 50, 9);
      expect(h.getValue("S", "C1")).toBeCloseTo(138 / 15, 9);
      h.destroy();
    });
  });
});
