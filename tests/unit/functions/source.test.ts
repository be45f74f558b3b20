/** AIFIN.SOURCE(entity, [counterparty]): the citations behind the figures, as text. */
import { createHarness } from "../../harness/formulaHarness";
import { joinCitations, MAX_CELL_TEXT } from "../../../src/functions/cellText";
import { errorOf, fx } from "./helpers";

describe("AIFIN.SOURCE", () => {
  describe("bad arguments", () => {
    it("resolves both names", () => {
      expect(errorOf(fx.source("AMZN", "OPENIA"))?.code).toBe("#N/A");
      expect(errorOf(fx.source(null))?.message).toMatch(/entity is required/);
    });
  });

  describe("reference values", () => {
    it("cites C032, C092 and N012 for AMZN and OPENAI, each with its source", () => {
      const text = fx.source("AMZN", "OPENAI") as string;
      expect(text.split("; ").filter((part) => /^(C|D|E|M|A|N)\d+[a-z]?: /.test(part)).map((p) => p.split(":")[0])).toEqual(["C032", "C092", "N012"]);
      expect(text).toContain("(Amazon invests $50 billion in OpenAI, committing to 2 gigawatts of Trainium silicon, Tom's Hardware, 2026-02-27, https://");
    });

    it("cites the rumoured C138 in the article's view", () => {
      expect(fx.source("AMZN", "OPENAI", "2026-02-05", fx.model(null, null, true))).toMatch(/^C032: .*C138: /);
    });
  });

  describe("defaults", () => {
    it("without a counterparty cites every fact on the entity", () => {
      const all = fx.source("AMZN") as string;
      expect(all).toContain("C032: ");
      expect(all).toContain("D039: ");
      expect(all.length).toBeGreaterThan((fx.source("AMZN", "OPENAI") as string).length);
    });
  });

  describe("edge cases", () => {
    it("answers #N/A when no fact links the two", () => {
      expect(errorOf(fx.source("INTC", "MSFT"))?.message).toMatch(/^No fact in the model concerns INTC and MSFT as of /);
    });

    it("stays within Excel's 32,767 characters per cell and says how many citations were left out", () => {
      const lines = Array.from({ length: 400 }, (_, i) => `F${i}: ${"x".repeat(100)}`);
      const text = joinCitations(lines);
      expect(text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
      const kept = text.split("; ").length;
      expect(text.endsWith(` … (${400 - kept} more)`)).toBe(true);
    });
  });

  describe("scenario through the formula engine", () => {
    it("puts the citations beside the figure they explain", () => {
      const h = createHarness({ S: [['=AIFIN.CONTRACT_VALUE("OPENAI","ORCL")', '=AIFIN.SOURCE("ORCL","OPENAI")']] });
      expect(h.getValue("S", "A1")).toBe(300);
      expect(h.getValue("S", "B1")).toMatch(/^C013: /);
      h.destroy();
    });
  });
});
