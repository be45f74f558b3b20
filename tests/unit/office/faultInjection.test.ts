/**
 * Fault injection at every round trip of every workbook operation (fresh build, update, alongside,
 * refresh, freeze): each sync() fails in turn, before its first queued operation, after the first, half
 * way, before the last and after the last (Excel runs a batch in order and stops where it fails). Around
 * each failure the workbook is snapshotted; whatever failed:
 *
 * - nothing the analyst typed is lost, moved or changed (a link into the Facts table, an edited amount, an
 *   added row with a note that looks like a formula, notes on AIFIN's computed sheets, a formula in a Stress
 *   input, a sheet of their own);
 * - the error says exactly what was changed: "nothing" only when the whole workbook is as before, else the
 *   AIFIN sheets that may differ, and no other sheet differs (formulas elsewhere may be re-pointed by a
 *   row delete, which is Excel keeping links right; where they point is checked by meaning);
 * - running the operation again without a fault succeeds and keeps all of the above.
 */
import { bundledDataset, FACT_COLUMNS, type Dataset } from "../../../src/model";
import { createExcelHostWith, type HostDeps } from "../../../src/office/excelHost";
import { templateSourceOf } from "../../../src/office/templateSource";
import type { BuildOptions, HostError } from "../../../src/office/types";
import { ownershipRecordFromXml } from "../../../src/office/ownershipRecord";
import { FakeWorkbookState } from "./fakeExcel";

const OPTIONS: BuildOptions = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" };
type Operation = "build fresh" | "update" | "alongside" | "refresh" | "freeze";
const OPERATIONS: Operation[] = ["build fresh", "update", "alongside", "refresh", "freeze"];

/** A newer bundle: one fact leaves (row delete), one changes (in-place write), one arrives (append). */
function newer(): Dataset {
  const facts = bundledDataset.facts
    .filter((f) => f.id !== "C001b")
    .map((f) => (f.id === "C003" ? { ...f, amountUsdBn: 31 } : { ...f, supersedes: f.supersedes.filter((x) => x !== "C001b") }));
  return { ...bundledDataset, version: "newer", facts: [...facts, { ...bundledDataset.facts[3], id: "N900", supersedes: [] }] };
}

/** `writeBudgetBytes` small enough splits the bundled data's writes over several syncs, as 100× the facts would be split. */
function hostOver(state: FakeWorkbookState, writeBudgetBytes?: number, readBudgetBytes?: number) {
  let source = templateSourceOf(bundledDataset);
  const deps: HostDeps = { run: state.run, probe: () => () => true, source: () => source, today: () => "2026-11-25", wait: async () => undefined, token: () => "tok0123456789", writeBudgetBytes, readBudgetBytes };
  return { host: createExcelHostWith(deps), useDataset: (d: Dataset) => void (source = templateSourceOf(d)) };
}

const DESC = FACT_COLUMNS.indexOf("description");
const NOTE = "'=AVERAGE(E5:E7)";

/** A workbook an analyst has worked in; `built` false leaves only their own sheet. */
async function prepared(op: Operation, writeBudgetBytes?: number, readBudgetBytes?: number): Promise<{ state: FakeWorkbookState; run: () => Promise<{ kind: string; error?: HostError }> }> {
  const state = new FakeWorkbookState();
  const notes = state.addSheet("Notes");
  notes.set("A1", "my own sheet");
  notes.set("B2", "=SUM(1,2)");
  const { host, useDataset } = hostOver(state, writeBudgetBytes, readBudgetBytes);
  if (op !== "build fresh") {
    await host.build(OPTIONS);
    const t = state.table("AIFIN_Facts")!;
    const row = (id: string) => t.top + 1 + t.body().findIndex((r) => r[0] === id);
    notes.set("A2", `='AIFIN Facts'!E${row("C002")}`);
    t.sheet.set(`E${row("C004")}`, 29); // an edited amount
    t.appendRows([["MY1", "investment", "MSFT", "OPENAI", 1.5]]);
    t.sheet.cells.set(t.sheet.key(t.top + t.bodyRows, t.left + DESC), NOTE);
    state.sheet("AIFIN Exposure").set("M3", "note on Exposure");
    state.sheet("AIFIN Sources").set("J2", "note on Sources");
    state.sheet("AIFIN Stress").set("B3", "=0.25*2");
    useDataset(newer());
  }
  state.formulaValue = () => 1;
  const run = async (): Promise<{ kind: string; error?: HostError }> => {
    switch (op) {
      case "build fresh":
        return host.build(OPTIONS);
      case "update":
        return host.build({ ...OPTIONS, onClash: "update" });
      case "alongside":
        return host.build({ ...OPTIONS, onClash: "alongside" });
      case "refresh":
        return host.refresh();
      case "freeze":
        return host.freeze();
    }
  };
  state.syncs = 0;
  state.opsPerSync = [];
  state.bytesPerSync = [];
  state.payloadOpsPerSync = [];
  state.responseBytesPerSync = [];
  return { state, run };
}

/** What the analyst typed, read back by meaning (rows found by id, links followed). */
function analystWork(state: FakeWorkbookState, op: Operation): unknown {
  const notes = state.sheet("Notes");
  const out: Record<string, unknown> = { notesA1: notes.get("A1"), notesB2: notes.get("B2") };
  if (op === "build fresh") return out;
  const t = state.table("AIFIN_Facts")!;
  const find = (id: string) => t.body().find((r) => r[0] === id);
  const link = /^='AIFIN Facts'!E(\d+)$/.exec(String(notes.get("A2")));
  out.link = link ? [t.sheet.get(`A${link[1]}`), t.sheet.get(`E${link[1]}`)] : notes.get("A2");
  out.edited = find("C004")?.[FACT_COLUMNS.indexOf("amount_usd_bn")];
  const mine = find("MY1");
  const mineRow = t.top + 1 + t.body().findIndex((r) => r[0] === "MY1");
  out.added = mine?.slice(0, 5);
  out.note = t.sheet.cells.get(t.sheet.key(mineRow, t.left + DESC));
  out.exposureNote = state.sheet("AIFIN Exposure").get("M3");
  out.sourcesNote = state.sheet("AIFIN Sources").get("J2");
  out.stressInput = state.sheet("AIFIN Stress").get("B3");
  return out;
}

const FAULT_CODE = "GeneralException";
let faults = 0;

describe.each(OPERATIONS)("fault injection: %s", (op) => {
  it("survives a failure at every round trip and every point inside it", async () => {
    const clean = await prepared(op);
    const expected = await clean.run();
    expect(expected).toMatchObject({ kind: op === "refresh" ? "refreshed" : op === "freeze" ? "frozen" : "built" });
    expect(clean.state.syncs).toBeLessThanOrEqual(6);
    const plan = clean.state.opsPerSync;

    for (let k = 1; k <= plan.length; k++) {
      const n = plan[k - 1];
      for (const afterOps of [...new Set([0, 1, Math.floor(n / 2), n - 1, n].filter((x) => x >= 0 && x <= n))]) {
        const { state, run } = await prepared(op);
        const before = state.snapshot();
        const sheetsBefore = new Map(state.sheets.map((s) => [s.name, state.sheetSnapshot(s.name, true)]));
        const workBefore = analystWork(state, op);
        state.failures = [{ sync: k, afterOps, code: FAULT_CODE }];
        const outcome = await run();
        faults++;
        const where = `${op}: sync ${k} of ${plan.length}, after ${afterOps} of ${n} operations`;
        expect({ where, kind: outcome.kind }).toEqual({ where, kind: "error" });
        const error = outcome.error as HostError;
        expect({ where, officeCode: error.officeCode }).toEqual({ where, officeCode: FAULT_CODE });
        // Nothing the analyst typed was lost, moved or changed.
        expect({ where, work: analystWork(state, op) }).toEqual({ where, work: workBefore });
        // The message says what was changed.
        if (error.changed.kind === "nothing") {
          expect({ where, same: state.snapshot() === before }).toEqual({ where, same: true });
        } else {
          const named = new Set(error.changed.sheets.map((x) => x.toLowerCase()));
          for (const [name, snap] of sheetsBefore) {
            if (!named.has(name.toLowerCase())) expect({ where, name, same: state.sheetSnapshot(name, true) === snap }).toEqual({ where, name, same: true });
          }
        }
        // Running it again works and keeps the analyst's work (a build whose sheets now exist asks first; Update then completes it).
        state.failures = [];
        let again = await run();
        if (again.kind === "clash") again = await hostOver(state).host.build({ ...OPTIONS, onClash: "update" });
        expect({ where, kind: again.kind }).toEqual({ where, kind: expected.kind });
        expect({ where, work: analystWork(state, op) }).toEqual({ where, work: analystWork(clean.state, op) });
      }
    }
    // Up to ~60 builds of the bundled data per operation: seconds, not the default 5 s, on a shared 2-core machine.
  }, 120_000);
});

/**
 * The same guarantees when the main write is split over several syncs (Excel on the web's request limit): with
 * a 40 KB budget the bundled data's Facts rows go in pieces (a refresh, which writes little, gets 1 KB: each
 * write its own sync), so a failure can come after some pieces were sent and before the others. Each request is
 * filled up to the budget across sheets and row chunks, and a split build's last piece carries the record with
 * the new sheets' ids (no round trip of their own): with 45 KB the record shares that piece with the last rows,
 * with 40 KB it goes alone. Each write sync fails in turn, before its first operation, after one, half way,
 * before its last and after its last; the workbook is then as before (or only AIFIN's named sheets differ),
 * and a rerun completes it.
 */
const CHUNKED: Array<[Operation, number]> = [
  ["build fresh", 40_000],
  ["build fresh", 45_000],
  ["update", 40_000],
  ["alongside", 40_000],
  ["refresh", 1_000],
  ["freeze", 1_000],
];
describe.each(CHUNKED)("fault injection in a chunked write: %s, %i-byte budget", (op, budget) => {
  it("survives a failure between and inside the pieces", async () => {
    const clean = await prepared(op, budget);
    const expected = await clean.run();
    expect(expected).toMatchObject({ kind: op === "refresh" ? "refreshed" : op === "freeze" ? "frozen" : "built" });
    // The write is split: every batch carries at most the budget of cell data, and there are more syncs than unsplit.
    const unsplit = await prepared(op);
    await unsplit.run();
    expect(clean.state.syncs).toBeGreaterThan(unsplit.state.syncs + 1);
    // Every batch carries at most the budget of cell data, unless it is one write larger than the budget on its own.
    clean.state.bytesPerSync.forEach((bytes, i) => expect({ i, over: bytes > budget && clean.state.payloadOpsPerSync[i] > 1 }).toEqual({ i, over: false }));
    const plan = clean.state.opsPerSync;
    const writes = plan.map((n, i) => ({ k: i + 1, n })).filter((_, i) => clean.state.bytesPerSync[i] > 0);
    expect(writes.length).toBeGreaterThan(2);
    // Requests are filled: at most one more write sync than the bytes written need at the budget.
    const written = clean.state.bytesPerSync.reduce((a, b) => a + b, 0);
    if (op !== "refresh" && op !== "freeze") expect(writes.length).toBeLessThanOrEqual(Math.ceil(written / budget) + 1);
    if (op === "build fresh") {
      // No round trip for the new sheets' ids: every sync after the snapshot writes, the last one the record with ids.
      expect(writes.length).toBe(plan.length - 1);
      const record = ownershipRecordFromXml(clean.state.parts[0].xml);
      expect(Object.keys(record?.builds[0].sheets ?? {})).toHaveLength(8);
    }
    for (const { k, n } of writes) {
      for (const afterOps of [...new Set([0, 1, Math.floor(n / 2), n - 1, n].filter((x) => x >= 0 && x <= n))]) {
        const { state, run } = await prepared(op, budget);
        const before = state.snapshot();
        const sheetsBefore = new Map(state.sheets.map((s) => [s.name, state.sheetSnapshot(s.name, true)]));
        const workBefore = analystWork(state, op);
        state.failures = [{ sync: k, afterOps, code: FAULT_CODE }];
        const outcome = await run();
        faults++;
        const where = `${op} (chunked): sync ${k} of ${plan.length}, after ${afterOps} of ${n} operations`;
        expect({ where, kind: outcome.kind }).toEqual({ where, kind: "error" });
        const error = outcome.error as HostError;
        expect({ where, work: analystWork(state, op) }).toEqual({ where, work: workBefore });
        if (error.changed.kind === "nothing") {
          expect({ where, same: state.snapshot() === before }).toEqual({ where, same: true });
        } else {
          const named = new Set(error.changed.sheets.map((x) => x.toLowerCase()));
          for (const [name, snap] of sheetsBefore) {
            if (!named.has(name.toLowerCase())) expect({ where, name, same: state.sheetSnapshot(name, true) === snap }).toEqual({ where, name, same: true });
          }
        }
        state.failures = [];
        let again = await run();
        if (again.kind === "clash") again = await hostOver(state, budget).host.build({ ...OPTIONS, onClash: "update" });
        expect({ where, kind: again.kind }).toEqual({ where, kind: expected.kind });
        expect({ where, work: analystWork(state, op) }).toEqual({ where, work: analystWork(clean.state, op) });
      }
    }
  }, 180_000);
});

/**
 * Reading the tables back in blocks (Excel on the web's 5 MB response limit): with a 40 KB read budget the
 * bundled Facts table (≈ 0.4 MB as formulas and values) comes back in about ten blocks. Each read sync fails in turn: nothing has been written
 * yet, so the workbook is exactly as before and the error says so; a rerun completes. A read Excel refuses as too
 * large is read again in halves, and the operation ends as a clean run does.
 */
describe.each(["update", "refresh"] as const)("fault injection in a chunked read: %s", (op) => {
  const READ_BUDGET = 40_000;
  it("survives a failure at every read, and reads again in halves when a response is refused", async () => {
    const clean = await prepared(op, undefined, READ_BUDGET);
    const expected = await clean.run();
    expect(expected).toMatchObject({ kind: op === "refresh" ? "refreshed" : "built" });
    // The Facts table came back in blocks, each under the budget by estimate (the fake measures what it returns).
    // Syncs 1 and 2 read the sheet names and the record; then come the tables (an update's first also reads the computed sheets).
    const reads = clean.state.responseBytesPerSync.map((bytes, i) => ({ k: i + 1, bytes })).filter((r, i) => r.bytes > 0 && clean.state.bytesPerSync[i] === 0 && i >= 2);
    expect(reads.length).toBeGreaterThan(5);
    // Each block within a few per cent of the budget (its rows estimated from the newer data, one fact off after C001b).
    for (const r of op === "update" ? reads.slice(1) : reads) expect({ k: r.k, over: r.bytes > READ_BUDGET * 1.05 }).toEqual({ k: r.k, over: false });
    const t = clean.state.table("AIFIN_Facts")!;
    const cleanBody = JSON.stringify(t.body());

    for (const { k } of reads) {
      const { state, run } = await prepared(op, undefined, READ_BUDGET);
      const before = state.snapshot();
      state.failures = [{ sync: k, afterOps: 0, code: FAULT_CODE }];
      const outcome = await run();
      faults++;
      const where = `${op} (chunked read): sync ${k}`;
      expect({ where, kind: outcome.kind, changed: outcome.error?.changed }).toEqual({ where, kind: "error", changed: { kind: "nothing" } });
      expect({ where, same: state.snapshot() === before }).toEqual({ where, same: true });
      state.failures = [];
      expect({ where, kind: (await run()).kind }).toEqual({ where, kind: expected.kind });
      expect({ where, body: JSON.stringify(state.table("AIFIN_Facts")!.body()) }).toEqual({ where, body: cleanBody });
    }

    // Excel refuses a read as too large: it is read again in halves, and the outcome is the clean one (a refresh's
    // first table read, whose first blocks halve; an update's first carries one row per table beside the computed
    // sheets at this budget, so its second; and one half way).
    for (const { k } of [op === "refresh" ? reads[0] : reads[1], reads[Math.floor(reads.length / 2)]]) {
      const { state, run } = await prepared(op, undefined, READ_BUDGET);
      state.failures = [{ sync: k, afterOps: 0, code: "ResponsePayloadSizeLimitExceeded" }];
      const outcome = await run();
      faults++;
      expect({ k, kind: outcome.kind }).toEqual({ k, kind: expected.kind });
      expect({ k, body: JSON.stringify(state.table("AIFIN_Facts")!.body()) }).toEqual({ k, body: cleanBody });
    }
  }, 120_000);
});

/**
 * Past the first block, table rows are read through `formulas` alone, and `values` only for rows with a cell
 * reading "=…" (`formulas` gives a constant's value, but a formula and text typed as '=… read alike there). A
 * row AIFIN wrote whose description is the text "=1+1", where the analyst typed the live formula =1+1 instead
 * (the same logical content, so the row still counts as untouched), is rewritten in place by newer data; when
 * that write fails, the restore must put the formula back, not the text: it needs the row's values.
 */
it("restores a formula in a row read in a later block, not its text", async () => {
  const TEXT = "=1+1";
  const at = 150;
  const withText: Dataset = { ...bundledDataset, facts: bundledDataset.facts.map((f, i) => (i === at ? { ...f, description: TEXT } : f)) };
  const newer: Dataset = { ...withText, version: "newer", facts: withText.facts.map((f, i) => (i === at ? { ...f, amountUsdBn: (f.amountUsdBn ?? 0) + 1 } : f)) };
  const built = async () => {
    const state = new FakeWorkbookState();
    let source = templateSourceOf(withText);
    const host = createExcelHostWith({ run: state.run, probe: () => () => true, source: () => source, today: () => "2026-11-25", wait: async () => undefined, readBudgetBytes: 40_000 });
    expect(await host.build(OPTIONS)).toMatchObject({ kind: "built" });
    source = templateSourceOf(newer);
    state.syncs = 0;
    state.bytesPerSync = [];
    state.opsPerSync = [];
    state.formulaValue = () => 2;
    const t = state.table("AIFIN_Facts")!;
    const key = t.sheet.key(t.top + 1 + at, t.left + DESC);
    t.sheet.cells.set(key, TEXT); // the analyst's live formula (stored without an apostrophe)
    return { state, host, cell: () => t.sheet.cells.get(key) };
  };
  const clean = await built();
  expect(await clean.host.refresh()).toMatchObject({ kind: "refreshed", facts: { updated: 1 } });
  // The row sits past the first block: several syncs read before the first that writes.
  const write = clean.state.bytesPerSync.findIndex((b) => b > 0);
  expect(write).toBeGreaterThan(3);

  // That write fails after all its operations ran: the restore writes the row's before-image back.
  const failed = await built();
  const before = failed.state.snapshot();
  failed.state.failures = [{ sync: write + 1, afterOps: clean.state.opsPerSync[write], code: FAULT_CODE }];
  const outcome = await failed.host.refresh();
  faults++;
  expect(outcome).toMatchObject({ kind: "error", error: { changed: { kind: "nothing" } } });
  expect(failed.cell()).toBe(TEXT);
  expect(failed.state.snapshot()).toBe(before);
}, 60_000);

afterAll(() => {
  // The figure docs/reliability.md quotes (printed so a run shows it).
  process.stdout.write(`fault injection: ${faults} faults injected across ${OPERATIONS.length} operations\n`);
});
