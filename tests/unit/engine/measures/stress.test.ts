/**
 * Stress on synthetic webs: every figure is worked by hand from the facts below and the sourced defaults
 * (src/model/data/assumptions.ts): entities of role "other" take margin.default 0.25, multiple.default 25
 * and recovery.default 0.4; project vehicles recovery 0.8.
 */
import { isEngineError } from "../../../../src/engine/result";
import { DEFAULT_MULTIPLE, modelMultiple, stress } from "../../../../src/engine/stress";
import { DEFAULT_ASSUMPTIONS, scenarioFrom, scenarioRows, type ScenarioAssumptions } from "../../../../src/engine/stressScenario";
import { ASSUMPTIONS } from "../../../../src/model/data/assumptions";
import type { Fact, ModelView, Role } from "../../../../src/model/types";
import { fact, viewOf, webView } from "./fixtures";

function ok<T>(r: T): Exclude<T, { code: string }> {
  if (isEngineError(r)) throw new Error(r.message);
  return r as Exclude<T, { code: string }>;
}
const scenario = (rows: [string, unknown][]): ScenarioAssumptions => ok(scenarioFrom(rows));
/** The proportional pass-through sensitivity: every buyer passes its lost share of backlog on, solvent or not. */
const PASS = (): ScenarioAssumptions => scenario([["solvent_buyer_pays", false]]);
const r3 = (x: number) => Math.round(x * 1e9) / 1e9;

/** A view whose entities carry the given roles (others are "other"). */
function withRoles(facts: Fact[], roles: Record<string, Role[]>): ModelView {
  const v = viewOf(facts);
  return { ...v, entities: v.entities.map((e) => ({ ...e, roles: roles[e.id] ?? e.roles })) };
}

describe("stress assumptions", () => {
  it("reads every sourced default into the typed scenario, and every default cites a research row or says why not", () => {
    expect(DEFAULT_ASSUMPTIONS.margin.ORCL).toBe(0.14);
    expect(DEFAULT_ASSUMPTIONS.multiple.chip_maker).toBe(34.8);
    expect(DEFAULT_ASSUMPTIONS.recovery.project_vehicle).toBe(0.8);
    expect(DEFAULT_ASSUMPTIONS).toMatchObject({ method: "multiple", leases: "dedicated", solventLesseePays: true, solventBuyerPays: true, writeDown: 1, money: "funded" });
    for (const a of ASSUMPTIONS) {
      expect(a.note.length).toBeGreaterThan(20);
      for (const id of a.sources) expect(id).toMatch(/^A\d{3}$/);
    }
    // Round trip: the rows the Stress sheet lists read back to the same scenario.
    expect(scenario(scenarioRows(DEFAULT_ASSUMPTIONS))).toEqual(DEFAULT_ASSUMPTIONS);
  });

  it("applies named overrides, skips blank rows and names the first bad row", () => {
    const s = scenario([["margin.orcl", 0.35], ["", ""], ["Leases", "Proportional"], ["solvent_lessee_pays", "FALSE"], ["recovery.project_vehicle", 0.6]]);
    expect(s.margin.ORCL).toBe(0.35);
    expect(s.leases).toBe("proportional");
    expect(s.solventLesseePays).toBe(false);
    expect(s.recovery.project_vehicle).toBe(0.6);
    expect(DEFAULT_ASSUMPTIONS.margin.ORCL).toBe(0.14);
    const bad = scenarioFrom([["margin.ORCL", 0.3], ["margin.MSFT", 1.5]]);
    expect(isEngineError(bad) && bad.message).toMatch(/^Row 2: margin.MSFT must be a number from 0 to 1/);
    const unknown = scenarioFrom([["margn.ORCL", 0.3]]);
    expect(isEngineError(unknown) && unknown.message).toMatch(/Unknown assumption "margn.ORCL"/);
    expect(isEngineError(scenarioFrom([["leases", "sometimes"]]))).toBe(true);
  });
});

describe("stress", () => {
  it("rejects a cut outside [0, 1] and a negative multiple", () => {
    for (const cut of [-0.1, 1.01, Number.NaN]) {
      const r = stress(webView(), { shocked: "LAB", cut });
      expect(isEngineError(r) && r.code).toBe("INVALID_INPUT");
    }
    const r = stress(webView(), { shocked: "LAB", cut: 0.5, multiple: -1 });
    expect(isEngineError(r) && r.code).toBe("INVALID_INPUT");
  });

  it("keeps the first version's EV/revenue multiple as a reference figure: INV 500 / 40 = 12.5", () => {
    expect(modelMultiple(webView(), "INV")).toEqual({ multiple: 12.5, factIds: ["f13", "f14"] });
    expect(modelMultiple(webView(), "CLOUD")).toBeUndefined();
    expect(DEFAULT_MULTIPLE).toBe(10);
  });

  it("LAB cuts half: the three channels by hand", () => {
    const r = ok(stress(webView(), { shocked: "LAB", cut: 0.5 }));
    // Revenue, first round: INV 25, CLOUD 15, CHIP 2.
    // Operating: only INV has a value (500). Annual lost 0.5 × 50/5 = 5; × margin 0.25 × multiple 25 = 31.25.
    // Investor: INV holds 20 % of LAB (200): 40 × 0.5 × write-down 1 = 20; CHIP put 6 into LAB (no stake
    // fact, valued at the money in): 6 × 0.5 = 3.
    // Credit: CLOUD owes BANK 20 and has no value: what services its debt is its contracts' contribution,
    // 30 × margin 0.25 = 7.5 < 20, so it is short before the cut (headroom −12.5) and not put in default; BANK
    // loses what the cut takes, 15 × 0.25 = 3.75 of contribution, × (1 − 0.4) = 2.25. CLOUD passes nothing on.
    expect(r.lines.map((l) => [l.id, l.revenueLost, l.marketValueAtRisk, l.investorLoss, l.lenderLoss, l.totalLoss].map((x) => (typeof x === "number" ? r3(x) : x)))).toEqual([
      ["INV", 25, 31.25, 20, 0, 51.25],
      ["CHIP", 2, 0, 3, 0, 3],
      ["BANK", 0, 0, 0, 2.25, 2.25],
      ["CLOUD", 15, 0, 0, 0, 0],
    ]);
    expect(r3(r.total.revenueLost)).toBe(42);
    expect(r.total.lenderLoss).toBeCloseTo(2.25, 12);
    expect(r.details.newDefaults).toEqual([]);
    expect(r.details.borrowers.CLOUD).toMatchObject({ debt: 20, headroom: -12.5, loss: 3.75, shortfall: 3.75, defaulted: false, shortBefore: true, recovery: 0.4 });
    expect([...r.details.unvalued].sort()).toEqual(["CHIP", "CLOUD"]);
    expect(r.details.multiples.INV).toEqual({ multiple: 0.25 * 25, source: ["margin.default", "multiple.default"] });
  });

  it("a 1 % cut: CLOUD, short before the cut, is not put in default; BANK loses only what the cut takes", () => {
    const r = ok(stress(webView(), { shocked: "LAB", cut: 0.01 }));
    expect(r.details.borrowers.CLOUD).toMatchObject({ headroom: -12.5, defaulted: false, shortBefore: true });
    expect(r.details.borrowers.CLOUD.loss).toBeCloseTo(0.3 * 0.25, 12);
    expect(r.total.lenderLoss).toBeCloseTo(0.3 * 0.25 * 0.6, 12);
  });

  it("the legacy multiple replaces margin × multiple by one EV/revenue multiple: 5 × 2 = 10", () => {
    const r = ok(stress(webView(), { shocked: "LAB", cut: 0.5, multiple: 2 }));
    expect(r.lines.find((l) => l.id === "INV")?.marketValueAtRisk).toBeCloseTo(10, 12);
    expect(r.details.multiples.INV).toEqual({ multiple: 2, source: "override" });
  });

  it("the term method discounts the lost contribution over the contract's term", () => {
    // INV: 0.5 × 10 a year for 5 years at 9 %: annuity (1 − 1.09^−5) / 0.09 = 3.889651; × 5 × 0.25 = 4.862.
    const r = ok(stress(webView(), { shocked: "LAB", cut: 0.5, assumptions: scenario([["method", "term"]]) }));
    expect(r.lines.find((l) => l.id === "INV")?.marketValueAtRisk).toBeCloseTo(5 * 0.25 * ((1 - Math.pow(1.09, -5)) / 0.09), 10);
  });

  it("a solvent lessee keeps paying: the site's lenders lose nothing; the old pass-through is a sensitivity", () => {
    // A buys 40 from B (worth 100). B leases 20 from the site C (project vehicle), which owes L 20.
    // A cuts half: B loses 20 of 40; annual 0.5 × 8 = 4 × 0.25 × 25 = 25 < 100, so B stays solvent and pays C.
    const facts = [
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 40 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "C", amountUsdBn: 20 }),
      fact({ id: "l", kind: "loan", from: "L", to: "C", amountUsdBn: 20 }),
      fact({ id: "v", kind: "market_cap", from: "B", to: "B", amountUsdBn: 100 }),
    ];
    const view = withRoles(facts, { C: ["project_vehicle"] });
    const base = ok(stress(view, { shocked: "A", cut: 0.5 }));
    expect(base.details.borrowers.C).toBeUndefined();
    expect(base.total.lenderLoss).toBe(0);
    expect(base.details.passedThrough).toEqual({ B: 20 });
    // Sensitivity: B passes its lost share (0.5) to the lease even while solvent: C loses 10 > headroom
    // 20 − 20 = 0, defaults, and L loses the unpaid 10 × (1 − 0.8) = 2 (not its whole 20 × 0.2 = 4).
    const pass = ok(stress(view, { shocked: "A", cut: 0.5, assumptions: scenario([["solvent_lessee_pays", false]]) }));
    expect(pass.details.passedThrough).toEqual({ B: 20, C: 10 });
    expect(pass.lines.find((l) => l.id === "L")?.lenderLoss).toBeCloseTo(2, 12);
  });

  it("a lessee in default stops paying its dedicated leases by the cut (proportional: by its own lost share)", () => {
    // As above but B is worth 10 and reports a backlog of 80: value lost 25 > 10, B defaults; the part of its
    // loss beyond its headroom is (25 − 10) / 25 = 0.6. Dedicated: C loses 0.5 × 0.6 × 20 = 6; proportional:
    // B's share 20 / 80 = 0.25, C loses 0.25 × 0.6 × 20 = 3. C (headroom 0) defaults: L loses 6 × (1 − 0.8) =
    // 1.2. B's own lender M (10 of B's 10 of debt, recovery 0.4): B's shortfall 15 exceeds its debt, so M
    // loses 10 × 0.6 = 6.
    const facts = [
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 40 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "C", amountUsdBn: 20 }),
      fact({ id: "l", kind: "loan", from: "L", to: "C", amountUsdBn: 20 }),
      fact({ id: "m", kind: "loan", from: "M", to: "B", amountUsdBn: 10 }),
      fact({ id: "v", kind: "market_cap", from: "B", to: "B", amountUsdBn: 10 }),
      fact({ id: "k", kind: "backlog", from: "B", to: "B", amountUsdBn: 80, unit: "USD bn RPO" }),
    ];
    const view = withRoles(facts, { C: ["project_vehicle"] });
    const dedicated = ok(stress(view, { shocked: "A", cut: 0.5 }));
    expect([...dedicated.details.newDefaults].sort()).toEqual(["B", "C"]);
    expect(dedicated.details.passedThrough.C).toBeCloseTo(6, 12);
    expect(dedicated.lines.find((l) => l.id === "L")?.lenderLoss).toBeCloseTo(1.2, 12);
    expect(dedicated.lines.find((l) => l.id === "M")?.lenderLoss).toBeCloseTo(6, 12);
    const proportional = ok(stress(view, { shocked: "A", cut: 0.5, assumptions: scenario([["leases", "proportional"]]) }));
    expect(proportional.details.passedThrough.C).toBeCloseTo(3, 12);
  });

  it("does not put in default a borrower the model shows short before the cut; its lenders lose only what the cut takes", () => {
    // B owes L 50 but the model records only 10 of B's revenue (headroom 10 × 0.25 − 50 = −47.5). A cut of 0.5
    // takes 5 of revenue, 1.25 of contribution: L loses 1.25 × (1 − 0.4) = 0.75, not 50 × 0.6.
    const view = viewOf([
      fact({ id: "c", kind: "contract", from: "A", to: "B", amountUsdBn: 10 }),
      fact({ id: "l", kind: "loan", from: "L", to: "B", amountUsdBn: 50 }),
    ]);
    const r = ok(stress(view, { shocked: "A", cut: 0.5 }));
    expect(r.lines.find((l) => l.id === "L")?.lenderLoss).toBeCloseTo(0.75, 12);
    expect(r.details.newDefaults).toEqual([]);
    expect(r.details.borrowers.B).toMatchObject({ shortBefore: true, defaulted: false });
  });

  it("counts equity put into a borrower and its reported total debt in its headroom", () => {
    // B, a data-centre developer: leases 30 from A (triple-net: the lease services the debt), 8 of equity from
    // E, loans 10 from L but a reported total debt of 35: headroom 30 + 8 − 35 = 3. A cut of 0.2 takes 6 > 3:
    // default with 3 unpaid. L holds 10 of the 35: it loses 10/35 × 3 × (1 − 0.8) = 6/35 (the other lenders,
    // not in the model, the rest).
    const view = withRoles([
      fact({ id: "c", kind: "contract", from: "A", to: "B", amountUsdBn: 30 }),
      fact({ id: "l", kind: "loan", from: "L", to: "B", amountUsdBn: 10 }),
      fact({ id: "e", kind: "investment", from: "E", to: "B", amountUsdBn: 8 }),
      fact({ id: "d", kind: "debt", from: "B", to: "B", amountUsdBn: 35, unit: "USD bn total debt" }),
    ], { B: ["dc_developer"] });
    const r = ok(stress(view, { shocked: "A", cut: 0.2 }));
    expect(r.details.borrowers.B).toMatchObject({ debt: 35, headroom: 3, defaulted: true });
    expect(r.details.borrowers.B.shortfall).toBeCloseTo(3, 12);
    expect(r.total.lenderLoss).toBeCloseTo(6 / 35, 12);
  });

  it("values an investor's stake at the money paid in; unfunded commitments are cancelled, not lost", () => {
    // H committed 50 to S, 15 paid. Full cut: loses 15 (funded) and cancels 35; on the committed basis, 50.
    const facts = [
      fact({ id: "i", kind: "investment", from: "H", to: "S", amountUsdBn: 50, fundedUsdBn: 15 }),
      fact({ id: "v", kind: "market_cap", from: "H", to: "H", amountUsdBn: 1000 }),
    ];
    const funded = ok(stress(viewOf(facts), { shocked: "S", cut: 1 }));
    expect(funded.details.investor.H).toMatchObject({ stakeValue: 15, loss: 15, cancelled: 35 });
    const committed = ok(stress(viewOf(facts), { shocked: "S", cut: 1, assumptions: scenario([["money", "committed"]]) }));
    expect(committed.lines.find((l) => l.id === "H")?.investorLoss).toBe(50);
  });

  it("caps operating and investor losses together at the company's value", () => {
    // A buys 100 a year from V (term 1); V is worth 50: 100 × 0.25 × 25 = 625 capped at 50.
    const view = viewOf([
      fact({ id: "c", kind: "contract", from: "A", to: "V", amountUsdBn: 100, termYears: 1 }),
      fact({ id: "m", kind: "market_cap", from: "V", to: "V", amountUsdBn: 50 }),
    ]);
    const r = ok(stress(view, { shocked: "A", cut: 1 }));
    expect(r.total.marketValueAtRisk).toBe(50);
    expect(r.details.capped).toEqual(["V"]);
  });

  it("a solvent buyer keeps its purchase contracts; the proportional pass-through is a sensitivity", () => {
    // A buys 40 from B; B buys 20 from C (C's only revenue; not a lease); C owes L 20. A cuts half: B loses 20
    // of its 40. B owes nothing and cannot default, so it keeps buying from C: C and L lose nothing.
    // Sensitivity (solvent_buyer_pays FALSE): B cuts C by its lost share 0.5, 10. C, a supplier without a value,
    // has contracted contribution 20 × 0.25 = 5 against 20 of debt: short before the cut, not a default; L
    // loses the contribution the cut takes, 10 × 0.25 = 2.5, × 0.6 = 1.5.
    const view = viewOf([
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 40 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "C", amountUsdBn: 20 }),
      fact({ id: "l", kind: "loan", from: "L", to: "C", amountUsdBn: 20 }),
    ]);
    const base = ok(stress(view, { shocked: "A", cut: 0.5 }));
    expect(base.details.passedThrough).toEqual({ B: 20 });
    expect(base.total.lenderLoss).toBe(0);
    const r = ok(stress(view, { shocked: "A", cut: 0.5, assumptions: PASS() }));
    expect(r.details.passedThrough).toEqual({ B: 20, C: 10 });
    expect(r.lines.map((l) => [l.id, l.revenueLost, r3(l.lenderLoss)])).toEqual([
      ["L", 0, 1.5],
      ["B", 20, 0],
      ["C", 10, 0],
    ]);
    expect(r.details.newDefaults).toEqual([]);
    expect(r.details.borrowers.C).toMatchObject({ shortBefore: true });
  });

  it("settles a loop of contracts at its limit instead of going round for ever", () => {
    // A buys 10 from B; B and C buy 10 from each other. A full cut: B = 10 + C (C's share × 10) and
    // C = (B / 20) × 10, so B = 10 + B / 2: B = 20 (all it had) and C = 10.
    const view = viewOf([
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 10 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "C", amountUsdBn: 10 }),
      fact({ id: "c3", kind: "contract", from: "C", to: "B", amountUsdBn: 10 }),
    ]);
    const { passedThrough } = ok(stress(view, { shocked: "A", cut: 1, assumptions: PASS() })).details;
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
    const half = ok(stress(view, { shocked: "A", cut: 0.5, assumptions: PASS() })).details.passedThrough;
    expect(half.B).toBeCloseTo(50.5, 9);
    expect(half.C).toBeCloseTo(50, 9);
    const full = ok(stress(view, { shocked: "A", cut: 1, assumptions: PASS() })).details.passedThrough;
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
    const { passedThrough } = ok(stress(view, { shocked: "A", cut: 1, assumptions: PASS() })).details;
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
    expect(ok(stress(view, { shocked: "A", cut: 1, assumptions: PASS() })).details.passedThrough).toEqual({ B: 10, A: 5 });
  });

  it("gives empty lines for an entity that buys nothing and nobody holds", () => {
    expect(ok(stress(webView(), { shocked: "BANK", cut: 0.5 }))).toMatchObject({ lines: [], total: { revenueLost: 0, lenderLoss: 0, marketValueAtRisk: 0, investorLoss: 0, totalLoss: 0 } });
  });

  it("defaults the shocked entity to OPENAI when none is named", () => {
    const view = viewOf([fact({ id: "c", kind: "contract", from: "OPENAI", to: "V", amountUsdBn: 10 })]);
    expect(ok(stress(view, { shocked: "", cut: 1 })).total.revenueLost).toBe(10);
  });

  it("counts a reported backlog (the larger of it and the listed contracts) in a vehicle's headroom", () => {
    // B, a project vehicle: leases 30 from A, backlog 60 (which includes them), owes L 40: headroom 60 − 40 =
    // 20. Full cut takes 30 > 20: default with 10 unpaid, L loses 10 × (1 − 0.8) = 2. Without the backlog B
    // would be short before the cut.
    const view = withRoles([
      fact({ id: "c", kind: "contract", from: "A", to: "B", amountUsdBn: 30 }),
      fact({ id: "l", kind: "loan", from: "L", to: "B", amountUsdBn: 40 }),
      fact({ id: "k", kind: "backlog", from: "B", to: "B", amountUsdBn: 60, unit: "USD bn RPO at 30-Nov-2025" }),
      // An increment is context ("other"), never read as the backlog.
      fact({ id: "k0", kind: "other", from: "B", to: "B", amountUsdBn: 90, unit: "USD bn added RPO in FQ1", date: "2024-01-01" }),
    ], { B: ["project_vehicle"] });
    const r = ok(stress(view, { shocked: "A", cut: 1 }));
    expect(r.details.borrowers.B).toMatchObject({ headroom: 20, defaulted: true });
    expect(r.total.lenderLoss).toBeCloseTo(2, 12);
  });

  it("annualises a quarterly revenue fact for the multiple: 400 / (10 × 4) = 10", () => {
    const view = viewOf([
      fact({ id: "m", kind: "market_cap", from: "V", to: "V", amountUsdBn: 400 }),
      fact({ id: "r", kind: "revenue", from: "V", to: "V", amountUsdBn: 10, unit: "USD bn Q1-2026 revenue" }),
    ]);
    expect(modelMultiple(view, "V")?.multiple).toBe(10);
  });

  it("answers a repeated question from the view's cache with the same frozen result", () => {
    const view = webView();
    const a = ok(stress(view, { shocked: "LAB", cut: 0.5 }));
    expect(stress(view, { shocked: "LAB", cut: 0.5 })).toBe(a);
    expect(Object.isFrozen(a.lines[0])).toBe(true);
    // 50 + 30 + 4: CLOUD, short before the cut, is not in default and keeps its 12 order.
    expect(ok(stress(view, { shocked: "LAB", cut: 1 })).total.revenueLost).toBe(84);
  });
});

describe("the results memo keys a scenario by its content", () => {
  it("shares a result between two assumption sets with the same rows, never between different rows", () => {
    const v = webView();
    const a = scenario([["solvent_buyer_pays", false]]);
    const b = scenario([["solvent_buyer_pays", false]]);
    const c = scenario([["solvent_buyer_pays", true]]);
    expect(a).not.toBe(b);
    expect(isEngineError(stress(v, { shocked: "LAB", cut: 0.5, assumptions: a }))).toBe(false);
    const ra = stress(v, { shocked: "LAB", cut: 0.5, assumptions: a });
    expect(stress(v, { shocked: "LAB", cut: 0.5, assumptions: b })).toBe(ra);
    const rc = stress(v, { shocked: "LAB", cut: 0.5, assumptions: c });
    expect(rc).not.toBe(ra);
    // c is the default content: the same result as no assumptions at all.
    expect(stress(v, { shocked: "LAB", cut: 0.5 })).toBe(rc);
  });
});
