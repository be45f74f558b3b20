/** Small helpers shared by the model tests: sums and look-ups written out plainly so expectations stay independent. */
import type { Fact, FactKind, ModelView } from "../../../src/model";

/** Σ amountUsdBn of the view's facts of one kind from → to (null amounts count as 0). */
export function total(view: ModelView, kind: FactKind, from: string, to: string): number {
  let sum = 0;
  for (const f of view.facts) if (f.kind === kind && f.from === from && f.to === to) sum += f.amountUsdBn ?? 0;
  return Math.round(sum * 1e9) / 1e9;
}

/** Ids of the view's facts of one kind from → to, in view order. */
export function ids(view: ModelView, kind: FactKind, from: string, to: string): string[] {
  return view.facts.filter((f) => f.kind === kind && f.from === from && f.to === to).map((f) => f.id);
}

/** A minimal valid fact for fixtures; override what the test is about. */
export function fact(over: Partial<Fact> & { id: string }): Fact {
  return {
    kind: "investment",
    from: "A",
    to: "B",
    amountUsdBn: 1,
    amountBasis: null,
    pct: null,
    unit: "USD bn",
    date: "2026-01-01",
    termYears: null,
    status: "announced",
    description: "fixture",
    source: { title: "t", publisher: "p", url: null, date: "2026-01-01" },
    verified: true,
    estimate: false,
    supersedes: [],
    claims: [],
    provenance: "press",
    fundedUsdBn: null,
    conditionalUsdBn: null,
    periodMonths: null,
    periodEnd: null,
    ...over,
  };
}
