/** AIFIN.CYCLES(entity, [max_length]): money loops through the entity, spilled with a header row. */
import { createHarness } from "../../harness/formulaHarness";
import { CYCLES_HEADER } from "../../../src/functions/specs";
import { errorOf, fx } from "./helpers";

describe("AIFIN.CYCLES", () => {
  describe("bad arguments", () => {
    it("keeps max_length a whole number from 2 to 8", () => {
      expect(errorOf(fx.cycles("NVDA", 1))?.message).toBe("AIFIN.CYCLES: max_length 1 is out of range; use a value from 2 to 8.");
      expect(errorOf(fx.cycles("NVDA", 9))?.code).toBe("#VALUE!");
      expect(errorOf(fx.cycles("NVDA", 2.5))?.message).toMatch(/max_length must be a whole number/);
      expect(errorOf(fx.cycles("NVDA", "long"))?.message).toMatch(/max_length must be a number/);
    });
  });

  describe("reference values", () => {
    it("finds the article's loop NVDA → OPENAI → ORCL → NVDA with bottleneck min(D003b 30, C013 300, M01 40) = 30", () => {
      const rows = fx.cycles("NVDA") as unknown[][];
      expect(rows[0]).toEqual([...CYCLES_HEADER]);
      // N023's 105 guarantee cap is contingent (no money moves until it is called): not an edge. Before: min(135, 300, 40) = 40.
      expect(rows).toContainEqual(["NVDA → OPENAI → ORCL → NVDA", 3, Math.min(30, 300, 40)]);
    });

    it("finds the two-step round trips: NVDA → OPENAI → NVDA (D003b 30, E02 105) and NVDA → XAI → NVDA (C048 2, C048b 12.5)", () => {
      expect(fx.cycles("NVDA", 2)).toEqual([[...CYCLES_HEADER], ["NVDA → OPENAI → NVDA", 2, Math.min(30, 105)], ["NVDA → XAI → NVDA", 2, 2]]);
    });
  });

  describe("defaults", () => {
    it("max_length defaults to 4 entities", () => {
      expect(fx.cycles("NVDA")).toEqual(fx.cycles("NVDA", 4));
      expect((fx.cycles("NVDA") as unknown[][]).slice(1).every((r) => (r[1] as number) <= 4)).toBe(true);
    });
  });

  describe("edge cases", () => {
    it("is just the header for an entity on no loop", () => {
      expect(fx.cycles("INTC")).toEqual([[...CYCLES_HEADER]]);
    });

    it("lists every loop starting and ending at the entity asked for", () => {
      for (const [path] of (fx.cycles("OPENAI") as string[][]).slice(1)) expect(path).toMatch(/^OPENAI → .* → OPENAI$/);
    });
  });

  describe("scenario through the formula engine", () => {
    it("spills the loops and lengthens the list when max_length grows", () => {
      const h = createHarness({ S: [[2, '=AIFIN.CYCLES("NVDA",A1)']] }, { spillRows: 12 });
      expect(h.getRange("S", "B1:D3")).toEqual([[...CYCLES_HEADER], ["NVDA → OPENAI → NVDA", 2, Math.min(30, 105)], ["NVDA → XAI → NVDA", 2, 2]]);
      expect(h.getValue("S", "B4")).toBeNull();
      h.setValue("S", "A1", 3);
      expect(h.getRange("S", "B2:D4").map((r) => r[0])).toContain("NVDA → OPENAI → ORCL → NVDA");
      h.destroy();
    });
  });
});
