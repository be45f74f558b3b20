/**
 * AIFIN.MODEL's incremental read (issue 13): after an edit, only changed rows are parsed and checked on their
 * own, and the checks across facts are skipped when no link changed (ids, kinds, sides, dates, status,
 * supersedes, derivations, claims, whether there is an amount). Whatever the edit, the answer must be the one
 * a cache that never saw the table gives: the same handle, the same facts, or the same error word for word.
 */
import fc from "fast-check";
import { createModelCache, type ModelCache } from "../../../src/functions/modelCache";
import { FACT_COLUMNS, type Fact } from "../../../src/model";
import { errorOf, factTable, invoke, makeFact } from "./helpers";

type Table = (string | number | boolean | null)[][];
const col = (name: string): number => FACT_COLUMNS.indexOf(name);

/** A table with a revision chain (V2 replaces V1), a group's loan, a stake and filler deals. */
function baseFacts(fillers = 40): Fact[] {
  return [
    makeFact({ id: "I1", kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: 10 }),
    makeFact({ id: "C1", kind: "contract", from: "OPENAI", to: "ORCL", amountUsdBn: 300, date: "2025-09-10", termYears: 5 }),
    makeFact({ id: "L1", kind: "loan", from: "VANTAGE-LENDERS", to: "VANTAGE", amountUsdBn: 38, date: "2025-10-01" }),
    makeFact({ id: "L2", kind: "loan", from: "JPM", to: "ORCL", amountUsdBn: 5 }),
    makeFact({ id: "V1", kind: "valuation", from: "OPENAI", to: "OPENAI", amountUsdBn: 300, date: "2025-03-31" }),
    makeFact({ id: "V2", kind: "valuation", from: "OPENAI", to: "OPENAI", amountUsdBn: 500, date: "2025-10-02", supersedes: ["V1"] }),
    makeFact({ id: "S1", kind: "stake", from: "MSFT", to: "OPENAI", pct: 0.27 }),
    ...Array.from({ length: fillers }, (_, i) => makeFact({ id: `F${i + 1}`, kind: "investment", from: i % 2 ? "NVDA" : "AMZN", to: "ANTHROPIC", amountUsdBn: 1 + i })),
  ];
}

/** The row (1-based data rows after the header) of a fact id in a table. */
const rowOf = (table: Table, id: string): number => table.findIndex((r, i) => i > 0 && r[col("id")] === id);

function edit(table: Table, id: string, column: string, value: string | number | boolean | null): Table {
  const out = table.map((r) => [...r]);
  out[rowOf(table, id)][col(column)] = value;
  return out;
}

/** What MODEL answers: the handle and the model's facts, or the error. */
function answer(models: ModelCache, table: Table): { handle: string; facts: readonly Fact[] } | { code: string; message: string } {
  const out = invoke("MODEL", [table.map((r) => [...r])], models);
  const error = errorOf(out);
  if (error) return error;
  const handle = out as string;
  return { handle, facts: models.resolve(handle, "TEST", "model").model.dataset.facts };
}

describe("incremental MODEL answers exactly as a full read", () => {
  const steps: [string, (t: Table) => Table, RegExp | null][] = [
    ["an amount (links unchanged)", (t) => edit(t, "I1", "amount_usd_bn", 12), null],
    ["a description", (t) => edit(t, "C1", "description", "re-worded"), null],
    ["a superseded fact's date made newer than its successor", (t) => edit(t, "V1", "date", "2025-11-01"), /supersedes the newer fact V1/],
    ["the date put back", (t) => edit(t, "V1", "date", "2025-03-31"), null],
    ["an id that differs from another only in case", (t) => edit(t, "F5", "id", "f3"), /duplicate id "f3"/],
    ["the id put back", (t) => edit(t, "f3", "id", "F5"), null],
    ["a supersedes link removed (two valuations in force)", (t) => edit(t, "V2", "supersedes", ""), /both in force/],
    ["the link put back", (t) => edit(t, "V2", "supersedes", "V1"), null],
    ["a supersedes link to an unknown fact", (t) => edit(t, "V2", "supersedes", "V9"), /supersedes unknown fact V9/],
    ["the link put back again", (t) => edit(t, "V2", "supersedes", "V1"), null],
    ["a member's loan beside its group's (group overlap)", (t) => edit(edit(t, "L2", "to", "VANTAGE"), "L2", "date", "2025-10-01"), /group's loan includes its member's/],
    ["the loan put back", (t) => edit(t, "L2", "to", "ORCL"), null],
    ["a member's loan with no amount beside its group's (no overlap)", (t) => edit(edit(t, "L2", "amount_usd_bn", null), "L2", "to", "VANTAGE"), null],
    ["its amount filled in (now an overlap)", (t) => edit(t, "L2", "amount_usd_bn", 5), /group's loan includes its member's/],
    ["that loan put back", (t) => edit(t, "L2", "to", "ORCL"), null],
    ["the superseded fact made shapeless (its successor then points at nothing)", (t) => edit(t, "V1", "source_title", " "), /2 problems|fact-shape|source\.title/],
    ["the shape put back", (t) => edit(t, "V1", "source_title", "Test source"), null],
    ["an amount that is not a number", (t) => edit(t, "F7", "amount_usd_bn", "forty"), /expected a number, got "forty"/],
    ["the amount put back", (t) => edit(t, "F7", "amount_usd_bn", 7), null],
    ["an amount removed (the fact no longer counts for group overlaps)", (t) => edit(t, "L1", "amount_usd_bn", null), null],
    ["a kind changed", (t) => edit(t, "F9", "kind", "loan"), null],
    ["a status changed to rumoured", (t) => edit(t, "F10", "status", "rumoured"), null],
    ["a row inserted", (t) => [...t.slice(0, 5), factTable([makeFact({ id: "NEW", kind: "loan", from: "JPM", to: "ORCL", amountUsdBn: 2 })])[1], ...t.slice(5)], null],
    ["a row deleted", (t) => [...t.slice(0, 3), ...t.slice(4)], null],
    ["a row moved to the end", (t) => [t[0], ...t.slice(2), t[1]], null],
  ];

  it("step by step: edits, errors, fixes, inserts, deletes, moves", () => {
    const models = createModelCache();
    let table = factTable(baseFacts());
    expect(answer(models, table)).toEqual(answer(createModelCache(), table));
    for (const [what, change, error] of steps) {
      table = change(table);
      const incremental = answer(models, table);
      const full = answer(createModelCache(), table);
      expect({ what, answer: incremental }).toEqual({ what, answer: full });
      if (error) expect({ what, message: "message" in full ? full.message : "(no error)" }).toEqual({ what, message: expect.stringMatching(error) });
      else expect({ what, error: "message" in full ? full.message : null }).toEqual({ what, error: null });
    }
  });

  it("parses only the edited row and checks it alone when no link changed", () => {
    const models = createModelCache();
    const table = factTable(baseFacts(2_000));
    models.load(table, null, false);
    const parsed = models.stats.rowsParsed;
    const handle = models.load(edit(table, "F1500", "amount_usd_bn", 2_000), null, false);
    expect(models.stats.rowsParsed - parsed).toBe(1);
    expect(invoke("FACT", ["F1500", "amount", handle], models)).toBe(2_000);
  });

  it("any sequence of single-cell edits gives the answer of a full read (property)", () => {
    const fields: [string, (string | number | boolean | null)[]][] = [
      ["id", ["I1", "F2", "f2", "X9", ""]],
      ["kind", ["investment", "loan", "contract", "valuation", "stake", "bogus"]],
      ["from", ["MSFT", "JPM", "VANTAGE-LENDERS", "OPENAI", "NOBODY"]],
      ["to", ["OPENAI", "ORCL", "VANTAGE", "ANTHROPIC"]],
      ["amount_usd_bn", [1, 38, -2, null, "x"]],
      ["date", ["2025-01-01", "2025-10-02", "2026-03-01", "2026-02-30"]],
      ["status", ["signed", "rumoured", "announced"]],
      ["supersedes", ["", "V1", "V2", "I1", "F1", "V9"]],
      ["estimate", [true, false]],
      ["claims", ["", "S1", "S99"]],
      ["description", ["", "changed", "an estimate"]],
      ["derived_from", ["", "I1", "NONE"]],
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(fields.length - 1), fc.nat()), { minLength: 1, maxLength: 6 }),
        (edits) => {
          const models = createModelCache();
          let table = factTable(baseFacts(8));
          answer(models, table);
          for (const [row, field, choice] of edits) {
            const [column, values] = fields[field];
            table = table.map((r) => [...r]);
            table[1 + (row % (table.length - 1))][col(column)] = values[choice % values.length];
            expect(answer(models, table)).toEqual(answer(createModelCache(), table));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("a caller that passes the same arrays again", () => {
  it("gets what a full read of their current content gives, even after writing into them", () => {
    const models = createModelCache();
    const rows: Table = factTable(baseFacts(4));
    const first = models.load(rows, null, false);
    // Excel passes new arrays on every call; a script may pass its own again after changing a cell.
    rows[rowOf(rows, "I1")][col("amount_usd_bn")] = 99;
    const second = models.load(rows, null, false);
    expect(second).not.toBe(first);
    expect(second).toBe(createModelCache().load(rows.map((r) => [...r]), null, false));
    expect(models.resolve(second, "TEST", "model").model.dataset.facts.find((f) => f.id === "I1")?.amountUsdBn).toBe(99);
    // Unchanged and passed again: the same handle.
    expect(models.load(rows, null, false)).toBe(second);
  });
});
