/**
 * The help pages Excel's function help links open: docs rendered by scripts/build-help.mjs (an ES module,
 * run here as the build runs it, in a separate Node process).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FUNCTION_IDS } from "../../../src/functions/specs";
import { REPO_ROOT } from "../../harness/formulaHarness";

let dir: string;
let pages: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "aifin-help-"));
  const r = spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "build-help.mjs"), dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build-help failed: ${r.stderr}`);
  pages = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("help pages (scripts/build-help.mjs)", () => {
  it("renders the function reference, the methodology and the data notes", () => {
    expect(Object.keys(pages).sort()).toEqual(["data.html", "functions.html", "methodology-models.html", "methodology.html"]);
    expect(pages["functions.html"]).toContain("<title>AIFIN worksheet functions · AIFIN</title>");
  });

  it("has an anchor for every function's help link (the lower-case id)", () => {
    for (const id of FUNCTION_IDS) expect({ id, found: pages["functions.html"].includes(`<a id="${id.toLowerCase()}"></a>`) }).toEqual({ id, found: true });
  });

  it("turns links between the docs into links between the pages, and keeps in-page anchors", () => {
    const html = pages["functions.html"];
    expect(html).toContain('href="methodology.html"');
    expect(html).toContain('href="data.html"');
    expect(html).toContain('href="#model"');
    expect(html).not.toMatch(/href="[^"]+\.md[#"]/);
    expect(pages["methodology.html"]).toContain('href="methodology-models.html');
  });

  it("renders tables and code, and loads nothing from elsewhere (no script, no external stylesheet)", () => {
    const html = pages["functions.html"];
    expect(html).toContain("<table>");
    expect(html).toContain("<pre><code>=AIFIN.STRESS(&quot;ORCL&quot;,&quot;OPENAI&quot;,0.5)");
    for (const page of Object.values(pages)) {
      expect(page).not.toMatch(/<script|<link\b/);
    }
  });
});
