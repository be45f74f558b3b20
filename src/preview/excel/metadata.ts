/**
 * The preview's view of functions.json: ids, parameters (optional or not), and whether the result spills,
 * read from the argument-spec table functions.json is checked against (src/functions/specs.ts), so the page
 * needs no request for it.
 */
import { FUNCTION_IDS, FUNCTION_SPECS } from "../../functions/specs";
import type { FunctionMetadata } from "./functionsPlugin";

export function metadataFromSpecs(): FunctionMetadata {
  return {
    functions: FUNCTION_IDS.map((id) => {
      const spec = FUNCTION_SPECS[id];
      return {
        id,
        name: id,
        parameters: spec.params.map((p) => ({ name: p.name, optional: p.optional ?? false })),
        result: spec.result === "table" ? { dimensionality: "matrix", width: spec.header?.length } : { dimensionality: "scalar" },
      };
    }),
  };
}
