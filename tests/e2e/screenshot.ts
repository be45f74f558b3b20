/**
 * Looks at the task pane as a user would: builds the add-in (development mode, into a temporary folder so
 * dist/ stays untouched), serves it on localhost, opens taskpane.html in headless Debian Chromium at
 * task-pane size (350×900) outside Excel, and saves a screenshot of every tab in the light and dark theme
 * under docs/screenshots/. office.js is served from the @microsoft/office-js package by intercepting the
 * CDN request; any other off-host request is refused, so nothing reaches the network.
 *
 * It also reports what a reviewer would notice: console errors, horizontal overflow (clipping at this
 * width) and text drawn outside the pane.
 *
 * Every tab is also opened at 320 px (the narrowest Office pane) and checked for overflow, unsaved.
 *
 *   npx tsx tests/e2e/screenshot.ts [--no-build] [--production] [--out docs/screenshots]
 *
 * Needs Chromium: `apt-get install -y chromium` (executable /usr/bin/chromium, or CHROMIUM_PATH).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM, FLAGS, isOfficeTelemetryRefusal, offlineOffice } from "./browser";

const ROOT = resolve(__dirname, "..", "..");
const args = process.argv.slice(2);
const OUT = resolve(ROOT, args.includes("--out") ? args[args.indexOf("--out") + 1] : "docs/screenshots");
const BUILD_DIR = join(tmpdir(), "aifin-pane-screens");
const VIEWPORT = { width: 350, height: 900 };
const NARROW = { width: 320, height: 900 };
const MODE = args.includes("--production") ? "production" : "development";

/** One screenshot: which tab, which entity, and an optional interaction before the shot. */
interface Shot {
  name: string;
  tab: string;
  entity: string;
  /** Extra query flags, e.g. "lang=zh-TW". */
  query?: string;
  /** Themes to shoot (default both); every shot is still checked in both. */
  save?: readonly ("light" | "dark")[];
  act?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: "overview", tab: "overview", entity: "MSFT" },
  {
    name: "overview-sources",
    tab: "overview",
    entity: "AMZN",
    save: ["light"],
    act: async (page) => {
      await page.getByRole("button", { name: "About Self-funded exposure" }).click();
      await page.waitForTimeout(400);
    },
  },
  // Nvidia's headline rests on our estimate E02: the cards say so (review 2, finding 8).
  { name: "overview-estimate", tab: "overview", entity: "NVDA", save: ["light"] },
  { name: "overview-estimate-zh-TW", tab: "overview", entity: "NVDA", query: "lang=zh-TW", save: ["light"] },
  { name: "flows", tab: "flows", entity: "NVDA" },
  { name: "timeline", tab: "timeline", entity: "AMZN" },
  { name: "stress", tab: "stress", entity: "MSFT" },
  { name: "sources", tab: "sources", entity: "MSFT", save: ["light"] },
  { name: "workbook", tab: "workbook", entity: "MSFT", save: ["light"] },
  { name: "empty", tab: "overview", entity: "SPACEX", query: "asOf=2024-10-01", save: ["light"] },
  { name: "overview-zh-TW", tab: "overview", entity: "NVDA", query: "lang=zh-TW" },
  { name: "overview-zh-CN", tab: "overview", entity: "NVDA", query: "lang=zh-CN" },
  { name: "workbook-zh-CN", tab: "workbook", entity: "MSFT", query: "lang=zh-CN", save: ["light"] },
];

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml", ".map": "application/json" };

function build(): void {
  const r = spawnSync("npx", ["webpack", "--mode", MODE, "--output-path", BUILD_DIR], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`webpack failed with status ${r.status}`);
}

function serve(dir: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dir, path || "taskpane.html");
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, port: (server.address() as { port: number }).port })));
}

/** Interaction timings a user feels, printed (never asserted): tab switches, a Sources search, a stress change. */
async function measure(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/taskpane.html?entity=MSFT`);
  await page.getByRole("heading", { level: 1, name: "AIFIN" }).waitFor({ timeout: 15000 });
  const time = async (label: string, act: () => Promise<void>) => {
    const t0 = Date.now();
    await act();
    console.log(`  ${label}: ${Date.now() - t0} ms`);
  };
  console.log("Timings (light theme, production or development build as chosen):");
  await time("switch to Flows", () => page.getByRole("tab", { name: "Flows" }).click().then(() => page.getByRole("heading", { name: /Money around/ }).waitFor()));
  await time("switch to Sources (every fact of the view)", () => page.getByRole("tab", { name: "Sources" }).click().then(() => page.getByText(/ of \d+ facts/).waitFor()));
  await time("search Sources for 'oracle'", async () => {
    await page.getByRole("searchbox", { name: "Search facts" }).fill("oracle");
    await page.waitForFunction(() => /^(\d+) of \1 facts$/.test(document.querySelector("[role=status]")?.textContent ?? "") === false);
  });
  await time("switch to Stress and run the default scenario", () => page.getByRole("tab", { name: "Stress" }).click().then(() => page.getByText("Total market value at risk").waitFor()));
  await time("set the cut to 80 %", async () => {
    const spin = page.getByRole("spinbutton", { name: "Commitment cut (%)" });
    await spin.fill("80");
    await spin.press("Enter");
    await page.getByText("Commitment cut: 80 %").waitFor();
  });
  await page.close();
}

async function main(): Promise<void> {
  if (!args.includes("--no-build")) build();
  if (!existsSync(join(BUILD_DIR, "taskpane.html"))) throw new Error(`no build in ${BUILD_DIR}; run without --no-build`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  mkdirSync(OUT, { recursive: true });
  const { server, port } = await serve(BUILD_DIR);
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const problems: string[] = [];
  try {
    for (const theme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: theme, deviceScaleFactor: 1 });
      await offlineOffice(context, origin);
      for (const shot of [...SHOTS, ...SHOTS.map((s) => ({ ...s, narrow: true }))] as (Shot & { narrow?: boolean })[]) {
        const page = await context.newPage();
        if (shot.narrow) await page.setViewportSize(NARROW);
        page.on("console", (m) => m.type() === "error" && !isOfficeTelemetryRefusal(m.text()) && problems.push(`${theme}/${shot.name} console: ${m.text()}`));
        page.on("pageerror", (e) => problems.push(`${theme}/${shot.name} page error: ${e.message}`));
        const t0 = Date.now();
        await page.goto(`${origin}/taskpane.html?theme=${theme}&tab=${shot.tab}&entity=${shot.entity}${shot.query ? `&${shot.query}` : ""}`);
        await page.getByRole("heading", { level: 1, name: "AIFIN" }).waitFor({ timeout: 15000 });
        const ready = Date.now() - t0;
        await page.waitForTimeout(400); // let Fluent's motion settle
        if (shot.act) await shot.act(page);
        const overflow = await page.evaluate(() => {
          const doc = document.documentElement;
          const wide = [...document.querySelectorAll<HTMLElement>("body *")]
            .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1 && el.getClientRects().length > 0)
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} "${(el.textContent ?? "").slice(0, 30)}"`);
          return { scroll: doc.scrollWidth - doc.clientWidth, wide };
        });
        // The tab bar: every tab on one row and no label clipped, in every language and at both widths.
        const tabs = await page.evaluate(() => {
          const all = [...document.querySelectorAll<HTMLElement>("[role=tab]")];
          const tops = new Set(all.map((t) => Math.round(t.getBoundingClientRect().top)));
          // A label is clipped when it scrolls inside itself or spills out of its tab's own column.
          const clipped = all
            .filter((t) => {
              const label = t.querySelector<HTMLElement>(".fui-Tab__content") ?? t;
              const [box, text] = [t.getBoundingClientRect(), label.getBoundingClientRect()];
              return label.scrollWidth > label.clientWidth + 1 || text.left < box.left - 0.5 || text.right > box.right + 0.5;
            })
            .map((t) => t.textContent ?? "");
          return { count: all.length, rows: tops.size, clipped };
        });
        if (tabs.count > 0 && (tabs.rows > 1 || tabs.clipped.length > 0)) {
          problems.push(`${theme}/${shot.name}${shot.narrow ? " at 320 px" : ""}: tab bar on ${tabs.rows} rows; clipped labels: ${tabs.clipped.join(", ") || "none"}`);
        }
        if (overflow.scroll > 0 || overflow.wide.length > 0) {
          problems.push(`${theme}/${shot.name}${shot.narrow ? " at 320 px" : ""}: ${overflow.scroll}px horizontal overflow; ${overflow.wide.join("; ")}`);
        }
        if (shot.narrow || !(shot.save ?? ["light", "dark"]).includes(theme)) {
          await page.close();
          continue;
        }
        const file = join(OUT, `${shot.name}-${theme}.png`);
        await page.screenshot({ path: file });
        console.log(`${file.slice(ROOT.length + 1)}  (pane ready in ${ready} ms)`);
        await page.close();
      }
      if (theme === "light") await measure(await context.newPage(), origin);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):\n${problems.join("\n")}`);
    process.exitCode = 1;
  } else console.log("\nNo console errors, no horizontal overflow, every tab on one row and no tab label clipped at 350 or 320 px.");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
