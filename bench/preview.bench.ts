/**
 * The browser figures of the workbook preview (issue 12), in Debian's Chromium, offline:
 * - navigation → the pane's first meaningful render (taskpane.html on its own; the overview's figures on
 *   screen), beside the page's own DOMContentLoaded as the baseline measured in the same run;
 * - Build workbook (clicked in the pane) → the last recalculated cell shown in the preview's grid, beside the
 *   same build through the same Excel implementation in Node (no browser, no drawing) as the baseline.
 * Median of three runs each. Targets: first render under 3 s; Build under 2 s. Reuses the e2e build folder
 * when it has preview.html, else builds it (development). Skipped, with a line saying so, without Chromium.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildInto, CHROMIUM, FLAGS, offlineOffice, serve } from "../tests/e2e/browser";
import { buildInPreview, openPreview } from "../tests/e2e/flows";
import { createNodePreviewWorkbook, hostOver } from "../tests/harness/previewNode";

/** Shown by bench/run.ts. */
export const name = "Workbook preview in Chromium (first render, Build → last recalculated cell)";

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number): string => `${Math.round(x)} ms`;

export async function run(): Promise<void> {
  const nodeBuilds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const book = createNodePreviewWorkbook();
    const t0 = performance.now();
    await hostOver(book).build({ entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" });
    nodeBuilds.push(performance.now() - t0);
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`  Build in Node (baseline): ${ms(median(nodeBuilds))}; browser figures skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  const dir = join(tmpdir(), "aifin-e2e-build");
  if (!existsSync(join(dir, "preview.html"))) buildInto(dir, "development", { AIFIN_PREVIEW: "1" });
  const { server, origin } = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const renders: number[] = [];
  const loaded: number[] = [];
  const builds: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
      await offlineOffice(context, origin);
      const page = await context.newPage();
      await page.goto(`${origin}/taskpane.html?entity=MSFT`);
      await page.getByText(/\d[\d,.]*\s*bn/).first().waitFor({ timeout: 60000 });
      renders.push(await page.evaluate(() => performance.now()));
      loaded.push(await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      await context.close();
    }
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await offlineOffice(context, origin);
      const page = await context.newPage();
      await openPreview(page, origin, "entity=MSFT");
      builds.push(await buildInPreview(page));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`  navigation → pane's first meaningful render: ${ms(median(renders))} (target < 3000 ms; baseline: DOMContentLoaded ${ms(median(loaded))})`);
  console.log(`  Build → last recalculated cell in the preview: ${ms(median(builds))} (target < 2000 ms; baseline: the same build in Node, no browser: ${ms(median(nodeBuilds))})`);
  console.log(`  (development build from ${dir}; runs: render ${renders.map(ms).join(", ")}; build ${builds.map(ms).join(", ")})`);
}
