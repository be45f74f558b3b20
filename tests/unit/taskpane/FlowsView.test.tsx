import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { FlowsView } from "../../../src/taskpane/components/FlowsView";
import { flowsAround } from "../../../src/engine";
import { fakeHost, fixtureData, fixtureModel, fixtureRegistry } from "./fixtures";
import { renderPane } from "./render";

describe("flowsAround", () => {
  it("reads funding and contracts the same way: from pays to", () => {
    const view = fixtureModel().view(null, { includeRumoured: true });
    const flows = flowsAround(view, "OPENAI");
    const summary = flows.map((f) => `${f.direction} ${f.counterparty} ${f.kind} ${f.amount}`);
    expect(summary).toEqual([
      "out ORCL contract 300",
      "out MSFT contract 250",
      "out AMZN contract 38",
      "in NVDA equity 30",
      "in AMZN equity 20",
      "in MSFT equity 13",
    ]);
  });

  it("leaves out rumoured facts on the confirmed basis and single-entity facts always", () => {
    const view = fixtureModel().view(null, { includeRumoured: false });
    expect(flowsAround(view, "AMZN").map((f) => f.direction + f.counterparty)).toEqual(["inOPENAI"]);
    expect(flowsAround(view, "MSFT").some((f) => f.counterparty === "MSFT")).toBe(false);
  });
});

describe("FlowsView", () => {
  it("draws OpenAI's flows with labels on both sides and lists them with amounts", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="OPENAI" initialTab="flows" />);
    const svg = screen.getByRole("img", { name: /money flowing into and out of OpenAI/ });
    const labels = [...svg.querySelectorAll("text")].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(["Money in", "Money out", "OpenAI", "Nvidia", "Oracle", "300.0 bn"]));
    const outList = screen.getByRole("list", { name: "It funds / buys from" });
    expect(within(outList).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Oracle · ContractUSD 300.0 bn",
      "Microsoft · ContractUSD 250.0 bn",
      "Amazon · ContractUSD 38.0 bn",
    ]);
    await user.click(screen.getByRole("switch", { name: "Incl. rumoured" }));
    expect(within(screen.getByRole("list", { name: "Funded by / buys from it" })).getByText(/Amazon · Equity/)).toBeTruthy();
  });

  it("shows Nvidia's money cycle as a path chip with its bottleneck", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="NVDA" initialTab="flows" />);
    // NVDA funds OPENAI 30, OPENAI buys 300 from ORCL, ORCL buys 40 from NVDA: bottleneck 30.
    const cycles = screen.getByRole("list", { name: "Money cycles" });
    expect(within(cycles).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["NVDA → OPENAI → ORCL → NVDAbottleneck USD 30.0 bn"]);
  });

  it("says when there are no flows and no cycles", () => {
    renderPane(<FlowsView entityId="XAI" entityName="xAI" flows={[]} cycles={[]} registry={fixtureRegistry()} />);
    expect(screen.getByText("No money flows recorded for this company at this date.")).toBeTruthy();
    expect(screen.getByText("No closed money loop through this company at this date.")).toBeTruthy();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("folds the long tail into one 'others' row so the picture stays legible", () => {
    const flows = Array.from({ length: 10 }, (_, i) => ({
      counterparty: `C${i}`,
      kind: "equity" as const,
      direction: "in" as const,
      amount: 10 - i,
      factIds: [],
    }));
    renderPane(<FlowsView entityId="X" entityName="X" flows={flows} cycles={[]} registry={fixtureRegistry()} />);
    const labels = [...screen.getByRole("img").querySelectorAll("text")].map((t) => t.textContent);
    // Seven largest drawn, the last three (3 + 2 + 1 = 6) folded.
    expect(labels).toContain("3 others");
    expect(labels).toContain("6.0 bn");
    expect(labels).not.toContain("C7");
  });
});
