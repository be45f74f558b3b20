#!/usr/bin/env node
/**
 * `npm run smoke` (after `npm run build`): opens the built taskpane.html in headless Chromium, the way
 * the shared runtime loads it (office.js first, then functions.js, commands.js and the pane), and fails
 * on any script error or when the pane renders nothing.
 *
 * Offline by design: office.js is served from the @microsoft/office-js package in place of Microsoft's
 * CDN, and every other off-machine request is refused. Uses the system Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium); playwright never downloads a browser here. Outside Office, Office.onReady still
 * fires, so the pane shows its browser-preview state.
 *
 *   node scripts/smoke-page.mjs [--dist <dir>] [--screenshot <file.png>]
 */
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const dist = resolve(arg("--dist") ?? join(root, "dist"));
const screenshot = arg("--screenshot");
const officeJsDir = join(root, "node_modules", "@microsoft", "office-js", "dist");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "text/xml", ".css": "text/css" };

/** Serves a file from under `base`, or 404; never anything outside it. */
function fileUnder(base, urlPath) {
  const file = resolve(base, `.${decodeURIComponent(urlPath)}`);
  return file.startsWith(base + sep) && existsSync(file) ? file : null;
}

async function main() {
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error(`no ${join(dist, "taskpane.html")}: run npm run build first`);
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

  const server = createServer((req, res) => {
    const file = fileUnder(dist, new URL(req.url, "http://localhost").pathname);
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const problems = [];
  const refused = new Set();
  try {
    const page = await browser.newPage({ viewport: { width: 350, height: 800 } });
    page.on("pageerror", (err) => problems.push(`script error: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error" && !/net::ERR_FAILED|Failed to load resource/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
    });
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin === origin) return route.continue();
      if (url.hostname === "appsforoffice.microsoft.com") {
        const file = fileUnder(officeJsDir, url.pathname.replace(/^\/lib\/1\/hosted/, ""));
        if (file) return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
      }
      refused.add(url.origin + url.pathname);
      return route.abort();
    });
    const started = Date.now();
    await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
    await page.waitForFunction(() => (document.getElementById("root")?.innerText ?? "").trim().length > 0, null, { timeout: 30_000 }).catch(() => {
      problems.push("the pane rendered no text within 30 s");
    });
    await page.waitForTimeout(1000); // let lazily loaded chunks finish and report their errors
    const state = await page.evaluate(() => ({
      text: (document.getElementById("root")?.innerText ?? "").replace(/\s+/g, " ").trim().slice(0, 120),
      officeLoaded: typeof Office !== "undefined",
      runtimes: Object.keys(self).filter((k) => k.startsWith("webpackChunk")).length,
    }));
    if (!state.officeLoaded) problems.push("office.js did not load");
    if (state.runtimes !== 1) problems.push(`${state.runtimes} webpack chunk registries on the page, expected 1`);
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`page rendered in ${Date.now() - started} ms: "${state.text}…"`);
    for (const r of refused) console.log(`  refused off-machine request: ${r}`);
  } finally {
    await browser.close();
    server.close();
  }
  for (const p of problems) console.error(`✗ ${p}`);
  if (problems.length === 0) console.log("✓ taskpane.html loads in Chromium with no script errors");
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`✗ ${err.message}`);
    process.exit(1);
  },
);
