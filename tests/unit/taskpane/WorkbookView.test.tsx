import { render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import userEvent from "@testing-library/user-event";
import { WorkbookView } from "../../../src/taskpane/components/WorkbookView";
import { fakeHost } from "./fixtures";
import { renderPane } from "./render";
import { StringsProvider } from "../../../src/taskpane/i18n";
import { zhCN } from "./wholeCatalogues";
import { zhTW } from "./wholeCatalogues";

const selection = { entity: "MSFT", asOf: "2026-02-27", includeRumoured: false };

// Fluent animates dialogs in; jsdom never finishes the motion, so the surface counts as hidden.
function findDialog() {
  return screen.findByRole("alertdialog", { hidden: true });
}

function renderView(host = fakeHost()) {
  renderPane(<WorkbookView host={host} selection={selection} selectionText="For Microsoft" />);
  return host;
}

describe("WorkbookView", () => {
  it("builds with the pane's selection and reports the sheets written", async () => {
    const user = userEvent.setup();
    const host = renderView();
    await user.click(screen.getByRole("button", { name: "Build workbook" }));
    expect(host.build).toHaveBeenCalledWith({ ...selection, onClash: "ask", language: "en" });
    expect((await screen.findByRole("status")).textContent).toBe("Built 2 sheets (AIFIN Facts, AIFIN Exposure) with 11 facts.");
  });

  it("asks on a name clash and updates AIFIN's sheets only when chosen", async () => {
    const user = userEvent.setup();
    const host = fakeHost({
      build: async (o) =>
        o.onClash === "ask"
          ? { kind: "clash", clashes: ["AIFIN Facts", "AIFIN Stress"], foreign: ["AIFIN Stress"] }
          : { kind: "built", sheets: ["AIFIN Facts"], facts: 11, syncs: 5 },
    });
    renderView(host);
    await user.click(screen.getByRole("button", { name: "Build workbook" }));
    const dialog = await findDialog();
    expect(dialog.textContent).toContain("This workbook already has: AIFIN Facts, AIFIN Stress");
    expect(dialog.textContent).toContain("Not created by AIFIN, so never written to: AIFIN Stress.");
    expect(host.build).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Update AIFIN’s sheets", hidden: true }));
    expect(host.build).toHaveBeenLastCalledWith({ ...selection, onClash: "update", language: "en" });
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect((await screen.findByRole("status")).textContent).toContain("Built 1 sheets");
  });

  it("creates alongside when chosen, and cancelling writes nothing", async () => {
    const user = userEvent.setup();
    const host = fakeHost({
      build: async (o) => (o.onClash === "ask" ? { kind: "clash", clashes: ["AIFIN Facts"] } : { kind: "built", sheets: ["AIFIN Facts (2)"], facts: 11, syncs: 5 }),
    });
    renderView(host);
    await user.click(screen.getByRole("button", { name: "Build workbook" }));
    await user.click(await screen.findByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(host.build).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Build workbook" }));
    await user.click(await screen.findByRole("button", { name: "Create alongside", hidden: true }));
    expect(host.build).toHaveBeenLastCalledWith({ ...selection, onClash: "alongside", language: "en" });
    expect((await screen.findByRole("status")).textContent).toContain("AIFIN Facts (2)");
  });

  it("says what a refresh changed", async () => {
    const user = userEvent.setup();
    renderView();
    await user.click(screen.getByRole("button", { name: "Refresh data" }));
    expect((await screen.findByRole("status")).textContent).toBe("Added 3, updated 2, removed 1 no longer in the data; kept 1 rows you edited and 4 rows you added; 40 unchanged.");
  });

  it("freezes to values and names the copy", async () => {
    const user = userEvent.setup();
    renderView();
    await user.click(screen.getByRole("button", { name: "Freeze to values" }));
    expect((await screen.findByRole("status")).textContent).toBe("Static copy written to “AIFIN Values”.");
  });

  it("shows errors from the host, returned or thrown, as alerts", async () => {
    const user = userEvent.setup();
    const error = { code: "accessDenied", operation: "build", officeCode: "AccessDenied", cause: "x", changed: { kind: "nothing" } } as const;
    renderView(fakeHost({ build: async () => ({ kind: "error", error }), refresh: async () => { throw new Error("Excel is busy"); } }));
    await user.click(screen.getByRole("button", { name: "Build workbook" }));
    const alert = (await screen.findByRole("alert")).textContent;
    expect(alert).toContain("protected or read-only");
    expect(alert).toContain("Nothing in the workbook was changed.");
    expect(alert).toContain("(Excel error AccessDenied)");
    await user.click(screen.getByRole("button", { name: "Refresh data" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Excel is busy"));
  });

  it("names missing features in plain words and disables what needs them", () => {
    renderView(fakeHost({ caps: { tables: false, missing: ["tables", "freezePanes"] } }));
    expect(screen.getByText("Excel tables are not supported by this version of Excel: AIFIN cannot build its workbook here.")).toBeTruthy();
    expect(screen.getByText("Frozen header rows are not available: headers scroll with the data.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Build workbook" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "Refresh data" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "Freeze to values" })).toHaveProperty("disabled", false);
  });

  it("outside Excel without a reason from the host, says a workbook needs Excel", () => {
    renderView(fakeHost({ caps: { excelApi: null, tables: false, missing: [] } }));
    expect(screen.getByText(/Open AIFIN inside Excel to build a workbook/)).toBeTruthy();
  });

  it("outside Excel shows the host's reason and disables every action", () => {
    renderView(fakeHost({ caps: { excelApi: null, tables: false, charts: false, dynamicArrays: false, missing: ["noExcel"] } }));
    expect(screen.getByText("Preview outside Excel")).toBeTruthy();
    expect(screen.getByText(/Excel is not available here: open AIFIN in Excel/)).toBeTruthy();
    for (const name of ["Build workbook", "Refresh data", "Freeze to values"]) {
      expect(screen.getByRole("button", { name })).toHaveProperty("disabled", true);
    }
  });

  it.each([
    ["zh-TW", zhTW, "此版本 Excel 不支援表格", "無法凍結標題列"],
    ["zh-CN", zhCN, "此版本 Excel 不支持表格", "无法冻结标题行"],
  ])("words the missing features in %s from its string table", (_lang, strings, tables, freeze) => {
    render(
      <FluentProvider theme={webLightTheme}>
        <StringsProvider value={strings}>
          <WorkbookView host={fakeHost({ caps: { tables: false, missing: ["tables", "freezePanes"] } })} selection={selection} selectionText="MSFT" />
        </StringsProvider>
      </FluentProvider>,
    );
    expect(screen.getByText(new RegExp(tables))).toBeTruthy();
    expect(screen.getByText(new RegExp(freeze))).toBeTruthy();
    expect(screen.queryByText(/not supported|not available/)).toBeNull();
  });
});
