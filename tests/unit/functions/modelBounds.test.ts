/**
 * AIFIN.MODEL, bounded and incremental (issues 11 and 13): each scenario the reliability review reproduced
 * is a test here that failed before the fix. MODEL re-reads only the rows an analyst changed, stays linear in
 * its rows, keeps a bounded amount in memory, accepts error cells and says where a problem is.
 */
import { createHarness, isCellError } from "../../harness/formulaHarness";
import { createModelCache, handleFor, rangePlace } from "../../../src/functions/modelCache";
import { FACT_COLUMNS, getBundledModel, createModel, bundledDataset, type Fact } from "../../../src/model";
import { columnLetters } from "../../../src/office/a1";
import { errorOf, factTable, invoke, makeFact } from "./helpers";

const col = (name: string): number => FACT_COLUMNS.indexOf(name);

/** n investment facts between bundled entities, each its own deal. */
function table(n: number): unknown[][] {
  const pairs = [
    ["MSFT", "OPENAI"],
    ["NVDA", "OPENAI"],
    ["AMZN", "ANTHROPIC"],
    ["GOOGL", "ANTHROPIC"],
  ];
  return factTable(
    Array.from({ length: n }, (_, i) => makeFact({ id: `R${i + 1}`, kind: "investment", from: pairs[i % 4][0], to: pairs[i % 4][1], amountUsdBn: 1 + (i % 7) })),
  );
}

describe("incremental MODEL", () => {
  it("re-reads only the edited row, and the handle changes exactly when the content does", () => {
    const models = createModelCache();
    const rows = table(2_000);
    const first = models.load(rows, null, false);
    expect(models.stats.rowsParsed).toBe(2_000);

    const edited = rows.map((r) => [...r]);
    edited[501][col("amount_usd_bn")] = 99;
    const second = models.load(edited, null, false);
    expect(second).not.toBe(first);
    expect(models.stats.rowsParsed).toBe(2_001);
    expect(second).toBe(handleFor(edited, null, false, getBundledModel().dataset.version));
    // Row 501 is R501 (i = 500: MSFT → OPENAI, amount (500 % 7) + 1 = 4); 99 replaces it: a rise of 95.
    const before = invoke("FUNDING", ["MSFT", "OPENAI", null, null, first], models) as number;
    const after = invoke("FUNDING", ["MSFT", "OPENAI", null, null, second], models) as number;
    expect(Math.round((after - before) * 1e9) / 1e9).toBe(95);

    // Undoing the edit gives the first handle back, from the cache, parsing nothing.
    const undone = rows.map((r) => [...r]);
    expect(models.load(undone, null, false)).toBe(first);
    expect(models.stats.rowsParsed).toBe(2_001);
  });

  it("reads an inserted or deleted row without re-reading the rest", () => {
    const models = createModelCache();
    const rows = table(1_000);
    models.load(rows, null, false);
    const inserted = [...rows.slice(0, 301), factTable([makeFact({ id: "NEW", kind: "loan", from: "JPM", to: "ORCL", amountUsdBn: 5 })])[1], ...rows.slice(301)];
    const handle = models.load(inserted, null, false);
    expect(models.stats.rowsParsed).toBe(1_001);
    expect(invoke("FUNDING", ["JPM", "ORCL", "debt", null, handle], models)).toBe(5);
    const deleted = [...rows.slice(0, 10), ...rows.slice(11)];
    models.load(deleted, null, false);
    expect(models.stats.rowsParsed).toBe(1_001);
  });

  it("reuses rows that moved, and reads a row changed in place again, answering as a full read", () => {
    const models = createModelCache();
    const rows = table(1_000);
    models.load(rows, null, false);
    // The table sorted the other way: every row is found among the rows read before, nothing is parsed.
    const swapped = [rows[0], ...rows.slice(1).reverse()].map((r) => [...r]);
    const parsed = models.stats.rowsParsed;
    const handle = models.load(swapped, null, false);
    expect(models.stats.rowsParsed).toBe(parsed);
    // Two distant rows swapped, each where another was: read again (2 rows), not looked up (the map of every
    // row a look-up needs is not built for changes in place).
    const twoSwapped = rows.map((r) => [...r]);
    [twoSwapped[100], twoSwapped[900]] = [twoSwapped[900], twoSwapped[100]];
    const other = createModelCache();
    other.load(rows, null, false);
    other.load(twoSwapped, null, false);
    expect(other.stats.rowsParsed).toBe(1_002);
    // One row edited in place (the rows around it where they were), then undone, then edited again.
    const edited = swapped.map((r) => [...r]);
    edited[500][col("amount_usd_bn")] = 42;
    const editedHandle = models.load(edited, null, false);
    expect(models.stats.rowsParsed).toBe(parsed + 1);
    expect(models.load(swapped.map((r) => [...r]), null, false)).toBe(handle);
    const version = getBundledModel().dataset.version;
    expect(editedHandle).toBe(handleFor(edited, null, false, version));
    const full = createModelCache();
    expect(full.load(edited.map((r) => [...r]), null, false)).toBe(editedHandle);
    expect(models.resolve(editedHandle, "TEST", "model").model.dataset.facts).toEqual(full.resolve(editedHandle, "TEST", "model").model.dataset.facts);
  });

  it("gives the same handle whichever earlier table it compared with", () => {
    const a = createModelCache();
    const b = createModelCache();
    const rows = table(300);
    const other = table(300).map((r, i) => (i === 7 ? r.map((c, k) => (k === col("amount_usd_bn") ? 42 : c)) : r));
    a.load(other, null, false);
    expect(a.load(rows, null, false)).toBe(b.load(rows, null, false));
  });
});

describe("bounded MODEL", () => {
  it("keeps at most maxFacts facts of workbook models in memory, dropping the least recently used", () => {
    const models = createModelCache({ maxFacts: 250 });
    const handles = [1, 2, 3].map((k) => models.load(table(100 + k), null, false));
    expect(handles.map((h) => models.has(h))).toEqual([false, true, true]);
    expect(models.stats.evictions).toBe(1);
  });

  it("builds a supersedes chain of 8,000 facts in linear time (it took 30 s and 838 MB)", () => {
    const facts: Fact[] = Array.from({ length: 8_000 }, (_, i) =>
      makeFact({
        id: `V${i}`,
        kind: "valuation",
        from: "OPENAI",
        to: "OPENAI",
        amountUsdBn: 100 + i,
        date: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10),
        supersedes: i === 0 ? [] : [`V${i - 1}`],
      }),
    );
    const start = Date.now();
    const models = createModelCache();
    const handle = models.load(factTable(facts), null, false);
    expect(errorOf(handle)).toBeNull();
    expect(invoke("FACT", ["V7999", "amount", handle], models)).toBe(8_099);
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it("drops views beyond its bound and rebuilds them on demand", () => {
    const model = createModel(bundledDataset);
    const first = model.view("2026-01-01");
    expect(model.view("2026-01-01")).toBe(first);
    for (let d = 1; d <= 100; d++) model.view(new Date(Date.UTC(2025, 0, d)).toISOString().slice(0, 10));
    const again = model.view("2026-01-01");
    expect(again).not.toBe(first);
    expect(again.facts).toEqual(first.facts);
  });
});

describe("malformed tables are refused with their location", () => {
  const facts = () => table(3);

  it("refuses ids that differ only in case (they doubled a funding figure)", () => {
    const rows = facts();
    rows[2][col("id")] = "r1";
    expect(errorOf(invoke("MODEL", [rows]))?.message).toMatch(/row 3 of the range, column id: duplicate id "r1" \(also on row 2 of the range as "R1"\): ids must differ by more than case/);
  });

  it.each(["pct", "verified"])("refuses a table without a %s column (it read every value as empty)", (name) => {
    const rows = facts().map((r) => r.filter((_, k) => k !== col(name)));
    expect(errorOf(invoke("MODEL", [rows]))?.message).toMatch(new RegExp(`row 1 of the range, column ${name}: missing column "${name}"`));
  });

  it("refuses an amount of 1e308, whose sums overflow", () => {
    const rows = facts();
    rows[1][col("amount_usd_bn")] = 1e308;
    expect(errorOf(invoke("MODEL", [rows]))?.message).toMatch(/row 2 of the range, column amount_usd_bn: 1e\+308 is beyond/);
  });

  it("refuses a date with an invalid time (2026-02-05T25:00 was read as 5 February)", () => {
    const rows = facts();
    rows[3][col("date")] = "2026-02-05T25:00";
    expect(errorOf(invoke("MODEL", [rows]))?.message).toMatch(/row 4 of the range, column date: expected an ISO date/);
  });

  it("names the sheet row, which blank rows above do not shift (it counted non-blank rows of the range)", () => {
    const models = createModelCache();
    const rows = facts();
    rows[3][col("amount_usd_bn")] = "forty";
    const withBlanks = [rows[0], rows[1], FACT_COLUMNS.map(() => null), FACT_COLUMNS.map(() => ""), rows[2], rows[3]];
    const err = errorOf(invoke("MODEL", [withBlanks], models, { parameterAddresses: ["Facts!A4:T9"] }));
    // The range starts on sheet row 4; the bad row is its 6th row: sheet row 9.
    expect(err?.message).toMatch(/first: sheet Facts, row 9, column amount_usd_bn: expected a number, got "forty"/);
  });

  it("names the row of a fact the model finds inconsistent", () => {
    const rows = factTable([makeFact({ id: "X1", kind: "investment", from: "ACME", to: "OPENAI", amountUsdBn: 1 })]);
    const err = errorOf(invoke("MODEL", [rows], createModelCache(), { parameterAddresses: ["'My facts'!$B$10:$U$11"] }));
    expect(err?.message).toMatch(/fact X1 on sheet My facts, row 11: fact X1: from "ACME" is not an entity/);
  });

  it("reads range addresses with and without a sheet", () => {
    expect(rangePlace("Facts!A1:T200")).toEqual({ sheet: "Facts", firstRow: 1 });
    expect(rangePlace("'It''s'!$C$7:$D$9")).toEqual({ sheet: "It's", firstRow: 7 });
    expect(rangePlace("B3:C4")).toEqual({ sheet: null, firstRow: 3 });
    expect(rangePlace("nonsense")).toBeNull();
  });
});

describe("error cells in the facts range", () => {
  it("ignores an error in an analyst's own column and locates one in a column AIFIN reads (before: #N/A with no location)", () => {
    const rows = table(3).map((r, i) => [...r, i === 0 ? "my notes" : "ok"]);
    const h = createHarness(
      {
        Facts: [...rows.map((r) => r.map((c) => (c === null ? null : c))) as (string | number | boolean | null)[][]],
        S: [[`=AIFIN.MODEL(Facts!A1:${columnLetters(FACT_COLUMNS.length + 1)}4)`, '=AIFIN.FUNDING("MSFT","OPENAI",,,A1)']],
      },
      { spillRows: 1 },
    );
    const notes = columnLetters(FACT_COLUMNS.length + 1); // the column after the facts columns
    h.setValue("Facts", `${notes}3`, "=NA()");
    expect(isCellError(h.getValue("S", "A1"))).toBe(false);
    expect(h.getValue("S", "B1")).toBe(1);
    const amountColumn = columnLetters(col("amount_usd_bn") + 1);
    h.setValue("Facts", `${amountColumn}2`, "=NA()");
    const err = h.getValue("S", "A1");
    expect(isCellError(err) && err.message).toMatch(/row 2 of the range, column amount_usd_bn: the cell holds the Excel error #N\/A/);
    h.destroy();
  });
});

describe("as_of before the data", () => {
  it("says the model has no data then (it returned 0)", () => {
    const models = createModelCache();
    const handle = models.load(factTable([makeFact({ id: "A", kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: 3, date: "2026-01-15" })]), null, false);
    expect(invoke("FUNDING", ["MSFT", "OPENAI", null, "2026-01-15", handle], models)).toBe(3);
    expect(errorOf(invoke("FUNDING", ["MSFT", "OPENAI", null, "2026-01-14", handle], models))).toEqual({
      code: "#N/A",
      message: "AIFIN.FUNDING: the model has no data before 2026-01-15; as_of 2026-01-14 is earlier. Use a date from 2026-01-15 on, or leave as_of empty for the latest.",
    });
  });
});
