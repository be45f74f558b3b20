/**
 * Speed of the matrix and graph models on networks far larger than AIFIN's bundled web (a few dozen
 * entities), so that workbook users who paste their own data stay interactive. Target for the two
 * scale checks (clearingVector on 2,000 nodes, findCycles on 2,000 nodes / 10,000 edges
 * with maxLength 5): well under 1 s each. Figures are medians of several runs on seeded random inputs.
 */
import { clearingVector } from "../src/engine/clearingVector";
import { debtRank } from "../src/engine/debtRank";
import { estimateExposures } from "../src/engine/estimateExposures";
import { findCycles, type CycleEdge } from "../src/engine/findCycles";
import { leontiefInverse } from "../src/engine/leontiefInverse";
import { isEngineError } from "../src/engine/result";
import { median } from "./bundle";

export const name = "engine-math (clearing vector, cycles, DebtRank, Leontief, RAS)";

/** Small deterministic PRNG (mulberry32) so every run times the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function time<T>(runs: number, f: () => T): { ms: number; result: T } {
  const samples: number[] = [];
  let result = f(); // warm-up (JIT), not counted
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    result = f();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), result };
}

/** n nodes, each owing `degree` random others; external assets drawn so that roughly 10% fall short. */
function liabilityNetwork(n: number, degree: number, seed: number): { liabilities: number[][]; externalAssets: number[] } {
  const r = rng(seed);
  const liabilities = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < degree; k++) {
      const j = Math.floor(r() * n);
      if (j !== i) liabilities[i][j] += 1 + 9 * r();
    }
  }
  const owed = liabilities.map((row) => row.reduce((s, x) => s + x, 0));
  const externalAssets = owed.map((o) => (r() < 0.1 ? o * 0.3 * r() : o * (0.2 + r())));
  return { liabilities, externalAssets };
}

function randomEdges(nodes: string[], count: number, seed: number): CycleEdge[] {
  const r = rng(seed);
  const edges: CycleEdge[] = [];
  while (edges.length < count) {
    const a = Math.floor(r() * nodes.length);
    const b = Math.floor(r() * nodes.length);
    if (a !== b) edges.push({ from: nodes[a], to: nodes[b], amount: Math.round(1 + 99 * r()) });
  }
  return edges;
}

function line(label: string, ms: number, detail: string, target: string): void {
  console.log(`${label.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms   ${detail}   (target: ${target})`);
}

export function run(): void {
  const runs = 5;

  const net = liabilityNetwork(2000, 5, 1);
  const cv = time(runs, () => clearingVector(net));
  if (isEngineError(cv.result)) throw new Error(cv.result.message);
  const defaults = cv.result.defaulted.filter(Boolean).length;
  line("clearingVector, 2,000 nodes, ~10,000 liabilities", cv.ms, `${defaults} defaults in ${cv.result.rounds} rounds`, "well under 1 s");

  const rv = time(runs, () => clearingVector({ ...net, alpha: 0.6, beta: 0.8 }));
  if (isEngineError(rv.result)) throw new Error(rv.result.message);
  line("  same with default costs (α 0.6, β 0.8)", rv.ms, `${rv.result.defaulted.filter(Boolean).length} defaults in ${rv.result.rounds} rounds`, "well under 1 s");

  const nodes = Array.from({ length: 2000 }, (_, i) => `N${i}`);
  const edges = randomEdges(nodes, 10_000, 2);
  const cy = time(runs, () => findCycles({ nodes, edges }, { maxLength: 5 }));
  if (isEngineError(cy.result)) throw new Error(cy.result.message);
  line("findCycles, 2,000 nodes / 10,000 edges, maxLength 5", cy.ms, `${cy.result.length} cycles`, "well under 1 s");

  const dense = edges.concat(randomEdges(nodes.slice(0, 200), 1500, 3));
  const cy2 = time(runs, () => findCycles({ nodes, edges: dense }, { maxLength: 5 }));
  if (isEngineError(cy2.result)) throw new Error(cy2.result.message);
  // Enumeration is output-bound: the time follows the number of cycles, which a dense core multiplies.
  line("  plus a denser 200-node core (+1,500 edges)", cy2.ms, `${cy2.result.length} cycles`, "grows with the cycle count");

  const r = rng(4);
  const m = 300;
  const exposures = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i !== j && r() < 0.05 ? 1 + 9 * r() : 0)));
  const capital = exposures.map((row) => row.reduce((s, x) => s + x, 0) * (0.3 + r()));
  const initialStress = Array.from({ length: m }, (_, i) => (i < 10 ? 0.5 : 0));
  for (const variant of ["single-hit", "differential"] as const) {
    const dr = time(runs, () => debtRank({ exposures, capital, initialStress, variant }));
    if (isEngineError(dr.result)) throw new Error(dr.result.message);
    line(`debtRank ${variant}, 300 nodes`, dr.ms, `additional stress ${dr.result.additionalStress.toFixed(3)}`, "< 100 ms");
  }

  const a = exposures.map((row) => {
    const s = row.reduce((t, x) => t + x, 0);
    return row.map((x) => (s > 0 ? (0.8 * x) / s : 0));
  });
  const li = time(runs, () => leontiefInverse(a));
  if (isEngineError(li.result)) throw new Error(li.result.message);
  line("leontiefInverse, 300 × 300", li.ms, "ρ(A) ≤ 0.8", "interactive, < 0.5 s (dense O(n³))");

  const rowSums = exposures.map((row) => row.reduce((s, x) => s + x, 0));
  const colSums = exposures[0].map((_, j) => exposures.reduce((s, row) => s + row[j], 0));
  const ras = time(runs, () => estimateExposures({ rowSums, colSums }));
  if (isEngineError(ras.result)) throw new Error(ras.result.message);
  line("estimateExposures (RAS), 300 × 300", ras.ms, "zero diagonal, tolerance 1e-10", "< 1 s");
}
