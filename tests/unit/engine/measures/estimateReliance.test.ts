/**
 * Which summary figures rest on our estimates (review 2, finding 8; docs/methodology.md §8), hand-computed
 * on the bundled model in two views.
 */
import { entityMetrics } from "../../../../src/engine";
import { getBundledModel } from "../../../../src/model";

const model = getBundledModel();

describe("entityMetrics(view, X, money, withoutEstimates).restsOnEstimates", () => {
  it("latest: Nvidia's 32 = min(D003b 30, E02 105) + min(XAI 2, 12.5) is 2 without E02; share 32/157.5 → 2/52.5", () => {
    const m = entityMetrics(model.view(null), "NVDA", "firm", model.view(null, { includeRumoured: false, includeEstimates: false }));
    expect(m.selfFunded).toBe(30 + 2);
    expect(m.share).toBeCloseTo(32 / 157.5, 12);
    expect(m.restsOnEstimates?.selfFunded).toEqual({ estimateIds: ["E02"], without: 2 });
    expect(m.restsOnEstimates?.fundedBacklog).toEqual({ estimateIds: ["E02"], without: 12.5 });
    expect(m.restsOnEstimates?.share?.estimateIds).toEqual(["E02"]);
    expect(m.restsOnEstimates?.share?.without).toBeCloseTo(2 / 52.5, 12);
  });

  it("announced view (2026-02-27): the same 32 (C003 30 + 2) and 2 without E02", () => {
    const m = entityMetrics(model.view("2026-02-27"), "NVDA", "firm", model.view("2026-02-27", { includeRumoured: false, includeEstimates: false }));
    expect(m.selfFunded).toBe(32);
    expect(m.restsOnEstimates?.selfFunded).toEqual({ estimateIds: ["E02"], without: 2 });
  });

  it("says nothing where no estimate is behind a figure (Microsoft), or when no view without estimates is given", () => {
    expect(entityMetrics(model.view(null), "MSFT", "firm", model.view(null, { includeRumoured: false, includeEstimates: false })).restsOnEstimates).toEqual({});
    expect(entityMetrics(model.view(null), "NVDA").restsOnEstimates).toBeUndefined();
  });
});
