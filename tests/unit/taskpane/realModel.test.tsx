/**
 * The pane over the real bundled model, the real engine and the office layer's preview host: what an
 * analyst sees when opening AIFIN outside Excel. Expected figures are recomputed by hand from the
 * counterparty rows the pane itself shows (and from the article's S2/S9 figures for Amazon).
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createPreviewHost } from "../../../src/office";
import { App } from "../../../src/taskpane/App";
import { loadPaneData } from "../../../src/taskpane/data";
import { searchEntities } from "../../../src/taskpane/entitySearch";
import { renderPane } from "./render";
import { summaryCards } from "../../../src/taskpane/components/OverviewView";
import { zhTW } from "./wholeCatalogues";
import { zhCN } from "./wholeCatalogues";

const data = loadPaneData();

function cardValue(key: string): string {
  return within(screen.getByTestId(`card-${key}`)).getAllByText(/USD|%|—/)[0].textContent ?? "";
}

describe("the pane on the bundled model", () => {
  it("finds companies by the article's Chinese names", () => {
    const first = (q: string) => searchEntities(data.model.registry, q)[0]?.id;
    expect(first("微軟")).toBe("MSFT");
    expect(first("亞馬遜")).toBe("AMZN");
    expect(first("英偉達")).toBe("NVDA");
    expect(first("甲骨文")).toBe("ORCL");
    expect(first("軟銀")).toBe("SFTBY");
  });

  it("selects Microsoft by typing 微軟 in the picker", async () => {
    const user = userEvent.setup();
    renderPane(<App data={data} host={createPreviewHost()} initialEntity="NVDA" />);
    const combo = screen.getByRole("combobox", { name: "Company" });
    await user.clear(combo);
    await user.type(combo, "微軟");
    await user.click(screen.getAllByRole("option")[0]);
    await waitFor(() => expect((combo as HTMLInputElement).value).toContain("Microsoft (MSFT)"));
  });

  it("Microsoft's cards agree with its counterparty rows: self-funded = Σ min(funded, contracts in)", () => {
    renderPane(<App data={data} host={createPreviewHost()} initialEntity="MSFT" />);
    const table = screen.getByRole("table", { name: "Counterparties" });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell").map((c) => c.textContent ?? ""));
    // A funding cell reads "0.0 (5.0)" where firm and committed money differ: the first figure is the firm one the cards use.
    const num = (s: string) => Number(s.split(" (")[0].replace(/,/g, ""));
    const selfFunded = rows.reduce((a, r) => a + Math.min(num(r[1]), num(r[2])), 0);
    const backlog = rows.filter((r) => num(r[1]) > 0).reduce((a, r) => a + num(r[2]), 0);
    // The Azure commitment (S8: about 250 bn) is among Microsoft's contracts in.
    expect(rows.find((r) => r[0] === "OpenAI")?.[2]).toBe("250.0");
    expect(cardValue("selfFunded")).toBe(`USD ${selfFunded.toFixed(1)} bn`);
    expect(cardValue("fundedBacklog")).toBe(`USD ${backlog.toFixed(1)} bn`);
    // Firm 13 (C097b) beside the committed 18 (C034's "up to" 5 to Anthropic), on the card and in the row.
    expect(cardValue("selfFunded")).toBe("USD 13.0 bn");
    expect(screen.getByTestId("card-selfFunded").textContent).toContain("Committed: USD\u00a018.0\u00a0bn"); // kept on one line
    expect(rows.find((r) => r[0] === "Anthropic")?.[1]).toBe("0.0 (5.0)");
  });

  it("reproduces the article's Amazon figures as of 2026-02-05 with rumours counted", async () => {
    const user = userEvent.setup();
    renderPane(<App data={data} host={createPreviewHost()} initialEntity="AMZN" />);
    fireEvent.change(screen.getByLabelText("As of"), { target: { value: "2026-02-05" } });
    await user.click(screen.getByRole("switch", { name: "Incl. rumoured" }));
    // S2: Amazon "may invest" 20 bn; S9: it locks in a 38 bn cloud contract → committed min(20, 38) = 20.
    // The 20 is non-binding intent (C138 all conditional, review 2 finding 6): firm 0 on the card, committed 20 beside it.
    expect(cardValue("selfFunded")).toBe("USD 0.0 bn");
    expect(screen.getByTestId("card-selfFunded").textContent).toContain("Committed: USD\u00a020.0\u00a0bn");
    expect(cardValue("share")).toBe("0.0 %");
  });

  it("says on Nvidia's cards that its headline rests on our estimate E02 (32 → 2.0, 20.3 % → 3.8 %), in English and Chinese", () => {
    renderPane(<App data={data} host={createPreviewHost()} initialEntity="NVDA" />);
    expect(cardValue("selfFunded")).toBe("USD 32.0 bn");
    expect(screen.getByTestId("card-selfFunded").textContent).toContain("Includes our estimate E02: without it USD\u00a02.0\u00a0bn");
    expect(screen.getByTestId("card-share").textContent).toContain("Includes our estimate E02: without it 3.8\u00a0%");
  });

  it("words the estimate note in zh-TW and zh-CN from the engine's ids and figure", () => {
    const m = data.engine.entityMetrics(data.model.view(null), "NVDA", undefined, data.model.view(null, { includeRumoured: false, includeEstimates: false }));
    const zhTWNote = summaryCards(m, () => [], zhTW)[0].note ?? "";
    const zhCNNote = summaryCards(m, () => [], zhCN)[0].note ?? "";
    expect(zhTWNote).toContain("含本模型估計 E02：不計則為 USD\u00a02.0\u00a0bn");
    expect(zhCNNote).toContain("含本模型估计 E02：不计则为 USD\u00a02.0\u00a0bn");
  });

  it("does not flag Microsoft's cards: no estimate behind them", () => {
    renderPane(<App data={data} host={createPreviewHost()} initialEntity="MSFT" />);
    expect(screen.getByTestId("card-selfFunded").textContent).not.toContain("estimate");
  });

  it("shows Nvidia's money cycle through OpenAI and Oracle", () => {
    renderPane(<App data={data} host={createPreviewHost()} initialEntity="NVDA" initialTab="flows" />);
    const chips = within(screen.getByRole("list", { name: "Money cycles" })).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(chips.some((c) => c.startsWith("NVDA → OPENAI → ORCL → NVDA"))).toBe(true);
  });

  it("runs the default stress (OpenAI cuts 50 %) and compares it with the 1 trillion claim", () => {
    renderPane(<App data={data} host={createPreviewHost()} initialTab="stress" />);
    const status = screen.getByRole("status");
    expect(status.textContent).toMatch(/USD [\d.,]+ (bn|trn)/);
    expect(status.textContent).toMatch(/[\d.]+ % of the article’s USD 1 trillion claim \(S14\)/);
    expect(within(screen.getByRole("table", { name: "Stress results by company" })).getByText("Oracle")).toBeTruthy();
  });

  it("lists every fact of the view in Sources, paged", () => {
    renderPane(<App data={data} host={createPreviewHost()} initialTab="sources" />);
    const total = data.model.view(data.model.latestDate, { includeRumoured: false }).facts.length;
    expect(total).toBeGreaterThan(100);
    expect(screen.getByText(`${total} of ${total} facts`)).toBeTruthy();
    expect(screen.getAllByTestId(/^fact-/)).toHaveLength(20);
  });

  it("explains outside Excel that a workbook needs Excel, with every action disabled", () => {
    renderPane(<App data={data} host={createPreviewHost()} initialTab="workbook" />);
    expect(screen.getByText("Preview outside Excel")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Build workbook" })).toHaveProperty("disabled", true);
  });
});
