/**
 * The preview's Excel API reads properties as Excel does, for every proxy kind (one property-bag base since
 * the clean-up): a property is available only after `load` and `sync`, only the properties named are loaded
 * (all when none are), a null object loads nothing, and a missing property names the object kind.
 */
import { excelRunFor } from "../../../src/preview/excel/excelApi";
import { PreviewWorkbook } from "../../../src/preview/excel/workbook";

type Ctx = Excel.RequestContext;

function book(): PreviewWorkbook {
  const b = new PreviewWorkbook();
  const s = b.addSheet("Data");
  b.write(s, { top: 0, left: 0, bottom: 1, right: 1 }, [["id", "amount"], ["A", 2]], "values");
  b.write(s, { top: 2, left: 1, bottom: 2, right: 1 }, [["=B2*3"]], "formulas");
  b.addTable(s, { top: 0, left: 0, bottom: 1, right: 1 }, true);
  b.addName("Rate", "=0.5");
  b.addXmlPart('<r xmlns="urn:test"/>');
  return b;
}

describe("the preview's Excel API loads properties as Excel does", () => {
  it("a worksheet: nothing before sync, only what was named, everything when nothing was", async () => {
    await excelRunFor(book())(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Data");
      sheet.load("name");
      expect(() => sheet.name).toThrow(/'name' of Worksheet is not available/);
      await ctx.sync();
      expect(sheet.name).toBe("Data");
      expect(() => sheet.id).toThrow(/'id' of Worksheet/);
      sheet.load();
      await ctx.sync();
      expect([sheet.id, sheet.position, sheet.visibility]).toEqual([expect.any(String), 0, "Visible"]);
    });
  });

  it("a range reads only the properties asked for, at sync time", async () => {
    await excelRunFor(book())(async (ctx: Ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B3");
      range.load(["values", "rowCount"]);
      await ctx.sync();
      expect(range.values).toEqual([["id", "amount"], ["A", 2], ["", 6]]);
      expect(range.rowCount).toBe(3);
      expect(() => range.formulas).toThrow(/'formulas' of Range/);
      range.load({ select: "formulas,address" } as unknown as string);
      await ctx.sync();
      expect(range.formulas[2][1]).toBe("=B2*3");
      expect(range.address).toMatch(/^'?Data'?!A1:B3$/);
    });
  });

  it("a null object loads nothing and says it is null; an existing one loads", async () => {
    await excelRunFor(book())(async (ctx: Ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("Data");
      const noTable = ctx.workbook.tables.getItemOrNullObject("Nope");
      missing.load("name");
      there.load("name");
      noTable.load("name");
      await ctx.sync();
      expect([missing.isNullObject, there.isNullObject, noTable.isNullObject]).toEqual([true, false, true]);
      expect(there.name).toBe("Data");
      expect(() => missing.name).toThrow(/not available/);
    });
  });

  it("tables, names, custom XML parts and collections' items follow the same rule", async () => {
    await excelRunFor(book())(async (ctx: Ctx) => {
      const tables = ctx.workbook.tables.load("items/name");
      const name = ctx.workbook.names.getItem("Rate");
      name.load("formula");
      const parts = ctx.workbook.customXmlParts.getByNamespace("urn:test").load("items");
      await ctx.sync();
      expect(tables.items.map((t) => t.name)).toHaveLength(1);
      expect(() => tables.items[0].style).toThrow(/'style' of Table/);
      expect(name.formula).toBe("=0.5");
      expect(() => name.comment).toThrow(/'comment' of NamedItem/);
      expect(parts.items.map((p) => p.namespaceUri)).toEqual(["urn:test"]);
    });
  });
});
