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

function hostOver(state: FakeWorkbookState, writeBudgetBytes?: number) {
  let source = templateSourceOf(bundledDataset);
  const deps: HostDeps = { run: state.run, probe: () => () => true, source: () => source, today: () => "2026-11-25", wait: async () => undefined, token: () => "tok0123456789", writeBudgetBytes };
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
});
