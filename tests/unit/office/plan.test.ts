/**
 * The pure parts behind a build: the plan (names, clashes, what is updated), the ownership record's XML,
 * A1 arithmetic and the sheet specs.
 */
import { planBuild, sheetNameFor, tableNameFor, type WorkbookSnapshot } from "../../../src/office/buildPlan";
import { emptyOwnershipRecord, ownedSheets, ownershipRecordFromXml, ownershipRecordToXml, type BuildRecord, type OwnershipRecord } from "../../../src/office/ownershipRecord";
import { cellAddress, columnLetters, columnNumber, parseRange, rangeAddress, sheetRef } from "../../../src/office/a1";
import {
  BASE_SHEET_NAMES,
  columnFormat,
  cyclesSheetSpec,
  exposureSheetSpec,
  sourcesSheetSpec,
  stressSheetSpec,
  type EntityLine,
  tableSheetSpec,
  type TemplateRefs,
} from "../../../src/office/templateSpec";
import { bundledDataset } from "../../../src/model";

function record(key: number, ids: Partial<Record<string, string>>): BuildRecord {
  return {
    key,
    sheets: ids,
    tables: { facts: tableNameFor("facts", key), entities: tableNameFor("entities", key) },
    datasetVersion: "v1",
    options: { entity: "MSFT", asOf: "2026-07-03", includeRumoured: false },
    baseline: { columns: { facts: ["id"], entities: ["id"] }, hashes: { facts: { C001: "abc" }, entities: {} } },
  };
}

// History and Claims last so the indexes below (3 = facts, 5 = sources) stay put.
const ROLES = ["exposure", "stress", "cycles", "facts", "entities", "sources", "history", "claims"] as const;
const ownedIds = Object.fromEntries(ROLES.map((r) => [r, `id-${r}`]));

function snapshot(sheets: Array<[string, string]>, tables: string[], record: OwnershipRecord = emptyOwnershipRecord()): WorkbookSnapshot {
  return { sheets: sheets.map(([id, name]) => ({ id, name })), tables, record };
}

const ownedBuild = (): WorkbookSnapshot =>
  snapshot(
    ROLES.map((r) => [`id-${r}`, BASE_SHEET_NAMES[r]]),
    ["AIFIN_Facts", "AIFIN_Entities"],
    { version: 1, builds: [record(1, ownedIds)] },
  );

describe("planBuild", () => {
  it("plans base names in an empty workbook, whatever the clash choice", () => {
    for (const onClash of ["ask", "update", "alongside"] as const) {
      const plan = planBuild(snapshot([["s1", "Sheet1"]], []), onClash);
      expect(plan).toMatchObject({ kind: "plan", key: 1, previous: null });
      if (plan.kind !== "plan") return;
      expect(plan.sheets.facts).toEqual({ name: "AIFIN Facts", existingId: null });
      expect(plan.tables.facts).toEqual({ name: "AIFIN_Facts", existing: false });
    }
  });

  it("asks when a name is taken, ignoring case as Excel does", () => {
    expect(planBuild(snapshot([["s1", "aifin facts"]], []), "ask")).toEqual({ kind: "clash", clashes: ["aifin facts"], foreign: ["aifin facts"] });
  });

  it("asks about its own earlier build, naming no foreign sheet", () => {
    const plan = planBuild(ownedBuild(), "ask");
    expect(plan).toMatchObject({ kind: "clash", foreign: [] });
    if (plan.kind === "clash") expect(plan.clashes.sort()).toEqual(Object.values(BASE_SHEET_NAMES).sort());
  });

  it("updates its own sheets by id, even renamed, and its own tables in place", () => {
    const snap = ownedBuild();
    (snap.sheets as Array<{ id: string; name: string }>)[3] = { id: "id-facts", name: "Deal facts" };
    const plan = planBuild(snap, "update");
    if (plan.kind !== "plan") throw new Error("expected a plan");
    expect(plan.sheets.facts).toEqual({ name: "Deal facts", existingId: "id-facts" });
    expect(plan.tables.facts).toEqual({ name: "AIFIN_Facts", existing: true });
    expect(plan.previous?.key).toBe(1);
  });

  it("recreates a deleted sheet of its build beside a foreign sheet that took the name", () => {
    const snap = ownedBuild();
    (snap.sheets as Array<{ id: string; name: string }>)[5] = { id: "foreign", name: "AIFIN Sources" };
    const plan = planBuild(snap, "update");
    if (plan.kind !== "plan") throw new Error("expected a plan");
    expect(plan.sheets.sources).toEqual({ name: "AIFIN Sources (2)", existingId: null });
    expect(plan.sheets.exposure.existingId).toBe("id-exposure");
  });

  it("does not update a table that lost its sheet, and picks a free table name", () => {
    const snap = snapshot(
      ROLES.filter((r) => r !== "facts").map((r) => [`id-${r}`, BASE_SHEET_NAMES[r]]),
      ["AIFIN_Facts", "AIFIN_Entities"],
      { version: 1, builds: [record(1, ownedIds)] },
    );
    const plan = planBuild(snap, "update");
    if (plan.kind !== "plan") throw new Error("expected a plan");
    expect(plan.tables.facts).toEqual({ name: "AIFIN_Facts_2", existing: false });
    expect(plan.sheets.facts).toEqual({ name: "AIFIN Facts", existingId: null });
  });

  it("alongside takes the first key whose six names and two tables are all free", () => {
    const snap = snapshot([["a", "AIFIN Facts"], ["b", "AIFIN Stress (2)"]], ["AIFIN_Entities_3"]);
    const plan = planBuild(snap, "alongside");
    if (plan.kind !== "plan") throw new Error("expected a plan");
    expect(plan.key).toBe(4);
    expect(plan.sheets.exposure.name).toBe("AIFIN Exposure (4)");
    expect(plan.tables.entities.name).toBe("AIFIN_Entities_4");
  });

  it("drops records of builds with no sheet left", () => {
    const snap = snapshot([["x", "Sheet1"]], [], { version: 1, builds: [record(1, ownedIds)] });
    const plan = planBuild(snap, "update");
    expect(plan).toMatchObject({ kind: "plan", key: 1, previous: null, keptBuilds: [] });
  });

  it("names sheets and tables per key", () => {
    expect(sheetNameFor("facts", 1)).toBe("AIFIN Facts");
    expect(sheetNameFor("facts", 3)).toBe("AIFIN Facts (3)");
    expect(tableNameFor("entities", 2)).toBe("AIFIN_Entities_2");
  });
});

describe("ownership record XML", () => {
  it("round-trips, including text that needs escaping", () => {
    const reg: OwnershipRecord = { version: 1, builds: [{ ...record(2, { facts: "{A&B<C>}" }), datasetVersion: "v<1>&\"2\"" }] };
    expect(ownershipRecordFromXml(ownershipRecordToXml(reg))).toEqual(reg);
  });

  it("reads the part back with a declaration and a namespace prefix, as Excel may return it", () => {
    const body = ownershipRecordToXml({ version: 1, builds: [record(1, ownedIds)] })
      .replace("<aifin ", "<a:aifin xmlns:a=\"urn:aifin:workbook:1\" ")
      .replace("</aifin>", "</a:aifin>");
    expect(ownershipRecordFromXml(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`)?.builds).toHaveLength(1);
  });

  it("returns null for anything it cannot read, and skips malformed builds", () => {
    expect(ownershipRecordFromXml("<other/>")).toBeNull();
    expect(ownershipRecordFromXml("<aifin>{not json</aifin>")).toBeNull();
    expect(ownershipRecordFromXml('<aifin>{"version":2,"builds":[]}</aifin>')).toBeNull();
    expect(ownershipRecordFromXml('<aifin>{"version":1,"builds":[{"key":1}]}</aifin>')).toEqual({ version: 1, builds: [] });
  });

  it("maps owned sheet ids to their build and role", () => {
    const owned = ownedSheets({ version: 1, builds: [record(1, { facts: "f1" }), record(2, { exposure: "e2" })] });
    expect(owned.get("f1")).toMatchObject({ role: "facts", build: { key: 1 } });
    expect(owned.get("e2")).toMatchObject({ role: "exposure", build: { key: 2 } });
    expect(owned.has("other")).toBe(false);
  });
});

describe("A1 arithmetic", () => {
  it("converts columns both ways", () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
    expect(["A", "Z", "AA", "az", "AAA"].map(columnNumber)).toEqual([1, 26, 27, 52, 703]);
  });

  it("builds and parses addresses", () => {
    expect(cellAddress(5, 3)).toBe("C5");
    expect(cellAddress(2, 6, true)).toBe("$F$2");
    expect(rangeAddress(4, 1, 10, 20)).toBe("A4:T10");
    expect(rangeAddress(2, 2, 2, 2)).toBe("B2");
    expect(parseRange("$A$4:$T$10")).toEqual({ top: 4, left: 1, bottom: 10, right: 20 });
    expect(parseRange("C10:A2")).toEqual({ top: 2, left: 1, bottom: 10, right: 3 });
    expect(parseRange("Sheet1!A1")).toBeNull();
    expect(sheetRef("Bob's sheet", "$B$2")).toBe("'Bob''s sheet'!$B$2");
  });
});

describe("sheet specs", () => {
  const refs: TemplateRefs = { sheets: { ...BASE_SHEET_NAMES }, factsRange: "F!A1:B2", entitiesRange: "E!A1:B2" };
  const lines: EntityLine[] = [
    { id: "MSFT", name: "Microsoft", roles: ["hyperscaler"] },
    { id: "AMZN", name: "Amazon" },
  ];

  it("lays out the Exposure sheet: inputs, model handle, one formula row per entity, totals, chart", () => {
    const spec = exposureSheetSpec(lines, { refs, asOf: "2026-07-03", includeRumoured: true, datasetVersion: "v" });
    expect(spec.rows[1]).toEqual(["As of", "2026-07-03", "Include rumoured", true, "Model", "=AIFIN.MODEL(F!A1:B2,E!A1:B2,$D$2)", null, null]);
    expect(spec.rows[4].slice(0, 4)).toEqual(["MSFT", "Microsoft", '=AIFIN.CIRCULAR_EXPOSURE($A5,"self_funded",$B$2,$F$2)', '=AIFIN.CIRCULAR_EXPOSURE($A5,"funded_backlog",$B$2,$F$2)']);
    expect(spec.rows[5][5]).toBe('=AIFIN.CAPEX_OFFSET($A6,"amount",$B$2,$F$2)');
    // The last column: the same self-funded figure on committed money (the headline), beside the firm one in C.
    expect(spec.rows[3][7]).toBe("Self-funded, committed money (USD bn)");
    expect(spec.rows[4][7]).toBe('=AIFIN.CIRCULAR_EXPOSURE($A5,"self_funded",$B$2,$F$2,"committed")');
    expect(spec.rows[6]).toEqual(["Total", "All entities (sum of each entity's own figure)", "=SUM(C5:C6)", "=SUM(D5:D6)", null, "=SUM(F5:F6)", null, "=SUM(H5:H6)"]);
    expect(spec.entityRows).toEqual({ MSFT: 5, AMZN: 6 });
    expect(spec.chart?.source).toBe("B4:D6");
    expect(new Set(spec.rows.map((r) => r.length)).size).toBe(1);
  });

  it("quotes sheet names in cross-sheet references and sets the S14 comparison", () => {
    const spec = stressSheetSpec(lines, { refs: { ...refs, sheets: { ...refs.sheets, exposure: "AIFIN Exposure (2)" } }, shocked: "OPENAI", cut: 0.5, multiple: null });
    const scenario = spec.assumptionRows.scenario;
    const stressOf = (measure: string) => `AIFIN.STRESS($A7,$B$2,$B$3,"${measure}",$B$4,'AIFIN Exposure (2)'!$B$2,'AIFIN Exposure (2)'!$F$2,$B$${scenario})`;
    expect(spec.rows[6][2]).toBe(`=IFNA(${stressOf("revenue")},IF(ISNUMBER(${stressOf("lender_loss")}),"not measured",${stressOf("revenue")}))`);
    expect(spec.rows[scenario - 1].slice(0, 2)).toEqual(["Scenario", `=AIFIN.SCENARIO(A${spec.assumptionRows.first}:B${spec.assumptionRows.last})`]);
    expect(spec.rows[spec.claimRows.claim - 1].slice(0, 3)).toEqual(["S14", expect.stringContaining("OpenAI"), 1000]);
    // Only the hyperscalers' rows (market value at risk E + investor loss F), only when OpenAI is shocked.
    // Microsoft (row 7) is the only hyperscaler here; Amazon's line carries no roles.
    expect(spec.rows[spec.claimRows.model - 1][2]).toBe(`=IF(UPPER(TRIM(B2))="OPENAI",E7+F7,"S14 applies only when OPENAI cuts")`);
  });

  it("puts the CYCLES spill under its inputs", () => {
    const spec = cyclesSheetSpec({ refs, entity: "NVDA", maxLength: 4 });
    expect(spec.rows[4][0]).toBe("=AIFIN.CYCLES(B2,B3,'AIFIN Exposure'!$B$2,'AIFIN Exposure'!$F$2)");
    expect(spec.rows[1].slice(0, 2)).toEqual(["Entity", "NVDA"]);
  });

  it("writes a table sheet with the header on row 4 and an empty row when there is no data", () => {
    const spec = tableSheetSpec({ role: "facts", name: "AIFIN Facts", tableName: "AIFIN_Facts", title: "t", note: "n", columns: ["id", "amount_usd_bn"], rows: [] });
    expect(spec.table).toEqual({ name: "AIFIN_Facts", range: "A4:B5" });
    expect(spec.rows[3]).toEqual(["id", "amount_usd_bn"]);
    expect(spec.rows[4]).toEqual([null, null]);
  });

  it("picks number formats from column names and contents", () => {
    expect(columnFormat("date", ["2026-02-05", null])).toBe("@");
    expect(columnFormat("amount_usd_bn", [30, null])).toBe("#,##0.0");
    expect(columnFormat("pct", [0.27])).toBe("0.0%");
    expect(columnFormat("verified", [true, false])).toBeNull();
    expect(columnFormat("term_years", [7, null])).toBeNull();
    expect(columnFormat("source_url", [null, null])).toBe("@");
  });

  it("lists each source once with the facts that cite it", () => {
    const spec = sourcesSheetSpec("AIFIN Sources", bundledDataset.facts, "v");
    const body = spec.rows.slice(4);
    const cited = body.flatMap((r) => String(r[4]).split(", "));
    expect(cited.sort()).toEqual(bundledDataset.facts.map((f) => f.id).sort());
    const keys = body.map((r) => `${r[0]}|${r[3]}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(body.every((r) => r[3] === "" || String(r[3]).startsWith('=HYPERLINK("'))).toBe(true);
  });
});
