/**
 * Decides, before anything is written, which sheets and tables a build creates, which AIFIN-owned ones it
 * updates in place, and when it must stop and ask. Pure: it sees the workbook as lists of names and ids.
 * The rule it enforces: a sheet or table AIFIN did not create is never written; a name taken by one makes
 * AIFIN use a suffixed name instead.
 */
import type { BuildOptions } from "./types";
import { ownedSheets, type BuildRecord, type OwnershipRecord } from "./ownershipRecord";
import { BASE_SHEET_NAMES, BASE_TABLE_NAMES, SHEET_ROLES, type SheetRole, type TableRole } from "./templateSpec";

/** The workbook as the first round trip sees it. */
export interface WorkbookSnapshot {
  sheets: ReadonlyArray<{ id: string; name: string }>;
  tables: readonly string[];
  record: OwnershipRecord;
}

/** Where one role's sheet goes. */
export interface SheetTarget {
  name: string;
  /** Id of the AIFIN-owned sheet updated in place; null: a new sheet is added. */
  existingId: string | null;
}

/** Where one role's table goes. */
export interface TableTarget {
  name: string;
  /** true: the AIFIN-owned table is updated in place (its rows merged, never replaced wholesale). */
  existing: boolean;
}

/** A build that can go ahead. */
export interface BuildPlan {
  kind: "plan";
  key: number;
  sheets: Record<SheetRole, SheetTarget>;
  tables: Record<TableRole, TableTarget>;
  /** The owned build being updated, if any (its baselines are merged against). */
  previous: BuildRecord | null;
  /** Builds that keep their record (all others have no sheet left and are dropped). */
  keptBuilds: BuildRecord[];
}

/** A build that must ask first. */
export interface BuildClash {
  kind: "clash";
  clashes: string[];
  foreign: string[];
}

/** Sheet name of role for build `key`: "AIFIN Facts", "AIFIN Facts (2)". */
export function sheetNameFor(role: SheetRole, key: number): string {
  return key <= 1 ? BASE_SHEET_NAMES[role] : `${BASE_SHEET_NAMES[role]} (${key})`;
}

/** Table name of role for build `key`: "AIFIN_Facts", "AIFIN_Facts_2". */
export function tableNameFor(role: TableRole, key: number): string {
  return key <= 1 ? BASE_TABLE_NAMES[role] : `${BASE_TABLE_NAMES[role]}_${key}`;
}

const TABLE_ROLES: readonly TableRole[] = ["facts", "entities"];

/**
 * Plans a build from a snapshot of the workbook and the clash choice. Excel compares sheet and table
 * names without regard to case, and so does this.
 */
export function planBuild(snapshot: WorkbookSnapshot, onClash: BuildOptions["onClash"]): BuildPlan | BuildClash {
  const liveIds = new Set(snapshot.sheets.map((s) => s.id));
  const nameById = new Map(snapshot.sheets.map((s) => [s.id, s.name]));
  const takenSheets = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()));
  const takenTables = new Set(snapshot.tables.map((t) => t.toLowerCase()));
  const keptBuilds = snapshot.record.builds.filter((b) => Object.values(b.sheets).some((id) => id && liveIds.has(id)));
  const owned = ownedSheets({ version: 1, builds: keptBuilds });
  const previous = keptBuilds.length > 0 ? [...keptBuilds].sort((a, b) => a.key - b.key)[0] : null;

  const baseHolders = snapshot.sheets.filter((s) => SHEET_ROLES.some((r) => BASE_SHEET_NAMES[r].toLowerCase() === s.name.toLowerCase()));
  const foreign = baseHolders.filter((s) => !owned.has(s.id)).map((s) => s.name);

  if (onClash === "ask") {
    const previousNames = previous ? Object.values(previous.sheets).filter((id): id is string => !!id && liveIds.has(id)).map((id) => nameById.get(id) as string) : [];
    const clashes = [...new Set([...baseHolders.map((s) => s.name), ...previousNames])];
    if (clashes.length > 0) return { kind: "clash", clashes, foreign };
  }

  if (onClash === "update" && previous) {
    const sheets = {} as Record<SheetRole, SheetTarget>;
    const chosen = new Set<string>();
    for (const role of SHEET_ROLES) {
      const id = previous.sheets[role];
      if (id && liveIds.has(id)) {
        sheets[role] = { name: nameById.get(id) as string, existingId: id };
      } else {
        const name = firstFree((k) => sheetNameFor(role, k), (n) => takenSheets.has(n.toLowerCase()) || chosen.has(n.toLowerCase()), previous.key);
        sheets[role] = { name, existingId: null };
      }
      chosen.add(sheets[role].name.toLowerCase());
    }
    const tables = {} as Record<TableRole, TableTarget>;
    for (const role of TABLE_ROLES) {
      const name = previous.tables[role];
      const sheetLive = !!previous.sheets[role] && liveIds.has(previous.sheets[role] as string);
      if (sheetLive && takenTables.has(name.toLowerCase())) {
        tables[role] = { name, existing: true };
      } else {
        tables[role] = { name: firstFree((k) => tableNameFor(role, k), (n) => takenTables.has(n.toLowerCase()), previous.key), existing: false };
      }
    }
    // A table can only be updated in place on the owned sheet being updated.
    for (const role of TABLE_ROLES) if (tables[role].existing && !sheets[role].existingId) tables[role].existing = false;
    return { kind: "plan", key: previous.key, sheets, tables, previous, keptBuilds };
  }

  if (onClash === "update") {
    // Nothing of AIFIN's to update: base names, each role suffixed only where something else holds its name.
    const key = firstKeyNotIn(new Set(keptBuilds.map((b) => b.key)));
    const sheets = {} as Record<SheetRole, SheetTarget>;
    for (const role of SHEET_ROLES) sheets[role] = { name: firstFree((k) => sheetNameFor(role, k), (n) => takenSheets.has(n.toLowerCase()), 1), existingId: null };
    const tables = {} as Record<TableRole, TableTarget>;
    for (const role of TABLE_ROLES) tables[role] = { name: firstFree((k) => tableNameFor(role, k), (n) => takenTables.has(n.toLowerCase()), 1), existing: false };
    return { kind: "plan", key, sheets, tables, previous: null, keptBuilds };
  }

  // A complete new set: "alongside", or a first build.
  const usedKeys = new Set(keptBuilds.map((b) => b.key));
  const allFree = (k: number): boolean =>
    !usedKeys.has(k) &&
    SHEET_ROLES.every((r) => !takenSheets.has(sheetNameFor(r, k).toLowerCase())) &&
    TABLE_ROLES.every((r) => !takenTables.has(tableNameFor(r, k).toLowerCase()));
  let key = 1;
  while (!allFree(key)) key++;
  const sheets = {} as Record<SheetRole, SheetTarget>;
  for (const role of SHEET_ROLES) sheets[role] = { name: sheetNameFor(role, key), existingId: null };
  const tables = {} as Record<TableRole, TableTarget>;
  for (const role of TABLE_ROLES) tables[role] = { name: tableNameFor(role, key), existing: false };
  return { kind: "plan", key, sheets, tables, previous: null, keptBuilds };
}

/** The first name of the sequence (from `start`, then 2, 3, ...) that is not taken. */
function firstFree(nameOf: (k: number) => string, taken: (name: string) => boolean, start: number): string {
  if (!taken(nameOf(start))) return nameOf(start);
  for (let k = 2; ; k++) if (k !== start && !taken(nameOf(k))) return nameOf(k);
}

/** The smallest build key (from 1) not used by a kept build. */
function firstKeyNotIn(used: ReadonlySet<number>): number {
  let k = 1;
  while (used.has(k)) k++;
  return k;
}
