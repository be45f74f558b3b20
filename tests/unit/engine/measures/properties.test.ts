/** Properties of the measures on random views (fast-check): bounds and linearity that hold for any data. */
import fc from "fast-check";
import { cyclesThrough } from "../../../../src/engine/cyclesThrough";
import { circularShare, fundedBacklog, selfFundedExposure } from "../../../../src/engine/exposure";
import { totalContractsIn, totalFundingOut } from "../../../../src/engine/flows";
import { moneyGraph } from "../../../../src/engine/moneyGraph";
import { networkExposure } from "../../../../src/engine/networkExposure";
import { isEngineError } from "../../../../src/engine/result";
import type { Fact, ModelView } from "../../../../src/model/types";
import { fact, viewOf } from "./fixtures";

const IDS = ["A", "B", "C", "D", "E"];
const flowFact = fc.record({
  kind: fc.constantFrom<Fact["kind"]>("investment", "loan", "backstop", "contract"),
  from: fc.constantFrom(...IDS),
  to: fc.constantFrom(...IDS),
  amount: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: null, freq: 5 }),
  term: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
});
const views = fc.array(flowFact, { maxLength: 25 }).map(
  (rows): ModelView =>
    viewOf(
      rows.map((r, i) => fact({ id: `p${i}`, kind: r.kind, from: r.from, to: r.to, amountUsdBn: r.amount, termYears: r.term })),
      IDS,
    ),
);

describe("measure properties", () => {
  it("self-funded ≤ min(total funding out, total contracts in) and ≤ funded backlog; share in [0, 1]", () => {
    fc.assert(
      fc.property(views, (view) => {
        for (const id of IDS) {
          const s = selfFundedExposure(view, id);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(Math.min(totalFundingOut(view, id), totalContractsIn(view, id)) + 1e-9);
          expect(s).toBeLessThanOrEqual(fundedBacklog(view, id) + 1e-9);
          const share = circularShare(view, id);
          if (!isEngineError(share)) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          } else expect(totalContractsIn(view, id)).toBe(0);
        }
      }),
    );
  });

  it("network exposure is finite, between 0 and total funding out, and falls as the leak grows", () => {
    fc.assert(
      fc.property(views, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (view, leak) => {
        for (const id of IDS) {
          const n = networkExposure(view, id, { leak });
          if (isEngineError(n)) throw new Error(n.message);
          expect(Number.isFinite(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(totalFundingOut(view, id) * (1 - leak) + 1e-9);
          const more = networkExposure(view, id, { leak: Math.min(1, leak + 0.05) }) as number;
          expect(more).toBeLessThanOrEqual(n + 1e-9);
        }
      }),
    );
  });

  it("every cycle starts and ends at the entity, repeats no one else, and its bottleneck is its smallest edge", () => {
    fc.assert(
      fc.property(views, (view) => {
        const edges = new Map(moneyGraph(view).edges.map((e) => [`${e.from}>${e.to}`, e.amount]));
        for (const id of IDS) {
          for (const { path, bottleneck } of cyclesThrough(view, id)) {
            expect(path[0]).toBe(id);
            expect(path[path.length - 1]).toBe(id);
            expect(new Set(path.slice(0, -1)).size).toBe(path.length - 1);
            expect(path.length - 1).toBeLessThanOrEqual(4);
            const amounts = path.slice(1).map((to, i) => edges.get(`${path[i]}>${to}`) as number);
            expect(bottleneck).toBe(Math.min(...amounts));
          }
        }
      }),
    );
  });
});
