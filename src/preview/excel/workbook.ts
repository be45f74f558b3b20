/**
 * The preview's workbook: a HyperFormula engine (GPL-3.0, licence key "gpl-v3"; development preview and tests
 * only, never the add-in bundle) plus what Excel keeps beside the cells and HyperFormula does not: sheet ids,
 * tab colours and frozen rows, cell formats, tables, charts, custom XML parts and workbook names.
 *
 * Excel's structured references (`AIFIN_Facts[#All]`) do not exist in HyperFormula. A formula that uses one is
 * kept as written (what `range.formulas` reads back, as in Excel) and entered into the engine with the
 * table's current A1 range; whenever a table grows or shrinks, every such formula is entered again, so it
 * follows the table as it does in Excel.
 *
 * Spills: HyperFormula fixes a spill's size when the formula is entered. After each change the workbook
 * re-enters the table formulas whose result outgrew their size (see functionsPlugin.ts), which is what
 * Excel's own re-spill does.
 *
 * Rows and columns here are 0-based (HyperFormula's); A1 text is converted at the edges.
 */
import { HyperFormula, DetailedCellError, type CellValue, type RawCellContent } from "hyperformula";
import { columnLetters, parseRange, rangeAddress, sheetRef } from "../../office";
import { SPILL_GREW, SPILL_SIZES, TABLE_FUNCTION_IDS, spillKey } from "./functionsPlugin";

/** An Office-style failure: `code` is what Excel's OfficeExtension.Error carries. */
export class PreviewOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "OfficeExtension.Error";
  }
}

/** A 0-based inclusive rectangle. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The formats the preview keeps per cell (what the Excel host sets and the grid draws). */
export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  wrap?: boolean;
  borderTop?: boolean;
}

export interface SheetMeta {
  readonly id: string;
  name: string;
  tabColor: string | null;
  frozenRows: number;
  /** Column widths in points, by column index. */
  columnWidths: Map<number, number>;
  /** Cell formats by "row,col". */
  formats: Map<string, CellFormat>;
}

export interface TableMeta {
  id: string;
  name: string;
  sheetId: string;
  /** Header row at `box.top`; the body is the rows below it (at least one). */
  box: Box;
  style: string;
}

export interface ChartMeta {
  id: string;
  name: string;
  sheetId: string;
  type: string;
  /** Source range on the chart's sheet, A1. */
  source: string;
  seriesBy: string;
  title: string;
  legendPosition: string;
  reversePlotOrder: boolean;
  from: string | null;
  to: string | null;
}

export interface XmlPartMeta {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface NameMeta {
  name: string;
  /** "=Sheet!$A$1" or a constant formula. */
  formula: string;
  comment: string;
  visible: boolean;
  /** Id of the sheet a worksheet-scoped name belongs to (Worksheet.names); absent for workbook scope. */
  sheetId?: string;
}

/** What a cell holds, as Excel's range properties read it. */
export type ExcelValue = string | number | boolean;

const key = (row: number, col: number): string => `${row},${col}`;
const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;
const NAME_RULE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

/** A 0-based box from A1 text ("A1:C5"); a whole column "B:B" spans the used rows. */
export function boxOf(address: string, usedRows = 1): Box {
  const col = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address.trim());
  if (col) {
    const r = parseRange(`${col[1]}1:${col[2]}1`);
    if (r) return { top: 0, left: r.left - 1, bottom: Math.max(0, usedRows - 1), right: r.right - 1 };
  }
  const r = parseRange(address);
  if (!r) throw new PreviewOfficeError("InvalidArgument", `"${address}" is not a range address the preview understands.`);
  return { top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 };
}

/** A1 text of a 0-based box. */
export function addressOf(box: Box, absolute = false): string {
  return rangeAddress(box.top + 1, box.left + 1, box.bottom + 1, box.right + 1, absolute);
}

/** Listener of workbook changes (the grid redraws). */
export type ChangeListener = () => void;

let idCounter = 0;
const newId = (prefix: string): string => `{${prefix}-${(++idCounter).toString(16).padStart(4, "0")}-${Math.random().toString(16).slice(2, 10)}}`;

/** The workbook: cells in HyperFormula, the rest in plain maps. */
export class PreviewWorkbook {
  readonly hf: HyperFormula;
  readonly sheets: SheetMeta[] = [];
  readonly tables: TableMeta[] = [];
  readonly charts: ChartMeta[] = [];
  readonly xmlParts: XmlPartMeta[] = [];
  readonly names: NameMeta[] = [];
  activeSheetId: string | null = null;
  /** Formulas as the analyst or AIFIN wrote them, for cells whose engine text differs (structured refs). */
  private readonly written = new Map<string, string>(); // "sheetId|row,col" → formula
  /** Cells holding an AIFIN table formula (may need re-entering when the spill grows). */
  private readonly spillFormulas = new Set<string>();
  private readonly listeners = new Set<ChangeListener>();
  private depth = 0;
  private dirty = false;

  constructor() {
    this.hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true }, [
      { name: "TRUE", expression: "=TRUE()" },
      { name: "FALSE", expression: "=FALSE()" },
    ]);
  }

  // ── change notification and batching ──────────────────────────────────────────────────────────────────

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs changes with the engine's evaluation suspended; recalculates and notifies once at the end. */
  change<T>(body: () => T): T {
    if (this.depth === 0) this.hf.suspendEvaluation();
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
      this.dirty = true;
      if (this.depth === 0) {
        this.hf.resumeEvaluation();
        this.respill();
        this.dirty = false;
        for (const l of [...this.listeners]) l();
      }
    }
  }

  /** Evaluation must be running to read values: resumes it inside a batch (Excel reads in order too). */
  private read<T>(body: () => T): T {
    if (!this.hf.isEvaluationSuspended()) return body();
    this.hf.resumeEvaluation();
    if (this.spillFormulas.size > 0) this.respill();
    try {
      return body();
    } finally {
      this.hf.suspendEvaluation();
    }
  }

  /** Re-enters table formulas whose spill outgrew the size fixed at entry. */
  private respill(): void {
    for (let pass = 0; pass < 3; pass++) {
      let again = false;
      for (const cell of this.spillFormulas) {
        const [sheetId, rc] = cell.split("|");
        const sheet = this.sheetById(sheetId);
        if (!sheet) continue;
        const [row, col] = rc.split(",").map(Number);
        const address = { sheet: this.hfSheet(sheet), row, col };
        const value = this.hf.getCellValue(address);
        const size = SPILL_SIZES.get(spillKey(address));
        // A block larger than its result (a fallback reservation, or a result that shrank) is entered again to fit.
        const oversized = size !== undefined && size.actual >= 0 && size.reserved > Math.max(1, size.actual);
        if (oversized || (value instanceof DetailedCellError && value.message.includes(SPILL_GREW))) {
          const formula = this.hf.getCellFormula(address);
          if (formula) {
            this.hf.setCellContents(address, [[formula]]);
            again = true;
          }
        }
      }
      if (!again) return;
    }
  }

  // ── sheets ────────────────────────────────────────────────────────────────────────────────────────────

  sheetById(id: string): SheetMeta | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetMeta | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** A sheet by id or name (Excel's worksheets.getItem accepts either). */
  sheet(key: string): SheetMeta {
    const s = this.sheetById(key) ?? this.sheetByName(key);
    if (!s) throw new PreviewOfficeError("ItemNotFound", `The requested resource doesn't exist: no sheet "${key}".`);
    return s;
  }

  hfSheet(sheet: SheetMeta): number {
    const id = this.hf.getSheetId(sheet.name);
    if (id === undefined) throw new PreviewOfficeError("ItemNotFound", `Sheet "${sheet.name}" is gone.`);
    return id;
  }

  addSheet(name?: string): SheetMeta {
    let n = name;
    if (n === undefined) {
      let k = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${k}`)) k++;
      n = `Sheet${k}`;
    }
    if (n.trim() === "" || n.length > 31 || INVALID_SHEET_CHARS.test(n) || n.startsWith("'") || n.endsWith("'")) {
      throw new PreviewOfficeError("InvalidArgument", `"${n}" is not a valid sheet name.`);
    }
    if (this.sheetByName(n)) throw new PreviewOfficeError("ItemAlreadyExists", `A sheet named "${n}" already exists.`);
    return this.change(() => {
      this.hf.addSheet(n);
      const sheet: SheetMeta = { id: newId("sheet"), name: n as string, tabColor: null, frozenRows: 0, columnWidths: new Map(), formats: new Map() };
      this.sheets.push(sheet);
      if (!this.activeSheetId) this.activeSheetId = sheet.id;
      // Formulas that named this sheet before it existed (#REF!) can now resolve.
      const quoted = n.toLowerCase();
      this.reenterWritten((f) => f.toLowerCase().includes(quoted));
      return sheet;
    });
  }

  renameSheet(sheet: SheetMeta, name: string): void {
    if (name === sheet.name) return;
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw new PreviewOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    if (name.trim() === "" || name.length > 31 || INVALID_SHEET_CHARS.test(name)) throw new PreviewOfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
    this.change(() => {
      this.hf.renameSheet(this.hfSheet(sheet), name);
      sheet.name = name;
    });
  }

  deleteSheet(sheet: SheetMeta): void {
    this.change(() => {
      this.hf.removeSheet(this.hfSheet(sheet));
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
      for (let i = this.charts.length - 1; i >= 0; i--) if (this.charts[i].sheetId === sheet.id) this.charts.splice(i, 1);
      for (const k of [...this.written.keys()]) if (k.startsWith(`${sheet.id}|`)) this.written.delete(k);
      for (const k of [...this.spillFormulas]) if (k.startsWith(`${sheet.id}|`)) this.spillFormulas.delete(k);
      if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? null;
    });
  }

  /** The rectangle holding content (null when the sheet is empty). */
  usedBox(sheet: SheetMeta): Box | null {
    // Reading dimensions needs no evaluation, so a batch stays suspended. The used range starts at A1.
    const { width, height } = this.hf.getSheetDimensions(this.hfSheet(sheet));
    return width > 0 && height > 0 ? { top: 0, left: 0, bottom: height - 1, right: width - 1 } : null;
  }

  // ── cells ─────────────────────────────────────────────────────────────────────────────────────────────

  /** Writes Excel-style input (constants, or formulas starting with "=") into a block. */
  write(sheet: SheetMeta, box: Box, rows: readonly (readonly unknown[])[], kind: "formulas" | "values"): void {
    const height = box.bottom - box.top + 1;
    const width = box.right - box.left + 1;
    if (rows.length !== height || rows.some((r) => r.length !== width)) {
      throw new PreviewOfficeError("InvalidArgument", `The data does not match the size of ${addressOf(box)} (${height}×${width}).`);
    }
    this.change(() => {
      const hfId = this.hfSheet(sheet);
      // Array.from, not map: rows may come from the pane's frame, and HyperFormula checks `instanceof Array` of this realm.
      const contents: RawCellContent[][] = Array.from(rows, (r, i) => Array.from(r, (v, j) => this.toEngine(sheet, box.top + i, box.left + j, v, kind)));
      this.hf.setCellContents({ sheet: hfId, row: box.top, col: box.left }, contents);
    });
  }

  /** One cell's input → engine content; remembers structured-reference formulas. */
  private toEngine(sheet: SheetMeta, row: number, col: number, value: unknown, kind: "formulas" | "values"): RawCellContent {
    const cellKey = `${sheet.id}|${key(row, col)}`;
    this.written.delete(cellKey);
    this.spillFormulas.delete(cellKey);
    if (value === null || value === undefined || value === "") return null;
    if (typeof value === "number" || typeof value === "boolean") return value;
    if (value instanceof Date) return value.toISOString();
    const text = String(value);
    if (kind === "formulas" && text.startsWith("=")) {
      if (spillsIn(text)) this.spillFormulas.add(cellKey);
      this.written.set(cellKey, text);
      return this.translate(text);
    }
    if (kind === "values" && text.startsWith("=")) return `'${text}`;
    // A text-formatted cell keeps what was typed ("2026-02-05" stays text), as in Excel.
    if (sheet.formats.get(key(row, col))?.numberFormat === "@") return text.startsWith("'") ? text : `'${text}`;
    return text;
  }

  /** Replaces structured references to known tables by their current A1 ranges. */
  translate(formula: string): string {
    if (!formula.includes("[")) return formula;
    return formula.replace(/([A-Za-z_\\][A-Za-z0-9_.\\]*)\[(\[?[^\]]*\]?)\]/g, (whole, tableName: string, spec: string) => {
      const table = this.tableByName(tableName);
      if (!table) return whole;
      const sheet = this.sheetById(table.sheetId);
      if (!sheet) return "#REF!";
      const b = table.box;
      const s = spec.replace(/^\[|\]$/g, "").trim();
      let box: Box;
      if (s === "#All") box = b;
      else if (s === "#Headers") box = { ...b, bottom: b.top };
      else if (s === "#Data" || s === "") box = { ...b, top: b.top + 1 };
      else {
        const header = this.readValues(sheet, { ...b, bottom: b.top })[0];
        const c = header.findIndex((h) => String(h).toLowerCase() === s.toLowerCase());
        if (c < 0) return "#REF!";
        box = { top: b.top + 1, bottom: b.bottom, left: b.left + c, right: b.left + c };
      }
      return sheetRef(sheet.name, addressOf(box, true));
    });
  }

  /** Enters again every remembered formula that matches (a table moved, a sheet appeared). */
  private reenterWritten(match: (formula: string) => boolean): void {
    for (const [cellKey, formula] of this.written) {
      if (!match(formula)) continue;
      const [sheetId, rc] = cellKey.split("|");
      const sheet = this.sheetById(sheetId);
      if (!sheet) continue;
      const [row, col] = rc.split(",").map(Number);
      this.hf.setCellContents({ sheet: this.hfSheet(sheet), row, col }, [[this.translate(formula)]]);
    }
  }

  /** Values as Excel's `range.values` reads them: numbers, text, booleans, "" for empty, "#N/A" for errors. */
  readValues(sheet: SheetMeta, box: Box): ExcelValue[][] {
    return this.read(() => {
    const hfId = this.hfSheet(sheet);
    const out: ExcelValue[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: ExcelValue[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(excelValue(this.hf.getCellValue({ sheet: hfId, row: r, col: c })));
      out.push(row);
    }
    return out;
    });
  }

  /** Formulas as Excel's `range.formulas` reads them: the formula text, else the value ("" for empty). */
  readFormulas(sheet: SheetMeta, box: Box): ExcelValue[][] {
    return this.read(() => {
    const hfId = this.hfSheet(sheet);
    const out: ExcelValue[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: ExcelValue[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(this.formulaAt(sheet, hfId, r, c));
      out.push(row);
    }
    return out;
    });
  }

  private formulaAt(sheet: SheetMeta, hfId: number, row: number, col: number): ExcelValue {
    const written = this.written.get(`${sheet.id}|${key(row, col)}`);
    // Structured references exist only in the text as written; otherwise the engine's text follows moves.
    if (written !== undefined && written.includes("[")) return written;
    const address = { sheet: hfId, row, col };
    const formula = this.hf.getCellFormula(address);
    if (formula !== undefined) return formula;
    // Spilled cells read as values, as in Excel; constants as themselves.
    return excelValue(this.hf.getCellValue(address));
  }

  /** The formula of one cell for the formula bar: the text typed, a spill's anchor note, or the constant. */
  formulaBar(sheet: SheetMeta, row: number, col: number): { text: string; spillFrom: string | null } {
    return this.read(() => {
    const hfId = this.hfSheet(sheet);
    const address = { sheet: hfId, row, col };
    const own = this.formulaAt(sheet, hfId, row, col);
    if (this.hf.getCellFormula(address) === undefined && this.hf.isCellPartOfArray(address)) {
      const anchor = this.spillAnchor(sheet, row, col);
      return { text: anchor ? String(this.formulaAt(sheet, hfId, anchor.row, anchor.col)) : String(own), spillFrom: anchor ? addressOf({ top: anchor.row, left: anchor.col, bottom: anchor.row, right: anchor.col }) : null };
    }
    return { text: typeof own === "string" && this.hf.getCellType(address) !== "FORMULA" && this.isText(address) ? own : String(own), spillFrom: null };
    });
  }

  private isText(address: { sheet: number; row: number; col: number }): boolean {
    return typeof this.hf.getCellValue(address) === "string";
  }

  /** The formula cell a spilled cell belongs to: the nearest array formula above or to the left. */
  spillAnchor(sheet: SheetMeta, row: number, col: number): { row: number; col: number } | null {
    const hfId = this.hfSheet(sheet);
    for (let r = row; r >= Math.max(0, row - 2000); r--) {
      for (let c = col; c >= Math.max(0, col - 50); c--) {
        const address = { sheet: hfId, row: r, col: c };
        if (this.hf.getCellFormula(address) === undefined) continue;
        if (!this.hf.isCellPartOfArray(address)) continue;
        const v = this.hf.getCellValueDetailedType(address);
        void v;
        return { row: r, col: c };
      }
    }
    return null;
  }

  /** True when the cell shows part of a spilled result (not its formula cell). */
  isSpilled(sheet: SheetMeta, row: number, col: number): boolean {
    const address = { sheet: this.hfSheet(sheet), row, col };
    return this.hf.getCellFormula(address) === undefined && this.hf.isCellPartOfArray(address);
  }

  /** Raw engine value (for the grid: errors keep their messages). */
  cellValue(sheet: SheetMeta, row: number, col: number): CellValue {
    return this.read(() => {
    return this.hf.getCellValue({ sheet: this.hfSheet(sheet), row, col });
    });
  }

  /** Clears contents and/or formats; tables and charts in the area stay (as Excel's range.clear). */
  clear(sheet: SheetMeta, box: Box | null, applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.change(() => {
      const used = this.usedBoxWithFormats(sheet);
      const area = box ?? used;
      if (!area) return;
      if (applyTo !== "Formats") {
        const hfId = this.hfSheet(sheet);
        const b = { top: area.top, left: area.left, bottom: Math.min(area.bottom, used?.bottom ?? area.bottom), right: Math.min(area.right, used?.right ?? area.right) };
        if (b.bottom >= b.top && b.right >= b.left) {
          const empty = Array.from({ length: b.bottom - b.top + 1 }, () => Array<null>(b.right - b.left + 1).fill(null));
          this.hf.setCellContents({ sheet: hfId, row: b.top, col: b.left }, empty);
          for (let r = b.top; r <= b.bottom; r++) {
            for (let c = b.left; c <= b.right; c++) {
              this.written.delete(`${sheet.id}|${key(r, c)}`);
              this.spillFormulas.delete(`${sheet.id}|${key(r, c)}`);
            }
          }
        }
      }
      if (applyTo !== "Contents") {
        for (const k of [...sheet.formats.keys()]) {
          const [r, c] = k.split(",").map(Number);
          if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right) sheet.formats.delete(k);
        }
      }
    });
  }

  private usedBoxWithFormats(sheet: SheetMeta): Box | null {
    let box = this.usedBox(sheet);
    for (const k of sheet.formats.keys()) {
      const [r, c] = k.split(",").map(Number);
      box = box ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
    return box;
  }

  // ── formats ───────────────────────────────────────────────────────────────────────────────────────────

  format(sheet: SheetMeta, row: number, col: number): CellFormat {
    return sheet.formats.get(key(row, col)) ?? {};
  }

  setFormat(sheet: SheetMeta, box: Box, patch: CellFormat | ((r: number, c: number) => CellFormat)): void {
    this.change(() => {
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const k = key(r, c);
          const p = typeof patch === "function" ? patch(r - box.top, c - box.left) : patch;
          sheet.formats.set(k, { ...sheet.formats.get(k), ...p });
        }
      }
    });
  }

  numberFormats(sheet: SheetMeta, box: Box): string[][] {
    return Array.from({ length: box.bottom - box.top + 1 }, (_, i) =>
      Array.from({ length: box.right - box.left + 1 }, (_, j) => sheet.formats.get(key(box.top + i, box.left + j))?.numberFormat ?? "General"),
    );
  }

  // ── tables ────────────────────────────────────────────────────────────────────────────────────────────

  tableByName(name: string): TableMeta | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  table(name: string): TableMeta {
    const t = this.tableByName(name) ?? this.tables.find((x) => x.id === name);
    if (!t) throw new PreviewOfficeError("ItemNotFound", `The requested resource doesn't exist: no table "${name}".`);
    return t;
  }

  addTable(sheet: SheetMeta, box: Box, hasHeaders: boolean): TableMeta {
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && !(box.bottom < t.box.top || box.top > t.box.bottom || box.right < t.box.left || box.left > t.box.right)) {
        throw new PreviewOfficeError("InvalidOperation", `A table cannot overlap another table (${t.name}).`);
      }
    }
    return this.change(() => {
      let b = box;
      if (!hasHeaders) {
        // Excel inserts a header row above the data.
        this.hf.addRows(this.hfSheet(sheet), [box.top, 1]);
        const headers = Array.from({ length: box.right - box.left + 1 }, (_, i) => `Column${i + 1}`);
        this.hf.setCellContents({ sheet: this.hfSheet(sheet), row: box.top, col: box.left }, [headers]);
        b = { ...box, bottom: box.bottom + 1 };
      }
      if (b.bottom === b.top) b = { ...b, bottom: b.top + 1 };
      let k = this.tables.length + 1;
      while (this.tableByName(`Table${k}`)) k++;
      const table: TableMeta = { id: newId("table"), name: `Table${k}`, sheetId: sheet.id, box: b, style: "TableStyleMedium2" };
      this.tables.push(table);
      return table;
    });
  }

  renameTable(table: TableMeta, name: string): void {
    if (!NAME_RULE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new PreviewOfficeError("InvalidArgument", `"${name}" is not a valid table name.`);
    const clash = this.tableByName(name) ?? this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (clash && clash !== table) throw new PreviewOfficeError("ItemAlreadyExists", `The name "${name}" is already used in this workbook.`);
    const old = table.name;
    this.change(() => {
      table.name = name;
      // Formulas already written with the new name resolve now; ones with the old name keep their text (Excel rewrites them; AIFIN never relies on it).
      for (const [cellKey, formula] of [...this.written]) this.written.set(cellKey, formula.split(`${old}[`).join(`${name}[`));
      this.reenterWritten((f) => f.includes(`${name}[`));
    });
  }

  /** Appends rows at the bottom of a table (index = undefined) or inserts at a body index. */
  addTableRows(table: TableMeta, index: number | undefined, values: readonly (readonly unknown[])[]): void {
    const sheet = this.sheet(table.sheetId);
    const width = table.box.right - table.box.left + 1;
    if (values.some((r) => r.length !== width)) throw new PreviewOfficeError("InvalidArgument", `Rows for ${table.name} must have ${width} columns.`);
    const bodyRows = table.box.bottom - table.box.top;
    const at = index === undefined || index === null ? bodyRows : index;
    if (at < 0 || at > bodyRows) throw new PreviewOfficeError("InvalidArgument", `Row index ${index} is outside ${table.name}.`);
    this.change(() => {
      const row = table.box.top + 1 + at;
      this.hf.addRows(this.hfSheet(sheet), [row, values.length]);
      this.shiftBelow(sheet, row, values.length);
      table.box = { ...table.box, bottom: table.box.bottom + values.length };
      this.write(sheet, { top: row, left: table.box.left, bottom: row + values.length - 1, right: table.box.right }, values, "formulas");
      this.reenterWritten((f) => f.includes(`${table.name}[`));
    });
  }

  /** Deletes one body row of a table (the sheet row, as Excel does when nothing sits beside the table). */
  deleteTableRow(table: TableMeta, index: number): void {
    const bodyRows = table.box.bottom - table.box.top;
    if (index < 0 || index >= bodyRows) throw new PreviewOfficeError("ItemNotFound", `${table.name} has no row ${index}.`);
    const sheet = this.sheet(table.sheetId);
    this.change(() => {
      const row = table.box.top + 1 + index;
      if (bodyRows === 1) {
        // A table keeps one (empty) body row.
        this.clear(sheet, { top: row, left: table.box.left, bottom: row, right: table.box.right }, "Contents");
        return;
      }
      this.hf.removeRows(this.hfSheet(sheet), [row, 1]);
      this.shiftBelow(sheet, row + 1, -1);
      table.box = { ...table.box, bottom: table.box.bottom - 1 };
      this.reenterWritten((f) => f.includes(`${table.name}[`));
    });
  }

  /** Moves formats, remembered formulas and other tables of a sheet after rows were inserted/removed. */
  private shiftBelow(sheet: SheetMeta, fromRow: number, by: number): void {
    const move = <T>(map: Map<string, T>, prefix: string) => {
      const moved: Array<[string, T]> = [];
      for (const [k, v] of [...map]) {
        if (!k.startsWith(prefix)) continue;
        const [r, c] = k.slice(prefix.length).split(",").map(Number);
        if (r >= fromRow) {
          map.delete(k);
          if (by > 0 || r + by >= fromRow + by) moved.push([`${prefix}${key(r + by, c)}`, v]);
        }
      }
      for (const [k, v] of moved) map.set(k, v);
    };
    move(sheet.formats, "");
    move(this.written, `${sheet.id}|`);
    const spills = new Map([...this.spillFormulas].map((k) => [k, true] as [string, boolean]));
    move(spills, `${sheet.id}|`);
    this.spillFormulas.clear();
    for (const k of spills.keys()) this.spillFormulas.add(k);
    for (const t of this.tables) {
      if (t.sheetId !== sheet.id) continue;
      if (t.box.top >= fromRow) t.box = { ...t.box, top: t.box.top + by, bottom: t.box.bottom + by };
    }
  }

  deleteTable(table: TableMeta): void {
    this.change(() => {
      this.tables.splice(this.tables.indexOf(table), 1);
    });
  }

  // ── charts, parts, names ──────────────────────────────────────────────────────────────────────────────

  addChart(sheet: SheetMeta, type: string, source: string, seriesBy: string): ChartMeta {
    return this.change(() => {
      let k = this.charts.length + 1;
      while (this.charts.some((c) => c.name === `Chart ${k}`)) k++;
      const chart: ChartMeta = { id: newId("chart"), name: `Chart ${k}`, sheetId: sheet.id, type, source, seriesBy, title: "", legendPosition: "Right", reversePlotOrder: false, from: null, to: null };
      this.charts.push(chart);
      return chart;
    });
  }

  deleteChart(chart: ChartMeta): void {
    this.change(() => {
      this.charts.splice(this.charts.indexOf(chart), 1);
    });
  }

  addXmlPart(xml: string): XmlPartMeta {
    const ns = /xmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1] ?? "";
    if (!/^\s*(<\?xml[^>]*\?>\s*)?<[A-Za-z]/.test(xml)) throw new PreviewOfficeError("InvalidArgument", "The custom XML part is not well-formed XML.");
    const part = { id: newId("xml"), namespaceUri: ns, xml };
    this.change(() => this.xmlParts.push(part));
    return part;
  }

  setXml(part: XmlPartMeta, xml: string): void {
    this.change(() => {
      part.xml = xml;
      part.namespaceUri = /xmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1] ?? "";
    });
  }

  deleteXmlPart(part: XmlPartMeta): void {
    this.change(() => {
      this.xmlParts.splice(this.xmlParts.indexOf(part), 1);
    });
  }

  addName(name: string, formula: string, comment = "", sheetId?: string): NameMeta {
    if (!NAME_RULE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new PreviewOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
    if (this.names.some((n) => n.sheetId === sheetId && n.name.toLowerCase() === name.toLowerCase()) || (!sheetId && this.tableByName(name))) {
      throw new PreviewOfficeError("ItemAlreadyExists", `The name "${name}" is already used in this workbook.`);
    }
    const item: NameMeta = { name, formula: formula.startsWith("=") ? formula : `=${formula}`, comment, visible: true, ...(sheetId ? { sheetId } : {}) };
    this.change(() => {
      this.names.push(item);
      // Worksheet-scoped names are kept as metadata only (AIFIN's ownership proof); formulas never use them.
      if (sheetId) return;
      try {
        this.hf.addNamedExpression(name, this.translate(item.formula));
      } catch {
        // A name HyperFormula cannot hold (a reference to a missing sheet) still lists, as in Excel.
      }
    });
    return item;
  }

  deleteName(item: NameMeta): void {
    this.change(() => {
      this.names.splice(this.names.indexOf(item), 1);
      try {
        this.hf.removeNamedExpression(item.name);
      } catch {
        // never registered
      }
    });
  }

  /** Column letters for the grid. */
  static columnName(col: number): string {
    return columnLetters(col + 1);
  }
}

/** True when a formula calls an AIFIN function whose result spills. */
function spillsIn(formula: string): boolean {
  const upper = formula.toUpperCase();
  for (const id of TABLE_FUNCTION_IDS) if (upper.includes(`AIFIN.${id}(`)) return true;
  return false;
}

/** HyperFormula's value → what Excel's `range.values` reads. */
export function excelValue(v: CellValue): ExcelValue {
  if (v === null || v === undefined) return "";
  if (v instanceof DetailedCellError) return v.value;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}
