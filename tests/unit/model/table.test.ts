import fc from "fast-check";
import {
  bundledDataset,
  CLAIM_IDS,
  ENTITY_COLUMNS,
  entitiesFromRows,
  entitiesToRows,
  FACT_COLUMNS,
  FACT_KINDS,
  PROVENANCES,
  FACT_STATUSES,
  factsFromRows,
  factsToRows,
  ROLES,
  type Entity,
  type Fact,
} from "../../../src/model";
import { fact } from "./helpers";

const factTable = (facts: readonly Fact[]) => [[...FACT_COLUMNS], ...factsToRows(facts)];
const entityTable = (entities: readonly Entity[]) => [[...ENTITY_COLUMNS], ...entitiesToRows(entities)];

// ---- arbitraries: what a fact or entity may hold (free text may have any spacing; ids are ASCII) ----
const idArb = fc.stringMatching(/^[A-Z][A-Z0-9-]{0,8}$/);
const freeText = fc.string({ maxLength: 30 }).filter((s) => (s === "" || s.trim() !== "") && !s.trim().startsWith("#"));
const nonBlank = freeText.filter((s) => s.trim() !== "");
const isoArb = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
const factArb: fc.Arbitrary<Fact> = fc.record({
  id: idArb,
  kind: fc.constantFrom(...FACT_KINDS),
  from: idArb,
  to: idArb,
  amountUsdBn: fc.option(num, { nil: null }),
  amountBasis: fc.constantFrom("value" as const, "cost" as const, null),
  pct: fc.option(num, { nil: null }),
  unit: freeText,
  date: isoArb,
  termYears: fc.option(num, { nil: null }),
  status: fc.constantFrom(...FACT_STATUSES),
  description: freeText,
  source: fc.record({
    title: freeText,
    publisher: freeText,
    url: fc.option(fc.stringMatching(/^https:\/\/[a-z]{1,10}\.example\/[a-z0-9]{0,8}$/), { nil: null }),
    date: isoArb,
  }),
  verified: fc.boolean(),
  estimate: fc.boolean(),
  supersedes: fc.uniqueArray(idArb, { maxLength: 3 }),
  claims: fc.subarray([...CLAIM_IDS]),
  provenance: fc.constantFrom(...PROVENANCES),
  fundedUsdBn: fc.option(num, { nil: null }),
  conditionalUsdBn: fc.option(num, { nil: null }),
  periodMonths: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
  periodEnd: fc.option(isoArb, { nil: null }),
});
const entityArb: fc.Arbitrary<Entity> = fc.record({
  id: idArb,
  name: nonBlank,
  nameZh: fc.option(nonBlank, { nil: null }),
  aliases: fc.array(nonBlank.filter((s) => !s.includes("|") && s.trim() === s), { maxLength: 4 }),
  roles: fc.subarray([...ROLES]),
  listed: fc.boolean(),
  members: fc.uniqueArray(idArb, { maxLength: 3 }),
});

describe("table layout", () => {
  it("has the analyst-readable fact columns in the agreed order", () => {
    expect(FACT_COLUMNS).toEqual([
      "id", "kind", "from", "to", "amount_usd_bn", "pct", "amount_basis", "unit", "date", "term_years", "status",
      "estimate", "verified", "supersedes", "claims", "description", "source_title", "source_publisher", "source_url", "source_date",
      "provenance", "funded_usd_bn", "conditional_usd_bn", "period_months", "period_end", "derived_from",
    ]);
    expect(ENTITY_COLUMNS).toEqual(["id", "name", "name_zh", "aliases", "roles", "listed", "members"]);
  });

  it("writes one row per fact with lists as comma text", () => {
    const row = factsToRows([fact({ id: "X1", supersedes: ["A", "B"], claims: ["S1", "S8"], amountUsdBn: null })])[0];
    expect(row).toHaveLength(FACT_COLUMNS.length);
    expect(row[FACT_COLUMNS.indexOf("supersedes")]).toBe("A, B");
    expect(row[FACT_COLUMNS.indexOf("claims")]).toBe("S1, S8");
    expect(row[FACT_COLUMNS.indexOf("amount_usd_bn")]).toBeNull();
  });
});

describe("provenance and money-certainty columns", () => {
  const header = [...FACT_COLUMNS];
  const row = (over: Record<string, unknown>) => header.map((h) => (h in over ? over[h] : null));
  const base = { id: "X1", kind: "investment", from: "A", to: "B", date: "2026-01-01", status: "announced" };

  it("reads provenance, funded, conditional and period cells", () => {
    const { facts, issues } = factsFromRows([header, row({ ...base, provenance: "Primary", funded_usd_bn: 15, conditional_usd_bn: "35", period_months: 3, period_end: "2026-03-31" })]);
    expect(issues).toEqual([]);
    expect(facts[0]).toMatchObject({ provenance: "primary", fundedUsdBn: 15, conditionalUsdBn: 35, periodMonths: 3, periodEnd: "2026-03-31" });
  });

  it("ranks a row typed without a provenance as secondary, or estimate when marked as one", () => {
    const { facts } = factsFromRows([header, row(base), row({ ...base, id: "X2", estimate: true })]);
    expect(facts.map((f) => f.provenance)).toEqual(["secondary", "estimate"]);
  });

  it("reads a table written before the new columns existed", () => {
    const old = header.slice(0, header.indexOf("provenance"));
    const { facts, issues } = factsFromRows([old, old.map((h) => (h in base ? base[h as keyof typeof base] : null))]);
    expect(issues).toEqual([]);
    expect(facts[0]).toMatchObject({ provenance: "secondary", fundedUsdBn: null, conditionalUsdBn: null, periodMonths: null, periodEnd: null });
  });

  it("rejects an unknown provenance", () => {
    const { facts, issues } = factsFromRows([header, row({ ...base, provenance: "rumour mill" })]);
    expect(facts).toEqual([]);
    expect(issues[0]).toMatchObject({ row: 2, column: "provenance" });
  });
});

describe("round trip", () => {
  it("reads back the bundled facts and entities exactly", () => {
    const facts = factsFromRows(factTable(bundledDataset.facts));
    expect(facts.issues).toEqual([]);
    expect(facts.facts).toEqual(bundledDataset.facts);
    const entities = entitiesFromRows(entityTable(bundledDataset.entities));
    expect(entities.issues).toEqual([]);
    expect(entities.entities).toEqual(bundledDataset.entities);
  });

  it("fromRows(toRows(facts)) is the identity for any facts", () => {
    fc.assert(
      fc.property(fc.uniqueArray(factArb, { selector: (f) => f.id, maxLength: 8 }), (facts) => {
        const back = factsFromRows(factTable(facts));
        expect(back.issues).toEqual([]);
        expect(back.facts).toEqual(facts);
      }),
      { numRuns: 300 },
    );
  });

  it("fromRows(toRows(entities)) is the identity for any entities", () => {
    fc.assert(
      fc.property(fc.uniqueArray(entityArb, { selector: (e) => e.id, maxLength: 8 }), (entities) => {
        const back = entitiesFromRows(entityTable(entities));
        expect(back.issues).toEqual([]);
        expect(back.entities).toEqual(entities);
      }),
      { numRuns: 300 },
    );
  });
});

describe("reading cells as Excel hands them back", () => {
  const header = ["ID", "Kind", "From", "To", "Amount USD bn", "pct", "date", "status", "estimate", "verified", "source_date", "claims", "notes"];

  it("accepts numeric text, percent text, Excel date serials, yes/no and TRUE/FALSE, blanks as null", () => {
    const { facts, issues } = factsFromRows([
      header,
      ["Z1", "Stake", "MSFT", "OPENAI", "1,250.5", "27%", 46058, "reported", "no", true, "2026-02-05T00:00:00Z", "s8; S2", "ignored"],
      ["Z2", "loan", "BANKS", "ORCL", 18, 0.5, "2025-09-01", "closed", "TRUE", "yes", null, "", null],
      ["Z3", "contract", "OPENAI", "ORCL", "", undefined, "46058", "signed", null, "", "", null, null],
    ]);
    expect(issues).toEqual([]);
    expect(facts.map((f) => [f.id, f.kind, f.amountUsdBn, f.pct, f.date, f.estimate, f.verified, f.source.date, f.claims])).toEqual([
      ["Z1", "stake", 1250.5, 0.27, "2026-02-05", false, true, "2026-02-05", ["S8", "S2"]],
      ["Z2", "loan", 18, 0.5, "2025-09-01", true, true, "2025-09-01", []],
      ["Z3", "contract", null, null, "2026-02-05", false, false, "2026-02-05", []],
    ]);
  });

  it("upper-cases entity ids typed in lower case, but keeps fact ids as typed", () => {
    const { facts } = factsFromRows([header, ["c001b", "loan", "msft", " openai ", 1, null, "2026-01-01", "closed"]]);
    expect(facts.map((f) => [f.id, f.from, f.to])).toEqual([["c001b", "MSFT", "OPENAI"]]);
    const { entities } = entitiesFromRows([["id", "name", "members"], ["grp", "Group", "msft, nvda"]]);
    expect(entities.map((e) => [e.id, e.members])).toEqual([["GRP", ["MSFT", "NVDA"]]]);
  });

  it("skips blank rows without an issue", () => {
    const { facts, issues } = factsFromRows([header, [null, "", null], ["Z1", "loan", "A", "B", 1, null, "2026-01-01", "closed"]]);
    expect(issues).toEqual([]);
    expect(facts.map((f) => f.id)).toEqual(["Z1"]);
  });

  it("reports bad cells with their 1-based row (header = row 1) and skips the row", () => {
    const { facts, issues } = factsFromRows([
      header,
      ["B1", "loan", "A", "B", "lots", null, "2026-01-01", "closed"],
      ["B2", "gift", "A", "B", 1, null, "2026-01-01", "closed"],
      ["B3", "loan", "A", "B", 1, null, "5 Feb 2026", "closed"],
      ["B4", "loan", "A", "B", 1, null, "2026-01-01", "closed", "maybe"],
      ["B5", "loan", "A", "B", "#N/A", null, "2026-01-01", "closed"],
      ["B6", "loan", "", "B", 1, null, "2026-01-01", "closed"],
      ["B7", "loan", "A", "B", 1, null, "2026-01-01", "closed", null, null, null, "S99"],
      ["OK", "loan", "A", "B", 1, null, "2026-01-01", "closed"],
      ["OK", "loan", "A", "B", 2, null, "2026-01-01", "closed"],
    ]);
    expect(facts.map((f) => f.id)).toEqual(["OK"]);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [2, "amount_usd_bn"],
      [3, "kind"],
      [4, "date"],
      [5, "estimate"],
      [6, "amount_usd_bn"],
      [7, "from"],
      [8, "claims"],
      [10, "id"],
    ]);
    expect(issues[0].message).toMatch(/expected a number/);
    expect(issues[4].message).toMatch(/#N\/A/);
  });

  it("reports missing required columns on the header row instead of throwing", () => {
    const { facts, issues } = factsFromRows([["id", "kind", "amount"], ["X", "loan", 1]]);
    expect(facts).toEqual([]);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [1, "from"],
      [1, "to"],
      [1, "date"],
      [1, "status"],
    ]);
    expect(factsFromRows([]).issues).toHaveLength(1);
  });

  it("reads entity lists: aliases split on '|', roles and members on commas, unknown roles reported", () => {
    const { entities, issues } = entitiesFromRows([
      ["id", "name", "aliases", "roles", "listed", "members"],
      ["G", "Group", "BANKS(JPM,MUFG) | Syndicate", "aggregate, lender", "no", "JPM, MUFG"],
      ["H", "Bad", "", "wizard", "", ""],
    ]);
    expect(entities).toEqual([
      { id: "G", name: "Group", nameZh: null, aliases: ["BANKS(JPM,MUFG)", "Syndicate"], roles: ["aggregate", "lender"], listed: false, members: ["JPM", "MUFG"] },
    ]);
    expect(issues).toEqual([{ row: 3, column: "roles", message: expect.stringMatching(/unknown role "wizard"/) }]);
  });
});

describe("list cells", () => {
  const col = (name: string) => FACT_COLUMNS.indexOf(name);
  const base = factsToRows([fact({ id: "F1" })])[0];
  const read = (column: string, value: string) => {
    const row = [...base];
    row[col(column)] = value;
    return factsFromRows([[...FACT_COLUMNS], row]);
  };
  // What a list cell means, written plainly: split at commas and semicolons, trim, drop empty items.
  const items = (v: string) => (v.trim() === "" ? [] : v.split(/[,;]/).map((s) => s.trim()).filter((s) => s !== ""));

  it("splits supersedes and derived_from at commas and semicolons, trimmed, empty items dropped (property)", () => {
    const text = fc.array(fc.constantFrom("C1", "c-2", " ", ",", ";", "\u00a0", "\t", "x y", "É"), { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (v) => {
        expect(read("supersedes", v).facts[0].supersedes).toEqual(items(v));
        const derived = items(v);
        expect(read("derived_from", v).facts[0].derivedFrom).toEqual(derived.length === 0 ? undefined : derived);
      }),
    );
  });

  it("reads claims in any case and with any separators, and names an unknown claim as typed", () => {
    expect(read("claims", "s1; S3 ,s15,").facts[0].claims).toEqual(["S1", "S3", "S15"]);
    expect(read("claims", " ; ").facts[0].claims).toEqual([]);
    // Upper case as JavaScript has it: the long s "ſ" is an "S".
    expect(read("claims", "S1, ſ2").facts[0].claims).toEqual(["S1", "S2"]);
    expect(read("claims", "S1, s99").issues[0].message).toMatch(/unknown claim "s99"/);
  });

  it("upper-cases entity ids however they are typed, ASCII or not", () => {
    const row = [...base];
    row[col("from")] = "msft";
    row[col("to")] = "Straße";
    const f = factsFromRows([[...FACT_COLUMNS], row]).facts[0];
    expect([f.from, f.to]).toEqual(["MSFT", "STRASSE"]);
  });
});
