/**
 * Acceptance of the template workbook: the exact formula text the build writes, evaluated in the
 * HyperFormula harness of the functions layer, gives the numbers the pane's summary cards show (the
 * engine's entityMetrics on the same view), and an edit to a fact recalculates the sheet. Structured
 * references exist only in Excel, so here the specs reference the tables by plain A1 ranges on sheets of
 * the same names.
 */
import { bundledDataset, createModel, type Dataset } from "../../../src/model";
import { cyclesThrough, entityMetrics, isEngineError, stress } from "../../../src/engine";
import { buildSpecs } from "../../../src/office/excelHost";
import { templateSourceOf } from "../../../src/office/templateSource";
import { sheetLabels } from "../../../src/office/sheetLabels";
import { columnLetters, rangeAddress, sheetRef } from "../../../src/office/a1";
import {
  BASE_SHEET_NAMES,
  EXPOSURE_MEASURES,
  exposureFigure,
  NO_FIGURE,
  STRESS_MEASURES,
  TABLE_HEADER_ROW,
  type SheetRole,
  type SheetSpec,
  type TemplateRefs,
} from "../../../src/office/templateSpec";
import type { BuildOptions } from "../../../src/office/types";
import { createHarness, isCellError, type Harness } from "../../harness/formulaHarness";

const source = templateSourceOf(bundledDataset);
const model = createModel(bundledDataset);

/** Refs as the harness needs them: the tables as absolute A1 ranges, header included. */
function harnessRefs(): TemplateRefs {
  const factsBottom = TABLE_HEADER_ROW + source.factRows.length;
  const entitiesBottom = TABLE_HEADER_ROW + source.entityRows.length;
  return {
    sheets: { ...BASE_SHEET_NAMES },
    factsRange: sheetRef(BASE_SHEET_NAMES.facts, rangeAddress(TABLE_HEADER_ROW, 1, factsBottom, source.factColumns.length, true)),
    entitiesRange: sheetRef(BASE_SHEET_NAMES.entities, rangeAddress(TABLE_HEADER_ROW, 1, entitiesBottom, source.entityColumns.length, true)),
  };
}

function workbookOf(options: BuildOptions): { harness: Harness; specs: Record<SheetRole, SheetSpec> } {
  const specs = buildSpecs(source, harnessRefs(), { facts: "AIFIN_Facts", entities: "AIFIN_Entities" }, options);
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const spec of Object.values(specs)) sheets[spec.name] = spec.rows;
  return { harness: createHarness(sheets), specs };
}

/** Row of an entity on the Exposure / Stress sheets (column A holds the id). */
function rowOf(spec: SheetSpec, id: string): number {
  const i = spec.rows.findIndex((r) => r[0] === id);
  if (i < 0) throw new Error(`${id} is not on ${spec.name}`);
  return i + 1;
}

const column = (k: number): string => columnLetters(3 + k); // measures start in column C

function expectCardValue(actual: unknown, expected: number | null, label: string): void {
  if (expected === null) {
    // No figure (no contracts in, no capex): the ratio cell says so instead of showing an error value.
    expect({ label, actual }).toEqual({ label, actual: NO_FIGURE });
  } else {
    expect({ label, value: typeof actual === "number" ? Number(actual.toFixed(6)) : actual }).toEqual({ label, value: Number(expected.toFixed(6)) });
  }
}

describe.each([
  { name: "latest data, confirmed facts", asOf: null, includeRumoured: false },
  { name: "latest data, including rumoured facts", asOf: null, includeRumoured: true },
  { name: "as the article reported it (2026-02-05)", asOf: "2026-02-05", includeRumoured: false },
])("Exposure sheet, $name", ({ asOf, includeRumoured }) => {
  const options: BuildOptions = { entity: "MSFT", asOf, includeRumoured, onClash: "ask" };
  const { harness, specs } = workbookOf(options);
  const view = model.view(asOf ?? model.latestDate, { includeRumoured });
  afterAll(() => harness.destroy());

  it("builds a MODEL handle from the facts and entities ranges", () => {
    expect(String(harness.getValue(BASE_SHEET_NAMES.exposure, "F2"))).toMatch(/^AIFIN\.MODEL#/);
  });

  it("gives every entity the numbers of the pane's summary cards", () => {
    // Not a comparison of zeros: several entities carry real exposure and some shares are undefined.
    expect(bundledDataset.entities.filter((e) => entityMetrics(view, e.id).selfFunded > 0).length).toBeGreaterThanOrEqual(2);
    expect(bundledDataset.entities.some((e) => entityMetrics(view, e.id).share === null)).toBe(true);
    for (const entity of bundledDataset.entities) {
      const cards = entityMetrics(view, entity.id);
      const row = rowOf(specs.exposure, entity.id);
      EXPOSURE_MEASURES.forEach((m, k) => {
        expectCardValue(harness.getValue(BASE_SHEET_NAMES.exposure, `${column(k)}${row}`), exposureFigure(cards, m), `${entity.id} ${m.header}`);
      });
    }
  });
});

describe("a live workbook", () => {
  const options: BuildOptions = { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" };

  it("recalculates the Exposure sheet when the analyst edits a fact amount", () => {
    const { harness, specs } = workbookOf(options);
    const view = model.view(null, { includeRumoured: false });
    // A funding fact in the view whose amount drives its funder's self-funded exposure: cut it to a tenth.
    const edit = view.facts
      .filter((f) => f.kind === "investment" && (f.amountUsdBn ?? 0) > 1)
      .map((f) => {
        const edited: Dataset = { ...bundledDataset, facts: bundledDataset.facts.map((g) => (g.id === f.id ? { ...g, amountUsdBn: (f.amountUsdBn as number) / 10 } : g)) };
        const after = entityMetrics(createModel(edited).view(null, { includeRumoured: false }), f.from).selfFunded;
        return { fact: f, after, before: entityMetrics(view, f.from).selfFunded };
      })
      .find((e) => Math.abs(e.after - e.before) > 1e-6);
    if (!edit) throw new Error("no funding fact drives a self-funded exposure in the bundled view");
    const amountCol = source.factColumns.indexOf("amount_usd_bn");
    const factRow = source.factRows.findIndex((r) => r[0] === edit.fact.id);
    const cell = rangeAddress(TABLE_HEADER_ROW + 1 + factRow, amountCol + 1, TABLE_HEADER_ROW + 1 + factRow, amountCol + 1);
    const target = `C${rowOf(specs.exposure, edit.fact.from)}`;
    expect(harness.getValue(BASE_SHEET_NAMES.exposure, target)).toBeCloseTo(edit.before, 6);
    const handleBefore = harness.getValue(BASE_SHEET_NAMES.exposure, "F2");

    harness.setValue(BASE_SHEET_NAMES.facts, cell, (edit.fact.amountUsdBn as number) / 10);

    expect(harness.getValue(BASE_SHEET_NAMES.exposure, "F2")).not.toEqual(handleBefore);
    expect(harness.getValue(BASE_SHEET_NAMES.exposure, target)).toBeCloseTo(edit.after, 6);
    harness.destroy();
  });

  it("the Stress sheet's assumptions block feeds its STRESS formulas: Oracle's margin 0.14 → 0.35 turns 105 into 262.5", () => {
    const { harness, specs } = workbookOf(options);
    const sheet = BASE_SHEET_NAMES.stress;
    const orcl = rowOf(specs.stress, "ORCL");
    const mv = column(STRESS_MEASURES.findIndex((m) => m.key === "marketValueAtRisk"));
    const total = column(STRESS_MEASURES.findIndex((m) => m.key === "totalLoss"));
    const revenue = column(STRESS_MEASURES.findIndex((m) => m.key === "revenueLost"));
    const marginRow = rowOf(specs.stress, "margin.ORCL");
    expect(harness.getValue(sheet, `B${marginRow}`)).toBe(0.14);
    expect(String(harness.getValue(sheet, `B${rowOf(specs.stress, "Scenario")}`))).toMatch(/^AIFIN\.SCENARIO#[0-9a-f]{16}$/);
    // By hand: a 50 % cut of C013's 300 over 5 years loses 30 a year; × margin × 25 (multiple.hyperscaler, A041).
    harness.setValue(sheet, "B3", 0.5);
    expect(harness.getValue(sheet, `${mv}${orcl}`)).toBeCloseTo(30 * 0.14 * 25, 9);
    harness.setValue(sheet, `B${marginRow}`, 0.35);
    expect(harness.getValue(sheet, `${mv}${orcl}`)).toBeCloseTo(30 * 0.35 * 25, 9);
    expect(harness.getValue(sheet, `${total}${orcl}`)).toBeCloseTo(262.5, 9);
    // Revenue lost does not depend on the assumptions.
    expect(harness.getValue(sheet, `${revenue}${orcl}`)).toBeCloseTo(150, 9);
    // A bad value is an error naming the row, on every STRESS cell that reads the scenario.
    harness.setValue(sheet, `B${marginRow}`, 1.4);
    const bad = harness.getValue(sheet, `${mv}${orcl}`);
    expect(isCellError(bad) ? bad.message : bad).toMatch(/margin.ORCL must be a number from 0 to 1/);
    harness.destroy();
  });

  it("a SCENARIO not in memory keeps its #N/A and message on the Stress sheet; only a figure the model cannot measure reads 'not measured'", () => {
    const { harness, specs } = workbookOf(options);
    const sheet = BASE_SHEET_NAMES.stress;
    const view = model.view(null, { includeRumoured: false });
    const result = stress(view, { shocked: source.stressDefaults.shocked, cut: source.stressDefaults.cut });
    if (isEngineError(result)) throw new Error(result.message);
    const unvalued = result.details.unvalued[0];
    const mv = column(STRESS_MEASURES.findIndex((m) => m.key === "marketValueAtRisk"));
    const revenue = column(STRESS_MEASURES.findIndex((m) => m.key === "revenueLost"));
    expect(harness.getValue(sheet, `${mv}${rowOf(specs.stress, unvalued)}`)).toBe(sheetLabels().notMeasured);
    // The workbook reopened: the SCENARIO cell still holds its last handle, which this session never loaded.
    harness.setValue(sheet, `B${rowOf(specs.stress, "Scenario")}`, "AIFIN.SCENARIO#0123456789abcdef");
    for (const cell of [`${mv}${rowOf(specs.stress, unvalued)}`, `${mv}${rowOf(specs.stress, "ORCL")}`, `${revenue}${rowOf(specs.stress, "ORCL")}`]) {
      const value = harness.getValue(sheet, cell);
      expect(isCellError(value) ? value.message : value).toMatch(/recalculate the SCENARIO cell/);
    }
    harness.destroy();
  });

  it("gives the Stress sheet the engine's stress lines and total, set against the S14 claim", () => {
    const { harness, specs } = workbookOf(options);
    const view = model.view(null, { includeRumoured: false });
    const result = stress(view, { shocked: source.stressDefaults.shocked, cut: source.stressDefaults.cut });
    if (isEngineError(result)) throw new Error(result.message);
    const sheet = BASE_SHEET_NAMES.stress;
    // Where the model cannot measure a figure (no value fact: unvalued; contracts without dollars: unpriced),
    // STRESS is #N/A and the sheet says so instead of showing 0; the totals add the measured figures.
    const unmeasured = (id: string, key: string) =>
      (result.details.unvalued.includes(id) && (key === "marketValueAtRisk" || key === "totalLoss")) || result.details.unpriced.includes(id);
    expect(result.details.unvalued.length).toBeGreaterThan(0);
    for (const line of result.lines) {
      const row = rowOf(specs.stress, line.id);
      STRESS_MEASURES.forEach((m, k) => {
        const cell = harness.getValue(sheet, `${column(k)}${row}`);
        if (unmeasured(line.id, m.key)) expect(cell).toBe(sheetLabels().notMeasured);
        else expect(cell).toBeCloseTo(line[m.key], 6);
      });
    }
    for (const id of result.details.unpriced) expect(harness.getValue(sheet, `C${rowOf(specs.stress, id)}`)).toBe(sheetLabels().notMeasured);
    const totalRow = specs.stress.rows.findIndex((r) => r[0] === "Total") + 1;
    STRESS_MEASURES.forEach((m, k) => expect(harness.getValue(sheet, `${column(k)}${totalRow}`)).toBeCloseTo(result.total[m.key], 6));
    const modelRow = specs.stress.rows.findIndex((r) => r[0] === "Model") + 1;
    const ratioRow = specs.stress.rows.findIndex((r) => r[0] === "Ratio") + 1;
    // S14 sums the hyperscalers' market value at risk and investor loss only (OpenAI is the shocked default).
    const hyperscalers = new Set(model.view(null, { includeRumoured: false }).entities.filter((e) => e.roles.includes("hyperscaler")).map((e) => e.id));
    const s14 = result.lines.filter((l) => hyperscalers.has(l.id)).reduce((sum, l) => sum + l.marketValueAtRisk + l.investorLoss, 0);
    expect(s14).toBeGreaterThan(0);
    expect(harness.getValue(sheet, `C${modelRow}`)).toBeCloseTo(s14, 6);
    expect(harness.getValue(sheet, `C${ratioRow}`)).toBeCloseTo(s14 / 1000, 6);
    // Any other shocked entity: the comparison says it does not apply instead of showing a ratio.
    harness.setValue(sheet, "B2", "ANTHROPIC");
    expect(harness.getValue(sheet, `C${modelRow}`)).toBe("S14 applies only when OPENAI cuts");
    expect(harness.getValue(sheet, `C${ratioRow}`)).toBe("");
    harness.destroy();
  });

  it("spills the chosen entity's cycles on the Cycles sheet", () => {
    const { harness } = workbookOf({ ...options, entity: "NVDA" });
    const cycles = cyclesThrough(model.view(null, { includeRumoured: false }), "NVDA", source.maxCycleLength);
    expect(cycles.length).toBeGreaterThan(0);
    const sheet = BASE_SHEET_NAMES.cycles;
    const paths: unknown[] = [];
    for (let row = 6; row < 6 + cycles.length; row++) paths.push(harness.getValue(sheet, `A${row}`));
    expect(paths.every((p) => typeof p === "string" && p.startsWith("NVDA"))).toBe(true);
    expect(harness.getValue(sheet, `A${6 + cycles.length}`)).toBeNull();
    expect(harness.getValue(sheet, `C6`)).toBeCloseTo(cycles[0].bottleneck, 6);
    harness.destroy();
  });
});
