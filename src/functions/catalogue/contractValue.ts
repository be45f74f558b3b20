import { contractValue } from "../../engine";
import { asOf, defineFunction, entity, modelParam } from "../params";

export const CONTRACT_VALUE = defineFunction({
  params: [entity("buyer", "a ticker or name such as OPENAI"), entity("vendor"), asOf, modelParam],
  result: "number",
  body: ({ buyer, vendor }, call) => contractValue(call.view(), buyer.id, vendor.id),
});
