/**
 * The workbook's words (src/office/sheetLabels.ts): every label in en, zh-TW and zh-CN, none empty or left
 * in English, zh-CN in Simplified characters, every assumption subject of the model translated; and the
 * specs of a Chinese build differ from the English build only in those words: same shape, same sheet and
 * table names, same formats and inputs, and every formula the same once its label literals are read back.
 * (tests/unit/preview/sheetLanguages.test.ts builds through the writer and compares computed values.)
 */
import { bundledDataset } from "../../../src/model";
import { buildSpecs, excelRefs } from "../../../src/office/sheetAssembly";
import { planBuild } from "../../../src/office/buildPlan";
import { allLabelTexts, isAssumptionsHeader, sheetLabels, SHEET_LANGUAGES, untranslatedAssumptionSubjects, type SheetLanguage } from "../../../src/office/sheetLabels";
import { SHEET_ROLES } from "../../../src/office/sheetRoles";
import { stressAssumptionsFrom, type SheetSpec, type SpecCell } from "../../../src/office/templateSpec";
import { templateSourceOf } from "../../../src/office/templateSource";
import type { BuildOptions } from "../../../src/office/types";
import { TRADITIONAL_ONLY } from "../../harness/chineseScript";

const OPTIONS: BuildOptions = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" };
const source = templateSourceOf(bundledDataset);

function specsIn(language: SheetLanguage) {
  const plan = planBuild({ sheets: [], tables: [], record: { version: 1, builds: [] } }, "ask");
  if (plan.kind !== "plan") throw new Error("a first build always plans");
  return buildSpecs(source, excelRefs(plan), { facts: plan.tables.facts.name, entities: plan.tables.entities.name }, { ...OPTIONS, language });
}

/** The string literals of a formula ("" inside one is a quote) and the formula with each replaced by `map`. */
function literals(formula: string): string[] {
  return [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
}
function mapLiterals(formula: string, map: (text: string) => string): string {
  return formula.replace(/"((?:[^"]|"")*)"/g, (_m, body: string) => `"${map(body.replace(/""/g, '"')).replace(/"/g, '""')}"`);
}

describe("sheet labels", () => {
  const texts = allLabelTexts();

  it("every label has a non-empty text in every language", () => {
    const keys = [...new Set(texts.map(([, k]) => k))];
    for (const key of keys) {
      const langs = texts.filter(([, k]) => k === key);
      expect({ key, langs: langs.map(([l]) => l).sort() }).toEqual({ key, langs: [...SHEET_LANGUAGES].sort() });
      for (const [l, , text] of langs) expect({ key, l, empty: text.trim() === "" }).toEqual({ key, l, empty: false });
    }
    expect(keys.length).toBeGreaterThan(100);
  });

  it("zh-CN is written in Simplified characters", () => {
    const bad = texts.filter(([l, , t]) => l === "zh-CN" && TRADITIONAL_ONLY.test(t)).map(([, k, t]) => `${k}: ${t.match(TRADITIONAL_ONLY)?.[0]}`);
    expect(bad).toEqual([]);
  });

  it("no Chinese label is an English sentence left behind", () => {
    const en = new Map(texts.filter(([l]) => l === "en").map(([, k, t]) => [k, t]));
    const left = texts.filter(([l, k, t]) => l !== "en" && t === en.get(k) && /[a-z]{4,} [a-z]{3,}/.test(t)).map(([l, k]) => `${l} ${k}`);
    expect(left).toEqual([]);
  });

  it("every assumption subject of the model has words in every language", () => {
    expect(untranslatedAssumptionSubjects()).toEqual([]);
  });

  it("an update finds the assumptions block under its header in any language", () => {
    for (const l of SHEET_LANGUAGES) {
      expect(isAssumptionsHeader(sheetLabels(l).assumptionsHeader)).toBe(true);
      expect(stressAssumptionsFrom([["x"], [sheetLabels(l).assumptionsHeader, "Value"], ["margin.ORCL", 0.35]])).toEqual({ "margin.ORCL": 0.35 });
    }
    expect(isAssumptionsHeader("Assumption")).toBe(false);
  });
});

describe.each(["zh-TW", "zh-CN"] as const)("a build in %s beside the English build", (language) => {
  const en = specsIn("en");
  const zh = specsIn(language);
  // A Chinese literal in a formula reads back as the English label with the same key (plain-text labels only).
  const back = new Map<string, string>();
  const enText = new Map(allLabelTexts().filter(([l]) => l === "en").map(([, k, t]) => [k, t]));
  for (const [l, k, t] of allLabelTexts()) if (l === language && t !== enText.get(k)) back.set(t, enText.get(k) as string);

  it.each(SHEET_ROLES.map((r) => [r]))("%s: same name, shape, formats, inputs, table and chart place", (role) => {
    const [a, b] = [en[role], zh[role]];
    const layout = (s: SheetSpec) => ({
      name: s.name,
      rows: s.rows.length,
      width: s.rows.map((r) => r.length),
      numberFormats: s.numberFormats,
      columnWidths: s.columnWidths,
      freezeRows: s.freezeRows,
      emphasis: s.emphasis,
      table: s.table,
      inputs: s.inputs,
      chart: s.chart && { ...s.chart, title: "" },
    });
    expect(layout(b)).toEqual(layout(a));
    if (a.chart) expect(b.chart?.title).not.toBe(a.chart.title);
  });

  it.each(SHEET_ROLES.map((r) => [r]))("%s: every formula is the English one once its label literals are read back", (role) => {
    const [a, b] = [en[role].rows, zh[role].rows];
    let formulas = 0;
    let translatedLiterals = 0;
    a.forEach((row, i) =>
      row.forEach((cell: SpecCell, j) => {
        const other = b[i][j];
        if (typeof cell === "string" && cell.startsWith("=")) {
          formulas++;
          expect(typeof other === "string" && other.startsWith("=")).toBe(true);
          const read = mapLiterals(other as string, (t) => back.get(t) ?? t);
          expect({ at: [i + 1, j + 1], formula: read }).toEqual({ at: [i + 1, j + 1], formula: cell });
          translatedLiterals += literals(other as string).filter((t) => back.has(t)).length;
        } else if (typeof cell !== "string") {
          // Numbers, booleans and empty cells are the same in every language.
          expect({ at: [i + 1, j + 1], v: other }).toEqual({ at: [i + 1, j + 1], v: cell });
        }
      }),
    );
    if (["exposure", "stress", "cycles", "history"].includes(role)) {
      expect(formulas).toBeGreaterThan(0);
      // The title formula shows translated words: the comparison above really read some back.
      expect(translatedLiterals).toBeGreaterThan(0);
    }
  });

  it("the table columns, entity ids and assumption names are not translated", () => {
    for (const role of ["facts", "entities"] as const) {
      const header = en[role].table!.range;
      expect(zh[role].table!.range).toBe(header);
      expect(zh[role].rows.slice(3)).toEqual(en[role].rows.slice(3));
    }
    const names = (rows: SpecCell[][]) => rows.map((r) => r[0]).filter((v) => typeof v === "string" && /^[a-z_]+(\.[A-Z_a-z]+)?$/.test(v));
    expect(names(zh.stress.rows)).toEqual(names(en.stress.rows));
    expect(names(en.stress.rows)).toContain("margin.ORCL");
  });

  it("no English prose is left on a computed sheet (a spec that writes a literal instead of a label fails here)", () => {
    const names = new Set(bundledDataset.entities.map((e) => e.name));
    const left: string[] = [];
    for (const role of ["exposure", "stress", "cycles", "history", "claims"] as const) {
      zh[role].rows.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (typeof cell !== "string" || cell.startsWith("=") || names.has(cell)) return;
          if (cell === en[role].rows[i][j] && /[a-z]{4,} [a-z]{3,}/.test(cell)) left.push(`${role} R${i + 1}C${j + 1}: ${cell}`);
        }),
      );
    }
    expect(left).toEqual([]);
  });

  it("the words a reader sees are Chinese: headings, labels and notes", () => {
    const L = sheetLabels(language);
    expect(zh.exposure.rows[3].slice(0, 3)).toEqual([L.id, L.entity, L.exposureHeader.selfFunded]);
    expect(zh.stress.rows[1][0]).toBe(L.shockedEntity);
    expect(zh.claims.rows[3][1]).toBe(L.claimText);
    expect(zh.sources.rows[3][0]).toBe(L.source);
    expect(String(zh.facts.rows[0][0])).toMatch(/[\u4e00-\u9fff]/);
    for (const role of SHEET_ROLES) {
      // Column A of the first rows (title, notes) holds Chinese in every sheet.
      const visible = zh[role].rows.slice(0, 2).map((r) => String(r[0] ?? ""));
      expect({ role, chinese: visible.some((t) => /[\u4e00-\u9fff]/.test(t)) }).toEqual({ role, chinese: true });
    }
  });
});
