/**
 * Hand-written custom-function metadata merged into the generated functions.json. The JSDoc generator
 * (custom-functions-metadata) has no tag for some properties Excel reads, such as a parameter's
 * `allowErrorForDataTypeAny`; src/functions/metadata.overrides.json holds them, by function id and
 * parameter name. `applyMetadataOverrides` refuses an override for a function or parameter that does not
 * exist, a property outside the known set, or `allowErrorForDataTypeAny` on a parameter whose type is not
 * `any` (Excel ignores it there), so an override cannot silently stop applying after a rename.
 */
"use strict";

const PARAMETER_PROPERTIES = new Set(["allowErrorForDataTypeAny"]);

/**
 * @param {{ functions: Array<{ id: string, parameters: Array<{ name: string, type?: string }> }> }} metadata
 * @param {Record<string, unknown>} overrides
 * @returns {{ metadata: object, problems: string[] }}
 */
function applyMetadataOverrides(metadata, overrides) {
  const problems = [];
  const byId = new Map(metadata.functions.map((fn) => [fn.id, fn]));
  for (const id of Object.keys(overrides)) {
    if (id.startsWith("$")) continue;
    if (!byId.has(id)) problems.push(`override for a function "${id}" that functions.json does not have`);
  }
  const functions = metadata.functions.map((fn) => {
    const entry = overrides[fn.id];
    if (entry === undefined) return fn;
    const params = (entry && entry.parameters) || {};
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(params)) {
      if (!names.has(name)) problems.push(`${fn.id}: override for a parameter "${name}" the function does not have`);
    }
    const parameters = fn.parameters.map((p) => {
      const extra = params[p.name];
      if (extra === undefined) return p;
      for (const key of Object.keys(extra)) {
        if (!PARAMETER_PROPERTIES.has(key)) problems.push(`${fn.id}.${p.name}: unknown metadata property "${key}"`);
      }
      if (extra.allowErrorForDataTypeAny !== undefined && p.type !== "any") {
        problems.push(`${fn.id}.${p.name}: allowErrorForDataTypeAny needs a parameter of type any, not ${p.type}`);
      }
      return { ...p, ...extra };
    });
    return { ...fn, parameters };
  });
  return { metadata: { ...metadata, functions }, problems };
}

module.exports = { applyMetadataOverrides, OVERRIDES_FILE: "src/functions/metadata.overrides.json" };
