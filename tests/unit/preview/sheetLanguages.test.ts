/**
 * A workbook built from a Chinese pane through the real writer over the preview workbook (HyperFormula):
 * the same sheets, every formula the same as the English build once its label literals are read back, and
 * every computed number the same, cell by cell. The words are the pane's language (src/office/sheetLabels.ts).
 */
import { allLabelTexts, type SheetLanguage } from "../../../src/office/sheetLabels";
import type { PreviewWorkbook } from "../../../src/preview/excel/workbook";
import { createNodePreviewWorkbook, hostOver } from "../../harness/previewNode";

jest.setTimeout(60_000);

const options = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" } as const;

async function builtIn(language: SheetLanguage): Promise<PreviewWorkbook> {
  const book = createNodePreviewWorkbook();
  const out = await hostOver(book).build({ ...options, language });
  if (out.kind !== "built") throw new Error(`build in ${language}: ${out.kind}`);
  return book;
}

describe.each(["zh-TW", "zh-CN"] as const)("a workbook built in %s through the preview", (language) => {
  let en: PreviewWorkbook;
  let zh: PreviewWorkbook;
  beforeAll(async () => {
    [en, zh] = [await builtIn("en"), await builtIn(language)];
  });
  const enText = new Map(allLabelTexts().filter(([l]) => l === "en").map(([, k, t]) => [k, t]));
  const back = new Map<string, string>();
  for (const [l, k, t] of allLabelTexts()) if (l === language) back.set(t, enText.get(k) as string);
  const readBack = (f: string) => f.replace(/"((?:[^"]|"")*)"/g, (_m, body: string) => `"${(back.get(body.replace(/""/g, '"')) ?? body.replace(/""/g, '"')).replace(/"/g, '""')}"`);

  it("has the same sheets, tables and formulas cell by cell, and computes the same numbers", () => {
    expect(zh.sheets.map((s) => s.name)).toEqual(en.sheets.map((s) => s.name));
    expect(zh.tables.map((t) => t.name)).toEqual(en.tables.map((t) => t.name));
    let formulas = 0;
    let numbers = 0;
    for (const sheet of en.sheets) {
      const other = zh.sheetByName(sheet.name)!;
      const box = en.usedBox(sheet)!;
      expect(zh.usedBox(other)).toEqual(box);
      const [fa, fb] = [en.readFormulas(sheet, box), zh.readFormulas(other, box)];
      const [va, vb] = [en.readValues(sheet, box), zh.readValues(other, box)];
      fa.forEach((row, i) =>
        row.forEach((f, j) => {
          const at = `${sheet.name}!R${i + box.top + 1}C${j + box.left + 1}`;
          if (typeof f === "string" && f.startsWith("=")) {
            formulas++;
            expect({ at, f: readBack(String(fb[i][j])) }).toEqual({ at, f });
          }
          if (typeof va[i][j] === "number") {
            numbers++;
            expect({ at, v: vb[i][j] }).toEqual({ at, v: va[i][j] });
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(500);
    expect(numbers).toBeGreaterThan(1000);
  });

  it("shows the Exposure and Stress headings in the pane's language", () => {
    const exposure = zh.sheetByName("AIFIN Exposure")!;
    const title = String(zh.readValues(exposure, { top: 0, left: 0, bottom: 0, right: 0 })[0][0]);
    expect(title).toMatch(language === "zh-TW" ? /^AIFIN 各公司循環融資曝險，基準日 \d{4}-\d{2}-\d{2}（僅確認事實）$/ : /^AIFIN 各公司循环融资敞口，基准日 \d{4}-\d{2}-\d{2}（仅确认事实）$/);
    const stress = zh.sheetByName("AIFIN Stress")!;
    const stressTitle = String(zh.readValues(stress, { top: 0, left: 0, bottom: 0, right: 0 })[0][0]);
    expect(stressTitle).toMatch(language === "zh-TW" ? /^AIFIN 壓力測試：OPENAI 削減 \d+% 的承諾$/ : /^AIFIN 压力测试：OPENAI 削减 \d+% 的承诺$/);
  });
});
