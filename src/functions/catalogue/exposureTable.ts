import { exposureTable } from "../../engine";
import { clip } from "../cellText";
import { always, asOf, defineFunction, entity, modelParam, moneyParam } from "../params";

/** Header row of EXPOSURE_TABLE. */
export const EXPOSURE_TABLE_HEADER = ["counterparty", "funding_out", "contracts_in", "self_funded", "round_trip_ratio", "fact_ids"] as const;

export const EXPOSURE_TABLE = defineFunction({
  memoise: always,
  params: [entity("entity"), asOf, modelParam, moneyParam],
  result: "table",
  header: EXPOSURE_TABLE_HEADER,
  body({ entity, money }, call) {
    const rows = exposureTable(call.view(), entity.id, money);
    return [
      [...EXPOSURE_TABLE_HEADER],
      // A 10,000-row table can cite thousands of facts between two parties: keep the cell within Excel's limit.
      ...rows.map((r) => [r.counterparty, r.fundingOut, r.contractsIn, r.selfFunded, r.roundTripRatio ?? "", clip(r.factIds.join(", "))]),
    ];
  },
});
