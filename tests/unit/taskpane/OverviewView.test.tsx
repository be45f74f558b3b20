import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { OverviewView, summaryCards } from "../../../src/taskpane/components/OverviewView";
import { en } from "../../../src/taskpane/strings";
import { FACTS, fakeHost, fixtureData, fixtureModel, fixtureRegistry } from "./fixtures";
import { entityMetrics, exposureTable } from "../../../src/engine";
import type { Fact } from "../../../src/model/types";
import { renderPane } from "./render";

// Fluent positions popovers after layout, which jsdom never performs: the surface stays styled as hidden,
// so it is looked up by role without the visibility filter, then by its label.
async function findPopover(label: string): Promise<HTMLElement> {
  const dialogs = await screen.findAllByRole("dialog", { hidden: true });
  const match = dialogs.find((d) => d.getAttribute("aria-label") === label);
  if (!match) throw new Error(`no popover labelled ${label}`);
  return match;
}

describe("OverviewView", () => {
  it("opens a card's definition and the facts behind it, with links opening in a new tab", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    await user.click(screen.getByRole("button", { name: "About Self-funded exposure" }));
    const dialog = await findPopover("About Self-funded exposure");
    expect(within(dialog).getByText(/own money that comes back as its revenue/)).toBeTruthy();
    // The two facts behind min(13, 250): the investment T001 and the Azure contract T002.
    expect(within(dialog).getByTestId("fact-T001")).toBeTruthy();
    expect(within(dialog).getByTestId("fact-T002")).toBeTruthy();
    const link = within(within(dialog).getByTestId("fact-T002")).getByRole("link", { hidden: true });
    expect(link.getAttribute("href")).toBe("https://example.com/2");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toContain("noopener");
    expect(within(dialog).getByTestId("fact-T002").textContent).toContain("announced");
  });

  it("cites the market-cap fact and says when it has no URL", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    await user.click(screen.getByRole("button", { name: "About Market value" }));
    const dialog = await findPopover("About Market value");
    expect(within(dialog).getByTestId("fact-T008").textContent).toContain("no URL on record");
  });

  it("flags estimates, unverified and rumoured facts in citations", () => {
    const figures = { selfFunded: 1, fundedBacklog: 2, share: null, capexOffset: 0, capexOffsetRatio: null };
    const sameOnEveryBasis = { firm: figures, funded: figures, committed: figures };
    const estimate = FACTS.find((f) => f.id === "T007")!;
    const rumoured = FACTS.find((f) => f.id === "T003")!;
    const cards = summaryCards(
      { id: "X", money: "firm", byBasis: sameOnEveryBasis, selfFunded: 1, fundedBacklog: 2, share: null, capexOffset: 0, capexOffsetRatio: null, marketValue: null, factIds: {} },
      (key) => (key === "selfFunded" ? [estimate, rumoured] : []),
      en,
    );
    expect(cards.map((c) => c.value)).toEqual(["USD 1.0 bn", "USD 2.0 bn", "—", "USD 0.0 bn", "—"]);
    expect(cards[2].note).toBe(en.cardShareNone);
    expect(cards[4].note).toBe(en.cardMarketNone);
    renderPane(<OverviewView cards={cards} exposure={[]} registry={fixtureRegistry()} />);
    return userEvent
      .setup()
      .click(screen.getByRole("button", { name: "About Self-funded exposure" }))
      .then(async () => {
        const dialog = await findPopover("About Self-funded exposure");
        const t7 = within(dialog).getByTestId("fact-T007").textContent ?? "";
        expect(t7).toContain("estimate");
        expect(t7).toContain("unverified");
        expect(within(dialog).getByTestId("fact-T003").textContent).toContain("rumoured");
      });
  });

  it("lists counterparties with funding, contracts and the round-trip ratio", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    const table = screen.getByRole("table", { name: "Counterparties" });
    const row = within(table).getByRole("row", { name: /OpenAI/ });
    // F = 13, C = 250, ratio 250 / 13 = 19.2×.
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["OpenAI", "13.0", "250.0", "19.2×"]);
  });

  describe("firm and committed money side by side (issue 9)", () => {
    // Beside T001 (13, firm), Microsoft promises OpenAI a further 10 "up to" (all conditional) and Nvidia
    // guarantees 105 of OpenAI's leases (contingent). Firm: F(MSFT→OPENAI) = 13; committed: 13 + 10 = 23.
    const extra = (id: string, partial: Partial<Fact>): Fact => ({ ...FACTS[0], id, supersedes: [], ...partial }) as Fact;
    const facts = [
      ...FACTS,
      extra("T012", { kind: "investment", from: "MSFT", to: "OPENAI", amountUsdBn: 10, conditionalUsdBn: 10, date: "2025-11-01", status: "announced", unit: "USD bn (up to)" }),
      extra("T013", { kind: "guarantee", from: "NVDA", to: "OPENAI", amountUsdBn: 105, date: "2025-11-02", status: "signed", unit: "USD bn cap" }),
    ];
    const data = () => ({ ...fixtureData(), model: fixtureModel(facts) });

    it("shows the firm figure and the committed one where they differ, on the cards and in the table", () => {
      renderPane(<App data={data()} host={fakeHost()} />);
      // Self-funded: min(13, 250) = 13 firm; min(23, 250) = 23 committed. Share over the 250 listed: 5.2 % and 9.2 %.
      expect(screen.getByTestId("card-selfFunded").textContent).toContain("USD 13.0 bn");
      expect(screen.getByTestId("card-selfFunded").textContent?.replace(/\u00a0/g, " ")).toContain("Committed: USD 23.0 bn");
      expect(screen.getByTestId("card-share").textContent).toContain("5.2 %");
      expect(screen.getByTestId("card-share").textContent?.replace(/\u00a0/g, " ")).toContain("Committed: 9.2 %");
      // Funded backlog is 250 on both bases: no second figure.
      expect(screen.getByTestId("card-fundedBacklog").textContent).not.toContain("Committed");
      const row = within(screen.getByRole("table", { name: "Counterparties" })).getByRole("row", { name: /OpenAI/ });
      // Round trip on firm money: 250 / 13 = 19.2×.
      expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["OpenAI", "13.0 (23.0)", "250.0", "19.2×"]);
      expect(screen.getByTestId("money-note").textContent).toBe(en.moneyNote);
    });

    it("reports a guarantee on its own line and never as money put in", () => {
      const metrics = entityMetrics(fixtureModel(facts).view(), "NVDA");
      expect(metrics.selfFunded).toBe(metrics.byBasis.committed.selfFunded);
      const rows = exposureTable(fixtureModel(facts).view(), "NVDA");
      const openai = rows.find((r) => r.counterparty === "OPENAI")!;
      expect([openai.fundingOut, openai.fundingOutCommitted, openai.contingentOut]).toEqual([30, 30, 105]);
      renderPane(<OverviewView cards={[]} exposure={rows} registry={fixtureRegistry()} />);
      expect(screen.getByTestId("contingent-note").textContent).toBe(en.contingentNote("OpenAI 105.0"));
      expect(screen.queryByTestId("money-note")).toBeNull();
    });
  });
});
