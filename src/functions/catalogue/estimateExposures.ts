import { estimateExposures } from "../../engine";
import { FormulaError, orThrow } from "../errors";
import { defineFunction } from "../params";
import { expectLength, vectorOf } from "./workbookMatrices";

/** Most nodes ESTIMATE_EXPOSURES accepts: a 500 × 500 spill; the engine bounds the RAS sweeps' total work. */
export const ESTIMATE_EXPOSURES_MAX_NODES = 500;

export const ESTIMATE_EXPOSURES = defineFunction({
  params: [
    { name: "row_totals", type: "range", hint: "one row or column: each node's total lending (assets on the others)" },
    { name: "col_totals", type: "range", hint: "one row or column: each node's total borrowing (liabilities to the others)" },
  ],
  result: "table",
  body({ row_totals, col_totals }, call) {
    const fn = call.fn;
    const r = vectorOf(fn, "row_totals", row_totals, 0);
    const c = vectorOf(fn, "col_totals", col_totals, 0);
    expectLength(fn, "col_totals", c, r.length, "row_totals");
    if (r.length > ESTIMATE_EXPOSURES_MAX_NODES) {
      throw new FormulaError("#VALUE!", `${fn}: ${r.length} nodes; at most ${ESTIMATE_EXPOSURES_MAX_NODES} are accepted (the result spills n × n cells).`);
    }
    const negative = [...r, ...c].findIndex((x) => x < 0);
    if (negative >= 0) throw new FormulaError("#VALUE!", `${fn}: totals must be zero or more; ${negative < r.length ? "row_totals" : "col_totals"} has a negative value.`);
    return orThrow(estimateExposures({ rowSums: r, colSums: c }));
  },
});
