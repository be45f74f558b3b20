/**
 * `npm run bench`: runs every bench/*.bench.ts in turn and prints its figures. Each file exports
 * `name` and an async `run(): Promise<void>` that prints its own lines. Targets are stated beside the
 * figures; nothing here fails on speed (timed assertions are flaky on shared machines).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

async function main(): Promise<void> {
  const dir = __dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort();
  for (const file of files) {
    const mod = (await import(join(dir, file))) as { name?: string; run: () => Promise<void> | void };
    console.log(`\n== ${mod.name ?? file} ==`);
    await mod.run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
