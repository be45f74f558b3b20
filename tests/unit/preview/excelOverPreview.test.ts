/**
 * The real Excel host (src/office) over the preview's in-browser Excel (src/preview/excel): Build, Refresh
 * and Freeze run the same code as in Excel, against a workbook that computes its formulas. Expectations come
 * from the engine itself (entityMetrics, stress) on the same view, and from hand edits of the dataset.
 */
import { bundledDataset, createModel, type Dataset } from "../../../src/model";
import { cyclesThrough, entityMetrics } from "../../../src/engine";
import { templateSourceOf } from "../../../src/office/templateSource";
import { BASE_SHEET_NAMES, EXPOSURE_MEASURES, NO_FIGURE, TABLE_HEADER_ROW, exposureFigure } from "../../../src/office/templateSpec";
import { excelRunFor, PreviewRequestContext } from "../../../src/preview/excel/excelApi";
import { PreviewOfficeError, type PreviewWorkbook, type SheetMeta } from "../../../src/preview/excel/workbook";
import { createNodePreviewWorkbook, hostOver } from "../../harness/previewNode";

const source = templateSourceOf(bundledDataset);
const model = createModel(bundledDataset);
const options = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" } as const;

function sheet(book: PreviewWorkbook, name: string): SheetMeta {
  const s = book.sheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Column A → row index (0-based) of an entity on a sheet. */
function rowOf(book: PreviewWorkbook, name: string, id: string): number {
  const s = sheet(book, name);
  const used = book.usedBox(s)!;
  const ids = book.readValues(s, { top: 0, left: 0, bottom: used.bottom, right: 0 }).map((r) => r[0]);
  const i = ids.indexOf(id);
  if (i < 0) throw new Error(`${id} not on ${name}`);
  return i;
}

function errorsOn(book: PreviewWorkbook, s: SheetMeta): string[] {
  const used = book.usedBox(s);
  if (!used) return [];
  return book.readValues(s, used).flat().filter((v): v is string => typeof v === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(v));
}

describe("the Excel host over the preview workbook", () => {
  let book: PreviewWorkbook;
  beforeAll(async () => {
    book = createNodePreviewWorkbook();
    const out = await hostOver(book).build(options);
    expect(out.kind).toBe("built");
  });

  it("writes every AIFIN sheet, with the Exposure sheet active and its chart as data", () => {
    expect(book.sheets.map((s) => s.name)).toEqual(Object.values(BASE_SHEET_NAMES).filter((n) => book.sheetByName(n)));
    expect(book.sheetById(book.activeSheetId!)?.name).toBe(BASE_SHEET_NAMES.exposure);
    expect(book.tables.map((t) => t.name).sort()).toEqual(["AIFIN_Entities", "AIFIN_Facts"]);
    expect(book.xmlParts).toHaveLength(1);
    const chart = book.charts[0];
    expect(chart.sheetId).toBe(sheet(book, BASE_SHEET_NAMES.exposure).id);
    expect(chart.title).not.toBe("");
  });

  it("computes the Exposure sheet to the engine's numbers for every entity (n/a only where the engine has no figure)", () => {
    const view = model.view(model.latestDate, { includeRumoured: false });
    const s = sheet(book, BASE_SHEET_NAMES.exposure);
    let numbers = 0;
    for (const entity of bundledDataset.entities) {
      const row = book.readValues(s, { top: rowOf(book, BASE_SHEET_NAMES.exposure, entity.id), left: 2, bottom: rowOf(book, BASE_SHEET_NAMES.exposure, entity.id), right: 1 + EXPOSURE_MEASURES.length })[0];
      const cards = entityMetrics(view, entity.id);
      EXPOSURE_MEASURES.forEach((m, k) => {
        const expected = exposureFigure(cards, m);
        if (expected === null) expect({ id: entity.id, m: m.header, v: row[k] }).toEqual({ id: entity.id, m: m.header, v: NO_FIGURE });
        else {
          expect({ id: entity.id, m: m.header, v: Number((row[k] as number).toFixed(6)) }).toEqual({ id: entity.id, m: m.header, v: Number(expected.toFixed(6)) });
          numbers++;
        }
      });
    }
    expect(numbers).toBeGreaterThan(100);
  });

  it("holds no error value on any sheet (not even #N/A or #DIV/0!)", () => {
    for (const s of book.sheets) expect({ sheet: s.name, broken: errorsOn(book, s) }).toEqual({ sheet: s.name, broken: [] });
  });

  it("spills the Cycles table exactly over its result, as Excel does", () => {
    const cycles = cyclesThrough(model.view(model.latestDate, { includeRumoured: false }), "MSFT", source.maxCycleLength);
    expect(cycles.length).toBeGreaterThan(0);
    const s = sheet(book, BASE_SHEET_NAMES.cycles);
    const anchor = book.readFormulas(s, { top: 4, left: 0, bottom: 4, right: 0 })[0][0];
    expect(anchor).toMatch(/^=AIFIN\.CYCLES\(/);
    // Header row at A5, one row per cycle below it, nothing spilled after the last one.
    expect(book.isSpilled(s, 4 + cycles.length, 0)).toBe(true);
    expect(book.isSpilled(s, 5 + cycles.length, 0)).toBe(false);
    expect(book.readValues(s, { top: 5, left: 0, bottom: 4 + cycles.length, right: 0 }).map((r) => r[0])).toEqual(cycles.map((c) => expect.stringContaining(c.path[0])));
  });

  it("reads formulas back with their structured references, as Excel does", () => {
    const f2 = book.readFormulas(sheet(book, BASE_SHEET_NAMES.exposure), { top: 1, left: 5, bottom: 1, right: 5 })[0][0];
    expect(f2).toMatch(/^=AIFIN\.MODEL\(AIFIN_Facts\[#All\],AIFIN_Entities\[#All\]/);
  });
});

describe("a live workbook in the preview", () => {
  it("recalculates the Exposure sheet when a fact amount is edited in the Facts table, and Refresh keeps the edit", async () => {
    const book = createNodePreviewWorkbook();
    const host = hostOver(book);
    await host.build(options);
    const view = model.view(null, { includeRumoured: false });
    const edit = view.facts
      .filter((f) => f.kind === "investment" && (f.amountUsdBn ?? 0) > 1)
      .map((f) => {
        const edited: Dataset = { ...bundledDataset, facts: bundledDataset.facts.map((g) => (g.id === f.id ? { ...g, amountUsdBn: (f.amountUsdBn as number) / 10 } : g)) };
        return { fact: f, before: entityMetrics(view, f.from).selfFunded, after: entityMetrics(createModel(edited).view(null, { includeRumoured: false }), f.from).selfFunded };
      })
      .find((e) => Math.abs(e.after - e.before) > 1e-6);
    if (!edit) throw new Error("no funding fact drives a self-funded exposure");
    const facts = sheet(book, BASE_SHEET_NAMES.facts);
    const exposure = sheet(book, BASE_SHEET_NAMES.exposure);
    const amountCol = source.factColumns.indexOf("amount_usd_bn");
    const factRow = TABLE_HEADER_ROW + source.factRows.findIndex((r) => r[0] === edit.fact.id); // 0-based: header at TABLE_HEADER_ROW - 1
    const target = { top: rowOf(book, BASE_SHEET_NAMES.exposure, edit.fact.from), left: 2, bottom: rowOf(book, BASE_SHEET_NAMES.exposure, edit.fact.from), right: 2 };
    expect(book.readValues(exposure, target)[0][0]).toBeCloseTo(edit.before, 6);

    book.write(facts, { top: factRow, left: amountCol, bottom: factRow, right: amountCol }, [[(edit.fact.amountUsdBn as number) / 10]], "formulas");
    expect(book.readValues(exposure, target)[0][0]).toBeCloseTo(edit.after, 6);

    const refreshed = await host.refresh();
    // One row more than a refresh of a fresh build counts as edited (text that starts with an apostrophe does not
    // survive Excel's formulas round trip, in Excel as here, so such rows read as edited already).
    const fresh = createNodePreviewWorkbook();
    const freshHost = hostOver(fresh);
    await freshHost.build(options);
    const baseline = await freshHost.refresh();
    if (baseline.kind !== "refreshed" || refreshed.kind !== "refreshed") throw new Error("refresh failed");
    expect(refreshed.facts.keptEdited).toBe(baseline.facts.keptEdited + 1);
    expect(book.readValues(facts, { top: factRow, left: amountCol, bottom: factRow, right: amountCol })[0][0]).toBeCloseTo((edit.fact.amountUsdBn as number) / 10, 9);
    expect(book.readValues(exposure, target)[0][0]).toBeCloseTo(edit.after, 6);
  });

  it("builds again: 'ask' reports the clash, 'update' rewrites AIFIN's sheets in place, 'alongside' adds a second set", async () => {
    const book = createNodePreviewWorkbook();
    const host = hostOver(book);
    await host.build(options);
    const count = book.sheets.length;
    expect(await host.build(options)).toMatchObject({ kind: "clash" });
    expect(book.sheets).toHaveLength(count);
    expect(await host.build({ ...options, entity: "NVDA", onClash: "update" })).toMatchObject({ kind: "built" });
    expect(book.sheets).toHaveLength(count);
    expect(book.readValues(sheet(book, BASE_SHEET_NAMES.cycles), { top: 1, left: 1, bottom: 1, right: 1 })[0][0]).toBe("NVDA");
    expect(await host.build({ ...options, onClash: "alongside" })).toMatchObject({ kind: "built" });
    expect(book.sheets.length).toBe(count * 2);
    for (const s of book.sheets) expect({ sheet: s.name, broken: errorsOn(book, s) }).toEqual({ sheet: s.name, broken: [] });
  });

  it("follows the Facts table when rows are added and deleted (structured references move with it)", async () => {
    const book = createNodePreviewWorkbook();
    await hostOver(book).build(options);
    const table = book.table("AIFIN_Facts");
    const rows = table.box.bottom - table.box.top;
    const run = excelRunFor(book);
    const copy = await run(async (ctx) => {
      const r = ctx.workbook.tables.getItem("AIFIN_Facts").getDataBodyRange();
      r.load("formulas");
      await ctx.sync();
      return r.formulas as (string | number | boolean)[][];
    });
    await run(async (ctx) => {
      ctx.workbook.tables.getItem("AIFIN_Facts").rows.add(undefined, [copy[0].map((v, i) => (i === 0 ? "X001" : v))]);
      await ctx.sync();
    });
    expect(table.box.bottom - table.box.top).toBe(rows + 1);
    const f2 = book.hf.getCellFormula({ sheet: book.hfSheet(sheet(book, BASE_SHEET_NAMES.exposure)), row: 1, col: 5 });
    expect(f2).toContain(`$${table.box.bottom + 1}`);
    await run(async (ctx) => {
      ctx.workbook.tables.getItem("AIFIN_Facts").rows.getItemAt(rows).delete();
      await ctx.sync();
    });
    expect(table.box.bottom - table.box.top).toBe(rows);
    expect(errorsOn(book, sheet(book, BASE_SHEET_NAMES.exposure)).filter((e) => !["#N/A", "#DIV/0!"].includes(e))).toEqual([]);
  });

  it("freezes to a sheet of values only", async () => {
    const book = createNodePreviewWorkbook();
    const host = hostOver(book, "2026-11-29");
    await host.build(options);
    const out = await host.freeze();
    expect(out).toEqual({ kind: "frozen", sheet: "AIFIN Values 2026-11-29" });
    const frozen = sheet(book, "AIFIN Values 2026-11-29");
    const used = book.usedBox(frozen)!;
    const hfId = book.hfSheet(frozen);
    let formulas = 0;
    for (let r = 0; r <= used.bottom; r++) for (let c = 0; c <= used.right; c++) if (book.hf.getCellFormula({ sheet: hfId, row: r, col: c }) !== undefined) formulas++;
    expect(formulas).toBe(0);
    const values = book.readValues(frozen, used).flat();
    expect(values.filter((v) => typeof v === "number").length).toBeGreaterThan(200);
  });
});

describe("Excel's batch semantics", () => {
  it("refuses to read a property that was not loaded, and answers after load + sync", async () => {
    const book = createNodePreviewWorkbook();
    await excelRunFor(book)(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("One");
      expect(() => ws.name).toThrow(/not available/);
      ws.load("name");
      await ctx.sync();
      expect(ws.name).toBe("One");
    });
  });

  it("queues calls until sync and stops a batch at the failing call, keeping what ran before it", async () => {
    const book = createNodePreviewWorkbook();
    const run = excelRunFor(book);
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.add("A");
        expect(book.sheets).toHaveLength(0);
        ctx.workbook.worksheets.add("a"); // sheet names are case-insensitive
        ctx.workbook.worksheets.add("B");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(book.sheets.map((s) => s.name)).toEqual(["A"]);
  });

  it("evaluates what was written earlier in the same batch", async () => {
    const book = createNodePreviewWorkbook();
    const values = await excelRunFor(book)(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Calc");
      ws.getRange("A1:B1").formulas = [[2, "=A1*21"]];
      const r = ws.getRange("B1");
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([[42]]);
    expect(new PreviewRequestContext(book).workbook).toBeDefined();
    expect(new PreviewOfficeError("ItemNotFound", "x").code).toBe("ItemNotFound");
  });
});
