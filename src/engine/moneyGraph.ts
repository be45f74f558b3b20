/**
 * The view as one directed money graph: an edge i→j carries F(i→j) + C(i→j), funding moving from funder to
 * company and contract money from buyer to vendor, parallel facts summed. Shared by cyclesThrough and
 * networkExposure; built once per view.
 */
import { ViewMemo, type EntityId, type ModelView } from "../model";
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

/** The money graph of each view, built on first use. */
const graphs = new ViewMemo<MoneyGraph>(buildMoneyGraph);

/** The money graph of a view (memoised per view). */
export function moneyGraph(view: ModelView): MoneyGraph {
  return graphs.get(view);
}

function buildMoneyGraph(view: ModelView): MoneyGraph {
  const index = indexOf(view);
  const sums = new Map<EntityId, Map<EntityId, number>>();
  const add = (from: EntityId, to: EntityId, amount: number) => {
    if (amount <= 0 || from === to) return;
    let inner = sums.get(from);
    if (inner === undefined) sums.set(from, (inner = new Map()));
    inner.set(to, (inner.get(to) ?? 0) + amount);
  };
  for (const [from, row] of index.fundingOut) for (const [to, cell] of row) add(from, to, fundingAmount(cell));
  for (const [from, row] of index.contractsOut) for (const [to, cell] of row) add(from, to, contractAmount(cell));
  // Edges in node order (from, then to): sorting each row by node index keeps this linear in the edges.
  const rank = index.nodeIndex;
  const edges: MoneyEdge[] = [];
  for (const from of index.nodes) {
    const row = sums.get(from);
    if (row === undefined) continue;
    const tos = [...row.keys()].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    for (const to of tos) edges.push({ from, to, amount: row.get(to) as number });
  }
  return { nodes: index.nodes, edges };
}
