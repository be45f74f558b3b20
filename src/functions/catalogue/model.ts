import { PROVENANCES } from "../../model";
import { rangePlace } from "../modelCache";
import { defineFunction } from "../params";

export const MODEL = defineFunction({
  params: [
    { name: "facts", type: "range", optional: true, hint: "a facts range with its header row; empty for the bundled facts" },
    { name: "entities", type: "range", optional: true, hint: "an entities range with its header row; empty for the bundled entities" },
    { name: "include_rumoured", type: "bool", optional: true, default: false, hint: "TRUE to count rumoured facts" },
    { name: "include_estimates", type: "bool", optional: true, default: true, hint: "FALSE to leave out our own estimates" },
    { name: "min_provenance", type: "text-enum", optional: true, allowed: PROVENANCES, hint: "the weakest provenance that counts; empty for none" },
  ],
  result: "text",
  body: ({ facts, entities, include_rumoured, include_estimates, min_provenance }, call) =>
    call.models.load(
      facts,
      entities,
      {
        includeRumoured: include_rumoured,
        ...(include_estimates === false ? { includeEstimates: false } : {}),
        ...(min_provenance ? { minProvenance: min_provenance } : {}),
      },
      {
      facts: rangePlace(call.parameterAddresses?.[0]),
      entities: rangePlace(call.parameterAddresses?.[1]),
    }),
});
