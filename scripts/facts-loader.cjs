/**
 * Webpack loader for src/model/data/facts.ts in every webpack build (production, development and the dev server):
 * ships the curated facts packed by columns.
 *
 * facts.ts (with the files it imports) is curated by hand and stays what is edited and what the tests read. This
 * loader evaluates it at build time (TypeScript's transpiler, then the module run in this process with
 * vm.runInThisContext, not a sandbox: the data files may import only each other, which the loader enforces), packs FACTS into columns with each distinct object value (the source)
 * written once (src/model/data/packedFacts.ts describes the layout and holds the decoder), and emits a module
 * exporting every other export as it was and FACTS = unpackFacts(packed). Before emitting it decodes the packed
 * facts with that same decoder and fails the build unless they are exactly the curated ones: every key, in the
 * same order, every value (numbers by identity, no undefined), so the content hash and handles cannot change.
 *
 * `packFactsModule(file)` is the whole transform, for tests; the loader adds webpack's file dependencies.
 */
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const ts = require("typescript");

/** Evaluates a TypeScript module and the relative modules it imports; returns its exports and the files read. */
function evaluate(file) {
  const cache = new Map();
  const load = (abs) => {
    if (cache.has(abs)) return cache.get(abs).exports;
    const source = fs.readFileSync(abs, "utf8");
    const { outputText } = ts.transpileModule(source, {
      fileName: abs,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, isolatedModules: true, esModuleInterop: false },
    });
    const module = { exports: {} };
    cache.set(abs, module);
    const require = (request) => {
      if (!request.startsWith(".")) throw new Error(`${path.relative(process.cwd(), abs)} imports "${request}": the data files may import only each other`);
      const base = path.resolve(path.dirname(abs), request);
      const found = [base, `${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (!found) throw new Error(`cannot resolve "${request}" from ${abs}`);
      return load(found);
    };
    const fn = vm.runInThisContext(`(function (exports, require, module) {${outputText}\n})`, { filename: abs });
    fn(module.exports, require, module);
    return module.exports;
  };
  const exports = load(path.resolve(file));
  return { exports, files: [...cache.keys()] };
}

/** An object literal's value (a plain object: its prototype is Object.prototype or null). */
function isPlainObject(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(v) === "[object Object]");
}

/** A value as the build error shows it: -0, NaN, undefined and the infinities by name (JSON would print 0 or null). */
function show(v) {
  return typeof v === "number" && !Number.isFinite(v) ? String(v) : Object.is(v, -0) ? "-0" : v === undefined ? "undefined" : JSON.stringify(v);
}

/** Where `a` and `b` differ as data (keys and their order, types, values by Object.is), or null when they are the same. */
function difference(a, b, at = "") {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${at}: array vs not`;
    if (a.length !== b.length) return `${at}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return `${at}: object vs not`;
    const ka = Object.keys(a).join(",");
    const kb = Object.keys(b).join(",");
    if (ka !== kb) return `${at}: keys ${ka} vs ${kb}`;
    for (const k of Object.keys(a)) {
      const d = difference(a[k], b[k], `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  if (a === undefined || b === undefined) return `${at}: undefined (not data a packed module can carry)`;
  if (typeof a === "object" && a !== null) return `${at}: ${Object.prototype.toString.call(a)} is not plain data`;
  return Object.is(a, b) ? null : `${at}: ${show(a)} vs ${show(b)}`;
}

/** Packs rows of plain objects into columns (PackedRows); object-valued keys listed in `tables` become indices. */
function packRows(rows, tables = {}) {
  const shapes = [];
  const shapeIndex = new Map();
  const shape = [];
  const cols = {};
  for (const row of rows) {
    const keys = Object.keys(row);
    const id = keys.join(",");
    if (!shapeIndex.has(id)) {
      shapeIndex.set(id, shapes.length);
      shapes.push(keys);
    }
    shape.push(shapeIndex.get(id));
    for (const k of keys) cols[k] ??= [];
  }
  for (const k of Object.keys(cols)) {
    // A row without the key holds 0 there (never read: its shape does not list the key).
    cols[k] = rows.map((row) => (!Object.prototype.hasOwnProperty.call(row, k) ? 0 : tables[k] ? tables[k].index.get(JSON.stringify(row[k])) : row[k]));
  }
  return { keys: shapes, shape, cols };
}

/** Packs the facts: object-valued fields (the source) into tables of their distinct values, the rest by column. */
function packFacts(facts) {
  const objectKeys = new Set();
  for (const f of facts) for (const [k, v] of Object.entries(f)) if (isPlainObject(v)) objectKeys.add(k);
  const tables = {};
  for (const k of objectKeys) {
    const index = new Map();
    const values = [];
    for (const f of facts) {
      if (!isPlainObject(f[k])) {
        if (Object.prototype.hasOwnProperty.call(f, k)) throw new Error(`fact ${f.id}: ${k} is an object in other facts but not here`);
        continue;
      }
      const key = JSON.stringify(f[k]);
      if (!index.has(key)) {
        index.set(key, values.length);
        values.push(f[k]);
      }
    }
    tables[k] = { index, values };
  }
  const packed = packRows(facts, tables);
  // Shortest columns first, so the long texts (unit, then description) come last, just before the sources' titles:
  // gzip finds more of their shared words that way (measured: 0.9 KB gzipped less than in the facts' key order).
  // The decoder reads columns by name, so their order is free.
  const length = (k) => JSON.stringify(packed.cols[k]).length;
  packed.cols = Object.fromEntries(Object.keys(packed.cols).sort((a, b) => length(a) - length(b) || (a < b ? -1 : 1)).map((k) => [k, packed.cols[k]]));
  packed.tables = Object.fromEntries(Object.entries(tables).map(([k, t]) => [k, packRows(t.values)]));
  return packed;
}

/**
 * The module that replaces `file` (src/model/data/facts.ts) in the bundle: its other exports as literals and
 * FACTS unpacked at start-up. Throws when the packed facts would not decode to exactly the curated ones.
 */
function packFactsModule(file) {
  const { exports, files } = evaluate(file);
  const facts = exports.FACTS;
  if (!Array.isArray(facts) || facts.length === 0) throw new Error(`${file} exports no FACTS`);
  const decoderFile = path.join(path.dirname(path.resolve(file)), "packedFacts.ts");
  const { unpackFacts } = evaluate(decoderFile).exports;
  const packed = packFacts(facts);
  const text = JSON.stringify(packed);
  const problem = difference(unpackFacts(JSON.parse(text)), facts, "FACTS");
  if (problem) throw new Error(`the packed facts do not decode to the curated ones at ${problem}`);
  const lines = [
    "// Generated at build time by scripts/facts-loader.cjs from the curated src/model/data/facts.ts (see packedFacts.ts).",
    'import { unpackFacts } from "./packedFacts";',
  ];
  for (const [name, value] of Object.entries(exports)) {
    if (name === "FACTS" || name === "__esModule") continue;
    const copy = JSON.parse(JSON.stringify(value));
    const d = difference(copy, value, name);
    if (d) throw new Error(`export ${name} is not plain data: ${d}`);
    lines.push(`export const ${name} = ${JSON.stringify(value)};`);
  }
  lines.push(`export const FACTS = unpackFacts(${text});`);
  return { code: `${lines.join("\n")}\n`, files: [...files, path.resolve(decoderFile)], facts: facts.length, sources: packed.tables.source?.shape.length ?? 0 };
}

/** The webpack loader: ignores the TypeScript it is given (it re-reads the curated files) and emits the packed module. */
function factsLoader() {
  const { code, files } = packFactsModule(this.resourcePath);
  for (const f of files) this.addDependency(f);
  return code;
}

module.exports = factsLoader;
module.exports.packFactsModule = packFactsModule;
module.exports.difference = difference;
