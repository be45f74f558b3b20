import { debtRank } from "../../engine";
import { FormulaError, orThrow } from "../errors";
import { defineFunction, enumOf } from "../params";
import { expectLength, squareMatrix, vectorOf } from "./workbookMatrices";

/** Most nodes DEBTRANK accepts. Single-hit runs at most n steps of n² work (300 nodes: ~3·10⁷ updates). */
export const DEBTRANK_MAX_NODES = 300;
/** Most nodes for the differential variant, whose steps repeat until stresses settle (bounded by the engine). */
export const DEBTRANK_MAX_NODES_DIFFERENTIAL = 60;
/** DEBTRANK's variants as the analyst types them, default first, and the engine's names. */
export const DEBTRANK_VARIANTS = ["single_hit", "differential"] as const;
const ENGINE_VARIANT = { single_hit: "single-hit", differential: "differential" } as const;

export const DEBTRANK = defineFunction({
  params: [
    { name: "exposures", type: "range", hint: "a square range: row i, column j = what i has lent to or invested in j" },
    { name: "capital", type: "range", hint: "one row or column: each node's equity buffer" },
    { name: "shock", type: "range", hint: "one row or column: each node's initial loss as a fraction of equity, 0 to 1" },
    { name: "weights", type: "range", optional: true, hint: "one row or column: each node's economic value; empty for total exposures" },
    enumOf("variant", DEBTRANK_VARIANTS, "the DebtRank dynamics"),
    { name: "node", type: "number", optional: true, integer: true, min: 1, hint: "a node number (1 = first row); empty for the network's DebtRank" },
  ],
  result: "number",
  body({ exposures, capital, shock, weights, variant, node }, call) {
    const fn = call.fn;
    const max = variant === "differential" ? DEBTRANK_MAX_NODES_DIFFERENTIAL : DEBTRANK_MAX_NODES;
    const A = squareMatrix(fn, "exposures", exposures, max);
    const n = A.length;
    const E = vectorOf(fn, "capital", capital);
    expectLength(fn, "capital", E, n, "exposures");
    const h0 = vectorOf(fn, "shock", shock, 0);
    expectLength(fn, "shock", h0, n, "exposures");
    const bad = h0.findIndex((h) => h < 0 || h > 1);
    if (bad >= 0) throw new FormulaError("#VALUE!", `${fn}: shock at position ${bad + 1} is ${h0[bad]}; a shock is a fraction of equity lost, 0 to 1.`);
    const w = weights === null ? undefined : vectorOf(fn, "weights", weights, 0);
    if (w) expectLength(fn, "weights", w, n, "exposures");
    if (node !== null && node > n) throw new FormulaError("#VALUE!", `${fn}: node ${node} does not exist; exposures has ${n} nodes.`);
    const result = orThrow(debtRank({ exposures: A, capital: E, initialStress: h0, ...(w ? { weights: w } : {}), variant: ENGINE_VARIANT[variant] }));
    return node === null ? result.additionalStress : result.stress[node - 1];
  },
});
