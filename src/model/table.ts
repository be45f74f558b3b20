/**
 * The workbook table layout shared by the Facts / Entities sheets and AIFIN.MODEL(ranges): one row per
 * fact or entity, analyst-readable columns, and a tolerant reader for what Excel hands back.
 */
import { parseDateCell } from "./dates";
import {
  CLAIM_IDS,
  FACT_KINDS,
  FACT_STATUSES,
  PROVENANCES,
  ROLES,
  type ClaimId,
  type Entity,
  type Fact,
  type FactKind,
  type FactStatus,
  type Provenance,
  type Role,
} from "./types";

/** A cell as written to or read from Excel. */
export type CellValue = string | number | boolean | null;

/** A problem found while reading a table; `row` is 1-based and counts the header row. */
export interface TableIssue {
  row: number;
  column: string;
  message: string;
}

/** Header names of the Facts table, in order (typed: the fact reader names its cells from these). */
const FACT_COLUMN_NAMES = [
  "id",
  "kind",
  "from",
  "to",
  "amount_usd_bn",
  "pct",
  "amount_basis",
  "unit",
  "date",
  "term_years",
  "status",
  "estimate",
  "verified",
  "supersedes",
  "claims",
  "description",
  "source_title",
  "source_publisher",
  "source_url",
  "source_date",
  "provenance",
  "funded_usd_bn",
  "conditional_usd_bn",
  "period_months",
  "period_end",
  "derived_from",
] as const;
/** Header names of the Facts table, in order. */
export const FACT_COLUMNS: readonly string[] = Object.freeze([...FACT_COLUMN_NAMES]);

/**
 * Facts columns a workbook model's table must have (AIFIN.MODEL checks them with `missingColumns`): every
 * column whose absence would change a figure or a flag without a word (no `pct` column: every stake reads
 * as unknown; no `verified` column: every fact reads unverified). Descriptive columns (unit, description,
 * claims, sources) may be left out. `factsFromRows` itself needs only the columns that identify a fact.
 */
export const FACT_REQUIRED_COLUMNS: readonly string[] = Object.freeze([
  "id",
  "kind",
  "from",
  "to",
  "amount_usd_bn",
  "pct",
  "amount_basis",
  "date",
  "term_years",
  "status",
  "estimate",
  "verified",
  "supersedes",
]);

const ENTITY_COLUMN_NAMES = ["id", "name", "name_zh", "aliases", "roles", "listed", "members"] as const;
/** Header names of the Entities table, in order. */
export const ENTITY_COLUMNS: readonly string[] = Object.freeze([...ENTITY_COLUMN_NAMES]);

/** Separates ids in list cells (supersedes, claims, roles, members). */
const ID_SEPARATOR = ", ";
/** Separates aliases, which may themselves contain commas ("BANKS(JPM,MUFG)"). */
const ALIAS_SEPARATOR = " | ";

/** Fact rows in {@link FACT_COLUMNS} order, without the header row. */
export function factsToRows(facts: readonly Fact[]): CellValue[][] {
  return facts.map((f) => [
    f.id,
    f.kind,
    f.from,
    f.to,
    f.amountUsdBn,
    f.pct,
    f.amountBasis,
    f.unit,
    f.date,
    f.termYears,
    f.status,
    f.estimate,
    f.verified,
    f.supersedes.join(ID_SEPARATOR),
    f.claims.join(ID_SEPARATOR),
    f.description,
    f.source.title,
    f.source.publisher,
    f.source.url,
    f.source.date,
    f.provenance,
    f.fundedUsdBn,
    f.conditionalUsdBn,
    f.periodMonths,
    f.periodEnd,
    (f.derivedFrom ?? []).join(ID_SEPARATOR),
  ]);
}

/** Entity rows in {@link ENTITY_COLUMNS} order, without the header row. */
export function entitiesToRows(entities: readonly Entity[]): CellValue[][] {
  return entities.map((e) => [
    e.id,
    e.name,
    e.nameZh,
    e.aliases.join(ALIAS_SEPARATOR),
    e.roles.join(ID_SEPARATOR),
    e.listed,
    e.members.join(ID_SEPARATOR),
  ]);
}

// ---- reading -------------------------------------------------------------------------------------

/** The names in `required` that no header cell names (headers matched as the readers match them). */
export function missingColumns(header: readonly unknown[], required: readonly string[]): string[] {
  const present = new Set(header.map(headerKey));
  return required.filter((c) => !present.has(c));
}

/** Thrown inside a row reader and turned into a TableIssue for that cell. */
class CellProblem {
  constructor(
    readonly column: string,
    readonly message: string,
  ) {}
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && (v === "" || v.trim() === ""));
}

function headerKey(v: unknown): string {
  return String(v ?? "")
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function describe(v: unknown): string {
  return typeof v === "string" ? `"${v}"` : String(v);
}

const EXCEL_ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA)/i;

function looksLikeExcelError(v: unknown): boolean {
  if (typeof v !== "string" || v.length < 2) return false;
  // Cheap first test: almost no cell starts with "#" (or with a space before one).
  const c = v.charCodeAt(0);
  if (c !== 35 && c > 32) return false;
  return EXCEL_ERROR.test(v.trim());
}

/** Whether a text needs Unicode normalisation (anything beyond printable ASCII), read without a regular expression (three ids a row). */
function needsNormalising(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return true;
  }
  return false;
}

/** The position of each name in a list of columns, by name: what a row reader passes to `cell`. */
function columnNumbers<C extends string>(columns: readonly C[]): Readonly<Record<C, number>> {
  const out = {} as Record<C, number>;
  columns.forEach((c, i) => {
    out[c] = i;
  });
  return out;
}

/** Where each Facts / Entities column is in FACT_COLUMNS / ENTITY_COLUMNS, by name. */
const F = columnNumbers(FACT_COLUMN_NAMES);
const E = columnNumbers(ENTITY_COLUMN_NAMES);
/** The values of the amount_basis column. */
const AMOUNT_BASES = ["value", "cost"] as const;

/**
 * The cells of the row being read, by their column's position in the table's columns (see `columnNumbers`):
 * one per table read, and the row readers are plain functions, so a read makes no closure (a closure made
 * per read is compiled again by the optimising compiler for each read).
 */
class RowCells {
  row: readonly unknown[] = [];
  constructor(
    private readonly at: Int32Array,
    private readonly columns: readonly string[],
  ) {}

  /** The cell of a column (null when the table has no such column); an Excel error value is a problem. */
  get(column: number): unknown {
    const i = this.at[column];
    const v = i < 0 ? null : this.row[i];
    if (looksLikeExcelError(v)) throw new CellProblem(this.columns[column], `the cell holds the Excel error ${String(v).trim()}`);
    return v;
  }
}

/**
 * Reads one table: maps headers, walks rows, and collects issues instead of throwing. The row reader asks
 * for cells by their column's position in `columns` (see `columnNumbers`).
 */
function readTable<T>(
  rows: readonly (readonly unknown[])[],
  columns: readonly string[],
  required: readonly string[],
  readRow: (cells: RowCells) => T,
  idOf: (item: T) => string,
  uniqueIds = true,
): { items: T[]; issues: TableIssue[] } {
  const issues: TableIssue[] = [];
  // Sized for every row and cut to the items read: a 10,000-row read makes no growing copies.
  const items: T[] = new Array(Math.max(0, rows.length - 1));
  let count = 0;
  if (rows.length === 0) {
    issues.push({ row: 1, column: "", message: "the table is empty: the first row must be the header" });
    items.length = count;
    return { items, issues };
  }
  const index = new Map<string, number>();
  rows[0].forEach((h, i) => {
    const key = headerKey(h);
    if (columns.includes(key) && !index.has(key)) index.set(key, i);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    for (const c of missing) issues.push({ row: 1, column: c, message: `missing required column "${c}" (expected headers: ${columns.join(", ")})` });
    items.length = count;
    return { items, issues };
  }
  // Where each column is in the rows (-1: absent), by the column's position in `columns`, and one cell reader
  // for the whole table over the current row: a 10,000-row read makes no closure and no look-up by name per cell.
  const at = new Int32Array(columns.length);
  for (let c = 0; c < columns.length; c++) at[c] = index.get(columns[c]) ?? -1;
  const cells = new RowCells(at, columns);
  // Ids are unique whatever their case: "c002" beside "C002" would count one deal twice.
  const seen = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every(isBlank)) continue;
    cells.row = row;
    try {
      const item = readRow(cells);
      if (!uniqueIds) {
        items[count++] = item;
        continue;
      }
      const id = idOf(item);
      const key = id.toUpperCase();
      if (seen.has(key)) {
        issues.push({ row: r + 1, column: "id", message: `duplicate id "${id}" (ids must differ by more than case): the row is skipped` });
        continue;
      }
      seen.add(key);
      items[count++] = item;
    } catch (err) {
      if (err instanceof CellProblem) issues.push({ row: r + 1, column: err.column, message: `${err.message}: the row is skipped` });
      else throw err;
    }
  }
  items.length = count;
  return { items, issues };
}

function text(column: string, v: unknown, required: boolean): string {
  if (isBlank(v)) {
    if (required) throw new CellProblem(column, "is required");
    return "";
  }
  // Free text keeps its spacing so a table round trip is exact; ids are trimmed by id().
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new CellProblem(column, `expected text, got ${describe(v)}`);
}

function optionalText(column: string, v: unknown): string | null {
  return isBlank(v) ? null : text(column, v, true);
}

function id(column: string, v: unknown): string {
  const t = text(column, v, true);
  return (needsNormalising(t) ? t.normalize("NFKC") : t).trim();
}

/** Entity ids are upper case by convention: "msft" typed in a cell means MSFT. */
function entityId(column: string, v: unknown): string {
  return upperCase(id(column, v));
}

// Regular expressions of the cell readers, made once (a literal inside a function is a new object per call).
const THOUSANDS_COMMA = /(?<=\d),(?=\d{3}\b)/g;
const UNDERSCORES = /_/g;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const PERCENT_SIGN = /%\s*$/;

function number(column: string, v: unknown): number | null {
  if (isBlank(v)) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new CellProblem(column, `expected a finite number, got ${describe(v)}`);
    return v;
  }
  if (typeof v === "string") {
    const t = v.trim().replace(THOUSANDS_COMMA, "").replace(UNDERSCORES, "");
    if (DECIMAL.test(t)) return Number(t);
  }
  throw new CellProblem(column, `expected a number, got ${describe(v)}`);
}

/**
 * The largest amount a fact may record, USD bn (a quadrillion dollars, ten times world output): beyond it a
 * cell holds a typo or a placeholder such as 1e308, whose sums would overflow to Infinity.
 */
export const MAX_AMOUNT_USD_BN = 1_000_000;

function amount(column: string, v: unknown): number | null {
  const n = number(column, v);
  if (n !== null && Math.abs(n) > MAX_AMOUNT_USD_BN) {
    throw new CellProblem(column, `${describe(v)} is beyond ±${MAX_AMOUNT_USD_BN.toLocaleString("en-US")} USD bn: check the unit (amounts are in billions)`);
  }
  return n;
}

function fraction(column: string, v: unknown): number | null {
  if (typeof v === "string" && PERCENT_SIGN.test(v)) {
    const n = number(column, v.replace(PERCENT_SIGN, ""));
    return n === null ? null : n / 100;
  }
  return number(column, v);
}

function bool(column: string, v: unknown, fallback: boolean): boolean {
  if (isBlank(v)) return fallback;
  if (typeof v === "boolean") return v;
  if (typeof v === "number" && (v === 0 || v === 1)) return v === 1;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (["true", "yes", "y", "1"].includes(t)) return true;
    if (["false", "no", "n", "0"].includes(t)) return false;
  }
  throw new CellProblem(column, `expected TRUE/FALSE (or yes/no), got ${describe(v)}`);
}

function date(column: string, v: unknown, required: boolean): string | null {
  if (isBlank(v)) {
    if (required) throw new CellProblem(column, "is required (an ISO date YYYY-MM-DD or an Excel date)");
    return null;
  }
  const iso = parseDateCell(v);
  if (iso === null) throw new CellProblem(column, `expected an ISO date YYYY-MM-DD or an Excel date, got ${describe(v)}`);
  return iso;
}

function oneOf<T extends string>(column: string, v: unknown, allowed: readonly T[]): T {
  // Fast path: the cell already holds an allowed value exactly as written.
  if (typeof v === "string" && allowed.includes(v as T)) return v as T;
  const t = text(column, v, true).trim().toLowerCase();
  const hit = allowed.find((a) => a === t);
  if (!hit) throw new CellProblem(column, `expected one of ${allowed.join(", ")}, got ${describe(v)}`);
  return hit;
}

/** The list of a blank cell, one shared frozen array: a 10,000-row read makes no empty list per row. */
const NO_ITEMS: string[] = Object.freeze([]) as unknown as string[];

function list(v: unknown, separator: RegExp): string[] {
  if (isBlank(v)) return NO_ITEMS;
  return String(v)
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * The ids of a list cell (supersedes, claims, derived_from, roles, members): `list(v, /[,;]/)` read in one
 * pass, without a regular expression or the three lists in between (a 10,000-row table has thousands).
 */
function idList(v: unknown): string[] {
  if (isBlank(v)) return NO_ITEMS;
  const text = String(v);
  let out: string[] | null = null;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    // 44 ",", 59 ";"; the end of the text ends the last item.
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c !== 44 && c !== 59) continue;
    const item = (start === 0 && i === text.length ? text : text.slice(start, i)).trim();
    if (item !== "") (out ??= []).push(item);
    start = i + 1;
  }
  return out ?? NO_ITEMS;
}

/** `s.toUpperCase()`, without a new text when `s` is ASCII with no lower-case letter (ids usually are). */
export function upperCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return s.toUpperCase();
  }
  return s;
}

function claimList(column: string, v: unknown): ClaimId[] {
  const items = idList(v);
  // A blank cell's shared empty list stays shared (mapping it would make a new empty list per row).
  if (items === NO_ITEMS) return NO_ITEMS as ClaimId[];
  // The list is this call's own: upper-cased in place.
  for (let i = 0; i < items.length; i++) {
    const up = upperCase(items[i]) as ClaimId;
    if (!CLAIM_IDS.includes(up)) throw new CellProblem(column, `unknown claim "${items[i]}" (expected ${CLAIM_IDS[0]}..${CLAIM_IDS[CLAIM_IDS.length - 1]})`);
    items[i] = up;
  }
  return items as ClaimId[];
}

/** The derived_from cell: null when blank (the fact then has no derivedFrom, so facts without derivations stay as written). */
function derivedFromCell(v: unknown): string[] | null {
  const ids = idList(v);
  return ids.length === 0 ? null : ids;
}

/**
 * The provenance cell. Blank means "estimate" for a row marked as an estimate, else "secondary": a row an
 * analyst typed without saying where it came from is never ranked above a compilation (docs/data.md).
 */
function provenanceCell(v: unknown, estimate: boolean): Provenance {
  if (isBlank(v)) return estimate ? "estimate" : "secondary";
  return oneOf<Provenance>("provenance", v, PROVENANCES);
}

/** One fact from the cells of a row of a Facts table. */
function readFactRow(cells: RowCells): Fact {
  const basis = cells.get(F.amount_basis);
  const amountBasis = isBlank(basis) ? null : oneOf("amount_basis", basis, AMOUNT_BASES);
  const factDate = date("date", cells.get(F.date), true) as string;
  const estimate = bool("estimate", cells.get(F.estimate), false);
  const fact: Fact = {
    id: id("id", cells.get(F.id)),
    kind: oneOf<FactKind>("kind", cells.get(F.kind), FACT_KINDS),
    from: entityId("from", cells.get(F.from)),
    to: entityId("to", cells.get(F.to)),
    amountUsdBn: amount("amount_usd_bn", cells.get(F.amount_usd_bn)),
    amountBasis,
    pct: fraction("pct", cells.get(F.pct)),
    unit: text("unit", cells.get(F.unit), false),
    date: factDate,
    termYears: number("term_years", cells.get(F.term_years)),
    status: oneOf<FactStatus>("status", cells.get(F.status), FACT_STATUSES),
    estimate,
    verified: bool("verified", cells.get(F.verified), false),
    supersedes: idList(cells.get(F.supersedes)),
    claims: claimList("claims", cells.get(F.claims)),
    description: text("description", cells.get(F.description), false),
    source: {
      title: text("source_title", cells.get(F.source_title), false),
      publisher: text("source_publisher", cells.get(F.source_publisher), false),
      url: optionalText("source_url", cells.get(F.source_url)),
      date: date("source_date", cells.get(F.source_date), false) ?? factDate,
    },
    provenance: provenanceCell(cells.get(F.provenance), estimate),
    fundedUsdBn: number("funded_usd_bn", cells.get(F.funded_usd_bn)),
    conditionalUsdBn: number("conditional_usd_bn", cells.get(F.conditional_usd_bn)),
    periodMonths: number("period_months", cells.get(F.period_months)),
    periodEnd: date("period_end", cells.get(F.period_end), false),
  };
  const derivedFrom = derivedFromCell(cells.get(F.derived_from));
  if (derivedFrom !== null) fact.derivedFrom = derivedFrom;
  return fact;
}

/**
 * Reads facts from a table whose first row is the header (columns in any order, unknown columns ignored).
 * Accepts numbers or numeric text, ISO text or Excel serials for dates, TRUE/FALSE or yes/no, and blanks
 * as null; entity ids in from/to are upper-cased ("msft" means MSFT). A row with a bad cell is skipped and reported; nothing throws on bad input.
 */
export function factsFromRows(rows: readonly (readonly unknown[])[], options: FactsReadOptions = {}): { facts: Fact[]; issues: TableIssue[] } {
  const { items, issues } = readTable<Fact>(
    rows,
    FACT_COLUMNS,
    ["id", "kind", "from", "to", "date", "status"],
    readFactRow,
    (f) => f.id,
    options.uniqueIds ?? true,
  );
  return { facts: items, issues };
}

/** Options of `factsFromRows`. */
export interface FactsReadOptions {
  /**
   * Report a row whose id repeats an earlier one (whatever the case) and skip it (default true). AIFIN.MODEL
   * turns it off and checks ids across the whole table itself, as it must when it parses only edited rows.
   */
  readonly uniqueIds?: boolean;
}

/**
 * Reads entities from a table whose first row is the header. Aliases are separated by " | " (an alias
 * may contain commas); roles and members by commas; ids are upper-cased. Nothing throws on bad input.
 */
export function entitiesFromRows(rows: readonly (readonly unknown[])[]): { entities: Entity[]; issues: TableIssue[] } {
  const { items, issues } = readTable<Entity>(
    rows,
    ENTITY_COLUMNS,
    ["id", "name"],
    (cells) => ({
      id: entityId("id", cells.get(E.id)),
      name: text("name", cells.get(E.name), true),
      nameZh: optionalText("name_zh", cells.get(E.name_zh)),
      aliases: list(cells.get(E.aliases), /\s*\|\s*/),
      roles: list(cells.get(E.roles), /[,;]/).map((r) => {
        const role = r.toLowerCase() as Role;
        if (!ROLES.includes(role)) throw new CellProblem("roles", `unknown role "${r}" (expected ${ROLES.join(", ")})`);
        return role;
      }),
      listed: bool("listed", cells.get(E.listed), false),
      members: list(cells.get(E.members), /[,;]/).map((m) => m.normalize("NFKC").toUpperCase()),
    }),
    (e) => e.id,
  );
  return { entities: items, issues };
}
