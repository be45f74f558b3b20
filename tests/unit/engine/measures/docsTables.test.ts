/**
 * Figures docs/methodology.md prints as tables, recomputed from the bundled model so the docs cannot drift
 * from the engine (review finding 8: the network-exposure sensitivity table had).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { circularShare, networkExposure, scenarioFrom, selfFundedExposure, stress, type ScenarioAssumptions, type StressResult } from "../../../../src/engine";
import { CLAIM_FIGURES, getBundledModel, type ModelView } from "../../../../src/model";

const doc = readFileSync(join(__dirname, "../../../../docs/methodology.md"), "utf8");
const model = getBundledModel();
const views = { article: model.view("2026-02-05", { includeRumoured: true }), announced: model.view("2026-02-27", { includeRumoured: false }) };

/** The rows of the first markdown table after `marker`, cells trimmed and stripped of bold. */
function tableAfter(marker: string): string[][] {
  const start = doc.indexOf(marker);
  if (start < 0) throw new Error(`docs/methodology.md has no "${marker}"`);
  const lines = doc.slice(start).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith("|")) break;
    if (/^\|[-| ]+\|$/.test(line)) continue;
    rows.push(line.slice(1, -1).split("|").map((c) => c.trim().replace(/\*\*/g, "")));
  }
  return rows;
}

describe.each([
  ["firm", "**Sensitivity** (USD bn, bundled model, firm money"],
  ["committed", "**Sensitivity, committed money**"],
] as const)("docs/methodology.md §5 network-exposure sensitivity table (%s money)", (money, marker) => {
  const [header, ...rows] = tableAfter(marker);
  const columns = header.slice(1).map((h) => {
    const [id, view] = h.split(" ");
    return { id, view: view as keyof typeof views };
  });
  it("has a row per leak and the direct measure", () => {
    expect(rows.map((r) => r[0])).toEqual(["0.1", "0.3", "0.5", "0.7", "0.9", "direct self-funded"]);
  });
  it.each(rows.map((r) => [r[0], r] as const))("row %s matches the engine to the printed precision", (_, row) => {
    columns.forEach(({ id, view }, k) => {
      const printed = Number(row[k + 1]);
      const value = row[0] === "direct self-funded" ? selfFundedExposure(views[view], id, money) : (networkExposure(views[view], id, { leak: Number(row[0]), money }) as number);
      expect(Math.abs(value - printed)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });
});

describe("docs/methodology.md §2 circular shares", () => {
  it("the worked shares, firm (committed): MSFT 13/280 (28/280) article, AMZN 0 (20/38) article, 15/138 (50/138) announced", () => {
    // The article's "may invest" C137 (10) and C138 (20) are all conditional (review 2, finding 6).
    expect(circularShare(views.article, "MSFT")).toBeCloseTo(13 / 280, 12);
    expect(circularShare(views.article, "MSFT", "committed")).toBeCloseTo(28 / 280, 12);
    expect(circularShare(views.article, "AMZN")).toBe(0);
    expect(circularShare(views.article, "AMZN", "committed")).toBeCloseTo(20 / 38, 12);
    expect(circularShare(views.announced, "AMZN")).toBeCloseTo(15 / 138, 12);
    expect(circularShare(views.announced, "AMZN", "committed")).toBeCloseTo(50 / 138, 12);
  });
  it("the latest table: every share over the reported backlog (AMZN 496, MSFT 678, GOOGL 514), firm and committed", () => {
    const latest = model.view(null, { includeRumoured: false });
    const [, ...rows] = tableAfter("| Entity | self-funded | listed contracts | reported backlog | share |");
    const expected: Record<string, [number, number]> = { AMZN: [63 / 496, 83 / 496], MSFT: [13 / 678, 18 / 678], GOOGL: [13 / 514, 43 / 514] };
    expect(rows.map((r) => r[0])).toEqual(Object.keys(expected));
    for (const [id, [firm, committed]] of Object.entries(expected)) {
      expect(circularShare(latest, id)).toBeCloseTo(firm, 12);
      expect(circularShare(latest, id, "committed")).toBeCloseTo(committed, 12);
    }
    expect(doc).toContain("63 / 496 = **0.127**");
    expect(doc).toContain("83 / 496 = **0.167**");
  });
  it("before a backlog fact: MSFT 13 / 280 on 2026-04-28, 13 / 627 from D061r (2026-04-29)", () => {
    expect(circularShare(model.view("2026-04-28", { includeRumoured: false }), "MSFT")).toBeCloseTo(13 / 280, 12);
    expect(circularShare(model.view("2026-04-29", { includeRumoured: false }), "MSFT")).toBeCloseTo(13 / 627, 12);
  });
});

describe("docs/methodology.md §7.5 S14 range and §7.7 review figures", () => {
  const latest = model.view(null, { includeRumoured: false });
  const hyperscalers = (v: ModelView, rows: [string, unknown][]) => {
    const r = stress(v, { shocked: CLAIM_FIGURES.S14.shocked, cut: 1, assumptions: scenarioFrom(rows) as ScenarioAssumptions }) as StressResult;
    const ids = new Set(v.entities.filter((e) => e.roles.includes(CLAIM_FIGURES.S14.role)).map((e) => e.id));
    return r.lines.filter((l) => ids.has(l.id)).reduce((s, l) => s + l.marketValueAtRisk + l.investorLoss, 0);
  };
  const low: [string, unknown][] = [["method", "term"], ["margin.ORCL", 0.07]];
  const term: [string, unknown][] = [["method", "term"]];
  const multipleLow: [string, unknown][] = [["margin.ORCL", 0.07], ["multiple.hyperscaler", 20]];
  const high: [string, unknown][] = [["margin.ORCL", 0.35], ["multiple.hyperscaler", 30]];
  const [, ...rows] = tableAfter("| View | low | term | multiple low | default | high | S14 |");
  const byView = { "article (2026-02-05, rumours)": views.article, "announced (2026-02-27)": views.announced, latest };
  it.each(rows.map((r) => [r[0], r] as const))("%s: low (term), term, multiple low, default and high as printed (nearest unit)", (name, row) => {
    const v = byView[name as keyof typeof byView];
    const printed = row.slice(1, 6).map((c) => Number(c.replace(/,/g, "")));
    expect([low, term, multipleLow, [], high].map((s) => Math.round(hyperscalers(v, s)))).toEqual(printed);
    expect(Number(row[6].replace(/,/g, ""))).toBe(CLAIM_FIGURES.S14.usdBn);
  });
  it("Microsoft under the term method: 250/5 × 0.42 × (1 − 1.09^−5)/0.09 = 81.7, against 525 by the default multiple", () => {
    const r = stress(latest, { shocked: "OPENAI", cut: 1, assumptions: scenarioFrom(term) as ScenarioAssumptions }) as StressResult;
    const annuity = (1 - Math.pow(1.09, -5)) / 0.09;
    expect(r.lines.find((l) => l.id === "MSFT")?.marketValueAtRisk).toBeCloseTo(50 * 0.42 * annuity, 9);
    expect(r.lines.find((l) => l.id === "ORCL")?.marketValueAtRisk).toBeCloseTo(60 * 0.14 * annuity, 9); // 32.7
  });
  it("SpaceX under a full Anthropic cut: 15 a year × 0.25 × 25 = 93.75 (was 1,800)", () => {
    const r = stress(latest, { shocked: "ANTHROPIC", cut: 1 }) as StressResult;
    expect(r.lines.find((l) => l.id === "SPACEX")?.marketValueAtRisk).toBeCloseTo(15 * 0.25 * 25, 9);
  });
  it("a solvent Microsoft keeps its Nebius order; under the proportional sensitivity it passes on its lost share over its RPO N008 678, not the 280 listed", () => {
    const base = stress(latest, { shocked: "OPENAI", cut: 1 }) as StressResult;
    expect(base.details.passedThrough.NBIS).toBeUndefined();
    const r = stress(latest, { shocked: "OPENAI", cut: 1, assumptions: scenarioFrom([["solvent_buyer_pays", false]]) as ScenarioAssumptions }) as StressResult;
    // Microsoft loses 250 of 678 and cuts its Nebius order C069 17.4 by that share (plus nothing else reaching Nebius).
    expect(r.details.passedThrough.MSFT).toBe(250);
    expect(r.details.passedThrough.NBIS).toBeGreaterThan(0);
    expect(r.details.passedThrough.NBIS).toBeLessThan((17.4 * 250) / 280);
  });
});
