/**
 * Point-in-time views: which facts are in force on a date under a basis.
 */
import { provenanceRank, type Basis, type Entity, type Fact, type ModelView } from "./types";

/**
 * For each fact, every fact it replaces directly or through a chain (A replaces B, B replaces C: A
 * replaces C). The chain matters when its middle link is not in a view: the confirmed view holds the
 * announced $730B valuation (C001) and the Oct-2025 $500B one (C008), linked only through the rumoured
 * article row (C139) that the confirmed basis leaves out.
 */
export function supersessionClosure(facts: readonly Fact[]): Map<string, ReadonlySet<string>> {
  const direct = new Map<string, readonly string[]>();
  for (const f of facts) direct.set(f.id, f.supersedes);
  const closure = new Map<string, ReadonlySet<string>>();
  for (const f of facts) {
    const seen = new Set<string>();
    const stack = [...f.supersedes];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      // A cycle (rejected by validateDataset) must not loop forever nor make a fact replace itself.
      if (seen.has(id) || id === f.id) continue;
      seen.add(id);
      for (const next of direct.get(id) ?? []) stack.push(next);
    }
    closure.set(f.id, seen);
  }
  return closure;
}

/** Whether a fact's status, estimate flag and provenance count under `basis`. */
export function countsUnder(fact: Fact, basis: Basis): boolean {
  if (fact.status === "rumoured" && !basis.includeRumoured) return false;
  if (fact.estimate && basis.includeEstimates === false) return false;
  if (basis.minProvenance !== undefined && provenanceRank(fact.provenance) < provenanceRank(basis.minProvenance)) return false;
  return true;
}

/**
 * The view on `asOf`: facts dated on or before it whose status counts under `basis`, minus every fact
 * that a fact still in the view replaces. Keeps the dataset order.
 */
export function buildView(
  entities: readonly Entity[],
  facts: readonly Fact[],
  closure: Map<string, ReadonlySet<string>>,
  asOf: string,
  basis: Basis,
): ModelView {
  const candidates = facts.filter((f) => f.date <= asOf && countsUnder(f, basis));
  const replaced = new Set<string>();
  for (const f of candidates) for (const id of closure.get(f.id) ?? []) replaced.add(id);
  const kept = candidates.filter((f) => !replaced.has(f.id));
  return Object.freeze({
    asOf,
    basis: Object.freeze({ ...basis }),
    entities,
    facts: Object.freeze(kept),
  });
}
