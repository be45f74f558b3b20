import fc from "fast-check";
import { findCycles, type CycleEdge } from "../../../src/engine/findCycles";
import { isEngineError, type EngineError } from "../../../src/engine/result";
import { ok } from "./engineResult";

function expectInvalid(result: unknown, mentions: string): void {
  expect(isEngineError(result)).toBe(true);
  expect((result as EngineError).code).toBe("INVALID_INPUT");
  expect((result as EngineError).message).toContain(mentions);
}

/** Builds { nodes, edges } from [from, to, amount?] triples; nodes in first-seen order unless given. */
function graph(triples: [string | number, string | number, number?][], nodes?: (string | number)[]) {
  const edges: CycleEdge[] = triples.map(([from, to, amount]) => ({ from: String(from), to: String(to), amount: amount ?? 1 }));
  const ids = nodes?.map(String) ?? [...new Set(edges.flatMap((e) => [e.from, e.to]))];
  return { nodes: ids, edges };
}

/** Complete digraph on n nodes (every ordered pair, no self-loops). */
function complete(n: number) {
  const triples: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) triples.push([a, b]);
  return graph(triples, Array.from({ length: n }, (_, i) => i));
}

/** Johnson (1975), Figure 1, as transcribed in networkx's test_cycles.py: exactly 3k simple cycles. */
function johnsonWorstCase(k: number) {
  const t: [number, number][] = [];
  for (let n = 2; n < k + 2; n++) t.push([1, n], [n, k + 2]);
  t.push([2 * k + 1, 1]);
  for (let n = k + 2; n < 2 * k + 2; n++) t.push([n, 2 * k + 2], [n, n + 1]);
  t.push([2 * k + 3, k + 2]);
  for (let n = 2 * k + 3; n < 3 * k + 3; n++) t.push([2 * k + 2, n], [n, 3 * k + 3]);
  t.push([3 * k + 3, 2 * k + 2]);
  return graph(t, Array.from({ length: 3 * k + 3 }, (_, i) => i + 1));
}

/** Every simple cycle by brute force: all ordered selections of distinct nodes starting at their lowest. */
function bruteForce(n: number, adj: number[][], maxLength: number): string[] {
  const found: string[] = [];
  const extend = (path: number[]): void => {
    const last = path[path.length - 1];
    if (path.length >= 2 && adj[last][path[0]] > 0) found.push(path.join(","));
    if (path.length === maxLength) return;
    for (let v = path[0] + 1; v < n; v++) if (!path.includes(v) && adj[last][v] > 0) extend([...path, v]);
  };
  for (let s = 0; s < n; s++) extend([s]);
  return found.sort();
}

describe("findCycles", () => {
  describe("bad arguments", () => {
    const g = graph([["A", "B"], ["B", "A"]]);
    it("returns INVALID_INPUT for maxLength below 2, fractional or missing", () => {
      expectInvalid(findCycles(g, { maxLength: 1 }), "maxLength must be an integer of at least 2");
      expectInvalid(findCycles(g, { maxLength: 2.5 }), "maxLength");
      expectInvalid(findCycles(g, { maxLength: NaN }), "maxLength");
      expectInvalid(findCycles(g, {} as never), "maxLength");
    });
    it("returns INVALID_INPUT for repeated or non-string node ids", () => {
      expectInvalid(findCycles({ nodes: ["A", "B", "A"], edges: [] }, { maxLength: 3 }), 'nodes[2] repeats the id "A"');
      expectInvalid(findCycles({ nodes: ["A", 7 as never], edges: [] }, { maxLength: 3 }), "nodes[1] is not a string");
    });
    it("returns INVALID_INPUT for an edge to an unknown node", () => {
      expectInvalid(findCycles({ nodes: ["A", "B"], edges: [{ from: "A", to: "C", amount: 1 }] }, { maxLength: 3 }), 'edges[0].to "C" is not in nodes');
    });
    it("returns INVALID_INPUT for negative or non-finite amounts", () => {
      expectInvalid(findCycles({ nodes: ["A", "B"], edges: [{ from: "A", to: "B", amount: -1 }] }, { maxLength: 3 }), "edges[0].amount is negative");
      expectInvalid(findCycles({ nodes: ["A", "B"], edges: [{ from: "A", to: "B", amount: Infinity }] }, { maxLength: 3 }), "edges[0].amount");
    });
    it("never throws, whatever it is given", () => {
      fc.assert(
        fc.property(fc.anything(), fc.anything(), (g2, options) => {
          const result = findCycles(g2 as never, options as never);
          expect(Array.isArray(result) || isEngineError(result)).toBe(true);
        }),
      );
    });
  });

  describe("reference values", () => {
    it("counts the simple cycles of complete digraphs as in Johnson (1975), Table 2", () => {
      // Also Σ_{k=2..n} C(n, k)(k − 1)!: choose k nodes, arrange them in a cycle.
      const published = [1, 5, 20, 84, 409, 2365, 16064];
      published.forEach((count, i) => {
        const n = i + 2;
        expect(ok(findCycles(complete(n), { maxLength: n }))).toHaveLength(count);
      });
    });

    it("counts the simple cycles of complete digraphs up to each length bound", () => {
      const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);
      const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
      for (let n = 2; n <= 7; n++) {
        for (let bound = 2; bound <= n; bound++) {
          let expected = 0;
          for (let k = 2; k <= bound; k++) expected += choose(n, k) * factorial(k - 1);
          expect(ok(findCycles(complete(n), { maxLength: bound }))).toHaveLength(expected);
        }
      }
    });

    it("finds exactly 3k cycles in Johnson's (1975) worst-case graph (Figure 1)", () => {
      for (let k = 3; k < 10; k++) {
        const g = johnsonWorstCase(k);
        expect(ok(findCycles(g, { maxLength: g.nodes.length }))).toHaveLength(3 * k);
      }
    });

    it("matches networkx's bounded-length cycle tests (test_simple_cycles_le_ke.py)", () => {
      // test_normal_1: ≤ 2 → 4. (One stored version of that file also asserts 6 cycles of length ≤ 3;
      // enumerating by hand gives 8, listed below with their bottlenecks, so that count is not used.)
      const g1 = graph(
        [[1, 2, 4], [2, 1, 3], [1, 3, 5], [3, 1, 6], [3, 2, 1], [2, 3, 2], [1, 5, 9], [1, 6, 8], [6, 1, 7], [4, 1, 11], [6, 4, 10], [5, 6, 12]],
        [1, 2, 3, 4, 5, 6],
      );
      expect(ok(findCycles(g1, { maxLength: 2 }))).toHaveLength(4);
      expect(ok(findCycles(g1, { maxLength: 3 })).map((c) => `${c.path.join("-")}:${c.bottleneck}`)).toEqual([
        "1-2-1:3",
        "1-2-3-1:2",
        "1-3-1:5",
        "1-3-2-1:1",
        "1-5-6-1:7",
        "1-6-1:7",
        "1-6-4-1:8",
        "2-3-2:1",
      ]);
      // test_normal_2: ≤ 3 → 2, ≤ 2 → 1.
      const g2 = graph([[1, 2, 1], [2, 1, 5], [2, 3, 2], [3, 1, 2]], [1, 2, 3]);
      expect(ok(findCycles(g2, { maxLength: 3 }))).toHaveLength(2);
      expect(ok(findCycles(g2, { maxLength: 2 }))).toHaveLength(1);
      // test_normal_3: ≤ 3 → 5, ≤ 2 → 3.
      const t3: [number, number, number][] = [[1, 6, 11], [6, 1, 10], [1, 5, 3], [5, 1, 2], [8, 9, 11], [9, 8, 20], [3, 2, 6], [2, 6, 5], [6, 3, 8], [5, 7, 6], [7, 4, 11], [4, 5, 5]];
      const g3 = graph(t3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(ok(findCycles(g3, { maxLength: 3 }))).toHaveLength(5);
      expect(ok(findCycles(g3, { maxLength: 2 }))).toHaveLength(3);
      // test_normal_4: ≤ 3 → 8, ≤ 2 → 5.
      const t4: [number, number, number][] = [...t3, [10, 16, 1], [16, 11, 10], [11, 15, 3], [15, 11, 2], [18, 19, 11], [19, 18, 20], [13, 12, 6], [12, 16, 5], [16, 13, 8]];
      const g4 = graph(t4, Array.from({ length: 20 }, (_, i) => i + 1));
      expect(ok(findCycles(g4, { maxLength: 3 }))).toHaveLength(8);
      expect(ok(findCycles(g4, { maxLength: 2 }))).toHaveLength(5);
    });

    it("lists the same cycles as a brute-force enumeration on random small graphs", () => {
      const random = fc.integer({ min: 1, max: 7 }).chain((n) =>
        fc.record({
          n: fc.constant(n),
          adj: fc.array(fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 9 })), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
          maxLength: fc.integer({ min: 2, max: 8 }),
        }),
      );
      fc.assert(
        fc.property(random, ({ n, adj, maxLength }) => {
          adj.forEach((row, i) => (row[i] = 0));
          const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
          const edges: CycleEdge[] = [];
          adj.forEach((row, a) => row.forEach((amount, b) => amount > 0 && edges.push({ from: nodes[a], to: nodes[b], amount })));
          const cycles = ok(findCycles({ nodes, edges }, { maxLength }));
          const asIndices = cycles.map((c) => c.path.slice(0, -1).map((id) => Number(id.slice(1))).join(","));
          expect([...asIndices].sort()).toEqual(bruteForce(n, adj, maxLength));
          for (const c of cycles) {
            const idx = c.path.map((id) => Number(id.slice(1)));
            const amounts = idx.slice(0, -1).map((v, k) => adj[v][idx[k + 1]]);
            expect(c.bottleneck).toBe(Math.min(...amounts));
          }
        }),
        { numRuns: 500 },
      );
    });
  });

  describe("defaults", () => {
    it("starts each path at its lowest-ranked node in the order of `nodes` and closes it there", () => {
      const edges = [
        { from: "C", to: "A", amount: 7 },
        { from: "A", to: "B", amount: 5 },
        { from: "B", to: "C", amount: 2 },
      ];
      expect(findCycles({ nodes: ["A", "B", "C"], edges }, { maxLength: 3 })).toEqual([{ path: ["A", "B", "C", "A"], bottleneck: 2 }]);
      // Ranking by `nodes`, not by name: with C first the same cycle starts at C.
      expect(findCycles({ nodes: ["C", "B", "A"], edges }, { maxLength: 3 })).toEqual([{ path: ["C", "A", "B", "C"], bottleneck: 2 }]);
    });
    it("orders cycles by start node, then by the ranks along the path", () => {
      const cycles = ok(findCycles(complete(3), { maxLength: 3 }));
      expect(cycles.map((c) => c.path.join(""))).toEqual(["010", "0120", "020", "0210", "121"]);
    });
  });

  describe("edge cases", () => {
    it("sums parallel edges between the same ordered pair", () => {
      const g = graph([["A", "B", 2], ["A", "B", 3], ["B", "A", 10]]);
      expect(findCycles(g, { maxLength: 2 })).toEqual([{ path: ["A", "B", "A"], bottleneck: 5 }]);
    });
    it("ignores self-loops and zero-amount edges", () => {
      const g = graph([["A", "A", 9], ["A", "B", 0], ["B", "A", 4]]);
      expect(findCycles(g, { maxLength: 3 })).toEqual([]);
    });
    it("returns no cycles for an empty or acyclic graph and accepts a bound above the node count", () => {
      expect(findCycles({ nodes: [], edges: [] }, { maxLength: 5 })).toEqual([]);
      expect(findCycles(graph([["A", "B"], ["B", "C"], ["A", "C"]]), { maxLength: 99 })).toEqual([]);
      expect(findCycles(graph([["A", "B"], ["B", "A"]]), { maxLength: Number.MAX_SAFE_INTEGER })).toEqual([{ path: ["A", "B", "A"], bottleneck: 1 }]);
    });
    it("leaves out cycles longer than the bound", () => {
      const ring = graph([["A", "B"], ["B", "C"], ["C", "D"], ["D", "A"]]);
      expect(findCycles(ring, { maxLength: 3 })).toEqual([]);
      expect(ok(findCycles(ring, { maxLength: 4 }))).toHaveLength(1);
    });
  });

  describe("realistic scenario", () => {
    it("finds the money loops of a small AI financing web with their bottlenecks", () => {
      // USD bn. Funding and purchase flows (money moves from → to).
      const nodes = ["NVDA", "MSFT", "OPENAI", "ORCL", "CRWV"];
      const edges: CycleEdge[] = [
        { from: "NVDA", to: "OPENAI", amount: 100 }, // equity investment (letter of intent)
        { from: "OPENAI", to: "ORCL", amount: 300 }, // cloud contract
        { from: "ORCL", to: "NVDA", amount: 40 }, // GPU purchases
        { from: "MSFT", to: "OPENAI", amount: 13 }, // investment
        { from: "OPENAI", to: "MSFT", amount: 250 }, // Azure commitment
        { from: "OPENAI", to: "CRWV", amount: 22.4 }, // cloud contract
        { from: "CRWV", to: "NVDA", amount: 7.5 }, // GPU purchases
        { from: "NVDA", to: "CRWV", amount: 6.3 }, // capacity backstop
      ];
      const cycles = ok(findCycles({ nodes, edges }, { maxLength: 4 }));
      expect(cycles).toEqual([
        { path: ["NVDA", "OPENAI", "ORCL", "NVDA"], bottleneck: 40 },
        { path: ["NVDA", "OPENAI", "CRWV", "NVDA"], bottleneck: 7.5 },
        { path: ["NVDA", "CRWV", "NVDA"], bottleneck: 6.3 },
        { path: ["MSFT", "OPENAI", "MSFT"], bottleneck: 13 },
      ]);
    });
  });
});
