import { screen } from "@testing-library/react";
import { App, TABS } from "../../../src/taskpane/App";
import { fakeHost, fixtureData } from "./fixtures";
import { renderPane } from "./render";

const ROLES = ["button", "combobox", "textbox", "searchbox", "spinbutton", "slider", "switch", "tab", "link", "checkbox", "radio", "table", "list"] as const;

describe("accessibility", () => {
  it.each(TABS)("labels every control on the %s tab", (tab) => {
    renderPane(<App data={fixtureData()} host={fakeHost()} initialEntity="NVDA" initialTab={tab} />);
    const unnamed = ROLES.flatMap((role) => screen.queryAllByRole(role, { name: "" }).map((el) => `${role}: ${el.outerHTML.slice(0, 80)}`));
    expect(unnamed).toEqual([]);
    // Something to act on beyond the shared controls, so the check is not vacuous.
    expect(screen.getAllByRole("button").length + screen.queryAllByRole("link").length).toBeGreaterThan(0);
  });

  it("names the main region after the selected tab", () => {
    renderPane(<App data={fixtureData()} host={fakeHost()} initialTab="stress" />);
    expect(screen.getByRole("main", { name: "Stress" })).toBeTruthy();
  });
});
