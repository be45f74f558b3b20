import fc from "fast-check";
import { leontiefInverse } from "../../../src/engine/leontiefInverse";
import { isEngineError, type EngineError } from "../../../src/engine/result";
import { ok } from "./engineResult";

function expectError(result: unknown, code: EngineError["code"], mentions = ""): void {
  expect(isEngineError(result)).toBe(true);
  expect((result as EngineError).code).toBe(code);
  expect((result as EngineError).message).toContain(mentions);
}

const times = (m: number[][], v: number[]): number[] => m.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));

describe("leontiefInverse", () => {
  describe("bad arguments", () => {
    it("returns INVALID_INPUT for a non-square or ragged matrix", () => {
      expectError(leontiefInverse([[0.1, 0.2]]), "INVALID_INPUT", "a must be square");
      expectError(leontiefInverse([[0.1, 0.2], [0.3]]), "INVALID_INPUT", "a is ragged");
      expectError(leontiefInverse("A1:B2" as never), "INVALID_INPUT", "a must be a matrix");
    });
    it("returns INVALID_INPUT for NaN, Infinity or a negative coefficient", () => {
      expectError(leontiefInverse([[0.1, NaN], [0, 0]]), "INVALID_INPUT", "a[0][1]");
      expectError(leontiefInverse([[0.1, 0], [-Infinity, 0]]), "INVALID_INPUT", "a[1][0]");
      expectError(leontiefInverse([[0.1, 0], [-0.2, 0]]), "INVALID_INPUT", "a[1][0] is negative");
    });
    it("returns NOT_CONVERGENT when the spectral radius is 1 or more", () => {
      expectError(leontiefInverse([[1]]), "NOT_CONVERGENT", "spectral radius");
      expectError(leontiefInverse([[0, 1], [1, 0]]), "NOT_CONVERGENT");
      // Column-stochastic: every column sums to 1, so 1 is an eigenvalue.
      expectError(leontiefInverse([[0.5, 0.3], [0.5, 0.7]]), "NOT_CONVERGENT");
      // ρ = 1.2 > 1: I − A is invertible, but its inverse is negative and the series diverges.
      expectError(leontiefInverse([[0.6, 0.6], [0.6, 0.6]]), "NOT_CONVERGENT");
      expectError(leontiefInverse([[2]]), "NOT_CONVERGENT");
    });
  });

  describe("reference values", () => {
    it("reproduces the two-sector example of Miller & Blair (2009), §2.3", () => {
      // Miller & Blair, Input–Output Analysis, 2nd ed.: Z = [[150, 500], [200, 100]], x = (1000, 2000),
      // A = [[0.15, 0.25], [0.20, 0.05]]; published L = [[1.2541, 0.3300], [0.2640, 1.1221]], and for new
      // final demand f = (600, 1500) the outputs x = (1247.52, 1841.58).
      const L = ok(leontiefInverse([[0.15, 0.25], [0.2, 0.05]]));
      expect(L[0][0]).toBeCloseTo(1.2541, 4);
      expect(L[0][1]).toBeCloseTo(0.33, 4);
      expect(L[1][0]).toBeCloseTo(0.264, 4);
      expect(L[1][1]).toBeCloseTo(1.1221, 4);
      const x = times(L, [600, 1500]);
      expect(x[0]).toBeCloseTo(1247.52, 2);
      expect(x[1]).toBeCloseTo(1841.58, 2);
    });

    it("reproduces the environmentally extended example of Kitzes (2013)", () => {
      // Kitzes, "An Introduction to Environmentally-Extended Input-Output Analysis", Resources 2(4):489–503:
      // transactions T = [[8, 5], [4, 2]], output x = (16, 12), final demand y = (3, 6), direct emissions
      // q = (8, 4). Published: consumption-based footprint Agriculture 4.8, Manufacturing 7.2.
      const T = [
        [8, 5],
        [4, 2],
      ];
      const out = [16, 12];
      const A = T.map((row) => row.map((t, j) => t / out[j]));
      const L = ok(leontiefInverse(A));
      const f = [8 / 16, 4 / 12];
      const intensity = [0, 1].map((j) => f[0] * L[0][j] + f[1] * L[1][j]);
      expect(intensity[0] * 3).toBeCloseTo(4.8, 12);
      expect(intensity[1] * 6).toBeCloseTo(7.2, 12);
      // And the defining identity of the example: L y reproduces total output.
      const x = times(L, [3, 6]);
      expect(x[0]).toBeCloseTo(16, 12);
      expect(x[1]).toBeCloseTo(12, 12);
    });

    it("returns a matrix X with (I − A) X = I, X ≥ 0, equal to the power series, for any A with ρ(A) < 1", () => {
      const substochastic = fc.integer({ min: 1, max: 7 }).chain((n) =>
        fc.record({
          raw: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
          // Row sums scaled to at most `bound` < 1 bound the spectral radius by it.
          bound: fc.double({ min: 0, max: 0.95, noNaN: true }),
        }),
      );
      fc.assert(
        fc.property(substochastic, ({ raw, bound }) => {
          const n = raw.length;
          const A = raw.map((row) => {
            const s = row.reduce((t, x) => t + x, 0);
            return row.map((x) => (s > 0 ? (x / s) * bound : 0));
          });
          const X = ok(leontiefInverse(A));
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              let v = X[i][j];
              for (let k = 0; k < n; k++) v -= A[i][k] * X[k][j];
              expect(v).toBeCloseTo(i === j ? 1 : 0, 9);
              expect(X[i][j]).toBeGreaterThanOrEqual(0);
            }
          }
          // Neumann series I + A + A² + …, summed independently.
          let term: number[][] = A.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
          const sum = term.map((row) => row.slice());
          for (let k = 0; k < 800; k++) {
            term = term.map((row) => row.map((_, j) => row.reduce((s, x, m) => s + x * A[m][j], 0)));
            term.forEach((row, i) => row.forEach((x, j) => (sum[i][j] += x)));
          }
          X.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(sum[i][j], 8)));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("defaults", () => {
    it("returns the identity for a zero matrix and [] for an empty one", () => {
      expect(leontiefInverse([[0, 0], [0, 0]])).toEqual([[1, 0], [0, 1]]);
      expect(leontiefInverse([])).toEqual([]);
    });
  });

  describe("edge cases", () => {
    it("accepts large coefficients when the spectral radius is still 0 (nilpotent A)", () => {
      expect(leontiefInverse([[0, 5], [0, 0]])).toEqual([[1, 5], [0, 1]]);
    });
    it("accepts a spectral radius just below 1", () => {
      const X = ok(leontiefInverse([[0, 0.999], [0.999, 0]]));
      // (I − A)⁻¹ = [[1, a], [a, 1]] / (1 − a²) with a = 0.999.
      expect(X[0][0]).toBeCloseTo(1 / (1 - 0.999 ** 2), 8);
      expect(X[0][1]).toBeCloseTo(0.999 / (1 - 0.999 ** 2), 8);
    });
    it("rejects a spectral radius just above 1", () => {
      expectError(leontiefInverse([[0, 1.001], [1.001, 0]]), "NOT_CONVERGENT");
    });
    it("handles a reducible matrix (a sector nobody buys from)", () => {
      const X = ok(leontiefInverse([[0.5, 0], [0.5, 0]]));
      expect(X).toEqual([[2, 0], [1, 1]]);
    });
  });

  describe("realistic scenario", () => {
    it("measures how much of a dollar comes back round a three-party financing loop", () => {
      // Proportional flows with a 50% leak at each hop: investor → lab → cloud → investor, A[to][from].
      // A³ = 0.125 I, so (I − A)⁻¹ = (I + A + A²) / 0.875: of each dollar the investor puts in, 1/7 of a
      // dollar returns to it (X[0][0] = 8/7), 4/7 reaches the lab and 2/7 the cloud provider.
      const A = [
        [0, 0, 0.5],
        [0.5, 0, 0],
        [0, 0.5, 0],
      ];
      const X = ok(leontiefInverse(A));
      expect(X[0][0]).toBeCloseTo(8 / 7, 12);
      expect(X[1][0]).toBeCloseTo(4 / 7, 12);
      expect(X[2][0]).toBeCloseTo(2 / 7, 12);
      expect(X[0][0] - 1).toBeCloseTo(1 / 7, 12);
    });
  });
});
