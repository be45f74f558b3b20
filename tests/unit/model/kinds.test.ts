/**
 * The fact-kind vocabulary is declared once (KIND_MEANINGS in src/model/types.ts). These tests fail when a
 * new kind is left unclassified, when a layer keeps its own list of kinds, or when validation, the engine
 * index and the pane's Flows view stop reading the one table.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import {
  CHANNEL_IS_FUNDING,
  FACT_KINDS,
  FUNDING_CHANNELS,
  FUNDING_FACT_KINDS,
  FUNDING_KINDS,
  KIND_MEANINGS,
  MONEY_CHANNELS,
  PROVENANCES,
  PROVENANCE_MEANINGS,
  RATING_NOTCHES,
  provenanceRank,
  type ModelView,
} from "../../../src/model";
import { contractValue, funding } from "../../../src/engine";
import { flowsAround } from "../../../src/engine";
import { FUNDING_KINDS as FUNCTION_FUNDING_KINDS } from "../../../src/functions/specs";
import { entity, fact } from "../engine/measures/fixtures";

const root = join(__dirname, "../../..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

describe("KIND_MEANINGS", () => {
  it("classifies every fact kind, and nothing else", () => {
    expect(Object.keys(KIND_MEANINGS).sort()).toEqual([...FACT_KINDS].sort());
    for (const k of FACT_KINDS) {
      const m = KIND_MEANINGS[k];
      expect(["pair", "single", "either"]).toContain(m.shape);
      expect(MONEY_CHANNELS).toContain(m.channel);
      expect(m.description.length).toBeGreaterThan(10);
      // A kind that moves money is between two entities; evidence moves none.
      if (m.channel !== "none") expect(m.shape).toBe("pair");
      if (m.evidence) expect(m.channel).toBe("none");
    }
  });

  it("derives the funding kinds from the channels (the list the contract names, written out by hand)", () => {
    expect([...FUNDING_FACT_KINDS].sort()).toEqual(["backstop", "guarantee", "investment", "loan", "warrant"]);
    expect(FUNDING_CHANNELS).toEqual(MONEY_CHANNELS.filter((c) => CHANNEL_IS_FUNDING[c]));
    expect(FUNDING_KINDS).toEqual(["all", ...FUNDING_CHANNELS]);
    // AIFIN.FUNDING accepts exactly these kinds: the functions layer reads the model's list.
    expect(FUNCTION_FUNDING_KINDS).toBe(FUNDING_KINDS);
  });

  it("sends one fact of every kind through the engine index and the Flows view by its channel", () => {
    // One pair fact A → B of 1 bn per kind that allows a pair: funding counts the funding channels,
    // contract value the contract channel, and the pane draws a flow for every channel but none/acquisition.
    const pairKinds = FACT_KINDS.filter((k) => KIND_MEANINGS[k].shape !== "single");
    const view: ModelView = {
      asOf: "2026-01-01",
      basis: { includeRumoured: false },
      entities: [entity("A"), entity("B")],
      facts: pairKinds.map((k) => fact({ id: k, kind: k, from: "A", to: "B", amountUsdBn: 1 })),
    };
    const fundingKinds = pairKinds.filter((k) => CHANNEL_IS_FUNDING[KIND_MEANINGS[k].channel]);
    // "all" leaves the contingent channel out (guarantees, backstops: CHANNEL_IS_CONTINGENT); it has its own kind.
    const contingentKinds = fundingKinds.filter((k) => KIND_MEANINGS[k].channel === "backstop");
    expect(contingentKinds).toEqual(["backstop", "guarantee"]);
    expect(funding(view, "A", "B")).toBe(fundingKinds.length - contingentKinds.length);
    for (const c of FUNDING_CHANNELS) {
      expect(funding(view, "A", "B", c)).toBe(pairKinds.filter((k) => KIND_MEANINGS[k].channel === c).length);
    }
    expect(contractValue(view, "A", "B")).toBe(1);
    const drawn = flowsAround(view, "B").flatMap((f) => f.factIds).sort();
    const expected = pairKinds.filter((k) => !["none", "acquisition"].includes(KIND_MEANINGS[k].channel)).sort();
    expect(drawn).toEqual(expected);
    // The hand-written expectation: acquisitions and stakes move no money into B.
    expect(drawn).not.toContain("acquisition");
    expect(drawn).not.toContain("stake");
    expect(drawn).toEqual(["backstop", "contract", "guarantee", "investment", "loan", "warrant"]);
  });

  it("no source file keeps its own list of fact kinds", () => {
    // Two or more kind names side by side in a list, or a kind compared in an || chain, outside the one
    // declaration. A selection of specific kinds a measure reads (a company's value is its valuation or
    // market cap) is allowed where listed here with its reason.
    const allowed: Record<string, string> = {
      "src/engine/stakeOf.ts": "a company's value: its latest valuation or market cap",
    };
    const names = FACT_KINDS.join("|");
    const list = new RegExp(`"(?:${names})"\\s*,\\s*"(?:${names})"`);
    const chain = new RegExp(`kind\\s*===\\s*"(?:${names})"\\s*\\|\\|`);
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, "src"))) {
      const rel = relative(root, file).replace(/\\/g, "/");
      if (rel === "src/model/types.ts" || rel.startsWith("src/model/data/") || rel in allowed) continue;
      const text = readFileSync(file, "utf8");
      if (list.test(text) || chain.test(text)) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });
});

describe("provenance scale", () => {
  it("is ordered weakest to strongest, each with a meaning", () => {
    expect(PROVENANCES).toEqual(["estimate", "secondary", "article", "press", "primary"]);
    expect(Object.keys(PROVENANCE_MEANINGS).sort()).toEqual([...PROVENANCES].sort());
    expect(provenanceRank("primary")).toBeGreaterThan(provenanceRank("press"));
    expect(provenanceRank("secondary")).toBeLessThan(provenanceRank("article"));
  });
});

describe("rating notches", () => {
  it("put BBB- and Baa3 on the last investment-grade notch, one above BB+ / Ba1", () => {
    expect(RATING_NOTCHES["BBB-"]).toBe(10);
    expect(RATING_NOTCHES.Baa3).toBe(10);
    expect(RATING_NOTCHES["BB+"]).toBe(11);
    expect(RATING_NOTCHES.AAA).toBe(1);
  });
});

