import { contractValue } from "../../engine";
import { asOf, defineFunction, entity, modelParam, moneyParam } from "../params";

export const CONTRACT_VALUE = defineFunction({
  params: [entity("buyer", "a ticker or name such as OPENAI"), entity("vendor"), asOf, modelParam, moneyParam],
  result: "number",
  body: ({ buyer, vendor, money }, call) => contractValue(call.view(), buyer.id, vendor.id, money),
});
