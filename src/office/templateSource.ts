/**
 * The data a build writes, taken from a dataset through the model's table layout and ordered by the
 * engine's measures. Separate from excelHost.ts so tests can build from any dataset (ten times the facts,
 * a "newer" bundle) without Excel.
 */
import { createModel, earliestFactDate, entitiesToRows, ENTITY_COLUMNS, FACT_COLUMNS, factsToRows, type Dataset } from "../model";
import { DEFAULT_MAX_CYCLE_LENGTH, DEFAULT_SHOCKED, entityMetrics } from "../engine";
import type { EntityId, Fact } from "../model";
import type { TableCell } from "./refreshMerge";
import type { EntityLine } from "./templateSpec";

/**
 * The data a build writes: the contract between the bundled model and the office layer. The real one is
 * templateSourceOf(bundledDataset), made on the first build; tests pass any dataset.
 */
export interface TemplateSource {
  datasetVersion: string;
  /** ISO date of the newest fact: the as-of written when the pane asks for "latest". */
  latestDate: string;
  /** ISO date of the oldest fact: where the History sheet's series starts. */
  earliestDate: string;
  /** Header of the id column in both tables. */
  idColumn: string;
  factColumns: readonly string[];
  entityColumns: readonly string[];
  factRows: readonly (readonly TableCell[])[];
  entityRows: readonly (readonly TableCell[])[];
  facts: readonly Fact[];
  /** Rows of the Exposure and Stress sheets, in display order, for an as-of and basis. */
  entityLines(asOf: string, includeRumoured: boolean, focus: EntityId): EntityLine[];
  stressDefaults: { shocked: EntityId; cut: number; multiple: number | null };
  maxCycleLength: number;
}

/** Cut written in the Stress sheet's input cell: the whole committed spend, the S14 scenario. */
export const DEFAULT_STRESS_CUT = 1;

/**
 * A TemplateSource over `dataset`. Exposure and Stress rows list every entity, largest self-funded
 * exposure first (then funded backlog, then name), the focus entity first among equals.
 */
export function templateSourceOf(dataset: Dataset): TemplateSource {
  const model = createModel(dataset);
  return {
    datasetVersion: dataset.version,
    latestDate: model.latestDate,
    earliestDate: earliestFactDate(dataset.facts) ?? model.latestDate,
    idColumn: "id",
    factColumns: FACT_COLUMNS,
    entityColumns: ENTITY_COLUMNS,
    factRows: factsToRows(dataset.facts),
    entityRows: entitiesToRows(dataset.entities),
    facts: dataset.facts,
    entityLines(asOf: string, includeRumoured: boolean, focus: string): EntityLine[] {
      const view = model.view(asOf, { includeRumoured });
      const ranked = dataset.entities.map((e) => ({ e, m: entityMetrics(view, e.id) }));
      ranked.sort(
        (a, b) =>
          b.m.selfFunded - a.m.selfFunded ||
          b.m.fundedBacklog - a.m.fundedBacklog ||
          Number(b.e.id === focus) - Number(a.e.id === focus) ||
          a.e.name.localeCompare(b.e.name),
      );
      return ranked.map(({ e }) => ({ id: e.id, name: e.name, roles: e.roles }));
    },
    stressDefaults: { shocked: DEFAULT_SHOCKED, cut: DEFAULT_STRESS_CUT, multiple: null },
    maxCycleLength: DEFAULT_MAX_CYCLE_LENGTH,
  };
}
