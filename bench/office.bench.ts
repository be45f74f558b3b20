/**
 * The pure work behind "Build workbook" and "Refresh data", which runs in the task pane between Excel
 * round trips: building every sheet spec and merging a refreshed Facts table, on the bundled data and
 * on 10× and 100× the facts. Target: well under a second at 10× (the pane stays responsive); the round
 * trips themselves are fixed in number (docs/workbook.md) and are Excel's time, not measured here.
 */
import { bundledDataset, type Dataset, type Fact } from "../src/model";
import { buildSpecs } from "../src/office/excelHost";
import { templateSourceOf } from "../src/office/templateSource";
import { baselineOf, mergeRows, type TableCell } from "../src/office/refreshMerge";
import { BASE_SHEET_NAMES } from "../src/office/templateSpec";

export const name = "office: template specs and refresh merge";

function scaled(ds: Dataset, times: number): Dataset {
  const facts: Fact[] = [];
  for (let k = 0; k < times; k++) {
    const suffix = k === 0 ? "" : `-x${k}`;
    for (const f of ds.facts) facts.push({ ...f, id: f.id + suffix, supersedes: f.supersedes.map((s) => s + suffix) });
  }
  return { ...ds, facts };
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function run(): Promise<void> {
  for (const times of [1, 10, 100]) {
    const ds = scaled(bundledDataset, times);
    const source = templateSourceOf(ds);
    const refs = { sheets: { ...BASE_SHEET_NAMES }, factsRange: "AIFIN_Facts[#All]", entitiesRange: "AIFIN_Entities[#All]" };
    const specs = time(() => buildSpecs(source, refs, { facts: "AIFIN_Facts", entities: "AIFIN_Entities" }, { entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" }));
    const baseline = time(() => baselineOf(source.factColumns, "id", source.factRows));
    const amountAt = source.factColumns.indexOf("amount_usd_bn");
    // Every 20th row edited by the analyst, every row's amount changed in the newer data.
    const current: TableCell[][] = source.factRows.map((r, i) => (i % 20 === 0 ? r.map((v, k) => (k === amountAt ? 1 : v)) : [...r]));
    const incoming = source.factRows.map((r) => r.map((v, k) => (k === amountAt && typeof v === "number" ? v + 1 : v)));
    const merge = time(() => mergeRows({ columns: source.factColumns, idColumn: "id", current: { header: [...source.factColumns], rows: current }, baseline: baseline.value, incoming }));
    const counts = merge.value.ok ? merge.value.counts : null;
    console.log(
      `${String(ds.facts.length).padStart(6)} facts: all sheet specs ${specs.ms.toFixed(1)} ms · baseline hashes ${baseline.ms.toFixed(1)} ms · refresh merge ${merge.ms.toFixed(1)} ms` +
        (counts ? ` (updated ${counts.updated}, kept edited ${counts.keptEdited})` : ""),
    );
  }
}
