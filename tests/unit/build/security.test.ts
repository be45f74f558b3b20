/**
 * The page and code rules of issue 11: every page the add-in serves carries the one Content-Security-Policy
 * (scripts/csp.cjs), links render only for http(s), and src/ has no network call and no eval. Fails when a
 * page drops the policy, a policy loosens (inline script, eval, any host for connections), or a file in
 * src/ gains fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, eval, new Function or a string timer.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isWebUrl } from "../../../src/model";

const { CONTENT_SECURITY_POLICY } = require("../../../scripts/csp.cjs") as { CONTENT_SECURITY_POLICY: string };
const ROOT = join(__dirname, "..", "..", "..");

function metaPolicy(html: string): string | null {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1] ?? null;
}

describe("Content-Security-Policy", () => {
  it("allows only the add-in's own scripts and office.js, no eval, no inline script, no other connections", () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("connect-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|http:/);
  });

  it.each(["src/taskpane/taskpane.html", "assets/support.html"])("%s carries it", (file) => {
    expect(metaPolicy(readFileSync(join(ROOT, file), "utf8"))).toBe(CONTENT_SECURITY_POLICY);
  });

  it("every generated help page carries it", () => {
    // build-help.mjs is an ES module: run it as the build does, in its own Node process.
    const dir = mkdtempSync(join(tmpdir(), "aifin-csp-"));
    try {
      const r = spawnSync(process.execPath, [join(ROOT, "scripts", "build-help.mjs"), dir], { encoding: "utf8" });
      expect(r.status).toBe(0);
      const pages = readdirSync(dir).filter((f) => f.endsWith(".html"));
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect({ page, policy: metaPolicy(readFileSync(join(dir, page), "utf8")) }).toEqual({ page, policy: CONTENT_SECURITY_POLICY });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("links only for http(s)", () => {
  it.each([
    ["https://www.sec.gov/Archives/x.htm", true],
    ["http://example.com/a", true],
    ["javascript:alert(1)", false],
    ["JAVASCRIPT:alert(1)", false],
    ["data:text/html,<script>1</script>", false],
    ["file:///etc/passwd", false],
    ["vbscript:x", false],
    ["/relative/path", false],
    ["", false],
    [null, false],
  ])("%s → %s", (url, ok) => {
    expect(isWebUrl(url)).toBe(ok);
  });
});

describe("no network call and no eval in src/", () => {
  const FORBIDDEN: Array<[string, RegExp]> = [
    ["fetch", /(^|[^\w.])fetch\s*\(/],
    ["XMLHttpRequest", /\bXMLHttpRequest\b/],
    ["WebSocket", /\bWebSocket\b/],
    ["EventSource", /\bEventSource\b/],
    ["sendBeacon", /\bsendBeacon\b/],
    ["eval", /(^|[^\w.])eval\s*\(/],
    ["new Function", /\bnew\s+Function\s*\(/],
    ["string timer", /\bset(Timeout|Interval)\s*\(\s*["'`]/],
    ["remote import", /\bimport\s*\(\s*["'`]https?:/],
  ];
  function files(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx|js|mjs|cjs|html)$/.test(e.name) ? [join(dir, e.name)] : []));
  }
  const sources = files(join(ROOT, "src"));

  it("scans the whole of src/", () => {
    expect(sources.length).toBeGreaterThan(40);
  });

  it.each(FORBIDDEN)("no %s", (_name, pattern) => {
    const hits = sources.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line: line.replace(/\/\/.*$|^\s*\*.*$/, ""), at: `${f.slice(ROOT.length + 1)}:${i + 1}` }))
        .filter(({ line }) => pattern.test(line))
        .map(({ at }) => at),
    );
    expect(hits).toEqual([]);
  });

  it("the patterns catch what they are meant to (so the scan can fail)", () => {
    const samples = ['await fetch("https://x")', "new XMLHttpRequest()", "eval(code)", 'setTimeout("go()", 1)', "new Function('a', 'b')"];
    for (const s of samples) expect(FORBIDDEN.some(([, p]) => p.test(s))).toBe(true);
  });
});
