/**
 * Hand-computed values on the bundled model. Each expectation writes out the arithmetic from the fact
 * amounts it cites (src/model/data/facts.ts). The article's view is 2026-02-05 with rumours counted (the
 * day Wall Street CN published); the announced view is 2026-02-27 (the $110B round), confirmed facts only.
 */
import {
  circularShare,
  cyclesThrough,
  exposureTable,
  fundedBacklog,
  funding,
  contractValue,
  roundTripRatio,
  selfFundedExposure,
  stress,
  stakeOf,
  capexOffset,
  networkExposure,
  entityMetrics,
  isEngineError,
  type StressResult,
} from "../../../../src/engine";
import { getBundledModel } from "../../../../src/model";

const model = getBundledModel();
const article = model.view("2026-02-05", { includeRumoured: true });
const announced = model.view("2026-02-27", { includeRumoured: false });

describe("Microsoft and OpenAI (claim S8)", () => {
  it("article view: F = C097b 13 + C137 10 (rumoured) = 23, C = C029 250, ratio 250 / 23", () => {
    expect(funding(article, "MSFT", "OPENAI")).toBe(23);
    expect(contractValue(article, "OPENAI", "MSFT")).toBe(250);
    expect(roundTripRatio(article, "MSFT", "OPENAI")).toBeCloseTo(250 / 23, 10); // 10.87
  });
  it("article view: self-funded = min(23, 250) + min(C034 5, C035 30) = 28 of 280 contracted (share 0.10)", () => {
    expect(selfFundedExposure(article, "MSFT")).toBe(28);
    expect(fundedBacklog(article, "MSFT")).toBe(280);
    expect(circularShare(article, "MSFT")).toBeCloseTo(28 / 280, 12);
  });
  it("announced view: the rumoured 10 drops out, F = 13, ratio 250 / 13, self-funded 13 + 5 = 18", () => {
    expect(roundTripRatio(announced, "MSFT", "OPENAI")).toBeCloseTo(250 / 13, 10); // 19.23
    expect(selfFundedExposure(announced, "MSFT")).toBe(18);
    expect(circularShare(announced, "MSFT")).toBeCloseTo(18 / 280, 12);
  });
});

describe("Amazon and OpenAI (claim S9)", () => {
  it("article view: F = C138 20 (rumoured), C = C032 38: ratio 1.9, self-funded 20, share 20 / 38", () => {
    expect(roundTripRatio(article, "AMZN", "OPENAI")).toBeCloseTo(38 / 20, 12);
    expect(selfFundedExposure(article, "AMZN")).toBe(20);
    expect(circularShare(article, "AMZN")).toBeCloseTo(20 / 38, 12);
  });
  it("announced view: F = C002 50, C = C032 38 + C092 100 = 138: ratio 2.76, self-funded 50, share 50 / 138", () => {
    expect(funding(announced, "AMZN", "OPENAI")).toBe(50);
    expect(contractValue(announced, "OPENAI", "AMZN")).toBe(138);
    expect(roundTripRatio(announced, "AMZN", "OPENAI")).toBeCloseTo(2.76, 12);
    expect(selfFundedExposure(announced, "AMZN")).toBe(50);
    expect(circularShare(announced, "AMZN")).toBeCloseTo(50 / 138, 12);
  });
  it("lists the facts behind the Amazon–OpenAI row", () => {
    const row = exposureTable(announced, "AMZN").find((r) => r.counterparty === "OPENAI");
    expect(row?.factIds.sort()).toEqual(["C002", "C032", "C092"]);
  });
});

describe("money cycles (claim S10)", () => {
  it("NVDA → OPENAI → ORCL → NVDA: min(C003 30, C013 300, M01 40) = 30 in the announced view", () => {
    expect(cyclesThrough(announced, "NVDA")).toContainEqual({ path: ["NVDA", "OPENAI", "ORCL", "NVDA"], bottleneck: 30 });
  });
  it("the same cycle carries A02's rumoured 30 in the article view", () => {
    expect(cyclesThrough(article, "NVDA")).toContainEqual({ path: ["NVDA", "OPENAI", "ORCL", "NVDA"], bottleneck: 30 });
  });
  it("MSFT → OPENAI → NVDA → ANTHROPIC → MSFT: min(13, E02 105, C033 10, C035 30) = 10", () => {
    expect(cyclesThrough(announced, "MSFT")).toContainEqual({ path: ["MSFT", "OPENAI", "NVDA", "ANTHROPIC", "MSFT"], bottleneck: 10 });
  });
});

describe("stress: OpenAI cuts half its commitments (announced view, default 10× multiple, 5-year default term)", () => {
  const result = stress(announced, { shocked: "OPENAI", cut: 0.5 });
  const r = (isEngineError(result) ? null : result) as StressResult;
  const lineOf = (id: string) => r.lines.find((l) => l.id === id);

  it("revenue lost = 0.5 × C: ORCL 150, MSFT 125, AMZN 69, NVDA 52.5, CRWV 11.2, CEREBRAS 5 (total 412.7)", () => {
    expect(lineOf("ORCL")?.revenueLost).toBe(150); // C013 300
    expect(lineOf("MSFT")?.revenueLost).toBe(125); // C029 250
    expect(lineOf("AMZN")?.revenueLost).toBe(69); // C032 38 + C092 100
    expect(lineOf("NVDA")?.revenueLost).toBe(52.5); // E02 105 (estimate)
    expect(lineOf("CRWV")?.revenueLost).toBeCloseTo(11.2, 12); // C022 11.9 + C023 4 + C024 6.5
    expect(lineOf("CEREBRAS")?.revenueLost).toBe(5); // C103 10
    expect(r.total.revenueLost).toBeCloseTo(412.7, 10);
  });
  it("market value at risk = 0.5 × annual contract × 10", () => {
    expect(lineOf("ORCL")?.marketValueAtRisk).toBeCloseTo(0.5 * (300 / 5) * 10, 10); // 300, below C109's 426
    expect(lineOf("MSFT")?.marketValueAtRisk).toBeCloseTo(0.5 * (250 / 5) * 10, 10); // 250 (no term: 5 years)
    expect(lineOf("AMZN")?.marketValueAtRisk).toBeCloseTo(0.5 * (38 / 7 + 100 / 8) * 10, 10); // 89.64
    expect(lineOf("NVDA")?.marketValueAtRisk).toBeCloseTo(0.5 * (105 / 5) * 10, 10); // 105
    expect(lineOf("CRWV")?.marketValueAtRisk).toBeCloseTo(0.5 * (11.9 / 5 + 4 / 5 + 6.5 / 5) * 10, 10); // 22.4
    expect(lineOf("CEREBRAS")?.marketValueAtRisk).toBeCloseTo(0.5 * (10 / 3) * 10, 10); // 16.67
    expect(r.total.marketValueAtRisk).toBeCloseTo(300 + 250 + 5 * (38 / 7 + 12.5) + 105 + 22.4 + 50 / 3, 10); // 783.71
  });
  it("Oracle passes its loss to its lessors: share 150 / C079 523 of each lease (E03 38, E04 18, E06 9.4)", () => {
    // Oracle's contracted revenue is its reported backlog, C079 523 (more than C013 300 + C128 20 listed),
    // so it cuts every purchase contract by 150 / 523: the Nvidia order M01 40 and the three leases.
    const share = 150 / 523;
    expect(r.details.passedThrough.VANTAGE).toBeCloseTo(38 * share, 10); // 10.90
    expect(r.details.passedThrough["ORCL-NM-DC"]).toBeCloseTo(18 * share, 10); // 5.16
    expect(r.details.passedThrough["ABILENE-JV"]).toBeCloseTo(9.4 * share, 10); // 2.70
    expect(r.details.passedThrough.NVDA).toBeCloseTo(52.5 + 40 * share, 10); // first round + Oracle's order
    // Microsoft loses 125 of its backlog and passes the same share on to the neoclouds it buys from.
    expect(r.details.passedThrough.NBIS).toBeGreaterThan(0);
  });
  it("lenders to the leased sites lose the lease shortfall: each vehicle's only asset is its lease, sized at its debt", () => {
    const share = 150 / 523;
    expect(lineOf("VANTAGE-LENDERS")?.lenderLoss).toBeCloseTo(38 * share, 10); // 10.90
    expect(lineOf("NM-DC-LENDERS")?.lenderLoss).toBeCloseTo(18 * share, 10); // 5.16
    // Abilene owes ABILENE-LENDERS 7.1 and JPM 2.3 and pays them pro rata.
    expect(lineOf("ABILENE-LENDERS")?.lenderLoss).toBeCloseTo(7.1 * share, 10); // 2.04
    expect(lineOf("JPM")?.lenderLoss).toBeCloseTo(2.3 * share, 10); // 0.66
    expect(r.total.lenderLoss).toBeCloseTo(65.4 * share, 10); // 18.76
    expect([...r.details.newDefaults].sort()).toEqual(["ABILENE-JV", "ORCL-NM-DC", "VANTAGE"]);
  });
  it("Oracle itself stays solvent: backlog C079 523 − 150 + equity D028 5 = 378 covers its bonds C053 18 + D027 25", () => {
    expect(lineOf("BONDHOLDERS")).toBeUndefined();
    expect(r.details.newDefaults).not.toContain("ORCL");
  });
});

describe("the article's systemic claims (docs/methodology.md §7)", () => {
  const result = stress(article, { shocked: "OPENAI", cut: 1 });
  const r = (isEngineError(result) ? null : result) as StressResult;
  const atRisk = (ids: string[]) => r.lines.filter((l) => ids.includes(l.id)).reduce((s, l) => s + l.marketValueAtRisk, 0);

  it("S14: a full cut at 10× puts MSFT 50×10 + AMZN (38/7)×10 + ORCL min(60×10, C017 470) ≈ 1,024 at risk", () => {
    expect(atRisk(["MSFT", "AMZN", "ORCL"])).toBeCloseTo(500 + 380 / 7 + 470, 10);
    expect(r.details.capped).toContain("ORCL");
  });
  it("S13: the same full cut is only ~11 % of MSFT + AMZN + NVDA + ORCL's 10,890 of market value", () => {
    // NVDA: E02a 105 / 5 years × 10 = 210 (the GPU purchases implied by the article's own $30B, A02; the
    // 350 of E01 leaves this rumour view with the letter of intent it was derived from, which C006
    // replaces). Caps: C084 3,220 + C085 2,600 + C081 4,600 + C017 470.
    const share = atRisk(["MSFT", "AMZN", "NVDA", "ORCL"]) / (3220 + 2600 + 4600 + 470);
    expect(share).toBeCloseTo((500 + 380 / 7 + 210 + 470) / 10890, 10);
    expect(share).toBeLessThan(0.5);
  });
});

describe("capex offset and stakes (claims S8, S12)", () => {
  it("MSFT, announced view: equity into customers C097b 13 + C034 5 = 18 over FY2025 capex C076 64.6", () => {
    const offset = capexOffset(announced, "MSFT");
    expect(offset.amount).toBe(18);
    expect(offset.ratio).toBeCloseTo(18 / 64.6, 12); // 0.279; the one-quarter C075 37.5 is not annual
    expect(entityMetrics(announced, "MSFT").factIds.capexOffsetRatio.sort()).toEqual(["C034", "C076", "C097b"]);
  });
  it("MSFT's stake in OpenAI: pct 0.27 and value 135 from C028", () => {
    expect(stakeOf(announced, "MSFT", "OPENAI", "pct")).toBe(0.27);
    expect(stakeOf(announced, "MSFT", "OPENAI", "value")).toBe(135);
  });
  it("derives OpenAI's AMD warrant value = C020 0.1 × AMD market cap C110 371 = 37.1", () => {
    expect(stakeOf(announced, "OPENAI", "AMD", "value")).toBeCloseTo(37.1, 10);
  });
});

describe("network exposure (docs/methodology.md §5)", () => {
  it("MSFT, announced view, leak 0.5: above the one-hop part 13 × 0.5 × 250/825.9 + 5 × 0.5 × 30/30, below the direct 18", () => {
    // OpenAI's outflows: C013 300 + C029 250 + C032/C092 138 + E02 105 + CRWV 22.4 + C103 10 + C125b 0.5 = 825.9.
    const oneHop = (13 * 0.5 * 250) / 825.9 + (5 * 0.5 * 30) / 30;
    const n = networkExposure(announced, "MSFT", { leak: 0.5 }) as number;
    expect(n).toBeGreaterThan(oneHop);
    expect(n).toBeLessThan(18);
  });
});
