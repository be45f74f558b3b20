/**
 * What every browser check shares: Debian's Chromium with offline flags (never a downloaded browser), a
 * static server for a build folder, and office.js served from the @microsoft/office-js package instead of
 * Microsoft's CDN (any other off-host request is refused, so nothing reaches the network).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import type { BrowserContext } from "playwright-core";

export const ROOT = resolve(__dirname, "..", "..");
export const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml", ".map": "application/json" };

/** Builds the add-in with webpack into `dir` (mode and extra environment as given). */
export function buildInto(dir: string, mode: "development" | "production", env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", mode, "--output-path", dir], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) {
    console.error(`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-60).join("\n"));
    throw new Error(`webpack failed with status ${r.status}`);
  }
}

/** Serves `dir` on a free localhost port. */
export function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dir, path || "taskpane.html");
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

/** Routes office.js (and what it loads next) to the npm package; refuses every other off-host request. */
export async function offlineOffice(context: BrowserContext, origin: string): Promise<void> {
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    if (url.hostname === "appsforoffice.microsoft.com") {
      const rel = url.pathname.replace(/^\/lib\/1\/hosted\//, "");
      const file = join(OFFICE_DIST, rel);
      if (file.startsWith(OFFICE_DIST) && existsSync(file) && statSync(file).isFile()) {
        return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file, "utf8") });
      }
      return route.fulfill({ status: 404, body: "" });
    }
    return route.abort();
  });
}

/**
 * office.js outside Office tries to frame Microsoft's telemetry page; the add-in's Content-Security-Policy
 * refusing an off-machine frame is the policy working, not a page error. Anything else still fails.
 */
export function isOfficeTelemetryRefusal(consoleText: string): boolean {
  return /violates the following Content Security Policy directive/.test(consoleText) && /'https:\/\/[^']*\.(oaspapps|microsoft|office)\.com\//.test(consoleText);
}
