/** Direct measures on the synthetic web of fixtures.ts; every expected value is worked out by hand beside it. */
import { capexOffset } from "../../../../src/engine/capexOffset";
import { entityMetrics, factsBehind } from "../../../../src/engine/entityMetrics";
import { circularShare, exposureTable, fundedBacklog, roundTripRatio, selfFundedExposure } from "../../../../src/engine/exposure";
import { contractValue, funding, totalContractsIn, totalFundingOut } from "../../../../src/engine/flows";
import { isEngineError } from "../../../../src/engine/result";
import { stakeOf } from "../../../../src/engine/stakeOf";
import { indexOf } from "../../../../src/engine/viewIndex";
import { fact, viewOf, webView } from "./fixtures";

describe("funding and contractValue", () => {
  it("sums the investment facts from INV to LAB (f1 10 + f2 4)", () => {
    expect(funding(webView(), "INV", "LAB")).toBe(14);
    expect(funding(webView(), "INV", "LAB", "equity")).toBe(14);
    expect(funding(webView(), "INV", "LAB", "debt")).toBe(0);
  });
  it("separates loans and backstops by kind", () => {
    const view = webView();
    expect(funding(view, "BANK", "CLOUD", "debt")).toBe(20);
    expect(funding(view, "CHIP", "CLOUD", "backstop")).toBe(2);
    expect(funding(view, "CHIP", "CLOUD", "equity")).toBe(0);
    // The backstop f9 is contingent: reported under "backstop", never in "all".
    expect(funding(view, "CHIP", "CLOUD")).toBe(0);
    expect(totalFundingOut(view, "CHIP")).toBe(6); // f7 6
    expect(totalFundingOut(view, "CHIP", "backstop")).toBe(2); // f9
  });
  it("ignores a contract fact without an amount (f17, 2 GW)", () => {
    expect(contractValue(webView(), "LAB", "INV")).toBe(50);
    expect(totalContractsIn(webView(), "INV")).toBe(120); // f3 50 + f10 70
  });
  it("reads direction: contracts run buyer → vendor, not back", () => {
    expect(contractValue(webView(), "INV", "LAB")).toBe(0);
  });
  it("gives zero for ids the view does not know", () => {
    expect(funding(webView(), "NOPE", "LAB")).toBe(0);
    expect(contractValue(webView(), "LAB", "NOPE")).toBe(0);
  });
  it("does not count a from = to loan (a debt balance) as funding", () => {
    const view = viewOf([fact({ id: "b", kind: "loan", from: "A", to: "A", amountUsdBn: 100 })]);
    expect(funding(view, "A", "A")).toBe(0);
  });
});

describe("selfFundedExposure, fundedBacklog, circularShare", () => {
  it("INV: min(F 14, C 50) = 14 of 120 contracted", () => {
    const view = webView();
    expect(selfFundedExposure(view, "INV")).toBe(14);
    expect(fundedBacklog(view, "INV")).toBe(50);
    expect(circularShare(view, "INV")).toBeCloseTo(14 / 120, 12);
  });
  it("CHIP: min(6, 4) from LAB = 4 of 16; the backstop of CLOUD (f9 2) is contingent and funds nothing", () => {
    const view = webView();
    expect(selfFundedExposure(view, "CHIP")).toBe(4);
    expect(fundedBacklog(view, "CHIP")).toBe(4); // LAB's f8 only: CLOUD is not funded
    expect(circularShare(view, "CHIP")).toBeCloseTo(4 / 16, 12);
  });
  it("CLOUD funds nobody: zero self-funded, share 0 of its 30", () => {
    expect(selfFundedExposure(webView(), "CLOUD")).toBe(0);
    expect(circularShare(webView(), "CLOUD")).toBe(0);
  });
  it("returns DIV_ZERO for the share of an entity without contracted revenue", () => {
    const share = circularShare(webView(), "BANK");
    expect(isEngineError(share) && share.code).toBe("DIV_ZERO");
  });
});

describe("roundTripRatio", () => {
  it("INV → LAB: 50 / 14", () => {
    expect(roundTripRatio(webView(), "INV", "LAB")).toBeCloseTo(50 / 14, 12);
  });
  it("is DIV_ZERO when the investor has not funded the investee", () => {
    const r = roundTripRatio(webView(), "CLOUD", "LAB");
    expect(isEngineError(r) && r.code).toBe("DIV_ZERO");
  });
  it("is 0 when funded but nothing is bought back (BANK → CLOUD)", () => {
    expect(roundTripRatio(webView(), "BANK", "CLOUD")).toBe(0);
  });
});

describe("capexOffset", () => {
  it("INV: equity 14 into customer LAB; the ratio pairs f11's year (to 2025-06-30, the quarterly f12 skipped) with the 4 funded in it (f2; f1 is 2024-01-01)", () => {
    const offset = capexOffset(webView(), "INV");
    expect(offset.amount).toBe(14);
    expect(offset.periodAmount).toBe(4);
    expect(offset.period).toMatchObject({ capexFactId: "f11", start: "2024-06-30", end: "2025-06-30" });
    expect(offset.ratio).toBeCloseTo(0.04, 12);
  });
  it("CHIP: equity 6 into LAB counts, the backstop to CLOUD does not; no capex is NOT_AVAILABLE", () => {
    const offset = capexOffset(webView(), "CHIP");
    expect(offset.amount).toBe(6);
    expect(isEngineError(offset.ratio) && offset.ratio.code).toBe("NOT_AVAILABLE");
  });
  it("leaves out equity into a company that buys nothing from the investor", () => {
    const view = viewOf([fact({ id: "i", kind: "investment", from: "A", to: "B", amountUsdBn: 5 })]);
    expect(capexOffset(view, "A").amount).toBe(0);
  });
});

describe("stakeOf", () => {
  it("reads pct and derives value = pct × latest valuation (0.2 × 200)", () => {
    expect(stakeOf(webView(), "INV", "LAB", "pct")).toBe(0.2);
    expect(stakeOf(webView(), "INV", "LAB", "value")).toBeCloseTo(40, 12);
  });
  it("reads cost from a cost-basis stake, value NOT_AVAILABLE without a valuation", () => {
    expect(stakeOf(webView(), "CHIP", "CLOUD", "cost")).toBe(3);
    const value = stakeOf(webView(), "CHIP", "CLOUD", "value");
    expect(isEngineError(value) && value.code).toBe("NOT_AVAILABLE");
  });
  it("prefers a value-basis amount over the derivation", () => {
    const view = viewOf([
      fact({ id: "s", kind: "stake", from: "A", to: "B", amountUsdBn: 135, amountBasis: "value", pct: 0.27 }),
      fact({ id: "v", kind: "valuation", from: "B", to: "B", amountUsdBn: 1000 }),
    ]);
    expect(stakeOf(view, "A", "B", "value")).toBe(135);
  });
  it("is NOT_AVAILABLE for every field when no stake fact exists", () => {
    for (const field of ["pct", "value", "cost"] as const) {
      const r = stakeOf(webView(), "LAB", "INV", field);
      expect(isEngineError(r) && r.code).toBe("NOT_AVAILABLE");
    }
  });
});

describe("exposureTable", () => {
  it("lists LAB (circular) before OTHER (plain customer) with the facts behind each", () => {
    expect(exposureTable(webView(), "INV")).toEqual([
      { counterparty: "LAB", fundingOut: 14, contractsIn: 50, fundingOutCommitted: 14, contingentOut: 0, selfFunded: 14, roundTripRatio: 50 / 14, factIds: ["f1", "f2", "f3"] },
      { counterparty: "OTHER", fundingOut: 0, contractsIn: 70, fundingOutCommitted: 0, contingentOut: 0, selfFunded: 0, roundTripRatio: null, factIds: ["f10"] },
    ]);
  });
  it("is empty for an id without facts", () => {
    expect(exposureTable(webView(), "NOPE")).toEqual([]);
  });
});

describe("entityMetrics", () => {
  it("collects INV's card figures and their fact ids", () => {
    const m = entityMetrics(webView(), "INV");
    expect(m).toMatchObject({ id: "INV", selfFunded: 14, fundedBacklog: 50, capexOffset: 14, marketValue: 500 });
    expect(m.share).toBeCloseTo(14 / 120, 12);
    expect(m.capexOffsetRatio).toBeCloseTo(0.04, 12); // 4 funded in f11's year / 100
    expect(m.factIds.selfFunded).toEqual(["f1", "f2", "f3"]);
    expect(m.factIds.capexOffsetRatio).toEqual(["f1", "f2", "f11"]);
    // f18 records value lost (negative), not a market value.
    expect(m.factIds.marketValue).toEqual(["f13"]);
  });
  it("gives zeros and nulls for an unknown id", () => {
    const none = { selfFunded: 0, fundedBacklog: 0, share: null, capexOffset: 0, capexOffsetRatio: null };
    expect(entityMetrics(webView(), "NOPE")).toEqual({
      id: "NOPE",
      money: "firm",
      byBasis: { firm: none, funded: none, committed: none },
      selfFunded: 0,
      fundedBacklog: 0,
      share: null,
      capexOffset: 0,
      capexOffsetRatio: null,
      marketValue: null,
      factIds: { selfFunded: [], fundedBacklog: [], share: [], capexOffset: [], capexOffsetRatio: [], marketValue: [] },
    });
  });
});

describe("factsBehind", () => {
  it("returns the facts between two entities, oldest first, amountless ones included", () => {
    expect(factsBehind(webView(), "INV", "LAB").map((f) => f.id)).toEqual(["f1", "f2", "f3", "f15", "f17"]);
  });
  it("returns every fact naming the entity when no counterparty is given", () => {
    expect(factsBehind(webView(), "CLOUD").map((f) => f.id).sort()).toEqual(["f19", "f4", "f5", "f6", "f9"].sort());
  });
});

describe("the per-view index", () => {
  it("is built once per view object and reused", () => {
    const view = webView();
    expect(indexOf(view)).toBe(indexOf(view));
    expect(indexOf(webView())).not.toBe(indexOf(view));
  });
  it("keeps a group's facts on the group id, never on its members", () => {
    const base = viewOf([
      fact({ id: "g", kind: "investment", from: "GROUP", to: "LAB", amountUsdBn: 110 }),
      fact({ id: "m", kind: "investment", from: "MEMBER", to: "LAB", amountUsdBn: 50 }),
    ]);
    const view = { ...base, entities: base.entities.map((e) => (e.id === "GROUP" ? { ...e, roles: ["aggregate" as const], members: ["MEMBER"] } : e)) };
    expect(funding(view, "GROUP", "LAB")).toBe(110);
    expect(funding(view, "MEMBER", "LAB")).toBe(50);
  });
});
