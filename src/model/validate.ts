/**
 * Checks of a dataset (at build and test time, and on workbook tables read by AIFIN.MODEL): shape,
 * referential integrity, units, dates,
 * supersession chains, sources, claim coverage and the one-figure-per-relation rule of views.
 */
import { CLAIMS } from "./data/claims";
import type { Dataset } from "./dataset";
import { isIsoDate } from "./dates";
import { normaliseName } from "./registry";
import { CLAIM_IDS, FACT_KINDS, FACT_STATUSES, KIND_MEANINGS, PROVENANCES, ROLES, type Basis, type Entity, type Fact, type MoneyChannel } from "./types";
import { countsUnder } from "./view";

/**
 * Rules that keep the bundled data well curated but do not make a workbook model's numbers wrong: an
 * analyst's scenario table need not support every article claim, label a fact without an amount, keep a
 * funded part within an amount they just cut (funded money is capped at the amount: all of it paid), or rank
 * an estimate's provenance as "estimate". A conditional part above the amount is not among them
 * (`money-conditional-range`): it would silently make the whole fact conditional, 0 on firm money (review 2).
 * AIFIN.MODEL reports the other codes only.
 */
export const CURATION_ONLY_CODES: ReadonlySet<string> = new Set([
  "claim-unsupported",
  "estimate-unlabelled",
  "unit-missing",
  "money-certainty-range",
  "provenance-estimate",
]);

/** One problem in a dataset. `code` is stable (tests and tools match on it); `message` is for people. */
export interface DatasetIssue {
  code: string;
  message: string;
  factId?: string;
  entityId?: string;
}

// ---- shape ------------------------------------------------------------------------------------------
// A small declarative schema instead of zod: zod 4 adds ~750 KB to the bundle and ~100 ms to a cold
// start of the shared runtime, which loads this module for AIFIN.MODEL; these checks need none of it.

/** Checks one value; returns what is wrong with it, or null. */
export type FieldCheck = (value: unknown) => string | null;

const isString: FieldCheck = (v) => (typeof v === "string" ? null : "must be text");
const nonEmpty: FieldCheck = (v) => (typeof v !== "string" ? "must be text" : v.trim() === "" ? "must not be blank" : null);
const isBoolean: FieldCheck = (v) => (typeof v === "boolean" ? null : "must be true or false");
const finite: FieldCheck = (v) => (typeof v === "number" && Number.isFinite(v) ? null : "must be a finite number");
const positive: FieldCheck = (v) => finite(v) ?? ((v as number) > 0 ? null : "must be positive");
const isoDate: FieldCheck = (v) => (typeof v === "string" && isIsoDate(v) ? null : "must be an ISO date YYYY-MM-DD");
const pattern =
  (re: RegExp, what: string): FieldCheck =>
  (v) =>
    typeof v === "string" && re.test(v) ? null : `must be ${what}`;
const oneOf =
  (allowed: readonly unknown[]): FieldCheck =>
  (v) =>
    allowed.includes(v) ? null : `must be one of ${allowed.map(String).join(", ")}`;
const nullable =
  (check: FieldCheck): FieldCheck =>
  (v) =>
    v === null ? null : check(v);
const arrayOf =
  (check: FieldCheck, min = 0): FieldCheck =>
  (v) => {
    if (!Array.isArray(v)) return "must be a list";
    if (v.length < min) return `must have at least ${min} item(s)`;
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i]);
      if (problem) return `[${i}] ${problem}`;
    }
    return null;
  };
const both =
  (a: FieldCheck, b: FieldCheck): FieldCheck =>
  (v) =>
    a(v) ?? b(v);

/** Shape of an entity: one check per field. */
export const entitySchema: Readonly<Record<string, FieldCheck>> = {
  id: pattern(/^[A-Z0-9][A-Z0-9-]*$/, "upper case letters, digits and hyphens"),
  name: nonEmpty,
  nameZh: nullable(nonEmpty),
  aliases: arrayOf(both(nonEmpty, (v) => ((v as string).includes("|") ? "must not contain '|' (the alias separator)" : null))),
  roles: arrayOf(oneOf(ROLES), 1),
  listed: isBoolean,
  members: arrayOf(isString),
};

/** Shape of a fact's source. */
export const sourceSchema: Readonly<Record<string, FieldCheck>> = {
  title: nonEmpty,
  publisher: nonEmpty,
  url: nullable(pattern(/^https?:\/\/\S+$/, "an http(s) URL")),
  date: isoDate,
};

/** Shape of a fact: one check per field (the source is checked against {@link sourceSchema}). */
export const factSchema: Readonly<Record<string, FieldCheck>> = {
  id: pattern(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' or '-'"),
  kind: oneOf(FACT_KINDS),
  from: nonEmpty,
  to: nonEmpty,
  amountUsdBn: nullable(finite),
  amountBasis: oneOf(["value", "cost", null]),
  pct: nullable(finite),
  unit: isString,
  date: isoDate,
  termYears: nullable(positive),
  status: oneOf(FACT_STATUSES),
  description: nonEmpty,
  verified: isBoolean,
  estimate: isBoolean,
  supersedes: arrayOf(isString),
  claims: arrayOf(oneOf(CLAIM_IDS)),
  provenance: oneOf(PROVENANCES),
  fundedUsdBn: nullable(both(finite, (v) => ((v as number) < 0 ? "must not be negative" : null))),
  conditionalUsdBn: nullable(both(finite, (v) => ((v as number) < 0 ? "must not be negative" : null))),
  periodMonths: nullable(both(positive, (v) => (Number.isInteger(v) ? null : "must be a whole number of months"))),
  periodEnd: nullable(isoDate),
};

/** Optional fact fields: checked when present. */
const optionalFactSchema: Readonly<Record<string, FieldCheck>> = {
  derivedFrom: arrayOf(nonEmpty),
};

/** Each schema's fields and checks as a list, made once (validation walks them for every fact). */
const schemaEntries = new WeakMap<Readonly<Record<string, FieldCheck>>, readonly (readonly [string, FieldCheck])[]>();

function entriesOf(schema: Readonly<Record<string, FieldCheck>>): readonly (readonly [string, FieldCheck])[] {
  let entries = schemaEntries.get(schema);
  if (entries === undefined) {
    entries = Object.entries(schema);
    schemaEntries.set(schema, entries);
  }
  return entries;
}

/** What is wrong with `value` against `schema`, one text per bad field. */
function shapeProblems(value: object, schema: Readonly<Record<string, FieldCheck>>, prefix = ""): string[] {
  let out: string[] | null = null;
  const entries = entriesOf(schema);
  for (let i = 0; i < entries.length; i++) {
    const [field, check] = entries[i];
    const problem = check((value as Record<string, unknown>)[field]);
    if (problem) (out ??= []).push(`${prefix}${field} ${problem}`);
  }
  return out ?? NO_PROBLEMS;
}

/** Shared empty result of `shapeProblems` (callers copy before adding). */
const NO_PROBLEMS: string[] = [];

/**
 * Every problem in `ds`, or [] when it is valid. Pure; cheap enough to run in tests on every change.
 */
/** Options of `validateDataset`. */
export interface ValidateOptions {
  /**
   * Facts already checked on their own (shape, units, kind rules) in an earlier dataset, e.g. the unchanged
   * rows of a workbook table that AIFIN.MODEL read before: only the checks that involve other facts or the
   * entities (ids, references, supersession, double figures) run for them again.
   */
  readonly checked?: { has(fact: Fact): boolean };
  /**
   * An earlier dataset that passed every check involving more than one fact or the entities, except claim
   * coverage (AIFIN.MODEL's previous read of the same table). When `ds` has the same entities (the same
   * array), the same as-of and facts whose links are unchanged position by position (`sameLinks`), those
   * checks would find nothing again: only the facts not in `checked` are checked on their own, and claim
   * coverage is recomputed. An edit of an amount, a date-free field or a text in one row of 10,000 is
   * then checked in time proportional to the edit, not the table.
   */
  readonly linkedAs?: { readonly facts: readonly Fact[]; readonly entities: readonly Entity[]; readonly asOf: string };
}

/**
 * Whether two facts agree on every field a check involving other facts (or the entities) reads: id, kind,
 * sides, date, status, estimate flag, provenance, supersedes, derivedFrom, claims, and whether there is an
 * amount. A new check across facts must add the fields it reads here (tests/unit/model/validate.test.ts
 * compares the shortcut with a full check after an edit of every field).
 */
export function sameLinkFields(a: Fact, b: Fact): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.kind === b.kind &&
      a.from === b.from &&
      a.to === b.to &&
      a.date === b.date &&
      a.status === b.status &&
      a.estimate === b.estimate &&
      a.provenance === b.provenance &&
      (a.amountUsdBn === null) === (b.amountUsdBn === null) &&
      sameList(a.supersedes, b.supersedes) &&
      sameList(a.derivedFrom, b.derivedFrom) &&
      sameList(a.claims, b.claims))
  );
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two fact lists have the same links position by position (see `sameLinkFields`). */
export function sameLinks(before: readonly Fact[], after: readonly Fact[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) if (!sameLinkFields(before[i], after[i])) return false;
  return true;
}

export function validateDataset(ds: Dataset, options: ValidateOptions = {}): DatasetIssue[] {
  const checked = options.checked;
  const linked = options.linkedAs;
  if (linked !== undefined && linked.entities === ds.entities && linked.asOf === ds.asOf && sameLinks(linked.facts, ds.facts)) {
    const issues = changedFactIssues(ds, checked);
    // A changed fact with a bad shape leaves the id map in the full check: run that, for the same answer.
    if (issues !== null) return issues;
  }
  const issues: DatasetIssue[] = [];
  const entityIds = new Set<string>();
  const aliasOwner = new Map<string, string>();

  for (const e of ds.entities) {
    const problems = shapeProblems(e, entitySchema);
    if (problems.length > 0) issues.push({ code: "entity-shape", entityId: e.id, message: `entity ${e.id}: ${problems.join("; ")}` });
    if (entityIds.has(e.id)) issues.push({ code: "entity-duplicate", entityId: e.id, message: `entity id ${e.id} appears twice` });
    entityIds.add(e.id);
  }
  for (const e of ds.entities) {
    for (const m of e.members ?? []) {
      if (!entityIds.has(m)) issues.push({ code: "member-unknown", entityId: e.id, message: `group ${e.id} lists unknown member ${m}` });
      if (m === e.id) issues.push({ code: "member-self", entityId: e.id, message: `group ${e.id} lists itself as a member` });
    }
    for (const name of [e.id, e.name, ...(e.nameZh ? [e.nameZh] : []), ...(e.aliases ?? [])]) {
      const key = normaliseName(String(name));
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== e.id) {
        issues.push({ code: "alias-ambiguous", entityId: e.id, message: `"${name}" names both ${owner} and ${e.id}` });
      } else aliasOwner.set(key, e.id);
    }
  }

  const byId = new Map<string, Fact>();
  // Whether every fact went into byId under its own id (no bad shape, no repeated id): then the facts in
  // order are byId's values in order, with no copy needed.
  let allById = true;
  // Index loops over the facts here and below: run once per MODEL read, before the optimising compiler has
  // taken over, a for-of loop makes an iterator result per fact.
  const facts = ds.facts;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (checked?.has(f)) {
      // A repeated id leaves the map's size as it was (one look-up per fact, not two).
      const size = byId.size;
      byId.set(f.id, f);
      if (byId.size === size) {
        issues.push({ code: "fact-duplicate", factId: f.id, message: `fact id ${f.id} appears twice` });
        allById = false;
      }
      if (!entityIds.has(f.from) || !entityIds.has(f.to)) unknownSides(f, entityIds, issues);
      if (f.date > ds.asOf) issues.push({ code: "date-after-asof", factId: f.id, message: `fact ${f.id} is dated ${f.date}, after the dataset as-of ${ds.asOf}` });
      continue;
    }
    const problems = factShapeProblems(f);
    if (problems.length > 0) {
      issues.push({ code: "fact-shape", factId: f.id, message: `fact ${f.id}: ${problems.join("; ")}` });
      allById = false;
      continue;
    }
    const size = byId.size;
    byId.set(f.id, f);
    if (byId.size === size) {
      issues.push({ code: "fact-duplicate", factId: f.id, message: `fact id ${f.id} appears twice` });
      allById = false;
    }
    if (!entityIds.has(f.from) || !entityIds.has(f.to)) unknownSides(f, entityIds, issues);
    factRuleIssues(f, issues);
    if (f.date > ds.asOf) issues.push({ code: "date-after-asof", factId: f.id, message: `fact ${f.id} is dated ${f.date}, after the dataset as-of ${ds.asOf}` });
  }

  // Supersession: targets exist, same kind, not newer, no cycles.
  const unique: readonly Fact[] = allById ? facts : [...byId.values()];
  for (let i = 0; i < unique.length; i++) {
    const f = unique[i];
    if (f.supersedes.length === 0) continue;
    for (const s of f.supersedes) {
      const old = byId.get(s);
      if (!old) {
        issues.push({ code: "supersedes-unknown", factId: f.id, message: `fact ${f.id} supersedes unknown fact ${s}` });
        continue;
      }
      if (old.kind !== f.kind) issues.push({ code: "supersedes-kind", factId: f.id, message: `fact ${f.id} (${f.kind}) supersedes ${s} of another kind (${old.kind})` });
      if (old.date > f.date) issues.push({ code: "supersedes-newer", factId: f.id, message: `fact ${f.id} (${f.date}) supersedes the newer fact ${s} (${old.date})` });
    }
  }
  for (let i = 0; i < unique.length; i++) {
    const f = unique[i];
    if (f.derivedFrom === undefined) continue;
    for (const d of f.derivedFrom) {
      if (!byId.has(d)) issues.push({ code: "derived-unknown", factId: f.id, message: `fact ${f.id} is derived from unknown fact ${d}` });
    }
  }
  for (const cycle of supersedesCycles(unique, byId)) {
    issues.push({ code: "supersedes-cycle", factId: cycle[0], message: `supersedes cycle: ${cycle.join(" -> ")}` });
  }

  // Claims: each is supported by a fact, or the claim says why it is an opinion.
  appendAll(issues, claimIssues(ds.facts));

  // One figure per stake / valuation / market cap in every view: a missing supersedes link shows here.
  if (!hasCode(issues, "supersedes-cycle")) {
    appendAll(issues, doubleFigures(unique, byId));
    appendAll(issues, groupOverlaps(unique, ds.entities, byId));
  }
  return issues;
}

/**
 * The issues of a dataset whose links are those of one that passed (see `ValidateOptions.linkedAs`): each
 * fact not yet checked on its own, then claim coverage. Null when such a fact has a bad shape.
 */
function changedFactIssues(ds: Dataset, checked: ValidateOptions["checked"]): DatasetIssue[] | null {
  const issues: DatasetIssue[] = [];
  for (let i = 0; i < ds.facts.length; i++) {
    const f = ds.facts[i];
    if (checked?.has(f)) continue;
    if (factShapeProblems(f).length > 0) return null;
    factRuleIssues(f, issues);
  }
  appendAll(issues, claimIssues(ds.facts));
  return issues;
}

/**
 * Adds `more` to `issues`. Not `push(...more)`: V8 gathers no type feedback for a spread call, so code
 * optimised mid-read is thrown away when it reaches one, and the next 10,000-row read starts unoptimised.
 */
function appendAll(issues: DatasetIssue[], more: readonly DatasetIssue[]): void {
  for (let i = 0; i < more.length; i++) issues.push(more[i]);
}

function hasCode(issues: readonly DatasetIssue[], code: string): boolean {
  for (let i = 0; i < issues.length; i++) if (issues[i].code === code) return true;
  return false;
}

/** Claims with no supporting fact and no documented reason. */
function claimIssues(facts: readonly Fact[]): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const supported = new Set<string>();
  for (let i = 0; i < facts.length; i++) {
    const claims = facts[i].claims;
    for (let j = 0; j < claims.length; j++) supported.add(claims[j]);
  }
  for (const c of CLAIM_IDS) {
    const claim = CLAIMS.find((x) => x.id === c);
    if (!supported.has(c) && !claim?.opinion) issues.push({ code: "claim-unsupported", message: `claim ${c} has no supporting fact and no documented reason` });
  }
  return issues;
}

/** Whether a value is text with something other than white space (the `nonEmpty` check), without trimming a copy. */
function isNonBlank(v: unknown): boolean {
  if (typeof v !== "string" || v.length === 0) return false;
  const c = v.charCodeAt(0);
  // A first character that is printable ASCII and not a space is not trimmed: the text is not blank.
  return (c > 32 && c < 127) || v.trim() !== "";
}

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isIso = (v: unknown): boolean => typeof v === "string" && isIsoDate(v);
const HTTP_URL = /^https?:\/\/\S+$/;

/** Whether a fact id has the form `factSchema.id` asks for (letters or digits first, then also '.', '_', '-'). */
function isFactIdForm(v: unknown): boolean {
  if (typeof v !== "string" || v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum && (i === 0 || (c !== 46 && c !== 95 && c !== 45))) return false;
  }
  return true;
}

function isListOf(v: unknown, ok: (item: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) return false;
  return true;
}

const isText = (v: unknown): boolean => typeof v === "string";
const isClaimId = (v: unknown): boolean => (CLAIM_IDS as readonly unknown[]).includes(v);

/**
 * Whether a fact passes every check of {@link factSchema}, the optional fields and {@link sourceSchema}: the
 * same checks written out field by field, with no closure call, keyed read or allocation per field (a
 * 10,000-row MODEL read checks every fact). Only the answer "well shaped" is trusted: a fact this rejects is
 * checked again through the schemas, which say what is wrong (tests/unit/model/validate.test.ts holds the
 * two to the same answer, field by field).
 */
export function factShapeOk(f: Fact): boolean {
  const { source } = f;
  return (
    isFactIdForm(f.id) &&
    (FACT_KINDS as readonly unknown[]).includes(f.kind) &&
    isNonBlank(f.from) &&
    isNonBlank(f.to) &&
    (f.amountUsdBn === null || isFiniteNumber(f.amountUsdBn)) &&
    (f.amountBasis === null || f.amountBasis === "value" || f.amountBasis === "cost") &&
    (f.pct === null || isFiniteNumber(f.pct)) &&
    typeof f.unit === "string" &&
    isIso(f.date) &&
    (f.termYears === null || (isFiniteNumber(f.termYears) && f.termYears > 0)) &&
    (FACT_STATUSES as readonly unknown[]).includes(f.status) &&
    isNonBlank(f.description) &&
    typeof f.verified === "boolean" &&
    typeof f.estimate === "boolean" &&
    isListOf(f.supersedes, isText) &&
    isListOf(f.claims, isClaimId) &&
    (PROVENANCES as readonly unknown[]).includes(f.provenance) &&
    (f.fundedUsdBn === null || (isFiniteNumber(f.fundedUsdBn) && f.fundedUsdBn >= 0)) &&
    (f.conditionalUsdBn === null || (isFiniteNumber(f.conditionalUsdBn) && f.conditionalUsdBn >= 0)) &&
    (f.periodMonths === null || (isFiniteNumber(f.periodMonths) && f.periodMonths > 0 && Number.isInteger(f.periodMonths))) &&
    (f.periodEnd === null || isIso(f.periodEnd)) &&
    (f.derivedFrom === undefined || isListOf(f.derivedFrom, isNonBlank)) &&
    typeof source === "object" &&
    source !== null &&
    isNonBlank(source.title) &&
    isNonBlank(source.publisher) &&
    (source.url === null || (typeof source.url === "string" && HTTP_URL.test(source.url))) &&
    isIso(source.date)
  );
}

/** What is wrong with the shape of one fact (its fields, optional fields and source), one text per field. */
function factShapeProblems(f: Fact): string[] {
  // Almost every fact is well shaped: say so without walking the schemas.
  return factShapeOk(f) ? NO_PROBLEMS : schemaShapeProblems(f);
}

/** {@link factShapeProblems} by walking the schemas (what is wrong, field by field); exported for tests. */
export function schemaShapeProblems(f: Fact): string[] {
  // A list only when something is wrong: a well-shaped fact allocates none.
  let problems: string[] | null = null;
  const own = shapeProblems(f, factSchema);
  if (own.length > 0) problems = [...own];
  for (const [field, check] of entriesOf(optionalFactSchema)) {
    const v = (f as unknown as Record<string, unknown>)[field];
    const problem = v === undefined ? null : check(v);
    if (problem) (problems ??= []).push(`${field} ${problem}`);
  }
  if (typeof f.source === "object" && f.source !== null) {
    const sourceProblems = shapeProblems(f.source, sourceSchema, "source.");
    if (sourceProblems.length > 0) (problems ??= []).push(...sourceProblems);
  } else (problems ??= []).push("source must be a source (title, publisher, url, date)");
  return problems ?? NO_PROBLEMS;
}

/** The rules of one well-shaped fact on its own: entity shape of its kind, units, estimates, money and period. */
function factRuleIssues(f: Fact, issues: DatasetIssue[]): void {
  const meaning = KIND_MEANINGS[f.kind];
  if (meaning.shape === "single" && f.from !== f.to) {
    issues.push({ code: "single-entity", factId: f.id, message: `fact ${f.id}: a ${f.kind} fact is about one entity (from must equal to)` });
  }
  if (meaning.shape === "pair" && f.from === f.to) {
    issues.push({ code: "pair-entity", factId: f.id, message: `fact ${f.id}: a ${f.kind} fact is between two entities (from must differ from to)` });
  }
  if (f.amountUsdBn !== null && f.amountUsdBn < 0 && !meaning.signed) {
    issues.push({ code: "unit-negative", factId: f.id, message: `fact ${f.id}: a ${f.kind} amount cannot be negative (record changes as kind "other")` });
  }
  if (f.amountBasis !== null && (f.kind !== "stake" || f.amountUsdBn === null)) {
    issues.push({ code: "unit-basis", factId: f.id, message: `fact ${f.id}: amountBasis applies only to a stake with an amount` });
  }
  if (f.kind === "stake" && f.pct !== null && (f.pct < 0 || f.pct > 1)) {
    issues.push({ code: "unit-pct", factId: f.id, message: `fact ${f.id}: a stake's pct is a fraction 0..1, got ${f.pct}` });
  }
  if (f.amountUsdBn === null && f.pct === null && f.kind !== "other" && f.unit.trim() === "") {
    issues.push({ code: "unit-missing", factId: f.id, message: `fact ${f.id}: no amount, no pct and no unit note to say what it records` });
  }
  if (f.amountUsdBn !== null && !f.estimate && !meaning.evidence && NOT_A_USD_TOTAL.test(f.unit)) {
    issues.push({ code: "unit-not-usd", factId: f.id, message: `fact ${f.id}: the unit "${f.unit}" is not a USD bn total` });
  }
  if (f.estimate && !labelledEstimate(f.unit, f.description)) {
    issues.push({ code: "estimate-unlabelled", factId: f.id, message: `fact ${f.id}: an estimate must say so and give its basis in its unit or description` });
  }
  if (f.estimate || f.fundedUsdBn !== null || f.conditionalUsdBn !== null || f.periodMonths !== null || f.periodEnd !== null) moneyAndPeriodIssues(f, issues);
}

/**
 * Whether `${unit} ${description}` says "estimate" or "our arithmetic" (any case), read in place: the joined
 * text would be a copy of every estimate's description. "estimate" has no space, so it lies in one of the two;
 * "our arithmetic" may also span the joining space.
 */
function labelledEstimate(unit: string, description: string): boolean {
  return ESTIMATE_WORD.test(unit) || ESTIMATE_WORD.test(description) || OUR_ARITHMETIC.test(unit) || OUR_ARITHMETIC.test(description) || (ENDS_OUR.test(unit) && STARTS_ARITHMETIC.test(description));
}
const ESTIMATE_WORD = /estimate/i;
const OUR_ARITHMETIC = /our arithmetic/i;
const ENDS_OUR = /our$/i;
const STARTS_ARITHMETIC = /^arithmetic/i;

/**
 * A unit that says the amount is not a USD bn total. Made once: a regular expression literal inside a
 * function is a new object each time it runs (a 10,000-row read would make one per fact).
 */
const NOT_A_USD_TOTAL = /\bbp\b|basis points|per month/i;

/** The entity-unknown issues of a fact one of whose sides names no entity. */
function unknownSides(f: Fact, entityIds: ReadonlySet<string>, issues: DatasetIssue[]): void {
  for (const side of ["from", "to"] as const) {
    if (!entityIds.has(f[side])) issues.push({ code: "entity-unknown", factId: f.id, message: `fact ${f.id}: ${side} "${f[side]}" is not an entity` });
  }
}

/** Adds the issues of the provenance, funded / conditional and period fields of one well-shaped fact (none to check when all are
 *  empty and the fact is no estimate: the caller skips those). */
function moneyAndPeriodIssues(f: Fact, out: DatasetIssue[]): void {
  const meaning = KIND_MEANINGS[f.kind];
  if (f.estimate && f.provenance !== "estimate") addIssue(out, f, "provenance-estimate", `an estimate has provenance "estimate", not "${f.provenance}"`);
  for (let i = 0; i < MONEY_PART_FIELDS.length; i++) {
    const field = MONEY_PART_FIELDS[i];
    const v = f[field];
    if (v === null) continue;
    if (!meaning.certainty) addIssue(out, f, "money-certainty-kind", `${field} applies to ${certaintyKinds()} facts, not ${f.kind}`);
    else if (f.amountUsdBn === null) addIssue(out, f, "money-certainty-amount", `${field} needs an amount to be part of`);
    else if (v > f.amountUsdBn + 1e-9) {
      if (field === "conditionalUsdBn") {
        addIssue(out, f, "money-conditional-range", `conditional_usd_bn ${v} exceeds the amount ${f.amountUsdBn}, which would count the whole fact as conditional (0 on firm money): lower conditional_usd_bn with the amount, or clear it`);
      } else addIssue(out, f, "money-certainty-range", `${field} ${v} exceeds the amount ${f.amountUsdBn}`);
    }
  }
  if (f.periodMonths !== null || f.periodEnd !== null) {
    if (!meaning.periodic) addIssue(out, f, "period-kind", `periodMonths / periodEnd apply to ${FACT_KINDS.filter((k) => KIND_MEANINGS[k].periodic).join(", ")} facts, not ${f.kind}`);
  }
}

/** The parts of a fact's amount that must lie within it, in the order their issues are reported. */
const MONEY_PART_FIELDS = ["fundedUsdBn", "conditionalUsdBn"] as const;

/** Adds an issue about fact `f` (a function, not a closure per call: every estimate passes here). */
function addIssue(out: DatasetIssue[], f: Fact, code: string, message: string): void {
  out.push({ code, factId: f.id, message: `fact ${f.id}: ${message}` });
}

function certaintyKinds(): string {
  return FACT_KINDS.filter((k) => KIND_MEANINGS[k].certainty).join(", ");
}

/** Each supersedes cycle once, as a path that starts and ends at the same fact. Iterative: a long chain
 *  read from a 10,000-row table must not overflow the stack. */
function supersedesCycles(unique: readonly Fact[], byId: ReadonlyMap<string, Fact>): string[][] {
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  // The depth-first path: ids, facts and the next link to follow of each (empty again after each root, so
  // shared by all of them: no arrays or frames made per fact).
  const path: string[] = [];
  const onPath: Fact[] = [];
  const nexts: number[] = [];
  // byId's facts in its order (`unique`), by index: an entry of the map is a new [key, value] array per fact.
  for (let i = 0; i < unique.length; i++) {
    const fact = unique[i];
    // A fact that replaces nothing starts no cycle and lies on none (a cycle leaves every fact on it).
    if (fact.supersedes.length === 0 || state.has(fact.id)) continue;
    const root = fact.id;
    state.set(root, 1);
    path.push(root);
    onPath.push(fact);
    nexts.push(0);
    while (path.length > 0) {
      const top = path.length - 1;
      const targets = onPath[top].supersedes;
      if (nexts[top] < targets.length) {
        const id = targets[nexts[top]++];
        const target = byId.get(id);
        if (target === undefined) continue;
        const s = state.get(id);
        if (s === 1) cycles.push([...path.slice(path.indexOf(id)), id]);
        else if (s === undefined) {
          state.set(id, 1);
          path.push(id);
          onPath.push(target);
          nexts.push(0);
        }
      } else {
        state.set(path[top], 2);
        path.pop();
        onPath.pop();
        nexts.pop();
      }
    }
  }
  return cycles;
}

/** The two bases the group-overlap and double-figure checks look under. */
const WITHOUT_RUMOURS: Basis = Object.freeze({ includeRumoured: false });
const WITH_RUMOURS: Basis = Object.freeze({ includeRumoured: true });

/** Per money channel: is a group's fact checked against its members' (issue 10: contracts and loans)?
 *  Equity stays out: a round's total on its group entity beside each investor's own row is by design. */
const OVERLAP_CHECKED: Readonly<Record<MoneyChannel, boolean>> = {
  equity: false,
  debt: true,
  backstop: false,
  vendor_financing: false,
  contract: true,
  acquisition: false,
  none: false,
};

/**
 * Contracts and loans recorded both on a group and on one of its members for the same counterparty (or
 * both sides), in force together under either basis: Microsoft's ~33 with its neoclouds beside its own
 * Nebius contract counted Nebius twice. Facts that supersede one another are not an overlap.
 */
function groupOverlaps(facts: readonly Fact[], entities: Dataset["entities"], byId: ReadonlyMap<string, Fact>): DatasetIssue[] {
  const members = new Map<string, ReadonlySet<string>>();
  const involved = new Set<string>();
  for (const e of entities) {
    if ((e.members ?? []).length === 0) continue;
    members.set(e.id, new Set(e.members));
    involved.add(e.id);
    for (const m of e.members) involved.add(m);
  }
  if (members.size === 0) return [];
  // Linear in the facts: candidates come from an index by (kind, from, to) over the group's members, and
  // supersession is walked per fact on demand (a closure of every fact is quadratic on a revision chain).
  let supersededBy: Map<string, Fact[]> | null = null;
  const replacedBy = (id: string): readonly Fact[] => {
    if (supersededBy === null) {
      const index = new Map<string, Fact[]>();
      for (const f of facts) for (const s of f.supersedes) (index.get(s) ?? index.set(s, []).get(s))?.push(f);
      supersededBy = index;
    }
    return supersededBy.get(id) ?? [];
  };
  const walk = (start: string, next: (id: string) => readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const stack = [...next(start)];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id) || id === start) continue;
      seen.add(id);
      stack.push(...next(id));
    }
    return seen;
  };
  const closures = new Map<string, Set<string>>();
  const closureOf = (id: string): Set<string> =>
    closures.get(id) ?? closures.set(id, walk(id, (x) => byId.get(x)?.supersedes ?? [])).get(id) as Set<string>;
  const ancestors = new Map<string, Fact[]>();
  const ancestorsOf = (id: string): Fact[] => {
    let list = ancestors.get(id);
    if (list === undefined) {
      list = [...walk(id, (x) => replacedBy(x).map((y) => y.id))].map((x) => byId.get(x) as Fact);
      ancestors.set(id, list);
    }
    return list;
  };
  const replaces = (a: Fact, b: Fact) => closureOf(a.id).has(b.id) || closureOf(b.id).has(a.id);
  const byRelationKind = new Map<string, Fact[]>();
  // Facts by kind, then from, then to (nested maps: no key text made per fact), as their positions in their
  // kind's list (which orders candidates, with no map from fact to position).
  const byRelation = new Map<string, Map<string, Map<string, number[]>>>();
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (!OVERLAP_CHECKED[KIND_MEANINGS[f.kind].channel] || f.amountUsdBn === null) continue;
    const list = byRelationKind.get(f.kind) ?? byRelationKind.set(f.kind, []).get(f.kind) as Fact[];
    // Only a fact with a group or a member on a side can be a group's fact or one of its candidates (kinds
    // stay in the order they first appear, so issues come in the same order as over every fact).
    if (!involved.has(f.from) && !involved.has(f.to)) continue;
    const at = list.length;
    list.push(f);
    let byFrom = byRelation.get(f.kind);
    if (byFrom === undefined) byRelation.set(f.kind, (byFrom = new Map()));
    let byTo = byFrom.get(f.from);
    if (byTo === undefined) byFrom.set(f.from, (byTo = new Map()));
    const same = byTo.get(f.to);
    if (same === undefined) byTo.set(f.to, [at]);
    else same.push(at);
  }
  // An entity and its members, made once per entity (a group has thousands of facts in a large table).
  const sides = new Map<string, string[]>();
  const side = (id: string): string[] => {
    let out = sides.get(id);
    if (out === undefined) sides.set(id, (out = [id, ...(members.get(id) ?? [])]));
    return out;
  };
  const issues: DatasetIssue[] = [];
  for (const list of byRelationKind.values()) {
    for (let i = 0; i < list.length; i++) {
      const g = list[i];
      if (!members.has(g.from) && !members.has(g.to)) continue;
      const candidates = new Set<number>();
      const byFrom = byRelation.get(g.kind);
      const froms = side(g.from);
      const tos = side(g.to);
      for (let p = 0; p < froms.length; p++) {
        const byTo = byFrom?.get(froms[p]);
        if (byTo === undefined) continue;
        for (let q = 0; q < tos.length; q++) {
          if (froms[p] === g.from && tos[q] === g.to) continue;
          const same = byTo.get(tos[q]);
          if (same !== undefined) for (let k = 0; k < same.length; k++) candidates.add(same[k]);
        }
      }
      if (candidates.size === 0) continue;
      for (const at of [...candidates].sort((x, y) => x - y)) {
        const f = list[at];
        if (f === g || replaces(f, g)) continue;
        const d = f.date > g.date ? f.date : g.date;
        // In force on d under a basis: counted, and not replaced by a counted fact dated d or earlier.
        const inForce = (x: Fact, basis: Basis): boolean => {
          if (!countsUnder(x, basis)) return false;
          const later = ancestorsOf(x.id);
          for (let k = 0; k < later.length; k++) if (later[k].date <= d && countsUnder(later[k], basis)) return false;
          return true;
        };
        if ((inForce(f, WITHOUT_RUMOURS) && inForce(g, WITHOUT_RUMOURS)) || (inForce(f, WITH_RUMOURS) && inForce(g, WITH_RUMOURS))) {
          issues.push({
            code: "group-overlap",
            factId: g.id,
            message: `facts ${g.id} (${g.from} -> ${g.to}) and ${f.id} (${f.from} -> ${f.to}) are both in force on ${d}: the group's ${g.kind} includes its member's; record the group without the member, or link them with supersedes`,
          });
        }
      }
    }
  }
  return issues;
}

/**
 * Stakes, valuations and market caps (the one-figure kinds) with two figures in force at once for the same
 * (kind, from, to), under either basis. One sweep over the facts in date order per basis: a fact that
 * comes into force marks everything it replaces, directly or through a chain, once; each bucket keeps the
 * set of its facts in force, checked when one of its facts comes in. O(n log n) for the sort, linear after
 * (the per-date rescans of every bucket were cubic on a long revision chain).
 */
function doubleFigures(facts: readonly Fact[], byId: ReadonlyMap<string, Fact>): DatasetIssue[] {
  const bucketOf = new Map<Fact, string>();
  const bucketSize = new Map<string, number>();
  // Positions in `facts` of the one-figure facts (the only ones compared below).
  const order = new Map<Fact, number>();
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (!KIND_MEANINGS[f.kind].oneFigure) continue;
    const key = `${f.kind}|${f.from}|${f.to}`;
    bucketOf.set(f, key);
    order.set(f, i);
    bucketSize.set(key, (bucketSize.get(key) ?? 0) + 1);
  }
  if (![...bucketSize.values()].some((n) => n > 1)) return [];
  // Only one-figure facts can replace one another here (a fact supersedes facts of its own kind; another
  // kind is reported as supersedes-kind): sweep those, not the whole table.
  const byDate = [...bucketOf.keys()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (order.get(a) as number) - (order.get(b) as number)));

  const found = new Map<string, DatasetIssue>();
  for (const includeRumoured of [false, true]) {
    const basis = { includeRumoured };
    const replaced = new Set<Fact>();
    const inForce = new Map<string, Set<Fact>>();
    for (let i = 0; i < byDate.length; ) {
      const d = byDate[i].date;
      const touched = new Set<string>();
      for (; i < byDate.length && byDate[i].date === d; i++) {
        const f = byDate[i];
        if (!countsUnder(f, basis)) continue;
        const key = bucketOf.get(f);
        if (key !== undefined && !replaced.has(f)) {
          (inForce.get(key) ?? inForce.set(key, new Set()).get(key))?.add(f);
          touched.add(key);
        }
        const stack = f.supersedes.filter((id) => id !== f.id);
        while (stack.length > 0) {
          const g = byId.get(stack.pop() as string);
          if (g === undefined || replaced.has(g)) continue;
          replaced.add(g);
          const gKey = bucketOf.get(g);
          if (gKey !== undefined) inForce.get(gKey)?.delete(g);
          stack.push(...g.supersedes);
        }
      }
      for (const key of touched) {
        const set = inForce.get(key);
        if (found.has(key) || set === undefined || set.size < 2) continue;
        const [a, b] = [...set].sort((x, y) => (order.get(x) as number) - (order.get(y) as number)).slice(-2);
        found.set(key, {
          code: "view-double",
          factId: b.id,
          message: `facts ${a.id} and ${b.id} are both in force on ${d}${includeRumoured ? " (rumours counted)" : ""} for ${key}: link them with supersedes`,
        });
      }
    }
  }
  // In the order the buckets first appear, as before.
  return [...bucketSize.keys()].filter((key) => found.has(key)).map((key) => found.get(key) as DatasetIssue);
}
