/**
 * `npm run validate` (scripts/validate-manifest.mjs) run as the developer runs it, on the committed
 * manifest and on copies broken one way each. Every broken copy is checked to differ from the good
 * manifest, so a stale search string cannot turn a failure test into a pass.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..", "..", "..");
const script = join(root, "scripts", "validate-manifest.mjs");
const good = readFileSync(join(root, "manifest.xml"), "utf8");
// Same lookup as the script: a clone outside this workplace has no ../shared and runs code checks only.
const schemaDir = process.env.AIFIN_SCHEMA_DIR || resolve(root, "..", "shared", "office-schemas", "taskpane");
const haveSchemas = existsSync(join(schemaDir, "OfficeAppManifestV1_1.xsd"));

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "aifin-manifest-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
}

function validate(xml: string, extraArgs: string[] = []): Run {
  const file = join(work, `m${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync(process.execPath, [script, ...extraArgs, file], { cwd: root, encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The good manifest with one edit; throws if the edit finds nothing to change. */
function broken(from: string | RegExp, to: string): string {
  const xml = good.replace(from, to);
  if (xml === good) throw new Error(`test setup: ${String(from)} is not in manifest.xml`);
  return xml;
}

describe("validate-manifest", () => {
  it("passes the committed manifest", () => {
    const r = validate(good);
    expect(r.out).toContain("valid");
    expect(r.code).toBe(0);
  });

  it("fails a manifest whose Id is not a GUID", () => {
    const r = validate(broken(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Id/);
  });

  it("names the resid that points at no resource", () => {
    const r = validate(broken('<Label resid="AifinGroup.Label"/>', '<Label resid="AifinGroup.Missing"/>'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('resid="AifinGroup.Missing"');
  });

  it("fails a resid that points at the wrong kind of resource", () => {
    const r = validate(broken('<Label resid="AifinGroup.Label"/>', '<Label resid="Taskpane.Url"/>'));
    expect(r.code).toBe(1);
    expect(r.out).toContain("needs a ShortStrings resource");
  });

  it("accepts a 32-character namespace and rejects a 33-character one", () => {
    const ns = (name: string) => broken('<bt:String id="Functions.Namespace" DefaultValue="AIFIN"/>', `<bt:String id="Functions.Namespace" DefaultValue="${name}"/>`);
    expect(validate(ns("A".repeat(32))).code).toBe(0);
    const r = validate(ns("A".repeat(33)));
    expect(r.code).toBe(1);
    expect(r.out).toContain("namespace");
  });

  it("rejects a namespace with punctuation", () => {
    const r = validate(broken('id="Functions.Namespace" DefaultValue="AIFIN"', 'id="Functions.Namespace" DefaultValue="AI_FIN"'));
    expect(r.code).toBe(1);
  });

  it("fails when two controls share an id", () => {
    const r = validate(broken('id="AifinShowPane"', 'id="AifinGroup"'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('id "AifinGroup" is used');
  });

  it("fails a plain-http URL", () => {
    const r = validate(broken('"https://localhost:3000/functions.json"', '"http://localhost:3000/functions.json"'));
    expect(r.code).toBe(1);
    expect(r.out).toContain("not an https URL");
  });

  it("fails when the functions page is not the shared runtime's page", () => {
    const xml = broken(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page><SourceLocation resid="Functions.Script.Url"/>');
    const r = validate(xml);
    expect(r.code).toBe(1);
    expect(r.out).toContain("shared runtime");
  });

  it("fails XML that is not well formed", () => {
    const r = validate(broken("</DesktopFormFactor>", ""));
    expect(r.code).toBe(1);
  });

  it("still runs the code checks, and says how to validate online, without the schemas", () => {
    const empty = mkdtempSync(join(work, "no-schemas-"));
    const ok = validate(good, ["--schemas", empty]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("validate:online");
    const bad = validate(broken('<Label resid="AifinGroup.Label"/>', '<Label resid="Gone"/>'), ["--schemas", empty]);
    expect(bad.code).toBe(1);
  });

  (haveSchemas ? it : it.skip)("reports the schema's own message for an element out of place", () => {
    const r = validate(broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>EverythingPlease</Permissions>"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("XSD");
  });
});
