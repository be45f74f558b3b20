/**
 * Exposure over time (src/engine/history.ts). Bundled-model expectations write out the arithmetic from the
 * fact amounts they cite (src/model/data/facts.ts); the synthetic ones use facts defined here.
 */
import {
  calendarDates,
  history,
  isEngineError,
  selfFundedExposure,
  totalContractsIn,
  totalFundingOut,
  HISTORY_MEASURES,
  MAX_HISTORY_POINTS,
  type HistorySeries,
} from "../../../../src/engine";
import { createModel, getBundledModel, CONFIRMED_BASIS, type Dataset } from "../../../../src/model";
import { ok } from "../engineResult";
import { entity, fact } from "./fixtures";

const bundled = getBundledModel();
const series = (s: HistorySeries): [string, number | string][] =>
  s.points.map((p) => [p.date, isEngineError(p.value) ? p.value.code : Math.round(p.value * 1e9) / 1e9]);

describe("Amazon's self-funded exposure on the bundled model (issue 15 acceptance)", () => {
  // The hand computations below count the headline amounts (money: "committed"); the firm series follows them.
  const amzn = ok(history(bundled, "AMZN", { measure: "self_funded", step: "facts", from: "2024-01-01", to: bundled.latestDate, basis: CONFIRMED_BASIS, money: "committed" }));

  it("steps up on the dates of its OpenAI and Anthropic deals, and nowhere else", () => {
    // 2024-01-01: no AMZN funding with a contract back: 0.
    // 2024-11-22 C061 AMZN→ANTHROPIC 8, but Anthropic has no contract with AMZN yet: min(8, 0) = 0, no step.
    // 2025-11-03 C032 OPENAI→AMZN 38, but AMZN has not funded OpenAI (C138 is rumoured): min(0, 38) = 0, no step.
    // 2026-02-27 C002 AMZN→OPENAI 50 with C092 OPENAI→AMZN 100 (+ C032 38): min(50, 138) = 50.
    // 2026-03-31 D003a closes C002 at the same 50: no step.
    // 2026-04-20 D038 AMZN→ANTHROPIC 25 (+ C061 8) with D039 ANTHROPIC→AMZN 100: 50 + min(33, 100) = 83.
    // 2026-07-31 N012 reports the 50 paid, superseding D003a: F(AMZN→OPENAI) stays 50, no step.
    // 2026-09-08 N089 QCOM→AMZN warrant 4 is money into Amazon, not out: no step. Nothing else to 2026-10-08.
    expect(bundled.latestDate >= "2026-10-08").toBe(true);
    expect(series(amzn)).toEqual([
      ["2024-01-01", 0],
      ["2026-02-27", 50],
      ["2026-04-20", 83],
    ]);
  });

  it("names the facts that moved each step", () => {
    expect(amzn.points.map((p) => p.entered)).toEqual([[], ["C002", "C092"], ["D038", "D039"]]);
  });

  it("a monthly series agrees with a point-in-time view on every month end", () => {
    const monthly = ok(history(bundled, "AMZN", { step: "month", from: "2023-07-01", to: "2026-06-30", basis: CONFIRMED_BASIS }));
    expect(monthly.points).toHaveLength(36);
    for (const p of monthly.points) expect(p.value).toBe(selfFundedExposure(bundled.view(p.date), "AMZN"));
    // The quarter that holds 2026-02-27 and 2026-03-31 (D003a replaces C002) lists the facts once each.
    const march = monthly.points.find((p) => p.date === "2026-03-31");
    expect(march?.entered).toEqual(["D003a"]);
    expect(march?.superseded).toEqual(["C002"]);
  });

  it("a later payment fact replaces the commitment without a step: N012 (2026-07-31) supersedes D003a", () => {
    const summer = ok(history(bundled, "AMZN", { step: "month", from: "2026-06-01", to: "2026-08-31", basis: CONFIRMED_BASIS, money: "committed" }));
    expect(series(summer)).toEqual([
      ["2026-06-30", 83],
      ["2026-07-31", 83],
      ["2026-08-31", 83],
    ]);
    expect(summer.points[1]).toMatchObject({ entered: ["N012"], superseded: ["D003a"] });
  });

  it("leaves the facts out when asked (facts: false), with the same dates and values", () => {
    const withFacts = ok(history(bundled, "AMZN", { step: "facts", from: "2024-01-01", basis: CONFIRMED_BASIS }));
    const bare = ok(history(bundled, "AMZN", { step: "facts", from: "2024-01-01", basis: CONFIRMED_BASIS, facts: false }));
    expect(series(bare)).toEqual(series(withFacts));
    expect(bare.points.every((p) => p.entered.length === 0 && p.superseded.length === 0)).toBe(true);
  });

  it("funding out and contracts in move on their own dates", () => {
    const out = ok(history(bundled, "AMZN", { measure: "funding_out", step: "facts", from: "2024-01-01", to: "2026-04-30", basis: CONFIRMED_BASIS, money: "committed" }));
    // C061 8; + C002 50 = 58; D003a replaces C002 at 50 (no step); + D038 25 = 83.
    expect(series(out)).toEqual([
      ["2024-01-01", 0],
      ["2024-11-22", 8],
      ["2026-02-27", 58],
      ["2026-04-20", 83],
    ]);
    const cin = ok(history(bundled, "AMZN", { measure: "contracts_in", step: "facts", from: "2024-01-01", to: "2026-04-30", basis: CONFIRMED_BASIS, money: "committed" }));
    // C032 38; + C092 100 (it replaces C005, which had no amount) = 138; + D039 100 = 238.
    expect(series(cin)).toEqual([
      ["2024-01-01", 0],
      ["2025-11-03", 38],
      ["2026-02-27", 138],
      ["2026-04-20", 238],
    ]);
    for (const p of out.points) expect(p.value).toBe(totalFundingOut(bundled.view(p.date), "AMZN", "all", "committed"));
    for (const p of cin.points) expect(p.value).toBe(totalContractsIn(bundled.view(p.date), "AMZN", "committed"));
  });

  it("share is DIV_ZERO until Amazon has contracted revenue, then 50 / 138 and 83 / 238", () => {
    const share = ok(history(bundled, "AMZN", { measure: "share", step: "facts", from: "2024-01-01", to: "2026-04-30", basis: CONFIRMED_BASIS, money: "committed" }));
    expect(series(share)).toEqual([
      ["2024-01-01", "DIV_ZERO"],
      ["2025-11-03", 0],
      ["2026-02-27", Math.round((50 / 138) * 1e9) / 1e9],
      ["2026-04-20", Math.round((83 / 238) * 1e9) / 1e9],
    ]);
  });

  it("follows the basis: the rumoured C138 (AMZN→OPENAI 20, 2026-02-04) counts only when rumours do", () => {
    const rumoured = ok(history(bundled, "AMZN", { step: "facts", from: "2026-01-01", to: "2026-03-01", basis: { includeRumoured: true }, money: "committed" }));
    // 2026-02-04: min(C138 20, C032 38) = 20; 2026-02-27: C002 supersedes C138: min(50, 138) = 50.
    expect(series(rumoured)).toEqual([
      ["2026-01-01", 0],
      ["2026-02-04", 20],
      ["2026-02-27", 50],
    ]);
    expect(rumoured.points[2].superseded).toEqual(["C138"]);
  });

  it("on firm money (the default) the conditional tranches wait for the payment that makes them firm", () => {
    const firm = ok(history(bundled, "AMZN", { measure: "self_funded", step: "facts", from: "2024-01-01", to: bundled.latestDate, basis: CONFIRMED_BASIS }));
    // 2026-02-27 C002 50 of which 35 conditional: min(15, 138) = 15.
    // 2026-04-20 D038 25 of which 20 on milestones (+ C061 8): 15 + min(8 + 5, 100) = 28.
    // 2026-07-31 N012 reports the whole 50 paid (conditional 0), superseding D003a: 50 + 13 = 63.
    expect(series(firm)).toEqual([
      ["2024-01-01", 0],
      ["2026-02-27", 15],
      ["2026-04-20", 28],
      ["2026-07-31", 63],
    ]);
    expect(firm.points[3]).toMatchObject({ entered: ["N012"], superseded: ["D003a"] });
  });

  it("every measure answers for every entity over three years of month ends", () => {
    for (const measure of HISTORY_MEASURES) {
      for (const e of bundled.dataset.entities) {
        const s = history(bundled, e.id, { measure, step: "month", from: "2023-07-01", to: "2026-06-30", basis: CONFIRMED_BASIS });
        expect(isEngineError(s) ? s.message : s.points.length).toBe(36);
      }
    }
  });
});

describe("supersession along the way (synthetic)", () => {
  // A funds B 10 in January, B buys 20 from A in February; in April a closing fact replaces the January
  // commitment with the 6 actually paid; in June A funds B another 30.
  const facts = [
    fact({ id: "i1", kind: "investment", from: "A", to: "B", amountUsdBn: 10, date: "2025-01-15" }),
    fact({ id: "c1", kind: "contract", from: "B", to: "A", amountUsdBn: 20, date: "2025-02-10" }),
    fact({ id: "i2", kind: "investment", from: "A", to: "B", amountUsdBn: 6, date: "2025-04-01", supersedes: ["i1"] }),
    fact({ id: "x1", kind: "contract", from: "C", to: "D", amountUsdBn: 99, date: "2025-05-01" }),
    fact({ id: "i3", kind: "investment", from: "A", to: "B", amountUsdBn: 30, date: "2025-06-20" }),
  ];
  const dataset: Dataset = { version: "t", asOf: "2025-06-20", entities: ["A", "B", "C", "D"].map(entity), facts };
  const model = createModel(dataset);

  it("facts step: min(F, C) = 0, 10, 6, 20 (capped by C), with the replaced fact named", () => {
    const s = ok(history(model, "A", { step: "facts", from: "2025-01-01", basis: CONFIRMED_BASIS }));
    // Jan: F 10, C 0 → 0 (no step); Feb: min(10, 20) = 10; Apr: i2 replaces i1: min(6, 20) = 6;
    // May: x1 does not name A (not evaluated); Jun: min(6 + 30, 20) = 20.
    expect(series(s)).toEqual([
      ["2025-01-01", 0],
      ["2025-02-10", 10],
      ["2025-04-01", 6],
      ["2025-06-20", 20],
    ]);
    expect(s.points.map((p) => p.entered)).toEqual([[], ["c1"], ["i2"], ["i3"]]);
    expect(s.points.map((p) => p.superseded)).toEqual([[], [], ["i1"], []]);
    expect(s.to).toBe("2025-06-20");
  });

  it("month step: month ends, closed by `to`; before the first fact the value is 0", () => {
    const s = ok(history(model, "A", { step: "month", from: "2024-12-01", to: "2025-05-15", basis: CONFIRMED_BASIS }));
    expect(series(s)).toEqual([
      ["2024-12-31", 0],
      ["2025-01-31", 0],
      ["2025-02-28", 10],
      ["2025-03-31", 10],
      ["2025-04-30", 6],
      ["2025-05-15", 6],
    ]);
    expect(s.points[2].entered).toEqual(["c1"]);
    expect(s.points[4]).toMatchObject({ entered: ["i2"], superseded: ["i1"] });
  });

  it("defaults: from the first fact date to the last", () => {
    const s = ok(history(model, "A", { step: "quarter", basis: CONFIRMED_BASIS }));
    expect(s.from).toBe("2025-01-15");
    expect(series(s)).toEqual([
      ["2025-03-31", 10],
      ["2025-06-20", 20],
    ]);
  });

  it("errors: from after to, and a series longer than the cap", () => {
    const late = history(model, "A", { from: "2025-06-01", to: "2025-01-01", basis: CONFIRMED_BASIS });
    expect(isEngineError(late) && late.code).toBe("INVALID_INPUT");
    const long = history(model, "A", { step: "month", from: "1900-03-01", to: "2025-01-01", basis: CONFIRMED_BASIS });
    expect(isEngineError(long) && long.message).toMatch(/more than 600 points.*"quarter"/);
  });
});

describe("calendarDates", () => {
  it("month ends, leap February, and `to` closing the series", () => {
    expect(calendarDates("2024-01-31", "2024-03-15", "month")).toEqual(["2024-01-31", "2024-02-29", "2024-03-15"]);
    expect(calendarDates("2024-01-10", "2024-01-20", "month")).toEqual(["2024-01-20"]);
  });
  it("quarter ends across a year", () => {
    expect(calendarDates("2025-11-05", "2026-09-30", "quarter")).toEqual(["2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"]);
  });
  it("null beyond the cap: 600 month ends fit, 601 do not", () => {
    expect(calendarDates("1975-01-01", "2024-12-31", "month")).toHaveLength(MAX_HISTORY_POINTS);
    expect(calendarDates("1975-01-01", "2025-01-31", "month")).toBeNull();
  });
});
