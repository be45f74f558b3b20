/** docs/data.md states counts; this keeps them equal to the bundled data. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundledDataset, FACT_KINDS, FACT_STATUSES, PROVENANCES } from "../../../src/model";

const doc = readFileSync(join(__dirname, "../../../docs/data.md"), "utf8");
const count = <T extends string>(values: readonly T[], key: T) => values.filter((v) => v === key).length;

describe("docs/data.md", () => {
  it("states the entity and fact totals", () => {
    expect(doc).toContain(`**Entities (${bundledDataset.entities.length}).**`);
    expect(doc).toContain(`**Facts (${bundledDataset.facts.length})**`);
    expect(doc).toContain(`to ${bundledDataset.asOf} (the dataset's as-of date)`);
    expect(doc).toContain(`**Dataset version ${bundledDataset.version}**`);
  });

  it("states the fact count of every kind and status", () => {
    const kinds = bundledDataset.facts.map((f) => f.kind);
    const statuses = bundledDataset.facts.map((f) => f.status);
    for (const k of FACT_KINDS) expect(doc).toMatch(new RegExp(`\\| ${k} \\| ${count(kinds, k)} \\|`));
    for (const s of FACT_STATUSES) expect(doc).toMatch(new RegExp(`\\| ${s} \\| ${count(statuses, s)} \\|`));
  });

  it("states the fact count of every provenance", () => {
    const provenances = bundledDataset.facts.map((f) => f.provenance);
    for (const p of PROVENANCES) expect(doc).toMatch(new RegExp(`\\| ${p} \\| ${count(provenances, p)} \\|`));
  });

  it("lists every estimate in its estimates table", () => {
    const section = doc.slice(doc.indexOf("## Estimates"), doc.indexOf("## The pictures"));
    for (const f of bundledDataset.facts.filter((x) => x.estimate)) expect(section).toContain(f.id);
  });
});
