/**
 * The WorkbookHost over Excel.run: "Build workbook", "Refresh data" and "Freeze to values". Each operation
 * reads what it needs in a first batch, decides in pure code (buildPlan, refreshMerge, templateSpec), then
 * writes in one batch, so the number of `context.sync()` round trips is fixed whatever the number of facts:
 *
 * - build: 1 read names/tables/record part · 2 read the record (skipped in a fresh workbook) · 3 read the
 *   tables being updated (skipped when none) · 4 write everything · 5 write the record with the new sheet
 *   ids (folded into 4 when no sheet is new) → at most 5;
 * - refresh: 1 names · 2 record · 3 tables · 4 write → 4;
 * - freeze: 1 names · 2 record · 3 read the live sheets · 4 write → 4.
 *
 * Excel on the web limits one request to about 5 MB; the bundled data and ten times as many facts fit
 * well inside one.
 */
import { isIsoDate, type EntityId, type Fact } from "../model";
import type { BuildOptions, BuildOutcome, Capabilities, FreezeOutcome, RefreshOutcome, WorkbookHost } from "./types";
import { detectFeatures, toCapabilities, type HostFeatures, type SetProbe } from "./capabilities";
import { describeOfficeError, isRetryable } from "./officeErrors";
import { planBuild, type BuildPlan } from "./buildPlan";
import { emptyRegistry, registryFromXml, registryToXml, REGISTRY_NAMESPACE, type BuildRecord, type Registry } from "./registry";
import { baselineOf, describeMerge, mergeRows, type MergeCounts, type TableCell } from "./refreshMerge";
import { parseRange, rangeAddress } from "./a1";
import {
  cyclesSheetSpec,
  exposureSheetSpec,
  sourcesSheetSpec,
  stressSheetSpec,
  tableSheetSpec,
  TABLE_HEADER_ROW,
  type EntityLine,
  type SheetRole,
  type SheetSpec,
  type SpecCell,
  type TableRole,
  type TemplateRefs,
} from "./templateSpec";

/** The data a build writes, taken from the bundled model (wired in index.ts, replaced in tests). */
export interface TemplateSource {
  datasetVersion: string;
  /** ISO date of the newest fact: the as-of written when the pane asks for "latest". */
  latestDate: string;
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

/** Everything the host needs from outside; index.ts passes the real ones. */
export interface HostDeps {
  /** Excel.run, or a stand-in in tests. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** isSetSupported for ExcelApi, asked on every call (Office may become ready after the host is made). */
  probe(): SetProbe;
  source(): TemplateSource;
  /** Today's ISO date (names the frozen copy). */
  today(): string;
  /** Pause before the single retry after "Excel is editing a cell". */
  wait(ms: number): Promise<void>;
}

/** Counts round trips and remembers whether anything has been written yet (retrying is safe until then). */
class Session {
  syncs = 0;
  writing = false;
  constructor(readonly context: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
  }
}

/** Thrown inside a batch to end the operation with a message (not an Office failure). */
class Stop extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

/** What the first two round trips learn: sheet ids and names, table names, and AIFIN's record. */
interface Snapshot {
  sheets: Array<{ id: string; name: string }>;
  tables: string[];
  registry: Registry;
  part: Excel.CustomXmlPart | null;
  /** false when a record part exists but could not be read: nothing is then treated as owned. */
  registryReadable: boolean;
}

async function readSnapshot(s: Session): Promise<Snapshot> {
  const wb = s.context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name,items/id");
  const tables = wb.tables;
  tables.load("items/name");
  const parts = wb.customXmlParts.getByNamespace(REGISTRY_NAMESPACE);
  parts.load("items/id");
  await s.sync();
  let part: Excel.CustomXmlPart | null = null;
  let registry = emptyRegistry();
  let registryReadable = true;
  if (parts.items.length > 0) {
    // Normally one part; if an unreadable one was left behind, a readable one added later still counts.
    const xmls = parts.items.map((p) => ({ p, xml: p.getXml() }));
    await s.sync();
    const readable = xmls.map(({ p, xml }) => ({ p, parsed: registryFromXml(xml.value) })).find((x) => x.parsed !== null);
    registryReadable = readable !== undefined;
    part = readable ? readable.p : parts.items[0];
    registry = readable?.parsed ?? emptyRegistry();
  }
  return {
    sheets: sheets.items.map((w) => ({ id: w.id, name: w.name })),
    tables: tables.items.map((t) => t.name),
    registry,
    part,
    registryReadable,
  };
}

/** A 2-D array of one value. */
function filled<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array<T>(cols).fill(value));
}

/** Spec cells as Excel formulas input: an empty cell is "" (null would leave the old content). */
function toFormulas(rows: readonly (readonly SpecCell[])[]): (string | number | boolean)[][] {
  return rows.map((r) => r.map((v) => (v === null ? "" : v)));
}

const POINTS_PER_CHARACTER = 6;
const TAB_COLOR = "#1F3864";

/** Writes one sheet spec; `skipFromRow` leaves rows from there down alone (an owned table being merged). */
function writeSpec(sheet: Excel.Worksheet, spec: SheetSpec, features: HostFeatures, skipFromRow?: number): void {
  const rows = skipFromRow ? spec.rows.slice(0, skipFromRow - 1) : spec.rows;
  const width = spec.rows[0]?.length ?? 1;
  for (const nf of spec.numberFormats) {
    const rect = parseRange(nf.range);
    if (!rect || (skipFromRow && rect.top >= skipFromRow)) continue;
    // Formats go first: a text format must be in place before an ISO date lands, or Excel makes it a date.
    sheet.getRange(nf.range).numberFormat = filled(rect.bottom - rect.top + 1, rect.right - rect.left + 1, nf.format);
  }
  if (rows.length > 0) sheet.getRange(rangeAddress(1, 1, rows.length, width)).formulas = toFormulas(rows);
  for (const e of spec.emphasis) {
    const rect = parseRange(e.range);
    if (!rect || (skipFromRow && rect.top >= skipFromRow)) continue;
    const format = sheet.getRange(e.range).format;
    switch (e.style) {
      case "title":
        format.font.bold = true;
        format.font.size = 14;
        break;
      case "subtitle":
        format.font.bold = true;
        break;
      case "header":
        format.font.bold = true;
        format.font.color = "#FFFFFF";
        format.fill.color = "#1F3864";
        format.wrapText = true;
        break;
      case "total":
        format.font.bold = true;
        format.borders.getItem("EdgeTop").style = "Continuous";
        break;
      case "input":
        format.fill.color = "#FFF2CC";
        break;
      case "note":
        format.font.italic = true;
        format.font.color = "#595959";
        break;
    }
  }
  if (features.columnWidths) {
    spec.columnWidths.forEach((chars, i) => {
      const col = rangeAddress(1, i + 1, 1, i + 1).replace(/\d+/g, "");
      sheet.getRange(`${col}:${col}`).format.columnWidth = chars * POINTS_PER_CHARACTER;
    });
  }
  if (features.freezePanes && spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
  // One tab colour for every AIFIN sheet (ExcelApi 1.7, the same set as frozen panes), so they read as a set.
  if (features.freezePanes) sheet.tabColor = TAB_COLOR;
  if (spec.table && !skipFromRow) {
    const table = sheet.tables.add(spec.table.range, true);
    table.name = spec.table.name;
    table.style = "TableStyleMedium2";
  }
  if (spec.chart && features.charts) {
    const chart = sheet.charts.add("BarClustered", sheet.getRange(spec.chart.source), "Columns");
    chart.name = spec.chart.name;
    chart.title.text = spec.chart.title;
    chart.legend.position = "Bottom";
    chart.setPosition(spec.chart.from, spec.chart.to);
    // Bar charts draw the first category at the bottom; reversing puts the largest exposure on top.
    if (features.freezePanes) chart.axes.categoryAxis.reversePlotOrder = true;
  }
}

/** Rewrites the body of an owned table with merged rows, growing or shrinking it first. */
function writeTableBody(table: Excel.Table, currentBodyRows: number, rows: readonly (readonly TableCell[])[], width: number): void {
  const body = rows.length > 0 ? rows : [Array<TableCell>(width).fill(null)];
  if (body.length > currentBodyRows) {
    table.rows.add(undefined, toFormulas(body.slice(currentBodyRows)));
  } else {
    // From the bottom, so the indexes of the rows still to delete do not move.
    for (let i = currentBodyRows - 1; i >= body.length; i--) table.rows.getItemAt(i).delete();
  }
  table.getDataBodyRange().formulas = toFormulas(body);
}

/** The refs a build's formulas use in Excel: structured references to its own tables. */
function excelRefs(plan: BuildPlan): TemplateRefs {
  const sheets = {} as Record<SheetRole, string>;
  for (const [role, target] of Object.entries(plan.sheets)) sheets[role as SheetRole] = target.name;
  return { sheets, factsRange: `${plan.tables.facts.name}[#All]`, entitiesRange: `${plan.tables.entities.name}[#All]` };
}

/** The Stress sheet's three inputs. */
export type StressInputs = TemplateSource["stressDefaults"];

/**
 * Reads the Stress inputs the analyst left on an earlier build (B2:B4), so an update keeps the scenario;
 * anything unusable falls back to the defaults.
 */
export function stressInputsFrom(values: readonly (readonly unknown[])[] | undefined, defaults: StressInputs): StressInputs {
  const [shocked, cut, multiple] = [values?.[0]?.[0], values?.[1]?.[0], values?.[2]?.[0]];
  return {
    shocked: typeof shocked === "string" && shocked.trim() !== "" ? shocked.trim() : defaults.shocked,
    cut: typeof cut === "number" && cut >= 0 && cut <= 1 ? cut : defaults.cut,
    multiple: typeof multiple === "number" && Number.isFinite(multiple) && multiple >= 0 ? multiple : multiple === "" || multiple === null ? null : defaults.multiple,
  };
}

/** All specs of a build. Table sheets get the bundled rows (replaced by merged rows when updating). */
export function buildSpecs(
  source: TemplateSource,
  refs: TemplateRefs,
  tableNames: Record<TableRole, string>,
  options: BuildOptions,
  stressInputs: StressInputs = source.stressDefaults,
): Record<SheetRole, SheetSpec> {
  const asOf = options.asOf ?? source.latestDate;
  const lines = source.entityLines(asOf, options.includeRumoured, options.entity);
  return {
    exposure: exposureSheetSpec(lines, { refs, asOf, includeRumoured: options.includeRumoured, datasetVersion: source.datasetVersion }),
    stress: stressSheetSpec(lines, { refs, ...stressInputs }),
    cycles: cyclesSheetSpec({ refs, entity: options.entity, maxLength: source.maxCycleLength }),
    facts: tableSheetSpec({
      role: "facts",
      name: refs.sheets.facts,
      tableName: tableNames.facts,
      title: `AIFIN facts: ${source.factRows.length} cited facts, dataset ${source.datasetVersion} (USD bn; fractions as %)`,
      note: "Edit amounts or add rows: every AIFIN formula in this workbook recalculates. Refresh data keeps the rows you edited or added.",
      columns: source.factColumns,
      rows: source.factRows,
    }),
    entities: tableSheetSpec({
      role: "entities",
      name: refs.sheets.entities,
      tableName: tableNames.entities,
      title: `AIFIN entities: ${source.entityRows.length} companies, labs, lenders and groups`,
      note: "Aliases (tickers, names, Chinese names) are what AIFIN functions accept; a group's facts are never summed with its members'.",
      columns: source.entityColumns,
      rows: source.entityRows,
    }),
    sources: sourcesSheetSpec(refs.sheets.sources, source.facts, source.datasetVersion),
  };
}

const TABLE_ROLES: readonly TableRole[] = ["facts", "entities"];

/** Splits a table read as header + body. */
function splitTable(formulas: unknown[][]): { header: unknown[]; rows: unknown[][] } {
  return { header: formulas[0] ?? [], rows: formulas.slice(1) };
}

/**
 * Creates the host over an Excel.run-like runner. createExcelHost() in index.ts passes the real Excel;
 * tests pass a stand-in.
 */
export function createExcelHostWith(deps: HostDeps): WorkbookHost {
  const features = (): HostFeatures => detectFeatures(deps.probe());

  /** Runs one operation; retries once, after a pause, when Excel was editing a cell and nothing was written. */
  async function operate<T>(action: string, body: (s: Session) => Promise<T>, onError: (message: string) => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let session: Session | null = null;
      try {
        return await deps.run(async (context) => {
          session = new Session(context);
          return body(session);
        });
      } catch (error) {
        if (error instanceof Stop) return onError(error.userMessage);
        const wrote = (session as Session | null)?.writing ?? false;
        if (attempt === 0 && !wrote && isRetryable(error)) {
          await deps.wait(1500);
          continue;
        }
        return onError(describeOfficeError(error, action));
      }
    }
  }

  function requireOwnership(f: HostFeatures): string | null {
    if (f.excelApi === null) return "Open AIFIN in Excel to build the workbook.";
    if (!f.tables || !f.ownership) return f.missing[0] ?? "This version of Excel cannot host the AIFIN workbook.";
    return null;
  }

  async function build(options: BuildOptions): Promise<BuildOutcome> {
    const f = features();
    const blocked = requireOwnership(f);
    if (blocked) return { kind: "error", message: blocked };
    if (options.asOf !== null && !isIsoDate(options.asOf)) {
      return { kind: "error", message: `The as-of date "${options.asOf}" is not a date like 2026-02-05: pick a date in the pane and build again.` };
    }
    return operate<BuildOutcome>(
      "build the workbook",
      async (s) => {
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
        let oldCharts: Excel.ChartCollection | null = null;
        if (plan.sheets.exposure.existingId) {
          oldCharts = wb.worksheets.getItem(plan.sheets.exposure.existingId).charts;
          oldCharts.load("items/name");
        }
        let oldStressInputs: Excel.Range | null = null;
        if (plan.sheets.stress.existingId) {
          oldStressInputs = wb.worksheets.getItem(plan.sheets.stress.existingId).getRange("B2:B4");
          oldStressInputs.load("values");
        }
        if (Object.keys(reads).length > 0 || oldCharts || oldStressInputs) await s.sync();

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
          if (!result.ok) throw new Stop(`${plan.tables[role].name}: ${result.message}`);
          merged[role] = { rows: result.rows, baseline: result.baseline, bodyRows: current.rows.length, width: current.header.length, counts: result.counts };
        }

        // Round trip 4: write everything.
        s.writing = true;
        const sheetsByRole = {} as Record<SheetRole, Excel.Worksheet>;
        const added: Array<{ role: SheetRole; sheet: Excel.Worksheet }> = [];
        for (const role of Object.keys(specs) as SheetRole[]) {
          const target = plan.sheets[role];
          const spec = specs[role];
          let sheet: Excel.Worksheet;
          const tableRole = role === "facts" || role === "entities" ? role : null;
          const merging = tableRole !== null && merged[tableRole] !== undefined;
          if (target.existingId) {
            sheet = wb.worksheets.getItem(target.existingId);
            if (merging) {
              // Only the title rows above the table are AIFIN's to rewrite; the table keeps the analyst's rows.
              sheet.getRange(rangeAddress(1, 1, TABLE_HEADER_ROW - 1, 1)).clear("Contents");
            } else {
              sheet.getRange().clear();
              // Only AIFIN's own chart goes; a chart the analyst added stays.
              if (role === "exposure" && oldCharts) for (const c of oldCharts.items) if (c.name === spec.chart?.name) c.delete();
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
        for (const role of Object.keys(plan.sheets) as SheetRole[]) {
          const id = plan.sheets[role].existingId;
          if (id) record.sheets[role] = id;
        }
        const writeRecord = (): void => {
          const others = plan.keptBuilds.filter((b) => b.key !== plan.key);
          const xml = registryToXml({ version: 1, builds: [...others, record].sort((a, b) => a.key - b.key) });
          if (snap.part && snap.registryReadable) snap.part.setXml(xml);
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
        return { kind: "built", sheets: (Object.keys(plan.sheets) as SheetRole[]).map((r) => plan.sheets[r].name), facts: factCount, syncs: s.syncs };
      },
      (message) => ({ kind: "error", message }),
    );
  }

  async function refresh(): Promise<RefreshOutcome> {
    const none = { added: 0, updated: 0, keptEdited: 0, keptAdded: 0 };
    const f = features();
    const blocked = requireOwnership(f);
    if (blocked) return { kind: "error", ...none, message: blocked.replace("build the workbook", "refresh the data") };
    return operate<RefreshOutcome>(
      "refresh the data",
      async (s) => {
        const snap = await readSnapshot(s);
        if (!snap.part) throw new Stop("There is no AIFIN workbook here yet: use Build workbook first.");
        if (!snap.registryReadable) throw new Stop("AIFIN's record of its sheets in this workbook cannot be read, so it will not change any table. Build a new workbook alongside instead.");
        const liveIds = new Set(snap.sheets.map((w) => w.id));
        const tableNames = new Set(snap.tables.map((t) => t.toLowerCase()));
        const builds = snap.registry.builds.filter(
          (b) => TABLE_ROLES.every((r) => b.sheets[r] && liveIds.has(b.sheets[r] as string) && tableNames.has(b.tables[r].toLowerCase())),
        );
        if (builds.length === 0) throw new Stop("The AIFIN Facts and Entities tables are gone (deleted or converted to ranges), so there is nothing to refresh. Use Build workbook to create them again.");
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
        const totals: Record<TableRole, MergeCounts> = {
          facts: { added: 0, updated: 0, unchanged: 0, keptEdited: 0, keptAdded: 0, removed: 0, keptDeleted: 0 },
          entities: { added: 0, updated: 0, unchanged: 0, keptEdited: 0, keptAdded: 0, removed: 0, keptDeleted: 0 },
        };
        const writes: Array<() => void> = [];
        builds.forEach((b, i) => {
          for (const role of TABLE_ROLES) {
            const { range, worksheet } = reads[i][role];
            // A table of AIFIN's name that now sits on a sheet AIFIN did not create is not AIFIN's table.
            if (worksheet.id !== b.sheets[role]) throw new Stop(`The table ${b.tables[role]} is no longer on the sheet AIFIN created, so AIFIN will not change it.`);
            const current = splitTable(range.formulas as unknown[][]);
            const result = mergeRows({ columns: columns[role], idColumn: source.idColumn, current, baseline: b.baseline.hashes[role] ?? {}, incoming: incoming[role] });
            if (!result.ok) throw new Stop(`${b.tables[role]}: ${result.message}`);
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
        (snap.part as Excel.CustomXmlPart).setXml(registryToXml(snap.registry));
        await s.sync();
        const t = totals.facts;
        const entityNote = totals.entities.added + totals.entities.updated > 0 ? ` Entities: ${describeMerge(totals.entities, "entities")}` : "";
        const newEntities = totals.entities.added > 0 ? " Use Build workbook > Update to give new entities their rows on the Exposure and Stress sheets." : "";
        return {
          kind: "refreshed",
          added: t.added,
          updated: t.updated,
          keptEdited: t.keptEdited,
          keptAdded: t.keptAdded,
          message: `Facts refreshed to dataset ${source.datasetVersion}: ${describeMerge(t, "facts")}${entityNote}${newEntities}`,
        };
      },
      (message) => ({ kind: "error", ...none, message }),
    );
  }

  async function freeze(): Promise<FreezeOutcome> {
    const f = features();
    const blocked = requireOwnership(f);
    if (blocked) return { kind: "error", message: blocked.replace("build the workbook", "freeze the workbook") };
    return operate<FreezeOutcome>(
      "freeze the workbook to values",
      async (s) => {
        const snap = await readSnapshot(s);
        const liveIds = new Set(snap.sheets.map((w) => w.id));
        const nameById = new Map(snap.sheets.map((w) => [w.id, w.name]));
        const build = [...snap.registry.builds].sort((a, b) => a.key - b.key).find((b) => (["exposure", "stress", "cycles"] as SheetRole[]).some((r) => b.sheets[r] && liveIds.has(b.sheets[r] as string)));
        if (!build) throw new Stop("There is no AIFIN workbook to freeze here yet: use Build workbook first.");
        const wb = s.context.workbook;
        const parts = (["exposure", "stress", "cycles"] as SheetRole[])
          .filter((r) => build.sheets[r] && liveIds.has(build.sheets[r] as string))
          .map((r) => {
            const id = build.sheets[r] as string;
            const used = wb.worksheets.getItem(id).getUsedRange();
            used.load("values,numberFormat,rowCount,columnCount");
            return { name: nameById.get(id) as string, used };
          });
        await s.sync();

        const taken = new Set(snap.sheets.map((w) => w.name.toLowerCase()));
        const base = `AIFIN Values ${deps.today()}`;
        let name = base;
        for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base} (${k})`;
        s.writing = true;
        const sheet = wb.worksheets.add(name);
        const width = Math.max(1, ...parts.map((p) => p.used.columnCount));
        sheet.getRange("A1").values = [[`AIFIN values frozen on ${deps.today()}: a static copy of ${parts.map((p) => p.name).join(", ")}. No formulas, no links: safe to send.`]];
        sheet.getRange("A1").format.font.bold = true;
        let row = 3;
        for (const p of parts) {
          sheet.getRange(rangeAddress(row, 1, row, 1)).values = [[p.name]];
          sheet.getRange(rangeAddress(row, 1, row, 1)).format.font.bold = true;
          row++;
          const target = sheet.getRange(rangeAddress(row, 1, row + p.used.rowCount - 1, p.used.columnCount));
          target.numberFormat = p.used.numberFormat;
          target.values = p.used.values;
          row += p.used.rowCount + 1;
        }
        if (f.columnWidths) {
          // Fixed widths: autofit would stretch column A to the long title lines.
          const widths = [14, 34, ...Array<number>(Math.max(0, width - 2)).fill(16)];
          widths.forEach((chars, i) => {
            const col = rangeAddress(1, i + 1, 1, i + 1).replace(/\d+/g, "");
            sheet.getRange(`${col}:${col}`).format.columnWidth = chars * POINTS_PER_CHARACTER;
          });
        }
        sheet.activate();
        await s.sync();
        return { kind: "frozen", sheet: name };
      },
      (message) => ({ kind: "error", message }),
    );
  }

  return {
    capabilities: (): Capabilities => toCapabilities(features()),
    build,
    refresh,
    freeze,
  };
}
