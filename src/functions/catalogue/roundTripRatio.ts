import { roundTripRatio } from "../../engine";
import { orThrow } from "../errors";
import { always, asOf, defineFunction, entity, modelParam, moneyParam } from "../params";

export const ROUND_TRIP_RATIO = defineFunction({
  memoise: always,
  params: [entity("investor"), entity("investee", "a ticker or name such as OPENAI"), asOf, modelParam, moneyParam],
  result: "number",
  body: ({ investor, investee, money }, call) => orThrow(roundTripRatio(call.view(), investor.id, investee.id, money)),
});
