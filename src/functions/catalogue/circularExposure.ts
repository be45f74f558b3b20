import { circularShare, fundedBacklog, networkExposure, selfFundedExposure } from "../../engine";
import { orThrow } from "../errors";
import { always, asOf, defineFunction, entity, enumOf, modelParam, moneyParam } from "../params";

/** Measures of CIRCULAR_EXPOSURE, default first. */
export const EXPOSURE_MEASURES = ["self_funded", "funded_backlog", "share", "network"] as const;

export const CIRCULAR_EXPOSURE = defineFunction({
  memoise: always,
  params: [entity("entity"), enumOf("measure", EXPOSURE_MEASURES, "the exposure measure"), asOf, modelParam, moneyParam],
  result: "number",
  body({ entity, measure, money }, call) {
    const view = call.view();
    switch (measure) {
      case "funded_backlog":
        return fundedBacklog(view, entity.id, money);
      case "share":
        return orThrow(circularShare(view, entity.id, money));
      case "network":
        return orThrow(networkExposure(view, entity.id, { money }));
      case "self_funded":
        return selfFundedExposure(view, entity.id, money);
    }
  },
});
