/**
 * "Build workbook": a fresh build, an update of AIFIN's own sheets, or a new set alongside.
 *
 * Round trips: 1 names, tables, record part · 2 record and every sheet's proof · 3 what an update rewrites
 * (its tables, the cells on its computed sheets, its chart; skipped when nothing is updated) · 4 the record
 * first (with the hashes it held before), every new sheet with its proof, then every sheet's content (tables
 * get in-place writes and appended rows, nothing deleted or moved), then the record in full, then the new
 * sheets' tables (a table never exists without the hashes of its rows) · 5 the new
 * sheets' ids in the record and the rows that left the data, deleted as rows (skipped when there are
 * neither) → at most 5. Round trip 4 becomes several when its writes would pass Excel on the web's request
 * limit (excelWriter's budget: 100× the bundled facts): each request is filled to the budget, and since the
 * new sheets' ids come back with its first piece, they ride in its last one and round trip 5 is left to row
 * deletes (a fresh build of 100× the facts: 1 + 5).
 *
 * What an update may change on a computed sheet (Exposure, Stress, Cycles, Sources): the rectangle AIFIN
 * wrote last time (kept in the record) and the one it writes now. A cell the analyst typed outside the old
 * rectangle that the new one needs stops the update; a formula the analyst put in an input cell is kept.
 * A failure in round trip 4 is put back in a new batch (the new sheets deleted, cells and rows restored, the
 * record as it was), so the error can say nothing was changed.
 */
import { planBuild, type BuildPlan } from "../buildPlan";
import { cellAddress, parseRange, rangeAddress, type Rect } from "../a1";
import { stopped } from "../hostErrors";
import { OWNERSHIP_NAMESPACE, ownershipRecordToXml, PROOF_NAME, proofComment, type BuildRecord } from "../ownershipRecord";
import { baselineOf, mergeRows, type MergeResult, type TableCell } from "../refreshMerge";
import { operate, Stop, type Session } from "../session";
import { buildSpecs, excelRefs, stressInputsFrom } from "../sheetAssembly";
import { SHEET_ROLES, TABLE_ROLES, tableRoleOf, type SheetRole, type TableRole } from "../sheetRoles";
import { stressAssumptionsFrom, TABLE_HEADER_ROW, type SheetSpec } from "../templateSpec";
import type { TemplateSource } from "../templateSource";
import type { BuildOptions, BuildOutcome } from "../types";
import {
  addSpecTable,
  contentRuns,
  deleteTableRows,
  payloadBytes,
  runAddress,
  textBytes,
  readSizes,
  readTables,
  reproduce,
  restoreTableChanges,
  batchOver,
  WRITE_OVERHEAD_BYTES,
  writeSpec,
  writeTableChanges,
  writeRows,
  type TableRead,
} from "../excelWriter";
import { readSnapshot, unfinishedTables } from "./snapshot";
import type { OperationContext } from "./context";

/**
 * What the computed sheets read back in round trip 3 may weigh, kept out of the first block of table rows read
 * beside them (formulas and values: about 0.3 MB with the bundled data, 0.8 MB with 100× the facts).
 */
const COMPUTED_SHEETS_READ_BYTES = 1_000_000;

/** The sheets whose spec carries a chart. */
const CHART_ROLES: readonly SheetRole[] = ["exposure", "history"];

/** A new random token for a build's sheet-local proofs. */
function randomToken(): string {
  let t = "";
  while (t.length < 24) t += Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, "0");
  return t.slice(0, 24);
}

/** A computed sheet as read before an update: its used cells (as they would be rewritten), and where. */
interface SheetRead {
  rect: Rect | null;
  cells: (string | number | boolean)[][];
}

function specRect(spec: SheetSpec): Rect {
  return { top: 1, left: 1, bottom: Math.max(1, spec.rows.length), right: Math.max(1, spec.rows[0]?.length ?? 1) };
}

const inside = (r: Rect, row: number, col: number): boolean => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** The parts of `old` outside `now` (both anchored at A1), as at most two rectangles. */
function leftovers(old: Rect, now: Rect): Rect[] {
  const out: Rect[] = [];
  if (old.bottom > now.bottom) out.push({ top: now.bottom + 1, left: 1, bottom: old.bottom, right: old.right });
  if (old.right > now.right) out.push({ top: 1, left: now.right + 1, bottom: Math.min(old.bottom, now.bottom), right: old.right });
  return out;
}

const rectAddress = (r: Rect): string => rangeAddress(r.top, r.left, r.bottom, r.right);

export async function build(ctx: OperationContext, options: BuildOptions): Promise<BuildOutcome> {
  const { deps, features: f } = ctx;
  return operate<BuildOutcome>(
    deps,
    "build",
    async (s: Session) => {
      const snap = await readSnapshot(s);
      const plan = planBuild(snap, options.onClash);
      if (plan.kind === "clash") return { kind: "clash", clashes: plan.clashes, foreign: plan.foreign };
      const source = deps.source();
      const wb = s.context.workbook;
      const prev = plan.previous;

      // An owned table sheet whose table was renamed or converted to a range: never cleared or rewritten. When the
      // build that added it never completed (no id of it and no row hash in the record, no table), the stop says so.
      const unfinished = prev ? unfinishedTables(prev, snap) : [];
      for (const role of TABLE_ROLES) {
        if (plan.sheets[role].existingId && !plan.tables[role].existing && !unfinished.includes(role)) throw new Stop(stopped("tableMissing", "build", { subject: plan.sheets[role].name }));
      }
      const leftOver = unfinished.filter((role) => plan.sheets[role].existingId).map((role) => plan.sheets[role].name);
      if (leftOver.length > 0) throw new Stop(stopped("buildUnfinished", "build", { items: leftOver }));

      // Round trip 3: what the update rewrites (more when a table read back would pass Excel on the web's
      // response limit: its rows come in blocks, excelWriter's readTables).
      const readRoles = TABLE_ROLES.filter((role) => plan.sheets[role].existingId);
      const titleWidth: Record<TableRole, number> = { facts: source.factColumns.length, entities: source.entityColumns.length };
      const queueOthers = () => {
        const titleReqs: Partial<Record<TableRole, Excel.Range>> = {};
        const sheetReqs: Partial<Record<SheetRole, Excel.Range>> = {};
        for (const role of SHEET_ROLES) {
          const id = plan.sheets[role].existingId;
          if (!id) continue;
          const sheet = wb.worksheets.getItem(id);
          const tableRole = tableRoleOf(role);
          // The title rows across the table's width: what the restore puts back of the title cells it wrote.
          if (tableRole) titleReqs[tableRole] = sheet.getRange(rangeAddress(1, 1, TABLE_HEADER_ROW - 1, Math.max(1, titleWidth[tableRole]))).load("formulas,values");
          else sheetReqs[role] = sheet.getUsedRange().load("formulas,values,rowIndex,columnIndex,rowCount,columnCount");
        }
        // Charts of the computed sheets being rewritten (Exposure, History): AIFIN's own is replaced.
        const oldCharts: Partial<Record<SheetRole, Excel.ChartCollection>> = {};
        for (const role of CHART_ROLES) {
          const id = plan.sheets[role].existingId;
          if (!id) continue;
          const charts = wb.worksheets.getItem(id).charts;
          charts.load("items/name");
          oldCharts[role] = charts;
        }
        return { titleReqs, sheetReqs, oldCharts };
      };
      const rowsOf: Record<TableRole, readonly (readonly TableCell[])[]> = { facts: source.factRows, entities: source.entityRows };
      const anything = SHEET_ROLES.some((role) => plan.sheets[role].existingId);
      const firstRead = anything
        ? await readTables(
            s,
            readRoles.map((role) => ({ table: wb.tables.getItem(plan.tables[role].name), sizes: readSizes(rowsOf[role]) })),
            queueOthers,
            COMPUTED_SHEETS_READ_BYTES,
          )
        : null;
      const { titleReqs, sheetReqs, oldCharts } = firstRead?.alongside ?? { titleReqs: {}, sheetReqs: {}, oldCharts: {} };

      // Decide, in pure code.
      const tableReads: Partial<Record<TableRole, TableRead>> = {};
      for (const [i, role] of readRoles.entries()) {
        const read = (firstRead as { reads: TableRead[] }).reads[i];
        if (read.worksheetId !== plan.sheets[role].existingId) throw new Stop(stopped("tableMissing", "build", { subject: plan.sheets[role].name }));
        tableReads[role] = read;
      }
      const sheetReads: Partial<Record<SheetRole, SheetRead>> = {};
      for (const role of SHEET_ROLES) {
        const used = sheetReqs[role];
        if (!used) continue;
        const formulas = used.formulas as unknown[][];
        const values = used.values as unknown[][];
        const cells = formulas.map((row, i) => row.map((v, j) => reproduce(v, values[i]?.[j])));
        const empty = cells.every((row) => row.every((v) => v === ""));
        sheetReads[role] = {
          rect: empty ? null : { top: used.rowIndex + 1, left: used.columnIndex + 1, bottom: used.rowIndex + used.rowCount, right: used.columnIndex + used.columnCount },
          cells,
        };
      }
      const cellAt = (read: SheetRead | undefined, row: number, column: number): string | number | boolean =>
        read?.rect && inside(read.rect, row, column) ? read.cells[row - read.rect.top][column - read.rect.left] : "";
      const cellOf = (read: SheetRead | undefined, address: string): string | number | boolean => {
        const at = parseRange(address);
        return at ? cellAt(read, at.top, at.left) : "";
      };

      const stressRead = sheetReads.stress;
      const stressInputs = stressRead
        ? {
            ...stressInputsFrom([["B2"], ["B3"], ["B4"]].map(([a]) => [cellOf(stressRead, a)]), source.stressDefaults),
            // The analyst's assumption values (block found by its header, values kept by name, formulas included).
            assumptions: stressRead.rect?.left === 1 ? stressAssumptionsFrom(stressRead.cells) : {},
          }
        : source.stressDefaults;
      const specs = buildSpecs(source, excelRefs(plan), { facts: plan.tables.facts.name, entities: plan.tables.entities.name }, options, stressInputs);

      const columns: Record<TableRole, readonly string[]> = { facts: source.factColumns, entities: source.entityColumns };
      const incoming: Record<TableRole, readonly (readonly TableCell[])[]> = { facts: source.factRows, entities: source.entityRows };
      const merged: Partial<Record<TableRole, MergeResult>> = {};
      for (const role of TABLE_ROLES) {
        const read = tableReads[role];
        if (!read) continue;
        const result = mergeRows({ columns: columns[role], idColumn: source.idColumn, current: { header: read.header, rows: read.rows }, baseline: prev?.baseline.hashes[role] ?? {}, incoming: incoming[role] });
        if (!result.ok) throw new Stop(stopped("columnMissing", "build", { subject: plan.tables[role].name, items: result.missing }));
        merged[role] = result;
      }

      // Computed sheets: what AIFIN wrote last time, what it writes now, and what the analyst typed.
      const oldRects: Partial<Record<SheetRole, Rect>> = {};
      for (const role of SHEET_ROLES) {
        const read = sheetReads[role];
        if (!read) continue;
        const spec = specs[role];
        const now = specRect(spec);
        const old = parseRange(prev?.written?.[role] ?? "") ?? now;
        oldRects[role] = old;
        const blocked: string[] = [];
        if (read.rect) {
          for (let r = read.rect.top; r <= read.rect.bottom; r++) {
            for (let c = read.rect.left; c <= read.rect.right; c++) {
              if (read.cells[r - read.rect.top][c - read.rect.left] !== "" && inside(now, r, c) && !inside(old, r, c)) blocked.push(cellAddress(r, c));
            }
          }
        }
        if (blocked.length > 0) throw new Stop(stopped("cellsInTheWay", "build", { subject: plan.sheets[role].name, items: blocked }));
        // A formula the analyst put in an input cell stays.
        for (const input of spec.inputs ?? []) {
          const current = cellOf(read, input);
          const at = parseRange(input) as Rect;
          if (typeof current === "string" && current.startsWith("=") && spec.rows[at.top - 1]) spec.rows[at.top - 1][at.left - 1] = current;
        }
      }

      // The record, written first so that sheets a failed build leaves behind carry a proof it knows: at first
      // with the baseline hashes it held before (none for a new build: rows nobody vouched for are never
      // overwritten), then in full at the end of round trip 4, once the rows those hashes describe are written.
      const token = prev?.token ?? deps.token?.() ?? randomToken();
      const record = recordOf(plan, source, options, merged, token, specs);
      const others = plan.keptBuilds.filter((b) => b.key !== plan.key);
      const recordXml = (build: BuildRecord = record): string => ownershipRecordToXml({ version: 1, builds: [...others, build].sort((a, b) => a.key - b.key) });
      const ownPart = snap.part && snap.recordReadable ? snap.part : null;
      const ownPartId = ownPart ? ownPart.id : null;
      let addedPart: Excel.CustomXmlPart | null = null;
      const writeRecord = async (xml: string): Promise<void> => {
        await s.room(textBytes(xml) + WRITE_OVERHEAD_BYTES);
        if (ownPart) ownPart.setXml(xml);
        else if (addedPart) addedPart.setXml(xml);
        else addedPart = wb.customXmlParts.add(xml);
      };

      // Round trip 4: write, with a restore ready in case it fails part-way. Writes larger than one request
      // may carry are split over several syncs (excelWriter's budget); the restore covers every piece.
      const snapIds = new Set(snap.sheets.map((w) => w.id));
      const newNames = SHEET_ROLES.filter((r) => !plan.sheets[r].existingId).map((r) => plan.sheets[r].name.toLowerCase());
      s.writing = true;
      s.touches = SHEET_ROLES.map((r) => plan.sheets[r].name);
      s.unfinished = TABLE_ROLES.filter((r) => !plan.sheets[r].existingId).map((r) => plan.sheets[r].name);
      s.restore = async (context) => {
        const w = context.workbook;
        const sheets = w.worksheets.load("items/id,items/name");
        const parts = w.customXmlParts.getByNamespace(OWNERSHIP_NAMESPACE).load("items/id");
        const bodies = TABLE_ROLES.filter((r) => merged[r]).map((r) => ({ r, body: w.tables.getItem(plan.tables[r].name).getDataBodyRange().load("rowCount") }));
        await context.sync();
        const batch = batchOver(context, deps.writeBudgetBytes);
        for (const sh of sheets.items) if (!snapIds.has(sh.id) && newNames.includes(sh.name.toLowerCase())) w.worksheets.getItem(sh.id).delete();
        for (const { r, body } of bodies) {
          const sheet = w.worksheets.getItem(plan.sheets[r].existingId as string);
          await restoreTableChanges(batch, w.tables.getItem(plan.tables[r].name), sheet, tableReads[r] as TableRead, (merged[r] as MergeResult).updates, body.rowCount);
          // Exactly the title cells the update wrote (contentRuns), as they were.
          const title = titleReqs[r] as Excel.Range;
          const formulas = title.formulas as unknown[][];
          const values = title.values as unknown[][];
          for (const run of contentRuns(specs[r], TABLE_HEADER_ROW)) {
            const before = [run.cells.map((_, k) => reproduce(formulas[run.row - 1]?.[run.left - 1 + k], values[run.row - 1]?.[run.left - 1 + k]))];
            await batch.room(payloadBytes(before) + WRITE_OVERHEAD_BYTES);
            sheet.getRange(runAddress(run)).formulas = before;
          }
        }
        for (const role of SHEET_ROLES) {
          const read = sheetReads[role];
          if (!read) continue;
          const now = specRect(specs[role]);
          const old = oldRects[role] as Rect;
          const box: Rect = { top: 1, left: 1, bottom: Math.max(now.bottom, old.bottom), right: Math.max(now.right, old.right) };
          const cells = Array.from({ length: box.bottom }, (_, i) => Array.from({ length: box.right }, (_, j) => cellAt(read, i + 1, j + 1)));
          await writeRows(batch, w.worksheets.getItem(plan.sheets[role].existingId as string), box.top, box.left, cells, "formulas");
        }
        if (ownPartId && snap.partXml !== null) {
          await batch.room(textBytes(snap.partXml) + WRITE_OVERHEAD_BYTES);
          w.customXmlParts.getItem(ownPartId).setXml(snap.partXml);
        }
        for (const p of parts.items) if (!snap.partIds.includes(p.id)) w.customXmlParts.getItem(p.id).delete();
        await context.sync();
        return { kind: "nothing" };
      };

      const syncsBeforeWrite = s.syncs;
      const before = prev?.baseline.hashes;
      await writeRecord(recordXml({ ...record, baseline: { ...record.baseline, hashes: { facts: { ...(before?.facts ?? {}) }, entities: { ...(before?.entities ?? {}) } } } }));
      // Every new sheet is added (with its proof) before anything else is written, so that all their ids are
      // known after the first piece of a split write and the record's ids can ride in its last piece.
      const sheetsByRole = {} as Record<SheetRole, Excel.Worksheet>;
      const added: Array<{ role: SheetRole; sheet: Excel.Worksheet }> = [];
      for (const role of SHEET_ROLES) {
        const target = plan.sheets[role];
        if (target.existingId) {
          sheetsByRole[role] = wb.worksheets.getItem(target.existingId);
          continue;
        }
        const sheet = wb.worksheets.add(target.name);
        sheet.names.add(PROOF_NAME, "=TRUE", proofComment(token, role));
        sheet.load("id");
        added.push({ role, sheet });
        sheetsByRole[role] = sheet;
      }
      for (const role of SHEET_ROLES) {
        const target = plan.sheets[role];
        const spec = specs[role];
        const tableRole = tableRoleOf(role);
        const sheet = sheetsByRole[role];
        if (!target.existingId) {
          // A new table is added only after the record in full (below), which vouches for its rows.
          await writeSpec(s, sheet, spec, f, { deferTable: true });
        } else if (tableRole) {
          // Only AIFIN's title cells above the table are rewritten (the cells with content in the spec, nothing
          // beside them); the table keeps the analyst's rows.
          await writeSpec(s, sheet, spec, f, { skipFromRow: TABLE_HEADER_ROW });
          const m = merged[tableRole] as MergeResult;
          await writeTableChanges(s, wb.tables.getItem(plan.tables[tableRole].name), sheet, tableReads[tableRole] as TableRead, m.updates, m.appends);
        } else {
          // AIFIN's own chart is re-pointed; a chart the analyst added stays as it is.
          const chart = oldCharts[role]?.items.find((c) => c.name === spec.chart?.name) ?? null;
          await writeSpec(s, sheet, spec, f, { chart });
          for (const piece of leftovers(oldRects[role] as Rect, specRect(spec))) sheet.getRange(rectAddress(piece)).clear("Contents");
        }
      }
      sheetsByRole.exposure.activate();
      // The record in full. When the write was split, the new sheets' ids came back with its first piece: they
      // ride in this last piece instead of a round trip of their own (a failure here is put back like any other).
      const idsKnown = s.syncs > syncsBeforeWrite;
      if (idsKnown) for (const a of added) record.sheets[a.role] = a.sheet.id;
      await writeRecord(recordXml());
      // The new tables, after the record that holds their hashes: a write that fails and whose restore fails too
      // never leaves a table of AIFIN's whose rows the record does not vouch for (they would read as the analyst's).
      for (const a of added) {
        await s.room(WRITE_OVERHEAD_BYTES);
        addSpecTable(a.sheet, specs[a.role]);
      }
      await s.sync();

      // Round trip 5: the new sheets' ids (when round trip 4 was one sync), and the rows that left the data,
      // deleted as rows once everything else is confirmed.
      const deletes = TABLE_ROLES.filter((r) => (merged[r]?.deletes.length ?? 0) > 0);
      if ((added.length > 0 && !idsKnown) || deletes.length > 0) {
        s.restore = null;
        // Round trip 4 is confirmed: every AIFIN sheet of the build may now differ, none of the analyst's.
        s.finishing = SHEET_ROLES.map((r) => plan.sheets[r].name);
        for (const r of deletes) await deleteTableRows(s, wb.tables.getItem(plan.tables[r].name), (merged[r] as MergeResult).deletes);
        for (const a of added) record.sheets[a.role] = a.sheet.id;
        for (const r of deletes) for (const id of Object.keys((merged[r] as MergeResult).leaving)) delete record.baseline.hashes[r][id];
        await writeRecord(recordXml());
        await s.sync();
      }
      const factCount = merged.facts ? merged.facts.rows.filter((r) => r.some((v) => v !== null && v !== "")).length : source.factRows.length;
      return { kind: "built", sheets: SHEET_ROLES.map((r) => plan.sheets[r].name), facts: factCount, syncs: s.syncs };
    },
    (error) => ({ kind: "error", error }),
  );
}

function recordOf(
  plan: BuildPlan,
  source: TemplateSource,
  options: BuildOptions,
  merged: Partial<Record<TableRole, MergeResult>>,
  token: string,
  specs: Record<SheetRole, SheetSpec>,
): BuildRecord {
  const hashes = (role: TableRole, columns: readonly string[], rows: readonly (readonly TableCell[])[]): Record<string, string> => {
    const m = merged[role];
    // Until the deletes are confirmed, the leaving rows stay in the record as AIFIN's untouched rows.
    return m ? { ...m.baseline, ...m.leaving } : baselineOf(columns, source.idColumn, rows);
  };
  const written: Partial<Record<SheetRole, string>> = {};
  for (const role of SHEET_ROLES) if (!tableRoleOf(role)) written[role] = rectAddress(specRect(specs[role]));
  const record: BuildRecord = {
    key: plan.key,
    token,
    written,
    sheets: {},
    tables: { facts: plan.tables.facts.name, entities: plan.tables.entities.name },
    datasetVersion: source.datasetVersion,
    options: { entity: options.entity, asOf: options.asOf ?? source.latestDate, includeRumoured: options.includeRumoured },
    baseline: {
      columns: { facts: [...source.factColumns], entities: [...source.entityColumns] },
      hashes: { facts: hashes("facts", source.factColumns, source.factRows), entities: hashes("entities", source.entityColumns, source.entityRows) },
    },
  };
  for (const role of SHEET_ROLES) {
    const id = plan.sheets[role].existingId;
    if (id) record.sheets[role] = id;
  }
  return record;
}
