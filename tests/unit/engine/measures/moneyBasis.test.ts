/**
 * The money basis (issue 9, funded versus committed; docs/methodology.md §1): one vocabulary declared once,
 * one rule per fact (moneyOf), and properties that hold on any data: every basis lies within the headline,
 * firm money never exceeds committed money in any measure, and contingent money never counts as funding.
 */
import fc from "fast-check";
import { capexOffset } from "../../../../src/engine/capexOffset";
import { circularShare, exposureTable, fundedBacklog, roundTripRatio, selfFundedExposure } from "../../../../src/engine/exposure";
import { funding, totalContractsIn, totalFundingOut } from "../../../../src/engine/flows";
import { isEngineError } from "../../../../src/engine/result";
import { CHANNEL_IS_CONTINGENT, DEFAULT_MONEY_BASIS, FUNDING_CHANNELS, KIND_MEANINGS, MONEY_BASES, MONEY_BASIS_MEANINGS, moneyOf, type Fact, type ModelView } from "../../../../src/model";
import { moneyParam } from "../../../../src/functions/params";
import { fact, viewOf } from "./fixtures";

describe("the money-basis vocabulary", () => {
  it("is declared once: the meanings, the default and the functions' money argument all read MONEY_BASES", () => {
    expect(Object.keys(MONEY_BASIS_MEANINGS)).toEqual([...MONEY_BASES]);
    expect(DEFAULT_MONEY_BASIS).toBe("firm");
    expect(moneyParam.allowed).toBe(MONEY_BASES);
    expect(moneyParam.default).toBe(DEFAULT_MONEY_BASIS);
  });
  it("classifies every funding channel as contingent or not; only the backstop channel (guarantees, backstops) is", () => {
    expect(FUNDING_CHANNELS.filter((c) => CHANNEL_IS_CONTINGENT[c])).toEqual(["backstop"]);
  });
});

describe("moneyOf, by hand", () => {
  const f = (partial: Partial<Fact>): Fact => fact({ id: "x", kind: "investment", from: "A", to: "B", amountUsdBn: 50, ...partial });
  it("Amazon's C002 shape: 50 with 35 conditional → firm 15, funded 15 (no payment recorded), committed 50", () => {
    const c002 = f({ conditionalUsdBn: 35 });
    expect(MONEY_BASES.map((b) => moneyOf(c002, b))).toEqual([15, 15, 50]);
  });
  it("Microsoft's C097b shape: 13 with 11.6 funded → firm 13, funded 11.6, committed 13", () => {
    const c097b = f({ amountUsdBn: 13, fundedUsdBn: 11.6 });
    expect(MONEY_BASES.map((b) => moneyOf(c097b, b))).toEqual([13, 11.6, 13]);
  });
  it("a letter of intent (C018: 100, all conditional) → 0 firm and funded, 100 committed", () => {
    expect(MONEY_BASES.map((b) => moneyOf(f({ amountUsdBn: 100, conditionalUsdBn: 100 }), b))).toEqual([0, 0, 100]);
  });
  it("a guarantee (N023: cap 105) → firm 105 (its own kind), funded 0 until called, committed 105", () => {
    expect(MONEY_BASES.map((b) => moneyOf(f({ kind: "guarantee", amountUsdBn: 105 }), b))).toEqual([105, 0, 105]);
    expect(moneyOf(f({ kind: "guarantee", amountUsdBn: 105, fundedUsdBn: 20 }), "funded")).toBe(20);
  });
  it("kinds without certainty count as they stand; no amount stays null", () => {
    expect(KIND_MEANINGS.capex.certainty).toBe(false);
    expect(moneyOf(f({ kind: "capex", from: "A", to: "A", amountUsdBn: 220, conditionalUsdBn: 100 }), "firm")).toBe(220);
    expect(moneyOf(f({ amountUsdBn: null }), "firm")).toBeNull();
  });
  it("clamps inconsistent fields into [0, amount]: conditional above the amount, funded above it", () => {
    expect(moneyOf(f({ amountUsdBn: 5, conditionalUsdBn: 20 }), "firm")).toBe(0);
    expect(moneyOf(f({ amountUsdBn: 5, fundedUsdBn: 9 }), "funded")).toBe(5);
  });
});

const IDS = ["A", "B", "C", "D"];
const row = fc.record({
  kind: fc.constantFrom<Fact["kind"]>("investment", "loan", "guarantee", "warrant", "contract"),
  from: fc.constantFrom(...IDS),
  to: fc.constantFrom(...IDS),
  amount: fc.double({ min: 0, max: 500, noNaN: true }),
  conditional: fc.option(fc.double({ min: 0, max: 600, noNaN: true }), { nil: null }),
  funded: fc.option(fc.double({ min: 0, max: 600, noNaN: true }), { nil: null }),
  date: fc.constantFrom("2025-03-01", "2025-09-01", "2026-03-01"),
});
const views = fc.array(row, { maxLength: 20 }).map(
  (rows): ModelView =>
    viewOf(
      [
        ...rows.map((r, i) =>
          fact({ id: `m${i}`, kind: r.kind, from: r.from, to: r.to, amountUsdBn: r.amount, conditionalUsdBn: r.conditional, fundedUsdBn: r.funded, date: r.date }),
        ),
        fact({ id: "capA", kind: "capex", from: "A", to: "A", amountUsdBn: 100, periodMonths: 12, periodEnd: "2026-12-31", date: "2026-01-15" }),
      ],
      IDS,
    ),
);

describe("properties on any data (fast-check)", () => {
  it("every basis lies within the headline; firm and funded never exceed committed in any measure", () => {
    fc.assert(
      fc.property(views, (view) => {
        for (const id of IDS) {
          const committed = { out: totalFundingOut(view, id, "all", "committed"), cin: totalContractsIn(view, id, "committed"), sf: selfFundedExposure(view, id, "committed"), fb: fundedBacklog(view, id, "committed") };
          for (const b of ["firm", "funded"] as const) {
            expect(totalFundingOut(view, id, "all", b)).toBeLessThanOrEqual(committed.out + 1e-9);
            expect(totalContractsIn(view, id, b)).toBeLessThanOrEqual(committed.cin + 1e-9);
            expect(selfFundedExposure(view, id, b)).toBeLessThanOrEqual(committed.sf + 1e-9);
            expect(fundedBacklog(view, id, b)).toBeLessThanOrEqual(committed.fb + 1e-9);
            expect(capexOffset(view, id, b).amount).toBeLessThanOrEqual(capexOffset(view, id, "committed").amount + 1e-9);
            const ratio = capexOffset(view, id, b).ratio;
            if (!isEngineError(ratio)) expect(ratio).toBeGreaterThanOrEqual(0);
            const share = circularShare(view, id, b);
            if (!isEngineError(share)) expect(share).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a guarantee never enters \"all\", self-funded exposure or a round trip, on any basis", () => {
    fc.assert(
      fc.property(views, (view) => {
        const withoutGuarantees: ModelView = { ...view, facts: view.facts.filter((f) => f.kind !== "guarantee") };
        for (const id of IDS) {
          for (const b of MONEY_BASES) {
            expect(selfFundedExposure(view, id, b)).toBeCloseTo(selfFundedExposure(withoutGuarantees, id, b), 9);
            for (const y of IDS) {
              expect(funding(view, id, y, "all", b)).toBeCloseTo(funding(withoutGuarantees, id, y, "all", b), 9);
              const r1 = roundTripRatio(view, id, y, b);
              const r2 = roundTripRatio(withoutGuarantees, id, y, b);
              expect(isEngineError(r1) ? r1.code : r1).toEqual(isEngineError(r2) ? r2.code : r2);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the exposure table's self-funded column sums to the measure on the same basis", () => {
    fc.assert(
      fc.property(views, (view) => {
        for (const id of IDS) {
          for (const b of MONEY_BASES) {
            const sum = exposureTable(view, id, b).reduce((s, r) => s + r.selfFunded, 0);
            expect(sum).toBeCloseTo(selfFundedExposure(view, id, b), 9);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
