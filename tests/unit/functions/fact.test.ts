/** AIFIN.FACT(fact_id, [field]): one field of one cited fact. */
import { createHarness } from "../../harness/formulaHarness";
import { errorOf, fx } from "./helpers";

describe("AIFIN.FACT", () => {
  describe("bad arguments", () => {
    it("requires a fact id and a known field", () => {
      expect(errorOf(fx.fact(null))?.message).toMatch(/fact_id is required/);
      expect(errorOf(fx.fact("C002", "value"))?.message).toMatch(/field "value" is not accepted; use "amount", "date"/);
    });

    it("answers an unknown fact with #N/A", () => {
      expect(errorOf(fx.fact("Z999"))).toEqual({ code: "#N/A", message: 'Unknown fact "Z999": the Facts table lists every fact id.' });
    });
  });

  describe("reference values", () => {
    it("reads C002: Amazon's 50 bn commitment to OpenAI, announced 2026-02-27", () => {
      expect(fx.fact("C002")).toBe(50);
      expect(fx.fact("C002", "date")).toBe("2026-02-27");
      expect(fx.fact("C002", "status")).toBe("announced");
      expect(fx.fact("C002", "kind")).toBe("investment");
      expect([fx.fact("C002", "from"), fx.fact("C002", "to")]).toEqual(["AMZN", "OPENAI"]);
      expect(fx.fact("C002", "verified")).toBe(true);
      expect(fx.fact("C002", "source")).toMatch(/^OpenAI raises 110 billion dollars in record funding round, FashionUnited \(AFP wire\), 2026-02-27, https:/);
    });

    it("reads a stake's percentage (D006: 23.13%)", () => {
      expect(fx.fact("D006", "pct")).toBe(0.2313);
    });
  });

  describe("defaults", () => {
    it("field defaults to amount; ids match regardless of case", () => {
      expect(fx.fact("c013")).toBe(300);
    });
  });

  describe("edge cases", () => {
    it("answers #N/A when the fact has no dollar amount or no percentage", () => {
      expect(errorOf(fx.fact("D018"))).toEqual({ code: "#N/A", message: "Fact D018 has no dollar amount (amended partnership terms)." });
      expect(errorOf(fx.fact("C002", "pct"))?.code).toBe("#N/A");
    });

    it("answers #N/A for a source without a URL (the article itself)", () => {
      expect(errorOf(fx.fact("C138", "url"))?.code).toBe("#N/A");
    });
  });

  describe("scenario through the formula engine", () => {
    it("looks up the figure behind an id typed in a cell", () => {
      const h = createHarness({ S: [["C013", "=AIFIN.FACT(A1)", '=AIFIN.FACT(A1,"unit")']] });
      expect(h.getValue("S", "B1")).toBe(300);
      h.setValue("S", "A1", "M01");
      expect(h.getValue("S", "B1")).toBe(40);
      h.destroy();
    });
  });
});

describe("AIFIN.FACT provenance, money certainty and period fields", () => {
  it("reads each from the fact (values from the research rows)", () => {
    expect(fx.fact("C002", "conditional")).toBe(35); // Amazon: 15 up front, 35 on an IPO or AGI milestone
    expect(fx.fact("C003", "conditional")).toBe(0); // no conditional part on record
    expect(fx.fact("N012", "funded")).toBe(50); // the 35 reportedly paid early
    expect(errorOf(fx.fact("C002", "funded"))?.code).toBe("#N/A");
    expect(fx.fact("N023", "provenance")).toBe("secondary");
    expect(fx.fact("C013", "provenance")).toBe("press");
    expect(fx.fact("E02", "provenance")).toBe("estimate");
    expect(fx.fact("N091", "period_months")).toBe(12);
    expect(fx.fact("N021", "period_end")).toBe("2026-07-26");
    expect(errorOf(fx.fact("C013", "period_end"))?.code).toBe("#N/A");
  });
});

describe("AIFIN.SOURCE provenance", () => {
  it("ends each citation with the fact's provenance", () => {
    const text = fx.source("NVDA", "OPENAI") as string;
    expect(text).toContain("; secondary)"); // N023, the guarantee cap
    for (const part of text.split("; C").slice(1)) expect(part).toMatch(/; (estimate|secondary|article|press|primary)\)/);
  });
});
