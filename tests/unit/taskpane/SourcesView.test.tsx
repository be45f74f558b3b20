import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StringsProvider } from "../../../src/taskpane/i18n";
import { zhCN } from "./wholeCatalogues";
import userEvent from "@testing-library/user-event";
import { SourcesView, SOURCES_PAGE_SIZE } from "../../../src/taskpane/components/SourcesView";
import type { Fact } from "../../../src/model/types";
import { FACTS } from "./fixtures";
import { renderPane } from "./render";
import { factsAbout } from "../../../src/engine";

function shownIds(): string[] {
  return screen.queryAllByTestId(/^fact-/).map((el) => el.getAttribute("data-testid")!.slice(5));
}

/** 45 facts: the fixture's 11 plus 34 generated ones, some rumoured. */
const MANY: Fact[] = [
  ...FACTS,
  ...Array.from({ length: 34 }, (_, i) => ({
    ...FACTS[0],
    id: `G${String(i).padStart(3, "0")}`,
    description: `Generated fact ${i}`,
    status: (i % 2 === 0 ? "rumoured" : "signed") as Fact["status"],
  })),
];

describe("SourcesView", () => {
  it("lists every fact with its citation, 20 to a page", async () => {
    const user = userEvent.setup();
    renderPane(<SourcesView facts={MANY} entity="MSFT" entityName="Microsoft" factsAbout={factsAbout} />);
    expect(screen.getByText("45 of 45 facts")).toBeTruthy();
    expect(shownIds()).toHaveLength(SOURCES_PAGE_SIZE);
    expect(screen.getByText("Page 1 of 3")).toBeTruthy();
    const t1 = within(screen.getByTestId("fact-T001"));
    expect(t1.getByRole("link").getAttribute("href")).toBe("https://example.com/1");
    expect(screen.getByRole("button", { name: "Previous page" })).toHaveProperty("disabled", true);
    await user.click(screen.getByRole("button", { name: "Next page" }));
    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(screen.getByText("Page 3 of 3")).toBeTruthy();
    expect(shownIds()).toHaveLength(5);
  });

  it("filters by text in description, publisher or id, case- and width-insensitively", async () => {
    const user = userEvent.setup();
    renderPane(<SourcesView facts={FACTS} entity="MSFT" entityName="Microsoft" factsAbout={factsAbout} />);
    await user.type(screen.getByRole("searchbox", { name: "Search facts" }), "ＭＡＲＫＥＴ");
    expect(shownIds()).toEqual(["T008"]);
    expect(screen.getByText("1 of 11 facts")).toBeTruthy();
    await user.clear(screen.getByRole("searchbox", { name: "Search facts" }));
    await user.type(screen.getByRole("searchbox", { name: "Search facts" }), "nothing like this");
    expect(screen.getByText(/No fact matches these filters/)).toBeTruthy();
  });

  it("filters by kind and status", async () => {
    const user = userEvent.setup();
    renderPane(<SourcesView facts={FACTS} entity="MSFT" entityName="Microsoft" factsAbout={factsAbout} />);
    await user.click(screen.getByRole("combobox", { name: "Kind" }));
    await user.click(screen.getByRole("option", { name: "contract" }));
    expect(shownIds()).toEqual(["T002", "T004", "T006", "T007"]);
    await user.click(screen.getByRole("combobox", { name: "Status" }));
    await user.click(screen.getByRole("option", { name: "signed" }));
    expect(shownIds()).toEqual(["T004", "T006"]);
  });

  it("narrows to the selected company on request", async () => {
    const user = userEvent.setup();
    renderPane(<SourcesView facts={FACTS} entity="ORCL" entityName="Oracle" factsAbout={factsAbout} />);
    await user.click(screen.getByRole("switch", { name: "Only this company (Oracle)" }));
    expect(shownIds()).toEqual(["T006", "T007", "T010"]);
  });

  it("widens to the whole dataset on request", async () => {
    const user = userEvent.setup();
    const inView = FACTS.filter((f) => f.status !== "rumoured");
    renderPane(<SourcesView facts={inView} allFacts={FACTS} entity="MSFT" entityName="Microsoft" factsAbout={factsAbout} />);
    expect(screen.getByText("10 of 10 facts")).toBeTruthy();
    await user.click(screen.getByRole("switch", { name: /Whole dataset/ }));
    expect(screen.getByText("11 of 11 facts")).toBeTruthy();
    expect(screen.getByTestId("fact-T003").textContent).toContain("rumoured");
  });

  it("goes back to page 1 when a filter changes", async () => {
    const user = userEvent.setup();
    renderPane(<SourcesView facts={MANY} entity="MSFT" entityName="Microsoft" factsAbout={factsAbout} />);
    await user.click(screen.getByRole("button", { name: "Next page" }));
    await user.click(screen.getByRole("combobox", { name: "Status" }));
    await user.click(screen.getByRole("option", { name: "rumoured" }));
    // 17 generated rumoured facts plus T003.
    expect(screen.getByText("18 of 45 facts")).toBeTruthy();
    expect(screen.queryByText(/Page \d of/)).toBeNull();
    expect(shownIds()).toHaveLength(18);
  });

  it("lists kinds and statuses in the pane's language and finds a fact by its kind's name", async () => {
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <StringsProvider value={zhCN}>
          <SourcesView facts={FACTS} entity="MSFT" entityName="Microsoft" factsAbout={factsAbout} />
        </StringsProvider>
      </FluentProvider>,
    );
    await user.click(screen.getByRole("combobox", { name: zhCN.sourcesKind }));
    expect(screen.getByRole("option", { name: "合约" })).toBeTruthy();
    expect(screen.queryByRole("option", { name: "contract" })).toBeNull();
    await user.click(screen.getByRole("option", { name: "合约" }));
    expect(shownIds()).toEqual(["T002", "T004", "T006", "T007"]);
    await user.click(screen.getByRole("combobox", { name: zhCN.sourcesKind }));
    await user.click(screen.getByRole("option", { name: zhCN.sourcesAll }));
    await user.type(screen.getByRole("searchbox", { name: zhCN.sourcesSearch }), "已签约");
    expect(shownIds()).toEqual(["T004", "T006"]);
  });
});
