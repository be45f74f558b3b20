import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { fakeHost, fixtureData } from "./fixtures";
import { renderPane } from "./render";

function card(key: string) {
  return screen.getByTestId(`card-${key}`);
}

describe("App", () => {
  it("shows the product name, the shared controls and six tabs", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    expect(screen.getByRole("heading", { level: 1, name: "AIFIN" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Company" })).toBeTruthy();
    const date = screen.getByLabelText("As of") as HTMLInputElement;
    expect(date.value).toBe("2026-02-27");
    expect(date.min).toBe("2023-01-23");
    expect(date.max).toBe("2026-02-27");
    expect(screen.getByRole("switch", { name: "Incl. rumoured" })).toHaveProperty("checked", false);
    const tablist = within(screen.getByRole("tablist", { name: "Views" }));
    expect(tablist.getAllByRole("tab")).toHaveLength(6);
    for (const name of ["Overview", "Flows", "Timeline", "Stress", "Sources", "Workbook"]) expect(tablist.getByRole("tab", { name })).toBeTruthy();
  });

  it("links to the help pages shipped beside the pane, opened outside it", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    const help = screen.getByRole("link", { name: "Help" });
    expect(help.getAttribute("href")).toBe("help/functions.html");
    expect(help.getAttribute("target")).toBe("_blank");
    expect(help.getAttribute("rel")).toContain("noopener");
  });

  it("shows Microsoft's summary cards computed by hand from the fixture", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    // Self-funded: min(F(MSFT→OPENAI) = 13, C(OPENAI→MSFT) = 250) = 13; backlog 250; share 13/250 = 5.2 %.
    expect(within(card("selfFunded")).getByText("USD 13.0 bn")).toBeTruthy();
    expect(within(card("fundedBacklog")).getByText("USD 250.0 bn")).toBeTruthy();
    expect(within(card("share")).getByText("5.2 %")).toBeTruthy();
    // Capex offset: equity 13 into OpenAI, a customer; the ratio pairs T009's year (to 2025-07-30) with the
    // money dated in it (methodology §3): T001 closed in Jan 2023, so 0 / 88 = 0.0 %.
    expect(within(card("capexOffset")).getByText("USD 13.0 bn")).toBeTruthy();
    expect(within(card("capexOffset")).getByText("0.0 % of that year’s capex (money dated in the year)")).toBeTruthy();
    expect(within(card("marketValue")).getByText("USD 3.5 trn")).toBeTruthy();
  });

  it("moves every figure when the as-of date moves before the Azure contract", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    fireEvent.change(screen.getByLabelText("As of"), { target: { value: "2025-01-01" } });
    // Only the 2023 investment is in force: no contract, so nothing comes back and there is no share.
    expect(within(card("selfFunded")).getByText("USD 0.0 bn")).toBeTruthy();
    expect(within(card("share")).getByText("—")).toBeTruthy();
    expect(within(card("share")).getByText(/No modelled customer contracts/)).toBeTruthy();
    expect(within(card("marketValue")).getByText("—")).toBeTruthy();
  });

  it("counts Amazon's rumoured investment only on the rumoured basis", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="AMZN" />);
    expect(within(card("selfFunded")).getByText("USD 0.0 bn")).toBeTruthy();
    await user.click(screen.getByRole("switch", { name: "Incl. rumoured" }));
    // min(F(AMZN→OPENAI) = 20, C(OPENAI→AMZN) = 38) = 20; share 20/38 = 52.6 %.
    expect(within(card("selfFunded")).getByText("USD 20.0 bn")).toBeTruthy();
    expect(within(card("share")).getByText("52.6 %")).toBeTruthy();
  });

  it("finds Microsoft by its Chinese name and switches every view to it", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="NVDA" />);
    const combo = screen.getByRole("combobox", { name: "Company" });
    await user.clear(combo);
    await user.type(combo, "微軟");
    const options = screen.getAllByRole("option");
    expect(options[0].textContent).toContain("Microsoft (MSFT)");
    await user.click(options[0]);
    await waitFor(() => expect((combo as HTMLInputElement).value).toBe("Microsoft (MSFT) 微軟"));
    expect(within(card("fundedBacklog")).getByText("USD 250.0 bn")).toBeTruthy();
  });

  it("says so when no company matches the search", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    const combo = screen.getByRole("combobox", { name: "Company" });
    await user.clear(combo);
    await user.type(combo, "zzz");
    expect(screen.getByText(/No company matches “zzz”/)).toBeTruthy();
  });

  it("shows the empty state for a company without facts and offers ways out", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="XAI" />);
    expect(screen.getByText("No facts about xAI on or before 2026-02-27")).toBeTruthy();
    expect(screen.queryByTestId("card-selfFunded")).toBeNull();
    expect(screen.queryByRole("button", { name: "Go to the latest date" })).toBeNull(); // already latest
    await user.click(screen.getByRole("button", { name: "Include rumoured facts" }));
    expect(screen.getByRole("switch", { name: "Incl. rumoured" })).toHaveProperty("checked", true);
  });

  it("offers the latest date when an early date leaves a company empty", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="NVDA" />);
    fireEvent.change(screen.getByLabelText("As of"), { target: { value: "2024-01-01" } });
    await user.click(screen.getByRole("button", { name: "Go to the latest date" }));
    expect((screen.getByLabelText("As of") as HTMLInputElement).value).toBe("2026-02-27");
    expect(screen.getByTestId("card-selfFunded")).toBeTruthy();
  });

  it("opens on a given as-of date, clamped to the data", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} initialAsOf="2025-01-01" />);
    expect((screen.getByLabelText("As of") as HTMLInputElement).value).toBe("2025-01-01");
  });

  it("clamps dates outside the data to its range", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    fireEvent.change(screen.getByLabelText("As of"), { target: { value: "2030-01-01" } });
    expect((screen.getByLabelText("As of") as HTMLInputElement).value).toBe("2026-02-27");
  });

  it("switches tabs by keyboard and shows each view", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} />);
    await user.click(screen.getByRole("tab", { name: "Flows" }));
    expect(screen.getByRole("heading", { name: "Money around Microsoft" })).toBeTruthy();
    screen.getByRole("tab", { name: "Stress" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "Stress" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByText("Total market value at risk")).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "Sources" }));
    expect(screen.getByText("10 of 10 facts")).toBeTruthy(); // the rumoured T003 is outside the confirmed view
    await user.click(screen.getByRole("tab", { name: "Workbook" }));
    expect(screen.getByRole("button", { name: "Build workbook" })).toBeTruthy();
  });

  it("keeps the pane alive when a view throws, with a message and a retry", () => {
    const data = fixtureData();
    data.engine = { ...data.engine, entityMetrics: () => { throw new Error("index broken"); } };
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    renderPane(<App data={data} host={fakeHost()} />);
    spy.mockRestore();
    expect(screen.getByRole("alert").textContent).toContain("index broken");
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Company" })).toBeTruthy();
  });
});
