/**
 * The function reference and the methodology as static pages served with the add-in (dist/help/). Excel's
 * "Help on this function" link opens <add-in origin>/help/functions.html#<function>, so the help an analyst
 * reaches is the reference that shipped with the code they run, from the add-in's own origin: no docs site
 * to keep in step, and nothing fetched from elsewhere.
 *
 *   node scripts/build-help.mjs [out-dir]   writes the pages (default: dist/help); webpack emits the same.
 */
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Marked } from "marked";
import { createRequire } from "node:module";

const { CONTENT_SECURITY_POLICY } = createRequire(import.meta.url)("./csp.cjs");

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Which docs become which pages; relative links between them are rewritten to the pages. */
export const HELP_PAGES = [
  { source: "docs/functions.md", page: "functions.html", nav: "Functions" },
  { source: "docs/methodology.md", page: "methodology.html", nav: "Methodology" },
  { source: "docs/methodology-models.md", page: "methodology-models.html", nav: "Models" },
  { source: "docs/data.md", page: "data.html", nav: "Data" },
];

const byDoc = new Map(HELP_PAGES.map((p) => [p.source.replace(/^docs\//, ""), p.page]));

/** `methodology.md#x` → `methodology.html#x` for the docs that ship; anything else is left alone. */
export function rewriteHref(href) {
  const m = /^([\w.-]+\.md)(#.*)?$/.exec(href);
  if (m === null || !byDoc.has(m[1])) return href;
  return `${byDoc.get(m[1])}${m[2] ?? ""}`;
}

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #605e5c; --line: #e1dfdd; --code: #f3f2f1; --link: #0f6cbd; }
@media (prefers-color-scheme: dark) { :root { --fg: #f3f2f1; --bg: #1f1f1f; --muted: #c8c6c4; --line: #3b3a39; --code: #2d2c2c; --link: #62abf5; } }
body { font: 15px/1.55 "Segoe UI", system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
header { border-bottom: 1px solid var(--line); padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; }
header strong { margin-right: 0.5rem; }
header a[aria-current="page"] { font-weight: 600; text-decoration: none; color: var(--fg); }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
a { color: var(--link); }
code, pre { font-family: Consolas, "Cascadia Mono", monospace; background: var(--code); border-radius: 3px; }
code { padding: 0 0.2rem; overflow-wrap: anywhere; }
pre { padding: 0.6rem 0.8rem; overflow-x: auto; }
pre code { padding: 0; }
table { border-collapse: collapse; display: block; overflow-x: auto; margin: 0.8rem 0; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
h1, h2, h3 { line-height: 1.25; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0; }
`;

/**
 * Renders every page. Returns the HTML and the ids a link can target (explicit `<a id>` anchors), which
 * the build check uses to prove each function's help URL lands somewhere.
 * @returns {{ page: string, source: string, html: string, anchors: string[] }[]}
 */
export function renderHelp(root = ROOT) {
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === "link") token.href = rewriteHref(token.href);
    },
  });
  return HELP_PAGES.map(({ source, page }) => {
    const markdown = readFileSync(join(root, source), "utf8");
    const body = marked.parse(markdown, { async: false });
    const title = /^# (.+)$/m.exec(markdown)?.[1] ?? "AIFIN";
    const nav = HELP_PAGES.map((p) => `<a href="${p.page}"${p.page === page ? ' aria-current="page"' : ""}>${p.nav}</a>`).join("\n      ");
    const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(title)} · AIFIN</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <header>
      <strong>AIFIN help</strong>
      ${nav}
    </header>
    <main>
${body}
    </main>
  </body>
</html>
`;
    const anchors = [...body.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
    return { page, source, html, anchors };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(ROOT, "dist", "help"));
  mkdirSync(out, { recursive: true });
  for (const { page, html, anchors } of renderHelp()) {
    writeFileSync(join(out, page), html);
    console.log(`${join(out, page)}: ${html.length} bytes, ${anchors.length} anchors`);
  }
}
