import fc from "fast-check";
import { bundledDataset, validateDataset, type Dataset, type Entity, type Fact } from "../../../src/model";
import { fact } from "./helpers";

const entity = (id: string, over: Partial<Entity> = {}): Entity => ({ id, name: id, nameZh: null, aliases: [], roles: ["other"], listed: false, members: [], ...over });
const ENTITIES = [entity("A"), entity("B"), entity("G", { roles: ["aggregate"], members: ["A", "B"] })];
/** Every claim tagged once so fixtures test one problem at a time. */
const allClaims = fact({ id: "CLAIMS", claims: ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13", "S14", "S15"] });
const ds = (facts: Fact[], entities: Entity[] = ENTITIES, asOf = "2026-12-31"): Dataset => ({ version: "t", asOf, entities, facts: [allClaims, ...facts] });
const codes = (d: Dataset) => validateDataset(d).map((i) => `${i.code}:${i.factId ?? i.entityId ?? ""}`);

describe("validateDataset", () => {
  it("finds nothing wrong with the bundled data", () => {
    expect(validateDataset(bundledDataset)).toEqual([]);
  });

  it("bundles at least 25 entities and 120 facts, every fact with a source", () => {
    expect(bundledDataset.entities.length).toBeGreaterThanOrEqual(25);
    expect(bundledDataset.facts.length).toBeGreaterThanOrEqual(120);
    expect(bundledDataset.facts.every((f) => f.source.title !== "" && f.source.publisher !== "")).toBe(true);
    expect(bundledDataset.asOf).toBe("2026-10-08");
  });

  it("accepts a small valid fixture", () => {
    expect(codes(ds([fact({ id: "F1" })]))).toEqual([]);
  });

  it("catches facts naming unknown entities", () => {
    expect(codes(ds([fact({ id: "F1", to: "NOPE" })]))).toEqual(["entity-unknown:F1"]);
  });

  it("catches a group listing an unknown member", () => {
    expect(codes(ds([], [...ENTITIES, entity("H", { members: ["ZZ"] })]))).toEqual(["member-unknown:H"]);
  });

  it("catches a name shared by two entities", () => {
    expect(codes(ds([], [entity("A", { aliases: ["Acme"] }), entity("B", { aliases: ["ACME"] }), entity("G")]))).toEqual(["alias-ambiguous:B"]);
  });

  it("catches impossible dates and a fact after the as-of", () => {
    expect(codes(ds([fact({ id: "F1", date: "2026-02-30" })]))).toEqual(["fact-shape:F1"]);
    expect(codes(ds([fact({ id: "F1", date: "2027-01-01" })]))).toEqual(["date-after-asof:F1"]);
  });

  it("catches a fact without a source", () => {
    const f = fact({ id: "F1", source: { title: "", publisher: "", url: null, date: "2026-01-01" } });
    expect(codes(ds([f]))).toEqual(["fact-shape:F1"]);
    const bad = fact({ id: "F2", source: { title: "t", publisher: "p", url: "not a url", date: "2026-01-01" } });
    expect(validateDataset(ds([bad]))[0].message).toMatch(/source.url/);
  });

  it("catches unit mistakes: negative levels, percentages not as fractions, basis points as dollars, basis on a non-stake", () => {
    expect(codes(ds([fact({ id: "F1", kind: "market_cap", from: "A", to: "A", amountUsdBn: -460 })]))).toEqual(["unit-negative:F1"]);
    expect(codes(ds([fact({ id: "F1", kind: "stake", pct: 27 })]))).toEqual(["unit-pct:F1"]);
    expect(codes(ds([fact({ id: "F1", kind: "other", amountUsdBn: 144, unit: "bp 5-yr CDS spread" })]))).toEqual(["unit-not-usd:F1"]);
    expect(codes(ds([fact({ id: "F1", kind: "loan", amountBasis: "cost" })]))).toEqual(["unit-basis:F1"]);
    expect(codes(ds([fact({ id: "F1", kind: "revenue", from: "A", to: "B" })]))).toEqual(["single-entity:F1"]);
  });

  it("catches an estimate that does not say so", () => {
    expect(codes(ds([fact({ id: "F1", estimate: true, provenance: "estimate", unit: "USD bn", description: "GPU purchases" })]))).toEqual(["estimate-unlabelled:F1"]);
    expect(codes(ds([fact({ id: "F1", estimate: true, provenance: "estimate", unit: "USD bn ESTIMATE: 10 GW x 35", description: "GPU purchases" })]))).toEqual([]);
    // The label is read in "unit description": "our arithmetic" may start in the unit and end in the description.
    const labelled = (unit: string, description: string) => codes(ds([fact({ id: "F1", estimate: true, provenance: "estimate", unit, description })])).length === 0;
    expect(labelled("USD bn", "by Our Arithmetic: 2 x 5")).toBe(true);
    expect(labelled("USD bn, our", "arithmetic: 2 x 5")).toBe(true);
    expect(labelled("USD bn, our ", "arithmetic: 2 x 5")).toBe(false);
    expect(labelled("USD bn, our arith", "metic: 2 x 5")).toBe(false);
    expect(labelled("USD bn", "an Estimated 5")).toBe(true);
    expect(labelled("estim", "ate")).toBe(false);
  });

  it("requires a provenance on every fact, and provenance estimate on an estimate", () => {
    const noProvenance = { ...fact({ id: "F1" }), provenance: undefined } as unknown as Fact;
    expect(codes(ds([noProvenance]))).toEqual(["fact-shape:F1"]);
    expect(codes(ds([fact({ id: "F1", provenance: "hearsay" as never })]))).toEqual(["fact-shape:F1"]);
    expect(codes(ds([fact({ id: "F1", estimate: true, provenance: "press", unit: "ESTIMATE" })]))).toEqual(["provenance-estimate:F1"]);
  });

  it("checks funded and conditional money: certainty kinds only, within the amount", () => {
    expect(codes(ds([fact({ id: "F1", amountUsdBn: 50, fundedUsdBn: 15, conditionalUsdBn: 35 })]))).toEqual([]);
    expect(codes(ds([fact({ id: "F1", amountUsdBn: 50, conditionalUsdBn: 60 })]))).toEqual(["money-conditional-range:F1"]);
    expect(codes(ds([fact({ id: "F1", amountUsdBn: 50, fundedUsdBn: 60 })]))).toEqual(["money-certainty-range:F1"]);
    expect(codes(ds([fact({ id: "F1", amountUsdBn: null, fundedUsdBn: 1, unit: "GW" })]))).toEqual(["money-certainty-amount:F1"]);
    expect(codes(ds([fact({ id: "F1", kind: "revenue", from: "A", to: "A", fundedUsdBn: 1 })]))).toEqual(["money-certainty-kind:F1"]);
    expect(codes(ds([fact({ id: "F1", fundedUsdBn: -1 })]))).toEqual(["fact-shape:F1"]);
  });

  it("checks periods: flow kinds only, whole months, an ISO end", () => {
    expect(codes(ds([fact({ id: "F1", kind: "revenue", from: "A", to: "A", periodMonths: 3, periodEnd: "2026-03-31" })]))).toEqual([]);
    expect(codes(ds([fact({ id: "F1", periodMonths: 12 })]))).toEqual(["period-kind:F1"]);
    expect(codes(ds([fact({ id: "F1", kind: "capex", from: "A", to: "A", periodMonths: 2.5 })]))).toEqual(["fact-shape:F1"]);
    expect(codes(ds([fact({ id: "F1", kind: "capex", from: "A", to: "A", periodEnd: "2026-02-30" })]))).toEqual(["fact-shape:F1"]);
  });

  it("reads the shape rules from KIND_MEANINGS: a pair kind needs two entities, a single kind one", () => {
    expect(codes(ds([fact({ id: "F1", kind: "guarantee", from: "A", to: "A" })]))).toEqual(["pair-entity:F1"]);
    expect(codes(ds([fact({ id: "F1", kind: "debt", from: "A", to: "B" })]))).toEqual(["single-entity:F1"]);
    expect(codes(ds([fact({ id: "F1", kind: "price", from: "A", to: "B", unit: "% of par" })]))).toEqual([]);
    expect(codes(ds([fact({ id: "F1", kind: "price", from: "A", to: "A", unit: "% of par" })]))).toEqual([]);
  });

  it("catches broken supersedes links: unknown, other kind, newer target", () => {
    expect(codes(ds([fact({ id: "F1", supersedes: ["GHOST"] })]))).toEqual(["supersedes-unknown:F1"]);
    expect(codes(ds([fact({ id: "F0", kind: "loan" }), fact({ id: "F1", supersedes: ["F0"] })]))).toEqual(["supersedes-kind:F1"]);
    expect(codes(ds([fact({ id: "F0", date: "2026-03-01" }), fact({ id: "F1", date: "2026-02-01", supersedes: ["F0"] })]))).toEqual(["supersedes-newer:F1"]);
  });

  it("catches a cycle in supersedes", () => {
    const issues = validateDataset(
      ds([fact({ id: "F1", supersedes: ["F3"] }), fact({ id: "F2", supersedes: ["F1"] }), fact({ id: "F3", supersedes: ["F2"] })]),
    );
    expect(issues.map((i) => i.code)).toEqual(["supersedes-cycle"]);
    expect(issues[0].message).toMatch(/F1 -> F3 -> F2 -> F1/);
  });

  it("reports a supersedes cycle exactly when the links have one, each as a closed path along links (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }), { minLength: 1, maxLength: 6 }), (links) => {
        // Fact F<i> supersedes F<j> for each j listed (F6 and beyond may not exist); all of one date and kind.
        const facts = links.map((targets, i) => fact({ id: `F${i}`, supersedes: [...new Set(targets)].map((j) => `F${j}`) }));
        const known = new Map(facts.map((f) => [f.id, f.supersedes.filter((t) => facts.some((g) => g.id === t))]));
        // Reference: a graph has a cycle when repeatedly removing facts with no remaining links leaves some.
        const left = new Map([...known].map(([id, ts]) => [id, new Set(ts)]));
        for (let changed = true; changed; ) {
          changed = false;
          for (const [id, ts] of left) {
            if ([...ts].every((t) => !left.has(t))) {
              left.delete(id);
              changed = true;
            }
          }
        }
        const cycles = validateDataset(ds(facts)).filter((i) => i.code === "supersedes-cycle");
        expect(cycles.length > 0).toBe(left.size > 0);
        for (const c of cycles) {
          const path = c.message.replace("supersedes cycle: ", "").split(" -> ");
          expect(path[0]).toBe(path[path.length - 1]);
          for (let k = 0; k + 1 < path.length; k++) expect(known.get(path[k])).toContain(path[k + 1]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("catches two stakes in force at once for the same holder and company", () => {
    const s1 = fact({ id: "S-OLD", kind: "stake", pct: 0.27, date: "2025-10-28" });
    const s2 = fact({ id: "S-NEW", kind: "stake", pct: 0.2679, date: "2026-05-22" });
    expect(codes(ds([s1, s2]))).toEqual(["view-double:S-NEW"]);
    expect(codes(ds([s1, { ...s2, supersedes: ["S-OLD"] }]))).toEqual([]);
  });

  it("catches claims without support unless the claim is documented as an opinion", () => {
    const bare: Dataset = { version: "t", asOf: "2026-12-31", entities: ENTITIES, facts: [fact({ id: "F1" })] };
    const unsupported = validateDataset(bare)
      .filter((i) => i.code === "claim-unsupported")
      .map((i) => i.message.split(" ")[1]);
    // S7, S11, S13 and S14 carry a documented reason (opinions or forecasts); the others need a fact.
    expect(unsupported).toEqual(["S1", "S2", "S3", "S4", "S5", "S6", "S8", "S9", "S10", "S12", "S15"]);
  });
});

describe("validateDataset with an earlier valid dataset (linkedAs, AIFIN.MODEL's incremental check)", () => {
  const before = bundledDataset;
  const linkedAs = { facts: before.facts, entities: before.entities, asOf: before.asOf };
  const superseded = before.facts.find((f) => before.facts.some((g) => g.supersedes.includes(f.id))) as Fact;
  const successor = before.facts.find((g) => g.supersedes.includes(superseded.id)) as Fact;
  const edits: [string, Fact, Partial<Fact>][] = [
    ["an amount", successor, { amountUsdBn: (successor.amountUsdBn ?? 0) + 1 }],
    ["a description", successor, { description: "re-worded" }],
    ["an empty description (a shape problem)", successor, { description: "" }],
    ["a superseded fact dated after its successor", superseded, { date: "2026-10-08" }],
    ["a successor that no longer supersedes", successor, { supersedes: [] }],
    ["a supersedes target that does not exist", successor, { supersedes: ["NOPE"] }],
    ["an id taken by another fact", successor, { id: superseded.id }],
    ["an unknown side", successor, { from: "NOBODY" }],
    ["a kind changed", successor, { kind: "other" }],
    ["an amount removed", successor, { amountUsdBn: null }],
    ["a status made rumoured", superseded, { status: "rumoured" }],
    ["a claim removed", before.facts.find((f) => f.claims.length > 0) as Fact, { claims: [] }],
    ["a derivation on an unknown fact", successor, { derivedFrom: ["NOPE"] }],
  ];

  it.each(edits)("after %s it reports what a full check reports", (_what, target, change) => {
    const after: Dataset = { ...before, facts: before.facts.map((f) => (f === target ? { ...f, ...change } : f)) };
    const unchanged = { has: (f: Fact) => f !== after.facts[before.facts.indexOf(target)] };
    expect(validateDataset(after, { checked: unchanged, linkedAs })).toEqual(validateDataset(after));
  });

  it("is not used with other entities or another as-of", () => {
    const fewer: Dataset = { ...before, entities: before.entities.filter((e) => e.id !== successor.from) };
    expect(validateDataset(fewer, { checked: new Set(before.facts), linkedAs }).map((i) => i.code)).toContain("entity-unknown");
    const later: Dataset = { ...before, asOf: "2020-01-01" };
    expect(validateDataset(later, { checked: new Set(before.facts), linkedAs }).map((i) => i.code)).toContain("date-after-asof");
  });
});
