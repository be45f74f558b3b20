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
 * - Range: formulas, values, numberFormat, rowCount, columnCount, load, clear(applyTo), format.font.{bold,size,color,italic},
 *   format.fill.color, format.borders.getItem(edge).style, format.wrapText, format.columnWidth (1.2);
 * - TableCollection: load(items/name), getItem(name), add(address, hasHeaders);
 * - Table: name, style, worksheet, showTotals (1.3), getHeaderRowRange(), getDataBodyRange(), getRange(),
 *   rows.add(index, values), rows.getItemAt(i).delete();
 * - ChartCollection: add(type, source, seriesBy), load(items/name); Chart: name, title.text, legend.position,
 *   setPosition(from, to), setData(source, seriesBy), axes.categoryAxis.reversePlotOrder (1.7);
 * - CustomXmlPartCollection: getByNamespace(ns), add(xml); CustomXmlPart: getXml(), setXml(xml), load(items/id) (1.5);
 * - RequestContext.sync().
 */
import type { HostFeatures } from "./capabilities";
import { parseRange, rangeAddress } from "./a1";
import type { TableCell } from "./refreshMerge";
import type { SheetSpec, SpecCell } from "./templateSpec";

/** A 2-D array of one value. */
export function filled<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array<T>(cols).fill(value));
}

/** Spec cells as Excel formulas input: an empty cell is "" (null would leave the old content). */
export function toFormulas(rows: readonly (readonly SpecCell[])[]): (string | number | boolean)[][] {
  return rows.map((r) => r.map((v) => (v === null ? "" : v)));
}

export const POINTS_PER_CHARACTER = 6;
export const TAB_COLOR = "#1F3864";

/** Column letters of 1-based column `n` ("A", "AB"). */
export function columnOf(n: number): string {
  return rangeAddress(1, n, 1, n).replace(/\d+/g, "");
}

/** Writes one sheet spec; `skipFromRow` leaves rows from there down alone (an owned table being merged). */
export function writeSpec(sheet: Excel.Worksheet, spec: SheetSpec, features: HostFeatures, skipFromRow?: number): void {
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
      const col = columnOf(i + 1);
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

/** Rewrites the body of an owned table with merged rows, growing or shrinking it first. */
export function writeTableBody(table: Excel.Table, currentBodyRows: number, rows: readonly (readonly TableCell[])[], width: number): void {
  const body = rows.length > 0 ? rows : [Array<TableCell>(width).fill(null)];
  if (body.length > currentBodyRows) {
    table.rows.add(undefined, toFormulas(body.slice(currentBodyRows)));
  } else {
    // From the bottom, so the indexes of the rows still to delete do not move.
    for (let i = currentBodyRows - 1; i >= body.length; i--) table.rows.getItemAt(i).delete();
  }
  table.getDataBodyRange().formulas = toFormulas(body);
}
