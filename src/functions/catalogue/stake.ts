import { stakeOf } from "../../engine";
import { orThrow } from "../errors";
import { always, asOf, defineFunction, entity, enumOf, modelParam } from "../params";

/** Fields of STAKE, default first. */
export const STAKE_FIELDS = ["pct", "value", "cost"] as const;

export const STAKE = defineFunction({
  memoise: always,
  params: [entity("holder"), entity("company", "a ticker or name such as OPENAI"), enumOf("field", STAKE_FIELDS, "the stake field"), asOf, modelParam],
  result: "number",
  body: ({ holder, company, field }, call) => orThrow(stakeOf(call.view(), holder.id, company.id, field)),
});
