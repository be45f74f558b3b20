import { funding } from "../../engine";
import { FUNDING_KINDS as MODEL_FUNDING_KINDS } from "../../model";
import { always, asOf, defineFunction, entity, enumOf, modelParam, moneyParam } from "../params";

/** Kinds of FUNDING, default first: the model's funding channels (KIND_MEANINGS), declared once there. */
export const FUNDING_KINDS = MODEL_FUNDING_KINDS;

export const FUNDING = defineFunction({
  memoise: always,
  params: [entity("from"), entity("to", "a ticker or name such as OPENAI"), enumOf("kind", FUNDING_KINDS, "the kind of funding"), asOf, modelParam, moneyParam],
  result: "number",
  body: ({ from, to, kind, money }, call) => funding(call.view(), from.id, to.id, kind, money),
});
