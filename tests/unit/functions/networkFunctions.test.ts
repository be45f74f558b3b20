/**
 * AIFIN.DEBTRANK and AIFIN.ESTIMATE_EXPOSURES over workbook ranges, through a real formula engine
 * (HyperFormula harness) on the published examples the engine tests use: the NetworkRiskMeasures README
 * network for DebtRank, Anand, Craig & von Peter (2015) for the maximum-entropy estimate.
 */
import { createHarness, isCellError, type Harness } from "../../harness/formulaHarness";
import { errorOf, invoke } from "./helpers";

/** NetworkRiskMeasures README: exposures[i][j] = i's asset on j; buffers a 2, b 5, c 2; weights 10, 100, 30. */
const NRM_EXPOSURES = [
  [0, 1, 0],
  [10, 0, 3],
  [3, 2, 0],
];

describe("AIFIN.DEBTRANK in a workbook", () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness({
      Net: [
        // A:C exposures, E capital, F weights, G..I one shock column per scenario, J the 10% shock
        [0, 1, 0, null, 2, 10, 1, 0, 0, 0.1],
        [10, 0, 3, null, 5, 100, 0, 1, 0, 0.1],
        [3, 2, 0, null, 2, 30, 0, 0, 1, 0.1],
        [
          "=AIFIN.DEBTRANK(A1:C3,E1:E3,G1:G3,F1:F3)",
          "=AIFIN.DEBTRANK(A1:C3,E1:E3,H1:H3,F1:F3)",
          "=AIFIN.DEBTRANK(A1:C3,E1:E3,I1:I3,F1:F3)",
          "=AIFIN.DEBTRANK(A1:C3,E1:E3,J1:J3,F1:F3)",
          '=AIFIN.DEBTRANK(A1:C3,E1:E3,J1:J3,F1:F3,"single_hit",1)',
          '=AIFIN.DEBTRANK(A1:C3,E1:E3,J1:J3,F1:F3,,2)',
          "=AIFIN.DEBTRANK(A1:C3,E1:E3,J1:J3,F1:F3,,3)",
        ],
      ],
    });
  });

  it.each([
    ["A4", 0.9285714, "a defaults"],
    ["B4", 0.25, "b defaults"],
    ["C4", 0.6642857, "c defaults"],
    ["D4", 0.1607, "10% shock on every node"],
  ])("%s reproduces the README's additional stress when %s", (cell, expected, _why) => {
    expect(h.getValue("Net", cell)).toBeCloseTo(expected as number, 4);
  });

  it("returns each node's final stress with `node` (README: 0.15, 0.26, 0.30)", () => {
    expect([h.getValue("Net", "E4"), h.getValue("Net", "F4"), h.getValue("Net", "G4")].map((v) => Math.round((v as number) * 100) / 100)).toEqual([0.15, 0.26, 0.3]);
  });

  it("recalculates when an exposure changes: without b's 10 on a, a's default costs b nothing", () => {
    h.setValue("Net", "A2", 0);
    expect(h.getValue("Net", "B4")).toBeCloseTo(0.25, 7); // b's own default is unchanged
    expect(h.getValue("Net", "A4")).toBeLessThan(0.9285714);
    h.setValue("Net", "A2", 10);
    expect(h.getValue("Net", "A4")).toBeCloseTo(0.9285714, 7);
  });
});

describe("AIFIN.DEBTRANK arguments", () => {
  const capital = [[2], [5], [2]];
  const shock = [[1], [0], [0]];
  it("matches the engine on the README network through invoke, differential variant included", () => {
    expect(invoke("DEBTRANK", [NRM_EXPOSURES, capital, shock, [[10], [100], [30]]])).toBeCloseTo(0.9285714, 7);
    expect(typeof invoke("DEBTRANK", [NRM_EXPOSURES, capital, shock, [[10, 100, 30]], "differential"])).toBe("number");
  });

  it.each([
    [[[0, 1], [1, 0], [0, 0]], capital, shock, "must be square"],
    [NRM_EXPOSURES, [[2], [5]], shock, "capital has 2 values but exposures has 3 nodes"],
    [NRM_EXPOSURES, capital, [[1.5], [0], [0]], "shock at position 1 is 1.5"],
    [NRM_EXPOSURES, [[2], ["lots"], [2]], shock, 'capital holds "lots" at position 2'],
    [NRM_EXPOSURES, capital, [[1, 0], [0, 0]], "must be one row or one column"],
  ])("explains what to fix (%#)", (exposures, cap, sh, message) => {
    const e = errorOf(invoke("DEBTRANK", [exposures, cap, sh]));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain(message as string);
  });

  it("refuses a node that does not exist and more nodes than it can run quickly", () => {
    expect(errorOf(invoke("DEBTRANK", [NRM_EXPOSURES, capital, shock, null, null, 4]))?.message).toContain("node 4 does not exist");
    const big = Array.from({ length: 301 }, () => new Array<number>(301).fill(0));
    expect(errorOf(invoke("DEBTRANK", [big, [new Array(301).fill(1)], [new Array(301).fill(0)]]))?.message).toContain("at most 300 nodes");
  });
});

describe("AIFIN.ESTIMATE_EXPOSURES", () => {
  const A = [7, 5, 3, 1, 3, 0, 1];
  const L = [4, 5, 5, 0, 0, 2, 4];

  it("returns the maximum-entropy matrix of Anand, Craig & von Peter (2015), which DEBTRANK takes as its exposures", () => {
    // (The HyperFormula harness fixes a spill's size from the formula text, so the n × n result is read
    // through invoke here; Excel sizes the spill from the result.)
    const M = invoke("ESTIMATE_EXPOSURES", [A.map((a) => [a]), [L]]) as number[][];
    expect(M[0].map((x) => Math.round(x * 100) / 100)).toEqual([0, 2.53, 2.18, 0, 0, 0.74, 1.55]);
    expect(M[6].map((x) => Math.round(x * 100) / 100)).toEqual([0.3, 0.32, 0.28, 0, 0, 0.09, 0]);
    M.forEach((row, i) => expect(row.reduce((sum, x) => sum + x, 0)).toBeCloseTo(A[i], 8));
    const h = createHarness({ Est: [...M.map((row, i) => [...row, null, 1, i === 0 ? 1 : 0]), ["=AIFIN.DEBTRANK(A1:G7,I1:I7,J1:J7)"]] });
    const rank = h.getValue("Est", "A8");
    expect(isCellError(rank)).toBe(false);
    expect(rank as number).toBeGreaterThan(0);
    expect(rank as number).toBeLessThanOrEqual(1);
  });

  it("says when no matrix can match the totals, and checks the totals' shape", () => {
    expect(errorOf(invoke("ESTIMATE_EXPOSURES", [[[1], [0]], [[1], [0]]]))?.code).toBe("#NUM!");
    expect(errorOf(invoke("ESTIMATE_EXPOSURES", [[[1], [1]], [[1], [1], [1]]]))?.message).toContain("col_totals has 3 values but row_totals has 2 nodes");
    expect(errorOf(invoke("ESTIMATE_EXPOSURES", [[[1], [-1]], [[1], [1]]]))?.message).toContain("negative");
  });
});
