/**
 * Localised custom-function metadata. Excel shows a function's description and parameter help from the
 * metadata file the manifest names for the user's UI language (`<bt:Override Locale=…>` on
 * Functions.Metadata.Url). Names and ids stay English, so a formula typed in one language works in a
 * workbook opened in another; only the help text changes.
 *
 * `localizeMetadata(metadata, table)` copies functions.json with the table's texts. It refuses a table that
 * misses a function or parameter, or names one that does not exist, so a new or renamed function cannot
 * ship with English help in a Chinese Excel by accident.
 */
"use strict";

/**
 * @param {{ functions: Array<{ id: string, description?: string, parameters: Array<{ name: string, description?: string }> }> }} metadata
 * @param {Record<string, { description: string, parameters: Record<string, string> }>} table
 * @returns {{ metadata: object, problems: string[] }}
 */
function localizeMetadata(metadata, table) {
  const problems = [];
  const seen = new Set();
  const functions = metadata.functions.map((fn) => {
    seen.add(fn.id);
    const entry = table[fn.id];
    if (entry === undefined || typeof entry.description !== "string" || entry.description.trim() === "") {
      problems.push(`${fn.id}: no translated description`);
      return fn;
    }
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(entry.parameters ?? {})) {
      if (!names.has(name)) problems.push(`${fn.id}: translation for a parameter "${name}" the function does not have`);
    }
    const parameters = fn.parameters.map((p) => {
      const text = entry.parameters?.[p.name];
      if (typeof text !== "string" || text.trim() === "") {
        problems.push(`${fn.id}: no translation for parameter "${p.name}"`);
        return p;
      }
      return { ...p, description: text };
    });
    return { ...fn, description: entry.description, parameters };
  });
  for (const id of Object.keys(table)) if (!seen.has(id)) problems.push(`${id}: translated, but there is no such function`);
  return { metadata: { ...metadata, functions }, problems };
}

/** Locales with a translation table under src/functions/i18n/, and the file each is emitted as. */
const LOCALES = [
  { locale: "zh-TW", table: "src/functions/i18n/functions.zh-TW.json", output: "functions.zh-TW.json" },
  { locale: "zh-CN", table: "src/functions/i18n/functions.zh-CN.json", output: "functions.zh-CN.json" },
];

module.exports = { localizeMetadata, LOCALES };
