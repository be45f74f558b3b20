/**
 * validateDataset checks each fact's shape with `factShapeOk` (the schema's checks written out field by field,
 * for speed) and falls back to walking the schemas only to say what is wrong. The two must agree on every
 * value of every field: a value the fast check let through and the schemas refuse would be a check lost.
 */
import fc from "fast-check";
import { bundledDataset, type Fact } from "../../../src/model";
import { factShapeOk, schemaShapeProblems, validateDataset } from "../../../src/model/validate";
import { fact } from "./helpers";

/** Values of every kind the fields can be given, valid for some fields and not for others. */
const ANY: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  1,
  2.5,
  -1,
  -1e-12,
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  "",
  " ",
  "\u00a0",
  "\t x",
  "x",
  "A",
  "a.b_c-d",
  ".a",
  "-a",
  "a b",
  "a/b",
  "é",
  "C001\n",
  "2026-01-01",
  "2024-02-29",
  "2026-02-30",
  "2026-1-01",
  "2026-01-01T00:00",
  "https://example.com/a",
  "http://x",
  "https://exa mple.com",
  "ftp://example.com",
  "https://",
  "investment",
  "contract",
  "announced",
  "rumoured",
  "press",
  "estimate",
  "value",
  "cost",
  "S1",
  "S15",
  "S16",
  "s1",
  [],
  ["S1"],
  ["S1", "S99"],
  ["x"],
  [""],
  [" "],
  [1],
  [null],
  {},
  { title: "t", publisher: "p", url: null, date: "2026-01-01" },
];

const FIELDS = [
  "id",
  "kind",
  "from",
  "to",
  "amountUsdBn",
  "amountBasis",
  "pct",
  "unit",
  "date",
  "termYears",
  "status",
  "description",
  "verified",
  "estimate",
  "supersedes",
  "claims",
  "provenance",
  "fundedUsdBn",
  "conditionalUsdBn",
  "periodMonths",
  "periodEnd",
  "derivedFrom",
  "source",
] as const;
const SOURCE_FIELDS = ["title", "publisher", "url", "date"] as const;

function withField(field: string, value: unknown): Fact {
  const f = fact({ id: "F1" }) as unknown as Record<string, unknown>;
  f[field] = value;
  return f as unknown as Fact;
}

function withSourceField(field: string, value: unknown): Fact {
  const f = fact({ id: "F1" });
  return { ...f, source: { ...f.source, [field]: value } as Fact["source"] };
}

describe("factShapeOk", () => {
  it("accepts a well-shaped fact and every bundled-style fact", () => {
    expect(factShapeOk(fact({ id: "F1" }))).toBe(true);
    expect(factShapeOk(fact({ id: "F1", derivedFrom: ["A1"], periodMonths: 12, periodEnd: "2026-06-30", fundedUsdBn: 0 }))).toBe(true);
    expect(bundledDataset.facts.filter((f) => !factShapeOk(f)).map((f) => f.id)).toEqual([]);
  });

  it("agrees with the schemas on every value of every fact field", () => {
    for (const field of FIELDS) {
      for (const value of ANY) {
        const f = withField(field, value);
        const schemaOk = schemaShapeProblems(f).length === 0;
        if (factShapeOk(f) !== schemaOk) throw new Error(`${field} = ${String(value)}: fast ${!schemaOk}, schemas ${schemaOk}`);
      }
    }
  });

  it("agrees with the schemas on every value of every source field", () => {
    for (const field of SOURCE_FIELDS) {
      for (const value of ANY) {
        const f = withSourceField(field, value);
        const schemaOk = schemaShapeProblems(f).length === 0;
        if (factShapeOk(f) !== schemaOk) throw new Error(`source.${field} = ${String(value)}: fast ${!schemaOk}, schemas ${schemaOk}`);
      }
    }
  });

  it("agrees with the schemas on random texts and numbers in any field, several at once", () => {
    const value = fc.oneof(fc.constantFrom(...ANY), fc.string({ maxLength: 12 }), fc.double(), fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("S3", "S14")), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...FIELDS, ...SOURCE_FIELDS.map((s) => `source.${s}`)), value), { minLength: 1, maxLength: 4 }), (edits) => {
        let f = fact({ id: "F1" });
        for (const [field, v] of edits) {
          f = field.startsWith("source.") ? { ...f, source: { ...f.source, [field.slice(7)]: v } as Fact["source"] } : withFieldOn(f, field, v);
        }
        return factShapeOk(f) === (schemaShapeProblems(f).length === 0);
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves validateDataset reporting a bad field as fact-shape with the schema's words", () => {
    const issues = validateDataset({ version: "t", asOf: "2026-12-31", entities: [], facts: [withField("termYears", 0)] }).filter((i) => i.code === "fact-shape");
    expect(issues).toEqual([{ code: "fact-shape", factId: "F1", message: "fact F1: termYears must be positive" }]);
  });
});

function withFieldOn(f: Fact, field: string, value: unknown): Fact {
  return { ...f, [field]: value } as Fact;
}
