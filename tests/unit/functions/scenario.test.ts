/**
 * AIFIN.SCENARIO(assumptions) and STRESS's trailing `scenario` argument. Assumption names and defaults:
 * src/model/data/assumptions.ts; method in docs/methodology.md §7.
 */
import { createHarness } from "../../harness/formulaHarness";
import { ASSUMPTIONS } from "../../../src/model";
import { createScenarioCache, isScenarioHandleText, MAX_SCENARIO_ROWS, sharedScenarioCache } from "../../../src/functions/scenarioCache";
import { errorOf, fx } from "./helpers";

const scenario = (rows: unknown[][], invocation?: { parameterAddresses: string[] }): unknown => fx.scenario(rows, invocation);
const defaultOf = (key: string): unknown => ASSUMPTIONS.find((a) => a.key === key)?.value;

describe("AIFIN.SCENARIO", () => {
  describe("bad arguments", () => {
    it("rejects an unknown name, naming the row and the accepted names", () => {
      const e = errorOf(scenario([["margin.ORCL", 0.35], ["margins.ORCL", 0.3]]));
      expect(e?.code).toBe("#VALUE!");
      expect(e?.message).toMatch(/row 2 of the range: Unknown assumption "margins.ORCL": use method, discount_rate, leases, solvent_lessee_pays, solvent_buyer_pays, write_down, money, or margin\.<id or role>/);
    });

    it("names the sheet row when Excel passes the range's address", () => {
      const e = errorOf(scenario([[null, null], ["margin.ORCL", 1.4]], { parameterAddresses: ["Stress!H5:I6"] }));
      expect(e?.message).toMatch(/sheet Stress, row 6: margin.ORCL must be a number from 0 to 1 \(got 1.4\)/);
    });

    it("rejects bad values of each kind and a range that is not two columns wide", () => {
      expect(errorOf(scenario([["leases", "some"]]))?.message).toMatch(/leases must be one of dedicated, proportional/);
      expect(errorOf(scenario([["solvent_lessee_pays", "maybe"]]))?.message).toMatch(/must be TRUE or FALSE/);
      expect(errorOf(scenario([["multiple.default", -1]]))?.message).toMatch(/from 0 to 1000/);
      expect(errorOf(scenario([["margin.ORCL"]]))?.message).toMatch(/two-column range/);
      expect(errorOf(scenario([["margin.ORCL", 0.3, "x"]]))?.message).toMatch(/two-column range/);
      expect(errorOf(scenario(Array.from({ length: MAX_SCENARIO_ROWS + 1 }, () => [null, null])))?.message).toMatch(/at most 1000/);
    });

    it("STRESS: text that is not a scenario handle is #VALUE!, a handle not in memory #N/A asking to recalculate SCENARIO", () => {
      expect(errorOf(fx.stress("ORCL", "OPENAI", 0.5, "market_value", null, null, null, "margin.ORCL"))?.code).toBe("#VALUE!");
      const e = errorOf(fx.stress("ORCL", "OPENAI", 0.5, "market_value", null, null, null, "AIFIN.SCENARIO#0123456789abcdef"));
      expect(e?.code).toBe("#N/A");
      expect(e?.message).toMatch(/recalculate the SCENARIO cell/);
    });
  });

  describe("reference values (by hand from assumptions.ts)", () => {
    it("Oracle margin 0.35 instead of 0.14: 0.5 × 60 a year × 0.35 × 25 = 262.5 (defaults: × 0.14 = 105)", () => {
      expect(defaultOf("margin.ORCL")).toBe(0.14);
      expect(defaultOf("multiple.hyperscaler")).toBe(25);
      const handle = scenario([["margin.ORCL", 0.35]]) as string;
      expect(fx.stress("ORCL", "OPENAI", 0.5, "market_value", null, null, null, handle)).toBeCloseTo(0.5 * 60 * 0.35 * 25, 9);
      expect(fx.stress("ORCL", "OPENAI", 0.5, "market_value")).toBeCloseTo(0.5 * 60 * 0.14 * 25, 9);
    });

    it("a write-down of 0.4 scales SoftBank's investor loss: 0.13 × 852 × 0.4 = 44.304", () => {
      const handle = scenario([["write_down", 0.4]]) as string;
      expect(fx.stress("SFTBY", "OPENAI", 1, "investor_loss", null, null, null, handle)).toBeCloseTo(0.13 * 852 * 0.4, 9);
    });

    it("the legacy multiple still wins over margin × multiple inside a scenario: 0.5 × 60 × 5 = 150", () => {
      const handle = scenario([["margin.ORCL", 0.35]]) as string;
      expect(fx.stress("ORCL", "OPENAI", 0.5, "market_value", 5, null, null, handle)).toBe(150);
    });
  });

  describe("defaults", () => {
    it("an empty or all-blank range is the sourced defaults: the same figures as no scenario", () => {
      const blank = scenario([[null, null], ["", null]]) as string;
      expect(isScenarioHandleText(blank)).toBe(true);
      expect(fx.stress("ORCL", "OPENAI", 0.5, "market_value", null, null, null, blank)).toBeCloseTo(105, 9);
      // Restating a default gives the same handle as leaving it out: the handle hashes the content.
      expect(scenario([["margin.ORCL", 0.14]])).toBe(blank);
    });

    it("revenue does not depend on the assumptions", () => {
      const handle = scenario([["margin.ORCL", 0.35]]) as string;
      expect(fx.stress("ORCL", "OPENAI", 0.5, "revenue", null, null, null, handle)).toBe(150);
    });
  });

  describe("edges", () => {
    it("the handle is stable, case-insensitive in the names, and changes with any figure", () => {
      const a = scenario([["margin.ORCL", 0.35]]);
      expect(scenario([["MARGIN.orcl", 0.35]])).toBe(a);
      expect(scenario([["margin.ORCL", 0.36]])).not.toBe(a);
      expect(a).toMatch(/^AIFIN\.SCENARIO#[0-9a-f]{16}$/);
    });

    it("after a restart (cache cleared) the handle is #N/A until SCENARIO recalculates", () => {
      const handle = scenario([["margin.ORCL", 0.2]]) as string;
      sharedScenarioCache().clear();
      expect(errorOf(fx.stress("ORCL", "OPENAI", 0.5, "market_value", null, null, null, handle))?.code).toBe("#N/A");
      expect(scenario([["margin.ORCL", 0.2]])).toBe(handle);
      expect(fx.stress("ORCL", "OPENAI", 0.5, "market_value", null, null, null, handle)).toBeCloseTo(0.5 * 60 * 0.2 * 25, 9);
    });

    it("the cache is bounded: the least recently used scenario goes first", () => {
      const cache = createScenarioCache(2);
      const h1 = cache.load([["margin.ORCL", 0.1]]);
      const h2 = cache.load([["margin.ORCL", 0.2]]);
      cache.resolve(h1, "T", "s");
      cache.load([["margin.ORCL", 0.3]]);
      expect(cache.size).toBe(2);
      expect(() => cache.resolve(h2, "T", "s")).toThrow(/not loaded/);
      expect(cache.resolve(h1, "T", "s").assumptions.margin.ORCL).toBe(0.1);
    });
  });

  describe("a realistic scenario in a worksheet", () => {
    it("Oracle at its guided 35 % margin, proportional leases: the SCENARIO cell feeds STRESS; editing it moves the figure", () => {
      const h = createHarness({
        S: [["margin.ORCL", 0.35], ["leases", "proportional"], ["=AIFIN.SCENARIO(A1:B2)"], ['=AIFIN.STRESS("ORCL","OPENAI",0.5,"market_value",,,,A3)']],
      });
      expect(h.getValue("S", "A4")).toBeCloseTo(262.5, 9);
      h.setValue("S", "B1", 0.3);
      expect(h.getValue("S", "A4")).toBeCloseTo(0.5 * 60 * 0.3 * 25, 9);
      h.destroy();
    });
  });
});
