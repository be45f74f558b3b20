/**
 * A small typed stand-in for the few Excel objects src/office uses, because Excel itself cannot run here
 * and office-addin-mock keeps no collections (worksheets.add, tables, custom XML parts). It keeps a real
 * in-memory workbook (sheets with ids, cells holding constants or formula text, tables, charts, custom XML
 * parts) and imitates the parts of Office.js semantics the host relies on:
 *
 * - loaded properties (collection items, range formulas/values, a new sheet's id, getXml's value) can only
 *   be read after a context.sync() that follows their load(): reading early throws PropertyNotLoaded;
 * - loaded range contents are a snapshot taken at sync time;
 * - writes must match the range's dimensions (InvalidArgument otherwise); duplicate sheet or table names
 *   throw ItemAlreadyExists; unknown names ItemNotFound.
 *
 * What it does not do: compute formulas (reading `values` of a formula cell gives `formulaValue`, 0 by
 * default), formats beyond recording them, or Excel's rejection of requests over 5 MB.
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
  /** Errors to throw at given sync numbers (1-based). */
  failAtSync = new Map<number, string>();

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `sheet ${name}`);
    const sheet = new FakeSheet(this, `{${String(nextGuid++).padStart(8, "0")}-AAAA-BBBB-CCCC-DDDDDDDDDDDD}`, name);
    this.sheets.push(sheet);
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

  /** The request context handed to a batch. */
  context(): Excel.RequestContext {
    const ctx = {
      workbook: new FakeWorkbookProxy(this),
      sync: async () => {
        this.syncs++;
        const failure = this.failAtSync.get(this.syncs);
        if (failure) {
          this.failAtSync.delete(this.syncs);
          this.pending.clear();
          throw new FakeOfficeError(failure);
        }
        for (const p of this.pending) p.resolveLoads();
        this.pending.clear();
      },
    };
    return ctx as unknown as Excel.RequestContext;
  }

  /** An Excel.run over this workbook. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context());
}

/** Guards loaded properties: readable only after load() and a sync. */
class LoadGuard implements Loadable {
  private requested = new Set<string>();
  private ready = new Set<string>();
  constructor(private readonly state: FakeWorkbookState, private readonly onResolve?: (props: Set<string>) => void) {}
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
  check(prop: string): void {
    if (!this.ready.has(prop) && !this.ready.has("*")) throw new FakeOfficeError("PropertyNotLoaded", `${prop} read before load() and sync()`);
  }
}

export class FakeSheet {
  cells = new Map<string, Cell>();
  formats = new Map<string, string>();
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  charts: FakeChart[] = [];
  styles: Array<{ range: string; what: string }> = [];
  activated = 0;
  tabColor = "";
  constructor(readonly state: FakeWorkbookState, readonly id: string, public name: string) {}

  key(row: number, col: number): string {
    return `${row},${col}`;
  }
  get(address: string): Cell | undefined {
    const r = parseRange(address) as Rect;
    return this.cells.get(this.key(r.top, r.left));
  }
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
  /** Rows of cell contents (constants or formula text; "" for empty) over a rectangle. */
  read(rect: Rect): Cell[][] {
    const rows: Cell[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: Cell[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(this.cells.get(this.key(r, c)) ?? "");
      rows.push(row);
    }
    return rows;
  }
  /** All formulas on the sheet, keyed by address. */
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
  constructor(readonly state: FakeWorkbookState, readonly sheet: FakeSheet, public name: string, public top: number, public left: number, public width: number, public bodyRows: number) {}
  rect(): Rect {
    return { top: this.top, left: this.left, bottom: this.top + this.bodyRows, right: this.left + this.width - 1 };
  }
  header(): Cell[] {
    return this.sheet.read({ top: this.top, left: this.left, bottom: this.top, right: this.left + this.width - 1 })[0];
  }
  body(): Cell[][] {
    return this.bodyRows === 0 ? [] : this.sheet.read({ top: this.top + 1, left: this.left, bottom: this.top + this.bodyRows, right: this.left + this.width - 1 });
  }
  /** Deletes body row i (0-based), shifting the rows below it up inside the table's columns. */
  deleteRow(i: number): void {
    const bottom = this.top + this.bodyRows;
    for (let r = this.top + 1 + i; r <= bottom; r++) {
      for (let c = this.left; c < this.left + this.width; c++) {
        const below = r < bottom ? this.sheet.cells.get(this.sheet.key(r + 1, c)) : undefined;
        if (below === undefined) this.sheet.cells.delete(this.sheet.key(r, c));
        else this.sheet.cells.set(this.sheet.key(r, c), below);
      }
    }
    this.bodyRows--;
  }
}

export class FakeChart {
  name = "";
  title = { text: "" };
  legend = { position: "" };
  axes = { categoryAxis: { reversePlotOrder: false } };
  position: [string, string] | null = null;
  deleted = false;
  constructor(readonly sheet: FakeSheet, readonly type: string, readonly source: string, readonly seriesBy: string) {}
  setPosition(from: string, to: string): void {
    this.position = [from, to];
  }
  delete(): void {
    this.deleted = true;
    this.sheet.charts = this.sheet.charts.filter((c) => c !== this);
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
  get freezePanes(): { freezeRows(n: number): void } {
    return { freezeRows: (n: number) => void (this.sheet.frozenRows = n) };
  }
  activate(): void {
    this.sheet.activated++;
  }
  set tabColor(color: string) {
    this.sheet.tabColor = color;
  }
}

class FakeFormat {
  constructor(private readonly range: FakeRange) {}
  private note(what: string): void {
    this.range.sheet.styles.push({ range: this.range.address ?? "?", what });
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
    this.range.sheet.columnWidths.set(columnNumber(m[1]), points);
  }
  autofitColumns(): void {
    this.note("autofit");
  }
}

class FakeRange {
  private guard: LoadGuard;
  private snap: { formulas: Cell[][]; values: Cell[][]; numberFormat: string[][]; rowCount: number; columnCount: number } | null = null;
  constructor(
    private readonly state: FakeWorkbookState,
    readonly sheet: FakeSheet,
    private readonly resolve: () => Rect | null,
    private readonly kind: "all" | "column" | "rect",
    readonly address?: string,
  ) {
    this.guard = new LoadGuard(state, () => {
      const rect = this.resolve() as Rect;
      const formulas = sheet.read(rect);
      this.snap = {
        formulas,
        values: formulas.map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=") ? state.formulaValue(v) : v))),
        numberFormat: formulas.map((r, i) => r.map((_, j) => sheet.formats.get(sheet.key(rect.top + i, rect.left + j)) ?? "General")),
        rowCount: rect.bottom - rect.top + 1,
        columnCount: rect.right - rect.left + 1,
      };
    });
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
    const rect = this.rectOrThrow();
    const h = rect.bottom - rect.top + 1;
    const w = rect.right - rect.left + 1;
    if (!Array.isArray(rows) || rows.length !== h || rows.some((r) => !Array.isArray(r) || r.length !== w)) {
      throw new FakeOfficeError("InvalidArgument", `expected ${h}x${w} for ${rangeAddress(rect.top, rect.left, rect.bottom, rect.right)}`);
    }
    rows.forEach((row: Cell[], i) => row.forEach((v, j) => apply(rect.top + i, rect.left + j, v)));
  }
  set formulas(rows: Cell[][]) {
    this.write(rows, (r, c, v) => {
      if (v === null || v === undefined) return;
      if (v === "") this.sheet.cells.delete(this.sheet.key(r, c));
      else this.sheet.cells.set(this.sheet.key(r, c), v);
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
    this.write(rows, (r, c, v) => void this.sheet.formats.set(this.sheet.key(r, c), String(v)));
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
  get format(): FakeFormat {
    return new FakeFormat(this);
  }
  clear(applyTo?: string): void {
    if (this.kind === "column") throw new FakeOfficeError("InvalidArgument", "clear on a column");
    const rect = this.kind === "all" ? { top: 1, left: 1, bottom: 1e6, right: 16384 } : this.rectOrThrow();
    for (const k of [...this.sheet.cells.keys()]) {
      const [r, c] = k.split(",").map(Number);
      if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) {
        this.sheet.cells.delete(k);
        if (applyTo !== "Contents") this.sheet.formats.delete(k);
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
    const rect = parseRange(address) as Rect;
    const overlapping = this.state.tables.find((t) => t.sheet === this.sheet && !(rect.bottom < t.top || rect.top > t.top + t.bodyRows || rect.right < t.left || rect.left > t.left + t.width - 1));
    if (overlapping) throw new FakeOfficeError("InvalidOperation", `tables overlap: ${overlapping.name}`);
    let n = this.state.tables.length + 1;
    while (this.state.table(`Table${n}`)) n++;
    const table = new FakeTable(this.state, this.sheet, `Table${n}`, rect.top, rect.left, rect.right - rect.left + 1, rect.bottom - rect.top);
    this.state.tables.push(table);
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
  get name(): string {
    this.guard.check("name");
    return this.table.name;
  }
  set name(value: string) {
    if (this.state.tables.some((t) => t !== this.table && t.name.toLowerCase() === value.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `table ${value}`);
    this.table.name = value;
  }
  set style(value: string) {
    this.table.style = value;
  }
  get worksheet(): FakeWorksheetProxy {
    return new FakeWorksheetProxy(this.state, this.table.sheet, false);
  }
  getRange(): FakeRange {
    return new FakeRange(this.state, this.table.sheet, () => this.table.rect(), "rect");
  }
  getDataBodyRange(): FakeRange {
    const t = this.table;
    return new FakeRange(this.state, t.sheet, () => ({ top: t.top + 1, left: t.left, bottom: t.top + t.bodyRows, right: t.left + t.width - 1 }), "rect");
  }
  get rows(): { add(index: number | undefined, values: Cell[][]): void; getItemAt(i: number): { delete(): void } } {
    const t = this.table;
    return {
      add: (index, values) => {
        if (index !== undefined && index !== null) throw new Error("fake: rows are only appended");
        const start = t.top + t.bodyRows + 1;
        t.bodyRows += values.length;
        values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v === "" || v === null) t.sheet.cells.delete(t.sheet.key(start + i, t.left + j));
            else t.sheet.cells.set(t.sheet.key(start + i, t.left + j), v);
          }),
        );
      },
      getItemAt: (i) => ({
        delete: () => {
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
  constructor(state: FakeWorkbookState, private readonly sheet: FakeSheet) {
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
    const chart = new FakeChart(this.sheet, type, source.address ?? "?", seriesBy);
    this.sheet.charts.push(chart);
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
  getByNamespace(ns: string): FakeXmlPartCollection {
    return new FakeXmlPartCollection(this.state, ns);
  }
  add(xml: string): FakeXmlPartProxy {
    const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
    const part = new FakeXmlPart(`{part-${nextGuid++}}`, ns, xml);
    this.state.parts.push(part);
    return new FakeXmlPartProxy(this.state, part);
  }
}

class FakeXmlPartProxy {
  constructor(private readonly state: FakeWorkbookState, readonly part: FakeXmlPart) {}
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
    const capture = { resolveLoads: () => void (value = part.xml) };
    this.state.pending.add(capture);
    return result;
  }
  setXml(xml: string): void {
    this.part.xml = xml;
  }
}
