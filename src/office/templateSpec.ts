/**
 * The template workbook as data: every generated sheet is a pure spec (rows of values and formula text,
 * number formats, widths, frozen rows, the table and chart it carries). The Excel writer (excelHost.ts)
 * only copies a spec into the workbook, and tests evaluate the very same formula text in the HyperFormula
 * harness. Structured references such as `AIFIN_Facts[#All]` exist only in Excel, so every spec takes the
 * facts/entities range references as parameters (`TemplateRefs`): the writer passes table references,
 * the harness passes plain A1 ranges.
 */
import { CYCLE_LENGTH, type EntityMetrics } from "../engine";
import { ASSUMPTIONS, CLAIM_FIGURES, isWebUrl, PROVENANCES, type EntityId, type Fact, type Role } from "../model";
import { cellAddress, columnLetters, rangeAddress, sheetRef } from "./a1";
import { isAssumptionsHeader, sheetLabels, type SheetLabels } from "./sheetLabels";

/** A cell of a spec: a constant, or formula text starting with "=". null leaves the cell empty. */
export type SpecCell = string | number | boolean | null;

// Sheet roles are declared once in sheetRoles.ts; re-exported here for the specs' callers.
import type { SheetRole } from "./sheetRoles";
export { BASE_SHEET_NAMES, BASE_TABLE_NAMES, SHEET_ROLES, type SheetRole, type TableRole } from "./sheetRoles";

/** Number formats: USD bn amounts and fractions shown as percentages. */
export const USD_FORMAT = "#,##0.0";
export const PCT_FORMAT = "0.0%";
export const TEXT_FORMAT = "@";
export const RATIO_FORMAT = '0.00"x"';

/** The article's S14 figure: the hyperscalers' market value lost if OpenAI cuts its committed spend (declared with the claims). */
export const S14_CLAIM_USD_BN = CLAIM_FIGURES.S14.usdBn;

/** How the specs of one build refer to each other and to the data tables. */
export interface TemplateRefs {
  /** Sheet name per role for this build. */
  sheets: Readonly<Record<SheetRole, string>>;
  /** Reference to the whole facts table, header row included (`AIFIN_Facts[#All]` in Excel). */
  factsRange: string;
  /** Reference to the whole entities table, header row included. */
  entitiesRange: string;
  /** The words the sheets show (sheetLabels.ts), in the build's language; English when left out. */
  labels?: SheetLabels;
}

/** Formatting role of a block of cells (the writer maps these to fonts and fills). */
export type Emphasis = "title" | "subtitle" | "header" | "total" | "input" | "note";

/** A chart the writer adds to the sheet. */
export interface ChartSpec {
  name: string;
  title: string;
  /** "bar" (default): clustered bars, largest on top; "line": lines over a date column (the History sheet). */
  kind?: "bar" | "line";
  /** Source range on the same sheet: first column = categories, first row = series names. */
  source: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

/** One generated sheet. */
export interface SheetSpec {
  role: SheetRole;
  name: string;
  /** Cells from A1, rectangular (every row has the same length). */
  rows: SpecCell[][];
  numberFormats: Array<{ range: string; format: string }>;
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Rows kept visible while scrolling (0: none). */
  freezeRows: number;
  emphasis: Array<{ range: string; style: Emphasis }>;
  /** An Excel table over header + body (facts and entities sheets). */
  table?: { name: string; range: string };
  /** Input cells the analyst may change (A1): an update keeps a formula the analyst put there. */
  inputs?: string[];
  chart?: ChartSpec;
}

/** A data row of the exposure and stress sheets. */
export interface EntityLine {
  id: EntityId;
  name: string;
  /** The entity's roles (the Stress sheet sets the hyperscalers' rows against S14). */
  roles?: readonly Role[];
}

/** Fixed cells of the Exposure sheet that other sheets reference. */
/** "B2" → "$B$2": formulas copied down a column keep pointing at the sheet's input cells. */
function absolute(a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  return m ? `$${m[1]}$${m[2]}` : a1;
}

/** Appends one row per entity (id, name, then its formulas) from `firstRow` on and says where each entity landed. */
function pushEntityRows(
  rows: SpecCell[][],
  entities: readonly EntityLine[],
  firstRow: number,
  formulas: (row: number) => SpecCell[],
): EntityRows {
  const entityRows: EntityRows = {};
  entities.forEach((e, i) => {
    const row = firstRow + i;
    entityRows[e.id] = row;
    rows.push([e.id, e.name, ...formulas(row)]);
  });
  return entityRows;
}

export const EXPOSURE_CELLS = {
  asOf: "B2",
  includeRumoured: "D2",
  model: "F2",
  headerRow: 4,
  firstEntityRow: 5,
} as const;

/**
 * What a ratio cell shows when the measure has no figure for the entity (a share with no contracts in, a
 * capex ratio with no capex recorded): a label, not an error value, so a built workbook shows no errors.
 * A ratio falls back to the label only when its row's first amount computed, so #NAME? (add-in not loaded)
 * or a handle that is not in memory still shows as the error it is.
 */
export const NO_FIGURE = "n/a";

/** Column of the Exposure sheet's first measure (after the id and the name). */
const FIRST_MEASURE_COLUMN = "C";

/**
 * The live measures of the Exposure sheet; `key` names the matching EntityMetrics field of the engine,
 * `money` the money basis when it is not the default (the formula then passes it as its last argument and
 * the engine's figure is `byBasis[money][key]`), `header` its label in sheetLabels. `ratio` measures are
 * undefined where their denominator is empty and show {@link NO_FIGURE} there. The last column sets the
 * committed (headline) self-funded figure beside the firm one (issue 9: both where they differ).
 */
export const EXPOSURE_MEASURES = [
  { key: "selfFunded", header: "selfFunded", money: null, fn: "CIRCULAR_EXPOSURE", arg: "self_funded", format: USD_FORMAT, total: true, ratio: false },
  { key: "fundedBacklog", header: "fundedBacklog", money: null, fn: "CIRCULAR_EXPOSURE", arg: "funded_backlog", format: USD_FORMAT, total: true, ratio: false },
  { key: "share", header: "share", money: null, fn: "CIRCULAR_EXPOSURE", arg: "share", format: PCT_FORMAT, total: false, ratio: true },
  { key: "capexOffset", header: "capexOffset", money: null, fn: "CAPEX_OFFSET", arg: "amount", format: USD_FORMAT, total: true, ratio: false },
  { key: "capexOffsetRatio", header: "capexOffsetRatio", money: null, fn: "CAPEX_OFFSET", arg: "ratio", format: PCT_FORMAT, total: false, ratio: true },
  { key: "selfFunded", header: "selfFundedCommitted", money: "committed", fn: "CIRCULAR_EXPOSURE", arg: "self_funded", format: USD_FORMAT, total: true, ratio: false },
] as const;

/** The engine's figure an Exposure sheet column shows for an entity (the pane's card value, on the column's money basis). */
export function exposureFigure(metrics: EntityMetrics, measure: (typeof EXPOSURE_MEASURES)[number]): number | null {
  return measure.money === null ? metrics[measure.key] : metrics.byBasis[measure.money][measure.key];
}

/** Options of the Exposure sheet. */
export interface ExposureSheetOptions {
  refs: TemplateRefs;
  /** ISO date written in the as-of cell. */
  asOf: string;
  includeRumoured: boolean;
  datasetVersion: string;
}

/** Where each entity landed on the Exposure (or Stress) sheet: 1-based row per id. */
export type EntityRows = Record<EntityId, number>;

/** Quotes a text for a formula: doubles inner quotes. */
function q(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Pads every row to the same width with nulls. */
function rectangular(rows: SpecCell[][]): SpecCell[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<SpecCell>(width - r.length).fill(null)]);
}

/**
 * Builds the Exposure sheet: one row per entity with live AIFIN formulas reading the MODEL handle built
 * from the facts and entities ranges, a total row and a bar chart of the largest exposures.
 *
 * @example exposureSheetSpec([{ id: "MSFT", name: "Microsoft" }], opts).rows[4][2]
 * // '=AIFIN.CIRCULAR_EXPOSURE($A5,"self_funded",$B$2,$F$2)'
 */
export function exposureSheetSpec(entities: readonly EntityLine[], opts: ExposureSheetOptions): SheetSpec & { entityRows: EntityRows } {
  const { asOf, includeRumoured, model, headerRow, firstEntityRow } = EXPOSURE_CELLS;
  const asOfAbs = absolute(asOf);
  const basisAbs = absolute(includeRumoured);
  const modelAbs = absolute(model);
  const L = opts.refs.labels ?? sheetLabels();
  const rows: SpecCell[][] = [
    [`=${q(L.exposureTitleStart)}&${asOf}&IF(${includeRumoured},${q(L.exposureTitleRumoured)},${q(L.exposureTitleConfirmed)})`],
    [L.asOf, opts.asOf, L.includeRumoured, opts.includeRumoured, L.model, `=AIFIN.MODEL(${opts.refs.factsRange},${opts.refs.entitiesRange},${basisAbs})`],
    [L.exposureNote(NO_FIGURE, opts.refs.sheets.facts, opts.refs.sheets.entities, opts.datasetVersion)],
    [L.id, L.entity, ...EXPOSURE_MEASURES.map((m) => L.exposureHeader[m.header])],
  ];
  const entityRows = pushEntityRows(rows, entities, firstEntityRow, (row) =>
    EXPOSURE_MEASURES.map((m) => {
      const call = `AIFIN.${m.fn}($A${row},${q(m.arg)},${asOfAbs},${modelAbs}${m.money === null ? "" : `,${q(m.money)}`})`;
      // Only when the row's first amount computed (add-in loaded, model handle valid) is a ratio's error
      // read as "no figure"; otherwise the error itself shows, so nothing real is hidden.
      return m.ratio ? `=IF(ISNUMBER($${FIRST_MEASURE_COLUMN}${row}),IFERROR(${call},${q(NO_FIGURE)}),${call})` : `=${call}`;
    }),
  );
  const last = firstEntityRow + entities.length - 1;
  const totalRow = last + 1;
  rows.push([
    L.total,
    L.exposureTotalNote,
    ...EXPOSURE_MEASURES.map((m, k) => {
      const col = columnLetters(3 + k);
      return m.total && entities.length > 0 ? `=SUM(${col}${firstEntityRow}:${col}${last})` : null;
    }),
  ]);
  const width = 2 + EXPOSURE_MEASURES.length;
  const chartRows = Math.min(entities.length, 15);
  return {
    role: "exposure",
    name: opts.refs.sheets.exposure,
    rows: rectangular(rows),
    numberFormats: [
      { range: asOf, format: TEXT_FORMAT },
      ...EXPOSURE_MEASURES.map((m, k) => ({ range: rangeAddress(firstEntityRow, 3 + k, totalRow, 3 + k), format: m.format })),
    ],
    columnWidths: [10, 30, 16, 16, 12, 16, 12, 16],
    freezeRows: headerRow,
    emphasis: [
      { range: "A1", style: "title" },
      { range: "A2:F2", style: "input" },
      { range: "A3", style: "note" },
      { range: rangeAddress(headerRow, 1, headerRow, width), style: "header" },
      { range: rangeAddress(totalRow, 1, totalRow, width), style: "total" },
    ],
    entityRows,
    inputs: [asOf, includeRumoured],
    chart:
      chartRows > 0
        ? {
            name: "AIFIN exposure chart",
            title: L.exposureChartTitle,
            // Name, self-funded and funded backlog are adjacent columns: one contiguous source range.
            source: rangeAddress(headerRow, 2, headerRow + chartRows, 4),
            from: cellAddress(headerRow, width + 2),
            to: cellAddress(headerRow + 22, width + 10),
          }
        : undefined,
  };
}

/** Fixed cells of the Stress sheet. */
export const STRESS_CELLS = {
  shocked: "B2",
  cut: "B3",
  multiple: "B4",
  headerRow: 6,
  firstEntityRow: 7,
} as const;

/**
 * The STRESS measures, in column order; `key` names the matching StressLine field of the engine. `mayBeUnmeasured`:
 * STRESS answers #N/A for an entity whose figure the model cannot measure (no value fact, or contracts without
 * dollars, docs/methodology.md §7.2): the sheet shows the label `notMeasured` there so that its totals still add up.
 */
export const STRESS_MEASURES = [
  { key: "revenueLost", arg: "revenue", mayBeUnmeasured: true },
  { key: "lenderLoss", arg: "lender_loss", mayBeUnmeasured: false },
  { key: "marketValueAtRisk", arg: "market_value", mayBeUnmeasured: true },
  { key: "investorLoss", arg: "investor_loss", mayBeUnmeasured: false },
  { key: "totalLoss", arg: "total", mayBeUnmeasured: true },
] as const;

/** A measure STRESS always measures: its #N/A can only mean a MODEL or SCENARIO cell to recalculate. */
const ALWAYS_MEASURED = STRESS_MEASURES.find((m) => !m.mayBeUnmeasured)!.arg;


/** A value of the Stress sheet's assumptions block as the analyst left it (a figure, a word, TRUE/FALSE or a formula). */
export type AssumptionCell = number | string | boolean;

/** Column A text of the assumptions block's header row (English build): an update finds the block by its header in any language. */
export const STRESS_ASSUMPTIONS_HEADER = sheetLabels("en").assumptionsHeader;

/** Options of the Stress sheet. */
export interface StressSheetOptions {
  refs: TemplateRefs;
  shocked: EntityId;
  /** Fraction 0..1 of the shocked entity's commitments that is cut. */
  cut: number;
  /** EV/revenue multiple for market value at risk; null passes the empty cell (the engine's default). */
  multiple: number | null;
  /** The analyst's values in the assumptions block by name (kept by an update); others show the sourced default. */
  assumptions?: Readonly<Record<string, AssumptionCell>>;
}

/**
 * Reads the assumptions block of a Stress sheet as written before: finds its header row in column A and
 * returns name → value of the rows below it (column A name, column B value) up to the first blank name.
 * Only names of the sourced defaults are kept (an update writes exactly those rows).
 */
export function stressAssumptionsFrom(cells: readonly (readonly unknown[])[]): Record<string, AssumptionCell> {
  const out: Record<string, AssumptionCell> = {};
  // The block may have been written by a pane in another language: its header is found in any of them.
  const start = cells.findIndex((r) => isAssumptionsHeader(r[0]));
  if (start < 0) return out;
  const known = new Set(ASSUMPTIONS.map((a) => a.key));
  for (let i = start + 1; i < cells.length; i++) {
    const [name, value] = [cells[i][0], cells[i][1]];
    if (typeof name !== "string" || name.trim() === "") break;
    if (!known.has(name) || value === null || value === undefined || value === "") continue;
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") out[name] = value;
  }
  return out;
}

/**
 * Builds the Stress sheet: input cells (shocked entity, cut, multiple), one row of STRESS formulas per
 * entity, totals, and the total market value at risk set against the article's S14 claim (USD 1 trillion).
 */
export function stressSheetSpec(
  entities: readonly EntityLine[],
  opts: StressSheetOptions,
): SheetSpec & {
  entityRows: EntityRows;
  totalRow: number;
  claimRows: { claim: number; model: number; ratio: number };
  assumptionRows: { header: number; first: number; last: number; scenario: number };
} {
  const { headerRow, firstEntityRow } = STRESS_CELLS;
  const exposure = opts.refs.sheets.exposure;
  const asOfRef = sheetRef(exposure, absolute(EXPOSURE_CELLS.asOf));
  const modelRef = sheetRef(exposure, absolute(EXPOSURE_CELLS.model));
  const [shockedAbs, cutAbs, multipleAbs] = [STRESS_CELLS.shocked, STRESS_CELLS.cut, STRESS_CELLS.multiple].map(absolute);
  const L = opts.refs.labels ?? sheetLabels();
  const rows: SpecCell[][] = [
    [`=${q(L.stressTitleStart)}&${STRESS_CELLS.shocked}&${q(L.stressTitleCuts)}&ROUND(${STRESS_CELLS.cut}*100,0)&${q(L.stressTitleEnd)}`],
    [L.shockedEntity, opts.shocked, L.aliasNote],
    [L.cutLabel, opts.cut, L.cutNote],
    [L.multipleLabel, opts.multiple, L.multipleNote],
    [L.stressAsOfNote(exposure, EXPOSURE_CELLS.asOf, EXPOSURE_CELLS.model)],
    [L.id, L.entity, ...STRESS_MEASURES.map((m) => L.stressHeader[m.key])],
  ];
  // The assumptions block sits below the S14 rows: its position follows from the entity count.
  const blockHeader = firstEntityRow + entities.length + 6;
  const firstAssumption = blockHeader + 1;
  const lastAssumption = blockHeader + ASSUMPTIONS.length;
  const scenarioRow = lastAssumption + 1;
  const scenarioAbs = absolute(`B${scenarioRow}`);
  const entityRows = pushEntityRows(rows, entities, firstEntityRow, (row) =>
    STRESS_MEASURES.map((m) => {
      const stressCall = (measure: string) => `AIFIN.STRESS($A${row},${shockedAbs},${cutAbs},${q(measure)},${multipleAbs},${asOfRef},${modelRef},${scenarioAbs})`;
      const call = stressCall(m.arg);
      // #N/A also means "recalculate the MODEL or SCENARIO cell" (not in memory after a restart): the label
      // stands only where the same row's lender loss, which is always measured, is a number; otherwise the
      // cell keeps the error and its message.
      return m.mayBeUnmeasured ? `=IFNA(${call},IF(ISNUMBER(${stressCall(ALWAYS_MEASURED)}),${q(L.notMeasured)},${call}))` : `=${call}`;
    }),
  );
  const last = firstEntityRow + entities.length - 1;
  const totalRow = last + 1;
  rows.push([
    L.total,
    L.stressTotalNote,
    ...STRESS_MEASURES.map((_, k) => {
      const col = columnLetters(3 + k);
      return entities.length > 0 ? `=SUM(${col}${firstEntityRow}:${col}${last})` : 0;
    }),
  ]);
  rows.push([]);
  const claim = totalRow + 2;
  // S14 is about OpenAI cutting and the hyperscalers losing market value (operating + investor channels):
  // the comparison holds only for that scenario and only those rows; any other shocked entity shows why not.
  const s14 = CLAIM_FIGURES.S14;
  const colOf = (key: (typeof STRESS_MEASURES)[number]["key"]) => columnLetters(3 + STRESS_MEASURES.findIndex((m) => m.key === key));
  const [mvCol, invCol] = [colOf("marketValueAtRisk"), colOf("investorLoss")];
  const s14Rows = entities.filter((e) => e.roles?.includes(s14.role)).map((e) => entityRows[e.id]).filter((r): r is number => r !== undefined);
  const s14Sum = s14Rows.length > 0 ? s14Rows.map((r) => `${mvCol}${r}+${invCol}${r}`).join("+") : "0";
  rows.push(["S14", L.s14ClaimLabel, s14.usdBn]);
  rows.push([L.model, L.s14ModelLabel, `=IF(UPPER(TRIM(${STRESS_CELLS.shocked}))="${s14.shocked}",${s14Sum},${q(L.s14OnlyWhen)})`]);
  rows.push([L.ratio, L.modelOverClaim, `=IF(ISNUMBER(C${claim + 1}),C${claim + 1}/C${claim},"")`]);
  rows.push([]);
  // Editable assumptions (docs/methodology.md §7): name, value (the analyst's, kept by an update), source.
  if (rows.length + 1 !== blockHeader) throw new Error(`Stress sheet: assumptions block at row ${rows.length + 1}, formulas expect ${blockHeader}`);
  rows.push([L.assumptionsHeader, L.value, L.sourceAndDefault]);
  for (const a of ASSUMPTIONS) {
    const mine = opts.assumptions?.[a.key];
    const sources = a.sources.length > 0 ? a.sources.join(", ") : L.modelingChoice;
    rows.push([a.key, mine ?? a.value, L.assumptionNote(L.assumptionSubject(a.appliesTo), String(a.value), sources)]);
  }
  rows.push([L.scenario, `=AIFIN.SCENARIO(A${firstAssumption}:B${lastAssumption})`, L.scenarioNote]);
  const width = 2 + STRESS_MEASURES.length;
  return {
    role: "stress",
    name: opts.refs.sheets.stress,
    rows: rectangular(rows),
    numberFormats: [
      { range: STRESS_CELLS.cut, format: PCT_FORMAT },
      { range: STRESS_CELLS.multiple, format: "0.0" },
      { range: rangeAddress(firstEntityRow, 3, totalRow, width), format: USD_FORMAT },
      { range: rangeAddress(claim, 3, claim + 1, 3), format: USD_FORMAT },
      { range: cellAddress(claim + 2, 3), format: RATIO_FORMAT },
    ],
    columnWidths: [14, 34, 18, 18, 22, 18, 18],
    freezeRows: headerRow,
    emphasis: [
      { range: "A1", style: "title" },
      { range: "B2:B4", style: "input" },
      { range: "C2:C4", style: "note" },
      { range: "A5", style: "note" },
      { range: rangeAddress(headerRow, 1, headerRow, width), style: "header" },
      { range: rangeAddress(totalRow, 1, totalRow, width), style: "total" },
      { range: rangeAddress(claim, 1, claim + 2, 3), style: "subtitle" },
      { range: rangeAddress(blockHeader, 1, blockHeader, 3), style: "header" },
      { range: rangeAddress(firstAssumption, 2, lastAssumption, 2), style: "input" },
      { range: rangeAddress(firstAssumption, 3, scenarioRow, 3), style: "note" },
    ],
    entityRows,
    inputs: [STRESS_CELLS.shocked, STRESS_CELLS.cut, STRESS_CELLS.multiple],
    totalRow,
    claimRows: { claim, model: claim + 1, ratio: claim + 2 },
    assumptionRows: { header: blockHeader, first: firstAssumption, last: lastAssumption, scenario: scenarioRow },
  };
}

/** Fixed cells of the Cycles sheet. */
export const CYCLES_CELLS = { entity: "B2", maxLength: "B3", spill: "A5" } as const;

/** Options of the Cycles sheet. */
export interface CyclesSheetOptions {
  refs: TemplateRefs;
  entity: EntityId;
  maxLength: number;
  /** Rows formatted below the spill anchor for the bottleneck column. */
  formatRows?: number;
}

/** Builds the Cycles sheet: the chosen entity and a CYCLES spill (header row included by the function). */
export function cyclesSheetSpec(opts: CyclesSheetOptions): SheetSpec {
  const exposure = opts.refs.sheets.exposure;
  const formatRows = opts.formatRows ?? 200;
  const L = opts.refs.labels ?? sheetLabels();
  const rows: SpecCell[][] = [
    [`=${q(L.cyclesTitleStart)}&${CYCLES_CELLS.entity}`],
    [L.entity, opts.entity, L.cyclesEntityNote],
    [L.maxCycleLength, opts.maxLength, L.cycleLengthNote(CYCLE_LENGTH.min, CYCLE_LENGTH.max)],
    [L.cyclesNote(exposure)],
    [`=AIFIN.CYCLES(${CYCLES_CELLS.entity},${CYCLES_CELLS.maxLength},${sheetRef(exposure, "$B$2")},${sheetRef(exposure, "$F$2")})`],
  ];
  return {
    role: "cycles",
    name: opts.refs.sheets.cycles,
    rows: rectangular(rows),
    numberFormats: [{ range: rangeAddress(6, 3, 5 + formatRows, 3), format: USD_FORMAT }],
    columnWidths: [60, 10, 14],
    freezeRows: 5,
    emphasis: [
      { range: "A1", style: "title" },
      { range: "B2:B3", style: "input" },
      { range: "C2:C4", style: "note" },
      { range: "A4", style: "note" },
      { range: "A5:C5", style: "header" },
    ],
    inputs: [CYCLES_CELLS.entity, CYCLES_CELLS.maxLength],
  };
}

/** Options of a table sheet (Facts, Entities). */
export interface TableSheetOptions {
  role: "facts" | "entities";
  name: string;
  tableName: string;
  title: string;
  note: string;
  columns: readonly string[];
  rows: readonly (readonly SpecCell[])[];
}

/** Row of the table header on the Facts and Entities sheets. */
export const TABLE_HEADER_ROW = 4;

/**
 * Picks a number format per table column from its name and contents: amounts in USD bn, fractions as
 * percentages, text columns as text so Excel does not turn ISO dates or ids like "1E5" into numbers.
 */
export function columnFormat(column: string, values: readonly SpecCell[]): string | null {
  const name = column.toLowerCase();
  const nonEmpty = values.filter((v) => v !== null && v !== "");
  const allText = nonEmpty.length > 0 && nonEmpty.every((v) => typeof v === "string");
  if (allText) return TEXT_FORMAT;
  if (nonEmpty.some((v) => typeof v === "boolean")) return null;
  if (/pct|percent|share/.test(name)) return PCT_FORMAT;
  if (/amount|usd/.test(name)) return USD_FORMAT;
  if (nonEmpty.length === 0 && /date|id|name|source|url|title|description|unit|status|kind|from|to|note|alias|role|claim|supersede/.test(name)) {
    return TEXT_FORMAT;
  }
  return null;
}

/** Width in characters from a column's header and values, kept between 8 and 48. */
function widthOf(column: string, values: readonly SpecCell[]): number {
  const longest = Math.max(column.length, ...values.slice(0, 500).map((v) => (v === null ? 0 : String(v).length)));
  return Math.max(8, Math.min(48, longest + 2));
}

/**
 * Builds a table sheet: title, note, then an Excel table (header row 4) holding `rows` in `columns` order.
 * An empty body gets one empty row, since an Excel table always has at least one.
 */
export function tableSheetSpec(opts: TableSheetOptions): SheetSpec {
  const width = opts.columns.length;
  const body: SpecCell[][] = opts.rows.length > 0 ? opts.rows.map((r) => [...r]) : [Array<SpecCell>(width).fill(null)];
  const top = TABLE_HEADER_ROW;
  const bottom = top + body.length;
  const rows: SpecCell[][] = [[opts.title], [opts.note], [], [...opts.columns], ...body];
  const numberFormats: SheetSpec["numberFormats"] = [];
  const columnWidths: number[] = [];
  opts.columns.forEach((column, k) => {
    const values = body.map((r) => r[k] ?? null);
    const format = columnFormat(column, values);
    if (format) numberFormats.push({ range: rangeAddress(top + 1, k + 1, bottom, k + 1), format });
    columnWidths.push(widthOf(column, values));
  });
  return {
    role: opts.role,
    name: opts.name,
    rows: rectangular(rows),
    numberFormats,
    columnWidths,
    freezeRows: top,
    emphasis: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
    ],
    table: { name: opts.tableName, range: rangeAddress(top, 1, bottom, width) },
  };
}

/**
 * Builds the Sources sheet: one row per distinct source (title + link), with the facts and article
 * claims that cite it, newest first.
 */
export function sourcesSheetSpec(name: string, facts: readonly Fact[], datasetVersion: string, labels: SheetLabels = sheetLabels()): SheetSpec {
  const L = labels;
  interface Group { title: string; publisher: string; date: string; url: string | null; ids: string[]; claims: Set<string>; verified: boolean; provenances: Set<Fact["provenance"]> }
  const groups = new Map<string, Group>();
  for (const f of facts) {
    const key = `${f.source.title}\u0000${f.source.url ?? ""}`;
    let g = groups.get(key);
    if (!g) {
      g = { title: f.source.title, publisher: f.source.publisher, date: f.source.date, url: f.source.url, ids: [], claims: new Set(), verified: true, provenances: new Set() };
      groups.set(key, g);
    }
    g.ids.push(f.id);
    f.claims.forEach((c) => g.claims.add(c));
    g.verified = g.verified && f.verified;
    g.provenances.add(f.provenance);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.date === b.date ? a.title.localeCompare(b.title) : a.date < b.date ? 1 : -1));
  const header = [L.source, L.publisher, L.date, L.link, L.facts, L.articleClaims, L.verified, L.provenance];
  const rows: SpecCell[][] = [
    [L.sourcesTitle(sorted.length, facts.length, datasetVersion)],
    [L.sourcesNote],
    [],
    header,
    ...sorted.map((g) => [
      g.title,
      g.publisher,
      g.date,
      // Formula length is capped at 8,192 characters in Excel; source URLs are far shorter.
      // Links only for http(s); any other scheme is left out rather than made clickable.
      isWebUrl(g.url) ? `=HYPERLINK(${q(g.url)})` : "",
      g.ids.join(", "),
      [...g.claims].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).join(", "),
      g.verified ? L.yes : L.no,
      // A source behind facts of several provenances (an estimate citing the report it rests on) lists each.
      PROVENANCES.filter((p) => g.provenances.has(p)).join(", "),
    ]),
  ];
  const bottom = TABLE_HEADER_ROW + Math.max(1, sorted.length);
  return {
    role: "sources",
    name,
    rows: rectangular(rows),
    numberFormats: [{ range: rangeAddress(TABLE_HEADER_ROW + 1, 3, bottom, 3), format: TEXT_FORMAT }],
    columnWidths: [48, 22, 12, 40, 24, 14, 9, 16],
    freezeRows: TABLE_HEADER_ROW,
    emphasis: [
      { range: "A1", style: "title" },
      { range: "A2", style: "note" },
      { range: rangeAddress(TABLE_HEADER_ROW, 1, TABLE_HEADER_ROW, header.length), style: "header" },
    ],
  };
}
