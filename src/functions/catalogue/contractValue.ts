import { contractValue } from "../../engine";
import { always, asOf, defineFunction, entity, modelParam, moneyParam } from "../params";

export const CONTRACT_VALUE = defineFunction({
  memoise: always,
  params: [entity("buyer", "a ticker or name such as OPENAI"), entity("vendor"), asOf, modelParam, moneyParam],
  result: "number",
  body: ({ buyer, vendor, money }, call) => contractValue(call.view(), buyer.id, vendor.id, money),
});
