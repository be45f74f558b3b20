/**
 * A fresh build through office-addin-mock: the request context is an OfficeMockObject, and context.sync
 * is counted with a spy. The mock keeps no collections and computes nothing, so the few methods the
 * build calls (worksheets.add, getRange, tables.add, charts.add, customXmlParts) are mocked methods that
 * add child mock objects to the tree (addMock), which is what lets load("id") and sync() work on them.
 * What it checks: the sheets added, what was written into them, and the number of round trips.
 */
import { OfficeMockObject } from "office-addin-mock";
import { bundledDataset, FACT_COLUMNS, type Dataset, type Fact } from "../../../src/model";
import { columnLetters } from "../../../src/office/a1";
import { createExcelHostWith } from "../../../src/office/excelHost";
import { templateSourceOf } from "../../../src/office/templateSource";
import { OWNERSHIP_NAMESPACE, ownershipRecordFromXml } from "../../../src/office/ownershipRecord";

/** An OfficeMockObject seen with the tree-building methods its README documents (typed private in its d.ts). */
type Mock = Record<string, unknown> & { addMock(key: string): void; populate(data: object): void; sync(): Promise<void> };

/** Loads "items" the mock way whatever path the host asks for ("items/name,items/id"). */
function collectionLoad(this: Mock): Mock {
  (OfficeMockObject.prototype.load as (this: unknown, p: string) => unknown).call(this, "items");
  return this;
}

/** Adds a child mock; `plain` fields are set as ordinary properties, readable without load()/sync(). */
function child(parent: Mock, key: string, data: Record<string, unknown>, plain: Record<string, unknown> = {}): Mock {
  parent.addMock(key);
  const mock = parent[key] as Mock;
  mock.populate(data);
  Object.assign(mock, plain);
  return mock;
}

function rangeData(address: string): Record<string, unknown> {
  return {
    address,
    format: { font: {}, fill: {}, borders: { getItem: function (this: Mock, edge: string) { return this[edge] ?? child(this, edge, { style: "" }); } } },
    clear: () => undefined,
  };
}

function sheetData(name: string, id: string): Record<string, unknown> {
  let ranges = 0;
  let charts = 0;
  return {
    name,
    id,
    ranges: {},
    freezePanes: { frozen: 0, freezeRows: function (this: Mock, n: number) { this.frozen = n; } },
    activate: () => undefined,
    names: { add: () => undefined },
    getRange: function (this: Mock, address?: string) {
      return child(this.ranges as Mock, `r${ranges++}`, rangeData(address ?? "*"), { at: address ?? "*" });
    },
    tables: {
      add: function (this: Mock, address: string, hasHeaders: boolean) {
        return child(this, `t${String(address).replace(/\W/g, "")}`, { name: "", style: "" }, { at: address, hasHeaders });
      },
    },
    charts: {
      add: function (this: Mock, type: string) {
        return child(this, `c${charts++}`, { type, name: "", title: { text: "" }, legend: { position: "" }, axes: { categoryAxis: { reversePlotOrder: false } }, setPosition: () => undefined });
      },
    },
  };
}

function workbookMock(): { context: Mock; added: Mock[]; parts: string[] } {
  const added: Mock[] = [];
  const parts: string[] = [];
  let next = 1;
  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        items: [],
        load: collectionLoad,
        add: function (this: Mock, name: string) {
          const sheet = child(this, `s${next}`, sheetData(name, `{sheet-${next}}`), { label: name, key: `{sheet-${next}}` });
          next++;
          added.push(sheet);
          return sheet;
        },
      },
      tables: { items: [], load: collectionLoad },
      customXmlParts: {
        add: function (this: Mock, xml: string) {
          const i = parts.push(xml) - 1;
          return child(this, `p${i}`, {}, { setXml: (x: string) => void (parts[i] = x) });
        },
        getByNamespace: function (this: Mock, ns: string) {
          return (this.scoped as Mock | undefined) ?? child(this, "scoped", { ns, items: [], load: collectionLoad });
        },
      },
    },
  }) as unknown as Mock;
  return { context, added, parts };
}

/** Everything written to a sheet's ranges: address → formulas. */
function written(sheet: Mock): Map<string, unknown[][]> {
  const out = new Map<string, unknown[][]>();
  const ranges = sheet.ranges as Mock;
  for (const key of Object.keys(ranges).filter((k) => /^r\d+$/.test(k))) {
    const r = ranges[key] as Mock;
    if (r.formulas !== undefined) out.set(String(r.at), r.formulas as unknown[][]);
  }
  return out;
}

/** The bundled facts ten times over, ids and supersession links kept consistent per copy. */
function tenfold(): Dataset {
  const facts: Fact[] = [];
  for (let k = 0; k < 10; k++) {
    const suffix = k === 0 ? "" : `-x${k}`;
    for (const f of bundledDataset.facts) facts.push({ ...f, id: f.id + suffix, supersedes: f.supersedes.map((x) => x + suffix) });
  }
  return { ...bundledDataset, facts };
}

describe("fresh build on office-addin-mock", () => {
  it("takes the same 3 syncs with ten times the facts", async () => {
    const big = tenfold();
    const { context, added } = workbookMock();
    const sync = jest.spyOn(context, "sync");
    const host = createExcelHostWith({
      run: (batch) => batch(context as unknown as Excel.RequestContext),
      probe: () => () => true,
      source: () => templateSourceOf(big),
      today: () => "2026-11-25",
      wait: async () => undefined,
    });
    expect(await host.build({ entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" })).toMatchObject({ kind: "built", facts: big.facts.length, syncs: 3 });
    expect(sync).toHaveBeenCalledTimes(3);
    expect([...written(added.find((a) => a.label === "AIFIN Facts")!).values()][0]).toHaveLength(4 + big.facts.length);
  });

  it("adds the eight sheets, writes the formulas and the facts table, records ownership, in 3 syncs", async () => {
    const { context, added, parts } = workbookMock();
    const sync = jest.spyOn(context, "sync");
    const host = createExcelHostWith({
      run: (batch) => batch(context as unknown as Excel.RequestContext),
      probe: () => () => true,
      source: () => templateSourceOf(bundledDataset),
      today: () => "2026-11-25",
      wait: async () => undefined,
    });
    const outcome = await host.build({ entity: "MSFT", asOf: null, includeRumoured: false, onClash: "ask" });

    expect(outcome).toMatchObject({ kind: "built", syncs: 3 });
    expect(sync).toHaveBeenCalledTimes(3);
    expect(added.map((s) => s.label)).toEqual(["AIFIN Exposure", "AIFIN Stress", "AIFIN Cycles", "AIFIN History", "AIFIN Claims", "AIFIN Facts", "AIFIN Entities", "AIFIN Sources"]);

    const exposure = written(added[0]);
    const block = [...exposure.values()][0];
    expect(block[1][5]).toBe("=AIFIN.MODEL(AIFIN_Facts[#All],AIFIN_Entities[#All],$D$2)");
    expect(block[4][2]).toMatch(/^=AIFIN\.CIRCULAR_EXPOSURE\(\$A5,"self_funded",\$B\$2,\$F\$2\)$/);
    expect(added[0].freezePanes).toMatchObject({ frozen: 4 });

    const facts = [...written(added.find((a) => a.label === "AIFIN Facts")!).values()][0];
    expect(facts[3]).toEqual([...FACT_COLUMNS]);
    expect(facts).toHaveLength(4 + bundledDataset.facts.length);
    const lastColumn = columnLetters(FACT_COLUMNS.length);
    const table = (added.find((a) => a.label === "AIFIN Facts")!.tables as Mock)[`tA4${lastColumn}${4 + bundledDataset.facts.length}`] as Mock;
    expect(table).toMatchObject({ name: "AIFIN_Facts", hasHeaders: true, at: `A4:${lastColumn}${4 + bundledDataset.facts.length}` });

    expect(parts).toHaveLength(1);
    const record = ownershipRecordFromXml(parts[0])!;
    expect(parts[0]).toContain(`xmlns="${OWNERSHIP_NAMESPACE}"`);
    expect(Object.values(record.builds[0].sheets).sort()).toEqual(added.map((s) => String(s.key)).sort());
  });
});
