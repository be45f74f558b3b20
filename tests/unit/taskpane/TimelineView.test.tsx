import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { TimelineView, niceScale } from "../../../src/taskpane/components/TimelineView";
import { FACTS, fakeHost, fixtureData } from "./fixtures";
import { renderPane } from "./render";

describe("Timeline view", () => {
  it("draws Microsoft's figures as steps with one marker per date a fact moved them", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="MSFT" initialTab="timeline" />);
    // The chart starts the day before the first fact (T001, 2023-01-23) and ends on the as-of date (T003, 2026-02-27).
    const chart = screen.getByRole("group", { name: /Microsoft’s funding out, contracts in and self-funded exposure from 2023-01-22 to 2026-02-27/ });
    const markers = within(chart).getAllByRole("button");
    // T001 MSFT→OPENAI 13 moves funding out 0 → 13; T002 OPENAI→MSFT 250 moves contracts in 0 → 250 and
    // self-funded min(13, 250) = 13. Nothing else names Microsoft with money.
    expect(markers.map((m) => m.getAttribute("aria-label"))).toEqual([
      "2023-01-23: Funding out USD 0.0 bn → USD 13.0 bn",
      "2025-10-28: Contracts in USD 0.0 bn → USD 250.0 bn; Self-funded USD 0.0 bn → USD 13.0 bn",
    ]);
    // The latest date is selected and its fact shown with its source.
    expect(markers[1].getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("fact-T002")).toBeTruthy();
    expect(screen.getByText("Self-funded: USD 0.0 bn on 2023-01-22, USD 13.0 bn on 2026-02-27, after 1 step.")).toBeTruthy();
  });

  it("is one tab stop; arrow keys move between dates and show that date's facts", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="MSFT" initialTab="timeline" />);
    const markers = within(screen.getByRole("group", { name: /Step chart/ })).getAllByRole("button");
    expect(markers.map((m) => m.getAttribute("tabindex"))).toEqual(["-1", "0"]);
    act(() => markers[1].focus());
    await user.keyboard("{ArrowLeft}");
    expect(document.activeElement).toBe(markers[0]);
    expect(markers[0].getAttribute("aria-pressed")).toBe("true");
    const fact = screen.getByTestId("fact-T001");
    expect(within(fact).getByRole("link", { name: /Report 1/ }).getAttribute("href")).toBe("https://example.com/1");
    expect(screen.queryByTestId("fact-T002")).toBeNull();
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(markers[1]);
    await user.click(markers[0]);
    expect(screen.getByTestId("fact-T001")).toBeTruthy();
  });

  it("follows the basis: the rumoured T003 (AMZN→OPENAI 20) adds Amazon's self-funded step", async () => {
    const user = userEvent.setup();
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="AMZN" initialTab="timeline" />);
    const labels = () => within(screen.getByRole("group", { name: /Step chart/ })).getAllByRole("button").map((m) => m.getAttribute("aria-label"));
    expect(labels()).toEqual(["2025-11-03: Contracts in USD 0.0 bn → USD 38.0 bn"]);
    await user.click(screen.getByRole("switch", { name: "Incl. rumoured" }));
    // min(T003 20, T004 38) = 20 on 2026-02-05.
    expect(labels()).toEqual([
      "2025-11-03: Contracts in USD 0.0 bn → USD 38.0 bn",
      "2026-02-05: Funding out USD 0.0 bn → USD 20.0 bn; Self-funded USD 0.0 bn → USD 20.0 bn",
    ]);
  });

  it("shows the facts a date's step replaced, each with its source", async () => {
    // A hand-made series: T001 (13) is replaced on 2026-01-01 by a closing fact T005 (30): funding out 13 → 30.
    const point = (date: string, value: number, entered: string[] = [], superseded: string[] = []) => ({ date, value, entered, superseded });
    const series = (points: ReturnType<typeof point>[]) => ({ entity: "MSFT", measure: "funding_out" as const, step: "facts" as const, from: "2022-12-31", to: "2026-02-27", points });
    const out = series([point("2022-12-31", 0), point("2023-01-23", 13, ["T001"]), point("2026-01-01", 30, ["T005"], ["T001"])]);
    const flat = series([point("2022-12-31", 0)]);
    const byId = (id: string) => FACTS.find((f) => f.id === id);
    renderPane(<TimelineView entityName="Microsoft" from="2022-12-31" to="2026-02-27" series={{ funding_out: out, contracts_in: flat, self_funded: flat }} fact={byId} />);
    expect(screen.getByRole("list", { name: "What changed on 2026-01-01" }).textContent).toBe("Funding out USD 13.0 bn → USD 30.0 bn");
    expect(screen.getByText("Replaced on this date")).toBeTruthy();
    expect(within(screen.getByTestId("fact-T001")).getByRole("link").getAttribute("href")).toBe("https://example.com/1");
    expect(screen.getByTestId("fact-T005")).toBeTruthy();
  });

  it("says so when nothing moves, and shows an engine error as text", () => {
    const flat = { entity: "X", measure: "self_funded" as const, step: "facts" as const, from: "2025-01-01", to: "2026-01-01", points: [{ date: "2025-01-01", value: 0, entered: [], superseded: [] }] };
    const { unmount } = renderPane(
      <TimelineView entityName="X" from="2025-01-01" to="2026-01-01" series={{ funding_out: flat, contracts_in: flat, self_funded: flat }} fact={() => undefined} />,
    );
    expect(screen.getByText(/No funding or contracts recorded/)).toBeTruthy();
    unmount();
    const error = { kind: "engine-error" as const, code: "INVALID_INPUT" as const, message: "too many points" };
    renderPane(<TimelineView entityName="X" from="2025-01-01" to="2026-01-01" series={{ funding_out: error, contracts_in: flat, self_funded: flat }} fact={() => undefined} />);
    expect(screen.getByText("The timeline could not be computed: too many points")).toBeTruthy();
  });

  it("niceScale rounds the axis to 1, 2, 2.5 or 5 × 10^k with at most five steps", () => {
    expect(niceScale(238)).toEqual({ top: 250, step: 50 });
    expect(niceScale(13)).toEqual({ top: 15, step: 5 });
    expect(niceScale(0)).toEqual({ top: 1, step: 0.25 });
  });
});
