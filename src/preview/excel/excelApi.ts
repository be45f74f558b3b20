/**
 * The subset of the Excel JavaScript API that src/office uses, over a PreviewWorkbook, with Excel's batch
 * semantics: calls and property writes are queued on the request context and run, in order, at
 * `context.sync()`; a property can be read only after it was `load`ed and the context synced
 * (PropertyNotLoaded otherwise); `getXml()` returns a ClientResult whose value exists after the sync.
 * A failing call stops the batch there: what ran before it stays done (Excel does not roll back), and
 * `sync()` rejects with an error carrying Excel's code (ItemNotFound, ItemAlreadyExists, InvalidArgument…).
 *
 * `Excel.run(batch)` creates a context, awaits the batch and syncs what is still queued, as Excel does.
 *
 * Supported (what the office layer calls; extend here when it calls more): workbook.worksheets
 * (items, add, getItem, getItemOrNullObject, getActiveWorksheet), worksheet (id, name, position, tabColor,
 * getRange, getUsedRange(OrNullObject), tables, charts, freezePanes, activate, delete), range (values,
 * formulas, numberFormat, text, address, rowCount, columnCount, format incl. font/fill/borders/columnWidth,
 * clear, getCell, getResizedRange, worksheet), tables (items, add, getItem(OrNullObject), name, style,
 * worksheet, getRange, getDataBodyRange, getHeaderRowRange, rows.add/getItemAt/count, delete), charts
 * (add, items, getItem, name, title, legend, axes, setPosition, delete), customXmlParts (add,
 * getByNamespace, getItem(OrNullObject), id, namespaceUri, getXml, setXml, delete), names (add, items,
 * getItem(OrNullObject), name, formula, value, type, delete), worksheet-scoped names (Worksheet.names), chart.setData.
 */
import {
  PreviewOfficeError,
  addressOf,
  boxOf,
  type Box,
  type ChartMeta,
  type NameMeta,
  type PreviewWorkbook,
  type SheetMeta,
  type TableMeta,
  type XmlPartMeta,
} from "./workbook";
import { sheetRef } from "../../office";

type Op = () => void;

/** The request context: a queue of operations and the loads to fill. */
export class PreviewRequestContext {
  private queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  /** Round trips made (tests and the bench count them). */
  syncCount = 0;
  constructor(readonly book: PreviewWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  /** Runs everything queued, in order, in one recalculation. */
  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    this.queue = [];
    // A real round trip yields to the page: the grid can redraw meanwhile.
    await Promise.resolve();
    try {
      this.book.change(() => {
        for (const op of ops) op();
      });
    } catch (error) {
      // Excel reports a failed batch as an OfficeExtension.Error with a code; anything else is a gap in the preview.
      if (!(error instanceof PreviewOfficeError)) console.error("AIFIN preview: a queued Excel call failed", error);
      throw error;
    }
  }
  get pending(): number {
    return this.queue.length;
  }
}

/** Properties read after load/sync; reading one that was not loaded throws as Excel does. */
class Loaded<T extends object> {
  private data: Partial<T> | null = null;
  set(data: Partial<T>): void {
    this.data = { ...this.data, ...data };
  }
  get<K extends keyof T>(prop: K, owner: string): T[K] {
    if (!this.data || !(prop in this.data)) {
      throw new PreviewOfficeError("PropertyNotLoaded", `The property '${String(prop)}' of ${owner} is not available. Before reading it, call load and context.sync().`);
    }
    return this.data[prop] as T[K];
  }
  has(prop: keyof T): boolean {
    return this.data !== null && prop in this.data;
  }
}

/** Parses Excel's load arguments ("items/name,items/id", ["values", "formulas"], {select:"…"}) into names. */
function propsOf(props: unknown): string[] | null {
  if (props === undefined || props === null) return null;
  if (typeof props === "string") return props.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => propsOf(p) ?? []);
  if (typeof props === "object" && typeof (props as { select?: unknown }).select === "string") return propsOf((props as { select: string }).select);
  return null;
}

/** A value available after the next sync. */
export class ClientResult<T> {
  private set = false;
  private v: T | undefined;
  resolve(value: T): void {
    this.v = value;
    this.set = true;
  }
  get value(): T {
    if (!this.set) throw new PreviewOfficeError("PropertyNotLoaded", "The value of the result object has not been loaded yet. Call context.sync() before reading it.");
    return this.v as T;
  }
}

abstract class ProxyBase {
  protected nullObject = false;
  constructor(readonly context: PreviewRequestContext) {}
  get isNullObject(): boolean {
    return this.nullObject;
  }
  protected get book(): PreviewWorkbook {
    return this.context.book;
  }
  protected q(op: Op): void {
    this.context.enqueue(op);
  }
  toJSON(): object {
    return {};
  }
}

/**
 * A proxy over one workbook object whose properties are read as Excel reads them: `load(names)` queues a
 * copy of the named properties (all of them when none are named) taken at sync time; a getter returns a
 * property only once it was loaded (PropertyNotLoaded otherwise); `orNull(exists)` makes the proxy a null
 * object when the thing is missing at sync time, and a null object loads nothing. Each proxy class says only
 * how to read each property (`readers`) and what it is called in Excel's messages (`typeName`).
 */
abstract class PropertyBagProxy<T, P extends object> extends ProxyBase {
  private readonly props = new Loaded<P>();
  protected abstract readonly typeName: string;
  constructor(
    context: PreviewRequestContext,
    readonly target: () => T,
  ) {
    super(context);
  }
  /** How to read each property of `target` now (called only for the properties asked for). */
  protected abstract readers(target: T): { [K in keyof P]: () => P[K] };
  /** Makes this a null object when `exists` says no at sync time. */
  orNull(exists: () => boolean): void {
    this.q(() => {
      this.nullObject = !exists();
    });
  }
  /** Copies the named properties (all when `names` is null or empty) into the loaded bag, now. */
  fill(names: readonly string[] | null = null): void {
    if (this.nullObject) return;
    const readers = this.readers(this.target());
    const data: Partial<P> = {};
    for (const k of Object.keys(readers) as Array<keyof P>) {
      if (!names || names.length === 0 || names.includes(k as string)) data[k] = readers[k]();
    }
    this.props.set(data);
  }
  load(props?: unknown): this {
    const names = propsOf(props);
    this.q(() => this.fill(names));
    return this;
  }
  /** A loaded property, or Excel's PropertyNotLoaded. */
  protected prop<K extends keyof P>(key: K): P[K] {
    return this.props.get(key, this.typeName);
  }
}

// ── workbook ──────────────────────────────────────────────────────────────────────────────────────────────

class WorkbookProxy extends ProxyBase {
  get worksheets(): WorksheetCollectionProxy {
    return new WorksheetCollectionProxy(this.context);
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, null);
  }
  get customXmlParts(): XmlPartCollectionProxy {
    return new XmlPartCollectionProxy(this.context, null);
  }
  get names(): NamedItemCollectionProxy {
    return new NamedItemCollectionProxy(this.context);
  }
  getActiveWorksheet(): WorksheetProxy {
    return this.worksheets.getActiveWorksheet();
  }
  load(): this {
    return this;
  }
}

// ── worksheets ────────────────────────────────────────────────────────────────────────────────────────────

interface SheetProps {
  id: string;
  name: string;
  position: number;
  tabColor: string;
  visibility: string;
}

class WorksheetCollectionProxy extends ProxyBase {
  private list: WorksheetProxy[] | null = null;
  load(props?: unknown): this {
    const names = propsOf(props);
    this.q(() => {
      this.list = this.book.sheets.map((s) => {
        const w = new WorksheetProxy(this.context, () => s);
        w.fill(names?.map((n) => n.replace(/^items\//, "")) ?? null);
        return w;
      });
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    if (!this.list) throw new PreviewOfficeError("PropertyNotLoaded", "worksheets.items is not available: call load and context.sync() first.");
    return this.list;
  }
  add(name?: string): WorksheetProxy {
    let created: SheetMeta | null = null;
    this.q(() => {
      created = this.book.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => {
      if (!created) throw new PreviewOfficeError("InvalidReference", "The worksheet was not created.");
      return created;
    });
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.book.sheet(key));
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    const p = new WorksheetProxy(this.context, () => this.book.sheet(key));
    p.orNull(() => (this.book.sheetById(key) ?? this.book.sheetByName(key)) !== undefined);
    return p;
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.book.sheet(this.book.activeSheetId ?? ""));
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.q(() => r.resolve(this.book.sheets.length));
    return r;
  }
}

class WorksheetProxy extends PropertyBagProxy<SheetMeta, SheetProps> {
  protected readonly typeName = "Worksheet";
  protected readers(s: SheetMeta) {
    return { id: () => s.id, name: () => s.name, position: () => this.book.sheets.indexOf(s), tabColor: () => s.tabColor ?? "", visibility: () => "Visible" };
  }
  get id(): string {
    return this.prop("id");
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this.q(() => this.book.renameSheet(this.target(), value));
  }
  get position(): number {
    return this.prop("position");
  }
  get tabColor(): string {
    return this.prop("tabColor");
  }
  set tabColor(value: string) {
    this.q(() => {
      this.target().tabColor = value || null;
    });
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      if (!address) {
        const used = this.book.usedBox(sheet);
        return { sheet, box: { top: 0, left: 0, bottom: used?.bottom ?? 0, right: used?.right ?? 0 }, whole: true };
      }
      const wholeColumns = /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/.test(address.trim());
      return { sheet, box: boxOf(address, wholeColumns ? (this.book.usedBox(sheet)?.bottom ?? 0) + 1 : 1) };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.target(), box: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }));
  }
  getCell(row: number, col: number): RangeProxy {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      return { sheet, box: this.book.usedBox(sheet) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const r = this.getUsedRange(valuesOnly);
    r.orNull(() => this.book.usedBox(this.target()) !== null);
    return r;
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, () => this.target());
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, () => this.target());
  }
  /** Worksheet-scoped names (ExcelApi 1.4). */
  get names(): NamedItemCollectionProxy {
    return new NamedItemCollectionProxy(this.context, () => this.target());
  }
  get freezePanes(): { freezeRows(n: number): void; unfreeze(): void } {
    return {
      freezeRows: (n: number) => this.q(() => {
        this.target().frozenRows = n;
      }),
      unfreeze: () => this.q(() => {
        this.target().frozenRows = 0;
      }),
    };
  }
  activate(): void {
    this.q(() => {
      this.book.activeSheetId = this.target().id;
    });
  }
  delete(): void {
    this.q(() => this.book.deleteSheet(this.target()));
  }
}

// ── ranges ────────────────────────────────────────────────────────────────────────────────────────────────

interface RangeTarget {
  sheet: SheetMeta;
  box: Box;
  /** sheet.getRange() with no address: the whole sheet (clear() clears everything). */
  whole?: boolean;
}

interface RangeProps {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: string[][];
  text: string[][];
  address: string;
  rowCount: number;
  columnCount: number;
  rowIndex: number;
  columnIndex: number;
}

class RangeProxy extends PropertyBagProxy<RangeTarget, RangeProps> {
  protected readonly typeName = "Range";
  protected readers({ sheet, box }: RangeTarget) {
    return {
      values: () => this.book.readValues(sheet, box),
      formulas: () => this.book.readFormulas(sheet, box),
      numberFormat: () => this.book.numberFormats(sheet, box),
      text: () => this.book.readValues(sheet, box).map((r) => r.map((v) => String(v))),
      address: () => sheetRef(sheet.name, addressOf(box)),
      rowCount: () => box.bottom - box.top + 1,
      columnCount: () => box.right - box.left + 1,
      rowIndex: () => box.top,
      columnIndex: () => box.left,
    };
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(rows: unknown[][]) {
    this.q(() => {
      const { sheet, box } = this.target();
      this.book.write(sheet, box, fit(rows, box), "values");
    });
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  set formulas(rows: unknown[][]) {
    this.q(() => {
      const { sheet, box } = this.target();
      this.book.write(sheet, box, fit(rows, box), "formulas");
    });
  }
  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(rows: string[][]) {
    this.q(() => {
      const { sheet, box } = this.target();
      const f = fit(rows, box);
      this.book.setFormat(sheet, box, (r, c) => ({ numberFormat: String(f[r][c]) }));
    });
  }
  get text(): string[][] {
    return this.prop("text");
  }
  get address(): string {
    return this.prop("address");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet);
  }
  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, this);
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, box } = this.target();
      return { sheet, box: { top: box.top + row, left: box.left + col, bottom: box.top + row, right: box.left + col } };
    });
  }
  getResizedRange(rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, box } = this.target();
      return { sheet, box: { ...box, bottom: box.bottom + rows, right: box.right + cols } };
    });
  }
  getOffsetRange(rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, box } = this.target();
      return { sheet, box: { top: box.top + rows, bottom: box.bottom + rows, left: box.left + cols, right: box.right + cols } };
    });
  }
  clear(applyTo?: string): void {
    this.q(() => {
      const { sheet, box, whole } = this.target();
      const mode = applyTo === "Contents" || applyTo === "Formats" ? applyTo : "All";
      this.book.clear(sheet, whole ? null : box, mode);
    });
  }
  /** Patches the format of every cell (used by RangeFormatProxy). */
  patch(p: Parameters<PreviewWorkbook["setFormat"]>[2]): void {
    this.q(() => {
      const { sheet, box, whole } = this.target();
      if (whole) return;
      this.book.setFormat(sheet, box, p);
    });
  }
  /** Sets column widths (points) on the columns of the range. */
  widths(points: number): void {
    this.q(() => {
      const { sheet, box } = this.target();
      for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

/** Values of a write: Excel accepts one value for a whole range too. */
function fit(rows: unknown, box: Box): unknown[][] {
  const height = box.bottom - box.top + 1;
  const width = box.right - box.left + 1;
  if (!Array.isArray(rows)) return Array.from({ length: height }, () => Array<unknown>(width).fill(rows));
  return rows as unknown[][];
}

class RangeFormatProxy extends ProxyBase {
  constructor(
    context: PreviewRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }
  get font(): Record<string, unknown> {
    const r = this.range;
    return {
      set bold(v: boolean) {
        r.patch({ bold: v });
      },
      set italic(v: boolean) {
        r.patch({ italic: v });
      },
      set color(v: string) {
        r.patch({ fontColor: v });
      },
      set size(v: number) {
        r.patch({ fontSize: v });
      },
      set name(_v: string) {
        // fonts are the grid's
      },
    };
  }
  get fill(): Record<string, unknown> {
    const r = this.range;
    return {
      set color(v: string) {
        r.patch({ fill: v });
      },
      clear: () => r.patch({ fill: undefined }),
    };
  }
  get borders(): { getItem(edge: string): Record<string, unknown> } {
    const r = this.range;
    return {
      getItem: (edge: string) => ({
        set style(v: string) {
          if (edge === "EdgeTop") r.patch({ borderTop: v !== "None" });
        },
        set color(_v: string) {
          // one border colour in the grid
        },
        set weight(_v: string) {
          // one border weight in the grid
        },
      }),
    };
  }
  set wrapText(v: boolean) {
    this.range.patch({ wrap: v });
  }
  set horizontalAlignment(_v: string) {
    // the grid aligns numbers right and text left
  }
  set verticalAlignment(_v: string) {
    // top-aligned in the grid
  }
  set columnWidth(points: number) {
    this.range.widths(points);
  }
  set rowHeight(_points: number) {
    // rows keep the grid's height
  }
  autofitColumns(): void {
    // the grid sizes columns by their widths or a default
  }
  autofitRows(): void {
    // idem
  }
}

// ── tables ────────────────────────────────────────────────────────────────────────────────────────────────

interface TableProps {
  id: string;
  name: string;
  style: string;
}

class TableCollectionProxy extends ProxyBase {
  private list: TableProxy[] | null = null;
  constructor(
    context: PreviewRequestContext,
    private readonly sheet: (() => SheetMeta) | null,
  ) {
    super(context);
  }
  private scope(): TableMeta[] {
    const sheet = this.sheet?.();
    return this.book.tables.filter((t) => !sheet || t.sheetId === sheet.id);
  }
  load(props?: unknown): this {
    const names = propsOf(props)?.map((n) => n.replace(/^items\//, "")) ?? null;
    this.q(() => {
      this.list = this.scope().map((t) => {
        const p = new TableProxy(this.context, () => t);
        p.fill(names);
        return p;
      });
    });
    return this;
  }
  get items(): TableProxy[] {
    if (!this.list) throw new PreviewOfficeError("PropertyNotLoaded", "tables.items is not available: call load and context.sync() first.");
    return this.list;
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.q(() => r.resolve(this.scope().length));
    return r;
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => {
      const t = this.book.table(name);
      if (!this.scope().includes(t)) throw new PreviewOfficeError("ItemNotFound", `No table "${name}" on this sheet.`);
      return t;
    });
  }
  getItemOrNullObject(name: string): TableProxy {
    const p = this.getItem(name);
    p.orNull(() => this.scope().some((t) => t.name.toLowerCase() === name.toLowerCase() || t.id === name));
    return p;
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    let created: TableMeta | null = null;
    this.q(() => {
      let sheet = this.sheet?.();
      let a = address;
      const bang = address.lastIndexOf("!");
      if (bang > 0) {
        sheet = this.book.sheet(address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"));
        a = address.slice(bang + 1);
      }
      if (!sheet) throw new PreviewOfficeError("InvalidArgument", `tables.add needs a sheet in "${address}".`);
      created = this.book.addTable(sheet, boxOf(a), hasHeaders);
    });
    return new TableProxy(this.context, () => {
      if (!created) throw new PreviewOfficeError("InvalidReference", "The table was not created.");
      return created;
    });
  }
}

class TableProxy extends PropertyBagProxy<TableMeta, TableProps> {
  protected readonly typeName = "Table";
  protected readers(t: TableMeta) {
    return { id: () => t.id, name: () => t.name, style: () => t.style };
  }
  get id(): string {
    return this.prop("id");
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this.q(() => this.book.renameTable(this.target(), value));
  }
  get style(): string {
    return this.prop("style");
  }
  set style(value: string) {
    this.q(() => {
      this.target().style = value;
    });
  }
  set showBandedRows(_v: boolean) {
    // drawn banded always
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.book.sheet(this.target().sheetId));
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      return { sheet: this.book.sheet(t.sheetId), box: t.box };
    });
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      return { sheet: this.book.sheet(t.sheetId), box: { ...t.box, top: t.box.top + 1 } };
    });
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.target();
      return { sheet: this.book.sheet(t.sheetId), box: { ...t.box, bottom: t.box.top } };
    });
  }
  get rows(): {
    add(index: number | undefined | null, values: unknown[][]): void;
    getItemAt(i: number): { delete(): void };
    getCount(): ClientResult<number>;
  } {
    return {
      add: (index, values) => this.q(() => this.book.addTableRows(this.target(), index ?? undefined, values)),
      getItemAt: (i) => ({ delete: () => this.q(() => this.book.deleteTableRow(this.target(), i)) }),
      getCount: () => {
        const r = new ClientResult<number>();
        this.q(() => r.resolve(this.target().box.bottom - this.target().box.top));
        return r;
      },
    };
  }
  delete(): void {
    this.q(() => this.book.deleteTable(this.target()));
  }
}

// ── charts ────────────────────────────────────────────────────────────────────────────────────────────────

class ChartCollectionProxy extends ProxyBase {
  private list: ChartProxy[] | null = null;
  constructor(
    context: PreviewRequestContext,
    private readonly sheet: () => SheetMeta,
  ) {
    super(context);
  }
  load(props?: unknown): this {
    void props;
    this.q(() => {
      const sheet = this.sheet();
      this.list = this.book.charts.filter((c) => c.sheetId === sheet.id).map((c) => {
        const p = new ChartProxy(this.context, () => c);
        p.fill();
        return p;
      });
    });
    return this;
  }
  get items(): ChartProxy[] {
    if (!this.list) throw new PreviewOfficeError("PropertyNotLoaded", "charts.items is not available: call load and context.sync() first.");
    return this.list;
  }
  add(type: string, source: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let created: ChartMeta | null = null;
    this.q(() => {
      const { sheet, box } = source.target();
      const own = this.sheet();
      const a = sheet.id === own.id ? addressOf(box) : sheetRef(sheet.name, addressOf(box));
      created = this.book.addChart(own, type, a, seriesBy);
    });
    return new ChartProxy(this.context, () => {
      if (!created) throw new PreviewOfficeError("InvalidReference", "The chart was not created.");
      return created;
    });
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, () => {
      const sheet = this.sheet();
      const c = this.book.charts.find((x) => x.sheetId === sheet.id && x.name === name);
      if (!c) throw new PreviewOfficeError("ItemNotFound", `No chart "${name}".`);
      return c;
    });
  }
}

class ChartProxy extends PropertyBagProxy<ChartMeta, { name: string; id: string }> {
  protected readonly typeName = "Chart";
  protected readers(c: ChartMeta) {
    return { name: () => c.name, id: () => c.id };
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.q(() => {
      this.target().name = v;
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get title(): Record<string, unknown> {
    const q = (op: Op) => this.q(op);
    const target = this.target;
    return {
      set text(v: string) {
        q(() => {
          target().title = v;
        });
      },
      set visible(_v: boolean) {
        // titles always show
      },
    };
  }
  get legend(): Record<string, unknown> {
    const q = (op: Op) => this.q(op);
    const target = this.target;
    return {
      set position(v: string) {
        q(() => {
          target().legendPosition = v;
        });
      },
      set visible(v: boolean) {
        q(() => {
          if (!v) target().legendPosition = "None";
        });
      },
    };
  }
  get axes(): { categoryAxis: Record<string, unknown>; valueAxis: Record<string, unknown> } {
    const q = (op: Op) => this.q(op);
    const target = this.target;
    return {
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          q(() => {
            target().reversePlotOrder = v;
          });
        },
      },
      valueAxis: {},
    };
  }
  setPosition(from: string, to?: string): void {
    this.q(() => {
      const c = this.target();
      c.from = from;
      c.to = to ?? null;
    });
  }
  /** Chart.setData (ExcelApi 1.1): a new source range on the chart's sheet. */
  setData(source: RangeProxy, seriesBy?: string): void {
    this.q(() => {
      const c = this.target();
      c.source = addressOf(source.target().box);
      if (seriesBy) c.seriesBy = seriesBy;
    });
  }
  delete(): void {
    this.q(() => this.book.deleteChart(this.target()));
  }
}

// ── custom XML parts ──────────────────────────────────────────────────────────────────────────────────────

class XmlPartCollectionProxy extends ProxyBase {
  private list: XmlPartProxy[] | null = null;
  constructor(
    context: PreviewRequestContext,
    private readonly namespace: string | null,
  ) {
    super(context);
  }
  private scope(): XmlPartMeta[] {
    return this.book.xmlParts.filter((p) => this.namespace === null || p.namespaceUri === this.namespace);
  }
  load(props?: unknown): this {
    void props;
    this.q(() => {
      this.list = this.scope().map((p) => {
        const x = new XmlPartProxy(this.context, () => p);
        x.fill();
        return x;
      });
    });
    return this;
  }
  get items(): XmlPartProxy[] {
    if (!this.list) throw new PreviewOfficeError("PropertyNotLoaded", "customXmlParts.items is not available: call load and context.sync() first.");
    return this.list;
  }
  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.q(() => r.resolve(this.scope().length));
    return r;
  }
  getByNamespace(ns: string): XmlPartCollectionProxy {
    return new XmlPartCollectionProxy(this.context, ns);
  }
  getItem(id: string): XmlPartProxy {
    return new XmlPartProxy(this.context, () => {
      const p = this.scope().find((x) => x.id === id);
      if (!p) throw new PreviewOfficeError("ItemNotFound", `No custom XML part "${id}".`);
      return p;
    });
  }
  getItemOrNullObject(id: string): XmlPartProxy {
    const p = this.getItem(id);
    p.orNull(() => this.scope().some((x) => x.id === id));
    return p;
  }
  add(xml: string): XmlPartProxy {
    let created: XmlPartMeta | null = null;
    this.q(() => {
      created = this.book.addXmlPart(xml);
    });
    return new XmlPartProxy(this.context, () => {
      if (!created) throw new PreviewOfficeError("InvalidReference", "The custom XML part was not created.");
      return created;
    });
  }
}

class XmlPartProxy extends PropertyBagProxy<XmlPartMeta, { id: string; namespaceUri: string }> {
  protected readonly typeName = "CustomXmlPart";
  protected readers(p: XmlPartMeta) {
    return { id: () => p.id, namespaceUri: () => p.namespaceUri };
  }
  get id(): string {
    return this.prop("id");
  }
  get namespaceUri(): string {
    return this.prop("namespaceUri");
  }
  getXml(): ClientResult<string> {
    const r = new ClientResult<string>();
    this.q(() => r.resolve(this.target().xml));
    return r;
  }
  setXml(xml: string): void {
    this.q(() => this.book.setXml(this.target(), xml));
  }
  delete(): void {
    this.q(() => this.book.deleteXmlPart(this.target()));
  }
}

// ── names ─────────────────────────────────────────────────────────────────────────────────────────────────

interface NameProps {
  name: string;
  formula: string;
  value: unknown;
  type: string;
  comment: string;
  visible: boolean;
}

class NamedItemCollectionProxy extends ProxyBase {
  private list: NamedItemProxy[] | null = null;
  /** `sheet`: the worksheet of Worksheet.names (worksheet scope); absent for Workbook.names. */
  constructor(
    context: PreviewRequestContext,
    private readonly sheet?: () => SheetMeta,
  ) {
    super(context);
  }
  private inScope(n: NameMeta): boolean {
    return this.sheet ? n.sheetId === this.sheet().id : !n.sheetId;
  }
  load(props?: unknown): this {
    void props;
    this.q(() => {
      this.list = this.book.names.filter((n) => this.inScope(n)).map((n) => {
        const p = new NamedItemProxy(this.context, () => n);
        p.fill();
        return p;
      });
    });
    return this;
  }
  get items(): NamedItemProxy[] {
    if (!this.list) throw new PreviewOfficeError("PropertyNotLoaded", "names.items is not available: call load and context.sync() first.");
    return this.list;
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    let created: NameMeta | null = null;
    this.q(() => {
      let formula: string;
      if (typeof reference === "string") formula = reference;
      else {
        const { sheet, box } = reference.target();
        formula = `=${sheetRef(sheet.name, addressOf(box, true))}`;
      }
      created = this.book.addName(name, formula, comment ?? "", this.sheet?.().id);
    });
    return new NamedItemProxy(this.context, () => {
      if (!created) throw new PreviewOfficeError("InvalidReference", "The name was not created.");
      return created;
    });
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => {
      const n = this.book.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n) throw new PreviewOfficeError("ItemNotFound", `No name "${name}".`);
      return n;
    });
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    const p = this.getItem(name);
    p.orNull(() => this.book.names.some((x) => x.name.toLowerCase() === name.toLowerCase()));
    return p;
  }
}

class NamedItemProxy extends PropertyBagProxy<NameMeta, NameProps> {
  protected readonly typeName = "NamedItem";
  protected readers(n: NameMeta) {
    return {
      name: () => n.name,
      formula: () => n.formula,
      value: (): unknown => {
        try {
          return this.book.hf.getNamedExpressionValue(n.name);
        } catch {
          return n.formula; // not evaluable in the engine
        }
      },
      type: () => (/!/.test(n.formula) ? "Range" : "String"),
      comment: () => n.comment,
      visible: () => n.visible,
    };
  }
  get name(): string {
    return this.prop("name");
  }
  get formula(): string {
    return this.prop("formula");
  }
  get value(): unknown {
    return this.prop("value");
  }
  get type(): string {
    return this.prop("type");
  }
  get comment(): string {
    return this.prop("comment");
  }
  get visible(): boolean {
    return this.prop("visible");
  }
  set visible(v: boolean) {
    this.q(() => {
      this.target().visible = v;
    });
  }
  delete(): void {
    this.q(() => this.book.deleteName(this.target()));
  }
}

// ── Excel.run ─────────────────────────────────────────────────────────────────────────────────────────────

/** The ExcelApi version the preview answers isSetSupported with (tables, parts, frozen rows, spills). */
export const PREVIEW_EXCEL_API = "1.12";

/** `Excel.run` over a workbook: the batch, then a final sync of what it left queued. */
export function excelRunFor(book: PreviewWorkbook): <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new PreviewRequestContext(book);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending > 0) await context.sync();
    return result;
  };
}

/** isSetSupported("ExcelApi", v) for the preview: true up to PREVIEW_EXCEL_API. */
export function previewProbe(version: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  const [maxMajor, maxMinor] = PREVIEW_EXCEL_API.split(".").map(Number);
  return major < maxMajor || (major === maxMajor && (minor ?? 0) <= maxMinor);
}
