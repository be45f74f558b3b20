#!/usr/bin/env node
/**
 * `npm start`: run AIFIN from source.
 *
 * - Windows and macOS (Excel desktop exists): sideload as the official templates do, through
 *   office-addin-debugging run with npx. It is NOT a dependency: its keytar native module does not
 *   install on a fresh Linux machine, and it only supports Windows and macOS anyway.
 * - Everywhere else, or with `npm start -- web`: serve the add-in over https on localhost:3000 with
 *   the webpack dev server and print, first, the address of the workbook preview (the real task pane
 *   beside a live workbook computed in the browser: no Excel needed), then how to load the add-in in
 *   Excel on the web. Ctrl+C or `npm stop` ends it.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { logErrorMessage, parseNumber } from "office-addin-cli";

/** The office-addin-debugging release that matches the office-addin-* 3.x packages pinned in package.json. */
const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7.0.0";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const port = parseNumber(process.env.ADDIN_PORT, "ADDIN_PORT must be a port number, e.g. 3100.") ?? 3000;
const pidFile = join(root, "node_modules", ".cache", "aifin", "dev-server.pid");
const isWindows = process.platform === "win32";

const args = process.argv.slice(2);
const forceWeb = args.includes("web");
const desktop = !forceWeb && (process.platform === "win32" || process.platform === "darwin");

/** npx is a .cmd file on Windows, so it needs a shell there, and the shell splits unquoted spaces. */
function run(command, commandArgs) {
  const args = isWindows ? commandArgs.map((a) => (/\s/.test(a) ? `"${a}"` : a)) : commandArgs;
  return spawn(command, args, { cwd: root, stdio: "inherit", shell: isWindows });
}

if (desktop) {
  console.log(`Sideloading AIFIN into Excel desktop with ${OFFICE_ADDIN_DEBUGGING} (fetched by npx on first use)…`);
  const child = run("npx", [
    "--yes", OFFICE_ADDIN_DEBUGGING, "start", "manifest.xml", "desktop",
    "--app", "excel", "--dev-server", "npm run dev-server", "--dev-server-port", String(port),
  ]);
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  serveForTheWeb();
}

function serveForTheWeb() {
  const webpack = join(root, "node_modules", "webpack", "bin", "webpack.js");
  const server = spawn(process.execPath, [webpack, "serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
  mkdirSync(dirname(pidFile), { recursive: true });
  writeFileSync(pidFile, String(server.pid));
  const cleanUp = () => rmSync(pidFile, { force: true });
  server.on("exit", (code, signal) => {
    cleanUp();
    process.exit(signal ? 0 : (code ?? 1));
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  waitUntilServing().then(printWebInstructions, (err) => logErrorMessage(`The dev server did not answer: ${err.message}`));
}

/** Polls the page until the dev server has finished its first build (the dev certificate may be untrusted). */
function waitUntilServing(deadline = Date.now() + 180_000) {
  return new Promise((resolvePromise, reject) => {
    const attempt = () => {
      const req = https.get({ host: "localhost", port, path: "/preview.html", rejectUnauthorized: false, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolvePromise();
        else retry(new Error(`HTTP ${res.statusCode}`));
      });
      req.on("error", retry);
      req.on("timeout", () => req.destroy(new Error("timed out")));
    };
    const retry = (err) => (Date.now() > deadline ? reject(err) : setTimeout(attempt, 1000));
    attempt();
  });
}

function printWebInstructions() {
  const base = `https://localhost:${port}`;
  console.log(`
────────────────────────────────────────────────────────────────────────────
 Try AIFIN without Excel: open the workbook preview
   ${base}/preview.html
 The real task pane beside a live workbook computed in your browser: use the
 pane's Workbook tab to Build, then edit facts or stress inputs in the grid.
 (Accept the certificate warning once: it is your own dev certificate.)
 Options: ?theme=dark, ?lang=zh-TW or ?lang=zh-CN, ?entity=NVDA.

 AIFIN (the add-in) is being served at ${base}/taskpane.html

 Load it in Excel on the web:
   1. Open ${base}/taskpane.html once in the browser you use for Excel. If the
      browser warns about the certificate, accept it (it is your own dev
      certificate), otherwise Excel cannot load the add-in.
   2. Open a workbook at https://excel.cloud.microsoft (or office.com > Excel).
   3. Insert > Add-ins > Upload My Add-in (newer builds: Home > Add-ins >
      More Add-ins > My Add-ins > Upload My Add-in).
   4. Choose manifest.xml from this folder:
        ${join(root, "manifest.xml")}
   5. Click the AIFIN button on the Home tab, or type =AIFIN.MODEL_INFO() in a cell.

 Excel desktop on Windows or macOS: run npm start there; it sideloads for you.
 Stop: Ctrl+C here, or npm stop in another terminal.
────────────────────────────────────────────────────────────────────────────
`);
}
