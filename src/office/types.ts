/**
 * The workbook operations the task pane calls . Everything that talks to Excel lives
 * behind these shapes, so the pane can be rendered and tested with any host, including the preview host
 * that runs outside Excel.
 */
import type { EntityId } from "../model";
import type { HostError } from "./hostErrors";
import type { CapabilityGap } from "./capabilities";
import type { SheetLanguage } from "./sheetLabels";

export { HOST_ERROR_CODES, type HostError, type HostErrorCode, type HostOperation, type ChangeReport } from "./hostErrors";

/** What the running Excel supports; `missing` lists the gaps as codes the pane words in its language, so it can degrade. */
export interface Capabilities {
  /** Highest ExcelApi requirement set supported ("1.17"), null outside Excel. */
  excelApi: string | null;
  tables: boolean;
  charts: boolean;
  dynamicArrays: boolean;
  missing: CapabilityGap[];
}

/** Options for "Build workbook". */
export interface BuildOptions {
  /** The entity the Cycles sheet starts on (and listed first where ranks tie). */
  entity: EntityId;
  /** ISO date written into the as-of cell; null means the latest data at build time. */
  asOf: string | null;
  includeRumoured: boolean;
  /**
   * What to do when sheets with AIFIN's names already exist: "ask" returns the clash without writing,
   * "update" rewrites the AIFIN-owned build in place (rows the analyst edited or added in Facts and
   * Entities are kept), "alongside" writes a new set with suffixed names ("AIFIN Facts (2)").
   */
  onClash: "ask" | "update" | "alongside";
  /**
   * The language of the words the sheets show (titles, labels, notes, headers): the pane's. Formulas,
   * sheet and table names and table columns are the same in every language (src/office/sheetLabels.ts),
   * so an update in one language rewrites a build made in another. English when left out.
   */
  language?: SheetLanguage;
}

/** Result of a build. */
export type BuildOutcome =
  | { kind: "built"; sheets: string[]; facts: number; syncs: number }
  /** `clashes`: existing sheets that carry AIFIN's names or belong to an earlier build; `foreign`: those
   *  among them AIFIN did not create (never written; "update" puts AIFIN's sheet beside them). */
  | { kind: "clash"; clashes: string[]; foreign?: string[] }
  | { kind: "error"; error: HostError };

/** What a refresh did to one table, row by row. */
export interface RefreshCounts {
  /** New bundled rows appended. */
  added: number;
  /** Untouched rows whose bundled values changed, rewritten in place. */
  updated: number;
  /** Untouched rows whose bundled values did not change (not written). */
  unchanged: number;
  /** Rows the analyst edited: kept as they are. */
  keptEdited: number;
  /** Rows the analyst added (ids not in the bundled data AIFIN wrote): kept. */
  keptAdded: number;
  /** Untouched rows no longer in the bundled data: deleted as rows (references to them become #REF!). */
  removed: number;
  /** Rows the analyst deleted: not brought back. */
  keptDeleted: number;
}

/** Result of "Refresh data". */
export type RefreshOutcome =
  | { kind: "refreshed"; datasetVersion: string; facts: RefreshCounts; entities: RefreshCounts; syncs: number }
  | { kind: "error"; error: HostError };

/** Result of "Freeze to values": the name of the new values-only sheet. */
export type FreezeOutcome = { kind: "frozen"; sheet: string } | { kind: "error"; error: HostError };

/** The workbook operations; the pane receives one as a prop and never calls Excel itself. */
export interface WorkbookHost {
  capabilities(): Capabilities;
  build(options: BuildOptions): Promise<BuildOutcome>;
  refresh(): Promise<RefreshOutcome>;
  freeze(): Promise<FreezeOutcome>;
}
