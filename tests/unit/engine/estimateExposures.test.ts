import fc from "fast-check";
import { estimateExposures } from "../../../src/engine/estimateExposures";
import { isEngineError, type EngineError } from "../../../src/engine/result";
import { ok } from "./engineResult";

function expectError(result: unknown, code: EngineError["code"], mentions = ""): void {
  expect(isEngineError(result)).toBe(true);
  expect((result as EngineError).code).toBe(code);
  expect((result as EngineError).message).toContain(mentions);
}

const rowTotals = (m: number[][]): number[] => m.map((row) => row.reduce((s, x) => s + x, 0));
const colTotals = (m: number[][]): number[] => m[0].map((_, j) => m.reduce((s, row) => s + row[j], 0));

describe("estimateExposures", () => {
  describe("bad arguments", () => {
    it("returns INVALID_INPUT for negative or non-finite totals", () => {
      expectError(estimateExposures({ rowSums: [1, -2], colSums: [1, 1] }), "INVALID_INPUT", "rowSums[1] is negative");
      expectError(estimateExposures({ rowSums: [1, 2], colSums: [NaN, 1] }), "INVALID_INPUT", "colSums[0]");
    });
    it("returns INVALID_INPUT when the totals have different lengths", () => {
      expectError(estimateExposures({ rowSums: [1, 2, 3], colSums: [3, 3] }), "INVALID_INPUT", "colSums has 2 entries, expected 3");
    });
    it("returns INVALID_INPUT for a prior of the wrong shape or sign", () => {
      expectError(estimateExposures({ rowSums: [1, 1], colSums: [1, 1], prior: [[0, 1]] }), "INVALID_INPUT", "prior has 1 rows, expected 2");
      expectError(estimateExposures({ rowSums: [1, 1], colSums: [1, 1], prior: [[0, -1], [1, 0]] }), "INVALID_INPUT", "prior[0][1] is negative");
    });
    it("returns INVALID_INPUT for a tolerance or iteration cap out of range", () => {
      expectError(estimateExposures({ rowSums: [1, 1], colSums: [1, 1], tolerance: 0 }), "INVALID_INPUT", "tolerance");
      expectError(estimateExposures({ rowSums: [1, 1], colSums: [1, 1], maxIterations: 0 }), "INVALID_INPUT", "maxIterations");
    });
    it("returns INVALID_INPUT for more nodes than an n × n result can hold", () => {
      const many = new Array<number>(3001).fill(1);
      expectError(estimateExposures({ rowSums: many, colSums: many }), "INVALID_INPUT", "at most 3000 nodes");
    });
    it("returns INVALID_INPUT when only the columns have a total", () => {
      expectError(estimateExposures({ rowSums: [0, 0], colSums: [1, 1] }), "INVALID_INPUT", "rowSums are all zero");
    });
  });

  describe("reference values", () => {
    it("reproduces the maximum-entropy matrix of Anand, Craig & von Peter (2015, p. 628) as NetworkRiskMeasures prints it", () => {
      // Seven banks a–g; total interbank assets (row sums) A and liabilities (column sums) L. Published
      // ME estimate (NetworkRiskMeasures README and tests/testthat/test_2_matrix_est.R), rounded to 2 dp.
      const A = [7, 5, 3, 1, 3, 0, 1];
      const L = [4, 5, 5, 0, 0, 2, 4];
      const published = [
        [0.0, 2.53, 2.18, 0, 0, 0.74, 1.55],
        [1.72, 0.0, 1.6, 0, 0, 0.54, 1.14],
        [0.98, 1.06, 0.0, 0, 0, 0.31, 0.65],
        [0.25, 0.27, 0.23, 0, 0, 0.08, 0.17],
        [0.75, 0.81, 0.7, 0, 0, 0.24, 0.5],
        [0.0, 0.0, 0.0, 0, 0, 0.0, 0.0],
        [0.3, 0.32, 0.28, 0, 0, 0.09, 0.0],
      ];
      const M = ok(estimateExposures({ rowSums: A, colSums: L }));
      expect(M.map((row) => row.map((x) => Math.round(x * 100) / 100))).toEqual(published);
    });

    it("reproduces the worked RAS example of Wikipedia's 'Iterative proportional fitting' (ProportionalFitting.jl README)", () => {
      // Seed X = [[40, 30, 20, 10], [35, 50, 100, 75], [30, 80, 70, 120], [20, 30, 40, 50]], row targets
      // (150, 300, 400, 150), column targets (200, 300, 400, 100). Published fitted table:
      const published = [
        [64.5585, 46.2325, 35.3843, 3.82473],
        [49.9679, 68.1594, 156.499, 25.3742],
        [56.7219, 144.428, 145.082, 53.7673],
        [28.7516, 41.18, 63.0347, 17.0337],
      ];
      const M = ok(
        estimateExposures({
          rowSums: [150, 300, 400, 150],
          colSums: [200, 300, 400, 100],
          prior: [
            [40, 30, 20, 10],
            [35, 50, 100, 75],
            [30, 80, 70, 120],
            [20, 30, 40, 50],
          ],
        }),
      );
      M.forEach((row, i) => row.forEach((x, j) => expect(Math.abs(x - published[i][j])).toBeLessThan(6e-4)));
    });

    it("matches every row and column total, keeps a zero diagonal and stays non-negative", () => {
      // Totals taken from a random zero-diagonal matrix with positive off-diagonal entries are feasible.
      const truth = fc.integer({ min: 2, max: 8 }).chain((n) =>
        fc.array(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
      );
      fc.assert(
        fc.property(truth, (X) => {
          X.forEach((row, i) => (row[i] = 0));
          const r = rowTotals(X);
          const c = colTotals(X);
          const total = r.reduce((s, x) => s + x, 0);
          const M = ok(estimateExposures({ rowSums: r, colSums: c }));
          M.forEach((row, i) => {
            expect(row[i]).toBe(0);
            row.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
          });
          rowTotals(M).forEach((x, i) => expect(Math.abs(x - r[i])).toBeLessThanOrEqual(1e-9 * total));
          colTotals(M).forEach((x, j) => expect(Math.abs(x - c[j])).toBeLessThanOrEqual(1e-9 * total));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("defaults", () => {
    it("spreads evenly over the other nodes when all totals are equal (zero-diagonal prior)", () => {
      expect(estimateExposures({ rowSums: [1, 1, 1], colSums: [1, 1, 1] })).toEqual([
        [0, 0.5, 0.5],
        [0.5, 0, 0.5],
        [0.5, 0.5, 0],
      ]);
    });
    it("meets the default tolerance of 1e-10 of the grand total", () => {
      const M = ok(estimateExposures({ rowSums: [7, 5, 3, 1], colSums: [4, 5, 5, 2] }));
      rowTotals(M).forEach((x, i) => expect(Math.abs(x - [7, 5, 3, 1][i])).toBeLessThanOrEqual(16e-10));
    });
  });

  describe("edge cases", () => {
    it("scales the column totals to the row totals when they disagree", () => {
      // Rows add up to 3, columns to 6: columns are halved to (1, 1, 1).
      const M = ok(estimateExposures({ rowSums: [1, 1, 1], colSums: [2, 2, 2] }));
      colTotals(M).forEach((x) => expect(x).toBeCloseTo(1, 12));
      rowTotals(M).forEach((x) => expect(x).toBeCloseTo(1, 12));
    });
    it("returns a zero matrix when every total is zero, and [] for no nodes", () => {
      expect(estimateExposures({ rowSums: [0, 0], colSums: [0, 0] })).toEqual([
        [0, 0],
        [0, 0],
      ]);
      expect(estimateExposures({ rowSums: [], colSums: [] })).toEqual([]);
    });
    it("returns NOT_CONVERGENT when a node would have to lend to itself", () => {
      // Node 0 lends 5 and borrows 5, and nobody else does anything: only a self-loan fits.
      expectError(estimateExposures({ rowSums: [5, 0], colSums: [5, 0] }), "NOT_CONVERGENT", "estimateExposures");
      expectError(estimateExposures({ rowSums: [3], colSums: [3] }), "NOT_CONVERGENT");
    });
    it("keeps the prior's structural zeros", () => {
      const M = ok(estimateExposures({ rowSums: [2, 1, 1], colSums: [1, 2, 1], prior: [[0, 1, 1], [1, 0, 0], [0, 1, 0]] }));
      expect(M[1][2]).toBe(0);
      expect(M[2][0]).toBe(0);
      expect(M[2][1]).toBeCloseTo(1, 9);
    });
  });

  describe("realistic scenario", () => {
    it("spreads four lenders' books over four AI borrowers when only the totals are disclosed", () => {
      // USD bn. Lenders disclose total AI-infrastructure lending, borrowers total borrowings; the
      // matrix (including a borrower that also lends) must respect both and nobody lends to itself.
      const ids = ["JPM", "MUFG", "ORCL", "CRWV"];
      const lent = [38, 22, 10, 0];
      const borrowed = [0, 0, 40, 30];
      const M = ok(estimateExposures({ rowSums: lent, colSums: borrowed }));
      expect(M[ids.indexOf("ORCL")][ids.indexOf("ORCL")]).toBe(0);
      // ORCL can only lend to CRWV: its whole 10 goes there.
      expect(M[2][3]).toBeCloseTo(10, 8);
      // JPM and MUFG share the rest in proportion to their books: 40 to ORCL and 20 to CRWV.
      expect(M[0][2] / M[1][2]).toBeCloseTo(38 / 22, 8);
      expect(M[0][2] + M[1][2]).toBeCloseTo(40, 8);
      expect(M[0][3] + M[1][3]).toBeCloseTo(20, 8);
    });
  });
});
