/**
 * The MODEL figures' probe (bench/targets.ts bundles it with esbuild, as the production build concatenates
 * modules, and runs it in a fresh process): the timed reads of a 10,000-row facts range.
 */
import { createModelCache } from "../src/functions/modelCache";
import { FACT_COLUMNS, type CellValue } from "../src/model";
import { perturbedFactRows } from "./functions.bench";

export interface ModelRuns {
  firsts: number[];
  sames: number[];
  edits: number[];
  baseFirst: number[];
  baseEdits: number[];
  parsedOnEdit: number;
  rows: number;
}

/** Rounds run to warm the code and not kept, then rounds timed (the figures are their medians). */
const WARM_ROUNDS = 5;
const ROUNDS = 7;

export function runModelProbe(): ModelRuns {
  const rows = perturbedFactRows(10_000);
  const amountCol = FACT_COLUMNS.indexOf("amount_usd_bn");
  // Excel passes fresh arrays on every call: copy, never reuse the same objects.
  const copy = (r: CellValue[][]): CellValue[][] => r.map((row) => [...row]);
  const edited = (r: CellValue[][], k: number): CellValue[][] => {
    const table = copy(r);
    table[1 + (k % (table.length - 1))][amountCol] = 1000 + k;
    return table;
  };
  const timedRead = (load: () => unknown): number => {
    const start = performance.now();
    load();
    return performance.now() - start;
  };
  const out: ModelRuns = { firsts: [], sames: [], edits: [], baseFirst: [], baseEdits: [], parsedOnEdit: 0, rows: rows.length - 1 };
  // The first rounds warm the code (JIT) on other tables: "the first time" means the first time for this
  // table, in a runtime that has read tables before.
  for (let run = 0; run < WARM_ROUNDS + ROUNDS; run++) {
    const table = edited(rows, 100 + run);
    const cache = createModelCache();
    // Each call gets its own copy made before the clock starts: marshalling the range is Excel's time, not MODEL's.
    const [a, b, c] = [copy(table), copy(table), copy(table)];
    const first = timedRead(() => cache.load(a, null, false));
    const same = timedRead(() => cache.load(b, null, false));
    const before = cache.stats.rowsParsed;
    const next = edited(table, 5_000 + run);
    const edit = timedRead(() => cache.load(next, null, false));
    const parsed = cache.stats.rowsParsed - before;
    // Baselines: the same content on a cache that never saw the table, i.e. a full read, parse and check.
    const fresh = createModelCache();
    const baseFirst = timedRead(() => fresh.load(c, null, false));
    const freshEdit = createModelCache();
    const d = copy(next);
    const baseEdit = timedRead(() => freshEdit.load(d, null, false));
    if (run < WARM_ROUNDS) continue;
    out.parsedOnEdit = parsed;
    out.firsts.push(first);
    out.sames.push(same);
    out.edits.push(edit);
    out.baseFirst.push(baseFirst);
    out.baseEdits.push(baseEdit);
  }
  return out;
}
