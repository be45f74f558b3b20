import { KIND_MEANINGS, type MoneyChannel } from "../model";
import type { EntityId, ModelView } from "./contracts";

/** How money moves along a flow: the money channels of KIND_MEANINGS that move money into a company
 *  (equity, debt, a backstop or guarantee, vendor financing, a purchase contract). */
export type FlowKind = Exclude<MoneyChannel, "none" | "acquisition">;

/** Money between the entity and one counterparty of one kind, summed over the view's facts. */
export interface Flow {
  counterparty: EntityId;
  kind: FlowKind;
  /** "in": money reaches the entity (it is funded, or a customer buys from it); "out": it leaves. */
  direction: "in" | "out";
  amount: number;
  factIds: string[];
}

/** Whether a channel draws a flow: acquisitions pay the sellers, not the target, and "none" moves no money. */
function flowKindOf(channel: MoneyChannel): FlowKind | null {
  return channel === "none" || channel === "acquisition" ? null : channel;
}

/**
 * The money flows around an entity in a view, largest first. Funding moves money from→to and a
 * contract moves money buyer(from)→vendor(to), so both kinds read the same way: `from` pays `to`.
 * Facts without an amount carry no width and are left out; the view is additive, so sums never double count.
 */
export function flowsAround(view: ModelView, id: EntityId): Flow[] {
  const byKey = new Map<string, Flow>();
  for (const fact of view.facts) {
    const kind = flowKindOf(KIND_MEANINGS[fact.kind].channel);
    if (!kind || fact.amountUsdBn === null || fact.amountUsdBn <= 0 || fact.from === fact.to) continue;
    let direction: Flow["direction"];
    let counterparty: EntityId;
    if (fact.to === id) {
      direction = "in";
      counterparty = fact.from;
    } else if (fact.from === id) {
      direction = "out";
      counterparty = fact.to;
    } else continue;
    const key = `${direction}|${counterparty}|${kind}`;
    const flow = byKey.get(key) ?? { counterparty, kind, direction, amount: 0, factIds: [] };
    flow.amount += fact.amountUsdBn;
    flow.factIds.push(fact.id);
    byKey.set(key, flow);
  }
  return [...byKey.values()].sort((a, b) => b.amount - a.amount || a.counterparty.localeCompare(b.counterparty));
}

/** Whether any fact in the view names the entity (as either party). */
export function hasFactsAbout(view: ModelView, id: EntityId): boolean {
  return view.facts.some((f) => f.from === id || f.to === id);
}
