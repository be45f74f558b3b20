import type { Fact } from "../../model";
import { citeSource, clip } from "../cellText";
import { FormulaError, messages } from "../errors";
import type { CallContext, ResultCell } from "../params";
import { always, defineFunction, enumOf, modelParam } from "../params";

/** Fields of FACT, default first. */
export const FACT_FIELDS = [
  "amount",
  "date",
  "status",
  "kind",
  "from",
  "to",
  "pct",
  "unit",
  "description",
  "source",
  "url",
  "verified",
  "estimate",
  "provenance",
  "funded",
  "conditional",
  "period_months",
  "period_end",
] as const;

function findFact(call: CallContext, id: string): Fact {
  const model = call.loaded.model;
  const fact = model.fact(id) ?? model.fact(id.toUpperCase());
  if (!fact) throw new FormulaError("#N/A", messages.unknownFact(id));
  return fact;
}

export const FACT = defineFunction({
  memoise: always,
  params: [{ name: "fact_id", type: "text", hint: "a fact id such as C002" }, enumOf("field", FACT_FIELDS, "the fact field"), modelParam],
  result: "any",
  body({ fact_id, field }, call): ResultCell {
    const fact = findFact(call, fact_id);
    switch (field) {
      case "date":
        return fact.date;
      case "status":
        return fact.status;
      case "kind":
        return fact.kind;
      case "from":
        return fact.from;
      case "to":
        return fact.to;
      case "pct":
        if (fact.pct === null) throw new FormulaError("#N/A", messages.noPct(fact.id));
        return fact.pct;
      case "unit":
        return clip(fact.unit);
      case "description":
        return clip(fact.description);
      case "source":
        return clip(citeSource(fact));
      case "url":
        if (!fact.source.url) throw new FormulaError("#N/A", `Fact ${fact.id} has no source URL on record.`);
        return clip(fact.source.url);
      case "verified":
        return fact.verified;
      case "estimate":
        return fact.estimate;
      case "provenance":
        return fact.provenance;
      case "funded":
        if (fact.fundedUsdBn === null) throw new FormulaError("#N/A", `Fact ${fact.id} records no paid or drawn amount.`);
        return fact.fundedUsdBn;
      case "conditional":
        // No conditional part on record reads as 0: the whole amount is firm as far as the sources say.
        return fact.conditionalUsdBn ?? 0;
      case "period_months":
        if (fact.periodMonths === null) throw new FormulaError("#N/A", `Fact ${fact.id} records no period.`);
        return fact.periodMonths;
      case "period_end":
        if (fact.periodEnd === null) throw new FormulaError("#N/A", `Fact ${fact.id} records no period.`);
        return fact.periodEnd;
      case "amount":
        if (fact.amountUsdBn === null) throw new FormulaError("#N/A", messages.noAmount(fact.id, fact.unit));
        return fact.amountUsdBn;
    }
  },
});
