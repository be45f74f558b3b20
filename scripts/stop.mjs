#!/usr/bin/env node
/**
 * `npm stop`: the counterpart of `npm start`.
 *
 * - Windows and macOS: office-addin-debugging stops the dev server and removes the sideloaded add-in.
 * - Elsewhere: stops the dev server `npm start` launched, found by the pid it recorded (never by name).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7.0.0"; // keep in step with scripts/start.mjs
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = join(root, "node_modules", ".cache", "aifin", "dev-server.pid");
const desktop = !process.argv.includes("web") && (process.platform === "win32" || process.platform === "darwin");

if (desktop) {
  const child = spawn("npx", ["--yes", OFFICE_ADDIN_DEBUGGING, "stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
} else if (!existsSync(pidFile)) {
  console.log("No AIFIN dev server recorded as running (nothing to stop).");
} else {
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the AIFIN dev server (pid ${pid}).`);
  } catch (err) {
    console.log(err.code === "ESRCH" ? `The dev server (pid ${pid}) had already stopped.` : `Could not stop pid ${pid}: ${err.message}`);
  }
  rmSync(pidFile, { force: true });
}
