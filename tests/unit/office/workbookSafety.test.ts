/**
 * The unsafe workbook scenarios reproduced by the reliability review (issue 11), one regression test each,
 * against the typed stand-in of fakeExcel.ts (which re-points formulas when rows are deleted, drops the
 * apostrophe of text read through `formulas`, supports totals rows and fails a batch part-way).
 * Each was written first against the old writer and failed there.
 */
import { bundledDataset, FACT_COLUMNS, type Dataset } from "../../../src/model";
import { createExcelHostWith, type HostDeps } from "../../../src/office/excelHost";
import { templateSourceOf } from "../../../src/office/templateSource";
import { OWNERSHIP_NAMESPACE, ownershipRecordFromXml, ownershipRecordToXml } from "../../../src/office/ownershipRecord";
import { columnLetters, parseRange } from "../../../src/office/a1";
import { BASE_SHEET_NAMES, SHEET_ROLES } from "../../../src/office/sheetRoles";
import type { BuildOptions } from "../../../src/office/types";
import { FakeWorkbookState, type FakeSheet } from "./fakeExcel";

const OPTIONS: BuildOptions = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" };
// Each test builds the bundled workbook once or twice: allow for a loaded 2-core CI machine.
jest.setTimeout(30_000);
const UPDATE: BuildOptions = { ...OPTIONS, onClash: "update" };

function hostOver(state: FakeWorkbookState, overrides: Partial<HostDeps> = {}) {
  let source = templateSourceOf(bundledDataset);
  const host = createExcelHostWith({
    run: state.run,
    probe: () => () => true,
    source: () => source,
    today: () => "2026-11-25",
    wait: async () => undefined,
    ...overrides,
  });
  return { host, useDataset: (d: Dataset) => void (source = templateSourceOf(d)) };
}

/** The bundled data without some facts (they "leave the data" in a newer bundle). */
function without(...ids: string[]): Dataset {
  return { ...bundledDataset, version: "newer", facts: bundledDataset.facts.filter((f) => !ids.includes(f.id)).map((f) => ({ ...f, supersedes: f.supersedes.filter((s) => !ids.includes(s)) })) };
}

/** Reads what a one-cell reference formula such as `='AIFIN Facts'!$E$7` points at. */
function follow(state: FakeWorkbookState, formula: string, from: FakeSheet): unknown {
  const m = /^=(?:'((?:[^']|'')+)'!|([\w.]+)!)?(\$?[A-Z]+\$?\d+)$/.exec(formula);
  if (!m) return `not a reference: ${formula}`;
  const sheet = m[1] || m[2] ? state.sheet((m[1] ?? m[2]).replace(/''/g, "'")) : from;
  return sheet.get(m[3].replace(/\$/g, ""));
}

/** The row (1-based, sheet) of a fact id in the Facts table. */
function rowOf(state: FakeWorkbookState, id: string): number {
  const t = state.table("AIFIN_Facts")!;
  return t.top + 1 + t.body().findIndex((r) => r[0] === id);
}

async function built(): Promise<{ state: FakeWorkbookState } & ReturnType<typeof hostOver>> {
  const state = new FakeWorkbookState();
  state.addSheet("Notes");
  const h = hostOver(state);
  const outcome = await h.host.build(OPTIONS);
  expect(outcome.kind).toBe("built");
  return { state, ...h };
}

describe("a fact that leaves the data is a row delete, never contents moved up", () => {
  for (const op of ["refresh", "update"] as const) {
    it(`${op}: a link to Amazon's 50 (C002) still reads C002, and the analyst's =E7*0.1 still points at C002's row`, async () => {
      const { state, host, useDataset } = await built();
      const facts = state.sheet("AIFIN Facts");
      const t = state.table("AIFIN_Facts")!;
      const c002 = rowOf(state, "C002");
      expect(facts.get(`E${c002}`)).toBe(50);
      state.sheet("Notes").set("A1", `='AIFIN Facts'!E${c002}`);
      // The analyst adds a column to the table with a formula on C002's row.
      facts.set(`${columnLetters(t.left + t.width)}${t.top}`, "my tenth");
      t.width++;
      const mine = `${columnLetters(t.width)}${c002}`;
      facts.set(mine, `=E${c002}*0.1`);

      useDataset(without("C001b"));
      const outcome = op === "refresh" ? await host.refresh() : await host.build(UPDATE);
      expect(outcome.kind).toBe(op === "refresh" ? "refreshed" : "built");
      expect(rowOf(state, "C001b")).toBeLessThan(t.top + 1);
      const now = rowOf(state, "C002");
      expect(follow(state, state.sheet("Notes").get("A1") as string, state.sheet("Notes"))).toBe(50);
      // The analyst's formula moved with its row and still points at C002's amount.
      const moved = `${columnLetters(t.width)}${now}`;
      expect(facts.get(moved)).toBe(`=E${now}*0.1`);
    });
  }

  it("keeps a blank row the analyst left in the table, where it is", async () => {
    const { state, host, useDataset } = await built();
    const t = state.table("AIFIN_Facts")!;
    const c003 = rowOf(state, "C003");
    const after = t.body()[c003 - t.top]; // the row below C003
    // Blank C003's row by hand (the analyst cleared it): a blank row inside the table.
    for (let c = t.left; c < t.left + t.width; c++) t.sheet.cells.delete(t.sheet.key(c003, c));
    const bodyBefore = t.bodyRows;
    useDataset(without());
    expect((await host.refresh()).kind).toBe("refreshed");
    expect(t.bodyRows).toBe(bodyBefore);
    expect(t.sheet.read({ top: c003, left: t.left, bottom: c003, right: t.left + t.width - 1 })[0].every((v) => v === "")).toBe(true);
    expect(t.sheet.get(`A${c003 + 1}`)).toBe(after[0]);
  });
});

describe("update never clears a sheet whose table was renamed or converted", () => {
  for (const change of ["renamed", "converted to a range"] as const) {
    it(`refuses when the Facts table was ${change}, changing nothing, and says why`, async () => {
      const { state, host } = await built();
      const t = state.table("AIFIN_Facts")!;
      t.sheet.set(`A${t.top + t.bodyRows + 1}`, "my own row under the table");
      const c002 = rowOf(state, "C002");
      t.sheet.set(`E${c002}`, 55);
      if (change === "renamed") state.renameTable("AIFIN_Facts", "MyFacts");
      else state.convertToRange("AIFIN_Facts");
      const before = state.snapshot();
      const outcome = await host.build(UPDATE);
      expect(outcome).toMatchObject({ kind: "error", error: { code: "tableMissing", subject: "AIFIN Facts", changed: { kind: "nothing" } } });
      expect(state.snapshot()).toBe(before);
    });
  }
});

describe("text round-trips exactly", () => {
  it("refresh keeps an analyst's note typed as '=AVERAGE(...) as text, not a formula", async () => {
    const { state, host, useDataset } = await built();
    const t = state.table("AIFIN_Facts")!;
    const desc = t.left + FACT_COLUMNS.indexOf("description");
    // An added row of the analyst's, whose description is text that looks like a formula.
    t.appendRows([["MY1", "investment", "MSFT", "OPENAI", 1.5]]);
    t.sheet.cells.set(t.sheet.key(t.top + t.bodyRows, desc), "'=AVERAGE(E5:E7)");
    useDataset(without("C001b"));
    expect((await host.refresh()).kind).toBe("refreshed");
    const row = rowOf(state, "MY1");
    expect(t.sheet.cells.get(t.sheet.key(row, desc))).toBe("'=AVERAGE(E5:E7)");
    expect(Object.values(t.sheet.formulas())).not.toContain("=AVERAGE(E5:E7)");
  });
});

describe("update keeps what the analyst typed on AIFIN's computed sheets", () => {
  it("keeps notes beside the Exposure, Stress, Cycles and Sources content and a formula in a Stress input", async () => {
    const { state, host } = await built();
    const notes: Array<[string, string]> = [
      ["AIFIN Exposure", "M3"],
      ["AIFIN Stress", "H2"],
      ["AIFIN Cycles", "F1"],
      ["AIFIN Sources", "J2"],
    ];
    for (const [sheet, cell] of notes) state.sheet(sheet).set(cell, `note on ${sheet}`);
    state.sheet("AIFIN Stress").set("B3", "=0.25*2");
    const outcome = await host.build(UPDATE);
    expect(outcome.kind).toBe("built");
    for (const [sheet, cell] of notes) expect(state.sheet(sheet).get(cell)).toBe(`note on ${sheet}`);
    expect(state.sheet("AIFIN Stress").get("B3")).toBe("=0.25*2");
  });
});

describe("a workbook built in another language", () => {
  it("update from an English pane over a build made in zh-TW loses nothing the analyst typed and rewrites the same sheets", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("Notes");
    const { host } = hostOver(state);
    expect((await host.build({ ...OPTIONS, language: "zh-TW" })).kind).toBe("built");
    const names = state.sheets.map((s) => [s.id, s.name]);
    const stress = state.sheet("AIFIN Stress");
    expect(state.sheet("AIFIN Exposure").get("A4")).toBe("代號");
    const rowOfName = (name: string): number => {
      for (let r = 1; r < 400; r++) if (stress.get(`A${r}`) === name) return r;
      throw new Error(`${name} not on the sheet`);
    };
    // What the analyst does in the Chinese workbook: an edited amount, an added fact, notes beside AIFIN's
    // content, the stress inputs, two assumption values (one a formula), and a link from their own sheet.
    const facts = state.sheet("AIFIN Facts");
    const t = state.table("AIFIN_Facts")!;
    const c002 = rowOf(state, "C002");
    const amountCol = columnLetters(t.left + FACT_COLUMNS.indexOf("amount_usd_bn"));
    facts.set(`${amountCol}${c002}`, 55);
    t.appendRows([["MY1", "investment", "MSFT", "OPENAI", 1.5]]);
    const notes: Array<[string, string]> = [["AIFIN Exposure", "M3"], ["AIFIN Stress", "H2"], ["AIFIN Cycles", "F1"], ["AIFIN Claims", "J1"], ["AIFIN Sources", "J2"]];
    for (const [sheet, cell] of notes) state.sheet(sheet).set(cell, `備註 ${sheet}`);
    stress.set("B2", "ORCL");
    stress.set("B3", 0.3);
    stress.set(`B${rowOfName("margin.ORCL")}`, 0.35);
    stress.set(`B${rowOfName("write_down")}`, "=0.2*2");
    state.sheet("Notes").set("A1", `='AIFIN Facts'!${amountCol}${c002}`);
    const notesBefore = state.sheetSnapshot("Notes");
    const factsBefore = JSON.stringify(t.body());

    const outcome = await host.build({ ...UPDATE, language: "en" });
    expect(outcome.kind).toBe("built");
    // The same sheets, by id and name: nothing written alongside, nothing renamed, the analyst's sheet untouched.
    expect(state.sheets.map((s) => [s.id, s.name])).toEqual(names);
    expect(state.sheetSnapshot("Notes")).toBe(notesBefore);
    expect(JSON.stringify(state.table("AIFIN_Facts")!.body())).toBe(factsBefore);
    expect(facts.get(`${amountCol}${c002}`)).toBe(55);
    expect(follow(state, String(state.sheet("Notes").get("A1")), state.sheet("Notes"))).toBe(55);
    for (const [sheet, cell] of notes) expect(state.sheet(sheet).get(cell)).toBe(`備註 ${sheet}`);
    expect([stress.get("B2"), stress.get("B3")]).toEqual(["ORCL", 0.3]);
    expect([stress.get(`B${rowOfName("margin.ORCL")}`), stress.get(`B${rowOfName("write_down")}`)]).toEqual([0.35, "=0.2*2"]);
    // AIFIN's own words are now English.
    expect(state.sheet("AIFIN Exposure").get("A4")).toBe("Id");
    expect(stress.get("A2")).toBe("Shocked entity");
  });
});

describe("ownership a workbook cannot fake or lose", () => {
  it("a forged record naming the analyst's sheet does not make update write to it", async () => {
    const state = new FakeWorkbookState();
    const mine = state.addSheet("My model");
    mine.set("A1", "quarterly plan");
    mine.set("C9", "=SUM(1,2)");
    const forged = {
      version: 1 as const,
      builds: [
        {
          key: 1,
          sheets: { exposure: mine.id },
          tables: { facts: "AIFIN_Facts", entities: "AIFIN_Entities" },
          datasetVersion: "x",
          options: { entity: "MSFT", asOf: "2026-01-01", includeRumoured: false },
          baseline: { columns: { facts: [], entities: [] }, hashes: { facts: {}, entities: {} } },
        },
      ],
    };
    state.context().workbook.customXmlParts.add(ownershipRecordToXml(forged));
    const before = JSON.stringify([...mine.cells.entries()]);
    const { host } = hostOver(state);
    const outcome = await host.build(UPDATE);
    expect(outcome.kind).toBe("built");
    expect(JSON.stringify([...mine.cells.entries()])).toBe(before);
    expect(mine.name).toBe("My model");
    expect(state.sheet("AIFIN Exposure").get("F2")).toMatch(/^=AIFIN\.MODEL/);
  });

  it("finds its own sheets again after Excel gave them new ids (another platform, another session)", async () => {
    const { state, host } = await built();
    for (const s of state.sheets) s.id = `{renumbered-${s.name}}`;
    const outcome = await host.build(UPDATE);
    expect(outcome).toMatchObject({ kind: "built" });
    expect(state.sheets.map((s) => s.name).filter((n) => n.startsWith("AIFIN"))).toHaveLength(SHEET_ROLES.length);
  });

  it("a build whose record write failed leaves no orphan sheets: the next build owns them or they are gone", async () => {
    const state = new FakeWorkbookState();
    state.addSheet("Notes");
    const { host } = hostOver(state);
    // Fail the last round trip of a fresh build (the one that records the new sheets' ids).
    const probe = new FakeWorkbookState();
    probe.addSheet("Notes");
    await hostOver(probe).host.build(OPTIONS);
    state.failAtSync.set(probe.syncs, "GeneralException");
    const failed = await host.build(OPTIONS);
    expect(failed.kind).toBe("error");
    const outcome = await host.build(UPDATE);
    expect(outcome.kind).toBe("built");
    const aifin = state.sheets.filter((s) => s.name.startsWith("AIFIN"));
    expect(aifin.map((s) => s.name).sort()).toEqual(SHEET_ROLES.map((r) => BASE_SHEET_NAMES[r]).sort());
    const record = ownershipRecordFromXml(state.parts.filter((p) => p.namespaceUri === OWNERSHIP_NAMESPACE).map((p) => p.xml).find((x) => ownershipRecordFromXml(x)) ?? "")!;
    const owned = new Set(record.builds.flatMap((b) => Object.values(b.sheets)));
    for (const s of aifin) expect(owned.has(s.id)).toBe(true);
  });
});

describe("freeze writes values only", () => {
  it("a value that is text beginning with = stays text in the frozen copy", async () => {
    const { state, host } = await built();
    state.sheet("AIFIN Exposure").set("M1", "'=HYPERLINK(\"http://example.com\")");
    state.formulaValue = (f) => (f.includes("MODEL") ? "=WEBSERVICE(\"http://example.com\")" : 1);
    const outcome = await host.freeze();
    expect(outcome.kind).toBe("frozen");
    const frozen = state.sheet("AIFIN Values 2026-11-25");
    expect(frozen.formulas()).toEqual({});
    expect([...frozen.cells.values()]).toContain("'=WEBSERVICE(\"http://example.com\")");
  });
});

describe("a Facts table with a totals row", () => {
  it("refreshes, leaving the totals row as the analyst made it", async () => {
    const { state, host, useDataset } = await built();
    state.showTotals("AIFIN_Facts");
    const t = state.table("AIFIN_Facts")!;
    t.sheet.set(`E${t.top + t.bodyRows + 1}`, `=SUBTOTAL(109,E${t.top + 1}:E${t.top + t.bodyRows})`);
    useDataset(without("C001b"));
    const outcome = await host.refresh();
    expect(outcome).toMatchObject({ kind: "refreshed", facts: { removed: 1, added: 0, keptAdded: 0 } });
    const totals = t.top + t.bodyRows + 1;
    expect(t.sheet.get(`A${totals}`)).toBe("Total");
    expect(t.sheet.get(`E${totals}`)).toBe(`=SUBTOTAL(109,E${t.top + 1}:E${t.top + t.bodyRows})`);
    expect(parseRange(`A${totals}`)).not.toBeNull();
  });
});
