/**
 * Shared by the benches: the median of samples, and a probe bundled with esbuild into one scope (as the
 * production build concatenates modules; through tsx every imported binding is a getter call) in a
 * temporary folder that goes when the probe is done.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function median(samples: readonly number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Bundles `source` (TypeScript; imports by absolute path) into one CommonJS file and hands its path and the
 * folder to `use`; null when esbuild is not installed (it comes with the dev dependencies).
 */
export async function withBundle<T>(prefix: string, source: string, use: (bundle: string, dir: string) => T, minify = true): Promise<T | null> {
  let esbuild: { buildSync: (options: Record<string, unknown>) => unknown };
  try {
    esbuild = (await import("esbuild")) as unknown as typeof esbuild;
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), `aifin-${prefix}-`));
  try {
    const entry = join(dir, "entry.ts");
    writeFileSync(entry, source);
    const bundle = join(dir, `${prefix}.js`);
    esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: "node", format: "cjs", outfile: bundle, logLevel: "silent", minify });
    return use(bundle, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
