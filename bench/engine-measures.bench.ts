/**
 * Measures on the bundled model per second: the per-view index build, self-funded exposure for every
 * entity, cycles through every entity, network exposure and stress. Target: a recalculation of a few
 * thousand AIFIN cells stays well under a second, i.e. each warm measure in microseconds.
 */
import { performance } from "node:perf_hooks";
import { cyclesThrough, networkExposure, selfFundedExposure, stress, entityMetrics } from "../src/engine";
import { createModel, bundledDataset } from "../src/model";
import type { ModelView } from "../src/model";

/** Bench name shown by bench/run.ts. */
export const name = "engine measures on the bundled model";

function time(label: string, runs: number, fn: () => void, unit = "calls"): void {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const ms = performance.now() - start;
  const per = ms / runs;
  console.log(`${label.padEnd(52)} ${per < 1 ? `${(per * 1000).toFixed(1)} µs` : `${per.toFixed(2)} ms`} each, ${Math.round((runs * 1000) / ms).toLocaleString("en-US")} ${unit}/s`);
}

/** Prints the figures. */
export function run(): void {
  const model = createModel(bundledDataset);
  const base = model.view("2026-02-27");
  const ids = base.entities.map((e) => e.id);
  // A fresh view object (same facts) forces a cold index build each time.
  const fresh = (): ModelView => ({ ...base });
  console.log(`bundled view 2026-02-27: ${base.facts.length} facts, ${ids.length} entities`);

  time("index build + selfFunded for all entities (cold)", 200, () => {
    const v = fresh();
    for (const id of ids) selfFundedExposure(v, id);
  }, "views");
  time(`selfFunded for all ${ids.length} entities (warm)`, 2000, () => {
    for (const id of ids) selfFundedExposure(base, id);
  }, "sweeps");
  time("entityMetrics, one entity (warm)", 20000, () => void entityMetrics(base, "MSFT"));
  time("cyclesThrough NVDA, maxLength 4 (cold: whole-graph search)", 100, () => void cyclesThrough(fresh(), "NVDA"));
  time("cyclesThrough every entity (warm)", 500, () => {
    for (const id of ids) cyclesThrough(base, id);
  }, "sweeps");
  time("networkExposure MSFT (cold: one Leontief column)", 100, () => void networkExposure(fresh(), "MSFT"));
  time("networkExposure MSFT (warm)", 20000, () => void networkExposure(base, "MSFT"));
  time("stress OPENAI cut 0.5 on a fresh view (cold: pass-through inverse, two clearings)", 200, () => void stress(fresh(), { shocked: "OPENAI", cut: 0.5 }));
  let k = 0;
  time("stress OPENAI, a new cut each call (one clearing run)", 2000, () => void stress(base, { shocked: "OPENAI", cut: (k++ % 997) / 997 }));
  time("stress OPENAI cut 0.5 again (cached result)", 20000, () => void stress(base, { shocked: "OPENAI", cut: 0.5 }));
}
