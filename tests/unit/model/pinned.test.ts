/** The relation table of docs/data.md ("The pictures the tests pin"), cell by cell. */
import { getBundledModel, type FactKind } from "../../../src/model";
import { ids, total } from "./helpers";

const model = getBundledModel();
const VIEWS = {
  articleRumours: model.view("2026-02-05", { includeRumoured: true }),
  articleConfirmed: model.view("2026-02-05", { includeRumoured: false }),
  announced: model.view("2026-02-27"),
  latest: model.view(),
};
type ViewName = keyof typeof VIEWS;
const rows: [FactKind, string, string, Record<ViewName, [number, string[]]>][] = [
  ["investment", "MSFT", "OPENAI", { articleRumours: [23, ["C097b", "C137"]], articleConfirmed: [13, ["C097b"]], announced: [13, ["C097b"]], latest: [13, ["C097b", "D004"]] }],
  ["contract", "OPENAI", "MSFT", { articleRumours: [250, ["C029"]], articleConfirmed: [250, ["C029"]], announced: [250, ["C029"]], latest: [250, ["C029", "D018"]] }],
  ["investment", "AMZN", "OPENAI", { articleRumours: [20, ["C138"]], articleConfirmed: [0, []], announced: [50, ["C002"]], latest: [50, ["N012"]] }],
  ["contract", "OPENAI", "AMZN", { articleRumours: [38, ["C032"]], articleConfirmed: [38, ["C032"]], announced: [138, ["C032", "C092"]], latest: [138, ["C032", "C092"]] }],
  ["investment", "NVDA", "OPENAI", { articleRumours: [30, ["A02"]], articleConfirmed: [100, ["C018"]], announced: [30, ["C003"]], latest: [30, ["D003b"]] }],
  ["contract", "OPENAI", "NVDA", { articleRumours: [105, ["E02a"]], articleConfirmed: [350, ["E01"]], announced: [105, ["E02"]], latest: [105, ["E02"]] }],
  ["contract", "ORCL", "NVDA", { articleRumours: [40, ["M01"]], articleConfirmed: [40, ["M01"]], announced: [40, ["M01"]], latest: [40, ["M01"]] }],
  ["contract", "OPENAI", "ORCL", { articleRumours: [300, ["C013"]], articleConfirmed: [300, ["C013"]], announced: [300, ["C013"]], latest: [300, ["C013"]] }],
  ["investment", "SFTBY", "OPENAI", {
    articleRumours: [62.2, ["C011", "C123", "A03"]],
    articleConfirmed: [32.2, ["C011", "C123"]],
    announced: [64.6, ["C004", "C104b"]],
    latest: [64.6, ["C104b", "D003c"]],
  }],
];

describe.each(rows)("%s %s -> %s", (kind, from, to, expected) => {
  it.each(Object.keys(expected) as ViewName[])("in the %s view", (name) => {
    const [amount, factIds] = expected[name];
    expect(total(VIEWS[name], kind, from, to)).toBe(amount);
    expect(ids(VIEWS[name], kind, from, to)).toEqual(factIds);
  });
});
