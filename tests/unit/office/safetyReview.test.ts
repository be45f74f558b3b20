/**
 * Workbook-safety regressions from the independent review (rv20): each test failed on the writer it was
 * written against. Title rows above the Facts/Entities tables; a write that fails and whose restore fails too;
 * how a request's size is counted.
 */
import { bundledDataset, FACT_COLUMNS, type Dataset } from "../../../src/model";
import { createExcelHostWith, type HostDeps } from "../../../src/office/excelHost";
import { templateSourceOf } from "../../../src/office/templateSource";
import type { BuildOptions } from "../../../src/office/types";
import { ownershipRecordFromXml, OWNERSHIP_NAMESPACE } from "../../../src/office/ownershipRecord";
import { FakeWorkbookState } from "./fakeExcel";

jest.setTimeout(60_000);
const OPTIONS: BuildOptions = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" };
const UPDATE: BuildOptions = { ...OPTIONS, onClash: "update" };

const AMOUNT = FACT_COLUMNS.indexOf("amount_usd_bn");

function hostOver(state: FakeWorkbookState, writeBudgetBytes?: number, readBudgetBytes?: number) {
  let source = templateSourceOf(bundledDataset);
  const deps: HostDeps = { run: state.run, probe: () => () => true, source: () => source, today: () => "2026-11-25", wait: async () => undefined, token: () => "tok0123456789", writeBudgetBytes, readBudgetBytes };
  return { host: createExcelHostWith(deps), useDataset: (d: Dataset) => void (source = templateSourceOf(d)) };
}

/** The bundled data with C001b gone, C003's amount changed to 31 and a new fact N900. */
function newer(): Dataset {
  const facts = bundledDataset.facts
    .filter((f) => f.id !== "C001b")
    .map((f) => (f.id === "C003" ? { ...f, amountUsdBn: 31 } : { ...f, supersedes: f.supersedes.filter((x) => x !== "C001b") }));
  return { ...bundledDataset, version: "newer", facts: [...facts, { ...bundledDataset.facts[3], id: "N900", supersedes: [] }] };
}

const record = (state: FakeWorkbookState) => ownershipRecordFromXml(state.parts.find((p) => p.namespaceUri === OWNERSHIP_NAMESPACE)?.xml ?? "");
const factRows = (state: FakeWorkbookState) => state.table("AIFIN_Facts")?.body() ?? [];

describe("title rows above the Facts and Entities tables", () => {
  it("a note the analyst typed beside the titles (C2, B3) survives Build > Update", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    state.sheet("AIFIN Facts").set("C2", "checked by JL");
    state.sheet("AIFIN Entities").set("B3", "see memo");
    const out = await host.build(UPDATE);
    expect(out.kind).toBe("built");
    expect(state.sheet("AIFIN Facts").get("C2")).toBe("checked by JL");
    expect(state.sheet("AIFIN Entities").get("B3")).toBe("see memo");
    // AIFIN's own title cells are still written.
    expect(String(state.sheet("AIFIN Facts").get("A1"))).not.toBe("");
  });

  it("an update whose write fails is put back exactly: the note stays and 'nothing changed' is true", async () => {
    const state = new FakeWorkbookState();
    const { host } = hostOver(state);
    await host.build(OPTIONS);
    state.sheet("AIFIN Facts").set("C2", "checked by JL");
    const before = state.snapshot();
    // Round trip 4 of the update fails after everything in it was applied.
    state.failures = [{ sync: state.syncs + 4, afterOps: 1e9, code: "GeneralException" }];
    const out = await host.build(UPDATE);
    expect(out.kind).toBe("error");
    expect(out.kind === "error" && out.error.changed).toEqual({ kind: "nothing" });
    expect(state.sheet("AIFIN Facts").get("C2")).toBe("checked by JL");
    expect(state.snapshot()).toBe(before);
  });
});

describe("a write that fails, then its restore fails too", () => {
  it("refresh: the record never lists a row that was not appended, and the next refresh adds it", async () => {
    for (const k of [4, 5, 6]) {
      const state = new FakeWorkbookState();
      state.addSheet("Notes");
      // A small budget splits round trip 4 (record, C003 in place, N900 appended) over several syncs.
      const { host, useDataset } = hostOver(state, 1_000);
      await host.build(OPTIONS);
      useDataset(newer());
      state.failures = [{ sync: state.syncs + k, afterOps: 2, code: "GeneralException" }, { sync: state.syncs + k + 1, afterOps: 0, code: "GeneralException" }];
      const out = await host.refresh();
      expect(out.kind).toBe("error");
      const hashes = record(state)?.builds[0].baseline.hashes.facts ?? {};
      const ids = new Set(factRows(state).map((r) => r[0]));
      for (const id of Object.keys(hashes)) expect(`${id} ${ids.has(id) ? "in" : "not in"} the table`).toBe(`${id} in the table`);
      state.failures = [];
      const again = await host.refresh();
      expect(again.kind).toBe("refreshed");
      expect(again.kind === "refreshed" && again.facts.keptDeleted).toBe(0);
      expect(factRows(state).some((r) => r[0] === "N900")).toBe(true);
      expect(factRows(state).find((r) => r[0] === "C003")?.[AMOUNT]).toBe(31);
    }
  });

  it("fresh split build: once its tables exist, the record vouches for their rows; the error names the sheets", async () => {
    let withTables = 0;
    for (let k = 2; k <= 14; k++) {
      const state = new FakeWorkbookState();
      state.addSheet("Notes");
      const { host, useDataset } = hostOver(state, 40_000);
      // A piece of the split write fails half way; the restore's first sync fails too.
      state.failures = [{ sync: k, afterOps: 10, code: "GeneralException" }, { sync: k + 1, afterOps: 0, code: "GeneralException" }];
      const out = await host.build(OPTIONS);
      if (out.kind !== "error" || out.error.changed.kind !== "partial") continue;
      const named = out.error.changed.sheets;
      expect(named).toContain("AIFIN Facts");
      expect(named).not.toContain("Notes");
      const table = state.table("AIFIN_Facts");
      if (!table) continue;
      withTables++;
      const hashes = record(state)?.builds[0].baseline.hashes.facts ?? {};
      for (const row of table.body()) expect(`${row[0]}: ${String(row[0]) in hashes ? "vouched for" : "no hash"}`).toBe(`${row[0]}: vouched for`);
      state.failures = [];
      useDataset(newer());
      const ref = await host.refresh();
      expect(ref.kind).toBe("refreshed");
      expect(ref.kind === "refreshed" && ref.facts.keptAdded).toBe(0);
      expect(factRows(state).find((r) => r[0] === "C003")?.[AMOUNT]).toBe(31);
      expect(factRows(state).some((r) => r[0] === "C001b")).toBe(false);
    }
    expect(withTables).toBeGreaterThan(0);
  });
});

describe("what a request carries is counted as Excel receives it", () => {
  /** The bundled facts `times` over (ids suffixed), for appends. */
  function scaled(times: number): Dataset {
    const facts = [];
    for (let k = 0; k < times; k++) {
      const suffix = k === 0 ? "" : `-x${k}`;
      for (const f of bundledDataset.facts) facts.push({ ...f, id: f.id + suffix, supersedes: f.supersedes.map((s) => s + suffix) });
    }
    return { ...bundledDataset, version: `x${times}`, facts };
  }

  it("the record is counted with its JSON escapes: no request over the limit when the budget is the limit", async () => {
    const probe = new FakeWorkbookState();
    await hostOver(probe).host.build(OPTIONS);
    const xml = probe.parts.find((p) => p.namespaceUri === OWNERSHIP_NAMESPACE)?.xml ?? "";
    const sent = Buffer.byteLength(JSON.stringify(xml), "utf8");
    // The quotes of the record's JSON travel escaped: more than its length.
    expect(sent).toBeGreaterThan(xml.length * 1.05);
    // An update sends the record first (with the hashes it held), then fills the request with the sheets' cells:
    // counted by its length, the record left room for cells its escapes had already taken.
    for (const margin of [300, 700, 1_500]) {
      const state = new FakeWorkbookState();
      const budget = sent + margin;
      const { host } = hostOver(state, budget, budget / 2);
      await host.build(OPTIONS);
      state.requestLimitBytes = budget;
      state.responseLimitBytes = Infinity;
      state.bytesPerSync = [];
      const out = await host.build(UPDATE);
      expect({ margin, kind: out.kind }).toEqual({ margin, kind: "built" });
      for (const bytes of state.bytesPerSync) expect({ margin, over: bytes > budget }).toEqual({ margin, over: false });
    }
  });

  it("a restore deleting many appended rows splits its deletes under the limit and puts everything back", async () => {
    const budget = 60_000;
    // How many round trips the update takes when nothing fails: its last write is the one that fails below.
    const clean = new FakeWorkbookState();
    const c = hostOver(clean, budget, budget / 2);
    await c.host.build(OPTIONS);
    c.useDataset(scaled(3));
    const cleanStart = clean.syncs;
    expect((await c.host.build(UPDATE)).kind).toBe("built");
    const updateSyncs = clean.syncs - cleanStart;

    const state = new FakeWorkbookState();
    const { host, useDataset } = hostOver(state, budget, budget / 2);
    await host.build(OPTIONS);
    useDataset(scaled(3));
    const before = state.snapshot();
    state.requestLimitBytes = budget / 0.8;
    state.responseLimitBytes = Infinity;
    // The update's last write fails after all of it ran: every new row (over 600) was appended and must go.
    state.failures = [{ sync: state.syncs + updateSyncs, afterOps: 1e9, code: "GeneralException" }];
    const out = await host.build(UPDATE);
    expect(out.kind).toBe("error");
    expect(out.kind === "error" && out.error.changed).toEqual({ kind: "nothing" });
    expect(state.snapshot()).toBe(before);
  });
});
