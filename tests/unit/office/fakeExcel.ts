/**
 * A small typed stand-in for the Excel objects src/office uses, because Excel itself cannot run here and
 * office-addin-mock keeps no collections (worksheets.add, tables, custom XML parts). It keeps a real
 * in-memory workbook (sheets with ids, cells holding constants or formula text, tables with an optional
 * totals row, charts, sheet-scoped names, custom XML parts) and imitates the parts of Office.js semantics
 * the host relies on, including the ones that lose data when ignored:
 *
 * - loaded properties (collection items, range formulas/values, a new sheet's id, getXml's value) can only
 *   be read after a context.sync() that follows their load(): reading early throws PropertyNotLoaded;
 *   loaded range contents are a snapshot taken at sync time;
 * - a batch that fails stops where it failed: `failures` makes sync k run only its first n queued
 *   operations (the rest are undone through a journal) and then throw an Office error with a code;
 * - deleting a table row (`table.rows.getItemAt(i).delete()`) shifts the cells below it up inside the
 *   table's columns and re-points every formula in the workbook: a reference to a row below moves up one,
 *   a reference to the deleted row becomes #REF!. Writing contents one row higher re-points nothing;
 * - text entered with a leading apostrophe (`'=AVERAGE(A1:A3)`) is text; reading it through `formulas`
 *   drops the apostrophe (office-js #6687), so it reads exactly like a formula there, while `values` reads
 *   the text itself (a real formula reads as its result);
 * - writes must match the range's dimensions (InvalidArgument otherwise), or be one value, which Excel sets in
 *   every cell of the range; duplicate sheet or table names
 *   throw ItemAlreadyExists; unknown names ItemNotFound.
 *
 * Test helpers (not Excel API): renameTable, convertToRange, showTotals, deleteSheet, snapshot().
 * - each batch's payload is measured (the JSON of every value written: formulas, formats, appended rows,
 *   XML), independently of the writer's own estimate: `bytesPerSync`; with `requestLimitBytes` set, a sync
 *   whose batch carries more fails before running anything, as Excel on the web refuses a request over 5 MB
 *   (RequestPayloadSizeLimitExceeded); the response (the JSON of every loaded range's cells and every XML read)
 *   is measured too (`responseBytesPerSync`) and refused over the limit (ResponsePayloadSizeLimitExceeded), as
 *   Excel on the web refuses a response over 5 MB;
 * - Range.getOffsetRange and getResizedRange (a block of rows below a table's header) may reach past the table.
 *
 * What it does not do: compute formulas (reading `values` of a formula cell gives `formulaValue`, 0 by
 * default), formats beyond recording them, or count the calls and objects of a request toward its size.
 */
import { columnLetters, columnNumber, parseRange, rangeAddress, type Rect } from "../../../src/office/a1";

type Cell = string | number | boolean;

/** An Office-style error with a code. */
export class FakeOfficeError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? code);
    this.name = "RichApi.Error";
  }
}

let nextGuid = 1;

/** Something that becomes readable at the next sync. */
interface Loadable {
  resolveLoads(): void;
  /** UTF-8 bytes of the JSON the load returns (cell contents, XML), counted toward the response's size. */
  responseBytes?(): number;
}

/** Sync `sync` (1-based, counted over the state's life) runs only its first `afterOps` operations, then fails with `code`. */
export interface InjectedFailure {
  sync: number;
  afterOps: number;
  code: string;
}

/** The workbook state and request context. */
export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  parts: FakeXmlPart[] = [];
  syncs = 0;
  pending = new Set<Loadable>();
  /** Value a formula cell reads as (Excel would compute it). */
  formulaValue: (formula: string) => Cell = () => 0;
  /** Errors to throw at given sync numbers (1-based), before any queued operation of that batch runs. */
  failAtSync = new Map<number, string>();
  /** Partial failures: see InjectedFailure. */
  failures: InjectedFailure[] = [];
  /** Operations each sync ran, in order (what a fault-injection test iterates over). */
  opsPerSync: number[] = [];
  /** The values each sync carried, in UTF-8 bytes of their JSON, in order. */
  bytesPerSync: number[] = [];
  /** The values each sync returned (loaded cell contents and XML), in UTF-8 bytes of their JSON, in order. */
  responseBytesPerSync: number[] = [];
  /**
   * When set, a sync carrying more than this many bytes fails as Excel on the web does (nothing of it runs), and
   * so does one whose response (what it loads) would be larger (its operations ran; nothing loaded is readable).
   */
  requestLimitBytes: number | null = null;
  /** The response limit when it should differ from requestLimitBytes (a test of requests alone: Infinity). */
  responseLimitBytes: number | null = null;
  bytesThisBatch = 0;
  /** Operations that carried values (writes, appended rows, XML), per sync: a request over the budget is one such write alone. */
  payloadOpsPerSync: number[] = [];
  payloadOpsThisBatch = 0;
  /** Operations queued since the last sync, and the undo journal of this batch. */
  opsThisBatch = 0;
  private journal: Array<{ op: number; undo: () => void }> = [];

  /** Marks the start of one queued API operation (a setter, an add, a delete...); `payload` is the value it sends. */
  beginOp(payload?: unknown): void {
    this.opsThisBatch++;
    if (payload === undefined) return;
    this.payloadOpsThisBatch++;
    // A text argument travels as a JSON string too (quotes and backslashes escaped): the record's XML is full of quotes.
    this.bytesThisBatch += Buffer.byteLength(JSON.stringify(payload), "utf8");
  }

  /** Records how to undo one primitive change of the current operation. */
  log(undo: () => void): void {
    this.journal.push({ op: this.opsThisBatch, undo });
  }

  setCell(sheet: FakeSheet, row: number, col: number, value: Cell | undefined): void {
    const key = sheet.key(row, col);
    const before = sheet.cells.get(key);
    if (before === value) return;
    this.log(() => (before === undefined ? sheet.cells.delete(key) : sheet.cells.set(key, before)));
    if (value === undefined) sheet.cells.delete(key);
    else sheet.cells.set(key, value);
  }

  setFormat(sheet: FakeSheet, row: number, col: number, format: string | undefined): void {
    const key = sheet.key(row, col);
    const before = sheet.formats.get(key);
    this.log(() => (before === undefined ? sheet.formats.delete(key) : sheet.formats.set(key, before)));
    if (format === undefined) sheet.formats.delete(key);
    else sheet.formats.set(key, format);
  }

  /** Sets a field of any fake object, journaled. */
  setField<T extends object, K extends keyof T>(target: T, field: K, value: T[K]): void {
    const before = target[field];
    this.log(() => void (target[field] = before));
    target[field] = value;
  }

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `sheet ${name}`);
    const sheet = new FakeSheet(this, `{${String(nextGuid++).padStart(8, "0")}-AAAA-BBBB-CCCC-DDDDDDDDDDDD}`, name);
    this.setField(this, "sheets", [...this.sheets, sheet]);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  // ---- test helpers: what an analyst does by hand ----

  /** The analyst renames a table (Table Design > Table Name). */
  renameTable(from: string, to: string): void {
    (this.table(from) as FakeTable).name = to;
  }

  /** The analyst converts a table to a range: its cells stay, the table is gone. */
  convertToRange(name: string): void {
    this.tables = this.tables.filter((t) => t !== this.table(name));
  }

  /** The analyst turns on the totals row (Table Design > Total Row): a row below the body. */
  showTotals(name: string, label = "Total"): void {
    const t = this.table(name) as FakeTable;
    t.showTotals = true;
    t.sheet.cells.set(t.sheet.key(t.top + t.bodyRows + 1, t.left), label);
  }

  /** The analyst deletes a sheet. */
  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
  }

  /**
   * One sheet's cells, as one comparable value. `formulasByCount`: formulas count, their text not (a row
   * delete elsewhere re-points references, which is Excel keeping links right, not a change of content).
   */
  sheetSnapshot(name: string, formulasByCount = false): string {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) return "absent";
    const cells = [...s.cells.entries()].sort().map(([k, v]) => (formulasByCount && typeof v === "string" && v.startsWith("=") ? [k, "=…"] : [k, v]));
    return JSON.stringify([s.id, cells]);
  }

  /** Everything an analyst can see or link to, as one comparable value. */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => ({ id: s.id, name: s.name, cells: [...s.cells.entries()].sort(), names: s.names.map((n) => [n.name, n.comment]) })),
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.id, rect: t.rect(), totals: t.showTotals })),
      parts: this.parts.map((p) => [p.namespaceUri, p.xml]),
    });
  }

  /** The request context handed to a batch. */
  context(): Excel.RequestContext {
    const ctx = {
      workbook: new FakeWorkbookProxy(this),
      sync: async () => {
        this.syncs++;
        const before = this.failAtSync.get(this.syncs);
        const partial = this.failures.find((f) => f.sync === this.syncs);
        const bytes = this.bytesThisBatch;
        this.bytesThisBatch = 0;
        this.bytesPerSync.push(bytes);
        this.payloadOpsPerSync.push(this.payloadOpsThisBatch);
        this.payloadOpsThisBatch = 0;
        const tooLarge = this.requestLimitBytes !== null && bytes > this.requestLimitBytes ? { afterOps: 0, code: "RequestPayloadSizeLimitExceeded" } : undefined;
        // The response: everything loaded, as Excel would send it back. Too large, and the request's operations
        // still ran (only the answer is refused): the cautious reading, since Excel sizes it after running them.
        let response = 0;
        for (const p of this.pending) response += p.responseBytes?.() ?? 0;
        this.responseBytesPerSync.push(response);
        const answerLimit = this.responseLimitBytes ?? this.requestLimitBytes;
        const answerTooLarge = answerLimit !== null && response > answerLimit ? { afterOps: this.opsThisBatch, code: "ResponsePayloadSizeLimitExceeded" } : undefined;
        const failure = before !== undefined ? { afterOps: 0, code: before } : (tooLarge ?? partial ?? answerTooLarge);
        if (failure) {
          this.failAtSync.delete(this.syncs);
          this.opsPerSync.push(Math.min(failure.afterOps, this.opsThisBatch));
          // Operations after the failing one never ran.
          for (let i = this.journal.length - 1; i >= 0 && this.journal[i].op > failure.afterOps; i--) this.journal[i].undo();
          this.journal = [];
          this.opsThisBatch = 0;
          this.pending.clear();
          throw new FakeOfficeError(failure.code);
        }
        this.opsPerSync.push(this.opsThisBatch);
        this.journal = [];
        this.opsThisBatch = 0;
        for (const p of this.pending) p.resolveLoads();
        this.pending.clear();
      },
    };
    return ctx as unknown as Excel.RequestContext;
  }

  /** An Excel.run over this workbook (operations queued after the last sync run when the batch ends, as in Excel). */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.journal = [];
    this.opsThisBatch = 0;
    this.bytesThisBatch = 0;
    this.payloadOpsThisBatch = 0;
    return batch(this.context());
  };

  /**
   * Re-points every formula after row `row` of `sheet` was deleted in columns [left, right]: references
   * below move up one, references to the row itself become #REF!.
   */
  shiftReferences(sheet: FakeSheet, row: number, left: number, right: number): void {
    const pattern = /((?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w([])/g;
    for (const s of this.sheets) {
      for (const [key, value] of [...s.cells.entries()]) {
        if (typeof value !== "string" || !value.startsWith("=")) continue;
        const next = value.replace(pattern, (whole, qualifier: string | undefined, quoted: string | undefined, bare: string | undefined, d1: string, col: string, d2: string, r: string) => {
          const target = qualifier ? (quoted ?? bare ?? "").replace(/''/g, "'") : s.name;
          if (target.toLowerCase() !== sheet.name.toLowerCase()) return whole;
          const c = columnNumber(col);
          const n = Number(r);
          if (c < left || c > right || n < row) return whole;
          if (n === row) return `${qualifier ?? ""}#REF!`;
          return `${qualifier ?? ""}${d1}${col}${d2}${n - 1}`;
        });
        if (next !== value) {
          const [rr, cc] = key.split(",").map(Number);
          this.setCell(s, rr, cc, next);
        }
      }
    }
  }
}

/** Guards loaded properties: readable only after load() and a sync. */
class LoadGuard implements Loadable {
  readonly requested = new Set<string>();
  private ready = new Set<string>();
  constructor(
    private readonly state: FakeWorkbookState,
    private readonly onResolve?: (props: Set<string>) => void,
    readonly responseBytes?: () => number,
  ) {}
  load(props: string | string[] | undefined): void {
    const list = props === undefined ? ["*"] : Array.isArray(props) ? props : props.split(",");
    for (const p of list) this.requested.add(p.trim().replace(/^items\//, ""));
    this.state.pending.add(this);
  }
  resolveLoads(): void {
    for (const p of this.requested) this.ready.add(p);
    this.onResolve?.(this.requested);
    this.requested.clear();
  }
  /** Whether `prop` is loaded or being loaded. */
  asked(prop: string): boolean {
    return this.requested.has(prop) || this.requested.has("*") || this.ready.has(prop) || this.ready.has("*");
  }
  check(prop: string): void {
    if (!this.ready.has(prop) && !this.ready.has("*")) throw new FakeOfficeError("PropertyNotLoaded", `${prop} read before load() and sync()`);
  }
}

/** A sheet-scoped defined name. */
export interface FakeName {
  name: string;
  reference: string;
  comment: string;
}

export class FakeSheet {
  cells = new Map<string, Cell>();
  formats = new Map<string, string>();
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  charts: FakeChart[] = [];
  styles: Array<{ range: string; what: string }> = [];
  names: FakeName[] = [];
  activated = 0;
  tabColor = "";
  constructor(readonly state: FakeWorkbookState, public id: string, public name: string) {}

  key(row: number, col: number): string {
    return `${row},${col}`;
  }
  get(address: string): Cell | undefined {
    const r = parseRange(address) as Rect;
    return this.cells.get(this.key(r.top, r.left));
  }
  /** Sets a cell as the analyst types it (not journaled). */
  set(address: string, value: Cell): void {
    const r = parseRange(address) as Rect;
    if (value === "") this.cells.delete(this.key(r.top, r.left));
    else this.cells.set(this.key(r.top, r.left), value);
  }
  usedRect(): Rect | null {
    let rect: Rect | null = null;
    for (const k of this.cells.keys()) {
      const [row, col] = k.split(",").map(Number);
      rect = rect
        ? { top: Math.min(rect.top, row), left: Math.min(rect.left, col), bottom: Math.max(rect.bottom, row), right: Math.max(rect.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return rect;
  }
  /** Rows of stored cell contents ("'" marks text typed with an apostrophe; "" for empty) over a rectangle. */
  read(rect: Rect): Cell[][] {
    const rows: Cell[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: Cell[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(this.cells.get(this.key(r, c)) ?? "");
      rows.push(row);
    }
    return rows;
  }
  /** All formulas on the sheet, keyed by address (text typed with an apostrophe is not a formula). */
  formulas(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.cells) {
      if (typeof v === "string" && v.startsWith("=")) {
        const [row, col] = k.split(",").map(Number);
        out[`${columnLetters(col)}${row}`] = v;
      }
    }
    return out;
  }
}

export class FakeTable {
  style = "";
  showTotals = false;
  constructor(readonly state: FakeWorkbookState, readonly sheet: FakeSheet, public name: string, public top: number, public left: number, public width: number, public bodyRows: number) {}
  /** Header, body and totals row. */
  rect(): Rect {
    return { top: this.top, left: this.left, bottom: this.top + this.bodyRows + (this.showTotals ? 1 : 0), right: this.left + this.width - 1 };
  }
  header(): Cell[] {
    return this.sheet.read({ top: this.top, left: this.left, bottom: this.top, right: this.left + this.width - 1 })[0];
  }
  body(): Cell[][] {
    return this.bodyRows === 0 ? [] : this.sheet.read({ top: this.top + 1, left: this.left, bottom: this.top + this.bodyRows, right: this.left + this.width - 1 });
  }
  /** Deletes body row i (0-based): the cells below shift up inside the table's columns, formulas are re-pointed. */
  deleteRow(i: number): void {
    const s = this.state;
    const row = this.top + 1 + i;
    const bottom = this.rect().bottom;
    for (let r = row; r <= bottom; r++) {
      for (let c = this.left; c < this.left + this.width; c++) {
        const below = r < bottom ? this.sheet.cells.get(this.sheet.key(r + 1, c)) : undefined;
        s.setCell(this.sheet, r, c, below);
      }
    }
    s.setField(this as FakeTable, "bodyRows", this.bodyRows - 1);
    s.shiftReferences(this.sheet, row, this.left, this.left + this.width - 1);
  }
  /** Appends body rows above the totals row (which moves down). */
  appendRows(values: Cell[][]): void {
    const s = this.state;
    const start = this.top + this.bodyRows + 1;
    if (this.showTotals) {
      for (let c = this.left; c < this.left + this.width; c++) {
        const total = this.sheet.cells.get(this.sheet.key(start, c));
        s.setCell(this.sheet, start, c, undefined);
        s.setCell(this.sheet, start + values.length, c, total);
      }
    }
    s.setField(this as FakeTable, "bodyRows", this.bodyRows + values.length);
    values.forEach((row, i) => row.forEach((v, j) => s.setCell(this.sheet, start + i, this.left + j, v === "" || v === null ? undefined : v)));
  }
}

export class FakeChart {
  name = "";
  title = { text: "" };
  legend = { position: "" };
  axes = { categoryAxis: { reversePlotOrder: false } };
  position: [string, string] | null = null;
  deleted = false;
  constructor(readonly sheet: FakeSheet, readonly type: string, public source: string, public seriesBy: string) {}
  setPosition(from: string, to: string): void {
    this.sheet.state.beginOp();
    this.sheet.state.setField(this as FakeChart, "position", [from, to]);
  }
  setData(source: FakeRange, seriesBy: string): void {
    this.sheet.state.beginOp();
    this.sheet.state.setField(this as FakeChart, "source", source.address ?? "?");
    this.seriesBy = seriesBy;
  }
  delete(): void {
    this.sheet.state.beginOp();
    this.sheet.state.setField(this as FakeChart, "deleted", true);
    this.sheet.state.setField(this.sheet, "charts", this.sheet.charts.filter((c) => c !== this));
  }
}

export class FakeXmlPart {
  constructor(readonly id: string, readonly namespaceUri: string, public xml: string) {}
}

// ---- proxies (what the host code holds) ---------------------------------------------------------

class FakeWorkbookProxy {
  constructor(private readonly state: FakeWorkbookState) {}
  get worksheets(): FakeWorksheetCollection {
    return new FakeWorksheetCollection(this.state);
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.state, null);
  }
  get customXmlParts(): FakeXmlPartCollection {
    return new FakeXmlPartCollection(this.state, null);
  }
}

class FakeWorksheetCollection {
  private guard: LoadGuard;
  private snapshot: FakeWorksheetProxy[] = [];
  constructor(private readonly state: FakeWorkbookState) {
    this.guard = new LoadGuard(state, () => {
      this.snapshot = state.sheets.map((s) => new FakeWorksheetProxy(state, s, true));
    });
  }
  load(props?: string): this {
    this.guard.load(props);
    return this;
  }
  get items(): FakeWorksheetProxy[] {
    this.guard.check("name");
    return this.snapshot;
  }
  add(name: string): FakeWorksheetProxy {
    this.state.beginOp();
    return new FakeWorksheetProxy(this.state, this.state.addSheet(name), false);
  }
  getItem(key: string): FakeWorksheetProxy {
    const sheet = this.state.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `worksheet ${key}`);
    return new FakeWorksheetProxy(this.state, sheet, false);
  }
}

class FakeWorksheetProxy {
  private guard: LoadGuard;
  constructor(private readonly state: FakeWorkbookState, readonly sheet: FakeSheet, preloaded: boolean) {
    this.guard = new LoadGuard(state);
    if (preloaded) {
      this.guard.load("id,name");
      this.guard.resolveLoads();
      state.pending.delete(this.guard);
    }
  }
  load(props?: string): this {
    this.guard.load(props);
    return this;
  }
  get id(): string {
    this.guard.check("id");
    return this.sheet.id;
  }
  get name(): string {
    this.guard.check("name");
    return this.sheet.name;
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.state, this.sheet, () => null, "all");
    const col = /^([A-Z]+):([A-Z]+)$/.exec(address);
    if (col) return new FakeRange(this.state, this.sheet, () => null, "column", address);
    const rect = parseRange(address);
    if (!rect) throw new FakeOfficeError("InvalidArgument", `address ${address}`);
    return new FakeRange(this.state, this.sheet, () => rect, "rect", address);
  }
  getUsedRange(): FakeRange {
    return new FakeRange(this.state, this.sheet, () => this.sheet.usedRect() ?? { top: 1, left: 1, bottom: 1, right: 1 }, "rect");
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.state, this.sheet);
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.state, this.sheet);
  }
  get names(): FakeNameCollection {
    return new FakeNameCollection(this.state, this.sheet);
  }
  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) => {
        this.state.beginOp();
        this.state.setField(this.sheet, "frozenRows", n);
      },
    };
  }
  activate(): void {
    this.state.beginOp();
    this.sheet.activated++;
  }
  delete(): void {
    this.state.beginOp();
    this.state.setField(this.state, "sheets", this.state.sheets.filter((s) => s !== this.sheet));
    this.state.setField(this.state, "tables", this.state.tables.filter((t) => t.sheet !== this.sheet));
  }
  set tabColor(color: string) {
    this.state.beginOp();
    this.state.setField(this.sheet, "tabColor", color);
  }
}

class FakeNameCollection {
  private guard: LoadGuard;
  private snapshot: FakeName[] = [];
  constructor(private readonly state: FakeWorkbookState, private readonly sheet: FakeSheet) {
    this.guard = new LoadGuard(state, () => {
      this.snapshot = sheet.names.map((n) => ({ ...n }));
    });
  }
  load(props?: string): this {
    this.guard.load(props);
    return this;
  }
  get items(): FakeName[] {
    this.guard.check("name");
    return this.snapshot;
  }
  add(name: string, reference: string, comment?: string): FakeName {
    this.state.beginOp();
    if (this.sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `name ${name}`);
    const item = { name, reference, comment: comment ?? "" };
    this.state.setField(this.sheet, "names", [...this.sheet.names, item]);
    return item;
  }
}

class FakeFormat {
  constructor(private readonly range: FakeRange) {}
  private note(what: string): void {
    this.range.state.beginOp();
    const styles = this.range.sheet.styles;
    this.range.state.setField(this.range.sheet, "styles", [...styles, { range: this.range.address ?? "?", what }]);
  }
  get font(): Record<string, unknown> {
    return new Proxy({}, { set: (_t, p, v) => (this.note(`font.${String(p)}=${String(v)}`), true) });
  }
  get fill(): Record<string, unknown> {
    return new Proxy({}, { set: (_t, p, v) => (this.note(`fill.${String(p)}=${String(v)}`), true) });
  }
  get borders(): { getItem(edge: string): Record<string, unknown> } {
    return { getItem: (edge: string) => new Proxy({}, { set: (_t, p, v) => (this.note(`border.${edge}.${String(p)}=${String(v)}`), true) }) };
  }
  set wrapText(v: boolean) {
    this.note(`wrapText=${v}`);
  }
  set columnWidth(points: number) {
    const m = /^([A-Z]+):/.exec(this.range.address ?? "");
    if (!m) throw new FakeOfficeError("InvalidArgument", "columnWidth on a non-column range");
    this.range.state.beginOp();
    const widths = new Map(this.range.sheet.columnWidths);
    widths.set(columnNumber(m[1]), points);
    this.range.state.setField(this.range.sheet, "columnWidths", widths);
  }
  autofitColumns(): void {
    this.note("autofit");
  }
}

/**
 * What Excel stores for a value written through formulas or values. A leading apostrophe only marks text:
 * kept in storage where it matters (text that would read as a formula), dropped elsewhere ("'-x" is "-x").
 */
function stored(v: Cell): Cell | undefined {
  if (v === "") return undefined;
  if (typeof v === "string" && v.startsWith("'") && !v.startsWith("'=")) return v.slice(1);
  return v;
}

/** A stored cell as `formulas` reads it: the apostrophe of text is dropped (office-js #6687). */
function asFormula(v: Cell): Cell {
  return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
}

class FakeRange {
  private guard: LoadGuard;
  private snap: { formulas: Cell[][]; values: Cell[][]; numberFormat: string[][]; rowCount: number; columnCount: number; rowIndex: number; columnIndex: number } | null = null;
  constructor(
    readonly state: FakeWorkbookState,
    readonly sheet: FakeSheet,
    private readonly resolve: () => Rect | null,
    private readonly kind: "all" | "column" | "rect",
    readonly address?: string,
  ) {
    this.guard = new LoadGuard(
      state,
      () => {
        this.snap = this.measured ?? this.contents();
        this.measured = null;
      },
      () => {
        // What the response carries: the cell arrays loaded (sizes and positions are a few bytes).
        const props = [...this.guard.requested].filter((p) => p === "formulas" || p === "values" || p === "numberFormat" || p === "*");
        if (props.length === 0) return 0;
        this.measured = this.contents();
        const snap = this.measured;
        const all = props.includes("*") ? ["formulas", "values", "numberFormat"] : props;
        return all.reduce((n, p) => n + Buffer.byteLength(JSON.stringify(snap[p as "formulas" | "values" | "numberFormat"]), "utf8"), 0);
      },
    );
  }
  /** The contents measured for the response, reused when the same sync resolves the load. */
  private measured: FakeRange["snap"] = null;
  private contents(): NonNullable<FakeRange["snap"]> {
    const rect = this.resolve() as Rect;
    const raw = this.sheet.read(rect);
    const state = this.state;
    return {
      formulas: raw.map((r) => r.map(asFormula)),
      values: raw.map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=") ? state.formulaValue(v) : asFormula(v)))),
      // Formats only when asked for (reading a 30,000-row table's formats would cost the tests time for nothing).
      numberFormat: this.guard.asked("numberFormat") ? raw.map((r, i) => r.map((_, j) => this.sheet.formats.get(this.sheet.key(rect.top + i, rect.left + j)) ?? "General")) : [],
      rowCount: rect.bottom - rect.top + 1,
      columnCount: rect.right - rect.left + 1,
      rowIndex: rect.top - 1,
      columnIndex: rect.left - 1,
    };
  }
  /** The range `rows` below and `cols` right of this one, of the same size. */
  getOffsetRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.state, this.sheet, () => {
      const r = this.rectOrThrow();
      return { top: r.top + rows, left: r.left + cols, bottom: r.bottom + rows, right: r.right + cols };
    }, "rect");
  }
  /** This range grown (or shrunk) by `rows` and `cols` at its bottom right. */
  getResizedRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.state, this.sheet, () => {
      const r = this.rectOrThrow();
      if (r.bottom + rows < r.top || r.right + cols < r.left) throw new FakeOfficeError("InvalidArgument", "resized to nothing");
      return { top: r.top, left: r.left, bottom: r.bottom + rows, right: r.right + cols };
    }, "rect");
  }
  load(props?: string): this {
    this.guard.load(props);
    return this;
  }
  private rectOrThrow(): Rect {
    const rect = this.resolve();
    if (!rect) throw new FakeOfficeError("InvalidArgument", "cell contents on a whole-sheet or column range");
    return rect;
  }
  private write(rows: unknown, apply: (r: number, c: number, v: Cell) => void): void {
    this.state.beginOp(rows);
    const rect = this.rectOrThrow();
    const h = rect.bottom - rect.top + 1;
    const w = rect.right - rect.left + 1;
    if (typeof rows === "string" || typeof rows === "number" || typeof rows === "boolean") {
      // One value for the whole range: Excel sets it in every cell ("Update all cells in a range").
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) apply(r, c, rows);
      return;
    }
    if (!Array.isArray(rows) || rows.length !== h || rows.some((r) => !Array.isArray(r) || r.length !== w)) {
      throw new FakeOfficeError("InvalidArgument", `expected ${h}x${w} for ${rangeAddress(rect.top, rect.left, rect.bottom, rect.right)}`);
    }
    rows.forEach((row: Cell[], i) => row.forEach((v, j) => apply(rect.top + i, rect.left + j, v)));
  }
  set formulas(rows: Cell[][]) {
    this.write(rows, (r, c, v) => {
      if (v === null || v === undefined) return;
      this.state.setCell(this.sheet, r, c, stored(v));
    });
  }
  get formulas(): Cell[][] {
    this.guard.check("formulas");
    return this.snap!.formulas;
  }
  set values(rows: Cell[][]) {
    this.formulas = rows;
  }
  get values(): Cell[][] {
    this.guard.check("values");
    return this.snap!.values;
  }
  set numberFormat(rows: string[][]) {
    this.write(rows, (r, c, v) => this.state.setFormat(this.sheet, r, c, String(v)));
  }
  get numberFormat(): string[][] {
    this.guard.check("numberFormat");
    return this.snap!.numberFormat;
  }
  get rowCount(): number {
    this.guard.check("rowCount");
    return this.snap!.rowCount;
  }
  get columnCount(): number {
    this.guard.check("columnCount");
    return this.snap!.columnCount;
  }
  get rowIndex(): number {
    this.guard.check("rowIndex");
    return this.snap!.rowIndex;
  }
  get columnIndex(): number {
    this.guard.check("columnIndex");
    return this.snap!.columnIndex;
  }
  get format(): FakeFormat {
    return new FakeFormat(this);
  }
  clear(applyTo?: string): void {
    if (this.kind === "column") throw new FakeOfficeError("InvalidArgument", "clear on a column");
    this.state.beginOp();
    const rect = this.kind === "all" ? { top: 1, left: 1, bottom: 1e6, right: 16384 } : this.rectOrThrow();
    for (const k of [...this.sheet.cells.keys(), ...this.sheet.formats.keys()]) {
      const [r, c] = k.split(",").map(Number);
      if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) {
        this.state.setCell(this.sheet, r, c, undefined);
        if (applyTo !== "Contents" && this.sheet.formats.has(k)) this.state.setFormat(this.sheet, r, c, undefined);
      }
    }
  }
}

class FakeTableCollection {
  private guard: LoadGuard;
  private snapshot: FakeTableProxy[] = [];
  constructor(private readonly state: FakeWorkbookState, private readonly sheet: FakeSheet | null) {
    this.guard = new LoadGuard(state, () => {
      this.snapshot = state.tables.filter((t) => !sheet || t.sheet === sheet).map((t) => new FakeTableProxy(state, t));
    });
  }
  load(props?: string): this {
    this.guard.load(props);
    return this;
  }
  get items(): FakeTableProxy[] {
    this.guard.check("name");
    return this.snapshot;
  }
  getItem(name: string): FakeTableProxy {
    const t = this.state.table(name);
    if (!t) throw new FakeOfficeError("ItemNotFound", `table ${name}`);
    return new FakeTableProxy(this.state, t);
  }
  add(address: string, hasHeaders: boolean): FakeTableProxy {
    if (!this.sheet) throw new Error("fake: add tables through a worksheet");
    if (!hasHeaders) throw new Error("fake: only tables with headers");
    this.state.beginOp();
    const rect = parseRange(address) as Rect;
    const overlapping = this.state.tables.find((t) => t.sheet === this.sheet && !(rect.bottom < t.top || rect.top > t.rect().bottom || rect.right < t.left || rect.left > t.left + t.width - 1));
    if (overlapping) throw new FakeOfficeError("InvalidOperation", `tables overlap: ${overlapping.name}`);
    let n = this.state.tables.length + 1;
    while (this.state.table(`Table${n}`)) n++;
    const table = new FakeTable(this.state, this.sheet, `Table${n}`, rect.top, rect.left, rect.right - rect.left + 1, rect.bottom - rect.top);
    this.state.setField(this.state, "tables", [...this.state.tables, table]);
    return new FakeTableProxy(this.state, table);
  }
}

class FakeTableProxy {
  private guard: LoadGuard;
  constructor(private readonly state: FakeWorkbookState, readonly table: FakeTable) {
    this.guard = new LoadGuard(state);
    this.guard.load("name");
    this.guard.resolveLoads();
    state.pending.delete(this.guard);
  }
  load(props?: string): this {
    this.guard.load(props);
    return this;
  }
  get name(): string {
    this.guard.check("name");
    return this.table.name;
  }
  set name(value: string) {
    this.state.beginOp();
    if (this.state.tables.some((t) => t !== this.table && t.name.toLowerCase() === value.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `table ${value}`);
    this.state.setField(this.table, "name", value);
  }
  get showTotals(): boolean {
    this.guard.check("showTotals");
    return this.table.showTotals;
  }
  set style(value: string) {
    this.state.beginOp();
    this.state.setField(this.table, "style", value);
  }
  get worksheet(): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.state, this.table.sheet, false);
  }
  getRange(): FakeRange {
    return new FakeRange(this.state, this.table.sheet, () => this.table.rect(), "rect");
  }
  getHeaderRowRange(): FakeRange {
    const t = this.table;
    return new FakeRange(this.state, t.sheet, () => ({ top: t.top, left: t.left, bottom: t.top, right: t.left + t.width - 1 }), "rect");
  }
  getDataBodyRange(): FakeRange {
    const t = this.table;
    return new FakeRange(this.state, t.sheet, () => ({ top: t.top + 1, left: t.left, bottom: t.top + t.bodyRows, right: t.left + t.width - 1 }), "rect");
  }
  get rows(): { add(index: number | null | undefined, values: Cell[][]): void; getItemAt(i: number): { delete(): void } } {
    const t = this.table;
    return {
      add: (index, values) => {
        if (index !== undefined && index !== null) throw new Error("fake: rows are only appended");
        this.state.beginOp(values);
        t.appendRows(values);
      },
      getItemAt: (i) => ({
        delete: () => {
          // The call itself is what the request carries: an object path to row i and a delete action, in the
          // shape Office.js serialises them (ids, types, names, arguments: about 170 bytes).
          this.state.beginOp({
            path: { Id: 1000, ObjectPathType: 3, Name: "GetItemAt", ParentObjectPathId: 999, ArgumentInfo: { Arguments: [i] } },
            action: { Id: 1001, ActionType: 3, Name: "Delete", ObjectPathId: 1000, ArgumentInfo: {} },
          });
          if (i < 0 || i >= t.bodyRows) throw new FakeOfficeError("ItemNotFound", `row ${i}`);
          t.deleteRow(i);
        },
      }),
    };
  }
}

class FakeChartCollection {
  private guard: LoadGuard;
  private snapshot: FakeChart[] = [];
  constructor(private readonly state: FakeWorkbookState, private readonly sheet: FakeSheet) {
    this.guard = new LoadGuard(state, () => {
      this.snapshot = [...sheet.charts];
    });
  }
  load(props?: string): this {
    this.guard.load(props);
    return this;
  }
  get items(): FakeChart[] {
    this.guard.check("name");
    return this.snapshot;
  }
  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    this.state.beginOp();
    const chart = new FakeChart(this.sheet, type, source.address ?? "?", seriesBy);
    this.state.setField(this.sheet, "charts", [...this.sheet.charts, chart]);
    return chart;
  }
}

class FakeXmlPartCollection {
  private guard: LoadGuard;
  private snapshot: FakeXmlPartProxy[] = [];
  constructor(private readonly state: FakeWorkbookState, private readonly namespace: string | null) {
    this.guard = new LoadGuard(state, () => {
      this.snapshot = state.parts.filter((p) => !namespace || p.namespaceUri === namespace).map((p) => new FakeXmlPartProxy(state, p));
    });
  }
  load(props?: string): this {
    this.guard.load(props);
    return this;
  }
  get items(): FakeXmlPartProxy[] {
    this.guard.check("id");
    return this.snapshot;
  }
  getItem(id: string): FakeXmlPartProxy {
    const part = this.state.parts.find((p) => p.id === id);
    if (!part) throw new FakeOfficeError("ItemNotFound", `part ${id}`);
    return new FakeXmlPartProxy(this.state, part);
  }
  getByNamespace(ns: string): FakeXmlPartCollection {
    return new FakeXmlPartCollection(this.state, ns);
  }
  add(xml: string): FakeXmlPartProxy {
    this.state.beginOp(xml);
    const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
    const part = new FakeXmlPart(`{part-${nextGuid++}}`, ns, xml);
    this.state.setField(this.state, "parts", [...this.state.parts, part]);
    return new FakeXmlPartProxy(this.state, part);
  }
}

class FakeXmlPartProxy {
  constructor(private readonly state: FakeWorkbookState, readonly part: FakeXmlPart) {}
  get id(): string {
    return this.part.id;
  }
  getXml(): { readonly value: string } {
    const guard = new LoadGuard(this.state);
    let value = "";
    guard.load("value");
    const part = this.part;
    const result = {
      get value(): string {
        guard.check("value");
        return value;
      },
    };
    // The content is captured when the request runs, i.e. at the sync.
    const capture = { resolveLoads: () => void (value = part.xml), responseBytes: () => Buffer.byteLength(JSON.stringify(part.xml), "utf8") };
    this.state.pending.add(capture);
    return result;
  }
  setXml(xml: string): void {
    this.state.beginOp(xml);
    this.state.setField(this.part, "xml", xml);
  }
  delete(): void {
    this.state.beginOp();
    this.state.setField(this.state, "parts", this.state.parts.filter((p) => p !== this.part));
  }
}
