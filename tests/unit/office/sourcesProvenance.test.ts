/** The Sources sheet shows each source's provenance (issue 10). */
import { bundledDataset } from "../../../src/model";
import { sourcesSheetSpec, TABLE_HEADER_ROW } from "../../../src/office/templateSpec";

describe("Sources sheet", () => {
  const spec = sourcesSheetSpec("AIFIN Sources", bundledDataset.facts, bundledDataset.version);
  const header = spec.rows[TABLE_HEADER_ROW - 1] as unknown[];
  const col = header.indexOf("Provenance");
  const rowOf = (factId: string) => spec.rows.find((r) => String(r[header.indexOf("Facts")] ?? "").split(", ").includes(factId)) as unknown[];

  it("has a Provenance column, filled for every source", () => {
    expect(col).toBeGreaterThan(0);
    for (const r of spec.rows.slice(TABLE_HEADER_ROW)) expect(String(r[col])).toMatch(/^(estimate|secondary|article|press|primary)(, (estimate|secondary|article|press|primary))*$/);
  });

  it("reads the provenance of the facts behind each source", () => {
    expect(rowOf("N023")[col]).toBe("secondary"); // read in a compiled digest
    expect(rowOf("C013")[col]).toBe("press"); // a news report read directly
  });
});
