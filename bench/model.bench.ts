/**
 * Model load and index time: createModel on the whole bundled dataset, its first (latest, confirmed)
 * view, the article's view and a registry look-up, on a fresh model each run so no view or index is
 * reused. Target: well under 50 ms per load. Also the truly cold figure: the model bundled to plain
 * JavaScript (as webpack ships it) and loaded in fresh Node processes, timing require + index + views.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { withBundle } from "./bundle";

/** Shown by bench/run.ts. */
export const name = "model: load + index the bundled dataset";

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `min ${s[0].toFixed(2)} ms, median ${pick(0.5).toFixed(2)} ms, p90 ${pick(0.9).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms`;
}

/** Cold loads in fresh processes of the model bundled with esbuild (present through tsx); null if unavailable. */
async function coldProcessLoads(runs: number): Promise<number[] | null> {
  const source = `export * from ${JSON.stringify(join(__dirname, "../src/model"))};`;
  return withBundle(
    "model-bench",
    source,
    (bundle, dir) => {
      const probe = join(dir, "probe.js");
      writeFileSync(
        probe,
        [
          "const t0 = performance.now();",
          `const m = require(${JSON.stringify(bundle)});`,
          "const model = m.createModel(m.bundledDataset);",
          "model.view(); model.view('2026-02-05', { includeRumoured: true }); model.registry.resolve('MSFT');",
          "process.stdout.write(String(performance.now() - t0));",
        ].join("\n"),
      );
      return Array.from({ length: runs }, () => Number(execFileSync(process.execPath, [probe], { encoding: "utf8" })));
    },
    false,
  );
}

/** Prints the figures. */
export async function run(): Promise<void> {
  const t0 = performance.now();
  const model = await import("../src/model");
  const importMs = performance.now() - t0;
  const { bundledDataset, createModel, validateDataset } = model;

  const runs = 25;
  const loads: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const m = createModel(bundledDataset);
    const latest = m.view();
    const article = m.view("2026-02-05", { includeRumoured: true });
    const hit = m.registry.resolve("微軟");
    const miss = m.registry.resolve("MSTF");
    loads.push(performance.now() - start);
    if (latest.facts.length === 0 || article.facts.length === 0 || !hit.ok || miss.ok) throw new Error("model bench: unexpected result");
  }
  const first = loads[0];

  const validations: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const issues = validateDataset(bundledDataset);
    validations.push(performance.now() - start);
    if (issues.length > 0) throw new Error(`model bench: bundled data has ${issues.length} issues`);
  }

  console.log(`machine load average (1 min): ${loadavg()[0].toFixed(1)} — figures are wall-clock and grow with it`);
  console.log(`dataset: ${bundledDataset.entities.length} entities, ${bundledDataset.facts.length} facts, as of ${bundledDataset.asOf}`);
  console.log(`module import (one-off, incl. tsx transpile): ${importMs.toFixed(1)} ms`);
  console.log(`createModel + latest view + article view + 2 look-ups, first run: ${first.toFixed(2)} ms (target < 50 ms)`);
  console.log(`  ${runs} runs, each on a fresh model: ${stats(loads)}`);
  const cold = await coldProcessLoads(7);
  if (cold) console.log(`cold, fresh Node process: require bundled model + createModel + 2 views + look-up (7 runs): ${stats(cold)} (target < 50 ms)`);
  else console.log("cold process runs skipped: esbuild not installed");
  console.log(`validateDataset (build/test time only, ${validations.length} runs): ${stats(validations)}`);
}
