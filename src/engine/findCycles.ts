/**
 * Every simple directed cycle up to a length bound, with its bottleneck amount.
 *
 * Method: Johnson (1975), "Finding all the elementary circuits of a directed graph", SIAM J. Comput.
 * 4(1):77–84: each cycle is found exactly once, from its least vertex s, by a search confined to the
 * vertices ranked after s. Johnson's "blocked" sets assume unbounded length and miss cycles once a
 * bound is imposed (Gupta & Suzumura 2021, "Finding All Bounded-Length Simple Cycles in a Directed
 * Graph", arXiv:2105.10094, which networkx's `simple_cycles(G, length_bound)` follows); here the bound
 * is enforced instead by pruning with the exact shortest distance back to s, computed for each s by
 * one reverse breadth-first search over the vertices ranked after s. A branch is entered only if it
 * can still close within the bound, so the work is proportional to the paths that can close, not to
 * all paths of the bounded length: sparse graphs of thousands of nodes take milliseconds.
 *
 * Conventions:
 * - Rank = position in `nodes`. A cycle's path starts at its lowest-ranked node and repeats it at the
 *   end: ["A", "B", "C", "A"] is one cycle of length 3 (3 distinct nodes). maxLength counts nodes.
 * - Results are ordered by start node, then lexicographically by the ranks along the path.
 * - Parallel edges between the same ordered pair are summed (two loans from A to B are one flow).
 * - Self-loops and zero-amount edges are ignored: a cycle has at least two distinct nodes, and an
 *   edge carrying nothing moves no money.
 * - bottleneck = the smallest (summed) edge amount along the cycle.
 */
import { isFiniteNumber } from "./matrix";
import { engineError, isEngineError, type EngineError } from "./result";

/** A directed, weighted edge. */
export interface CycleEdge {
  from: string;
  to: string;
  /** Amount moved along the edge (≥ 0). */
  amount: number;
}

/** The graph given to {@link findCycles}. */
export interface CycleGraph {
  /** Distinct node ids; their order ranks them. */
  nodes: readonly string[];
  edges: readonly CycleEdge[];
}

/** Options of {@link findCycles}. */
export interface FindCyclesOptions {
  /** Largest number of distinct nodes on a reported cycle (integer ≥ 2). */
  maxLength: number;
}

/** One simple cycle. */
export interface Cycle {
  /** Node ids from the lowest-ranked node round to it again, e.g. ["A", "B", "C", "A"]. */
  path: string[];
  /** The smallest edge amount on the cycle. */
  bottleneck: number;
}

/**
 * Lists every simple cycle with at most `maxLength` nodes, each once.
 *
 * @returns the cycles in a stable order; INVALID_INPUT for duplicate nodes, edges to unknown nodes,
 *   negative or non-finite amounts, or maxLength not an integer ≥ 2
 * @example
 * findCycles(
 *   { nodes: ["A", "B", "C"], edges: [
 *     { from: "A", to: "B", amount: 5 }, { from: "B", to: "C", amount: 2 }, { from: "C", to: "A", amount: 7 },
 *     { from: "B", to: "A", amount: 1 }] },
 *   { maxLength: 3 })
 * // => [{ path: ["A", "B", "A"], bottleneck: 1 }, { path: ["A", "B", "C", "A"], bottleneck: 2 }]
 */
export function findCycles(graph: CycleGraph, options: FindCyclesOptions): Cycle[] | EngineError {
  if (typeof options !== "object" || options === null) return engineError("INVALID_INPUT", "findCycles needs { maxLength }");
  const compiled = compileGraph(graph, options.maxLength);
  if (isEngineError(compiled)) return compiled;
  const { n, nodes, outStart, outTo, outAmount, inStart, inFrom } = compiled;

  // No simple cycle has more nodes than the graph; capping also keeps the buffers below small.
  const bound = Math.min(options.maxLength, n);
  const cycles: Cycle[] = [];
  const NONE = 0x7fffffff;
  const dist = new Int32Array(n).fill(NONE);
  const onPath = new Uint8Array(n);
  const pathNodes = new Int32Array(Math.max(bound, 1));
  const pathAmounts = new Float64Array(Math.max(bound, 1));
  let touched: number[] = [];

  for (let s = 0; s < n; s++) {
    // Reverse BFS from s over vertices ranked after s: dist[v] = fewest edges from v back to s.
    for (const v of touched) dist[v] = NONE;
    touched = [s];
    dist[s] = 0;
    let frontier = [s];
    for (let d = 1; d < bound && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const v of frontier) {
        for (let k = inStart[v]; k < inStart[v + 1]; k++) {
          const u = inFrom[k];
          if (u > s && dist[u] === NONE) {
            dist[u] = d;
            touched.push(u);
            next.push(u);
          }
        }
      }
      frontier = next;
    }
    if (touched.length === 1) continue;

    pathNodes[0] = s;
    onPath[s] = 1;
    // Iterative DFS: cursor[depth] is the next out-edge to try from pathNodes[depth].
    const cursor = new Int32Array(Math.max(bound, 1));
    cursor[0] = outStart[s];
    let depth = 0;
    while (depth >= 0) {
      const v = pathNodes[depth];
      const k = cursor[depth];
      if (k >= outStart[v + 1]) {
        onPath[v] = depth === 0 ? onPath[v] : 0;
        depth--;
        continue;
      }
      cursor[depth] = k + 1;
      const w = outTo[k];
      if (w === s) {
        if (depth >= 1) {
          pathAmounts[depth] = outAmount[k];
          cycles.push(buildCycle(nodes, pathNodes, pathAmounts, depth));
        }
        continue;
      }
      // depth + 1 nodes are on the path; adding w and returning needs dist[w] more edges, and the
      // cycle then has depth + 1 + dist[w] distinct nodes.
      if (w < s || onPath[w] || dist[w] === NONE || depth + 1 + dist[w] > bound) continue;
      pathAmounts[depth] = outAmount[k];
      depth++;
      pathNodes[depth] = w;
      onPath[w] = 1;
      cursor[depth] = outStart[w];
    }
    onPath[s] = 0;
  }
  return cycles;
}

/** Limits of {@link findCyclesThrough}: how long it may search and how many cycles it may keep. */
export interface CycleSearchLimits {
  /** Largest number of distinct nodes on a reported cycle (integer ≥ 2). */
  maxLength: number;
  /** Most cycles kept; the search stops (incomplete) when one more is found. */
  maxCycles: number;
  /** Most edge examinations (the time budget, in work rather than clock time so results are reproducible). */
  maxSteps: number;
}

/** What {@link findCyclesThrough} found. */
export interface CyclesThroughResult {
  /** Cycles starting and ending at the node, in search order (at most maxCycles). */
  cycles: Cycle[];
  /** False when a limit stopped the search: more cycles may exist. */
  complete: boolean;
  /** Edge examinations used. */
  steps: number;
}

/**
 * Every simple cycle through one node with at most `maxLength` nodes, each once, starting and ending at the
 * node. The search runs from that node only (never over the rest of the graph), enters a branch only if it
 * can still close within the bound (exact distances back to the node, one reverse breadth-first search),
 * and stops at `maxCycles` cycles or `maxSteps` edge examinations, saying so. An unknown node has none.
 *
 * @example findCyclesThrough(g, "B", { maxLength: 3, maxCycles: 100, maxSteps: 1e6 })
 * // => { cycles: [{ path: ["B", "A", "B"], bottleneck: 1 }, { path: ["B", "C", "A", "B"], ... }], complete: true, ... }
 */
export function findCyclesThrough(graph: CycleGraph, node: string, limits: CycleSearchLimits): CyclesThroughResult | EngineError {
  if (typeof limits !== "object" || limits === null) return engineError("INVALID_INPUT", "findCyclesThrough needs { maxLength, maxCycles, maxSteps }");
  const compiled = compileGraph(graph, limits.maxLength);
  if (isEngineError(compiled)) return compiled;
  const { n, nodes, rank, outStart, outTo, outAmount, inStart, inFrom } = compiled;
  const s = rank.get(node);
  const cycles: Cycle[] = [];
  if (s === undefined) return { cycles, complete: true, steps: 0 };
  const bound = Math.min(limits.maxLength, n);
  const NONE = 0x7fffffff;
  const dist = new Int32Array(n).fill(NONE);
  dist[s] = 0;
  let steps = 0;
  let frontier = [s];
  for (let d = 1; d < bound && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let k = inStart[v]; k < inStart[v + 1]; k++) {
        steps++;
        const u = inFrom[k];
        if (dist[u] === NONE) {
          dist[u] = d;
          next.push(u);
        }
      }
    }
    frontier = next;
  }
  const onPath = new Uint8Array(n);
  const pathNodes = new Int32Array(Math.max(bound, 1));
  const pathAmounts = new Float64Array(Math.max(bound, 1));
  const cursor = new Int32Array(Math.max(bound, 1));
  pathNodes[0] = s;
  onPath[s] = 1;
  cursor[0] = outStart[s];
  let depth = 0;
  while (depth >= 0) {
    if (steps >= limits.maxSteps) return { cycles, complete: false, steps };
    const v = pathNodes[depth];
    const k = cursor[depth];
    if (k >= outStart[v + 1]) {
      if (depth > 0) onPath[v] = 0;
      depth--;
      continue;
    }
    steps++;
    cursor[depth] = k + 1;
    const w = outTo[k];
    if (w === s) {
      if (depth >= 1) {
        if (cycles.length >= limits.maxCycles) return { cycles, complete: false, steps };
        pathAmounts[depth] = outAmount[k];
        cycles.push(buildCycle(nodes, pathNodes, pathAmounts, depth));
      }
      continue;
    }
    if (onPath[w] || dist[w] === NONE || depth + 1 + dist[w] > bound) continue;
    pathAmounts[depth] = outAmount[k];
    depth++;
    pathNodes[depth] = w;
    onPath[w] = 1;
    cursor[depth] = outStart[w];
  }
  return { cycles, complete: true, steps };
}

/** A graph in compressed adjacency form (out- and in-edges), parallel edges summed. */
interface CompiledGraph {
  n: number;
  nodes: readonly string[];
  rank: Map<string, number>;
  outStart: Int32Array;
  outTo: Int32Array;
  outAmount: Float64Array;
  inStart: Int32Array;
  inFrom: Int32Array;
}

function compileGraph(graph: CycleGraph, maxLength: unknown): CompiledGraph | EngineError {
  if (typeof graph !== "object" || graph === null) return engineError("INVALID_INPUT", "findCycles needs { nodes, edges }");
  const { nodes, edges } = graph;
  if (!isFiniteNumber(maxLength) || !Number.isInteger(maxLength) || maxLength < 2) {
    return engineError("INVALID_INPUT", `maxLength must be an integer of at least 2, got ${String(maxLength)}`);
  }
  if (!Array.isArray(nodes)) return engineError("INVALID_INPUT", "nodes must be an array of ids");
  if (!Array.isArray(edges)) return engineError("INVALID_INPUT", "edges must be an array of { from, to, amount }");
  const n = nodes.length;
  const rank = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id: unknown = nodes[i];
    if (typeof id !== "string") return engineError("INVALID_INPUT", `nodes[${i}] is not a string`);
    if (rank.has(id)) return engineError("INVALID_INPUT", `nodes[${i}] repeats the id "${id}"`);
    rank.set(id, i);
  }

  // Sum parallel edges into one amount per ordered pair.
  const pairAmount = new Map<number, number>();
  for (let k = 0; k < edges.length; k++) {
    const edge: unknown = edges[k];
    if (typeof edge !== "object" || edge === null) return engineError("INVALID_INPUT", `edges[${k}] is not an edge`);
    const { from, to, amount } = edge as Partial<CycleEdge>;
    const u = typeof from === "string" ? rank.get(from) : undefined;
    const v = typeof to === "string" ? rank.get(to) : undefined;
    if (u === undefined) return engineError("INVALID_INPUT", `edges[${k}].from "${String(from)}" is not in nodes`);
    if (v === undefined) return engineError("INVALID_INPUT", `edges[${k}].to "${String(to)}" is not in nodes`);
    if (!isFiniteNumber(amount)) return engineError("INVALID_INPUT", `edges[${k}].amount is not a finite number`);
    if (amount < 0) return engineError("INVALID_INPUT", `edges[${k}].amount is negative (${amount})`);
    if (u === v || amount === 0) continue;
    const key = u * n + v;
    pairAmount.set(key, (pairAmount.get(key) ?? 0) + amount);
  }

  // Adjacency in compressed form, successors sorted by rank so the output order is stable.
  const keys = Array.from(pairAmount.keys()).sort((a, b) => a - b);
  const outStart = new Int32Array(n + 1);
  const outTo = new Int32Array(keys.length);
  const outAmount = new Float64Array(keys.length);
  const inStart = new Int32Array(n + 1);
  const inFrom = new Int32Array(keys.length);
  for (const key of keys) {
    outStart[Math.floor(key / n) + 1]++;
    inStart[(key % n) + 1]++;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] += outStart[i];
    inStart[i + 1] += inStart[i];
  }
  const inFill = inStart.slice(0, n);
  keys.forEach((key, k) => {
    const u = Math.floor(key / n);
    const v = key % n;
    outTo[k] = v;
    outAmount[k] = pairAmount.get(key)!;
    inFrom[inFill[v]++] = u;
  });
  return { n, nodes, rank, outStart, outTo, outAmount, inStart, inFrom };
}

function buildCycle(nodes: readonly string[], pathNodes: Int32Array, pathAmounts: Float64Array, last: number): Cycle {
  const path: string[] = [];
  let bottleneck = Infinity;
  for (let d = 0; d <= last; d++) {
    path.push(nodes[pathNodes[d]]);
    if (pathAmounts[d] < bottleneck) bottleneck = pathAmounts[d];
  }
  path.push(nodes[pathNodes[0]]);
  return { path, bottleneck };
}
