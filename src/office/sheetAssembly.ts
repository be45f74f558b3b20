/**
 * Sheet assembly: turns the template source, the build options and the plan's names into one spec per
 * sheet role. Pure (no Excel): the writer copies the specs into the workbook, and the HyperFormula
 * harness evaluates the very same formula text.
 */
import type { BuildPlan } from "./buildPlan";
import { CLAIM_FIGURES } from "../model";
import { claimsSheetSpec } from "./claimsSheet";
import { historySheetSpec } from "./historySheet";
import type { SheetRole, TableRole } from "./sheetRoles";
import type { TemplateSource } from "./templateSource";
import { cyclesSheetSpec, exposureSheetSpec, sourcesSheetSpec, stressSheetSpec, tableSheetSpec, type AssumptionCell, type SheetSpec, type TemplateRefs } from "./templateSpec";
import type { BuildOptions } from "./types";
import { sheetLabels } from "./sheetLabels";

/** The refs a build's formulas use in Excel: structured references to its own tables. */
export function excelRefs(plan: BuildPlan): TemplateRefs {
  const sheets = {} as Record<SheetRole, string>;
  for (const [role, target] of Object.entries(plan.sheets)) sheets[role as SheetRole] = target.name;
  return { sheets, factsRange: `${plan.tables.facts.name}[#All]`, entitiesRange: `${plan.tables.entities.name}[#All]` };
}

/** The Stress sheet's inputs: shocked entity, cut, multiple, and the analyst's values in the assumptions block. */
export type StressInputs = TemplateSource["stressDefaults"] & { assumptions?: Readonly<Record<string, AssumptionCell>> };

/**
 * Reads the Stress inputs the analyst left on an earlier build (B2:B4), so an update keeps the scenario;
 * anything unusable falls back to the defaults.
 */
export function stressInputsFrom(values: readonly (readonly unknown[])[] | undefined, defaults: StressInputs): StressInputs {
  const [shocked, cut, multiple] = [values?.[0]?.[0], values?.[1]?.[0], values?.[2]?.[0]];
  return {
    shocked: typeof shocked === "string" && shocked.trim() !== "" ? shocked.trim() : defaults.shocked,
    cut: typeof cut === "number" && cut >= 0 && cut <= 1 ? cut : defaults.cut,
    multiple: typeof multiple === "number" && Number.isFinite(multiple) && multiple >= 0 ? multiple : multiple === "" || multiple === null ? null : defaults.multiple,
  };
}

/**
 * All specs of a build, one per sheet role (a role without a spec does not compile). Table sheets get
 * the bundled rows; an update merges them into the analyst's table instead of writing them.
 */
export function buildSpecs(
  source: TemplateSource,
  refs: TemplateRefs,
  tableNames: Record<TableRole, string>,
  options: BuildOptions,
  stressInputs: StressInputs = source.stressDefaults,
): Record<SheetRole, SheetSpec> {
  const asOf = options.asOf ?? source.latestDate;
  const lines = source.entityLines(asOf, options.includeRumoured, options.entity);
  // The words every sheet shows, in the pane's language; formulas, names and table columns never change with it.
  const labels = refs.labels ?? sheetLabels(options.language);
  refs = { ...refs, labels };
  return {
    exposure: exposureSheetSpec(lines, { refs, asOf, includeRumoured: options.includeRumoured, datasetVersion: source.datasetVersion }),
    stress: stressSheetSpec(lines, { refs, ...stressInputs }),
    cycles: cyclesSheetSpec({ refs, entity: options.entity, maxLength: source.maxCycleLength }),
    history: historySheetSpec({ name: refs.sheets.history, exposureSheet: refs.sheets.exposure, entity: options.entity, from: source.earliestDate, asOf, labels }),
    claims: claimsSheetSpec({
      name: refs.sheets.claims,
      exposureSheet: refs.sheets.exposure,
      stressSheet: refs.sheets.stress,
      hyperscalers: lines.filter((l) => l.roles?.includes(CLAIM_FIGURES.S14.role)).map((l) => l.id),
      labels,
    }),
    facts: tableSheetSpec({
      role: "facts",
      name: refs.sheets.facts,
      tableName: tableNames.facts,
      title: labels.factsTitle(source.factRows.length, source.datasetVersion),
      note: labels.factsNote,
      columns: source.factColumns,
      rows: source.factRows,
    }),
    entities: tableSheetSpec({
      role: "entities",
      name: refs.sheets.entities,
      tableName: tableNames.entities,
      title: labels.entitiesTitle(source.entityRows.length),
      note: labels.entitiesNote,
      columns: source.entityColumns,
      rows: source.entityRows,
    }),
    sources: sourcesSheetSpec(refs.sheets.sources, source.facts, source.datasetVersion, labels),
  };
}
