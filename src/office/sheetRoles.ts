/**
 * The sheets a build writes, declared once. Every other place that must handle a role reads it from
 * here: the specs (`buildSpecs` returns a `Record<SheetRole, SheetSpec>`, so a new role that has no spec
 * does not compile), the writer (by `layout`), "Freeze to values" (by `frozen`), the plan's sheet and
 * table names, and the ownership record. tests/unit/office/sheetRoles.test.ts fails when a role is left
 * out of a build or its meaning disagrees with its spec.
 *
 * To add a sheet (Claims, History, ...): add its role to SheetRole and SHEET_ROLES (tab order), its
 * meaning to SHEET_ROLE_MEANINGS, and its spec to buildSpecs in sheetAssembly.ts; the compiler points at
 * each place.
 */

/** The sheets a build writes. */
export type SheetRole = "exposure" | "stress" | "cycles" | "history" | "claims" | "facts" | "entities" | "sources";

/** The roles whose sheet carries an Excel table the analyst edits (its rows are merged, never replaced). */
export type TableRole = Extract<SheetRole, "facts" | "entities">;

/** How AIFIN writes and rewrites one sheet. */
export interface SheetRoleMeaning {
  /** Name of the sheet in the first build; later builds "alongside" add " (2)", " (3)", ... */
  baseName: string;
  /**
   * "table": a title above an Excel table whose rows belong to the analyst once written (update and
   * refresh merge them row by row); "formulas": cells AIFIN computes, rewritten on update within what AIFIN
   * wrote last time, input cells kept.
   */
  layout: "table" | "formulas";
  /** Name of the sheet's table in the first build (layout "table" only); later builds add "_2", "_3", ... */
  tableBaseName?: string;
  /** Copied by "Freeze to values" (the sheets an analyst sends on). */
  frozen: boolean;
}

/** What each role is. */
export const SHEET_ROLE_MEANINGS: Readonly<Record<SheetRole, SheetRoleMeaning>> = {
  exposure: { baseName: "AIFIN Exposure", layout: "formulas", frozen: true },
  stress: { baseName: "AIFIN Stress", layout: "formulas", frozen: true },
  cycles: { baseName: "AIFIN Cycles", layout: "formulas", frozen: true },
  history: { baseName: "AIFIN History", layout: "formulas", frozen: true },
  claims: { baseName: "AIFIN Claims", layout: "formulas", frozen: true },
  facts: { baseName: "AIFIN Facts", layout: "table", tableBaseName: "AIFIN_Facts", frozen: false },
  entities: { baseName: "AIFIN Entities", layout: "table", tableBaseName: "AIFIN_Entities", frozen: false },
  sources: { baseName: "AIFIN Sources", layout: "formulas", frozen: false },
};

/** Tab order of a build. */
export const SHEET_ROLES: readonly SheetRole[] = ["exposure", "stress", "cycles", "history", "claims", "facts", "entities", "sources"];

/** The table roles, in tab order. */
export const TABLE_ROLES: readonly TableRole[] = SHEET_ROLES.filter((r): r is TableRole => SHEET_ROLE_MEANINGS[r].layout === "table");

/** The roles "Freeze to values" copies, in tab order. */
export const FROZEN_ROLES: readonly SheetRole[] = SHEET_ROLES.filter((r) => SHEET_ROLE_MEANINGS[r].frozen);

/** Sheet names of the first build. */
export const BASE_SHEET_NAMES: Readonly<Record<SheetRole, string>> = Object.fromEntries(
  SHEET_ROLES.map((r) => [r, SHEET_ROLE_MEANINGS[r].baseName]),
) as Record<SheetRole, string>;

/** Table names of the first build. */
export const BASE_TABLE_NAMES: Readonly<Record<TableRole, string>> = Object.fromEntries(
  TABLE_ROLES.map((r) => [r, SHEET_ROLE_MEANINGS[r].tableBaseName as string]),
) as Record<TableRole, string>;

/** The table role of a sheet role, or null for a formulas sheet. */
export function tableRoleOf(role: SheetRole): TableRole | null {
  return SHEET_ROLE_MEANINGS[role].layout === "table" ? (role as TableRole) : null;
}
