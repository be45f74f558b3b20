/** Stress on the synthetic web: LAB cuts its contracts; every figure below is worked by hand from fixtures.ts. */
import { isEngineError } from "../../../../src/engine/result";
import { DEFAULT_MULTIPLE, modelMultiple, stress, type StressResult } from "../../../../src/engine/stress";
import { fact, viewOf, webView } from "./fixtures";

function ok(r: ReturnType<typeof stress>): StressResult {
  if (isEngineError(r)) throw new Error(r.message);
  return r;
}

describe("stress", () => {
  it("rejects a cut outside [0, 1] and a negative multiple", () => {
    for (const cut of [-0.1, 1.01, Number.NaN]) {
      const r = stress(webView(), { shocked: "LAB", cut });
      expect(isEngineError(r) && r.code).toBe("INVALID_INPUT");
    }
    const r = stress(webView(), { shocked: "LAB", cut: 0.5, multiple: -1 });
    expect(isEngineError(r) && r.code).toBe("INVALID_INPUT");
  });

  it("takes the EV/revenue multiple from market cap ÷ annual revenue: INV 500 / 40 = 12.5", () => {
    expect(modelMultiple(webView(), "INV")).toEqual({ multiple: 12.5, factIds: ["f13", "f14"] });
    expect(modelMultiple(webView(), "CLOUD")).toBeUndefined();
  });

  it("LAB cuts half: revenue lost, market value at risk and the bank's loss on CLOUD", () => {
    const r = ok(stress(webView(), { shocked: "LAB", cut: 0.5 }));
    // revenue lost = 0.5 × C: INV 25, CLOUD 15, CHIP 2.
    // annual = C / term: INV 50/5 = 10, CLOUD 30/3 = 10, CHIP 4/2 = 2.
    // MVaR = 0.5 × annual × multiple: INV 0.5·10·12.5 = 62.5; CLOUD 0.5·10·10 = 50; CHIP 0.5·2·10 = 10 (default 10×).
    // Clearing: CLOUD owes BANK 20, holds 30 of contracts (no equity in); after the cut 30 − 15 = 15 < 20, so BANK loses 5.
    expect(DEFAULT_MULTIPLE).toBe(10);
    expect(r.lines).toEqual([
      { id: "INV", revenueLost: 25, lenderLoss: 0, marketValueAtRisk: 62.5 },
      { id: "CLOUD", revenueLost: 15, lenderLoss: 0, marketValueAtRisk: 50 },
      { id: "CHIP", revenueLost: 2, lenderLoss: 0, marketValueAtRisk: 10 },
      { id: "BANK", revenueLost: 0, lenderLoss: 5, marketValueAtRisk: 0 },
    ]);
    expect(r.total).toEqual({ revenueLost: 42, lenderLoss: 5, marketValueAtRisk: 122.5 });
    expect(r.details.newDefaults).toEqual(["CLOUD"]);
    expect(r.details.multiples.INV).toEqual({ multiple: 12.5, source: ["f13", "f14"] });
    expect(r.details.multiples.CHIP).toEqual({ multiple: 10, source: "default" });
  });

  it("applies an overriding multiple to everyone: 0.5 × (10 + 10 + 2) × 2 = 22", () => {
    const r = ok(stress(webView(), { shocked: "LAB", cut: 0.5, multiple: 2 }));
    expect(r.total.marketValueAtRisk).toBeCloseTo(22, 12);
  });

  it("a full cut wipes CLOUD's assets and the bank loses all 20", () => {
    const r = ok(stress(webView(), { shocked: "LAB", cut: 1 }));
    expect(r.lines.find((l) => l.id === "BANK")?.lenderLoss).toBeCloseTo(20, 12);
  });

  it("does not blame the cut for debt the model could never cover", () => {
    // B owes L 50 but the model records only 10 of B's revenue: 40 is short before any cut.
    // A cut of 0.5 on A's 10 lowers B's payment from 10 to 5: the shock costs L 5, not 45.
    const view = viewOf([
      fact({ id: "c", kind: "contract", from: "A", to: "B", amountUsdBn: 10 }),
      fact({ id: "l", kind: "loan", from: "L", to: "B", amountUsdBn: 50 }),
    ]);
    const r = ok(stress(view, { shocked: "A", cut: 0.5 }));
    expect(r.lines.find((l) => l.id === "L")?.lenderLoss).toBeCloseTo(5, 12);
    expect(r.details.newDefaults).toEqual([]);
  });

  it("counts equity put into a borrower as an asset against its loans", () => {
    // B owes L 20; contracts 30 from A plus 8 of equity from E; a full cut leaves 8, so L loses 12.
    const view = viewOf([
      fact({ id: "c", kind: "contract", from: "A", to: "B", amountUsdBn: 30 }),
      fact({ id: "l", kind: "loan", from: "L", to: "B", amountUsdBn: 20 }),
      fact({ id: "e", kind: "investment", from: "E", to: "B", amountUsdBn: 8 }),
    ]);
    expect(ok(stress(view, { shocked: "A", cut: 1 })).total.lenderLoss).toBeCloseTo(12, 12);
  });

  it("passes losses through a chain of lenders (a lender that is itself a borrower)", () => {
    // B owes M 20, M owes L 15 and has no other assets. Full cut: B pays 0, M pays 0: M loses 20, L loses 15.
    const view = viewOf([
      fact({ id: "c", kind: "contract", from: "A", to: "B", amountUsdBn: 30 }),
      fact({ id: "l1", kind: "loan", from: "M", to: "B", amountUsdBn: 20 }),
      fact({ id: "l2", kind: "loan", from: "L", to: "M", amountUsdBn: 15 }),
    ]);
    const r = ok(stress(view, { shocked: "A", cut: 1 }));
    expect(r.lines.find((l) => l.id === "M")?.lenderLoss).toBeCloseTo(20, 12);
    expect(r.lines.find((l) => l.id === "L")?.lenderLoss).toBeCloseTo(15, 12);
  });

  it("passes a cut down the supply chain: a vendor cuts its own purchases by the share of revenue it lost", () => {
    // A buys 40 from B; B leases 20 from C (C's only revenue); C owes L 20. A cuts half: B loses 20 of its
    // 40 (share 0.5) and cuts C's lease by 0.5 × 20 = 10; C can pay L only 10 of 20, so L loses 10.
    const view = viewOf([
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 40 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "C", amountUsdBn: 20 }),
      fact({ id: "l", kind: "loan", from: "L", to: "C", amountUsdBn: 20 }),
    ]);
    const r = ok(stress(view, { shocked: "A", cut: 0.5 }));
    expect(r.details.passedThrough).toEqual({ B: 20, C: 10 });
    // Revenue lost stays first-round only: C is not one of A's vendors.
    expect(r.lines.map((l) => [l.id, l.revenueLost, l.lenderLoss])).toEqual([
      ["B", 20, 0],
      ["L", 0, 10],
    ]);
    expect(r.details.newDefaults).toEqual(["C"]);
  });

  it("settles a loop of contracts at its limit instead of going round for ever", () => {
    // A buys 10 from B; B and C buy 10 from each other. A full cut: B = 10 + C (C's share × 10) and
    // C = (B / 20) × 10, so B = 10 + B / 2: B = 20 (all it had) and C = 10.
    const view = viewOf([
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 10 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "C", amountUsdBn: 10 }),
      fact({ id: "c3", kind: "contract", from: "C", to: "B", amountUsdBn: 10 }),
    ]);
    const { passedThrough } = ok(stress(view, { shocked: "A", cut: 1 })).details;
    expect(passedThrough.B).toBeCloseTo(20, 10);
    expect(passedThrough.C).toBeCloseTo(10, 10);
  });

  it("solves a slow loop exactly: B = 1 + C and C = (100 / 101) × B give B = 101, C = 100", () => {
    // A buys 1 from B; B and C buy 100 from each other (K(B) = 101, K(C) = 100). Passing the cut round by
    // round shrinks by only 100/101 a round (200 rounds would still be 14 % short); the linear solve is exact.
    const view = viewOf([
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 1 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "C", amountUsdBn: 100 }),
      fact({ id: "c3", kind: "contract", from: "C", to: "B", amountUsdBn: 100 }),
    ]);
    const half = ok(stress(view, { shocked: "A", cut: 0.5 })).details.passedThrough;
    expect(half.B).toBeCloseTo(50.5, 9);
    expect(half.C).toBeCloseTo(50, 9);
    const full = ok(stress(view, { shocked: "A", cut: 1 })).details.passedThrough;
    expect(full.B).toBeCloseTo(101, 9);
    expect(full.C).toBeCloseTo(100, 9);
  });

  it("falls back to passing round by round when the loop is within rounding of closed, and stays bounded", () => {
    // K(B) = 1e6 + 1e-12 rounds to 1e6, so M's loop has spectral radius 1 in floating point and the inverse's
    // certificate fails. The round-by-round answer must still be finite and never above what B and C sell.
    const view = viewOf([
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 1e-12 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "C", amountUsdBn: 1e6 }),
      fact({ id: "c3", kind: "contract", from: "C", to: "B", amountUsdBn: 1e6 }),
    ]);
    const { passedThrough } = ok(stress(view, { shocked: "A", cut: 1 })).details;
    expect(passedThrough.B).toBeGreaterThanOrEqual(1e-12);
    expect(passedThrough.B).toBeLessThanOrEqual(1e6 + 1e-12);
    expect(passedThrough.C).toBeLessThanOrEqual(1e6);
    expect(Number.isFinite(passedThrough.C)).toBe(true);
  });

  it("never passes on more than a vendor lost, and leaves the shocked entity's own cut as given", () => {
    // B's backlog of 100 includes A's 10: a full cut is a tenth of B, so B trims its 50 order from A by 5.
    const view = viewOf([
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 10 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "A", amountUsdBn: 50 }),
      fact({ id: "b", kind: "backlog", from: "B", to: "B", amountUsdBn: 100, unit: "USD bn RPO" }),
    ]);
    expect(ok(stress(view, { shocked: "A", cut: 1 })).details.passedThrough).toEqual({ B: 10, A: 5 });
  });

  it("gives empty lines for an entity that buys nothing", () => {
    expect(ok(stress(webView(), { shocked: "BANK", cut: 0.5 }))).toMatchObject({ lines: [], total: { revenueLost: 0, lenderLoss: 0, marketValueAtRisk: 0 } });
  });

  it("defaults the shocked entity to OPENAI when none is named", () => {
    const view = viewOf([fact({ id: "c", kind: "contract", from: "OPENAI", to: "V", amountUsdBn: 10 })]);
    expect(ok(stress(view, { shocked: "", cut: 1 })).total.revenueLost).toBe(10);
  });

  it("counts a reported backlog (the larger of it and the listed contracts) as the borrower's assets", () => {
    // B: contracts 30 from A, backlog 60 (which includes them), owes L 40. Full cut: 60 − 30 = 30 < 40, L loses 10.
    // Without the backlog fact B would hold 0 and L would lose all 40.
    const view = viewOf([
      fact({ id: "c", kind: "contract", from: "A", to: "B", amountUsdBn: 30 }),
      fact({ id: "l", kind: "loan", from: "L", to: "B", amountUsdBn: 40 }),
      fact({ id: "k", kind: "backlog", from: "B", to: "B", amountUsdBn: 60, unit: "USD bn RPO at 30-Nov-2025" }),
      // An increment is context ("other"), never read as the backlog.
      fact({ id: "k0", kind: "other", from: "B", to: "B", amountUsdBn: 90, unit: "USD bn added RPO in FQ1", date: "2024-01-01" }),
    ]);
    expect(ok(stress(view, { shocked: "A", cut: 1 })).total.lenderLoss).toBeCloseTo(10, 12);
  });

  it("annualises a quarterly revenue fact for the multiple: 400 / (10 × 4) = 10", () => {
    const view = viewOf([
      fact({ id: "m", kind: "market_cap", from: "V", to: "V", amountUsdBn: 400 }),
      fact({ id: "r", kind: "revenue", from: "V", to: "V", amountUsdBn: 10, unit: "USD bn Q1-2026 revenue" }),
    ]);
    expect(modelMultiple(view, "V")?.multiple).toBe(10);
  });

  it("never puts more than the whole market value at risk", () => {
    // A buys 100 a year from V (term 1); V is worth 50 with revenue 1 (multiple 50): 100 × 50 capped at 50.
    const view = viewOf([
      fact({ id: "c", kind: "contract", from: "A", to: "V", amountUsdBn: 100, termYears: 1 }),
      fact({ id: "m", kind: "market_cap", from: "V", to: "V", amountUsdBn: 50 }),
      fact({ id: "r", kind: "revenue", from: "V", to: "V", amountUsdBn: 1 }),
    ]);
    const r = ok(stress(view, { shocked: "A", cut: 1 }));
    expect(r.total.marketValueAtRisk).toBe(50);
    expect(r.details.capped).toEqual(["V"]);
  });

  it("answers a repeated question from the view's cache with the same frozen result", () => {
    const view = webView();
    const a = ok(stress(view, { shocked: "LAB", cut: 0.5 }));
    expect(stress(view, { shocked: "LAB", cut: 0.5 })).toBe(a);
    expect(Object.isFrozen(a.lines[0])).toBe(true);
    expect(ok(stress(view, { shocked: "LAB", cut: 1 })).total.revenueLost).toBe(84); // 50 + 30 + 4
  });
});
