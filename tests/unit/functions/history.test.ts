/** AIFIN.HISTORY(entity, [measure], [from], [to], [step], [model], [money]): a dated series spilled with a header row. */
import { createHarness } from "../../harness/formulaHarness";
import { errorOf, fx, invoke } from "./helpers";

/** Excel serial of an ISO date, written out: days since 1899-12-30. */
const serial = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("AIFIN.HISTORY", () => {
  describe("reference values on the bundled model", () => {
    it("Amazon's self-funded exposure steps up on its OpenAI and Anthropic deals only (committed: the headline amounts)", () => {
      // 2026-02-27: C002 AMZN→OPENAI 50 vs C032 38 + C092 100: min(50, 138) = 50.
      // 2026-04-20: D038 25 + C061 8 to Anthropic vs D039 100: 50 + min(33, 100) = 83.
      expect(fx.history("AMZN", null, "2024-01-01", null, "facts", null, "committed")).toEqual([
        ["date", "self_funded"],
        [serial("2024-01-01"), 0],
        [serial("2026-02-27"), 50],
        [serial("2026-04-20"), 83],
      ]);
    });

    it("on firm money (the default) it steps again when N012 reports the conditional 35 paid", () => {
      // 2026-02-27: C002 50 less 35 conditional: min(15, 138) = 15. 2026-04-20: 15 + min(8 + (25 − 20), 100) = 28.
      // 2026-07-31: N012 50 paid (conditional 0) supersedes D003a: 50 + 13 = 63.
      expect(fx.history("AMZN", null, "2024-01-01", null, "facts")).toEqual([
        ["date", "self_funded"],
        [serial("2024-01-01"), 0],
        [serial("2026-02-27"), 15],
        [serial("2026-04-20"), 28],
        [serial("2026-07-31"), 63],
      ]);
    });

    it("lays several measures on one date column: for 'facts', the dates any of them moved", () => {
      // funding out: C061 8 (2024-11-22), + C002 50 = 58, + D038 25 = 83; contracts in: C032 38 (2025-11-03),
      // + C092 100 = 138, + D039 100 = 238; self-funded 0, 50, 83 as above.
      expect(fx.history("Amazon", "self_funded, funding_out,contracts_in", "2024-01-01", "2026-04-30", "facts", null, "committed")).toEqual([
        ["date", "self_funded", "funding_out", "contracts_in"],
        [serial("2024-01-01"), 0, 0, 0],
        [serial("2024-11-22"), 0, 8, 0],
        [serial("2025-11-03"), 0, 8, 38],
        [serial("2026-02-27"), 50, 58, 138],
        [serial("2026-04-20"), 83, 83, 238],
      ]);
    });

    it("month step: month ends closed by `to`, each on its own view", () => {
      const table = fx.history("AMZN", "self_funded", "2026-01-15", "2026-05-10") as unknown[][];
      expect(table).toEqual([
        ["date", "self_funded"],
        [serial("2026-01-31"), 0],
        [serial("2026-02-28"), 15],
        [serial("2026-03-31"), 15],
        [serial("2026-04-30"), 28],
        [serial("2026-05-10"), 28],
      ]);
      for (const [date, value] of table.slice(1)) expect(value).toBe(fx.circularExposure("AMZN", "self_funded", date));
    });

    it("share is an empty cell while Amazon has no contracted revenue (#DIV/0! in CIRCULAR_EXPOSURE)", () => {
      const table = fx.history("AMZN", "share", "2025-09-01", "2025-12-31", "quarter") as unknown[][];
      expect(table).toEqual([
        ["date", "share"],
        [serial("2025-09-30"), ""],
        [serial("2025-12-31"), 0],
      ]);
      expect(errorOf(fx.circularExposure("AMZN", "share", "2025-09-30"))?.code).toBe("#DIV/0!");
    });

    it("follows the model's basis: rumoured C138 (AMZN→OPENAI \"may invest\" 20, 2026-02-04) adds a step on committed money only", () => {
      const handle = fx.model(null, null, true);
      // committed: 2026-02-04: min(C138 20, C032 38) = 20; 2026-02-27: C002 supersedes it, min(50, 38 + C092 100) = 50.
      expect(fx.history("AMZN", null, "2026-01-01", "2026-03-01", "facts", handle, "committed")).toEqual([
        ["date", "self_funded"],
        [serial("2026-01-01"), 0],
        [serial("2026-02-04"), 20],
        [serial("2026-02-27"), 50],
      ]);
      // firm: C138 is all conditional (non-binding intent), so no step until C002's 15 up front.
      expect(fx.history("AMZN", null, "2026-01-01", "2026-03-01", "facts", handle)).toEqual([
        ["date", "self_funded"],
        [serial("2026-01-01"), 0],
        [serial("2026-02-27"), 15],
      ]);
    });
  });

  describe("defaults", () => {
    it("runs from the model's first fact date to its latest, by month", () => {
      const table = fx.history("AMZN") as unknown[][];
      const first = fx.modelInfo("as_of");
      expect(table[0]).toEqual(["date", "self_funded"]);
      expect(table[table.length - 1][0]).toBe(serial(first as string));
      expect(table[1][0]).toBe(serial("2024-10-31"));
    });
  });

  describe("bad arguments", () => {
    it("names an unknown measure and the accepted ones", () => {
      const err = errorOf(fx.history("AMZN", "self_funded,loans"));
      expect(err?.code).toBe("#VALUE!");
      expect(err?.message).toMatch(/measure "loans" is not accepted; use "self_funded", .* or "contracts_in"/);
      expect(errorOf(fx.history("AMZN", "share,SHARE"))?.message).toMatch(/lists "share" twice/);
    });

    it("rejects from after to, a bad step, and an unknown entity", () => {
      expect(errorOf(fx.history("AMZN", null, "2026-05-01", "2026-01-01"))?.message).toMatch(/from \(2026-05-01\) is after to \(2026-01-01\)/);
      expect(errorOf(fx.history("AMZN", null, null, null, "week"))?.message).toMatch(/step "week" is not accepted/);
      expect(errorOf(fx.history("AMAZ"))?.code).toBe("#N/A");
    });

    it("is bounded: more than 600 dates is #VALUE! with a way out, and a huge measure text is not echoed", () => {
      const err = errorOf(fx.history("AMZN", null, "1950-01-01", "2026-01-01"));
      expect(err?.code).toBe("#VALUE!");
      expect(err?.message).toMatch(/more than 600 points: narrow from\/to or use step "quarter"/);
      const quarterly = fx.history("AMZN", null, "1950-01-01", "2026-01-01", "quarter") as unknown[][];
      expect(quarterly).toHaveLength(1 + 76 * 4 + 1);
      const huge = invoke("HISTORY", ["AMZN", "x".repeat(100_000)]);
      expect(errorOf(huge)?.message.length).toBeLessThan(300);
    });
  });

  describe("in a worksheet (HyperFormula harness)", () => {
    it("spills with cell references as arguments", () => {
      const h = createHarness({ S: [["AMZN", "2024-01-01", "facts"], ['=AIFIN.HISTORY(A1,,B1,,C1)']] });
      expect(h.getValue("S", "A2")).toBe("date");
      expect(h.getValue("S", "B4")).toBe(15);
      expect(h.getValue("S", "B5")).toBe(28);
      expect(h.getValue("S", "B6")).toBe(63);
      expect(h.getValue("S", "A7")).toBe(null);
      h.destroy();
    });
  });
});
