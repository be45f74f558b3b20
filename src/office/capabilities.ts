/**
 * What the running Excel supports, from `Office.context.requirements.isSetSupported("ExcelApi", v)`.
 * The features AIFIN uses and the requirement set each needs:
 *
 * - tables, charts, number formats, worksheets: ExcelApi 1.1; column widths, used ranges: 1.2;
 * - the ownership record (custom XML part): 1.5 (required: without it AIFIN cannot tell its sheets from
 *   the analyst's, so it does not write at all);
 * - frozen header rows (freezePanes) and bar-chart category order: 1.7;
 * - dynamic arrays: no requirement set names them; ExcelApi 1.12 (which added spill ranges to the API)
 *   ships only in Excel builds that have dynamic arrays, so it stands in for them.
 */
import type { Capabilities } from "./types";

/**
 * The features a running Excel can lack, as codes: the pane words each one from its string tables (en,
 * zh-TW, zh-CN; a `Record<CapabilityGap, string>` there, so a new gap without wording does not compile).
 * "noExcel": not running inside Excel at all.
 */
export const CAPABILITY_GAPS = ["noExcel", "tables", "ownership", "charts", "freezePanes", "columnWidths", "dynamicArrays"] as const;
export type CapabilityGap = (typeof CAPABILITY_GAPS)[number];

/** Answers isSetSupported("ExcelApi", version); null when not running inside Office. */
export type SetProbe = ((version: string) => boolean) | null;

/** Minimum requirement sets per feature. */
export const REQUIRED_SETS = {
  tables: "1.1",
  charts: "1.1",
  columnWidths: "1.2",
  ownership: "1.5",
  freezePanes: "1.7",
  dynamicArrays: "1.12",
} as const;

/** The highest minor version probed; later sets exist but add nothing AIFIN uses. */
const HIGHEST_MINOR = 20;

/** Capabilities plus the extra flags the writer needs. */
export interface HostFeatures extends Capabilities {
  ownership: boolean;
  freezePanes: boolean;
  columnWidths: boolean;
}

/** Reads the probe (a real isSetSupported outside tests) into capabilities with the gaps as codes. */
export function detectFeatures(probe: SetProbe): HostFeatures {
  if (!probe) {
    return {
      excelApi: null,
      tables: false,
      charts: false,
      dynamicArrays: false,
      ownership: false,
      freezePanes: false,
      columnWidths: false,
      missing: ["noExcel"],
    };
  }
  const has = (v: string): boolean => {
    try {
      return probe(v);
    } catch {
      return false;
    }
  };
  let excelApi: string | null = null;
  for (let minor = HIGHEST_MINOR; minor >= 1; minor--) {
    if (has(`1.${minor}`)) {
      excelApi = `1.${minor}`;
      break;
    }
  }
  const f: HostFeatures = {
    excelApi,
    tables: has(REQUIRED_SETS.tables),
    charts: has(REQUIRED_SETS.charts),
    dynamicArrays: has(REQUIRED_SETS.dynamicArrays),
    ownership: has(REQUIRED_SETS.ownership),
    freezePanes: has(REQUIRED_SETS.freezePanes),
    columnWidths: has(REQUIRED_SETS.columnWidths),
    missing: [],
  };
  // In order of consequence: what stops a build first, then what only degrades it.
  if (!f.tables) f.missing.push("tables");
  if (!f.ownership) f.missing.push("ownership");
  if (!f.charts) f.missing.push("charts");
  if (!f.freezePanes) f.missing.push("freezePanes");
  if (!f.columnWidths) f.missing.push("columnWidths");
  if (!f.dynamicArrays) f.missing.push("dynamicArrays");
  return f;
}

/** The public subset of the features. */
export function toCapabilities(f: HostFeatures): Capabilities {
  return { excelApi: f.excelApi, tables: f.tables, charts: f.charts, dynamicArrays: f.dynamicArrays, missing: [...f.missing] };
}

/** The probe for the real Office global, null outside Office (browser preview, tests without a mock). */
export function officeProbe(): SetProbe {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return null;
  return (version) => requirements.isSetSupported("ExcelApi", version);
}
