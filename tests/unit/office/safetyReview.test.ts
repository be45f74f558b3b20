/**
 * Workbook-safety regressions from the independent review (rv20): each test failed on the writer it was
 * written against. Title rows above the Facts/Entities tables; a write that fails and whose restore fails too;
 * how a request's size is counted.
 */
import { bundledDataset, type Dataset } from "../../../src/model";
import { createExcelHostWith, type HostDeps } from "../../../src/office/excelHost";
import { templateSourceOf } from "../../../src/office/templateSource";
import type { BuildOptions } from "../../../src/office/types";
import { FakeWorkbookState } from "./fakeExcel";

jest.setTimeout(60_000);
const OPTIONS: BuildOptions = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" };
const UPDATE: BuildOptions = { ...OPTIONS, onClash: "update" };

function hostOver(state: FakeWorkbookState, writeBudgetBytes?: number) {
  let source = templateSourceOf(bundledDataset);
  const deps: HostDeps = { run: state.run, probe: () => () => true, source: () => source, today: () => "2026-11-25", wait: async () => undefined, token: () => "tok0123456789", writeBudgetBytes };
  return { host: createExcelHostWith(deps), useDataset: (d: Dataset) => void (source = templateSourceOf(d)) };
}

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
