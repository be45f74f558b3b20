/** The view rules on small hand-made fixtures, where every expected fact list is worked out by hand. */
import { createModel, supersessionClosure, type Dataset, type Entity, type Fact } from "../../../src/model";
import { fact } from "./helpers";

const entities: Entity[] = ["A", "B"].map((id) => ({ id, name: id, nameZh: null, aliases: [], roles: ["other"], listed: false, members: [] }));
const modelOf = (facts: Fact[]) => createModel({ version: "t", asOf: "2026-12-31", entities, facts } satisfies Dataset);
const idsIn = (facts: readonly Fact[]) => facts.map((f) => f.id);

describe("point-in-time rules", () => {
  // OLD (confirmed, Jan) <- MID (rumoured, Feb) <- NEW (confirmed, Mar): the confirmed view in March
  // must drop OLD although the link to it runs through the rumour it leaves out.
  const old = fact({ id: "OLD", kind: "valuation", from: "A", to: "A", date: "2026-01-10", status: "closed" });
  const mid = fact({ id: "MID", kind: "valuation", from: "A", to: "A", date: "2026-02-10", status: "rumoured", supersedes: ["OLD"] });
  const neu = fact({ id: "NEW", kind: "valuation", from: "A", to: "A", date: "2026-03-10", status: "announced", supersedes: ["MID"] });
  const model = modelOf([old, mid, neu]);

  it("keeps only facts dated on or before the as-of date", () => {
    expect(idsIn(model.view("2026-01-09").facts)).toEqual([]);
    expect(idsIn(model.view("2026-01-10").facts)).toEqual(["OLD"]);
  });

  it("counts rumours only when the basis says so", () => {
    expect(idsIn(model.view("2026-02-15").facts)).toEqual(["OLD"]);
    expect(idsIn(model.view("2026-02-15", { includeRumoured: true }).facts)).toEqual(["MID"]);
  });

  it("drops facts replaced through a chain whose middle link is not in the view", () => {
    expect(idsIn(model.view("2026-03-10").facts)).toEqual(["NEW"]);
    expect(idsIn(model.view("2026-03-10", { includeRumoured: true }).facts)).toEqual(["NEW"]);
  });

  it("leaves estimates in by default and out when the basis excludes them", () => {
    const est = fact({ id: "EST", estimate: true, unit: "USD bn ESTIMATE" });
    const m = modelOf([est, fact({ id: "REAL" })]);
    expect(idsIn(m.view().facts)).toEqual(["EST", "REAL"]);
    expect(idsIn(m.view(null, { includeRumoured: false, includeEstimates: false }).facts)).toEqual(["REAL"]);
    expect(m.view(null, { includeRumoured: false, includeEstimates: false })).not.toBe(m.view());
  });

  it("uses the latest fact date as the default as-of, and the dataset's as-of when there are no facts", () => {
    expect(model.latestDate).toBe("2026-03-10");
    expect(modelOf([]).latestDate).toBe("2026-12-31");
  });
});

describe("supersessionClosure", () => {
  it("follows chains and survives a cycle without listing a fact as replacing itself", () => {
    const closure = supersessionClosure([
      fact({ id: "X", supersedes: ["Y"] }),
      fact({ id: "Y", supersedes: ["Z"] }),
      fact({ id: "Z", supersedes: ["X"] }),
    ]);
    expect([...(closure.get("X") ?? [])].sort()).toEqual(["Y", "Z"]);
  });
});
