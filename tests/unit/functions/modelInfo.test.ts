/** AIFIN.MODEL_INFO([field], [model]). */
import { createHarness } from "../../harness/formulaHarness";
import { bundledDataset } from "../../../src/model";
import { errorOf, factTable, fx, makeFact } from "./helpers";

describe("AIFIN.MODEL_INFO", () => {
  describe("bad arguments", () => {
    it("names the accepted fields", () => {
      expect(errorOf(fx.modelInfo("size"))?.message).toBe(
        'AIFIN.MODEL_INFO: field "size" is not accepted; use "version", "as_of", "fact_count", "entity_count" or "basis".',
      );
    });
  });

  describe("reference values", () => {
    it("describes the bundled dataset", () => {
      expect(fx.modelInfo("version")).toBe(bundledDataset.version);
      expect(fx.modelInfo("fact_count")).toBe(bundledDataset.facts.length);
      expect(fx.modelInfo("entity_count")).toBe(bundledDataset.entities.length);
      const latest = bundledDataset.facts.map((f) => f.date).sort().at(-1);
      expect(fx.modelInfo("as_of")).toBe(latest);
    });
  });

  describe("defaults", () => {
    it("field defaults to version; the basis of the default model is confirmed", () => {
      expect(fx.modelInfo()).toBe(bundledDataset.version);
      expect(fx.modelInfo("basis")).toBe("confirmed");
      expect(fx.modelInfo("basis", fx.model(null, null, true))).toBe("confirmed + rumoured");
    });
  });

  describe("edge cases", () => {
    it("describes a workbook model: its handle as version, its own fact count and latest date", () => {
      const handle = fx.model(
        factTable([
          makeFact({ id: "W1", kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: 10, date: "2026-03-01" }),
          makeFact({ id: "W2", kind: "contract", from: "OPENAI", to: "MSFT", amountUsdBn: 40, date: "2026-04-15" }),
        ]),
      ) as string;
      expect(fx.modelInfo("version", handle)).toBe(handle);
      expect(fx.modelInfo("fact_count", handle)).toBe(2);
      expect(fx.modelInfo("as_of", handle)).toBe("2026-04-15");
    });
  });

  describe("scenario through the formula engine", () => {
    it("shows the data vintage beside a report", () => {
      const h = createHarness({ S: [['="Data as of "&AIFIN.MODEL_INFO("as_of")']] });
      expect(h.getValue("S", "A1")).toBe(`Data as of ${fx.modelInfo("as_of")}`);
      h.destroy();
    });
  });
});
