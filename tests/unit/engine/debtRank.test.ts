import fc from "fast-check";
import { debtRank } from "../../../src/engine/debtRank";
import { isEngineError, type EngineError } from "../../../src/engine/result";
import { ok } from "./engineResult";

function expectInvalid(result: unknown, mentions: string): void {
  expect(isEngineError(result)).toBe(true);
  expect((result as EngineError).code).toBe("INVALID_INPUT");
  expect((result as EngineError).message).toContain(mentions);
}

function expectClose(actual: number[], expected: number[], digits = 10): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((x, i) => expect(x).toBeCloseTo(expected[i], digits));
}

/** The README example of the NetworkRiskMeasures R package (Cinelli & Silva, early version whose
 *  debt_rank is the single-hit DebtRank of Battiston et al. 2012): assets_matrix =
 *  matrix(c(0, 10, 3, 1, 0, 2, 0, 3, 0), ncol = 3), read column by column, so exposures[i][j] = i's
 *  asset on j; buffer c(a = 2, b = 5, c = 2); weights c(a = 10, b = 100, c = 30). */
const NRM = {
  exposures: [
    [0, 1, 0],
    [10, 0, 3],
    [3, 2, 0],
  ],
  capital: [2, 5, 2],
  weights: [10, 100, 30],
};

describe("debtRank", () => {
  describe("bad arguments", () => {
    it("returns INVALID_INPUT for non-square or ragged exposures", () => {
      expectInvalid(debtRank({ exposures: [[0, 1]], capital: [1], initialStress: [0] }), "exposures must be square");
      expectInvalid(debtRank({ exposures: [[0, 1], [1]], capital: [1, 1], initialStress: [0, 0] }), "exposures is ragged");
    });
    it("returns INVALID_INPUT for a negative or non-finite exposure", () => {
      expectInvalid(debtRank({ exposures: [[0, -1], [0, 0]], capital: [1, 1], initialStress: [0, 0] }), "exposures[0][1] is negative");
      expectInvalid(debtRank({ exposures: [[0, NaN], [0, 0]], capital: [1, 1], initialStress: [0, 0] }), "exposures[0][1]");
    });
    it("returns INVALID_INPUT when capital or initialStress has the wrong length or a NaN", () => {
      expectInvalid(debtRank({ exposures: [[0, 1], [0, 0]], capital: [1], initialStress: [0, 0] }), "capital has 1 entries, expected 2");
      expectInvalid(debtRank({ exposures: [[0, 1], [0, 0]], capital: [1, Infinity], initialStress: [0, 0] }), "capital[1]");
      expectInvalid(debtRank({ exposures: [[0, 1], [0, 0]], capital: [1, 1], initialStress: [0] }), "initialStress has 1 entries");
    });
    it("returns INVALID_INPUT for initial stress outside [0, 1]", () => {
      expectInvalid(debtRank({ exposures: [[0, 1], [0, 0]], capital: [1, 1], initialStress: [1.2, 0] }), "initialStress[0] is 1.2, above the maximum 1");
      expectInvalid(debtRank({ exposures: [[0, 1], [0, 0]], capital: [1, 1], initialStress: [0, -0.1] }), "initialStress[1]");
    });
    it("returns INVALID_INPUT for negative or all-zero weights and an unknown variant", () => {
      const base = { exposures: [[0, 1], [0, 0]], capital: [1, 1], initialStress: [0, 1] };
      expectInvalid(debtRank({ ...base, weights: [1, -1] }), "weights[1] is negative");
      expectInvalid(debtRank({ ...base, weights: [0, 0] }), "weights must not all be zero");
      expectInvalid(debtRank({ ...base, variant: "linear" as never }), "variant");
    });
    it("never throws and never returns NaN, whatever it is given", () => {
      fc.assert(
        fc.property(fc.anything(), fc.anything(), fc.anything(), (exposures, capital, initialStress) => {
          const result = debtRank({ exposures, capital, initialStress } as never);
          if (!isEngineError(result)) expect(Number.isFinite(result.additionalStress)).toBe(true);
        }),
      );
    });
  });

  describe("reference values", () => {
    it.each([
      // [shocked vertex, additional stress, additional defaults] as printed by debt_rank() in the README
      [0, 0.9285714, 2],
      [1, 0.25, 1],
      [2, 0.6642857, 0],
    ])("reproduces NetworkRiskMeasures' README DebtRank when vertex %i defaults", (shocked, additional, defaults) => {
      const initialStress = [0, 0, 0];
      initialStress[shocked] = 1;
      const result = ok(debtRank({ ...NRM, initialStress }));
      expect(result.additionalStress).toBeCloseTo(additional, 7);
      expect(result.additionalDefaults).toHaveLength(defaults);
    });

    it("reproduces NetworkRiskMeasures' README stress levels for a 10% shock on every vertex", () => {
      // Published: final stress a 0.15, b 0.26, c 0.30; "additional stress of 16.07% in the network".
      const result = ok(debtRank({ ...NRM, initialStress: [0.1, 0.1, 0.1] }));
      expectClose(result.stress, [0.15, 0.26, 0.3]);
      expect(result.additionalStress).toBeCloseTo(0.1607, 4);
      expect(result.additionalDefaults).toEqual([]);
    });

    it("caps each impact at 1 as NetworkRiskMeasures' impact matrix does (tests/testthat)", () => {
      // NetworkRiskMeasures test "vulnerability and communicability": liabilities L[i][j] (i owes j)
      // among A, B, C, E, F, D with capital buffers A 10, B 2, C 2, E 1, F 10, D 4; the published impact
      // matrix V[i][j] = min(1, L[i][j] / buffer[j]) is the stress j takes when i defaults.
      // Each published entry is checked on the two nodes alone: debtor i defaults, creditor j ends at V.
      const buffer: Record<string, number> = { A: 10, B: 2, C: 2, E: 1, F: 10, D: 4 };
      const published: [string, string, number, number][] = [
        // [debtor, creditor, amount owed, published impact]
        ["A", "B", 5, 1],
        ["D", "B", 2, 1],
        ["B", "C", 3, 1],
        ["F", "C", 2, 1],
        ["D", "C", 2, 1],
        ["C", "E", 4, 1],
        ["F", "E", 5, 1],
        ["A", "F", 10, 1],
        ["B", "F", 2, 0.2],
        ["A", "D", 2, 0.5],
      ];
      for (const [debtor, creditor, owed, impact] of published) {
        const result = ok(debtRank({ exposures: [[0, 0], [owed, 0]], capital: [1, buffer[creditor]], initialStress: [1, 0] }));
        expect([debtor, creditor, result.stress[1]]).toEqual([debtor, creditor, impact]);
      }
    });

    it("runs the whole NetworkRiskMeasures test network from A's default (hand-computed on the published impacts)", () => {
      // exposures[j][i] = L[i][j]. Single-hit, from h_A = 1: step 1 B, F → 1 and D → 0.5; step 2 C and E
      // reach 1 through B and F; D has no other debtor and stays at 0.5. (F's 5 owed to itself is ignored.)
      const ids = ["A", "B", "C", "E", "F", "D"];
      const L: Record<string, Record<string, number>> = {
        A: { B: 5, F: 10, D: 2 },
        B: { C: 3, F: 2 },
        C: { E: 4 },
        F: { C: 2, E: 5 },
        D: { B: 2, C: 2 },
      };
      const exposures = ids.map((creditor) => ids.map((debtor) => L[debtor]?.[creditor] ?? 0));
      const result = ok(debtRank({ exposures, capital: [10, 2, 2, 1, 10, 4], initialStress: [1, 0, 0, 0, 0, 0] }));
      expect(result.stress).toEqual([1, 1, 1, 1, 1, 0.5]);
      expect(result.additionalDefaults.map((i) => ids[i])).toEqual(["B", "C", "E", "F"]);
    });

    it("converges to (I − Λ)⁻¹ h(1) with the differential variant where nobody defaults (Bardoscia et al. 2015)", () => {
      const network = fc.integer({ min: 1, max: 6 }).chain((n) =>
        fc.record({
          // Λ_ij = A_ij / E_i ≤ 0.9 / n keeps the spectral radius ≤ 0.9, so (I − Λ)⁻¹ ≤ 10 entrywise in
          // row sums; shocks ≤ 0.05 then keep every stress ≤ 0.5: no default, no cap.
          lev: fc.array(fc.array(fc.double({ min: 0, max: 0.9 / n, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
          capital: fc.array(fc.double({ min: 0.5, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
          h1: fc.array(fc.double({ min: 0, max: 0.05, noNaN: true }), { minLength: n, maxLength: n }),
        }),
      );
      fc.assert(
        fc.property(network, ({ lev, capital, h1 }) => {
          lev.forEach((row, i) => (row[i] = 0));
          const exposures = lev.map((row, i) => row.map((x) => x * capital[i]));
          const result = ok(debtRank({ exposures, capital, initialStress: h1, variant: "differential" }));
          // Neumann series Σ_k Λ^k h(1), summed independently of the engine.
          const L = exposures.map((row, i) => row.map((x) => x / capital[i]));
          let term = h1.slice();
          const sum = h1.slice();
          for (let k = 0; k < 400; k++) {
            term = L.map((row) => row.reduce((s, x, j) => s + x * term[j], 0));
            term.forEach((x, i) => (sum[i] += x));
          }
          expect(Math.max(...sum)).toBeLessThan(1);
          expectClose(result.stress, sum, 9);
          expect(result.additionalDefaults).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });

    it("gives the same stresses with both variants on layered acyclic networks", () => {
      // Single-hit passes on a node's stress once, in the step after it is first hit; differential
      // passes on every increment. They coincide when every node receives all its stress in one step
      // (edges only from one layer to the next, shock only on the first layer) and no impact is capped
      // (exposures ≤ capital). Counterexamples outside these conditions are pinned under edge cases.
      const layered = fc
        .array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 })
        .chain((sizes) => {
          const n = sizes.reduce((s, x) => s + x, 0);
          return fc.record({
            sizes: fc.constant(sizes),
            links: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
            capital: fc.array(fc.double({ min: 1, max: 20, noNaN: true }), { minLength: n, maxLength: n }),
            shock: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          });
        });
      fc.assert(
        fc.property(layered, ({ sizes, links, capital, shock }) => {
          const layer: number[] = sizes.flatMap((size, k) => new Array<number>(size).fill(k));
          const n = layer.length;
          // i (layer k + 1) lends to j (layer k): i loses when j is stressed. Each Λ_ij ≤ 1 / (size of
          // layer k), so no impact is capped and most stresses stay below 1.
          const exposures = layer.map((li, i) => layer.map((lj, j) => (li === lj + 1 ? (links[i][j] * capital[i]) / sizes[lj] : 0)));
          const initialStress = layer.map((k, i) => (k === 0 ? shock[i] : 0));
          const single = ok(debtRank({ exposures, capital, initialStress, variant: "single-hit" }));
          const differential = ok(debtRank({ exposures, capital, initialStress, variant: "differential" }));
          expect(single.stress).toHaveLength(n);
          expectClose(differential.stress, single.stress, 12);
          expect(differential.additionalDefaults).toEqual(single.additionalDefaults);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe("defaults", () => {
    it("runs the single-hit variant when none is named", () => {
      const input = { ...NRM, initialStress: [0, 0, 1] };
      expect(debtRank(input)).toEqual(debtRank({ ...input, variant: "single-hit" }));
    });
    it("weights nodes by their total exposure when no weights are given", () => {
      // Total exposures (row sums) a 1, b 13, c 5: a's default stresses b and c fully: (13 + 5) / 19.
      const result = ok(debtRank({ exposures: NRM.exposures, capital: NRM.capital, initialStress: [1, 0, 0] }));
      expect(result.additionalStress).toBeCloseTo(18 / 19, 12);
    });
    it("accepts raw or already normalised weights alike", () => {
      const raw = ok(debtRank({ ...NRM, initialStress: [0, 0, 1] }));
      const normalised = ok(debtRank({ ...NRM, weights: [10 / 140, 100 / 140, 30 / 140], initialStress: [0, 0, 1] }));
      expect(normalised.additionalStress).toBeCloseTo(raw.additionalStress, 14);
    });
    it("weights nodes equally when no node has any exposure", () => {
      expect(debtRank({ exposures: [[0, 0], [0, 0]], capital: [1, 1], initialStress: [0.5, 0] })).toEqual({
        stress: [0.5, 0],
        additionalStress: 0,
        additionalDefaults: [],
      });
    });
  });

  describe("edge cases", () => {
    it("buffers \"insolvent\" (the first version) starts a non-positive buffer at 1 and lets it propagate", () => {
      // A has capital −1: it starts at h = 1 although its initial stress says 0, and passes its default on
      // to B (exposure 5 on capital 10).
      const result = ok(debtRank({ exposures: [[0, 0], [5, 0]], capital: [-1, 10], initialStress: [0, 0], weights: [1, 1], buffers: "insolvent" }));
      expect(result.stress).toEqual([1, 0.5]);
      expect(result.additionalDefaults).toEqual([]);
      expect(result.additionalStress).toBeCloseTo(0.25, 14);
      const zero = ok(debtRank({ exposures: [[0, 0], [5, 0]], capital: [0, 10], initialStress: [0, 0], weights: [1, 1], buffers: "insolvent" }));
      expect(zero.stress).toEqual([1, 0.5]);
    });

    describe("reference buffers (NetworkRiskMeasures debt_rank_shock, the default)", () => {
      // The package's algorithm, worked by hand: V[i][j] = min(1, A[i][j] / buffer[i]) with no lower cap;
      // h(1) = shock; each step h ← min(1, h + V[·, distressed] · h[distressed]); a node is distressed for
      // one step once its stress is above 0; additional stress = Σ w (final − initial).
      it("keeps the initial stress as the scenario: an insolvent node nobody shocks stays at 0 and stresses no one", () => {
        const result = ok(debtRank({ exposures: [[0, 0], [5, 0]], capital: [-1, 10], initialStress: [0, 0], weights: [1, 1] }));
        expect(result).toEqual({ stress: [0, 0], additionalStress: 0, additionalDefaults: [] });
        const zero = ok(debtRank({ exposures: [[0, 0], [5, 0]], capital: [0, 10], initialStress: [0, 0], weights: [1, 1] }));
        expect(zero.stress).toEqual([0, 0]);
      });
      it("passes a shocked insolvent node's stress on like any other: A at 0.4, B loses 5/10 × 0.4 = 0.2", () => {
        const result = ok(debtRank({ exposures: [[0, 0], [5, 0]], capital: [-1, 10], initialStress: [0.4, 0], weights: [1, 1] }));
        expect(result.stress[0]).toBe(0.4);
        expect(result.stress[1]).toBeCloseTo(0.2, 14);
        expect(result.additionalStress).toBeCloseTo(0.1, 14); // (0 + 0.2) / 2
      });
      it("a zero buffer makes any exposure a full hit (A/0 = ∞, capped at 1): C holds 3 of D's debt, D shocked 0.1", () => {
        const result = ok(debtRank({ exposures: [[0, 3], [0, 0]], capital: [0, 5], initialStress: [0, 0.1], weights: [1, 1] }));
        expect(result.stress).toEqual([0.1, 0.1]);
      });
      it("a negative buffer turns an exposure into a negative impact, as the package computes it", () => {
        // C (buffer −2) holds 4 of D's debt: V = 4 / −2 = −2, so D's 0.5 takes C to 0 − 2 × 0.5 = −1.
        // Weights equal: additional stress (−1 + 0) / 2 = −0.5.
        const result = ok(debtRank({ exposures: [[0, 4], [0, 0]], capital: [-2, 5], initialStress: [0, 0.5], weights: [1, 1] }));
        expect(result.stress).toEqual([-1, 0.5]);
        expect(result.additionalStress).toBeCloseTo(-0.5, 14);
        expect(result.additionalDefaults).toEqual([]);
      });
      it("agrees with the insolvent rule wherever every buffer is positive", () => {
        const network = fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.record({
            exposures: fc.array(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
            capital: fc.array(fc.double({ min: 0.1, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
            h: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            variant: fc.constantFrom("single-hit" as const, "differential" as const),
          }),
        );
        fc.assert(
          fc.property(network, ({ exposures, capital, h, variant }) => {
            const a = debtRank({ exposures, capital, initialStress: h, variant });
            const b = debtRank({ exposures, capital, initialStress: h, variant, buffers: "insolvent" });
            expect(a).toEqual(b);
          }),
        );
      });
      it("rejects an unknown buffer rule", () => {
        expectInvalid(debtRank({ exposures: [[0]], capital: [1], initialStress: [0], buffers: "other" as never }), "buffers must be");
      });
    });
    it("lets stress bounce round a cycle once with single-hit but to the limit with differential", () => {
      // A and B each hold 0.5 of the other's capital; A is shocked by 0.2.
      // Single-hit: B = 0.1, then A = 0.2 + 0.05 = 0.25 and A is spent.
      // Differential: (I − Λ)⁻¹ h(1) = [[1, 0.5], [0.5, 1]] / 0.75 · [0.2, 0] = [0.26667, 0.13333].
      const input = { exposures: [[0, 5], [5, 0]], capital: [10, 10], initialStress: [0.2, 0] };
      expectClose(ok(debtRank(input)).stress, [0.25, 0.1]);
      expectClose(ok(debtRank({ ...input, variant: "differential" })).stress, [0.2 / 0.75, 0.1 / 0.75]);
    });
    it("differs between variants on an acyclic network where stress arrives along paths of two lengths", () => {
      // B and C lend to A, C lends to B, D lends to C; all leverages 0.5; A is shocked by 0.4.
      // Single-hit: B = C = 0.2; next C = 0.3 (via B) and D = 0.1 (from C's first 0.2); C is then spent,
      // so its later 0.1 never reaches D. Differential passes it on: D = 0.5 · 0.3 = 0.15.
      const exposures = [
        [0, 0, 0, 0],
        [5, 0, 0, 0],
        [5, 5, 0, 0],
        [0, 0, 5, 0],
      ];
      const input = { exposures, capital: [10, 10, 10, 10], initialStress: [0.4, 0, 0, 0] };
      expectClose(ok(debtRank(input)).stress, [0.4, 0.2, 0.3, 0.1]);
      expectClose(ok(debtRank({ ...input, variant: "differential" })).stress, [0.4, 0.2, 0.3, 0.15]);
    });
    it("reports nothing additional when nobody is shocked or the network is empty", () => {
      expect(debtRank({ ...NRM, initialStress: [0, 0, 0] })).toEqual({ stress: [0, 0, 0], additionalStress: 0, additionalDefaults: [] });
      expect(debtRank({ exposures: [], capital: [], initialStress: [] })).toEqual({ stress: [], additionalStress: 0, additionalDefaults: [] });
    });
    it("keeps every stress in [0, 1] and never below its start, for any network and either variant (insolvent rule)", () => {
      const network = fc.integer({ min: 1, max: 6 }).chain((n) =>
        fc.record({
          exposures: fc.array(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
          capital: fc.array(fc.double({ min: -5, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
          h: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          variant: fc.constantFrom("single-hit" as const, "differential" as const),
        }),
      );
      fc.assert(
        fc.property(network, ({ exposures, capital, h, variant }) => {
          const result = ok(debtRank({ exposures, capital, initialStress: h, variant, buffers: "insolvent" }));
          result.stress.forEach((x, i) => {
            expect(x).toBeGreaterThanOrEqual(capital[i] <= 0 ? 1 : h[i]);
            expect(x).toBeLessThanOrEqual(1);
          });
          expect(result.additionalStress).toBeGreaterThanOrEqual(0);
          expect(result.additionalStress).toBeLessThanOrEqual(1);
        }),
      );
    });
  });

  describe("realistic scenario", () => {
    it("spreads a 50% hit on an AI lab to its partners and their lenders, capped and uncapped", () => {
      // USD bn. ORCL has 30 of receivables from OPENAI on capital 20 (leverage 1.5), CRWV 10 on 5 (2.0),
      // NVDA 20 on 100 (0.2); BANKS lend ORCL 18 and CRWV 8 on capital 40 (0.45 and 0.2).
      const ids = ["OPENAI", "ORCL", "CRWV", "NVDA", "BANKS"];
      const exposures = [
        [0, 0, 0, 0, 0],
        [30, 0, 0, 0, 0],
        [10, 0, 0, 0, 0],
        [20, 0, 0, 0, 0],
        [0, 18, 8, 0, 0],
      ];
      const input = { exposures, capital: [50, 20, 5, 100, 40], initialStress: [0.5, 0, 0, 0, 0] };
      // Single-hit caps each impact at 1: ORCL 0.5, CRWV 0.5, NVDA 0.1, then BANKS 0.45·0.5 + 0.2·0.5.
      const single = ok(debtRank(input));
      expectClose(single.stress, [0.5, 0.5, 0.5, 0.1, 0.325]);
      // Weights default to total exposure: 0, 30, 10, 20, 26 of 86.
      expect(single.additionalStress).toBeCloseTo((30 * 0.5 + 10 * 0.5 + 20 * 0.1 + 26 * 0.325) / 86, 12);
      // Differential keeps leverage: ORCL 0.75, CRWV min(1, 1.0) defaults, BANKS 0.45·0.75 + 0.2·1.
      const differential = ok(debtRank({ ...input, variant: "differential" }));
      expectClose(differential.stress, [0.5, 0.75, 1, 0.1, 0.5375]);
      expect(differential.additionalDefaults.map((i) => ids[i])).toEqual(["CRWV"]);
      expect(differential.additionalStress).toBeCloseTo((30 * 0.75 + 10 * 1 + 20 * 0.1 + 26 * 0.5375) / 86, 12);
    });
  });
});
