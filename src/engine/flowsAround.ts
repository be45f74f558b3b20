/**
 * The money flows around one entity, per counterparty and money channel: what the pane's Flows view
 * draws. The channel of each fact kind comes from the model's KIND_MEANINGS, so a new fact kind is drawn
 * (or deliberately not) without touching the pane.
 */
import { KIND_MEANINGS, type EntityId, type Fact, type MoneyChannel, type ModelView } from "../model";
import { indexOf } from "./viewIndex";

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
  for (const fact of indexOf(view).factsByEntity.get(id) ?? []) {
    const kind = flowKindOf(KIND_MEANINGS[fact.kind].channel);
    if (!kind || fact.amountUsdBn === null || fact.amountUsdBn <= 0 || fact.from === fact.to) continue;
    const direction: Flow["direction"] = fact.to === id ? "in" : "out";
    const counterparty = direction === "in" ? fact.from : fact.to;
    const key = `${direction}|${counterparty}|${kind}`;
    const flow = byKey.get(key) ?? { counterparty, kind, direction, amount: 0, factIds: [] };
    flow.amount += fact.amountUsdBn;
    flow.factIds.push(fact.id);
    byKey.set(key, flow);
  }
  return [...byKey.values()].sort((a, b) => b.amount - a.amount || a.counterparty.localeCompare(b.counterparty));
}

/** Whether any fact in the view names the entity (as either party, or as the subject of a single fact). */
export function hasFactsAbout(view: ModelView, id: EntityId): boolean {
  return (indexOf(view).factsByEntity.get(id)?.length ?? 0) > 0;
}

/** Whether a fact names the entity: as either party of a pair, or as the subject of a single fact (from === to). */
export function namesEntity(fact: Fact, id: EntityId): boolean {
  return fact.from === id || fact.to === id;
}

/**
 * The facts of a list that name the entity, in the list's order: the Sources tab's "only this company"
 * filter over any list (the view's facts, or the whole dataset with superseded and later facts), by the
 * same rule the view index files facts under an entity.
 */
export function factsAbout(facts: readonly Fact[], id: EntityId): Fact[] {
  return facts.filter((f) => namesEntity(f, id));
}
