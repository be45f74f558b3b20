/**
 * AIFIN.MODEL([facts], [entities], [include_rumoured]) and the handles it returns: content hashes that are
 * the same in every session, change with any edit, and are answered with a clear #N/A when their model is
 * not in memory.
 */
import fc from "fast-check";
import { createHarness, isCellError } from "../../harness/formulaHarness";
import { createModelCache, handleFor } from "../../../src/functions/modelCache";
import { bundledDataset, ENTITY_COLUMNS, entitiesToRows, getBundledModel, type Entity } from "../../../src/model";
import { errorOf, factTable, fx, invoke, makeFact } from "./helpers";
import { columnLetters } from "../../../src/office/a1";

const HANDLE = /^AIFIN\.MODEL#[0-9a-f]{16}$/;

const scenarioFacts = () =>
  factTable([
    makeFact({ id: "S1", kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: 10, date: "2026-03-01" }),
    makeFact({ id: "S2", kind: "contract", from: "OPENAI", to: "MSFT", amountUsdBn: 40, date: "2026-03-01" }),
    makeFact({ id: "S3", kind: "investment", from: "AMZN", to: "OPENAI", amountUsdBn: 20, date: "2026-02-04", status: "rumoured" }),
  ]);

describe("AIFIN.MODEL", () => {
  describe("bad arguments", () => {
    it("wants TRUE or FALSE for include_rumoured", () => {
      expect(errorOf(fx.model(null, null, "maybe"))?.message).toBe('AIFIN.MODEL: include_rumoured must be TRUE or FALSE, got text "maybe".');
    });

    it("reports the first problem of a malformed facts range with its row and column", () => {
      const rows = scenarioFacts();
      rows[2][rows[0].indexOf("amount_usd_bn")] = "forty";
      const err = errorOf(fx.model(rows));
      expect(err?.code).toBe("#VALUE!");
      expect(err?.message).toMatch(/^AIFIN\.MODEL: the facts range has 1 problem; first: row 3 of the range, column amount_usd_bn: /);
    });

    it("refuses a conditional part above the amount (an analyst cut C002 to 20 but left its conditional 35), and says what to fix", () => {
      const found = bundledDataset.facts.find((f) => f.id === "C002");
      if (!found) throw new Error("C002 missing");
      const c002 = { ...found, supersedes: [] }; // alone in the table: the rumour it replaces is not there
      // Untouched: 50 − 35 = 15 firm on 2026-02-27.
      expect(fx.funding("AMZN", "OPENAI", null, "2026-02-27", fx.model(factTable([c002])))).toBe(15);
      const err = errorOf(fx.model(factTable([{ ...c002, amountUsdBn: 20 }])));
      expect(err?.code).toBe("#VALUE!");
      expect(err?.message).toMatch(/C002: conditional_usd_bn 35 exceeds the amount 20, .*lower conditional_usd_bn with the amount/);
      // A funded part above the amount is only capped (all of it paid): N012 cut to 25 with funded 50 still builds.
      const n012Found = bundledDataset.facts.find((f) => f.id === "N012");
      if (!n012Found) throw new Error("N012 missing");
      const n012 = { ...n012Found, supersedes: [] };
      expect(fx.funding("AMZN", "OPENAI", null, null, fx.model(factTable([{ ...n012, amountUsdBn: 25 }])), "funded")).toBe(25);
    });

    it("refuses facts that name entities the model does not know", () => {
      const rows = factTable([makeFact({ id: "X1", kind: "investment", from: "ACME", to: "OPENAI", amountUsdBn: 1 })]);
      expect(errorOf(fx.model(rows))?.message).toMatch(/not consistent .*ACME/);
    });

    it("rejects extra arguments in a formula (Excel refuses the formula outright)", () => {
      const h = createHarness({ S: [["=AIFIN.MODEL(,,FALSE,TRUE,,1)"]] });
      expect(isCellError(h.getValue("S", "A1"))).toBe(true);
      h.destroy();
    });
  });

  describe("reference values", () => {
    it("returns a handle whose model holds exactly the facts of the range", () => {
      const handle = fx.model(scenarioFacts()) as string;
      expect(handle).toMatch(HANDLE);
      expect(fx.funding("MSFT", "OPENAI", null, null, handle)).toBe(10);
      expect(fx.roundTripRatio("MSFT", "OPENAI", null, handle)).toBe(4);
      // S3 is rumoured: it counts only in a model built with include_rumoured.
      expect(fx.funding("AMZN", "OPENAI", null, null, handle)).toBe(0);
      expect(fx.funding("AMZN", "OPENAI", null, null, fx.model(scenarioFacts(), null, true))).toBe(20);
    });

    it("gives the same handle for the same content in another session (a fresh model cache)", () => {
      const a = createModelCache().load(scenarioFacts(), null, false);
      const b = createModelCache().load(scenarioFacts(), null, false);
      expect(a).toBe(b);
      expect(a).toBe(fx.model(scenarioFacts()));
    });

    it("reads the bundled rows back into the same figures as the bundled model", () => {
      const handle = fx.model(factTable(bundledDataset.facts));
      for (const [from, to] of [["AMZN", "OPENAI"], ["MSFT", "OPENAI"], ["NVDA", "CRWV"]]) {
        expect(fx.funding(from, to, null, null, handle)).toBe(fx.funding(from, to));
      }
    });
  });

  describe("defaults", () => {
    it("omitted ranges mean the bundled tables; omitted include_rumoured means FALSE", () => {
      const bundled = fx.model();
      expect(bundled).toMatch(HANDLE);
      expect(fx.model(null, null, false)).toBe(bundled);
      expect(fx.model(undefined, undefined, undefined)).toBe(bundled);
      expect(fx.model(null, null, true)).not.toBe(bundled);
      // The bundled handle means the same as no model argument at all.
      expect(fx.circularExposure("MSFT", null, null, bundled)).toBe(fx.circularExposure("MSFT"));
    });

    it("uses the bundled entities when only a facts range is given, and the bundled facts when only entities are", () => {
      const entityRows = [[...ENTITY_COLUMNS], ...entitiesToRows(bundledDataset.entities)];
      const handle = fx.model(null, entityRows);
      expect(handle).toMatch(HANDLE);
      // D003b 30 in "all"; N023's 105 guarantee cap is contingent: reported only as "backstop".
      expect(fx.funding("NVDA", "OPENAI", null, null, handle)).toBe(30);
      expect(fx.funding("NVDA", "OPENAI", "backstop", null, handle)).toBe(105);
    });
  });

  describe("edge cases", () => {
    it("changes the handle with any edit, but not with blank rows", () => {
      const rows = scenarioFacts();
      const handle = fx.model(rows);
      expect(fx.model([...rows, [null, null, ""], []])).toBe(handle);
      const edited = rows.map((r) => [...r]);
      edited[1][rows[0].indexOf("amount_usd_bn")] = 10.5;
      expect(fx.model(edited)).not.toBe(handle);
    });

    it("reads empty texts as empty cells and -0 as 0: the same handle and facts as the normal form, read first or after an edit", () => {
      const rows = scenarioFacts();
      const amount = rows[0].indexOf("amount_usd_bn");
      const zeroed = rows.map((r, i) => (i === 1 ? r.map((c, k) => (k === amount ? 0 : c)) : [...r]));
      // Excel's forms of the same content: "" for an empty cell, -0 for a zero.
      const excelForm = zeroed.map((r, i) => r.map((c, k) => (c === null ? "" : i === 1 && k === amount ? -0 : c)));
      const plain = createModelCache();
      const handle = plain.load(zeroed.map((r) => [...r]), null, false);
      const other = createModelCache();
      expect(other.load(excelForm.map((r) => [...r]), null, false)).toBe(handle);
      const [a, b] = [plain, other].map((m) => m.resolve(handle, "TEST", "model").model.dataset.facts);
      expect(b).toEqual(a);
      expect(Object.is(b[0].amountUsdBn, 0)).toBe(true);
      // Read again beside the other form: every row is recognised as unchanged.
      const parsed = other.stats.rowsParsed;
      expect(other.load(zeroed.map((r) => [...r]), null, false)).toBe(handle);
      expect(other.stats.rowsParsed).toBe(parsed);
    });

    it("hashes content, not identity: equal ranges share a handle and any changed cell changes it (property)", () => {
      const cell = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
      const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 });
      const nonEmpty = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.integer(), fc.boolean());
      fc.assert(
        fc.property(table, fc.nat(), fc.nat(), nonEmpty, (rows, r, c, replacement) => {
          const copy = rows.map((row) => [...row]);
          expect(handleFor(copy, null, false, "v")).toBe(handleFor(rows, null, false, "v"));
          const [i, j] = [r % rows.length, c % 3];
          if (Object.is(copy[i][j], replacement) || (copy[i][j] === 0 && replacement === 0)) return;
          copy[i][j] = replacement;
          expect(handleFor(copy, null, false, "v")).not.toBe(handleFor(rows, null, false, "v"));
        }),
      );
    });

    it("does not parse identical content twice", () => {
      const models = createModelCache();
      const first = models.load(scenarioFacts(), null, false);
      const parses = models.stats.parses;
      expect(models.load(scenarioFacts(), null, false)).toBe(first);
      expect(models.stats.parses).toBe(parses);
      expect(models.stats.hits).toBe(1);
    });

    it("answers a handle that is not in memory with #N/A and what to do (add-in restarted)", () => {
      const models = createModelCache();
      const handle = models.load(scenarioFacts(), null, false);
      expect(invoke("FUNDING", ["MSFT", "OPENAI", null, null, handle], models)).toBe(10);
      models.clear();
      expect(errorOf(invoke("FUNDING", ["MSFT", "OPENAI", null, null, handle], models))).toEqual({
        code: "#N/A",
        message: `Model ${handle} is not loaded in this session: recalculate the MODEL cell (select it and press F2 then Enter, or Ctrl+Alt+F9 for the whole workbook).`,
      });
    });

    it("still knows the bundled handles after a restart: they need no workbook content", () => {
      const models = createModelCache();
      const rumoured = models.load(null, null, true);
      models.clear();
      expect(invoke("FUNDING", ["AMZN", "OPENAI", null, "2026-02-05", rumoured, "committed"], models)).toBe(20);
    });

    it("drops the least recently used model beyond its capacity", () => {
      const models = createModelCache({ capacity: 2 });
      const table = (amount: number) => factTable([makeFact({ id: "Z1", kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: amount })]);
      const [a, b] = [models.load(table(1), null, false), models.load(table(2), null, false)];
      models.resolve(a, "test", "model"); // a is now the most recently used
      const c = models.load(table(3), null, false);
      expect([models.has(a), models.has(b), models.has(c)]).toEqual([true, false, true]);
      expect(models.stats.evictions).toBe(1);
    });

    it("rejects text that is not a handle with #VALUE!", () => {
      expect(errorOf(fx.funding("MSFT", "OPENAI", null, null, "AIFIN.MODEL#xyz"))?.code).toBe("#VALUE!");
    });

    it("includes the bundled version in the handle of an omitted range", () => {
      expect(handleFor(null, null, false, "v1")).not.toBe(handleFor(null, null, false, "v2"));
    });

    it("builds a self-contained workbook model from both ranges", () => {
      const entities: Entity[] = [
        { id: "LAB", name: "A Lab", nameZh: "實驗室", aliases: ["the lab"], roles: ["ai_lab"], listed: false, members: [] },
        { id: "CLOUD", name: "A Cloud", nameZh: null, aliases: [], roles: ["hyperscaler"], listed: true, members: [] },
      ];
      const facts = factTable([
        makeFact({ id: "L1", kind: "investment", from: "CLOUD", to: "LAB", amountUsdBn: 4 }),
        makeFact({ id: "L2", kind: "contract", from: "LAB", to: "CLOUD", amountUsdBn: 10 }),
      ]);
      const handle = fx.model(facts, [[...ENTITY_COLUMNS], ...entitiesToRows(entities)]);
      expect(fx.roundTripRatio("CLOUD", "實驗室", null, handle)).toBe(2.5);
      expect(fx.entities("all", handle)).toEqual([
        ["id", "name", "name_zh", "roles"],
        ["LAB", "A Lab", "實驗室", "ai_lab"],
        ["CLOUD", "A Cloud", "", "hyperscaler"],
      ]);
      // Entities of the bundled model are unknown here.
      expect(errorOf(fx.funding("MSFT", "LAB", null, null, handle))?.code).toBe("#N/A");
    });
  });

  describe("scenario through the formula engine", () => {
    it("an analyst halves Amazon's commitment in a copy of the facts and compares with the bundled figure", () => {
      const facts = factTable(bundledDataset.facts);
      const amountCol = facts[0].indexOf("amount_usd_bn");
      const n012 = facts.findIndex((r) => r[0] === "N012");
      const h = createHarness({
        Facts: facts,
        S: [
          [`=AIFIN.MODEL(Facts!A1:${columnLetters(facts[0].length)}${facts.length})`, '=AIFIN.ROUND_TRIP_RATIO("AMZN","OPENAI",,A1)', '=AIFIN.ROUND_TRIP_RATIO("AMZN","OPENAI")'],
        ],
      });
      expect(h.getValue("S", "B1")).toBeCloseTo(2.76, 9);
      h.setValue("Facts", `${columnLetters(amountCol + 1)}${n012 + 1}`, 25);
      // (C032 38 + C092 100) / 25
      expect(h.getValue("S", "B1")).toBeCloseTo(138 / 25, 9);
      expect(h.getValue("S", "C1")).toBeCloseTo(2.76, 9);
      expect(getBundledModel().fact("N012")?.amountUsdBn).toBe(50);
      h.destroy();
    });
  });
});

describe("AIFIN.MODEL basis arguments (include_estimates, min_provenance)", () => {

  it("leaves out estimates: OPENAI -> NVDA contract value drops E02's 105", () => {
    expect(fx.contractValue("OPENAI", "NVDA")).toBe(105);
    const noEstimates = fx.model(null, null, false, false);
    expect(noEstimates).toMatch(/^AIFIN\.MODEL#[0-9a-f]{16}$/);
    expect(fx.contractValue("OPENAI", "NVDA", null, noEstimates)).toBe(0);
    expect(fx.modelInfo("basis", noEstimates)).toBe("confirmed, no estimates");
  });

  it("keeps press and primary facts only under min_provenance 'press': Nvidia's guarantee (N023, secondary) goes", () => {
    const press = fx.model(null, null, false, true, "press");
    expect(fx.funding("NVDA", "OPENAI", "backstop", null, press)).toBe(0);
    expect(fx.funding("NVDA", "OPENAI", "backstop")).toBe(105);
    expect(fx.modelInfo("basis", press)).toBe("confirmed, provenance ≥ press");
  });

  it("keeps the bundled handle for the default basis and gives each other basis its own", () => {
    const bundled = fx.model();
    expect(fx.model(null, null, false, true)).toBe(bundled);
    const a = fx.model(null, null, false, true, "primary");
    const b = fx.model(null, null, false, true, "press");
    expect(new Set([bundled, a, b, fx.model(null, null, false, false)]).size).toBe(4);
  });

  it("rejects an unknown provenance, naming the accepted ones", () => {
    expect(errorOf(fx.model(null, null, false, true, "rumour"))?.message).toMatch(/estimate.*secondary.*article.*press.*primary/);
  });
});
