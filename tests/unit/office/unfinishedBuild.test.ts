/**
 * A fresh build whose write fails and whose put-back fails too, before its tables were created, leaves AIFIN
 * sheets without their tables. Running it again cannot complete it: the error says so (ChangeReport.unfinished),
 * and Update and Refresh stop with buildUnfinished, naming the sheets, instead of tableMissing or tablesGone
 * (which blamed the analyst for a rename). A table the analyst renamed or converted still stops as tableMissing.
 */
import { bundledDataset } from "../../../src/model";
import { createExcelHostWith, type HostDeps } from "../../../src/office/excelHost";
import { templateSourceOf } from "../../../src/office/templateSource";
import type { BuildOptions } from "../../../src/office/types";
import { ownershipRecordFromXml, OWNERSHIP_NAMESPACE } from "../../../src/office/ownershipRecord";
import { FakeWorkbookState } from "./fakeExcel";

jest.setTimeout(60_000);
const OPTIONS: BuildOptions = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" };
const UPDATE: BuildOptions = { ...OPTIONS, onClash: "update" };
const ALONGSIDE: BuildOptions = { ...OPTIONS, onClash: "alongside" };

function hostOver(state: FakeWorkbookState, writeBudgetBytes?: number) {
  const source = templateSourceOf(bundledDataset);
  const deps: HostDeps = { run: state.run, probe: () => () => true, source: () => source, today: () => "2026-11-25", wait: async () => undefined, token: () => "tok0123456789", writeBudgetBytes };
  return createExcelHostWith(deps);
}

const record = (state: FakeWorkbookState) => ownershipRecordFromXml(state.parts.find((p) => p.namespaceUri === OWNERSHIP_NAMESPACE)?.xml ?? "");

/** A fresh split build (small budget) whose piece `k` fails half way and whose restore fails too. */
async function leftWithoutTables(k: number) {
  const state = new FakeWorkbookState();
  state.addSheet("Notes").set("A1", "my notes");
  const host = hostOver(state, 40_000);
  state.failures = [{ sync: k, afterOps: 10, code: "GeneralException" }, { sync: k + 1, afterOps: 0, code: "GeneralException" }];
  const out = await host.build(OPTIONS);
  state.failures = [];
  return { state, host, out };
}

/** The failure points at which the sheets stay and the tables were never created. */
async function casesWithoutTables() {
  const found = [];
  for (let k = 2; k <= 14; k++) {
    const c = await leftWithoutTables(k);
    if (c.state.sheets.some((sh) => sh.name === "AIFIN Facts") && !c.state.table("AIFIN_Facts")) found.push(c);
  }
  return found;
}

describe("a fresh build left without its tables by a double failure", () => {
  it("the error does not promise that running it again completes it; it names the table sheets to delete", async () => {
    const cases = await casesWithoutTables();
    expect(cases.length).toBeGreaterThan(0);
    for (const { out } of cases) {
      expect(out.kind).toBe("error");
      if (out.kind !== "error") continue;
      expect(out.error.changed).toMatchObject({ kind: "partial", unfinished: ["AIFIN Facts", "AIFIN Entities"] });
    }
  });

  it("Update and Refresh stop with buildUnfinished, naming the sheets, and change nothing", async () => {
    for (const { state, host } of await casesWithoutTables()) {
      // The record knows the build but neither the sheets' ids nor a row hash: it never completed.
      const b = record(state)?.builds[0];
      expect(b?.sheets.facts).toBeUndefined();
      expect(Object.keys(b?.baseline.hashes.facts ?? {})).toHaveLength(0);
      const before = state.snapshot();
      const upd = await host.build(UPDATE);
      expect(upd).toMatchObject({ kind: "error", error: { code: "buildUnfinished", operation: "build", items: ["AIFIN Facts", "AIFIN Entities"], changed: { kind: "nothing" } } });
      const ref = await host.refresh();
      expect(ref).toMatchObject({ kind: "error", error: { code: "buildUnfinished", operation: "refresh", items: ["AIFIN Facts", "AIFIN Entities"], changed: { kind: "nothing" } } });
      expect(state.snapshot()).toBe(before);
    }
  });

  it("what the message says works: deleting the sheets and building again (or building alongside) completes it", async () => {
    const cases = await casesWithoutTables();
    {
      const { state, host } = cases[0];
      state.deleteSheet("AIFIN Facts");
      state.deleteSheet("AIFIN Entities");
      const again = await host.build(UPDATE);
      expect(again.kind).toBe("built");
      expect(state.table("AIFIN_Facts")?.body().length).toBe(bundledDataset.facts.length);
      expect(state.sheet("Notes").get("A1")).toBe("my notes");
      expect((await host.refresh()).kind).toBe("refreshed");
    }
    {
      const { state, host } = cases[cases.length - 1];
      const along = await host.build(ALONGSIDE);
      expect(along.kind).toBe("built");
      expect(state.table("AIFIN_Facts_2")?.body().length).toBe(bundledDataset.facts.length);
      expect(state.sheet("Notes").get("A1")).toBe("my notes");
    }
  });

  it("a completed build whose sheet ids were never recorded still blames a converted table (tableMissing), not an unfinished build", async () => {
    const state = new FakeWorkbookState();
    const host = hostOver(state);
    // The last round trip (the new sheets' ids in the record) fails: the tables and their row hashes exist.
    state.failures = [{ sync: 3, afterOps: 0, code: "GeneralException" }];
    const out = await host.build(OPTIONS);
    state.failures = [];
    expect(out).toMatchObject({ kind: "error", error: { changed: { kind: "partial" } } });
    expect(out.kind === "error" && out.error.changed.kind === "partial" && out.error.changed.unfinished).toBeFalsy();
    expect(record(state)?.builds[0].sheets.facts).toBeUndefined();
    expect(state.table("AIFIN_Facts")).toBeDefined();
    state.convertToRange("AIFIN_Facts");
    const upd = await host.build(UPDATE);
    expect(upd).toMatchObject({ kind: "error", error: { code: "tableMissing", subject: "AIFIN Facts" } });
  });
});
