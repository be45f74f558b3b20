import { capexOffset } from "../../engine";
import { orThrow } from "../errors";
import { always, asOf, defineFunction, entity, enumOf, modelParam, moneyParam } from "../params";

/** Fields of CAPEX_OFFSET, default first. */
export const CAPEX_FIELDS = ["amount", "ratio"] as const;

export const CAPEX_OFFSET = defineFunction({
  memoise: always,
  params: [entity("entity"), enumOf("field", CAPEX_FIELDS, "the capex offset field"), asOf, modelParam, moneyParam],
  result: "number",
  body({ entity, field, money }, call) {
    const offset = capexOffset(call.view(), entity.id, money);
    return field === "ratio" ? orThrow(offset.ratio) : offset.amount;
  },
});
