/**
 * `npm run test:e2e`: AIFIN end to end in Debian's Chromium (playwright-core, never a downloaded browser),
 * offline, with office.js served from the @microsoft/office-js package.
 *
 * 1. The real taskpane.html on its own: it renders outside Office; first meaningful render timed; screenshots
 *    of the pane (light, dark, zh-TW) into docs/images/.
 * 2. The workbook preview (preview.html: the same pane beside an in-browser Excel): pick an entity, Build the
 *    workbook, compare every Exposure figure with the engine, edit a fact in the Facts table and see the
 *    Exposure sheet recalculate to the engine's figure on the edited data, change the Stress inputs and see
 *    the stress follow the engine, Refresh and check the edited row survived, Freeze and check the copy holds
 *    values only. Screenshots of the preview (light, dark, zh-TW) into docs/images/.
 *
 * Builds the add-in in development mode (which includes the preview) into a temporary folder, unless
 * `--dist <dir>` names a build that has preview.html. Prints each check, the timings, and exits 1 on any
 * failure. Needs Chromium: `apt-get install -y chromium` (or CHROMIUM_PATH).
 */
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { bundledDataset, createModel, type Dataset } from "../../src/model";
import { entityMetrics, isEngineError, stress } from "../../src/engine";
import { templateSourceOf } from "../../src/office/templateSource";
import { BASE_SHEET_NAMES, EXPOSURE_MEASURES, NO_FIGURE, STRESS_CELLS, STRESS_MEASURES, TABLE_HEADER_ROW, exposureFigure } from "../../src/office/templateSpec";
import { rangeAddress, columnLetters } from "../../src/office/a1";
import { buildInto, CHROMIUM, FLAGS, isOfficeTelemetryRefusal, offlineOffice, ROOT, serve } from "./browser";
import { buildInPreview, columnA, editCell, formulaCount, openPreview, paneOf, readRange } from "./flows";

const args = process.argv.slice(2);
const DIST = args.includes("--dist") ? resolve(args[args.indexOf("--dist") + 1]) : join(tmpdir(), "aifin-e2e-build");
const IMAGES = join(ROOT, "docs", "images");
const PANE = { width: 350, height: 900 };
const PREVIEW = { width: 1400, height: 900 };

const results: Array<{ name: string; ok: boolean; detail: string }> = [];
async function check(name: string, body: () => Promise<string | void>): Promise<void> {
  const t0 = Date.now();
  try {
    const detail = (await body()) ?? "";
    results.push({ name, ok: true, detail });
    console.log(`✓ ${name}${detail ? `: ${detail}` : ""} (${Date.now() - t0} ms)`);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n").slice(0, 6).join("\n") : String(e);
    results.push({ name, ok: false, detail });
    console.log(`✗ ${name}: ${detail}`);
  }
}
function expectClose(actual: unknown, expected: number, label: string): void {
  if (typeof actual !== "number" || Math.abs(actual - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
    throw new Error(`${label}: expected ${expected}, the sheet shows ${JSON.stringify(actual)}`);
  }
}

const model = createModel(bundledDataset);
const source = templateSourceOf(bundledDataset);
const view = model.view(model.latestDate, { includeRumoured: false });

async function newPage(browser: Browser, origin: string, viewport: { width: number; height: number }, theme: "light" | "dark", errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme: theme, deviceScaleFactor: 1 });
  await offlineOffice(context, origin);
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (isOfficeTelemetryRefusal(m.text())) return;
    errors.push(`console: ${m.text()}`);
  });
  return page;
}

async function paneAlone(browser: Browser, origin: string): Promise<void> {
  for (const [name, theme, query] of [
    ["pane-light", "light", "entity=MSFT"],
    ["pane-dark", "dark", "entity=MSFT&theme=dark"],
    ["pane-zh-TW", "light", "entity=NVDA&lang=zh-TW"],
    ["pane-zh-CN", "light", "entity=NVDA&lang=zh-CN"],
  ] as const) {
    await check(`taskpane.html alone renders (${name})`, async () => {
      const errors: string[] = [];
      const page = await newPage(browser, origin, PANE, theme, errors);
      await page.goto(`${origin}/taskpane.html?${query}`);
      await page.getByRole("heading", { level: 1, name: "AIFIN" }).waitFor({ timeout: 60000 });
      // First meaningful render: the overview's figures are on screen (a number with "bn").
      await page.getByText(/\d[\d,.]*\s*bn/).first().waitFor({ timeout: 60000 });
      const ms = await page.evaluate(() => performance.now());
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(IMAGES, `${name}.png`) });
      if (!(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office === "object"))) throw new Error("office.js did not load (served from @microsoft/office-js)");
      await page.context().close();
      if (errors.length) throw new Error(errors.join("; "));
      return `first meaningful render ${Math.round(ms)} ms after navigation; docs/images/${name}.png`;
    });
  }
}

async function previewFlow(browser: Browser, origin: string): Promise<void> {
  const errors: string[] = [];
  const page = await newPage(browser, origin, PREVIEW, "light", errors);
  const pane = paneOf(page);
  let ready = false;

  await check("preview.html shows the real pane beside an empty workbook; the Workbook tab is enabled", async () => {
    await openPreview(page, origin);
    await pane.getByRole("tab", { name: "Workbook" }).click();
    if (await pane.getByRole("button", { name: "Build workbook" }).isDisabled()) throw new Error("Build workbook is greyed out in the preview");
    await page.getByTestId("workbook-empty").waitFor();
    ready = true;
  });
  if (!ready) return;

  const entity = "AMZN";
  await check("pick an entity in the pane", async () => {
    await pane.getByRole("tab", { name: "Overview" }).click();
    const combo = pane.getByRole("combobox", { name: "Company" });
    await combo.click();
    await combo.fill("Amazon");
    await pane.getByRole("option", { name: /Amazon \(AMZN\)/ }).first().click();
    const chosen = await combo.inputValue();
    if (!chosen.includes("(AMZN)")) throw new Error(`the pane shows "${chosen}" after picking Amazon`);
    await pane.getByRole("tab", { name: "Workbook" }).click();
    await pane.getByText(/^For Amazon, as of/).waitFor();
    return chosen;
  });

  let buildMs = 0;
  await check("Build workbook fills the workbook through src/office", async () => {
    buildMs = await buildInPreview(page);
    await pane.getByText(/Built \d+ sheets/).waitFor({ timeout: 30000 });
    const tabs = await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allTextContents();
    for (const name of Object.values(BASE_SHEET_NAMES)) if (!tabs.includes(name)) throw new Error(`no ${name} tab (tabs: ${tabs.join(", ")})`);
    return `Build → last recalculated cell ${Math.round(buildMs)} ms`;
  });

  const ids = await columnA(page, BASE_SHEET_NAMES.exposure);
  const rowOf = (id: string) => {
    const i = ids.indexOf(id);
    if (i < 0) throw new Error(`${id} is not on the Exposure sheet`);
    return i;
  };

  await check("every Exposure figure equals the engine's (n/a only where the engine has no figure)", async () => {
    let numbers = 0;
    for (const e of bundledDataset.entities) {
      const r = rowOf(e.id);
      const row = (await readRange(page, BASE_SHEET_NAMES.exposure, { top: r, left: 2, bottom: r, right: 1 + EXPOSURE_MEASURES.length }))[0];
      const cards = entityMetrics(view, e.id);
      EXPOSURE_MEASURES.forEach((m, k) => {
        const expected = exposureFigure(cards, m);
        if (expected === null) {
          if (row[k] !== NO_FIGURE) throw new Error(`${e.id} ${m.header}: the engine has no figure, the sheet shows ${row[k]} instead of ${NO_FIGURE}`);
        } else {
          expectClose(row[k], expected, `${e.id} ${m.header}`);
          numbers++;
        }
      });
    }
    const broken = await page.evaluate(() => {
      const book = (window as unknown as { aifinPreview: { book: { sheets: unknown[]; usedBox(s: unknown): unknown; readValues(s: unknown, b: unknown): unknown[][] } } }).aifinPreview.book;
      return book.sheets.flatMap((s) => {
        const used = book.usedBox(s);
        return used ? book.readValues(s, used).flat().filter((v) => typeof v === "string" && /^#(NAME\?|REF!|VALUE!|SPILL!|ERROR!|NUM!|CYCLE!)/.test(v)) : [];
      });
    });
    if (broken.length) throw new Error(`broken formulas: ${broken.slice(0, 5).join(", ")} (${broken.length})`);
    // The grid shows the same figure, formatted.
    const shown = await page.locator(`[data-cell="C${rowOf(entity) + 1}"]`).textContent();
    const expected = entityMetrics(view, entity).selfFunded.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    if (shown !== expected) throw new Error(`the grid shows ${shown} for ${entity}'s self-funded exposure, the engine ${expected}`);
    return `${numbers} figures on ${bundledDataset.entities.length} rows match; ${entity} shows ${shown}`;
  });

  await page.screenshot({ path: join(IMAGES, "preview-light.png") });

  // A funding fact whose amount drives its funder's self-funded exposure: cut it to a tenth.
  const edit = view.facts
    .filter((f) => f.kind === "investment" && (f.amountUsdBn ?? 0) > 1)
    .map((f) => {
      const edited: Dataset = { ...bundledDataset, facts: bundledDataset.facts.map((g) => (g.id === f.id ? { ...g, amountUsdBn: (f.amountUsdBn as number) / 10 } : g)) };
      return { fact: f, amount: (f.amountUsdBn as number) / 10, before: entityMetrics(view, f.from).selfFunded, after: entityMetrics(createModel(edited).view(model.latestDate, { includeRumoured: false }), f.from).selfFunded };
    })
    .find((e) => Math.abs(e.after - e.before) > 1e-6);
  const amountCol = source.factColumns.indexOf("amount_usd_bn") + 1;
  const factRow = TABLE_HEADER_ROW + 1 + source.factRows.findIndex((r) => r[0] === edit?.fact.id);

  await check("editing a fact in AIFIN Facts recalculates the Exposure sheet", async () => {
    if (!edit) throw new Error("no funding fact drives a self-funded exposure");
    const target = rangeAddress(rowOf(edit.fact.from) + 1, 3, rowOf(edit.fact.from) + 1, 3);
    expectClose((await readRange(page, BASE_SHEET_NAMES.exposure, { top: rowOf(edit.fact.from), left: 2, bottom: rowOf(edit.fact.from), right: 2 }))[0][0], edit.before, "before");
    await editCell(page, BASE_SHEET_NAMES.facts, `${columnLetters(amountCol)}${factRow}`, String(edit.amount));
    await page.getByRole("tab", { name: BASE_SHEET_NAMES.exposure, exact: true }).click();
    const after = (await readRange(page, BASE_SHEET_NAMES.exposure, { top: rowOf(edit.fact.from), left: 2, bottom: rowOf(edit.fact.from), right: 2 }))[0][0];
    expectClose(after, edit.after, `${edit.fact.from} self-funded after ${edit.fact.id} = ${edit.amount}`);
    const shown = await page.locator(`[data-cell="${target}"]`).textContent();
    return `${edit.fact.id} ${edit.fact.amountUsdBn} → ${edit.amount}: ${edit.fact.from} self-funded ${edit.before} → ${after} (grid: ${shown})`;
  });

  await check("changing the Stress inputs recalculates the stress", async () => {
    const editedData: Dataset = edit ? { ...bundledDataset, facts: bundledDataset.facts.map((g) => (g.id === edit.fact.id ? { ...g, amountUsdBn: edit.amount } : g)) } : bundledDataset;
    const editedView = createModel(editedData).view(model.latestDate, { includeRumoured: false });
    const shocked = String((await readRange(page, BASE_SHEET_NAMES.stress, { top: 1, left: 1, bottom: 1, right: 1 }))[0][0]);
    const labels = await columnA(page, BASE_SHEET_NAMES.stress);
    const totalRow = labels.indexOf("Total");
    if (totalRow < 0) throw new Error("no Total row on the Stress sheet");
    const k = STRESS_MEASURES.findIndex((m) => m.key === "marketValueAtRisk");
    const readTotal = async () => (await readRange(page, BASE_SHEET_NAMES.stress, { top: totalRow, left: 2 + k, bottom: totalRow, right: 2 + k }))[0][0];
    const before = await readTotal();
    await editCell(page, BASE_SHEET_NAMES.stress, STRESS_CELLS.cut, "0.5");
    const expected = stress(editedView, { shocked, cut: 0.5 });
    if (isEngineError(expected)) throw new Error(expected.message);
    const after = await readTotal();
    expectClose(after, expected.total.marketValueAtRisk, `market value at risk with ${shocked} cutting half`);
    if (after === before && expected.total.marketValueAtRisk !== before) throw new Error("the stress did not change");
    return `${shocked} cut 100% → 50%: market value at risk ${before} → ${after}`;
  });

  await check("Refresh data keeps the edited fact row", async () => {
    if (!edit) throw new Error("no edit to keep");
    await pane.getByRole("button", { name: "Refresh data" }).click();
    await pane.getByText(/kept \d+ rows you edited/).first().waitFor({ timeout: 30000 });
    const kept = (await readRange(page, BASE_SHEET_NAMES.facts, { top: factRow - 1, left: amountCol - 1, bottom: factRow - 1, right: amountCol - 1 }))[0][0];
    expectClose(kept, edit.amount, `${edit.fact.id} amount after Refresh`);
    const exposure = (await readRange(page, BASE_SHEET_NAMES.exposure, { top: rowOf(edit.fact.from), left: 2, bottom: rowOf(edit.fact.from), right: 2 }))[0][0];
    expectClose(exposure, edit.after, "Exposure after Refresh");
    return `${edit.fact.id} still ${kept}`;
  });

  await check("Freeze to values writes a copy that holds values only", async () => {
    await pane.getByRole("button", { name: "Freeze to values" }).click();
    await pane.getByText(/Static copy written to/).waitFor({ timeout: 30000 });
    const name = await page.getByRole("tab", { selected: true }).filter({ hasText: "AIFIN Values" }).first().textContent();
    if (!name) throw new Error("the frozen sheet is not shown");
    const formulas = await formulaCount(page, name);
    if (formulas !== 0) throw new Error(`${name} holds ${formulas} formulas`);
    const live = await formulaCount(page, BASE_SHEET_NAMES.exposure);
    if (live <= 0) throw new Error("the Exposure sheet lost its formulas");
    return `${name}: 0 formulas (Exposure keeps ${live})`;
  });

  await page.context().close();
  await check("no console errors in the preview", async () => {
    if (errors.length) throw new Error(errors.slice(0, 5).join("; "));
  });
}

/** Dark, zh-TW and zh-CN (dark) screenshots of a built preview: the sheets' words follow the pane's language. */
async function previewShots(browser: Browser, origin: string): Promise<void> {
  for (const [name, theme, query, tab, build] of [
    ["preview-dark", "dark", "theme=dark&entity=MSFT", "Workbook", "Build workbook"],
    ["preview-zh-TW", "light", "lang=zh-TW&entity=NVDA", "活頁簿", "建立活頁簿"],
    ["preview-zh-CN", "dark", "lang=zh-CN&theme=dark&entity=AMZN", "工作簿", "创建工作簿"],
  ] as const) {
    await check(`preview screenshot ${name}`, async () => {
      const errors: string[] = [];
      const page = await newPage(browser, origin, PREVIEW, theme, errors);
      await openPreview(page, origin, query);
      await buildInPreview(page, tab, build);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(IMAGES, `${name}.png`) });
      await page.context().close();
      if (errors.length) throw new Error(errors.join("; "));
      return `docs/images/${name}.png`;
    });
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  if (!args.includes("--dist")) {
    console.log(`Building the add-in with the preview (development) into ${DIST}…`);
    buildInto(DIST, "development", { AIFIN_PREVIEW: "1" });
  }
  if (!existsSync(join(DIST, "preview.html"))) throw new Error(`${DIST} has no preview.html (build in development mode or with AIFIN_PREVIEW=1)`);
  console.log(`build ready after ${Math.round((Date.now() - t0) / 1000)} s`);
  mkdirSync(IMAGES, { recursive: true });
  const { server, origin } = await serve(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    await paneAlone(browser, origin);
    await previewFlow(browser, origin);
    await previewShots(browser, origin);
  } finally {
    await browser.close();
    server.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\ne2e: ${results.length - failed} passed, ${failed} failed in ${Math.round((Date.now() - t0) / 1000)} s`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
