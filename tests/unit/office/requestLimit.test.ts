/**
 * Excel on the web refuses a request over 5 MB (excelWriter.ts: EXCEL_REQUEST_LIMIT_BYTES and its source). The
 * stand-in measures what each sync carries (the JSON of every value written, independently of the writer's
 * estimate) and, with `requestLimitBytes` set, refuses a larger batch as Excel on the web does. A build of 100×
 * the bundled facts (≈ 18 MB of cells) must go through in pieces under the limit, with every row in place, in at
 * most 6 round trips; the bundled data and 10× stay at 3. Responses are capped the same way: updating or
 * refreshing that build reads the whole Facts table back, in blocks of rows each under the limit.
 */
import { bundledDataset, FACT_COLUMNS, type Dataset, type Fact } from "../../../src/model";
import { createExcelHostWith } from "../../../src/office/excelHost";
import { EXCEL_REQUEST_LIMIT_BYTES, payloadBytes, WRITE_BUDGET_BYTES } from "../../../src/office/excelWriter";
import { ownershipRecordFromXml } from "../../../src/office/ownershipRecord";
import { templateSourceOf } from "../../../src/office/templateSource";
import type { BuildOptions, HostError } from "../../../src/office/types";
import { FakeWorkbookState } from "./fakeExcel";

const OPTIONS: BuildOptions = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" };

/** The bundled facts `times` over, ids and supersession links kept consistent per copy. */
function scaled(times: number): Dataset {
  const facts: Fact[] = [];
  for (let k = 0; k < times; k++) {
    const suffix = k === 0 ? "" : `-x${k}`;
    for (const f of bundledDataset.facts) facts.push({ ...f, id: f.id + suffix, supersedes: f.supersedes.map((s) => s + suffix) });
  }
  return { ...bundledDataset, version: `${bundledDataset.version}-x${times}`, facts };
}

function build(dataset: Dataset, writeBudgetBytes?: number) {
  const state = new FakeWorkbookState();
  state.requestLimitBytes = EXCEL_REQUEST_LIMIT_BYTES;
  const mine = state.addSheet("Notes");
  mine.set("A1", "my own sheet");
  const source = templateSourceOf(dataset);
  const host = createExcelHostWith({ run: state.run, probe: () => () => true, source: () => source, today: () => "2026-11-25", wait: async () => undefined, writeBudgetBytes });
  return { state, source, run: () => host.build(OPTIONS) };
}

describe("Excel on the web's request limit", () => {
  it("estimates a write's size as its JSON in UTF-8 (what Excel receives)", () => {
    const rows = [
      ["C001", "investment", 12.5, true, "", "科技巨頭為何向 OpenAI 砸重金", 'a "quoted" note', "line\nbreak", "back\\slash"],
      [1e-7, -3, false, "'=AVERAGE(E5:E7)", "€ 10", "—", 0, "https://example.com/a?b=c&d", "x"],
    ];
    expect(payloadBytes(rows)).toBe(Buffer.byteLength(JSON.stringify(rows), "utf8"));
    expect(WRITE_BUDGET_BYTES).toBeLessThan(EXCEL_REQUEST_LIMIT_BYTES);
  });

  it("builds 100× the bundled facts in pieces, each request under the limit, every row in place", async () => {
    const big = scaled(100);
    const { state, source, run } = build(big);
    const outcome = await run();
    expect(outcome).toMatchObject({ kind: "built", facts: big.facts.length, syncs: state.syncs });
    // More round trips than the unsplit 3, every one under the limit: the cells alone are ≈ 18 MB.
    expect(payloadBytes(source.factRows)).toBeGreaterThan(3 * EXCEL_REQUEST_LIMIT_BYTES);
    expect(state.syncs).toBeGreaterThan(3);
    for (const bytes of state.bytesPerSync) expect(bytes).toBeLessThanOrEqual(EXCEL_REQUEST_LIMIT_BYTES);
    // At most 6 (issue 13): the snapshot, then requests filled to the budget, the last carrying the record with
    // the new sheets' ids; number formats go as one value per column, not one per cell; the record's row hashes
    // stored in 11 digits, not 16 (counted with its JSON escapes, the record alone would take a seventh piece).
    expect(state.syncs).toBeLessThanOrEqual(6);
    const record = ownershipRecordFromXml(state.parts[0].xml);
    expect(Object.keys(record?.builds[0].sheets ?? {})).toHaveLength(8);
    expect(state.table("AIFIN_Facts")!.sheet.formats.get(state.table("AIFIN_Facts")!.sheet.key(big.facts.length + 4, 1))).toBe("@");
    // Every row, in order, exactly as a single write would have put it (first, a piece boundary, last).
    const body = state.table("AIFIN_Facts")!.body();
    expect(body).toHaveLength(big.facts.length);
    const idAt = FACT_COLUMNS.indexOf("id");
    expect(body.map((r) => r[idAt])).toEqual(big.facts.map((f) => f.id));
    expect(state.sheet("Notes").get("A1")).toBe("my own sheet");
  }, 60_000);

  it("is refused as one request, and changes nothing, when the writer does not split", async () => {
    const { state, run } = build(scaled(100), Number.POSITIVE_INFINITY);
    const before = state.snapshot();
    const outcome = (await run()) as { kind: string; error?: HostError };
    expect(outcome.kind).toBe("error");
    expect(outcome.error).toMatchObject({ officeCode: "RequestPayloadSizeLimitExceeded", changed: { kind: "nothing" } });
    expect(state.snapshot()).toBe(before);
  }, 60_000);

  it("updates and refreshes 100× the bundled facts, reading the tables back in blocks, each response under the limit", async () => {
    const big = scaled(100);
    const state = new FakeWorkbookState();
    state.requestLimitBytes = EXCEL_REQUEST_LIMIT_BYTES;
    let source = templateSourceOf(big);
    const host = createExcelHostWith({ run: state.run, probe: () => () => true, source: () => source, today: () => "2026-11-25", wait: async () => undefined });
    expect(await host.build(OPTIONS)).toMatchObject({ kind: "built" });
    // Newer data: C003 changes in every copy; the whole table (≈ 37 MB as formulas and values) must be read to merge.
    const amount = FACT_COLUMNS.indexOf("amount_usd_bn");
    source = templateSourceOf({ ...big, version: "newer", facts: big.facts.map((f) => (f.id.startsWith("C003") ? { ...f, amountUsdBn: 31 } : f)) });
    state.responseBytesPerSync = [];
    const refreshed = await host.refresh();
    expect(refreshed).toMatchObject({ kind: "refreshed", facts: { updated: 100, unchanged: big.facts.length - 100, keptEdited: 0, keptAdded: 0, added: 0, removed: 0 } });
    expect(Math.max(...state.responseBytesPerSync)).toBeLessThanOrEqual(EXCEL_REQUEST_LIMIT_BYTES);
    // ≈ 18.5 MB of formulas, plus the first block's values: the rest is read through `formulas` alone.
    expect(state.responseBytesPerSync.reduce((a, b) => a + b, 0)).toBeGreaterThan(4 * EXCEL_REQUEST_LIMIT_BYTES);
    const body = state.table("AIFIN_Facts")!.body();
    expect(body.filter((r) => String(r[0]).startsWith("C003")).map((r) => r[amount])).toEqual(Array(100).fill(31));

    source = templateSourceOf({ ...big, version: "newer still", facts: big.facts.map((f) => (f.id.startsWith("C003") ? { ...f, amountUsdBn: 32 } : f)) });
    state.responseBytesPerSync = [];
    expect(await host.build({ ...OPTIONS, onClash: "update" })).toMatchObject({ kind: "built", facts: big.facts.length });
    expect(Math.max(...state.responseBytesPerSync)).toBeLessThanOrEqual(EXCEL_REQUEST_LIMIT_BYTES);
    expect(state.table("AIFIN_Facts")!.body().filter((r) => String(r[0]).startsWith("C003")).map((r) => r[amount])).toEqual(Array(100).fill(32));
  }, 120_000);

  it.each([1, 10])("keeps %i× the bundled facts to the same 3 round trips, under the limit", async (times) => {
    const { state, run } = build(scaled(times));
    expect(await run()).toMatchObject({ kind: "built", syncs: 3 });
    for (const bytes of state.bytesPerSync) expect(bytes).toBeLessThanOrEqual(EXCEL_REQUEST_LIMIT_BYTES);
  });
});
