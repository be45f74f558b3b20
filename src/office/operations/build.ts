/**
 * "Build workbook": a fresh build, an update of AIFIN's own sheets, or a new set alongside.
 *
 * Round trips: 1 read names/tables/record part · 2 read the record (skipped in a fresh workbook) · 3 read
 * the tables being updated (skipped when none) · 4 write everything · 5 write the record with the new
 * sheet ids (folded into 4 when no sheet is new) → at most 5.
 */
import { planBuild, type BuildPlan } from "../buildPlan";
import { rangeAddress } from "../a1";
import { stopped } from "../hostErrors";
import { ownershipRecordToXml, type BuildRecord } from "../ownershipRecord";
import { baselineOf, mergeRows, type MergeCounts, type TableCell } from "../refreshMerge";
import { operate, Stop, type Session } from "../session";
import { buildSpecs, excelRefs, stressInputsFrom } from "../sheetAssembly";
import { SHEET_ROLES, TABLE_ROLES, tableRoleOf, type SheetRole, type TableRole } from "../sheetRoles";
import { TABLE_HEADER_ROW } from "../templateSpec";
import type { BuildOptions, BuildOutcome } from "../types";
import { writeSpec, writeTableBody } from "../excelWriter";
import { readSnapshot, splitTable } from "./snapshot";
import type { OperationContext } from "./context";

/** The sheets whose spec carries a chart. */
const CHART_ROLES: readonly SheetRole[] = ["exposure", "history"];

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

      // Round trip 3: the owned tables being updated, and the chart being replaced.
      const reads: Partial<Record<TableRole, Excel.Range>> = {};
      for (const role of TABLE_ROLES) {
        if (plan.tables[role].existing) {
          const range = wb.tables.getItem(plan.tables[role].name).getRange();
          range.load("formulas");
          reads[role] = range;
        }
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
      let oldStressInputs: Excel.Range | null = null;
      if (plan.sheets.stress.existingId) {
        oldStressInputs = wb.worksheets.getItem(plan.sheets.stress.existingId).getRange("B2:B4");
        oldStressInputs.load("values");
      }
      if (Object.keys(reads).length > 0 || Object.keys(oldCharts).length > 0 || oldStressInputs) await s.sync();

      const refs = excelRefs(plan);
      const stressInputs = oldStressInputs ? stressInputsFrom(oldStressInputs.values, source.stressDefaults) : source.stressDefaults;
      const specs = buildSpecs(source, refs, { facts: plan.tables.facts.name, entities: plan.tables.entities.name }, options, stressInputs);
      const tableColumns: Record<TableRole, readonly string[]> = { facts: source.factColumns, entities: source.entityColumns };
      const tableIncoming: Record<TableRole, readonly (readonly TableCell[])[]> = { facts: source.factRows, entities: source.entityRows };
      const merged: Partial<Record<TableRole, { rows: TableCell[][]; baseline: Record<string, string>; bodyRows: number; width: number; counts: MergeCounts }>> = {};
      for (const role of TABLE_ROLES) {
        const range = reads[role];
        if (!range) continue;
        const current = splitTable(range.formulas as unknown[][]);
        const prev = plan.previous as BuildRecord;
        const result = mergeRows({
          columns: tableColumns[role],
          idColumn: source.idColumn,
          current,
          baseline: prev.baseline.hashes[role] ?? {},
          incoming: tableIncoming[role],
        });
        if (!result.ok) throw new Stop(stopped("columnMissing", "build", { subject: plan.tables[role].name, items: result.missing }));
        merged[role] = { rows: result.rows, baseline: result.baseline, bodyRows: current.rows.length, width: current.header.length, counts: result.counts };
      }

      // Round trip 4: write everything.
      s.writing = true;
      const sheetsByRole = {} as Record<SheetRole, Excel.Worksheet>;
      const added: Array<{ role: SheetRole; sheet: Excel.Worksheet }> = [];
      for (const role of SHEET_ROLES) {
        const target = plan.sheets[role];
        const spec = specs[role];
        let sheet: Excel.Worksheet;
        const tableRole = tableRoleOf(role);
        const merging = tableRole !== null && merged[tableRole] !== undefined;
        if (target.existingId) {
          sheet = wb.worksheets.getItem(target.existingId);
          if (merging) {
            // Only the title rows above the table are AIFIN's to rewrite; the table keeps the analyst's rows.
            sheet.getRange(rangeAddress(1, 1, TABLE_HEADER_ROW - 1, 1)).clear("Contents");
          } else {
            sheet.getRange().clear();
            // Only AIFIN's own chart goes; a chart the analyst added stays.
            for (const c of oldCharts[role]?.items ?? []) if (c.name === spec.chart?.name) c.delete();
          }
        } else {
          sheet = wb.worksheets.add(target.name);
          sheet.load("id");
          added.push({ role, sheet });
        }
        sheetsByRole[role] = sheet;
        writeSpec(sheet, spec, f, merging ? TABLE_HEADER_ROW : undefined);
        if (merging && tableRole) {
          const m = merged[tableRole]!;
          writeTableBody(wb.tables.getItem(plan.tables[tableRole].name), m.bodyRows, m.rows, m.width);
        }
      }
      sheetsByRole.exposure.activate();

      const record = recordOf(plan, source, options, merged);
      const writeRecord = (): void => {
        const others = plan.keptBuilds.filter((b) => b.key !== plan.key);
        const xml = ownershipRecordToXml({ version: 1, builds: [...others, record].sort((a, b) => a.key - b.key) });
        if (snap.part && snap.recordReadable) snap.part.setXml(xml);
        else wb.customXmlParts.add(xml);
      };
      if (added.length === 0) {
        writeRecord();
        await s.sync();
      } else {
        await s.sync();
        // Round trip 5: the record, now that the new sheets have ids.
        for (const a of added) record.sheets[a.role] = a.sheet.id;
        writeRecord();
        await s.sync();
      }
      const factCount = merged.facts ? merged.facts.rows.length : source.factRows.length;
      return { kind: "built", sheets: SHEET_ROLES.map((r) => plan.sheets[r].name), facts: factCount, syncs: s.syncs };
    },
    (error) => ({ kind: "error", error }),
  );
}

function recordOf(
  plan: BuildPlan,
  source: ReturnType<OperationContext["deps"]["source"]>,
  options: BuildOptions,
  merged: Partial<Record<TableRole, { baseline: Record<string, string> }>>,
): BuildRecord {
  const record: BuildRecord = {
    key: plan.key,
    sheets: {},
    tables: { facts: plan.tables.facts.name, entities: plan.tables.entities.name },
    datasetVersion: source.datasetVersion,
    options: { entity: options.entity, asOf: options.asOf ?? source.latestDate, includeRumoured: options.includeRumoured },
    baseline: {
      columns: { facts: [...source.factColumns], entities: [...source.entityColumns] },
      hashes: {
        facts: merged.facts?.baseline ?? baselineOf(source.factColumns, source.idColumn, source.factRows),
        entities: merged.entities?.baseline ?? baselineOf(source.entityColumns, source.idColumn, source.entityRows),
      },
    },
  };
  for (const role of SHEET_ROLES) {
    const id = plan.sheets[role].existingId;
    if (id) record.sheets[role] = id;
  }
  return record;
}
