/** Synthetic model views for the measure tests: every number in the tests is computed by hand from these facts. */
import type { Entity, Fact, ModelView } from "../../../../src/model/types";

/** A fact with test defaults; only what a test cares about needs to be given. */
export function fact(partial: Partial<Fact> & Pick<Fact, "id" | "kind" | "from" | "to">): Fact {
  return {
    amountUsdBn: null,
    amountBasis: null,
    pct: null,
    unit: "USD bn",
    date: "2025-01-01",
    termYears: null,
    status: "signed",
    description: "",
    source: { title: "test", publisher: "test", url: null, date: "2025-01-01" },
    verified: true,
    estimate: false,
    supersedes: [],
    claims: [],
    provenance: "press",
    fundedUsdBn: null,
    conditionalUsdBn: null,
    periodMonths: null,
    periodEnd: null,
    ...partial,
  };
}

/** A plain entity record. */
export function entity(id: string): Entity {
  return { id, name: id, nameZh: null, aliases: [], roles: ["other"], listed: false, members: [] };
}

/** A view over the facts; entities default to every id the facts name, in order of appearance. */
export function viewOf(facts: Fact[], entityIds?: string[]): ModelView {
  const ids = entityIds ?? [...new Set(facts.flatMap((f) => [f.from, f.to]))];
  return { asOf: "2026-01-01", basis: { includeRumoured: false }, entities: ids.map(entity), facts };
}

/**
 * The small web used across the measure tests. INV funds its customer LAB (like Microsoft and OpenAI);
 * LAB buys from INV, from CLOUD (which borrows from BANK, like Oracle or CoreWeave) and from CHIP; CLOUD buys
 * from CHIP; CHIP funds LAB and backstops CLOUD; OTHER is a customer of INV outside the circle.
 * Money edges: INV→LAB 14, LAB→INV 50, LAB→CLOUD 30, LAB→CHIP 4, CLOUD→CHIP 12, CHIP→LAB 6, CHIP→CLOUD 2,
 * BANK→CLOUD 20, OTHER→INV 70.
 */
export const WEB_FACTS: Fact[] = [
  fact({ id: "f1", kind: "investment", from: "INV", to: "LAB", amountUsdBn: 10, date: "2024-01-01" }),
  fact({ id: "f2", kind: "investment", from: "INV", to: "LAB", amountUsdBn: 4, date: "2025-01-01" }),
  fact({ id: "f3", kind: "contract", from: "LAB", to: "INV", amountUsdBn: 50, termYears: 5, date: "2025-02-01" }),
  fact({ id: "f4", kind: "contract", from: "LAB", to: "CLOUD", amountUsdBn: 30, termYears: 3 }),
  fact({ id: "f5", kind: "loan", from: "BANK", to: "CLOUD", amountUsdBn: 20 }),
  fact({ id: "f6", kind: "contract", from: "CLOUD", to: "CHIP", amountUsdBn: 12 }),
  fact({ id: "f7", kind: "investment", from: "CHIP", to: "LAB", amountUsdBn: 6 }),
  fact({ id: "f8", kind: "contract", from: "LAB", to: "CHIP", amountUsdBn: 4, termYears: 2 }),
  fact({ id: "f9", kind: "backstop", from: "CHIP", to: "CLOUD", amountUsdBn: 2 }),
  fact({ id: "f10", kind: "contract", from: "OTHER", to: "INV", amountUsdBn: 70 }),
  fact({ id: "f11", kind: "capex", from: "INV", to: "INV", amountUsdBn: 100, unit: "USD bn FY2025", date: "2025-06-30" }),
  fact({ id: "f12", kind: "capex", from: "INV", to: "INV", amountUsdBn: 30, unit: "USD bn Q1-2026", date: "2025-12-31" }),
  fact({ id: "f13", kind: "market_cap", from: "INV", to: "INV", amountUsdBn: 500, date: "2025-10-01" }),
  fact({ id: "f14", kind: "revenue", from: "INV", to: "INV", amountUsdBn: 40, unit: "USD bn 2025 revenue", date: "2025-12-31" }),
  fact({ id: "f15", kind: "stake", from: "INV", to: "LAB", pct: 0.2, date: "2025-03-01" }),
  fact({ id: "f16", kind: "valuation", from: "LAB", to: "LAB", amountUsdBn: 200 }),
  fact({ id: "f17", kind: "contract", from: "LAB", to: "INV", amountUsdBn: null, unit: "2 GW", date: "2025-04-01" }),
  fact({ id: "f18", kind: "market_cap", from: "INV", to: "INV", amountUsdBn: -50, unit: "USD bn value lost", date: "2025-11-01" }),
  fact({ id: "f19", kind: "stake", from: "CHIP", to: "CLOUD", amountUsdBn: 3, amountBasis: "cost", pct: 0.05 }),
];

/** The web as a view (a fresh object each call, so each test builds its own index). */
export function webView(): ModelView {
  return viewOf(WEB_FACTS, ["INV", "LAB", "CLOUD", "CHIP", "BANK", "OTHER"]);
}
