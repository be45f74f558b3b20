/**
 * `npm run bench`: first the speed targets of issue 13 (bench/targets.ts: every figure beside a baseline
 * measured in the same run, written to bench/results.json), then every bench/*.bench.ts in turn for the
 * detail figures behind them. Nothing here fails on speed (timed assertions are flaky on shared
 * machines): the verdicts are printed and recorded. `npm run bench -- model calls` runs only those
 * target groups (model, sheet, calls, startup, template, page) and skips the details.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runTargets } from "./targets";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const started = performance.now();
  console.log("== issue 13 targets (bench/targets.ts → bench/results.json) ==");
  await runTargets(only);
  if (only.length > 0) return;
  const dir = __dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort();
  for (const file of files) {
    const mod = (await import(join(dir, file))) as { name?: string; run: () => Promise<void> | void };
    console.log(`\n== ${mod.name ?? file} ==`);
    await mod.run();
  }
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
