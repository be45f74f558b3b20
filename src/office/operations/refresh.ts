/**
 * "Refresh data": merges the newer bundled rows into AIFIN's Facts and Entities tables, keeping every row
 * the analyst edited or added. Round trips: 1 names · 2 record · 3 tables · 4 write → 4.
 */
import { stopped } from "../hostErrors";
import { ownershipRecordToXml } from "../ownershipRecord";
import { mergeRows, type MergeCounts, type TableCell } from "../refreshMerge";
import { operate, Stop, type Session } from "../session";
import { TABLE_ROLES, type TableRole } from "../sheetRoles";
import type { RefreshOutcome } from "../types";
import { writeTableBody } from "../excelWriter";
import { readSnapshot, splitTable } from "./snapshot";
import type { OperationContext } from "./context";

const noCounts = (): MergeCounts => ({ added: 0, updated: 0, unchanged: 0, keptEdited: 0, keptAdded: 0, removed: 0, keptDeleted: 0 });

export async function refresh(ctx: OperationContext): Promise<RefreshOutcome> {
  const { deps } = ctx;
  return operate<RefreshOutcome>(
    deps,
    "refresh",
    async (s: Session) => {
      const snap = await readSnapshot(s);
      if (!snap.part) throw new Stop(stopped("noWorkbook", "refresh"));
      if (!snap.recordReadable) throw new Stop(stopped("recordUnreadable", "refresh"));
      const liveIds = new Set(snap.sheets.map((w) => w.id));
      const tableNames = new Set(snap.tables.map((t) => t.toLowerCase()));
      const builds = snap.record.builds.filter(
        (b) => TABLE_ROLES.every((r) => b.sheets[r] && liveIds.has(b.sheets[r] as string) && tableNames.has(b.tables[r].toLowerCase())),
      );
      if (builds.length === 0) throw new Stop(stopped("tablesGone", "refresh"));
      const source = deps.source();
      const wb = s.context.workbook;
      const reads = builds.map((b) => {
        const r = {} as Record<TableRole, { range: Excel.Range; worksheet: Excel.Worksheet }>;
        for (const role of TABLE_ROLES) {
          const table = wb.tables.getItem(b.tables[role]);
          const range = table.getRange();
          range.load("formulas");
          const worksheet = table.worksheet;
          worksheet.load("id");
          r[role] = { range, worksheet };
        }
        return r;
      });
      await s.sync();

      const columns: Record<TableRole, readonly string[]> = { facts: source.factColumns, entities: source.entityColumns };
      const incoming: Record<TableRole, readonly (readonly TableCell[])[]> = { facts: source.factRows, entities: source.entityRows };
      const totals: Record<TableRole, MergeCounts> = { facts: noCounts(), entities: noCounts() };
      const writes: Array<() => void> = [];
      builds.forEach((b, i) => {
        for (const role of TABLE_ROLES) {
          const { range, worksheet } = reads[i][role];
          // A table of AIFIN's name that now sits on a sheet AIFIN did not create is not AIFIN's table.
          if (worksheet.id !== b.sheets[role]) throw new Stop(stopped("tableMoved", "refresh", { subject: b.tables[role] }));
          const current = splitTable(range.formulas as unknown[][]);
          const result = mergeRows({ columns: columns[role], idColumn: source.idColumn, current, baseline: b.baseline.hashes[role] ?? {}, incoming: incoming[role] });
          if (!result.ok) throw new Stop(stopped("columnMissing", "refresh", { subject: b.tables[role], items: result.missing }));
          for (const k of Object.keys(totals[role]) as Array<keyof MergeCounts>) totals[role][k] += result.counts[k];
          const table = wb.tables.getItem(b.tables[role]);
          writes.push(() => writeTableBody(table, current.rows.length, result.rows, current.header.length));
          b.baseline.hashes[role] = result.baseline;
          b.baseline.columns[role] = [...columns[role]];
        }
        b.datasetVersion = source.datasetVersion;
      });
      s.writing = true;
      writes.forEach((w) => w());
      (snap.part as Excel.CustomXmlPart).setXml(ownershipRecordToXml(snap.record));
      await s.sync();
      return { kind: "refreshed", datasetVersion: source.datasetVersion, facts: totals.facts, entities: totals.entities, syncs: s.syncs };
    },
    (error) => ({ kind: "error", error }),
  );
}
