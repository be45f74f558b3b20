#!/usr/bin/env node
/**
 * `npm run validate`: offline manifest validation.
 *
 *   node scripts/validate-manifest.mjs [--schemas <dir>] <manifest.xml>...
 *
 * 1. XSD: libxml2 (the xmllint-wasm package, no system install) against the Office add-in schemas in
 *    ../shared/office-schemas/taskpane/ (override with --schemas or AIFIN_SCHEMA_DIR). The schemas are
 *    read from there, never copied into this repository. Where the folder is absent the XSD step is
 *    skipped with a warning that points at `npm run validate:online` (needs the internet).
 * 2. What XSD cannot see: every resid resolves to a resource of the right kind, the custom-functions
 *    namespace is 1-32 letters/digits, ids are unique, every URL is https, the Id is a GUID, resource
 *    strings fit Office's limits, and the shared runtime's pages all use the runtime's URL.
 *
 * Exits 0 when every manifest passes, 1 when any check fails, 2 on a usage error.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve, basename } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

/* ---------- a small XML reader: enough for a manifest, and strict about nesting ---------- */

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m,
  );
const localName = (qname) => qname.slice(qname.indexOf(":") + 1);

/** Parses XML into { name, attrs, children, text, line }; throws with a line number when malformed. */
function parseXml(source) {
  const root = { name: "#document", attrs: {}, children: [], text: "", line: 1 };
  const stack = [root];
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const lineAt = (i) => source.slice(0, i).split("\n").length;
  let last = 0;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const between = source.slice(last, m.index);
    if (between.includes("<")) throw new Error(`line ${lineAt(last + between.indexOf("<"))}: malformed markup`);
    stack[stack.length - 1].text += decode(between);
    last = tag.lastIndex;
    if (m[1] !== undefined) {
      stack[stack.length - 1].text += m[1];
      continue;
    }
    if (!m[3]) continue; // comment or processing instruction
    const [, , closing, name, attrText, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`line ${lineAt(m.index)}: </${name}> does not close <${open?.name}>`);
      continue;
    }
    const attrs = {};
    for (const a of attrText.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decode(a[2] ?? a[3]);
    const node = { name, attrs, children: [], text: "", line: lineAt(m.index), parent: stack[stack.length - 1] };
    stack[stack.length - 1].children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (source.slice(last).includes("<")) throw new Error(`line ${lineAt(last)}: malformed markup`);
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  return root;
}

function* walk(node) {
  for (const child of node.children) {
    yield child;
    yield* walk(child);
  }
}

/* ---------- checks XSD cannot express ---------- */

// Which resource list a resid must point into, by the element that carries it.
const RESID_KIND = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};
const MAX_LENGTH = { ShortStrings: 125, LongStrings: 250 };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAMESPACE = /^[A-Za-z0-9]{1,32}$/;

/** Returns the problems found in a parsed manifest, as sentences that say what to fix. */
function checkManifest(doc) {
  const problems = [];
  const all = [...walk(doc)];
  const officeApp = all.find((n) => localName(n.name) === "OfficeApp");
  if (!officeApp) return ["the root element is not <OfficeApp>"];

  const id = all.find((n) => localName(n.name) === "Id" && n.parent === officeApp);
  if (!id || !GUID.test(id.text.trim())) problems.push(`<Id> must be a GUID such as 8d3c2f5e-…; found "${id?.text.trim() ?? ""}"`);

  // Resources: id -> { kind, values }
  const resources = new Map();
  const resourcesNode = all.find((n) => localName(n.name) === "Resources");
  for (const list of resourcesNode?.children ?? []) {
    const kind = localName(list.name);
    for (const item of list.children) {
      const rid = item.attrs.id;
      if (!rid) continue;
      if (resources.has(rid)) problems.push(`resource id "${rid}" is defined twice (line ${item.line})`);
      const values = [item.attrs.DefaultValue ?? "", ...item.children.map((o) => o.attrs.Value ?? "")];
      resources.set(rid, { kind, values, line: item.line });
      const max = MAX_LENGTH[kind];
      for (const v of values) {
        if (max && v.length > max) problems.push(`${kind} "${rid}" is ${v.length} characters; Office allows ${max}`);
      }
    }
  }

  const resids = all.filter((n) => n.attrs.resid !== undefined);
  for (const n of resids) {
    const res = resources.get(n.attrs.resid);
    const want = RESID_KIND[localName(n.name)];
    if (!res) problems.push(`line ${n.line}: <${localName(n.name)} resid="${n.attrs.resid}"> points at no resource in <Resources>`);
    else if (want && res.kind !== want) {
      problems.push(`line ${n.line}: <${localName(n.name)}> needs a ${want} resource but "${n.attrs.resid}" is in ${res.kind}`);
    }
  }

  const ns = all.find((n) => localName(n.name) === "Namespace" && n.attrs.resid !== undefined);
  if (ns) {
    for (const v of resources.get(ns.attrs.resid)?.values ?? []) {
      if (!NAMESPACE.test(v)) problems.push(`custom-functions namespace "${v}" must be 1-32 letters or digits (found ${v.length} characters)`);
    }
  }

  // Control, group, tab and task-pane ids share one space in the ribbon: a repeat hides a control.
  const seen = new Map();
  for (const n of all) {
    if (n.attrs.id === undefined || n.parent === resourcesNode || n.parent?.parent === resourcesNode) continue;
    if (seen.has(n.attrs.id)) problems.push(`id "${n.attrs.id}" is used on line ${seen.get(n.attrs.id)} and line ${n.line}`);
    else seen.set(n.attrs.id, n.line);
  }

  const urls = [];
  for (const n of all) {
    const name = localName(n.name);
    if (["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(name) && n.attrs.DefaultValue !== undefined) {
      urls.push([n.attrs.DefaultValue, n.line]);
    }
    if (name === "AppDomain") urls.push([n.text.trim(), n.line]);
    if (name === "Override" && n.attrs.Value !== undefined && /Url|SourceLocation/.test(localName(n.parent.name))) {
      urls.push([n.attrs.Value, n.line]);
    }
  }
  for (const [rid, res] of resources) {
    if (res.kind === "Urls" || res.kind === "Images") for (const v of res.values) urls.push([v, res.line, rid]);
  }
  for (const [url, line] of urls) {
    if (!/^https:\/\/[^\s/]+/.test(url)) problems.push(`line ${line}: "${url}" is not an https URL (Office loads add-ins only over https)`);
  }

  // Shared runtime: the pane, the functions page and the command page must be the same URL, else Office
  // starts separate runtimes and the data loads more than once.
  const runtime = all.find((n) => localName(n.name) === "Runtime");
  if (runtime) {
    const pageRefs = all.filter((n) => {
      const name = localName(n.name);
      const parent = n.parent && localName(n.parent.name);
      return name === "FunctionFile" || (name === "SourceLocation" && (parent === "Page" || parent === "Action"));
    });
    for (const n of pageRefs) {
      if (n.attrs.resid !== runtime.attrs.resid) {
        problems.push(`line ${n.line}: shared runtime pages must use "${runtime.attrs.resid}", found "${n.attrs.resid}"`);
      }
    }
  }
  return problems;
}

/* ---------- XSD ---------- */

/** Validates against the Office XSDs with libxml2 (WebAssembly); returns null when the schemas are absent. */
async function checkSchema(fileName, xml, schemaDir) {
  if (!existsSync(join(schemaDir, MAIN_SCHEMA))) return null;
  const { validateXML } = await import("xmllint-wasm");
  const read = (f) => ({ fileName: f, contents: readFileSync(join(schemaDir, f), "utf8") });
  const others = readdirSync(schemaDir).filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA);
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [read(MAIN_SCHEMA)], preload: others.map(read) });
  return result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message));
}

/* ---------- command line ---------- */

async function main(argv) {
  let schemaDir = process.env.AIFIN_SCHEMA_DIR || join(repoRoot, "..", "shared", "office-schemas", "taskpane");
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--schemas") schemaDir = argv[++i];
    else files.push(argv[i]);
  }
  if (files.length === 0 || !schemaDir) {
    console.error("usage: node scripts/validate-manifest.mjs [--schemas <dir>] <manifest.xml>...");
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const label = file;
    if (!existsSync(file)) {
      console.error(`✗ ${label}: file not found`);
      failed++;
      continue;
    }
    const xml = readFileSync(file, "utf8");
    const problems = [];
    let doc = null;
    try {
      doc = parseXml(xml);
    } catch (err) {
      problems.push(`not well-formed XML: ${err.message}`);
    }
    const schemaProblems = await checkSchema(basename(file), xml, schemaDir);
    if (schemaProblems) problems.push(...schemaProblems.map((p) => `XSD ${p}`));
    if (doc) problems.push(...checkManifest(doc));
    if (schemaProblems === null) {
      console.warn(
        `! ${label}: XSD check skipped: no ${MAIN_SCHEMA} in ${schemaDir}. ` +
          "Place the Office schemas there (or pass --schemas <dir>), or run `npm run validate:online` (needs the internet).",
      );
    }
    if (problems.length) {
      failed++;
      console.error(`✗ ${label}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
      for (const p of problems) console.error(`  - ${p}`);
    } else {
      console.log(`✓ ${label}: valid (${schemaProblems === null ? "code checks only" : "Office XSD + code checks"})`);
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
