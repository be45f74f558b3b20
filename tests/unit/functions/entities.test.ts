/** AIFIN.ENTITIES([role], [model]): the entities of a model, spilled with a header row. */
import { createHarness } from "../../harness/formulaHarness";
import { ENTITIES_HEADER } from "../../../src/functions/specs";
import { bundledDataset, ENTITY_COLUMNS, entitiesToRows } from "../../../src/model";
import { errorOf, fx } from "./helpers";

describe("AIFIN.ENTITIES", () => {
  describe("bad arguments", () => {
    it("names the accepted roles", () => {
      expect(errorOf(fx.entities("bank"))?.message).toMatch(/^AIFIN\.ENTITIES: role "bank" is not accepted; use "all", "hyperscaler", .* or "other"\.$/);
    });
  });

  describe("reference values", () => {
    it("lists the AI labs: OpenAI, Anthropic and xAI", () => {
      const ids = (fx.entities("ai_lab") as string[][]).slice(1).map((r) => r[0]);
      expect(ids.sort()).toEqual(["ANTHROPIC", "OPENAI", "XAI"]);
    });

    it("gives id, name, Chinese name and roles per row", () => {
      const row = (fx.entities() as string[][]).find((r) => r[0] === "MSFT");
      expect(row).toEqual(["MSFT", expect.stringMatching(/Microsoft/), expect.any(String), expect.stringMatching(/hyperscaler/)]);
    });
  });

  describe("defaults", () => {
    it("lists every entity of the bundled model under a header when role is omitted", () => {
      const table = fx.entities() as string[][];
      expect(table[0]).toEqual([...ENTITIES_HEADER]);
      expect(table.length - 1).toBe(bundledDataset.entities.length);
      expect(fx.entities("all")).toEqual(table);
    });
  });

  describe("edge cases", () => {
    it("lists the entities of a workbook model built from an entities range", () => {
      const two = bundledDataset.entities.filter((e) => e.id === "MSFT" || e.id === "OPENAI");
      const handle = fx.model(null, [[...ENTITY_COLUMNS], ...entitiesToRows(two)]);
      // The bundled facts name many more entities, so this model is refused rather than half-built.
      expect(errorOf(handle)?.message).toMatch(/^AIFIN\.MODEL: the model is not consistent/);
    });
  });

  describe("scenario through the formula engine", () => {
    it("spills a role list an analyst can use as a validation list", () => {
      const h = createHarness({ S: [["hyperscaler", "=AIFIN.ENTITIES(A1)"]] });
      const ids = h.getRange("S", "B2:B30").flat().filter((v) => v !== null);
      expect(ids).toEqual(expect.arrayContaining(["MSFT", "AMZN", "GOOGL"]));
      h.destroy();
    });
  });
});

describe("AIFIN.ENTITIES spilled from a cell argument", () => {
  it("has room for every bundled entity when the role comes from a cell", () => {
    const h = createHarness({ S: [["all", "=AIFIN.ENTITIES(A1)"]] });
    const ids = h.getRange("S", `B2:B${bundledDataset.entities.length + 1}`).flat();
    expect(ids).toEqual(bundledDataset.entities.map((e) => e.id));
    h.destroy();
  });
});
