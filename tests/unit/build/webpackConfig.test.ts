/**
 * webpack.config.js without running a build (the real build runs in .ci/run): the entries share one
 * runtime, functions.js keeps the name the manifest uses, and ADDIN_PUBLIC_URL rewrites the manifest
 * into one that still passes `npm run validate`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..", "..", "..");
const makeConfig = require(join(root, "webpack.config.js")) as (env: Record<string, unknown>, argv: { mode: string }) => Promise<WebpackConfig>;

interface EntryDescriptor {
  import: string;
  dependOn?: string | string[];
}
interface WebpackConfig {
  entry: Record<string, string | EntryDescriptor>;
  output: { filename: (data: { chunk: { name: string } }) => string; publicPath: string };
  plugins: { constructor: { name: string }; patterns?: { to: string; transform?: (content: Buffer) => string | Buffer }[] }[];
  devServer?: unknown;
}

async function configWith(publicUrl: string | undefined): Promise<WebpackConfig> {
  const saved = process.env.ADDIN_PUBLIC_URL;
  if (publicUrl === undefined) delete process.env.ADDIN_PUBLIC_URL;
  else process.env.ADDIN_PUBLIC_URL = publicUrl;
  try {
    return await makeConfig({}, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  }
}

function manifestAsBuilt(config: WebpackConfig): string {
  const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin");
  const pattern = copy?.patterns?.find((p) => p.to === "manifest.xml");
  if (!pattern) throw new Error("no CopyPlugin pattern writes manifest.xml");
  const source = readFileSync(join(root, "manifest.xml"));
  return String(pattern.transform ? pattern.transform(source) : source);
}

describe("webpack.config.js", () => {
  it("chains commands and taskpane onto functions so the page has one webpack runtime", async () => {
    const { entry } = await configWith(undefined);
    expect(Object.keys(entry).sort()).toEqual(["commands", "functions", "taskpane"]);
    expect(typeof entry.functions).toBe("string");
    expect((entry.commands as EntryDescriptor).dependOn).toEqual("functions");
    expect((entry.taskpane as EntryDescriptor).dependOn).toContain("functions");
  });

  it("keeps functions.js unhashed for the manifest and hashes the pane's scripts", async () => {
    const { output } = await configWith(undefined);
    expect(output.filename({ chunk: { name: "functions" } })).toBe("[name].js");
    expect(output.filename({ chunk: { name: "taskpane" } })).toContain("[contenthash");
  });

  it("builds no dev server outside `webpack serve`", async () => {
    expect((await configWith(undefined)).devServer).toBeUndefined();
  });

  it("copies the manifest unchanged when ADDIN_PUBLIC_URL is not set", async () => {
    expect(manifestAsBuilt(await configWith(undefined))).toBe(readFileSync(join(root, "manifest.xml"), "utf8"));
  });

  it("rewrites every localhost URL to ADDIN_PUBLIC_URL and the result still validates", async () => {
    const xml = manifestAsBuilt(await configWith("https://addins.example.org/aifin"));
    expect(xml).not.toMatch(/"https:\/\/localhost:3000/);
    expect(xml).toContain('DefaultValue="https://addins.example.org/aifin/functions.json"');
    expect(xml).toContain('<bt:Override Locale="zh-TW" Value="https://addins.example.org/aifin/functions.zh-TW.json"/>');
    expect(xml).toContain('<bt:Override Locale="zh-CN" Value="https://addins.example.org/aifin/functions.zh-CN.json"/>');
    expect(xml).toContain('DefaultValue="https://addins.example.org/aifin/taskpane.html"');
    const dir = mkdtempSync(join(tmpdir(), "aifin-webpack-"));
    try {
      writeFileSync(join(dir, "manifest.xml"), xml);
      const r = spawnSync(process.execPath, [join(root, "scripts", "validate-manifest.mjs"), join(dir, "manifest.xml")], { encoding: "utf8" });
      expect(`${r.stdout}${r.stderr}`).toContain("valid");
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a public URL that is not https", async () => {
    await expect(configWith("http://addins.example.org/aifin")).rejects.toThrow("https");
  });
});
