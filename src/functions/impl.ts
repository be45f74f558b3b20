/**
 * The bodies of the AIFIN functions: pure code over validated arguments (see `validate.ts`). A body
 * returns a number, a text or a table, or throws `FormulaError`; engine error values become formula errors
 * through `orThrow`. Nothing here knows about Excel's `CustomFunctions`: `invoke.ts` is the only adapter.
 */
import {
  capexOffset,
  circularShare,
  contractValue,
  cyclesThrough,
  exposureTable,
  factsBehind,
  fundedBacklog,
  funding,
  networkExposure,
  roundTripRatio,
  selfFundedExposure,
  stakeOf,
  stress,
  type EngineError,
  type FundingKind,
  type StressResult,
} from "../engine";
import type { Entity, Fact, Model, ModelView } from "../model";
import { FormulaError, messages, orThrow } from "./errors";
import type { RangeRows } from "./runtime";
import {
  CYCLES_HEADER,
  ENTITIES_HEADER,
  EXPOSURE_TABLE_HEADER,
  type FunctionId,
} from "./specs";
import type { CallContext } from "./validate";

/** A cell of a result table. */
export type ResultCell = number | string | boolean;
/** What a body returns. */
export type ResultValue = ResultCell | ResultCell[][];
/** A function body. */
export type Body = (ctx: CallContext) => ResultValue;

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;
/** The arrow between the steps of a cycle's path. */
export const PATH_ARROW = " → ";

const entityArg = (ctx: CallContext, name: string): string => (ctx.args[name] as Entity).id;
const textArg = (ctx: CallContext, name: string): string => ctx.args[name] as string;
const numberArg = (ctx: CallContext, name: string): number | null => ctx.args[name] as number | null;

function circularExposureBody(ctx: CallContext): number {
  const id = entityArg(ctx, "entity");
  const view = ctx.view();
  switch (textArg(ctx, "measure")) {
    case "funded_backlog":
      return fundedBacklog(view, id);
    case "share":
      return orThrow(circularShare(view, id));
    case "network":
      return orThrow(networkExposure(view, id));
    default:
      return selfFundedExposure(view, id);
  }
}

/**
 * Stress runs a clearing model over the whole web, and a sheet asks it once per entity and measure with the
 * same scenario: keep each scenario's result beside its (immutable, memoised) view.
 */
const stressMemo = new WeakMap<ModelView, Map<string, StressResult | EngineError>>();

function stressOf(view: ModelView, shocked: string, cut: number, multiple: number | null): StressResult | EngineError {
  let byScenario = stressMemo.get(view);
  if (!byScenario) stressMemo.set(view, (byScenario = new Map()));
  const key = `${shocked}|${cut}|${multiple ?? ""}`;
  let result = byScenario.get(key);
  if (!result) {
    result = stress(view, { shocked, cut, ...(multiple === null ? {} : { multiple }) });
    byScenario.set(key, result);
  }
  return result;
}

function stressBody(ctx: CallContext): number {
  const id = entityArg(ctx, "entity");
  const result = orThrow(stressOf(ctx.view(), entityArg(ctx, "shocked"), numberArg(ctx, "cut") ?? 0, numberArg(ctx, "multiple")));
  const line = result.lines.find((l) => l.id === id);
  // An entity absent from the stress lines has no modelled exposure to the shocked one: a true zero.
  if (!line) return 0;
  switch (textArg(ctx, "measure")) {
    case "lender_loss":
      return line.lenderLoss;
    case "market_value":
      return line.marketValueAtRisk;
    case "investor_loss":
      return line.investorLoss;
    case "total":
      return line.totalLoss;
    default:
      return line.revenueLost;
  }
}

function exposureTableBody(ctx: CallContext): ResultCell[][] {
  const rows = exposureTable(ctx.view(), entityArg(ctx, "entity"));
  return [
    [...EXPOSURE_TABLE_HEADER],
    ...rows.map((r) => [r.counterparty, r.fundingOut, r.contractsIn, r.selfFunded, r.roundTripRatio ?? "", r.factIds.join(", ")]),
  ];
}

function cyclesBody(ctx: CallContext): ResultCell[][] {
  const cycles = cyclesThrough(ctx.view(), entityArg(ctx, "entity"), numberArg(ctx, "max_length") ?? undefined);
  return [[...CYCLES_HEADER], ...cycles.map((c) => [c.path.join(PATH_ARROW), c.path.length - 1, c.bottleneck])];
}

const entitiesMemo = new WeakMap<Model, Map<string, ResultCell[][]>>();

function entitiesBody(ctx: CallContext): ResultCell[][] {
  const role = textArg(ctx, "role");
  const model = ctx.loaded.model;
  let byRole = entitiesMemo.get(model);
  if (!byRole) entitiesMemo.set(model, (byRole = new Map()));
  let table = byRole.get(role);
  if (!table) {
    const list = model.registry.all().filter((e) => role === "all" || (e.roles as readonly string[]).includes(role));
    table = [[...ENTITIES_HEADER], ...list.map((e) => [e.id, e.name, e.nameZh ?? "", e.roles.join(", ")])];
    byRole.set(role, table);
  }
  return table;
}

function findFact(ctx: CallContext, id: string): Fact {
  const model = ctx.loaded.model;
  const fact = model.fact(id) ?? model.fact(id.toUpperCase());
  if (!fact) throw new FormulaError("#N/A", messages.unknownFact(id));
  return fact;
}

/** "title, publisher, date, url": how a source is cited in one line. */
export function citeSource(fact: Fact): string {
  const s = fact.source;
  return [s.title, s.publisher, s.date, s.url].filter((part) => part !== null && part !== "").join(", ");
}

function factBody(ctx: CallContext): ResultCell {
  const fact = findFact(ctx, textArg(ctx, "fact_id"));
  switch (textArg(ctx, "field")) {
    case "date":
      return fact.date;
    case "status":
      return fact.status;
    case "kind":
      return fact.kind;
    case "from":
      return fact.from;
    case "to":
      return fact.to;
    case "pct":
      if (fact.pct === null) throw new FormulaError("#N/A", messages.noPct(fact.id));
      return fact.pct;
    case "unit":
      return fact.unit;
    case "description":
      return fact.description;
    case "source":
      return citeSource(fact);
    case "url":
      if (!fact.source.url) throw new FormulaError("#N/A", `Fact ${fact.id} has no source URL on record.`);
      return fact.source.url;
    case "verified":
      return fact.verified;
    case "estimate":
      return fact.estimate;
    default:
      if (fact.amountUsdBn === null) throw new FormulaError("#N/A", messages.noAmount(fact.id, fact.unit));
      return fact.amountUsdBn;
  }
}

/** Joins citations, cut at Excel's cell limit with a count of what was left out. */
export function joinCitations(lines: readonly string[]): string {
  const all = lines.join("; ");
  if (all.length <= MAX_CELL_TEXT) return all;
  let text = "";
  for (let i = 0; i < lines.length; i++) {
    const tail = ` … (${lines.length - i} more)`;
    const next = text ? `${text}; ${lines[i]}` : lines[i];
    if (next.length + tail.length > MAX_CELL_TEXT) return text + tail;
    text = next;
  }
  return text;
}

function sourceBody(ctx: CallContext): string {
  const id = entityArg(ctx, "entity");
  const other = ctx.args.counterparty as Entity | null;
  const view = ctx.view();
  const facts = factsBehind(view, id, other?.id);
  if (facts.length === 0) {
    const what = other ? `${id} and ${other.id}` : id;
    throw new FormulaError("#N/A", `No fact in the model concerns ${what} as of ${view.asOf}.`);
  }
  return joinCitations(facts.map((f) => `${f.id}: ${f.description} (${citeSource(f)})`));
}

function modelInfoBody(ctx: CallContext): ResultCell {
  const { model, basis } = ctx.loaded;
  switch (textArg(ctx, "field")) {
    case "as_of":
      return model.latestDate;
    case "fact_count":
      return model.dataset.facts.length;
    case "entity_count":
      return model.dataset.entities.length;
    case "basis":
      return basis.includeRumoured ? "confirmed + rumoured" : "confirmed";
    default:
      return model.dataset.version;
  }
}

function modelBody(ctx: CallContext): string {
  return ctx.runtime.load(
    ctx.args.facts as RangeRows | null,
    ctx.args.entities as RangeRows | null,
    ctx.args.include_rumoured === true,
  );
}

/** The body of every AIFIN function, by id. */
export const BODIES: Readonly<Record<FunctionId, Body>> = {
  CIRCULAR_EXPOSURE: circularExposureBody,
  ROUND_TRIP_RATIO: (ctx) => orThrow(roundTripRatio(ctx.view(), entityArg(ctx, "investor"), entityArg(ctx, "investee"))),
  STAKE: (ctx) =>
    orThrow(stakeOf(ctx.view(), entityArg(ctx, "holder"), entityArg(ctx, "company"), textArg(ctx, "field") as "pct" | "value" | "cost")),
  FUNDING: (ctx) => funding(ctx.view(), entityArg(ctx, "from"), entityArg(ctx, "to"), textArg(ctx, "kind") as FundingKind),
  CONTRACT_VALUE: (ctx) => contractValue(ctx.view(), entityArg(ctx, "buyer"), entityArg(ctx, "vendor")),
  CAPEX_OFFSET: (ctx) => {
    const offset = capexOffset(ctx.view(), entityArg(ctx, "entity"));
    return textArg(ctx, "field") === "ratio" ? orThrow(offset.ratio) : offset.amount;
  },
  STRESS: stressBody,
  EXPOSURE_TABLE: exposureTableBody,
  CYCLES: cyclesBody,
  ENTITIES: entitiesBody,
  FACT: factBody,
  SOURCE: sourceBody,
  MODEL_INFO: modelInfoBody,
  MODEL: modelBody,
};
