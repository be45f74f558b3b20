/**
 * The stress test's assumptions as a typed value (docs/methodology.md §7). The defaults and their sources
 * live in the model's data (src/model/data/assumptions.ts); this module reads them into
 * `ScenarioAssumptions`, applies an analyst's overrides (AIFIN.SCENARIO's range of name/value rows) and looks
 * a company's margin, multiple or recovery up by id, then role, then default.
 */
import {
  ASSUMPTIONS,
  LEASE_TREATMENTS,
  MONEY_BASES,
  ROLES,
  VALUATION_METHODS,
  type Entity,
  type EntityId,
  type LeaseTreatment,
  type MoneyBasis,
  type ValuationMethod,
} from "../model";
import { engineError, type EngineError } from "./result";

/** Everything a stress scenario assumes besides who cuts and by how much. */
export interface ScenarioAssumptions {
  /** Operating channel: lost contribution × multiple, or discounted over each contract's term. */
  readonly method: ValuationMethod;
  /** Annual discount rate of the term method (0 < r ≤ 1). */
  readonly discountRate: number;
  /** Share of a lost revenue dollar that was profit, by entity id, role or "default" (0..1). */
  readonly margin: Readonly<Record<string, number>>;
  /** EV/EBITDA multiple on lost annual contribution, by entity id, role or "default" (≥ 0). */
  readonly multiple: Readonly<Record<string, number>>;
  /** Lenders' recovery on a defaulted borrower's debt, by borrower id, role or "default" (0..1). */
  readonly recovery: Readonly<Record<string, number>>;
  /** Which leases a lessee in default stops paying. */
  readonly leases: LeaseTreatment;
  /** Whether a solvent lessee keeps paying its leases in full. */
  readonly solventLesseePays: boolean;
  /** Whether a solvent buyer keeps its purchase contracts (only a buyer in default passes its loss on to its vendors). */
  readonly solventBuyerPays: boolean;
  /** Share of a stake's value lost at a full cut (0..1). */
  readonly writeDown: number;
  /** Investors' money without a stake value: paid in only, or the whole commitment. */
  readonly money: MoneyBasis;
}

/** The tables looked up per entity, and their key prefixes in a SCENARIO range. */
const TABLES = ["margin", "multiple", "recovery"] as const;
type Table = (typeof TABLES)[number];

/** The single settings: key in a SCENARIO range → field. */
const SETTINGS = {
  method: "method",
  discount_rate: "discountRate",
  leases: "leases",
  solvent_lessee_pays: "solventLesseePays",
  solvent_buyer_pays: "solventBuyerPays",
  write_down: "writeDown",
  money: "money",
} as const satisfies Record<string, Exclude<keyof ScenarioAssumptions, Table>>;
type SettingKey = keyof typeof SETTINGS;

type Mutable = { -readonly [K in keyof ScenarioAssumptions]: ScenarioAssumptions[K] extends Readonly<Record<string, number>> ? Record<string, number> : ScenarioAssumptions[K] };

function blank(): Mutable {
  return { method: "multiple", discountRate: 0.09, margin: {}, multiple: {}, recovery: {}, leases: "dedicated", solventLesseePays: true, solventBuyerPays: true, writeDown: 1, money: "funded" };
}

/** A key as the tables store it: roles and "default" in lower case, entity ids in upper case. */
function normaliseTarget(target: string): string {
  const lower = target.trim().toLowerCase();
  return lower === "default" || (ROLES as readonly string[]).includes(lower) ? lower : target.trim().toUpperCase();
}

/**
 * Sets one named assumption on a draft; an error names the key and what it accepts.
 * Values come from worksheet cells: numbers, text, booleans (TRUE/FALSE or the text "true"/"false").
 */
function apply(draft: Mutable, rawKey: string, value: unknown): EngineError | undefined {
  const key = rawKey.trim();
  const dot = key.indexOf(".");
  if (dot > 0) {
    const table = key.slice(0, dot).toLowerCase() as Table;
    if (!(TABLES as readonly string[]).includes(table)) return unknownKey(key);
    const target = normaliseTarget(key.slice(dot + 1));
    const bounds = table === "multiple" ? { min: 0, max: 1000 } : { min: 0, max: 1 };
    const n = toNumber(value);
    if (n === undefined || n < bounds.min || n > bounds.max) {
      return engineError("INVALID_INPUT", `${key} must be a number from ${bounds.min} to ${bounds.max} (got ${String(value)}).`);
    }
    draft[table][target] = n;
    return undefined;
  }
  const setting = key.toLowerCase() as SettingKey;
  switch (setting) {
    case "method":
      return setEnum(draft, "method", VALUATION_METHODS, key, value);
    case "leases":
      return setEnum(draft, "leases", LEASE_TREATMENTS, key, value);
    case "money":
      return setEnum(draft, "money", MONEY_BASES, key, value);
    case "solvent_lessee_pays":
    case "solvent_buyer_pays": {
      const b = toBoolean(value);
      if (b === undefined) return engineError("INVALID_INPUT", `${key} must be TRUE or FALSE (got ${String(value)}).`);
      draft[SETTINGS[setting]] = b;
      return undefined;
    }
    case "discount_rate":
    case "write_down": {
      const n = toNumber(value);
      const min = setting === "discount_rate" ? 0.0001 : 0;
      if (n === undefined || n < min || n > 1) return engineError("INVALID_INPUT", `${key} must be a number from ${min} to 1 (got ${String(value)}).`);
      if (setting === "discount_rate") draft.discountRate = n;
      else draft.writeDown = n;
      return undefined;
    }
    default:
      return unknownKey(key);
  }
}

function setEnum<K extends "method" | "leases" | "money">(draft: Mutable, field: K, allowed: readonly Mutable[K][], key: string, value: unknown): EngineError | undefined {
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const hit = allowed.find((a) => a === text);
  if (hit === undefined) return engineError("INVALID_INPUT", `${key} must be one of ${allowed.join(", ")} (got ${String(value)}).`);
  draft[field] = hit;
  return undefined;
}

function unknownKey(key: string): EngineError {
  return engineError(
    "INVALID_INPUT",
    `Unknown assumption "${key}": use ${Object.keys(SETTINGS).join(", ")}, or margin.<id or role>, multiple.<id or role>, recovery.<id or role>.`,
  );
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  if (typeof value === "string") {
    const t = value.trim().toLowerCase();
    if (t === "true") return true;
    if (t === "false") return false;
  }
  return undefined;
}

function freeze(draft: Mutable): ScenarioAssumptions {
  for (const t of TABLES) Object.freeze(draft[t]);
  return Object.freeze(draft);
}

function fromDefaults(): Mutable {
  const draft = blank();
  for (const row of ASSUMPTIONS) {
    const error = apply(draft, row.key, row.value);
    // The defaults are checked by a test; a bad row here is a programming error caught before release.
    if (error !== undefined) throw new Error(`assumptions.ts: ${error.message}`);
  }
  return draft;
}

/** The sourced defaults (src/model/data/assumptions.ts), frozen. */
export const DEFAULT_ASSUMPTIONS: ScenarioAssumptions = freeze(fromDefaults());

/**
 * The defaults with the given named overrides (rows of [name, value], as a SCENARIO range holds them). Empty
 * names are skipped, so a range may keep blank rows; INVALID_INPUT names the first bad row.
 * @example scenarioFrom([["margin.ORCL", 0.35], ["leases", "proportional"]]).margin.ORCL // 0.35
 */
export function scenarioFrom(entries: Iterable<readonly [unknown, unknown]>): ScenarioAssumptions | EngineError {
  const draft = fromDefaults();
  let row = 0;
  for (const [name, value] of entries) {
    row++;
    if (name === null || name === undefined || (typeof name === "string" && name.trim() === "")) continue;
    if (typeof name !== "string") return engineError("INVALID_INPUT", `Row ${row}: an assumption name must be text (got ${String(name)}).`);
    const error = apply(draft, name, value);
    if (error !== undefined) return engineError("INVALID_INPUT", `Row ${row}: ${error.message}`);
  }
  return freeze(draft);
}

/** The scenario as name/value rows, defaults included: what the Stress sheet lists and SCENARIO reads back. */
export function scenarioRows(s: ScenarioAssumptions): [string, number | string | boolean][] {
  const rows: [string, number | string | boolean][] = [];
  for (const [key, field] of Object.entries(SETTINGS)) rows.push([key, s[field]]);
  for (const t of TABLES) for (const [target, value] of Object.entries(s[t])) rows.push([`${t}.${target}`, value]);
  return rows;
}

/** A stable text key of a scenario, for caches. */
export function scenarioKey(s: ScenarioAssumptions): string {
  return JSON.stringify(scenarioRows(s));
}

/** The entry of a table for an entity: its id, else its first role with an entry, else "default". */
export function lookup(s: ScenarioAssumptions, table: Table, id: EntityId, entity: Entity | undefined): { value: number; key: string } {
  const t = s[table];
  if (t[id] !== undefined) return { value: t[id], key: `${table}.${id}` };
  for (const role of entity?.roles ?? []) if (t[role] !== undefined) return { value: t[role], key: `${table}.${role}` };
  return { value: t.default ?? 0, key: `${table}.default` };
}
