/**
 * The Excel writer: copies sheet specs and merged table rows into the workbook. Queues requests only;
 * the operations decide when to sync.
 *
 * Excel JavaScript API members the office layer uses (all documented, none preview), so any
 * implementation of this subset can run it:
 * - Workbook: worksheets, tables, customXmlParts (ExcelApi 1.5);
 * - WorksheetCollection: load(items/id,name), add(name), getItem(id);
 * - Worksheet: id, name, getRange(address?), getUsedRange(), tables, charts, names (1.4), freezePanes.freezeRows (1.7),
 *   tabColor (1.7), activate(), load;
 * - NamedItemCollection (worksheet scope): add(name, reference, comment) (1.4), load(items/name,comment);
 * - Range: formulas, values, numberFormat (a 2-D array, or one value for every cell), rowCount, columnCount, rowIndex,
 *   columnIndex, getOffsetRange(rows, cols), getResizedRange(rows, cols) (1.2), load, clear(applyTo), format.font.{bold,size,color,italic},
 *   format.fill.color, format.borders.getItem(edge).style, format.wrapText, format.columnWidth (1.2);
 * - TableCollection: load(items/name), getItem(name), add(address, hasHeaders);
 * - Table: name, style, worksheet, showTotals (1.3), getHeaderRowRange(), getDataBodyRange(), getRange(),
 *   rows.add(index, values), rows.getItemAt(i).delete();
 * - ChartCollection: add(type, source, seriesBy), load(items/name); Chart: name, title.text, legend.position,
 *   setPosition(from, to), setData(source, seriesBy), axes.categoryAxis.reversePlotOrder (1.7);
 * - CustomXmlPartCollection: getByNamespace(ns), add(xml); CustomXmlPart: getXml(), setXml(xml), load(items/id) (1.5);
 * - RequestContext.sync().
 *
 * Large writes are split (writeRows, writeTableChanges, restoreTableChanges): each batch the writer queues
 * stays under WRITE_BUDGET_BYTES of cell data, well below Excel on the web's request limit, syncing between
 * pieces through a WriteBatch (the operation's Session, or a restore's own batch). Pieces are cut to the room
 * the request being queued has left, so a split write fills every request but the last; a number format shared
 * by a whole rectangle goes as one value (writeFormat), not one per cell.
 */
import type { HostFeatures } from "./capabilities";
import { officeErrorCode } from "./hostErrors";
import { columnLetters, parseRange, rangeAddress } from "./a1";
import type { TableCell } from "./refreshMerge";
import type { SheetSpec, SpecCell } from "./templateSpec";

// ---- request size: Excel on the web refuses a request over 5 MB ---------------------------------

/**
 * Excel on the web refuses a request (everything queued before one `context.sync()`) or a response larger than
 * 5 MB, with RichApi.Error `RequestPayloadSizeLimitExceeded` or `ResponsePayloadSizeLimitExceeded` (Microsoft
 * Learn, "Error handling with the application-specific JavaScript APIs"); other Excel hosts have no such limit, so this one
 * sets the size. Source: Microsoft Learn, "Resource limits and performance optimization for Office Add-ins",
 * section "Excel add-ins" (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * and "Performance optimization using the Excel JavaScript API", "Payload size limit best practices"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices). 5 MB is
 * read as 5,000,000 bytes, the smaller of the two readings.
 */
export const EXCEL_REQUEST_LIMIT_BYTES = 5_000_000;

/**
 * What one batch may carry by the writer's estimate: 80 % of the limit. The estimate counts the values written
 * (payloadBytes) plus WRITE_OVERHEAD_BYTES per write for the call, object and address the request also carries
 * (the documentation counts all three); the remaining 20 % covers the small calls (formats, names) it does not count.
 */
export const WRITE_BUDGET_BYTES = EXCEL_REQUEST_LIMIT_BYTES * 0.8;

/** Our allowance per queued write for what the request carries beside the values (not a documented figure). */
export const WRITE_OVERHEAD_BYTES = 256;

/**
 * Where the writer queues large writes: `room(bytes)` sends what is queued first when adding `bytes` would pass
 * the budget; `free()` says how much the request being queued may still take, so a split write fills it before
 * starting the next one (pieces are cut to the room left, across sheets and row chunks, not to a whole budget).
 */
export interface WriteBatch {
  /** Cell data this batch may carry (WRITE_BUDGET_BYTES outside tests). */
  readonly budget: number;
  room(bytes: number): Promise<void>;
  /** Bytes the request being queued may still carry (the whole budget when nothing is queued). */
  free(): number;
  /** Sends what is queued (nothing when nothing is). */
  flush(): Promise<void>;
}

/** A WriteBatch over a bare request context (a restore runs in its own batch, outside the operation's Session). */
export function batchOver(context: Excel.RequestContext, budget: number = WRITE_BUDGET_BYTES): WriteBatch {
  let queued = 0;
  return {
    budget,
    async room(bytes: number): Promise<void> {
      if (queued > 0 && queued + bytes > budget) {
        await context.sync();
        queued = 0;
      }
      queued += bytes;
    },
    free: () => Math.max(0, budget - queued),
    async flush(): Promise<void> {
      if (queued === 0) return;
      await context.sync();
      queued = 0;
    },
  };
}

/** UTF-8 bytes of one value as JSON (an upper bound for the usual text: escapes counted as two). */
function valueBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "number") return String(v).length;
  if (typeof v === "boolean") return v ? 4 : 5;
  const s = String(v);
  let n = 2 + s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x800) n += 2;
    else if (c >= 0x80 || c === 34 || c === 92 || c < 32) n += 1;
  }
  return n;
}

/**
 * What a text argument weighs in the request: its UTF-8 bytes as a JSON string, escapes included (the record's
 * XML is full of quotes, each sent as two bytes: 912,690 characters were 1,034,796 bytes at 100× the facts).
 * One helper for every setXml/add of the record, in the operations and in their restores.
 */
export function textBytes(text: string): number {
  return valueBytes(text);
}

/** What the writer allows in a request for one call that carries no values (a row delete). */
export const CALL_BYTES = WRITE_OVERHEAD_BYTES;

/** The size of one row of cells as JSON, in UTF-8 bytes. */
export function rowBytes(row: readonly unknown[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (const v of row) n += valueBytes(v);
  return n;
}

/** The size of a 2-D array of cells as JSON, in UTF-8 bytes (what a formulas/values/numberFormat write sends). */
export function payloadBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2 + Math.max(0, rows.length - 1);
  for (const r of rows) n += rowBytes(r);
  return n;
}

/**
 * A split write smaller than this share of the budget is not started beside what is already queued: the queued
 * request is sent first (a sliver of rows would cost a range object and gain nothing).
 */
const SLIVER = 0.02;

/**
 * Queues `rows` in consecutive pieces of whole rows: each piece takes what the request being queued still has
 * room for (batch.free()), then the next request is started. `put(start, end)` queues rows [start, end). A single
 * row over the whole budget goes alone.
 */
async function inPieces(batch: WriteBatch, rows: readonly (readonly unknown[])[], put: (start: number, end: number) => void): Promise<void> {
  let start = 0;
  while (start < rows.length) {
    const free = batch.free();
    let end = start;
    let bytes = 2 + WRITE_OVERHEAD_BYTES;
    while (end < rows.length) {
      const b = rowBytes(rows[end]) + 1;
      if (bytes + b > free) break;
      bytes += b;
      end++;
    }
    const queued = free < batch.budget;
    if (queued && (end === start || (end < rows.length && bytes < batch.budget * SLIVER))) {
      // Nothing (or only a sliver) fits beside what is queued: send that first, then fill a fresh request.
      await batch.flush();
      continue;
    }
    if (end === start) {
      bytes += rowBytes(rows[start]) + 1;
      end = start + 1;
    }
    await batch.room(bytes);
    put(start, end);
    start = end;
  }
}

/**
 * Writes `rows` to the rectangle whose top-left cell is (top, left), as `formulas` or `numberFormat`, in
 * pieces of whole rows that fill each request up to the batch's budget.
 */
export async function writeRows(batch: WriteBatch, sheet: Excel.Worksheet, top: number, left: number, rows: readonly (readonly (string | number | boolean)[])[], what: "formulas" | "numberFormat"): Promise<void> {
  const width = rows[0]?.length ?? 0;
  if (width === 0) return;
  await inPieces(batch, rows, (start, end) => {
    const range = sheet.getRange(rangeAddress(top + start, left, top + end - 1, left + width - 1));
    const block = rows.slice(start, end) as (string | number | boolean)[][];
    if (what === "formulas") range.formulas = block;
    else range.numberFormat = block as string[][];
  });
}

/**
 * Gives every cell of `address` one number format, sent as a single value: Excel applies one value set on a
 * range to all of its cells (Microsoft Learn, "Excel JavaScript API advanced concepts" / "Work with ranges",
 * section "Update all cells in a range"), so a column of 30,000 rows costs a few bytes, not a 30,000-row array.
 */
export async function writeFormat(batch: WriteBatch, sheet: Excel.Worksheet, address: string, format: string): Promise<void> {
  await batch.room(valueBytes(format) + WRITE_OVERHEAD_BYTES);
  (sheet.getRange(address) as unknown as { numberFormat: string }).numberFormat = format;
}

/** Spec cells as Excel formulas input: an empty cell is "" (null would leave the old content). */
export function toFormulas(rows: readonly (readonly SpecCell[])[]): (string | number | boolean)[][] {
  return rows.map((r) => r.map((v) => (v === null ? "" : v)));
}

export const POINTS_PER_CHARACTER = 6;
export const TAB_COLOR = "#1F3864";

/** One run of adjacent cells with content in one row: what AIFIN owns of a title row. */
export interface CellRun {
  row: number;
  left: number;
  cells: (string | number | boolean)[];
}

/**
 * The cells with content in the spec's rows above `belowRow`, as runs per row: on an update of a table sheet,
 * these are the only title cells AIFIN writes (and puts back on failure). The padding cells of the spec's
 * rectangle ("" in toFormulas) are not AIFIN's: a note the analyst typed beside a title stays.
 */
export function contentRuns(spec: SheetSpec, belowRow: number): CellRun[] {
  const runs: CellRun[] = [];
  spec.rows.slice(0, belowRow - 1).forEach((row, i) => {
    let run: CellRun | null = null;
    row.forEach((v, j) => {
      if (v === null || v === "") {
        run = null;
        return;
      }
      if (!run) runs.push((run = { row: i + 1, left: j + 1, cells: [] }));
      run.cells.push(v);
    });
  });
  return runs;
}

/** The A1 address of a run. */
export const runAddress = (r: CellRun): string => rangeAddress(r.row, r.left, r.row, r.left + r.cells.length - 1);

/**
 * Writes one sheet spec from A1. `skipFromRow` leaves rows from there down alone (an owned table being
 * merged) and writes only the cells with content above it (contentRuns); `chart` is AIFIN's existing chart,
 * re-pointed instead of added again.
 */
export async function writeSpec(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  spec: SheetSpec,
  features: HostFeatures,
  opts: { skipFromRow?: number; chart?: Excel.Chart | null; deferTable?: boolean } = {},
): Promise<void> {
  const skipFromRow = opts.skipFromRow;
  const rows = skipFromRow ? spec.rows.slice(0, skipFromRow - 1) : spec.rows;
  for (const nf of spec.numberFormats) {
    const rect = parseRange(nf.range);
    if (!rect || (skipFromRow && rect.top >= skipFromRow)) continue;
    // Formats go first: a text format must be in place before an ISO date lands, or Excel makes it a date.
    await writeFormat(batch, sheet, nf.range, nf.format);
  }
  if (skipFromRow) {
    for (const run of contentRuns(spec, skipFromRow)) {
      const cells = [run.cells];
      await batch.room(payloadBytes(cells) + WRITE_OVERHEAD_BYTES);
      sheet.getRange(runAddress(run)).formulas = cells;
    }
  } else if (rows.length > 0) await writeRows(batch, sheet, 1, 1, toFormulas(rows), "formulas");
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
      const col = columnLetters(i + 1);
      sheet.getRange(`${col}:${col}`).format.columnWidth = chars * POINTS_PER_CHARACTER;
    });
  }
  if (features.freezePanes && spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
  // One tab colour for every AIFIN sheet (ExcelApi 1.7, the same set as frozen panes), so they read as a set.
  if (features.freezePanes) sheet.tabColor = TAB_COLOR;
  if (!skipFromRow && !opts.deferTable) addSpecTable(sheet, spec);
  if (spec.chart && features.charts && opts.chart) {
    opts.chart.setData(sheet.getRange(spec.chart.source), "Columns");
    opts.chart.setPosition(spec.chart.from, spec.chart.to);
  } else if (spec.chart && features.charts) {
    const line = spec.chart.kind === "line";
    // A line chart's first column holds dates (formatted as dates above): Excel takes it as the category axis.
    const chart = sheet.charts.add(line ? "Line" : "BarClustered", sheet.getRange(spec.chart.source), "Columns");
    chart.name = spec.chart.name;
    chart.title.text = spec.chart.title;
    chart.legend.position = "Bottom";
    chart.setPosition(spec.chart.from, spec.chart.to);
    // Bar charts draw the first category at the bottom; reversing puts the largest exposure on top.
    if (!line && features.freezePanes) chart.axes.categoryAxis.reversePlotOrder = true;
  }
}

/**
 * Makes the spec's table over the rows writeSpec wrote (`deferTable` leaves this to the caller: a build adds
 * its new tables after the record that vouches for their rows, so a table never exists without its hashes).
 */
export function addSpecTable(sheet: Excel.Worksheet, spec: SheetSpec): void {
  if (!spec.table) return;
  const table = sheet.tables.add(spec.table.range, true);
  table.name = spec.table.name;
  table.style = "TableStyleMedium2";
}

// ---- cells that round-trip exactly -------------------------------------------------------------

/** Text Excel would parse (as a formula, a number or a sign) when written: written with a leading apostrophe instead. */
const PARSED_AS_INPUT = /^[=+\-@]/;

/** A value for `formulas`/`values` that Excel stores exactly as given: text that looks like input gets an apostrophe. */
export function writable(cell: TableCell | undefined): string | number | boolean {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string" && PARSED_AS_INPUT.test(cell)) return `'${cell}`;
  return cell;
}

/**
 * What to write to reproduce a cell read through both `formulas` and `values`. `formulas` drops the
 * apostrophe of text (office-js #6687), so a text cell reading "=AVERAGE(…)" there reads the same text in
 * `values`; a real formula reads as its result in `values`.
 */
export function reproduce(formula: unknown, value: unknown): string | number | boolean {
  if (typeof formula === "string" && formula.startsWith("=") && !(typeof value === "string" && value === formula)) return formula;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return writable(value);
  return "";
}

/** The logical content of a read cell (a formula's text, else its value): what the merge compares. */
export function logical(formula: unknown, value: unknown): TableCell {
  if (typeof formula === "string" && formula.startsWith("=") && !(typeof value === "string" && value === formula)) return formula;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value === "" ? null : value;
  return null;
}

// ---- tables: rows written in place, appended, deleted as rows ---------------------------------

/**
 * Reading back is capped too: Excel on the web refuses a response over 5 MB (same sources as
 * EXCEL_REQUEST_LIMIT_BYTES). A table is read in blocks of rows sized by estimate to this share of the limit
 * (the other 20 % is the margin for the response's own framing and for rows longer than estimated); a block
 * Excel still refuses is read again in halves (a read changes nothing, so it can simply be repeated).
 */
export const READ_BUDGET_BYTES = EXCEL_REQUEST_LIMIT_BYTES * 0.8;

/** Where table reads sync: the operation's Session. */
export interface ReadBatch {
  /** Cell data one response may carry by estimate (READ_BUDGET_BYTES outside tests). */
  readonly readBudget: number;
  sync(): Promise<void>;
}

/**
 * One table to read, with the estimated size of each body row read back (formulas and values), in order: the
 * rows AIFIN writes (readSizes), which is what the table holds unless the analyst changed it.
 */
export interface TableToRead {
  table: Excel.Table;
  sizes: readonly number[];
}

/** The estimated size of each row read through both `formulas` and `values`, from the rows AIFIN writes. */
export function readSizes(rows: readonly (readonly TableCell[])[]): number[] {
  return rows.map((r) => 2 * (rowBytes(r.map(writable)) + 1));
}

/** A table as read: logical cells to merge, writable cells to restore, and where its body starts (1-based). */
export interface TableRead {
  header: unknown[];
  rows: TableCell[][];
  writable: (string | number | boolean)[][];
  top: number;
  left: number;
  worksheetId: string;
}

/**
 * A round trip Excel on the web refused as too large: ResponsePayloadSizeLimitExceeded for an answer over the
 * limit, RequestPayloadSizeLimitExceeded for a request (Microsoft Learn, "Error handling with the
 * application-specific JavaScript APIs", error codes: both "only occur in Excel on the web").
 */
const isPayloadLimit = (error: unknown): boolean => {
  const code = officeErrorCode(error);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
};

/** Row i's estimated size: the i-th row AIFIN writes (rows past those: their average), times `scale`. */
function estimator(sizes: readonly number[]): (i: number, scale: number) => number {
  const mean = sizes.length > 0 ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 2 * WRITE_OVERHEAD_BYTES;
  return (i, scale) => (sizes[i] ?? mean) * scale;
}

/** How many rows from `from` fit in `budget` (at least `least`, at most `most`). */
function rowsFitting(size: (i: number) => number, from: number, budget: number, least: number, most: number): number {
  let n = 0;
  let used = 0;
  while (n < most && (n < least || used + size(from + n) <= budget)) used += size(from + n++);
  return n;
}

/**
 * Reads whole tables in blocks of rows, each response under the batch's read budget by estimate. The first
 * round trip carries the requests `alongside` queues (the operation's other reads), every table's header,
 * shape and sheet, and a first block of rows from the top of each body (rows estimated one by one from the
 * rows AIFIN writes, never more than the table is expected to have plus a few: rows read past the body's end
 * are dropped); the rest of each body follows in further round trips through `formulas` alone (the values of
 * the few rows with a formula follow in the next), several tables' blocks sharing one, the estimate scaled by
 * what the rows read so far really weighed. A round trip Excel refuses as too large is repeated with blocks
 * half the size.
 */
export async function readTables<T>(batch: ReadBatch, tables: readonly TableToRead[], alongside: () => T, reserve = 0): Promise<{ reads: TableRead[]; alongside: T }> {
  const size = tables.map((t) => estimator(t.sizes));
  // The first blocks share what the budget leaves beside `reserve`: the smallest table first, each the rest's fair share.
  let firsts = tables.map(() => 1);
  let room = Math.max(0, batch.readBudget - reserve);
  const order = tables.map((t, i) => ({ i, need: t.sizes.reduce((a, b) => a + b, 0) })).sort((a, b) => a.need - b.need);
  for (const [k, { i }] of order.entries()) {
    const share = room / (order.length - k);
    firsts[i] = rowsFitting((r) => size[i](r, 1), 0, share, 1, tables[i].sizes.length + 16);
    for (let r = 0; r < firsts[i]; r++) room -= size[i](r, 1);
  }
  type First = { header: Excel.Range; body: Excel.Range; block: Excel.Range; worksheet: Excel.Worksheet };
  let queued: { firsts: First[]; alongside: T };
  for (;;) {
    const other = alongside();
    const requested = tables.map((t, i): First => {
      const header = t.table.getHeaderRowRange().load("values");
      const body = t.table.getDataBodyRange().load("rowIndex,columnIndex,rowCount");
      const block = t.table.getHeaderRowRange().getOffsetRange(1, 0).getResizedRange(firsts[i] - 1, 0).load("formulas,values");
      const worksheet = t.table.worksheet.load("id");
      return { header, body, block, worksheet };
    });
    try {
      await batch.sync();
      queued = { firsts: requested, alongside: other };
      break;
    } catch (error) {
      if (!isPayloadLimit(error) || firsts.every((n) => n <= 1)) throw error;
      firsts = firsts.map((n) => Math.max(1, Math.floor(n / 2)));
    }
  }

  // What each table holds so far, and what is left to read.
  const parts = queued.firsts.map((q, i) => {
    const count = q.body.rowCount;
    const formulas = (q.block.formulas as unknown[][]).slice(0, count);
    const values = (q.block.values as unknown[][]).slice(0, count);
    return { i, q, count, formulas, values, top: q.body.rowIndex + 1, left: q.body.columnIndex + 1, width: (q.header.values as unknown[][])[0]?.length ?? 0 };
  });
  /** What the rows read so far weighed against their estimate (never below 1): their formulas, twice over. */
  const scaleOf = (part: (typeof parts)[number]): number => {
    let estimated = 0;
    for (let r = 0; r < part.formulas.length; r++) estimated += size[part.i](r, 1);
    return part.formulas.length > 0 && estimated > 0 ? Math.max(1, (2 * payloadBytes(part.formulas)) / estimated) : 1;
  };
  // After the first block, rows are read through `formulas` alone: a cell without a formula reads its value there
  // ("If a cell has no formula, its value is returned instead": Range.formulas). Only rows with a cell reading
  // "=…" (a formula, or text typed as '=… whose apostrophe `formulas` drops) need `values` too: read in the next
  // round trip, beside the next blocks.
  const needsValues = (row: readonly unknown[]): boolean => row.some((v) => typeof v === "string" && v.startsWith("="));
  const pending: Array<{ part: (typeof parts)[number]; from: number; to: number }> = [];
  let budget = batch.readBudget;
  for (;;) {
    // One round trip: the values still owed, then blocks of formulas from each table in turn until the budget is used.
    const owed: Array<{ run: (typeof pending)[number]; range: Excel.Range }> = [];
    const round: Array<{ part: (typeof parts)[number]; range: Excel.Range; rows: number }> = [];
    let left = budget;
    for (const run of pending) {
      const bytes = payloadBytes(run.part.formulas.slice(run.from, run.to));
      if (owed.length > 0 && bytes > left) continue;
      const top = run.part.top + run.from;
      owed.push({ run, range: run.part.q.worksheet.getRange(rangeAddress(top, run.part.left, top + run.to - run.from - 1, run.part.left + run.part.width - 1)).load("values") });
      left -= bytes;
    }
    for (const part of parts) {
      const from = part.formulas.length;
      const remaining = part.count - from;
      if (remaining <= 0 || part.width === 0) continue;
      const scale = scaleOf(part) / 2;
      const est = (r: number): number => size[part.i](r, scale);
      const rows = rowsFitting(est, from, left, round.length === 0 && owed.length === 0 ? 1 : 0, remaining);
      if (rows === 0) break;
      const top = part.top + from;
      const range = part.q.worksheet.getRange(rangeAddress(top, part.left, top + rows - 1, part.left + part.width - 1)).load("formulas");
      round.push({ part, range, rows });
      for (let r = from; r < from + rows; r++) left -= est(r);
    }
    if (round.length === 0 && owed.length === 0) break;
    try {
      await batch.sync();
    } catch (error) {
      if (!isPayloadLimit(error) || (round.every((r) => r.rows <= 1) && owed.every((o) => o.run.to - o.run.from <= 1))) throw error;
      budget = Math.max(1, Math.floor(budget / 2));
      // Values owed for many rows go in halves too.
      for (const { run } of owed) {
        const mid = run.from + Math.max(1, Math.floor((run.to - run.from) / 2));
        pending.splice(pending.indexOf(run), 1, { ...run, to: mid }, ...(mid < run.to ? [{ ...run, from: mid }] : []));
      }
      continue;
    }
    for (const { run, range } of owed) {
      pending.splice(pending.indexOf(run), 1);
      (range.values as unknown[][]).forEach((row, k) => (run.part.values[run.from + k] = row));
    }
    for (const r of round) {
      const from = r.part.formulas.length;
      (r.range.formulas as unknown[][]).forEach((row, k) => {
        r.part.formulas.push(row);
        r.part.values.push(row);
        if (!needsValues(row)) return;
        const last = pending[pending.length - 1];
        if (last && last.part === r.part && last.to === from + k && !owed.some((o) => o.run === last)) last.to++;
        else pending.push({ part: r.part, from: from + k, to: from + k + 1 });
      });
    }
  }

  const reads = parts.map((p): TableRead => ({
    header: (p.q.header.values as unknown[][])[0] ?? [],
    rows: p.formulas.map((row, i) => row.map((f, j) => logical(f, p.values[i]?.[j]))),
    writable: p.formulas.map((row, i) => row.map((f, j) => reproduce(f, p.values[i]?.[j]))),
    top: p.top,
    left: p.left,
    worksheetId: p.q.worksheet.id,
  }));
  return { reads, alongside: queued.alongside };
}

/** Runs of columns where `next` differs from what the row holds: [first, last] (0-based, inclusive). */
function changedRuns(current: readonly (string | number | boolean)[], next: readonly (string | number | boolean)[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let c = 0; c < next.length; c++) {
    if (next[c] === current[c]) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/**
 * Queues the first half of a table merge: bundled cells of untouched rows rewritten in place (only the
 * cells that change), new rows appended. Nothing is deleted or moved here.
 */
export async function writeTableChanges(
  batch: WriteBatch,
  table: Excel.Table,
  sheet: Excel.Worksheet,
  read: TableRead,
  updates: ReadonlyArray<{ index: number; row: readonly TableCell[] }>,
  appends: readonly (readonly TableCell[])[],
): Promise<void> {
  for (const u of updates) {
    const next = u.row.map(writable);
    for (const [a, b] of changedRuns(read.writable[u.index] ?? [], next)) {
      const row = read.top + u.index;
      const cells = [next.slice(a, b + 1)];
      await batch.room(payloadBytes(cells) + WRITE_OVERHEAD_BYTES);
      sheet.getRange(rangeAddress(row, read.left + a, row, read.left + b)).formulas = cells;
    }
  }
  // Appended in pieces that fill each request, each at the end of the table (rows keep their order).
  const rows = appends.map((r) => r.map(writable));
  await inPieces(batch, rows, (start, end) => table.rows.add(undefined, rows.slice(start, end)));
}

/**
 * Queues the second half: the rows that left the data, deleted as rows from the bottom up. Each delete is a
 * call of its own in the request (getItemAt(i).delete()): each is counted against the batch's budget, so
 * thousands of deletes go over several requests instead of one over Excel on the web's limit.
 */
export async function deleteTableRows(batch: WriteBatch, table: Excel.Table, deletes: readonly number[]): Promise<void> {
  for (const i of [...deletes].sort((a, b) => b - a)) {
    await batch.room(CALL_BYTES);
    table.rows.getItemAt(i).delete();
  }
}

/** Puts back what writeTableChanges queued (run in a new batch after a failed write): needs the body's row count read first. */
export async function restoreTableChanges(
  batch: WriteBatch,
  table: Excel.Table,
  sheet: Excel.Worksheet,
  read: TableRead,
  updates: ReadonlyArray<{ index: number; row: readonly TableCell[] }>,
  bodyRowsNow: number,
): Promise<void> {
  // The appended rows, bottom up, each delete counted against the budget (deleteTableRows).
  const appended: number[] = [];
  for (let i = read.rows.length; i < bodyRowsNow; i++) appended.push(i);
  await deleteTableRows(batch, table, appended);
  for (const u of updates) {
    const before = [read.writable[u.index]];
    const row = read.top + u.index;
    await batch.room(payloadBytes(before) + WRITE_OVERHEAD_BYTES);
    sheet.getRange(rangeAddress(row, read.left, row, read.left + before[0].length - 1)).formulas = before;
  }
}
