import { factsBehind } from "../../engine";
import { citeSource, joinCitations } from "../cellText";
import { FormulaError } from "../errors";
import { always, asOf, defineFunction, entity, modelParam } from "../params";

export const SOURCE = defineFunction({
  memoise: always,
  params: [entity("entity"), { ...entity("counterparty"), optional: true, hint: "a counterparty; empty for all" }, asOf, modelParam],
  result: "text",
  body({ entity, counterparty }, call) {
    const view = call.view();
    const facts = factsBehind(view, entity.id, counterparty?.id);
    if (facts.length === 0) {
      const what = counterparty ? `${entity.id} and ${counterparty.id}` : entity.id;
      throw new FormulaError("#N/A", `No fact in the model concerns ${what} as of ${view.asOf}.`);
    }
    // Each citation ends with the fact's provenance (docs/data.md: estimate < secondary < article < press < primary).
    return joinCitations(facts.map((f) => `${f.id}: ${f.description} (${citeSource(f)}; ${f.provenance})`));
  },
});
