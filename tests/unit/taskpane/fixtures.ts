/**
 * A hand-made miniature of the AI financing web for component tests: seven entities, eleven facts, a
 * simple point-in-time view, and the real engine on top. Figures the tests expect are computed by hand
 * in the tests from the amounts below.
 */
import { cyclesThrough, entityMetrics, exposureTable, factsAbout, factsBehind, flowsAround, hasFactsAbout, history, stress } from "../../../src/engine";
import type { Basis, Entity, Fact, ModelView } from "../../../src/model/types";
import type { PaneData, PaneModel, PaneRegistry, WorkbookHost, Capabilities } from "../../../src/taskpane/lowerLayers";
import { normaliseName } from "../../../src/model";

function entity(id: string, name: string, nameZh: string | null, aliases: string[], roles: Entity["roles"] = ["other"]): Entity {
  return { id, name, nameZh, aliases, roles, listed: true, members: [] };
}

export const ENTITIES: Entity[] = [
  entity("MSFT", "Microsoft", "微軟", ["Microsoft Corp"], ["hyperscaler"]),
  entity("OPENAI", "OpenAI", null, ["Open AI"], ["ai_lab"]),
  entity("AMZN", "Amazon", "亞馬遜", ["AWS"], ["hyperscaler"]),
  entity("NVDA", "Nvidia", "英偉達", ["NVIDIA Corp"], ["chip_maker"]),
  entity("ORCL", "Oracle", "甲骨文", ["Oracle Corp"], ["hyperscaler"]),
  entity("BANKS", "Bank syndicate", null, [], ["lender"]),
  entity("XAI", "xAI", null, ["X.AI"], ["ai_lab"]),
];

let n = 0;
function fact(partial: Partial<Fact> & Pick<Fact, "kind" | "from" | "to" | "amountUsdBn" | "date" | "status">): Fact {
  n += 1;
  return {
    id: partial.id ?? `T${String(n).padStart(3, "0")}`,
    amountBasis: null,
    pct: null,
    unit: "USD bn",
    termYears: null,
    description: `${partial.kind} ${partial.from}→${partial.to}`,
    source: { title: `Report ${n}`, publisher: "Test Wire", url: `https://example.com/${n}`, date: partial.date },
    verified: true,
    estimate: false,
    supersedes: [],
    claims: [],
    provenance: "press",
    fundedUsdBn: null,
    conditionalUsdBn: null,
    periodMonths: null,
    periodEnd: null,
    ...partial,
  };
}

export const FACTS: Fact[] = [
  fact({ id: "T001", kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: 13, date: "2023-01-23", status: "closed" }),
  fact({ id: "T002", kind: "contract", from: "OPENAI", to: "MSFT", amountUsdBn: 250, date: "2025-10-28", status: "announced", termYears: 5 }),
  fact({ id: "T003", kind: "investment", from: "AMZN", to: "OPENAI", amountUsdBn: 20, date: "2026-02-05", status: "rumoured" }),
  fact({ id: "T004", kind: "contract", from: "OPENAI", to: "AMZN", amountUsdBn: 38, date: "2025-11-03", status: "signed", termYears: 7 }),
  fact({ id: "T005", kind: "investment", from: "NVDA", to: "OPENAI", amountUsdBn: 30, date: "2026-02-27", status: "announced" }),
  fact({ id: "T006", kind: "contract", from: "OPENAI", to: "ORCL", amountUsdBn: 300, date: "2025-09-10", status: "signed", termYears: 5 }),
  fact({ id: "T007", kind: "contract", from: "ORCL", to: "NVDA", amountUsdBn: 40, date: "2025-05-01", status: "reported", estimate: true, verified: false }),
  fact({ id: "T008", kind: "market_cap", from: "MSFT", to: "MSFT", amountUsdBn: 3500, date: "2026-01-30", status: "reported", source: { title: "Market data", publisher: "Exchange", url: null, date: "2026-01-30" } }),
  fact({ id: "T009", kind: "capex", from: "MSFT", to: "MSFT", amountUsdBn: 88, date: "2025-07-30", status: "reported", unit: "USD bn FY2025" }),
  fact({ id: "T010", kind: "loan", from: "BANKS", to: "ORCL", amountUsdBn: 38, date: "2025-08-01", status: "closed" }),
  fact({ id: "T011", kind: "stake", from: "MSFT", to: "OPENAI", amountUsdBn: null, pct: 0.27, date: "2025-10-28", status: "closed" }),
];

/** Entity registry over ENTITIES, matching aliases case- and width-insensitively like the real one. */
export function fixtureRegistry(entities: readonly Entity[] = ENTITIES): PaneRegistry {
  const byKey = new Map<string, Entity>();
  for (const e of entities) for (const k of [e.id, e.name, e.nameZh, ...e.aliases]) if (k) byKey.set(normaliseName(k), e);
  return {
    all: () => entities,
    get: (id) => entities.find((e) => e.id === id),
    resolve: (text) => {
      const hit = byKey.get(normaliseName(text));
      return hit ? { ok: true, entity: hit } : { ok: false, query: text, suggestions: entities.filter((e) => e.id[0] === text.trim().toUpperCase()[0]).map((e) => e.id) };
    },
  };
}

/** A model over the fixture facts; the view keeps facts dated on or before asOf whose status counts. */
export function fixtureModel(facts: readonly Fact[] = FACTS): PaneModel {
  const latestDate = facts.reduce((m, f) => (f.date > m ? f.date : m), "0000-00-00");
  const cache = new Map<string, ModelView>();
  return {
    dataset: { version: "test", asOf: latestDate, facts },
    registry: fixtureRegistry(),
    latestDate,
    view(asOf, basis: Basis = { includeRumoured: false }) {
      const date = asOf ?? latestDate;
      const key = `${date}|${basis.includeRumoured}`;
      let v = cache.get(key);
      if (!v) {
        v = {
          asOf: date,
          basis,
          entities: ENTITIES,
          facts: facts.filter((f) => f.date <= date && (basis.includeRumoured || f.status !== "rumoured")),
        };
        cache.set(key, v);
      }
      return v;
    },
    fact: (id) => facts.find((f) => f.id === id),
  };
}

/** Fixture model plus the real engine. */
export function fixtureData(): PaneData {
  return { model: fixtureModel(), engine: { entityMetrics, exposureTable, cyclesThrough, stress, factsBehind, factsAbout, history, flowsAround, hasFactsAbout } };
}

/** A workbook host whose answers each test chooses; records every call. */
export function fakeHost(overrides: Partial<WorkbookHost> & { caps?: Partial<Capabilities> } = {}): WorkbookHost & {
  build: jest.Mock;
  refresh: jest.Mock;
  freeze: jest.Mock;
} {
  const caps: Capabilities = { excelApi: "1.17", tables: true, charts: true, dynamicArrays: true, missing: [], ...overrides.caps };
  const build: WorkbookHost["build"] =
    overrides.build ?? (async () => ({ kind: "built", sheets: ["AIFIN Facts", "AIFIN Exposure"], facts: 11, syncs: 4 }));
  const refresh: WorkbookHost["refresh"] =
    overrides.refresh ??
    (async () => ({
      kind: "refreshed",
      datasetVersion: "test",
      facts: { added: 3, updated: 2, unchanged: 40, keptEdited: 1, keptAdded: 4, removed: 1, keptDeleted: 0 },
      entities: { added: 0, updated: 0, unchanged: 16, keptEdited: 0, keptAdded: 0, removed: 0, keptDeleted: 0 },
      syncs: 5,
    }));
  const freeze: WorkbookHost["freeze"] = overrides.freeze ?? (async () => ({ kind: "frozen", sheet: "AIFIN Values" }));
  return {
    capabilities: () => caps,
    build: jest.fn(build),
    refresh: jest.fn(refresh),
    freeze: jest.fn(freeze),
  };
}
