/**
 * The slices of the lower layers (model, engine, office) the pane depends on: the pane's one seam. The
 * components receive these shapes as props, so they can be tested with hand-made fixtures as well as the
 * real modules, which satisfy them structurally (wiring in ./data.ts). The pane computes nothing the
 * engine computes: a measure it shows is a member of PaneEngine.
 */
import type { Entity, EntityId, Fact, FactKind, FactStatus, ModelView, Basis, MoneyBasis, Provenance } from "../model";
import type { EngineError } from "../engine";

export type { Entity, EntityId, Fact, FactKind, FactStatus, ModelView, Basis, EngineError, Provenance };

/** The registry look-ups the pane uses (entity picker, labels). */
export interface PaneRegistry {
  all(): readonly Entity[];
  get(id: EntityId): Entity | undefined;
  resolve(text: string): { ok: true; entity: Entity } | { ok: false; query: string; suggestions: EntityId[] };
}

/** The model surface the pane reads. */
export interface PaneModel {
  readonly dataset: { readonly version: string; readonly asOf: string; readonly facts: readonly Fact[] };
  readonly registry: PaneRegistry;
  readonly latestDate: string;
  view(asOf?: string | null, basis?: Basis): ModelView;
  fact(id: string): Fact | undefined;
}

export type { ExposureRow, MoneyCycle, StressOptions, StressLine, StressResult, EntityMetrics, Flow, FlowKind } from "../engine";
export type { HistoryOptions, HistoryPoint, HistorySeries } from "../engine";
import type { ExposureRow, MoneyCycle, StressOptions, StressResult, EntityMetrics, Flow, HistoryOptions, HistorySeries } from "../engine";

/** The engine measures the pane calls. */
export interface PaneEngine {
  /** With `withoutEstimates` (the same view leaving our estimates out) it also says which figures rest on estimates. */
  entityMetrics(view: ModelView, id: EntityId, money?: MoneyBasis, withoutEstimates?: ModelView): EntityMetrics;
  exposureTable(view: ModelView, id: EntityId): ExposureRow[];
  cyclesThrough(view: ModelView, id: EntityId, maxLength?: number): MoneyCycle[];
  stress(view: ModelView, options: StressOptions): StressResult | EngineError;
  factsBehind(view: ModelView, id: EntityId, counterparty?: EntityId): Fact[];
  /** The money flows around an entity, per counterparty and channel (the Flows view). */
  flowsAround(view: ModelView, id: EntityId): Flow[];
  /** The facts of a list that name the entity (the Sources tab's "only this company" filter). */
  factsAbout(facts: readonly Fact[], id: EntityId): Fact[];
  /** Whether any fact in the view names the entity (the empty state). */
  hasFactsAbout(view: ModelView, id: EntityId): boolean;
  /** A dated series of one measure (engine/history.ts): the Timeline view. */
  history(model: PaneModel, id: EntityId, options: HistoryOptions): HistorySeries | EngineError;
}

/** Model and engine together: everything the analysis views need. */
export interface PaneData {
  model: PaneModel;
  engine: PaneEngine;
}

export type { Capabilities, BuildOptions, BuildOutcome, RefreshOutcome, FreezeOutcome, WorkbookHost, HostError, RefreshCounts } from "../office";
