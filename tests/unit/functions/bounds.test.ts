/**
 * Bounded functions: every scenario the reliability review reproduced, as a test that failed
 * before the fix. A function never hangs Excel, never returns more than a cell or a spill can hold, and
 * never echoes a huge argument back in a message.
 */
import { CYCLE_LENGTH } from "../../../src/engine";
import { MAX_CELL_TEXT } from "../../../src/functions/cellText";
import { createModelCache } from "../../../src/functions/modelCache";
import { CYCLES_HEADER, FUNCTION_SPECS, MAX_CYCLE_ROWS } from "../../../src/functions/specs";
import { cyclesSheetSpec } from "../../../src/office/templateSpec";
import { ENTITY_COLUMNS, entitiesToRows, type Entity } from "../../../src/model";
import { errorOf, factTable, invoke, makeFact } from "./helpers";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** n companies, every one with a contract to every other: n(n−1) rows, the densest possible web. */
function completeWeb(n: number): { facts: unknown[][]; entities: unknown[][] } {
  const ids = Array.from({ length: n }, (_, i) => `CO${String(i + 1).padStart(2, "0")}`);
  const entities: Entity[] = ids.map((id) => ({ id, name: `Company ${id}`, nameZh: null, aliases: [], roles: ["other"], listed: false, members: [] }));
  const facts = ids.flatMap((from, i) =>
    ids.filter((to) => to !== from).map((to, j) => makeFact({ id: `K${i}_${j}`, kind: "contract", from, to, amountUsdBn: 1 + ((i * 7 + j) % 5) })),
  );
  return { facts: factTable(facts), entities: [[...ENTITY_COLUMNS], ...entitiesToRows(entities)] };
}

describe("AIFIN.CYCLES is bounded", () => {
  const models = createModelCache();
  const web = completeWeb(12); // 132 rows, 12 companies: the review's table
  const handle = models.load(web.facts, web.entities, false);

  it("answers max_length 8 on a 132-row, 12-company web at once with a clear error instead of 2 million rows", () => {
    const start = Date.now();
    const err = errorOf(invoke("CYCLES", ["CO01", 8, null, handle], models));
    expect(Date.now() - start).toBeLessThan(5_000); // before: 10 s and 2 GB
    expect(err?.code).toBe("#N/A");
    expect(err?.message).toMatch(/more loops run through CO01 with up to 8 entities than AIFIN can list.*smaller max_length/);
  });

  it("lists at most MAX_CYCLE_ROWS loops, largest first, then a '+N more' row", () => {
    // Through one node of K12 with up to 5 entities: 11 + 11·10 + 11·10·9 + 11·10·9·8 = 9,031 loops.
    const rows = invoke("CYCLES", ["CO01", 5, null, handle], models) as unknown[][];
    expect(rows[0]).toEqual([...CYCLES_HEADER]);
    expect(rows).toHaveLength(1 + MAX_CYCLE_ROWS + 1);
    expect(rows[rows.length - 1]).toEqual([`+${(9031 - MAX_CYCLE_ROWS).toLocaleString("en-US")} more (largest 1,000 shown)`, "", ""]);
    const bottlenecks = rows.slice(1, -1).map((r) => r[2] as number);
    expect(bottlenecks).toEqual([...bottlenecks].sort((a, b) => b - a));
  });

  it("counts exactly the loops through the entity a hand count gives on a smaller web", () => {
    // K4 through one node, up to 4 entities: 3 + 3·2 + 3·2·1 = 15.
    const small = completeWeb(4);
    const h = models.load(small.facts, small.entities, false);
    expect((invoke("CYCLES", ["CO01", 4, null, h], models) as unknown[][]).length - 1).toBe(15);
  });
});

describe("one cycle-length bound for CYCLES, the Cycles sheet and the docs", () => {
  it("CYCLES accepts exactly CYCLE_LENGTH.min to CYCLE_LENGTH.max", () => {
    const spec = FUNCTION_SPECS.CYCLES.params.find((p) => p.name === "max_length");
    expect([spec?.min, spec?.max, spec?.default]).toEqual([CYCLE_LENGTH.min, CYCLE_LENGTH.max, CYCLE_LENGTH.default]);
  });

  it("the Cycles sheet tells the analyst the same range (it said 2 to 6)", () => {
    const sheet = cyclesSheetSpec({ refs: { sheets: { exposure: "Exposure", cycles: "Cycles" } } as never, entity: "NVDA", maxLength: 4 });
    const note = sheet.rows.flat().find((c) => typeof c === "string" && c.startsWith("Entities per cycle"));
    expect(note).toBe(`Entities per cycle, ${CYCLE_LENGTH.min} to ${CYCLE_LENGTH.max}.`);
  });

  it("docs/functions.md states the same range", () => {
    const docs = readFileSync(join(__dirname, "../../../docs/functions.md"), "utf8");
    expect(docs).toContain(`| max_length | Most entities on a loop, ${CYCLE_LENGTH.min} to ${CYCLE_LENGTH.max} (default ${CYCLE_LENGTH.default}). |`);
  });
});

describe("texts fit what Excel can show", () => {
  it("never echoes a huge argument in a message", () => {
    const huge = "x".repeat(1_000_000);
    for (const call of [
      invoke("STAKE", [huge, "OPENAI"]),
      invoke("FUNDING", ["MSFT", "OPENAI", huge]),
      invoke("FACT", [huge]),
      invoke("STAKE", ["MSFT", "OPENAI", null, null, huge]),
    ]) {
      const err = errorOf(call);
      expect(err).not.toBeNull();
      expect(err!.message.length).toBeLessThan(400);
    }
  });

  it("answers a 32,000-character misspelt name at once (it took 75 s to suggest a correction)", () => {
    const start = Date.now();
    const err = errorOf(invoke("STAKE", [`${"Microsoft".repeat(3_555)}x`, "OPENAI"]));
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(err?.code).toBe("#N/A");
  });

  it("cuts FACT text and EXPOSURE_TABLE cells at 32,767 characters", () => {
    const models = createModelCache();
    const long = "d".repeat(40_000);
    const facts = factTable([
      makeFact({ id: "L1", kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: 1, description: long }),
      ...Array.from({ length: 6_000 }, (_, i) => makeFact({ id: `LONG_FACT_ID_${i}`, kind: "contract", from: "OPENAI", to: "MSFT", amountUsdBn: 1 })),
    ]);
    const handle = models.load(facts, null, false);
    const text = invoke("FACT", ["L1", "description", handle], models) as string;
    expect(text.length).toBe(MAX_CELL_TEXT);
    expect(text.endsWith("…")).toBe(true);
    const table = invoke("EXPOSURE_TABLE", ["MSFT", null, handle], models) as unknown[][];
    for (const row of table) for (const cell of row) if (typeof cell === "string") expect(cell.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });
});

describe("numbers are parsed strictly", () => {
  it.each(["0x1", "0b1", "0o1", "Infinity", "1e999", " 1_0 "])("refuses %j as a cut", (text) => {
    expect(errorOf(invoke("STRESS", ["ORCL", "OPENAI", text]))?.code).toBe("#VALUE!");
  });

  it("still reads decimal text and percentages", () => {
    expect(invoke("STRESS", ["ORCL", "OPENAI", "0.3"])).toBe(invoke("STRESS", ["ORCL", "OPENAI", 0.3]));
    expect(invoke("STRESS", ["ORCL", "OPENAI", "30%"])).toBe(invoke("STRESS", ["ORCL", "OPENAI", 0.3]));
  });

  it.each(["0x8", "4e0x"])("refuses %j as a max_length", (text) => {
    expect(errorOf(invoke("CYCLES", ["NVDA", text]))?.code).toBe("#VALUE!");
  });
});

describe("name suggestions are bounded in the registry too (the pane's search uses it)", () => {
  it("answers a 32,000-character misspelt name at once, with no suggestion", () => {
    const { getBundledModel } = require("../../../src/model") as typeof import("../../../src/model");
    const start = Date.now();
    const found = getBundledModel().registry.resolve(`${"Microsoft".repeat(3_555)}x`);
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(found).toEqual({ ok: false, query: expect.any(String), suggestions: [] });
  });
});
