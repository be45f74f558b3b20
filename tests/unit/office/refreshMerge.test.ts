/**
 * The refresh merge, on the real bundled fact rows and on small hand-made tables whose expected result is
 * written out in the test.
 */
import fc from "fast-check";
import { bundledDataset, FACT_COLUMNS, factsToRows } from "../../../src/model";
import { baselineOf, cellToken, describeMerge, mergeRows, rowHash, type TableCell } from "../../../src/office/refreshMerge";

const COLS = ["id", "amount", "note"];

function merge(current: TableCell[][], written: TableCell[][], incoming: TableCell[][], header: string[] = COLS) {
  return mergeRows({ columns: COLS, idColumn: "id", current: { header, rows: current }, baseline: baselineOf(COLS, "id", written), incoming });
}

describe("cellToken", () => {
  it("treats what Excel hands back for the same content as the same", () => {
    expect(cellToken(null)).toBe(cellToken(""));
    expect(cellToken(true)).toBe(cellToken("TRUE"));
    expect(cellToken(false)).toBe(cellToken("false"));
    expect(cellToken(30)).toBe(cellToken("30"));
    expect(cellToken(0.27)).toBe(cellToken("0.270"));
  });

  it("keeps different content apart", () => {
    expect(cellToken("2026-02-05")).not.toBe(cellToken(46058));
    expect(cellToken("C001")).not.toBe(cellToken("c001"));
    expect(cellToken(30)).not.toBe(cellToken(30.5));
    expect(cellToken("=A1*2")).not.toBe(cellToken(2));
  });
});

describe("rowHash", () => {
  it("depends on the named columns only, not on their order or on extra columns", () => {
    const a = rowHash(COLS, COLS, ["A", 5, "x"]);
    expect(rowHash(COLS, ["note", "extra", "id", "amount"], ["x", "my comment", "A", 5])).toBe(a);
    expect(rowHash(COLS, COLS, ["A", 5.0001, "x"])).not.toBe(a);
    expect(rowHash(COLS, COLS, ["A", 5, "x "])).not.toBe(a);
  });

  it("does not let a value slide between columns", () => {
    expect(rowHash(["a", "b"], ["a", "b"], ["xy", ""])).not.toBe(rowHash(["a", "b"], ["a", "b"], ["x", "y"]));
  });

  it("differs for every distinct bundled fact row", () => {
    const rows = factsToRows(bundledDataset.facts);
    const hashes = new Set(rows.map((r) => rowHash(FACT_COLUMNS, FACT_COLUMNS, r)));
    expect(hashes.size).toBe(rows.length);
  });
});

describe("mergeRows: hand-made tables", () => {
  const written: TableCell[][] = [
    ["A", 5, "a"],
    ["B", 6, "b"],
    ["C", 7, "c"],
    ["D", 8, "d"],
  ];

  it("replaces untouched rows, keeps edited and added ones, appends new ids, drops retired untouched ones", () => {
    const current: TableCell[][] = [
      ["A", 5, "a"], // untouched → newer values
      ["B", 60, "b"], // edited → kept
      ["C", 7, "c"], // untouched, not in the newer data → removed
      ["D", 8, "d"], // untouched, same newer values → unchanged
      ["MINE", 1, "my row"], // added → kept
    ];
    const incoming: TableCell[][] = [
      ["A", 50, "a2"],
      ["B", 66, "b2"],
      ["D", 8, "d"],
      ["E", 9, "e"],
    ];
    const result = merge(current, written, incoming);
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.rows).toEqual([
      ["A", 50, "a2"],
      ["B", 60, "b"],
      ["D", 8, "d"],
      ["MINE", 1, "my row"],
      ["E", 9, "e"],
    ]);
    expect(result.counts).toEqual({ added: 1, updated: 1, unchanged: 1, keptEdited: 1, keptAdded: 1, removed: 1, keptDeleted: 0 });
    expect(result.editedIds).toEqual(["B"]);
  });

  it("keeps an edited row edited on the next refresh, and updates it once the analyst reverts the edit", () => {
    const incoming: TableCell[][] = [["A", 50, "a2"]];
    const first = merge([["A", 500, "a"]], [["A", 5, "a"]], incoming);
    if (!first.ok) throw new Error(first.missing.join());
    const again = mergeRows({ columns: COLS, idColumn: "id", current: { header: COLS, rows: first.rows }, baseline: first.baseline, incoming });
    if (!again.ok) throw new Error(again.missing.join());
    expect(again.rows).toEqual([["A", 500, "a"]]);
    expect(again.counts.keptEdited).toBe(1);
    const reverted = mergeRows({ columns: COLS, idColumn: "id", current: { header: COLS, rows: [["A", 5, "a"]] }, baseline: first.baseline, incoming });
    if (!reverted.ok) throw new Error(reverted.missing.join());
    expect(reverted.rows).toEqual([["A", 50, "a2"]]);
  });

  it("does not bring back a row the analyst deleted, even when the newer data changes it", () => {
    const result = merge([["A", 5, "a"]], [["A", 5, "a"], ["B", 6, "b"]], [["A", 5, "a"], ["B", 99, "b"]]);
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.rows).toEqual([["A", 5, "a"]]);
    expect(result.counts.keptDeleted).toBe(1);
    expect(Object.keys(result.baseline)).toEqual(expect.arrayContaining(["A", "B"]));
  });

  it("keeps the analyst's own row when the newer data brings a fact with the same id", () => {
    const result = merge([["A", 5, "a"], ["NEW", 1, "mine"]], [["A", 5, "a"]], [["A", 5, "a"], ["NEW", 2, "bundled"]]);
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.rows).toEqual([["A", 5, "a"], ["NEW", 1, "mine"]]);
    expect(result.counts).toMatchObject({ keptAdded: 1, added: 0 });
  });

  it("keeps rows without an id and second copies of an id as the analyst's", () => {
    const result = merge([["A", 5, "a"], [null, 3, "scratch"], ["A", 5, "copy"]], [["A", 5, "a"]], [["A", 6, "a"]]);
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.rows).toEqual([["A", 6, "a"], [null, 3, "scratch"], ["A", 5, "copy"]]);
    expect(result.counts).toMatchObject({ updated: 1, keptAdded: 2 });
  });

  it("keeps the analyst's extra columns and their values, matching columns by header name", () => {
    const header = ["note", "id", "My flag", "amount"];
    const current: TableCell[][] = [["a", "A", "check", 5]];
    const result = merge(current, [["A", 5, "a"]], [["A", 6, "a"], ["B", 7, "b"]], header);
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.rows).toEqual([
      ["a", "A", "check", 6],
      ["b", "B", null, 7],
    ]);
  });

  it("keeps a formula the analyst typed into an amount", () => {
    const result = merge([["A", "=5*1.1", "a"]], [["A", 5, "a"]], [["A", 6, "a"]]);
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.rows).toEqual([["A", "=5*1.1", "a"]]);
    expect(result.counts.keptEdited).toBe(1);
  });

  it("leaves a blank row where it is and appends after it (writing into it would move nothing, but it is not AIFIN's)", () => {
    const result = merge([["", "", ""]], [], [["A", 5, "a"]]);
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.rows).toEqual([["", "", ""], ["A", 5, "a"]]);
    expect(result).toMatchObject({ updates: [], deletes: [], appends: [["A", 5, "a"]] });
  });

  it("plans row deletes for rows that leave the data and in-place writes only for rows whose bundled cells change", () => {
    const result = merge([["A", 5, "a"], ["B", 7, "b"], ["C", 9, "c"]], [["A", 5, "a"], ["B", 7, "b"], ["C", 9, "c"]], [["B", 8, "b"], ["C", 9, "c"]]);
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.deletes).toEqual([0]);
    expect(result.updates).toEqual([{ index: 1, row: ["B", 8, "b"] }]);
    expect(Object.keys(result.leaving)).toEqual(["A"]);
    expect(Object.keys(result.baseline).sort()).toEqual(["B", "C"]);
  });

  it("refuses, naming the column, when the analyst deleted a column AIFIN needs", () => {
    const result = merge([["A", 5]], [["A", 5, "a"]], [["A", 6, "a"]], ["id", "amount"]);
    expect(result).toEqual({ ok: false, missing: ["note"] });
  });

  it("treats Excel's read-back types as unchanged (empty cells, TRUE, numbers as text)", () => {
    const cols = ["id", "flag", "amount", "unit"];
    const written: TableCell[][] = [["A", true, 5, null]];
    const read: TableCell[][] = [["A", "TRUE", "5", ""]];
    const result = mergeRows({ columns: cols, idColumn: "id", current: { header: cols, rows: read }, baseline: baselineOf(cols, "id", written), incoming: [["A", false, 5, null]] });
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.counts).toMatchObject({ updated: 1, keptEdited: 0 });
    expect(result.rows).toEqual([["A", false, 5, null]]);
  });
});

describe("mergeRows: the bundled facts", () => {
  const rows = factsToRows(bundledDataset.facts);
  const baseline = baselineOf(FACT_COLUMNS, "id", rows);
  const amountAt = FACT_COLUMNS.indexOf("amount_usd_bn");

  it("changes nothing when the table is as AIFIN wrote it and the data is the same", () => {
    const result = mergeRows({ columns: FACT_COLUMNS, idColumn: "id", current: { header: [...FACT_COLUMNS], rows }, baseline, incoming: rows });
    if (!result.ok) throw new Error(result.missing.join());
    expect(result.rows).toEqual(rows);
    expect(result.counts).toEqual({ added: 0, updated: 0, unchanged: rows.length, keptEdited: 0, keptAdded: 0, removed: 0, keptDeleted: 0 });
    expect(result.baseline).toEqual(baseline);
  });

  it("keeps an analyst's amount while taking the newer data everywhere else", () => {
    const current = rows.map((r) => (r[0] === "C003" ? r.map((v, i) => (i === amountAt ? 35 : v)) : r));
    const newer = rows.map((r) => (r[0] === "C003" || r[0] === "C004" ? r.map((v, i) => (i === amountAt ? 31 : v)) : r));
    const result = mergeRows({ columns: FACT_COLUMNS, idColumn: "id", current: { header: [...FACT_COLUMNS], rows: current }, baseline, incoming: newer });
    if (!result.ok) throw new Error(result.missing.join());
    const byId = new Map(result.rows.map((r) => [r[0], r]));
    expect(byId.get("C003")![amountAt]).toBe(35);
    expect(byId.get("C004")![amountAt]).toBe(31);
    expect(result.counts).toMatchObject({ keptEdited: 1, updated: 1, unchanged: rows.length - 2 });
  });

  it("never loses a row the analyst edited or added (property)", () => {
    const ids = rows.map((r) => String(r[0]));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: rows.length - 1 }), { maxLength: 8 }),
        fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: rows.length - 1 }), { maxLength: 8 }),
        (edited, addedIds, retired) => {
          const current: TableCell[][] = rows.map((r, i) => (edited.includes(i) ? r.map((v, k) => (k === amountAt ? 1234.5 : v)) : [...r]));
          const added = addedIds.filter((id) => !ids.includes(id) && cellToken(id) !== "").map((id) => [id, ...Array<TableCell>(FACT_COLUMNS.length - 1).fill("x")]);
          current.push(...added);
          const incoming = rows.filter((_, i) => !retired.includes(i)).map((r) => r.map((v, k) => (k === amountAt && typeof v === "number" ? v + 1 : v)));
          const result = mergeRows({ columns: FACT_COLUMNS, idColumn: "id", current: { header: [...FACT_COLUMNS], rows: current }, baseline, incoming });
          if (!result.ok) return false;
          const out = new Set(result.rows.map((r) => JSON.stringify(r)));
          const keptAll = [...edited.map((i) => current[i]), ...added].every((r) => out.has(JSON.stringify(r)));
          return keptAll && result.counts.keptEdited + result.counts.keptAdded >= edited.length + new Set(added.map((r) => cellToken(r[0]))).size;
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("describeMerge", () => {
  it("says what changed in words", () => {
    expect(describeMerge({ added: 2, updated: 1, unchanged: 40, keptEdited: 1, keptAdded: 0, removed: 0, keptDeleted: 0 }, "facts")).toBe(
      "2 new facts added, 1 updated from the newer data, 1 you edited kept as you left it, 40 unchanged.",
    );
    expect(describeMerge({ added: 0, updated: 0, unchanged: 0, keptEdited: 0, keptAdded: 0, removed: 0, keptDeleted: 0 }, "facts")).toBe("No facts to refresh.");
  });
});
