/**
 * Properties of the three-channel stress on random webs (fast-check): contracts, loans, investments, stakes,
 * market values and roles (some entities are project vehicles, whose contracts in are leases).
 */
import fc from "fast-check";
import { isEngineError } from "../../../../src/engine/result";
import { stress, type StressResult } from "../../../../src/engine/stress";
import { scenarioFrom, type ScenarioAssumptions } from "../../../../src/engine/stressScenario";
import type { Fact, ModelView, Role } from "../../../../src/model/types";
import { fact, viewOf } from "./fixtures";

const IDS = ["A", "B", "C", "D", "E", "F"];
const money = fc.double({ min: 0.5, max: 300, noNaN: true });
const flow = fc.record({
  kind: fc.constantFrom<Fact["kind"]>("investment", "loan", "contract", "contract", "loan"),
  from: fc.constantFrom(...IDS),
  to: fc.constantFrom(...IDS),
  amount: money,
  term: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
});
const views = fc
  .record({
    flows: fc.array(flow, { maxLength: 20 }),
    values: fc.array(fc.option(fc.double({ min: 1, max: 2000, noNaN: true }), { nil: null }), { minLength: IDS.length, maxLength: IDS.length }),
    stakes: fc.array(fc.record({ holder: fc.constantFrom(...IDS), company: fc.constantFrom(...IDS), pct: fc.double({ min: 0.01, max: 0.5, noNaN: true }) }), { maxLength: 4 }),
    vehicles: fc.subarray(IDS, { maxLength: 2 }),
  })
  .map(({ flows, values, stakes, vehicles }): ModelView => {
    const facts: Fact[] = flows
      .filter((r) => r.from !== r.to)
      .map((r, i) => fact({ id: `p${i}`, kind: r.kind, from: r.from, to: r.to, amountUsdBn: r.amount, termYears: r.term }));
    values.forEach((v, i) => {
      if (v !== null) facts.push(fact({ id: `v${i}`, kind: "market_cap", from: IDS[i], to: IDS[i], amountUsdBn: v }));
    });
    stakes.forEach((s, i) => {
      if (s.holder !== s.company) facts.push(fact({ id: `s${i}`, kind: "stake", from: s.holder, to: s.company, pct: s.pct }));
    });
    const v = viewOf(facts, IDS);
    const roles = (id: string): Role[] => (vehicles.includes(id) ? ["project_vehicle"] : ["other"]);
    return { ...v, entities: v.entities.map((e) => ({ ...e, roles: roles(e.id) })) };
  });
const scenarios = fc.constantFrom<[string, unknown][]>(
  [],
  [["solvent_lessee_pays", false]],
  [["solvent_buyer_pays", false]],
  [["leases", "proportional"], ["method", "term"]],
  [["recovery.default", 0]],
);

const run = (view: ModelView, shocked: string, cut: number, assumptions: ScenarioAssumptions): StressResult => {
  const r = stress(view, { shocked, cut, assumptions });
  if (isEngineError(r)) throw new Error(r.message);
  return r;
};
const valueOf = (view: ModelView, id: string) => view.facts.find((f) => f.kind === "market_cap" && f.from === id)?.amountUsdBn ?? null;
const settings = (rows: [string, unknown][]) => scenarioFrom(rows) as ScenarioAssumptions;

describe("stress properties", () => {
  it("value at risk never exceeds an entity's value; an unvalued entity has no operating line and loses at most its stake", () => {
    fc.assert(
      fc.property(views, fc.constantFrom(...IDS), fc.double({ min: 0, max: 1, noNaN: true }), scenarios, (view, shocked, cut, rows) => {
        const r = run(view, shocked, cut, settings(rows));
        for (const l of r.lines) {
          const value = valueOf(view, l.id);
          if (value === null) {
            expect(l.marketValueAtRisk).toBe(0);
            expect(l.investorLoss).toBeLessThanOrEqual((r.details.investor[l.id]?.stakeValue ?? 0) + 1e-9);
          } else expect(l.marketValueAtRisk + l.investorLoss).toBeLessThanOrEqual(value + (r.details.equity[l.id]?.markUp ?? 0) + 1e-9);
        }
      }),
    );
  });

  it("losses are monotone in the cut, channel by channel and entity by entity", () => {
    fc.assert(
      fc.property(views, fc.constantFrom(...IDS), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), scenarios, (view, shocked, a, b, rows) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const s = settings(rows);
        const small = run(view, shocked, lo, s);
        const large = run(view, shocked, hi, s);
        const at = (r: StressResult, id: string) => r.lines.find((l) => l.id === id);
        for (const l of small.lines) {
          const m = at(large, l.id);
          for (const k of ["revenueLost", "marketValueAtRisk", "investorLoss", "lenderLoss", "totalLoss"] as const) {
            expect(l[k]).toBeLessThanOrEqual((m?.[k] ?? 0) + 1e-9 * (1 + l[k]));
          }
        }
      }),
    );
  });

  it("a zero cut loses nothing and puts no one in default", () => {
    fc.assert(
      fc.property(views, fc.constantFrom(...IDS), scenarios, (view, shocked, rows) => {
        const r = run(view, shocked, 0, settings(rows));
        expect(r.lines).toEqual([]);
        expect(r.details.newDefaults).toEqual([]);
      }),
    );
  });

  it("a lender never loses more than it lent, and every line adds up to its channels", () => {
    fc.assert(
      fc.property(views, fc.constantFrom(...IDS), fc.double({ min: 0, max: 1, noNaN: true }), scenarios, (view, shocked, cut, rows) => {
        const r = run(view, shocked, cut, settings(rows));
        for (const l of r.lines) {
          const lent = view.facts.filter((f) => f.kind === "loan" && f.from === l.id && f.to !== l.id).reduce((s, f) => s + (f.amountUsdBn ?? 0), 0);
          expect(l.lenderLoss).toBeLessThanOrEqual(lent + 1e-9);
          expect(l.totalLoss).toBeCloseTo(l.marketValueAtRisk + l.investorLoss + l.lenderLoss, 9);
          for (const v of Object.values(l)) if (typeof v === "number") expect(Number.isFinite(v) && v >= 0).toBe(true);
        }
      }),
    );
  });

  it("at a 1 % cut, only a borrower whose headroom is thinner than its loss defaults", () => {
    fc.assert(
      fc.property(views, fc.constantFrom(...IDS), scenarios, (view, shocked, rows) => {
        const r = run(view, shocked, 0.01, settings(rows));
        for (const [id, t] of Object.entries(r.details.borrowers)) {
          if (t.headroom >= t.loss) expect(t.defaulted).toBe(false);
          if (t.defaulted) expect(r.details.newDefaults).toContain(id);
        }
        for (const id of r.details.newDefaults) expect(r.details.borrowers[id].loss).toBeGreaterThan(r.details.borrowers[id].headroom);
      }),
    );
  });

  it("lenders lose at most the borrowers' unpaid amounts beyond their headroom × (1 − recovery), nothing while every headroom holds", () => {
    fc.assert(
      fc.property(views, fc.constantFrom(...IDS), fc.double({ min: 0, max: 1, noNaN: true }), scenarios, (view, shocked, cut, rows) => {
        const r = run(view, shocked, cut, settings(rows));
        let bound = 0;
        for (const t of Object.values(r.details.borrowers)) {
          expect(t.shortfall).toBeCloseTo(Math.max(0, t.loss - Math.max(0, t.headroom)), 9);
          bound += Math.min(t.debt, t.shortfall) * (1 - t.recovery);
        }
        expect(r.total.lenderLoss).toBeLessThanOrEqual(bound + 1e-9);
      }),
    );
  });

  it("lender loss is continuous in the cut: no cliff where a borrower's headroom runs out", () => {
    fc.assert(
      fc.property(views, fc.constantFrom(...IDS), fc.double({ min: 0, max: 0.999, noNaN: true }), scenarios, (view, shocked, cut, rows) => {
        const s = settings(rows);
        const eps = 1e-7;
        const a = run(view, shocked, cut, s).total.lenderLoss;
        const b = run(view, shocked, cut + eps, s).total.lenderLoss;
        // Losses grow at most by the web's capitalised contracts per unit of cut (well under 1e5 here): a
        // default that took a whole loan at once would jump by at least 0.5 × 0.2.
        expect(Math.abs(b - a)).toBeLessThan(eps * 1e5);
      }),
    );
  });

  it("a site's lenders lose min(debt, unpaid lease beyond headroom) × (1 − 0.8): by hand for any lease, loan and cut", () => {
    fc.assert(
      fc.property(money, money, fc.double({ min: 0, max: 1, noNaN: true }), (lease, debt, cut) => {
        const v = viewOf([
          fact({ id: "l", kind: "contract", from: "A", to: "V", amountUsdBn: lease }),
          fact({ id: "d", kind: "loan", from: "K", to: "V", amountUsdBn: debt }),
        ]);
        const view = { ...v, entities: v.entities.map((e) => ({ ...e, roles: (e.id === "V" ? ["project_vehicle"] : ["other"]) as Role[] })) };
        const headroom = lease - debt;
        const expected = Math.min(debt, Math.max(0, cut * lease - Math.max(0, headroom))) * (1 - 0.8);
        expect(run(view, "A", cut, settings([])).total.lenderLoss).toBeCloseTo(expected, 9);
      }),
    );
  });
});
