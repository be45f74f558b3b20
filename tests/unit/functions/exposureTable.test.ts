/** AIFIN.EXPOSURE_TABLE(entity): one row per counterparty, spilled with a header row. */
import { createHarness } from "../../harness/formulaHarness";
import { EXPOSURE_TABLE_HEADER } from "../../../src/functions/specs";
import { bundledDataset, earliestFactDate } from "../../../src/model";
import { errorOf, fx } from "./helpers";

describe("AIFIN.EXPOSURE_TABLE", () => {
  describe("bad arguments", () => {
    it("answers an unknown entity with a single #N/A, not a table", () => {
      expect(errorOf(fx.exposureTable("MSTF"))?.code).toBe("#N/A");
    });

    it("rejects a bad date", () => {
      expect(errorOf(fx.exposureTable("MSFT", "yesterday"))?.code).toBe("#VALUE!");
    });
  });

  describe("reference values", () => {
    it("MSFT, firm money: OPENAI (C097b 13 out, C029 250 in) and ANTHROPIC (C034's 5 all \"up to\": 0 out, C035 30 in)", () => {
      expect(fx.exposureTable("MSFT")).toEqual([
        [...EXPOSURE_TABLE_HEADER],
        ["OPENAI", 13, 250, 13, 250 / 13, "C097b, C029"],
        ["ANTHROPIC", 0, 30, 0, "", "C034, C035"],
      ]);
    });

    it("MSFT, committed money (the headline): ANTHROPIC gets C034's 5 back, ratio 30 / 5", () => {
      expect(fx.exposureTable("MSFT", null, null, "committed")).toEqual([
        [...EXPOSURE_TABLE_HEADER],
        ["OPENAI", 13, 250, 13, 250 / 13, "C097b, C029"],
        ["ANTHROPIC", 5, 30, 5, 6, "C034, C035"],
      ]);
    });
  });

  describe("defaults", () => {
    it("reads the latest confirmed view when as_of and model are omitted", () => {
      expect(fx.exposureTable("MSFT")).toEqual(fx.exposureTable("MSFT", fx.modelInfo("as_of"), fx.model()));
    });
  });

  describe("edge cases", () => {
    it("leaves the ratio empty for a customer the entity has not funded (ORCL ← OPENAI C013)", () => {
      const table = fx.exposureTable("ORCL") as unknown[][];
      expect(table[1]).toEqual(["OPENAI", 0, 300, 0, "", "C013"]);
    });

    it("says there are no data for a date before the model's first fact (it returned an empty table)", () => {
      const first = earliestFactDate(bundledDataset.facts);
      expect(errorOf(fx.exposureTable("MSFT", "2019-01-01"))).toEqual({
        code: "#N/A",
        message: `AIFIN.EXPOSURE_TABLE: the model has no data before ${first}; as_of 2019-01-01 is earlier. Use a date from ${first} on, or leave as_of empty for the latest.`,
      });
    });
  });

  describe("scenario through the formula engine", () => {
    it("spills under the formula and totals with ordinary Excel formulas", () => {
      const h = createHarness({ S: [['=AIFIN.EXPOSURE_TABLE("Amazon")'], [], [], [], ["=SUM(D2:D3)"]] });
      expect(h.getRange("S", "A1:F1")).toEqual([[...EXPOSURE_TABLE_HEADER]]);
      // Firm money: ANTHROPIC is C061 8 + D038's 5 up front (20 more on conditions).
      expect(h.getRange("S", "A2:D3")).toEqual([
        ["OPENAI", 50, 138, 50],
        ["ANTHROPIC", 13, 100, 13],
      ]);
      // The self-funded column sums to CIRCULAR_EXPOSURE's self-funded figure.
      expect(h.getValue("S", "A5")).toBe(fx.circularExposure("AMZN"));
      h.destroy();
    });
  });
});
