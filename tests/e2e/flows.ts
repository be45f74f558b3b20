/**
 * Steps a user takes in the workbook preview, shared by the e2e suite and the bench: open the page, wait
 * for the pane, build, and read cells back from the page's workbook (`aifinPreview.book`).
 */
import type { Frame, FrameLocator, Page } from "playwright-core";

/** The pane inside preview.html. */
export function paneOf(page: Page): FrameLocator {
  return page.frameLocator("iframe.pane");
}

/** The pane frame object (for evaluate). */
export function paneFrame(page: Page): Frame {
  const f = page.frames().find((fr) => fr.url().includes("/taskpane.html"));
  if (!f) throw new Error("the preview has no pane frame");
  return f;
}

/** Opens the preview and waits for the pane's first meaningful render (its title and a tab list). */
export async function openPreview(page: Page, origin: string, query = ""): Promise<void> {
  await page.goto(`${origin}/preview.html${query ? `?${query}` : ""}`);
  await paneOf(page).getByRole("tab").first().waitFor({ timeout: 60000 });
}

/** Clicks the pane's Build workbook (on its Workbook tab) and waits until the Exposure sheet shows numbers. */
export async function buildInPreview(page: Page, tabName = "Workbook", buildName = "Build workbook"): Promise<number> {
  const pane = paneOf(page);
  await pane.getByRole("tab", { name: tabName }).click();
  const button = pane.getByRole("button", { name: buildName });
  await button.waitFor();
  const t0 = await page.evaluate(() => performance.now());
  await button.click();
  // The last recalculated cell: the workbook's change counter settles and the grid shows the Exposure sheet's figures.
  await page.waitForFunction(() => {
    const p = (window as unknown as { aifinPreview?: { book: { sheets: Array<{ name: string }> } } }).aifinPreview;
    return !!p && p.book.sheets.some((s) => s.name.startsWith("AIFIN Exposure")) && document.querySelector('[data-cell="C5"]')?.textContent !== "";
  }, undefined, { timeout: 60000 });
  return (await page.evaluate(() => performance.now())) - t0;
}

/** Values of a range on a sheet of the preview workbook (Excel's `range.values`). */
export async function readRange(page: Page, sheet: string, box: { top: number; left: number; bottom: number; right: number }): Promise<unknown[][]> {
  return page.evaluate(
    ([name, b]) => {
      const book = (window as unknown as { aifinPreview: { book: { sheetByName(n: string): unknown; readValues(s: unknown, b: unknown): unknown[][] } } }).aifinPreview.book;
      const s = book.sheetByName(name as string);
      if (!s) throw new Error(`no sheet ${name}`);
      return book.readValues(s, b);
    },
    [sheet, box] as const,
  );
}

/** Column A of a sheet down to its last used row (ids and labels). */
export async function columnA(page: Page, sheet: string): Promise<unknown[]> {
  return page.evaluate((name) => {
    const book = (window as unknown as { aifinPreview: { book: { sheetByName(n: string): unknown; usedBox(s: unknown): { bottom: number } | null; readValues(s: unknown, b: unknown): unknown[][] } } }).aifinPreview.book;
    const s = book.sheetByName(name);
    const used = s ? book.usedBox(s) : null;
    return s && used ? book.readValues(s, { top: 0, left: 0, bottom: used.bottom, right: 0 }).map((r) => r[0]) : [];
  }, sheet);
}

/** How many cells of a sheet hold a formula. */
export async function formulaCount(page: Page, sheet: string): Promise<number> {
  return page.evaluate((name) => {
    const book = (window as unknown as {
      aifinPreview: { book: { sheetByName(n: string): unknown; usedBox(s: unknown): { bottom: number; right: number } | null; hfSheet(s: unknown): number; hf: { getCellFormula(a: unknown): string | undefined } } };
    }).aifinPreview.book;
    const s = book.sheetByName(name);
    const used = s ? book.usedBox(s) : null;
    if (!s || !used) return -1;
    const id = book.hfSheet(s);
    let n = 0;
    for (let row = 0; row <= used.bottom; row++) for (let col = 0; col <= used.right; col++) if (book.hf.getCellFormula({ sheet: id, row, col }) !== undefined) n++;
    return n;
  }, sheet);
}

/** Selects a cell of the current sheet in the grid, types into the formula bar and presses Enter. */
export async function editCell(page: Page, sheetTab: string, address: string, text: string): Promise<void> {
  await page.getByRole("tab", { name: sheetTab, exact: true }).click();
  const cell = page.locator(`[data-cell="${address}"]`);
  await cell.scrollIntoViewIfNeeded();
  await cell.click();
  const bar = page.getByRole("textbox", { name: "Formula bar" });
  await bar.click();
  await bar.fill(text);
  await bar.press("Enter");
}
