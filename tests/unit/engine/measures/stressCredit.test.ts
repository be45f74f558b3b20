/**
 * The second review's stress items (docs/methodology.md §7.3, §7.4, review table R1–R7), on hand-made webs and
 * on the bundled data with one fact edited. Every figure is worked by hand from the facts written here and the
 * sourced defaults: role "other" takes margin.default 0.25, multiple.default 25 and recovery.default 0.4.
 */
import { isEngineError } from "../../../../src/engine/result";
import { stress, type StressResult } from "../../../../src/engine/stress";
import { scenarioFrom, type ScenarioAssumptions } from "../../../../src/engine/stressScenario";
import { bundledDataset, createModel, type Dataset } from "../../../../src/model";
import { fact, viewOf } from "./fixtures";

function ok(r: StressResult | { code: string; message: string }): StressResult {
  if (isEngineError(r)) throw new Error(r.message);
  return r as StressResult;
}

// B sells 100 a year for 1 year to A (its only revenue), is worth 50 and owes L 20 and M 60 (80 in all).
const CREDIT_WEB = [
  fact({ id: "c", kind: "contract", from: "A", to: "B", amountUsdBn: 100, termYears: 1 }),
  fact({ id: "v", kind: "market_cap", from: "B", to: "B", amountUsdBn: 50 }),
  fact({ id: "l", kind: "loan", from: "L", to: "B", amountUsdBn: 20 }),
  fact({ id: "m", kind: "loan", from: "M", to: "B", amountUsdBn: 60 }),
];

describe("credit channel: lenders lose the unpaid amount beyond the headroom", () => {
  // B sells 100 a year for 1 year to A (its only revenue), is worth 50 and owes L 20 and M 60 (80 in all).
  // A cut c takes c × 100 × 0.25 × 25 = 625c of value; headroom 50. Shortfall = max(0, 625c − 50).
  const view = viewOf(CREDIT_WEB);
  const lender = (cut: number, id: string) => ok(stress(view, { shocked: "A", cut })).lines.find((l) => l.id === id)?.lenderLoss ?? 0;

  it("nothing while the headroom holds: at c = 0.08, 50 of value lost against 50 of equity", () => {
    expect(lender(0.08, "L")).toBe(0);
    expect(ok(stress(view, { shocked: "A", cut: 0.08 })).details.newDefaults).toEqual([]);
  });
  it("just past it, a loss proportional to the excess: c = 0.1 leaves 12.5 unpaid, L (20 of 80) loses 12.5 × 20/80 × 0.6", () => {
    expect(lender(0.1, "L")).toBeCloseTo(12.5 * (20 / 80) * 0.6, 12);
    expect(lender(0.1, "M")).toBeCloseTo(12.5 * (60 / 80) * 0.6, 12);
  });
  it("never more than the debt: c = 1 leaves 575 unpaid, capped at 80, so L loses 20 × 0.6 and M 60 × 0.6", () => {
    expect(lender(1, "L")).toBeCloseTo(12, 12);
    expect(lender(1, "M")).toBeCloseTo(36, 12);
  });
});

describe("the shocked entity's own lenders", () => {
  it("lose cut × exposure × (1 − recovery): S cuts 30 % of everything it owes, its debt included", () => {
    const view = viewOf([fact({ id: "l", kind: "loan", from: "K", to: "S", amountUsdBn: 10 })]);
    const r = ok(stress(view, { shocked: "S", cut: 0.3 }));
    expect(r.lines.find((l) => l.id === "K")?.lenderLoss).toBeCloseTo(0.3 * 10 * 0.6, 12);
    // It is the shocked entity, not a default the cut caused.
    expect(r.details.newDefaults).toEqual([]);
  });
  it("a group's debt is its members': the group borrower is not tested on its own", () => {
    const facts = [
      fact({ id: "c", kind: "contract", from: "A", to: "G", amountUsdBn: 10 }),
      fact({ id: "l", kind: "loan", from: "K", to: "G", amountUsdBn: 10 }),
    ];
    const v = viewOf(facts);
    const view = { ...v, entities: v.entities.map((e) => (e.id === "G" ? { ...e, roles: ["aggregate" as const] } : e)) };
    const r = ok(stress(view, { shocked: "A", cut: 1 }));
    expect(r.details.borrowers.G).toBeUndefined();
    expect(r.total.lenderLoss).toBe(0);
  });
});

describe("investor channel: one valuation per date, unpaid money not owned, equity at the stake's date", () => {
  it("values every pct stake at the company's latest valuation, not the older value its fact records", () => {
    const view = viewOf([
      fact({ id: "s", kind: "stake", from: "H", to: "S", pct: 0.26, amountUsdBn: 130, amountBasis: "value", date: "2025-10-28" }),
      fact({ id: "v", kind: "valuation", from: "S", to: "S", amountUsdBn: 852, date: "2026-03-31" }),
    ]);
    expect(ok(stress(view, { shocked: "S", cut: 1 })).details.investor.H.stakeValue).toBeCloseTo(0.26 * 852, 12);
  });

  it("marks the holder's older market cap to the stake's date: a higher valuation never makes it default", () => {
    // H is worth 100 (Dec 2025); it paid 60 for 10 % of S. S valued at 1,000 then 2,000 (both later): stake 100
    // then 200; headroom 100 + (100 − 60) = 140, then 100 + (200 − 60) = 240. A full cut defaults neither;
    // comparing 200 with the plain 100 would have.
    const at = (valuation: number) =>
      ok(
        stress(
          viewOf([
            fact({ id: "m", kind: "market_cap", from: "H", to: "H", amountUsdBn: 100, date: "2025-12-29" }),
            fact({ id: "i", kind: "investment", from: "H", to: "S", amountUsdBn: 60, date: "2025-06-01" }),
            fact({ id: "s", kind: "stake", from: "H", to: "S", pct: 0.1, date: "2025-06-01" }),
            fact({ id: "v", kind: "valuation", from: "S", to: "S", amountUsdBn: valuation, date: "2026-03-31" }),
            fact({ id: "l", kind: "loan", from: "K", to: "H", amountUsdBn: 50 }),
          ]),
          { shocked: "S", cut: 1 },
        ),
      );
    expect(at(1000).details.borrowers.H).toMatchObject({ headroom: 140, loss: 100, defaulted: false });
    expect(at(2000).details.borrowers.H).toMatchObject({ headroom: 240, loss: 200, defaulted: false });
    expect(at(2000).total.lenderLoss).toBe(0);
    expect(at(2000).details.equity.H).toEqual({ value: 100, markUp: 140, factId: "m" });
  });
});

describe("SoftBank's 13 % on the funded basis (bundled data, one fact edited)", () => {
  const withD003cFunded = (funded: number | null): Dataset => ({
    ...bundledDataset,
    facts: bundledDataset.facts.map((f) => (f.id === "D003c" ? { ...f, fundedUsdBn: funded } : f)),
  });
  const softbank = (d: Dataset, rows: [string, unknown][] = []) =>
    ok(stress(createModel(d).view(null, { includeRumoured: false }), { shocked: "OPENAI", cut: 1, assumptions: scenarioFrom(rows) as ScenarioAssumptions })).details.investor.SFTBY;

  it("the data give no paid figure for D003c's 30: it counts as paid (its firm part), 0.13 × 852", () => {
    expect(softbank(bundledDataset)).toMatchObject({ cancelled: 0, cost: 64.6 });
    expect(softbank(bundledDataset).stakeValue).toBeCloseTo(110.76, 9);
  });
  it("when none of the 2026 30 is paid, the 13 % holds 30 of shares not paid for: 110.76 − 30, and 30 cancelled", () => {
    const sb = softbank(withD003cFunded(0));
    expect(sb.stakeValue).toBeCloseTo(0.13 * 852 - 30, 9);
    expect(sb.cancelled).toBeCloseTo(30, 9);
    // On the committed basis the whole commitment counts.
    expect(softbank(withD003cFunded(0), [["money", "committed"]]).stakeValue).toBeCloseTo(110.76, 9);
  });
});

describe("a buyer in default passes on only the part of its loss beyond its headroom", () => {
  it("B (worth 10, backlog 80) loses 25 of value at a 50 % cut: (25 − 10) / 25 = 0.6 of its lost share 0.25 of its 20 order from C", () => {
    const view = viewOf([
      fact({ id: "c1", kind: "contract", from: "A", to: "B", amountUsdBn: 40 }),
      fact({ id: "c2", kind: "contract", from: "B", to: "C", amountUsdBn: 20 }),
      fact({ id: "m", kind: "loan", from: "M", to: "B", amountUsdBn: 10 }),
      fact({ id: "v", kind: "market_cap", from: "B", to: "B", amountUsdBn: 10 }),
      fact({ id: "k", kind: "backlog", from: "B", to: "B", amountUsdBn: 80, unit: "USD bn RPO" }),
      fact({ id: "vc", kind: "market_cap", from: "C", to: "C", amountUsdBn: 1000 }),
    ]);
    // Value lost 0.5 × 40/5 × 0.25 × 25 = 25 > 10: default; its lost share of backlog 20/80 = 0.25.
    const r = ok(stress(view, { shocked: "A", cut: 0.5 }));
    expect(r.details.newDefaults).toEqual(["B"]);
    expect(r.details.passedThrough.C).toBeCloseTo(0.25 * 0.6 * 20, 12); // 3
    // C, worth 1,000, loses the value of that revenue too: 3 over the 5-year term × 0.25 × 25.
    expect(r.lines.find((l) => l.id === "C")?.marketValueAtRisk).toBeCloseTo((3 / 5) * 0.25 * 25, 12);
    // M: B's shortfall 15 is beyond its 10 of debt: 10 × (1 − 0.4).
    expect(r.lines.find((l) => l.id === "M")?.lenderLoss).toBeCloseTo(6, 12);
    // At the edge of default nothing is passed on: 0.2 × 40/5 × 0.25 × 25 = 10 = the headroom.
    expect(ok(stress(view, { shocked: "A", cut: 0.2 })).details.passedThrough.C).toBeUndefined();
  });
});

describe("a firm without a value fact is tested on its contracts' contribution (bundled, latest)", () => {
  it("Nebius: 20.4 contracted (C069 17.4 + C130 3) × 0.19 + N058 2 − N046 4.5 = 1.376; Microsoft failing takes 17.4 × 0.19", () => {
    const latest = createModel(bundledDataset).view(null, { includeRumoured: false });
    const r = ok(stress(latest, { shocked: "MSFT", cut: 1 }));
    expect(r.details.borrowers.NBIS.headroom).toBeCloseTo(20.4 * 0.19 + 2 - 4.5, 9);
    expect(r.details.borrowers.NBIS).toMatchObject({ defaulted: true });
    expect(r.lines.find((l) => l.id === "BONDHOLDERS")?.lenderLoss).toBeCloseTo((17.4 * 0.19 - (20.4 * 0.19 + 2 - 4.5)) * 0.6, 9); // 1.158
  });
});

describe("guarantees (review 2, finding 3): the guarantor pays, the guaranteed lose only the rest", () => {
  it("a guarantee of the shocked entity's obligations is called at cut × cap and is the guarantor's credit loss", () => {
    // G guarantees S's leases up to 40; S also owes K 10. A 25 % cut calls 0.25 × 40 = 10 from G; K loses
    // 0.25 × 10 × 0.6 = 1.5 as before (the guarantee names S's leases, not its loan).
    const view = viewOf([
      fact({ id: "g", kind: "guarantee", from: "G", to: "S", amountUsdBn: 40 }),
      fact({ id: "l", kind: "loan", from: "K", to: "S", amountUsdBn: 10 }),
    ]);
    const r = ok(stress(view, { shocked: "S", cut: 0.25 }));
    expect(r.lines.find((l) => l.id === "G")?.lenderLoss).toBeCloseTo(10, 12);
    expect(r.lines.find((l) => l.id === "K")?.lenderLoss).toBeCloseTo(1.5, 12);
    expect(r.details.guarantees.G).toMatchObject({ called: 10, cap: 40, beneficiaries: ["S"], factIds: ["g"] });
    expect(r.total.lenderLoss).toBeCloseTo(11.5, 12);
  });
  it("a guarantee of a defaulting borrower's debt pays its lenders' loss up to the cap: no dollar twice", () => {
    // The credit web above (B worth 50, owes L 20 and M 60) with G guaranteeing B's debt up to 30. At a full cut
    // L and M would lose 12 + 36 = 48; G pays 30 and they lose 18, in the same 1 : 3 proportion (4.5 and 13.5).
    const view = viewOf([
      ...CREDIT_WEB,
      fact({ id: "g", kind: "guarantee", from: "G", to: "B", amountUsdBn: 30 }),
    ]);
    const r = ok(stress(view, { shocked: "A", cut: 1 }));
    const loss = (id: string) => r.lines.find((l) => l.id === id)?.lenderLoss ?? 0;
    expect(loss("G")).toBeCloseTo(30, 12);
    expect(loss("L")).toBeCloseTo(4.5, 12);
    expect(loss("M")).toBeCloseTo(13.5, 12);
    expect(r.total.lenderLoss).toBeCloseTo(48, 12); // the same 48 as without the guarantee, split differently
    // At c = 0.1 the lenders' 7.5 (12.5 unpaid × 0.6) is under the cap: G pays it all.
    const small = ok(stress(view, { shocked: "A", cut: 0.1 }));
    expect(small.lines.find((l) => l.id === "G")?.lenderLoss).toBeCloseTo(7.5, 12);
    expect(small.lines.find((l) => l.id === "L")?.lenderLoss ?? 0).toBeCloseTo(0, 12);
  });
});

describe("one dilution rule for every holder (review 2, finding 2)", () => {
  // H1 holds 20 % measured in 2025, H2 10 % measured after the round. Round R raises 50 on 2026-03-01 at
  // 250 post-money (the valuation V of that date): H1's 20 % becomes 20 % × 200/250 = 16 %, worth 40; H2's
  // percentage is already post-round, 10 % × 250 = 25.
  const facts = [
    fact({ id: "s1", kind: "stake", from: "H1", to: "C", pct: 0.2, date: "2025-06-01" }),
    fact({ id: "s2", kind: "stake", from: "H2", to: "C", pct: 0.1, date: "2026-03-01" }),
    fact({ id: "r", kind: "investment", from: "R", to: "C", amountUsdBn: 50, date: "2026-03-01" }),
    fact({ id: "v", kind: "valuation", from: "C", to: "C", amountUsdBn: 250, date: "2026-03-01", unit: "post-money valuation USD bn" }),
  ];
  const asGroup = (v: ReturnType<typeof viewOf>) => ({ ...v, entities: v.entities.map((e) => (e.id === "R" ? { ...e, roles: ["aggregate" as const], members: ["H2"] } : e)) });
  it("post-money: a percentage measured before the round is diluted by (V − raised) / V", () => {
    const r = ok(stress(asGroup(viewOf(facts)), { shocked: "C", cut: 1 }));
    expect(r.details.investor.H1.stakeValue).toBeCloseTo(0.2 * 200, 12);
    expect(r.details.investor.H1.factIds).toEqual(["s1", "r", "v"]);
    expect(r.details.investor.H2.stakeValue).toBeCloseTo(0.1 * 250, 12);
  });
  it("pre-money: the stake priced at the pre-money figure is not diluted; a later post-money valuation dilutes by V / (V + raised)", () => {
    const pre = facts.map((f) => (f.id === "v" ? { ...f, amountUsdBn: 200, unit: "pre-money valuation USD bn" } : f));
    expect(ok(stress(asGroup(viewOf(pre)), { shocked: "C", cut: 1 })).details.investor.H1.stakeValue).toBeCloseTo(0.2 * 200, 12);
    const later = [...pre, fact({ id: "v2", kind: "valuation", from: "C", to: "C", amountUsdBn: 500, date: "2026-06-01" })];
    // 20 % × 200/250 = 16 % of 500 = 80.
    expect(ok(stress(asGroup(viewOf(later)), { shocked: "C", cut: 1 })).details.investor.H1.stakeValue).toBeCloseTo(0.16 * 500, 12);
  });
});
