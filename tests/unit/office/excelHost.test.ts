/**
 * The Excel host against the typed stand-in of fakeExcel.ts (Excel cannot run here): what a build writes,
 * how many round trips it takes, that a sheet AIFIN did not create is never written, that an update and a
 * refresh keep the analyst's edited and added rows, freeze, errors and retries.
 */
import { bundledDataset, FACT_COLUMNS, ENTITY_COLUMNS, type Dataset, type Fact } from "../../../src/model";
import { createExcelHostWith, type HostDeps } from "../../../src/office/excelHost";
import { templateSourceOf } from "../../../src/office/templateSource";
import { ownershipRecordFromXml, OWNERSHIP_NAMESPACE } from "../../../src/office/ownershipRecord";
import type { BuildOptions } from "../../../src/office/types";
import { FakeWorkbookState, type FakeSheet } from "./fakeExcel";

const OPTIONS: BuildOptions = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" };

function hostOver(state: FakeWorkbookState, dataset: Dataset = bundledDataset, overrides: Partial<HostDeps> = {}) {
  let source = templateSourceOf(dataset);
  const waits: number[] = [];
  const host = createExcelHostWith({
    run: state.run,
    probe: () => () => true,
    source: () => source,
    today: () => "2026-11-25",
    wait: async (ms) => void waits.push(ms),
    ...overrides,
  });
  return { host, waits, useDataset: (d: Dataset) => void (source = templateSourceOf(d)) };
}

/** The bundled facts ten times over, with ids and supersession links kept consistent per copy. */
function tenfold(ds: Dataset): Dataset {
  const facts: Fact[] = [];
  for (let k = 0; k < 10; k++) {
    const suffix = k === 0 ? "" : `-x${k}`;
    for (const f of ds.facts) facts.push({ ...f, id: f.id + suffix, supersedes: f.supersedes.map((s) => s + suffix) });
  }
  return { ...ds, version: `${ds.version}-x10`, facts };
}

function tableBody(state: FakeWorkbookState, name: string): (string | number | boolean)[][] {
  return state.table(name)!.body();
}

function rowById(state: FakeWorkbookState, tableName: string, id: string): (string | number | boolean)[] | undefined {
  const t = state.table(tableName)!;
  const idAt = t.header().indexOf("id");
  return t.body().find((r) => r[idAt] === id);
}

function setCell(state: FakeWorkbookState, tableName: string, id: string, column: string, value: string | number): void {
  const t = state.table(tableName)!;
  const idAt = t.header().indexOf("id");
  const col = t.header().indexOf(column);
  const i = t.body().findIndex((r) => r[idAt] === id);
  t.sheet.cells.set(t.sheet.key(t.top + 1 + i, t.left + col), value);
}

function appendRow(state: FakeWorkbookState, tableName: string, row: (string | number)[]): void {
  const t = state.table(tableName)!;
  t.bodyRows++;
  row.forEach((v, j) => t.sheet.cells.set(t.sheet.key(t.top + t.bodyRows, t.left + j), v));
}

function snapshotCells(sheet: FakeSheet): string {
  return JSON.stringify([...sheet.cells.entries()].sort());
}

describe("build: what is written", () => {
  it("writes the eight AIFIN sheets, both tables with the model's headers, and records ownership", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("Sheet1");
    const { host } = hostOver(state);
    const outcome = await host.build(OPTIONS);
    expect(outcome).toMatchObject({ kind: "built", facts: bundledDataset.facts.length });
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "AIFIN Exposure", "AIFIN Stress", "AIFIN Cycles", "AIFIN History", "AIFIN Claims", "AIFIN Facts", "AIFIN Entities", "AIFIN Sources"]);
    expect(state.table("AIFIN_Facts")!.header()).toEqual([...FACT_COLUMNS]);
    expect(state.table("AIFIN_Entities")!.header()).toEqual([...ENTITY_COLUMNS]);
    expect(tableBody(state, "AIFIN_Facts")).toHaveLength(bundledDataset.facts.length);
    expect(state.table("AIFIN_Facts")!.sheet.name).toBe("AIFIN Facts");
    const record = ownershipRecordFromXml(state.parts.find((p) => p.namespaceUri === OWNERSHIP_NAMESPACE)!.xml)!;
    expect(record.builds).toHaveLength(1);
    expect(Object.values(record.builds[0].sheets).sort()).toEqual(state.sheets.slice(1).map((s) => s.id).sort());
    expect(Object.keys(record.builds[0].baseline.hashes.facts)).toHaveLength(bundledDataset.facts.length);
  });

  it("writes live formulas over the tables: MODEL from both tables, one row of measures per entity", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    const exposure = state.sheet("AIFIN Exposure");
    expect(exposure.get("F2")).toBe("=AIFIN.MODEL(AIFIN_Facts[#All],AIFIN_Entities[#All],$D$2)");
    expect(exposure.get("B2")).toBe(bundledDataset.asOf);
    expect(exposure.get("D2")).toBe(false);
    const ids = bundledDataset.entities.map((e) => e.id);
    const listed: string[] = [];
    for (let row = 5; row < 5 + ids.length; row++) listed.push(String(exposure.get(`A${row}`)));
    expect(listed.sort()).toEqual([...ids].sort());
    const id = exposure.get("A5");
    expect(exposure.get("C5")).toBe(`=AIFIN.CIRCULAR_EXPOSURE($A5,"self_funded",$B$2,$F$2)`);
    // A ratio reads "n/a" for an undefined figure only when the row's amount computed (see templateSpec NO_FIGURE).
    expect(exposure.get("G5")).toBe(`=IF(ISNUMBER($C5),IFERROR(AIFIN.CAPEX_OFFSET($A5,"ratio",$B$2,$F$2),"n/a"),AIFIN.CAPEX_OFFSET($A5,"ratio",$B$2,$F$2))`);
    expect(typeof id).toBe("string");
    expect(exposure.frozenRows).toBe(4);
    expect(exposure.formats.get(exposure.key(5, 3))).toBe("#,##0.0");
    expect(exposure.formats.get(exposure.key(5, 5))).toBe("0.0%");
    expect(exposure.charts).toHaveLength(1);
    expect(exposure.charts[0]).toMatchObject({ type: "BarClustered", source: "B4:D19" });
    const stress = state.sheet("AIFIN Stress");
    expect(stress.get("B2")).toBe("OPENAI");
    // The last argument is the sheet's SCENARIO cell, below the assumptions block.
    expect(stress.get("C7")).toMatch(/^=IFNA\(AIFIN\.STRESS\(\$A7,\$B\$2,\$B\$3,"revenue",\$B\$4,'AIFIN Exposure'!\$B\$2,'AIFIN Exposure'!\$F\$2,\$B\$\d+\),IF\(ISNUMBER\(AIFIN\.STRESS\(\$A7,[^)]*"lender_loss"[^)]*\)\),"not measured",AIFIN\.STRESS\(\$A7,[^)]*"revenue"[^)]*\)\)\)$/);
    expect(stress.get("D7")).toMatch(/^=AIFIN\.STRESS\(\$A7,\$B\$2,\$B\$3,"lender_loss",/);
    expect(state.sheet("AIFIN Cycles").get("A5")).toBe(`=AIFIN.CYCLES(B2,B3,'AIFIN Exposure'!$B$2,'AIFIN Exposure'!$F$2)`);
    expect(state.sheet("AIFIN Cycles").get("B2")).toBe("MSFT");
    // History: the pane's entity, one HISTORY spill reading the Exposure sheet's as-of and model, a line chart
    // over the month ends from the first fact (2024-10-01) to the latest date.
    const history = state.sheet("AIFIN History");
    expect(history.get("B2")).toBe("MSFT");
    expect(history.get("A6")).toBe(`=AIFIN.HISTORY($B$2,"self_funded,funding_out,contracts_in",$B$3,'AIFIN Exposure'!$B$2,$B$4,'AIFIN Exposure'!$F$2)`);
    expect(history.charts).toHaveLength(1);
    expect(history.charts[0]).toMatchObject({ type: "Line", name: "AIFIN history chart" });
  });

  it("replaces its own History chart on update, once", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    expect(await host.build({ ...OPTIONS, entity: "AMZN", onClash: "update" })).toMatchObject({ kind: "built" });
    const history = state.sheet("AIFIN History");
    expect(history.get("B2")).toBe("AMZN");
    expect(history.charts.map((c) => c.name)).toEqual(["AIFIN history chart"]);
    expect(state.sheet("AIFIN Exposure").charts).toHaveLength(1);
  });

  it("keeps ISO dates and ids as text in the facts table", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    const t = state.table("AIFIN_Facts")!;
    const dateCol = t.left + FACT_COLUMNS.indexOf("date");
    const amountCol = t.left + FACT_COLUMNS.indexOf("amount_usd_bn");
    expect(t.sheet.formats.get(t.sheet.key(t.top + 1, dateCol))).toBe("@");
    expect(t.sheet.formats.get(t.sheet.key(t.top + 1, t.left))).toBe("@");
    expect(t.sheet.formats.get(t.sheet.key(t.top + 1, amountCol))).toBe("#,##0.0");
  });

  it("leaves the chart out and says so when charts are not supported", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state, bundledDataset, { probe: () => (v) => ["1.1", "1.2", "1.3", "1.4", "1.5"].includes(v) && v !== "1.1x" });
    expect(host.capabilities().missing).toContain("freezePanes");
    const outcome = await host.build(OPTIONS);
    expect(outcome.kind).toBe("built");
    expect(state.sheet("AIFIN Exposure").frozenRows).toBe(0);
  });
});

describe("build: round trips", () => {
  it("takes 3 syncs in a fresh workbook and reports them", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    const outcome = await host.build(OPTIONS);
    expect(state.syncs).toBe(3);
    expect(outcome).toMatchObject({ kind: "built", syncs: 3 });
  });

  it("takes the same number of syncs with ten times the facts", async () => {
    const big = tenfold(bundledDataset);
    const state = new FakeWorkbookState();
    const { host } = hostOver(state, big);
    const outcome = await host.build(OPTIONS);
    expect(outcome).toMatchObject({ kind: "built", facts: big.facts.length });
    expect(state.syncs).toBe(3);
    expect(tableBody(state, "AIFIN_Facts")).toHaveLength(big.facts.length);
  });

  it("stays within 6 syncs when updating an existing build, with ten times the facts", async () => {
    const big = tenfold(bundledDataset);
    const state = new FakeWorkbookState();
    const { host } = hostOver(state, big);
    await host.build(OPTIONS);
    state.syncs = 0;
    const outcome = await host.build({ ...OPTIONS, onClash: "update" });
    expect(outcome.kind).toBe("built");
    expect(state.syncs).toBeLessThanOrEqual(6);
    // Names, record, the tables and computed sheets read back (the Facts table in two blocks: its formulas and
    // values, ≈ 3.7 MB, do not fit beside the computed sheets under the 4 MB read budget), write.
    expect(state.syncs).toBe(5);
    state.syncs = 0;
    // Worst case: an update that must also recreate a deleted sheet (its new id is recorded afterwards).
    state.sheets = state.sheets.filter((sh) => sh.name !== "AIFIN Sources");
    state.syncs = 0;
    expect(await host.build({ ...OPTIONS, onClash: "update" })).toMatchObject({ kind: "built", syncs: 6 });
    expect(state.syncs).toBe(6);
    // Alongside: names, record, write, record with the new ids (nothing to read back).
    state.syncs = 0;
    await host.build({ ...OPTIONS, onClash: "alongside" });
    expect(state.syncs).toBe(4);
  });
});

describe("build: never overwrites a sheet it did not create", () => {
  async function withForeignFacts() {
    const state = new FakeWorkbookState();
    const foreign = state.addSheet("AIFIN Facts");
    foreign.set("A1", "my own notes");
    foreign.set("B7", "=SUM(1,2)");
    const before = snapshotCells(foreign);
    return { state, foreign, before, ...hostOver(state) };
  }

  it("asks first, naming the foreign sheet", async () => {
    const { state, host, foreign, before } = await withForeignFacts();
    const outcome = await host.build(OPTIONS);
    expect(outcome).toEqual({ kind: "clash", clashes: ["AIFIN Facts"], foreign: ["AIFIN Facts"] });
    expect(state.sheets).toHaveLength(1);
    expect(snapshotCells(foreign)).toBe(before);
    expect(state.parts).toHaveLength(0);
  });

  it("on update, puts its facts beside the foreign sheet and leaves it untouched", async () => {
    const { state, host, foreign, before } = await withForeignFacts();
    const outcome = await host.build({ ...OPTIONS, onClash: "update" });
    expect(outcome.kind).toBe("built");
    expect(snapshotCells(foreign)).toBe(before);
    expect(foreign.frozenRows).toBe(0);
    expect(foreign.styles).toEqual([]);
    expect(foreign.tabColor).toBe("");
    expect(state.sheet("AIFIN Facts (2)").tabColor).toBe("#1F3864");
    expect(state.table("AIFIN_Facts")!.sheet.name).toBe("AIFIN Facts (2)");
    expect(state.sheet("AIFIN Exposure").get("F2")).toBe("=AIFIN.MODEL(AIFIN_Facts[#All],AIFIN_Entities[#All],$D$2)");
  });

  it("alongside, writes a complete suffixed set", async () => {
    const { state, host, foreign, before } = await withForeignFacts();
    const outcome = await host.build({ ...OPTIONS, onClash: "alongside" });
    expect(outcome).toMatchObject({ kind: "built", sheets: expect.arrayContaining(["AIFIN Facts (2)", "AIFIN Exposure (2)"]) });
    expect(snapshotCells(foreign)).toBe(before);
    expect(state.sheet("AIFIN Exposure (2)").get("F2")).toBe("=AIFIN.MODEL(AIFIN_Facts_2[#All],AIFIN_Entities_2[#All],$D$2)");
    expect(state.sheet("AIFIN Stress (2)").get("C7")).toContain("'AIFIN Exposure (2)'!$F$2");
  });

  it("treats a foreign table named AIFIN_Facts as foreign too", async () => {
    const state = new FakeWorkbookState();
    const mine = state.addSheet("Deals");
    const { host } = hostOver(state);
    // The analyst's own table that happens to carry AIFIN's name.
    (state.context().workbook.worksheets.getItem("Deals") as unknown as { tables: { add(a: string, h: boolean): { name: string } } }).tables.add("A1:B3", true).name = "AIFIN_Facts";
    mine.set("A2", "keep me");
    const outcome = await host.build({ ...OPTIONS, onClash: "update" });
    expect(outcome.kind).toBe("built");
    expect(state.table("AIFIN_Facts")!.sheet.name).toBe("Deals");
    expect(state.table("AIFIN_Facts_2")!.sheet.name).toBe("AIFIN Facts");
    expect(mine.get("A2")).toBe("keep me");
  });

  it("asks when its own earlier build is there, and updates it in place even after a rename", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    const facts = state.sheet("AIFIN Facts");
    facts.name = "Deal facts";
    expect(await host.build(OPTIONS)).toMatchObject({ kind: "clash", foreign: [] });
    const outcome = await host.build({ ...OPTIONS, onClash: "update" });
    expect(outcome).toMatchObject({ kind: "built", sheets: expect.arrayContaining(["Deal facts"]) });
    expect(state.sheets.filter((s) => /facts/i.test(s.name))).toHaveLength(1);
  });
});

describe("build update and refresh keep the analyst's rows", () => {
  const newer = (): Dataset => {
    const facts = bundledDataset.facts.map((f) => (f.id === "C003" ? { ...f, amountUsdBn: 31 } : f.id === "C004" ? { ...f, amountUsdBn: 33 } : f));
    const extra: Fact = { ...bundledDataset.facts[0], id: "N900", description: "A newer bundled fact", supersedes: [] };
    return { ...bundledDataset, version: "newer", facts: [...facts, extra] };
  };

  it("update keeps the analyst's stress scenario", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    const stress = state.sheet("AIFIN Stress");
    stress.set("B2", "ORCL");
    stress.set("B3", 0.3);
    stress.set("B4", 12);
    await host.build({ ...OPTIONS, onClash: "update" });
    expect([stress.get("B2"), stress.get("B3"), stress.get("B4")]).toEqual(["ORCL", 0.3, 12]);
    stress.set("B3", "half");
    await host.build({ ...OPTIONS, onClash: "update" });
    expect(stress.get("B3")).toBe(1);
  });

  it("update keeps the analyst's values in the Stress sheet's assumptions block, a formula included", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    const stress = state.sheet("AIFIN Stress");
    const rowOfName = (name: string): number => {
      for (let r = 1; r < 400; r++) if (stress.get(`A${r}`) === name) return r;
      throw new Error(`${name} not on the sheet`);
    };
    const orcl = rowOfName("margin.ORCL");
    const wd = rowOfName("write_down");
    expect(stress.get(`B${orcl}`)).toBe(0.14);
    stress.set(`B${orcl}`, 0.35);
    stress.set(`B${wd}`, "=0.2*2");
    await host.build({ ...OPTIONS, onClash: "update" });
    expect([stress.get(`B${orcl}`), stress.get(`B${wd}`)]).toEqual([0.35, "=0.2*2"]);
    // Untouched rows keep showing the sourced default; the SCENARIO cell reads the block.
    expect(stress.get(`B${rowOfName("margin.NVDA")}`)).toBe(0.63);
    expect(String(stress.get(`B${rowOfName("Scenario")}`))).toMatch(/^=AIFIN\.SCENARIO\(A\d+:B\d+\)$/);
  });

  it("update merges: the edited amount and the added row survive", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    setCell(state, "AIFIN_Facts", "C002", "amount_usd_bn", 55);
    appendRow(state, "AIFIN_Facts", ["MY1", "investment", "MSFT", "OPENAI", 1.5]);
    const outcome = await host.build({ ...OPTIONS, onClash: "update" });
    expect(outcome).toMatchObject({ kind: "built", facts: bundledDataset.facts.length + 1 });
    expect(rowById(state, "AIFIN_Facts", "C002")![FACT_COLUMNS.indexOf("amount_usd_bn")]).toBe(55);
    expect(rowById(state, "AIFIN_Facts", "MY1")!.slice(0, 5)).toEqual(["MY1", "investment", "MSFT", "OPENAI", 1.5]);
  });

  it("refresh replaces untouched rows, appends new facts, keeps edited and added rows, and says so", async () => {
    const state = new FakeWorkbookState();
    const { host, useDataset } = hostOver(state);
    await host.build(OPTIONS);
    setCell(state, "AIFIN_Facts", "C004", "amount_usd_bn", 29);
    appendRow(state, "AIFIN_Facts", ["MY1", "investment", "MSFT", "OPENAI", 1.5]);
    useDataset(newer());
    state.syncs = 0;
    const outcome = await host.refresh();
    expect(state.syncs).toBe(4);
    expect(outcome).toMatchObject({ kind: "refreshed", facts: { added: 1, updated: 1, keptEdited: 1, keptAdded: 1 } });
    const amount = FACT_COLUMNS.indexOf("amount_usd_bn");
    expect(rowById(state, "AIFIN_Facts", "C003")![amount]).toBe(31);
    expect(rowById(state, "AIFIN_Facts", "C004")![amount]).toBe(29);
    expect(rowById(state, "AIFIN_Facts", "MY1")).toBeDefined();
    expect(rowById(state, "AIFIN_Facts", "N900")).toBeDefined();
    // A second refresh with the same data changes nothing and still keeps the edit.
    const again = await host.refresh();
    expect(again).toMatchObject({ facts: { added: 0, updated: 0, keptEdited: 1, keptAdded: 1 } });
  });

  it("refresh does not bring back a row the analyst deleted", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    const t = state.table("AIFIN_Facts")!;
    const i = t.body().findIndex((r) => r[0] === "C003");
    t.deleteRow(i);
    const outcome = await host.refresh();
    expect(outcome).toMatchObject({ kind: "refreshed", facts: { added: 0 } });
    expect(rowById(state, "AIFIN_Facts", "C003")).toBeUndefined();
  });

  it("refresh explains when there is nothing to refresh", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    expect(await host.refresh()).toMatchObject({ kind: "error", error: { code: "noWorkbook" } });
  });
});

describe("freeze", () => {
  it("writes one new sheet of values only, leaving the live sheets as they are", async () => {
    const state = new FakeWorkbookState();
    state.formulaValue = () => 12.5;
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    const before = snapshotCells(state.sheet("AIFIN Exposure"));
    state.syncs = 0;
    const outcome = await host.freeze();
    expect(outcome).toEqual({ kind: "frozen", sheet: "AIFIN Values 2026-11-25" });
    expect(state.syncs).toBe(4);
    const frozen = state.sheet("AIFIN Values 2026-11-25");
    expect(Object.keys(frozen.formulas())).toEqual([]);
    expect([...frozen.cells.values()]).toContain(12.5);
    expect([...frozen.cells.values()]).toContain("AIFIN Exposure");
    expect(snapshotCells(state.sheet("AIFIN Exposure"))).toBe(before);
    expect((await host.freeze()).kind === "frozen" && state.sheets.some((s) => s.name === "AIFIN Values 2026-11-25 (2)")).toBe(true);
  });
});

describe("errors", () => {
  it("retries once when Excel is editing a cell before anything was written", async () => {
    const state = new FakeWorkbookState();
    state.failAtSync.set(1, "InvalidOperationInCellEditMode");
    const { host, waits } = hostOver(state);
    const outcome = await host.build(OPTIONS);
    expect(outcome.kind).toBe("built");
    expect(waits).toEqual([1500]);
  });

  it("does not retry once writing has started, and says what to do", async () => {
    const state = new FakeWorkbookState();
    // Sync 2 of a fresh build is its write (no record to read yet).
    state.failAtSync.set(2, "InvalidOperationInCellEditMode");
    const { host, waits } = hostOver(state);
    const outcome = await host.build(OPTIONS);
    expect(outcome).toMatchObject({ kind: "error", error: { code: "cellEditMode", officeCode: "InvalidOperationInCellEditMode" } });
    expect(waits).toEqual([]);
  });

  it("turns a protected sheet into advice", async () => {
    const state = new FakeWorkbookState();
    state.failAtSync.set(1, "AccessDenied");
    const { host } = hostOver(state);
    expect(await host.build(OPTIONS)).toMatchObject({ kind: "error", error: { code: "accessDenied", officeCode: "AccessDenied", changed: { kind: "nothing" } } });
  });

  it("rejects an as-of that is not an ISO date before touching Excel", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    expect(await host.build({ ...OPTIONS, asOf: "5/2/2026" })).toMatchObject({ kind: "error", error: { code: "badAsOf", items: ["5/2/2026"] } });
    expect(state.syncs).toBe(0);
  });

  it("refuses to write without the ownership record (ExcelApi 1.5)", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state, bundledDataset, { probe: () => (v) => ["1.1", "1.2", "1.3", "1.4"].includes(v) });
    const outcome = await host.build(OPTIONS);
    expect(outcome).toMatchObject({ kind: "error", error: { code: "unsupported", items: ["ownership"] } });
    expect(state.syncs).toBe(0);
  });

  it("treats everything as foreign when its record cannot be read", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    state.parts[0].xml = "<aifin xmlns=\"urn:aifin:workbook:1\">not json</aifin>";
    const outcome = await host.build({ ...OPTIONS, onClash: "update" });
    expect(outcome).toMatchObject({ kind: "built", sheets: expect.arrayContaining(["AIFIN Facts (2)"]) });
    // The new record sits beside the unreadable one and is the one read from now on.
    expect(state.parts).toHaveLength(2);
    expect(await host.build({ ...OPTIONS, onClash: "update" })).toMatchObject({ kind: "built", sheets: expect.arrayContaining(["AIFIN Facts (2)"]) });
    expect(state.sheets).toHaveLength(16);
  });
});
