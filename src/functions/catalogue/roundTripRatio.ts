import { roundTripRatio } from "../../engine";
import { orThrow } from "../errors";
import { always, asOf, defineFunction, entity, modelParam } from "../params";

export const ROUND_TRIP_RATIO = defineFunction({
  memoise: always,
  params: [entity("investor"), entity("investee", "a ticker or name such as OPENAI"), asOf, modelParam],
  result: "number",
  body: ({ investor, investee }, call) => orThrow(roundTripRatio(call.view(), investor.id, investee.id)),
});
