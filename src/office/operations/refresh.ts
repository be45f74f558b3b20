/**
 * "Refresh data": merges the newer bundled rows into AIFIN's Facts and Entities tables, keeping every row
 * the analyst edited or added where it is. Round trips: 1 names · 2 record and proofs · 3 tables (more when
 * a table read back would pass Excel on the web's response limit: excelWriter's readTables) ·
 * 4 in-place writes and appended rows, then the record (split over more syncs only when one request would pass
 * Excel on the web's size limit: excelWriter; the record rides in the last piece) · 5 row deletes and the final record (skipped when no row
 * leaves) → at most 5. A failure in 4 is put back in a new batch; a failure in 5 leaves AIFIN rows the
 * next refresh removes.
 */
import { stopped } from "../hostErrors";
import { ownershipRecordToXml } from "../ownershipRecord";
import { mergeRows, type MergeCounts, type MergeResult, type TableCell } from "../refreshMerge";
import { operate, Stop, type Session } from "../session";
import { TABLE_ROLES, type TableRole } from "../sheetRoles";
import type { RefreshOutcome } from "../types";
import { batchOver, WRITE_OVERHEAD_BYTES, deleteTableRows, readSizes, textBytes, readTables, restoreTableChanges, writeTableChanges, type TableRead } from "../excelWriter";
import { readSnapshot, unfinishedTables } from "./snapshot";
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
      const nameById = new Map(snap.sheets.map((w) => [w.id, w.name]));
      const tableNames = new Set(snap.tables.map((t) => t.toLowerCase()));
      const builds = snap.record.builds.filter(
        (b) => TABLE_ROLES.every((r) => b.sheets[r] && liveIds.has(b.sheets[r] as string) && tableNames.has(b.tables[r].toLowerCase())),
      );
      if (builds.length === 0) {
        // Sheets left by a build that never completed (its tables were never created) are not "gone" tables.
        const leftOver = snap.record.builds.flatMap((b) => unfinishedTables(b, snap).map((r) => nameById.get(b.sheets[r] as string) as string));
        if (leftOver.length > 0) throw new Stop(stopped("buildUnfinished", "refresh", { items: leftOver }));
        throw new Stop(stopped("tablesGone", "refresh"));
      }
      const source = deps.source();
      const wb = s.context.workbook;
      const columns: Record<TableRole, readonly string[]> = { facts: source.factColumns, entities: source.entityColumns };
      const incoming: Record<TableRole, readonly (readonly TableCell[])[]> = { facts: source.factRows, entities: source.entityRows };
      const sizes: Record<TableRole, number[]> = { facts: readSizes(source.factRows), entities: readSizes(source.entityRows) };
      // Round trip 3 (more for a table over Excel on the web's response limit: read in blocks of rows).
      const wanted = builds.flatMap((b) => TABLE_ROLES.map((role) => ({ b, role })));
      const { reads } = await readTables(
        s,
        wanted.map(({ b, role }) => ({ table: wb.tables.getItem(b.tables[role]), sizes: sizes[role] })),
        () => null,
      );
      const totals: Record<TableRole, MergeCounts> = { facts: noCounts(), entities: noCounts() };
      const merges: Array<{ tableName: string; sheetId: string; read: TableRead; result: MergeResult }> = [];
      for (const [i, { b, role }] of wanted.entries()) {
        const read = reads[i];
        // A table of AIFIN's name that now sits on a sheet AIFIN did not create is not AIFIN's table.
        if (read.worksheetId !== b.sheets[role]) throw new Stop(stopped("tableMoved", "refresh", { subject: b.tables[role] }));
        const result = mergeRows({ columns: columns[role], idColumn: source.idColumn, current: { header: read.header, rows: read.rows }, baseline: b.baseline.hashes[role] ?? {}, incoming: incoming[role] });
        if (!result.ok) throw new Stop(stopped("columnMissing", "refresh", { subject: b.tables[role], items: result.missing }));
        for (const k of Object.keys(totals[role]) as Array<keyof MergeCounts>) totals[role][k] += result.counts[k];
        merges.push({ tableName: b.tables[role], sheetId: read.worksheetId, read, result });
        // Until the deletes are confirmed, the leaving rows stay in the record as AIFIN's untouched rows.
        b.baseline.hashes[role] = { ...result.baseline, ...result.leaving };
        b.baseline.columns[role] = [...columns[role]];
        b.datasetVersion = source.datasetVersion;
      }

      // Round trip 4: in-place writes and appended rows, then the record. Nothing moves or goes.
      const part = snap.part;
      const partId = part.id;
      const partXml = snap.partXml;
      s.writing = true;
      s.touches = [...new Set(merges.map((m) => nameById.get(m.sheetId) as string))];
      s.restore = async (context) => {
        const w = context.workbook;
        const bodies = merges.map((m) => {
          const body = w.tables.getItem(m.tableName).getDataBodyRange();
          body.load("rowCount");
          return body;
        });
        await context.sync();
        const batch = batchOver(context, deps.writeBudgetBytes);
        for (const [i, m] of merges.entries()) await restoreTableChanges(batch, w.tables.getItem(m.tableName), w.worksheets.getItem(m.sheetId), m.read, m.result.updates, bodies[i].rowCount);
        if (partXml !== null) {
          await batch.room(textBytes(partXml) + WRITE_OVERHEAD_BYTES);
          w.customXmlParts.getItem(partId).setXml(partXml);
        }
        await context.sync();
        return { kind: "nothing" };
      };
      // The record in the workbook still holds the hashes of the rows as they are; the new hashes go in the last
      // piece, after the rows they describe, so a split write that fails and is not put back leaves no hash of a
      // row never written (appended rows then read as the analyst's, rows rewritten in place as edited: kept).
      for (const m of merges) await writeTableChanges(s, wb.tables.getItem(m.tableName), wb.worksheets.getItem(m.sheetId), m.read, m.result.updates, m.result.appends);
      const xml = ownershipRecordToXml(snap.record);
      await s.room(textBytes(xml) + WRITE_OVERHEAD_BYTES);
      part.setXml(xml);
      await s.sync();

      // Round trip 5: rows that left the data, deleted as rows (bottom up), then the final record.
      if (merges.some((m) => m.result.deletes.length > 0)) {
        s.restore = null;
        s.finishing = [...new Set(merges.map((m) => nameById.get(m.sheetId) as string))];
        for (const m of merges) await deleteTableRows(s, wb.tables.getItem(m.tableName), m.result.deletes);
        for (const b of builds) for (const role of TABLE_ROLES) for (const id of Object.keys(merges.find((m) => m.tableName === b.tables[role])?.result.leaving ?? {})) delete b.baseline.hashes[role][id];
        const last = ownershipRecordToXml(snap.record);
        await s.room(textBytes(last) + WRITE_OVERHEAD_BYTES);
        part.setXml(last);
        await s.sync();
      }
      return { kind: "refreshed", datasetVersion: source.datasetVersion, facts: totals.facts, entities: totals.entities, syncs: s.syncs };
    },
    (error) => ({ kind: "error", error }),
  );
}
