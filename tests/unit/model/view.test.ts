import { bundledDataset, createModel, getBundledModel, CLAIMS } from "../../../src/model";
import { ids, total } from "./helpers";

const model = getBundledModel();
const ARTICLE = "2026-02-05";
const rumours = { includeRumoured: true };
const confirmed = { includeRumoured: false };

describe("the article's view (2026-02-05, rumours counted) reproduces its figures", () => {
  const v = model.view(ARTICLE, rumours);

  it("S1: OpenAI raising up to 100 at a 730 valuation", () => {
    expect(total(v, "valuation", "OPENAI", "OPENAI")).toBe(730);
    expect(total(v, "investment", "OPENAI-ROUND-2026", "OPENAI")).toBe(100);
  });

  it("S2: Nvidia 30, Amazon 20, SoftBank 30, Microsoft 10 as the investments of the round", () => {
    const s2 = v.facts.filter((f) => f.claims.includes("S2") && f.kind === "investment" && f.status === "rumoured");
    const byInvestor = Object.fromEntries(s2.map((f) => [f.from, f.amountUsdBn]));
    expect(byInvestor).toEqual({ NVDA: 30, AMZN: 20, SFTBY: 30, MSFT: 10 });
  });

  it("Amazon's planned investment in OpenAI is 20", () => {
    expect(total(v, "investment", "AMZN", "OPENAI")).toBe(20);
  });

  it("S8: Microsoft holds ~27% and OpenAI buys ~250 of Azure", () => {
    const stake = v.facts.filter((f) => f.kind === "stake" && f.from === "MSFT" && f.to === "OPENAI");
    expect(stake.map((f) => f.pct)).toEqual([0.27]);
    expect(total(v, "contract", "OPENAI", "MSFT")).toBe(250);
  });

  it("S9: Amazon's 38 cloud contract", () => {
    expect(total(v, "contract", "OPENAI", "AMZN")).toBe(38);
  });

  it("S15: SpaceX ~8 EBITDA, xAI ~9.5 burned in nine months", () => {
    const ebitda = v.facts.find((f) => f.from === "SPACEX" && f.claims.includes("S15"));
    expect(ebitda?.amountUsdBn).toBe(8);
    expect(total(v, "burn", "XAI", "XAI")).toBe(9.5);
  });

  it("Nvidia's 100 letter of intent is replaced by the 30 under talks", () => {
    expect(ids(v, "investment", "NVDA", "OPENAI")).toEqual(["A02"]);
  });
});

describe("the confirmed view on the article's date", () => {
  const v = model.view(ARTICLE, confirmed);

  it("holds no Amazon investment in OpenAI yet (the 20 was only reported talk)", () => {
    expect(total(v, "investment", "AMZN", "OPENAI")).toBe(0);
  });

  it("keeps the sourced xAI burn (7.8) rather than the article's 9.5", () => {
    expect(total(v, "burn", "XAI", "XAI")).toBe(7.8);
  });

  it("values OpenAI at the last confirmed 500 (Oct-2025), not the rumoured 730", () => {
    expect(ids(v, "valuation", "OPENAI", "OPENAI")).toEqual(["C008"]);
  });

  it("keeps Microsoft's funding at the 10-Q's 13 committed and the 250 Azure contract", () => {
    expect(total(v, "investment", "MSFT", "OPENAI")).toBe(13);
    expect(ids(v, "investment", "MSFT", "OPENAI")).toEqual(["C097b"]);
    expect(ids(v, "contract", "OPENAI", "MSFT")).toEqual(["C029"]);
  });
});

describe("the later announcements", () => {
  it("Amazon's investment is 50 from 2026-02-27 (announced) and 50 closed at the latest date", () => {
    expect(total(model.view("2026-02-26", confirmed), "investment", "AMZN", "OPENAI")).toBe(0);
    expect(ids(model.view("2026-02-27", confirmed), "investment", "AMZN", "OPENAI")).toEqual(["C002"]);
    expect(total(model.view("2026-02-27", rumours), "investment", "AMZN", "OPENAI")).toBe(50);
    const latest = model.view();
    expect(latest.facts.filter((f) => f.kind === "investment" && f.from === "AMZN" && f.to === "OPENAI").map((f) => [f.id, f.amountUsdBn, f.status])).toEqual([
      // N012 (Jul 2026): the conditional 35 reportedly paid early; the same 50, now all funded.
      ["N012", 50, "reported"],
    ]);
    expect(latest.facts.find((f) => f.id === "N012")).toMatchObject({ fundedUsdBn: 50, conditionalUsdBn: 0, provenance: "secondary" });
    expect(model.view("2026-07-30").facts.find((f) => f.kind === "investment" && f.from === "AMZN" && f.to === "OPENAI")).toMatchObject({ id: "D003a", conditionalUsdBn: 35 });
  });

  it("the Amazon compute deals add up to 38 + 100 = 138 after the expansion", () => {
    expect(total(model.view("2026-02-27"), "contract", "OPENAI", "AMZN")).toBe(138);
  });

  it("the round closes at 122 committed and 852 post-money", () => {
    const v = model.view();
    expect(total(v, "investment", "OPENAI-ROUND-2026", "OPENAI")).toBe(122);
    expect(total(v, "valuation", "OPENAI", "OPENAI")).toBe(852);
  });

  it("SoftBank's cumulative money in OpenAI (34.6 + 30) matches its reported 64.6 cost", () => {
    const v = model.view();
    expect(total(v, "investment", "SFTBY", "OPENAI")).toBe(64.6);
    expect(total(v, "stake", "SFTBY", "OPENAI")).toBe(64.6);
  });

  it("Microsoft's stake is re-derived from the post-round percentage: 27% diluted by a 122 primary round at 730 pre-money", () => {
    const stake = model.view().facts.filter((f) => f.kind === "stake" && f.from === "MSFT" && f.to === "OPENAI");
    // 0.27 × 730 / (730 + 122) = 0.2313 (to 4 places); value 0.2313 × 852 = 197.1 (= 0.27 × 730).
    const pct = (0.27 * 730) / (730 + 122);
    expect(pct).toBeCloseTo(0.2313, 4);
    expect(stake.map((f) => [f.id, f.pct, f.amountUsdBn])).toEqual([["D006", 0.2313, 197.1]]);
    expect(Math.abs(0.2313 * 852 - 197.1)).toBeLessThan(0.05);
  });

  it("carries the 2026 Anthropic deals", () => {
    const v = model.view();
    expect(total(v, "investment", "AMZN", "ANTHROPIC")).toBe(8 + 25);
    expect(total(v, "investment", "GOOGL", "ANTHROPIC")).toBe(3 + 40);
    expect(total(v, "contract", "ANTHROPIC", "GOOGL")).toBe(200);
    expect(total(v, "contract", "ANTHROPIC", "AMZN")).toBe(100);
  });
});

describe("no double counting", () => {
  const dates = [...new Set(bundledDataset.facts.map((f) => f.date))].sort();

  it("counts the Vantage $38B loan package once at every date, under both bases", () => {
    for (const d of dates) {
      for (const basis of [confirmed, rumours]) {
        const v = model.view(d, basis);
        const loans = v.facts.filter((f) => f.kind === "loan" && f.to === "VANTAGE");
        expect(loans.length).toBeLessThanOrEqual(1);
        expect(total(v, "loan", "VANTAGE-LENDERS", "VANTAGE")).toBe(d >= "2025-10-23" ? 38 : 0);
      }
    }
  });

  it("keeps the $56B loan pool on the group entity whose members carry 38 and 18", () => {
    const v = model.view("2026-02-05");
    const pool = v.facts.find((f) => f.id === "C116");
    const group = model.registry.get("ORCL-DC-PROJECTS");
    expect(pool?.to).toBe("ORCL-DC-PROJECTS");
    expect(group?.members).toEqual(["VANTAGE", "ORCL-NM-DC"]);
    const parts = v.facts.filter((f) => f.kind === "loan" && group?.members.includes(f.to)).reduce((s, f) => s + (f.amountUsdBn ?? 0), 0);
    expect(parts).toBe(pool?.amountUsdBn);
  });

  it("records the final close of the Feb commitments as a status change, not new money", () => {
    const before = model.view("2026-03-30");
    const after = model.view("2026-03-31");
    for (const who of ["AMZN", "NVDA", "SFTBY"]) {
      expect(total(after, "investment", who, "OPENAI")).toBe(total(before, "investment", who, "OPENAI"));
    }
    expect(after.facts.filter((f) => f.from === "NVDA" && f.to === "OPENAI" && f.kind === "investment").map((f) => f.status)).toEqual(["closed"]);
  });
});

describe("Nvidia as a vendor", () => {
  it("labels its GPU-purchase estimates and lets a basis leave them out", () => {
    const est = model.view().facts.filter((f) => f.estimate && f.to === "NVDA");
    expect(est.map((f) => [f.id, f.amountUsdBn])).toEqual([["E02", 105]]);
    expect(model.view(null, { includeRumoured: false, includeEstimates: false }).facts.some((f) => f.estimate)).toBe(false);
  });

  it("the estimate follows the investment it rests on: 10 GW x 35 under the LOI, 30 x 35/10 after", () => {
    expect(ids(model.view("2025-12-31"), "contract", "OPENAI", "NVDA")).toEqual(["E01"]);
    expect(total(model.view("2025-12-31"), "contract", "OPENAI", "NVDA")).toBe(10 * 35);
    expect(total(model.view("2026-02-27"), "contract", "OPENAI", "NVDA")).toBe((30 * 35) / 10);
  });

  it("closes the cycle NVDA -> OPENAI -> ORCL -> NVDA with the reported Oracle chip order", () => {
    const v = model.view();
    expect(total(v, "investment", "NVDA", "OPENAI")).toBe(30);
    expect(total(v, "contract", "OPENAI", "ORCL")).toBe(300);
    expect(ids(v, "contract", "ORCL", "NVDA")).toEqual(["M01"]);
    expect(total(v, "contract", "ORCL", "NVDA")).toBe(40);
  });
});

describe("view mechanics", () => {
  it("defaults to the latest fact date and the confirmed basis", () => {
    expect(model.latestDate).toBe("2026-10-08");
    const v = model.view();
    expect(v.asOf).toBe("2026-10-08");
    expect(v.basis.includeRumoured).toBe(false);
    expect(v.facts.some((f) => f.status === "rumoured")).toBe(false);
  });

  it("memoises per (asOf, basis)", () => {
    expect(model.view(ARTICLE, rumours)).toBe(model.view(ARTICLE, { includeRumoured: true }));
    expect(model.view(null)).toBe(model.view());
    expect(model.view(ARTICLE, rumours)).not.toBe(model.view(ARTICLE, confirmed));
  });

  it("keeps only facts dated on or before the as-of date", () => {
    const v = model.view("2025-06-30", rumours);
    expect(v.facts.length).toBeGreaterThan(0);
    expect(v.facts.every((f) => f.date <= "2025-06-30")).toBe(true);
    expect(model.view("2000-01-01").facts).toEqual([]);
  });

  it("rejects an as-of that is not an ISO date", () => {
    expect(() => model.view("5 Feb 2026")).toThrow(RangeError);
    expect(() => model.view("2026-02-30")).toThrow(RangeError);
  });

  it("the bundled model is one shared instance; createModel builds independent ones", () => {
    expect(getBundledModel()).toBe(model);
    expect(createModel(bundledDataset)).not.toBe(model);
    expect(model.fact("C002")?.amountUsdBn).toBe(50);
    expect(model.fact("nope")).toBeUndefined();
  });

  it("a minimum provenance keeps only facts read at least that well, and is cached apart", () => {
    const all = model.view(null, confirmed);
    const press = model.view(null, { includeRumoured: false, minProvenance: "press" });
    const primary = model.view(null, { includeRumoured: false, minProvenance: "primary" });
    expect(press).not.toBe(all);
    expect(press.facts.length).toBeGreaterThan(0);
    expect(press.facts.every((f) => f.provenance === "press" || f.provenance === "primary")).toBe(true);
    expect(primary.facts.every((f) => f.provenance === "primary")).toBe(true);
    expect(model.view(null, { includeRumoured: false, minProvenance: "estimate" })).not.toBe(press);
    // "estimate" is the floor of the scale: the same facts as no minimum.
    expect(model.view(null, { includeRumoured: false, minProvenance: "estimate" }).facts).toEqual(all.facts);
    // The estimates drop under any higher minimum (E02, Nvidia's implied GPU purchases, among them).
    expect(all.facts.some((f) => f.id === "E02")).toBe(true);
    expect(press.facts.some((f) => f.id === "E02")).toBe(false);
  });

  it("every claim S1-S15 is listed once with its text", () => {
    expect(CLAIMS.map((c) => c.id)).toEqual(["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13", "S14", "S15"]);
  });
});
