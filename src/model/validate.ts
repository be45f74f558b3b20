/**
 * Build/test-time checks of a dataset: shape (zod schema), referential integrity, units, dates,
 * supersession chains, sources, claim coverage and the one-figure-per-relation rule of views.
 */
import { z } from "zod";
import { CLAIMS } from "./data/claims";
import type { Dataset } from "./dataset";
import { isIsoDate } from "./dates";
import { normaliseName } from "./registry";
import { CLAIM_IDS, FACT_KINDS, FACT_STATUSES, ROLES, type Fact, type FactKind } from "./types";
import { buildView, supersessionClosure } from "./view";

/** One problem in a dataset. `code` is stable (tests and tools match on it); `message` is for people. */
export interface DatasetIssue {
  code: string;
  message: string;
  factId?: string;
  entityId?: string;
}

const isoDate = z.string().refine(isIsoDate, "must be an ISO date YYYY-MM-DD");
const nonEmpty = z.string().trim().min(1);

/** Shape of an entity. */
export const entitySchema = z.object({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, "must be upper case letters, digits and hyphens"),
  name: nonEmpty,
  nameZh: nonEmpty.nullable(),
  aliases: z.array(nonEmpty.refine((a) => !a.includes("|"), "must not contain '|' (the alias separator)")),
  roles: z.array(z.enum(ROLES)).min(1),
  listed: z.boolean(),
  members: z.array(z.string()),
});

/** Shape of a fact. */
export const factSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "must be letters, digits, '.', '_' or '-'"),
  kind: z.enum(FACT_KINDS),
  from: nonEmpty,
  to: nonEmpty,
  amountUsdBn: z.number().finite().nullable(),
  amountBasis: z.enum(["value", "cost"]).nullable(),
  pct: z.number().finite().nullable(),
  unit: z.string(),
  date: isoDate,
  termYears: z.number().finite().positive().nullable(),
  status: z.enum(FACT_STATUSES),
  description: nonEmpty,
  source: z.object({
    title: nonEmpty,
    publisher: nonEmpty,
    url: z.string().regex(/^https?:\/\/\S+$/, "must be an http(s) URL").nullable(),
    date: isoDate,
  }),
  verified: z.boolean(),
  estimate: z.boolean(),
  supersedes: z.array(z.string()),
  claims: z.array(z.enum(CLAIM_IDS)),
});

/** Kinds about one entity only: `from` must equal `to`. */
const SINGLE_ENTITY_KINDS: readonly FactKind[] = ["capex", "market_cap", "valuation", "revenue", "burn"];
/** Kinds whose amount is a level that can never be negative (changes and losses go in `other`). */
const NON_NEGATIVE_KINDS: readonly FactKind[] = ["stake", "investment", "contract", "loan", "backstop", "capex", "market_cap", "valuation", "revenue", "burn"];
/** Kinds where a view may hold one figure per (from, to) only: each newer figure must supersede the last. */
const ONE_FIGURE_KINDS: readonly FactKind[] = ["stake", "valuation", "market_cap"];

function formatZod(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ");
}

/**
 * Every problem in `ds`, or [] when it is valid. Pure; cheap enough to run in tests on every change.
 */
export function validateDataset(ds: Dataset): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const entityIds = new Set<string>();
  const aliasOwner = new Map<string, string>();

  for (const e of ds.entities) {
    const parsed = entitySchema.safeParse(e);
    if (!parsed.success) issues.push({ code: "entity-shape", entityId: e.id, message: `entity ${e.id}: ${formatZod(parsed.error)}` });
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
  for (const f of ds.facts) {
    const parsed = factSchema.safeParse(f);
    if (!parsed.success) {
      issues.push({ code: "fact-shape", factId: f.id, message: `fact ${f.id}: ${formatZod(parsed.error)}` });
      continue;
    }
    if (byId.has(f.id)) issues.push({ code: "fact-duplicate", factId: f.id, message: `fact id ${f.id} appears twice` });
    byId.set(f.id, f);
    for (const side of ["from", "to"] as const) {
      if (!entityIds.has(f[side])) issues.push({ code: "entity-unknown", factId: f.id, message: `fact ${f.id}: ${side} "${f[side]}" is not an entity` });
    }
    if (SINGLE_ENTITY_KINDS.includes(f.kind) && f.from !== f.to) {
      issues.push({ code: "single-entity", factId: f.id, message: `fact ${f.id}: a ${f.kind} fact is about one entity (from must equal to)` });
    }
    if (f.amountUsdBn !== null && f.amountUsdBn < 0 && NON_NEGATIVE_KINDS.includes(f.kind)) {
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
    if (f.amountUsdBn !== null && !f.estimate && /\bbp\b|basis points|per month/i.test(f.unit)) {
      issues.push({ code: "unit-not-usd", factId: f.id, message: `fact ${f.id}: the unit "${f.unit}" is not a USD bn total` });
    }
    if (f.estimate && !/estimate/i.test(`${f.unit} ${f.description}`) && !/our arithmetic/i.test(`${f.unit} ${f.description}`)) {
      issues.push({ code: "estimate-unlabelled", factId: f.id, message: `fact ${f.id}: an estimate must say so and give its basis in its unit or description` });
    }
    if (f.date > ds.asOf) issues.push({ code: "date-after-asof", factId: f.id, message: `fact ${f.id} is dated ${f.date}, after the dataset as-of ${ds.asOf}` });
  }

  // Supersession: targets exist, same kind, not newer, no cycles.
  for (const f of byId.values()) {
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
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      const cycle = [...path.slice(path.indexOf(id)), id];
      issues.push({ code: "supersedes-cycle", factId: id, message: `supersedes cycle: ${cycle.join(" -> ")}` });
      return;
    }
    state.set(id, 1);
    for (const next of byId.get(id)?.supersedes ?? []) if (byId.has(next)) visit(next, [...path, id]);
    state.set(id, 2);
  };
  for (const id of byId.keys()) visit(id, []);

  // Claims: each is supported by a fact, or the claim says why it is an opinion.
  const supported = new Set(ds.facts.flatMap((f) => f.claims));
  for (const c of CLAIM_IDS) {
    const claim = CLAIMS.find((x) => x.id === c);
    if (!supported.has(c) && !claim?.opinion) issues.push({ code: "claim-unsupported", message: `claim ${c} has no supporting fact and no documented reason` });
  }

  // One figure per stake / valuation / market cap in every view: a missing supersedes link shows here.
  if (!issues.some((i) => i.code === "supersedes-cycle")) {
    const facts = [...byId.values()];
    const closure = supersessionClosure(facts);
    const dates = [...new Set(facts.map((f) => f.date))].sort();
    const reported = new Set<string>();
    for (const includeRumoured of [false, true]) {
      for (const d of dates) {
        const view = buildView(ds.entities, facts, closure, d, { includeRumoured });
        const seen = new Map<string, string>();
        for (const f of view.facts) {
          if (!ONE_FIGURE_KINDS.includes(f.kind)) continue;
          const key = `${f.kind}|${f.from}|${f.to}`;
          const other = seen.get(key);
          if (other !== undefined && !reported.has(`${other}|${f.id}`)) {
            reported.add(`${other}|${f.id}`);
            issues.push({
              code: "view-double",
              factId: f.id,
              message: `facts ${other} and ${f.id} are both in force on ${d}${includeRumoured ? " (rumours counted)" : ""} for ${key}: link them with supersedes`,
            });
          }
          seen.set(key, f.id);
        }
      }
    }
  }
  return issues;
}
