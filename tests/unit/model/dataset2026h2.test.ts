/**
 * Acceptance tests of issue 10: the July-October 2026 data, its provenance, and the review defects.
 * Every expectation is a figure from the research rows (facts-2026h2.csv) or a hand computation.
 */
import { bundledDataset, createModel, getBundledModel, RATING_NOTCHES, validateDataset, type Dataset, type Fact } from "../../../src/model";
import { contractValue, funding } from "../../../src/engine";
import { fact, ids, total } from "./helpers";

const model = getBundledModel();
const latest = model.view();
const rumours = { includeRumoured: true };
const own = (view: typeof latest, kind: Fact["kind"], id: string) => view.facts.filter((f) => f.kind === kind && f.from === id && f.to === id);

describe("the bundled data reach October 2026", () => {
  it("has an as-of of at least 2026-10-01 and a provenance on every fact", () => {
    expect(bundledDataset.asOf >= "2026-10-01").toBe(true);
    expect(bundledDataset.facts.every((f) => typeof f.provenance === "string")).toBe(true);
    expect(validateDataset(bundledDataset)).toEqual([]);
  });

  it("marks every July-October row secondary and unverified, never promoted", () => {
    const h2 = bundledDataset.facts.filter((f) => /^N\d{3}/.test(f.id));
    expect(h2.length).toBeGreaterThanOrEqual(60);
    for (const f of h2) expect([f.id, f.provenance, f.verified]).toEqual([f.id, "secondary", false]);
  });

  it("resolves the new entities by name and ticker, and by their Chinese names", () => {
    const r = model.registry;
    const id = (text: string) => {
      const hit = r.resolve(text);
      return hit.ok ? hit.entity.id : null;
    };
    expect(["Nscale", "Lambda", "TeraWulf", "WULF", "Riot Platforms", "RIOT", "Volta", "Akamai", "AKAM", "Qualcomm", "QCOM", "Marvell", "MRVL", "SB Energy"].map(id)).toEqual([
      "NSCALE", "LAMBDA", "WULF", "WULF", "RIOT", "RIOT", "VOLTA", "AKAM", "AKAM", "QCOM", "QCOM", "MRVL", "MRVL", "SB-ENERGY",
    ]);
    expect(["高通", "邁威爾", "迈威尔", "阿卡邁"].map(id)).toEqual(["QCOM", "MRVL", "MRVL", "AKAM"]);
  });
});

describe("new edges", () => {
  it("AMD invests up to 5 in Anthropic (N001, all conditional on milestones) while Anthropic deploys its GPUs (N002)", () => {
    expect(total(latest, "investment", "AMD", "ANTHROPIC")).toBe(5);
    expect(latest.facts.find((f) => f.id === "N001")).toMatchObject({ conditionalUsdBn: 5, status: "announced" });
    expect(ids(latest, "contract", "ANTHROPIC", "AMD")).toEqual(["N002"]);
    expect(total(model.view("2026-07-21"), "investment", "AMD", "ANTHROPIC")).toBe(0);
  });

  it("caps Nvidia's guarantees on OpenAI's leases at 105 (N023), a backstop in funding from 17-Aug-2026", () => {
    expect(latest.facts.filter((f) => f.kind === "guarantee" && f.from === "NVDA" && f.to === "OPENAI").map((f) => [f.id, f.amountUsdBn])).toEqual([["N023", 105]]);
    expect(funding(latest, "NVDA", "OPENAI", "backstop")).toBe(105);
    expect(funding(model.view("2026-08-16"), "NVDA", "OPENAI", "backstop")).toBe(0);
  });

  it("rates Oracle BBB- (notch 10, the last investment grade) from 9-Jul-2026 and not before", () => {
    const rating = (d: string) => own(model.view(d), "rating", "ORCL").map((f) => [f.unit.split(" ")[0], f.amountUsdBn]);
    expect(rating("2026-07-08")).toEqual([]);
    expect(rating("2026-07-10")).toEqual([["BBB-", RATING_NOTCHES["BBB-"]]]);
    expect(RATING_NOTCHES["BBB-"]).toBe(10);
  });

  it("prices the ~18 of Project Jupiter loans at 90% of par (19-Sep) before Oracle's force majeure (24-Sep)", () => {
    const price = latest.facts.filter((f) => f.kind === "price" && f.to === "ORCL-NM-DC");
    expect(price.map((f) => [f.id, f.amountUsdBn, f.from])).toEqual([["N080", 90, "NM-DC-LENDERS"]]);
    expect(total(latest, "loan", "NM-DC-LENDERS", "ORCL-NM-DC")).toBe(18); // C117, the loan priced
    expect(latest.facts.some((f) => f.id === "N031" && f.date === "2026-09-24")).toBe(true);
  });

  it("counts the AWS backlog of 496 once: it includes Anthropic's >100 deal, which stays a contract and is never added to it", () => {
    const backlog = own(latest, "backlog", "AMZN");
    expect(backlog.map((f) => [f.id, f.amountUsdBn])).toEqual([["N010", 496]]);
    // The earlier 364 (D063, which excluded the deal) is superseded, not added: 496, not 364 + 496 or 496 + 100.
    expect(backlog.reduce((s, f) => s + (f.amountUsdBn ?? 0), 0)).toBe(496);
    expect(ids(latest, "contract", "ANTHROPIC", "AMZN")).toEqual(["D039"]);
    expect(own(model.view("2026-07-29"), "backlog", "AMZN").map((f) => f.id)).toEqual(["D063"]);
  });

  it("records Oracle's full debt and Microsoft's RPO as facts the measures can read", () => {
    expect(own(latest, "debt", "ORCL").map((f) => [f.id, f.amountUsdBn])).toEqual([["N069", 120]]);
    expect(own(model.view("2026-06-01"), "debt", "ORCL").map((f) => f.id)).toEqual(["C119"]);
    expect(own(latest, "backlog", "MSFT").map((f) => [f.id, f.amountUsdBn])).toEqual([["N008", 678]]);
    expect(own(model.view("2026-05-01"), "backlog", "MSFT").map((f) => [f.id, f.amountUsdBn])).toEqual([["D061r", 627]]);
    expect(own(latest, "backlog", "ORCL").map((f) => [f.id, f.amountUsdBn])).toEqual([["N028", 664]]);
  });

  it("treats Qualcomm's warrants to Amazon and AMD's to OpenAI as vendor financing", () => {
    // Both are wholly conditional (N089 4 of 4, C020w 34 of 34): firm money 0, the headline on "committed".
    expect(funding(latest, "QCOM", "AMZN", "vendor_financing", "committed")).toBe(4);
    expect(funding(latest, "AMD", "OPENAI", "vendor_financing", "committed")).toBe(34);
    expect(funding(latest, "AMD", "OPENAI", "vendor_financing")).toBe(0);
  });

  it("carries OpenAI's revenue to October (run-rate approaching 50, N091) and its IPO put off to 2027 (N033)", () => {
    const rev = own(latest, "revenue", "OPENAI");
    const newest = rev.reduce((a, b) => (b.date >= a.date ? b : a));
    expect([newest.id, newest.amountUsdBn, newest.periodMonths]).toEqual(["N091", 50, 12]);
    expect(latest.facts.some((f) => f.id === "N033")).toBe(true);
  });

  it("the pending OpenAI bridge round at ~1,400 counts only with rumours", () => {
    expect(own(latest, "valuation", "OPENAI").map((f) => f.amountUsdBn)).toEqual([852]);
    expect(own(model.view(null, rumours), "valuation", "OPENAI").map((f) => f.amountUsdBn)).toEqual([1400]);
  });
});

describe("review defects", () => {
  it("E01 (GPU purchases estimated from the 100 LOI) leaves every view in which the letter is superseded", () => {
    // Confirmed view on the article date: the letter (C018) stands, so does E01.
    expect(ids(model.view("2026-02-05"), "contract", "OPENAI", "NVDA")).toEqual(["E01"]);
    // With rumours, C006 (talks of up to 30) replaces the letter on 2026-01-01: E01 goes with it.
    expect(ids(model.view("2026-01-15", rumours), "contract", "OPENAI", "NVDA")).toEqual([]);
    expect(model.fact("E01")?.derivedFrom).toEqual(["C018"]);
  });

  it("a derived fact drops with its base in any dataset (a hand-made pair)", () => {
    const ds: Dataset = {
      version: "t",
      asOf: "2026-03-01",
      entities: bundledDataset.entities,
      facts: [
        fact({ id: "LOI", from: "NVDA", to: "OPENAI", amountUsdBn: 100, date: "2026-01-01" }),
        fact({ id: "DEAL", from: "NVDA", to: "OPENAI", amountUsdBn: 30, date: "2026-02-01", supersedes: ["LOI"] }),
        fact({ id: "EST", kind: "contract", from: "OPENAI", to: "NVDA", amountUsdBn: 350, date: "2026-01-01", estimate: true, provenance: "estimate", unit: "ESTIMATE", derivedFrom: ["LOI"] }),
      ],
    };
    const mm = createModel(ds);
    expect(mm.view("2026-01-15").facts.map((f) => f.id)).toEqual(["LOI", "EST"]);
    expect(mm.view("2026-02-15").facts.map((f) => f.id)).toEqual(["DEAL"]);
  });

  it("Microsoft's stake is 27% × 730 / 852 = 23.13% after the primary round, worth 197.1", () => {
    const d006 = model.fact("D006");
    expect(d006?.pct).toBeCloseTo((0.27 * 730) / 852, 4);
    expect(d006?.amountUsdBn).toBeCloseTo(0.27 * 730, 1);
  });

  it("a group's contract beside its member's own is a validation error; Microsoft's neoclouds no longer include Nebius", () => {
    const groupFact = fact({ id: "G", kind: "contract", from: "MSFT", to: "NEOCLOUDS", amountUsdBn: 33 });
    const memberFact = fact({ id: "M", kind: "contract", from: "MSFT", to: "CRWV", amountUsdBn: 10 });
    const ds: Dataset = { version: "t", asOf: "2026-12-31", entities: bundledDataset.entities, facts: [groupFact, memberFact] };
    expect(validateDataset(ds).filter((i) => i.code === "group-overlap").map((i) => i.factId)).toEqual(["G"]);
    // Linked by supersedes, the two are successive figures, not an overlap.
    const linked: Dataset = { ...ds, facts: [groupFact, { ...memberFact, date: "2026-02-01", supersedes: ["G"] }] };
    expect(validateDataset(linked).filter((i) => i.code === "group-overlap")).toEqual([]);
    // The same holds for loans; equity is left alone (a round's total beside each investor's row is by design).
    const loans: Dataset = { ...ds, facts: [{ ...groupFact, kind: "loan" }, { ...memberFact, kind: "loan" }] };
    expect(validateDataset(loans).some((i) => i.code === "group-overlap")).toBe(true);
    const equity: Dataset = { ...ds, facts: [{ ...groupFact, kind: "investment" }, { ...memberFact, kind: "investment" }] };
    expect(validateDataset(equity).some((i) => i.code === "group-overlap")).toBe(false);
    // The bundled C070 is the ~33 less Nebius's own contract (C069).
    expect(bundledDataset.entities.find((e) => e.id === "NEOCLOUDS")?.members).not.toContain("NBIS");
    expect(model.fact("C070")?.amountUsdBn).toBe(13);
    expect(contractValue(latest, "MSFT", "NEOCLOUDS") + contractValue(latest, "MSFT", "NBIS")).toBeCloseTo(13 + 17.4, 9);
  });

  it("acquisitions are not funding: AIP buying Aligned, SoftBank buying DigitalBridge, SpaceX buying Cursor", () => {
    for (const [id, from, to] of [["C106", "AIP", "ALIGNED"], ["C124", "SFTBY", "DBRG"], ["N068", "SPACEX", "ANYSPHERE"]]) {
      expect(model.fact(id)?.kind).toBe("acquisition");
      expect(funding(latest, from, to)).toBe(0);
    }
  });

  it("Nvidia's 6.3 order from CoreWeave is a purchase contract, not a backstop", () => {
    expect(model.fact("C066")).toMatchObject({ kind: "contract", from: "NVDA", to: "CRWV", amountUsdBn: 6.3 });
    expect(funding(latest, "NVDA", "CRWV", "backstop")).toBe(0);
    expect(contractValue(latest, "NVDA", "CRWV")).toBe(6.3);
  });

  it("CoreWeave's total debt is a balance (35.1 at 30-Jun-2026), not a loan summed with the loans it includes", () => {
    expect(own(latest, "debt", "CRWV").map((f) => [f.id, f.amountUsdBn])).toEqual([["N019", 35.1]]);
    expect(latest.facts.some((f) => f.kind === "loan" && f.from === "LENDERS" && f.to === "CRWV" && f.id === "D037")).toBe(false);
  });
});

describe("workbook-safe text", () => {
  it("no bundled text cell starts with a character Excel would take as a prefix or a formula (' = + @)", () => {
    // Excel drops a leading apostrophe and reads "=…" as a formula: the cell would not read back as
    // written, and a workbook refresh would count the row as edited by the analyst.
    const texts = bundledDataset.facts.flatMap((f) => [f.id, f.unit, f.description, f.source.title, f.source.publisher]);
    expect(texts.filter((t) => /^['=+@]/.test(t))).toEqual([]);
  });
});
