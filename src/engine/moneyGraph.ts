/**
 * The view as one directed money graph: an edge i→j carries F(i→j) + C(i→j), funding moving from funder to
 * company and contract money from buyer to vendor, parallel facts summed. Shared by cyclesThrough and
 * networkExposure; built once per view.
 */
import type { EntityId, ModelView } from "../model";
import { contractAmount, fundingAmount, indexOf } from "./viewIndex";

/** A money edge: USD bn moving from → to. */
export interface MoneyEdge {
  from: EntityId;
  to: EntityId;
  amount: number;
}

/** Nodes (every id in the view) and positive money edges, in a stable order. */
export interface MoneyGraph {
  nodes: readonly EntityId[];
  edges: readonly MoneyEdge[];
}

/** The money graph of a view (cached on the view's index). */
export function moneyGraph(view: ModelView): MoneyGraph {
  const index = indexOf(view);
  const cached = index.cache.get("moneyGraph") as MoneyGraph | undefined;
  if (cached !== undefined) return cached;
  const sums = new Map<EntityId, Map<EntityId, number>>();
  const add = (from: EntityId, to: EntityId, amount: number) => {
    if (amount <= 0 || from === to) return;
    let inner = sums.get(from);
    if (inner === undefined) sums.set(from, (inner = new Map()));
    inner.set(to, (inner.get(to) ?? 0) + amount);
  };
  for (const [from, row] of index.fundingOut) for (const [to, cell] of row) add(from, to, fundingAmount(cell));
  for (const [from, row] of index.contractsOut) for (const [to, cell] of row) add(from, to, contractAmount(cell));
  const edges: MoneyEdge[] = [];
  for (const from of index.nodes) {
    const row = sums.get(from);
    if (row === undefined) continue;
    for (const to of index.nodes) {
      const amount = row.get(to);
      if (amount !== undefined) edges.push({ from, to, amount });
    }
  }
  const graph = { nodes: index.nodes, edges };
  index.cache.set("moneyGraph", graph);
  return graph;
}
