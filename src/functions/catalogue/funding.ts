import { funding } from "../../engine";
import { asOf, defineFunction, entity, enumOf, modelParam } from "../params";

/** Kinds of FUNDING, default first. */
export const FUNDING_KINDS = ["all", "equity", "debt", "backstop"] as const;

export const FUNDING = defineFunction({
  params: [entity("from"), entity("to", "a ticker or name such as OPENAI"), enumOf("kind", FUNDING_KINDS, "the kind of funding"), asOf, modelParam],
  result: "number",
  body: ({ from, to, kind }, call) => funding(call.view(), from.id, to.id, kind),
});
