/**
 * The History sheet (issue 15): the formula text the build writes, evaluated in the HyperFormula harness,
 * gives Amazon's series as computed by hand from the bundled facts, its chart covers exactly the rows the
 * spill fills, and an edit to a fact in the Facts table recalculates the series.
 */
import { bundledDataset } from "../../../src/model";
import { rangeAddress, sheetRef } from "../../../src/office/a1";
import { HISTORY_CELLS, HISTORY_SHEET_MEASURES } from "../../../src/office/historySheet";
import { buildSpecs } from "../../../src/office/sheetAssembly";
import { BASE_SHEET_NAMES, BASE_TABLE_NAMES, type SheetRole } from "../../../src/office/sheetRoles";
import { templateSourceOf } from "../../../src/office/templateSource";
import { TABLE_HEADER_ROW, type SheetSpec, type TemplateRefs } from "../../../src/office/templateSpec";
import { createHarness } from "../../harness/formulaHarness";

const source = templateSourceOf(bundledDataset);
const serial = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

function refs(): TemplateRefs {
  return {
    sheets: { ...BASE_SHEET_NAMES },
    factsRange: sheetRef(BASE_SHEET_NAMES.facts, rangeAddress(TABLE_HEADER_ROW, 1, TABLE_HEADER_ROW + source.factRows.length, source.factColumns.length, true)),
    entitiesRange: sheetRef(BASE_SHEET_NAMES.entities, rangeAddress(TABLE_HEADER_ROW, 1, TABLE_HEADER_ROW + source.entityRows.length, source.entityColumns.length, true)),
  };
}

describe("History sheet in the formula harness", () => {
  const specs: Record<SheetRole, SheetSpec> = buildSpecs(source, refs(), BASE_TABLE_NAMES, { entity: "AMZN", asOf: "2026-06-30", includeRumoured: false, onClash: "ask" });
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const spec of Object.values(specs)) sheets[spec.name] = spec.rows;
  const h = createHarness(sheets);
  const sheet = BASE_SHEET_NAMES.history;
  const header = HISTORY_CELLS.headerRow;
  afterAll(() => h.destroy());

  it("spills the pane's entity month by month from the first fact to the as-of date", () => {
    expect(h.getValue(sheet, "B2")).toBe("AMZN");
    expect(h.getRange(sheet, `A${header}:D${header}`)).toEqual([["date", ...HISTORY_SHEET_MEASURES]]);
    // First fact 2024-10-01: month ends 2024-10-31 … 2026-06-30 (the as-of date is one): 21 rows.
    expect(h.getValue(sheet, `A${header + 1}`)).toBe(serial("2024-10-31"));
    expect(h.getValue(sheet, `A${header + 21}`)).toBe(serial("2026-06-30"));
    expect(h.getValue(sheet, `A${header + 22}`)).toBe(null);
  });

  it("gives Amazon's figures as computed by hand", () => {
    const row = (iso: string): number => header + 1 + monthsBetween("2024-10-31", iso);
    const at = (iso: string) => h.getRange(sheet, `A${row(iso)}:D${row(iso)}`)[0];
    // 2024-11-30: C061 AMZN→ANTHROPIC 8 funds, nothing contracted back: self-funded 0, funding out 8.
    expect(at("2024-11-30")).toEqual([serial("2024-11-30"), 0, 8, 0]);
    // 2025-11-30: + C032 OPENAI→AMZN 38 contracted; AMZN has not funded OpenAI yet.
    expect(at("2025-11-30")).toEqual([serial("2025-11-30"), 0, 8, 38]);
    // Firm money (the default): a commitment less its conditional part.
    // 2026-02-28: + C002 50 to OpenAI (35 conditional: 15 firm), + C092 100 from OpenAI: min(15, 138) = 15; out 8 + 15 = 23; in 138.
    expect(at("2026-02-28")).toEqual([serial("2026-02-28"), 15, 23, 138]);
    // 2026-04-30: + D038 25 to Anthropic (20 on milestones: 5 firm), + D039 100 from it: 15 + min(13, 100) = 28; out 28; in 238.
    expect(at("2026-04-30")).toEqual([serial("2026-04-30"), 28, 28, 238]);
  });

  it("charts exactly the rows the spill fills, as a line chart", () => {
    expect(specs.history.chart).toMatchObject({ kind: "line", source: `A${header}:D${header + 21}` });
  });

  it("recalculates when the analyst edits a fact: D038 25 → 5, conditional 20 → 5 (all conditional, so 0 firm) lowers April 2026 to 15 + min(8, 100) = 23", () => {
    // Both cells: a conditional part above the amount is refused by AIFIN.MODEL (money-conditional-range, review 2).
    const factRow = source.factRows.findIndex((r) => r[0] === "D038");
    for (const column of ["amount_usd_bn", "conditional_usd_bn"]) {
      const col = source.factColumns.indexOf(column);
      const cell = rangeAddress(TABLE_HEADER_ROW + 1 + factRow, col + 1, TABLE_HEADER_ROW + 1 + factRow, col + 1);
      h.setValue(BASE_SHEET_NAMES.facts, cell, 5);
    }
    const r = header + 1 + monthsBetween("2024-10-31", "2026-04-30");
    expect(h.getRange(sheet, `B${r}:D${r}`)).toEqual([[23, 23, 238]]);
  });
});

/** Whole months from one month end to another. */
function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}
