/**
 * Exposure over time (issue 15): a monthly series over three years for every entity of the bundled model.
 * Target: under 50 ms warm for the whole sweep (views and indexes already built). Baseline, measured in the
 * same run: the same points as one point-in-time call per month end (what an analyst types today, one
 * CIRCULAR_EXPOSURE per date), each on the view of its own date.
 */
import { performance } from "node:perf_hooks";
import { calendarDates, history, networkExposure, selfFundedExposure, HISTORY_MEASURES, type HistoryMeasure } from "../src/engine";
import { createModel, bundledDataset, CONFIRMED_BASIS } from "../src/model";
import { invoke } from "../src/functions/invoke";

/** Bench name shown by bench/run.ts. */
export const name = "exposure over time (HISTORY)";

/** Best of three rounds (other processes on a shared machine only ever slow a round down), per sweep. */
function time(label: string, runs: number, fn: () => void): number {
  fn();
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (let i = 0; i < runs; i++) fn();
    best = Math.min(best, (performance.now() - start) / runs);
  }
  console.log(`${label.padEnd(66)} ${best < 1 ? `${(best * 1000).toFixed(1)} µs` : `${best.toFixed(2)} ms`} per sweep`);
  return best;
}

/** Prints the figures. */
export function run(): void {
  const from = "2023-07-01";
  const to = "2026-06-30";
  const sweep = (model: ReturnType<typeof createModel>, measure: HistoryMeasure): void => {
    for (const e of model.dataset.entities) history(model, e.id, { measure, step: "month", from, to, basis: CONFIRMED_BASIS });
  };
  const model = createModel(bundledDataset);
  const ids = model.dataset.entities.map((e) => e.id);
  console.log(`monthly ${from} … ${to} (36 month ends) × ${ids.length} entities, bundled model (${bundledDataset.facts.length} facts)`);

  let start = performance.now();
  sweep(createModel(bundledDataset), "self_funded");
  console.log(`${"HISTORY self_funded, every entity, cold (new model: views built)".padEnd(66)} ${(performance.now() - start).toFixed(2)} ms`);

  const warm = time("HISTORY self_funded, every entity, warm            (target < 50 ms)", 50, () => sweep(model, "self_funded"));
  // Baseline: one point-in-time call per month end, as a sheet of CIRCULAR_EXPOSURE formulas would.
  const monthEnds = calendarDates(from, to, "month") ?? [];
  const base = time("baseline: selfFundedExposure per month end, every entity, warm", 50, () => {
    for (const id of ids) for (const d of monthEnds) selfFundedExposure(model.view(d), id);
  });
  console.log(`HISTORY warm vs per-date calls: ${(warm / base).toFixed(2)}× the baseline's time (it also lists the facts behind each point)`);

  start = performance.now();
  sweep(model, "network");
  console.log(`${"HISTORY network, every entity, first run (Leontief column per view)".padEnd(66)} ${(performance.now() - start).toFixed(2)} ms`);
  time("HISTORY network, every entity, warm", 20, () => sweep(model, "network"));
  time(`HISTORY all ${HISTORY_MEASURES.length} measures, every entity, warm`, 20, () => {
    for (const m of HISTORY_MEASURES) sweep(model, m);
  });
  time("baseline: networkExposure per month end, every entity, warm", 20, () => {
    for (const id of ids) for (const d of monthEnds) networkExposure(model.view(d), id);
  });
  // The worksheet path Excel takes (validation, registry, table layout) on the bundled model.
  time("=AIFIN.HISTORY(id,,from,to) monthly, every entity, warm", 20, () => {
    for (const id of ids) invoke("HISTORY", [id, null, from, to]);
  });
  time('=AIFIN.HISTORY(id,"self_funded,funding_out,contracts_in",from,to), every entity', 20, () => {
    for (const id of ids) invoke("HISTORY", [id, "self_funded,funding_out,contracts_in", from, to]);
  });
  time("HISTORY self_funded, facts step, every entity, warm", 50, () => {
    for (const id of ids) history(model, id, { step: "facts", basis: CONFIRMED_BASIS });
  });
}
