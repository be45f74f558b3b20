import { always, defineFunction, enumOf, modelParam } from "../params";

/** Fields of MODEL_INFO, default first. */
export const MODEL_INFO_FIELDS = ["version", "as_of", "fact_count", "entity_count", "basis"] as const;

export const MODEL_INFO = defineFunction({
  memoise: always,
  params: [enumOf("field", MODEL_INFO_FIELDS, "the model field"), modelParam],
  result: "any",
  body({ field }, call) {
    const { model, basis } = call.loaded;
    switch (field) {
      case "as_of":
        return model.latestDate;
      case "fact_count":
        return model.dataset.facts.length;
      case "entity_count":
        return model.dataset.entities.length;
      case "basis":
        return [
          basis.includeRumoured ? "confirmed + rumoured" : "confirmed",
          ...(basis.includeEstimates === false ? ["no estimates"] : []),
          ...(basis.minProvenance ? [`provenance ≥ ${basis.minProvenance}`] : []),
        ].join(", ");
      case "version":
        return model.dataset.version;
    }
  },
});
