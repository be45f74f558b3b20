import { rangePlace } from "../modelCache";
import { defineFunction } from "../params";

export const MODEL = defineFunction({
  params: [
    { name: "facts", type: "range", optional: true, hint: "a facts range with its header row; empty for the bundled facts" },
    { name: "entities", type: "range", optional: true, hint: "an entities range with its header row; empty for the bundled entities" },
    { name: "include_rumoured", type: "bool", optional: true, default: false, hint: "TRUE to count rumoured facts" },
  ],
  result: "text",
  body: ({ facts, entities, include_rumoured }, call) =>
    call.models.load(facts, entities, include_rumoured, {
      facts: rangePlace(call.parameterAddresses?.[0]),
      entities: rangePlace(call.parameterAddresses?.[1]),
    }),
});
